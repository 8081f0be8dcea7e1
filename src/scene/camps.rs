//! Colours for camps: each camp gets the next palette colour in order of first appearance, so
//! colours stay put as actors are added.

use super::style::Style;
use crate::model::{Actor, Map};
use eframe::egui::Color32;

/// The camps of a map with their colours, in order of first appearance (by actor id).
pub fn camp_colours(map: &Map, style: &Style) -> Vec<(String, Color32)> {
    map.camps()
        .into_iter()
        .enumerate()
        .map(|(i, camp)| {
            let colour = style
                .camp_palette
                .get(i % style.camp_palette.len().max(1))
                .copied()
                .unwrap_or(style.no_camp);
            (camp.to_owned(), colour)
        })
        .collect()
}

/// The colour an actor is drawn in: its own colour, else its camp's, else the no-camp grey.
pub fn actor_colour(actor: &Actor, camps: &[(String, Color32)], style: &Style) -> Color32 {
    if let Some(c) = actor.colour {
        return Color32::from_rgb(c.r, c.g, c.b);
    }
    camp_colour(actor.camp_name(), camps, style)
}

/// The colour of a camp among `camps` (from [`camp_colours`]); the no-camp grey for no camp
/// or one not listed.
pub fn camp_colour(camp: Option<&str>, camps: &[(String, Color32)], style: &Style) -> Color32 {
    camp.and_then(|camp| camps.iter().find(|(name, _)| name == camp))
        .map_or(style.no_camp, |(_, colour)| *colour)
}
