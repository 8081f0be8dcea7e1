//! Load (read + parse + validate) and save of a generated map with 10,000 nodes and 25,000
//! stances and relations, against serde_json on the same file struct in the same run.
//!
//! Baselines: "json parse" reads and parses the JSON form of the same `MapFile` (no checks);
//! "json parse + validate" adds the same validation stancemap runs, so the difference between
//! the two ratios is the cost of the RON text itself.

// Benchmark setup that fails should stop loudly.
#![allow(clippy::expect_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use stancemap::io::format::MapFile;
use stancemap::io::{load_file, save_file, to_ron_string};
use stancemap::model::Map;
use stancemap::model::synthetic::synthetic_map;
use std::hint::black_box;
use std::io::Write;
use std::time::Duration;

fn big_map() -> Map {
    synthetic_map(10_000, 25_000, 42)
}

fn load(c: &mut Criterion) {
    let map = big_map();
    let dir = tempfile::tempdir().expect("temp dir");
    let ron_path = dir.path().join("big.ron");
    let json_path = dir.path().join("big.json");
    std::fs::write(&ron_path, to_ron_string(&map).expect("serialise")).expect("write ron");
    let json = serde_json::to_string_pretty(&MapFile::from_map(&map)).expect("json");
    std::fs::write(&json_path, json).expect("write json");

    let mut group = c.benchmark_group("load 10k nodes + 25k edges");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("stancemap RON load (read+parse+validate)", |b| {
        b.iter(|| black_box(load_file(&ron_path).expect("loads")))
    });
    group.bench_function("stancemap RON read+parse only (no validation)", |b| {
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        b.iter(|| {
            let text = std::fs::read_to_string(&ron_path).expect("read");
            black_box(options.from_str::<MapFile>(&text).expect("parses"))
        })
    });
    group.bench_function("baseline: serde_json read+parse", |b| {
        b.iter(|| {
            let text = std::fs::read_to_string(&json_path).expect("read");
            black_box(serde_json::from_str::<MapFile>(&text).expect("parses"))
        })
    });
    group.bench_function("baseline: serde_json read+parse+validate", |b| {
        b.iter(|| {
            let text = std::fs::read_to_string(&json_path).expect("read");
            let file: MapFile = serde_json::from_str(&text).expect("parses");
            black_box(Map::assemble(file.into_parts()).expect("valid"))
        })
    });
    group.finish();
}

fn save(c: &mut Criterion) {
    let map = big_map();
    let dir = tempfile::tempdir().expect("temp dir");
    let ron_path = dir.path().join("big.ron");
    let json_path = dir.path().join("big.json");

    let mut group = c.benchmark_group("save 10k nodes + 25k edges");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("stancemap RON save (atomic, synced, with backup)", |b| {
        b.iter(|| save_file(&ron_path, black_box(&map)).expect("saves"))
    });
    group.bench_function("baseline: serde_json pretty write + sync", |b| {
        b.iter(|| {
            let json =
                serde_json::to_string_pretty(&MapFile::from_map(black_box(&map))).expect("json");
            let mut file = std::fs::File::create(&json_path).expect("create");
            file.write_all(json.as_bytes()).expect("write");
            file.sync_all().expect("sync");
        })
    });
    group.bench_function("stancemap RON serialise only", |b| {
        b.iter(|| black_box(to_ron_string(black_box(&map))))
    });
    group.bench_function("baseline: serde_json serialise only", |b| {
        b.iter(|| {
            black_box(
                serde_json::to_string_pretty(&MapFile::from_map(black_box(&map))).expect("json"),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, load, save);
criterion_main!(benches);
