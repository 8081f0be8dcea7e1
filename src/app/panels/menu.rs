//! The menu bar, generated from the command list.

use crate::app::commands::{Command, Menu};
use crate::app::document::settings::RecentEntry;
use eframe::egui;
use std::path::PathBuf;

/// What the menu bar needs to know about the app.
pub trait MenuState {
    /// Whether a command can run now.
    fn is_enabled(&self, command: Command) -> bool;

    /// For commands that choose one of several settings (the theme): whether this one is the
    /// current choice. `None` for ordinary commands.
    fn is_checked(&self, command: Command) -> Option<bool>;

    /// The recent files, newest first (asked only while the Open recent menu is open).
    fn recent_files(&self) -> Vec<RecentEntry>;
}

/// What the user picked in the menu bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MenuPick {
    /// A command.
    Command(Command),
    /// A file from Open recent.
    OpenRecent(PathBuf),
    /// Forget the recent files.
    ClearRecent,
}

/// Draws the menu bar; returns what the user picked, if anything.
pub fn menu_bar(ui: &mut egui::Ui, state: &dyn MenuState) -> Option<MenuPick> {
    let mut picked = None;
    egui::MenuBar::new().ui(ui, |ui| {
        for menu in Menu::ALL {
            let mut commands = Command::all().filter(|c| c.menu() == menu);
            // A menu no feature has filled yet is left out rather than shown empty.
            let Some(first) = commands.next() else {
                continue;
            };
            ui.menu_button(menu.title(), |ui| {
                // Room between names and shortcuts.
                ui.set_min_width(220.0);
                for command in std::iter::once(first).chain(commands) {
                    if command != first && command.starts_menu_group() {
                        ui.separator();
                    }
                    if command == Command::OpenRecent {
                        if let Some(pick) = recent_menu(ui, state) {
                            picked = Some(pick);
                        }
                        continue;
                    }
                    if command_button(ui, state, command) {
                        picked = Some(MenuPick::Command(command));
                        ui.close();
                    }
                }
            });
        }
    });
    picked
}

/// One command as a menu entry; returns whether it was clicked.
pub(in crate::app) fn command_button(
    ui: &mut egui::Ui,
    state: &dyn MenuState,
    command: Command,
) -> bool {
    let enabled = state.is_enabled(command);
    if let Some(checked) = state.is_checked(command) {
        // One of several choices (the theme): a radio button shows which is current.
        return ui
            .add_enabled(enabled, egui::RadioButton::new(checked, command.label()))
            .on_hover_text(command.tooltip())
            .clicked();
    }
    let mut button = egui::Button::new(command.label());
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    ui.add_enabled(enabled, button)
        .on_hover_text(command.tooltip())
        .clicked()
}

/// The Open recent submenu: the files, missing ones greyed out, and a way to clear the list.
fn recent_menu(ui: &mut egui::Ui, state: &dyn MenuState) -> Option<MenuPick> {
    let mut picked = None;
    let enabled = state.is_enabled(Command::OpenRecent);
    ui.add_enabled_ui(enabled, |ui| {
        ui.menu_button(Command::OpenRecent.label(), |ui| {
            let entries = state.recent_files();
            if entries.is_empty() {
                ui.weak("No files opened yet");
                return;
            }
            for entry in entries {
                let response = ui
                    .add_enabled(entry.exists, egui::Button::new(entry.label()))
                    .on_hover_text(entry.path.display().to_string())
                    .on_disabled_hover_text(format!("{} no longer exists", entry.path.display()));
                if response.clicked() {
                    picked = Some(MenuPick::OpenRecent(entry.path));
                    ui.close();
                }
            }
            ui.separator();
            if ui.button("Clear recent files").clicked() {
                picked = Some(MenuPick::ClearRecent);
                ui.close();
            }
        })
        .response
        .on_hover_text(Command::OpenRecent.tooltip());
    });
    picked
}
