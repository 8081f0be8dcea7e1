//! What an edit costs on large maps: the edit applied through the document (validated,
//! recorded as an undo step) and the canvas's drawing brought up to date, against the baseline
//! of whole-map snapshots (`baseline.rs`) in the same run; undo and redo; the memory 500 small
//! edits keep alive; and a 100,000-node map opened and edited.
//!
//! Results go in the README's "Editing" section.

// A benchmark whose setup fails should stop loudly.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)]

mod baseline;

use baseline::SnapshotDocument;
use cap::Cap;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use stancemap::app::Document;
use stancemap::app::canvas::Drawing;
use stancemap::io::{load_str, to_ron_string};
use stancemap::model::synthetic::synthetic_map;
use stancemap::model::{Claim, ClaimId, Edit, Map, NodeId, Point};
use stancemap::scene::{SceneCache, Theme};
use std::alloc::System;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

/// Counts the bytes allocated and not yet freed, to measure what edits keep alive.
#[global_allocator]
static ALLOCATOR: Cap<System> = Cap::new(System, usize::MAX);

/// A generated map as in the measurements: 2.5 edges (stances and relations) per node.
fn map_of(nodes: usize) -> Map {
    synthetic_map(nodes, nodes * 5 / 2, 42)
}

/// The small edits of an editing session, by number: move one node, rename one claim.
fn small_edit(map: &Map, nodes: &[NodeId], claims: &[ClaimId], i: usize) -> Edit {
    if i.is_multiple_of(2) {
        let node = nodes[(i * 7919) % nodes.len()];
        let at = map.node_position(node).unwrap();
        Edit::MoveNodes {
            moves: vec![(node, Point::new(at.x + 10.0, at.y))],
            pinned: true,
        }
    } else {
        let claim = map.claim(claims[(i * 104_729) % claims.len()]).unwrap();
        Edit::UpdateClaim(Claim {
            label: format!("renamed claim {i}"),
            ..claim.clone()
        })
    }
}

/// The document with the canvas's drawing of it, kept up to date as the app does.
struct Editor {
    doc: Document,
    cache: SceneCache,
    drawing: Drawing,
}

impl Editor {
    fn new(map: Map) -> Editor {
        let doc = Document::new(map, Some("big.ron".into()));
        let mut cache = SceneCache::default();
        let drawing = Drawing::build(doc.map(), (0, 0), Theme::Dark, None, &mut cache);
        Editor {
            doc,
            cache,
            drawing,
        }
    }

    /// Brings the drawing up to the document's state from what changed.
    fn redraw(&mut self) {
        let touched = self
            .doc
            .changes_since(self.drawing.generation)
            .expect("the change is known");
        let generation = self.doc.generation();
        self.drawing
            .update(self.doc.map(), generation, None, &touched, &mut self.cache);
    }

    fn apply(&mut self, edit: Edit) {
        self.doc.apply(edit, None).expect("the edit applies");
        self.redraw();
    }
}

