//! Escape closes what is open, at the first press: the keyboard shortcuts window, a menu.

mod common;

use common::{app, harness, small_map};
use eframe::egui::Key;
use eframe::egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

#[test]
fn escape_closes_the_keyboard_shortcuts_window() {
    let (app, _) = app(small_map("Escape", &["A claim"]), None);
    let mut harness = harness(app);
    harness.key_press(Key::F1);
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::Window, "Keyboard shortcuts")
            .is_some()
    );
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::Window, "Keyboard shortcuts")
            .is_none()
    );
}

#[test]
fn escape_closes_an_open_menu_at_the_first_press() {
    let (app, _) = app(small_map("Escape", &["A claim"]), None);
    let mut harness = harness(app);
    harness.get_by_role_and_label(Role::Button, "File").click();
    harness.run();
    assert!(harness.query_by_label_contains("Save as…").is_some());
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label_contains("Save as…").is_none());
}
