//! The canvas's right-click menu: the commands that act on what was clicked (the selection),
//! or on the map and the clicked spot when the click fell on empty canvas. Entries come from
//! the command list, so names, shortcuts and enabled states match the menu bar.

use crate::app::StanceApp;
use crate::app::canvas::CreateMode;
use crate::app::commands::Command;
use crate::app::panels::menu::command_button;
use crate::model::ActorKind;
use eframe::egui;

/// Entries for a right-click on selected items; `None` separates groups.
const ON_SELECTION: [Option<Command>; 11] = [
    Some(Command::Rename),
    Some(Command::Duplicate),
    Some(Command::Delete),
    None,
    Some(Command::Cut),
    Some(Command::Copy),
    None,
    Some(Command::FitSelection),
    None,
    Some(Command::StanceLayoutSelection),
    Some(Command::NetworkLayoutSelection),
];

/// Entries for a right-click on empty canvas; `None` separates groups.
const ON_CANVAS: [Option<Command>; 10] = [
    Some(Command::NewClaim),
    Some(Command::NewActor),
    Some(Command::AddSource),
    Some(Command::Paste),
    None,
    Some(Command::SelectAll),
    Some(Command::FitMap),
    None,
    Some(Command::StanceLayout),
    Some(Command::NetworkLayout),
];

impl StanceApp {
    /// Shows the context menu while it is open (egui opens it on a right-click on the
    /// canvas) and runs the picked command.
    pub(in crate::app) fn canvas_context_menu(&mut self, ctx: &egui::Context) {
        let Some(response) = self.canvas.context.response.take() else {
            return;
        };
        let entries: &[Option<Command>] = if self.selection.is_empty() {
            &ON_CANVAS
        } else {
            &ON_SELECTION
        };
        let mut picked = None;
        response.context_menu(|ui| {
            ui.set_min_width(220.0);
            for entry in entries {
                match entry {
                    Some(command) => {
                        if command_button(ui, self, *command) {
                            picked = Some(*command);
                            ui.close();
                        }
                    }
                    None => {
                        ui.separator();
                    }
                }
            }
        });
        if let Some(command) = picked {
            self.run_context_command(ctx, command);
        }
    }

    /// Runs a command picked in the context menu: new nodes go where the menu was opened.
    fn run_context_command(&mut self, ctx: &egui::Context, command: Command) {
        let create = match command {
            Command::NewClaim => Some(CreateMode::Claim),
            Command::NewActor => Some(match self.canvas.create_mode() {
                CreateMode::Actor(kind) => CreateMode::Actor(kind),
                CreateMode::Claim => CreateMode::Actor(ActorKind::Person),
            }),
            _ => None,
        };
        match (create, self.canvas.context.at) {
            (Some(create), Some(at)) => self.canvas.start_new_node_at(create, at),
            _ => self.run(ctx, command),
        }
    }
}
