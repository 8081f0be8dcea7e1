//! A map file changed on disk by someone else (another program, another window, `git pull`):
//! noticed before saving over it and when the window gets the focus back, and answered with
//! Reload / Overwrite / Save as, as in the editors people know.

use crate::app::StanceApp;
use crate::app::document::Document;
use crate::app::windows::prompts::{ErrorReport, Intent};
use crate::io::{DiskStamp, load_file_stamped, save_map};
use eframe::egui;
use std::path::{Path, PathBuf};

/// The question on screen about a file that changed on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiskChange {
    /// The map's file.
    pub path: PathBuf,
    /// Whether the question came up because the user was saving (rather than on focus).
    pub while_saving: bool,
    /// What to do after saving, when the question interrupted a save.
    pub then: Option<Intent>,
}

/// The answer to "the file changed on disk".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiskChoice {
    /// Read the file again, dropping the map's unsaved changes.
    Reload,
    /// Write the map over the file, dropping what the other program wrote.
    Overwrite,
    /// Keep both: save the map under another name.
    SaveAs,
    /// Leave everything as it is for now.
    Cancel,
}

/// Asks what to do about `change`. Escape or a click outside means Cancel.
pub fn disk_change_ui(ctx: &egui::Context, change: &DiskChange, dirty: bool) -> Option<DiskChoice> {
    let mut choice = None;
    let name = change.path.file_name().map_or_else(
        || change.path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let modal = egui::Modal::new(egui::Id::unique("changed_on_disk")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading("The file changed on disk");
        ui.label(format!(
            "“{name}” ({}) was changed by another program or window since you opened or last \
             saved it.",
            change.path.display()
        ));
        ui.label(if change.while_saving {
            "Nothing was saved yet."
        } else if dirty {
            "Your changes here are not saved."
        } else {
            "You have no unsaved changes here."
        });
        ui.label(if dirty {
            "Reload shows the file as it is now and drops your unsaved changes; Overwrite \
             replaces the file with your map; Save as keeps both."
        } else {
            "Reload shows the file as it is now; Overwrite replaces it with the map shown \
             here; Save as keeps both."
        });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Reload").clicked() {
                choice = Some(DiskChoice::Reload);
            }
            if ui.button("Overwrite").clicked() {
                choice = Some(DiskChoice::Overwrite);
            }
            if ui.button("Save as…").clicked() {
                choice = Some(DiskChoice::SaveAs);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(DiskChoice::Cancel);
            }
        });
    });
    if choice.is_none() && modal.should_close() {
        choice = Some(DiskChoice::Cancel);
    }
    choice
}

impl StanceApp {
    /// The changed-on-disk question on screen, if any.
    pub fn disk_change(&self) -> Option<&DiskChange> {
        self.surroundings.disk_change.as_ref()
    }

    /// Asks about a file that changed on disk while saving to it; the save waits.
    pub(in crate::app) fn ask_about_disk_change(&mut self, path: PathBuf, then: Option<Intent>) {
        self.surroundings.disk_change = Some(DiskChange {
            path,
            while_saving: true,
            then,
        });
    }

    /// When the window gets the focus back, checks whether the map's file changed on disk
    /// and asks what to do (once for each new state of the file).
    pub(in crate::app) fn check_disk_on_focus(&mut self, ctx: &egui::Context) {
        let focused = ctx.input(|i| {
            i.events
                .iter()
                .any(|e| matches!(e, egui::Event::WindowFocused(true)))
        });
        if focused {
            self.check_disk_now();
        }
    }

    /// Checks at once whether the map's file changed on disk since it was read or written,
    /// and asks what to do if so. Returns whether it changed.
    pub fn check_disk_now(&mut self) -> bool {
        if self.surroundings.disk_change.is_some() {
            return true;
        }
        let (Some(path), Some(stamp)) = (self.doc.path(), self.doc.disk_stamp()) else {
            return false;
        };
        if stamp.still_matches(path).unwrap_or(true) {
            return false;
        }
        let path = path.to_path_buf();
        let now = match DiskStamp::read(&path) {
            Ok(Some(now)) => now,
            // Gone (moved, deleted, a branch switched): Save writes it again; nothing to reload.
            Ok(None) | Err(_) => {
                self.status = Some(format!(
                    "{} is no longer on disk; Save writes it again",
                    path.display()
                ));
                return false;
            }
        };
        if self.surroundings.disk_change_seen.as_ref() == Some(&now) {
            return false;
        }
        self.surroundings.disk_change_seen = Some(now);
        self.surroundings.disk_change = Some(DiskChange {
            path,
            while_saving: false,
            then: None,
        });
        true
    }

    /// Acts on the answer to the changed-on-disk question.
    pub(in crate::app) fn answer_disk_change(&mut self, ctx: &egui::Context, choice: DiskChoice) {
        let Some(change) = self.surroundings.disk_change.take() else {
            return;
        };
        match choice {
            DiskChoice::Cancel => {
                self.status = Some(format!(
                    "Not saved: {} changed on disk; Save asks again",
                    change.path.display()
                ));
            }
            DiskChoice::Reload => self.reload(&change.path),
            DiskChoice::Overwrite => {
                if self.overwrite(&change.path)
                    && let Some(intent) = change.then
                {
                    self.proceed(ctx, intent);
                }
            }
            DiskChoice::SaveAs => self.save_as(ctx, change.then),
        }
    }

    /// Reads the map's file again in place of the map shown; on failure the map stays.
    fn reload(&mut self, path: &Path) {
        match load_file_stamped(path) {
            Ok((map, stamp)) => {
                self.replace_document(Document::opened(map, path.to_path_buf(), stamp));
                self.status = Some(format!("Reloaded {} as it is on disk", path.display()));
            }
            Err(error) => self
                .surroundings
                .errors
                .push(crate::app::document::files::open_failure(
                    path,
                    &error,
                    "the map shown is unchanged",
                )),
        }
    }

    /// Writes the map over its file whatever the file holds now. Returns whether it was saved.
    fn overwrite(&mut self, path: &Path) -> bool {
        match save_map(path, self.doc.map(), None) {
            Ok(written) => {
                self.saved(path, written);
                true
            }
            Err(error) => {
                self.surroundings.errors.push(ErrorReport {
                    title: "Could not save the map".to_owned(),
                    summary: format!("{error}. Your changes are still here, unsaved."),
                    lines: Vec::new(),
                });
                false
            }
        }
    }
}
