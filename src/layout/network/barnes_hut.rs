//! A Barnes–Hut quadtree: repulsion from all other nodes in O(log n) per node, by treating a
//! far-away cluster of nodes as one heavy node at its centre of mass.

use crate::model::Point;

/// Deepest the tree goes; points closer than the cell size at this depth share a leaf.
const MAX_DEPTH: u32 = 30;
/// A cell is treated as one body when its size divided by its distance is below this.
pub const THETA: f32 = 0.9;

#[derive(Debug, Clone, Copy)]
struct Cell {
    /// Centre of mass, weighted.
    mass_x: f64,
    mass_y: f64,
    mass: f64,
    /// Side length of the cell.
    size: f32,
    /// Index of the first of four children, or 0 for a leaf.
    children: u32,
    /// For a leaf: one point it holds (points that fall on the same spot share a leaf).
    point: Option<u32>,
}

/// A quadtree over a set of points.
#[derive(Debug, Clone)]
pub struct QuadTree {
    cells: Vec<Cell>,
    origin: (f32, f32),
}

impl QuadTree {
    /// Builds the tree over `points` (only those with `include` set).
    pub fn build(points: &[Point], include: impl Fn(usize) -> bool) -> QuadTree {
        let (mut min_x, mut min_y) = (f32::INFINITY, f32::INFINITY);
        let (mut max_x, mut max_y) = (f32::NEG_INFINITY, f32::NEG_INFINITY);
        for (i, p) in points.iter().enumerate() {
            if include(i) {
                min_x = min_x.min(p.x);
                min_y = min_y.min(p.y);
                max_x = max_x.max(p.x);
                max_y = max_y.max(p.y);
            }
        }
        let size = (max_x - min_x).max(max_y - min_y).max(1.0) * 1.001;
        let mut tree = QuadTree {
            cells: vec![Cell {
                mass_x: 0.0,
                mass_y: 0.0,
                mass: 0.0,
                size,
                children: 0,
                point: None,
            }],
            origin: (min_x, min_y),
        };
        if min_x > max_x {
            return tree;
        }
        for (i, p) in points.iter().enumerate() {
            if include(i) {
                tree.insert(i as u32, *p, points);
            }
        }
        tree
    }

    fn insert(&mut self, index: u32, p: Point, points: &[Point]) {
        let (mut cell, mut x0, mut y0) = (0usize, self.origin.0, self.origin.1);
        let mut depth = 0;
        loop {
            let Some(c) = self.cells.get_mut(cell) else {
                return;
            };
            c.mass_x += f64::from(p.x);
            c.mass_y += f64::from(p.y);
            c.mass += 1.0;
            let half = c.size / 2.0;
            if c.children == 0 {
                match c.point {
                    None if c.mass <= 1.0 => {
                        c.point = Some(index);
                        return;
                    }
                    // A leaf at the deepest level keeps its first point; the others add mass.
                    _ if depth >= MAX_DEPTH => return,
                    existing => {
                        // Split the leaf and push its point down, then continue with ours.
                        let first = self.cells.len() as u32;
                        if let Some(c) = self.cells.get_mut(cell) {
                            c.children = first;
                            c.point = None;
                        }
                        for _ in 0..4 {
                            self.cells.push(Cell {
                                mass_x: 0.0,
                                mass_y: 0.0,
                                mass: 0.0,
                                size: half,
                                children: 0,
                                point: None,
                            });
                        }
                        if let Some(old) = existing
                            && let Some(&q) = points.get(old as usize)
                        {
                            let quadrant = quadrant_of(q, x0 + half, y0 + half);
                            let child = first as usize + quadrant;
                            if let Some(ch) = self.cells.get_mut(child) {
                                ch.mass_x += f64::from(q.x);
                                ch.mass_y += f64::from(q.y);
                                ch.mass += 1.0;
                                ch.point = Some(old);
                            }
                        }
                    }
                }
            }
            let Some(c) = self.cells.get(cell) else {
                return;
            };
            let quadrant = quadrant_of(p, x0 + half, y0 + half);
            if quadrant & 1 == 1 {
                x0 += half;
            }
            if quadrant & 2 == 2 {
                y0 += half;
            }
            cell = c.children as usize + quadrant;
            depth += 1;
        }
    }

