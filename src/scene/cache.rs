//! Reuse between scene builds. The canvas rebuilds its scene after every change, and a drag
//! changes the map on every frame; wrapping every label and routing every edge again each
//! time would make large maps stutter. The cache keeps each node's drawing with what it was
//! drawn from (and each edge's shapes with the boxes they join), so a rebuild redoes only what
//! changed and moves the rest.

use super::build::Scene;
use super::course::Course;
use super::edges::{CountBadge, Head, counted_edge_shapes};
use super::nodes::{self, NodeDrawing};
use super::shapes::{LineStyle, Shape};
use super::style::Style;
use super::visibility::VisibilityMap;
use crate::model::{ActorKind, EdgeId, Map, NodeId, Point};
use eframe::egui::{Color32, Vec2};
use std::collections::HashMap;

/// What a node's drawing depends on, apart from its position.
#[derive(Debug, Clone, PartialEq)]
enum NodeLook {
    Actor {
        name: String,
        kind: ActorKind,
        colour: Color32,
    },
    Claim {
        label: String,
    },
}

#[derive(Debug, Clone)]
struct CachedNode {
    look: NodeLook,
    at: Point,
    drawing: NodeDrawing,
}

/// What an edge's shapes depend on.
#[derive(Debug, Clone, PartialEq)]
struct EdgeKey {
    from: NodeDrawingKey,
    to: NodeDrawingKey,
    course: Course,
    stroke: LineStyle,
    head: Head,
    badge: Option<CountBadge>,
}

/// The parts of a node drawing that edges depend on.
#[derive(Debug, Clone, PartialEq)]
struct NodeDrawingKey {
    rect: eframe::egui::Rect,
    outline: nodes::Outline,
}

/// Drawings kept from earlier builds of the scene of one map.
#[derive(Debug, Default)]
pub struct SceneCache {
    style: Option<Style>,
    nodes: HashMap<NodeId, CachedNode>,
    edges: HashMap<EdgeId, (EdgeKey, Vec<Shape>)>,
    /// Ids seen in the current build, to drop the rest afterwards.
    seen_nodes: Vec<NodeId>,
    seen_edges: Vec<EdgeId>,
}

impl SceneCache {
    /// Builds the scene of `map` (with items dimmed or hidden as `visibility` says), reusing
    /// whatever is unchanged since the last build.
    pub fn build(&mut self, map: &Map, style: &Style, visibility: Option<&VisibilityMap>) -> Scene {
        if self.style.as_ref() != Some(style) {
            self.nodes.clear();
            self.edges.clear();
            self.style = Some(style.clone());
        }
        self.seen_nodes.clear();
        self.seen_edges.clear();
        let scene = Scene::build_cached(map, style, visibility, self);
        let (nodes, edges) = (&self.seen_nodes, &self.seen_edges);
        if nodes.len() < self.nodes.len() {
            let keep: std::collections::HashSet<_> = nodes.iter().collect();
            self.nodes.retain(|id, _| keep.contains(id));
        }
        if edges.len() < self.edges.len() {
            let keep: std::collections::HashSet<_> = edges.iter().collect();
            self.edges.retain(|id, _| keep.contains(id));
        }
        scene
    }

    /// Drops what is kept of a node that left the scene.
    pub(super) fn forget_node(&mut self, id: NodeId) {
        self.nodes.remove(&id);
    }

    /// Drops what is kept of an edge that left the scene.
    pub(super) fn forget_edge(&mut self, id: EdgeId) {
        self.edges.remove(&id);
    }

    /// The drawing of an actor.
    pub(super) fn actor(
        &mut self,
        id: NodeId,
        name: &str,
        kind: ActorKind,
        colour: Color32,
        at: Point,
        style: &Style,
    ) -> NodeDrawing {
        let same = |look: &NodeLook| {
            matches!(look, NodeLook::Actor { name: n, kind: k, colour: c }
                if n == name && *k == kind && *c == colour)
        };
        let look = || NodeLook::Actor {
            name: name.to_owned(),
            kind,
            colour,
        };
        self.node(id, same, look, at, || {
            nodes::actor(name, kind, colour, at, style)
        })
    }

    /// The drawing of a claim.
    pub(super) fn claim(
        &mut self,
        id: NodeId,
        label: &str,
        at: Point,
        style: &Style,
    ) -> NodeDrawing {
        let same = |look: &NodeLook| matches!(look, NodeLook::Claim { label: l } if l == label);
        let look = || NodeLook::Claim {
            label: label.to_owned(),
        };
        self.node(id, same, look, at, || nodes::claim(label, at, style))
    }

    /// A node's drawing: the cached one (moved if needed) when `same` says its look is
    /// unchanged, else a new one from `draw`. `look` is only made on a miss, so a hit
    /// allocates nothing but the returned copy.
    fn node(
        &mut self,
        id: NodeId,
        same: impl Fn(&NodeLook) -> bool,
        look: impl FnOnce() -> NodeLook,
        at: Point,
        draw: impl FnOnce() -> NodeDrawing,
    ) -> NodeDrawing {
        self.seen_nodes.push(id);
        if let Some(cached) = self.nodes.get_mut(&id)
            && same(&cached.look)
        {
            if cached.at != at {
                let delta = Vec2::new(at.x - cached.at.x, at.y - cached.at.y);
                cached.drawing.translate(delta);
                cached.at = at;
            }
            return cached.drawing.clone();
        }
        let drawing = draw();
        self.nodes.insert(
            id,
            CachedNode {
                look: look(),
                at,
                drawing: drawing.clone(),
            },
        );
        drawing
    }

