//! The file workflow driven through the real app UI: the unsaved marker, Save as, the
//! Save / Discard / Cancel prompt on New, Open and closing, failed opens and saves, recent
//! files, dropped files, the path field where no dialog exists, and the command palette.

mod common;

use common::memory_storage::MemoryStorage;
use common::{
    CTRL_SHIFT, ScriptedDialogs, add_claim, app, app_with_dialogs, harness, press, small_map,
    wait_for, write_map,
};
use eframe::egui::{self, Key, Modifiers, ViewportCommand, ViewportId, accesskit::Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use stancemap::app::StanceApp;
use stancemap::app::document::settings::{ThemeChoice, ViewSettings};
use stancemap::app::windows::prompts::Intent;
use stancemap::io::load_file;
use stancemap::model::{Claim, Edit, Point};
use std::path::Path;

fn commands_sent(harness: &Harness<'static, StanceApp>) -> Vec<ViewportCommand> {
    harness
        .output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .map(|v| v.commands.clone())
        .unwrap_or_default()
}

/// Asks the window to close, as the window manager's close button does.
fn request_close(harness: &mut Harness<'static, StanceApp>) {
    harness
        .input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.step();
}

#[test]
fn the_unsaved_marker_follows_edits_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let map = small_map("Marker test", &["first"]);
    let path = write_map(dir.path(), "marker.ron", &map);
    let (app, _) = app(map, Some(path));
    let mut harness = harness(app);
    assert_eq!(
        harness.state().window_title(),
        "Marker test — marker.ron — stancemap"
    );
    harness.get_by_label("marker.ron — saved");

    // The window itself is told the new title in the frame after the edit.
    let app = harness.state_mut();
    let id = app.map().id_allocator().claim();
    app.apply(Edit::AddClaim(Claim::new(
        id,
        "second",
        Point::new(0.0, 300.0),
    )));
    harness.step();
    assert!(commands_sent(&harness).contains(&ViewportCommand::Title(
        "● Marker test — marker.ron — stancemap".to_owned()
    )));
    harness.run();
    assert!(harness.state().window_title().starts_with("● Marker test"));
    harness.get_by_label("marker.ron — unsaved changes");

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().map().claims().len(), 1);
    assert!(!harness.state().document().is_dirty());
    assert!(!harness.state().window_title().contains('●'));
    harness.get_by_label("marker.ron — saved");
}

#[test]
fn save_as_writes_a_file_that_loads_back_equal() {
    let dir = tempfile::tempdir().unwrap();
    let (app, dialogs) = app(small_map("Save as test", &["a", "b"]), None);
    let mut harness = harness(app);
    add_claim(&mut harness, "c");
    // The user types a name without the extension; the app adds it.
    dialogs.answer(Some(&dir.path().join("chosen")));
    press(&mut harness, CTRL_SHIFT, Key::S);
    let target = dir.path().join("chosen.ron");
    wait_for(&mut harness, "the map is saved", |app| {
        !app.document().is_dirty()
    });
    let loaded = load_file(&target).unwrap();
    assert_eq!(&loaded, harness.state().map());
    assert_eq!(
        harness.state().document().path(),
        Some(target.canonicalize().unwrap().as_path())
    );
    assert!(harness.state().window_title().contains("chosen.ron"));
    let asked = dialogs.asked.lock().unwrap();
    assert_eq!(asked[0].extensions, ["ron"]);
    assert_eq!(asked[0].file_name.as_deref(), Some("Save-as-test.ron"));
}

