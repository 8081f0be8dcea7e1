//! Colours, sizes and line styles of a drawn map, for light and dark backgrounds.
//!
//! Stance colours come from the Okabe–Ito palette, which stays distinguishable for the common
//! kinds of colour blindness; every polarity also has its own dash pattern so the map still
//! reads in greyscale print.

use crate::model::{Polarity, RelationKind};
use eframe::egui::Color32;

/// Light or dark background.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum Theme {
    /// Dark text on a light background (the default for exports).
    #[default]
    Light,
    /// Light text on a dark background.
    Dark,
}

/// How a line is broken up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dash {
    /// An unbroken line.
    Solid,
    /// Long dashes: opposition.
    Dashed,
    /// Short dots: neutral or ambivalent.
    Dotted,
}

impl Dash {
    /// Dash and gap lengths, as multiples of the line width, or `None` for a solid line.
    pub fn pattern(self) -> Option<(f32, f32)> {
        match self {
            Dash::Solid => None,
            Dash::Dashed => Some((4.0, 2.5)),
            Dash::Dotted => Some((1.2, 1.8)),
        }
    }
}

/// Everything that decides how a map looks.
#[derive(Debug, Clone, PartialEq)]
pub struct Style {
    /// Which background the colours are chosen for.
    pub theme: Theme,
    /// Background colour of the canvas or picture.
    pub background: Color32,
    /// Main text colour.
    pub text: Color32,
    /// Secondary text colour (badges, legend notes).
    pub muted_text: Color32,
    /// Fill of claim boxes.
    pub claim_fill: Color32,
    /// Border of claim boxes.
    pub claim_stroke: Color32,
    /// Font size of node labels, in map units.
    pub font_size: f32,
    /// Widest a claim label may be before it wraps, in map units.
    pub claim_wrap_width: f32,
    /// Widest an actor name may be before it wraps, in map units.
    pub actor_wrap_width: f32,
    /// Space between a node's border and its text.
    pub padding: f32,
    /// Colours handed to camps in order of first appearance.
    pub camp_palette: Vec<Color32>,
    /// Colour of actors with no camp.
    pub no_camp: Color32,
}

impl Style {
    /// The style for a theme.
    pub fn new(theme: Theme) -> Self {
        match theme {
            Theme::Light => Style {
                theme,
                background: Color32::from_rgb(0xfa, 0xfa, 0xf7),
                text: Color32::from_rgb(0x1b, 0x1f, 0x24),
                muted_text: Color32::from_rgb(0x5f, 0x66, 0x6d),
                claim_fill: Color32::from_rgb(0xff, 0xff, 0xff),
                claim_stroke: Color32::from_rgb(0x44, 0x4c, 0x56),
                font_size: 13.0,
                claim_wrap_width: 190.0,
                actor_wrap_width: 130.0,
                padding: 8.0,
                camp_palette: CAMP_COLOURS_LIGHT.to_vec(),
                no_camp: Color32::from_rgb(0x8c, 0x8c, 0x8c),
            },
            Theme::Dark => Style {
                theme,
                background: Color32::from_rgb(0x1e, 0x20, 0x24),
                text: Color32::from_rgb(0xe8, 0xea, 0xed),
                muted_text: Color32::from_rgb(0xa0, 0xa6, 0xad),
                claim_fill: Color32::from_rgb(0x2b, 0x2f, 0x36),
                claim_stroke: Color32::from_rgb(0xb8, 0xbf, 0xc6),
                font_size: 13.0,
                claim_wrap_width: 190.0,
                actor_wrap_width: 130.0,
                padding: 8.0,
                camp_palette: CAMP_COLOURS_DARK.to_vec(),
                no_camp: Color32::from_rgb(0x70, 0x70, 0x70),
            },
        }
    }

