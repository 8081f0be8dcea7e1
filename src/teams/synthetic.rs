//! Generated edits of a map, as one analyst working on a copy would make them: renames, new
//! quotes and positions, moved nodes, new claims with stances, deletions. Deterministic, for
//! merge tests and benchmarks.

use crate::model::synthetic::Rng;
use crate::model::{Claim, Edit, Map, NodeId, Point, Position, Stance};

/// `map` after `count` random edits (each one of: rename an actor, rewrite a quote, change a
/// position, move a node, add a claim with a stance on it, remove a stance, remove a claim).
/// New names and quotes carry `tag`, so two sides edited with different tags differ. Edits
/// the rules refuse are skipped.
pub fn edited_copy(map: &Map, count: usize, seed: u64, tag: &str) -> Map {
    let mut rng = Rng(seed.max(1));
    let mut map = map.clone();
    for step in 0..count {
        let actors: Vec<_> = map.actors().map(|a| a.id).collect();
        let claims: Vec<_> = map.claims().map(|c| c.id).collect();
        let stances: Vec<_> = map.stances().map(|s| s.id).collect();
        let edit = match rng.below(7) {
            0 => rng.pick(&actors).and_then(|id| map.actor(id)).map(|a| {
                let mut a = a.clone();
                a.name = format!("{} ({tag} {step})", a.name);
                Edit::UpdateActor(a)
            }),
            1 => rng.pick(&stances).and_then(|id| map.stance(id)).map(|s| {
                let mut s = s.clone();
                s.quote = format!("{tag} quote {step}");
                Edit::UpdateStance(s)
            }),
            2 => {
                let position = rng.pick(&Position::ALL).unwrap_or(Position::Neutral);
                rng.pick(&stances).and_then(|id| map.stance(id)).map(|s| {
                    let mut s = s.clone();
                    s.position = position;
                    Edit::UpdateStance(s)
                })
            }
            3 => rng.pick(&claims).map(|id| Edit::MoveNodes {
                moves: vec![(
                    NodeId::Claim(id),
                    Point::new(rng.below(5000) as f32, rng.below(5000) as f32),
                )],
                pinned: true,
            }),
            4 => rng.pick(&actors).map(|actor| {
                let mut ids = map.id_allocator();
                let (claim, stance) = (ids.claim(), ids.stance());
                let position = rng.pick(&Position::ALL).unwrap_or(Position::Neutral);
                Edit::Batch(vec![
                    Edit::AddClaim(Claim::new(
                        claim,
                        format!("{tag} claim {step}"),
                        Point::default(),
                    )),
                    Edit::AddStance(Stance {
                        quote: format!("{tag} says {step}"),
                        ..Stance::new(stance, actor, claim, position)
                    }),
                ])
            }),
            5 => rng.pick(&stances).map(Edit::RemoveStance),
            _ => rng.pick(&claims).map(Edit::RemoveClaim),
        };
        if let Some(edit) = edit {
            // A refused edit leaves the map as it was; the next one is tried.
            let _ = map.apply(edit);
        }
    }
    map
}
