//! Unit tests for the edit function and every validation rule.

use super::*;

/// A map with one source, two actors, two claims, a stance and a relation.
fn sample() -> Map {
    let mut map = Map::new("Sample");
    let mut ids = map.id_allocator();
    let source = ids.source();
    let putin = ids.actor();
    let biden = ids.actor();
    let nato = ids.claim();
    let guarantees = ids.claim();
    let stance = ids.stance();
    let relation = ids.relation();
    map.apply(Edit::Batch(vec![
        Edit::AddSource(Source::new(source, "Xinhua analysis", "Xinhua")),
        Edit::AddActor(Actor::new(
            putin,
            "Putin",
            ActorKind::Person,
            Point::new(0.0, 0.0),
        )),
        Edit::AddActor(Actor::new(
            biden,
            "Biden",
            ActorKind::Person,
            Point::new(0.0, 100.0),
        )),
        Edit::AddClaim(Claim::new(nato, "NATO expansion", Point::new(200.0, 0.0))),
        Edit::AddClaim(Claim::new(
            guarantees,
            "Legal guarantees",
            Point::new(200.0, 100.0),
        )),
        Edit::AddStance(Stance {
            source: Some(source),
            ..Stance::new(stance, putin, nato, Position::StronglyOpposes)
        }),
        Edit::AddRelation(Relation::new(
            relation,
            nato,
            guarantees,
            RelationKind::Supports,
        )),
    ]))
    .unwrap();
    map
}

fn ids(
    map: &Map,
) -> (
    SourceId,
    ActorId,
    ActorId,
    ClaimId,
    ClaimId,
    StanceId,
    RelationId,
) {
    let s: Vec<_> = map.sources().map(|s| s.id).collect();
    let a: Vec<_> = map.actors().map(|a| a.id).collect();
    let c: Vec<_> = map.claims().map(|c| c.id).collect();
    let st: Vec<_> = map.stances().map(|s| s.id).collect();
    let r: Vec<_> = map.relations().map(|r| r.id).collect();
    (s[0], a[0], a[1], c[0], c[1], st[0], r[0])
}

/// Applies an edit that must fail, checks the map did not change, and returns the message.
fn refused(map: &mut Map, edit: Edit) -> String {
    let before = map.clone();
    let err = map.apply(edit).expect_err("the edit should be refused");
    assert_eq!(*map, before, "a refused edit must leave the map unchanged");
    err.to_string()
}

#[test]
fn sample_is_valid_and_counts_items() {
    let map = sample();
    assert_eq!(map.sources().len(), 1);
    assert_eq!(map.actors().len(), 2);
    assert_eq!(map.claims().len(), 2);
    assert_eq!(map.stances().len(), 1);
    assert_eq!(map.relations().len(), 1);
    assert_eq!(map.next_id(), 8);
    assert!(rules::check_map(&map).is_empty());
}

#[test]
fn ids_are_never_reused_after_delete() {
    let mut map = sample();
    let (_, putin, ..) = ids(&map);
    map.apply(Edit::RemoveActor(putin)).unwrap();
    let message = refused(
        &mut map,
        Edit::AddActor(Actor::new(
            putin,
            "Putin again",
            ActorKind::Person,
            Point::default(),
        )),
    );
    assert!(message.contains("never reused"), "{message}");
    let fresh = map.id_allocator().actor();
    assert!(fresh.0 >= 8);
    map.apply(Edit::AddActor(Actor::new(
        fresh,
        "Lavrov",
        ActorKind::Person,
        Point::default(),
    )))
    .unwrap();
}

#[test]
fn ids_in_use_are_refused_for_any_kind() {
    let mut map = sample();
    let (_, putin, ..) = ids(&map);
    let message = refused(
        &mut map,
        Edit::AddClaim(Claim::new(ClaimId(putin.0), "x", Point::default())),
    );
    assert!(message.contains("already in use"), "{message}");
}

