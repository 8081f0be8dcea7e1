//! Tests of the three-way merge: field by field, conflicts, renumbering, and its properties.

use super::merge::{MergeOutcome, merge_maps};
use super::synthetic::edited_copy;
use crate::io::{load_str, to_ron_string};
use crate::model::synthetic::synthetic_map;
use crate::model::{Claim, Conflict, Edit, Map, Point, Position, Stance, StanceId};
use crate::testing::MapBuilder;
use proptest::prelude::*;
use std::path::Path;

fn base() -> (Map, crate::testing::Names) {
    MapBuilder::new()
        .actor("Putin", "Russia")
        .actor("Biden", "USA")
        .claim("NATO must not expand")
        .claim("Sanctions")
        .stance("Putin", "NATO must not expand", Position::StronglySupports)
        .stance("Biden", "Sanctions", Position::Supports)
        .build()
}

fn merge(base: &Map, ours: &Map, theirs: &Map) -> MergeOutcome {
    let outcome = merge_maps(base, ours, theirs).expect("the merge gives a valid map");
    // Whatever the merge gives opens again as it was saved.
    let text = to_ron_string(&outcome.map).unwrap();
    let loaded = load_str(&text, Path::new("merged.ron")).unwrap();
    assert_eq!(loaded, outcome.map);
    outcome
}

fn update_stance(map: &mut Map, id: StanceId, change: impl FnOnce(&mut Stance)) {
    let mut stance = map.stance(id).unwrap().clone();
    change(&mut stance);
    map.apply(Edit::UpdateStance(stance)).unwrap();
}

#[test]
fn changes_to_different_fields_of_one_item_both_arrive() {
    let (base, names) = base();
    let stance = names.stances[0];
    let mut ours = base.clone();
    update_stance(&mut ours, stance, |s| s.quote = "ours".into());
    let mut theirs = base.clone();
    update_stance(&mut theirs, stance, |s| s.position = Position::Supports);

    let outcome = merge(&base, &ours, &theirs);

    let merged = outcome.map.stance(stance).unwrap();
    assert_eq!(merged.quote, "ours");
    assert_eq!(merged.position, Position::Supports);
    assert!(outcome.map.conflicts().is_empty());
}

#[test]
fn the_same_field_changed_differently_is_a_conflict_keeping_ours() {
    let (base, names) = base();
    let stance = names.stances[0];
    let mut ours = base.clone();
    update_stance(&mut ours, stance, |s| s.quote = "我們的".into());
    let mut theirs = base.clone();
    update_stance(&mut theirs, stance, |s| s.quote = "their words".into());

    let outcome = merge(&base, &ours, &theirs);

    assert_eq!(outcome.map.stance(stance).unwrap().quote, "我們的");
    assert_eq!(
        outcome.map.conflicts(),
        [Conflict {
            item: Some(stance.0),
            field: Some("quote".into()),
            base: Some("\"quoted words\"".into()),
            ours: Some("\"我們的\"".into()),
            theirs: Some("\"their words\"".into()),
        }]
    );
    let message = outcome.new_conflicts[0].to_string();
    assert!(
        message.starts_with("stance") && message.contains("\"Putin\" strongly supports"),
        "{message}"
    );
}

#[test]
fn the_same_change_on_both_sides_is_no_conflict() {
    let (base, names) = base();
    let mut ours = base.clone();
    update_stance(&mut ours, names.stances[1], |s| s.quote = "same".into());
    let theirs = ours.clone();
    let outcome = merge(&base, &ours, &theirs);
    assert_eq!(outcome.map, ours);
}

#[test]
fn deleted_on_one_side_and_changed_on_the_other_is_kept_with_a_conflict() {
    let (base, names) = base();
    let stance = names.stances[0];
    let mut ours = base.clone();
    ours.apply(Edit::RemoveStance(stance)).unwrap();
    let mut theirs = base.clone();
    update_stance(&mut theirs, stance, |s| s.quote = "changed".into());

    let outcome = merge(&base, &ours, &theirs);

    assert_eq!(outcome.map.stance(stance).unwrap().quote, "changed");
    let [conflict] = outcome.map.conflicts() else {
        panic!("{:?}", outcome.map.conflicts());
    };
    assert_eq!(conflict.item, Some(stance.0));
    assert_eq!(conflict.field, None);
    assert_eq!(conflict.ours, None, "ours deleted it");
    assert!(conflict.theirs.as_deref().unwrap().starts_with("changed"));
}

