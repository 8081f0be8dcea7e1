//! Pivot MDS (Brandes and Pich, 2006): a fast first drawing of a connected graph that gets
//! the overall shape right. Graph distances from a few well-spread pivot nodes stand in for
//! all-pairs distances; classical scaling of that tall, thin matrix gives coordinates whose
//! distances follow the graph's. The force simulation then only has to tidy up locally.

use crate::model::Point;
use std::collections::VecDeque;

/// Most pivots used.
const MAX_PIVOTS: usize = 50;
/// Power iterations for each eigenvector.
const POWER_STEPS: usize = 100;

/// Positions for the nodes of a connected graph (`neighbours` by local index), with graph
/// distance 1 drawn `unit` long.
pub fn pivot_mds(neighbours: &[Vec<usize>], unit: f32) -> Vec<Point> {
    let n = neighbours.len();
    if n <= 2 {
        return (0..n).map(|i| Point::new(i as f32 * unit, 0.0)).collect();
    }
    let k = MAX_PIVOTS.min(n);
    // Pivots spread out by max–min distance: each new pivot is the node farthest from all
    // pivots chosen so far.
    let mut columns: Vec<Vec<f64>> = Vec::with_capacity(k);
    let mut nearest = vec![f64::INFINITY; n];
    let mut pivot = 0usize;
    for _ in 0..k {
        let distances = bfs(neighbours, pivot);
        for (m, d) in nearest.iter_mut().zip(&distances) {
            *m = m.min(*d);
        }
        columns.push(distances);
        pivot = nearest
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))
            .map_or(0, |(i, _)| i);
    }
    // Double centring of squared distances: c_ij = -(d² - row mean - column mean + mean)/2.
    let squared: Vec<Vec<f64>> = columns
        .iter()
        .map(|col| col.iter().map(|d| d * d).collect())
        .collect();
    let col_mean: Vec<f64> = squared
        .iter()
        .map(|c| c.iter().sum::<f64>() / n as f64)
        .collect();
    let row_mean: Vec<f64> = (0..n)
        .map(|i| squared.iter().filter_map(|c| c.get(i)).sum::<f64>() / k as f64)
        .collect();
    let grand = col_mean.iter().sum::<f64>() / k as f64;
    let centred: Vec<Vec<f64>> = squared
        .iter()
        .zip(&col_mean)
        .map(|(col, cm)| {
            col.iter()
                .zip(&row_mean)
                .map(|(d2, rm)| -0.5 * (d2 - rm - cm + grand))
                .collect()
        })
        .collect();
    // The two leading eigenvectors of CᵀC (k × k), by power iteration with deflation.
    let mut ctc = vec![vec![0.0_f64; k]; k];
    for (a, ca) in centred.iter().enumerate() {
        for (b, cb) in centred.iter().enumerate().skip(a) {
            let dot: f64 = ca.iter().zip(cb).map(|(x, y)| x * y).sum();
            for (r, c) in [(a, b), (b, a)] {
                if let Some(cell) = ctc.get_mut(r).and_then(|row| row.get_mut(c)) {
                    *cell = dot;
                }
            }
        }
    }
    let first = leading_eigenvector(&ctc, &[]);
    let second = leading_eigenvector(&ctc, std::slice::from_ref(&first));
    let project = |v: &[f64], i: usize| -> f64 {
        centred
            .iter()
            .zip(v)
            .map(|(col, w)| col.get(i).copied().unwrap_or(0.0) * w)
            .sum()
    };
    let raw: Vec<(f64, f64)> = (0..n)
        .map(|i| (project(&first, i), project(&second, i)))
        .collect();
    // Scale so that edges are `unit` long on average.
    let mut edge_sum = 0.0;
    let mut edge_count = 0usize;
    for (i, list) in neighbours.iter().enumerate() {
        for &j in list {
            if let (Some(a), Some(b)) = (raw.get(i), raw.get(j)) {
                edge_sum += (a.0 - b.0).hypot(a.1 - b.1);
                edge_count += 1;
            }
        }
    }
    let mean_edge = if edge_count > 0 {
        edge_sum / edge_count as f64
    } else {
        1.0
    };
    let scale = if mean_edge > 1e-9 {
        f64::from(unit) / mean_edge
    } else {
        f64::from(unit)
    };
    raw.into_iter()
        .map(|(x, y)| Point::new((x * scale) as f32, (y * scale) as f32))
        .collect()
}

