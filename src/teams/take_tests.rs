//! Tests of taking differences from another map.

use super::compare::Comparison;
use super::diff::ChangeKind;
use super::synthetic::edited_copy;
use crate::model::synthetic::synthetic_map;
use crate::model::{Claim, Edit, Map, Point, Position, Stance};
use crate::testing::MapBuilder;
use proptest::prelude::*;

/// A base map, our copy that added and deleted a claim (so its id is used up here), and their
/// copy that renamed Putin, added a claim with a stance on it (the claim with the id used up
/// here), and removed the Sanctions claim.
fn sides() -> (Map, Map) {
    let (base, names) = MapBuilder::new()
        .actor("Putin", "Russia")
        .claim("NATO must not expand")
        .claim("Sanctions")
        .stance("Putin", "NATO must not expand", Position::Supports)
        .build();
    let mut ours = base.clone();
    let mine = ours.id_allocator().claim();
    ours.apply(Edit::AddClaim(Claim::new(
        mine,
        "Ours",
        Point::new(0.0, 0.0),
    )))
    .unwrap();
    ours.apply(Edit::RemoveClaim(mine)).unwrap();
    let mut theirs = base.clone();
    let mut ids = theirs.id_allocator();
    let (claim, stance) = (ids.claim(), ids.stance());
    assert_eq!(claim, mine, "both sides handed out the same id");
    let mut putin = theirs.actor(names.actor("Putin")).unwrap().clone();
    putin.name = "普京".into();
    putin.at = Point::new(900.0, 900.0);
    theirs
        .apply(Edit::Batch(vec![
            Edit::UpdateActor(putin),
            Edit::AddClaim(Claim::new(claim, "Legal guarantees", Point::new(5.0, 5.0))),
            Edit::AddStance(Stance {
                quote: "we need guarantees".into(),
                ..Stance::new(
                    stance,
                    names.actor("Putin"),
                    claim,
                    Position::StronglySupports,
                )
            }),
            Edit::RemoveClaim(names.claim("Sanctions")),
        ]))
        .unwrap();
    (ours, theirs)
}

fn index_of(comparison: &Comparison, change: ChangeKind, kind: &str) -> usize {
    comparison
        .diff()
        .items
        .iter()
        .position(|i| i.change == change && i.kind == kind)
        .unwrap()
}

#[test]
fn taking_an_added_stance_brings_its_claim_with_fresh_ids_as_one_edit() {
    let (mut ours, theirs) = sides();
    let mut comparison = Comparison::new("theirs.ron".into(), theirs);
    comparison.refresh(&ours, 0);
    let before = ours.clone();

    let stance = index_of(&comparison, ChangeKind::Added, "stance");
    let (taken, followed) = comparison.take(&ours, Some(stance)).unwrap();
    assert_eq!(taken.needed, ["claim \"Legal guarantees\""]);
    let change = ours.apply_recorded(taken.edit).unwrap();
    comparison.taken(followed);
    comparison.refresh(&ours, 1);

    let new = ours
        .claims()
        .find(|c| c.label == "Legal guarantees")
        .unwrap();
    assert_eq!(new.id.0, 6, "id 5, used up here, is not given again");
    assert_eq!(
        new.at,
        Point::new(5.0, 5.0),
        "added items come at their place"
    );
    let stance = ours.stances().find(|s| s.claim == new.id).unwrap();
    assert_eq!(stance.quote, "we need guarantees");
    // Neither the stance nor its claim is a difference any more.
    let left: Vec<_> = comparison
        .diff()
        .items
        .iter()
        .map(|i| (i.change, i.kind))
        .collect();
    assert!(!left.contains(&(ChangeKind::Added, "stance")), "{left:?}");
    assert!(!left.contains(&(ChangeKind::Added, "claim")), "{left:?}");

    ours.undo_change(&change);
    assert_eq!(ours, before, "one edit, undone whole");
}

