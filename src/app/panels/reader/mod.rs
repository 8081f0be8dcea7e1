//! The reader: a side pane showing a source's text with every stance's quote highlighted in
//! its position's colour and every actor's name underlined. Clicking a quote selects its
//! stance, clicking a name its actor; selecting a stance elsewhere scrolls to its quote.
//! Selected text becomes a new stance through the coding form (`S`, the right-click menu, or
//! dragging the selection onto an actor or a claim on the canvas).

mod cache;
mod coding;
mod form;
mod galleys;
mod in_app;
mod pane;
mod paragraphs;
mod placement;
mod quote_drag;
mod suggest;
mod text_view;

pub use coding::{Choice, Coding, coding_edit};
pub use form::{CodingForm, Ends};
pub use galleys::{Look, line_job};
pub use quote_drag::{QuoteDrag, show_carried};
pub use text_view::describe_stance;

use crate::model::{ItemId, Map, Position, SourceId, StanceId};
use crate::quotes::Mention;
use cache::TextCache;
use eframe::egui::{Rect, Vec2};
use std::ops::Range;
use text_view::TextSelection;

/// The reader's state between frames.
#[derive(Debug)]
pub struct Reader {
    /// Whether the pane is shown.
    pub open: bool,
    /// The source shown.
    source: Option<SourceId>,
    /// The text selected in it.
    selection: TextSelection,
    /// The words typed in the find field.
    find: String,
    /// The stance last seen selected in the app, so a new selection scrolls to its quote once.
    seen: Option<ItemId>,
    /// A byte offset of the text to bring into view on the next frame.
    scroll_to: Option<usize>,
    /// The part of the text in view last frame, in the text's own coordinates.
    viewport: Rect,
    /// The selection's last line on screen, for placing the coding form.
    selection_line: Option<Rect>,
    cache: Option<TextCache>,
    /// The coding form, while open.
    pub form: Option<CodingForm>,
    /// How many times the form was opened, so each opening places its window anew.
    serial: u64,
    /// The position the last coded stance took, which Enter in the next form creates.
    last_position: Position,
    /// The coding form's size when last shown, to place the next one where it fits.
    form_size: Vec2,
}

/// What the reader asks the app to do.
#[derive(Debug, Default)]
pub struct ReaderOutput {
    /// Select this item (a clicked quote's stance, a clicked name's actor).
    pub select: Option<ItemId>,
    /// Open the coding form on the selection.
    pub code: bool,
}

impl Default for Reader {
    fn default() -> Self {
        Reader {
            open: false,
            source: None,
            selection: TextSelection::default(),
            find: String::new(),
            seen: None,
            scroll_to: None,
            viewport: Rect::NOTHING,
            selection_line: None,
            cache: None,
            form: None,
            serial: 0,
            last_position: Position::Supports,
            form_size: placement::FORM_SIZE_GUESS,
        }
    }
}

impl Reader {
    /// Forgets everything that belonged to the previous document; the pane stays open or
    /// closed as it was.
    pub fn forget_document(&mut self) {
        *self = Reader {
            open: self.open,
            last_position: self.last_position,
            form_size: self.form_size,
            ..Reader::default()
        };
    }

    /// The actors named in the text shown, in text order.
    pub fn mentions(&self) -> &[Mention] {
        self.cache
            .as_ref()
            .map_or(&[], |c| c.marks.mentions.as_slice())
    }

    /// The stances whose quotes are highlighted in the text shown, in text order (a quote
    /// found twice is listed twice).
    pub fn highlighted(&self) -> Vec<StanceId> {
        self.cache.as_ref().map_or_else(Vec::new, |c| {
            c.marks.highlights.iter().map(|h| h.stance).collect()
        })
    }

    /// The source shown, if any.
    pub fn source(&self) -> Option<SourceId> {
        self.source
    }

    /// Shows `source` (its text must be set to be seen).
    pub fn show_source(&mut self, source: SourceId) {
        if self.source != Some(source) {
            self.source = Some(source);
            self.selection = TextSelection::default();
        }
    }

    /// The selected byte range of the source's text.
    pub fn selection(&self) -> Option<Range<usize>> {
        self.selection.range.clone()
    }

    /// The selected text, exactly as it is in the source.
    pub fn selected_text<'m>(&self, map: &'m Map) -> Option<&'m str> {
        let text = map.source(self.source?)?.text.as_deref()?;
        text.get(self.selection.range.clone()?)
            .filter(|t| !t.trim().is_empty())
    }

    /// Selects `range` of the source's text and brings it into view (the find field does
    /// this; so can tests).
    pub fn select(&mut self, range: Range<usize>) {
        self.scroll_to = Some(range.start);
        self.selection.range = (!range.is_empty()).then_some(range);
    }

    /// Shows the first source with a text if none is chosen (or the chosen one is gone).
    fn choose_default_source(&mut self, map: &Map) {
        let has_text = |id: SourceId| map.source(id).is_some_and(|s| s.text.is_some());
        if self.source.is_none_or(|s| !has_text(s)) {
            self.source = map.sources().find(|s| s.text.is_some()).map(|s| s.id);
            self.selection = TextSelection::default();
        }
    }

    /// Follows the app's selection: a newly selected stance (or source) with a text shows that
    /// text, scrolled to the stance's quote unless it is in view already.
    pub fn follow_selection(&mut self, map: &Map, selected: Option<ItemId>) {
        if selected == self.seen {
            return;
        }
        self.seen = selected;
        match selected {
            Some(ItemId::Stance(id)) => self.scroll_to_stance(map, id),
            Some(ItemId::Source(id)) if map.source(id).is_some_and(|s| s.text.is_some()) => {
                self.show_source(id);
            }
            _ => {}
        }
    }

    /// Marks `item` as seen, so selecting it from the reader itself does not scroll.
    pub fn saw(&mut self, item: Option<ItemId>) {
        self.seen = item;
    }

    fn scroll_to_stance(&mut self, map: &Map, id: StanceId) {
        let Some(source) = map.stance(id).and_then(|s| s.source) else {
            return;
        };
        if map.source(source).is_none_or(|s| s.text.is_none()) {
            return;
        }
        self.show_source(source);
        let found = match &self.cache {
            Some(cache) if cache.source == source => cache.marks.first_of(id),
            _ => {
                let marks = crate::quotes::Marks::for_source(map, source);
                marks.first_of(id)
            }
        };
        if let Some(range) = found {
            self.scroll_to = Some(range.start);
        }
    }

    /// Whether the coding form is open.
    pub fn form_open(&self) -> bool {
        self.form.is_some()
    }
}
