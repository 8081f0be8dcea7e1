//! Importing a 10,000-row stance spreadsheet (read + plan + apply into a new map) against
//! reading the same CSV with the `csv` crate alone, in the same run; and the peak resident
//! memory each adds, from the kernel's count.

// Benchmark setup that fails should stop loudly.
#![allow(clippy::expect_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use stancemap::formats::{Format, new_map_from};
use std::fmt::Write as _;
use std::hint::black_box;
use std::time::Duration;

/// A field of /proc/self/status in kilobytes (VmRSS: resident now, VmHWM: its peak).
fn status_kb(field: &str) -> usize {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|line| line.strip_prefix(field))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|kb| kb.parse().ok())
        .unwrap_or(0)
}

/// Peak resident memory while `f` runs, above what was resident before, in bytes. Writing 5
/// to /proc/self/clear_refs resets the kernel's peak (Linux).
fn peak_of<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let before = status_kb("VmRSS:");
    let out = f();
    (out, status_kb("VmHWM:").saturating_sub(before) * 1024)
}

/// A coder's sheet: 10,000 stances of 500 actors in 8 camps on 2,000 claims, with quotes,
/// translations, 20 sources and dates.
fn sheet() -> String {
    let mut csv =
        String::from("actor,actor kind,camp,claim,position,quote,translation,source,date\n");
    let positions = [
        "strongly opposes",
        "opposes",
        "neutral",
        "supports",
        "strongly supports",
    ];
    for i in 0..10_000usize {
        let actor = i % 500;
        let claim = i / 5;
        let _ = writeln!(
            csv,
            "Actor {actor},person,Camp {},Claim number {claim} about policy,{},\"Quote {i}, with a comma and \"\"quotes\"\"\",Translation of quote {i},Source {},2021-{:02}-{:02}",
            actor % 8,
            positions.get(i % 5).copied().unwrap_or("neutral"),
            i % 20,
            1 + i % 12,
            1 + i % 28,
        );
    }
    csv
}

fn import(c: &mut Criterion) {
    let csv = sheet();
    let bytes = csv.as_bytes();
    let (map, peak) =
        peak_of(|| new_map_from(bytes, Format::Csv, "bench", false).expect("imports"));
    let (rows, baseline_peak) = peak_of(|| read_with_csv_alone(bytes));
    println!(
        "10,000-row CSV ({:.1} MB): import peak {:.1} MB ({} stances); csv alone peak {:.1} MB ({rows} rows)",
        bytes.len() as f64 / 1e6,
        peak as f64 / 1e6,
        map.0.stances().len(),
        baseline_peak as f64 / 1e6,
    );
    let mut group = c.benchmark_group("import 10,000-row CSV");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(15));
    group.bench_function("stancemap import (read + plan + apply, new map)", |b| {
        b.iter(|| black_box(new_map_from(bytes, Format::Csv, "bench", false).expect("imports")))
    });
    group.bench_function("baseline: csv crate reading every record", |b| {
        b.iter(|| black_box(read_with_csv_alone(bytes)))
    });
    group.finish();
}

/// Every record of the sheet read by the `csv` crate into memory.
fn read_with_csv_alone(bytes: &[u8]) -> usize {
    let mut reader = csv::Reader::from_reader(bytes);
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    records.len()
}

criterion_group!(benches, import);
criterion_main!(benches);