fn edit_times(c: &mut Criterion) {
    for nodes in [10_000, 100_000] {
        let map = map_of(nodes);
        let node_ids: Vec<NodeId> = map.nodes().collect();
        let claim_ids: Vec<ClaimId> = map.claims().map(|c| c.id).collect();
        let mut group = c.benchmark_group(format!("edit on a {}k-node map", nodes / 1000));
        group.sample_size(20);

        let mut editor = Editor::new(map.clone());
        let mut i = 0;
        group.bench_function("recorded: edit + undo step + drawing update", |b| {
            b.iter(|| {
                i += 1;
                let edit = small_edit(editor.doc.map(), &node_ids, &claim_ids, i);
                editor.apply(black_box(edit));
            })
        });
        group.bench_function("recorded: undo + drawing update", |b| {
            b.iter_custom(|iterations| {
                let mut spent = Duration::ZERO;
                for _ in 0..iterations {
                    let start = Instant::now();
                    assert!(editor.doc.undo());
                    editor.redraw();
                    spent += start.elapsed();
                    assert!(editor.doc.redo());
                    editor.redraw();
                }
                spent
            })
        });
        group.bench_function("recorded: redo + drawing update", |b| {
            b.iter_custom(|iterations| {
                let mut spent = Duration::ZERO;
                for _ in 0..iterations {
                    assert!(editor.doc.undo());
                    editor.redraw();
                    let start = Instant::now();
                    assert!(editor.doc.redo());
                    editor.redraw();
                    spent += start.elapsed();
                }
                spent
            })
        });
        if nodes <= 10_000 {
            let mut old = SnapshotDocument::new(map.clone(), 20);
            group.sample_size(10);
            group.bench_function("baseline: snapshot + compare + drawing rebuild", |b| {
                b.iter(|| {
                    i += 1;
                    let edit = small_edit(&old.map, &node_ids, &claim_ids, i);
                    assert!(old.apply(black_box(edit)));
                })
            });
            group.bench_function(
                "baseline: undo (snapshot for redo + drawing rebuild)",
                |b| b.iter(|| black_box(old.undo_work())),
            );
        }
        group.finish();
    }
}

fn memory(_: &mut Criterion) {
    let before_map = ALLOCATOR.allocated();
    let map = map_of(10_000);
    let map_bytes = ALLOCATOR.allocated() - before_map;
    let node_ids: Vec<NodeId> = map.nodes().collect();
    let claim_ids: Vec<ClaimId> = map.claims().map(|c| c.id).collect();

    let mut doc = Document::new(map, None);
    let before = ALLOCATOR.allocated();
    for i in 0..500 {
        let edit = small_edit(doc.map(), &node_ids, &claim_ids, i);
        doc.apply(edit, None).expect("the edit applies");
    }
    let added = ALLOCATOR.allocated() - before;
    eprintln!(
        "memory: the 10k-node map holds {:.1} MB; 500 small edits (recorded) add {:.1} KB = {:.2} % of it, {} bytes per undo step (the history's own estimate: {} bytes)",
        map_bytes as f64 / 1e6,
        added as f64 / 1e3,
        100.0 * added as f64 / map_bytes as f64,
        added / 500,
        doc.history_bytes() / 500,
    );

    let map = map_of(10_000);
    let mut old = SnapshotDocument::new(map, 20);
    let before = ALLOCATOR.allocated();
    for i in 0..20 {
        let edit = small_edit(&old.map, &node_ids, &claim_ids, i);
        assert!(old.apply(edit));
    }
    let added = ALLOCATOR.allocated() - before;
    eprintln!(
        "memory: baseline (snapshots), {} steps add {:.1} MB: {:.1} MB per undo step, {:.1} GB for 500",
        old.steps(),
        added as f64 / 1e6,
        added as f64 / 1e6 / 20.0,
        added as f64 / 1e9 / 20.0 * 500.0,
    );
}

fn open_large(c: &mut Criterion) {
    let map = map_of(100_000);
    let text = to_ron_string(&map).expect("serialise");
    drop(map);
    let mut group = c.benchmark_group("open a 100k-node map");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(40));
    group.bench_with_input(
        BenchmarkId::new(
            "load: parse + validate",
            format!("{} MB", text.len() / 1_000_000),
        ),
        &text,
        |b, text| b.iter(|| black_box(load_str(text, Path::new("big.ron")).expect("loads"))),
    );
    let map = load_str(&text, Path::new("big.ron")).expect("loads");
    group.bench_function("first drawing of the map", |b| {
        b.iter(|| {
            let mut cache = SceneCache::default();
            black_box(Drawing::build(&map, (0, 0), Theme::Dark, None, &mut cache))
        })
    });
    group.finish();
}

criterion_group!(benches, memory, edit_times, open_large);
criterion_main!(benches);
