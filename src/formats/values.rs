//! Reading the values other programs write: positions in their many codings, dates in the
//! usual spellings, actor kinds, confidence levels and relation kinds. Each reader says what
//! it expected when it cannot read a value.

use crate::model::{ActorKind, Confidence, Date, Position, RelationKind};

/// How numbers in a position column are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberScale {
    /// −2 (strongly opposes) to +2 (strongly supports), stancemap's own.
    Signed,
    /// 1 (strongly opposes) to 5 (strongly supports), as on a Likert scale.
    OneToFive,
    /// 1 agrees, 0 disagrees, as Discourse Network Analyzer's agreement qualifier.
    Binary,
}

impl NumberScale {
    /// The scale in words, for the import's notes.
    pub fn describe(self) -> &'static str {
        match self {
            NumberScale::Signed => {
                "numbers read from −2 (strongly opposes) to +2 (strongly supports)"
            }
            NumberScale::OneToFive => {
                "numbers read from 1 (strongly opposes) through 3 (neutral) to 5 (strongly \
                 supports)"
            }
            NumberScale::Binary => "numbers read as agreement: 1 supports, 0 opposes",
        }
    }
}

/// A position cell as a number, if it is one (`+1`, `-2`, `3`, `4.0`).
fn as_number(text: &str) -> Option<(i64, bool)> {
    let text = text.trim();
    let signed = text.starts_with('+') || text.starts_with('-') || text.starts_with('−');
    let plain = text.replace('−', "-");
    let plain = plain.strip_prefix('+').unwrap_or(&plain);
    let value: f64 = plain.parse().ok()?;
    (value.fract() == 0.0 && value.abs() < 1e6).then_some((value as i64, signed))
}

/// The scale the numbers among `cells` are on, judged from all of them together: negative or
/// signed numbers mean −2…+2; only 0 and 1 mean agreement; anything from 3 up on a column
/// without 0 means 1…5. `None` when no cell is a number.
pub fn number_scale<'a>(cells: impl IntoIterator<Item = &'a str>) -> Option<NumberScale> {
    let (mut any, mut signed, mut zero, mut high, mut only_binary) =
        (false, false, false, false, true);
    for (value, has_sign) in cells.into_iter().filter_map(as_number) {
        any = true;
        signed |= has_sign;
        zero |= value == 0;
        high |= value >= 3;
        only_binary &= value == 0 || value == 1;
    }
    if !any {
        return None;
    }
    Some(if signed {
        NumberScale::Signed
    } else if only_binary {
        NumberScale::Binary
    } else if high && !zero {
        NumberScale::OneToFive
    } else {
        NumberScale::Signed
    })
}

/// What position words and numbers are accepted, for messages.
const POSITION_HINT: &str = "expected a position such as “supports”, “strongly opposes”, \
     “neutral”, “ambivalent”, agree/disagree, yes/no, or a number on −2…+2 or 1…5";

/// Reads a position: stancemap's names (“strongly supports”, `StronglySupports`), common
/// words (agree/disagree, yes/no, for/against, pro/con, +/−) or a number on `scale`.
pub fn parse_position(text: &str, scale: Option<NumberScale>) -> Result<Position, String> {
    if let Some((value, _)) = as_number(text) {
        let scale = scale.unwrap_or(NumberScale::Signed);
        let position = match (scale, value) {
            (NumberScale::Signed, -2) | (NumberScale::OneToFive, 1) => {
                Some(Position::StronglyOpposes)
            }
            (NumberScale::Signed, -1) | (NumberScale::OneToFive, 2) | (NumberScale::Binary, 0) => {
                Some(Position::Opposes)
            }
            (NumberScale::Signed, 0) | (NumberScale::OneToFive, 3) => Some(Position::Neutral),
            (NumberScale::Signed, 1) | (NumberScale::OneToFive, 4) | (NumberScale::Binary, 1) => {
                Some(Position::Supports)
            }
            (NumberScale::Signed, 2) | (NumberScale::OneToFive, 5) => {
                Some(Position::StronglySupports)
            }
            _ => None,
        };
        return position.ok_or_else(|| {
            format!(
                "position “{}” is off the scale: {}",
                text.trim(),
                scale.describe()
            )
        });
    }
    let key: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '.'))
        .flat_map(char::to_lowercase)
        .collect();
    let position = match key.as_str() {
        "stronglysupports" | "stronglysupport" | "stronglyagree" | "stronglyagrees"
        | "stronglyfor" | "++" | "強烈支持" | "强烈支持" => Position::StronglySupports,
        "supports" | "support" | "supporting" | "agree" | "agrees" | "agreement" | "yes" | "y"
        | "for" | "pro" | "true" | "+" | "positive" | "支持" | "贊成" | "赞成" => {
            Position::Supports
        }
        "neutral" | "neither" | "neitheragreenordisagree" | "undecided" | "中立" => {
            Position::Neutral
        }
        "ambivalent" | "mixed" | "conditional" | "ambiguous" | "矛盾" => Position::Ambivalent,
        "opposes" | "oppose" | "opposing" | "disagree" | "disagrees" | "no" | "n" | "against"
        | "con" | "false" | "−" | "negative" | "反對" | "反对" => Position::Opposes,
        "stronglyopposes" | "stronglyoppose" | "stronglydisagree" | "stronglydisagrees"
        | "stronglyagainst" | "−−" | "強烈反對" | "强烈反对" => {
            Position::StronglyOpposes
        }
        "" => return Err(format!("the position is empty; {POSITION_HINT}")),
        _ if text.trim() == "-" => Position::Opposes,
        _ if text.trim() == "--" => Position::StronglyOpposes,
        _ => {
            return Err(format!(
                "“{}” is not a position; {POSITION_HINT}",
                text.trim()
            ));
        }
    };
    Ok(position)
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_number(word: &str) -> Option<i8> {
    let word = word.trim_end_matches('.').to_lowercase();
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&word) && (word.len() >= 3))
        .and_then(|i| i8::try_from(i + 1).ok())
}

