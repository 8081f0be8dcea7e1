//! `stancemap diff`, `merge` and `agreement` run as real processes: what they print, what
//! they write and their exit statuses, bad input included.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)]

use stancemap::io::{load_file, to_ron_string};
use stancemap::model::{Edit, Map, NodeId, Point};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn stancemap(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_stancemap"));
    for arg in args {
        command.arg(arg);
    }
    command.output().unwrap()
}

fn example() -> Map {
    load_file(Path::new("maps/putin-biden-call-2021.ron")).unwrap()
}

/// `base` with its first stance's quote changed to `quote` (one side of a conflict).
fn with_first_quote(base: &Map, quote: &str) -> Map {
    let mut map = base.clone();
    let mut stance = map.stances().next().unwrap().clone();
    stance.quote = quote.into();
    map.apply(Edit::UpdateStance(stance)).unwrap();
    map
}

fn write(dir: &Path, name: &str, map: &Map) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, to_ron_string(map).unwrap()).unwrap();
    path
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// The example map with its first actor renamed and its first claim moved.
fn renamed_and_moved() -> (Map, String, String) {
    let mut map = example();
    let mut actor = map.actors().next().unwrap().clone();
    let old = actor.name.clone();
    actor.name = format!("{old} (renamed)");
    let new = actor.name.clone();
    map.apply(Edit::UpdateActor(actor)).unwrap();
    let claim = map.claims().next().unwrap().id;
    map.apply(Edit::MoveNodes {
        moves: vec![(NodeId::Claim(claim), Point::new(-500.0, -500.0))],
        pinned: true,
    })
    .unwrap();
    (map, old, new)
}

#[test]
fn diff_of_equal_maps_says_so_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.ron", &example());
    let out = stancemap(&[&"diff", &a, &a]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "no differences\n");
}

#[test]
fn diff_names_changed_fields_by_name_and_leaves_moves_out_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let (changed, old, new) = renamed_and_moved();
    let a = write(dir.path(), "a.ron", &example());
    let b = write(dir.path(), "b.ron", &changed);

    let out = stancemap(&[&"diff", &a, &b]);
    assert_eq!(out.status.code(), Some(1));
    let report = text(&out.stdout);
    assert!(
        report.contains(&format!(
            "changed actor {new:?}:\n    name: {old:?} → {new:?}\n"
        )),
        "{report}"
    );
    assert!(!report.contains("at:"), "{report}");
    assert!(
        report.ends_with("0 added, 0 removed, 1 changed (1 node moved; --positions lists it)\n"),
        "{report}"
    );

    let out = stancemap(&[&"diff", &"--positions", &a, &b]);
    let report = text(&out.stdout);
    assert!(report.contains("    at: ("), "{report}");
    assert!(report.contains("    pinned: no → yes"), "{report}");
    assert!(
        report.ends_with("0 added, 0 removed, 2 changed\n"),
        "{report}"
    );
}

#[test]
fn diff_as_json_lists_items_with_their_fields() {
    let dir = tempfile::tempdir().unwrap();
    let (changed, old, new) = renamed_and_moved();
    let a = write(dir.path(), "a.ron", &example());
    let b = write(dir.path(), "b.ron", &changed);
    let out = stancemap(&[&"diff", &"--json", &a, &b]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let item = &json["items"][0];
    assert_eq!(item["change"], "changed");
    assert_eq!(item["kind"], "actor");
    assert_eq!(item["fields"][0]["field"], "name");
    assert_eq!(item["fields"][0]["old"], format!("{old:?}"));
    assert_eq!(item["fields"][0]["new"], format!("{new:?}"));
    assert_eq!(json["moved_not_listed"], 1);
}

#[test]
fn diff_reports_a_bad_map_like_check_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.ron", &example());
    let bad = dir.path().join("bad.ron");
    std::fs::write(
        &bad,
        "(\n    version: 1,\n    actors: [(id: 1, name: \"\")],\n)\n",
    )
    .unwrap();
    let out = stancemap(&[&"diff", &a, &bad]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with(&format!("{}:3:", bad.display())),
        "{stderr}"
    );
    let missing = dir.path().join("missing.ron");
    let out = stancemap(&[&"diff", &missing, &a]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot open"));
}

#[test]
fn merge_without_conflicts_writes_both_sides_work_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let base = example();
    let (ours, _, new_name) = renamed_and_moved();
    let mut theirs = base.clone();
    let mut stance = theirs.stances().nth(3).unwrap().clone();
    stance.quote = "their quote".into();
    let stance_id = stance.id;
    theirs.apply(Edit::UpdateStance(stance)).unwrap();
    let paths = [
        write(dir.path(), "base.ron", &base),
        write(dir.path(), "ours.ron", &ours),
        write(dir.path(), "theirs.ron", &theirs),
    ];
    let out_path = dir.path().join("merged.ron");
    let out = stancemap(&[&"merge", &paths[0], &paths[1], &paths[2], &"-o", &out_path]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let merged = load_file(&out_path).unwrap();
    assert!(merged.actors().any(|a| a.name == new_name));
    assert_eq!(merged.stance(stance_id).unwrap().quote, "their quote");
    assert!(merged.conflicts().is_empty());
    assert!(
        !dir.path().join("merged.ron.bak").exists(),
        "no backup beside the output"
    );
}

#[test]
fn merge_with_a_conflict_records_it_lists_it_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let base = example();
    let side = |quote: &str| with_first_quote(&base, quote);
    let paths = [
        write(dir.path(), "base.ron", &base),
        write(dir.path(), "ours.ron", &side("ours")),
        write(dir.path(), "theirs.ron", &side("theirs")),
    ];
    let out = stancemap(&[&"merge", &paths[0], &paths[1], &paths[2], &"-o", &paths[1]]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("quote: ours \"ours\", theirs \"theirs\""),
        "{stderr}"
    );
    assert!(stderr.contains("1 conflict recorded"), "{stderr}");
    let merged = load_file(&paths[1]).unwrap();
    assert_eq!(merged.conflicts().len(), 1);
    assert_eq!(merged.stances().next().unwrap().quote, "ours");
}

