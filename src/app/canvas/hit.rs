//! What lies under a point of the canvas: nodes (topmost first), edges near the point, the
//! connection handle of a node, and the nodes inside a selection box.

use super::drawing::Drawing;
use crate::app::selection::node_of;
use crate::model::{EdgeId, ItemId, NodeId};
use crate::scene::{SceneId, SceneItem, Shape, bezier_point, curves};
#[cfg(test)]
use eframe::egui::Vec2;
use eframe::egui::{Pos2, Rect};

/// Radius of a node's connection handle, in screen pixels.
pub const HANDLE_RADIUS: f32 = 6.0;
/// How far from an edge's line a click still hits it, in screen pixels.
const EDGE_TOLERANCE_PX: f32 = 5.0;

/// What is under the pointer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// A node.
    Node(NodeId),
    /// An edge.
    Edge(EdgeId),
    /// Empty canvas.
    Nothing,
}

/// The topmost node at a map point.
pub fn node_at(drawing: &Drawing, point: Pos2) -> Option<NodeId> {
    drawing.scene.node_at(point)
}

/// The edge nearest to a map point, if one passes within a few screen pixels of it.
pub fn edge_at(drawing: &Drawing, point: Pos2, zoom: f32) -> Option<EdgeId> {
    let tolerance = EDGE_TOLERANCE_PX / zoom.max(1e-3);
    drawing
        .scene
        .items
        .iter()
        .filter(|item| item.bounds.expand(tolerance).contains(point))
        .filter_map(|item| match item.id {
            SceneId::Edge(id) => Some((id, edge_distance(item, point))),
            SceneId::Node(_) => None,
        })
        .filter(|(_, distance)| *distance <= tolerance)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(id, _)| id)
}

/// Nodes first, then edges.
pub fn hit(drawing: &Drawing, point: Pos2, zoom: f32) -> Hit {
    if let Some(node) = node_at(drawing, point) {
        Hit::Node(node)
    } else if let Some(edge) = edge_at(drawing, point, zoom) {
        Hit::Edge(edge)
    } else {
        Hit::Nothing
    }
}

/// Distance from a point to an edge's line (its curve or, failing that, its box).
fn edge_distance(item: &SceneItem, point: Pos2) -> f32 {
    // An edge routed through waypoints is drawn as several curves, one after the other.
    let mut line = curves(&item.shapes).peekable();
    let Some(width) = line.peek().map(|(_, stroke)| stroke.width) else {
        return item.bounds.distance_to_pos(point);
    };
    const SEGMENTS: usize = 16;
    let mut best = f32::INFINITY;
    let mut previous = None;
    for (points, _) in line {
        let mut from = previous.unwrap_or(points[0]);
        for i in 1..=SEGMENTS {
            let next = bezier_point(points, i as f32 / SEGMENTS as f32);
            best = best.min(segment_distance(from, next, point));
            from = next;
        }
        previous = Some(from);
    }
    let previous = previous.unwrap_or(item.bounds.center());
    // The head lies beyond the curve's end: count it as part of the line.
    for shape in &item.shapes {
        if let Shape::Polygon { points, .. } = shape
            && let Some(&tip) = points.first()
        {
            best = best.min(segment_distance(previous, tip, point));
        }
    }
    (best - width / 2.0).max(0.0)
}

fn segment_distance(a: Pos2, b: Pos2, p: Pos2) -> f32 {
    let ab = b - a;
    let length_sq = ab.length_sq();
    if length_sq < 1e-9 {
        return (p - a).length();
    }
    let t = ((p - a).dot(ab) / length_sq).clamp(0.0, 1.0);
    (p - (a + ab * t)).length()
}

/// Where a node's connection handle sits: just outside the middle of its right side.
pub fn handle_position(drawing: &Drawing, node: NodeId) -> Option<Pos2> {
    drawing
        .scene
        .node(node)
        .map(|item| Pos2::new(item.bounds.right(), item.bounds.center().y))
}

/// Whether a map point is on the handle of `node` at the given zoom.
pub fn on_handle(drawing: &Drawing, node: NodeId, point: Pos2, zoom: f32) -> bool {
    handle_position(drawing, node)
        .is_some_and(|handle| (handle - point).length() * zoom <= HANDLE_RADIUS + 2.0)
}

