//! Where every command is enabled or refused, and where it runs: one exhaustive `match` each,
//! so a new [`Command`] does not compile until it is given both.

use crate::app::StanceApp;
use crate::app::commands::Command;
use crate::app::document::settings::ThemeChoice;
use crate::app::windows::palette::PaletteMode;
use crate::app::windows::prompts::Intent;
use crate::layout::LayoutKind;
use crate::model::ItemId;
use eframe::egui;

impl StanceApp {
    /// Whether a command can run now.
    pub fn is_enabled(&self, command: Command) -> bool {
        let no_file_dialog = !self.file_dialog_open();
        let selected = !self.selection.is_empty();
        match command {
            Command::New | Command::Open | Command::Save | Command::SaveAs => no_file_dialog,
            Command::OpenRecent => no_file_dialog && !self.surroundings.settings.recent.is_empty(),
            Command::CopyImage => self.doc.map().node_count() > 0 && !self.export.is_busy(),
            Command::Import | Command::ExportAs => self.formats_enabled(),
            Command::CompareWith => !self.compare.is_waiting(),
            Command::CombineWith => !self.combine.is_busy(),
            Command::ShowConflicts => !self.doc.map().conflicts().is_empty(),
            Command::AgreementWith => !self.agreement.is_waiting(),
            Command::Undo => self.doc.can_undo(),
            Command::Redo => self.doc.can_redo(),
            Command::Cut
            | Command::Copy
            | Command::Duplicate
            | Command::Delete
            | Command::FitSelection => selected,
            Command::Paste => self.has_clip(),
            Command::Rename => self
                .selection
                .single()
                .is_some_and(|item| matches!(item, ItemId::Actor(_) | ItemId::Claim(_))),
            Command::CodeSelection => self.can_code_selection(),
            Command::StanceLayout | Command::NetworkLayout => self.layout_enabled(false),
            Command::EditSource => self.selected_source().is_some(),
            Command::ReplaceSourceText => {
                self.selected_source().is_some() && !self.is_loading_source_text()
            }
            Command::StanceLayoutSelection | Command::NetworkLayoutSelection => {
                self.layout_enabled(true)
            }
            Command::ExportImage
            | Command::AddSource
            | Command::Quit
            | Command::SelectAll
            | Command::SelectNone
            | Command::Find
            | Command::NewClaim
            | Command::NewActor
            | Command::FitMap
            | Command::ZoomIn
            | Command::ZoomOut
            | Command::ToggleLegend
            | Command::ToggleMinimap
            | Command::ShowReader
            | Command::CommandPalette
            | Command::ThemeSystem
            | Command::ThemeLight
            | Command::ThemeDark
            | Command::ShowAnalysis
            | Command::ShowShortcuts
            | Command::About => true,
        }
    }

    /// Runs a command, if it is enabled.
    pub fn run(&mut self, ctx: &egui::Context, command: Command) {
        if !self.is_enabled(command) {
            return;
        }
        match command {
            Command::New => self.request(ctx, Intent::NewMap),
            Command::Open => self.ask_which_file_to_open(ctx),
            Command::OpenRecent => self.surroundings.palette.open(PaletteMode::RecentFiles),
            Command::Save => self.save(ctx, None),
            Command::SaveAs => self.save_as(ctx, None),
            Command::ExportImage => self.export.show(self.doc.path()),
            Command::CopyImage => self.copy_image(ctx),
            Command::Import => self.ask_which_file_to_import(ctx),
            Command::ExportAs => self.formats.export_open = true,
            Command::CompareWith => self.ask_which_map_to_compare(ctx),
            Command::CombineWith => self.ask_which_map_to_combine(ctx),
            Command::ShowConflicts => self.conflicts_closed = false,
            Command::AgreementWith => self.ask_for_coder_map(ctx),
            Command::AddSource => self.open_new_source_window(),
            Command::ReplaceSourceText => self.ask_for_replacement_text(ctx),
            Command::EditSource => self.open_edit_source_window(),
            Command::Quit => self.request(ctx, Intent::Quit),
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::Cut => {
                self.copy(ctx);
                self.delete_selection(ctx);
            }
            Command::Copy => self.copy(ctx),
            Command::Paste => self.paste(ctx),
            Command::Duplicate => self.duplicate(ctx),
            Command::Delete => self.delete_selection(ctx),
            Command::SelectAll => self.select_all(),
            Command::SelectNone => self.select_none(),
            Command::Find => self.canvas.search.focus(),
            Command::NewClaim => self.new_claim_at_pointer(),
            Command::NewActor => self.new_actor_at_pointer(),
            Command::Rename => self.rename_selected(),
            Command::CodeSelection => self.open_coding_form(ctx),
            Command::ShowReader => self.reader.open = !self.reader.open,
            Command::FitMap => self.canvas.fit_pending = true,
            Command::FitSelection => self.canvas.fit_items(self.selection.items().collect()),
            Command::ZoomIn => self.canvas.zoom_by(crate::app::Camera::STEP),
            Command::ZoomOut => self.canvas.zoom_by(1.0 / crate::app::Camera::STEP),
            Command::ToggleLegend => self.canvas.show_legend = !self.canvas.show_legend,
            Command::ToggleMinimap => self.canvas.show_minimap = !self.canvas.show_minimap,
            Command::CommandPalette => self.surroundings.palette.open(PaletteMode::Commands),
            Command::ThemeSystem => self.surroundings.settings.theme = ThemeChoice::System,
            Command::ThemeLight => self.surroundings.settings.theme = ThemeChoice::Light,
            Command::ThemeDark => self.surroundings.settings.theme = ThemeChoice::Dark,
            Command::StanceLayout => self.start_layout(ctx, LayoutKind::Stance, false),
            Command::NetworkLayout => self.start_layout(ctx, LayoutKind::Network, false),
            Command::StanceLayoutSelection => self.start_layout(ctx, LayoutKind::Stance, true),
            Command::NetworkLayoutSelection => self.start_layout(ctx, LayoutKind::Network, true),
            Command::ShowAnalysis => self.analysis.open = !self.analysis.open,
            Command::ShowShortcuts => self.surroundings.help.shortcuts = true,
            Command::About => self.surroundings.help.about = true,
        }
    }
}
