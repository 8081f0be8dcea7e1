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
}
