//! Generated maps for benchmarks: deterministic, of any size, shaped like real ones (a quarter
//! actors, claims with labels of a few words, stances on nearby claims, some relations).
//! Each benchmark compiles this module on its own and uses only some of its generators.

// Benchmark setup code: a generator that makes an invalid map should stop the run loudly.
#![allow(dead_code, clippy::expect_used, clippy::indexing_slicing)]

use stancemap::model::{
    Actor, ActorKind, Claim, Edit, Map, Point, Position, Relation, RelationKind, Stance,
};

const WORDS: &[&str] = &[
    "NATO",
    "expansion",
    "security",
    "guarantees",
    "Ukraine",
    "sanctions",
    "dialogue",
    "border",
    "troops",
    "energy",
    "pipeline",
    "talks",
    "red",
    "lines",
    "summit",
    "treaty",
    "missiles",
    "Europe",
    "stability",
    "crisis",
    "legal",
    "east",
    "relations",
    "reset",
    "escalation",
];

/// A small deterministic pseudo-random sequence, so every run draws the same map.
struct Lcg(u64);

impl Lcg {
    /// A number in 0..n.
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }

    /// A few words.
    fn label(&mut self, words: usize) -> String {
        (0..words)
            .map(|_| {
                WORDS
                    .get(self.next(WORDS.len()))
                    .copied()
                    .unwrap_or("talks")
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A map of `nodes` nodes on a grid (a quarter actors, the rest claims with labels of three to
/// seven words), each actor holding up to four stances on claims a few cells away and every
/// other claim supporting or attacking a neighbour.
pub fn grid_map(nodes: usize) -> Map {
    let mut map = Map::new("generated");
    let mut ids = map.id_allocator();
    let mut rng = Lcg(7);
    let columns = (nodes as f32).sqrt().ceil() as usize;
    let mut edits = Vec::new();
    let mut actors = Vec::new();
    let mut claims = Vec::new();
    for i in 0..nodes {
        let at = Point::new((i % columns) as f32 * 260.0, (i / columns) as f32 * 130.0);
        if i % 4 == 0 {
            let id = ids.actor();
            let kind = pick(
                &ActorKind::ALL,
                rng.next(ActorKind::ALL.len()),
                ActorKind::Other,
            );
            let mut actor = Actor::new(id, rng.label(2), kind, at);
            actor.camp = Some(format!("camp {}", rng.next(6)));
            edits.push(Edit::AddActor(actor));
            actors.push((i, id));
        } else {
            let id = ids.claim();
            let words = 3 + rng.next(5);
            edits.push(Edit::AddClaim(Claim::new(id, rng.label(words), at)));
            claims.push((i, id));
        }
    }
    // The claim in or just after grid cell `cell`, so edges join neighbours on the grid.
    let claim_at = |cell: usize| {
        let index = claims.partition_point(|(j, _)| *j < cell);
        claims.get(index).or(claims.last()).map(|(_, id)| *id)
    };
    // A cell up to three columns left or right and up to two rows down.
    let near = |rng: &mut Lcg, i: usize| {
        let dx = rng.next(7) as isize - 3;
        let dy = rng.next(3) * columns;
        (i as isize + dx).max(0) as usize + dy
    };
    for &(i, actor) in &actors {
        let mut used = Vec::new();
        for _ in 0..4 {
            let Some(claim) = claim_at(near(&mut rng, i)) else {
                continue;
            };
            if used.contains(&claim) {
                continue;
            }
            used.push(claim);
            let position = pick(
                &Position::ALL,
                rng.next(Position::ALL.len()),
                Position::Neutral,
            );
            edits.push(Edit::AddStance(Stance::new(
                ids.stance(),
                actor,
                claim,
                position,
            )));
        }
    }
    for (k, &(i, from)) in claims.iter().enumerate() {
        if k % 2 == 0 {
            let to = claim_at(near(&mut rng, i + 1));
            if let Some(to) = to.filter(|to| *to != from) {
                let kind = pick(&RelationKind::ALL, rng.next(2), RelationKind::Supports);
                edits.push(Edit::AddRelation(Relation::new(
                    ids.relation(),
                    from,
                    to,
                    kind,
                )));
            }
        }
    }
    // A few relations repeat a pair: add edits one by one and skip the refused ones.
    for edit in edits {
        let _ = map.apply(edit);
    }
    map
}

/// Camps of the topic-shaped map.
const CAMPS: usize = 8;
/// Claims per topic in the topic-shaped map.
const TOPIC_SIZE: usize = 15;

/// A map shaped like real ones: a quarter actors in eight camps, the rest claims (labels of
/// three to seven words) in topics of fifteen. Each actor speaks on two neighbouring topics
/// (topics are numbered so that neighbours are related, as "NATO expansion" and "security
/// guarantees" are), taking three to six stances there; a camp leans for or against each
/// topic, so camps agree and disagree. Every other claim supports or attacks another claim of
/// its topic.
pub fn topic_map(nodes: usize) -> Map {
    let mut map = Map::new("generated");
    let mut ids = map.id_allocator();
    let mut rng = Lcg(11);
    let actor_count = nodes / 4;
    let claim_count = nodes - actor_count;
    let topics = claim_count.div_ceil(TOPIC_SIZE);
    let mut edits = Vec::new();
    let mut claims = Vec::new();
    for _ in 0..claim_count {
        let id = ids.claim();
        let words = 3 + rng.next(5);
        edits.push(Edit::AddClaim(Claim::new(
            id,
            rng.label(words),
            Point::default(),
        )));
        claims.push(id);
    }
    let topic_claims = |t: usize| {
        claims
            .iter()
            .copied()
            .skip(t * TOPIC_SIZE)
            .take(TOPIC_SIZE)
            .collect::<Vec<_>>()
    };
    for (i, &claim) in claims.iter().enumerate() {
        if i % 2 == 0 {
            let topic = topic_claims(i / TOPIC_SIZE);
            let other = topic[rng.next(topic.len())];
            if other != claim {
                let kind = if rng.next(3) == 0 {
                    RelationKind::Attacks
                } else {
                    RelationKind::Supports
                };
                edits.push(Edit::AddRelation(Relation::new(
                    ids.relation(),
                    claim,
                    other,
                    kind,
                )));
            }
        }
    }
    let mut taken = std::collections::BTreeSet::new();
    for a in 0..actor_count {
        let id = ids.actor();
        let camp = a % CAMPS;
        let mut actor = Actor::new(
            id,
            rng.label(2),
            pick(
                &ActorKind::ALL,
                rng.next(ActorKind::ALL.len()),
                ActorKind::Other,
            ),
            Point::default(),
        );
        actor.camp = Some(format!("camp {camp}"));
        edits.push(Edit::AddActor(actor));
        let first = rng.next(topics);
        let second = (first + rng.next(4)).min(topics - 1);
        let home = [first, second];
        for _ in 0..3 + rng.next(4) {
            let topic = home[rng.next(2)];
            let pool = topic_claims(topic);
            let claim = pool[rng.next(pool.len())];
            if !taken.insert((id, claim)) {
                continue;
            }
            // Camps lean one way on a topic; a few actors break ranks.
            let leans_for = (camp * 7 + topic * 3) % 5 < 2;
            let with_camp = rng.next(6) != 0;
            let position = match (leans_for == with_camp, rng.next(2)) {
                (true, 0) => Position::Supports,
                (true, _) => Position::StronglySupports,
                (false, 0) => Position::Opposes,
                (false, _) => Position::StronglyOpposes,
            };
            edits.push(Edit::AddStance(Stance::new(
                ids.stance(),
                id,
                claim,
                position,
            )));
        }
    }
    map.apply(Edit::Batch(edits))
        .expect("the generated map is valid");
    map
}

/// The `n`th of a few choices, or `default` if `n` is out of range.
fn pick<T: Copy>(choices: &[T], n: usize, default: T) -> T {
    choices.get(n).copied().unwrap_or(default)
}
