//! The reader pane: the source picker, the find field, a hint, and the scrolling text.

use super::cache::TextCache;
use super::galleys::Look;
use super::text_view::text_view;
use super::{Reader, ReaderOutput};
use crate::model::Map;
use crate::quotes::find_quote;
use eframe::egui::{self, Ui};

/// How far below the top of the view a quote scrolled to lands, in points.
const SCROLL_MARGIN: f32 = 80.0;
/// How many rows of text the hint has room for.
const HINT_ROWS: f32 = 3.0;

impl Reader {
    /// Draws the pane's contents and handles its input.
    pub fn ui(&mut self, ui: &mut Ui, map: &Map, generation: u64) -> ReaderOutput {
        let mut out = ReaderOutput::default();
        self.choose_default_source(map);
        self.source_picker(ui, map);
        let Some(source) = self.source else {
            ui.label(
                "No source has a text yet. Add one with its text (File → Add source…), then \
                 read it here and code stances from it.",
            );
            return out;
        };
        self.find_field(ui, map);
        self.hint_ui(ui, map);
        ui.separator();
        let visuals = ui.visuals();
        let look = Look::new(
            visuals.dark_mode,
            visuals.text_color(),
            visuals.hyperlink_color,
        );
        // Room for the scroll bar.
        let width = (ui.available_width() - 18.0).max(80.0);
        let fresh = match &mut self.cache {
            Some(cache) if cache.source == source => !cache.refresh(map, generation, width, &look),
            _ => true,
        };
        if fresh {
            self.cache = TextCache::new(map, generation, source, width, look);
        }
        let Some(cache) = self.cache.as_mut() else {
            return out;
        };
        let mut area = egui::ScrollArea::vertical()
            .id_salt("reader text")
            .auto_shrink([false, false]);
        if let Some(offset) = self.scroll_to.take() {
            let line = cache.paragraphs.line_of(offset);
            let top = cache.paragraphs.top(line);
            let in_view = top >= self.viewport.min.y && top + 20.0 <= self.viewport.max.y;
            if !in_view {
                area = area.vertical_scroll_offset((top - SCROLL_MARGIN).max(0.0));
                ui.ctx().request_repaint();
            }
        }
        let selection = &mut self.selection;
        let output = area.show_viewport(ui, |ui, viewport| {
            (viewport, text_view(ui, viewport, cache, selection, map))
        });
        let (viewport, view) = output.inner;
        self.viewport = viewport;
        self.selection_line = view.selection_line;
        out.select = view.select;
        out.code = view.code;
        out
    }

    /// The selection's last line on screen (the part of it selected), if it is in view.
    pub fn selection_line(&self) -> Option<egui::Rect> {
        self.selection_line
    }

    /// The source picker: every source with a text.
    fn source_picker(&mut self, ui: &mut Ui, map: &Map) {
        let title = |id| map.source(id).map_or_else(String::new, |s| s.title.clone());
        ui.horizontal(|ui| {
            let label = ui.label("Source");
            let shown = self.source.map(title).unwrap_or_else(|| "(none)".into());
            let mut picked = None;
            egui::ComboBox::from_id_salt("reader source")
                .selected_text(shown)
                .truncate()
                .width(ui.available_width())
                .show_ui(ui, |ui| {
                    for source in map.sources().filter(|s| s.text.is_some()) {
                        let on = self.source == Some(source.id);
                        if ui.selectable_label(on, &source.title).clicked() {
                            picked = Some(source.id);
                        }
                    }
                })
                .response
                .labelled_by(label.id);
            if let Some(id) = picked {
                self.show_source(id);
            }
        });
    }

    /// A field whose Enter selects the next place the typed words occur (spacing and line
    /// breaks ignored), so text can be selected from the keyboard.
    fn find_field(&mut self, ui: &mut Ui, map: &Map) {
        ui.horizontal(|ui| {
            let label = ui.label("Find in text");
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut self.find)
                        .hint_text("words, then Enter selects them")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if entered {
                self.find_next(map);
            }
        });
    }

    /// Selects the next place after the selection where the find field's words occur.
    fn find_next(&mut self, map: &Map) {
        let Some(text) = self
            .source
            .and_then(|s| map.source(s))
            .and_then(|s| s.text.as_deref())
        else {
            return;
        };
        let found = find_quote(text, &self.find);
        let after = self.selection.range.as_ref().map_or(0, |r| r.start + 1);
        let next = found
            .iter()
            .find(|r| r.start >= after)
            .or_else(|| found.first());
        if let Some(range) = next {
            self.select(range.clone());
        }
    }

    /// The hint, in a room of the same height whatever it says, so the text below does not
    /// move when a selection begins (under the pointer that is selecting it).
    fn hint_ui(&self, ui: &mut Ui, map: &Map) {
        let rows = ui.text_style_height(&egui::TextStyle::Body) * HINT_ROWS;
        let width = ui.available_width();
        ui.allocate_ui(egui::vec2(width, rows), |ui| {
            ui.set_min_size(egui::vec2(width, rows));
            ui.label(self.hint(map));
        });
    }

    /// One line on what to do next.
    fn hint(&self, map: &Map) -> String {
        match self.selected_text(map) {
            Some(text) => format!(
                "{} characters selected: press S (or right-click) to code a stance, or drag \
                 them onto an actor or a claim",
                text.chars().count()
            ),
            None if self.find.trim().is_empty() => {
                "Select a quote (drag, or find it) and press S to code a stance".into()
            }
            None => "Press Enter in the find field to select the words".into(),
        }
    }
}
