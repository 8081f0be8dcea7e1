//! Recorded changes: random edit sequences undone in full give back the original map, redone
//! in full give the final one, and the connection index always matches the items.

use super::synthetic::synthetic_map;
use super::*;
use proptest::prelude::*;

/// The element at `i` modulo the length, if there is any.
fn nth<T: Copy>(ids: &[T], i: usize) -> Option<T> {
    ids.get(i % ids.len().max(1)).copied()
}

/// Interprets a few random numbers as an edit on `map`, picking existing items by number, so
/// that most generated edits are valid and some are refused.
fn edit_from(map: &Map, (op, a, b, c): (u8, usize, usize, u16)) -> Edit {
    let actors: Vec<ActorId> = map.actors().map(|x| x.id).collect();
    let claims: Vec<ClaimId> = map.claims().map(|x| x.id).collect();
    let stances: Vec<StanceId> = map.stances().map(|x| x.id).collect();
    let relations: Vec<RelationId> = map.relations().map(|x| x.id).collect();
    let sources: Vec<SourceId> = map.sources().map(|x| x.id).collect();
    let mut fresh = map.id_allocator();
    let at = Point::new(f32::from(c) - 300.0, f32::from(c % 97) * 3.0);
    let position = Position::ALL[usize::from(c) % Position::ALL.len()];
    let fallback = Edit::SetInfo(MapInfo {
        title: format!("title {c}"),
        ..map.info()
    });
    match op % 16 {
        0 => Edit::AddClaim(Claim::new(fresh.claim(), format!("claim {c}"), at)),
        1 => Edit::AddActor(Actor::new(
            fresh.actor(),
            format!("actor {c}"),
            ActorKind::Person,
            at,
        )),
        2 => match (nth(&actors, a), nth(&claims, b)) {
            (Some(actor), Some(claim)) => {
                Edit::AddStance(Stance::new(fresh.stance(), actor, claim, position))
            }
            _ => fallback,
        },
        3 => match (nth(&claims, a), nth(&claims, b)) {
            (Some(from), Some(to)) => Edit::AddRelation(Relation::new(
                fresh.relation(),
                from,
                to,
                RelationKind::ALL[usize::from(c) % 2],
            )),
            _ => fallback,
        },
        4 => match nth(&claims, a).and_then(|id| map.claim(id)) {
            Some(claim) => Edit::UpdateClaim(Claim {
                label: format!("renamed {c}"),
                ..claim.clone()
            }),
            None => fallback,
        },
        5 => {
            let nodes: Vec<NodeId> = map.nodes().collect();
            match nth(&nodes, a) {
                Some(node) => Edit::MoveNodes {
                    moves: vec![(node, at)],
                    pinned: c % 2 == 0,
                },
                None => fallback,
            }
        }
        6 => nth(&claims, a).map_or(fallback, Edit::RemoveClaim),
        7 => nth(&actors, a).map_or(fallback, Edit::RemoveActor),
        8 => nth(&stances, a).map_or(fallback, Edit::RemoveStance),
        9 => match (
            nth(&stances, a).and_then(|id| map.stance(id)),
            nth(&claims, b),
        ) {
            (Some(stance), Some(claim)) => Edit::UpdateStance(Stance {
                claim,
                position,
                source: nth(&sources, b),
                ..stance.clone()
            }),
            _ => fallback,
        },
        10 => nth(&relations, a).map_or(fallback, Edit::RemoveRelation),
        11 => Edit::AddSource(Source::new(fresh.source(), format!("source {c}"), "agency")),
        12 => nth(&sources, a).map_or(fallback, Edit::RemoveSource),
        13 => {
            let nodes: Vec<NodeId> = map.nodes().collect();
            Edit::SetPinned {
                nodes: nth(&nodes, a).into_iter().collect(),
                pinned: c % 2 == 1,
            }
        }
        14 => match nth(&claims, a).and_then(|id| map.claim(id)) {
            // A batch whose second half may be refused (an empty label): all or nothing.
            Some(claim) => Edit::Batch(vec![
                Edit::MoveNodes {
                    moves: vec![(claim.id.into(), at)],
                    pinned: true,
                },
                Edit::UpdateClaim(Claim {
                    label: if c % 3 == 0 {
                        String::new()
                    } else {
                        format!("b {c}")
                    },
                    ..claim.clone()
                }),
                Edit::AddClaim(Claim::new(fresh.claim(), format!("batch {c}"), at)),
            ]),
            None => fallback,
        },
        _ => fallback,
    }
}

