//! The desktop app: a window with a menu bar, side lists, the canvas and a status line.
//!
//! Data flows one way each frame: menus and the keyboard produce [`Command`]s, panels and the
//! canvas read the map and produce edits, and [`StanceApp`] applies them through the document,
//! which validates them and records undo steps.

pub mod canvas;
mod cjk;
pub mod commands;
pub mod document;
mod icon;
pub mod panels;
pub mod requests;
pub mod screenshot;
pub mod selection;
mod surroundings;
pub mod windows;

pub use canvas::{Camera, CanvasState};
pub use commands::Command;
pub use document::Document;
pub use document::files::NEW_MAP_TITLE;
pub use document::history::MAX_UNDO_STEPS;
pub use document::startup::run;
pub use document::title::{UNSAVED_MARKER, window_title};
pub use panels::analysis::Tab as AnalysisTab;
pub use selection::Selection;

use crate::model::{Edit, Map};
use canvas::{current_source, layout_runner};
use commands::{edit_commands, input_order};
use document::title;
use eframe::egui;
use panels::panel_room::SidePanel;
use panels::{analysis, inspector, lists, menu, reader, status_clock};
use std::path::PathBuf;
use windows::{
    agreement_window, combine_window, compare_window, export_dialog, formats_dialog, source_files,
};

/// The app's name as the window and the settings folder know it.
pub const APP_NAME: &str = "stancemap";

/// The whole app state.
pub struct StanceApp {
    doc: Document,
    canvas: CanvasState,
    selection: Selection,
    status: Option<String>,
    /// Files, dialogs, prompts, recovery, palette, settings and help (`surroundings.rs`).
    surroundings: surroundings::Surroundings,
    /// Automatic layouts running on a worker thread, and their glide (`canvas/layout_runner.rs`).
    layout: layout_runner::LayoutRunner,
    /// The analysis panel: matrix, alignment, filters, checks (`analysis/`).
    analysis: analysis::AnalysisPanel,
    /// The Export image window and Copy image (`windows/export_dialog.rs`).
    export: export_dialog::ExportDialog,
    /// Import… and Export as… (`windows/formats_dialog.rs`, `document/importing.rs`).
    formats: formats_dialog::FormatsDialog,
    /// The source window and loading a source's text from a file (`windows/source_files.rs`).
    source_window: source_files::SourceWindow,
    /// Where the canvas was on screen last frame, for exporting the current view.
    canvas_rect: egui::Rect,
    inspector: inspector::Inspector,
    lists: lists::Lists,
    clipboard: edit_commands::ClipboardState,
    cjk: cjk::CjkCheck,
    /// File → Compare with…: the dialog's ticket and the comparison (`windows/compare_window.rs`).
    compare: compare_window::Compare,
    /// File → Combine with…: the other coding and the table of matches (`windows/combine_window.rs`).
    combine: combine_window::CombineWindow,
    /// Map → Agreement with…: other coders' maps and the report (`windows/agreement_window.rs`).
    agreement: agreement_window::AgreementWindow,
    /// Whether the analyst closed the merge conflicts window for this document.
    conflicts_closed: bool,
    /// Whether a text field had the keyboard at the end of the last frame.
    was_typing: bool,
    /// Clicks held back a frame so that keystrokes before them reach their field.
    input_order: input_order::InputOrder,
    /// When the status line's message was set, so it can fade.
    status_clock: status_clock::StatusClock,
    /// The reader of sources' texts and its coding form (`reader/`).
    reader: reader::Reader,
}

impl StanceApp {
    /// An app editing `map`, which was read from `path` (or is new when `path` is `None`).
    pub fn new(map: Map, path: Option<PathBuf>) -> Self {
        StanceApp {
            doc: Document::new(map, path),
            canvas: CanvasState::fitting(),
            selection: Selection::default(),
            status: None,
            surroundings: surroundings::Surroundings::default(),
            layout: layout_runner::LayoutRunner::default(),
            analysis: analysis::AnalysisPanel::default(),
            export: export_dialog::ExportDialog::default(),
            formats: formats_dialog::FormatsDialog::default(),
            source_window: source_files::SourceWindow::default(),
            canvas_rect: egui::Rect::NOTHING,
            inspector: inspector::Inspector::default(),
            lists: lists::Lists::default(),
            clipboard: edit_commands::ClipboardState::default(),
            cjk: cjk::CjkCheck::default(),
            compare: compare_window::Compare::default(),
            agreement: agreement_window::AgreementWindow::default(),
            combine: combine_window::CombineWindow::default(),
            conflicts_closed: false,
            was_typing: false,
            input_order: input_order::InputOrder::default(),
            status_clock: status_clock::StatusClock::default(),
            reader: reader::Reader::default(),
        }
    }

