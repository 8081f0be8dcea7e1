//! The app's editing commands (clipboard, delete, selection, creating nodes, view commands)
//! and how it applies the requests of its panels.

use super::StanceApp;
use super::canvas::{Camera, CreateMode};
use super::change::{Request, Requests};
use super::clipboard::{Clip, PASTE_OFFSET, delete_edit, everything};
use super::commands::Command;
use super::selection::node_of;
use crate::model::{ActorKind, Edit, ItemId};
use eframe::egui;

/// The app's clipboard: the last copied items, and how often they were pasted (each paste
/// lands a little further from the originals).
#[derive(Debug, Default)]
pub struct ClipboardState {
    clip: Option<Clip>,
    pastes: u32,
}

impl StanceApp {
    /// Applies what the panels asked for this frame, in order.
    pub(super) fn apply_requests(&mut self, ctx: &egui::Context, requests: Requests) {
        if requests.is_empty() {
            return;
        }
        for request in requests.into_vec() {
            match request {
                Request::Edit {
                    edit,
                    group,
                    select,
                } => match self.doc.apply(self.with_room_made(edit), group) {
                    Ok(()) => {
                        if let Some(items) = select {
                            self.selection.clear();
                            self.selection.extend(items);
                        }
                    }
                    Err(problem) => self.status = Some(format!("Not changed: {problem}")),
                },
                Request::EndGroup => self.doc.close_undo_group(),
                Request::Status(message) => self.status = Some(message),
                Request::Command(command) => self.run(ctx, command),
            }
        }
        self.selection.retain_existing(self.doc.map());
        ctx.request_repaint();
    }

    /// Clipboard keys arrive as events rather than key presses on most platforms: turn them
    /// into commands (or paste their text) unless a text field is taking them.
    pub(super) fn clipboard_events(&mut self, ctx: &egui::Context) -> Vec<Command> {
        if ctx.text_edit_focused() {
            return Vec::new();
        }
        let events = ctx.input(|i| i.events.clone());
        let mut commands = Vec::new();
        for event in events {
            match event {
                egui::Event::Copy => commands.push(Command::Copy),
                egui::Event::Cut => commands.push(Command::Cut),
                egui::Event::Paste(text) => self.paste_text(ctx, &text),
                _ => {}
            }
        }
        commands
    }

    /// Pastes clipboard text: our own copies paste as items, anything else is refused.
    fn paste_text(&mut self, ctx: &egui::Context, text: &str) {
        match Clip::from_text(text) {
            Some(clip) => {
                if self.clipboard.clip.as_ref() != Some(&clip) {
                    self.clipboard = ClipboardState {
                        clip: Some(clip),
                        pastes: 0,
                    };
                }
                self.paste(ctx);
            }
            None => {
                self.status =
                    Some("The clipboard holds text, not map items: nothing pasted".into());
            }
        }
    }

    /// Whether one of the editing commands can run now; `None` for other commands.
    pub(super) fn editing_enabled(&self, command: Command) -> Option<bool> {
        let selected = !self.selection.is_empty();
        let single_node = self
            .selection
            .single()
            .is_some_and(|item| matches!(item, ItemId::Actor(_) | ItemId::Claim(_)));
        Some(match command {
            Command::Cut
            | Command::Copy
            | Command::Duplicate
            | Command::Delete
            | Command::FitSelection => selected,
            Command::Paste => self.clipboard.clip.is_some(),
            Command::Rename => single_node,
            Command::SelectAll
            | Command::SelectNone
            | Command::Find
            | Command::NewClaim
            | Command::NewActor
            | Command::ZoomIn
            | Command::ZoomOut
            | Command::ToggleLegend
            | Command::ToggleMinimap => true,
            _ => return None,
        })
    }

    /// Runs one of the editing commands; false for other commands.
    pub(super) fn run_editing(&mut self, ctx: &egui::Context, command: Command) -> bool {
        match command {
            Command::Copy => self.copy(ctx),
            Command::Cut => {
                self.copy(ctx);
                self.delete_selection(ctx);
            }
            Command::Paste => self.paste(ctx),
            Command::Duplicate => {
                if let Some(clip) = Clip::copy(self.doc.map(), &self.selection) {
                    let (edit, items) = clip.paste(self.doc.map(), (PASTE_OFFSET, PASTE_OFFSET));
                    self.apply_and_select(ctx, edit, items);
                }
            }
            Command::Delete => self.delete_selection(ctx),
            Command::SelectAll => {
                self.selection.clear();
                self.selection.extend(everything(self.doc.map()));
            }
            Command::SelectNone => {
                if !self.canvas.cancel() {
                    self.selection.clear();
                }
            }
            Command::Find => self.canvas.search.focus(),
            Command::NewClaim => self.canvas.start_new_node(CreateMode::Claim),
            Command::NewActor => {
                let kind = match self.canvas.create_mode() {
                    CreateMode::Actor(kind) => kind,
                    CreateMode::Claim => ActorKind::Person,
                };
                self.canvas.start_new_node(CreateMode::Actor(kind));
            }
            Command::Rename => {
                if let Some(node) = self.selection.single().and_then(node_of) {
                    self.canvas.rename(self.doc.map(), node);
                }
            }
            Command::FitSelection => self.canvas.fit_items(self.selection.items().collect()),
            Command::ZoomIn => self.canvas.zoom_by(Camera::STEP),
            Command::ZoomOut => self.canvas.zoom_by(1.0 / Camera::STEP),
            Command::ToggleLegend => self.canvas.show_legend = !self.canvas.show_legend,
            Command::ToggleMinimap => self.canvas.show_minimap = !self.canvas.show_minimap,
            _ => return false,
        }
        true
    }

    fn copy(&mut self, ctx: &egui::Context) {
        match Clip::copy(self.doc.map(), &self.selection) {
            Some(clip) => {
                ctx.copy_text(clip.to_text());
                self.clipboard = ClipboardState {
                    clip: Some(clip),
                    pastes: 0,
                };
            }
            None => self.status = Some("Nothing to copy: select nodes or sources".into()),
        }
    }

    fn paste(&mut self, ctx: &egui::Context) {
        let Some(clip) = &self.clipboard.clip else {
            return;
        };
        let shift = PASTE_OFFSET * (self.clipboard.pastes + 1) as f32;
        let (edit, items) = clip.paste(self.doc.map(), (shift, shift));
        if self.apply_and_select(ctx, edit, items) {
            self.clipboard.pastes += 1;
        }
    }

    fn delete_selection(&mut self, ctx: &egui::Context) {
        if let Some(edit) = delete_edit(self.doc.map(), &self.selection) {
            let mut requests = Requests::default();
            requests.edit(edit);
            self.apply_requests(ctx, requests);
        }
    }

    /// Applies an edit as one undo step and selects `items` if it went through.
    fn apply_and_select(&mut self, ctx: &egui::Context, edit: Edit, items: Vec<ItemId>) -> bool {
        let before = self.doc.generation();
        let mut requests = Requests::default();
        requests.edit_and_select(edit, items);
        self.apply_requests(ctx, requests);
        self.doc.generation() != before
    }
}