fn make_date(year: i64, month: i64, day: i64, text: &str) -> Result<Date, String> {
    let fits = |v: i64, lo: i64, hi: i64| (lo..=hi).contains(&v);
    if !fits(year, 1, 9999) || !fits(month, 1, 12) || !fits(day, 1, 31) {
        return Err(format!("“{text}” is not a date; {DATE_HINT}"));
    }
    Date::new(year as i16, month as i8, day as i8)
        .map_err(|_| format!("“{text}” is not a day of the calendar; {DATE_HINT}"))
}

const DATE_HINT: &str = "write dates as YYYY-MM-DD, e.g. 2021-12-07";

/// Reads a date: `2021-12-07` (also with a time after it, as DNA and spreadsheets write
/// it), `2021/12/07`, `07.12.2021`, `7 December 2021`, `Dec 7, 2021`, or `7/12/2021` when the
/// day is above 12 (otherwise day and month could be either way round, and the error says so).
pub fn parse_date(text: &str) -> Result<Date, String> {
    let trimmed = text.trim();
    // Drop a time of day: "2021-12-07 10:00:00", "2021-12-07T10:00".
    let date_part = trimmed
        .split(['T', ' '])
        .next()
        .filter(|first| first.len() >= 8 && first.chars().any(|c| c.is_ascii_digit()))
        .filter(|first| first.contains(['-', '/', '.']))
        .unwrap_or(trimmed);
    let numbers: Vec<&str> = date_part.split(['-', '/', '.']).collect();
    if numbers.len() == 3
        && numbers
            .iter()
            .all(|n| n.chars().all(|c| c.is_ascii_digit()))
    {
        let parsed: Vec<i64> = numbers.iter().filter_map(|n| n.parse().ok()).collect();
        if let [a, b, c] = parsed[..] {
            let first_is_year = numbers.first().is_some_and(|n| n.len() == 4);
            if first_is_year {
                return make_date(a, b, c, trimmed);
            }
            let separator_is_dot = date_part.contains('.');
            if separator_is_dot {
                return make_date(c, b, a, trimmed);
            }
            // d/m/y or m/d/y: only certain when one of the two is above 12.
            return match (a > 12, b > 12) {
                (true, false) => make_date(c, b, a, trimmed),
                (false, true) => make_date(c, a, b, trimmed),
                _ => Err(format!(
                    "“{trimmed}” could be day/month or month/day; {DATE_HINT}"
                )),
            };
        }
    }
    // Words: "7 December 2021", "December 7, 2021", "Dec. 7 2021".
    let words: Vec<&str> = trimmed
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if let [x, y, z] = words[..] {
        let number = |w: &str| w.trim_end_matches('.').parse::<i64>().ok();
        if let (Some(day), Some(month), Some(year)) = (number(x), month_number(y), number(z)) {
            return make_date(year, i64::from(month), day, trimmed);
        }
        if let (Some(month), Some(day), Some(year)) = (month_number(x), number(y), number(z)) {
            return make_date(year, i64::from(month), day, trimmed);
        }
    }
    Err(format!("“{trimmed}” is not a date; {DATE_HINT}"))
}

/// Reads an actor kind: person, state, organisation (or organization), bloc, expert, media,
/// other, and a few common synonyms.
pub fn parse_actor_kind(text: &str) -> Result<ActorKind, String> {
    let key: String = text.trim().to_lowercase().replace([' ', '_', '-'], "");
    let kind = match key.as_str() {
        "person" | "people" | "individual" | "politician" | "official" => ActorKind::Person,
        "state" | "country" | "government" | "nation" => ActorKind::State,
        "organisation" | "organization" | "org" | "institution" | "party" | "company" | "ngo"
        | "thinktank" => ActorKind::Organisation,
        "bloc" | "alliance" | "coalition" => ActorKind::Bloc,
        "expert" | "analyst" | "scholar" | "academic" => ActorKind::Expert,
        "media" | "newspaper" | "outlet" | "press" => ActorKind::Media,
        "other" => ActorKind::Other,
        _ => {
            return Err(format!(
                "“{}” is not an actor kind; expected person, state, organisation, bloc, \
                 expert, media or other",
                text.trim()
            ));
        }
    };
    Ok(kind)
}

