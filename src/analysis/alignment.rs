//! Actor alignment: who agrees and who disagrees with whom, by the congruence and conflict
//! measures of discourse network analysis (Leifeld 2017).
//!
//! Two actors are congruent on a claim when they take the same side of it (both for, both
//! against, or both neutral) and in conflict when they take opposite sides. An actor's
//! several stances on one claim count as one position, by the sign of their mean score.
//! Counts are normalised by average activity: divided by the mean number of claims the two
//! actors take positions on, so both measures run from 0 to 1, and an actor who speaks on
//! many claims does not look aligned with everybody merely by being active.

use super::scope::{StanceScope, held_positions};
use crate::model::{ActorId, ClaimId, Map, Polarity};
use std::collections::BTreeMap;

/// How two actors relate across the claims both take positions on.
#[derive(Debug, Clone, PartialEq)]
pub struct PairAlignment {
    /// The first actor (the smaller id).
    pub a: ActorId,
    /// The second actor.
    pub b: ActorId,
    /// Claims both take positions on.
    pub shared: usize,
    /// Claims on which they take the same side.
    pub congruence: usize,
    /// Claims on which they take opposite sides.
    pub conflict: usize,
    /// Congruence divided by the mean number of claims the two take positions on (0..=1).
    pub congruence_normalised: f32,
    /// Conflict divided the same way (0..=1).
    pub conflict_normalised: f32,
}

impl PairAlignment {
    /// Normalised congruence minus normalised conflict: from -1 (always opposed) to 1
    /// (always agreeing).
    pub fn net(&self) -> f32 {
        self.congruence_normalised - self.conflict_normalised
    }
}

/// The alignment of every pair of actors who share at least one claim.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Alignment {
    /// Number of claims each actor takes positions on (actors with none are left out).
    pub activity: BTreeMap<ActorId, usize>,
    /// Pairs sharing at least one claim, by (a, b).
    pub pairs: Vec<PairAlignment>,
}

impl Alignment {
    /// The alignment of two actors, in either order.
    pub fn pair(&self, x: ActorId, y: ActorId) -> Option<&PairAlignment> {
        let (a, b) = (x.min(y), x.max(y));
        self.pairs.iter().find(|p| p.a == a && p.b == b)
    }
}

/// Computes actor alignment over the stances in `scope`.
pub fn alignment(map: &Map, scope: &StanceScope) -> Alignment {
    let held = held_positions(map, scope);
    alignment_of(
        held.iter()
            .map(|(&key, position)| (key, position.polarity())),
    )
}

/// Computes actor alignment from the side each actor holds on each claim (one entry per
/// actor and claim): what [`alignment`] does once it has read the stances, for callers that
/// hold positions in another shape (the stance layout's graph).
pub fn alignment_of(held: impl IntoIterator<Item = ((ActorId, ClaimId), Polarity)>) -> Alignment {
    let mut by_claim: BTreeMap<ClaimId, Vec<(ActorId, Polarity)>> = BTreeMap::new();
    let mut activity: BTreeMap<ActorId, usize> = BTreeMap::new();
    for ((actor, claim), polarity) in held {
        by_claim.entry(claim).or_default().push((actor, polarity));
        *activity.entry(actor).or_insert(0) += 1;
    }
    // (shared, congruence, conflict) per pair.
    let mut counts: BTreeMap<(ActorId, ActorId), (usize, usize, usize)> = BTreeMap::new();
    for positions in by_claim.values() {
        for (i, &(x, px)) in positions.iter().enumerate() {
            for &(y, py) in positions.iter().skip(i + 1) {
                let entry = counts.entry((x.min(y), x.max(y))).or_insert((0, 0, 0));
                entry.0 += 1;
                if px == py {
                    entry.1 += 1;
                } else if px != Polarity::Neutral && py != Polarity::Neutral {
                    entry.2 += 1;
                }
            }
        }
    }
    let pairs = counts
        .into_iter()
        .map(|((a, b), (shared, congruence, conflict))| {
            let mean_activity = (activity.get(&a).copied().unwrap_or(0)
                + activity.get(&b).copied().unwrap_or(0)) as f32
                / 2.0;
            let norm = |n: usize| {
                if mean_activity > 0.0 {
                    n as f32 / mean_activity
                } else {
                    0.0
                }
            };
            PairAlignment {
                a,
                b,
                shared,
                congruence,
                conflict,
                congruence_normalised: norm(congruence),
                conflict_normalised: norm(conflict),
            }
        })
        .collect();
    Alignment { activity, pairs }
}
