//! A map file changed on disk by another program while it is open: saving over it asks first
//! (Reload / Overwrite / Save as), and so does getting the window's focus back.

// Helpers fail the test loudly when something they set up goes wrong.
#![allow(clippy::unwrap_used)]

mod common;

use common::{add_claim, app, harness, press, small_map, wait_for, write_map};
use eframe::egui::{self, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancemap::app::StanceApp;
use stancemap::io::{load_file, save_file};
use std::path::{Path, PathBuf};

/// An app editing `mine.ron` (one claim, "ours"), with one unsaved claim added ("edit"), and
/// the file then replaced by another program's version titled "Theirs".
fn changed_under_an_edit(dir: &Path) -> (Harness<'static, StanceApp>, PathBuf) {
    let path = write_map(dir, "mine.ron", &small_map("Mine", &["ours"]));
    let (app, _) = app(load_file(&path).unwrap(), Some(path.clone()));
    let mut harness = harness(app);
    add_claim(&mut harness, "edit");
    save_file(&path, &small_map("Theirs", &["theirs", "and more"])).unwrap();
    (harness, path)
}

fn title_on_disk(path: &Path) -> String {
    load_file(path).unwrap().title().to_owned()
}

#[test]
fn saving_over_a_changed_file_asks_and_overwrite_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = changed_under_an_edit(dir.path());
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(harness.state().disk_change().is_some());
    harness.get_by_label("The file changed on disk");
    // Nothing was written yet.
    assert_eq!(title_on_disk(&path), "Theirs");
    assert!(harness.state().document().is_dirty());

    harness.get_by_label("Overwrite").click();
    harness.run();
    assert!(harness.state().disk_change().is_none());
    assert_eq!(title_on_disk(&path), "Mine");
    assert_eq!(load_file(&path).unwrap().claims().len(), 2);
    assert!(!harness.state().document().is_dirty());
    // What the other program wrote is the backup now.
    let backup = stancemap::io::backup_path(&path);
    assert_eq!(title_on_disk(&backup), "Theirs");
    // The next save does not ask again: the file is what this window wrote.
    add_claim(&mut harness, "later");
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(harness.state().disk_change().is_none());
    assert_eq!(load_file(&path).unwrap().claims().len(), 3);
}

#[test]
fn reload_shows_the_file_as_it_is_now() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = changed_under_an_edit(dir.path());
    press(&mut harness, Modifiers::COMMAND, Key::S);
    harness.get_by_label("Reload").click();
    harness.run();
    let app = harness.state();
    assert!(app.disk_change().is_none());
    assert_eq!(app.map().title(), "Theirs");
    assert_eq!(app.map().claims().len(), 2);
    assert!(!app.document().is_dirty());
    assert_eq!(title_on_disk(&path), "Theirs");
}

#[test]
fn save_as_keeps_both_versions() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_map(dir.path(), "mine.ron", &small_map("Mine", &["ours"]));
    let (app, dialogs) = app(load_file(&path).unwrap(), Some(path.clone()));
    let mut harness = harness(app);
    add_claim(&mut harness, "edit");
    save_file(&path, &small_map("Theirs", &["theirs"])).unwrap();
    press(&mut harness, Modifiers::COMMAND, Key::S);
    let other = dir.path().join("mine-2.ron");
    dialogs.answer(Some(&other));
    harness.get_by_label("Save as…").click();
    wait_for(&mut harness, "the map is saved as another file", |app| {
        app.document().path() == Some(other.as_path())
    });
    assert_eq!(title_on_disk(&path), "Theirs");
    assert_eq!(title_on_disk(&other), "Mine");
    assert_eq!(load_file(&other).unwrap().claims().len(), 2);
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn getting_the_focus_back_tells_of_a_change_once() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = changed_under_an_edit(dir.path());
    let focus = |harness: &mut Harness<'static, StanceApp>| {
        harness.event(egui::Event::WindowFocused(true));
        harness.run();
    };
    focus(&mut harness);
    assert!(harness.state().disk_change().is_some());
    harness.get_by_label("Your changes here are not saved.");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().disk_change().is_none());
    assert_eq!(title_on_disk(&path), "Theirs");
    // The same change is not announced again on every focus...
    focus(&mut harness);
    assert!(harness.state().disk_change().is_none());
    // ...but saving over it still asks.
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(harness.state().disk_change().is_some());
    assert_eq!(title_on_disk(&path), "Theirs");
}

#[test]
fn an_unchanged_file_saves_without_asking_even_when_touched() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_map(dir.path(), "mine.ron", &small_map("Mine", &["ours"]));
    let (app, _) = app(load_file(&path).unwrap(), Some(path.clone()));
    let mut harness = harness(app);
    add_claim(&mut harness, "edit");
    // A checkout that rewrites the same bytes moves the time, not the content.
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(30);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(later)
        .unwrap();
    harness.event(egui::Event::WindowFocused(true));
    harness.run();
    assert!(harness.state().disk_change().is_none());
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(harness.state().disk_change().is_none());
    assert_eq!(load_file(&path).unwrap().claims().len(), 2);
}