/// Reads a confidence level: low, medium or high (or 1, 2, 3).
pub fn parse_confidence(text: &str) -> Result<Confidence, String> {
    match text.trim().to_lowercase().as_str() {
        "low" | "l" | "1" => Ok(Confidence::Low),
        "medium" | "m" | "mid" | "2" => Ok(Confidence::Medium),
        "high" | "h" | "3" => Ok(Confidence::High),
        _ => Err(format!(
            "“{}” is not a confidence level; expected low, medium or high",
            text.trim()
        )),
    }
}

/// Reads a relation kind: supports or attacks (and support/attack, pro/con, +/−).
pub fn parse_relation_kind(text: &str) -> Result<RelationKind, String> {
    match text.trim().to_lowercase().as_str() {
        "supports" | "support" | "supporting" | "pro" | "+" | "ra" => Ok(RelationKind::Supports),
        "attacks" | "attack" | "attacking" | "con" | "-" | "−" | "ca" | "rebuts" => {
            Ok(RelationKind::Attacks)
        }
        _ => Err(format!(
            "“{}” is not a relation; expected supports or attacks",
            text.trim()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_accept_names_words_and_numbers() {
        let p = |t: &str| parse_position(t, None).unwrap();
        assert_eq!(p("StronglySupports"), Position::StronglySupports);
        assert_eq!(p("strongly supports"), Position::StronglySupports);
        assert_eq!(p("Agree"), Position::Supports);
        assert_eq!(p("no"), Position::Opposes);
        assert_eq!(p("Strongly disagree"), Position::StronglyOpposes);
        assert_eq!(p("反對"), Position::Opposes);
        assert_eq!(p("-2"), Position::StronglyOpposes);
        assert_eq!(p("+1"), Position::Supports);
        let likert = Some(NumberScale::OneToFive);
        assert_eq!(
            parse_position("5", likert).unwrap(),
            Position::StronglySupports
        );
        assert_eq!(parse_position("3", likert).unwrap(), Position::Neutral);
        assert_eq!(
            parse_position("0", Some(NumberScale::Binary)).unwrap(),
            Position::Opposes
        );
        let err = parse_position("7", likert).unwrap_err();
        assert!(err.contains("off the scale"), "{err}");
        let err = parse_position("maybe", None).unwrap_err();
        assert!(
            err.contains("not a position") && err.contains("agree/disagree"),
            "{err}"
        );
    }

    #[test]
    fn the_scale_is_judged_from_the_whole_column() {
        assert_eq!(number_scale(["1", "0", "1"]), Some(NumberScale::Binary));
        assert_eq!(number_scale(["1", "5", "3"]), Some(NumberScale::OneToFive));
        assert_eq!(number_scale(["-1", "2"]), Some(NumberScale::Signed));
        assert_eq!(number_scale(["0", "2", "1"]), Some(NumberScale::Signed));
        assert_eq!(number_scale(["+1", "1"]), Some(NumberScale::Signed));
        assert_eq!(number_scale(["agree"]), None);
    }

    #[test]
    fn dates_in_the_usual_spellings() {
        let d = |t: &str| parse_date(t).unwrap().to_string();
        for text in [
            "2021-12-07",
            "2021-12-07 10:30:00",
            "2021-12-07T10:30",
            "2021/12/07",
            "07.12.2021",
            "7 December 2021",
            "Dec 7, 2021",
            "December 7 2021",
            "7/12/2021".replace("7/12", "13/12").as_str(),
        ] {
            let expected = if text.starts_with("13") {
                "2021-12-13"
            } else {
                "2021-12-07"
            };
            assert_eq!(d(text), expected, "{text}");
        }
        assert!(parse_date("3/4/2021").unwrap_err().contains("day/month"));
        assert!(parse_date("2021-02-30").unwrap_err().contains("calendar"));
        assert!(parse_date("soon").unwrap_err().contains("YYYY-MM-DD"));
    }

    #[test]
    fn kinds_confidence_and_relations() {
        assert_eq!(
            parse_actor_kind("Organization").unwrap(),
            ActorKind::Organisation
        );
        assert_eq!(parse_actor_kind("state").unwrap(), ActorKind::State);
        assert!(
            parse_actor_kind("robot")
                .unwrap_err()
                .contains("expected person")
        );
        assert_eq!(parse_confidence("High").unwrap(), Confidence::High);
        assert_eq!(
            parse_relation_kind("attacks").unwrap(),
            RelationKind::Attacks
        );
        assert!(parse_relation_kind("likes").is_err());
    }
}
