//! How claims and actors look: box sizes from their wrapped labels, outline shapes per actor
//! kind, and a small vector badge that names the kind.

use super::shapes::{Align, LineStyle, Shape};
use super::style::{Dash, Style};
use super::text::{LINE_HEIGHT, text_width, wrap};
use crate::model::{ActorKind, Point};
use eframe::egui::{Color32, Pos2, Rect, Vec2};

/// Side length of an actor badge.
pub const BADGE: f32 = 16.0;
/// Narrowest claim box.
const MIN_CLAIM_WIDTH: f32 = 120.0;
/// Narrowest actor box.
const MIN_ACTOR_WIDTH: f32 = 80.0;

/// The outline an actor kind is drawn with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outline {
    /// Fully rounded ends: people and experts.
    Pill,
    /// Square corners: states.
    Square,
    /// Square corners with a second, inner border: blocs of states.
    Double,
    /// Cut corners: organisations.
    Chamfered,
    /// Slightly rounded corners: media and claims.
    Rounded,
    /// An ellipse: anything else.
    Oval,
}

/// The outline for an actor kind.
pub fn outline_of(kind: ActorKind) -> Outline {
    match kind {
        ActorKind::Person | ActorKind::Expert => Outline::Pill,
        ActorKind::State => Outline::Square,
        ActorKind::Bloc => Outline::Double,
        ActorKind::Organisation => Outline::Chamfered,
        ActorKind::Media => Outline::Rounded,
        ActorKind::Other => Outline::Oval,
    }
}

/// A laid-out node: its box and the shapes that draw it.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeDrawing {
    /// The node's box, centred on its position.
    pub rect: Rect,
    /// The outline, used to end edges at the border.
    pub outline: Outline,
    /// The shapes, back to front.
    pub shapes: Vec<Shape>,
}

/// A 100 × 40 square-cornered node centred at (`x`, `y`), for the scene's unit tests.
#[cfg(test)]
pub(super) fn test_node(x: f32, y: f32) -> NodeDrawing {
    NodeDrawing {
        rect: Rect::from_center_size(
            eframe::egui::Pos2::new(x, y),
            eframe::egui::Vec2::new(100.0, 40.0),
        ),
        outline: Outline::Square,
        shapes: vec![],
    }
}

/// Draws a claim: a rounded box with its label wrapped inside.
pub fn claim(label: &str, at: Point, style: &Style) -> NodeDrawing {
    let lines = wrap(label, style.font_size, style.claim_wrap_width);
    let text_w = widest(&lines, style.font_size);
    let size = Vec2::new(
        (text_w + 2.0 * style.padding).max(MIN_CLAIM_WIDTH),
        text_height(lines.len(), style.font_size) + 2.0 * style.padding,
    );
    let rect = Rect::from_center_size(Pos2::new(at.x, at.y), size);
    let mut shapes = vec![Shape::Rect {
        rect,
        radius: 8.0,
        fill: style.claim_fill,
        stroke: LineStyle::solid(1.5, style.claim_stroke),
    }];
    push_lines(
        &mut shapes,
        &lines,
        rect.center().x,
        rect,
        style,
        style.text,
    );
    NodeDrawing {
        rect,
        outline: Outline::Rounded,
        shapes,
    }
}

