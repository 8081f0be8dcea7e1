//! File → Import… and File → Export as…: maps in and out of the field's formats.
//!
//! Import asks for a file, reads and plans it (nothing changes yet), then shows what it would
//! add, the notes on how it was read and every row it cannot use; the user adds it to the
//! open map (one undo step, new nodes placed beside the ones they link to), opens it as a new
//! map, or cancels. Export as lists the formats; picking one asks where to write the file.

use crate::app::windows::dialogs::{DialogAnswer, DialogTicket, FileDialogs, FileRequest};
use crate::formats::{Format, Import, ImportReport, export, prepare_import};
use crate::model::{Map, Point};
use eframe::egui;
use std::path::{Path, PathBuf};

/// The extensions Import… offers.
pub const IMPORT_EXTENSIONS: &[&str] = &[
    "csv", "tsv", "txt", "xlsx", "xlsm", "xlsb", "xls", "ods", "json", "ron",
];

/// A file read and planned, waiting for the user's choice.
#[derive(Debug, Clone)]
pub struct PendingImport {
    /// The file.
    pub path: PathBuf,
    /// The format it was read as.
    pub format: Format,
    /// What importing it into the open map would do.
    pub import: Import,
}

/// What the user chose in the import window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportChoice {
    /// Add the file's items to the open map.
    AddToMap,
    /// Open the file's items as a new map.
    OpenAsNewMap,
    /// Import nothing.
    Cancel,
}

/// The state of Import… and Export as….
#[derive(Debug, Default)]
pub struct FormatsDialog {
    /// Import… is waiting for the file dialog.
    import_ticket: Option<DialogTicket>,
    /// A file read and planned, shown for the user to decide.
    pub pending: Option<PendingImport>,
    /// Whether the imported file's bad rows are to be left out (the user ticked it).
    pub skip_bad_rows: bool,
    /// The Export as window is open.
    pub export_open: bool,
    /// Export as is waiting for the file dialog, for this format.
    export_ticket: Option<(DialogTicket, Format)>,
    /// A map made from an imported file, waiting to be opened (after the unsaved-changes
    /// question), with the file it came from.
    pub new_map: Option<(Map, PathBuf)>,
}

impl FormatsDialog {
    /// Asks which file to import.
    pub fn ask_import(
        &mut self,
        ctx: &egui::Context,
        dialogs: &mut FileDialogs,
        folder: Option<&Path>,
    ) {
        let request = FileRequest::open(
            "Import into the map",
            "Maps, spreadsheets and AIF",
            IMPORT_EXTENSIONS,
        )
        .in_folder(folder);
        self.import_ticket = Some(dialogs.ask(ctx, request));
    }

    /// Whether a file dialog of this window is waiting for the user.
    pub fn is_waiting(&self) -> bool {
        self.import_ticket.is_some() || self.export_ticket.is_some()
    }

    /// The file the user picked to import, once they have.
    pub fn take_import_pick(&mut self, dialogs: &mut FileDialogs) -> Option<PathBuf> {
        let ticket = self.import_ticket?;
        let answer = dialogs.take(ticket)?;
        self.import_ticket = None;
        match answer {
            DialogAnswer::Picked(path) => Some(path),
            DialogAnswer::Cancelled => None,
        }
    }

    /// The file and format the user picked to export to, once they have.
    pub fn take_export_pick(&mut self, dialogs: &mut FileDialogs) -> Option<(PathBuf, Format)> {
        let (ticket, format) = self.export_ticket?;
        let answer = dialogs.take(ticket)?;
        self.export_ticket = None;
        match answer {
            DialogAnswer::Picked(path) => Some((path, format)),
            DialogAnswer::Cancelled => None,
        }
    }

