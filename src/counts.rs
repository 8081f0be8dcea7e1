//! A map's items counted in words ("1 claim", "12 actors"), for summaries and the status line.

use crate::model::Map;

/// The map's claims, actors, stances, relations and sources, in that order, each counted in
/// words: `["12 claims", "1 actor", …]`.
pub fn item_counts(map: &Map) -> [String; 5] {
    [
        counted(map.claims().len(), "claim", "claims"),
        counted(map.actors().len(), "actor", "actors"),
        counted(map.stances().len(), "stance", "stances"),
        counted(map.relations().len(), "relation", "relations"),
        counted(map.sources().len(), "source", "sources"),
    ]
}

/// What went from `before` to `after`, in words: "1 actor and 3 stances"; `None` if nothing.
pub fn removed_items(before: &Map, after: &Map) -> Option<String> {
    let kinds = [
        (
            before.claims().len(),
            after.claims().len(),
            "claim",
            "claims",
        ),
        (
            before.actors().len(),
            after.actors().len(),
            "actor",
            "actors",
        ),
        (
            before.stances().len(),
            after.stances().len(),
            "stance",
            "stances",
        ),
        (
            before.relations().len(),
            after.relations().len(),
            "relation",
            "relations",
        ),
        (
            before.sources().len(),
            after.sources().len(),
            "source",
            "sources",
        ),
    ];
    let parts: Vec<String> = kinds
        .iter()
        .filter(|(b, a, ..)| b > a)
        .map(|&(b, a, one, many)| counted(b - a, one, many))
        .collect();
    match parts.split_last() {
        None => None,
        Some((last, [])) => Some(last.clone()),
        Some((last, rest)) => Some(format!("{} and {last}", rest.join(", "))),
    }
}

/// `n` and the noun, singular for exactly one: "1 problem", "3 problems".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Edit, Point};

    #[test]
    fn removed_items_are_listed_in_words() {
        let mut before = Map::new("t");
        let mut ids = before.id_allocator();
        let (a, b) = (ids.claim(), ids.claim());
        before
            .apply(Edit::Batch(vec![
                Edit::AddClaim(Claim::new(a, "A", Point::default())),
                Edit::AddClaim(Claim::new(b, "B", Point::default())),
            ]))
            .unwrap();
        let mut after = before.clone();
        after.apply(Edit::RemoveClaim(a)).unwrap();
        assert_eq!(removed_items(&before, &after).as_deref(), Some("1 claim"));
        assert_eq!(removed_items(&after, &after), None);
        let empty = Map::new("t");
        assert_eq!(removed_items(&before, &empty).as_deref(), Some("2 claims"));
    }

    #[test]
    fn one_is_singular_and_none_and_many_are_plural() {
        let mut map = Map::new("t");
        let id = map.id_allocator().claim();
        map.apply(Edit::AddClaim(Claim::new(id, "A claim", Point::default())))
            .unwrap();
        assert_eq!(
            item_counts(&map),
            [
                "1 claim",
                "0 actors",
                "0 stances",
                "0 relations",
                "0 sources"
            ]
        );
    }
}