    /// The shapes of an edge between two drawn nodes.
    pub(super) fn edge(
        &mut self,
        id: EdgeId,
        (from, to): (&NodeDrawing, &NodeDrawing),
        course: &Course,
        (stroke, head): (LineStyle, Head),
        badge: Option<CountBadge>,
    ) -> Vec<Shape> {
        self.seen_edges.push(id);
        let key = EdgeKey {
            from: NodeDrawingKey {
                rect: from.rect,
                outline: from.outline,
            },
            to: NodeDrawingKey {
                rect: to.rect,
                outline: to.outline,
            },
            course: course.clone(),
            stroke,
            head,
            badge,
        };
        if let Some((cached_key, shapes)) = self.edges.get(&id)
            && *cached_key == key
        {
            return shapes.clone();
        }
        let shapes = counted_edge_shapes(from, to, course, (stroke, head), badge);
        self.edges.insert(id, (key, shapes.clone()));
        shapes
    }
}

impl NodeDrawing {
    /// Moves the drawing by `delta` map units.
    pub fn translate(&mut self, delta: Vec2) {
        self.rect = self.rect.translate(delta);
        for shape in &mut self.shapes {
            shape.translate(delta);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Claim, Position, Stance};
    use crate::scene::Theme;

    fn map() -> Map {
        let mut map = Map::new("t");
        let mut ids = map.id_allocator();
        let (actor, a, b) = (ids.actor(), ids.claim(), ids.claim());
        map.apply(crate::model::Edit::Batch(vec![
            crate::model::Edit::AddActor(Actor::new(
                actor,
                "Putin",
                ActorKind::Person,
                Point::new(0.0, 0.0),
            )),
            crate::model::Edit::AddClaim(Claim::new(a, "NATO expansion", Point::new(300.0, 0.0))),
            crate::model::Edit::AddClaim(Claim::new(b, "Guarantees", Point::new(300.0, 200.0))),
            crate::model::Edit::AddStance(Stance::new(ids.stance(), actor, a, Position::Opposes)),
            crate::model::Edit::AddStance(Stance::new(ids.stance(), actor, b, Position::Supports)),
        ]))
        .unwrap();
        map
    }

    /// Scenes compared to two decimals: a moved drawing differs from a fresh one in the last
    /// bits of some coordinates.
    fn same(a: &Scene, b: &Scene) {
        assert_eq!(format!("{:.2?}", a.items), format!("{:.2?}", b.items));
        assert_eq!(format!("{:.2?}", a.bounds), format!("{:.2?}", b.bounds));
        assert_eq!(a.camps, b.camps);
    }

    #[test]
    fn rebuilding_after_changes_matches_a_fresh_build() {
        let style = Style::new(Theme::Light);
        let mut map = map();
        let mut cache = SceneCache::default();
        same(
            &cache.build(&map, &style, None),
            &Scene::build(&map, &style),
        );

        let putin = map.actors().next().unwrap().id;
        map.apply(crate::model::Edit::MoveNodes {
            moves: vec![(putin.into(), Point::new(-80.0, 55.0))],
            pinned: true,
        })
        .unwrap();
        same(
            &cache.build(&map, &style, None),
            &Scene::build(&map, &style),
        );

        let mut claim = map.claims().next().unwrap().clone();
        claim.label = "A much longer label that now wraps onto a second line".into();
        map.apply(crate::model::Edit::UpdateClaim(claim.clone()))
            .unwrap();
        same(
            &cache.build(&map, &style, None),
            &Scene::build(&map, &style),
        );

        map.apply(crate::model::Edit::RemoveClaim(claim.id))
            .unwrap();
        same(
            &cache.build(&map, &style, None),
            &Scene::build(&map, &style),
        );
        assert_eq!(cache.nodes.len(), 2);
        assert_eq!(cache.edges.len(), 1);

        let dark = Style::new(Theme::Dark);
        same(&cache.build(&map, &dark, None), &Scene::build(&map, &dark));
    }
}

#[cfg(test)]
mod moved_edge_tests {
    use super::*;
    use crate::model::{Actor, Claim, Position, Stance};
    use crate::scene::Theme;

    #[test]
    fn an_edge_redrawn_with_a_moved_end_matches_the_edge_after_the_move() {
        let mut map = Map::new("t");
        let mut ids = map.id_allocator();
        let (actor, claim) = (ids.actor(), ids.claim());
        map.apply(crate::model::Edit::Batch(vec![
            crate::model::Edit::AddActor(Actor::new(
                actor,
                "Putin",
                ActorKind::Person,
                Point::new(0.0, 0.0),
            )),
            crate::model::Edit::AddClaim(Claim::new(claim, "NATO", Point::new(300.0, 0.0))),
            crate::model::Edit::AddStance(Stance::new(
                ids.stance(),
                actor,
                claim,
                Position::Opposes,
            )),
        ]))
        .unwrap();
        let style = Style::new(Theme::Light);
        let before = Scene::build(&map, &style);
        let edge = before
            .items
            .iter()
            .position(|i| matches!(i.id, super::super::SceneId::Edge(_)))
            .unwrap();
        let still = before.moved_edge(edge, Vec2::ZERO, Vec2::ZERO).unwrap();
        assert_eq!(still, before.items[edge].shapes);

        let preview = before
            .moved_edge(edge, Vec2::new(-50.0, 120.0), Vec2::ZERO)
            .unwrap();
        map.apply(crate::model::Edit::MoveNodes {
            moves: vec![(actor.into(), Point::new(-50.0, 120.0))],
            pinned: true,
        })
        .unwrap();
        let after = Scene::build(&map, &style);
        assert_eq!(
            format!("{preview:.2?}"),
            format!("{:.2?}", after.items[edge].shapes)
        );
    }
}
