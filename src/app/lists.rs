//! Side lists of the map's claims, actors and stances.

use crate::model::Map;
use eframe::egui;

/// Lists the map's claims, actors and stances in collapsible sections.
pub fn lists_ui(ui: &mut egui::Ui, map: &Map) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        egui::CollapsingHeader::new(format!("Claims ({})", map.claims().len()))
            .default_open(true)
            .show(ui, |ui| {
                for claim in map.claims() {
                    ui.label(&claim.label).on_hover_text(&claim.text);
                }
            });
        egui::CollapsingHeader::new(format!("Actors ({})", map.actors().len()))
            .default_open(true)
            .show(ui, |ui| {
                for actor in map.actors() {
                    let camp = actor.camp.as_deref().unwrap_or("no camp");
                    ui.label(format!("{} ({}, {camp})", actor.name, actor.kind.label()));
                }
            });
        egui::CollapsingHeader::new(format!("Stances ({})", map.stances().len()))
            .default_open(false)
            .show(ui, |ui| {
                for stance in map.stances() {
                    ui.label(map.describe(stance.id.into()))
                        .on_hover_text(&stance.quote);
                }
            });
    });
}
