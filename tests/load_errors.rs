//! Every kind of bad map file gives a clear, located error and never a panic.

// The table of cases is clearest as one tuple per row.
#![allow(clippy::type_complexity)]

use stancemap::io::{LoadError, MAX_FILE_BYTES, load_file, load_str};
use std::path::Path;

/// A small valid map that the cases below break in one place each.
const GOOD: &str = r#"(
    version: 1,
    title: "Call",
    sources: [(id: 1, title: "Xinhua analysis", publisher: "Xinhua")],
    actors: [
        (id: 2, name: "Putin", kind: Person, camp: "Russia", at: (0.0, 0.0)),
        (id: 3, name: "Biden", kind: Person, at: (0.0, 100.0)),
    ],
    claims: [
        (id: 4, label: "NATO expansion", at: (300.0, 0.0)),
        (id: 5, label: "Legal guarantees", at: (300.0, 100.0)),
    ],
    stances: [
        (id: 6, actor: 2, claim: 4, position: StronglyOpposes, quote: "北約東擴", source: 1),
    ],
    relations: [
        (id: 7, from: 4, to: 5, kind: Supports),
    ],
)"#;

fn load(text: &str) -> Result<stancemap::model::Map, LoadError> {
    load_str(text, Path::new("bad.ron"))
}

/// Loads `text`, expects failure, and returns the error lines.
fn errors(text: &str) -> Vec<String> {
    match load(text) {
        Ok(_) => panic!("expected an error for:\n{text}"),
        Err(e) => {
            assert!(!e.problems.is_empty());
            e.lines()
        }
    }
}

#[test]
fn the_base_case_is_valid() {
    let map = load(GOOD).unwrap();
    assert_eq!(map.node_count(), 4);
}

