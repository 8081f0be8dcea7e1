//! The legend: what the colours, dashes, heads and node shapes of a map mean. Built in its own
//! coordinates (top-left at the origin) so the canvas can float it over the view and exporters
//! can place it in a corner of the picture.

use super::edges::{Head, head_depth, head_length, head_shapes};
use super::nodes::{BADGE, badge_shapes};
use super::shapes::{Align, LineStyle, Shape};
use super::style::Style;
use super::text::text_width;
use crate::model::{ActorKind, Map, Polarity, RelationKind};
use eframe::egui::{Color32, Pos2, Rect, Vec2};

/// A drawn legend.
#[derive(Debug, Clone, PartialEq)]
pub struct Legend {
    /// Its size; its shapes lie within `(0, 0)..size`.
    pub size: Vec2,
    /// The shapes, back to front, starting with the background panel.
    pub shapes: Vec<Shape>,
    /// Where the sample line of each stance entry lies, in the order of [`STANCE_ENTRIES`].
    pub stance_samples: Vec<Rect>,
}

/// The stance entries of the legend: polarity, strength and name, in order.
pub const STANCE_ENTRIES: [(Polarity, u8, &str); 5] = [
    (Polarity::Support, 2, "strongly supports"),
    (Polarity::Support, 1, "supports"),
    (Polarity::Neutral, 0, "neutral / ambivalent"),
    (Polarity::Oppose, 1, "opposes"),
    (Polarity::Oppose, 2, "strongly opposes"),
];

/// Height of one legend row.
pub const ROW: f32 = 20.0;
const SAMPLE: f32 = 38.0;
const MARGIN: f32 = 10.0;

impl Legend {
    /// The legend for a map: every edge style, the actor kinds the map uses, and its camps.
    pub fn build(map: &Map, camps: &[(String, Color32)], style: &Style) -> Legend {
        let mut kinds: Vec<ActorKind> = map.actors().map(|a| a.kind).collect();
        kinds.sort();
        kinds.dedup();
        let mut b = Builder::new(style);
        b.heading("Stances (actor → claim)");
        // Polarity shows as colour and dash pattern, strength as width and a double head, so
        // every entry stays distinct in greyscale and for colour-blind readers.
        for (polarity, strength, name) in STANCE_ENTRIES {
            let stroke = LineStyle {
                width: style.stance_width(strength),
                colour: style.stance_colour(polarity),
                dash: style.stance_dash(polarity),
            };
            b.stance_samples.push(Rect::from_min_size(
                Pos2::new(MARGIN, b.y),
                Vec2::new(SAMPLE, ROW),
            ));
            b.edge_row(stroke, super::build::stance_head(strength), name);
        }
        b.heading("Relations (claim → claim)");
        for kind in RelationKind::ALL {
            let stroke = LineStyle::solid(style.relation_width(), style.relation_colour(kind));
            let head = match kind {
                RelationKind::Supports => Head::Arrow,
                RelationKind::Attacks => Head::Tee,
            };
            b.edge_row(stroke, head, kind.label());
        }
        b.heading("Nodes");
        if map.claims().next().is_some() {
            b.claim_row("claim");
        }
        for kind in kinds {
            b.badge_row(kind, kind.label());
        }
        if !camps.is_empty() {
            b.heading("Camps");
            for (name, colour) in camps {
                b.swatch_row(*colour, name);
            }
        }
        b.finish()
    }
}

/// Stacks legend rows top to bottom.
struct Builder<'a> {
    style: &'a Style,
    y: f32,
    width: f32,
    shapes: Vec<Shape>,
    stance_samples: Vec<Rect>,
}

impl<'a> Builder<'a> {
    fn new(style: &'a Style) -> Self {
        Builder {
            style,
            y: MARGIN,
            width: 0.0,
            shapes: Vec::new(),
            stance_samples: Vec::new(),
        }
    }

    fn size(&self) -> f32 {
        self.style.font_size * 0.9
    }

    fn text(&mut self, x: f32, text: &str, bold: bool, colour: Color32) {
        let size = self.size();
        self.width = self
            .width
            .max(x + text_width(text, size) * if bold { 1.08 } else { 1.0 });
        self.shapes.push(Shape::Text {
            anchor: Pos2::new(x, self.y + (ROW - size * 1.3) / 2.0),
            align: Align::Left,
            text: text.to_owned(),
            size,
            colour,
            bold,
        });
    }

    fn heading(&mut self, text: &str) {
        if self.y > MARGIN {
            self.y += 4.0;
        }
        self.text(MARGIN, text, true, self.style.text);
        self.y += ROW;
    }

    fn edge_row(&mut self, stroke: LineStyle, head: Head, label: &str) {
        let mid = self.y + ROW / 2.0;
        let start = Pos2::new(MARGIN, mid);
        let tip = Pos2::new(MARGIN + SAMPLE, mid);
        let len = head_length(stroke.width) * 0.7;
        self.shapes.push(Shape::Polyline {
            points: vec![start, tip - Vec2::X * len * head_depth(head)],
            stroke,
        });
        self.shapes
            .extend(head_shapes(tip, Vec2::X, len, stroke, head));
        self.text(MARGIN + SAMPLE + 8.0, label, false, self.style.text);
        self.y += ROW;
    }

    fn badge_row(&mut self, kind: ActorKind, label: &str) {
        let area = Rect::from_min_size(
            Pos2::new(
                MARGIN + (SAMPLE - BADGE) / 2.0,
                self.y + (ROW - BADGE) / 2.0,
            ),
            Vec2::splat(BADGE),
        );
        self.shapes
            .extend(badge_shapes(kind, area, self.style.muted_text));
        self.text(MARGIN + SAMPLE + 8.0, label, false, self.style.text);
        self.y += ROW;
    }

    fn claim_row(&mut self, label: &str) {
        let rect = Rect::from_min_size(
            Pos2::new(MARGIN + SAMPLE / 2.0 - 14.0, self.y + 3.0),
            Vec2::new(28.0, ROW - 6.0),
        );
        self.shapes.push(Shape::Rect {
            rect,
            radius: 4.0,
            fill: self.style.claim_fill,
            stroke: LineStyle::solid(1.5, self.style.claim_stroke),
        });
        self.text(MARGIN + SAMPLE + 8.0, label, false, self.style.text);
        self.y += ROW;
    }

    fn swatch_row(&mut self, colour: Color32, label: &str) {
        let rect = Rect::from_min_size(
            Pos2::new(MARGIN + SAMPLE / 2.0 - 12.0, self.y + 4.0),
            Vec2::new(24.0, ROW - 8.0),
        );
        self.shapes.push(Shape::Rect {
            rect,
            radius: 3.0,
            fill: self.style.actor_fill(colour),
            stroke: LineStyle::solid(2.0, colour),
        });
        self.text(MARGIN + SAMPLE + 8.0, label, false, self.style.text);
        self.y += ROW;
    }

    fn finish(mut self) -> Legend {
        let size = Vec2::new(self.width + MARGIN, self.y + MARGIN);
        let panel = Shape::Rect {
            rect: Rect::from_min_size(Pos2::ZERO, size),
            radius: 6.0,
            fill: self.style.background,
            stroke: LineStyle::solid(1.0, self.style.muted_text),
        };
        self.shapes.insert(0, panel);
        Legend {
            size,
            shapes: self.shapes,
            stance_samples: self.stance_samples,
        }
    }
}
