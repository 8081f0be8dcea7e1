//! A scene updated edit by edit draws exactly what a scene built afresh draws.

use super::{Scene, SceneCache, Style, Theme, Visibility, VisibilityMap};
use crate::model::synthetic::synthetic_map;
use crate::model::{
    Actor, ActorKind, Claim, Edit, Map, NodeId, Point, Position, Relation, RelationKind, Stance,
};
use proptest::prelude::*;

/// The text of a debug string with its numbers taken out, and the numbers.
fn split_numbers(text: &str) -> (String, Vec<f64>) {
    let (mut words, mut numbers, mut number) = (String::new(), Vec::new(), String::new());
    for ch in text.chars().chain([' ']) {
        if ch.is_ascii_digit() || ch == '.' || (ch == '-' && number.is_empty()) {
            number.push(ch);
            continue;
        }
        match number.parse::<f64>() {
            Ok(value) => numbers.push(value),
            Err(_) => words.push_str(&number),
        }
        number.clear();
        words.push(ch);
    }
    (words, numbers)
}

/// Two drawings alike up to rounding: a moved drawing differs from a fresh one in the last
/// bits of some coordinates.
fn assert_alike(a: &str, b: &str) -> Result<(), TestCaseError> {
    let ((words_a, numbers_a), (words_b, numbers_b)) = (split_numbers(a), split_numbers(b));
    prop_assert_eq!(words_a, words_b);
    prop_assert_eq!(numbers_a.len(), numbers_b.len());
    for (x, y) in numbers_a.iter().zip(&numbers_b) {
        // Debug output rounds coordinates to tenths.
        prop_assert!(
            (x - y).abs() <= 0.11 + 1e-4 * x.abs(),
            "{} vs {}:\n{}\n{}",
            x,
            y,
            a,
            b
        );
    }
    Ok(())
}

fn assert_same(updated: &Scene, fresh: &Scene) -> Result<(), TestCaseError> {
    prop_assert_eq!(updated.items.len(), fresh.items.len());
    for (a, b) in updated.items.iter().zip(&fresh.items) {
        assert_alike(&format!("{a:?}"), &format!("{b:?}"))?;
    }
    assert_alike(
        &format!("{:?}", updated.bounds),
        &format!("{:?}", fresh.bounds),
    )?;
    prop_assert_eq!(&updated.camps, &fresh.camps);
    assert_alike(
        &format!("{:?}", updated.looks),
        &format!("{:?}", fresh.looks),
    )?;
    Ok(())
}

/// An edit of the kinds that change drawings: moves, renames, new and removed edges
/// (parallel ones too, and twins drawn as one edge), changed positions, removed nodes, new
/// camps.
fn scene_edit(map: &Map, (op, a, b, c): (u8, usize, usize, u16)) -> Option<Edit> {
    let actors: Vec<&Actor> = map.actors().collect();
    let claims: Vec<&Claim> = map.claims().collect();
    let actor = actors.get(a % actors.len().max(1)).copied();
    let claim = claims.get(b % claims.len().max(1)).copied();
    let other = claims.get(a % claims.len().max(1)).copied();
    let mut ids = map.id_allocator();
    let at = Point::new(f32::from(c % 1000) * 2.0 - 500.0, f32::from(c % 31) * 20.0);
    Some(match op % 11 {
        0 => Edit::MoveNodes {
            moves: vec![(NodeId::from(claim?.id), at)],
            pinned: true,
        },
        1 => Edit::MoveNodes {
            moves: vec![(NodeId::from(actor?.id), at)],
            pinned: false,
        },
        2 => Edit::UpdateClaim(Claim {
            label: format!("a label long enough to wrap onto two lines {c}"),
            ..claim?.clone()
        }),
        3 => Edit::UpdateActor(Actor {
            camp: Some(format!("camp {}", c % 12)),
            ..actor?.clone()
        }),
        // A second stance of the same actor on the same claim: a parallel edge.
        4 => Edit::AddStance(Stance {
            date: Some(jiff::civil::date(2021, 1, 1 + (c % 28) as i8)),
            ..Stance::new(ids.stance(), actor?.id, claim?.id, Position::Supports)
        }),
        5 => Edit::AddRelation(Relation::new(
            ids.relation(),
            other?.id,
            claim?.id,
            RelationKind::Attacks,
        )),
        6 => Edit::RemoveClaim(claim?.id),
        7 => Edit::RemoveActor(actor?.id),
        8 => Edit::AddActor(Actor {
            camp: Some(format!("camp {}", c % 12)),
            ..Actor::new(ids.actor(), format!("new {c}"), ActorKind::State, at)
        }),
        // A stance changing position: it leaves its twins, or joins others.
        9 => {
            let stance = map.stances().nth(a % map.stances().len().max(1))?;
            Edit::UpdateStance(Stance {
                position: if c % 2 == 0 {
                    Position::Supports
                } else {
                    Position::Opposes
                },
                ..stance.clone()
            })
        }
        _ => Edit::RemoveStance(map.stances().nth(a % map.stances().len().max(1))?.id),
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn updating_after_each_edit_draws_what_a_fresh_build_draws(
        seed in 1u64..500,
        dimmed in any::<bool>(),
        steps in prop::collection::vec((any::<u8>(), any::<usize>(), any::<usize>(), any::<u16>()), 1..25),
    ) {
        let style = Style::new(Theme::Light);
        let mut map = synthetic_map(24, 40, seed);
        // Some items dimmed or hidden, as filters leave them.
        let mut visibility = VisibilityMap::all_shown();
        if dimmed {
            for (i, node) in map.nodes().enumerate() {
                match i % 5 {
                    0 => visibility.set(node, Visibility::Dimmed),
                    1 => visibility.set(node, Visibility::Hidden),
                    _ => {}
                }
            }
            for (i, stance) in map.stances().enumerate() {
                if i % 4 == 0 {
                    visibility.set(stance.id, Visibility::Hidden);
                }
            }
        }
        let visibility = dimmed.then_some(&visibility);
        let mut cache = SceneCache::default();
        let mut scene = cache.build(&map, &style, visibility);
        for step in steps {
            let Some(edit) = scene_edit(&map, step) else { continue };
            let Ok(change) = map.apply_recorded(edit) else { continue };
            cache.update(&mut scene, &map, &style, visibility, &change.touched());
            assert_same(&scene, &Scene::build_with(&map, &style, visibility))?;
            prop_assert_eq!(scene.routes.check(&scene), Ok(()));
            // Undo too: the change taken back, the scene follows.
            if step.3 % 4 == 0 {
                map.undo_change(&change);
                cache.update(&mut scene, &map, &style, visibility, &change.touched());
                assert_same(&scene, &Scene::build_with(&map, &style, visibility))?;
                prop_assert_eq!(scene.routes.check(&scene), Ok(()));
            }
        }
    }
}