/// Hop distances from `start` (unreachable nodes get the largest distance found plus one).
fn bfs(neighbours: &[Vec<usize>], start: usize) -> Vec<f64> {
    let mut distance = vec![f64::INFINITY; neighbours.len()];
    let mut queue = VecDeque::from([start]);
    if let Some(d) = distance.get_mut(start) {
        *d = 0.0;
    }
    let mut far = 0.0_f64;
    while let Some(v) = queue.pop_front() {
        let dv = distance.get(v).copied().unwrap_or(0.0);
        far = far.max(dv);
        for &w in neighbours.get(v).into_iter().flatten() {
            if let Some(dw) = distance.get_mut(w)
                && dw.is_infinite()
            {
                *dw = dv + 1.0;
                queue.push_back(w);
            }
        }
    }
    for d in &mut distance {
        if d.is_infinite() {
            *d = far + 1.0;
        }
    }
    distance
}

/// The leading eigenvector of a symmetric matrix, orthogonal to `previous` ones.
fn leading_eigenvector(matrix: &[Vec<f64>], previous: &[Vec<f64>]) -> Vec<f64> {
    let k = matrix.len();
    // A fixed, uneven start vector so results do not depend on chance.
    let mut v: Vec<f64> = (0..k).map(|i| 1.0 + (i as f64 * 0.618).fract()).collect();
    for _ in 0..POWER_STEPS {
        for p in previous {
            let dot: f64 = v.iter().zip(p).map(|(a, b)| a * b).sum();
            for (x, y) in v.iter_mut().zip(p) {
                *x -= dot * y;
            }
        }
        let mut next: Vec<f64> = matrix
            .iter()
            .map(|row| row.iter().zip(&v).map(|(a, b)| a * b).sum())
            .collect();
        let norm = next.iter().map(|x| x * x).sum::<f64>().sqrt();
        if norm < 1e-12 {
            break;
        }
        for x in &mut next {
            *x /= norm;
        }
        v = next;
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(n: usize) -> Vec<Vec<usize>> {
        (0..n)
            .map(|i| {
                let mut list = Vec::new();
                if i > 0 {
                    list.push(i - 1);
                }
                if i + 1 < n {
                    list.push(i + 1);
                }
                list
            })
            .collect()
    }

    #[test]
    fn a_path_is_drawn_straight_with_unit_edges() {
        let points = pivot_mds(&path(10), 100.0);
        // Neighbouring nodes are about one unit apart and the ends are farthest apart.
        for w in points.windows(2) {
            let d = (w[0].x - w[1].x).hypot(w[0].y - w[1].y);
            assert!((d - 100.0).abs() < 15.0, "edge of {d}");
        }
        let ends = (points[0].x - points[9].x).hypot(points[0].y - points[9].y);
        assert!(ends > 800.0, "ends {ends} apart");
    }

    #[test]
    fn a_cycle_is_drawn_round() {
        let n = 12;
        let cycle: Vec<Vec<usize>> = (0..n).map(|i| vec![(i + n - 1) % n, (i + 1) % n]).collect();
        let points = pivot_mds(&cycle, 50.0);
        let cx = points.iter().map(|p| p.x).sum::<f32>() / n as f32;
        let cy = points.iter().map(|p| p.y).sum::<f32>() / n as f32;
        let radii: Vec<f32> = points.iter().map(|p| (p.x - cx).hypot(p.y - cy)).collect();
        let (lo, hi) = radii.iter().fold((f32::INFINITY, 0.0_f32), |(lo, hi), r| {
            (lo.min(*r), hi.max(*r))
        });
        assert!(hi < lo * 1.3, "radii from {lo} to {hi}");
    }
}
