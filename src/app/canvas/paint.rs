//! Paints scene shapes with egui, through a map-to-screen transform.

use crate::scene::{Align, Dash, LineStyle, Shape};
use eframe::egui::{
    self, Align2, Color32, FontFamily, FontId, Painter, Pos2, Stroke, StrokeKind,
    emath::TSTransform, epaint::CubicBezierShape,
};

/// Paints one scene shape. `fade` multiplies every colour's opacity (1 = as drawn).
pub fn paint_shape(painter: &Painter, shape: &Shape, to_screen: TSTransform, fade: f32) {
    let zoom = to_screen.scaling;
    let colour = |c: Color32| {
        if fade >= 1.0 {
            c
        } else {
            c.gamma_multiply(fade)
        }
    };
    let stroke_of = |s: &LineStyle| Stroke::new(s.width * zoom, colour(s.colour));
    match shape {
        Shape::Rect {
            rect,
            radius,
            fill,
            stroke,
        } => {
            painter.rect(
                to_screen.mul_rect(*rect),
                radius * zoom,
                colour(*fill),
                stroke_of(stroke),
                StrokeKind::Middle,
            );
        }
        Shape::Ellipse {
            center,
            radius,
            fill,
            stroke,
        } => {
            let c = to_screen * *center;
            painter.add(egui::Shape::ellipse_filled(
                c,
                *radius * zoom,
                colour(*fill),
            ));
            if stroke.is_visible() {
                painter.add(egui::Shape::ellipse_stroke(
                    c,
                    *radius * zoom,
                    stroke_of(stroke),
                ));
            }
        }
        Shape::Polygon {
            points,
            fill,
            stroke,
        } => {
            let points: Vec<Pos2> = points.iter().map(|p| to_screen * *p).collect();
            painter.add(egui::Shape::convex_polygon(
                points,
                colour(*fill),
                stroke_of(stroke),
            ));
        }
        Shape::Polyline { points, stroke } => {
            let points: Vec<Pos2> = points.iter().map(|p| to_screen * *p).collect();
            line(painter, points, stroke, zoom, colour(stroke.colour));
        }
        Shape::Curve { points, stroke } => {
            let points = points.map(|p| to_screen * p);
            if stroke.dash == Dash::Solid {
                painter.add(CubicBezierShape::from_points_stroke(
                    points,
                    false,
                    Color32::TRANSPARENT,
                    stroke_of(stroke),
                ));
            } else {
                let flat = CubicBezierShape::from_points_stroke(
                    points,
                    false,
                    Color32::TRANSPARENT,
                    Stroke::NONE,
                )
                .flatten(Some(0.5));
                line(painter, flat, stroke, zoom, colour(stroke.colour));
            }
        }
        Shape::Text {
            anchor,
            align,
            text,
            size,
            colour: text_colour,
            bold: _,
        } => {
            let anchor_align = match align {
                Align::Left => Align2::LEFT_TOP,
                Align::Center => Align2::CENTER_TOP,
            };
            painter.text(
                to_screen * *anchor,
                anchor_align,
                text,
                FontId::new(size * zoom, FontFamily::Proportional),
                colour(*text_colour),
            );
        }
    }
}

fn line(painter: &Painter, points: Vec<Pos2>, style: &LineStyle, zoom: f32, colour: Color32) {
    let stroke = Stroke::new(style.width * zoom, colour);
    match style.dash.pattern() {
        None => {
            painter.add(egui::Shape::line(points, stroke));
        }
        Some((dash, gap)) => {
            let unit = style.width * zoom;
            painter.extend(egui::Shape::dashed_line(
                &points,
                stroke,
                dash * unit,
                gap * unit,
            ));
        }
    }
}
