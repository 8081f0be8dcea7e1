//! Diff and three-way merge of a generated map of 10,000 nodes and 25,000 stances and
//! relations, each side with about 1% of it changed (100 edits: renames, new quotes and
//! positions, moves, new claims with stances, deletions), against git's line merge
//! (`git merge-file`) and line diff (`git diff --no-index`) of the same RON texts in the same
//! run. Before measuring, it prints whether git's textual merge gave a map that loads, and
//! how many conflicts each merge found.

// Benchmark setup that fails should stop loudly.
#![allow(clippy::expect_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use stancemap::io::{load_file, load_str, to_ron_string};
use stancemap::model::Map;
use stancemap::model::synthetic::synthetic_map;
use stancemap::teams::diff::{DiffOptions, diff_maps};
use stancemap::teams::merge::merge_maps;
use stancemap::teams::synthetic::edited_copy;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const EDITS_PER_SIDE: usize = 100;

struct Files {
    _dir: tempfile::TempDir,
    base: PathBuf,
    ours: PathBuf,
    theirs: PathBuf,
    out: PathBuf,
    maps: [Map; 3],
}

fn files() -> Files {
    let base = synthetic_map(10_000, 25_000, 42);
    let ours = edited_copy(&base, EDITS_PER_SIDE, 7, "ours");
    let theirs = edited_copy(&base, EDITS_PER_SIDE, 11, "theirs");
    let dir = tempfile::tempdir().expect("temp dir");
    let write = |name: &str, map: &Map| {
        let path = dir.path().join(name);
        std::fs::write(&path, to_ron_string(map).expect("text")).expect("write");
        path
    };
    Files {
        base: write("base.ron", &base),
        ours: write("ours.ron", &ours),
        theirs: write("theirs.ron", &theirs),
        out: dir.path().join("out.ron"),
        _dir: dir,
        maps: [base, ours, theirs],
    }
}

/// `git merge-file -p OURS BASE THEIRS`: the merged text and git's exit status (the number of
/// conflicts, or a negative status on error).
fn git_merge_file(f: &Files) -> (String, i32) {
    let out = Command::new("git")
        .arg("merge-file")
        .arg("-p")
        .args([&f.ours, &f.base, &f.theirs])
        .output()
        .expect("run git merge-file");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

fn stancemap_merge_process(f: &Files) -> i32 {
    Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .arg("merge")
        .args([&f.base, &f.ours, &f.theirs])
        .arg("-o")
        .arg(&f.out)
        .stderr(std::process::Stdio::null())
        .status()
        .expect("run stancemap merge")
        .code()
        .unwrap_or(-1)
}

fn report(f: &Files) {
    let [base, ours, theirs] = &f.maps;
    let outcome = merge_maps(base, ours, theirs).expect("merges");
    let (text, git_status) = git_merge_file(f);
    let loads = match load_str(&text, Path::new("git-merged.ron")) {
        Ok(_) => "loads".to_owned(),
        Err(error) => format!(
            "does not load ({} problems; first: {})",
            error.problems.len(),
            error.lines().first().cloned().unwrap_or_default()
        ),
    };
    println!(
        "stancemap merge: {} conflicts, {} of their items renumbered, {} items in the result",
        outcome.map.conflicts().len(),
        outcome.renumbered,
        outcome.map.node_count() + outcome.map.stances().len() + outcome.map.relations().len(),
    );
    println!("git merge-file: exit {git_status} (conflicting hunks); its result {loads}");
    let diff = diff_maps(base, ours, DiffOptions::default());
    let (added, removed, changed) = diff.counts();
    println!(
        "diff base → ours: {added} added, {removed} removed, {changed} changed, {} moved",
        diff.moved_not_listed
    );
}

fn merge(c: &mut Criterion) {
    let f = files();
    report(&f);
    let [base, ours, theirs] = &f.maps;
    let mut group = c.benchmark_group("merge 10k nodes, 1% changed on each side");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(15));
    group.bench_function("stancemap merge_maps (in process, maps loaded)", |b| {
        b.iter(|| black_box(merge_maps(base, ours, theirs).expect("merges")))
    });
    group.bench_function(
        "stancemap merge (process: load 3 files, merge, write)",
        |b| b.iter(|| black_box(stancemap_merge_process(&f))),
    );
    group.bench_function("baseline: git merge-file -p (process)", |b| {
        b.iter(|| black_box(git_merge_file(&f)))
    });
    group.finish();
}

fn diff(c: &mut Criterion) {
    let f = files();
    let [base, ours, _] = &f.maps;
    let mut group = c.benchmark_group("diff 10k nodes, 1% changed");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(15));
    group.bench_function("stancemap diff_maps (in process, maps loaded)", |b| {
        b.iter(|| black_box(diff_maps(base, ours, DiffOptions::default())))
    });
    group.bench_function("stancemap diff (process: load 2 files, diff, print)", |b| {
        b.iter(|| {
            Command::new(env!("CARGO_BIN_EXE_stancemap"))
                .arg("diff")
                .args([&f.base, &f.ours])
                .stdout(std::process::Stdio::null())
                .status()
                .expect("run stancemap diff")
        })
    });
    group.bench_function("baseline: git diff --no-index (process)", |b| {
        b.iter(|| {
            Command::new("git")
                .args(["diff", "--no-index", "--no-ext-diff"])
                .args([&f.base, &f.ours])
                .stdout(std::process::Stdio::null())
                .status()
                .expect("run git diff")
        })
    });
    group.finish();
    // Loading is most of the process figures: show it alone.
    let mut group = c.benchmark_group("load one 10k-node map");
    group.sample_size(10);
    group.bench_function("load_file", |b| {
        b.iter(|| black_box(load_file(&f.base).expect("loads")))
    });
    group.finish();
}

criterion_group!(benches, merge, diff);
criterion_main!(benches);
