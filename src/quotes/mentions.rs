//! Where a text names the map's actors, by name or alias (普京 is Vladimir Putin), so the reader
//! can mark them and the coding form can offer the actor the text is talking about.

use crate::model::{ActorId, Map};
use aho_corasick::{AhoCorasick, MatchKind};
use std::ops::Range;

/// One place a text names an actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The byte range of the name in the text.
    pub range: Range<usize>,
    /// The actor named.
    pub actor: ActorId,
}

/// Finds every actor's names and aliases in texts.
#[derive(Debug, Clone)]
pub struct MentionFinder {
    /// The actor of each pattern, in pattern order.
    actors: Vec<ActorId>,
    automaton: Option<AhoCorasick>,
}

impl MentionFinder {
    /// A finder for the names and aliases of every actor in `map`.
    pub fn for_map(map: &Map) -> Self {
        Self::new(map.actors().flat_map(|actor| {
            std::iter::once(actor.name.as_str())
                .chain(actor.aliases.iter().map(String::as_str))
                .map(move |name| (actor.id, name))
        }))
    }

    /// A finder for the given (actor, name) pairs; blank names are left out.
    pub fn new<'a>(names: impl IntoIterator<Item = (ActorId, &'a str)>) -> Self {
        let mut actors = Vec::new();
        let mut patterns = Vec::new();
        for (actor, name) in names {
            let name = name.trim();
            if !name.is_empty() {
                actors.push(actor);
                patterns.push(name.to_owned());
            }
        }
        // Leftmost-longest: "Vladimir Putin" wins over "Putin" where both match.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok();
        MentionFinder { actors, automaton }
    }

    /// Every mention in `text`, in order, none overlapping. A Latin name only counts as a
    /// whole word ("US" is not found in "thus"); CJK names, written without spaces, count
    /// wherever they occur.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        automaton
            .find_iter(text)
            .filter(|m| whole_word(text, m.range()))
            .filter_map(|m| {
                Some(Mention {
                    range: m.range(),
                    actor: *self.actors.get(m.pattern().as_usize())?,
                })
            })
            .collect()
    }
}

/// Whether the match at `range` does not continue a Latin word on either side.
fn whole_word(text: &str, range: Range<usize>) -> bool {
    let wordy = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let (Some(before), Some(after)) = (text.get(..range.start), text.get(range.end..)) else {
        return false;
    };
    let (Some(name), first, last) = (
        text.get(range.clone()),
        before.chars().next_back(),
        after.chars().next(),
    ) else {
        return false;
    };
    let starts_wordy = wordy(name.chars().next());
    let ends_wordy = wordy(name.chars().next_back());
    let joins_before = starts_wordy && wordy(first);
    let joins_after = ends_wordy && wordy(last);
    !(joins_before || joins_after)
}

/// The actor to offer for a quote at `selection` in a paragraph that starts at byte
/// `paragraph_start`: the one named nearest before it in its paragraph (news text names the
/// speaker, then quotes them: "普京說,俄方需要…"), else the first one named inside it (a
/// selection that names its own subject), else the one named nearest before it in an earlier
/// paragraph. `mentions` are in text order.
pub fn offered_actor(
    mentions: &[Mention],
    selection: Range<usize>,
    paragraph_start: usize,
) -> Option<ActorId> {
    let before = mentions
        .iter()
        .take_while(|m| m.range.start < selection.start)
        .last();
    let in_paragraph = before.filter(|m| m.range.start >= paragraph_start);
    let inside = || {
        mentions
            .iter()
            .find(|m| m.range.start >= selection.start && m.range.end <= selection.end)
    };
    in_paragraph.or_else(inside).or(before).map(|m| m.actor)
}

/// Where the paragraph (or line) holding byte `at` of `text` starts.
pub fn paragraph_start(text: &str, at: usize) -> usize {
    text.get(..at)
        .and_then(|head| head.rfind('\n'))
        .map_or(0, |newline| newline + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PUTIN: ActorId = ActorId(1);
    const BIDEN: ActorId = ActorId(2);
    const US: ActorId = ActorId(3);

    fn finder() -> MentionFinder {
        MentionFinder::new([
            (PUTIN, "Vladimir Putin"),
            (PUTIN, "Putin"),
            (PUTIN, "普京"),
            (BIDEN, "拜登"),
            (US, "US"),
            (US, "美國"),
            (US, " "),
        ])
    }

    #[test]
    fn aliases_name_their_actor() {
        let text = "普京與拜登會晤，美國表示";
        let found = finder().find(text);
        let actors: Vec<ActorId> = found.iter().map(|m| m.actor).collect();
        assert_eq!(actors, vec![PUTIN, BIDEN, US]);
        assert_eq!(&text[found[0].range.clone()], "普京");
    }

    #[test]
    fn the_longest_name_wins() {
        let text = "Vladimir Putin met Putin's aides";
        let found = finder().find(text);
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].range.clone()], "Vladimir Putin");
        assert_eq!(&text[found[1].range.clone()], "Putin");
    }

    #[test]
    fn latin_names_only_count_as_whole_words() {
        let found = finder().find("thus USA said the US would");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].range, 18..20);
    }

    #[test]
    fn the_actor_named_nearest_before_a_selection_is_offered_else_one_inside() {
        let text = "普京說，拜登稱美國不會派兵，他還說";
        let mentions = finder().find(text);
        // The speaker named before the quote, not the country the quote speaks of.
        let quote = text.find("美國").unwrap();
        assert_eq!(offered_actor(&mentions, quote..text.len(), 0), Some(BIDEN));
        let after = text.find("他").unwrap();
        assert_eq!(offered_actor(&mentions, after..text.len(), 0), Some(US));
        // Nobody named before: the first actor named inside.
        let at_biden = text.find("拜登").unwrap();
        assert_eq!(offered_actor(&mentions, 0..at_biden, 0), Some(PUTIN));
        assert_eq!(offered_actor(&[], 0..3, 0), None);
    }

    #[test]
    fn a_selection_naming_its_own_subject_beats_a_name_from_an_earlier_paragraph() {
        let text = "美國表示關注。\n普京與拜登會晤，普京說";
        let mentions = finder().find(text);
        let start = text.find("普京").unwrap();
        let selection = start..text.len();
        assert_eq!(paragraph_start(text, start), start);
        assert_eq!(
            offered_actor(&mentions, selection.clone(), start),
            Some(PUTIN),
            "named inside the selection, not the US of the paragraph before"
        );
        // With nobody named inside, the earlier paragraph's actor is still offered.
        let tail = text.find("說").unwrap();
        let quiet = finder().find(&text[..tail]);
        assert_eq!(
            offered_actor(&quiet[..1], tail..text.len(), start),
            Some(US)
        );
    }
}
