//! Undo and redo by snapshots of the whole map. Consecutive edits that share a group key (one
//! drag, one text-editing session) become a single undo step.

use crate::model::Map;
use std::collections::VecDeque;

/// Most undo steps kept; the oldest are dropped beyond this.
pub const MAX_UNDO_STEPS: usize = 500;

/// A map state with the generation number that identifies it (for the unsaved-changes marker).
#[derive(Debug, Clone)]
struct Snapshot {
    map: Map,
    generation: u64,
}

/// The undo and redo stacks.
#[derive(Debug, Default)]
pub struct History {
    undo: VecDeque<Snapshot>,
    redo: Vec<Snapshot>,
    open_group: Option<u64>,
}

impl History {
    /// Records the state before an edit. Returns nothing: the caller then changes the map.
    /// An edit in the same group as the previous one adds no step.
    pub fn record(&mut self, before: &Map, generation: u64, group: Option<u64>) {
        self.redo.clear();
        if group.is_some() && group == self.open_group {
            return;
        }
        self.open_group = group;
        self.undo.push_back(Snapshot {
            map: before.clone(),
            generation,
        });
        if self.undo.len() > MAX_UNDO_STEPS {
            self.undo.pop_front();
        }
    }

    /// Ends the current group, so the next edit starts a new undo step even with the same key.
    pub fn close_group(&mut self) {
        self.open_group = None;
    }

    /// Steps back: returns the previous state, given the current one to keep for redo.
    pub fn undo(&mut self, current: Map, generation: u64) -> Option<(Map, u64)> {
        let previous = self.undo.pop_back()?;
        self.open_group = None;
        self.redo.push(Snapshot {
            map: current,
            generation,
        });
        Some((previous.map, previous.generation))
    }

    /// Steps forward again after an undo.
    pub fn redo(&mut self, current: Map, generation: u64) -> Option<(Map, u64)> {
        let next = self.redo.pop()?;
        self.open_group = None;
        self.undo.push_back(Snapshot {
            map: current,
            generation,
        });
        Some((next.map, next.generation))
    }

    /// Whether there is anything to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is anything to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}
