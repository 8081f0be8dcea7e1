//! Overlap removal: after a layout has put nodes where they should roughly be, move the
//! movable ones apart until no two boxes come closer than a gap, each moving as little as it
//! can. Fixed nodes (pinned, or outside the layout's scope) never move.
//!
//! Pairs that are too close are pushed apart along the axis that needs the shorter move, the
//! push shared between the two nodes when both may move. A few dozen rounds settle almost
//! every layout; whatever still overlaps then is taken out and put back, one node at a time,
//! at the nearest free spot, which guarantees the result. Overlaps between two fixed nodes are
//! the user's doing and are left alone.

use super::free_space::BoxIndex;
use super::graph::LayoutGraph;
use super::measure::overlapping_pairs;
use super::progress::{Cancelled, Progress};
use crate::model::Point;

/// Rounds of pushing before falling back to re-placing nodes.
const PUSH_ROUNDS: usize = 60;
/// Extra distance added to each push so that rounding does not leave boxes touching.
const SLACK: f32 = 1.0;

/// Moves movable nodes until no two boxes (at `positions`, indexed like the graph's nodes)
/// come closer than `gap`, unless both are fixed.
pub fn remove_overlaps(
    graph: &LayoutGraph,
    positions: &mut [Point],
    gap: f32,
    progress: &Progress,
) -> Result<(), Cancelled> {
    let movable: Vec<bool> = graph.nodes.iter().map(|n| n.movable()).collect();
    let can_move = |i: usize| movable.get(i).copied().unwrap_or(false);
    for _ in 0..PUSH_ROUNDS {
        progress.check()?;
        let pairs: Vec<(usize, usize)> = overlapping_pairs(&graph.boxes(positions), gap)
            .into_iter()
            .filter(|&(i, j)| can_move(i) || can_move(j))
            .collect();
        if pairs.is_empty() {
            return Ok(());
        }
        for (i, j) in pairs {
            push_apart(graph, positions, i, j, gap, can_move(i), can_move(j));
        }
    }
    reseat_crowded(graph, positions, gap, &movable, progress)
}

/// Pushes two nodes apart if they are (still) too close.
fn push_apart(
    graph: &LayoutGraph,
    positions: &mut [Point],
    i: usize,
    j: usize,
    gap: f32,
    move_i: bool,
    move_j: bool,
) {
    let boxes = |p: &[Point]| {
        let a = graph.nodes.get(i).zip(p.get(i));
        let b = graph.nodes.get(j).zip(p.get(j));
        a.zip(b).map(|((na, &pa), (nb, &pb))| {
            (
                super::geometry::NodeBox::new(pa, na.size),
                super::geometry::NodeBox::new(pb, nb.size),
            )
        })
    };
    let Some((a, b)) = boxes(positions) else {
        return;
    };
    let (sx, sy) = a.shortfall(&b, gap);
    if sx <= 0.0 || sy <= 0.0 {
        return;
    }
    // Push along the axis that needs the shorter move; a node directly on top of another
    // goes by index so the outcome does not depend on chance.
    let along_x = sx < sy;
    let delta = if along_x {
        a.centre.x - b.centre.x
    } else {
        a.centre.y - b.centre.y
    };
    let sign = if delta > 0.0 || (delta == 0.0 && i > j) {
        1.0
    } else {
        -1.0
    };
    let amount = if along_x { sx } else { sy } + SLACK;
    let (share_i, share_j) = match (move_i, move_j) {
        (true, true) => (0.5, 0.5),
        (true, false) => (1.0, 0.0),
        (false, true) => (0.0, 1.0),
        (false, false) => return,
    };
    let mut shift = |k: usize, by: f32| {
        if let Some(p) = positions.get_mut(k) {
            if along_x {
                p.x += by;
            } else {
                p.y += by;
            }
        }
    };
    shift(i, sign * amount * share_i);
    shift(j, -sign * amount * share_j);
}

/// Takes every movable node that is still too close to another out, then puts each back at
/// the nearest free spot to where it was. Always ends without overlaps involving a movable
/// node.
fn reseat_crowded(
    graph: &LayoutGraph,
    positions: &mut [Point],
    gap: f32,
    movable: &[bool],
    progress: &Progress,
) -> Result<(), Cancelled> {
    let boxes = graph.boxes(positions);
    let mut crowded = vec![false; boxes.len()];
    for (i, j) in overlapping_pairs(&boxes, gap) {
        for k in [i, j] {
            if movable.get(k).copied().unwrap_or(false)
                && let Some(c) = crowded.get_mut(k)
            {
                *c = true;
            }
        }
    }
    let mut index = BoxIndex::of(
        boxes
            .iter()
            .zip(&crowded)
            .filter(|(_, c)| !**c)
            .map(|(b, _)| *b),
    );
    for (k, b) in boxes.iter().enumerate() {
        if !crowded.get(k).copied().unwrap_or(false) {
            continue;
        }
        progress.check()?;
        let at = index.nearest_free(b.centre, b.size, gap + SLACK);
        index.insert(super::geometry::NodeBox::new(at, b.size));
        if let Some(p) = positions.get_mut(k) {
            *p = at;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::geometry::Size;
    use super::super::graph::{LayoutNode, NodeKind};
    use super::super::measure::has_overlaps;
    use super::*;
    use crate::model::{ClaimId, NodeId};

    fn graph(nodes: &[(f32, f32, bool)]) -> LayoutGraph {
        let mut g = LayoutGraph::default();
        for (i, &(x, y, pinned)) in nodes.iter().enumerate() {
            g.push(LayoutNode {
                id: NodeId::Claim(ClaimId(i as u32 + 1)),
                kind: NodeKind::Claim,
                size: Size::new(120.0, 40.0),
                at: Point::new(x, y),
                pinned,
                in_scope: true,
                camp: None,
            });
        }
        g
    }

    #[test]
    fn a_heap_of_nodes_is_spread_without_overlaps() {
        let nodes: Vec<(f32, f32, bool)> = (0..40)
            .map(|i| ((i % 3) as f32, (i % 5) as f32, false))
            .collect();
        let g = graph(&nodes);
        let mut positions = g.positions();
        remove_overlaps(&g, &mut positions, 10.0, &Progress::new()).unwrap();
        assert!(!has_overlaps(&g.boxes(&positions), 10.0));
    }

    #[test]
    fn pinned_nodes_stay_and_others_make_way() {
        let g = graph(&[(0.0, 0.0, true), (10.0, 5.0, false), (0.0, 10.0, false)]);
        let mut positions = g.positions();
        remove_overlaps(&g, &mut positions, 10.0, &Progress::new()).unwrap();
        assert_eq!(positions[0], Point::new(0.0, 0.0));
        assert!(!has_overlaps(&g.boxes(&positions), 10.0));
    }

    #[test]
    fn nodes_already_apart_do_not_move() {
        let g = graph(&[(0.0, 0.0, false), (300.0, 0.0, false)]);
        let mut positions = g.positions();
        remove_overlaps(&g, &mut positions, 10.0, &Progress::new()).unwrap();
        assert_eq!(positions, g.positions());
    }

    #[test]
    fn two_pinned_nodes_on_top_of_each_other_are_left_alone() {
        let g = graph(&[(0.0, 0.0, true), (0.0, 0.0, true), (0.0, 0.0, false)]);
        let mut positions = g.positions();
        remove_overlaps(&g, &mut positions, 10.0, &Progress::new()).unwrap();
        assert_eq!(&positions[..2], &g.positions()[..2]);
        let boxes = g.boxes(&positions);
        assert!(!boxes[2].too_close(&boxes[0], 10.0));
    }
}