    /// Makes `doc` the open document, resetting the view state that belonged to the old one.
    fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        let (legend, minimap) = (self.canvas.show_legend, self.canvas.show_minimap);
        self.canvas = CanvasState::fitting();
        self.canvas.show_legend = legend;
        self.canvas.show_minimap = minimap;
        self.selection = Selection::default();
        self.inspector = inspector::Inspector::default();
        self.source_window = source_files::SourceWindow::default();
        self.cjk = cjk::CjkCheck::default();
        self.reader.forget_document();
        self.conflicts_closed = false;
        self.end_comparison();
        self.agreement = agreement_window::AgreementWindow::default();
        self.combine = combine_window::CombineWindow::default();
        self.status = None;
        self.surroundings_document_replaced();
        self.analysis_document_replaced();
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

    /// The reader pane's state.
    pub fn reader(&self) -> &reader::Reader {
        &self.reader
    }

    /// The reader pane's state, to change (tests select text this way).
    pub fn reader_mut(&mut self) -> &mut reader::Reader {
        &mut self.reader
    }

    /// The source new stances cite (the toolbar's choice, else the last source added).
    pub fn current_source(&self) -> Option<crate::model::SourceId> {
        self.canvas.current_source.resolve(self.doc.map())
    }

    /// Makes `source` the current source (`None`: new stances cite no source).
    pub fn set_current_source(&mut self, source: Option<crate::model::SourceId>) {
        self.canvas.current_source = match source {
            Some(id) => current_source::CurrentSource::Chosen(id),
            None => current_source::CurrentSource::Nothing,
        };
    }

    /// The Export image window's state.
    pub fn export_dialog(&self) -> &export_dialog::ExportDialog {
        &self.export
    }

    /// The Export image window's state, to change (tests set the file name this way).
    pub fn export_dialog_mut(&mut self) -> &mut export_dialog::ExportDialog {
        &mut self.export
    }

    /// Draws the Export image window and collects finished exports and copies.
    fn export_window(&mut self, ctx: &egui::Context) {
        // Only while the window is open: the filters are worked out anew for it.
        let visibility = self.export.open.then(|| self.visibility());
        let inputs = export_dialog::ExportInputs::new(
            &self.doc,
            self.canvas.camera,
            self.canvas_rect,
            &self.selection,
            visibility,
        );
        self.export.ui(ctx, &inputs, &mut self.surroundings.dialogs);
        if let Some(message) = self.export.poll(ctx, &mut self.surroundings.dialogs) {
            self.status = Some(message);
        }
    }

    /// Where the canvas was drawn in the last frame, in window points.
    pub fn canvas_rect(&self) -> egui::Rect {
        self.canvas_rect
    }