    /// The Export as window: one button per format. Picking one asks where to write it.
    pub fn export_ui(
        &mut self,
        ctx: &egui::Context,
        dialogs: &mut FileDialogs,
        map: &Map,
        map_path: Option<&Path>,
    ) {
        if !self.export_open {
            return;
        }
        let mut open = true;
        let mut picked = None;
        egui::Window::new("Export as")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                ui.label("Write the map in another program's format:");
                ui.add_space(4.0);
                egui::Grid::new("export_formats")
                    .num_columns(2)
                    .show(ui, |ui| {
                        for format in Format::ALL
                            .into_iter()
                            .filter(|f| *f != Format::Map && f.can_export())
                        {
                            if ui.button(format.label()).clicked() {
                                picked = Some(format);
                            }
                            ui.weak(format.purpose());
                            ui.end_row();
                        }
                    });
            });
        if let Some(format) = picked {
            let stem = map_path
                .and_then(Path::file_stem)
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| {
                    crate::app::document::files::file_name_for_title(map.title())
                        .trim_end_matches(".ron")
                        .to_owned()
                });
            let request = FileRequest::save(
                &format!("Export as {}", format.label()),
                format.label(),
                &[format.extension()],
            )
            .in_folder(map_path.and_then(Path::parent))
            .with_file_name(format!("{stem}{}", format.suffix()));
            self.export_ticket = Some((dialogs.ask(ctx, request), format));
            open = false;
        }
        self.export_open = open;
    }

    /// The import window, while a file waits for the user's choice.
    pub fn import_ui(&mut self, ctx: &egui::Context) -> Option<ImportChoice> {
        let pending = self.pending.as_ref()?;
        let mut choice = None;
        let problems = &pending.import.problems;
        let name = pending.path.file_name().map_or_else(
            || pending.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let modal = egui::Modal::new(egui::Id::unique("import_window")).show(ctx, |ui| {
            ui.set_max_width(640.0);
            ui.heading(format!("Import {name}"));
            ui.label(format!("Read as {}.", pending.format.label()));
            for note in &pending.import.notes {
                ui.weak(note);
            }
            ui.add_space(4.0);
            ui.label(format!(
                "Into this map: {}.",
                pending.import.plan.summary.describe()
            ));
            if !problems.is_empty() {
                ui.add_space(4.0);
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!(
                        "{} cannot be used:",
                        crate::counts::counted(
                            problems.len(),
                            "row or element",
                            "rows or elements"
                        )
                    ),
                );
                egui::ScrollArea::vertical()
                    .max_height(240.0)
                    .auto_shrink([false, true])
                    .show(ui, |ui| {
                        for line in ImportReport::new(problems.clone()).lines() {
                            ui.add(
                                egui::Label::new(egui::RichText::new(line).monospace())
                                    .wrap_mode(egui::TextWrapMode::Wrap),
                            );
                        }
                    });
                ui.checkbox(
                    &mut self.skip_bad_rows,
                    "Leave those out and import the rest",
                );
            }
            ui.add_space(8.0);
            let usable = problems.is_empty() || self.skip_bad_rows;
            ui.horizontal(|ui| {
                let add = ui
                    .add_enabled(usable, egui::Button::new("Add to this map"))
                    .on_hover_text("One step: Undo takes it all back");
                if add.clicked() {
                    choice = Some(ImportChoice::AddToMap);
                }
                if ui
                    .add_enabled(usable, egui::Button::new("Open as new map"))
                    .clicked()
                {
                    choice = Some(ImportChoice::OpenAsNewMap);
                }
                if ui.button("Cancel").clicked() {
                    choice = Some(ImportChoice::Cancel);
                }
                if !problems.is_empty() && ui.button("Copy problems").clicked() {
                    ui.ctx()
                        .copy_text(ImportReport::new(problems.clone()).lines().join("\n"));
                }
            });
        });
        if choice.is_none() && modal.should_close() {
            choice = Some(ImportChoice::Cancel);
        }
        choice
    }
}

/// Reads `path` and plans importing it into `map`.
pub fn read_import(map: &Map, path: &Path) -> Result<PendingImport, ImportReport> {
    let format = Format::of_path(path).map_err(ImportReport::single)?;
    if !format.can_import() {
        return Err(ImportReport::single(format!(
            "stancemap does not read {} files; it reads {}",
            format.label(),
            Format::importable_names()
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        ImportReport::single(format!(
            "cannot read the file: {}",
            crate::io::explain_io(&e)
        ))
    })?;
    let import = prepare_import(map, &bytes, format)?;
    Ok(PendingImport {
        path: path.to_path_buf(),
        format,
        import,
    })
}

/// Writes `map` to `path` in `format`, atomically.
pub fn write_export(map: &Map, path: &Path, format: Format) -> Result<(), String> {
    if format == Format::Map {
        return crate::io::save_file(path, map)
            .map(|_| ())
            .map_err(|e| e.to_string());
    }
    let bytes = export(map, format)?;
    crate::export::write_atomically(path, |out| {
        std::io::Write::write_all(out, &bytes).map_err(|source| crate::export::ExportError::Write {
            path: path.to_path_buf(),
            source,
        })
    })
    .map_err(|e| e.to_string())
}

/// Where new nodes linked to nothing go: to the right of the map.
pub fn beside(map: &Map) -> Point {
    let right = map
        .actors()
        .map(|a| a.at.x)
        .chain(map.claims().map(|c| c.at.x))
        .fold(None, |m: Option<f32>, x| Some(m.map_or(x, |m| m.max(x))));
    Point::new(right.map_or(0.0, |x| x + 300.0), 0.0)
}
