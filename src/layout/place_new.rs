//! A spot for a node that joins the map (created, pasted or imported): near the nodes it is
//! linked to, never on top of another node.
//!
//! The wanted spot is the average position of the node's neighbours. An actor goes beside its
//! claims, on the side where its camp already stands (as the stance layout would put it). The
//! nearest free spot to the wanted one is then found on a fine grid, keeping a gap to every
//! other box.

use super::free_space::BoxIndex;
use super::geometry::NodeBox;
use super::graph::{LayoutGraph, NodeKind, Scope};
use super::stance::INNER_GAP;
use crate::model::{Map, NodeId, Point};
use crate::scene::Style;

/// Least space kept between a new node and any other.
pub const NEW_NODE_GAP: f32 = 24.0;

/// Spots for nodes that have just joined the map, placed in the order given: each avoids the
/// nodes already on the map (other than the new ones) and the new ones placed before it.
/// `fallback` is used for a node linked to nothing already placed, e.g. the middle of the
/// view. Nodes that are not on the map are skipped.
pub fn place_new_nodes(
    map: &Map,
    style: &Style,
    new: &[NodeId],
    fallback: Point,
) -> Vec<(NodeId, Point)> {
    let graph = LayoutGraph::from_map(map, style, &Scope::Whole);
    let adjacency = graph.adjacency();
    let is_new: Vec<bool> = graph.nodes.iter().map(|n| new.contains(&n.id)).collect();
    let mut placed: Vec<bool> = is_new.iter().map(|n| !n).collect();
    let mut positions = graph.positions();
    let mut index = BoxIndex::of(
        graph
            .nodes
            .iter()
            .zip(&placed)
            .filter(|(_, p)| **p)
            .map(|(n, _)| NodeBox::new(n.at, n.size)),
    );
    let mut out = Vec::new();
    for &id in new {
        let Some(i) = graph.index_of(id) else {
            continue;
        };
        if placed.get(i).copied().unwrap_or(true) {
            continue;
        }
        let Some(node) = graph.nodes.get(i) else {
            continue;
        };
        let wanted = wanted_spot(&graph, &adjacency, &placed, &positions, i).unwrap_or(fallback);
        let at = index.nearest_free(wanted, node.size, NEW_NODE_GAP);
        let at = Point::new(at.x.round(), at.y.round());
        index.insert(NodeBox::new(at, node.size));
        if let Some(p) = positions.get_mut(i) {
            *p = at;
        }
        if let Some(p) = placed.get_mut(i) {
            *p = true;
        }
        out.push((id, at));
    }
    out
}

/// A spot for one node that has just joined the map (see [`place_new_nodes`]).
pub fn place_new_node(map: &Map, style: &Style, node: NodeId, fallback: Point) -> Point {
    place_new_nodes(map, style, &[node], fallback)
        .first()
        .map_or(fallback, |(_, at)| *at)
}

/// How far to move the nodes `new` together (they are on `map` already, where they were put)
/// so that none of them lands on or crowds another node; they keep their arrangement, as a
/// pasted group should. `(0, 0)` when they are clear of the others already.
pub fn room_for_group(map: &Map, style: &Style, new: &[NodeId]) -> (f32, f32) {
    let graph = LayoutGraph::from_map(map, style, &Scope::Whole);
    let (group, others): (Vec<_>, Vec<_>) = graph
        .nodes
        .iter()
        .map(|n| (new.contains(&n.id), NodeBox::new(n.at, n.size)))
        .partition(|(is_new, _)| *is_new);
    let group: Vec<NodeBox> = group.into_iter().map(|(_, b)| b).collect();
    BoxIndex::of(others.into_iter().map(|(_, b)| b)).nearest_free_shift(&group, NEW_NODE_GAP)
}

