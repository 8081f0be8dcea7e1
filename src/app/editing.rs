//! The app's editing commands (clipboard, delete, selection, creating nodes, view commands)
//! and how it applies the requests of its panels.

use super::StanceApp;
use super::canvas::CreateMode;
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
                } => {
                    let mut current_source = self.canvas.current_source;
                    current_source.follow(&edit);
                    match self.doc.apply(self.with_room_made(edit), group) {
                        Ok(()) => {
                            self.canvas.current_source = current_source;
                            if let Some(items) = select {
                                self.selection.clear();
                                self.selection.extend(items.iter().copied());
                                // New nodes (a long name typed at the canvas's edge, a paste) are
                                // brought wholly into view.
                                self.canvas.keep_in_view(items);
                            }
                        }
                        Err(problem) => self.status = Some(format!("Not changed: {problem}")),
                    }
                }
                Request::EndGroup => self.doc.close_undo_group(),
                Request::Status(message) => self.status = Some(message),
                Request::Command(command) => self.run(ctx, command),
                Request::Select(items) => {
                    self.selection.clear();
                    self.selection.extend(items);
                }
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

    /// Whether the app holds copied items to paste.
    pub(super) fn has_clip(&self) -> bool {
        self.clipboard.clip.is_some()
    }

    /// Copies and pastes the selection in one step.
    pub(super) fn duplicate(&mut self, ctx: &egui::Context) {
        if let Some(clip) = Clip::copy(self.doc.map(), &self.selection) {
            let (edit, items) = clip.paste(self.doc.map(), (PASTE_OFFSET, PASTE_OFFSET));
            self.apply_and_select(ctx, edit, items);
        }
    }

    /// Selects every node and edge.
    pub(super) fn select_all(&mut self) {
        self.selection.clear();
        self.selection.extend(everything(self.doc.map()));
    }

    /// Cancels the canvas gesture in progress, or else clears the selection.
    pub(super) fn select_none(&mut self) {
        if !self.canvas.cancel() {
            self.selection.clear();
        }
    }

    /// Starts typing a new claim where the pointer is.
    pub(super) fn new_claim_at_pointer(&mut self) {
        self.canvas.start_new_node(CreateMode::Claim);
    }

    /// Starts typing a new actor where the pointer is, of the kind the toolbar has chosen.
    pub(super) fn new_actor_at_pointer(&mut self) {
        let kind = match self.canvas.create_mode() {
            CreateMode::Actor(kind) => kind,
            CreateMode::Claim => ActorKind::Person,
        };
        self.canvas.start_new_node(CreateMode::Actor(kind));
    }

    /// Edits the selected node's label on the canvas.
    pub(super) fn rename_selected(&mut self) {
        if let Some(node) = self.selection.single().and_then(node_of) {
            self.canvas.rename(self.doc.map(), node);
        }
    }

    /// Copies the selected items (and the edges among them) to the clipboard.
    pub(super) fn copy(&mut self, ctx: &egui::Context) {
        match Clip::copy(self.doc.map(), &self.selection) {
            Some(clip) => {
                match clip.to_text() {
                    Ok(text) => ctx.copy_text(text),
                    Err(e) => {
                        self.status = Some(format!(
                            "Copied for pasting here only; other programs cannot get it: {e}"
                        ));
                    }
                }
                self.clipboard = ClipboardState {
                    clip: Some(clip),
                    pastes: 0,
                };
            }
            None => self.status = Some("Nothing to copy: select nodes or sources".into()),
        }
    }

    pub(super) fn paste(&mut self, ctx: &egui::Context) {
        let Some(clip) = &self.clipboard.clip else {
            return;
        };
        let shift = PASTE_OFFSET * (self.clipboard.pastes + 1) as f32;
        let (edit, items) = clip.paste(self.doc.map(), (shift, shift));
        if self.apply_and_select(ctx, edit, items) {
            self.clipboard.pastes += 1;
        }
    }

    pub(super) fn delete_selection(&mut self, ctx: &egui::Context) {
        if let Some(edit) = delete_edit(self.doc.map(), &self.selection) {
            let before = self.doc.map().clone();
            let mut requests = Requests::default();
            requests.edit(edit);
            self.apply_requests(ctx, requests);
            if let Some(removed) = crate::counts::removed_items(&before, self.doc.map()) {
                self.status = Some(format!("Deleted {removed}; Ctrl+Z brings them back"));
            }
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
