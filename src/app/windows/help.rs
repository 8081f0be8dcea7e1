//! The Help menu's windows: every keyboard shortcut (from the command list) and About.

use crate::app::commands::{Command, Menu};
use eframe::egui;

/// Which help windows are open.
#[derive(Debug, Default)]
pub struct HelpWindows {
    /// The keyboard shortcut list.
    pub shortcuts: bool,
    /// Version and credits.
    pub about: bool,
}

impl HelpWindows {
    /// Closes the open help windows on Escape; returns whether it took the key.
    pub fn close_on_escape(&mut self, ctx: &egui::Context) -> bool {
        if !(self.shortcuts || self.about) {
            return false;
        }
        let escape = ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
        if escape {
            self.shortcuts = false;
            self.about = false;
        }
        escape
    }

    /// Shows the open windows. `data_folder` is where settings and recovery copies live.
    pub fn ui(&mut self, ctx: &egui::Context, data_folder: Option<&std::path::Path>) {
        // Centred over the canvas rather than on top of the menu bar.
        let centre = ctx.content_rect().center();
        // Taller than a small window: it scrolls rather than run off the screen.
        let room = (ctx.content_rect().height() - 80.0).max(200.0);
        egui::Window::new("Keyboard shortcuts")
            .open(&mut self.shortcuts)
            .resizable(false)
            .collapsible(false)
            .vscroll(true)
            .default_height(room)
            .max_height(room)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(centre)
            .show(ctx, shortcut_list);
        egui::Window::new("About stancemap")
            .open(&mut self.about)
            .resizable(false)
            .collapsible(false)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(centre)
            .show(ctx, |ui| {
                ui.heading(format!("stancemap {}", env!("CARGO_PKG_VERSION")));
                ui.label(env!("CARGO_PKG_DESCRIPTION"));
                ui.add_space(4.0);
                ui.label(format!("Licence: {}", env!("CARGO_PKG_LICENSE")));
                if let Some(folder) = data_folder {
                    ui.label(format!(
                        "Settings and recovery copies of unsaved work are kept in {}",
                        folder.display()
                    ));
                }
            });
    }
}

/// Every command with its shortcuts, grouped by menu.
fn shortcut_list(ui: &mut egui::Ui) {
    let ctx = ui.ctx().clone();
    egui::Grid::new("shortcuts")
        .striped(true)
        .num_columns(2)
        .spacing([32.0, 4.0])
        .show(ui, |ui| {
            for menu in Menu::ALL {
                let commands: Vec<Command> = Command::all().filter(|c| c.menu() == menu).collect();
                if commands.is_empty() {
                    continue;
                }
                ui.strong(menu.title());
                ui.end_row();
                for command in commands {
                    let keys: Vec<String> = command
                        .shortcut()
                        .into_iter()
                        .chain(command.alternative_shortcuts().iter().copied())
                        .map(|s| ctx.format_shortcut(&s))
                        .collect();
                    ui.label(command.label()).on_hover_text(command.tooltip());
                    ui.label(if keys.is_empty() {
                        "—".to_owned()
                    } else {
                        keys.join(", ")
                    });
                    ui.end_row();
                }
            }
            // The canvas's mouse gestures have no command of their own.
            ui.strong("Canvas");
            ui.end_row();
            for (gesture, effect) in crate::app::canvas::GESTURES {
                ui.label(*gesture);
                ui.label(*effect);
                ui.end_row();
            }
        });
}
