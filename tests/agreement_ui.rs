//! Map → Agreement with… driven through the app: the report window for this map and a
//! colleague's coding of the same source, another coder added from the window, Save CSV…
//! writing what `stancemap agreement --csv` prints, and a coder's map that cannot be read.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::{app, harness, wait_for};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancemap::app::StanceApp;
use stancemap::model::Map;
use stancemap::teams::agreement::agreement;
use stancemap::teams::agreement_command::csv_report;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/teams")
        .join(name)
}

fn example() -> (Map, PathBuf) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/putin-biden-call-2021.ron");
    (stancemap::io::load_file(&path).unwrap(), path)
}

/// How often `label` appears in the app's first frame.
fn harness_count(app: StanceApp, label: &str) -> usize {
    harness(app).get_all_by_label(label).count()
}

fn open_agreement(harness: &mut Harness<'static, StanceApp>) {
    harness.get_by_label("Map").click();
    harness.run();
    harness.get_by_label("Agreement with…").click();
    harness.run();
}

#[test]
fn the_report_shows_overall_claim_and_actor_rows_and_saves_the_cli_csv() {
    let (map, path) = example();
    let colleague = stancemap::io::load_file(&fixture("colleague-call-2021.ron")).unwrap();
    let (app, dialogs) = app(map.clone(), Some(path));
    let mut harness = harness(app);
    dialogs.answer(Some(&fixture("colleague-call-2021.ron")));
    open_agreement(&mut harness);
    wait_for(&mut harness, "the report is made", |app| {
        app.agreement_report().is_some()
    });
    let expected = agreement(&[map.clone(), colleague.clone()]);
    assert_eq!(harness.state().agreement_report(), Some(&expected));
    harness.get_by_label("Agreement");
    harness.get_by_label("2 coders: this map and colleague-call-2021.ron.");
    harness.get_by_label("Overall");
    harness.get_by_label("Per claim");
    harness.get_by_label("Per actor");
    let overall = &expected.rows[0];
    assert_eq!(overall.scope, "all");
    let percent = format!("{:.1} %", overall.percent.unwrap());
    assert!(harness.get_all_by_label(&percent).count() >= 1, "{percent}");
    let claim_rows = harness
        .get_all_by_label("No further NATO expansion east")
        .count();
    let before = {
        let (map, _) = example();
        let (plain, _) = common::app(map, None);
        harness_count(plain, "No further NATO expansion east")
    };
    assert_eq!(claim_rows, before + 1, "a row in the per-claim table");

    // Save CSV…: the CLI's CSV, to the file chosen (".csv" added).
    let dir = tempfile::tempdir().unwrap();
    dialogs.answer(Some(&dir.path().join("agreement")));
    harness.get_by_label("Save CSV…").click();
    harness.run();
    let csv = dir.path().join("agreement.csv");
    wait_for(&mut harness, "the CSV is written", |_| csv.exists());
    assert_eq!(
        std::fs::read_to_string(&csv).unwrap(),
        csv_report(&expected).unwrap()
    );

    // A third coder, added from the window.
    dialogs.answer(Some(&fixture("colleague-call-2021.ron")));
    harness.get_by_label("Add a coder's map…").click();
    harness.run();
    wait_for(&mut harness, "the third coder counts", |app| {
        app.agreement_report().is_some_and(|r| r.coders == 3)
    });
    assert_eq!(
        harness.state().agreement_report(),
        Some(&agreement(&[map, colleague.clone(), colleague]))
    );

    harness.get_by_label("Close").click();
    harness.run();
    assert!(harness.state().agreement_report().is_none());
    assert!(harness.query_by_label("Agreement").is_none());
}

#[test]
fn a_coder_map_that_cannot_be_read_is_reported_and_changes_nothing() {
    let (map, path) = example();
    let (app, dialogs) = app(map, Some(path));
    let mut harness = harness(app);
    let before = harness.state().map().clone();
    let broken = fixture("broken-map.ron");
    dialogs.answer(Some(&broken));
    open_agreement(&mut harness);
    wait_for(&mut harness, "the error is shown", |app| {
        app.error_report().is_some()
    });
    let report = harness.state().error_report().unwrap();
    assert_eq!(report.title, "Could not read the coder's map");
    assert_eq!(
        report.lines,
        [format!("{}:6:5: Expected comma", broken.display())]
    );
    assert!(harness.state().agreement_report().is_none());
    assert_eq!(harness.state().map(), &before);
}
