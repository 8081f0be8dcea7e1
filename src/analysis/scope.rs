//! Which stances an analysis counts: all of them, or those on some claims, or those dated
//! within a range. A stance's date is its own, or failing that its source's.

use crate::model::{ActorId, ClaimId, Date, Map, Polarity, Stance, StanceId};
use std::collections::{BTreeMap, BTreeSet};

/// A subset of a map's stances.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StanceScope {
    /// Only stances on these claims (all claims when `None`).
    pub claims: Option<BTreeSet<ClaimId>>,
    /// Only stances dated on or after this day.
    pub from: Option<Date>,
    /// Only stances dated on or before this day.
    pub to: Option<Date>,
}

impl StanceScope {
    /// Every stance.
    pub fn all() -> Self {
        StanceScope::default()
    }

    /// Whether a date range is set (undated stances then do not count).
    pub fn has_dates(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    /// Whether a stance counts.
    pub fn includes(&self, map: &Map, stance: &Stance) -> bool {
        if let Some(claims) = &self.claims
            && !claims.contains(&stance.claim)
        {
            return false;
        }
        if self.has_dates() {
            return date_in_range(stance_date(map, stance), self.from, self.to);
        }
        true
    }
}

/// Whether a date lies within an optional range; no date lies in no range.
pub fn date_in_range(date: Option<Date>, from: Option<Date>, to: Option<Date>) -> bool {
    let Some(date) = date else {
        return false;
    };
    from.is_none_or(|f| date >= f) && to.is_none_or(|t| date <= t)
}

/// When a stance was taken: its own date, else its source's.
pub fn stance_date(map: &Map, stance: &Stance) -> Option<Date> {
    stance.date.or_else(|| {
        stance
            .source
            .and_then(|s| map.source(s))
            .and_then(|s| s.date)
    })
}

/// An actor's position on a claim, summed up over the stances that count.
#[derive(Debug, Clone, PartialEq)]
pub struct Held {
    /// The stances behind it, sorted by id.
    pub stances: Vec<StanceId>,
    /// Mean score of those stances, -2 (strongly opposes) to 2 (strongly supports).
    pub mean_score: f32,
    /// Whether the stances disagree among themselves (some for, some against).
    pub mixed: bool,
}

impl Held {
    /// For, against or neither, by the sign of the mean score.
    pub fn polarity(&self) -> Polarity {
        if self.mean_score > 0.0 {
            Polarity::Support
        } else if self.mean_score < 0.0 {
            Polarity::Oppose
        } else {
            Polarity::Neutral
        }
    }
}

/// Stances of one actor on one claim, as they are summed up.
#[derive(Default)]
struct Tally {
    stances: Vec<StanceId>,
    score_sum: i32,
    any_for: bool,
    any_against: bool,
}

/// Every (actor, claim) pair with at least one stance in scope, and what the actor holds.
pub fn held_positions(map: &Map, scope: &StanceScope) -> BTreeMap<(ActorId, ClaimId), Held> {
    let mut tallies: BTreeMap<(ActorId, ClaimId), Tally> = BTreeMap::new();
    for stance in map.stances().filter(|s| scope.includes(map, s)) {
        let tally = tallies.entry((stance.actor, stance.claim)).or_default();
        tally.stances.push(stance.id);
        tally.score_sum += i32::from(stance.position.score());
        match stance.position.polarity() {
            Polarity::Support => tally.any_for = true,
            Polarity::Oppose => tally.any_against = true,
            Polarity::Neutral => {}
        }
    }
    tallies
        .into_iter()
        .map(|(key, t)| {
            let mean_score = t.score_sum as f32 / t.stances.len().max(1) as f32;
            (
                key,
                Held {
                    stances: t.stances,
                    mean_score,
                    mixed: t.any_for && t.any_against,
                },
            )
        })
        .collect()
}
