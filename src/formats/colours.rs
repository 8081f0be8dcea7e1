//! The colours the canvas gives items, as `#rrggbb` text for other programs' files.

use crate::model::{Actor, Map, Polarity, RelationKind};
use crate::scene::{Style, Theme, actor_colour, camp_colours};
use eframe::egui::Color32;

/// `#rrggbb` for a colour.
pub fn hex(colour: Color32) -> String {
    let [r, g, b, _] = colour.to_array();
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// The light theme's colours for one map: camps, stances and relations as the canvas has them.
pub struct Palette {
    style: Style,
    camps: Vec<(String, Color32)>,
}

impl Palette {
    /// The palette of `map`.
    pub fn of(map: &Map) -> Self {
        let style = Style::new(Theme::Light);
        let camps = camp_colours(map, &style);
        Palette { style, camps }
    }

    /// An actor's colour: its own, else its camp's.
    pub fn actor(&self, actor: &Actor) -> String {
        hex(actor_colour(actor, &self.camps, &self.style))
    }

    /// The outline colour of claims.
    pub fn claim(&self) -> String {
        hex(self.style.claim_stroke)
    }

    /// A stance's colour.
    pub fn stance(&self, polarity: Polarity) -> String {
        hex(self.style.stance_colour(polarity))
    }

    /// A relation's colour.
    pub fn relation(&self, kind: RelationKind) -> String {
        hex(self.style.relation_colour(kind))
    }

    /// The style the palette comes from.
    pub fn style(&self) -> &Style {
        &self.style
    }
}
