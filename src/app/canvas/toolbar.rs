//! The strip above the canvas: what double-click creates, the current source, view buttons
//! and the search box. Buttons ask for the same commands as the menus and shortcuts.

use super::CanvasState;
use super::interact::CreateMode;
use crate::app::canvas::current_source::CurrentSource;
use crate::app::canvas::search::SearchAction;
use crate::app::commands::Command;
use crate::app::requests::Requests;
use crate::model::{ActorKind, Map};
use eframe::egui;

/// Draws the toolbar; returns the search box's request, if any.
pub fn toolbar(
    ui: &mut egui::Ui,
    map: &Map,
    state: &mut CanvasState,
    requests: &mut Requests,
) -> Option<SearchAction> {
    let mut search = None;
    ui.horizontal_wrapped(|ui| {
        ui.label("Double-click adds");
        let create = &mut state.interaction.create;
        let is_claim = *create == CreateMode::Claim;
        if ui
            .selectable_label(is_claim, "a claim")
            .on_hover_text("Double-click on empty canvas adds a claim (Shift: an actor)")
            .clicked()
        {
            *create = CreateMode::Claim;
        }
        let kind = match *create {
            CreateMode::Actor(kind) => kind,
            CreateMode::Claim => ActorKind::Person,
        };
        if ui
            .selectable_label(!is_claim, "an actor")
            .on_hover_text("Double-click on empty canvas adds an actor (Shift: a claim)")
            .clicked()
        {
            *create = CreateMode::Actor(kind);
        }
        if let CreateMode::Actor(kind) = create {
            egui::ComboBox::from_id_salt("new_actor_kind")
                .selected_text(kind.label())
                .show_ui(ui, |ui| {
                    for option in ActorKind::ALL {
                        ui.selectable_value(kind, option, option.label());
                    }
                })
                .response
                .on_hover_text("Kind of the actors double-click adds");
        }
        ui.separator();
        current_source_picker(ui, map, &mut state.current_source);
        ui.separator();
        for command in [Command::FitMap, Command::FitSelection, Command::ZoomOut] {
            command_button(ui, command, requests);
        }
        ui.weak(format!("{:.0}%", state.camera.zoom * 100.0));
        command_button(ui, Command::ZoomIn, requests);
        ui.separator();
        let legend = ui
            .selectable_label(state.show_legend, "Legend")
            .on_hover_text(Command::ToggleLegend.tooltip());
        if legend.clicked() {
            requests.command(Command::ToggleLegend);
        }
        let minimap = ui
            .selectable_label(state.show_minimap, "Overview")
            .on_hover_text(Command::ToggleMinimap.tooltip());
        if minimap.clicked() {
            requests.command(Command::ToggleMinimap);
        }
        ui.separator();
        search = state.search.ui(ui, map);
    });
    search
}

fn command_button(ui: &mut egui::Ui, command: Command, requests: &mut Requests) {
    let text = match command {
        Command::ZoomIn => "+",
        Command::ZoomOut => "−",
        other => other.label(),
    };
    let response = ui.button(text).on_hover_text(command.tooltip());
    // Symbol-only buttons still need a name for screen readers.
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, command.label()));
    if response.clicked() {
        requests.command(command);
    }
}

/// Longest source title the toolbar shows in full, in characters.
const SHORT_TITLE_CHARS: usize = 32;

/// The current source's selector: new stances cite the source chosen here, with its date.
fn current_source_picker(ui: &mut egui::Ui, map: &Map, current: &mut CurrentSource) {
    let label = ui.label("Source:");
    let resolved = current.resolve(map);
    let shown = resolved
        .and_then(|id| map.source(id))
        .map_or_else(|| "none".to_owned(), |s| shortened(&s.title));
    let response = egui::ComboBox::from_id_salt("current_source")
        .selected_text(shown)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(resolved.is_none(), "No source")
                .clicked()
            {
                *current = CurrentSource::Nothing;
            }
            for source in map.sources() {
                let chosen = resolved == Some(source.id);
                let entry = ui
                    .selectable_label(chosen, shortened(&source.title))
                    .on_hover_text(&source.title);
                if entry.clicked() {
                    *current = CurrentSource::Chosen(source.id);
                }
            }
        })
        .response;
    response
        .labelled_by(label.id)
        .on_hover_text("The source that stances drawn on the canvas cite, with its date");
}

/// `title`, cut to fit the toolbar.
fn shortened(title: &str) -> String {
    if title.chars().count() <= SHORT_TITLE_CHARS {
        return title.to_owned();
    }
    let mut short: String = title.chars().take(SHORT_TITLE_CHARS - 1).collect();
    short.push('…');
    short
}
