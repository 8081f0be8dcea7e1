//! The window listing the conflicts a merge left in the map, each decided by keeping ours or
//! taking theirs, one undo step each. It opens by itself while the map holds conflicts; closed,
//! it stays closed until another map opens.

use crate::app::StanceApp;
use crate::teams::conflicts::{conflict_count, conflict_lines};
use crate::teams::resolve::{Side, resolution};
use eframe::egui;

impl StanceApp {
    /// Draws the conflicts window when the map holds conflicts, and applies a decision.
    pub(in crate::app) fn conflicts_window(&mut self, ctx: &egui::Context) {
        let map = self.doc.map();
        if self.conflicts_closed || map.conflicts().is_empty() {
            return;
        }
        let lines = conflict_lines(map);
        let theirs: Vec<Result<(), String>> = (0..lines.len())
            .map(|i| resolution(map, i, Side::Theirs).map(drop))
            .collect();
        let mut picked = None;
        let mut open = true;
        egui::Window::new("Merge conflicts")
            .open(&mut open)
            .default_width(560.0)
            .show(ctx, |ui| {
                ui.label(format!(
                    "A merge left {} in this map. Each item holds our side's value until \
                     you decide; each decision is one undo step.",
                    conflict_count(map)
                ));
                ui.separator();
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        for (i, (line, theirs)) in lines.iter().zip(&theirs).enumerate() {
                            ui.add(egui::Label::new(line).wrap_mode(egui::TextWrapMode::Wrap));
                            ui.horizontal(|ui| {
                                if ui.button("Keep ours").clicked() {
                                    picked = Some((i, Side::Ours));
                                }
                                let take = ui
                                    .add_enabled(theirs.is_ok(), egui::Button::new("Take theirs"));
                                let take = match theirs {
                                    Err(why) => take.on_disabled_hover_text(why.as_str()),
                                    Ok(()) => take,
                                };
                                if take.clicked() {
                                    picked = Some((i, Side::Theirs));
                                }
                            });
                            ui.separator();
                        }
                    });
            });
        if !open {
            self.conflicts_closed = true;
        }
        if let Some((index, side)) = picked {
            match resolution(self.doc.map(), index, side) {
                Ok(edit) => {
                    if self.apply(edit) {
                        let which = match side {
                            Side::Ours => "kept ours",
                            Side::Theirs => "took theirs",
                        };
                        self.status = Some(format!("Conflict decided ({which}); Ctrl+Z undoes it"));
                    }
                }
                Err(why) => self.status = Some(format!("Not changed: {why}")),
            }
        }
    }
}
