//! Turns scene shapes into egui shapes through a map-to-screen transform, at full detail:
//! curves are flattened to as many segments as their on-screen length needs, text is laid out
//! at snapped sizes (see [`super::text`]) and skipped when too small to read.

use super::text::{MIN_TEXT_PX, text_shape};
use crate::layout::geometry::clip_segment;
use crate::model::Point;
use crate::scene::{LineStyle, Shape, bezier_point};
use eframe::egui::{
    self, Color32, Painter, Pos2, Rect, Stroke, StrokeKind, emath::TSTransform, epaint::PathStroke,
};

/// How a batch of shapes is drawn: where, and how faded.
#[derive(Clone, Copy)]
pub struct Look {
    /// Map to screen.
    pub to_screen: TSTransform,
    /// Multiplies every colour's opacity (1 = as drawn); used to dim what is not highlighted.
    pub fade: f32,
    /// The visible part of the screen: dashes outside it are not made at all.
    pub clip: Rect,
}

impl Look {
    fn colour(&self, c: Color32) -> Color32 {
        if self.fade >= 1.0 {
            c
        } else {
            c.gamma_multiply(self.fade)
        }
    }

    fn stroke(&self, style: &LineStyle) -> Stroke {
        if style.is_visible() {
            Stroke::new(
                style.width * self.to_screen.scaling,
                self.colour(style.colour),
            )
        } else {
            Stroke::NONE
        }
    }
}

/// Appends the egui shapes that draw one scene shape to `out`.
pub fn push_shape(out: &mut Vec<egui::Shape>, painter: &Painter, shape: &Shape, look: Look) {
    let to_screen = look.to_screen;
    let zoom = to_screen.scaling;
    match shape {
        Shape::Rect {
            rect,
            radius,
            fill,
            stroke,
        } => out.push(egui::Shape::Rect(egui::epaint::RectShape::new(
            to_screen.mul_rect(*rect),
            radius * zoom,
            look.colour(*fill),
            look.stroke(stroke),
            StrokeKind::Middle,
        ))),
        Shape::Ellipse {
            center,
            radius,
            fill,
            stroke,
        } => out.push(egui::Shape::Ellipse(egui::epaint::EllipseShape {
            center: to_screen * *center,
            radius: *radius * zoom,
            fill: look.colour(*fill),
            stroke: look.stroke(stroke),
            angle: 0.0,
        })),
        Shape::Polygon {
            points,
            fill,
            stroke,
        } => {
            let points: Vec<Pos2> = points.iter().map(|p| to_screen * *p).collect();
            out.push(egui::Shape::convex_polygon(
                points,
                look.colour(*fill),
                look.stroke(stroke),
            ));
        }
        Shape::Polyline { points, stroke } => {
            let points: Vec<Pos2> = points.iter().map(|p| to_screen * *p).collect();
            push_line(out, points, stroke, look);
        }
        Shape::Curve { points, stroke } => {
            push_line(out, flatten(points, to_screen), stroke, look);
        }
        Shape::Text {
            anchor,
            align,
            text,
            size,
            colour,
            bold: _,
        } => {
            let px = size * zoom;
            if px >= MIN_TEXT_PX {
                out.push(text_shape(
                    painter,
                    to_screen * *anchor,
                    *align,
                    text,
                    px,
                    look.colour(*colour),
                ));
            }
        }
    }
}

/// A cubic Bézier in screen coordinates as a polyline, with segments about 10 px long.
pub fn flatten(points: &[Pos2; 4], to_screen: TSTransform) -> Vec<Pos2> {
    let screen = points.map(|p| to_screen * p);
    let [a, b, c, d] = screen;
    let length = (b - a).length() + (c - b).length() + (d - c).length();
    let segments = (length / 10.0).ceil().clamp(1.0, 48.0) as usize;
    let straight = (b - a).normalized().dot((d - a).normalized()) > 0.9999
        && (d - c).normalized().dot((d - a).normalized()) > 0.9999;
    if straight {
        return vec![a, d];
    }
    (0..=segments)
        .map(|i| bezier_point(&screen, i as f32 / segments as f32))
        .collect()
}