#[test]
fn new_asks_first_and_cancel_discard_save_do_what_they_say() {
    let dir = tempfile::tempdir().unwrap();
    let map = small_map("Prompt on new", &["a"]);
    let path = write_map(dir.path(), "new.ron", &map);
    let (app, _) = app(map, Some(path.clone()));
    let mut harness = harness(app);
    add_claim(&mut harness, "b");

    // Cancel keeps everything.
    press(&mut harness, Modifiers::COMMAND, Key::N);
    assert_eq!(harness.state().pending_prompt(), Some(&Intent::NewMap));
    harness.get_by_label("Save changes?");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(harness.state().pending_prompt(), None);
    assert_eq!(harness.state().map().claims().len(), 2);
    assert!(harness.state().document().is_dirty());

    // Save saves, then starts the new map.
    press(&mut harness, Modifiers::COMMAND, Key::N);
    harness.get_by_label("Save").click();
    harness.run();
    assert_eq!(load_file(&path).unwrap().claims().len(), 2);
    assert_eq!(harness.state().map().claims().len(), 0);
    assert_eq!(harness.state().document().path(), None);

    // Discard drops the changes.
    add_claim(&mut harness, "c");
    press(&mut harness, Modifiers::COMMAND, Key::N);
    harness.get_by_label("Discard changes").click();
    harness.run();
    assert_eq!(harness.state().map().claims().len(), 0);
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn open_asks_about_unsaved_changes() {
    let dir = tempfile::tempdir().unwrap();
    let first = write_map(dir.path(), "first.ron", &small_map("First", &["a"]));
    let second_map = small_map("Second", &["x", "y", "z"]);
    let second = write_map(dir.path(), "second.ron", &second_map);
    let (app, dialogs) = app(load_file(&first).unwrap(), Some(first.clone()));
    let mut harness = harness(app);
    add_claim(&mut harness, "b");

    let open = |harness: &mut Harness<'static, StanceApp>| {
        dialogs.answer(Some(&second));
        press(harness, Modifiers::COMMAND, Key::O);
        wait_for(harness, "the prompt is shown", |app| {
            app.pending_prompt().is_some()
        });
    };

    open(&mut harness);
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(harness.state().map().title(), "First");
    assert_eq!(harness.state().map().claims().len(), 2);

    open(&mut harness);
    harness.get_by_label("Discard changes").click();
    harness.run();
    assert_eq!(harness.state().map(), &second_map);
    // The first file was never written.
    assert_eq!(load_file(&first).unwrap().claims().len(), 1);

    // Save writes the changes before opening.
    add_claim(&mut harness, "w");
    let edited = harness.state().map().clone();
    open(&mut harness);
    harness.get_by_label("Save").click();
    harness.run();
    assert_eq!(load_file(&second).unwrap(), edited);
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn closing_the_window_asks_about_unsaved_changes() {
    let dir = tempfile::tempdir().unwrap();
    let map = small_map("Close test", &["a"]);
    let path = write_map(dir.path(), "close.ron", &map);
    let (app, _) = app(map, Some(path.clone()));
    let mut harness = harness(app);

    // Nothing unsaved: the window just closes.
    request_close(&mut harness);
    assert!(!commands_sent(&harness).contains(&ViewportCommand::CancelClose));
    harness.run();

    add_claim(&mut harness, "b");
    request_close(&mut harness);
    assert!(commands_sent(&harness).contains(&ViewportCommand::CancelClose));
    harness.run();
    assert_eq!(harness.state().pending_prompt(), Some(&Intent::Quit));

    // Cancel keeps the window and the changes.
    harness.get_by_label("Cancel").click();
    harness.step();
    assert!(!commands_sent(&harness).contains(&ViewportCommand::Close));
    assert!(!harness.state().may_close());
    harness.run();

    // Quit without saving closes and leaves the file as it was.
    request_close(&mut harness);
    harness.run();
    harness.get_by_label("Quit without saving").click();
    harness.step();
    assert!(commands_sent(&harness).contains(&ViewportCommand::Close));
    assert!(harness.state().may_close());
    assert_eq!(load_file(&path).unwrap().claims().len(), 1);
}

#[test]
fn quit_saves_when_asked_to_and_then_closes() {
    let dir = tempfile::tempdir().unwrap();
    let map = small_map("Quit test", &["a"]);
    let path = write_map(dir.path(), "quit.ron", &map);
    let (app, _) = app(map, Some(path.clone()));
    let mut harness = harness(app);
    add_claim(&mut harness, "b");
    press(&mut harness, Modifiers::COMMAND, Key::Q);
    harness.get_by_label("Save").click();
    harness.step();
    assert!(commands_sent(&harness).contains(&ViewportCommand::Close));
    assert_eq!(load_file(&path).unwrap(), *harness.state().map());
}

#[test]
fn a_failed_open_keeps_the_map_and_lists_every_problem() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    std::fs::write(
        &broken,
        "(\n    version: 1,\n    title: \"Broken\",\n    claims: [(id: 1, label: \"ok\")],\n    \
         relations: [\n        (id: 2, from: 1, to: 9, kind: Supports),\n        \
         (id: 3, from: 8, to: 1, kind: Attacks),\n    ],\n    next_id: 4,\n)\n",
    )
    .unwrap();
    let (app, dialogs) = app(small_map("Kept", &["a"]), None);
    let mut harness = harness(app);
    add_claim(&mut harness, "b");
    let before = harness.state().map().clone();
    dialogs.answer(Some(&broken));
    press(&mut harness, Modifiers::COMMAND, Key::O);
    // Unsaved changes are asked about first; discarding them does not matter when the file
    // then fails to open.
    wait_for(&mut harness, "the prompt is shown", |app| {
        app.pending_prompt().is_some()
    });
    harness.get_by_label("Discard changes").click();
    harness.run();

    let report = harness.state().error_report().expect("no error report");
    assert_eq!(report.title, "Could not open the map");
    assert!(report.lines.len() >= 2, "{:?}", report.lines);
    for line in &report.lines {
        assert!(
            line.starts_with(&format!("{}:", broken.display())),
            "{line}"
        );
    }
    harness.get_by_label("Could not open the map");
    harness.get_by_label(report.lines[0].as_str());
    assert_eq!(harness.state().map(), &before);
    assert!(harness.state().document().is_dirty());
    harness.get_by_label("OK").click();
    harness.run();
    assert!(harness.state().error_report().is_none());
}

