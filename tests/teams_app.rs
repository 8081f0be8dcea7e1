//! A map with merge conflicts opened in the app: a window lists each conflict by the item it
//! concerns, the map opens with our side's values, and each conflict is decided by keeping
//! ours or taking theirs, one undo step each; closed, it comes back from the Map menu.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::{app, harness, press, small_map, wait_for, write_map};
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
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

/// The app after opening the conflicted map through File → Open.
fn opened(dir: &std::path::Path) -> egui_kittest::Harness<'static, stancemap::app::StanceApp> {
    let path = write_map(dir, "merged.ron", &conflicted());
    let (app, dialogs) = app(small_map("Before", &["a"]), None);
    let mut harness = harness(app);
    dialogs.answer(Some(&path));
    press(&mut harness, Modifiers::COMMAND, Key::O);
    wait_for(&mut harness, "the map is open", |app| {
        app.map().title() == "Merged"
    });
    harness
}

fn first_label(harness: &egui_kittest::Harness<'static, stancemap::app::StanceApp>) -> String {
    harness.state().map().claims().next().unwrap().label.clone()
}

#[test]
fn opening_a_map_with_conflicts_lists_them_and_theirs_is_taken_as_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = opened(dir.path());

    harness.get_by_label("Merge conflicts");
    harness.get_by_label_contains(
        "(Sanctions work): label: ours \"Sanctions work\", theirs \"Sanctions fail\"",
    );
    assert_eq!(first_label(&harness), "Sanctions work");

    harness.get_by_label("Take theirs").click();
    harness.run();
    assert_eq!(first_label(&harness), "Sanctions fail");
    assert!(harness.state().map().conflicts().is_empty());
    assert!(
        harness.query_by_label("Merge conflicts").is_none(),
        "nothing left to decide"
    );

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(first_label(&harness), "Sanctions work");
    assert_eq!(
        harness.state().map().conflicts().len(),
        1,
        "one step undoes both"
    );

    harness.get_by_label("Keep ours").click();
    harness.run();
    assert_eq!(first_label(&harness), "Sanctions work");
    assert!(harness.state().map().conflicts().is_empty());
    assert!(harness.state().document().is_dirty());
}

#[test]
fn the_conflicts_window_closes_and_the_conflicts_stay() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = opened(dir.path());
    harness.get_by_label("Merge conflicts");
    // The window's close button.
    harness.get_by_label("Close window").click();
    harness.run();
    assert!(harness.query_by_label("Merge conflicts").is_none());
    assert_eq!(harness.state().map().conflicts().len(), 1);

    // Map → Merge conflicts… brings it back.
    harness.get_by_label("Map").click();
    harness.run();
    harness.get_by_label("Merge conflicts…").click();
    harness.run();
    harness.get_by_label("Merge conflicts");
    harness.get_by_label("Take theirs").click();
    harness.run();
    assert!(harness.state().map().conflicts().is_empty());
    // With nothing left to decide, the command is greyed out.
    harness.get_by_label("Map").click();
    harness.run();
    assert!(
        harness
            .get_by_label("Merge conflicts…")
            .accesskit_node()
            .is_disabled()
    );
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
    assert!(harness.query_by_label("Merge conflicts").is_none());
    assert!(harness.state().error_report().is_none());
}
