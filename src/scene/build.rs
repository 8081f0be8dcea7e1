//! Turning a map into a scene: one drawing per node and edge, in map coordinates.

use super::cache::SceneCache;
use super::camps::{actor_colour, camp_colours};
use super::course::Course;
use super::edges::{CountBadge, Head, counted_edge_shapes, parallel_bends};
use super::merge::{draws, merged_groups};
use super::nodes::{NodeDrawing, Outline};
use super::route_index::RouteIndex;
use super::routing::route;
use super::shapes::{LineStyle, Shape};
use super::style::Style;
use super::visibility::{DIM_OPACITY, Visibility, VisibilityMap, faded};
use crate::model::{EdgeId, ItemId, Map, NodeId, Relation, RelationKind, Stance};
use eframe::egui::{Color32, Rect, Vec2};
use std::collections::{BTreeMap, HashMap};

/// What a scene item draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SceneId {
    /// An actor or claim.
    Node(NodeId),
    /// A stance or relation.
    Edge(EdgeId),
}

impl SceneId {
    /// The drawing of a map item; sources are not drawn.
    pub fn of_item(item: ItemId) -> Option<SceneId> {
        match item {
            ItemId::Actor(a) => Some(SceneId::Node(NodeId::Actor(a))),
            ItemId::Claim(c) => Some(SceneId::Node(NodeId::Claim(c))),
            ItemId::Stance(s) => Some(SceneId::Edge(EdgeId::Stance(s))),
            ItemId::Relation(r) => Some(SceneId::Edge(EdgeId::Relation(r))),
            ItemId::Source(_) => None,
        }
    }
}

/// The drawing of one node or edge.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneItem {
    /// What is drawn.
    pub id: SceneId,
    /// For a node, its box; for an edge, a box around its line and head.
    pub bounds: Rect,
    /// For an edge, the nodes it joins (from, to).
    pub ends: Option<(NodeId, NodeId)>,
    /// The shapes, back to front.
    pub shapes: Vec<Shape>,
    /// For a stance drawn as one edge with others of the same actor, claim and position (see
    /// `merge`): every stance of that edge, the one whose item draws it first. The others'
    /// items draw nothing and have no box. Empty for every other item.
    pub merged: Vec<EdgeId>,
}

impl SceneItem {
    /// The map items this item stands for: its own, or every stance of a merged edge.
    pub fn stands_for(&self) -> Vec<ItemId> {
        match self.id {
            SceneId::Node(node) => vec![node.into()],
            SceneId::Edge(edge) if self.merged.is_empty() => vec![edge.into()],
            SceneId::Edge(_) => self.merged.iter().map(|e| ItemId::from(*e)).collect(),
        }
    }
}

/// Everything needed to draw a map, in map coordinates: edges first, then nodes, so nodes
/// cover the ends of edges.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// Items in drawing order.
    pub items: Vec<SceneItem>,
    /// A box around every item; empty for an empty map.
    pub bounds: Rect,
    /// The camps and their colours, for the legend.
    pub camps: Vec<(String, Color32)>,
    /// What each item was drawn from beyond its box (by index in `items`), to redraw it with
    /// moved ends.
    pub(super) looks: Vec<ItemLook>,
    /// The node boxes edges are routed around and what each edge's route depends on, so an
    /// update routes again only the edges a change can reroute.
    pub(super) routes: RouteIndex,
}

/// What an item's drawing depends on besides where its nodes are.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum ItemLook {
    /// A node and its outline.
    Node(Outline),
    /// An edge: its course, line and head, its count if it stands for several stances, and
    /// whether it is drawn faded.
    Edge {
        course: Course,
        stroke: LineStyle,
        head: Head,
        badge: Option<CountBadge>,
        dimmed: bool,
    },
    /// A stance drawn by another item's edge (see `merge`): nothing of its own.
    Merged,
}

impl Scene {
    /// Builds the scene of a whole map. To rebuild it after changes, [`SceneCache::build`]
    /// redoes only what changed.
    pub fn build(map: &Map, style: &Style) -> Scene {
        Scene::build_with(map, style, None)
    }

    /// Builds the scene of a map with some items dimmed or left out (by filters or focus):
    /// hidden nodes are not drawn, nor are hidden edges or edges with a hidden end; dimmed
    /// items are drawn faded.
    pub fn build_with(map: &Map, style: &Style, visibility: Option<&VisibilityMap>) -> Scene {
        SceneCache::default().build(map, style, visibility)
    }

