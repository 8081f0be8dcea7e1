//! Side lists of the map's claims, actors and stances.

use super::selection::Selection;
use crate::model::{ItemId, Map};
use eframe::egui;

/// Lists the map's claims, actors and stances in collapsible sections; a click selects.
pub fn lists_ui(ui: &mut egui::Ui, map: &Map, selection: &mut Selection) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        egui::CollapsingHeader::new(format!("Claims ({})", map.claims().len()))
            .default_open(true)
            .show(ui, |ui| {
                for claim in map.claims() {
                    let id = ItemId::Claim(claim.id);
                    if ui
                        .selectable_label(selection.contains(id), &claim.label)
                        .on_hover_text(&claim.text)
                        .clicked()
                    {
                        selection.select_only(id);
                    }
                }
            });
        egui::CollapsingHeader::new(format!("Actors ({})", map.actors().len()))
            .default_open(true)
            .show(ui, |ui| {
                for actor in map.actors() {
                    let camp = actor.camp.as_deref().unwrap_or("no camp");
                    let id = ItemId::Actor(actor.id);
                    let text = format!("{} ({}, {camp})", actor.name, actor.kind.label());
                    if ui.selectable_label(selection.contains(id), text).clicked() {
                        selection.select_only(id);
                    }
                }
            });
        egui::CollapsingHeader::new(format!("Stances ({})", map.stances().len()))
            .default_open(false)
            .show(ui, |ui| {
                for stance in map.stances() {
                    let id = ItemId::Stance(stance.id);
                    if ui
                        .selectable_label(selection.contains(id), map.describe(id))
                        .on_hover_text(&stance.quote)
                        .clicked()
                    {
                        selection.select_only(id);
                    }
                }
            });
    });
}
