//! With nothing selected, the inspector edits the map itself: its title and description.

use super::fields::{Form, Lines, heading, note};
use crate::model::{Edit, Map, MapInfo};
use eframe::egui;

/// The map's title and description.
pub fn show(ui: &mut egui::Ui, map: &Map, form: &mut Form<'_>) {
    heading(ui, "Map details");
    if let Some(title) = form.text(ui, "Title", map.title(), Lines::One) {
        form.typed(
            "Title",
            Edit::SetInfo(MapInfo {
                title,
                ..map.info()
            }),
        );
    }
    if let Some(description) = form.text(ui, "Description", map.description(), Lines::Many) {
        form.typed(
            "Description",
            Edit::SetInfo(MapInfo {
                description,
                ..map.info()
            }),
        );
    }
    note(
        ui,
        "Select a node or an edge to edit it. Double-click the canvas to add a claim \
         (Shift: an actor); drag from a node's handle to connect.",
    );
}
