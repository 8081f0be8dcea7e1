//! The drawing primitives a scene is made of. Painters (the egui canvas, the SVG and PNG
//! exporters) only need to know how to draw these.

use super::style::Dash;
use eframe::egui::{Color32, Pos2, Rect, Vec2};

/// How a shape's outline or a line is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineStyle {
    /// Width in map units; 0 means no line.
    pub width: f32,
    /// Colour.
    pub colour: Color32,
    /// Dash pattern.
    pub dash: Dash,
}

impl LineStyle {
    /// No line at all.
    pub const NONE: LineStyle = LineStyle {
        width: 0.0,
        colour: Color32::TRANSPARENT,
        dash: Dash::Solid,
    };

    /// A solid line.
    pub fn solid(width: f32, colour: Color32) -> Self {
        LineStyle {
            width,
            colour,
            dash: Dash::Solid,
        }
    }

    /// Whether anything is drawn.
    pub fn is_visible(&self) -> bool {
        self.width > 0.0 && self.colour.a() > 0
    }
}

/// Horizontal alignment of a text line around its anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// The anchor is the left end of the line.
    Left,
    /// The anchor is the middle of the line.
    Center,
}

/// One drawing primitive, in map coordinates.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A rectangle with rounded corners.
    Rect {
        /// Outer bounds.
        rect: Rect,
        /// Corner radius.
        radius: f32,
        /// Fill colour (transparent for none).
        fill: Color32,
        /// Outline.
        stroke: LineStyle,
    },
    /// An ellipse (a circle when both radii are equal).
    Ellipse {
        /// Centre.
        center: Pos2,
        /// Horizontal and vertical radius.
        radius: Vec2,
        /// Fill colour (transparent for none).
        fill: Color32,
        /// Outline.
        stroke: LineStyle,
    },
    /// A closed polygon.
    Polygon {
        /// Corners in order.
        points: Vec<Pos2>,
        /// Fill colour (transparent for none).
        fill: Color32,
        /// Outline.
        stroke: LineStyle,
    },
    /// An open polyline.
    Polyline {
        /// Points in order.
        points: Vec<Pos2>,
        /// Line style.
        stroke: LineStyle,
    },
    /// A cubic Bézier curve.
    Curve {
        /// Start, two control points, end.
        points: [Pos2; 4],
        /// Line style.
        stroke: LineStyle,
    },
    /// One line of text.
    Text {
        /// The top of the line, at its left end or middle depending on `align`.
        anchor: Pos2,
        /// How the line sits around the anchor.
        align: Align,
        /// The text.
        text: String,
        /// Font size in map units.
        size: f32,
        /// Colour.
        colour: Color32,
        /// Bold weight.
        bold: bool,
    },
}

impl Shape {
    /// Moves the shape by `delta` map units.
    pub fn translate(&mut self, delta: Vec2) {
        match self {
            Shape::Rect { rect, .. } => *rect = rect.translate(delta),
            Shape::Ellipse { center, .. } => *center += delta,
            Shape::Polygon { points, .. } | Shape::Polyline { points, .. } => {
                for p in points {
                    *p += delta;
                }
            }
            Shape::Curve { points, .. } => {
                for p in points {
                    *p += delta;
                }
            }
            Shape::Text { anchor, .. } => *anchor += delta,
        }
    }

    /// A box around everything the shape covers (text boxes are estimates).
    pub fn bounds(&self) -> Rect {
        match self {
            Shape::Rect { rect, stroke, .. } => rect.expand(stroke.width / 2.0),
            Shape::Ellipse {
                center,
                radius,
                stroke,
                ..
            } => Rect::from_center_size(*center, *radius * 2.0).expand(stroke.width / 2.0),
            Shape::Polygon { points, stroke, .. } | Shape::Polyline { points, stroke } => {
                Rect::from_points(points).expand(stroke.width / 2.0)
            }
            Shape::Curve { points, stroke } => Rect::from_points(points).expand(stroke.width / 2.0),
            Shape::Text {
                anchor,
                align,
                text,
                size,
                ..
            } => {
                let width = super::text::text_width(text, *size);
                let left = match align {
                    Align::Left => anchor.x,
                    Align::Center => anchor.x - width / 2.0,
                };
                Rect::from_min_size(
                    Pos2::new(left, anchor.y),
                    Vec2::new(width, size * super::text::LINE_HEIGHT),
                )
            }
        }
    }
}

/// The curves among `shapes`, in order, with their lines: an edge's line is one curve, or
/// several one after the other when it is routed through waypoints.
pub fn curves(shapes: &[Shape]) -> impl Iterator<Item = (&[Pos2; 4], &LineStyle)> {
    shapes.iter().filter_map(|shape| match shape {
        Shape::Curve { points, stroke } => Some((points, stroke)),
        _ => None,
    })
}

/// The point a fraction `t` (0..=1) of the way along the line the curves among `shapes`
/// draw, by length; `None` when there is no curve.
pub fn point_along(shapes: &[Shape], t: f32) -> Option<Pos2> {
    let pieces: Vec<(&[Pos2; 4], f32)> = curves(shapes)
        .map(|(points, _)| (points, curve_length(points)))
        .collect();
    let total: f32 = pieces.iter().map(|(_, length)| length).sum();
    let mut left = t.clamp(0.0, 1.0) * total;
    for (points, length) in &pieces {
        if left <= *length {
            let local = if *length > 0.0 { left / length } else { 0.0 };
            return Some(bezier_point(points, local));
        }
        left -= length;
    }
    pieces.last().map(|(points, _)| points[3])
}

/// About how long a cubic Bézier curve is: the mean of its chord and its control polygon.
fn curve_length(points: &[Pos2; 4]) -> f32 {
    let [a, b, c, d] = *points;
    let polygon = (b - a).length() + (c - b).length() + (d - c).length();
    (polygon + (d - a).length()) / 2.0
}

/// Evaluates a cubic Bézier curve at `t` in 0..=1.
pub fn bezier_point(points: &[Pos2; 4], t: f32) -> Pos2 {
    let [p0, p1, p2, p3] = *points;
    let u = 1.0 - t;
    let w0 = u * u * u;
    let w1 = 3.0 * u * u * t;
    let w2 = 3.0 * u * t * t;
    let w3 = t * t * t;
    Pos2::new(
        w0 * p0.x + w1 * p1.x + w2 * p2.x + w3 * p3.x,
        w0 * p0.y + w1 * p1.y + w2 * p2.y + w3 * p3.y,
    )
}