    /// The repulsive force on point `p` (node `me`, excluded from its own force): the sum
    /// over other nodes of `strength / distance²` along the line away from them. Falling off
    /// with the square keeps far nodes from inflating sparse, tree-like maps.
    pub fn repulsion(&self, me: usize, p: Point, strength: f32) -> (f32, f32) {
        let mut force = (0.0_f64, 0.0_f64);
        let mut stack = vec![0usize];
        while let Some(cell) = stack.pop() {
            let Some(c) = self.cells.get(cell) else {
                continue;
            };
            if c.mass == 0.0 {
                continue;
            }
            let is_me = c.children == 0 && c.point == Some(me as u32) && c.mass <= 1.0;
            if is_me {
                continue;
            }
            let (cx, cy) = (c.mass_x / c.mass, c.mass_y / c.mass);
            let (dx, dy) = (f64::from(p.x) - cx, f64::from(p.y) - cy);
            let d2 = dx * dx + dy * dy;
            let far = f64::from(c.size) * f64::from(c.size) < f64::from(THETA * THETA) * d2;
            if c.children == 0 || far {
                // A cell that holds `me` among others: leave out my own share of its mass.
                let mass = if c.children == 0 && c.point == Some(me as u32) {
                    c.mass - 1.0
                } else {
                    c.mass
                };
                let (dx, dy, d2) = if d2 < 1e-6 {
                    // Points on the same spot: push apart in a direction fixed by the index.
                    let angle = me as f64 * 2.399_963;
                    (angle.cos(), angle.sin(), 1.0)
                } else {
                    (dx, dy, d2)
                };
                let scale = f64::from(strength) * mass / (d2 * d2.sqrt());
                force.0 += dx * scale;
                force.1 += dy * scale;
            } else {
                for q in 0..4 {
                    stack.push(c.children as usize + q);
                }
            }
        }
        (force.0 as f32, force.1 as f32)
    }
}

/// Which quarter of a cell split at (`mx`, `my`) a point is in: bit 0 right, bit 1 below.
fn quadrant_of(p: Point, mx: f32, my: f32) -> usize {
    usize::from(p.x >= mx) | (usize::from(p.y >= my) << 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The exact force, and the sum of the magnitudes of its terms (the scale errors are
    /// measured against: the net force on a node in the middle is a small remainder).
    fn exact(points: &[Point], me: usize, strength: f32) -> ((f32, f32), f32) {
        let p = points[me];
        let (mut f, mut gross) = ((0.0, 0.0), 0.0);
        for (i, q) in points.iter().enumerate() {
            if i != me {
                let (dx, dy) = (p.x - q.x, p.y - q.y);
                let d2 = dx * dx + dy * dy;
                f.0 += dx * strength / (d2 * d2.sqrt());
                f.1 += dy * strength / (d2 * d2.sqrt());
                gross += strength / d2;
            }
        }
        (f, gross)
    }

    #[test]
    fn repulsion_approximates_the_exact_sum() {
        let points: Vec<Point> = (0..200)
            .map(|i| {
                let a = i as f32 * 0.7;
                Point::new(
                    a.cos() * (10.0 + i as f32 * 3.0),
                    a.sin() * (5.0 + i as f32 * 2.0),
                )
            })
            .collect();
        let tree = QuadTree::build(&points, |_| true);
        for me in [0, 17, 100, 199] {
            let (ax, ay) = tree.repulsion(me, points[me], 100_000.0);
            let ((ex, ey), gross) = exact(&points, me, 100_000.0);
            let err = ((ax - ex).powi(2) + (ay - ey).powi(2)).sqrt();
            assert!(
                err <= 0.05 * gross,
                "node {me}: {ax},{ay} vs {ex},{ey} (of {gross})"
            );
        }
    }

    #[test]
    fn two_points_push_each_other_apart() {
        let points = [Point::new(0.0, 0.0), Point::new(10.0, 0.0)];
        let tree = QuadTree::build(&points, |_| true);
        let (fx, fy) = tree.repulsion(0, points[0], 100.0);
        assert!((fx + 1.0).abs() < 1e-4 && fy.abs() < 1e-4, "{fx},{fy}");
    }

    #[test]
    fn points_on_one_spot_still_push_apart() {
        let points = [Point::new(5.0, 5.0); 3];
        let tree = QuadTree::build(&points, |_| true);
        let (fx, fy) = tree.repulsion(1, points[1], 100.0);
        assert!(fx.is_finite() && fy.is_finite() && fx.hypot(fy) > 0.0);
    }
}
