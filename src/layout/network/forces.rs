//! The force simulation of the network layout, in the spring–electrical form of Fruchterman
//! and Reingold as used by Hu's sfdp: edges pull their ends together with force d²/K, every
//! pair of nodes pushes apart with force C·K³/d² (summed with a Barnes–Hut tree; sfdp's
//! "repulsive force exponent" 2, which keeps sparse maps from ballooning), and nodes step
//! along their net force with an adaptive step length that grows while the energy keeps
//! falling and shrinks when it does not.

use super::barnes_hut::QuadTree;
use crate::layout::progress::{Cancelled, Progress};
use crate::model::Point;

/// Relative strength of repulsion (Hu's C).
const REPULSION: f32 = 0.2;
/// The step shrinks (or grows) by this factor.
const COOLING: f32 = 0.9;
/// Stop when steps are this small relative to K.
const MIN_STEP: f32 = 0.005;

/// What the simulation works on, by local index.
#[derive(Debug)]
pub struct Springs<'a> {
    /// Each node's neighbours with the number of edges between them.
    pub neighbours: &'a [Vec<(usize, f32)>],
    /// Which nodes may move.
    pub movable: &'a [bool],
    /// The natural edge length K.
    pub unit: f32,
}

/// Moves the movable nodes towards a state of low energy, for at most `iterations` steps.
/// Reports progress from `stage.0` to `stage.1` of the whole layout.
pub fn relax(
    springs: &Springs,
    positions: &mut [Point],
    iterations: usize,
    progress: &Progress,
    stage: (f32, f32),
) -> Result<(), Cancelled> {
    let k = springs.unit.max(1.0);
    let strength = REPULSION * k * k * k;
    let mut step = k;
    let mut last_energy = f64::INFINITY;
    let mut improving = 0;
    let mut forces = vec![(0.0_f32, 0.0_f32); positions.len()];
    for iteration in 0..iterations {
        progress.check()?;
        progress.set_stage(stage.0, stage.1, iteration as f32 / iterations as f32);
        let tree = QuadTree::build(positions, |_| true);
        let mut energy = 0.0_f64;
        for (i, force) in forces.iter_mut().enumerate() {
            *force = (0.0, 0.0);
            if !springs.movable.get(i).copied().unwrap_or(false) {
                continue;
            }
            let Some(&p) = positions.get(i) else {
                continue;
            };
            let (mut fx, mut fy) = tree.repulsion(i, p, strength);
            for &(j, weight) in springs.neighbours.get(i).into_iter().flatten() {
                if let Some(&q) = positions.get(j) {
                    let (dx, dy) = (q.x - p.x, q.y - p.y);
                    let d = dx.hypot(dy);
                    // d²/K along the unit vector: (dx, dy) · d / K.
                    fx += dx * d / k * weight.sqrt();
                    fy += dy * d / k * weight.sqrt();
                }
            }
            energy += f64::from(fx * fx + fy * fy);
            *force = (fx, fy);
        }
        for (p, &(fx, fy)) in positions.iter_mut().zip(&forces) {
            let length = fx.hypot(fy);
            if length > 1e-9 && length.is_finite() {
                p.x += step * fx / length;
                p.y += step * fy / length;
            }
        }
        if energy < last_energy {
            improving += 1;
            if improving >= 5 {
                improving = 0;
                step /= COOLING;
            }
        } else {
            improving = 0;
            step *= COOLING;
        }
        last_energy = energy;
        if step < MIN_STEP * k {
            break;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edge_settles_near_its_natural_length() {
        // Two nodes and one edge: the pull d²/K balances the push C·K³/d² at d = C^(1/4)·K.
        let neighbours = vec![vec![(1, 1.0)], vec![(0, 1.0)]];
        let mut positions = vec![Point::new(0.0, 0.0), Point::new(900.0, 0.0)];
        let springs = Springs {
            neighbours: &neighbours,
            movable: &[true, true],
            unit: 100.0,
        };
        relax(&springs, &mut positions, 500, &Progress::new(), (0.0, 1.0)).unwrap();
        let d = (positions[0].x - positions[1].x).hypot(positions[0].y - positions[1].y);
        let expected = REPULSION.sqrt().sqrt() * 100.0;
        assert!((d - expected).abs() < 0.1 * expected, "{d} vs {expected}");
    }

    #[test]
    fn fixed_nodes_do_not_move() {
        let neighbours = vec![vec![(1, 1.0)], vec![(0, 1.0)]];
        let mut positions = vec![Point::new(0.0, 0.0), Point::new(900.0, 0.0)];
        let springs = Springs {
            neighbours: &neighbours,
            movable: &[false, true],
            unit: 100.0,
        };
        relax(&springs, &mut positions, 200, &Progress::new(), (0.0, 1.0)).unwrap();
        assert_eq!(positions[0], Point::new(0.0, 0.0));
        assert!(positions[1].x < 900.0);
    }
}
