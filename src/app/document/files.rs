//! New, Open, Save and Save as: the only code that reads and writes map files and asks for
//! file names. Unsaved changes are never dropped without asking, a failed open keeps the map
//! being edited, and a failed save keeps the unsaved state (the file on disk stays intact).
//! A file changed on disk by someone else is not saved over without asking
//! (`disk_changes.rs`).

use crate::app::StanceApp;
use crate::app::document::Document;
use crate::app::document::settings::absolute;
use crate::app::windows::dialogs::{DialogAnswer, FileRequest};
use crate::app::windows::prompts::{ErrorReport, Intent, PromptChoice};
use crate::counts::counted;
use crate::io::{LoadError, load_file_stamped, save_map};
use crate::model::Map;
use eframe::egui;
use std::path::{Path, PathBuf};

/// The name of map files in file dialogs.
const MAP_FILTER_NAME: &str = "stancemap map";
/// The extensions of map files.
const MAP_EXTENSIONS: &[&str] = &["ron"];
/// The title of a new map.
pub const NEW_MAP_TITLE: &str = "Untitled map";

impl StanceApp {
    /// Whether a file dialog is waiting for the user (file commands wait too).
    pub(in crate::app) fn file_dialog_open(&self) -> bool {
        self.surroundings.open_ticket.is_some() || self.surroundings.save_ticket.is_some()
    }

    pub(in crate::app) fn ask_which_file_to_open(&mut self, ctx: &egui::Context) {
        let request = FileRequest::open("Open map", MAP_FILTER_NAME, MAP_EXTENSIONS)
            .in_folder(self.likely_folder().as_deref());
        self.surroundings.open_ticket = Some(self.surroundings.dialogs.ask(ctx, request));
    }

    /// Does `intent` at once, or first asks whether to save the unsaved changes.
    pub(in crate::app) fn request(&mut self, ctx: &egui::Context, intent: Intent) {
        if self.doc.is_dirty() {
            self.surroundings.prompt = Some(intent);
        } else {
            self.proceed(ctx, intent);
        }
    }