/// Draws an actor: an outline that shows its kind, tinted with its camp colour, a badge on the
/// left and the name beside it.
pub fn actor(name: &str, kind: ActorKind, camp: Color32, at: Point, style: &Style) -> NodeDrawing {
    let lines = wrap(name, style.font_size, style.actor_wrap_width);
    let text_w = widest(&lines, style.font_size);
    let outline = outline_of(kind);
    let text_h = text_height(lines.len(), style.font_size);
    let height = text_h.max(BADGE) + 2.0 * style.padding;
    // Pills and ovals lose width to their curved ends: give the text more room.
    let ends = match outline {
        Outline::Pill | Outline::Oval => height / 2.0,
        _ => style.padding,
    };
    let gap = 6.0;
    let width = (ends * 2.0 + BADGE + gap + text_w).max(MIN_ACTOR_WIDTH);
    let rect = Rect::from_center_size(Pos2::new(at.x, at.y), Vec2::new(width, height));
    let fill = style.actor_fill(camp);
    let stroke = LineStyle::solid(2.0, camp);
    let mut shapes = outline_shapes(outline, rect, fill, stroke);
    let content_w = BADGE + gap + text_w;
    let content_left = rect.center().x - content_w / 2.0;
    let badge = Rect::from_min_size(
        Pos2::new(content_left, rect.center().y - BADGE / 2.0),
        Vec2::splat(BADGE),
    );
    shapes.extend(badge_shapes(kind, badge, camp));
    let text_centre = content_left + BADGE + gap + text_w / 2.0;
    push_lines(&mut shapes, &lines, text_centre, rect, style, style.text);
    NodeDrawing {
        rect,
        outline,
        shapes,
    }
}

fn widest(lines: &[String], size: f32) -> f32 {
    lines
        .iter()
        .map(|l| text_width(l, size))
        .fold(0.0, f32::max)
}

fn text_height(lines: usize, size: f32) -> f32 {
    lines.max(1) as f32 * size * LINE_HEIGHT
}

/// Adds centred text lines, vertically centred in `rect`.
fn push_lines(
    shapes: &mut Vec<Shape>,
    lines: &[String],
    centre_x: f32,
    rect: Rect,
    style: &Style,
    colour: Color32,
) {
    let line_h = style.font_size * LINE_HEIGHT;
    let top = rect.center().y - text_height(lines.len(), style.font_size) / 2.0;
    for (i, line) in lines.iter().enumerate() {
        shapes.push(Shape::Text {
            anchor: Pos2::new(centre_x, top + i as f32 * line_h),
            align: Align::Center,
            text: line.clone(),
            size: style.font_size,
            colour,
            bold: false,
        });
    }
}

fn outline_shapes(outline: Outline, rect: Rect, fill: Color32, stroke: LineStyle) -> Vec<Shape> {
    match outline {
        Outline::Pill => vec![Shape::Rect {
            rect,
            radius: rect.height() / 2.0,
            fill,
            stroke,
        }],
        Outline::Square => vec![Shape::Rect {
            rect,
            radius: 1.0,
            fill,
            stroke,
        }],
        Outline::Rounded => vec![Shape::Rect {
            rect,
            radius: 6.0,
            fill,
            stroke,
        }],
        Outline::Double => vec![
            Shape::Rect {
                rect,
                radius: 1.0,
                fill,
                stroke,
            },
            Shape::Rect {
                rect: rect.shrink(3.5),
                radius: 0.5,
                fill: Color32::TRANSPARENT,
                stroke: LineStyle::solid(1.0, stroke.colour),
            },
        ],
        Outline::Chamfered => {
            let c = 8.0_f32.min(rect.height() / 3.0);
            let (l, r, t, b) = (rect.left(), rect.right(), rect.top(), rect.bottom());
            vec![Shape::Polygon {
                points: vec![
                    Pos2::new(l + c, t),
                    Pos2::new(r - c, t),
                    Pos2::new(r, t + c),
                    Pos2::new(r, b - c),
                    Pos2::new(r - c, b),
                    Pos2::new(l + c, b),
                    Pos2::new(l, b - c),
                    Pos2::new(l, t + c),
                ],
                fill,
                stroke,
            }]
        }
        Outline::Oval => vec![Shape::Ellipse {
            center: rect.center(),
            radius: rect.size() / 2.0,
            fill,
            stroke,
        }],
    }
}