#[test]
fn blank_names_and_labels_are_refused() {
    let mut map = sample();
    let mut alloc = map.id_allocator();
    let message = refused(
        &mut map,
        Edit::AddActor(Actor::new(
            alloc.actor(),
            "   ",
            ActorKind::State,
            Point::default(),
        )),
    );
    assert!(message.contains("name is empty"), "{message}");
    let message = refused(
        &mut map,
        Edit::AddClaim(Claim::new(alloc.claim(), "", Point::default())),
    );
    assert!(message.contains("label is empty"), "{message}");
    let message = refused(
        &mut map,
        Edit::AddSource(Source::new(alloc.source(), "", "x")),
    );
    assert!(message.contains("title is empty"), "{message}");
}

#[test]
fn overlong_text_is_refused() {
    let mut map = sample();
    let (_, _, _, nato, ..) = ids(&map);
    let mut claim = map.claim(nato).unwrap().clone();
    claim.label = "x".repeat(rules::MAX_NAME_CHARS + 1);
    let message = refused(&mut map, Edit::UpdateClaim(claim.clone()));
    assert!(message.contains("the limit is 500"), "{message}");
    claim.label = "北".repeat(rules::MAX_NAME_CHARS); // multi-byte but within the limit
    map.apply(Edit::UpdateClaim(claim)).unwrap();
}

#[test]
fn non_finite_positions_are_refused() {
    let mut map = sample();
    let (_, putin, ..) = ids(&map);
    let message = refused(
        &mut map,
        Edit::MoveNodes {
            moves: vec![(putin.into(), Point::new(f32::NAN, 0.0))],
            pinned: true,
        },
    );
    assert!(message.contains("cannot move"), "{message}");
}

#[test]
fn stances_must_name_existing_actor_claim_and_source() {
    let mut map = sample();
    let (source, putin, _, nato, ..) = ids(&map);
    let mut alloc = map.id_allocator();
    let id = alloc.stance();
    let message = refused(
        &mut map,
        Edit::AddStance(Stance::new(id, ActorId(999), nato, Position::Supports)),
    );
    assert!(message.contains("actor 999 does not exist"), "{message}");
    let message = refused(
        &mut map,
        Edit::AddStance(Stance::new(id, putin, ClaimId(999), Position::Supports)),
    );
    assert!(message.contains("claim 999 does not exist"), "{message}");
    let message = refused(
        &mut map,
        Edit::AddStance(Stance {
            source: Some(SourceId(999)),
            ..Stance::new(id, putin, nato, Position::Supports)
        }),
    );
    assert!(message.contains("source 999 does not exist"), "{message}");
    let _ = source;
}

#[test]
fn duplicate_stance_needs_another_source_or_date() {
    let mut map = sample();
    let (source, putin, _, nato, ..) = ids(&map);
    let mut alloc = map.id_allocator();
    let twin = Stance {
        source: Some(source),
        ..Stance::new(alloc.stance(), putin, nato, Position::Opposes)
    };
    let message = refused(&mut map, Edit::AddStance(twin.clone()));
    assert!(message.contains("same source and date"), "{message}");
    // Another date makes it a separate, valid record.
    let dated = Stance {
        date: Some(Date::constant(2021, 11, 30)),
        ..twin.clone()
    };
    map.apply(Edit::AddStance(dated)).unwrap();
    // Another source does too.
    let other_source = alloc.source();
    map.apply(Edit::AddSource(Source::new(
        other_source,
        "TASS report",
        "TASS",
    )))
    .unwrap();
    let sourced = Stance {
        id: alloc.stance(),
        source: Some(other_source),
        ..twin
    };
    map.apply(Edit::AddStance(sourced)).unwrap();
    assert_eq!(map.stances().len(), 3);
}

#[test]
fn updating_a_stance_does_not_clash_with_itself() {
    let mut map = sample();
    let (.., stance, _) = ids(&map);
    let mut changed = map.stance(stance).unwrap().clone();
    changed.quote = "不應將烏克蘭東部局勢升級的責任歸咎於俄羅斯".to_owned();
    map.apply(Edit::UpdateStance(changed.clone())).unwrap();
    assert_eq!(map.stance(stance), Some(&changed));
}