/// One table of malformed files: (what is wrong, file text, expected place, expected words).
#[test]
fn malformed_files_table() {
    let long_label = format!("\"{}\"", "長".repeat(600));
    let deep = format!(
        "(version: 1, actors: {}{})",
        "[".repeat(5_000),
        "]".repeat(5_000)
    );
    let cases: Vec<(&str, String, Option<(usize, usize)>, &str)> = vec![
        ("empty file", String::new(), None, "the file is empty"),
        (
            "only whitespace and comments",
            "  \n\t\n".into(),
            None,
            "the file is empty",
        ),
        (
            "plain prose",
            "hello world".into(),
            Some((1, 1)),
            "this is not a stancemap map: it starts with ‘hello world’; a map starts with `(` and \
             `version: 1`",
        ),
        (
            "a JSON file",
            r#"{"version": 1}"#.into(),
            Some((1, 1)),
            "this is not a stancemap map: it starts with ‘{\"version\": 1}’",
        ),
        (
            "missing version",
            GOOD.replace("    version: 1,\n", ""),
            Some((1, 1)),
            "no `version` field",
        ),
        (
            "future version",
            GOOD.replace("version: 1", "version: 7"),
            Some((2, 5)),
            "format version 7",
        ),
        (
            "version zero",
            GOOD.replace("version: 1", "version: 0"),
            Some((2, 5)),
            "version 0 does not exist",
        ),
        (
            "version of the wrong type",
            GOOD.replace("version: 1", "version: \"one\""),
            Some((2, 13)),
            "Expected integer",
        ),
        (
            "position of the wrong type",
            GOOD.replace("at: (0.0, 0.0)", "at: \"left\""),
            Some((6, 65)),
            "expected a `(` here",
        ),
        (
            "missing required name",
            GOOD.replace("name: \"Biden\", ", ""),
            Some((7, 47)),
            "an actor is missing its `name` field",
        ),
        (
            "unknown field (typo)",
            GOOD.replace("quote:", "qoute:"),
            Some((14, 64)),
            "a stance has no field `qoute`; the fields are `id`, ",
        ),
        (
            "unknown actor kind",
            GOOD.replace("kind: Person, at", "kind: Robot, at"),
            Some((7, 38)),
            "`Robot` is not one of `Person`, `State`, `Organisation`, `Bloc`, `Expert`, `Media` or `Other`",
        ),
        (
            "bad date",
            GOOD.replace(
                "publisher: \"Xinhua\"",
                "publisher: \"Xinhua\", date: \"2021-13-45\"",
            ),
            Some((4, 77)),
            "month",
        ),
        (
            "bad colour",
            GOOD.replace("camp: \"Russia\"", "camp: \"Russia\", colour: \"red\""),
            Some((6, 71)),
            "`red` is not a colour; write it as \"#rrggbb\"",
        ),
        (
            "stance naming a missing actor",
            GOOD.replace("actor: 2", "actor: 99"),
            Some((14, 10)),
            "stance 6: actor 99 does not exist",
        ),
        (
            "relation to a missing claim",
            GOOD.replace("to: 5", "to: 55"),
            Some((17, 10)),
            "relation 7: claim 55 does not exist",
        ),
        (
            "stance citing a missing source",
            GOOD.replace("source: 1)", "source: 9)"),
            Some((14, 10)),
            "source 9 does not exist",
        ),
        (
            "duplicate id within a list",
            GOOD.replace("id: 3,", "id: 2,"),
            Some((7, 10)),
            "actor 2: appears more than once",
        ),
        (
            "duplicate id across kinds",
            GOOD.replace("id: 3,", "id: 4,"),
            Some((10, 10)),
            "claim 4: id 4 is also used by actor 4",
        ),
        (
            "self-relation",
            GOOD.replace("to: 5", "to: 4"),
            Some((17, 10)),
            "relation 7: a claim cannot support or attack itself (claim 4)",
        ),
        (
            "duplicate stance",
            GOOD.replace(
                "source: 1),\n",
                "source: 1),\n        (id: 8, actor: 2, claim: 4, position: Opposes, source: 1),\n",
            ),
            Some((15, 10)),
            "stance 8: stance 6 already records",
        ),
        (
            "next_id not above the ids",
            GOOD.replace("title: \"Call\",", "title: \"Call\", next_id: 3,"),
            Some((7, 10)),
            "actor 3: id 3 is not below next_id 3",
        ),
        (
            "blank label",
            GOOD.replace("label: \"NATO expansion\"", "label: \"  \""),
            Some((10, 10)),
            "claim 4: label is empty",
        ),
        (
            "very long label",
            GOOD.replace("\"NATO expansion\"", &long_label),
            Some((10, 10)),
            "claim 4: label is 600 characters long; the limit is 500",
        ),
        (
            "not a number position",
            GOOD.replace("at: (0.0, 100.0)", "at: (NaN, 100.0)"),
            Some((7, 10)),
            "actor 3: position (NaN, 100) is not a finite number",
        ),
        (
            "deeply nested brackets where items belong",
            deep,
            Some((1, 23)),
            "expected a `(` to start an actor",
        ),
        (
            "deeply nested brackets in an unknown field",
            format!("(version: 1, extra: {})", "[".repeat(5_000)),
            Some((1, 14)),
            "the map has no field `extra`",
        ),
        (
            "string closed too late",
            GOOD.replace("\"Call\"", "\"Call"),
            Some((4, 31)),
            "Expected comma",
        ),
        (
            "unclosed block comment",
            format!("/* {GOOD}"),
            Some((1, 3)),
            "Unclosed block comment",
        ),
        (
            "text after the map",
            format!("{GOOD})"),
            Some((19, 2)),
            "after the end of the map",
        ),
    ];
    assert!(cases.len() >= 20);
    let mut failures = Vec::new();
    for (what, text, place, needle) in &cases {
        let result = std::panic::catch_unwind(|| load(text));
        let Ok(result) = result else {
            panic!("{what}: loading panicked");
        };
        let Err(error) = result else {
            panic!("{what}: loaded without error");
        };
        let lines = error.lines();
        let matched = lines.iter().any(|line| {
            let placed = match place {
                Some((l, c)) => line.starts_with(&format!("bad.ron:{l}:{c}: ")),
                None => line.starts_with("bad.ron: "),
            };
            placed && line.contains(needle)
        });
        if !matched {
            failures.push(format!(
                "{what}: expected {place:?} and `{needle}`, got {lines:#?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_problem_in_a_file_is_reported_in_file_order() {
    let text = GOOD
        .replace("actor: 2", "actor: 99")
        .replace("to: 5", "to: 4")
        .replace("id: 3,", "id: 2,");
    let lines = errors(&text);
    assert_eq!(lines.len(), 3, "{lines:#?}");
    assert!(
        lines[0].starts_with("bad.ron:7:10: actor 2: appears more than once"),
        "{lines:#?}"
    );
    assert!(
        lines[1].starts_with("bad.ron:14:10: stance 6: actor 99"),
        "{lines:#?}"
    );
    assert!(
        lines[2].starts_with("bad.ron:17:10: relation 7: a claim cannot"),
        "{lines:#?}"
    );
}

#[test]
fn truncating_a_real_map_anywhere_gives_an_error_not_a_panic() {
    let text = stancemap::example::EXAMPLE_RON;
    let mut cut = 0;
    let mut cases = 0;
    while cut < text.len() - 1 {
        if text.is_char_boundary(cut) {
            let result = std::panic::catch_unwind(|| load(&text[..cut]));
            let error = result
                .unwrap_or_else(|_| panic!("panicked when cut at byte {cut}"))
                .expect_err("a truncated map must not load");
            assert!(!error.problems.is_empty());
            cases += 1;
        }
        cut += 211;
    }
    assert!(cases > 100, "{cases}");
}

#[test]
fn binary_garbage_is_not_mistaken_for_a_map() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("garbage.ron");
    let mut bytes = b"(\n  version: 1,\n  title: \"".to_vec();
    // A deterministic pseudo-random byte soup, including invalid UTF-8.
    let mut x: u32 = 12345;
    for _ in 0..4096 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        bytes.push((x >> 16) as u8);
    }
    std::fs::write(&path, &bytes).unwrap();
    let error = load_file(&path).unwrap_err();
    let line = &error.lines()[0];
    assert!(line.contains("garbage.ron:3:"), "{line}");
    assert!(line.contains("not UTF-8 text"), "{line}");
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    // A sparse file: takes no disk space but reports its full size.
    file.set_len(MAX_FILE_BYTES + 1024 * 1024).unwrap();
    let error = load_file(&path).unwrap_err();
    let line = &error.lines()[0];
    assert!(line.contains("huge.ron: the file is 53.5 MB"), "{line}");
    assert!(line.contains("at most 50 MB"), "{line}");
}

#[test]
fn missing_files_and_folders_are_named() {
    let error = load_file(Path::new("/no/such/folder/map.ron")).unwrap_err();
    assert_eq!(
        error.lines(),
        ["/no/such/folder/map.ron: cannot open: the file or folder does not exist"]
    );
    let dir = tempfile::tempdir().unwrap();
    let error = load_file(dir.path()).unwrap_err();
    assert_eq!(
        error.lines(),
        [format!(
            "{}: cannot open: this is a folder, not a file",
            dir.path().display()
        )]
    );
}

#[test]
fn length_limits_of_the_map_itself_point_at_their_field() {
    let long_title = GOOD.replace("\"Call\"", &format!("\"{}\"", "t".repeat(501)));
    assert_eq!(
        errors(&long_title),
        ["bad.ron:3:5: the title is longer than 500 characters"]
    );
    let long_description = GOOD.replace(
        "    sources:",
        &format!(
            "    description: \"{}\",\n    sources:",
            "d".repeat(100_001)
        ),
    );
    assert_eq!(
        errors(&long_description),
        ["bad.ron:4:5: the description is longer than 100000 characters"]
    );
}
