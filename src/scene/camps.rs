//! Colours for camps: each camp gets the next palette colour in order of first appearance, so
//! colours stay put as actors are added.

use super::style::Style;
use crate::model::{Actor, Map};
use eframe::egui::Color32;

/// The camps of a map with their colours, in order of first appearance (by actor id).
pub fn camp_colours(map: &Map, style: &Style) -> Vec<(String, Color32)> {
    let mut camps: Vec<(String, Color32)> = Vec::new();
    for actor in map.actors() {
        if let Some(camp) = actor
            .camp
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            && !camps.iter().any(|(name, _)| name == camp)
        {
            let colour = style
                .camp_palette
                .get(camps.len() % style.camp_palette.len().max(1))
                .copied()
                .unwrap_or(style.no_camp);
            camps.push((camp.to_owned(), colour));
        }
    }
    camps
}

/// The colour an actor is drawn in: its own colour, else its camp's, else the no-camp grey.
pub fn actor_colour(actor: &Actor, camps: &[(String, Color32)], style: &Style) -> Color32 {
    if let Some(c) = actor.colour {
        return Color32::from_rgb(c.r, c.g, c.b);
    }
    actor
        .camp
        .as_deref()
        .map(str::trim)
        .and_then(|camp| camps.iter().find(|(name, _)| name == camp))
        .map_or(style.no_camp, |(_, colour)| *colour)
}
