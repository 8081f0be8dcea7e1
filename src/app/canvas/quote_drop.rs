//! Dropping a quote carried from the reader onto a node: the actor or claim under the pointer
//! is outlined as the drop target, and releasing the button over it asks the app to open the
//! coding form with that end filled in. Released anywhere else, the quote is simply let go.

use super::camera::Camera;
use super::drawing::Drawing;
use super::hit;
use crate::app::panels::reader::QuoteDrag;
use crate::app::requests::Requests;
use crate::model::NodeId;
use eframe::egui::{self, Painter, Rect, Response, Stroke, StrokeKind};

/// The colour of a drop target's outline (the colour of a valid connection).
const TARGET: egui::Color32 = egui::Color32::from_rgb(0x00, 0x9e, 0x73);

/// While a quote is carried over the canvas, outlines the node under the pointer and returns
/// it; on release over a node, asks for the coding form on it.
pub fn quote_drop(
    ui: &egui::Ui,
    response: &Response,
    painter: &Painter,
    (drawing, camera, viewport): (&Drawing, &Camera, Rect),
    requests: &mut Requests,
) -> Option<NodeId> {
    QuoteDrag::carried(ui.ctx())?;
    // Not `hover_pos`: the reader's text, not the canvas, is the widget being dragged.
    let pointer = ui
        .input(|i| i.pointer.latest_pos())
        .filter(|&p| response.contains_pointer() && viewport.contains(p))?;
    let target = hit::node_at(drawing, camera.to_map(viewport, pointer))?;
    if let Some(item) = drawing.scene.node(target) {
        painter.rect_stroke(
            camera.to_screen(viewport).mul_rect(item.bounds).expand(4.0),
            6.0,
            Stroke::new(3.0, TARGET),
            StrokeKind::Outside,
        );
    }
    if ui.input(|i| i.pointer.primary_released())
        && let Some(quote) = QuoteDrag::take(ui.ctx())
    {
        requests.code_quote((*quote).clone(), target, pointer);
    }
    Some(target)
}
