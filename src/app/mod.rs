//! The desktop app: a window with a menu bar, side lists, the canvas and a status line.
//!
//! Data flows one way each frame: menus and the keyboard produce [`Command`]s, panels and the
//! canvas read the map and produce edits, and [`StanceApp`] applies them through the document,
//! which validates them and records undo steps.

mod canvas;
pub mod commands;
mod document;
pub mod export_dialog;
mod export_jobs;
mod history;
mod lists;
mod menu;
pub mod selection;

pub use canvas::{Camera, CanvasState};
pub use commands::Command;
pub use document::Document;
pub use history::MAX_UNDO_STEPS;
pub use selection::Selection;

use crate::model::{Edit, Map};
use eframe::egui;
use std::path::PathBuf;

/// The app's name as the window and the settings folder know it.
pub const APP_NAME: &str = "stancemap";

/// The whole app state.
pub struct StanceApp {
    doc: Document,
    canvas: CanvasState,
    selection: Selection,
    status: Option<String>,
    show_shortcuts: bool,
    show_about: bool,
    export: export_dialog::ExportDialog,
    /// Where the canvas was on screen last frame, for exporting the current view.
    canvas_rect: egui::Rect,
}

impl StanceApp {
    /// An app editing `map`, which was read from `path` (or is new when `path` is `None`).
    pub fn new(map: Map, path: Option<PathBuf>) -> Self {
        StanceApp {
            doc: Document::new(map, path),
            canvas: CanvasState::fitting(),
            selection: Selection::default(),
            status: None,
            show_shortcuts: false,
            show_about: false,
            export: export_dialog::ExportDialog::default(),
            canvas_rect: egui::Rect::NOTHING,
        }
    }

    /// The open document.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The map being edited.
    pub fn map(&self) -> &Map {
        self.doc.map()
    }

    /// What is selected.
    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    /// The Export image window's state.
    pub fn export_dialog(&mut self) -> &mut export_dialog::ExportDialog {
        &mut self.export
    }