fn push_line(out: &mut Vec<egui::Shape>, points: Vec<Pos2>, style: &LineStyle, look: Look) {
    let stroke = look.stroke(style);
    if stroke.is_empty() || points.len() < 2 {
        return;
    }
    match style.dash.pattern() {
        Some((dash, gap)) => {
            let unit = stroke.width.max(1.0);
            dashes(out, &points, stroke, (dash * unit, gap * unit), look.clip);
        }
        None => out.push(egui::Shape::line(points, PathStroke::from(stroke))),
    }
}

/// The dashes of a dashed polyline that fall inside `clip`. The pattern is laid along the
/// whole line, so dashes stay put while the view pans, but only visible pieces become shapes:
/// a long dashed edge across a zoomed-in view costs a few dashes, not thousands.
pub fn dashes(
    out: &mut Vec<egui::Shape>,
    points: &[Pos2],
    stroke: Stroke,
    (dash, gap): (f32, f32),
    clip: Rect,
) {
    let period = dash + gap;
    if period <= 0.0 {
        return;
    }
    let clip = clip.expand(stroke.width);
    let mut travelled = 0.0;
    for pair in points.windows(2) {
        let &[a, b] = pair else { continue };
        let length = (b - a).length();
        if let Some((t0, t1)) = inside(a, b, clip).filter(|_| length > 0.0) {
            // Only the dashes over the visible stretch [t0, t1] of this piece.
            let dir = (b - a) / length;
            let (from, to) = (travelled + t0 * length, travelled + t1 * length);
            let mut k = (from / period).floor();
            while k * period < to {
                let start = (k * period).max(from);
                let end = (k * period + dash).min(to);
                if end > start {
                    out.push(egui::Shape::line_segment(
                        [a + dir * (start - travelled), a + dir * (end - travelled)],
                        stroke,
                    ));
                }
                k += 1.0;
            }
        }
        travelled += length;
    }
}

/// The part of the segment a→b inside `rect`, as a range of 0..=1 along it (Liang–Barsky).
fn inside(a: Pos2, b: Pos2, rect: Rect) -> Option<(f32, f32)> {
    let point = |p: Pos2| Point::new(p.x, p.y);
    clip_segment(point(a), point(b), point(rect.min), point(rect.max))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segments(shapes: &[egui::Shape]) -> Vec<[Pos2; 2]> {
        shapes
            .iter()
            .filter_map(|s| match s {
                egui::Shape::LineSegment { points, .. } => Some(*points),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn only_visible_dashes_are_made_and_they_keep_their_place() {
        let line = [Pos2::new(0.0, 0.0), Pos2::new(10_000.0, 0.0)];
        let stroke = Stroke::new(1.0, Color32::RED);
        let everything = Rect::from_min_max(Pos2::new(-1.0, -1.0), Pos2::new(10_001.0, 1.0));
        let mut all = Vec::new();
        dashes(&mut all, &line, stroke, (4.0, 6.0), everything);
        assert_eq!(all.len(), 1000);

        // A long line split into short pieces, seen through a small window.
        let pieces: Vec<Pos2> = (0..=100)
            .map(|i| Pos2::new(i as f32 * 100.0, 0.0))
            .collect();
        let window = Rect::from_min_max(Pos2::new(5_000.0, -5.0), Pos2::new(5_100.0, 5.0));
        let mut seen = Vec::new();
        dashes(&mut seen, &pieces, stroke, (4.0, 6.0), window);
        let seen = segments(&seen);
        assert!(seen.len() < 40, "{}", seen.len());
        // Each visible dash is (the visible part of) one of the dashes of the whole line.
        let whole = segments(&all);
        for [a, b] in &seen {
            assert!(
                whole.iter().any(|[c, d]| c.x <= a.x && b.x <= d.x),
                "{a:?}..{b:?}"
            );
        }
        // One long piece crossing the window makes only the dashes in the window.
        let mut crossing = Vec::new();
        dashes(&mut crossing, &line, stroke, (4.0, 6.0), window);
        assert!(crossing.len() <= 12, "{}", crossing.len());
    }
}
