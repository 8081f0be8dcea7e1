//! What the recovery copy costs the UI thread: one autosave tick with a dirty 10,000-node map
//! (clone the map, hand it to the writer thread) against the baseline of writing the same map
//! synchronously (serialise + atomic write + sync), which is what the frame would pay if the
//! copy were written on the UI thread.

// A benchmark whose setup fails should stop loudly.
#![allow(clippy::expect_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;
use stancemap::app::Document;
use stancemap::app::document::recovery::Recovery;
use stancemap::io::save_file;
use stancemap::model::synthetic::synthetic_map;
use stancemap::model::{Claim, Edit, Point};
use std::hint::black_box;
use std::time::Duration;

fn dirty_document() -> Document {
    let mut doc = Document::new(synthetic_map(10_000, 25_000, 42), Some("big.ron".into()));
    let id = doc.map().id_allocator().claim();
    doc.apply(
        Edit::AddClaim(Claim::new(id, "unsaved", Point::default())),
        None,
    )
    .expect("the edit applies");
    doc
}

fn autosave(c: &mut Criterion) {
    let doc = dirty_document();
    let ctx = egui::Context::default();
    let data = tempfile::tempdir().expect("temp dir");
    let (mut recovery, _) =
        Recovery::start(&data.path().join("recovery"), Duration::ZERO).expect("recovery starts");
    let baseline_path = data.path().join("baseline.ron");

    let mut group = c.benchmark_group("recovery copy of a dirty 10k-node map");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(15));
    group.bench_function("UI thread: autosave tick (clone + hand over)", |b| {
        b.iter(|| {
            // Forget the last write so every tick writes again.
            recovery.document_replaced();
            recovery.tick(&ctx, black_box(&doc));
        })
    });
    group.bench_function(
        "baseline: synchronous write (serialise + atomic write + sync)",
        |b| b.iter(|| save_file(&baseline_path, black_box(doc.map())).expect("saves")),
    );
    group.finish();
    recovery.finish();
}

criterion_group!(benches, autosave);
criterion_main!(benches);