    /// Builds the scene as [`Scene::build_with`] does, taking unchanged drawings from `cache`.
    pub(super) fn build_cached(
        map: &Map,
        style: &Style,
        visibility: Option<&VisibilityMap>,
        cache: &mut SceneCache,
    ) -> Scene {
        let shows = |id: crate::model::ItemId| {
            visibility.map_or(Visibility::Shown, |v| v.of(id)) != Visibility::Hidden
        };
        let camps = camp_colours(map, style);
        let mut drawings: BTreeMap<NodeId, NodeDrawing> = BTreeMap::new();
        for actor in map.actors().filter(|a| shows(a.id.into())) {
            let colour = actor_colour(actor, &camps, style);
            let id = actor.id.into();
            let drawing = cache.actor(id, actor.drawn_name(), actor.kind, colour, actor.at, style);
            drawings.insert(id, drawing);
        }
        for claim in map.claims().filter(|c| shows(c.id.into())) {
            let id = claim.id.into();
            drawings.insert(id, cache.claim(id, &claim.label, claim.at, style));
        }

        let mut items =
            Vec::with_capacity(drawings.len() + map.stances().len() + map.relations().len());
        for (id, from, to, stroke, head) in edge_list(map, style) {
            if !shows(id.into()) {
                continue;
            }
            let (Some(a), Some(b)) = (drawings.get(&from), drawings.get(&to)) else {
                continue;
            };
            items.push((id, from, to, a, b, stroke, head));
        }
        let mut groups = merged_groups(map, visibility);
        let bends = bends_by_pair(items.iter().filter_map(|(id, from, to, ..)| {
            let drawn = groups.get(id).is_none_or(|group| draws(*id, group));
            drawn.then_some((*id, *from, *to))
        }));
        let mut routes = RouteIndex::new(drawings.iter().map(|(id, d)| (*id, d.rect)));
        let mut looks = Vec::with_capacity(items.capacity());
        let mut scene_items: Vec<SceneItem> = items
            .into_iter()
            .map(|(id, from, to, a, b, stroke, head)| {
                let merged = groups.remove(&id).unwrap_or_default();
                if !draws(id, &merged) {
                    looks.push(ItemLook::Merged);
                    return merged_away(id, (from, to), merged);
                }
                let bend = bends.get(&id).copied().unwrap_or(0.0);
                let routed = route((a, b), (from, to), bend, stroke, head, &routes.obstacles);
                routes.record(id, &routed);
                let badge = count_badge(merged.len(), style);
                let shapes = cache.edge(id, (a, b), &routed.course, (stroke, head), badge);
                looks.push(ItemLook::Edge {
                    course: routed.course,
                    stroke,
                    head,
                    badge,
                    dimmed: false,
                });
                SceneItem {
                    id: SceneId::Edge(id),
                    bounds: union_bounds(&shapes),
                    ends: Some((from, to)),
                    shapes,
                    merged,
                }
            })
            .collect();

        for (id, drawing) in drawings {
            looks.push(ItemLook::Node(drawing.outline));
            scene_items.push(SceneItem {
                id: SceneId::Node(id),
                bounds: drawing.rect,
                ends: None,
                shapes: drawing.shapes,
                merged: Vec::new(),
            });
        }
        if let Some(visibility) = visibility {
            for (item, look) in scene_items.iter_mut().zip(&mut looks) {
                let id: crate::model::ItemId = match item.id {
                    SceneId::Node(n) => n.into(),
                    SceneId::Edge(e) => e.into(),
                };
                if visibility.of(id) == Visibility::Dimmed {
                    item.shapes = item.shapes.iter().map(|s| faded(s, DIM_OPACITY)).collect();
                    if let ItemLook::Edge { dimmed, .. } = look {
                        *dimmed = true;
                    }
                }
            }
        }
        let bounds = scene_items
            .iter()
            .map(|i| i.bounds)
            .reduce(|a, b| a.union(b))
            .unwrap_or(Rect::NOTHING);
        Scene {
            items: scene_items,
            bounds,
            camps,
            looks,
            routes,
        }
    }

    /// Where an item stands in `items`, found by its id: items are kept in drawing order,
    /// edges before nodes and each sorted by id.
    pub fn index_of(&self, id: SceneId) -> Option<usize> {
        self.search(id).ok()
    }

    /// The index of an item, or where it would go.
    pub(super) fn search(&self, id: SceneId) -> Result<usize, usize> {
        self.items
            .binary_search_by(|item| drawing_order(item.id).cmp(&drawing_order(id)))
    }

    /// The shapes of the edge drawn by `items[index]` with its start node moved by `from` and
    /// its end node by `to` (map units): what the edge looks like while nodes are dragged,
    /// before the move reaches the map.
    pub fn moved_edge(&self, index: usize, from: Vec2, to: Vec2) -> Option<Vec<Shape>> {
        let (a, b) = self.items.get(index)?.ends?;
        let ItemLook::Edge {
            course,
            stroke,
            head,
            badge,
            dimmed,
        } = self.looks.get(index)?
        else {
            return None;
        };
        let moved = |node: NodeId, by: Vec2| {
            let mut drawing = self.node_outline(node)?;
            drawing.rect = drawing.rect.translate(by);
            Some(drawing)
        };
        let shapes = counted_edge_shapes(
            &moved(a, from)?,
            &moved(b, to)?,
            course,
            (*stroke, *head),
            *badge,
        );
        Some(if *dimmed {
            shapes.iter().map(|s| faded(s, DIM_OPACITY)).collect()
        } else {
            shapes
        })
    }

