//! Never losing work: an edit leaves a recovery copy in the app's data folder; a session that
//! ends without cleaning up (a crash) has its copy offered on the next start.

mod common;

use common::{add_claim, app, harness, small_map, wait_for, write_map};
use egui_kittest::kittest::Queryable;
use stancemap::app::StanceApp;
use std::path::Path;
use std::time::Duration;

/// The app on `map` from `path`, keeping recovery copies in `dir` and writing them at once.
fn app_with_recovery(dir: &Path, map: stancemap::model::Map, path: &Path) -> StanceApp {
    let (mut app, _) = app(map, Some(path.to_path_buf()));
    app.enable_recovery(dir, Duration::ZERO)
        .unwrap_or_else(|e| panic!("recovery could not start: {e}"));
    app
}

#[test]
fn an_edit_is_copied_and_the_copy_is_offered_after_a_crash() {
    let maps = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let original = small_map("Crash test", &["a"]);
    let path = write_map(maps.path(), "crash.ron", &original);

    let mut first = harness(app_with_recovery(data.path(), original.clone(), &path));
    assert!(first.state().recovery_offers().is_empty());
    let copy = first.state().recovery_copy_path().unwrap().to_path_buf();
    assert!(!copy.exists(), "nothing unsaved yet, so no copy");
    assert!(
        copy.starts_with(data.path()),
        "the copy is not beside the user's file"
    );

    add_claim(&mut first, "unsaved work");
    let edited = first.state().map().clone();
    wait_for(&mut first, "the recovery copy is written", |_| {
        copy.exists()
    });
    // The crash: the app goes away without a clean exit.
    drop(first);

    let mut next = harness(app_with_recovery(data.path(), original.clone(), &path));
    assert_eq!(next.state().recovery_offers().len(), 1);
    next.get_by_label("Restore unsaved work?");
    next.get_by_label_contains("Crash test");
    next.get_by_label("Restore").click();
    next.run();
    assert_eq!(next.state().map(), &edited);
    assert!(
        next.state().document().is_dirty(),
        "restored work is unsaved"
    );
    assert_eq!(
        next.state().document().path(),
        Some(path.as_path()),
        "restored work belongs to its file"
    );
    assert!(next.state().recovery_offers().is_empty());
    assert!(!copy.exists(), "the old copy is gone once restored");
    // The file on disk is still the saved version until the user saves.
    assert_eq!(stancemap::io::load_file(&path).unwrap(), original);
}

#[test]
fn a_clean_exit_removes_the_copy_and_nothing_is_offered() {
    let maps = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let map = small_map("Clean exit", &["a"]);
    let path = write_map(maps.path(), "clean.ron", &map);

    let mut first = harness(app_with_recovery(data.path(), map.clone(), &path));
    add_claim(&mut first, "discarded later");
    let copy = first.state().recovery_copy_path().unwrap().to_path_buf();
    wait_for(&mut first, "the recovery copy is written", |_| {
        copy.exists()
    });
    eframe::App::on_exit(first.state_mut(), None);
    assert!(!copy.exists());
    drop(first);

    let next = harness(app_with_recovery(data.path(), map, &path));
    assert!(next.state().recovery_offers().is_empty());
}

#[test]
fn a_declined_copy_is_deleted_and_a_postponed_one_is_kept() {
    let maps = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let map = small_map("Declined", &["a"]);
    let path = write_map(maps.path(), "declined.ron", &map);

    let crash = |label: &str| {
        let mut session = harness(app_with_recovery(data.path(), map.clone(), &path));
        add_claim(&mut session, label);
        let copy = session.state().recovery_copy_path().unwrap().to_path_buf();
        wait_for(&mut session, "the recovery copy is written", |_| {
            copy.exists()
        });
        copy
    };
    let copy = crash("one");

    let mut next = harness(app_with_recovery(data.path(), map.clone(), &path));
    next.get_by_label("Not now").click();
    next.run();
    assert!(copy.exists());
    assert_eq!(next.state().map(), &map);
    drop(next);

    let mut last = harness(app_with_recovery(data.path(), map.clone(), &path));
    assert_eq!(last.state().recovery_offers().len(), 1);
    last.get_by_label("Discard copy").click();
    last.run();
    assert!(!copy.exists());
    assert_eq!(last.state().map(), &map);
}

#[test]
fn after_a_crash_the_map_that_was_edited_opens_with_its_offer() {
    let maps = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let original = small_map("Edited before the crash", &["a"]);
    let path = write_map(maps.path(), "edited.ron", &original);
    let mut first = harness(app_with_recovery(data.path(), original.clone(), &path));
    add_claim(&mut first, "unsaved work");
    let copy = first.state().recovery_copy_path().unwrap().to_path_buf();
    wait_for(&mut first, "the recovery copy is written", |_| {
        copy.exists()
    });
    drop(first);

    // The next start names no file: it would show the example map.
    let (mut next, _) = app(stancemap::example::example_map().unwrap(), None);
    next.enable_recovery(data.path(), Duration::ZERO).unwrap();
    assert!(next.open_file_of_recovery_copy());
    assert_eq!(next.document().path(), Some(path.as_path()));
    assert_eq!(next.map(), &original);
    assert_eq!(next.recovery_offers().len(), 1, "the offer still stands");
}
