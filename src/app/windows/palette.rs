//! The command palette (Ctrl+Shift+P): type part of a command's name, pick it with the arrow
//! keys and Enter. The same window lists recent files for "Open recent".

use crate::app::commands::Command;
use crate::app::document::settings::{RecentEntry, RecentFiles};
use eframe::egui;
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher};
use std::path::PathBuf;

/// What the palette lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaletteMode {
    /// Every command.
    Commands,
    /// The recent files.
    RecentFiles,
}

/// What the user picked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PalettePick {
    /// Run this command.
    Command(Command),
    /// Open this file.
    File(PathBuf),
}

/// The palette's state between frames.
#[derive(Debug, Default)]
pub struct Palette {
    mode: Option<PaletteMode>,
    query: String,
    highlighted: usize,
    focus_pending: bool,
}

/// One line of the palette.
struct Row {
    text: String,
    detail: String,
    enabled: bool,
    pick: PalettePick,
}

impl AsRef<str> for Row {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl Palette {
    /// Opens the palette listing `mode`'s items, with an empty query.
    pub fn open(&mut self, mode: PaletteMode) {
        *self = Palette {
            mode: Some(mode),
            focus_pending: true,
            ..Palette::default()
        };
    }

    /// Whether the palette is on screen.
    pub fn is_open(&self) -> bool {
        self.mode.is_some()
    }

    /// Shows the palette if open; returns what the user picked (which closes it).
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        enabled: impl Fn(Command) -> bool,
        recent: &RecentFiles,
    ) -> Option<PalettePick> {
        let mode = self.mode?;
        let rows = match mode {
            PaletteMode::Commands => command_rows(ctx, &enabled),
            PaletteMode::RecentFiles => file_rows(&recent.entries()),
        };
        let rows = rank(&self.query, rows);
        let mut picked = None;
        let mut close = false;
        let area = egui::Modal::default_area(egui::Id::unique("command_palette"))
            .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 48.0));
        let modal = egui::Modal::new(egui::Id::unique("command_palette"))
            .area(area)
            .show(ctx, |ui| {
                ui.set_width(520.0);
                let (down, up, enter) = ui.input_mut(|i| {
                    (
                        i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
                        i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
                        i.key_pressed(egui::Key::Enter),
                    )
                });
                let hint = match mode {
                    PaletteMode::Commands => "Type a command…",
                    PaletteMode::RecentFiles => "Type part of a file name…",
                };
                let field = ui.add(
                    egui::TextEdit::singleline(&mut self.query)
                        .hint_text(hint)
                        .desired_width(f32::INFINITY),
                );
                if self.focus_pending {
                    field.request_focus();
                    self.focus_pending = false;
                }
                if field.changed() {
                    self.highlighted = 0;
                }
                if !rows.is_empty() {
                    let last = rows.len() - 1;
                    if down {
                        self.highlighted = (self.highlighted + 1).min(last);
                    }
                    if up {
                        self.highlighted = self.highlighted.saturating_sub(1);
                    }
                    self.highlighted = self.highlighted.min(last);
                }
                ui.separator();
                if rows.is_empty() {
                    ui.weak(match mode {
                        PaletteMode::Commands => "No command matches.",
                        PaletteMode::RecentFiles if recent.is_empty() => "No files opened yet.",
                        PaletteMode::RecentFiles => "No recent file matches.",
                    });
                }
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        for (i, row) in rows.iter().enumerate() {
                            let mut button =
                                egui::Button::selectable(i == self.highlighted, &row.text)
                                    .min_size(egui::vec2(ui.available_width(), 0.0));
                            if !row.detail.is_empty() {
                                button = button.right_text(egui::RichText::new(&row.detail).weak());
                            }
                            let response = ui.add_enabled(row.enabled, button);
                            if i == self.highlighted && (down || up) {
                                response.scroll_to_me(None);
                            }
                            if response.clicked() {
                                picked = Some(row.pick.clone());
                            }
                        }
                    });
                if enter
                    && let Some(row) = rows.get(self.highlighted)
                    && row.enabled
                {
                    picked = Some(row.pick.clone());
                }
                if enter && rows.is_empty() {
                    close = true;
                }
            });
        if picked.is_some() || close || modal.should_close() {
            self.mode = None;
        }
        picked
    }
}

/// Every command but the palette itself, with its shortcut.
fn command_rows(ctx: &egui::Context, enabled: &impl Fn(Command) -> bool) -> Vec<Row> {
    Command::all()
        .filter(|&c| c != Command::CommandPalette)
        .map(|command| Row {
            text: command.label().to_owned(),
            detail: command
                .shortcut()
                .map(|s| ctx.format_shortcut(&s))
                .unwrap_or_default(),
            enabled: enabled(command),
            pick: PalettePick::Command(command),
        })
        .collect()
}

/// The recent files; missing ones are listed but cannot be picked.
fn file_rows(entries: &[RecentEntry]) -> Vec<Row> {
    entries
        .iter()
        .map(|entry| Row {
            text: entry.label(),
            detail: String::new(),
            enabled: entry.exists,
            pick: PalettePick::File(entry.path.clone()),
        })
        .collect()
}

/// The rows matching `query` fuzzily, best first; all rows in order for an empty query.
fn rank(query: &str, rows: Vec<Row>) -> Vec<Row> {
    let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
    let mut matcher = Matcher::new(Config::DEFAULT);
    pattern
        .match_list(rows, &mut matcher)
        .into_iter()
        .map(|(row, _score)| row)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The commands matching `query`, best first.
    fn matching_commands(query: &str) -> Vec<Command> {
        let rows = command_rows(&egui::Context::default(), &|_| true);
        rank(query, rows)
            .into_iter()
            .filter_map(|row| match row.pick {
                PalettePick::Command(c) => Some(c),
                PalettePick::File(_) => None,
            })
            .collect()
    }

    #[test]
    fn fuzzy_queries_find_commands() {
        assert_eq!(matching_commands("save as").first(), Some(&Command::SaveAs));
        assert_eq!(matching_commands("svas").first(), Some(&Command::SaveAs));
        assert_eq!(matching_commands("dark").first(), Some(&Command::ThemeDark));
        assert!(matching_commands("qzxw").is_empty());
        assert!(!matching_commands("").contains(&Command::CommandPalette));
        // Every command is in the palette (but the palette itself).
        let listed = matching_commands("");
        for command in Command::all().filter(|&c| c != Command::CommandPalette) {
            assert!(
                listed.contains(&command),
                "{command:?} is not in the palette"
            );
        }
        assert_eq!(listed.len(), Command::all().count() - 1);
    }
}