#[test]
fn relations_refuse_self_loops_missing_claims_and_duplicates() {
    let mut map = sample();
    let (_, _, _, nato, guarantees, ..) = ids(&map);
    let mut alloc = map.id_allocator();
    let id = alloc.relation();
    let message = refused(
        &mut map,
        Edit::AddRelation(Relation::new(id, nato, nato, RelationKind::Attacks)),
    );
    assert!(
        message.contains("cannot support or attack itself"),
        "{message}"
    );
    let message = refused(
        &mut map,
        Edit::AddRelation(Relation::new(id, nato, ClaimId(999), RelationKind::Attacks)),
    );
    assert!(message.contains("claim 999 does not exist"), "{message}");
    let message = refused(
        &mut map,
        Edit::AddRelation(Relation::new(id, nato, guarantees, RelationKind::Attacks)),
    );
    assert!(message.contains("already joins"), "{message}");
    // The opposite direction is a different argument and is allowed.
    map.apply(Edit::AddRelation(Relation::new(
        id,
        guarantees,
        nato,
        RelationKind::Attacks,
    )))
    .unwrap();
}

#[test]
fn removing_an_actor_takes_its_stances() {
    let mut map = sample();
    let (_, putin, ..) = ids(&map);
    map.apply(Edit::RemoveActor(putin)).unwrap();
    assert_eq!(map.stances().len(), 0);
    assert!(rules::check_map(&map).is_empty());
}

#[test]
fn removing_a_claim_takes_its_stances_and_relations() {
    let mut map = sample();
    let (_, _, _, nato, ..) = ids(&map);
    map.apply(Edit::RemoveClaim(nato)).unwrap();
    assert_eq!(map.stances().len(), 0);
    assert_eq!(map.relations().len(), 0);
    assert!(rules::check_map(&map).is_empty());
}

#[test]
fn a_cited_source_cannot_be_removed() {
    let mut map = sample();
    let (source, .., stance, _) = ids(&map);
    let message = refused(&mut map, Edit::RemoveSource(source));
    assert!(message.contains("1 stance cites this source"), "{message}");
    map.apply(Edit::RemoveStance(stance)).unwrap();
    map.apply(Edit::RemoveSource(source)).unwrap();
}

#[test]
fn updates_and_removals_of_missing_items_are_refused() {
    let mut map = sample();
    let message = refused(&mut map, Edit::RemoveStance(StanceId(999)));
    assert_eq!(message, "stance 999: does not exist");
    let message = refused(
        &mut map,
        Edit::UpdateActor(Actor::new(
            ActorId(999),
            "Nobody",
            ActorKind::Other,
            Point::default(),
        )),
    );
    assert!(message.contains("does not exist"), "{message}");
}

#[test]
fn a_failing_batch_changes_nothing() {
    let mut map = sample();
    let (_, putin, ..) = ids(&map);
    let mut alloc = map.id_allocator();
    let message = refused(
        &mut map,
        Edit::Batch(vec![
            Edit::AddClaim(Claim::new(alloc.claim(), "Fine", Point::default())),
            Edit::RemoveActor(putin),
            Edit::AddStance(Stance::new(
                alloc.stance(),
                putin,
                ClaimId(999),
                Position::Supports,
            )),
        ]),
    );
    assert!(message.contains("does not exist"), "{message}");
}

#[test]
fn moving_pins_nodes() {
    let mut map = sample();
    let (_, putin, ..) = ids(&map);
    map.apply(Edit::MoveNodes {
        moves: vec![(putin.into(), Point::new(5.0, 6.0))],
        pinned: true,
    })
    .unwrap();
    assert_eq!(map.actor(putin).unwrap().at, Point::new(5.0, 6.0));
    assert!(map.actor(putin).unwrap().pinned);
    map.apply(Edit::SetPinned {
        nodes: vec![putin.into()],
        pinned: false,
    })
    .unwrap();
    assert!(!map.actor(putin).unwrap().pinned);
}

