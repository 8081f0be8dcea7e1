//! Consistency checks: things in a map an analyst probably wants to look at again. Each
//! finding says what is odd in words and names the items it concerns, so the app can select
//! them.

use super::scope::{StanceScope, held_positions};
use crate::model::{ActorId, ItemId, Map, Polarity, RelationKind};
use std::collections::BTreeMap;

/// What kind of oddity a finding reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FindingKind {
    /// A stance without a quote or without a source.
    UnbackedStance,
    /// A claim nobody takes a position on.
    UnaddressedClaim,
    /// An actor takes opposite sides of two claims one of which supports the other, or
    /// supports two claims one of which attacks the other.
    Contradiction,
    /// Two actors that share a name or alias.
    PossibleDuplicate,
    /// A stance's quote is not in its source's text (one of them was edited).
    QuoteNotInText,
}

impl FindingKind {
    /// A short heading for the kind.
    pub fn label(self) -> &'static str {
        match self {
            FindingKind::UnbackedStance => "stance without quote or source",
            FindingKind::UnaddressedClaim => "claim nobody takes a position on",
            FindingKind::Contradiction => "actor contradicts a relation",
            FindingKind::PossibleDuplicate => "possible duplicate actors",
            FindingKind::QuoteNotInText => "quote not found in its source's text",
        }
    }
}

/// One thing worth a second look.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// What kind of thing.
    pub kind: FindingKind,
    /// What is odd, in a sentence naming the items.
    pub message: String,
    /// The items concerned, to select them.
    pub items: Vec<ItemId>,
}

/// Every finding for a map, grouped by kind, in map order within a kind.
pub fn check_map(map: &Map) -> Vec<Finding> {
    let mut findings = Vec::new();
    unbacked_stances(map, &mut findings);
    unaddressed_claims(map, &mut findings);
    contradictions(map, &mut findings);
    duplicates(map, &mut findings);
    quotes_not_in_text(map, &mut findings);
    findings
}

fn quoted(text: &str) -> String {
    format!("“{text}”")
}

fn unbacked_stances(map: &Map, out: &mut Vec<Finding>) {
    for stance in map.stances() {
        let no_quote = stance.quote.trim().is_empty();
        let no_source = stance.source.is_none();
        let missing = match (no_quote, no_source) {
            (true, true) => "neither a quote nor a source",
            (true, false) => "no quote",
            (false, true) => "no source",
            (false, false) => continue,
        };
        out.push(Finding {
            kind: FindingKind::UnbackedStance,
            message: format!(
                "{} {} {} has {missing}",
                map.actor(stance.actor).map_or("?", |a| a.name.as_str()),
                stance.position.label(),
                quoted(map.claim(stance.claim).map_or("?", |c| c.label.as_str())),
            ),
            items: vec![stance.id.into()],
        });
    }
}

fn quotes_not_in_text(map: &Map, out: &mut Vec<Finding>) {
    for id in crate::quotes::missing_quotes(map) {
        let Some(stance) = map.stance(id) else {
            continue;
        };
        let source = stance.source.and_then(|s| map.source(s));
        out.push(Finding {
            kind: FindingKind::QuoteNotInText,
            message: format!(
                "{} {} {}: the quote is not in the text of {}",
                map.actor(stance.actor).map_or("?", |a| a.name.as_str()),
                stance.position.label(),
                quoted(map.claim(stance.claim).map_or("?", |c| c.label.as_str())),
                quoted(source.map_or("?", |s| s.title.as_str())),
            ),
            items: vec![stance.id.into()],
        });
    }
}

fn unaddressed_claims(map: &Map, out: &mut Vec<Finding>) {
    for claim in map.claims() {
        if map.stances_on_claim(claim.id).next().is_none() {
            out.push(Finding {
                kind: FindingKind::UnaddressedClaim,
                message: format!("nobody takes a position on {}", quoted(&claim.label)),
                items: vec![claim.id.into()],
            });
        }
    }
}

fn contradictions(map: &Map, out: &mut Vec<Finding>) {
    let held = held_positions(map, &StanceScope::all());
    let mut by_actor: BTreeMap<ActorId, Vec<_>> = BTreeMap::new();
    for ((actor, claim), position) in &held {
        by_actor.entry(*actor).or_default().push((*claim, position));
    }
    for relation in map.relations() {
        let label = |c| map.claim(c).map_or("?".to_owned(), |c| quoted(&c.label));
        let (x, y) = (label(relation.from), label(relation.to));
        for (&actor, positions) in &by_actor {
            let on = |claim| positions.iter().find(|(c, _)| *c == claim).map(|(_, h)| *h);
            let (Some(from), Some(to)) = (on(relation.from), on(relation.to)) else {
                continue;
            };
            let name = map.actor(actor).map_or("?", |a| a.name.as_str());
            let message = match (relation.kind, from.polarity(), to.polarity()) {
                (RelationKind::Supports, Polarity::Support, Polarity::Oppose) => {
                    format!("{name} supports {x}, which supports {y}, but opposes {y}")
                }
                (RelationKind::Supports, Polarity::Oppose, Polarity::Support) => {
                    format!("{name} opposes {x} but supports {y}, which {x} supports")
                }
                (RelationKind::Attacks, Polarity::Support, Polarity::Support) => {
                    format!("{name} supports both {x} and {y}, though {x} attacks {y}")
                }
                _ => continue,
            };
            let mut items: Vec<ItemId> = vec![
                actor.into(),
                relation.from.into(),
                relation.to.into(),
                relation.id.into(),
            ];
            items.extend(
                from.stances
                    .iter()
                    .chain(&to.stances)
                    .map(|&s| ItemId::from(s)),
            );
            out.push(Finding {
                kind: FindingKind::Contradiction,
                message,
                items,
            });
        }
    }
}

/// A name as compared for duplicates: lower case, spaces collapsed.
fn normalised(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn duplicates(map: &Map, out: &mut Vec<Finding>) {
    // Each name as compared, with its first spelling (in actor order) and who bears it.
    let mut owners: BTreeMap<String, (String, Vec<ActorId>)> = BTreeMap::new();
    for actor in map.actors() {
        let mut names: Vec<(String, &str)> = std::iter::once(&actor.name)
            .chain(&actor.aliases)
            .map(|n| (normalised(n), n.trim()))
            .filter(|(n, _)| !n.is_empty())
            .collect();
        names.sort();
        names.dedup_by(|a, b| a.0 == b.0);
        for (name, spelling) in names {
            owners
                .entry(name)
                .or_insert_with(|| (spelling.to_owned(), Vec::new()))
                .1
                .push(actor.id);
        }
    }
    // One finding per pair of actors, naming every name they share.
    let mut shared: BTreeMap<(ActorId, ActorId), Vec<String>> = BTreeMap::new();
    for (spelling, actors) in owners.into_values() {
        for (i, &a) in actors.iter().enumerate() {
            for &b in actors.iter().skip(i + 1) {
                shared.entry((a, b)).or_default().push(spelling.clone());
            }
        }
    }
    for ((a, b), names) in shared {
        let name = |id| map.actor(id).map_or("?", |a| a.name.as_str());
        let called: Vec<String> = names.iter().map(|n| quoted(n)).collect();
        out.push(Finding {
            kind: FindingKind::PossibleDuplicate,
            message: format!(
                "{} and {} may be the same actor: both are called {}",
                name(a),
                name(b),
                called.join(" and ")
            ),
            items: vec![a.into(), b.into()],
        });
    }
}
