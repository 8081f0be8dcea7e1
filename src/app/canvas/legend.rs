//! The legend floating in the top-left corner of the canvas: the scene's own legend (the one
//! exports place in their pictures), painted at its natural size whatever the zoom.

use super::drawing::Drawing;
use super::paint::{Look, push_shape};
use eframe::egui::{Painter, Pos2, Rect, Vec2, emath::TSTransform};

/// Space between the legend and the canvas edges.
const MARGIN: f32 = 10.0;

/// Paints the legend; returns the screen rectangle it covers.
pub fn paint_legend(painter: &Painter, drawing: &Drawing, viewport: Rect) -> Rect {
    let origin = viewport.min + Vec2::splat(MARGIN);
    let look = Look {
        to_screen: TSTransform::from_translation(origin.to_vec2()),
        fade: 1.0,
        clip: viewport,
    };
    let mut shapes = Vec::with_capacity(drawing.legend.shapes.len());
    for shape in &drawing.legend.shapes {
        push_shape(&mut shapes, painter, shape, look);
    }
    painter.extend(shapes);
    Rect::from_min_size(origin, drawing.legend.size)
}

/// The part of the canvas not covered by the legend, where fitted content goes.
pub fn free_area(shown: bool, drawing: &Drawing, viewport: Rect) -> Rect {
    let legend = drawing.legend.size.x + 2.0 * MARGIN;
    if shown && legend < viewport.width() / 2.0 {
        Rect::from_min_max(
            Pos2::new(viewport.left() + legend, viewport.top()),
            viewport.max,
        )
    } else {
        viewport
    }
}
