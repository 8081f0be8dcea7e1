//! A text with its white space taken out, remembering where each remaining byte came from, so
//! that a quote copied with different spacing or line breaks still matches and the match maps
//! back to the original text.

use std::ops::Range;

/// A text without white space, with the way back to the original's byte offsets.
#[derive(Debug, Clone, Default)]
pub struct Normalised {
    /// The text with every white-space character removed.
    compact: String,
    /// For each byte of `compact`, the offset of the same byte in the original text.
    origin: Vec<usize>,
}

impl Normalised {
    /// `text` with its white space removed. CJK text, which has no spaces between words,
    /// matches across line breaks; Latin text matches whatever its spacing.
    pub fn new(text: &str) -> Self {
        let mut compact = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        for (at, c) in text.char_indices() {
            if c.is_whitespace() {
                continue;
            }
            compact.push(c);
            origin.extend(at..at + c.len_utf8());
        }
        Normalised { compact, origin }
    }

    /// The text without white space.
    pub fn compact(&self) -> &str {
        &self.compact
    }

    /// The byte range of the original text that `range` of the compact text came from: from
    /// its first character to the end of its last, white space inside included. `None` for an
    /// empty or out-of-bounds range.
    pub fn original_range(&self, range: Range<usize>) -> Option<Range<usize>> {
        if range.is_empty() {
            return None;
        }
        let start = *self.origin.get(range.start)?;
        let last = *self.origin.get(range.end - 1)?;
        Some(start..last + 1)
    }
}

/// `text` without white space, as quotes are compared.
pub fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_map_back_across_removed_spaces_and_wide_characters() {
        let text = "普京 說：\n“北約東擴”";
        let n = Normalised::new(text);
        assert_eq!(n.compact(), "普京說：“北約東擴”");
        let at = n.compact().find("京說").unwrap();
        let range = n.original_range(at..at + "京說".len()).unwrap();
        assert_eq!(&text[range], "京 說");
    }

    #[test]
    fn empty_ranges_map_to_nothing() {
        let n = Normalised::new("a b");
        assert_eq!(n.original_range(1..1), None);
        assert_eq!(n.original_range(0..9), None);
    }
}
