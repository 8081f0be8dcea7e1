//! File → Import… and File → Export as… driven through the real app UI: what the import
//! window shows, adding to the map as one undo step, refusing or leaving out bad rows,
//! opening an import as a new map, and writing another program's format.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::{CTRL_SHIFT, app, harness, press, small_map, wait_for};
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;

/// A coder's sheet as a spreadsheet program saves it (the Chinese one is read in
/// `formats_import.rs`; the test window has no CJK font).
const CODED: &[u8] = b"\xef\xbb\xbfActor;Actor type;Camp;Claim;Position;Quote;Source;Date\r\n\
Vladimir Putin;Person;Russia;No further NATO expansion east;+2;\"Legal guarantees; now\";Global Deep;07.12.2021\r\n\
Joe Biden;person;United States;No further NATO expansion east;-1;\"No red lines,\nfrom anyone\";Global Deep;2021-12-07\r\n\
V. Putin;;;Legal guarantees for Russia;2;We need guarantees;Global Deep;2021-12-07\r\n\
  joe   BIDEN ;;;legal guarantees for russia;0;;Xinhua English;December 8, 2021\r\n";
const BAD: &[u8] = include_bytes!("fixtures/formats/coded-statements-bad.csv");

fn file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn import_shows_what_it_adds_and_is_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let csv = file(&dir, "coded.csv", CODED);
    let (app, dialogs) = app(small_map("Call", &["Existing claim"]), None);
    let mut harness = harness(app);
    dialogs.answer(Some(&csv));
    press(&mut harness, Modifiers::COMMAND, Key::I);
    wait_for(&mut harness, "the file is read", |app| {
        app.pending_import().is_some()
    });
    harness.get_by_label("Import coded.csv");
    harness.get_by_label_contains("3 actors, 2 claims, 4 stances, 2 sources added");
    assert_eq!(
        harness.state().map().claims().len(),
        1,
        "nothing changes before the choice"
    );

    harness.get_by_label("Add to this map").click();
    harness.run();
    let map = harness.state().map();
    assert_eq!(map.claims().len(), 3);
    assert_eq!(map.stances().len(), 4);
    assert!(harness.state().status().unwrap().contains("Imported"));
    // The new nodes were placed clear of the old one.
    let at: Vec<_> = map.claims().map(|c| c.at).collect();
    assert!(at.iter().skip(1).all(|p| *p != at[0]));

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().map().claims().len(), 1);
    assert_eq!(harness.state().map().stances().len(), 0);
    assert_eq!(
        dialogs.asked.lock().unwrap()[0].extensions,
        [
            "csv", "tsv", "txt", "xlsx", "xlsm", "xlsb", "xls", "ods", "json", "ron"
        ]
    );
}

#[test]
fn bad_rows_are_listed_and_nothing_is_imported_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let csv = file(&dir, "bad.csv", BAD);
    let (app, dialogs) = app(small_map("Call", &["Existing claim"]), None);
    let mut harness = harness(app);
    let before = harness.state().map().clone();

    dialogs.answer(Some(&csv));
    press(&mut harness, Modifiers::COMMAND, Key::I);
    wait_for(&mut harness, "the file is read", |app| {
        app.pending_import().is_some()
    });
    harness.get_by_label("4 rows or elements cannot be used:");
    harness.get_by_label_contains("row 3: “maybe” is not a position");
    harness.get_by_label_contains("row 6: the row has 6 cells");
    // Adding is not offered while rows are bad; Cancel leaves the map as it was.
    harness.get_by_label("Add to this map").click();
    harness.run();
    assert!(harness.state().pending_import().is_some());
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().pending_import().is_none());
    assert_eq!(harness.state().map(), &before);

    // Again, leaving the bad rows out.
    dialogs.answer(Some(&csv));
    press(&mut harness, Modifiers::COMMAND, Key::I);
    wait_for(&mut harness, "the file is read", |app| {
        app.pending_import().is_some()
    });
    harness
        .get_by_label("Leave those out and import the rest")
        .click();
    harness.run();
    harness.get_by_label("Add to this map").click();
    harness.run();
    assert_eq!(harness.state().map().stances().len(), 2);
}

#[test]
fn an_import_opens_as_a_new_unsaved_map() {
    let dir = tempfile::tempdir().unwrap();
    let csv = file(&dir, "coded.csv", CODED);
    let (app, dialogs) = app(small_map("Call", &["Existing claim"]), None);
    let mut harness = harness(app);
    dialogs.answer(Some(&csv));
    press(&mut harness, Modifiers::COMMAND, Key::I);
    wait_for(&mut harness, "the file is read", |app| {
        app.pending_import().is_some()
    });
    harness.get_by_label("Open as new map").click();
    // The new map is laid out with the stance layout, on a worker thread, then glides.
    for _ in 0..2000 {
        harness.step();
        if !harness.state().is_laying_out() && harness.state().map().title() == "coded" {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let app = harness.state();
    let spots: std::collections::BTreeSet<_> = app
        .map()
        .claims()
        .map(|c| (c.at.x as i64, c.at.y as i64))
        .collect();
    assert_eq!(spots.len(), 2, "laid out");
    assert_eq!(app.map().title(), "coded");
    assert_eq!(app.map().stances().len(), 4);
    assert!(app.document().is_dirty() && app.document().path().is_none());
}

#[test]
fn export_as_writes_the_chosen_format() {
    let dir = tempfile::tempdir().unwrap();
    let (app, dialogs) = app(small_map("Exported", &["a", "b"]), None);
    let mut harness = harness(app);
    press(&mut harness, CTRL_SHIFT, Key::E);
    harness.get_by_label("GraphML network").click();
    let target = dir.path().join("out.graphml");
    dialogs.answer(Some(&target));
    harness.run();
    wait_for(&mut harness, "the file is written", |_| target.exists());
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(text.contains("<graphml") && text.matches("<node ").count() == 2);
    let asked = dialogs.asked.lock().unwrap();
    assert_eq!(asked[0].extensions, ["graphml"]);
    assert_eq!(asked[0].file_name.as_deref(), Some("Exported.graphml"));
}
