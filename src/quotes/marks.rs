//! What the reader marks in one source's text: each stance quoting it, where its quote is, and
//! each actor's mentions; and, over the whole map, the quotes their source's text lacks.

use super::find::QuoteFinder;
use super::mentions::{Mention, MentionFinder};
use super::normalised::Normalised;
use crate::model::{Map, Position, SourceId, StanceId};
use std::collections::BTreeMap;
use std::ops::Range;

/// A stance's quote, found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    /// The byte range of the quote in the text.
    pub range: Range<usize>,
    /// The stance quoting it.
    pub stance: StanceId,
    /// The stance's position, which colours the highlight.
    pub position: Position,
}

/// The highlights and mentions of one source's text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    /// Every found quote of a stance citing the source, in text order (a quote occurring
    /// twice is highlighted twice).
    pub highlights: Vec<Highlight>,
    /// Every mention of an actor, in text order.
    pub mentions: Vec<Mention>,
}

impl Marks {
    /// The marks of `source`'s text in `map`; empty when it has no text.
    pub fn for_source(map: &Map, source: SourceId) -> Marks {
        let Some(text) = map.source(source).and_then(|s| s.text.as_deref()) else {
            return Marks::default();
        };
        let positions: BTreeMap<StanceId, Position> = map
            .stances_citing(source)
            .map(|s| (s.id, s.position))
            .collect();
        let finder = QuoteFinder::new(map.stances_citing(source).map(|s| (s.id, s.quote.as_str())));
        let highlights = finder
            .find(&Normalised::new(text))
            .into_iter()
            .filter_map(|(stance, range)| {
                Some(Highlight {
                    range,
                    stance,
                    position: *positions.get(&stance)?,
                })
            })
            .collect();
        Marks {
            highlights,
            mentions: MentionFinder::for_map(map).find(text),
        }
    }

    /// Where the stance's quote first occurs, if it was found.
    pub fn first_of(&self, stance: StanceId) -> Option<Range<usize>> {
        self.highlights
            .iter()
            .find(|h| h.stance == stance)
            .map(|h| h.range.clone())
    }
}

/// The stances with a quote and a source that has a text, whose quote is not in that text
/// (it was edited, or the text was), in map order.
pub fn missing_quotes(map: &Map) -> Vec<StanceId> {
    let mut missing = Vec::new();
    for source in map.sources() {
        let Some(text) = source.text.as_deref() else {
            continue;
        };
        let quoting: Vec<(StanceId, &str)> = map
            .stances_citing(source.id)
            .filter(|s| !s.quote.trim().is_empty())
            .map(|s| (s.id, s.quote.as_str()))
            .collect();
        if quoting.is_empty() {
            continue;
        }
        let found: std::collections::BTreeSet<StanceId> = QuoteFinder::new(quoting.iter().copied())
            .find(&Normalised::new(text))
            .into_iter()
            .map(|(stance, _)| stance)
            .collect();
        missing.extend(
            quoting
                .iter()
                .map(|(s, _)| *s)
                .filter(|s| !found.contains(s)),
        );
    }
    missing.sort();
    missing
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::example_map;
    use crate::model::Edit;

    #[test]
    fn every_stance_of_the_example_map_is_found_in_its_article() {
        let map = example_map().unwrap();
        let source = map.sources().next().unwrap().id;
        let marks = Marks::for_source(&map, source);
        for stance in map.stances() {
            let range = marks.first_of(stance.id);
            assert!(range.is_some(), "quote of {} not found", stance.id);
        }
        assert_eq!(map.stances().len(), 44);
        assert!(missing_quotes(&map).is_empty());
    }

    #[test]
    fn the_example_article_names_putin_by_his_chinese_name() {
        let map = example_map().unwrap();
        let source = map.sources().next().unwrap();
        let putin = map
            .actors()
            .find(|a| a.name == "Vladimir Putin")
            .unwrap()
            .id;
        let marks = Marks::for_source(&map, source.id);
        let text = source.text.as_deref().unwrap();
        let named = marks.mentions.iter().find(|m| m.actor == putin).unwrap();
        assert_eq!(&text[named.range.clone()], "普京");
    }

    #[test]
    fn an_edited_quote_is_missing_from_its_source() {
        let mut map = example_map().unwrap();
        let mut stance = map.stances().next().unwrap().clone();
        stance.quote.push_str("（不在原文中）");
        let id = stance.id;
        map.apply(Edit::UpdateStance(stance)).unwrap();
        assert_eq!(missing_quotes(&map), vec![id]);
    }
}