/// The nodes whose boxes touch a map rectangle.
pub fn nodes_in(drawing: &Drawing, area: Rect) -> Vec<NodeId> {
    drawing
        .scene
        .items
        .iter()
        .filter_map(|item| match item.id {
            SceneId::Node(id) if item.bounds.intersects(area) => Some(id),
            _ => None,
        })
        .collect()
}

/// A box around the given nodes, if any of them is drawn.
pub fn bounds_of(drawing: &Drawing, nodes: impl IntoIterator<Item = NodeId>) -> Option<Rect> {
    nodes
        .into_iter()
        .filter_map(|node| drawing.scene.node(node).map(|item| item.bounds))
        .reduce(|a, b| a.union(b))
}

/// The map items a drawn edge stands for: the edge itself, or every stance of a merged one.
pub fn edge_items(drawing: &Drawing, edge: EdgeId) -> Vec<ItemId> {
    drawing
        .scene
        .index_of(SceneId::Edge(edge))
        .and_then(|index| drawing.scene.items.get(index))
        .map_or_else(|| vec![ItemId::from(edge)], |item| item.stands_for())
}

/// A box around an edge, if drawn (a stance drawn by a merged edge: that edge's box).
pub fn edge_bounds(drawing: &Drawing, edge: EdgeId) -> Option<Rect> {
    let scene = &drawing.scene;
    let item = scene.items.get(scene.index_of(SceneId::Edge(edge))?)?;
    let drawn_by = match item.merged.first() {
        Some(first) if *first != edge => scene.items.get(scene.index_of(SceneId::Edge(*first))?)?,
        _ => item,
    };
    Some(drawn_by.bounds)
}