    /// A node's box and outline (without its shapes): what its edges are drawn to.
    pub(super) fn node_outline(&self, node: NodeId) -> Option<NodeDrawing> {
        let index = self.index_of(SceneId::Node(node))?;
        let outline = match self.looks.get(index)? {
            ItemLook::Node(outline) => *outline,
            ItemLook::Edge { .. } | ItemLook::Merged => return None,
        };
        Some(NodeDrawing {
            rect: self.items.get(index)?.bounds,
            outline,
            shapes: Vec::new(),
        })
    }

    /// The drawing of a node.
    pub fn node(&self, id: NodeId) -> Option<&SceneItem> {
        self.index_of(SceneId::Node(id))
            .and_then(|i| self.items.get(i))
    }

    /// The topmost node whose box contains a point.
    pub fn node_at(&self, pos: eframe::egui::Pos2) -> Option<NodeId> {
        self.items.iter().rev().find_map(|item| match item.id {
            SceneId::Node(id) if item.bounds.contains(pos) => Some(id),
            _ => None,
        })
    }
}

/// The order items are drawn in: edges (by id) under nodes (by id).
fn drawing_order(id: SceneId) -> (bool, SceneId) {
    (matches!(id, SceneId::Node(_)), id)
}

/// The count badge of an edge drawn for `count` stances (none for a single one).
pub(super) fn count_badge(count: usize, style: &Style) -> Option<CountBadge> {
    (count > 1).then_some(CountBadge {
        count,
        fill: style.background,
        text: style.text,
    })
}

/// The item of a stance drawn by another's edge: its ends and group, nothing to draw.
pub(super) fn merged_away(id: EdgeId, ends: (NodeId, NodeId), merged: Vec<EdgeId>) -> SceneItem {
    SceneItem {
        id: SceneId::Edge(id),
        bounds: Rect::NOTHING,
        ends: Some(ends),
        shapes: Vec::new(),
        merged,
    }
}

/// An edge with its ends, line style and head.
pub(super) type EdgeSpec = (EdgeId, NodeId, NodeId, LineStyle, Head);

/// How a stance is drawn.
pub(super) fn stance_spec(s: &Stance, style: &Style) -> EdgeSpec {
    let polarity = s.position.polarity();
    let strength = s.position.strength();
    let stroke = LineStyle {
        width: style.stance_width(strength),
        colour: style.stance_colour(polarity),
        dash: style.stance_dash(polarity),
    };
    (
        EdgeId::Stance(s.id),
        NodeId::Actor(s.actor),
        NodeId::Claim(s.claim),
        stroke,
        stance_head(strength),
    )
}

/// The head of a stance's arrow: a double head when the stance is held strongly.
pub fn stance_head(strength: u8) -> Head {
    if strength >= 2 {
        Head::DoubleArrow
    } else {
        Head::Arrow
    }
}

/// How a relation is drawn.
pub(super) fn relation_spec(r: &Relation, style: &Style) -> EdgeSpec {
    let stroke = LineStyle::solid(style.relation_width(), style.relation_colour(r.kind));
    let head = match r.kind {
        RelationKind::Supports => Head::Arrow,
        RelationKind::Attacks => Head::Tee,
    };
    (
        EdgeId::Relation(r.id),
        NodeId::Claim(r.from),
        NodeId::Claim(r.to),
        stroke,
        head,
    )
}

/// Every stance and relation with its line style and head.
fn edge_list(map: &Map, style: &Style) -> Vec<EdgeSpec> {
    let stances = map.stances().map(|s| stance_spec(s, style));
    let relations = map.relations().map(|r| relation_spec(r, style));
    stances.chain(relations).collect()
}

/// Bends for edges that share their two nodes (in either direction), so they stay apart.
pub(super) fn bends_by_pair(
    edges: impl Iterator<Item = (EdgeId, NodeId, NodeId)>,
) -> HashMap<EdgeId, f32> {
    let mut groups: BTreeMap<(NodeId, NodeId), Vec<(EdgeId, bool)>> = BTreeMap::new();
    for (id, from, to) in edges {
        let forward = from <= to;
        let key = if forward { (from, to) } else { (to, from) };
        groups.entry(key).or_default().push((id, forward));
    }
    let mut bends = HashMap::new();
    for group in groups.into_values() {
        if group.len() < 2 {
            continue;
        }
        for ((id, forward), bend) in group.iter().zip(parallel_bends(group.len())) {
            // Bends are measured in the pair's direction; edges running the other way see
            // left and right swapped.
            bends.insert(*id, if *forward { bend } else { -bend });
        }
    }
    bends
}

/// A box around shapes.
pub(super) fn union_bounds(shapes: &[Shape]) -> Rect {
    shapes
        .iter()
        .map(Shape::bounds)
        .reduce(|a, b| a.union(b))
        .unwrap_or(Rect::NOTHING)
}
