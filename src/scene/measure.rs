//! How good a drawn scene is, measured on what is drawn: edges whose routed lines run through
//! nodes they do not join, and node boxes that overlap. The layout's own measures
//! (`layout::count_edge_node_hits` and friends) use straight lines between node centres; these
//! use the scene's routes, with their detours, as the canvas and every export draw them.

use super::build::{Scene, SceneId};
use super::routing::{Obstacles, edge_path};
use crate::layout::{NodeBox, Size, overlapping_pairs};
use crate::model::{NodeId, Point};
use eframe::egui::Rect;

/// Overlaps smaller than this (in map units, across both boxes) are rounding, not overlaps.
const OVERLAP_TOLERANCE: f32 = 1.0;

/// The nodes of the scene with their boxes, in the scene's order.
fn node_boxes(scene: &Scene) -> Vec<(NodeId, Rect)> {
    scene
        .items
        .iter()
        .filter_map(|item| match item.id {
            SceneId::Node(n) => Some((n, item.bounds)),
            SceneId::Edge(_) => None,
        })
        .collect()
}

/// The edges whose drawn line runs through the box of a node they do not join (boxes shrunk
/// a little, as routing checks them, so a line grazing a corner does not count). The checks
/// have a budget of their own, as large as routing a fresh scene gets: should a huge,
/// crowded map spend it, the remaining edges count as through nodes, as routing treats them.
pub fn edges_through_nodes(scene: &Scene) -> Vec<SceneId> {
    let obstacles = Obstacles::new(node_boxes(scene));
    scene
        .items
        .iter()
        .filter(|item| {
            item.ends
                .is_some_and(|ends| obstacles.blocks(&edge_path(&item.shapes), ends))
        })
        .map(|item| item.id)
        .collect()
}

/// Every pair of nodes whose boxes in the scene share area (more than a unit's rounding),
/// each pair once, smaller id first, sorted.
pub fn overlapping_nodes(scene: &Scene) -> Vec<(NodeId, NodeId)> {
    let nodes = node_boxes(scene);
    let boxes: Vec<NodeBox> = nodes
        .iter()
        .map(|(_, r)| {
            let c = r.center();
            NodeBox::new(Point::new(c.x, c.y), Size::new(r.width(), r.height()))
        })
        .collect();
    let mut pairs: Vec<(NodeId, NodeId)> = overlapping_pairs(&boxes, -OVERLAP_TOLERANCE)
        .into_iter()
        .filter_map(|(i, j)| {
            let (a, b) = (nodes.get(i)?.0, nodes.get(j)?.0);
            Some((a.min(b), a.max(b)))
        })
        .collect();
    pairs.sort_unstable();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorKind, Claim, Edit, Map, Position, Stance};
    use crate::scene::{Style, Theme};

    /// An actor, a claim far to its right it takes a stance on, and a second claim at
    /// `between` (on the way, or elsewhere).
    fn map_with_claim_at(between: Point) -> Map {
        let mut map = Map::new("test");
        let mut ids = map.id_allocator();
        let (actor, far, near) = (ids.actor(), ids.claim(), ids.claim());
        let edits = vec![
            Edit::AddActor(Actor::new(
                actor,
                "A",
                ActorKind::Person,
                Point::new(0.0, 0.0),
            )),
            Edit::AddClaim(Claim::new(far, "far", Point::new(800.0, 0.0))),
            Edit::AddClaim(Claim::new(near, "near", between)),
            Edit::AddStance(Stance::new(ids.stance(), actor, far, Position::Supports)),
        ];
        map.apply(Edit::Batch(edits)).unwrap();
        map
    }

    #[test]
    fn a_node_out_of_the_way_blocks_no_edge_and_overlaps_nothing() {
        let map = map_with_claim_at(Point::new(400.0, 600.0));
        let scene = Scene::build(&map, &Style::new(Theme::Light));
        assert!(edges_through_nodes(&scene).is_empty());
        assert!(overlapping_nodes(&scene).is_empty());
    }

    #[test]
    fn a_node_no_detour_clears_blocks_the_edge() {
        let map = map_with_claim_at(Point::new(400.0, 600.0));
        let mut scene = Scene::build(&map, &Style::new(Theme::Light));
        // Stretch the second claim into a wall across the edge, taller than any detour.
        let near = map.claims().nth(1).unwrap().id;
        let wall = scene
            .items
            .iter_mut()
            .find(|item| item.id == SceneId::Node(near.into()))
            .unwrap();
        wall.bounds = Rect::from_min_max(
            eframe::egui::pos2(350.0, -2000.0),
            eframe::egui::pos2(450.0, 2000.0),
        );
        let through = edges_through_nodes(&scene);
        assert_eq!(through.len(), 1, "{through:?}");
        assert!(matches!(through[0], SceneId::Edge(_)));
    }

    #[test]
    fn a_node_on_top_of_another_is_an_overlapping_pair() {
        let map = map_with_claim_at(Point::new(805.0, 5.0));
        let scene = Scene::build(&map, &Style::new(Theme::Light));
        assert_eq!(overlapping_nodes(&scene).len(), 1);
    }
}
