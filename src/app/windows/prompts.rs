//! The modal questions and reports of the file workflow: "save your changes?", "this file
//! could not be opened, because…", and "restore the work a crash left behind?".

use crate::app::document::recovery::RecoveryCopy;
use eframe::egui;
use std::path::PathBuf;

/// What the user wanted to do when the unsaved-changes question came up; done after they
/// answer Save or Discard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intent {
    /// Start an empty map.
    NewMap,
    /// Open this file.
    Open(PathBuf),
    /// Close the app.
    Quit,
    /// Open the map an import made, as a new map.
    OpenImported,
}

impl Intent {
    /// The Discard button's wording for this intent.
    fn discard_label(&self) -> &'static str {
        match self {
            Intent::Quit => "Quit without saving",
            Intent::NewMap | Intent::Open(_) | Intent::OpenImported => "Discard changes",
        }
    }
}

/// The answer to "save your changes?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptChoice {
    /// Save, then go on.
    Save,
    /// Drop the changes and go on.
    Discard,
    /// Stay with the map as it is.
    Cancel,
}

/// Asks whether to save the unsaved changes to `name` before `intent`. Escape or a click
/// outside means Cancel.
pub fn unsaved_changes_ui(
    ctx: &egui::Context,
    name: &str,
    intent: &Intent,
) -> Option<PromptChoice> {
    let mut choice = None;
    let modal = egui::Modal::new(egui::Id::unique("unsaved_changes")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading("Save changes?");
        ui.label(format!(
            "“{name}” has changes that are not saved. They are lost unless you save them."
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let save = ui.button("Save");
            if save.clicked() {
                choice = Some(PromptChoice::Save);
            }
            if ui.button(intent.discard_label()).clicked() {
                choice = Some(PromptChoice::Discard);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(PromptChoice::Cancel);
            }
            // Enter saves, as the highlighted default in most apps.
            if ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                choice = Some(PromptChoice::Save);
            }
        });
    });
    if choice.is_none() && modal.should_close() {
        choice = Some(PromptChoice::Cancel);
    }
    choice
}

/// Something that went wrong with a file, with every detail line (e.g. the loader's
/// `FILE:LINE:COLUMN: message` list).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorReport {
    /// The window title, e.g. "Could not open the map".
    pub title: String,
    /// One sentence on what happened and what was kept.
    pub summary: String,
    /// Every detail, one per line.
    pub lines: Vec<String>,
}

/// Shows an error report; returns true once the user closes it.
pub fn error_report_ui(ctx: &egui::Context, report: &ErrorReport) -> bool {
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("error_report")).show(ctx, |ui| {
        ui.set_max_width(640.0);
        ui.heading(&report.title);
        ui.label(&report.summary);
        if !report.lines.is_empty() {
            ui.add_space(4.0);
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for line in &report.lines {
                        ui.add(
                            egui::Label::new(egui::RichText::new(line).monospace())
                                .wrap_mode(egui::TextWrapMode::Wrap),
                        );
                    }
                });
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("OK").clicked() {
                close = true;
            }
            if !report.lines.is_empty() && ui.button("Copy details").clicked() {
                ui.ctx().copy_text(report.lines.join("\n"));
            }
        });
        if ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            close = true;
        }
    });
    close || modal.should_close()
}

/// The answer to "restore the work a crash left behind?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecoveryChoice {
    /// Open the copy as an unsaved map.
    Restore,
    /// Delete the copy.
    Discard,
    /// Keep the copy for the next start.
    Later,
}

/// Offers a recovery copy left behind by a session that did not end cleanly.
pub fn recovery_offer_ui(ctx: &egui::Context, copy: &RecoveryCopy) -> Option<RecoveryChoice> {
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("recovery_offer")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading("Restore unsaved work?");
        let file = copy.original.as_ref().map_or_else(
            || "a map that was never saved".to_owned(),
            |p| p.display().to_string(),
        );
        ui.label(format!(
            "stancemap did not close properly last time. It kept a copy of the unsaved \
             changes to “{}” ({file}), written at {}.",
            copy.title, copy.saved_at
        ));
        ui.label("Restoring opens the copy as unsaved changes; save it to keep it.");
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Restore").clicked() {
                choice = Some(RecoveryChoice::Restore);
            }
            if ui.button("Discard copy").clicked() {
                choice = Some(RecoveryChoice::Discard);
            }
            if ui.button("Not now").clicked() {
                choice = Some(RecoveryChoice::Later);
            }
        });
    });
    choice
}
