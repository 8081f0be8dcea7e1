//! Import… and Export as… in the app: the file dialogs' answers, the import window's choice,
//! and the one edit an import makes.

use crate::app::StanceApp;
use crate::app::document::Document;
use crate::app::windows::formats_dialog::{ImportChoice, beside, read_import, write_export};
use crate::app::windows::prompts::{ErrorReport, Intent};
use crate::formats::{ImportReport, with_new_nodes_placed};
use crate::model::{Edit, Map};
use eframe::egui;
use std::path::Path;

impl StanceApp {
    /// Import…: asks which file to import.
    pub(in crate::app) fn ask_which_file_to_import(&mut self, ctx: &egui::Context) {
        let folder = self
            .doc
            .path()
            .and_then(Path::parent)
            .map(Path::to_path_buf);
        self.formats
            .ask_import(ctx, &mut self.surroundings.dialogs, folder.as_deref());
    }

    /// The file read for import, waiting in the import window for the user's choice.
    pub fn pending_import(&self) -> Option<&crate::app::windows::formats_dialog::PendingImport> {
        self.formats.pending.as_ref()
    }

    /// Whether Import… or Export as… can run now.
    pub(in crate::app) fn formats_enabled(&self) -> bool {
        !self.formats.is_waiting() && self.formats.pending.is_none()
    }

    /// The import window, the Export as window and the answers of their file dialogs.
    pub(in crate::app) fn formats_frame(&mut self, ctx: &egui::Context) {
        if let Some(path) = self
            .formats
            .take_import_pick(&mut self.surroundings.dialogs)
        {
            self.start_import(&path);
        }
        if let Some((path, format)) = self
            .formats
            .take_export_pick(&mut self.surroundings.dialogs)
        {
            match write_export(self.doc.map(), &path, format) {
                Ok(()) => {
                    self.status = Some(format!(
                        "Exported the map as {} to {}",
                        format.label(),
                        path.display()
                    ));
                }
                Err(message) => self.surroundings.errors.push(ErrorReport {
                    title: "Could not export the map".to_owned(),
                    summary: format!("{message}. Nothing was written."),
                    lines: Vec::new(),
                }),
            }
        }
        let map_path = self.doc.path().map(Path::to_path_buf);
        self.formats.export_ui(
            ctx,
            &mut self.surroundings.dialogs,
            self.doc.map(),
            map_path.as_deref(),
        );
        if let Some(choice) = self.formats.import_ui(ctx) {
            self.finish_import(ctx, choice);
        }
    }

    /// Reads a file and shows what importing it would do; the map is not changed yet.
    pub fn start_import(&mut self, path: &Path) {
        match read_import(self.doc.map(), path) {
            Ok(pending) => {
                self.formats.skip_bad_rows = false;
                self.formats.pending = Some(pending);
            }
            Err(report) => self.surroundings.errors.push(import_failure(path, &report)),
        }
    }

    /// Acts on the import window's choice.
    fn finish_import(&mut self, ctx: &egui::Context, choice: ImportChoice) {
        let Some(pending) = self.formats.pending.take() else {
            return;
        };
        let skip = self.formats.skip_bad_rows;
        match choice {
            ImportChoice::Cancel => {
                self.status = Some(format!("Nothing imported from {}", pending.path.display()));
            }
            ImportChoice::AddToMap => {
                let Ok(edit) = pending.import.edit(skip) else {
                    return;
                };
                let placed = crate::formats::Plan {
                    edit,
                    ..pending.import.plan.clone()
                };
                let edit = with_new_nodes_placed(self.doc.map(), &placed, beside(self.doc.map()));
                if matches!(&edit, Edit::Batch(edits) if edits.is_empty()) {
                    self.status = Some(format!(
                        "Nothing new in {}: {}",
                        pending.path.display(),
                        pending.import.plan.summary.describe()
                    ));
                    return;
                }
                if self.apply(edit) {
                    self.canvas.fit_pending = true;
                    self.status = Some(format!(
                        "Imported {}: {} (Undo takes it back)",
                        pending.path.display(),
                        pending.import.plan.summary.describe()
                    ));
                }
            }
            ImportChoice::OpenAsNewMap => {
                let title = pending.path.file_stem().map_or_else(
                    || "Imported map".to_owned(),
                    |s| s.to_string_lossy().into_owned(),
                );
                let bytes = match std::fs::read(&pending.path) {
                    Ok(bytes) => bytes,
                    Err(e) => {
                        self.status = Some(format!(
                            "Cannot read {} again: {}",
                            pending.path.display(),
                            crate::io::explain_io(&e)
                        ));
                        return;
                    }
                };
                match crate::formats::new_map_from(&bytes, pending.format, &title, skip) {
                    Ok((map, _)) => {
                        self.formats.new_map = Some((map, pending.path.clone()));
                        self.request(ctx, Intent::OpenImported);
                    }
                    Err(report) => self
                        .surroundings
                        .errors
                        .push(import_failure(&pending.path, &report)),
                }
            }
        }
    }

    /// Opens the map an import made as a new, unsaved map (after the unsaved-changes
    /// question, if there was one).
    pub(in crate::app) fn open_imported(&mut self, ctx: &egui::Context) {
        let Some((map, path)) = self.formats.new_map.take() else {
            return;
        };
        self.open_new_map(ctx, map, &path);
    }

    fn open_new_map(&mut self, ctx: &egui::Context, map: Map, from: &Path) {
        let arrange = crate::app::canvas::layout_runner::never_arranged(&map);
        self.replace_document(Document::recovered(map, None));
        if arrange {
            self.start_layout(ctx, crate::layout::LayoutKind::Stance, false);
        }
        self.status = Some(format!(
            "Imported {} as a new map: nothing is saved until you save it",
            from.display()
        ));
    }
}

/// The report of a file that could not be imported at all.
fn import_failure(path: &Path, report: &ImportReport) -> ErrorReport {
    let lines = report.clone().in_file(path).lines();
    ErrorReport {
        title: "Could not import the file".to_owned(),
        summary: format!(
            "{} cannot be read: {}; the map you were editing is unchanged.",
            path.display(),
            crate::counts::counted(lines.len(), "problem", "problems")
        ),
        lines,
    }
}
