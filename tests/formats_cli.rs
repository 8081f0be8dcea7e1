//! `stancemap convert` as a user runs it: formats by file name or named, the example map to
//! every format and back, and bad input reported with rows and an exit status of 1, leaving
//! no output behind.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::Path;
use std::process::{Command, Output};

const EXAMPLE: &str = "maps/putin-biden-call-2021.ron";

fn convert(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .arg("convert")
        .args(args)
        .output()
        .unwrap()
}

fn path(dir: &Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

#[test]
fn the_example_map_converts_to_every_format() {
    let dir = tempfile::tempdir().unwrap();
    for suffix in [
        ".csv",
        ".graphml",
        ".alignment.graphml",
        ".json",
        ".kumu.json",
        ".argdown",
        ".canvas",
        ".dot",
    ] {
        let out = path(dir.path(), &format!("example{suffix}"));
        let output = convert(&[EXAMPLE, "-o", &out]);
        assert!(
            output.status.success(),
            "{suffix}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(String::from_utf8_lossy(&output.stdout).contains("28 claims"));
        assert!(std::fs::metadata(&out).unwrap().len() > 1000, "{suffix}");
    }
    // Named formats override the name.
    let out = path(dir.path(), "graph.txt");
    assert!(
        convert(&[EXAMPLE, "-o", &out, "--to", "dot"])
            .status
            .success()
    );
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("digraph")
    );
}

#[test]
fn a_spreadsheet_converts_to_a_laid_out_map_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let csv = path(dir.path(), "example.csv");
    assert!(convert(&[EXAMPLE, "-o", &csv]).status.success());
    let ron = path(dir.path(), "back.ron");
    let output = convert(&[&csv, "-o", &ron]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let map = stancemap::io::load_file(Path::new(&ron)).unwrap();
    assert_eq!(map.claims().len(), 28);
    assert_eq!(map.actors().len(), 17);
    assert_eq!(map.stances().len(), 44);
    assert_eq!(map.relations().len(), 15);
    let spots: std::collections::BTreeSet<_> = map
        .claims()
        .map(|c| (c.at.x as i64, c.at.y as i64))
        .collect();
    assert_eq!(spots.len(), 28, "laid out, not piled at the origin");
}

#[test]
fn bad_rows_fail_the_conversion_with_their_numbers_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("bad.csv");
    std::fs::copy("tests/fixtures/formats/coded-statements-bad.csv", &csv).unwrap();
    let out = path(dir.path(), "out.ron");
    let output = convert(&[csv.to_str().unwrap(), "-o", &out]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for row in ["row 3:", "row 4:", "row 5:", "row 6:"] {
        assert!(
            stderr.contains(&format!("bad.csv: {row}")),
            "{row} in {stderr}"
        );
    }
    assert!(!Path::new(&out).exists());

    let output = convert(&[csv.to_str().unwrap(), "-o", &out, "--skip-bad-rows"]);
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("(left out)"));
    assert_eq!(
        stancemap::io::load_file(Path::new(&out))
            .unwrap()
            .stances()
            .len(),
        2
    );
}

#[test]
fn unknown_names_and_unreadable_formats_are_explained() {
    let dir = tempfile::tempdir().unwrap();
    let output = convert(&[EXAMPLE, "-o", &path(dir.path(), "x.xyz")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--from/--to"));
    let dot = path(dir.path(), "x.dot");
    assert!(convert(&[EXAMPLE, "-o", &dot]).status.success());
    let output = convert(&[&dot, "-o", &path(dir.path(), "y.ron")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("does not read"));
    let output = convert(&[EXAMPLE, "-o", EXAMPLE]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_workbook_converts_to_a_map_and_is_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let ron = path(dir.path(), "coded.ron");
    let output = convert(&["tests/fixtures/formats/coded-statements.xlsx", "-o", &ron]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let map = stancemap::io::load_file(Path::new(&ron)).unwrap();
    assert_eq!(map.stances().len(), 4);
    let names: Vec<&str> = map.actors().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        ["Vladimir Putin", "Joe Biden", "普京"],
        "“joe BIDEN” matched Joe Biden; 普京 is nobody's alias in a new map"
    );

    let out = path(dir.path(), "example.xlsx");
    let output = convert(&[EXAMPLE, "-o", &out]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("writes spreadsheets as CSV"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!Path::new(&out).exists());
}
