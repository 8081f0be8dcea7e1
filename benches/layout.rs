//! Layout speed and quality on generated maps of 1,000 and 10,000 nodes, against graphviz
//! `sfdp` (default settings) on the same graph in the same run.
//!
//! - sfdp: `sfdp -Tplain` on the map's graph written as DOT (boxes of the real node sizes),
//!   including starting the program and reading the graph, as a user would run it.
//! - network: our network layout with overlap removal, from the map (building the layout
//!   graph, measuring boxes) to the list of moves.
//! - stance: our stance layout, the same way.
//!
//! After the timings it prints the medians, the ratios to sfdp, and each drawing's edge
//! crossings and overlapping node pairs. Results go in the README's "Layout" section.

// Benchmark code is test code: a broken setup should stop it loudly.
#![allow(clippy::indexing_slicing, clippy::expect_used)]

use criterion::Criterion;
use stancemap::layout::graphviz::{positions_from_plain, run_plain, to_dot};
use stancemap::layout::{
    LayoutGraph, LayoutKind, Progress, Scope, count_crossings, layout_map, overlapping_pairs,
};
use stancemap::model::{
    Actor, ActorKind, Claim, Edit, Map, Point, Position, Relation, RelationKind, Stance,
};
use stancemap::scene::{Style, Theme};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

const SIZES: [usize; 2] = [1_000, 10_000];
const CAMPS: usize = 8;
const TOPIC_SIZE: usize = 15;

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

/// A small deterministic pseudo-random sequence, so every run lays out the same map.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }

    fn label(&mut self, words: usize) -> String {
        (0..words)
            .map(|_| WORDS[self.next(WORDS.len())])
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A map shaped like real ones: a quarter actors in eight camps, the rest claims (labels of
/// three to seven words) in topics of fifteen. Each actor speaks on two neighbouring topics
/// (topics are numbered so that neighbours are related, as "NATO expansion" and "security
/// guarantees" are), taking three to six stances there; a camp leans for or against each
/// topic, so camps agree and disagree. Every other claim supports or attacks another claim of
/// its topic.
fn generated_map(nodes: usize) -> Map {
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
            ActorKind::ALL[rng.next(7)],
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

/// Where criterion keeps its results.
fn criterion_dir() -> PathBuf {
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from);
    target.join("criterion")
}

/// The median time criterion measured for a benchmark, in seconds.
fn median(group: &str, function: &str) -> Option<f64> {
    let path = criterion_dir()
        .join(group)
        .join(function)
        .join("new")
        .join("estimates.json");
    let text = std::fs::read_to_string(path).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json["median"]["point_estimate"].as_f64().map(|ns| ns / 1e9)
}

/// Crossings and overlapping pairs of a drawing.
fn quality(graph: &LayoutGraph, positions: &[Point]) -> (usize, usize) {
    (
        count_crossings(graph, positions),
        overlapping_pairs(&graph.boxes(positions), 0.0).len(),
    )
}

fn positions_after(graph: &LayoutGraph, map: &Map, style: &Style, kind: LayoutKind) -> Vec<Point> {
    let moves =
        layout_map(map, style, kind, &Scope::Whole, &Progress::new()).expect("not cancelled");
    let mut positions = graph.positions();
    for (node, at) in moves {
        if let Some(i) = graph.index_of(node) {
            positions[i] = at;
        }
    }
    positions
}

fn main() {
    let style = Style::new(Theme::Light);
    let mut criterion = Criterion::default()
        .configure_from_args()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(20));
    let mut report = Vec::new();
    for nodes in SIZES {
        let map = generated_map(nodes);
        let graph = LayoutGraph::from_map(&map, &style, &Scope::Whole);
        let dot = to_dot(&graph);
        let group_name = format!("layout_{nodes}");
        let mut group = criterion.benchmark_group(&group_name);
        group.bench_function("sfdp", |b| {
            b.iter(|| black_box(run_plain("sfdp", &dot).expect("sfdp runs")))
        });
        for (name, kind) in [
            ("network", LayoutKind::Network),
            ("stance", LayoutKind::Stance),
        ] {
            group.bench_function(name, |b| {
                b.iter(|| {
                    black_box(
                        layout_map(&map, &style, kind, &Scope::Whole, &Progress::new())
                            .expect("not cancelled"),
                    )
                })
            });
        }
        group.finish();
        let sfdp = positions_from_plain(&run_plain("sfdp", &dot).expect("sfdp runs"), &graph)
            .expect("sfdp places every node");
        let network = positions_after(&graph, &map, &style, LayoutKind::Network);
        let stance = positions_after(&graph, &map, &style, LayoutKind::Stance);
        report.push((
            nodes,
            graph.edges.len(),
            group_name,
            [
                ("sfdp", quality(&graph, &sfdp)),
                ("network", quality(&graph, &network)),
                ("stance", quality(&graph, &stance)),
            ],
        ));
    }
    criterion.final_summary();
    println!(
        "\n| nodes | edges | layout | median | ratio to sfdp | crossings | overlapping pairs |"
    );
    println!("|---:|---:|---|---:|---:|---:|---:|");
    for (nodes, edges, group, rows) in report {
        let base = median(&group, "sfdp");
        for (name, (crossings, overlaps)) in rows {
            let time = median(&group, name);
            let ratio = match (time, base) {
                (Some(t), Some(b)) if b > 0.0 => format!("{:.2}×", t / b),
                _ => "?".to_owned(),
            };
            let time = time.map_or("?".to_owned(), |t| format!("{:.3} s", t));
            println!(
                "| {nodes} | {edges} | {name} | {time} | {ratio} | {crossings} | {overlaps} |"
            );
        }
    }
}
