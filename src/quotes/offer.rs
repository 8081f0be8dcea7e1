//! Which actor the coding form offers for a selected quote. News text names the speaker and a
//! verb of saying next to the name ("普京強調…", "拜登稱…", "Putin said…"), either just before
//! the quote or at the start of the selected sentence; the country or alliance the quote talks
//! about is usually named too, and must not be offered instead.

use super::mentions::Mention;
use crate::model::ActorId;
use std::ops::Range;

/// Verbs of saying, in Traditional and Simplified Chinese and in English. A name followed by
/// one of these in the same clause is taken for a speaker.
const SPEECH_VERBS: &[&str] = &[
    "說", "説", "说", "表示", "強調", "强调", "指出", "稱", "称", "認為", "认为", "警告", "指責",
    "指责", "回應", "回应", "宣布", "宣佈", "聲稱", "声称", "透露", "重申", "呼籲", "呼吁", "批評",
    "批评", "承認", "承认", "否認", "否认", "補充", "补充", "坦言", "直言", "談到", "谈到", "said",
    "says", "say", "stated", "stressed", "argued", "warned", "told", "added", "insisted", "noted",
    "claimed", "believes", "thinks",
];

/// Characters that end a clause: the verb of a speaker must come before the next of these.
const CLAUSE_ENDS: &[char] = &[
    ',', '，', '、', '.', '。', ';', '；', ':', '：', '!', '！', '?', '？', '\n',
];

/// Characters that end a sentence.
const SENTENCE_ENDS: &[char] = &['.', '。', '!', '！', '?', '？', '\n'];

/// How far after a name its verb of saying may stand, in characters ("普京在俄外交部委員會擴
/// 大會議上表示" puts thirteen between them).
const MAX_VERB_DISTANCE: usize = 24;

/// The actor to offer for the quote at `selection` of `text`, whose actor mentions (in text
/// order) are `mentions`. In order of preference:
/// 1. a speaker named in the selection's first sentence ("對此,普京強調,…" selected whole);
/// 2. the last speaker named before it in its paragraph ("…普京強調,…。因此,俄羅斯希望…"
///    with the second sentence selected: Putin, not Russia or NATO);
/// 3. the first actor named inside it (a sentence whose subject is an actor: "俄方希望…");
/// 4. the actor named nearest before it in its paragraph;
/// 5. the actor named nearest before it in an earlier paragraph.
pub fn offered_actor(text: &str, mentions: &[Mention], selection: Range<usize>) -> Option<ActorId> {
    let paragraph = paragraph_start(text, selection.start);
    let first_sentence_end = sentence_end(text, selection.start).min(selection.end);
    let speaks = |m: &&Mention| is_speaker(text, m);
    let in_first_sentence = mentions
        .iter()
        .filter(|m| m.range.start >= selection.start && m.range.start < first_sentence_end)
        .find(speaks);
    let before: Vec<&Mention> = mentions
        .iter()
        .take_while(|m| m.range.start < selection.start)
        .collect();
    let before_in_paragraph = || {
        before
            .iter()
            .rev()
            .take_while(|m| m.range.start >= paragraph)
    };
    let speaker_before = || before_in_paragraph().find(|m| is_speaker(text, m)).copied();
    let nearest_before = || before_in_paragraph().next().copied();
    let inside = || {
        mentions
            .iter()
            .find(|m| m.range.start >= selection.start && m.range.end <= selection.end)
    };
    in_first_sentence
        .or_else(speaker_before)
        .or_else(inside)
        .or_else(nearest_before)
        .or_else(|| before.last().copied())
        .map(|m| m.actor)
}

/// Where the paragraph (or line) holding byte `at` of `text` starts.
fn paragraph_start(text: &str, at: usize) -> usize {
    text.get(..at)
        .and_then(|head| head.rfind('\n'))
        .map_or(0, |newline| newline + 1)
}

/// Where the sentence that starts at byte `from` of `text` ends (the end of the text if no
/// sentence end follows).
fn sentence_end(text: &str, from: usize) -> usize {
    text.get(from..)
        .and_then(|rest| rest.find(SENTENCE_ENDS))
        .map_or(text.len(), |end| from + end)
}

/// Whether the name at `mention` is followed, in its clause and within
/// [`MAX_VERB_DISTANCE`] characters, by a verb of saying.
fn is_speaker(text: &str, mention: &Mention) -> bool {
    let Some(after) = text.get(mention.range.end..) else {
        return false;
    };
    let clause = after.find(CLAUSE_ENDS).map_or(after, |end| &after[..end]);
    let reach = clause
        .char_indices()
        .nth(MAX_VERB_DISTANCE)
        .map_or(clause, |(cut, _)| &clause[..cut]);
    SPEECH_VERBS.iter().any(|verb| contains_word(reach, verb))
}

