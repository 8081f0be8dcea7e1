//! File → Compare with… driven through the app: a colleague's copy of the example map is
//! compared with it, its differences listed (and drawn), one taken with what it needs, all
//! taken, each as one undo step; a map file that cannot be read is reported with its place and
//! changes nothing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::{CTRL_SHIFT, app, harness, press, wait_for};
use eframe::egui::{Key, Modifiers, accesskit::Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancemap::app::StanceApp;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/teams")
        .join(name)
}

fn example() -> (stancemap::model::Map, PathBuf) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/putin-biden-call-2021.ron");
    (stancemap::io::load_file(&path).unwrap(), path)
}

/// The app on the example map, comparing with the colleague's copy through File → Compare
/// with….
fn comparing() -> Harness<'static, StanceApp> {
    let (map, path) = example();
    let (app, dialogs) = app(map, Some(path));
    let mut harness = harness(app);
    dialogs.answer(Some(&fixture("colleague-call-2021.ron")));
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Compare with…").click();
    harness.run();
    wait_for(&mut harness, "the comparison starts", |app| {
        app.comparison().is_some()
    });
    assert_eq!(dialogs.asked.lock().unwrap()[0].extensions, ["ron"]);
    harness
}

fn differences(harness: &Harness<'static, StanceApp>) -> usize {
    harness.state().comparison().unwrap().diff().items.len()
}

fn has_claim(harness: &Harness<'static, StanceApp>, label: &str) -> bool {
    harness.state().map().claims().any(|c| c.label == label)
}

#[test]
fn differences_are_listed_and_taken_one_or_all_as_one_undo_step_each() {
    let mut harness = comparing();
    let original = harness.state().map().clone();
    harness.get_by_label("Differences");
    harness.get_by_label_contains("2 added there, 1 not there, 1 changed. On the canvas");
    harness.get_by_label_contains("changed claim \"Ukraine may join NATO one day\"");
    harness.get_by_label_contains(
        "label: \"Ukraine should join NATO\" → \"Ukraine may join NATO one day\"",
    );
    harness.get_by_label_contains("added claim \"Talks go on at expert level\"");
    harness.get_by_label_contains("removed stance \"Vladimir Putin\" strongly supports");
    assert_eq!(differences(&harness), 4);
    assert_eq!(
        harness.state().map(),
        &original,
        "comparing changes nothing"
    );

    // The added stance, taken alone, brings the claim it is on.
    let takes = harness.get_all_by_label("Take this").collect::<Vec<_>>();
    assert_eq!(takes.len(), 4);
    takes[3].click();
    harness.run();
    assert!(has_claim(&harness, "Talks go on at expert level"));
    let talks = harness
        .state()
        .map()
        .claims()
        .find(|c| c.label == "Talks go on at expert level")
        .unwrap()
        .id;
    assert_eq!(harness.state().map().stances_on_claim(talks).count(), 1);
    assert!(
        harness
            .state()
            .status()
            .unwrap()
            .contains("with the claim \"Talks go on at expert level\" it needs"),
        "{:?}",
        harness.state().status()
    );
    assert_eq!(
        differences(&harness),
        2,
        "the stance and its claim are taken"
    );

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().map(), &original, "one undo takes both back");
    assert_eq!(differences(&harness), 4);

    // Take all: the map becomes the colleague's, in one step.
    harness.get_by_label("Take all").click();
    harness.run();
    assert_eq!(differences(&harness), 0);
    assert!(has_claim(&harness, "Ukraine may join NATO one day"));
    assert!(has_claim(&harness, "Talks go on at expert level"));
    assert!(!has_claim(&harness, "Ukraine should join NATO"));
    assert_eq!(
        harness.state().map().stances().len(),
        original.stances().len(),
        "one stance removed, one added"
    );
    harness.get_by_label_contains("No differences");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().map(), &original);
    assert_eq!(differences(&harness), 4);

    harness.get_by_label("Close").click();
    harness.run();
    assert!(harness.state().comparison().is_none());
    assert!(harness.query_by_label("Differences").is_none());
}

#[test]
fn a_removed_item_in_this_map_is_shown_on_the_canvas_from_the_list() {
    let mut harness = comparing();
    harness
        .get_by_label_contains("changed claim \"Ukraine may join NATO one day\"")
        .click();
    harness.run();
    let selected: Vec<_> = harness.state().selection().items().collect();
    assert_eq!(selected.len(), 1);
    assert_eq!(
        selected[0],
        stancemap::model::ItemId::Claim(stancemap::model::ClaimId(101))
    );
}

#[test]
fn a_map_that_cannot_be_read_is_reported_with_its_place_and_changes_nothing() {
    let (map, path) = example();
    let (app, dialogs) = app(map, Some(path));
    let mut harness = harness(app);
    let before = harness.state().map().clone();
    let broken = fixture("broken-map.ron");
    dialogs.answer(Some(&broken));
    // Through the command palette this time.
    press(&mut harness, CTRL_SHIFT, Key::P);
    harness
        .get_by(|node| node.role() == Role::TextInput && node.is_focused())
        .type_text("compare with");
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Enter);
    wait_for(&mut harness, "the error is shown", |app| {
        app.error_report().is_some()
    });
    let report = harness.state().error_report().unwrap();
    assert_eq!(report.title, "Could not compare with the map");
    assert!(
        report.summary.contains("your map is unchanged"),
        "{report:?}"
    );
    let place = format!("{}:6:5: Expected comma", broken.display());
    assert_eq!(report.lines, [place]);
    assert!(harness.state().comparison().is_none());
    assert_eq!(harness.state().map(), &before);
    assert!(!harness.state().document().is_dirty());
}
