//! Folding the claims' reading order into several claim columns.
//!
//! The claims keep one reading order top to bottom, as in a single column; with `k` claim
//! columns each claim's height is its place in that order divided by `k`, so the columns
//! share the rows and the claims stand staggered like bricks. Which column a claim takes is
//! chosen top to bottom: the one its lean asks for (claims mostly discussed by the left side
//! to the left, by the right side to the right), unless that column is still busy with the
//! claims above it and would push this one down further than the lean is worth. Because the
//! heights follow the one order, an edge that passes a column runs between two of its claims,
//! near the row of the claim it goes to.

use super::super::graph::LayoutGraph;
use super::super::sides::Side;
use super::band::{Band, CLAIM_GAP};
use super::order::Context;

/// Rounds of smoothing a claim's lean with its related claims' leans.
const LEAN_SMOOTHING: usize = 2;
/// What standing one column away from where its lean asks is worth to a claim, as a share of
/// the mean row (claim height and gap): being pushed down further than that costs more.
const LEAN_SHARE: f32 = 0.4;

/// Each claim's lean, indexed by node: the share of its stances taken by actors on the right
/// side, smoothed with the leans of related claims so related claims stay near each other. A
/// claim nobody on either side speaks to leans 0.5; other nodes get 0.5 too.
pub fn leans(graph: &LayoutGraph, adjacency: &[Vec<usize>], sides: &[Option<Side>]) -> Vec<f32> {
    let is_claim = |i: usize| {
        graph
            .nodes
            .get(i)
            .is_some_and(|n| n.kind == super::super::graph::NodeKind::Claim)
    };
    let mut lean: Vec<f32> = (0..graph.len())
        .map(|c| {
            if !is_claim(c) {
                return 0.5;
            }
            let (mut left, mut right) = (0u32, 0u32);
            for &n in adjacency.get(c).into_iter().flatten() {
                match sides.get(n).copied().flatten() {
                    Some(Side::Left) => left += 1,
                    Some(Side::Right) => right += 1,
                    None => {}
                }
            }
            match left + right {
                0 => 0.5,
                total => right as f32 / total as f32,
            }
        })
        .collect();
    for _ in 0..LEAN_SMOOTHING {
        let before = lean.clone();
        for (c, value) in lean.iter_mut().enumerate() {
            if !is_claim(c) {
                continue;
            }
            let (mut sum, mut count) = (before.get(c).copied().unwrap_or(0.5), 1.0_f32);
            for &n in adjacency.get(c).into_iter().flatten() {
                if is_claim(n) {
                    sum += before.get(n).copied().unwrap_or(0.5);
                    count += 1.0;
                }
            }
            *value = sum / count;
        }
    }
    lean
}

/// Chooses every claim's column, top to bottom in reading order (see the module notes).
pub fn fold(cx: &Context, band: &mut Band) {
    band.column_of.clear();
    let k = band.claim_columns.max(1);
    if k == 1 || band.claims.is_empty() {
        return;
    }
    let rows: f32 = band.claims.iter().map(|&c| cx.height(c) + CLAIM_GAP).sum();
    let lean_worth = LEAN_SHARE * rows / band.claims.len() as f32;
    // Where each column is free again: the bottom of its last claim plus the gap.
    let mut free = vec![f32::NEG_INFINITY; k];
    let mut filled = 0.0_f32;
    for &c in &band.claims {
        let h = cx.height(c);
        let top = filled / k as f32;
        let wanted = cx.leans.get(c).copied().unwrap_or(0.5) * (k - 1) as f32;
        let mut best = (f32::INFINITY, 0usize);
        for (column, &from) in free.iter().enumerate() {
            let pushed = (from - top).max(0.0);
            let cost = pushed + lean_worth * (column as f32 - wanted).abs();
            if cost < best.0 - 1e-3 {
                best = (cost, column);
            }
        }
        if let Some(from) = free.get_mut(best.1) {
            *from = from.max(top) + h + CLAIM_GAP;
        }
        band.column_of.insert(c, best.1);
        filled += h + CLAIM_GAP;
    }
}

#[cfg(test)]
mod tests {
    use super::super::band::Frame;
    use super::*;
    use crate::layout::geometry::Size;
    use crate::layout::graph::{LayoutNode, NodeKind};
    use crate::model::{ClaimId, NodeId, Point};
    use std::collections::BTreeMap;

    /// Folds claims of equal height (50 high) with the given leans into `k` columns and
    /// returns each claim's column, in reading order.
    fn folded(leans: &[f32], k: usize) -> Vec<usize> {
        let mut graph = LayoutGraph::default();
        for i in 0..leans.len() {
            graph.push(LayoutNode {
                id: NodeId::Claim(ClaimId(i as u32)),
                kind: NodeKind::Claim,
                size: Size::new(200.0, 50.0),
                at: Point::default(),
                pinned: false,
                in_scope: true,
                camp: None,
            });
        }
        let adjacency = vec![Vec::new(); leans.len()];
        let sides = vec![None; leans.len()];
        let frame = Frame {
            claim_width: 200.0,
            actor_width: 100.0,
        };
        let cx = Context {
            graph: &graph,
            adjacency: &adjacency,
            frame: &frame,
            sides: &sides,
            aspect: 1.0,
            leans,
        };
        let mut band = Band {
            claims: (0..leans.len()).collect(),
            claim_columns: k,
            column_of: BTreeMap::new(),
            columns: Vec::new(),
        };
        fold(&cx, &mut band);
        band.claims.iter().map(|&c| band.column(c)).collect()
    }

    #[test]
    fn claims_go_to_the_side_that_discusses_them() {
        assert_eq!(
            folded(&[0.0, 1.0, 0.0, 1.0, 0.0, 1.0], 2),
            [0, 1, 0, 1, 0, 1]
        );
        assert_eq!(folded(&[1.0, 0.0, 0.5], 3), [2, 0, 1]);
    }

    #[test]
    fn a_busy_column_hands_claims_to_the_next_one() {
        // Every claim leans left, but waiting for the left column would push them down
        // further than the lean is worth: with two columns each claim (50 high, 24 gap)
        // wants to stand 37 below the one before, while being a column off its lean is
        // worth 0.4 × 74 = 29.6, so they alternate.
        assert_eq!(folded(&[0.0; 4], 2), [0, 1, 0, 1]);
        // With three columns the third claim wants 49.3 and the left column is free from
        // 74: pushed 24.7 < 29.6, it waits there rather than go one column further off.
        assert_eq!(folded(&[0.0; 3], 3), [0, 1, 0]);
    }

    #[test]
    fn one_column_holds_everything() {
        assert_eq!(folded(&[0.0, 1.0, 0.5], 1), [0, 0, 0]);
    }
}