/// Whether `haystack` holds `verb`; a Latin verb only as a whole word ("says", not
/// "essays").
fn contains_word(haystack: &str, verb: &str) -> bool {
    if !verb.is_ascii() {
        return haystack.contains(verb);
    }
    haystack.match_indices(verb).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + verb.len()..].chars().next();
        let wordy = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        !wordy(before) && !wordy(after)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::MentionFinder;

    const PUTIN: ActorId = ActorId(1);
    const BIDEN: ActorId = ActorId(2);
    const US: ActorId = ActorId(3);
    const NATO: ActorId = ActorId(4);
    const RUSSIA: ActorId = ActorId(5);

    fn offer(text: &str, quote: &str) -> Option<ActorId> {
        let finder = MentionFinder::new([
            (PUTIN, "Vladimir Putin"),
            (PUTIN, "Putin"),
            (PUTIN, "普京"),
            (BIDEN, "拜登"),
            (BIDEN, "Biden"),
            (US, "美國"),
            (US, "US"),
            (NATO, "北約"),
            (RUSSIA, "俄羅斯"),
        ]);
        let start = text.find(quote).expect("the quote is in the text");
        offered_actor(text, &finder.find(text), start..start + quote.len())
    }

    /// The paragraph of the example's article that its first stances quote.
    const CALL: &str = "據俄媒報道,雙方重點討論了近期不斷升温的烏克蘭局勢。拜登指責俄羅斯在烏克蘭周邊增加\
        軍事部署,並明確表示,如果出現軍事升級,美國與盟友將採取強有力的經濟和其他措施做出回應。\
        對此,普京強調,不應將烏克蘭東部局勢升級的責任歸咎於俄羅斯,烏東局勢升級主要是因為北約正試圖\
        “征服”烏領土。因此,俄羅斯希望獲得可靠的法律保證,以防止北約進一步東擴。";

    #[test]
    fn the_speaker_before_the_quote_is_offered_not_the_country_it_names() {
        assert_eq!(
            offer(CALL, "因此,俄羅斯希望獲得可靠的法律保證"),
            Some(PUTIN)
        );
    }

    #[test]
    fn a_speaker_at_the_start_of_the_selection_is_offered() {
        assert_eq!(
            offer(CALL, "對此,普京強調,不應將烏克蘭東部局勢升級"),
            Some(PUTIN)
        );
        assert_eq!(
            offer(CALL, "拜登指責俄羅斯在烏克蘭周邊增加軍事部署"),
            Some(BIDEN)
        );
    }

    #[test]
    fn a_verb_of_saying_may_stand_a_few_words_after_the_name() {
        let text = "此前,普京在俄外交部委員會擴大會議上表示,俄當前外交要務是得到安全保證。";
        assert_eq!(offer(text, "俄當前外交要務是得到安全保證"), Some(PUTIN));
    }

    #[test]
    fn without_a_speaker_one_named_inside_then_the_nearest_before_is_offered() {
        let text = "美國在會上。拜登與普京會晤,美國不會派兵";
        assert_eq!(offer(text, "美國不會派兵"), Some(US));
        let text = "美國在會上。拜登與普京會晤,不會派兵";
        assert_eq!(offer(text, "不會派兵"), Some(PUTIN));
        let text = "Talks went on. Biden and Putin met";
        assert_eq!(offer(text, "Talks went on"), None);
        assert_eq!(offer(text, "Biden and Putin met"), Some(BIDEN));
    }

    #[test]
    fn a_name_from_an_earlier_paragraph_comes_last() {
        let text = "美國表示關注。\n普京與拜登會晤";
        assert_eq!(
            paragraph_start(text, text.find("普京").unwrap()),
            text.find("普京").unwrap()
        );
        assert_eq!(offer(text, "普京與拜登會晤"), Some(PUTIN));
        let text = "美國表示關注。\n會晤持續兩小時";
        assert_eq!(offer(text, "會晤持續兩小時"), Some(US));
    }

    #[test]
    fn latin_verbs_count_only_as_whole_words() {
        let text = "Putin essays a reply. The talks will go on";
        assert_eq!(offer(text, "The talks will go on"), Some(PUTIN));
        let text = "US officials met. Putin said the talks will go on";
        assert_eq!(offer(text, "the talks will go on"), Some(PUTIN));
        assert!(is_speaker(
            "Putin said",
            &Mention {
                range: 0..5,
                actor: PUTIN
            }
        ));
        assert!(!is_speaker(
            "Putin essays",
            &Mention {
                range: 0..5,
                actor: PUTIN
            }
        ));
    }

    #[test]
    fn on_the_example_article_the_coded_actor_is_offered_for_most_stances() {
        use crate::quotes::find_quote;
        let map = crate::example::example_map().unwrap();
        let source = map.sources().find(|s| s.text.is_some()).unwrap();
        let text = source.text.as_deref().unwrap();
        let mentions = MentionFinder::for_map(&map).find(text);
        let stances: Vec<_> = map
            .stances()
            .filter(|s| s.source == Some(source.id))
            .collect();
        let right = stances
            .iter()
            .filter(|stance| {
                let range = find_quote(text, &stance.quote).into_iter().next().unwrap();
                offered_actor(text, &mentions, range) == Some(stance.actor)
            })
            .count();
        // 23 of 44 with this rule; the actor named nearest before the quote gave 6, the
        // nearest in the quote's paragraph 13. Most of the rest are the article's own summary
        // points (Xinhua speaks, nobody is named) and countries quoted through their
        // spokespeople.
        assert_eq!(stances.len(), 44);
        assert!(
            right >= 23,
            "the coded actor was offered for only {right} of 44 stances"
        );
    }
}
