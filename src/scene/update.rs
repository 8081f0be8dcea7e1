//! Bringing a scene up to date after an edit by redrawing only what the edit touched: the
//! touched nodes, every edge that ends at one of them, and the edges that share two nodes with
//! a touched edge (their bends depend on how many there are), and the edges whose route around
//! boxes a changed node box can change (found in the scene's route index: the edges it was in
//! the way of, and those whose clear line passes where it now stands). Everything else stays
//! as it is, so an edit on a map of ten thousand nodes costs what it changed.
//!
//! The contract for anything kept beside a scene (per-item sketches, indexes, and stages such
//! as edge routing that look at the whole scene): after [`SceneCache::update`], apply the
//! returned [`SceneUpdate::slides`] in order to anything kept by item index, then redo
//! whatever depends on the items in [`SceneUpdate::redrawn`] and [`SceneUpdate::removed`].
//! A stage that cannot work item by item redoes its whole work when `redrawn` is not empty.

use super::build::{
    ItemLook, Scene, SceneId, SceneItem, count_badge, merged_away, relation_spec, stance_spec,
    union_bounds,
};
use super::cache::SceneCache;
use super::camps::{actor_colour, camp_colours};
use super::edges::parallel_bends;
use super::merge::{draws, group_of};
use super::routing::route_again;
use super::style::Style;
use super::visibility::{DIM_OPACITY, Visibility, VisibilityMap, faded};
use crate::model::{EdgeId, ItemId, Map, NodeId, Touched};
use eframe::egui::Rect;
use std::collections::BTreeSet;

/// An item inserted into or removed from a scene's list, at an index of the list as it stood
/// right then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slide {
    /// An item now stands at this index; the ones from there on moved up by one.
    Inserted(usize),
    /// The item at this index left; the ones after it moved down by one.
    Removed(usize),
}

/// What one update changed in a scene.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SceneUpdate {
    /// Insertions and removals in the order they happened.
    pub slides: Vec<Slide>,
    /// Items drawn anew (replaced or inserted), by id.
    pub redrawn: Vec<SceneId>,
    /// Items replaced or removed, with the nodes they joined before (for edges).
    pub removed: Vec<(SceneId, Option<(NodeId, NodeId)>)>,
}

impl SceneUpdate {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.redrawn.is_empty() && self.removed.is_empty()
    }
}

impl SceneCache {
    /// Updates `scene` (built from an earlier state of `map` with this cache, the same style
    /// and visibility) for the items `touched` names. Returns what changed in the item list.
    pub fn update(
        &mut self,
        scene: &mut Scene,
        map: &Map,
        style: &Style,
        visibility: Option<&VisibilityMap>,
        touched: &Touched,
    ) -> SceneUpdate {
        let mut pass = Pass {
            scene,
            map,
            style,
            visibility,
            out: SceneUpdate::default(),
            stale_bounds: false,
            grown: Rect::NOTHING,
        };
        let mut nodes: BTreeSet<NodeId> = BTreeSet::new();
        let mut edges: BTreeSet<EdgeId> = BTreeSet::new();
        for &item in &touched.items {
            match item {
                ItemId::Actor(a) => drop(nodes.insert(a.into())),
                ItemId::Claim(c) => drop(nodes.insert(c.into())),
                ItemId::Stance(s) => drop(edges.insert(EdgeId::Stance(s))),
                ItemId::Relation(r) => drop(edges.insert(EdgeId::Relation(r))),
                ItemId::Source(_) => {}
            }
        }
        if touched.actor_groups {
            let camps = camp_colours(map, style);
            if camps != pass.scene.camps {
                // Camp colours go by order of appearance: every actor may have a new colour.
                nodes.extend(map.actors().map(|a| NodeId::from(a.id)));
                pass.scene.camps = camps;
            }
        }
        // Redraw the nodes, filing their boxes anew for routing; the edges whose route a
        // changed box may change are found from what their routes depend on.
        let mut in_the_way: Vec<EdgeId> = Vec::new();
        let winding = pass.scene.routes.obstacles.routes_through_waypoints();
        for &node in &nodes {
            let before = pass.scene.node(node).map(|item| item.bounds);
            pass.node(self, node);
            let after = pass.scene.node(node).map(|item| item.bounds);
            if before != after {
                let routes = &mut pass.scene.routes;
                routes.move_box(node, before, after);
                in_the_way.extend(routes.affected_by(node, after));
            }
        }
        // Every edge that ends at a redrawn node follows it; edges sharing both nodes with a
        // touched edge may bend differently now.
        let mut all_edges = edges.clone();
        for &node in &nodes {
            // Edges that left the map with a node were touched by the same edit.
            all_edges.extend(edges_at(map, node));
        }
        for &edge in &edges {
            // The nodes it joins now and those it joined as drawn (a stance moved to another
            // actor or claim leaves its old twins to be counted again).
            let drawn = pass
                .scene
                .index_of(SceneId::Edge(edge))
                .and_then(|i| pass.scene.items.get(i)?.ends);
            for (a, b) in pass.ends_of(edge).into_iter().chain(drawn) {
                all_edges.extend(edges_at(map, a).filter(|e| edge_joins(map, *e, a, b)));
            }
        }
        all_edges.extend(in_the_way);
        pass.scene.routes.obstacles.refill();
        for edge in all_edges {
            pass.edge(self, edge);
        }
        // Past the number of nodes for routes through waypoints (either way), every edge
        // may route differently.
        let crossed = winding != pass.scene.routes.obstacles.routes_through_waypoints();
        if pass.scene.routes.gave_up() || crossed {
            pass.route_all_again(self);
        }
        pass.finish()
    }
}