/// A small line drawing that names an actor kind, fitted into `area`.
pub fn badge_shapes(kind: ActorKind, area: Rect, colour: Color32) -> Vec<Shape> {
    let s = area.width();
    let p = |x: f32, y: f32| Pos2::new(area.left() + x * s, area.top() + y * s);
    let line = LineStyle::solid((s / 10.0).max(1.0), colour);
    let person = |head_y: f32| {
        vec![
            Shape::Ellipse {
                center: p(0.5, head_y),
                radius: Vec2::splat(0.18 * s),
                fill: colour,
                stroke: LineStyle::NONE,
            },
            Shape::Polygon {
                points: vec![
                    p(0.15, 1.0),
                    p(0.2, 0.75),
                    p(0.35, 0.62),
                    p(0.65, 0.62),
                    p(0.8, 0.75),
                    p(0.85, 1.0),
                ],
                fill: colour,
                stroke: LineStyle::NONE,
            },
        ]
    };
    match kind {
        ActorKind::Person => person(0.35),
        ActorKind::Expert => {
            let mut shapes = person(0.42);
            // A mortarboard on the head.
            shapes.push(Shape::Polygon {
                points: vec![p(0.5, 0.02), p(0.95, 0.16), p(0.5, 0.3), p(0.05, 0.16)],
                fill: colour,
                stroke: LineStyle::NONE,
            });
            shapes
        }
        ActorKind::State => vec![
            Shape::Polyline {
                points: vec![p(0.15, 1.0), p(0.15, 0.05)],
                stroke: line,
            },
            Shape::Polygon {
                points: vec![p(0.2, 0.08), p(0.9, 0.14), p(0.9, 0.5), p(0.2, 0.56)],
                fill: colour,
                stroke: LineStyle::NONE,
            },
        ],
        ActorKind::Bloc => [(0.3, 0.3), (0.7, 0.3), (0.5, 0.68)]
            .into_iter()
            .map(|(x, y)| Shape::Ellipse {
                center: p(x, y),
                radius: Vec2::splat(0.2 * s),
                fill: colour,
                stroke: LineStyle::NONE,
            })
            .collect(),
        ActorKind::Organisation => {
            let mut shapes = vec![
                Shape::Polygon {
                    points: vec![p(0.05, 0.35), p(0.5, 0.05), p(0.95, 0.35)],
                    fill: colour,
                    stroke: LineStyle::NONE,
                },
                Shape::Polyline {
                    points: vec![p(0.05, 0.95), p(0.95, 0.95)],
                    stroke: line,
                },
            ];
            for x in [0.2, 0.5, 0.8] {
                shapes.push(Shape::Polyline {
                    points: vec![p(x, 0.42), p(x, 0.88)],
                    stroke: line,
                });
            }
            shapes
        }
        ActorKind::Media => {
            let mut shapes = vec![Shape::Rect {
                rect: Rect::from_min_max(p(0.08, 0.1), p(0.92, 0.9)),
                radius: 1.0,
                fill: Color32::TRANSPARENT,
                stroke: line,
            }];
            for y in [0.32, 0.5, 0.68] {
                shapes.push(Shape::Polyline {
                    points: vec![p(0.22, y), p(0.78, y)],
                    stroke: LineStyle {
                        dash: Dash::Solid,
                        ..line
                    },
                });
            }
            shapes
        }
        ActorKind::Other => vec![Shape::Ellipse {
            center: p(0.5, 0.5),
            radius: Vec2::splat(0.3 * s),
            fill: Color32::TRANSPARENT,
            stroke: line,
        }],
    }
}

