//! What the reader keeps between frames for its source: the text, its marks, its lines and
//! the galleys of the lines laid out so far. Marks are worked out again only when the map
//! changes; lines only when the text or the width does; galleys when either, or the look.

use super::galleys::{Look, line_job};
use super::paragraphs::Paragraphs;
use crate::model::{Map, SourceId};
use crate::quotes::Marks;
use eframe::egui::{Galley, Painter};
use std::collections::HashMap;
use std::sync::Arc;

/// The reader's cached view of one source's text.
#[derive(Debug, Clone)]
pub struct TextCache {
    /// The source shown.
    pub source: SourceId,
    /// The document generation the marks were found in.
    generation: u64,
    /// The source's text.
    pub text: String,
    /// The quotes and names found in it.
    pub marks: Marks,
    /// The text's lines and their places.
    pub paragraphs: Paragraphs,
    /// For each line, the indices of the highlights that touch it.
    line_highlights: Vec<Vec<usize>>,
    /// For each line, the indices of the mentions that touch it.
    line_mentions: Vec<Vec<usize>>,
    /// Laid-out lines, by line index.
    galleys: HashMap<usize, Arc<Galley>>,
    /// The look the galleys were laid out with.
    look: Look,
    /// Whether a line's real height differed from its estimate since the tops were worked out.
    tops_stale: bool,
}

/// The font size and row height lines are estimated with.
const ESTIMATE: (f32, f32) = (15.0, 20.0);

impl TextCache {
    /// The cache for `source` in `map`, for a column `width` points wide; `None` when the
    /// source has no text.
    pub fn new(
        map: &Map,
        generation: u64,
        source: SourceId,
        width: f32,
        look: Look,
    ) -> Option<Self> {
        let text = map.source(source)?.text.clone()?;
        let paragraphs = Paragraphs::new(&text, width, ESTIMATE.0, ESTIMATE.1);
        let mut cache = TextCache {
            source,
            generation,
            text,
            marks: Marks::default(),
            paragraphs,
            line_highlights: Vec::new(),
            line_mentions: Vec::new(),
            galleys: HashMap::new(),
            look,
            tops_stale: false,
        };
        cache.mark(map);
        Some(cache)
    }

    /// Brings the cache up to date with the map, the width and the look. Returns `false` when
    /// the source is gone or has lost its text.
    pub fn refresh(&mut self, map: &Map, generation: u64, width: f32, look: &Look) -> bool {
        if generation != self.generation {
            let Some(text) = map.source(self.source).and_then(|s| s.text.as_deref()) else {
                return false;
            };
            if text != self.text {
                self.text = text.to_owned();
                self.paragraphs = Paragraphs::new(text, width, ESTIMATE.0, ESTIMATE.1);
            }
            self.generation = generation;
            self.mark(map);
        }
        if (width - self.paragraphs.width()).abs() > 0.5 {
            self.paragraphs = Paragraphs::new(&self.text, width, ESTIMATE.0, ESTIMATE.1);
            self.galleys.clear();
        }
        if *look != self.look {
            self.look = look.clone();
            self.galleys.clear();
        }
        true
    }

    /// Finds the marks again and files them by line; the galleys are laid out afresh.
    fn mark(&mut self, map: &Map) {
        self.marks = Marks::for_source(map, self.source);
        let lines = self.paragraphs.count();
        let file = |ranges: Vec<std::ops::Range<usize>>| {
            let mut by_line = vec![Vec::new(); lines];
            for (i, range) in ranges.into_iter().enumerate() {
                let first = self.paragraphs.line_of(range.start);
                let last = self.paragraphs.line_of(range.end.saturating_sub(1));
                for line in by_line.iter_mut().take(last + 1).skip(first) {
                    line.push(i);
                }
            }
            by_line
        };
        self.line_highlights = file(
            self.marks
                .highlights
                .iter()
                .map(|h| h.range.clone())
                .collect(),
        );
        self.line_mentions = file(
            self.marks
                .mentions
                .iter()
                .map(|m| m.range.clone())
                .collect(),
        );
        self.galleys.clear();
    }

    /// Indices of the highlights on a line.
    pub fn highlights_on(&self, line: usize) -> &[usize] {
        self.line_highlights.get(line).map_or(&[], Vec::as_slice)
    }

    /// Indices of the mentions on a line.
    pub fn mentions_on(&self, line: usize) -> &[usize] {
        self.line_mentions.get(line).map_or(&[], Vec::as_slice)
    }

    /// The laid-out line, laying it out now if it was not yet; records its real height.
    pub fn galley(&mut self, painter: &Painter, line: usize) -> Arc<Galley> {
        if let Some(galley) = self.galleys.get(&line) {
            return galley.clone();
        }
        let highlights: Vec<_> = self
            .highlights_on(line)
            .iter()
            .filter_map(|&i| self.marks.highlights.get(i))
            .collect();
        let mentions: Vec<_> = self
            .mentions_on(line)
            .iter()
            .filter_map(|&i| self.marks.mentions.get(i))
            .collect();
        let span = self.paragraphs.span(line);
        let job = line_job(
            &self.text,
            span,
            &highlights,
            &mentions,
            &self.look,
            self.paragraphs.width(),
        );
        let galley = painter.layout_job(job);
        self.tops_stale |= self.paragraphs.set_height(line, galley.size().y);
        self.galleys.insert(line, galley.clone());
        galley
    }

    /// Works out the lines' tops again if a laid-out line changed height; returns whether.
    pub fn settle(&mut self) -> bool {
        let stale = std::mem::take(&mut self.tops_stale);
        if stale {
            self.paragraphs.recompute_tops();
        }
        stale
    }

    /// The text of a line.
    pub fn line_text(&self, line: usize) -> &str {
        self.text.get(self.paragraphs.span(line)).unwrap_or("")
    }
}
