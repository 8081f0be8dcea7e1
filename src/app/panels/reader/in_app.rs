//! The reader inside the app: its side panel, following the app's selection, and the coding
//! form's stance applied through the document as one undo step.

use super::coding::coding_edit;
use super::form::{CodingForm, FormOutcome};
use crate::app::StanceApp;
use crate::app::panels::panel_room::SidePanel;
use crate::model::{ItemId, Point};
use crate::quotes::offered_actor;
use eframe::egui;

impl StanceApp {
    /// The reader pane on the left, when open; clicks in it select items.
    pub(in crate::app) fn reader_panel_ui(&mut self, ui: &mut egui::Ui, window_width: f32) {
        let selected = self.selection.single();
        self.reader.follow_selection(self.doc.map(), selected);
        if !self.reader.open {
            return;
        }
        // As wide as the canvas can spare, up to a comfortable reading width.
        let width = SidePanel::Reader.max_width(window_width, true).min(420.0);
        let panel = SidePanel::Reader
            .limit(egui::Panel::left("reader"), window_width, true)
            .resizable(true)
            .default_size(width)
            .show(ui, |ui| {
                self.reader.ui(ui, self.doc.map(), self.doc.generation())
            });
        self.reader.pane_right = panel.response.rect.right();
        let out = panel.inner;
        if let Some(item) = out.select {
            self.select_from_reader(item);
        }
        if out.code {
            self.open_coding_form();
        }
    }

    /// Selects an item clicked in the reader and shows it on the canvas, without scrolling
    /// the reader away from where the analyst is reading.
    fn select_from_reader(&mut self, item: ItemId) {
        self.selection.select_only(item);
        self.reader.saw(Some(item));
        self.canvas.reveal(vec![item]);
    }

    /// Whether the reader has a selection to code a stance from.
    pub(in crate::app) fn can_code_selection(&self) -> bool {
        self.reader.open
            && !self.reader.form_open()
            && self.reader.selected_text(self.doc.map()).is_some()
    }

    /// Opens the coding form at the reader's selection, offering the actor named in it or
    /// nearest before it.
    pub(in crate::app) fn open_coding_form(&mut self) {
        let map = self.doc.map();
        let (Some(source), Some(range), Some(quote)) = (
            self.reader.source(),
            self.reader.selection(),
            self.reader.selected_text(map),
        ) else {
            self.status = Some("Select a quote in the reader first".into());
            return;
        };
        let offered = offered_actor(self.reader.mentions(), range.clone());
        // Asked for beside the reader, level with the selection, so the text stays readable.
        let y = self.reader.selection_end().map_or(120.0, |p| p.y - 60.0);
        let at = egui::pos2(self.reader.pane_right + 8.0, y.max(40.0));
        self.reader.serial += 1;
        let form = CodingForm::new(
            map,
            (source, range, quote.to_owned()),
            offered,
            self.reader.last_position,
            (at, self.reader.serial),
        );
        self.reader.form = Some(form);
    }

    /// Shows the coding form, if open, and creates its stance when it asks.
    pub(in crate::app) fn coding_form_frame(&mut self, ctx: &egui::Context) {
        let Some(form) = self.reader.form.as_mut() else {
            return;
        };
        let coding = match form.ui(ctx, self.doc.map()) {
            FormOutcome::Open => return,
            FormOutcome::Cancel => {
                self.reader.form = None;
                return;
            }
            FormOutcome::Create(coding) => coding,
        };
        let near = self.canvas.viewport().map_or(Point::default(), |view| {
            let at = self.canvas.camera.to_map(view, view.center());
            Point::new(at.x.round(), at.y.round())
        });
        let (edit, stance) = coding_edit(self.doc.map(), &coding, near);
        let edit = self.with_room_made(edit);
        match self.doc.apply(edit, None) {
            Ok(()) => {
                self.reader.last_position = coding.position;
                self.reader.form = None;
                self.select_from_reader(stance.into());
                self.status = Some(format!(
                    "Coded {}; Ctrl+Z takes it back",
                    super::describe_stance(self.doc.map(), stance)
                ));
                ctx.request_repaint();
            }
            Err(problem) => {
                if let Some(form) = self.reader.form.as_mut() {
                    form.refused(format!("Not created: {problem}"));
                }
            }
        }
    }
}