/// Where node `i` would like to be, given the placed nodes; `None` when it has no placed
/// neighbour.
fn wanted_spot(
    graph: &LayoutGraph,
    adjacency: &[Vec<usize>],
    placed: &[bool],
    positions: &[Point],
    i: usize,
) -> Option<Point> {
    let neighbours: Vec<Point> = adjacency
        .get(i)?
        .iter()
        .filter(|&&j| placed.get(j).copied().unwrap_or(false))
        .filter_map(|&j| positions.get(j).copied())
        .collect();
    if neighbours.is_empty() {
        return None;
    }
    let n = neighbours.len() as f32;
    let centre = Point::new(
        neighbours.iter().map(|p| p.x).sum::<f32>() / n,
        neighbours.iter().map(|p| p.y).sum::<f32>() / n,
    );
    let node = graph.nodes.get(i)?;
    if node.kind != NodeKind::Actor {
        return Some(centre);
    }
    // An actor stands beside its claims, on its camp's side (left if it has no camp mates).
    let mates: Vec<f32> = graph
        .nodes
        .iter()
        .enumerate()
        .filter(|(j, other)| {
            *j != i
                && other.kind == NodeKind::Actor
                && other.camp.is_some()
                && other.camp == node.camp
                && placed.get(*j).copied().unwrap_or(false)
        })
        .filter_map(|(j, _)| positions.get(j).map(|p| p.x))
        .collect();
    let side = if mates.is_empty() {
        -1.0
    } else {
        let mean = mates.iter().sum::<f32>() / mates.len() as f32;
        if mean >= centre.x { 1.0 } else { -1.0 }
    };
    let claim_half = adjacency
        .get(i)?
        .iter()
        .filter_map(|&j| graph.nodes.get(j))
        .map(|c| c.size.w / 2.0)
        .fold(0.0_f32, f32::max);
    let offset = claim_half + INNER_GAP + node.size.w / 2.0;
    Some(Point::new(centre.x + side * offset, centre.y))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::map_overlaps;
    use crate::model::{Actor, ActorKind, Claim, Edit, Position, Stance};
    use crate::scene::Theme;

    fn style() -> Style {
        Style::new(Theme::Light)
    }

    /// Putin (Russia) left of a claim, a new Russian actor and a new claim at the origin.
    fn map_with_new_nodes() -> (Map, NodeId, NodeId) {
        let mut map = Map::new("t");
        let mut ids = map.id_allocator();
        let (putin, claim, putin_stance) = (ids.actor(), ids.claim(), ids.stance());
        let (lavrov, lavrov_stance, other) = (ids.actor(), ids.stance(), ids.claim());
        let russia = |a: Actor| Actor {
            camp: Some("Russia".into()),
            ..a
        };
        map.apply(Edit::Batch(vec![
            Edit::AddActor(russia(Actor::new(
                putin,
                "Putin",
                ActorKind::Person,
                Point::new(-400.0, 0.0),
            ))),
            Edit::AddClaim(Claim::new(claim, "No NATO expansion", Point::new(0.0, 0.0))),
            Edit::AddStance(Stance::new(putin_stance, putin, claim, Position::Supports)),
            // The new ones, dropped at the claim's spot.
            Edit::AddActor(russia(Actor::new(
                lavrov,
                "Lavrov",
                ActorKind::Person,
                Point::new(0.0, 0.0),
            ))),
            Edit::AddStance(Stance::new(
                lavrov_stance,
                lavrov,
                claim,
                Position::Supports,
            )),
            Edit::AddClaim(Claim::new(other, "Legal guarantees", Point::new(0.0, 0.0))),
        ]))
        .unwrap();
        (map, lavrov.into(), other.into())
    }

    #[test]
    fn a_new_actor_joins_its_camp_beside_its_claim() {
        let (map, lavrov, _) = map_with_new_nodes();
        let at = place_new_node(&map, &style(), lavrov, Point::new(999.0, 999.0));
        assert!(at.x < -100.0, "left of the claim, with Putin: {at:?}");
        assert!(at.y.abs() < 200.0, "near the claim: {at:?}");
    }

    #[test]
    fn a_group_dropped_on_others_moves_clear_as_one() {
        let (map, lavrov, other) = map_with_new_nodes();
        let before: Vec<Point> = [lavrov, other]
            .iter()
            .map(|&n| map.node_position(n).unwrap())
            .collect();
        let (dx, dy) = room_for_group(&map, &style(), &[lavrov, other]);
        assert!(dx != 0.0 || dy != 0.0, "dropped on the claim: must move");
        let mut moved = map.clone();
        let moves = [lavrov, other]
            .iter()
            .zip(&before)
            .map(|(&n, at)| (n, Point::new(at.x + dx, at.y + dy)))
            .collect();
        moved
            .apply(Edit::MoveNodes {
                moves,
                pinned: false,
            })
            .unwrap();
        // Clear of the old nodes; the two new ones were on top of each other and still are.
        let overlaps = map_overlaps(&moved, &style(), NEW_NODE_GAP - 1.0);
        assert!(
            overlaps
                .iter()
                .all(|&(a, b)| [a, b].iter().all(|n| [lavrov, other].contains(n))),
            "{overlaps:?}"
        );
    }

    #[test]
    fn a_group_in_open_space_stays_put() {
        let (mut map, lavrov, other) = map_with_new_nodes();
        map.apply(Edit::MoveNodes {
            moves: vec![
                (lavrov, Point::new(0.0, 900.0)),
                (other, Point::new(300.0, 900.0)),
            ],
            pinned: false,
        })
        .unwrap();
        assert_eq!(room_for_group(&map, &style(), &[lavrov, other]), (0.0, 0.0));
    }

    #[test]
    fn new_nodes_never_land_on_others() {
        let (mut map, lavrov, other) = map_with_new_nodes();
        let moves = place_new_nodes(&map, &style(), &[lavrov, other], Point::new(0.0, 0.0));
        assert_eq!(moves.len(), 2);
        map.apply(Edit::MoveNodes {
            moves,
            pinned: false,
        })
        .unwrap();
        assert!(map_overlaps(&map, &style(), NEW_NODE_GAP - 1.0).is_empty());
    }

    #[test]
    fn a_node_linked_to_nothing_goes_near_the_fallback() {
        let (map, _, other) = map_with_new_nodes();
        let at = place_new_node(&map, &style(), other, Point::new(1000.0, 1000.0));
        assert_eq!(at, Point::new(1000.0, 1000.0));
    }
}