#[test]
fn deleted_on_one_side_and_unchanged_on_the_other_is_gone() {
    let (base, names) = base();
    let mut ours = base.clone();
    ours.apply(Edit::RemoveClaim(names.claim("Sanctions")))
        .unwrap();
    let outcome = merge(&base, &ours, &base);
    assert_eq!(outcome.map, ours);
}

#[test]
fn a_claim_deleted_by_one_side_comes_back_when_the_others_new_stance_needs_it() {
    let (base, names) = base();
    let nato = names.claim("NATO must not expand");
    let mut ours = base.clone();
    ours.apply(Edit::RemoveClaim(nato)).unwrap();
    let mut theirs = base.clone();
    let id = theirs.id_allocator().stance();
    theirs
        .apply(Edit::AddStance(Stance {
            quote: "new".into(),
            ..Stance::new(id, names.actor("Biden"), nato, Position::Opposes)
        }))
        .unwrap();

    let outcome = merge(&base, &ours, &theirs);

    assert!(outcome.map.claim(nato).is_some(), "the claim came back");
    assert_eq!(
        outcome.map.stances_on_claim(nato).count(),
        1,
        "only the new stance"
    );
    let [conflict] = outcome.map.conflicts() else {
        panic!("{:?}", outcome.map.conflicts());
    };
    assert_eq!(
        (conflict.item, conflict.ours.as_deref()),
        (Some(nato.0), None)
    );
}

#[test]
fn items_added_on_both_sides_with_the_same_ids_are_all_kept() {
    let (base, names) = base();
    let add = |map: &mut Map, label: &str| {
        let mut ids = map.id_allocator();
        let (claim, stance) = (ids.claim(), ids.stance());
        map.apply(Edit::Batch(vec![
            Edit::AddClaim(Claim::new(claim, label, Point::default())),
            Edit::AddStance(Stance::new(
                stance,
                names.actor("Putin"),
                claim,
                Position::Opposes,
            )),
        ]))
        .unwrap();
    };
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    add(&mut ours, "Ours");
    add(&mut theirs, "Theirs");

    let outcome = merge(&base, &ours, &theirs);

    let labels: Vec<&str> = outcome.map.claims().map(|c| c.label.as_str()).collect();
    assert!(
        labels.contains(&"Ours") && labels.contains(&"Theirs"),
        "{labels:?}"
    );
    assert_eq!(outcome.map.stances().len(), 4);
    assert_eq!(outcome.renumbered, 2);
    assert!(outcome.map.conflicts().is_empty());
    // Fresh ids for whatever comes next are past everything either side handed out.
    assert!(outcome.map.next_id() > ours.next_id());
}

#[test]
fn the_same_stance_recorded_on_both_sides_becomes_one() {
    let (base, names) = base();
    let add = |map: &mut Map, quote: &str| {
        let id = map.id_allocator().stance();
        map.apply(Edit::AddStance(Stance {
            quote: quote.into(),
            ..Stance::new(
                id,
                names.actor("Biden"),
                names.claim("NATO must not expand"),
                Position::Opposes,
            )
        }))
        .unwrap();
    };
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    add(&mut ours, "same words");
    add(&mut theirs, "same words");
    let outcome = merge(&base, &ours, &theirs);
    assert_eq!(outcome.map.stances().len(), 3);
    assert!(outcome.map.conflicts().is_empty());

    let mut theirs = base.clone();
    add(&mut theirs, "other words");
    let outcome = merge(&base, &ours, &theirs);
    assert_eq!(outcome.map.stances().len(), 3);
    let [conflict] = outcome.map.conflicts() else {
        panic!("{:?}", outcome.map.conflicts());
    };
    assert_eq!(conflict.field.as_deref(), Some("quote"));
    assert_eq!(conflict.base, None, "added on both sides");
}

#[test]
fn conflicts_left_by_an_earlier_merge_stay_until_a_side_resolves_them() {
    let (base, names) = base();
    let stance = names.stances[0];
    let mut ours = base.clone();
    update_stance(&mut ours, stance, |s| s.quote = "a".into());
    let mut theirs = base.clone();
    update_stance(&mut theirs, stance, |s| s.quote = "b".into());
    let conflicted = merge(&base, &ours, &theirs).map;
    assert_eq!(conflicted.conflicts().len(), 1);

    // Another branch edits something else: the conflict is carried along.
    let mut other = base.clone();
    update_stance(&mut other, names.stances[1], |s| s.quote = "c".into());
    let carried = merge(&base, &conflicted, &other);
    assert_eq!(carried.map.conflicts(), conflicted.conflicts());
    assert!(carried.new_conflicts.is_empty());
}

