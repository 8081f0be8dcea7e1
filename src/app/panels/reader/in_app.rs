//! The reader inside the app: its side panel, following the app's selection, and the coding
//! form's stance applied through the document as one undo step.

use super::coding::{coding_edit, usual_date};
use super::form::{CodingForm, Ends, FormOutcome};
use super::placement::Placement;
use super::quote_drag::QuoteDrag;
use crate::app::StanceApp;
use crate::app::panels::panel_room::SidePanel;
use crate::model::{ActorId, ItemId, NodeId, Point, SourceId};
use crate::quotes::offered_actor;
use eframe::egui;
use std::ops::Range;

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
        let out = panel.inner;
        if let Some(item) = out.select {
            self.select_from_reader(item);
        }
        if out.code {
            self.open_coding_form(ui.ctx());
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

    /// Opens the coding form just below (or above) the reader's selection, offering the
    /// actor named in it or nearest before it.
    pub(in crate::app) fn open_coding_form(&mut self, ctx: &egui::Context) {
        let (Some(source), Some(range)) = (self.reader.source(), self.reader.selection()) else {
            self.status = Some("Select a quote in the reader first".into());
            return;
        };
        let line = self.reader.selection_line().unwrap_or_else(|| {
            // Out of view (selected by find and not yet scrolled to): the top of the window.
            egui::Rect::from_min_size(egui::pos2(20.0, 60.0), egui::Vec2::ZERO)
        });
        let offered = self.offered_actor(source, range.clone());
        let ends = Ends {
            actor: offered,
            claim: None,
        };
        self.open_form(ctx, (source, range), ends, line);
    }

    /// The actor to offer for the quote at `range` of the source shown in the reader.
    fn offered_actor(&self, source: SourceId, range: Range<usize>) -> Option<ActorId> {
        let text = self.doc.map().source(source)?.text.as_deref()?;
        offered_actor(text, self.reader.mentions(), range)
    }

    /// Opens the coding form for a quote dropped on `onto` (an actor or a claim), with that
    /// end filled in, just below the point it was dropped at.
    pub(in crate::app) fn open_coding_form_onto(
        &mut self,
        ctx: &egui::Context,
        quote: &QuoteDrag,
        onto: NodeId,
        at: egui::Pos2,
    ) {
        let offered = match self.reader.source() {
            Some(shown) if shown == quote.source => {
                self.offered_actor(quote.source, quote.range.clone())
            }
            _ => None,
        };
        let ends = match onto {
            NodeId::Actor(actor) => Ends {
                actor: Some(actor),
                claim: None,
            },
            NodeId::Claim(claim) => Ends {
                actor: offered,
                claim: Some(claim),
            },
        };
        // The pointer's own line, so the form opens just under it.
        let line = egui::Rect::from_center_size(at, egui::vec2(0.0, 24.0));
        self.open_form(ctx, (quote.source, quote.range.clone()), ends, line);
    }

    /// Opens the coding form on `range` of `source`'s text next to `line` (on screen).
    fn open_form(
        &mut self,
        ctx: &egui::Context,
        (source, range): (SourceId, Range<usize>),
        ends: Ends,
        line: egui::Rect,
    ) {
        let map = self.doc.map();
        let quote = map
            .source(source)
            .and_then(|s| s.text.as_deref())
            .and_then(|text| text.get(range.clone()))
            .filter(|quote| !quote.trim().is_empty());
        let Some(quote) = quote else {
            self.status = Some("Select a quote in the reader first".into());
            return;
        };
        let at = Placement::at_line(line, self.reader.form_size, ctx.content_rect());
        self.reader.serial += 1;
        let date = usual_date(map, source);
        let form = CodingForm::new(
            map,
            (source, range, quote.to_owned()),
            ends,
            (self.reader.last_position, date),
            (at, self.reader.serial),
        );
        self.reader.form = Some(form);
    }

    /// Shows the coding form, if open, and creates its stance when it asks.
    pub(in crate::app) fn coding_form_frame(&mut self, ctx: &egui::Context) {
        let Some(form) = self.reader.form.as_mut() else {
            return;
        };
        let outcome = form.ui(ctx, self.doc.map());
        if let Some(size) = form.size() {
            self.reader.form_size = size;
        }
        let coding = match outcome {
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
                // The canvas keeps its zoom (the next quote may be dropped on another node in
                // view): it pans only as far as the new stance needs.
                self.selection.select_only(stance.into());
                self.reader.saw(Some(stance.into()));
                self.canvas.keep_in_view(vec![stance.into()]);
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
