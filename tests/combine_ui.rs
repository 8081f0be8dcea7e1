//! File → Combine with… driven through the app: a second analyst's independent coding of the
//! example's article is proposed match by match, one match is rejected in the table, and the
//! combination is one undo step; accepted as proposed, the reworded claim is unified.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::{app, harness, press, wait_for};
use eframe::egui::{Key, Modifiers, accesskit::Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancemap::app::StanceApp;
use stancemap::model::{ActorId, ClaimId, Map, NodeId};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/teams")
        .join(name)
}

/// The app on the example map with the Combine table open on `file`.
fn combining(file: &str) -> (Harness<'static, StanceApp>, Map) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/putin-biden-call-2021.ron");
    let map = stancemap::io::load_file(&path).unwrap();
    let (app, dialogs) = app(map.clone(), Some(path));
    let mut harness = harness(app);
    dialogs.answer(Some(&fixture(file)));
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Combine with…").click();
    harness.run();
    (harness, map)
}

fn putin_stances(map: &Map) -> usize {
    map.stances_of_actor(ActorId(10)).count()
}

#[test]
fn matches_are_proposed_one_is_rejected_and_the_combination_is_one_undo_step() {
    let (mut harness, original) = combining("coder-b-call-2021.ron");
    wait_for(&mut harness, "the table opens", |app| {
        app.pending_combine().is_some()
    });
    harness.get_by_label("Combine codings");
    let pending = harness.state().pending_combine().unwrap();
    assert_eq!(
        pending.choices,
        [
            Some(NodeId::Actor(ActorId(10))),
            None,
            Some(NodeId::Claim(ClaimId(100))),
            None
        ],
        "普京 is Putin by alias; the reworded NATO claim reads alike"
    );
    assert_eq!(harness.state().map(), &original, "nothing changes yet");

    // The analyst rejects the claim match: coder B's claim is added as its own.
    harness
        .get_by_role_and_label(Role::ComboBox, "claim No further NATO expansion eastward")
        .click();
    harness.run();
    harness
        .get_all_by_label("(add as new)")
        .last()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(harness.state().pending_combine().unwrap().choices[2], None);

    harness.get_by_label("Combine").click();
    harness.run();
    let map = harness.state().map();
    assert!(harness.state().pending_combine().is_none());
    assert_eq!(map.actors().len(), original.actors().len() + 1, "Blinken");
    assert_eq!(map.claims().len(), original.claims().len() + 2);
    assert_eq!(map.stances().len(), original.stances().len() + 2);
    assert_eq!(map.sources().len(), 1, "the article is the same source");
    let eastward = map
        .claims()
        .find(|c| c.label == "No further NATO expansion eastward")
        .unwrap()
        .id;
    let stance = map.stances_on_claim(eastward).next().unwrap();
    assert_eq!(
        stance.actor,
        ActorId(10),
        "coder B's 普京 stance is Putin's"
    );
    assert_eq!(stance.quote, "以防止北約進一步東擴");
    assert!(harness.state().status().unwrap().contains("Combined"));

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().map(), &original);
}

#[test]
fn accepted_as_proposed_the_reworded_claim_is_unified() {
    let (mut harness, original) = combining("coder-b-call-2021.ron");
    wait_for(&mut harness, "the table opens", |app| {
        app.pending_combine().is_some()
    });
    harness.get_by_label("Combine").click();
    harness.run();
    let map = harness.state().map();
    assert_eq!(map.claims().len(), original.claims().len() + 1);
    assert_eq!(putin_stances(map), putin_stances(&original) + 1);
    assert!(
        map.stances_on_claim(ClaimId(100))
            .any(|s| s.quote == "以防止北約進一步東擴")
    );
}

#[test]
fn a_map_that_cannot_be_read_is_reported_and_nothing_is_combined() {
    let (mut harness, original) = combining("broken-map.ron");
    wait_for(&mut harness, "the error is shown", |app| {
        app.error_report().is_some()
    });
    let report = harness.state().error_report().unwrap();
    assert_eq!(report.title, "Could not combine with the map");
    assert!(report.lines[0].ends_with("broken-map.ron:6:5: Expected comma"));
    assert!(harness.state().pending_combine().is_none());
    assert_eq!(harness.state().map(), &original);
}