    /// Colour of a stance edge.
    pub fn stance_colour(&self, polarity: Polarity) -> Color32 {
        match (polarity, self.theme) {
            // Okabe–Ito blue, vermillion and grey.
            (Polarity::Support, Theme::Light) => Color32::from_rgb(0x00, 0x72, 0xb2),
            (Polarity::Support, Theme::Dark) => Color32::from_rgb(0x56, 0xb4, 0xe9),
            (Polarity::Oppose, Theme::Light) => Color32::from_rgb(0xd5, 0x5e, 0x00),
            (Polarity::Oppose, Theme::Dark) => Color32::from_rgb(0xe6, 0x9f, 0x00),
            (Polarity::Neutral, Theme::Light) => Color32::from_rgb(0x70, 0x70, 0x70),
            (Polarity::Neutral, Theme::Dark) => Color32::from_rgb(0xa8, 0xa8, 0xa8),
        }
    }

    /// Dash pattern of a stance edge.
    pub fn stance_dash(&self, polarity: Polarity) -> Dash {
        match polarity {
            Polarity::Support => Dash::Solid,
            Polarity::Oppose => Dash::Dashed,
            Polarity::Neutral => Dash::Dotted,
        }
    }

    /// Line width of a stance edge of the given strength (0, 1 or 2).
    pub fn stance_width(&self, strength: u8) -> f32 {
        match strength {
            0 => 1.5,
            1 => 2.0,
            _ => 3.5,
        }
    }

    /// Colour of a relation edge.
    pub fn relation_colour(&self, kind: RelationKind) -> Color32 {
        match (kind, self.theme) {
            // Okabe–Ito bluish green and reddish purple.
            (RelationKind::Supports, Theme::Light) => Color32::from_rgb(0x00, 0x9e, 0x73),
            (RelationKind::Supports, Theme::Dark) => Color32::from_rgb(0x2e, 0xc4, 0x9a),
            (RelationKind::Attacks, Theme::Light) => Color32::from_rgb(0xcc, 0x79, 0xa7),
            (RelationKind::Attacks, Theme::Dark) => Color32::from_rgb(0xe0, 0x9c, 0xc4),
        }
    }

    /// Line width of a relation edge.
    pub fn relation_width(&self) -> f32 {
        2.5
    }

    /// The fill of an actor node in a given camp colour: a light tint on light backgrounds,
    /// a dark shade on dark ones, so the label stays readable.
    pub fn actor_fill(&self, camp: Color32) -> Color32 {
        let mix = |c: u8, toward: u8, t: f32| {
            (f32::from(c) + (f32::from(toward) - f32::from(c)) * t).round() as u8
        };
        let (toward, t) = match self.theme {
            Theme::Light => (255, 0.80),
            Theme::Dark => (30, 0.65),
        };
        Color32::from_rgb(
            mix(camp.r(), toward, t),
            mix(camp.g(), toward, t),
            mix(camp.b(), toward, t),
        )
    }
}

/// Camp colours on light backgrounds: saturated, distinct hues.
const CAMP_COLOURS_LIGHT: [Color32; 8] = [
    Color32::from_rgb(0xc0, 0x39, 0x2b),
    Color32::from_rgb(0x29, 0x62, 0xb8),
    Color32::from_rgb(0x1e, 0x8a, 0x5a),
    Color32::from_rgb(0xd6, 0x8a, 0x00),
    Color32::from_rgb(0x7b, 0x4f, 0xb5),
    Color32::from_rgb(0x00, 0x8b, 0x9a),
    Color32::from_rgb(0xa8, 0x5a, 0x32),
    Color32::from_rgb(0xb0, 0x3a, 0x7a),
];

/// Camp colours on dark backgrounds: the same hues, lighter.
const CAMP_COLOURS_DARK: [Color32; 8] = [
    Color32::from_rgb(0xef, 0x6f, 0x61),
    Color32::from_rgb(0x6c, 0x9e, 0xf0),
    Color32::from_rgb(0x4c, 0xc2, 0x8a),
    Color32::from_rgb(0xf2, 0xb1, 0x3c),
    Color32::from_rgb(0xaa, 0x86, 0xe0),
    Color32::from_rgb(0x3c, 0xc0, 0xcc),
    Color32::from_rgb(0xd8, 0x8c, 0x62),
    Color32::from_rgb(0xe0, 0x70, 0xae),
];
