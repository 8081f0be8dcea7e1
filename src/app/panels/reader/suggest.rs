//! Type-ahead for the coding form: the actors whose name or alias, and the claims whose label
//! or text, contain what was typed (case ignored), those starting with it first.

use crate::model::{ActorId, ClaimId, Map};

/// How many matches the form lists at most.
pub const MAX_SUGGESTIONS: usize = 6;

/// An item the form offers, and how it is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion<K> {
    /// The item.
    pub id: K,
    /// Its name or label, with the alias that matched when that was not the name.
    pub shown: String,
    /// Its name or label alone, what the field shows once it is picked.
    pub name: String,
}

/// How well `candidate` matches the lower-cased `query`: 0 equal, 1 starts with it, 2 contains
/// it; `None` when it does not contain it.
fn rank(candidate: &str, query: &str) -> Option<u8> {
    let candidate = candidate.to_lowercase();
    if candidate == query {
        Some(0)
    } else if candidate.starts_with(query) {
        Some(1)
    } else if candidate.contains(query) {
        Some(2)
    } else {
        None
    }
}

/// Sorts matches best first, then by name, and keeps the first few.
fn best<K>(mut found: Vec<(u8, Suggestion<K>)>) -> Vec<Suggestion<K>> {
    found.sort_by(|(a, x), (b, y)| a.cmp(b).then_with(|| x.name.cmp(&y.name)));
    found
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(_, s)| s)
        .collect()
}

/// The actors matching `query` by name or alias; none for a blank query.
pub fn actors(map: &Map, query: &str) -> Vec<Suggestion<ActorId>> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    let found = map
        .actors()
        .filter_map(|actor| {
            let by_name = rank(&actor.name, &query).map(|r| (r, actor.name.clone()));
            let by_alias = actor
                .aliases
                .iter()
                .filter_map(|alias| {
                    rank(alias, &query).map(|r| (r, format!("{} ({alias})", actor.name)))
                })
                .min();
            let (rank, shown) = match (by_name, by_alias) {
                (Some(n), Some(a)) => n.min(a),
                (n, a) => n.or(a)?,
            };
            Some((
                rank,
                Suggestion {
                    id: actor.id,
                    shown,
                    name: actor.name.clone(),
                },
            ))
        })
        .collect();
    best(found)
}

/// The claims matching `query` by label or text; none for a blank query.
pub fn claims(map: &Map, query: &str) -> Vec<Suggestion<ClaimId>> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    let found = map
        .claims()
        .filter_map(|claim| {
            let rank =
                rank(&claim.label, &query).or_else(|| rank(&claim.text, &query).map(|_| 3))?;
            Some((
                rank,
                Suggestion {
                    id: claim.id,
                    shown: claim.label.clone(),
                    name: claim.label.clone(),
                },
            ))
        })
        .collect();
    best(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::example_map;

    #[test]
    fn actors_are_found_by_alias_and_name_starts_come_first() {
        let map = example_map().unwrap();
        let found = actors(&map, "普京");
        assert_eq!(found[0].name, "Vladimir Putin");
        assert_eq!(found[0].shown, "Vladimir Putin (普京)");
        let found = actors(&map, "vla");
        assert!(found.iter().all(|s| s.name.to_lowercase().contains("vla")));
        assert!(actors(&map, "  ").is_empty());
    }

    #[test]
    fn claims_are_found_by_label_then_text() {
        let map = example_map().unwrap();
        let found = claims(&map, "red lines");
        assert!(!found.is_empty());
        assert!(found[0].name.to_lowercase().contains("red lines"));
        assert!(found.len() <= MAX_SUGGESTIONS);
    }
}
