//! Undo and redo by recorded changes: each step keeps what its edits replaced (see
//! [`Change`]), so a step costs what it changed, not a copy of the map. Consecutive edits that
//! share a group key (one drag, one text-editing session) become a single undo step.

use crate::model::{Change, Map};
use std::collections::VecDeque;

/// Most undo steps kept; the oldest are dropped beyond this.
pub const MAX_UNDO_STEPS: usize = 500;

/// Most memory the undo steps may keep alive, in bytes (the newest step is always kept): a few
/// whole-map layouts of a very large map would otherwise hold several old copies of it.
pub const MAX_UNDO_BYTES: usize = 256 * 1024 * 1024;

/// One undo step: the change and the generations (see [`crate::app::document::Document`]) of the
/// states before and after it.
#[derive(Debug)]
struct Step {
    change: Change,
    before: u64,
    after: u64,
    bytes: usize,
}

/// The undo and redo stacks.
#[derive(Debug, Default)]
pub struct History {
    undo: VecDeque<Step>,
    redo: Vec<Step>,
    open_group: Option<u64>,
    /// What the steps in `undo` keep alive, by [`Change::retained_bytes`].
    undo_bytes: usize,
}

impl History {
    /// Records a change the map just went through, from the state numbered `before` to the one
    /// numbered `after`. An edit in the same group as the previous one joins its step.
    pub fn record(&mut self, change: Change, before: u64, after: u64, group: Option<u64>) {
        self.redo.clear();
        if group.is_some()
            && group == self.open_group
            && let Some(step) = self.undo.back_mut()
        {
            self.undo_bytes -= step.bytes;
            step.change.absorb(change);
            step.after = after;
            step.bytes = step.change.retained_bytes();
            self.undo_bytes += step.bytes;
            return;
        }
        self.open_group = group;
        let bytes = change.retained_bytes();
        self.undo_bytes += bytes;
        self.undo.push_back(Step {
            change,
            before,
            after,
            bytes,
        });
        while self.undo.len() > MAX_UNDO_STEPS
            || (self.undo_bytes > MAX_UNDO_BYTES && self.undo.len() > 1)
        {
            if let Some(oldest) = self.undo.pop_front() {
                self.undo_bytes -= oldest.bytes;
            }
        }
    }

    /// Ends the current group, so the next edit starts a new undo step even with the same key.
    pub fn close_group(&mut self) {
        self.open_group = None;
    }

    /// Steps back: takes `map` to the state before the last step and returns that state's
    /// generation, or `None` when there is nothing to undo.
    pub fn undo(&mut self, map: &mut Map) -> Option<u64> {
        let step = self.undo.pop_back()?;
        self.undo_bytes -= step.bytes;
        self.open_group = None;
        map.undo_change(&step.change);
        let generation = step.before;
        self.redo.push(step);
        Some(generation)
    }

    /// Steps forward again after an undo; returns the generation of the state reached.
    pub fn redo(&mut self, map: &mut Map) -> Option<u64> {
        let step = self.redo.pop()?;
        self.open_group = None;
        map.redo_change(&step.change);
        let generation = step.after;
        self.undo_bytes += step.bytes;
        self.undo.push_back(step);
        Some(generation)
    }

    /// The change the next undo would take back, to tell caches what it touches.
    pub fn next_undo(&self) -> Option<&Change> {
        self.undo.back().map(|step| &step.change)
    }

    /// The change the next redo would make again.
    pub fn next_redo(&self) -> Option<&Change> {
        self.redo.last().map(|step| &step.change)
    }

    /// Whether there is anything to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is anything to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// About how many bytes the undo steps keep alive beyond the map.
    pub fn retained_bytes(&self) -> usize {
        self.undo_bytes
    }
}
