//! A composed picture: the scene's shapes plus title, legend and footer, placed in output
//! pixels. Both writers (SVG and PNG) draw exactly this, so the two formats agree.

use super::evidence::Evidence;
use crate::scene::Shape;
use eframe::egui::{Color32, Rect, emath::TSTransform};
use std::borrow::Cow;

/// A picture ready to be written.
#[derive(Debug, Clone)]
pub struct Picture<'a> {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The background fill, or `None` for a transparent background.
    pub background: Option<Color32>,
    /// The map's title, stored as the picture's title (SVG `<title>`).
    pub title: String,
    /// Font families to ask for, in order of preference.
    pub font_families: Vec<&'static str>,
    /// Groups of shapes, back to front.
    pub layers: Vec<Layer<'a>>,
    /// Where each part of the picture lies, in pixels.
    pub areas: Areas,
    /// Pixels per unit of the title, legend and footer (1 = as on screen at 100 %).
    pub chrome_scale: f32,
    /// The numbered stances, when the evidence option is on (their numbers are on the
    /// arrows; the list is drawn below the map or, in a PDF, on pages of its own).
    pub evidence: Vec<Evidence>,
}

/// Where the parts of a picture lie, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Areas {
    /// The map.
    pub map: Rect,
    /// The title, if drawn.
    pub title: Option<Rect>,
    /// The legend, if drawn.
    pub legend: Option<Rect>,
    /// The evidence list, if drawn below the map.
    pub evidence: Option<Rect>,
    /// The footer, if drawn.
    pub footer: Option<Rect>,
}

/// Shapes drawn through one transform from their own coordinates to pixels.
#[derive(Debug, Clone)]
pub struct Layer<'a> {
    /// From the layer's coordinates to pixels.
    pub transform: TSTransform,
    /// A rectangle in pixels that drawing is cut to.
    pub clip: Option<Rect>,
    /// The layer's drawings, back to front.
    pub items: Vec<PictureItem<'a>>,
}

/// One drawing (a node, an edge, the legend, a caption) with a box around it.
#[derive(Debug, Clone)]
pub struct PictureItem<'a> {
    /// A box around the shapes, in the layer's coordinates.
    pub bounds: Rect,
    /// The shapes, back to front.
    pub shapes: Cow<'a, [Shape]>,
}

impl Layer<'_> {
    /// Where a drawing of this layer lands, in pixels.
    pub fn pixel_bounds(&self, drawing: &PictureItem<'_>) -> Rect {
        let bounds = self.transform.mul_rect(drawing.bounds);
        match self.clip {
            Some(clip) => bounds.intersect(clip),
            None => bounds,
        }
    }
}

impl Picture<'_> {
    /// Every text line in the picture, in drawing order.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.text_runs().map(|(text, _)| text)
    }

    /// Every text line in the picture with whether it is bold, in drawing order.
    pub fn text_runs(&self) -> impl Iterator<Item = (&str, bool)> {
        self.layers
            .iter()
            .flat_map(|layer| layer.items.iter())
            .flat_map(|drawing| drawing.shapes.iter())
            .filter_map(|shape| match shape {
                Shape::Text { text, bold, .. } => Some((text.as_str(), *bold)),
                _ => None,
            })
    }
}
