//! The canvas in the accessibility tree. The map is painted, not built from widgets, so each
//! visible node and edge gets an accessibility node of its own with its name and screen box:
//! screen readers can announce the map, and UI tests can find a node by name and click it.

use super::drawing::Drawing;
use crate::app::selection::Selection;
use crate::model::{EdgeId, ItemId, Map, NodeId};
use crate::scene::SceneId;
use eframe::egui::{self, Id, Rect, accesskit, emath::TSTransform};

/// Most items described per frame: beyond this the view is a sketch, not a list to read.
const MAX_DESCRIBED: usize = 2_000;

/// The accessible name of a node, e.g. "Claim: NATO must not expand".
pub fn node_name(map: &Map, node: NodeId) -> String {
    match node {
        NodeId::Actor(a) => format!("Actor: {}", map.actor(a).map_or("?", |a| a.name.as_str())),
        NodeId::Claim(c) => format!("Claim: {}", map.claim(c).map_or("?", |c| c.label.as_str())),
    }
}

/// The accessible name of an edge, e.g. "Stance: Putin opposes NATO expansion".
pub fn edge_name(map: &Map, edge: EdgeId) -> String {
    let label = |c| map.claim(c).map_or("?", |c| c.label.as_str());
    match edge {
        EdgeId::Stance(s) => match map.stance(s) {
            Some(stance) => format!(
                "Stance: {} {} {}",
                map.actor(stance.actor).map_or("?", |a| a.name.as_str()),
                stance.position.label(),
                label(stance.claim)
            ),
            None => "Stance".to_owned(),
        },
        EdgeId::Relation(r) => match map.relation(r) {
            Some(relation) => format!(
                "Relation: {} {} {}",
                label(relation.from),
                relation.kind.label(),
                label(relation.to)
            ),
            None => "Relation".to_owned(),
        },
    }
}

/// Describes the visible items under the canvas's accessibility node, when accessibility is on.
pub fn describe(
    ctx: &egui::Context,
    canvas: Id,
    map: &Map,
    drawing: &Drawing,
    selection: &Selection,
    to_screen: TSTransform,
    viewport: Rect,
) {
    let active = ctx
        .accesskit_node_builder(canvas, |node| {
            node.set_role(accesskit::Role::Canvas);
            node.set_label("Map canvas");
        })
        .is_some();
    if !active {
        return;
    }
    let visible = to_screen.inverse().mul_rect(viewport);
    // Nodes first: they are what people look for.
    let nodes = drawing
        .scene
        .items
        .iter()
        .filter(|item| matches!(item.id, SceneId::Node(_)));
    let edges = drawing
        .scene
        .items
        .iter()
        .filter(|item| matches!(item.id, SceneId::Edge(_)));
    for item in nodes
        .chain(edges)
        .filter(|item| item.bounds.intersects(visible))
        .take(MAX_DESCRIBED)
    {
        let (name, selected) = match item.id {
            SceneId::Node(node) => (node_name(map, node), selection.contains(ItemId::from(node))),
            SceneId::Edge(edge) => {
                let mut name = edge_name(map, edge);
                if item.merged.len() > 1 {
                    // One line drawn for several stances says so, as its badge does.
                    name.push_str(&format!(
                        " ({})",
                        crate::scene::count_text(item.merged.len())
                    ));
                }
                let selected = item.stands_for().into_iter().any(|i| selection.contains(i));
                (name, selected)
            }
        };
        let screen = to_screen.mul_rect(item.bounds).intersect(viewport);
        let id = canvas.with(item.id);
        ctx.accesskit_node_builder(id, |node| {
            node.set_role(accesskit::Role::Button);
            node.set_label(name);
            node.set_bounds(accesskit::Rect {
                x0: screen.min.x.into(),
                y0: screen.min.y.into(),
                x1: screen.max.x.into(),
                y1: screen.max.y.into(),
            });
            node.add_action(accesskit::Action::Click);
            if selected {
                node.set_selected(true);
            }
        });
    }
}
