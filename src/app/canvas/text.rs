//! Scene text on screen. Font sizes are rounded to a fixed ladder of steps, so while the user
//! zooms a label is laid out again only when its size crosses a step, not on every frame;
//! between steps egui's galley cache returns the same layout frame after frame.

use crate::scene::{Align, text::LINE_HEIGHT};
use eframe::egui::{self, Color32, FontFamily, FontId, Painter, Pos2};

/// Below this many screen pixels text is unreadable and is not drawn at all.
pub const MIN_TEXT_PX: f32 = 4.5;

/// Steps per doubling of the font size: 10 steps keep each drawn size within 3.5% of the
/// exact one.
const STEPS_PER_OCTAVE: f32 = 10.0;

/// The base-2 logarithm of the font size used for text `px` screen pixels tall, on the ladder.
fn quantized_size(px: f32) -> f32 {
    (px.log2() * STEPS_PER_OCTAVE).round() / STEPS_PER_OCTAVE
}

/// The quantized size itself, as pixels.
pub fn snapped_px(px: f32) -> f32 {
    quantized_size(px).exp2()
}

/// Lays out one scene text line at screen size `px` and returns the shape that draws it with
/// the top of its line box at `anchor` (left end or middle, per `align`).
pub fn text_shape(
    painter: &Painter,
    anchor: Pos2,
    align: Align,
    text: &str,
    px: f32,
    colour: Color32,
) -> egui::Shape {
    let size = snapped_px(px);
    let galley = painter.layout_no_wrap(
        text.to_owned(),
        FontId::new(size, FontFamily::Proportional),
        Color32::PLACEHOLDER,
    );
    let width = galley.size().x;
    // The scene reserves LINE_HEIGHT × size per line: centre egui's row in that box.
    let top = anchor.y + (px * LINE_HEIGHT - galley.size().y) / 2.0;
    let left = match align {
        Align::Left => anchor.x,
        Align::Center => anchor.x - width / 2.0,
    };
    egui::epaint::TextShape::new(Pos2::new(left, top), galley, colour).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_snap_to_a_ladder_close_to_the_exact_size() {
        for px in [4.5_f32, 7.3, 13.0, 13.1, 29.9, 52.0] {
            let snapped = snapped_px(px);
            assert!((snapped / px - 1.0).abs() < 0.036, "{px} -> {snapped}");
        }
        // Small zoom changes map to the same size, so the layout is reused.
        assert_eq!(snapped_px(13.0), snapped_px(13.1));
    }
}
