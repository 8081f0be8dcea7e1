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

/// `n` and the noun, singular for exactly one: "1 problem", "3 problems".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Edit, Point};

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
