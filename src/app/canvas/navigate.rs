//! Moving the view with the wheel and trackpad: scrolling pans, Ctrl+scroll and pinching zoom
//! around the pointer. (Dragging with the middle or right button, or with Space held, pans too:
//! see [`super::interact`].)

use super::camera::Camera;
use eframe::egui::{self, Rect, Response, Vec2};

/// Applies this frame's wheel and pinch input to the camera while the pointer is over the
/// canvas.
pub fn wheel_and_pinch(ui: &egui::Ui, response: &Response, camera: &mut Camera, viewport: Rect) {
    let Some(pointer) = response.hover_pos() else {
        return;
    };
    let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
    // egui turns Ctrl+wheel into zoom_delta, so a wheel turn is either a zoom or a pan.
    if zoom != 1.0 {
        camera.zoom_around(viewport, pointer, zoom);
    }
    if scroll != Vec2::ZERO {
        camera.pan_by(scroll);
    }
}