#[test]
fn connection_kinds_follow_the_node_kinds() {
    let map = sample();
    let (_, putin, biden, nato, guarantees, ..) = ids(&map);
    use rules::{ConnectionKind, connection_kind};
    assert_eq!(
        connection_kind(&map, putin.into(), nato.into()),
        Ok(ConnectionKind::Stance)
    );
    assert_eq!(
        connection_kind(&map, guarantees.into(), nato.into()),
        Ok(ConnectionKind::Relation)
    );
    assert!(connection_kind(&map, putin.into(), biden.into()).is_err());
    assert!(connection_kind(&map, nato.into(), putin.into()).is_err());
    assert!(connection_kind(&map, nato.into(), nato.into()).is_err());
    assert!(connection_kind(&map, nato.into(), guarantees.into()).is_err());
}

#[test]
fn assemble_reports_every_problem() {
    let map = sample();
    let (source, putin, _, nato, ..) = ids(&map);
    let parts = MapParts {
        info: map.info(),
        next_id: None,
        conflicts: Vec::new(),
        sources: map.sources().cloned().collect(),
        actors: vec![
            Actor::new(putin, "Putin", ActorKind::Person, Point::default()),
            Actor::new(putin, "Putin twin", ActorKind::Person, Point::default()),
        ],
        claims: vec![Claim::new(
            ClaimId(source.0),
            "Clash with source id",
            Point::default(),
        )],
        stances: vec![Stance::new(
            StanceId(50),
            ActorId(77),
            nato,
            Position::Supports,
        )],
        relations: vec![Relation::new(
            RelationId(51),
            ClaimId(source.0),
            ClaimId(source.0),
            RelationKind::Supports,
        )],
    };
    let problems = Map::assemble(parts).unwrap_err();
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let all = text.join("\n");
    assert!(all.contains("actor 2: appears more than once"), "{all}");
    assert!(all.contains("id 1 is also used by source 1"), "{all}");
    assert!(all.contains("stance 50: actor 77 does not exist"), "{all}");
    assert!(all.contains("stance 50: claim 4 does not exist"), "{all}");
    assert!(
        all.contains("relation 51: a claim cannot support or attack itself"),
        "{all}"
    );
}

#[test]
fn assemble_refuses_ids_at_or_above_next_id() {
    let parts = MapParts {
        next_id: Some(1),
        actors: vec![Actor::new(
            ActorId(5),
            "Putin",
            ActorKind::Person,
            Point::default(),
        )],
        ..MapParts::default()
    };
    let problems = Map::assemble(parts).unwrap_err();
    assert!(
        problems[0].to_string().contains("not below next_id 1"),
        "{problems:?}"
    );
}

#[test]
fn assemble_derives_next_id_when_missing() {
    let parts = MapParts {
        actors: vec![Actor::new(
            ActorId(5),
            "Putin",
            ActorKind::Person,
            Point::default(),
        )],
        ..MapParts::default()
    };
    assert_eq!(Map::assemble(parts).unwrap().next_id(), 6);
}

#[test]
fn camps_are_trimmed_blank_ones_ignored_and_listed_once_in_order_of_appearance() {
    let mut map = Map::new("t");
    let mut ids = map.id_allocator();
    let actor = |id, camp: Option<&str>| {
        let mut a = Actor::new(id, "A", ActorKind::Person, Point::default());
        a.camp = camp.map(str::to_owned);
        Edit::AddActor(a)
    };
    map.apply(Edit::Batch(vec![
        actor(ids.actor(), Some(" Russia ")),
        actor(ids.actor(), Some("   ")),
        actor(ids.actor(), None),
        actor(ids.actor(), Some("United States")),
        actor(ids.actor(), Some("Russia")),
    ]))
    .unwrap();
    assert_eq!(map.camps(), ["Russia", "United States"]);
    let names: Vec<Option<&str>> = map.actors().map(Actor::camp_name).collect();
    assert_eq!(
        names,
        [
            Some("Russia"),
            None,
            None,
            Some("United States"),
            Some("Russia")
        ]
    );
}