#[test]
fn a_failed_save_says_why_and_keeps_the_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (app, dialogs) = app(small_map("Unsaved", &["a"]), None);
    let mut harness = harness(app);
    add_claim(&mut harness, "b");
    dialogs.answer(Some(&dir.path().join("no-such-folder/map.ron")));
    press(&mut harness, Modifiers::COMMAND, Key::S);
    wait_for(&mut harness, "the save fails", |app| {
        app.error_report().is_some()
    });
    let report = harness.state().error_report().unwrap();
    assert_eq!(report.title, "Could not save the map");
    assert!(
        report.summary.contains("does not exist"),
        "{}",
        report.summary
    );
    assert!(harness.state().document().is_dirty());
    assert_eq!(harness.state().document().path(), None);
}

#[test]
fn recent_files_are_listed_newest_first_kept_across_runs_and_reopened_from_the_menu() {
    let dir = tempfile::tempdir().unwrap();
    let a = write_map(dir.path(), "a.ron", &small_map("A", &["a"]));
    let b = write_map(dir.path(), "b.ron", &small_map("B", &["b"]));
    let gone = write_map(dir.path(), "gone.ron", &small_map("Gone", &["g"]));
    let (app, dialogs) = app(small_map("Start", &[]), None);
    let mut harness = harness(app);
    for path in [&gone, &a, &b] {
        dialogs.answer(Some(path));
        press(&mut harness, Modifiers::COMMAND, Key::O);
        let name = path.file_name().unwrap().to_owned();
        wait_for(&mut harness, "the file is open", move |app| {
            app.document().path().and_then(Path::file_name) == Some(name.as_os_str())
        });
    }
    std::fs::remove_file(&gone).unwrap();
    let names: Vec<String> = harness
        .state()
        .settings()
        .recent
        .paths()
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["b.ron", "a.ron", "gone.ron"]);

    // Kept across runs through eframe's storage.
    let mut storage = MemoryStorage::default();
    eframe::App::save(harness.state_mut(), &mut storage);
    let settings = ViewSettings::load(Some(&storage));
    assert_eq!(settings.recent, harness.state().settings().recent);
    let (next_run, _) = common::app(small_map("Next run", &[]), None);
    let mut harness = common::harness(next_run.with_settings(settings));

    // The menu lists them, the missing one marked and not openable.
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open recent").hover();
    harness.run();
    let missing = harness.get_by_label_contains("gone.ron (missing)");
    assert!(missing.accesskit_node().is_disabled());
    harness.get_by_label_contains("a.ron — ").click();
    harness.run();
    assert_eq!(harness.state().map().title(), "A");
}