/// Where a ray from the node's centre towards `toward` leaves the node's outline.
pub fn border_point(rect: Rect, outline: Outline, toward: Pos2) -> Pos2 {
    let c = rect.center();
    let d = toward - c;
    if d.length_sq() < 1e-6 {
        return c;
    }
    let half = rect.size() / 2.0;
    match outline {
        Outline::Oval => {
            // Ellipse: scale so the ellipse becomes a unit circle.
            let t = 1.0 / ((d.x / half.x).powi(2) + (d.y / half.y).powi(2)).sqrt();
            c + d * t
        }
        Outline::Pill => {
            // A box with round ends: intersect with the box, then pull in at the ends.
            let hit = c + d * box_scale(d, half);
            let r = half.y;
            let inner = half.x - r;
            if (hit.x - c.x).abs() <= inner {
                hit
            } else {
                let cap = Pos2::new(c.x + inner * (hit.x - c.x).signum(), c.y);
                ray_circle(c, d, cap, r).unwrap_or(hit)
            }
        }
        _ => c + d * box_scale(d, half),
    }
}

/// How far along `d` (in multiples of it) a ray from a box's centre meets its border.
fn box_scale(d: Vec2, half: Vec2) -> f32 {
    let sx = if d.x.abs() > 1e-6 {
        half.x / d.x.abs()
    } else {
        f32::INFINITY
    };
    let sy = if d.y.abs() > 1e-6 {
        half.y / d.y.abs()
    } else {
        f32::INFINITY
    };
    sx.min(sy)
}

/// The far intersection of the ray `origin + t·d` (t ≥ 0) with a circle.
fn ray_circle(origin: Pos2, d: Vec2, centre: Pos2, r: f32) -> Option<Pos2> {
    let f = origin - centre;
    let a = d.dot(d);
    let b = 2.0 * f.dot(d);
    let c = f.dot(f) - r * r;
    let disc = b * b - 4.0 * a * c;
    if disc < 0.0 {
        return None;
    }
    let t = (-b + disc.sqrt()) / (2.0 * a);
    (t >= 0.0).then(|| origin + d * t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claim_box_fits_its_wrapped_label() {
        let style = Style::new(super::super::style::Theme::Light);
        let drawing = claim(
            "Russia demands legal guarantees against NATO's eastward expansion",
            Point::new(100.0, 50.0),
            &style,
        );
        assert_eq!(drawing.rect.center(), Pos2::new(100.0, 50.0));
        assert!(drawing.rect.width() <= style.claim_wrap_width + 2.0 * style.padding + 0.01);
        let texts: Vec<_> = drawing
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text { .. } => Some(s.bounds()),
                _ => None,
            })
            .collect();
        assert!(texts.len() >= 2);
        for t in texts {
            assert!(
                drawing.rect.contains_rect(t),
                "{t:?} outside {:?}",
                drawing.rect
            );
        }
    }

    #[test]
    fn every_actor_kind_draws_a_badge_inside_its_box() {
        let style = Style::new(super::super::style::Theme::Dark);
        for kind in ActorKind::ALL {
            let drawing = actor(
                "Vladimir Putin",
                kind,
                Color32::RED,
                Point::new(0.0, 0.0),
                &style,
            );
            for shape in &drawing.shapes {
                assert!(
                    drawing.rect.expand(1.5).contains_rect(shape.bounds()),
                    "{kind:?}: {shape:?}"
                );
            }
        }
    }

    #[test]
    fn border_points_lie_on_the_outline() {
        let rect = Rect::from_center_size(Pos2::ZERO, Vec2::new(100.0, 40.0));
        let right = border_point(rect, Outline::Square, Pos2::new(500.0, 0.0));
        assert_eq!(right, Pos2::new(50.0, 0.0));
        let down = border_point(rect, Outline::Rounded, Pos2::new(0.0, 300.0));
        assert!((down - Pos2::new(0.0, 20.0)).length() < 1e-4, "{down:?}");
        let oval = border_point(rect, Outline::Oval, Pos2::new(0.0, -300.0));
        assert!((oval.y + 20.0).abs() < 1e-4);
        // A pill's round end is inside the box corner.
        let diag = border_point(rect, Outline::Pill, Pos2::new(500.0, 150.0));
        let cap_centre = Pos2::new(30.0, 0.0);
        assert!(
            ((diag - cap_centre).length() - 20.0).abs() < 1e-3,
            "{diag:?}"
        );
    }
}