/// One update in progress.
struct Pass<'a> {
    scene: &'a mut Scene,
    map: &'a Map,
    style: &'a Style,
    visibility: Option<&'a VisibilityMap>,
    out: SceneUpdate,
    /// Whether a replaced or removed item may have lain on the scene's outer box.
    stale_bounds: bool,
    /// A box around every item drawn anew.
    grown: Rect,
}

impl Pass<'_> {
    fn visibility_of(&self, id: impl Into<ItemId>) -> Visibility {
        self.visibility.map_or(Visibility::Shown, |v| v.of(id))
    }

    /// Redraws a node, or takes it out if it is gone or hidden.
    fn node(&mut self, cache: &mut SceneCache, node: NodeId) {
        let (map, style) = (self.map, self.style);
        let drawing = match node {
            _ if self.visibility_of(node) == Visibility::Hidden => None,
            NodeId::Actor(id) => map.actor(id).map(|actor| {
                let colour = actor_colour(actor, &self.scene.camps, style);
                cache.actor(
                    node,
                    actor.drawn_name(),
                    actor.kind,
                    colour,
                    actor.at,
                    style,
                )
            }),
            NodeId::Claim(id) => map
                .claim(id)
                .map(|claim| cache.claim(node, &claim.label, claim.at, style)),
        };
        match drawing {
            Some(drawing) => {
                let look = ItemLook::Node(drawing.outline);
                let shapes = if self.visibility_of(node) == Visibility::Dimmed {
                    drawing
                        .shapes
                        .iter()
                        .map(|s| faded(s, DIM_OPACITY))
                        .collect()
                } else {
                    drawing.shapes
                };
                let item = SceneItem {
                    id: SceneId::Node(node),
                    bounds: drawing.rect,
                    ends: None,
                    shapes,
                    merged: Vec::new(),
                };
                self.put(item, look);
            }
            None => {
                cache.forget_node(node);
                self.take(SceneId::Node(node));
            }
        }
    }

    /// Redraws an edge between its nodes as drawn now, or takes it out.
    fn edge(&mut self, cache: &mut SceneCache, edge: EdgeId) {
        let spec = match edge {
            EdgeId::Stance(id) => self.map.stance(id).map(|s| stance_spec(s, self.style)),
            EdgeId::Relation(id) => self.map.relation(id).map(|r| relation_spec(r, self.style)),
        };
        let visibility = self.visibility_of(edge);
        let drawn = spec.filter(|_| visibility != Visibility::Hidden).and_then(
            |(id, from, to, stroke, head)| {
                let a = self.scene.node_outline(from)?;
                let b = self.scene.node_outline(to)?;
                Some((id, from, to, a, b, stroke, head))
            },
        );
        let Some((id, from, to, a, b, stroke, head)) = drawn else {
            cache.forget_edge(edge);
            self.scene.routes.forget(edge);
            self.take(SceneId::Edge(edge));
            return;
        };
        let merged = group_of(self.map, id, self.visibility);
        if !draws(id, &merged) {
            cache.forget_edge(edge);
            self.scene.routes.forget(edge);
            self.put(merged_away(id, (from, to), merged), ItemLook::Merged);
            return;
        }
        let badge = count_badge(merged.len(), self.style);
        let bend = self.bend(id, from, to);
        let routes = &mut self.scene.routes;
        let routed = route_again(
            (&a, &b),
            (from, to),
            (bend, stroke, head),
            &routes.obstacles,
            routes.memo(id),
        );
        routes.record(id, &routed);
        let mut shapes = cache.edge(id, (&a, &b), &routed.course, (stroke, head), badge);
        let dimmed = visibility == Visibility::Dimmed;
        if dimmed {
            shapes = shapes.iter().map(|s| faded(s, DIM_OPACITY)).collect();
        }
        let item = SceneItem {
            id: SceneId::Edge(id),
            bounds: union_bounds(&shapes),
            ends: Some((from, to)),
            shapes,
            merged,
        };
        let look = ItemLook::Edge {
            course: routed.course,
            stroke,
            head,
            badge,
            dimmed,
        };
        self.put(item, look);
    }

    /// Routes every drawn edge again, in drawing order and with a whole budget, as a fresh
    /// build does: when some edge's routing ran out of budget, the routes of the edges after
    /// it depend on all the edges before.
    fn route_all_again(&mut self, cache: &mut SceneCache) {
        let edges: Vec<EdgeId> = self
            .scene
            .items
            .iter()
            .map_while(|item| match item.id {
                SceneId::Edge(edge) => Some(edge),
                SceneId::Node(_) => None,
            })
            .collect();
        self.scene.routes.forget_routes();
        self.scene.routes.obstacles.refill();
        for edge in edges {
            self.edge(cache, edge);
        }
    }

    /// The bend of an edge among the drawn edges that join the same two nodes, as a whole
    /// build gives it (see `bends_by_pair`).
    fn bend(&self, id: EdgeId, from: NodeId, to: NodeId) -> f32 {
        let shown = |e: &EdgeId| self.visibility_of(*e) != Visibility::Hidden;
        // Only edges that draw a line of their own count: twins drawn by another do not.
        let drawn = |e: &EdgeId| draws(*e, &group_of(self.map, *e, self.visibility));
        let mut group: Vec<EdgeId> = edges_at(self.map, from)
            .filter(|e| edge_joins(self.map, *e, from, to) && shown(e) && drawn(e))
            .collect();
        if group.len() < 2 {
            return 0.0;
        }
        group.sort_unstable();
        let Some(place) = group.iter().position(|e| *e == id) else {
            return 0.0;
        };
        let bend = parallel_bends(group.len())
            .get(place)
            .copied()
            .unwrap_or(0.0);
        // Measured in the pair's direction (smaller node first), as a whole build does.
        if from <= to { bend } else { -bend }
    }

    /// The nodes an edge joins: in the map, or as it was drawn if it left the map.
    fn ends_of(&self, edge: EdgeId) -> Option<(NodeId, NodeId)> {
        match edge {
            EdgeId::Stance(id) => self
                .map
                .stance(id)
                .map(|s| (s.actor.into(), s.claim.into())),
            EdgeId::Relation(id) => self.map.relation(id).map(|r| (r.from.into(), r.to.into())),
        }
        .or_else(|| {
            let index = self.scene.index_of(SceneId::Edge(edge))?;
            self.scene.items.get(index)?.ends
        })
    }

    /// Puts an item in its place in the list, replacing the one with its id.
    fn put(&mut self, item: SceneItem, look: ItemLook) {
        self.grown = self.grown.union(item.bounds);
        let id = item.id;
        match self.scene.search(id) {
            Ok(index) => {
                if let (Some(slot), Some(old_look)) = (
                    self.scene.items.get_mut(index),
                    self.scene.looks.get_mut(index),
                ) {
                    let old = std::mem::replace(slot, item);
                    *old_look = look;
                    self.note_gone(&old);
                }
            }
            Err(index) => {
                self.scene.items.insert(index, item);
                self.scene.looks.insert(index, look);
                self.out.slides.push(Slide::Inserted(index));
            }
        }
        self.out.redrawn.push(id);
    }

    /// Takes an item out of the list, if it is there.
    fn take(&mut self, id: SceneId) {
        if let Ok(index) = self.scene.search(id) {
            let old = self.scene.items.remove(index);
            self.scene.looks.remove(index);
            self.out.slides.push(Slide::Removed(index));
            self.note_gone(&old);
        }
    }

    fn note_gone(&mut self, old: &SceneItem) {
        self.out.removed.push((old.id, old.ends));
        let outer = self.scene.bounds;
        let inside = old.bounds.min.x > outer.min.x
            && old.bounds.min.y > outer.min.y
            && old.bounds.max.x < outer.max.x
            && old.bounds.max.y < outer.max.y;
        self.stale_bounds |= !inside;
    }

    fn finish(self) -> SceneUpdate {
        let scene = self.scene;
        scene.bounds = if self.stale_bounds {
            scene
                .items
                .iter()
                .map(|i| i.bounds)
                .reduce(|a, b| a.union(b))
                .unwrap_or(Rect::NOTHING)
        } else {
            scene.bounds.union(self.grown)
        };
        self.out
    }
}

/// Every edge of the map at a node, by id.
fn edges_at(map: &Map, node: NodeId) -> impl Iterator<Item = EdgeId> + '_ {
    let (stances, relations): (Vec<_>, Vec<_>) = match node {
        NodeId::Actor(a) => (map.stances_of_actor(a).map(|s| s.id).collect(), Vec::new()),
        NodeId::Claim(c) => (
            map.stances_on_claim(c).map(|s| s.id).collect(),
            map.relations_of_claim(c).map(|r| r.id).collect(),
        ),
    };
    stances
        .into_iter()
        .map(EdgeId::Stance)
        .chain(relations.into_iter().map(EdgeId::Relation))
}

/// Whether an edge of the map joins `a` and `b`, either way round.
fn edge_joins(map: &Map, edge: EdgeId, a: NodeId, b: NodeId) -> bool {
    let ends: Option<(NodeId, NodeId)> = match edge {
        EdgeId::Stance(id) => map.stance(id).map(|s| (s.actor.into(), s.claim.into())),
        EdgeId::Relation(id) => map.relation(id).map(|r| (r.from.into(), r.to.into())),
    };
    ends.is_some_and(|(x, y)| (x, y) == (a, b) || (x, y) == (b, a))
}
