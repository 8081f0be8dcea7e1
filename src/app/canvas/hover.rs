//! What the pointer rests on: the node or edge that stands out with its neighbours, its
//! tooltip, and the pointer's shape.

use super::camera::Camera;
use super::drawing::Drawing;
use super::hit::{self, Hit};
use super::interact::{Gesture, Interaction};
use super::tooltip;
use super::view::Highlight;
use crate::app::selection::Selection;
use crate::model::{Map, NodeId};
use crate::scene::SceneId;
use eframe::egui::{self, CursorIcon, Pos2, Rect};

/// What stands out while the pointer rests on something: a node with its edges and
/// neighbours, or an edge with its two ends — and whatever is selected (search matches among
/// it), which hovering never dims.
pub fn highlight(drawing: &Drawing, interaction: &Interaction, selection: &Selection) -> Highlight {
    let mut set = hovered(drawing, interaction)?;
    set.extend(selection.items().filter_map(SceneId::of_item));
    Some(set)
}

/// The hovered item with its neighbours.
fn hovered(drawing: &Drawing, interaction: &Interaction) -> Highlight {
    if interaction.gesture != Gesture::Idle {
        return None;
    }
    match interaction.hover {
        Hit::Node(node) => Some(drawing.neighbourhood(node).into_iter().collect()),
        Hit::Edge(edge) => {
            let id = SceneId::Edge(edge);
            let ends = drawing
                .scene
                .items
                .iter()
                .find(|item| item.id == id)
                .and_then(|item| item.ends);
            let mut set: std::collections::HashSet<_> = [id].into_iter().collect();
            if let Some((from, to)) = ends {
                set.insert(SceneId::Node(from));
                set.insert(SceneId::Node(to));
            }
            Some(set)
        }
        Hit::Nothing => None,
    }
}

/// Shows the tooltip of the hovered node or edge.
pub fn tooltips(response: &egui::Response, map: &Map, interaction: &Interaction) {
    if interaction.gesture != Gesture::Idle || interaction.link.is_some() {
        return;
    }
    match interaction.hover {
        Hit::Edge(edge) => {
            response
                .clone()
                .on_hover_ui_at_pointer(|ui| tooltip::edge_tooltip(ui, map, edge));
        }
        Hit::Node(node) => {
            response
                .clone()
                .on_hover_ui_at_pointer(|ui| tooltip::node_tooltip(ui, map, node));
        }
        Hit::Nothing => {}
    }
}

/// Sets the pointer's shape for what it is over and what it is doing.
pub fn set_cursor(
    ui: &egui::Ui,
    interaction: &Interaction,
    handle_owner: Option<NodeId>,
    drawing: &Drawing,
    pointer: Option<Pos2>,
    camera: &Camera,
    viewport: Rect,
) {
    let Some(pointer) = pointer else { return };
    let at = camera.to_map(viewport, pointer);
    let space = ui.input(|i| i.key_down(egui::Key::Space));
    let icon = match &interaction.gesture {
        Gesture::Pan => CursorIcon::Grabbing,
        Gesture::Move { .. } => CursorIcon::Grabbing,
        Gesture::Connect { .. } => CursorIcon::Crosshair,
        Gesture::Select { .. } => CursorIcon::Default,
        Gesture::Idle if space => CursorIcon::Grab,
        Gesture::Idle => {
            if handle_owner.is_some_and(|n| hit::on_handle(drawing, n, at, camera.zoom)) {
                CursorIcon::Crosshair
            } else if matches!(interaction.hover, Hit::Node(_)) {
                CursorIcon::Grab
            } else if matches!(interaction.hover, Hit::Edge(_)) {
                CursorIcon::PointingHand
            } else {
                CursorIcon::Default
            }
        }
    };
    ui.ctx().set_cursor_icon(icon);
}