/// Whether the connection lookups agree with a scan of every item.
fn index_matches_items(map: &Map) -> bool {
    let actors_ok = map.actors().all(|a| {
        let indexed: Vec<StanceId> = map.stances_of_actor(a.id).map(|s| s.id).collect();
        let scanned: Vec<StanceId> = map
            .stances()
            .filter(|s| s.actor == a.id)
            .map(|s| s.id)
            .collect();
        indexed == scanned
    });
    let claims_ok = map.claims().all(|c| {
        let on: Vec<StanceId> = map.stances_on_claim(c.id).map(|s| s.id).collect();
        let scanned: Vec<StanceId> = map
            .stances()
            .filter(|s| s.claim == c.id)
            .map(|s| s.id)
            .collect();
        let related: Vec<RelationId> = map.relations_of_claim(c.id).map(|r| r.id).collect();
        let scanned_relations: Vec<RelationId> = map
            .relations()
            .filter(|r| r.from == c.id || r.to == c.id)
            .map(|r| r.id)
            .collect();
        on == scanned && related == scanned_relations
    });
    let sources_ok = map.sources().all(|source| {
        let citing: Vec<StanceId> = map.stances_citing(source.id).map(|s| s.id).collect();
        let scanned: Vec<StanceId> = map
            .stances()
            .filter(|s| s.source == Some(source.id))
            .map(|s| s.id)
            .collect();
        citing == scanned
    });
    actors_ok && claims_ok && sources_ok
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn undoing_every_change_gives_back_the_original_and_redoing_gives_the_final_map(
        seed in 1u64..1_000,
        steps in prop::collection::vec((any::<u8>(), any::<usize>(), any::<usize>(), any::<u16>()), 1..60),
    ) {
        let original = synthetic_map(30, 60, seed);
        let mut map = original.clone();
        let mut changes = Vec::new();
        for step in steps {
            let edit = edit_from(&map, step);
            let before = map.clone();
            match map.apply_recorded(edit) {
                Ok(change) => {
                    prop_assert_eq!(change.is_empty(), map == before);
                    changes.push(change);
                }
                Err(_) => prop_assert_eq!(&map, &before),
            }
            prop_assert!(index_matches_items(&map));
        }
        let last = map.clone();
        for change in changes.iter().rev() {
            map.undo_change(change);
        }
        prop_assert_eq!(&map, &original);
        prop_assert!(index_matches_items(&map));
        for change in &changes {
            map.redo_change(change);
        }
        prop_assert_eq!(&map, &last);
        prop_assert!(index_matches_items(&map));
        // The original was never touched by the edits on its copy.
        prop_assert_eq!(&original, &synthetic_map(30, 60, seed));
    }

    #[test]
    fn merged_changes_undo_as_one(
        seed in 1u64..1_000,
        steps in prop::collection::vec((any::<u8>(), any::<usize>(), any::<usize>(), any::<u16>()), 1..30),
    ) {
        let original = synthetic_map(20, 40, seed);
        let mut map = original.clone();
        let mut merged = Change::default();
        for step in steps {
            let edit = edit_from(&map, step);
            if let Ok(change) = map.apply_recorded(edit) {
                merged.absorb(change);
            }
        }
        let last = map.clone();
        map.undo_change(&merged);
        prop_assert_eq!(&map, &original);
        map.redo_change(&merged);
        prop_assert_eq!(&map, &last);
    }
}

#[test]
fn an_edit_that_changes_nothing_records_nothing() {
    let mut map = synthetic_map(10, 10, 3);
    let claim = map.claims().next().unwrap().clone();
    let change = map
        .apply_recorded(Edit::UpdateClaim(claim.clone()))
        .unwrap();
    assert!(change.is_empty());
    let change = map
        .apply_recorded(Edit::MoveNodes {
            moves: vec![(claim.id.into(), claim.at)],
            pinned: claim.pinned,
        })
        .unwrap();
    assert!(change.is_empty());
}

#[test]
fn a_change_names_what_it_touched() {
    let mut map = synthetic_map(10, 20, 5);
    let claim = map.claims().next().unwrap().id;
    let stances: Vec<ItemId> = map.stances_on_claim(claim).map(|s| s.id.into()).collect();
    let relations: Vec<ItemId> = map.relations_of_claim(claim).map(|r| r.id.into()).collect();
    let change = map.apply_recorded(Edit::RemoveClaim(claim)).unwrap();
    let touched = change.touched();
    assert!(touched.items.contains(&ItemId::Claim(claim)));
    for item in stances.iter().chain(&relations) {
        assert!(touched.items.contains(item));
    }
    assert_eq!(touched.items.len(), 1 + stances.len() + relations.len());
    assert!(!touched.info);
}

#[test]
fn a_small_edit_keeps_little_alive() {
    let mut map = synthetic_map(1_000, 2_500, 7);
    let claim = map.claims().next().unwrap().clone();
    let change = map
        .apply_recorded(Edit::MoveNodes {
            moves: vec![(claim.id.into(), Point::new(1.0, 2.0))],
            pinned: true,
        })
        .unwrap();
    assert!(
        change.retained_bytes() < 1_000,
        "{}",
        change.retained_bytes()
    );
}