#[test]
fn a_changed_actor_takes_their_name_and_keeps_our_position() {
    let (mut ours, theirs) = sides();
    let mut comparison = Comparison::new("theirs.ron".into(), theirs);
    comparison.refresh(&ours, 0);
    let actor = index_of(&comparison, ChangeKind::Changed, "actor");
    let at = ours.actors().next().unwrap().at;
    let (taken, _) = comparison.take(&ours, Some(actor)).unwrap();
    assert!(taken.needed.is_empty());
    ours.apply(taken.edit).unwrap();
    let putin = ours.actors().next().unwrap();
    assert_eq!(putin.name, "普京");
    assert_eq!(putin.at, at);
}

#[test]
fn a_removed_claim_is_removed_with_its_stances() {
    let (mut ours, theirs) = sides();
    let mut comparison = Comparison::new("theirs.ron".into(), theirs);
    comparison.refresh(&ours, 0);
    let removed = index_of(&comparison, ChangeKind::Removed, "claim");
    let (taken, _) = comparison.take(&ours, Some(removed)).unwrap();
    ours.apply(taken.edit).unwrap();
    assert!(ours.claims().all(|c| c.label != "Sanctions"));
}

#[test]
fn taking_all_leaves_no_differences() {
    let (mut ours, theirs) = sides();
    let mut comparison = Comparison::new("theirs.ron".into(), theirs);
    comparison.refresh(&ours, 0);
    assert!(comparison.diff().items.len() >= 4);
    let (taken, followed) = comparison.take(&ours, None).unwrap();
    ours.apply(taken.edit).unwrap();
    comparison.taken(followed);
    comparison.refresh(&ours, 1);
    assert!(comparison.diff().is_empty(), "{:?}", comparison.diff());
}

#[test]
fn a_difference_that_is_gone_is_refused() {
    let (ours, theirs) = sides();
    let mut comparison = Comparison::new("theirs.ron".into(), theirs);
    comparison.refresh(&ours, 0);
    let error = comparison.take(&ours, Some(99)).unwrap_err();
    assert!(error.contains("gone"), "{error}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// However two copies of a map were edited apart, taking every difference one at a time
    /// (each time the first one left) ends with nothing left to take.
    #[test]
    fn taking_differences_one_by_one_leaves_none(seed in 1u64..10_000) {
        let base = synthetic_map(30, 40, seed);
        let mut ours = edited_copy(&base, 12, seed, "ours");
        let theirs = edited_copy(&base, 12, seed.wrapping_mul(7919), "theirs");
        let mut comparison = Comparison::new("theirs.ron".into(), theirs);
        let mut generation = 0;
        comparison.refresh(&ours, generation);
        let mut steps = 0;
        while !comparison.diff().is_empty() {
            let (taken, followed) = comparison.take(&ours, Some(0)).unwrap();
            ours.apply(taken.edit).unwrap();
            comparison.taken(followed);
            generation += 1;
            comparison.refresh(&ours, generation);
            steps += 1;
            prop_assert!(steps < 500, "taking never ends");
        }
    }
}

#[test]
fn following_a_take_moves_an_item_out_of_the_way_of_a_taken_id() {
    let (theirs, names) = MapBuilder::new()
        .actor("Putin", "Russia")
        .claim("A")
        .claim("B")
        .stance("Putin", "B", Position::Supports)
        .build();
    let (a, b) = (names.claim("A"), names.claim("B"));
    // Their claim A was taken here with B's id; B must move aside, its stance with it.
    let moves = std::collections::BTreeMap::from([(a.0, b.0)]);
    let followed = super::take::follow_moves(&theirs, &moves).unwrap();
    assert_eq!(followed.claim(b).unwrap().label, "A");
    assert_eq!(followed.claim(a).unwrap().label, "B");
    assert_eq!(followed.stances().next().unwrap().claim, a);
    // Nothing else moves.
    assert_eq!(followed.actors().next(), theirs.actors().next());
}
