//! What panels ask of the app. The canvas, the inspector and the lists read the map and return
//! requests; only the app changes the document, so every change is validated and undoable in
//! one place.

use super::commands::Command;
use crate::model::{Edit, ItemId};
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
    },
    /// The drag or typing session of the last grouped edits is over.
    EndGroup,
    /// Show a message in the status line.
    Status(String),
    /// Run a command.
    Command(Command),
    /// Make these items the selection (a row picked from a list in a panel).
    Select(Vec<ItemId>),
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
        });
    }

    /// Asks for an edit that joins the other edits of `group` in one undo step.
    pub fn grouped(&mut self, edit: Edit, group: u64) {
        self.list.push(Request::Edit {
            edit,
            group: Some(group),
            select: None,
        });
    }

    /// Asks for an edit, then for `select` to become the selection if it was applied.
    pub fn edit_and_select(&mut self, edit: Edit, select: Vec<ItemId>) {
        self.list.push(Request::Edit {
            edit,
            group: None,
            select: Some(select),
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

    /// Makes `items` the selection.
    pub fn select(&mut self, items: Vec<ItemId>) {
        self.list.push(Request::Select(items));
    }

    /// Runs a command.
    pub fn command(&mut self, command: Command) {
        self.list.push(Request::Command(command));
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