    /// Orders a frame's raw input so that keystrokes reach their field before a click in the
    /// same frame moves the keyboard focus (eframe calls this before every frame; tests that
    /// build input by hand call it themselves).
    pub fn order_input(&mut self, ctx: &egui::Context, input: &mut egui::RawInput) {
        let field_focused = ctx.egui_wants_keyboard_input();
        if self
            .input_order
            .reorder(input, field_focused, commands::Command::opens_text_field_on)
        {
            ctx.request_repaint();
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

    /// Undoes the last step and drops what it took away from the selection.
    fn undo(&mut self) {
        if self.doc.undo() {
            self.status = Some(if self.doc.can_undo() {
                "Undid the last change; Ctrl+Shift+Z redoes it".to_owned()
            } else {
                "Undid the last change; nothing earlier to undo".to_owned()
            });
        }
        self.selection.retain_existing(self.doc.map());
    }

    /// Redoes the last undone step and drops what it took away from the selection.
    fn redo(&mut self) {
        if self.doc.redo() {
            self.status = Some("Redid the change".to_owned());
        }
        self.selection.retain_existing(self.doc.map());
    }

    /// Puts a picture of the map, with the Export window's settings, on the clipboard.
    fn copy_image(&mut self, ctx: &egui::Context) {
        let visibility = Some(self.visibility());
        let inputs = export_dialog::ExportInputs::new(
            &self.doc,
            self.canvas.camera,
            self.canvas_rect,
            &self.selection,
            visibility,
        );
        self.export.copy_image(ctx, &inputs);
    }

    /// Commands whose shortcuts were pressed this frame (repeatable ones once per press). `was_typing` says whether a text field
    /// had the keyboard at the end of the last frame: egui takes focus away on Escape before
    /// the frame starts, and that Escape belongs to the field, not to "Select none".
    fn pressed_commands(ctx: &egui::Context, was_typing: bool) -> Vec<Command> {
        let typing = was_typing || ctx.egui_wants_keyboard_input();
        let table = commands::shortcut_table();
        ctx.input_mut(|input| {
            table
                .iter()
                .filter(|(shortcut, _)| !(typing && Command::yields_to_text_fields(shortcut)))
                .flat_map(|(shortcut, command)| {
                    // Every press counts, however many arrive within one slow frame.
                    let presses =
                        input.count_and_consume_key(shortcut.modifiers, shortcut.logical_key);
                    let runs = if command.repeats() {
                        presses
                    } else {
                        presses.min(1)
                    };
                    std::iter::repeat_n(*command, runs)
                })
                .collect()
        })
    }

    /// Draws the whole app into `ui` and handles its input. Called once per frame.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.begin_frame(&ctx);
        // Escape closes an open menu or help window before it means "select none".
        let escape_taken =
            egui::Popup::is_any_open(&ctx) || self.surroundings.help.close_on_escape(&ctx);
        // The coding form takes the keys (1–6, Enter, Esc) while it is open.
        let mut commands = if self.modal_is_open() || self.reader.form_open() {
            Vec::new()
        } else {
            let mut pressed = Self::pressed_commands(&ctx, self.was_typing || escape_taken);
            pressed.extend(self.clipboard_events(&ctx));
            pressed
        };

        let mut menu_pick = None;
        egui::Panel::top("menu_bar").show(ui, |ui| {
            menu_pick = menu::menu_bar(ui, self);
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(title::status_label(&self.doc));
                ui.separator();
                let map = self.doc.map();
                let [claims, actors, stances, relations, _] = crate::counts::item_counts(map);
                ui.label(format!("{claims} · {actors} · {stances} · {relations}"));
                if let Some(status) = &self.status {
                    ui.separator();
                    ui.label(status);
                }
            });
        });
        let window_width = ui.available_width();
        let mut requests = SidePanel::Lists
            .limit(egui::Panel::left("lists"), window_width, self.reader.open)
            .resizable(true)
            .default_size(240.0)
            .show(ui, |ui| self.lists.ui(ui, self.doc.map(), &self.selection))
            .inner;
        self.reader_panel_ui(ui, window_width);
        let inspector = SidePanel::Inspector
            .limit(
                egui::Panel::right("inspector"),
                window_width,
                self.reader.open,
            )
            .resizable(true)
            .default_size(280.0)
            .show(ui, |ui| {
                self.inspector.ui(ui, self.doc.map(), &self.selection)
            })
            .inner;
        requests.append(inspector);
        requests.append(self.analysis_panel_ui(ui, window_width));
        self.lay_out_on_open(&ctx);
        self.compare.refresh(self.doc.map(), self.doc.generation());
        let selected = analysis::selected_nodes(self.doc.map(), &self.selection);
        let visibility =
            self.analysis
                .filters
                .visibility(self.doc.map(), self.doc.generation(), &selected);
        let gliding = self.layout.gliding_map(self.doc.map());
        if self.layout.take_fit() {
            self.canvas.fit_pending = true;
        }
        let (map, generation) = match &gliding {
            Some((map, generation)) => (map, *generation),
            None => (self.doc.map(), self.doc.generation()),
        };
        // Gliding maps are not the document's states: those frames are drawn afresh.
        let changes = match (&gliding, self.canvas.drawn_generation()) {
            (None, Some(drawn)) => self.doc.changes_since(drawn),
            _ => None,
        };
        // No margin (the canvas paints edge to edge), but the theme's panel colour behind the
        // canvas toolbar.
        let panel = egui::Frame::NONE.fill(ui.visuals().panel_fill);
        self.canvas.hide_tooltips = self.reader.form_open();
        let panel_rect = egui::CentralPanel::no_frame()
            .frame(panel)
            .show(ui, |ui| {
                let canvas = canvas::canvas_ui(
                    ui,
                    map,
                    (generation, changes.as_ref()),
                    &mut self.canvas,
                    &self.selection,
                    visibility,
                );
                requests.append(canvas);
                if let Some(comparison) = self.compare.session() {
                    self.canvas.paint_comparison(
                        ui,
                        comparison.theirs(),
                        comparison.version(),
                        comparison.diff(),
                    );
                }
            })
            .response
            .rect;
        // The map's own area, below the canvas toolbar: what "the current view" exports.
        self.canvas_rect = self.canvas.viewport().unwrap_or(panel_rect);
        if gliding.is_some() {
            ctx.request_repaint();
        }
        commands.extend(self.surrounding_windows(&ctx));
        reader::show_carried(&ctx, self.doc.map(), self.canvas.quote_target());
        self.coding_form_frame(&ctx);
        self.conflicts_window(&ctx);
        self.compare_frame(&ctx);
        self.agreement_frame(&ctx);
        self.combine_frame(&ctx);
        self.export_window(&ctx);
        self.formats_frame(&ctx);
        self.source_window_frame(&ctx);
        self.layout_frame(&ctx);
        self.apply_requests(&ctx, requests);
        self.canvas_context_menu(&ctx);
        if let Some(message) = self.cjk.check(&ctx, self.doc.map(), self.doc.generation()) {
            self.status = Some(message);
        }
        self.was_typing = ctx.text_edit_focused();

        if let Some(pick) = menu_pick {
            self.run_menu_pick(&ctx, pick);
        }
        for command in commands {
            self.run(&ctx, command);
        }
        self.end_frame(&ctx);
        if let Some(left) = self
            .status_clock
            .tick(&mut self.status, std::time::Instant::now())
        {
            ctx.request_repaint_after(left);
        }
    }
}

impl eframe::App for StanceApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        // Also runs while the window is hidden, so closing it from the taskbar still asks.
        self.handle_close_request(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        StanceApp::ui(self, ui);
    }

    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        self.order_input(ctx, raw_input);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.store_settings(storage);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.finish_session();
    }
}