    /// What the Export window needs: the map, its file, the canvas's view and the selection.
    fn export_inputs(&self) -> export_dialog::ExportInputs<'_> {
        let view = self
            .canvas
            .camera
            .to_screen(self.canvas_rect)
            .inverse()
            .mul_rect(self.canvas_rect);
        export_dialog::ExportInputs {
            map: self.doc.map(),
            map_path: self.doc.path(),
            view,
            selection: &self.selection,
        }
    }

    /// The message in the status line, if any.
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    /// Applies an edit as its own undo step, showing the reason in the status line if the map
    /// refuses it. Returns whether it was applied.
    pub fn apply(&mut self, edit: Edit) -> bool {
        match self.doc.apply(edit, None) {
            Ok(()) => true,
            Err(problem) => {
                self.status = Some(format!("Not changed: {problem}"));
                false
            }
        }
    }

    /// Whether a command can run now.
    pub fn is_enabled(&self, command: Command) -> bool {
        match command {
            Command::Undo => self.doc.can_undo(),
            Command::Redo => self.doc.can_redo(),
            Command::ExportImage => true,
            Command::CopyImage => self.doc.map().node_count() > 0 && !self.export.is_busy(),
            Command::Quit | Command::FitMap | Command::ShowShortcuts | Command::About => true,
        }
    }

    /// Runs a command.
    pub fn run(&mut self, ctx: &egui::Context, command: Command) {
        if !self.is_enabled(command) {
            return;
        }
        match command {
            Command::ExportImage => self.export.show(self.doc.path()),
            Command::CopyImage => {
                let mut export = std::mem::take(&mut self.export);
                export.copy_image(ctx, &self.export_inputs());
                self.export = export;
            }
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Undo => {
                self.doc.undo();
                self.selection.retain_existing(self.doc.map());
            }
            Command::Redo => {
                self.doc.redo();
                self.selection.retain_existing(self.doc.map());
            }
            Command::FitMap => self.canvas.fit_pending = true,
            Command::ShowShortcuts => self.show_shortcuts = true,
            Command::About => self.show_about = true,
        }
    }

    /// Commands whose shortcuts were pressed this frame.
    fn pressed_commands(ctx: &egui::Context) -> Vec<Command> {
        let typing = ctx.egui_wants_keyboard_input();
        let table = commands::shortcut_table();
        ctx.input_mut(|input| {
            table
                .iter()
                .filter(|(shortcut, _)| !(typing && Command::yields_to_text_fields(shortcut)))
                .filter(|(shortcut, _)| input.consume_shortcut(shortcut))
                .map(|(_, command)| *command)
                .collect()
        })
    }

    /// Draws the whole app into `ui` and handles its input. Called once per frame.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let mut commands = Self::pressed_commands(&ctx);

        egui::Panel::top("menu_bar").show(ui, |ui| {
            if let Some(command) = menu::menu_bar(ui, |c| self.is_enabled(c)) {
                commands.push(command);
            }
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                let map = self.doc.map();
                ui.label(format!(
                    "{} claims · {} actors · {} stances · {} relations",
                    map.claims().len(),
                    map.actors().len(),
                    map.stances().len(),
                    map.relations().len()
                ));
                if let Some(status) = &self.status {
                    ui.separator();
                    ui.label(status);
                }
            });
        });
        egui::Panel::left("lists")
            .resizable(true)
            .default_size(280.0)
            .show(ui, |ui| {
                lists::lists_ui(ui, self.doc.map(), &mut self.selection)
            });
        self.canvas_rect = egui::CentralPanel::no_frame()
            .show(ui, |ui| {
                canvas::canvas_ui(ui, self.doc.map(), self.doc.generation(), &mut self.canvas);
            })
            .response
            .rect;
        self.help_windows(&ctx);
        self.export_window(&ctx);

        for command in commands {
            self.run(&ctx, command);
        }
    }

    fn export_window(&mut self, ctx: &egui::Context) {
        let mut export = std::mem::take(&mut self.export);
        export.ui(ctx, &self.export_inputs());
        if let Some(message) = export.poll(ctx) {
            self.status = Some(message);
        }
        self.export = export;
    }

    fn help_windows(&mut self, ctx: &egui::Context) {
        egui::Window::new("Keyboard shortcuts")
            .open(&mut self.show_shortcuts)
            .resizable(false)
            .show(ctx, |ui| {
                egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                    for command in Command::ALL {
                        let keys: Vec<String> = command
                            .shortcut()
                            .into_iter()
                            .chain(command.alternative_shortcuts().iter().copied())
                            .map(|s| ctx.format_shortcut(&s))
                            .collect();
                        ui.label(command.label());
                        ui.label(keys.join(", "));
                        ui.end_row();
                    }
                });
            });
        egui::Window::new("About stancemap")
            .open(&mut self.show_about)
            .resizable(false)
            .show(ctx, |ui| {
                ui.heading(format!("stancemap {}", env!("CARGO_PKG_VERSION")));
                ui.label(env!("CARGO_PKG_DESCRIPTION"));
            });
    }
}

impl eframe::App for StanceApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        StanceApp::ui(self, ui);
    }
}

/// Opens the app window on a map and runs until it closes.
pub fn run(map: Map, path: Option<PathBuf>) -> Result<(), String> {
    let title = window_title(&map, path.as_deref(), false);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(title)
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0])
            .with_app_id(APP_NAME),
        ..eframe::NativeOptions::default()
    };
    eframe::run_native(
        APP_NAME,
        options,
        Box::new(move |_cc| Ok(Box::new(StanceApp::new(map, path)))),
    )
    .map_err(|e| format!("could not open the window: {e}"))
}

/// The window title: map title, file name and an unsaved-changes marker.
pub fn window_title(map: &Map, path: Option<&std::path::Path>, dirty: bool) -> String {
    let file = path.and_then(|p| p.file_name()).map_or_else(
        || "unsaved".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    let title = if map.title().is_empty() {
        "Untitled map"
    } else {
        map.title()
    };
    format!(
        "{}{title} — {file} — stancemap",
        if dirty { "● " } else { "" }
    )
}
