//! Which items a drawing shows in full, shows faded, or leaves out: what filters and focus
//! decide (see [`crate::analysis::filter`]). The scene applies it while it is built, so the
//! canvas and the exporters dim and hide exactly the same items.

use super::shapes::{LineStyle, Shape};
use crate::model::ItemId;
use std::collections::HashMap;

/// How an item is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Visibility {
    /// Drawn as usual.
    #[default]
    Shown,
    /// Drawn faded, so it stays in view as context.
    Dimmed,
    /// Not drawn.
    Hidden,
}

/// How much of a dimmed item's colour is left.
pub const DIM_OPACITY: f32 = 0.2;

/// The visibility of each item; items not listed are shown.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VisibilityMap {
    items: HashMap<ItemId, Visibility>,
}

impl VisibilityMap {
    /// Every item shown.
    pub fn all_shown() -> Self {
        VisibilityMap::default()
    }

    /// Sets an item's visibility.
    pub fn set(&mut self, item: impl Into<ItemId>, visibility: Visibility) {
        let item = item.into();
        if visibility == Visibility::Shown {
            self.items.remove(&item);
        } else {
            self.items.insert(item, visibility);
        }
    }

    /// An item's visibility.
    pub fn of(&self, item: impl Into<ItemId>) -> Visibility {
        self.items.get(&item.into()).copied().unwrap_or_default()
    }

    /// Whether every item is shown.
    pub fn is_all_shown(&self) -> bool {
        self.items.is_empty()
    }

    /// How many items are dimmed and how many hidden.
    pub fn counts(&self) -> (usize, usize) {
        let dimmed = self
            .items
            .values()
            .filter(|v| **v == Visibility::Dimmed)
            .count();
        (dimmed, self.items.len() - dimmed)
    }
}

/// A shape with every colour faded to `opacity` of its strength.
pub fn faded(shape: &Shape, opacity: f32) -> Shape {
    let fade = |c: eframe::egui::Color32| c.gamma_multiply(opacity);
    let line = |s: &LineStyle| LineStyle {
        colour: fade(s.colour),
        ..*s
    };
    match shape {
        Shape::Rect {
            rect,
            radius,
            fill,
            stroke,
        } => Shape::Rect {
            rect: *rect,
            radius: *radius,
            fill: fade(*fill),
            stroke: line(stroke),
        },
        Shape::Ellipse {
            center,
            radius,
            fill,
            stroke,
        } => Shape::Ellipse {
            center: *center,
            radius: *radius,
            fill: fade(*fill),
            stroke: line(stroke),
        },
        Shape::Polygon {
            points,
            fill,
            stroke,
        } => Shape::Polygon {
            points: points.clone(),
            fill: fade(*fill),
            stroke: line(stroke),
        },
        Shape::Polyline { points, stroke } => Shape::Polyline {
            points: points.clone(),
            stroke: line(stroke),
        },
        Shape::Curve { points, stroke } => Shape::Curve {
            points: *points,
            stroke: line(stroke),
        },
        Shape::Text {
            anchor,
            align,
            text,
            size,
            colour,
            bold,
        } => Shape::Text {
            anchor: *anchor,
            align: *align,
            text: text.clone(),
            size: *size,
            colour: fade(*colour),
            bold: *bold,
        },
    }
}