#[test]
fn a_file_with_a_conflicts_list_loads_and_saves_it() {
    let text = "(\n    version: 1,\n    actors: [(id: 1, name: \"Putin\", kind: Person)],\n    \
                conflicts: [\n        (item: 1, field: \"name\", base: \"\\\"P\\\"\", ours: \
                \"\\\"Putin\\\"\", theirs: \"\\\"V. Putin\\\"\"),\n        (item: 1, ours: \
                \"changed: \\\"Putin\\\"\"),\n    ],\n)\n";
    let map = load_str(text, Path::new("c.ron")).unwrap();
    assert_eq!(map.conflicts().len(), 2);
    assert_eq!(map.conflicts()[1].theirs, None);
    assert_eq!(map.conflicts()[0].theirs.as_deref(), Some("\"V. Putin\""));
    let saved = to_ron_string(&map).unwrap();
    assert!(saved.contains("conflicts: ["), "{saved}");
    assert_eq!(load_str(&saved, Path::new("c.ron")).unwrap(), map);
    // Maps without conflicts do not mention them.
    assert!(!to_ron_string(&base().0).unwrap().contains("conflicts"));
}

/// The map's content with ids replaced by names, sorted: equal for two maps that differ only
/// in which ids their items have.
fn content(map: &Map) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let info = map.info();
    out.push(format!("{info:?}"));
    out.extend(
        map.sources()
            .map(|s| format!("{:?}", (&s.title, &s.publisher, s.date))),
    );
    out.extend(map.actors().map(|a| {
        format!(
            "{:?}",
            (
                &a.name, a.kind, &a.camp, &a.aliases, a.colour, a.at, a.pinned
            )
        )
    }));
    out.extend(map.claims().map(|c| {
        format!(
            "{:?}",
            (&c.label, &c.text, &c.tags, &c.notes, c.at, c.pinned)
        )
    }));
    let name = |id| map.actor(id).map(|a| a.name.clone());
    let label = |id| map.claim(id).map(|c| c.label.clone());
    out.extend(map.stances().map(|s| {
        format!(
            "{:?}",
            (
                name(s.actor),
                label(s.claim),
                s.position,
                s.confidence,
                &s.quote,
                &s.translation,
                s.source.and_then(|id| map.source(id)).map(|s| &s.title),
                s.date,
                &s.notes
            )
        )
    }));
    out.extend(
        map.relations()
            .map(|r| format!("{:?}", (label(r.from), label(r.to), r.kind, &r.note))),
    );
    out.sort();
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 120, ..ProptestConfig::default() })]

    #[test]
    fn merging_a_side_with_an_unchanged_side_gives_that_side(
        nodes in 0usize..40, edges in 0usize..80, seed in any::<u64>(), edits in 0usize..30,
    ) {
        let base = synthetic_map(nodes, edges, seed);
        let x = edited_copy(&base, edits, seed ^ 1, "x");
        prop_assert_eq!(&merge(&base, &x, &base).map, &x);
        prop_assert_eq!(&merge(&base, &base, &x).map, &x);
    }

    #[test]
    fn merging_is_symmetric_up_to_ids_when_nothing_conflicts(
        nodes in 0usize..40, edges in 0usize..80, seed in any::<u64>(), edits in 0usize..12,
    ) {
        let base = synthetic_map(nodes, edges, seed);
        let x = edited_copy(&base, edits, seed ^ 1, "x");
        let y = edited_copy(&base, edits, seed ^ 2, "y");
        let xy = merge(&base, &x, &y);
        let yx = merge(&base, &y, &x);
        prop_assert_eq!(xy.map.conflicts().len(), yx.map.conflicts().len());
        if xy.map.conflicts().is_empty() {
            prop_assert_eq!(content(&xy.map), content(&yx.map));
        }
    }
}

#[test]
fn a_camp_side_fixed_on_one_side_of_a_merge_arrives() {
    let (base, _) = base();
    let ours = base.clone();
    let mut theirs = base.clone();
    let mut info = theirs.info();
    info.camp_sides
        .insert("Russia".into(), crate::model::CampSide::Left);
    theirs.apply(Edit::SetInfo(info)).unwrap();
    let outcome = merge(&base, &ours, &theirs);
    assert_eq!(
        outcome.map.camp_side("Russia"),
        Some(crate::model::CampSide::Left)
    );
    assert!(outcome.map.conflicts().is_empty());
}