#[test]
fn merge_with_an_unreadable_side_writes_nothing_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let base = write(dir.path(), "base.ron", &example());
    let ours = write(dir.path(), "ours.ron", &example());
    let theirs = dir.path().join("theirs.ron");
    std::fs::write(&theirs, "<<<<<<< not a map\n").unwrap();
    let before = std::fs::read(&ours).unwrap();
    let out = stancemap(&[&"merge", &base, &ours, &theirs, &"-o", &ours]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains(&theirs.display().to_string()), "{stderr}");
    assert!(stderr.contains("nothing merged"), "{stderr}");
    assert_eq!(std::fs::read(&ours).unwrap(), before, "ours is untouched");
}

#[test]
fn agreement_prints_a_table_or_csv() {
    let dir = tempfile::tempdir().unwrap();
    let first = example();
    let mut second = example();
    let mut stance = second.stances().next().unwrap().clone();
    stance.position = match stance.position {
        stancemap::model::Position::Supports => stancemap::model::Position::Opposes,
        _ => stancemap::model::Position::Supports,
    };
    second.apply(Edit::UpdateStance(stance)).unwrap();
    let a = write(dir.path(), "a.ron", &first);
    let b = write(dir.path(), "b.ron", &second);

    let out = stancemap(&[&"agreement", &a, &b]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let table = text(&out.stdout);
    assert!(table.starts_with("2 coders: "), "{table}");
    assert!(table.contains("α ordinal"), "{table}");

    let out = stancemap(&[&"agreement", &"--csv", &a, &b]);
    assert_eq!(out.status.code(), Some(0));
    let csv = text(&out.stdout);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "scope,name,units,values,percent_agreement,alpha_nominal,alpha_ordinal,alpha_interval"
        )
    );
    let all: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(all[0], "all");
    let units: f64 = all[2].parse().unwrap();
    let percent: f64 = all[4].parse().unwrap();
    // One unit of all those both coded differs.
    assert!(
        (percent - 100.0 * (units - 1.0) / units).abs() < 0.05,
        "{csv}"
    );
    assert!(all[6].parse::<f64>().unwrap() < 1.0);
}

#[test]
fn agreement_needs_two_maps_and_reports_bad_ones() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.ron", &example());
    let out = stancemap(&[&"agreement", &a]);
    assert_eq!(out.status.code(), Some(2), "a usage error");
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "").unwrap();
    let out = stancemap(&[&"agreement", &a, &bad]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("the file is empty"));
    assert!(out.stdout.is_empty());
}

#[test]
fn check_lists_the_conflicts_a_merged_map_holds() {
    let dir = tempfile::tempdir().unwrap();
    let base = example();
    let side = |quote: &str| with_first_quote(&base, quote);
    let merged = stancemap::teams::merge::merge_maps(&base, &side("a"), &side("b"))
        .unwrap()
        .map;
    let path = write(dir.path(), "merged.ron", &merged);
    let out = stancemap(&[&"check", &path]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "a map with conflicts is a valid map"
    );
    let stdout = text(&out.stdout);
    let file = path.display();
    let mut lines = stdout.lines();
    assert!(lines.next().unwrap().starts_with(&format!("{file}: ok: ")));
    assert_eq!(
        lines.next(),
        Some(
            format!("{file}: 1 merge conflict to decide (a merge kept our side's value in each):")
                .as_str()
        )
    );
    let conflict = lines.next().unwrap();
    assert!(conflict.starts_with("    stance "), "{conflict}");
    assert!(
        conflict.ends_with(": quote: ours \"a\", theirs \"b\""),
        "{conflict}"
    );
}
