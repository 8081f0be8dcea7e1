//! Generated maps of any size, for benchmarks and tests of large maps. Deterministic: the
//! same arguments always give the same map.

use super::{
    Actor, ActorKind, Claim, Date, Map, MapInfo, MapParts, Point, Position, Relation, RelationKind,
    Source, Stance,
};
use std::collections::HashSet;

/// A small deterministic pseudo-random generator (xorshift), so no randomness crate is needed.
/// Seeded with a non-zero number; the same seed gives the same sequence.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    /// The next number of the sequence.
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n` (0 when `n` is 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// One of `items`, if there are any.
    pub(crate) fn pick<T: Copy>(&mut self, items: &[T]) -> Option<T> {
        items.get(self.below(items.len())).copied()
    }
}

const TOPICS: [&str; 8] = [
    "NATO expansion",
    "legal guarantees",
    "energy security",
    "sanctions",
    "diplomatic missions",
    "strategic stability",
    "cyber security",
    "regional escalation",
];

const QUOTES: [&str; 4] = [
    "俄羅斯希望獲得可靠的法律保證,以防止北約進一步東擴",
    "美國與盟友將採取強有力的經濟和其他措施做出回應",
    "俄美之間的矛盾與分歧是根本性的和戰略性的",
    "雙方將繼續進行對話和接觸",
];

/// A random element of a slice; `None` only when it is empty.
fn pick<T: Copy>(rng: &mut Rng, items: &[T]) -> Option<T> {
    items.get(rng.below(items.len())).copied()
}

/// The element at `i` modulo the length of a non-empty slice.
fn pick_nth<T: Copy>(items: &[T], i: usize) -> Option<T> {
    items.get(i % items.len().max(1)).copied()
}

/// A valid map with `nodes` nodes (a third actors, the rest claims), `edges` stances and
/// relations (four fifths stances), one source, laid out on a grid.
pub fn synthetic_map(nodes: usize, edges: usize, seed: u64) -> Map {
    let mut rng = Rng(seed.max(1));
    let title = format!("Generated map of {nodes} nodes");
    let mut ids = Map::new(title.clone()).id_allocator();
    let source = ids.source();
    let mut parts = MapParts {
        info: MapInfo {
            title: title.clone(),
            ..MapInfo::default()
        },
        sources: vec![Source {
            date: Some(Date::constant(2021, 12, 8)),
            ..Source::new(source, "Generated source", "stancemap")
        }],
        ..MapParts::default()
    };
    let actor_count = nodes / 3;
    let claim_count = nodes - actor_count;
    let columns = (nodes as f32).sqrt().ceil().max(1.0) as usize;
    let place = |i: usize| Point::new((i % columns) as f32 * 260.0, (i / columns) as f32 * 120.0);
    let mut actors = Vec::with_capacity(actor_count);
    for i in 0..actor_count {
        let id = ids.actor();
        actors.push(id);
        let kind = pick_nth(&ActorKind::ALL, i).unwrap_or(ActorKind::Other);
        parts.actors.push(Actor {
            camp: Some(format!("Camp {}", i % 6)),
            ..Actor::new(id, format!("Actor {i}"), kind, place(i))
        });
    }
    let mut claims = Vec::with_capacity(claim_count);
    for i in 0..claim_count {
        let id = ids.claim();
        claims.push(id);
        let topic = pick_nth(&TOPICS, i).unwrap_or("politics");
        let mut claim = Claim::new(id, format!("Claim {i} on {topic}"), place(actor_count + i));
        claim.tags = vec![topic.replace(' ', "-")];
        parts.claims.push(claim);
    }
    let stance_target = if actors.is_empty() || claims.is_empty() {
        0
    } else {
        edges * 4 / 5
    };
    let relation_target = if claims.len() < 2 {
        0
    } else {
        edges - edges * 4 / 5
    };
    let mut taken = HashSet::new();
    let mut attempts = 0;
    while taken.len() < stance_target && attempts < stance_target * 4 {
        attempts += 1;
        let (Some(actor), Some(claim)) = (pick(&mut rng, &actors), pick(&mut rng, &claims)) else {
            break;
        };
        if taken.insert((actor, claim)) {
            let position = pick(&mut rng, &Position::ALL).unwrap_or(Position::Neutral);
            parts.stances.push(Stance {
                quote: pick(&mut rng, &QUOTES).unwrap_or_default().to_owned(),
                translation: Some("A generated translation of the quote".to_owned()),
                source: Some(source),
                ..Stance::new(ids.stance(), actor, claim, position)
            });
        }
    }
    let mut pairs = HashSet::new();
    attempts = 0;
    while pairs.len() < relation_target && attempts < relation_target * 4 {
        attempts += 1;
        let (Some(from), Some(to)) = (pick(&mut rng, &claims), pick(&mut rng, &claims)) else {
            break;
        };
        if from != to && pairs.insert((from, to)) {
            let kind = if rng.below(3) == 0 {
                RelationKind::Attacks
            } else {
                RelationKind::Supports
            };
            parts
                .relations
                .push(Relation::new(ids.relation(), from, to, kind));
        }
    }
    // Valid by construction; an empty map stands in should that ever change, so the
    // generator has no panic path.
    Map::assemble(parts).unwrap_or_else(|_| Map::new(title))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generates_the_requested_sizes_deterministically() {
        let map = synthetic_map(300, 700, 7);
        assert_eq!(map.node_count(), 300);
        assert_eq!(map.stances().len() + map.relations().len(), 700);
        assert!(super::super::rules::check_map(&map).is_empty());
        assert_eq!(map, synthetic_map(300, 700, 7));
        assert_ne!(map, synthetic_map(300, 700, 8));
    }
}
