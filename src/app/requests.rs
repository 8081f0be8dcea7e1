//! What panels ask of the app. The canvas, the inspector, the lists and the analysis views read
//! the map and the selection and return requests; only the app changes the document, the
//! selection, the status line and the files, so every change is validated and undoable in one
//! place.

use crate::app::commands::Command;
use crate::app::panels::reader::QuoteDrag;
use crate::app::windows::dialogs::FileRequest;
use crate::model::{Edit, ItemId, NodeId};
use eframe::egui::Pos2;
use std::sync::atomic::{AtomicU64, Ordering};

/// One thing a panel wants done.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Apply an edit.
    Edit {
        /// The change.
        edit: Edit,
        /// Edits that share a group (one drag, one typing session) undo as one step.
        group: Option<u64>,
        /// Items to select once the edit is applied (e.g. the item it created).
        select: Option<Vec<ItemId>>,
        /// A message for the status line once the edit is applied.
        announce: Option<String>,
    },
    /// Make exactly these items the selection.
    Select(Vec<ItemId>),
    /// Add the item to the selection, or take it out if it is selected.
    ToggleSelected(ItemId),
    /// Bring these items into view on the canvas.
    Reveal(Vec<ItemId>),
    /// Ask where to save a text file, then write it through the atomic writer.
    SaveText(TextSave),
    /// The drag or typing session of the last grouped edits is over.
    EndGroup,
    /// Show a message in the status line.
    Status(String),
    /// Run a command.
    Command(Command),
    /// Open the coding form on a quote dropped from the reader onto a node.
    CodeQuote {
        /// The quote.
        quote: QuoteDrag,
        /// The actor or claim it was dropped on.
        onto: NodeId,
        /// Where it was dropped, on screen.
        at: Pos2,
    },
}

/// A text file to save once the user has chosen where.
#[derive(Debug, Clone, PartialEq)]
pub struct TextSave {
    /// The file dialog to show.
    pub dialog: FileRequest,
    /// What to write.
    pub text: String,
    /// What the file holds, for the status line ("the stance matrix").
    pub what: String,
}

/// The requests of one frame, in order.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Requests {
    list: Vec<Request>,
}

impl Requests {
    /// Asks for an edit as its own undo step.
    pub fn edit(&mut self, edit: Edit) {
        self.list.push(Request::Edit {
            edit,
            group: None,
            select: None,
            announce: None,
        });
    }

    /// Asks for an edit as its own undo step, and for `message` in the status line once it
    /// is applied.
    pub fn edit_and_announce(&mut self, edit: Edit, message: impl Into<String>) {
        self.list.push(Request::Edit {
            edit,
            group: None,
            select: None,
            announce: Some(message.into()),
        });
    }

    /// Asks for an edit that joins the other edits of `group` in one undo step.
    pub fn grouped(&mut self, edit: Edit, group: u64) {
        self.list.push(Request::Edit {
            edit,
            group: Some(group),
            select: None,
            announce: None,
        });
    }

    /// Asks for an edit, then for `select` to become the selection if it was applied.
    pub fn edit_and_select(&mut self, edit: Edit, select: Vec<ItemId>) {
        self.list.push(Request::Edit {
            edit,
            group: None,
            select: Some(select),
            announce: None,
        });
    }

    /// Ends the current undo group.
    pub fn end_group(&mut self) {
        self.list.push(Request::EndGroup);
    }

    /// Shows a message in the status line.
    pub fn status(&mut self, message: impl Into<String>) {
        self.list.push(Request::Status(message.into()));
    }

    /// Makes exactly `items` the selection.
    pub fn select(&mut self, items: Vec<ItemId>) {
        self.list.push(Request::Select(items));
    }

    /// Adds `item` to the selection, or takes it out.
    pub fn toggle_selected(&mut self, item: ItemId) {
        self.list.push(Request::ToggleSelected(item));
    }

    /// Brings `items` into view on the canvas.
    pub fn reveal(&mut self, items: Vec<ItemId>) {
        self.list.push(Request::Reveal(items));
    }

    /// Asks where to save `save.text`, then writes it.
    pub fn save_text(&mut self, save: TextSave) {
        self.list.push(Request::SaveText(save));
    }

    /// Runs a command.
    pub fn command(&mut self, command: Command) {
        self.list.push(Request::Command(command));
    }

    /// Opens the coding form on `quote`, dropped on `onto` at `at` (on screen).
    pub fn code_quote(&mut self, quote: QuoteDrag, onto: NodeId, at: Pos2) {
        self.list.push(Request::CodeQuote { quote, onto, at });
    }

    /// Adds another panel's requests after these.
    pub fn append(&mut self, mut other: Requests) {
        self.list.append(&mut other.list);
    }

    /// Whether nothing was asked.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The requests in order.
    pub fn into_vec(self) -> Vec<Request> {
        self.list
    }

    /// The requests in order, without consuming them.
    pub fn iter(&self) -> impl Iterator<Item = &Request> {
        self.list.iter()
    }
}

/// A fresh undo-group key, different from every other one handed out in this run.
pub fn new_group() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}