    /// Does `intent` without asking.
    pub(in crate::app) fn proceed(&mut self, ctx: &egui::Context, intent: Intent) {
        match intent {
            Intent::NewMap => {
                self.replace_document(Document::new(Map::new(NEW_MAP_TITLE), None));
                self.status = Some("New map: nothing is saved until you save it".to_owned());
            }
            Intent::Open(path) => {
                self.open_file(&path);
            }
            Intent::OpenImported => self.open_imported(ctx),
            Intent::Quit => {
                self.surroundings.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Acts on the answer to "save your changes?".
    pub(in crate::app) fn answer_prompt(&mut self, ctx: &egui::Context, choice: PromptChoice) {
        let Some(intent) = self.surroundings.prompt.take() else {
            return;
        };
        match choice {
            PromptChoice::Cancel => {}
            PromptChoice::Discard => self.proceed(ctx, intent),
            PromptChoice::Save => self.save(ctx, Some(intent)),
        }
    }

    /// Saves to the map's file, or asks for one if it has none; then does `then` if saving
    /// worked.
    pub(in crate::app) fn save(&mut self, ctx: &egui::Context, then: Option<Intent>) {
        match self.doc.path().map(Path::to_path_buf) {
            Some(path) => {
                // A file changed on disk since it was read is not saved over without asking.
                let expected = self.doc.disk_stamp().cloned();
                match self.write_map_file(&path, expected.as_ref()) {
                    Ok(()) => {
                        if let Some(intent) = then {
                            self.proceed(ctx, intent);
                        }
                    }
                    Err(true) => self.ask_about_disk_change(path, then),
                    Err(false) => {}
                }
            }
            None => self.save_as(ctx, then),
        }
    }

    /// Asks where to save; the answer is handled by [`Self::poll_file_dialogs`].
    pub(in crate::app) fn save_as(&mut self, ctx: &egui::Context, then: Option<Intent>) {
        let request = FileRequest::save("Save map as", MAP_FILTER_NAME, MAP_EXTENSIONS)
            .in_folder(self.likely_folder().as_deref())
            .with_file_name(self.suggested_file_name());
        let ticket = self.surroundings.dialogs.ask(ctx, request);
        self.surroundings.save_ticket = Some((ticket, then));
    }

    /// Writes the map to `path` (a place the user chose: what is there is replaced). On
    /// failure the reason is shown, the map keeps its unsaved changes and the file on disk is
    /// left as it was. Returns whether it was saved.
    pub fn save_to(&mut self, path: &Path) -> bool {
        self.write_map_file(path, None).is_ok()
    }

    /// Writes the map to `path` unless the file there is no longer what `expected` describes.
    /// `Err(true)`: it changed on disk and nothing was written; `Err(false)`: the save failed
    /// and the error is shown.
    fn write_map_file(
        &mut self,
        path: &Path,
        expected: Option<&crate::io::DiskStamp>,
    ) -> Result<(), bool> {
        match save_map(path, self.doc.map(), expected) {
            Ok(written) => {
                self.saved(path, written);
                Ok(())
            }
            Err(error) if error.is_changed_on_disk() => Err(true),
            Err(error) => {
                self.surroundings.errors.push(ErrorReport {
                    title: "Could not save the map".to_owned(),
                    summary: format!(
                        "{error}. Your changes are still here, unsaved: fix the problem and \
                         save again, or use Save as to choose another place."
                    ),
                    lines: Vec::new(),
                });
                Err(false)
            }
        }
    }

    /// Records a finished save of the map to `path`.
    pub(in crate::app) fn saved(&mut self, path: &Path, written: crate::io::Written) {
        let path = absolute(path);
        self.doc.mark_saved(path.clone(), Some(written.stamp));
        self.surroundings.disk_change_seen = None;
        self.remember_file(&path);
        self.status = Some(match written.backup_problem {
            Some(problem) => problem,
            None => format!("Saved {}", path.display()),
        });
    }

    /// Opens a map file in place of the current map, without asking about unsaved changes.
    /// If it cannot be opened, every problem is shown and the current map stays as it was.
    /// Returns whether it was opened.
    pub fn open_file(&mut self, path: &Path) -> bool {
        match load_file_stamped(path) {
            Ok((map, stamp)) => {
                let path = absolute(path);
                self.replace_document(Document::opened(map, path.clone(), stamp));
                self.remember_file(&path);
                self.status = Some(format!("Opened {}", path.display()));
                true
            }
            Err(error) => {
                self.surroundings.errors.push(open_failure(
                    path,
                    &error,
                    "the map you were editing is unchanged",
                ));
                false
            }
        }
    }

    /// Adds `path` to the recent files and makes it the file to reopen next time.
    fn remember_file(&mut self, path: &Path) {
        self.surroundings.settings.recent.add(path);
        self.surroundings.settings.last_file = Some(path.to_path_buf());
    }

    /// Acts on answers from the file dialogs.
    pub(in crate::app) fn poll_file_dialogs(&mut self, ctx: &egui::Context) {
        let saved = self
            .surroundings
            .text_saves
            .poll(&mut self.surroundings.dialogs);
        if let Some(message) = saved.into_iter().last() {
            self.status = Some(message);
        }
        if let Some(ticket) = self.surroundings.open_ticket
            && let Some(answer) = self.surroundings.dialogs.take(ticket)
        {
            self.surroundings.open_ticket = None;
            if let DialogAnswer::Picked(path) = answer {
                self.request(ctx, Intent::Open(path));
            }
        }
        if let Some((ticket, _)) = &self.surroundings.save_ticket
            && let Some(answer) = self.surroundings.dialogs.take(*ticket)
            && let Some((_, then)) = self.surroundings.save_ticket.take()
            && let DialogAnswer::Picked(path) = answer
            && self.save_to(&path)
            && let Some(intent) = then
        {
            self.proceed(ctx, intent);
        }
    }

    /// Opens a `.ron` file dropped onto the window (asking about unsaved changes first).
    pub(in crate::app) fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if dropped.is_empty() {
            return;
        }
        let is_map = |p: &&PathBuf| {
            p.extension()
                .is_some_and(|e| MAP_EXTENSIONS.iter().any(|m| e.eq_ignore_ascii_case(m)))
        };
        let importable =
            |p: &&PathBuf| crate::formats::Format::of_path(p).is_ok_and(|f| f.can_import());
        let to_import = dropped.iter().find(importable).cloned();
        match (dropped.iter().find(is_map), to_import) {
            (Some(path), _) => self.request(ctx, Intent::Open(path.clone())),
            (None, Some(path)) => self.start_import(&path),
            (None, None) => {
                let names: Vec<String> = dropped.iter().map(|p| p.display().to_string()).collect();
                self.status = Some(format!(
                    "Only stancemap maps (.ron), spreadsheets (.csv) and AIF files (.json) can be \
                     opened or imported, not {}",
                    names.join(", ")
                ));
            }
        }
    }

    /// When the window is asked to close with unsaved changes, cancels the close and asks
    /// whether to save. Checked every frame, also while the window is hidden.
    pub(in crate::app) fn handle_close_request(&mut self, ctx: &egui::Context) {
        let requested = ctx.input(|i| i.viewport().close_requested());
        if !requested || self.surroundings.allow_close || !self.doc.is_dirty() {
            return;
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        self.surroundings.prompt = Some(Intent::Quit);
    }

    /// The folder file dialogs start in: the map's own, else the last used file's.
    fn likely_folder(&self) -> Option<PathBuf> {
        self.doc
            .path()
            .or(self
                .surroundings
                .settings
                .recent
                .paths()
                .first()
                .map(PathBuf::as_path))
            .and_then(Path::parent)
            .map(Path::to_path_buf)
    }

    /// The map's file name, or one made from its title.
    fn suggested_file_name(&self) -> String {
        if let Some(name) = self.doc.path().and_then(Path::file_name) {
            return name.to_string_lossy().into_owned();
        }
        file_name_for_title(self.doc.map().title())
    }
}

/// "Putin–Biden call, 2021" → "Putin-Biden-call-2021.ron": letters and digits kept (in any
/// script), everything else turned into single dashes.
pub fn file_name_for_title(title: &str) -> String {
    let mut name = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            name.push(c);
        } else if !name.is_empty() && !name.ends_with('-') {
            name.push('-');
        }
    }
    let name = name.trim_end_matches('-');
    let name = if name.is_empty() { "map" } else { name };
    format!("{name}.ron")
}

/// The report of a map file that could not be opened: every problem the loader found, and
/// what the user is looking at instead (`instead`, e.g. "the map you were editing is
/// unchanged").
pub(in crate::app) fn open_failure(path: &Path, error: &LoadError, instead: &str) -> ErrorReport {
    let lines = error.lines();
    ErrorReport {
        title: "Could not open the map".to_owned(),
        summary: format!(
            "{} has {}; {instead}.",
            path.display(),
            counted(lines.len(), "problem", "problems")
        ),
        lines,
    }
}

#[cfg(test)]
mod tests {
    use super::file_name_for_title;

    #[test]
    fn file_names_come_from_titles() {
        assert_eq!(
            file_name_for_title("Putin–Biden call, 7 Dec 2021"),
            "Putin-Biden-call-7-Dec-2021.ron"
        );
        assert_eq!(file_name_for_title("俄美 會晤"), "俄美-會晤.ron");
        assert_eq!(file_name_for_title("  ?? "), "map.ron");
    }
}