/// A box around the drawn items among `items` (stances and relations count by their line).
pub fn items_bounds(drawing: &Drawing, items: &[ItemId]) -> Option<Rect> {
    let nodes = bounds_of(drawing, items.iter().copied().filter_map(node_of));
    let edges = items
        .iter()
        .filter_map(|item| match *item {
            ItemId::Stance(s) => edge_bounds(drawing, crate::model::EdgeId::Stance(s)),
            ItemId::Relation(r) => edge_bounds(drawing, crate::model::EdgeId::Relation(r)),
            _ => None,
        })
        .reduce(|a, b| a.union(b));
    match (nodes, edges) {
        (Some(a), Some(b)) => Some(a.union(b)),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorKind, Claim, Edit, Map, Point, Position, Stance};
    use crate::scene::{Scene, SceneCache, Style, Theme};

    /// Putin at the origin, a claim 400 units to his right, and his stance on it.
    fn drawing() -> (Map, Drawing) {
        let mut map = Map::new("t");
        let mut ids = map.id_allocator();
        let (actor, claim) = (ids.actor(), ids.claim());
        map.apply(Edit::Batch(vec![
            Edit::AddActor(Actor::new(
                actor,
                "Putin",
                ActorKind::Person,
                Point::new(0.0, 0.0),
            )),
            Edit::AddClaim(Claim::new(claim, "NATO", Point::new(400.0, 0.0))),
            Edit::AddStance(Stance::new(ids.stance(), actor, claim, Position::Opposes)),
        ]))
        .unwrap();
        let drawing = Drawing::build(&map, (0, 0), Theme::Light, None, &mut SceneCache::default());
        (map, drawing)
    }

    #[test]
    fn points_hit_nodes_then_edges_then_nothing() {
        let (map, drawing) = drawing();
        let actor = NodeId::Actor(map.actors().next().unwrap().id);
        let stance = EdgeId::Stance(map.stances().next().unwrap().id);
        assert_eq!(hit(&drawing, Pos2::new(0.0, 0.0), 1.0), Hit::Node(actor));
        assert_eq!(hit(&drawing, Pos2::new(200.0, 2.0), 1.0), Hit::Edge(stance));
        assert_eq!(hit(&drawing, Pos2::new(200.0, 40.0), 1.0), Hit::Nothing);
        // Far out, a few screen pixels cover many map units.
        assert_eq!(
            hit(&drawing, Pos2::new(200.0, 40.0), 0.1),
            Hit::Edge(stance)
        );
    }

    #[test]
    fn boxes_and_handles() {
        let (map, drawing) = drawing();
        let actor = NodeId::Actor(map.actors().next().unwrap().id);
        let everything = Rect::from_min_max(Pos2::new(-100.0, -50.0), Pos2::new(500.0, 50.0));
        assert_eq!(nodes_in(&drawing, everything).len(), 2);
        let left = Rect::from_min_max(Pos2::new(-100.0, -50.0), Pos2::new(100.0, 50.0));
        assert_eq!(nodes_in(&drawing, left), [actor]);
        let handle = handle_position(&drawing, actor).unwrap();
        assert!(on_handle(
            &drawing,
            actor,
            handle + Vec2::new(3.0, 0.0),
            1.0
        ));
        assert!(!on_handle(
            &drawing,
            actor,
            handle + Vec2::new(30.0, 0.0),
            1.0
        ));
        let items = [
            ItemId::from(actor),
            ItemId::from(map.stances().next().unwrap().id),
        ];
        let bounds = items_bounds(&drawing, &items).unwrap();
        assert!(bounds.contains(Pos2::new(300.0, 0.0)) && bounds.contains(Pos2::new(-30.0, 0.0)));
    }

    /// A stance from an actor to a claim 900 units to his right, behind two walls of claims
    /// (overlapping a little), each with one gap: the first's about 110 units below their
    /// line, the second's as far above it, so no single arc passes both.
    fn wall_drawing() -> (Map, Drawing) {
        let mut map = Map::new("t");
        let mut ids = map.id_allocator();
        let (actor, claim) = (ids.actor(), ids.claim());
        let one = Scene::build(
            &{
                let mut probe = Map::new("probe");
                let id = probe.id_allocator().claim();
                probe
                    .apply(Edit::AddClaim(Claim::new(id, "wall", Point::new(0.0, 0.0))))
                    .unwrap();
                probe
            },
            &Style::new(Theme::Light),
        );
        let height = one.items[0].bounds.height();
        let mut edits = vec![
            Edit::AddActor(Actor::new(
                actor,
                "Putin",
                ActorKind::Person,
                Point::new(0.0, 0.0),
            )),
            Edit::AddClaim(Claim::new(claim, "NATO", Point::new(900.0, 0.0))),
            Edit::AddStance(Stance::new(ids.stance(), actor, claim, Position::Opposes)),
        ];
        for (x, gap) in [(225.0, 3), (675.0, -3)] {
            for i in (-12..=12).filter(|i| *i != gap) {
                let y = i as f32 * (height - 4.0) - (height - 4.0) / 3.0;
                edits.push(Edit::AddClaim(Claim::new(
                    ids.claim(),
                    "wall",
                    Point::new(x, y),
                )));
            }
        }
        map.apply(Edit::Batch(edits)).unwrap();
        let drawing = Drawing::build(&map, (0, 0), Theme::Light, None, &mut SceneCache::default());
        (map, drawing)
    }

    #[test]
    fn an_edge_winding_through_a_gap_is_hit_along_its_way_not_along_the_straight_line() {
        let (map, drawing) = wall_drawing();
        let stance = EdgeId::Stance(map.stances().next().unwrap().id);
        let item = drawing
            .scene
            .items
            .iter()
            .find(|item| item.id == SceneId::Edge(stance))
            .unwrap();
        assert!(curves(&item.shapes).count() > 1, "routed through waypoints");
        // Where it passes the first wall, in the gap: a click there takes the edge.
        let in_gap = (0..=200)
            .filter_map(|i| crate::scene::point_along(&item.shapes, i as f32 / 200.0))
            .min_by(|p, q| (p.x - 225.0).abs().total_cmp(&(q.x - 225.0).abs()))
            .unwrap();
        assert!(in_gap.y > 60.0, "{in_gap:?}");
        assert_eq!(hit(&drawing, in_gap, 1.0), Hit::Edge(stance));
        // Where the straight line would have run, a wall claim is hit; on the other side
        // of the actor's line, nothing.
        assert!(matches!(
            hit(&drawing, Pos2::new(225.0, 0.0), 1.0),
            Hit::Node(NodeId::Claim(_))
        ));
        assert_eq!(hit(&drawing, Pos2::new(110.0, -90.0), 1.0), Hit::Nothing);
    }
}
