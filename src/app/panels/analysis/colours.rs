//! Colours of the analysis views, taken from the map's style so the matrix and the alignment
//! network read like the canvas (Okabe–Ito stance colours, the camps' own colours).

use crate::analysis::Held;
use crate::model::Polarity;
use crate::scene::{Style, Theme};
use eframe::egui::{self, Color32};

/// The style matching the panel's light or dark look.
pub fn style_for(ui: &egui::Ui) -> Style {
    Style::new(if ui.visuals().dark_mode {
        Theme::Dark
    } else {
        Theme::Light
    })
}

/// A cell's fill: the stance colour, full for strongly held positions and paler otherwise.
pub fn cell_fill(style: &Style, held: &Held) -> Color32 {
    let colour = style.stance_colour(held.polarity());
    if held.mean_score.abs() >= 1.5 || held.polarity() == Polarity::Neutral {
        colour
    } else {
        mix(colour, style.background, 0.45)
    }
}

/// Agreement (positive) or conflict (negative) between two actors, as a colour.
pub fn alignment_colour(style: &Style, net: f32) -> Color32 {
    if net >= 0.0 {
        style.stance_colour(Polarity::Support)
    } else {
        style.stance_colour(Polarity::Oppose)
    }
}

/// `a` moved `t` of the way towards `b`.
pub fn mix(a: Color32, b: Color32, t: f32) -> Color32 {
    let m = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Color32::from_rgb(m(a.r(), b.r()), m(a.g(), b.g()), m(a.b(), b.b()))
}
