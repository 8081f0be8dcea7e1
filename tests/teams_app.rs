//! A map with merge conflicts opened in the app: a window lists each conflict by the item it
//! concerns, and the map opens with our side's values.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::{app, harness, press, small_map, wait_for, write_map};
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use stancemap::model::{Edit, Map};
use stancemap::teams::merge::merge_maps;

/// A merged map whose first claim's label both sides changed differently.
fn conflicted() -> Map {
    let base = small_map("Merged", &["Sanctions", "Nord Stream 2"]);
    let side = |label: &str| {
        let mut map = base.clone();
        let mut claim = map.claims().next().unwrap().clone();
        claim.label = label.to_owned();
        map.apply(Edit::UpdateClaim(claim)).unwrap();
        map
    };
    merge_maps(&base, &side("Sanctions work"), &side("Sanctions fail"))
        .unwrap()
        .map
}

#[test]
fn opening_a_map_with_conflicts_lists_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_map(dir.path(), "merged.ron", &conflicted());
    let (app, dialogs) = app(small_map("Before", &["a"]), None);
    let mut harness = harness(app);
    dialogs.answer(Some(&path));
    press(&mut harness, Modifiers::COMMAND, Key::O);
    wait_for(&mut harness, "the map is open", |app| {
        app.map().title() == "Merged"
    });

    let report = harness
        .state()
        .error_report()
        .expect("the conflicts are shown");
    assert_eq!(report.title, "Merge conflicts to decide");
    assert!(
        report.summary.contains("1 merge conflict"),
        "{}",
        report.summary
    );
    let line = report.lines[0].clone();
    assert!(
        line.ends_with(
            "(Sanctions work): label: ours \"Sanctions work\", theirs \"Sanctions fail\""
        ),
        "{line}"
    );
    harness.get_by_label("Merge conflicts to decide");
    harness.get_by_label(line.as_str());
    assert_eq!(
        harness.state().map().claims().next().unwrap().label,
        "Sanctions work"
    );
    harness.get_by_label("OK").click();
    harness.run();
    assert!(harness.state().error_report().is_none());
}

#[test]
fn a_map_without_conflicts_opens_without_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_map(dir.path(), "plain.ron", &small_map("Plain", &["x"]));
    let (app, dialogs) = app(small_map("Before", &["a"]), None);
    let mut harness = harness(app);
    dialogs.answer(Some(&path));
    press(&mut harness, Modifiers::COMMAND, Key::O);
    wait_for(&mut harness, "the map is open", |app| {
        app.map().title() == "Plain"
    });
    assert!(harness.state().error_report().is_none());
}
