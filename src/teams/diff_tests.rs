//! Tests of the map diff.

use super::diff::{ChangeKind, DiffOptions, diff_maps, diff_report};
use super::synthetic::edited_copy;
use crate::model::synthetic::synthetic_map;
use crate::model::{Edit, Map, NodeId, Point, Position};
use crate::testing::MapBuilder;
use proptest::prelude::*;

fn sample() -> (Map, crate::testing::Names) {
    MapBuilder::new()
        .actor("Putin", "Russia")
        .claim("NATO must not expand")
        .claim("Sanctions")
        .stance("Putin", "NATO must not expand", Position::Supports)
        .build()
}

#[test]
fn a_renamed_actor_is_one_changed_field_and_stances_read_the_new_name() {
    let (old, names) = sample();
    let mut new = old.clone();
    let mut putin = new.actor(names.actor("Putin")).unwrap().clone();
    putin.name = "普京".into();
    new.apply(Edit::UpdateActor(putin)).unwrap();
    let mut stance = new.stance(names.stances[0]).unwrap().clone();
    stance.position = Position::Opposes;
    new.apply(Edit::UpdateStance(stance)).unwrap();

    let diff = diff_maps(&old, &new, DiffOptions::default());

    assert_eq!(diff.items.len(), 2);
    assert_eq!(diff.items[0].kind, "actor");
    assert_eq!(diff.items[0].fields[0].field, "name");
    assert_eq!(
        (
            diff.items[0].fields[0].old.as_str(),
            diff.items[0].fields[0].new.as_str()
        ),
        ("\"Putin\"", "\"普京\"")
    );
    assert_eq!(
        diff.items[1].name,
        "\"普京\" opposes \"NATO must not expand\""
    );
    assert_eq!(
        diff_report(&diff),
        "changed actor \"普京\":\n    name: \"Putin\" → \"普京\"\n\
         changed stance \"普京\" opposes \"NATO must not expand\":\n    \
         position: supports → opposes\n\
         0 added, 0 removed, 2 changed\n"
    );
}

#[test]
fn added_and_removed_items_are_named_from_the_map_they_are_in() {
    let (old, names) = sample();
    let mut new = old.clone();
    new.apply(Edit::RemoveClaim(names.claim("NATO must not expand")))
        .unwrap();
    let diff = diff_maps(&old, &new, DiffOptions::default());
    let removed: Vec<(&str, &str)> = diff
        .items
        .iter()
        .map(|i| {
            assert_eq!(i.change, ChangeKind::Removed);
            (i.kind, i.name.as_str())
        })
        .collect();
    assert_eq!(
        removed,
        [
            ("claim", "\"NATO must not expand\""),
            ("stance", "\"Putin\" supports \"NATO must not expand\"")
        ]
    );
    let back = diff_maps(&new, &old, DiffOptions::default());
    assert!(back.items.iter().all(|i| i.change == ChangeKind::Added));
}

#[test]
fn moves_are_counted_but_listed_only_when_asked() {
    let (old, names) = sample();
    let mut new = old.clone();
    new.apply(Edit::MoveNodes {
        moves: vec![(names.node("Sanctions"), Point::new(10.0, 20.0))],
        pinned: true,
    })
    .unwrap();
    let quiet = diff_maps(&old, &new, DiffOptions::default());
    assert!(quiet.is_empty());
    assert_eq!(quiet.moved_not_listed, 1);
    assert_eq!(
        diff_report(&quiet),
        "no differences (1 node moved; --positions lists it)\n"
    );
    let loud = diff_maps(&old, &new, DiffOptions { positions: true });
    let fields: Vec<&str> = loud.items[0].fields.iter().map(|f| f.field).collect();
    assert_eq!(fields, ["at", "pinned"]);
    assert_eq!(loud.items[0].fields[0].new, "(10, 20)");
    assert!(matches!(names.node("Sanctions"), NodeId::Claim(_)));
}

#[test]
fn long_values_are_cut_in_the_report_but_whole_in_the_diff() {
    let (old, names) = sample();
    let mut new = old.clone();
    let mut stance = new.stance(names.stances[0]).unwrap().clone();
    stance.quote = "很".repeat(500);
    new.apply(Edit::UpdateStance(stance)).unwrap();
    let diff = diff_maps(&old, &new, DiffOptions::default());
    assert_eq!(diff.items[0].fields[0].new.chars().count(), 502);
    assert!(diff_report(&diff).contains("… (502 characters)"));
}

/// Whether two maps hold the same items and descriptive fields.
fn same_content(a: &Map, b: &Map) -> bool {
    a.info() == b.info()
        && a.conflicts() == b.conflicts()
        && a.sources().eq(b.sources())
        && a.actors().eq(b.actors())
        && a.claims().eq(b.claims())
        && a.stances().eq(b.stances())
        && a.relations().eq(b.relations())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 120, ..ProptestConfig::default() })]

    #[test]
    fn a_map_compared_with_itself_has_no_differences(
        nodes in 0usize..60, edges in 0usize..120, seed in any::<u64>(), edits in 0usize..20,
    ) {
        let map = edited_copy(&synthetic_map(nodes, edges, seed), edits, seed ^ 3, "x");
        for positions in [false, true] {
            let diff = diff_maps(&map, &map.clone(), DiffOptions { positions });
            prop_assert!(diff.is_empty());
            prop_assert_eq!(diff.moved_not_listed, 0);
        }
    }

    #[test]
    fn the_diff_is_empty_exactly_when_the_maps_hold_the_same_items(
        nodes in 0usize..60, edges in 0usize..120, seed in any::<u64>(), edits in 0usize..6,
    ) {
        let old = synthetic_map(nodes, edges, seed);
        let new = edited_copy(&old, edits, seed ^ 5, "y");
        let diff = diff_maps(&old, &new, DiffOptions { positions: true });
        prop_assert_eq!(diff.is_empty(), same_content(&old, &new));
    }
}

#[test]
fn a_camp_side_fixed_or_freed_shows_as_a_change_of_the_map() {
    let (old, _) = sample();
    let mut new = old.clone();
    let mut info = new.info();
    info.camp_sides
        .insert("Russia".into(), crate::model::CampSide::Right);
    new.apply(Edit::SetInfo(info)).unwrap();
    let diff = diff_maps(&old, &new, DiffOptions::default());
    assert_eq!(diff.items.len(), 1);
    assert_eq!(diff.items[0].kind, "map");
    let field = &diff.items[0].fields[0];
    assert_eq!(
        (field.field, field.old.as_str(), field.new.as_str()),
        ("camp_sides", "(none)", "\"Russia\": right")
    );
}