struct Dropped(std::path::PathBuf);

impl std::fmt::Debug for Dropped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Dropped({})", self.0.display())
    }
}

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_map_dropped_on_the_window_opens() {
    let dir = tempfile::tempdir().unwrap();
    let dropped = write_map(dir.path(), "dropped.ron", &small_map("Dropped", &["d"]));
    let (app, _) = app(small_map("Before", &[]), None);
    let mut harness = harness(app);
    let picture = dir.path().join("picture.png");
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(picture)));
    harness.run();
    assert_eq!(harness.state().map().title(), "Before");
    assert!(harness.state().status().unwrap().contains(".ron"));
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(dropped)));
    harness.run();
    assert_eq!(harness.state().map().title(), "Dropped");
}

#[test]
fn without_a_dialog_backend_the_app_says_so_and_takes_a_typed_path() {
    let dir = tempfile::tempdir().unwrap();
    let target = write_map(dir.path(), "typed.ron", &small_map("Typed", &["t"]));
    let dialogs = ScriptedDialogs::unavailable("no portal and no zenity");
    let (app, _) = app_with_dialogs(small_map("Before", &[]), None, dialogs);
    let mut harness = harness(app);
    press(&mut harness, Modifiers::COMMAND, Key::O);
    wait_for(&mut harness, "the path field is shown", |app| {
        app.modal_is_open()
    });
    harness.get_by_label_contains("no portal and no zenity");
    // The field has the keyboard with the suggested path selected: typing replaces it.
    assert!(harness.get_by_label("Path:").is_focused());
    harness
        .get_by_label("Path:")
        .type_text(&target.display().to_string());
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();
    assert_eq!(harness.state().map().title(), "Typed");
}

#[test]
fn the_command_palette_finds_and_runs_a_command() {
    let (app, _) = app(small_map("Palette", &[]), None);
    let mut harness = harness(app);
    assert_eq!(harness.state().settings().theme, ThemeChoice::System);
    press(&mut harness, CTRL_SHIFT, Key::P);
    assert!(harness.state().modal_is_open());
    palette_field(&harness).type_text("drk thm");
    harness.run();
    harness.get_by_label("Dark theme");
    assert!(harness.query_by_label("Light theme").is_none());
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(harness.state().settings().theme, ThemeChoice::Dark);
    assert!(!harness.state().modal_is_open());
    assert_eq!(harness.ctx.theme(), egui::Theme::Dark);
    // And a click works as well as Enter.
    press(&mut harness, CTRL_SHIFT, Key::P);
    palette_field(&harness).type_text("light");
    harness.run();
    harness.get_by_label("Light theme").click();
    harness.run();
    assert_eq!(harness.state().settings().theme, ThemeChoice::Light);
    assert_eq!(harness.ctx.theme(), egui::Theme::Light);
}

#[test]
fn help_lists_every_shortcut_and_about_shows_the_version() {
    let (app, _) = app(small_map("Help", &[]), None);
    let mut harness = harness(app);
    harness.get_by_role_and_label(Role::Button, "Help").click();
    harness.run();
    harness.get_by_label("Keyboard shortcuts F1").click();
    harness.run();
    // Every command is listed with its shortcut.
    for command in stancemap::app::Command::all() {
        harness.get_by_role_and_label(Role::Label, command.label());
    }
    harness.get_by_label("Ctrl+Shift+S");
    harness.get_by_label_contains("Ctrl+Y");
    harness.get_by_role_and_label(Role::Button, "Help").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "About stancemap")
        .click();
    harness.run();
    harness.get_by_label(&format!("stancemap {}", env!("CARGO_PKG_VERSION")));
}

/// The palette's text field: the focused one (the lists, inspector and search box have text
/// fields too).
fn palette_field<'a>(harness: &'a egui_kittest::Harness<'_, StanceApp>) -> egui_kittest::Node<'a> {
    harness.get_by(|node| node.role() == Role::TextInput && node.is_focused())
}
