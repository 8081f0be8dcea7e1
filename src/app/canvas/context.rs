//! Right-click on the canvas: what the context menu acts on. A right-click on an item that
//! is not selected selects it alone (on a selected one it keeps the selection, so a menu can
//! act on several items); on empty canvas it clears the selection. The app shows the menu
//! itself, from the command list, on the canvas's response.

use super::hit::{self, Hit};
use crate::app::selection::Selection;
use crate::model::{ItemId, Point};
use eframe::egui::{Pos2, Response};
use std::borrow::Cow;

/// What the context menu needs from the canvas this frame.
#[derive(Debug, Clone, Default)]
pub struct ContextTarget {
    /// The canvas's response this frame: the menu opens on its right-click and stays open
    /// while it is shown on every frame.
    pub response: Option<Response>,
    /// The map point of the last right-click, where "New claim" and "New actor" put the node.
    pub at: Option<Point>,
}

/// Selects what a right-click at `map_point` falls on, as described above.
pub fn select_for_menu(
    drawing: &super::drawing::Drawing,
    map_point: Pos2,
    zoom: f32,
    selection: &mut Cow<'_, Selection>,
) {
    let items = match hit::hit(drawing, map_point, zoom) {
        Hit::Node(node) => vec![ItemId::from(node)],
        // Every stance of a merged edge, as a click takes them.
        Hit::Edge(edge) => hit::edge_items(drawing, edge),
        Hit::Nothing => Vec::new(),
    };
    if items.is_empty() {
        if !selection.is_empty() {
            selection.to_mut().clear();
        }
    } else if !items.iter().any(|item| selection.contains(*item)) {
        let chosen = selection.to_mut();
        chosen.clear();
        chosen.extend(items);
    }
}
