//! A long text cut into lines, each laid out on its own and only when it comes into view. The
//! heights of lines not laid out yet are estimated from their characters, so the scroll bar
//! is about right from the start and exact where the reader has been.

use crate::scene::text::is_wide;
use std::ops::Range;

/// The lines of a text and where each sits, top to bottom.
#[derive(Debug, Clone, Default)]
pub struct Paragraphs {
    /// Each line's byte range in the text, without its line break.
    spans: Vec<Range<usize>>,
    /// Each line's height in points (estimated until laid out).
    heights: Vec<f32>,
    /// Each line's top, and the total height at the end (one more entry than lines).
    tops: Vec<f32>,
    /// The wrap width the estimates were made for.
    width: f32,
}

impl Paragraphs {
    /// The lines of `text` with heights estimated for a column `width` points wide, in a font
    /// of `size` points whose rows are `row_height` high.
    pub fn new(text: &str, width: f32, size: f32, row_height: f32) -> Self {
        let mut spans = Vec::new();
        let mut start = 0;
        for (at, c) in text.char_indices() {
            if c == '\n' {
                spans.push(start..at);
                start = at + 1;
            }
        }
        spans.push(start..text.len());
        let heights = spans
            .iter()
            .map(|span| {
                estimated_height(
                    text.get(span.clone()).unwrap_or(""),
                    width,
                    size,
                    row_height,
                )
            })
            .collect();
        let mut paragraphs = Paragraphs {
            spans,
            heights,
            tops: Vec::new(),
            width,
        };
        paragraphs.recompute_tops();
        paragraphs
    }

    /// The wrap width the lines were measured for.
    pub fn width(&self) -> f32 {
        self.width
    }

    /// How many lines there are (an empty text has one, empty).
    pub fn count(&self) -> usize {
        self.spans.len()
    }

    /// A line's byte range in the text.
    pub fn span(&self, line: usize) -> Range<usize> {
        self.spans.get(line).cloned().unwrap_or(0..0)
    }

    /// A line's top, in points from the top of the text.
    pub fn top(&self, line: usize) -> f32 {
        self.tops.get(line).copied().unwrap_or(0.0)
    }

    /// The height of the whole text.
    pub fn total_height(&self) -> f32 {
        self.tops.last().copied().unwrap_or(0.0)
    }

    /// Records a line's real height once it is laid out; returns whether it changed.
    pub fn set_height(&mut self, line: usize, height: f32) -> bool {
        match self.heights.get_mut(line) {
            Some(h) if (*h - height).abs() > 0.25 => {
                *h = height;
                true
            }
            _ => false,
        }
    }

    /// Works the tops out again after heights changed.
    pub fn recompute_tops(&mut self) {
        self.tops.clear();
        let mut y = 0.0;
        for h in &self.heights {
            self.tops.push(y);
            y += h;
        }
        self.tops.push(y);
    }

    /// The lines that overlap the band from `top` to `bottom` points.
    pub fn visible(&self, top: f32, bottom: f32) -> Range<usize> {
        let first = self
            .tops
            .partition_point(|&t| t <= top)
            .saturating_sub(1)
            .min(self.count());
        let end = self.tops.partition_point(|&t| t < bottom).min(self.count());
        first..end.max(first)
    }

    /// The line at `y` points from the top (the last line below the end).
    pub fn line_at(&self, y: f32) -> usize {
        self.tops
            .partition_point(|&t| t <= y)
            .saturating_sub(1)
            .min(self.count().saturating_sub(1))
    }

    /// The line holding byte `offset` of the text.
    pub fn line_of(&self, offset: usize) -> usize {
        self.spans
            .partition_point(|span| span.end < offset)
            .min(self.count().saturating_sub(1))
    }
}

/// A line's height guessed from its characters: CJK characters are about a font size wide,
/// others about half.
fn estimated_height(line: &str, width: f32, size: f32, row_height: f32) -> f32 {
    let advance: f32 = line
        .chars()
        .map(|c| if is_wide(c) { size } else { size * 0.5 })
        .sum();
    let rows = (advance / width.max(size)).ceil().max(1.0);
    rows * row_height
}

/// The character index in `line` of byte `offset` (clamped to the line).
pub fn char_index(line: &str, offset: usize) -> usize {
    line.char_indices()
        .take_while(|(at, _)| *at < offset)
        .count()
}

/// The byte offset in `line` of character `index` (the end when past it).
pub fn byte_offset(line: &str, index: usize) -> usize {
    line.char_indices()
        .nth(index)
        .map_or(line.len(), |(at, _)| at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_their_places() {
        let text = "first line\n\n第二行";
        let mut p = Paragraphs::new(text, 400.0, 14.0, 20.0);
        assert_eq!(p.count(), 3);
        assert_eq!(&text[p.span(2)], "第二行");
        assert_eq!(p.total_height(), 60.0);
        assert_eq!(p.visible(25.0, 45.0), 1..3);
        assert_eq!(p.line_at(45.0), 2);
        assert_eq!(p.line_of(text.find("二").unwrap()), 2);
        assert!(p.set_height(0, 40.0));
        p.recompute_tops();
        assert_eq!(p.top(2), 60.0);
    }

    #[test]
    fn long_lines_are_estimated_to_wrap() {
        let text = "字".repeat(100);
        let p = Paragraphs::new(&text, 140.0, 14.0, 20.0);
        assert_eq!(p.total_height(), 200.0);
    }

    #[test]
    fn character_and_byte_offsets_convert_both_ways() {
        let line = "普京 said";
        assert_eq!(char_index(line, 6), 2);
        assert_eq!(byte_offset(line, 2), 6);
        assert_eq!(byte_offset(line, 99), line.len());
    }
}
