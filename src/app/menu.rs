//! The menu bar, generated from the command list.

use super::commands::{Command, Menu};
use eframe::egui;

/// Draws the menu bar; returns the command the user picked, if any. `enabled` says which
/// commands can run now.
pub fn menu_bar(ui: &mut egui::Ui, enabled: impl Fn(Command) -> bool) -> Option<Command> {
    let mut picked = None;
    egui::MenuBar::new().ui(ui, |ui| {
        for menu in Menu::ALL {
            ui.menu_button(menu.title(), |ui| {
                for (i, &command) in Command::ALL.iter().filter(|c| c.menu() == menu).enumerate() {
                    if i > 0 && command.starts_menu_group() {
                        ui.separator();
                    }
                    let mut button = egui::Button::new(command.label());
                    if let Some(shortcut) = command.shortcut() {
                        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
                    }
                    let response = ui
                        .add_enabled(enabled(command), button)
                        .on_hover_text(command.tooltip());
                    if response.clicked() {
                        picked = Some(command);
                        ui.close();
                    }
                }
            });
        }
    });
    picked
}
