//! The conflicts a map holds, in words, for `stancemap check` and the app.

use crate::model::{ActorId, ClaimId, ItemId, Map, RelationId, SourceId, StanceId};

/// The item a raw id names in `map`, whatever its kind.
fn item_of_raw(map: &Map, raw: u32) -> Option<ItemId> {
    [
        ItemId::Source(SourceId(raw)),
        ItemId::Actor(ActorId(raw)),
        ItemId::Claim(ClaimId(raw)),
        ItemId::Stance(StanceId(raw)),
        ItemId::Relation(RelationId(raw)),
    ]
    .into_iter()
    .find(|id| map.contains(*id))
}

/// One line per conflict: `stance 12 (Putin supports NATO …): quote: ours "…", theirs "…"`.
pub fn conflict_lines(map: &Map) -> Vec<String> {
    map.conflicts()
        .iter()
        .map(|conflict| {
            let what = match conflict.item {
                None => "the map".to_owned(),
                Some(raw) => match item_of_raw(map, raw) {
                    Some(item) => map.describe(item),
                    None => format!("item {raw} (no longer in the map)"),
                },
            };
            format!("{what}: {}", conflict.summary())
        })
        .collect()
}

/// "1 merge conflict", "3 merge conflicts".
pub fn conflict_count(map: &Map) -> String {
    match map.conflicts().len() {
        1 => "1 merge conflict".to_owned(),
        n => format!("{n} merge conflicts"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::load_str;
    use std::path::Path;

    #[test]
    fn conflicts_are_named_by_the_items_they_concern() {
        let text = "(\n    version: 1,\n    title: \"T\",\n    \
                    actors: [(id: 1, name: \"Putin\", kind: Person)],\n    conflicts: [\n        \
                    (item: 1, field: \"camp\", base: \"(none)\", ours: \"\\\"Russia\\\"\", \
                    theirs: \"\\\"RU\\\"\"),\n        (field: \"title\", ours: \"\\\"T\\\"\", \
                    theirs: \"\\\"U\\\"\"),\n        (item: 7, theirs: \"changed\"),\n    ],\n)\n";
        let map = load_str(text, Path::new("c.ron")).unwrap();
        assert_eq!(
            conflict_lines(&map),
            [
                "actor 1 (Putin): camp: ours \"Russia\", theirs \"RU\"",
                "the map: title: ours \"T\", theirs \"U\"",
                "item 7 (no longer in the map): the item: ours deleted, theirs changed",
            ]
        );
        assert_eq!(conflict_count(&map), "3 merge conflicts");
    }
}
