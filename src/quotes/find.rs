//! Where quotes occur in a text, whatever its spacing and line breaks. All quotes are searched
//! in one pass (Aho–Corasick over the text without white space), so a long text with
//! thousands of quotes costs one walk over the text, not one per quote.
//!
//! A quote that occurs more than once is reported at every place it occurs: the text does not
//! say which one the analyst meant, so the reader highlights them all and scrolls to the first.

use super::normalised::{Normalised, compact};
use aho_corasick::{AhoCorasick, MatchKind};
use std::ops::Range;

/// Finds many quotes at once in texts.
#[derive(Debug, Clone)]
pub struct QuoteFinder<K> {
    /// The keys of the quotes that can be found (not blank), in the automaton's pattern order.
    keys: Vec<K>,
    automaton: Option<AhoCorasick>,
}

impl<K: Copy> QuoteFinder<K> {
    /// A finder for `quotes`, each with a key to report it by. Blank quotes are never found.
    pub fn new<'a>(quotes: impl IntoIterator<Item = (K, &'a str)>) -> Self {
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        for (key, quote) in quotes {
            let pattern = compact(quote);
            if !pattern.is_empty() {
                keys.push(key);
                patterns.push(pattern);
            }
        }
        // Standard semantics report overlapping matches: one quote may sit inside another.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .ok();
        QuoteFinder { keys, automaton }
    }

    /// Every place each quote occurs in `text`, as byte ranges of `text` (white space inside a
    /// match included), in order of where they start.
    pub fn find(&self, text: &Normalised) -> Vec<(K, Range<usize>)> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let mut found: Vec<(K, Range<usize>)> = automaton
            .find_overlapping_iter(text.compact())
            .filter_map(|m| {
                let key = *self.keys.get(m.pattern().as_usize())?;
                Some((key, text.original_range(m.range())?))
            })
            .collect();
        found.sort_by_key(|(_, range)| (range.start, range.end));
        found
    }
}

/// Every place `quote` occurs in `text`, as byte ranges of `text`, first first; empty when it
/// does not occur or is blank.
pub fn find_quote(text: &str, quote: &str) -> Vec<Range<usize>> {
    QuoteFinder::new([((), quote)])
        .find(&Normalised::new(text))
        .into_iter()
        .map(|(_, range)| range)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_is_found_whatever_its_spacing() {
        let text = "Biden said  the United States\twill not send troops.";
        let found = find_quote(text, "the United States will not send troops");
        assert_eq!(found.len(), 1);
        assert_eq!(
            &text[found[0].clone()],
            "the United States\twill not send troops"
        );
    }

    #[test]
    fn a_quote_is_found_across_a_line_break() {
        let text = "俄方希望美方提供\n法律保障，北約不再東擴。";
        let found = find_quote(text, "美方提供法律保障");
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].clone()], "美方提供\n法律保障");
    }

    #[test]
    fn a_quote_with_a_line_break_of_its_own_is_found_in_running_text() {
        let text = "普京表示，北約東擴威脅俄羅斯安全。";
        let found = find_quote(text, "北約東擴\n威脅俄羅斯安全");
        assert_eq!(&text[found[0].clone()], "北約東擴威脅俄羅斯安全");
    }

    #[test]
    fn cjk_text_maps_back_on_character_boundaries() {
        let text = "拜登：美國 不會 向烏克蘭派兵";
        let found = find_quote(text, "美國不會");
        assert_eq!(&text[found[0].clone()], "美國 不會");
        assert!(text.is_char_boundary(found[0].start) && text.is_char_boundary(found[0].end));
    }

    #[test]
    fn a_quote_occurring_twice_is_reported_at_both_places_first_first() {
        let text = "紅線。他說紅線。";
        let found = find_quote(text, "紅線");
        assert_eq!(found, vec![0..6, 15..21]);
    }

    #[test]
    fn missing_and_blank_quotes_are_not_found() {
        assert!(find_quote("abc", "xyz").is_empty());
        assert!(find_quote("abc", " \n ").is_empty());
        assert!(find_quote("", "abc").is_empty());
    }

    #[test]
    fn many_quotes_are_found_in_one_pass_each_under_its_key() {
        let text = Normalised::new("one two three two");
        let finder = QuoteFinder::new([(1, "two"), (2, "three"), (3, "four"), (4, "two three")]);
        let found: Vec<(i32, Range<usize>)> = finder.find(&text);
        assert_eq!(found, vec![(1, 4..7), (4, 4..13), (2, 8..13), (1, 14..17)]);
    }
}
