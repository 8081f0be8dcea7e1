//! The open document: the map, the file it belongs to, its undo history and whether it has
//! unsaved changes. Every change to the map in the app goes through [`Document::apply`].

use super::history::History;
use crate::model::{Edit, EditError, Map};
use std::path::{Path, PathBuf};

/// A map being edited.
#[derive(Debug)]
pub struct Document {
    map: Map,
    path: Option<PathBuf>,
    history: History,
    /// Identifies the current state; every edit, undo and redo moves to another number.
    generation: u64,
    /// The generation last written to (or read from) `path`; `None` if never saved.
    saved_generation: Option<u64>,
    next_generation: u64,
}

impl Document {
    /// A document for a map; `path` is the file it was read from, if any.
    pub fn new(map: Map, path: Option<PathBuf>) -> Self {
        let saved = path.as_ref().map(|_| 0);
        Document {
            map,
            path,
            history: History::default(),
            generation: 0,
            saved_generation: saved,
            next_generation: 1,
        }
    }

    /// A document restored from a recovery copy: it belongs to `path` but has changes not
    /// saved there, so it counts as unsaved until it is saved.
    pub fn recovered(map: Map, path: Option<PathBuf>) -> Self {
        Document {
            generation: 1,
            saved_generation: None,
            next_generation: 2,
            ..Document::new(map, path)
        }
    }

    /// The map.
    pub fn map(&self) -> &Map {
        &self.map
    }

    /// The file the map belongs to.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Applies an edit as a new undo step, or as part of the open step when `group` matches the
    /// previous edit's group. A refused edit changes nothing and records nothing.
    pub fn apply(&mut self, edit: Edit, group: Option<u64>) -> Result<(), EditError> {
        let before = self.map.clone();
        self.map.apply(edit)?;
        if self.map != before {
            self.history.record(&before, self.generation, group);
            self.generation = self.next_generation;
            self.next_generation += 1;
        }
        Ok(())
    }

    /// Ends the open undo group (a drag or typing session finished).
    pub fn close_undo_group(&mut self) {
        self.history.close_group();
    }

    /// Undoes the last step; false if there was none.
    pub fn undo(&mut self) -> bool {
        let current = self.map.clone();
        match self.history.undo(current, self.generation) {
            Some((map, generation)) => {
                self.map = map;
                self.generation = generation;
                true
            }
            None => false,
        }
    }

    /// Redoes the last undone step; false if there was none.
    pub fn redo(&mut self) -> bool {
        let current = self.map.clone();
        match self.history.redo(current, self.generation) {
            Some((map, generation)) => {
                self.map = map;
                self.generation = generation;
                true
            }
            None => false,
        }
    }

    /// Whether undo would do anything.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// Whether redo would do anything.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Whether the map differs from what was last saved (a never-saved map with content counts
    /// as changed).
    pub fn is_dirty(&self) -> bool {
        match self.saved_generation {
            Some(saved) => saved != self.generation,
            None => self.generation != 0,
        }
    }

    /// Records that the current state was written to `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.path = Some(path);
        self.saved_generation = Some(self.generation);
        self.history.close_group();
    }

    /// A number that changes whenever the map does (edits, undo, redo), for caches.
    pub fn generation(&self) -> u64 {
        self.generation
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Point};

    fn add_claim(doc: &mut Document, label: &str, group: Option<u64>) {
        let id = doc.map().id_allocator().claim();
        doc.apply(
            Edit::AddClaim(Claim::new(id, label, Point::default())),
            group,
        )
        .unwrap();
    }

    #[test]
    fn undo_back_to_the_saved_state_clears_the_dirty_marker() {
        let mut doc = Document::new(Map::new("m"), Some("m.ron".into()));
        assert!(!doc.is_dirty());
        add_claim(&mut doc, "a", None);
        assert!(doc.is_dirty());
        assert!(doc.undo());
        assert!(!doc.is_dirty());
        assert!(doc.redo());
        assert!(doc.is_dirty());
    }

    #[test]
    fn recovered_documents_are_unsaved_until_saved() {
        let mut doc = Document::recovered(Map::new("m"), Some("m.ron".into()));
        assert!(doc.is_dirty());
        assert!(!doc.can_undo());
        doc.mark_saved("m.ron".into());
        assert!(!doc.is_dirty());
    }

    #[test]
    fn grouped_edits_undo_in_one_step() {
        let mut doc = Document::new(Map::new("m"), None);
        add_claim(&mut doc, "a", None);
        add_claim(&mut doc, "b", Some(7));
        add_claim(&mut doc, "c", Some(7));
        assert_eq!(doc.map().claims().len(), 3);
        doc.undo();
        assert_eq!(doc.map().claims().len(), 1);
        doc.undo();
        assert_eq!(doc.map().claims().len(), 0);
        assert!(!doc.undo());
    }

    #[test]
    fn refused_edits_record_nothing() {
        let mut doc = Document::new(Map::new("m"), None);
        let bad = Edit::AddClaim(Claim::new(crate::model::ClaimId(0), "", Point::default()));
        assert!(doc.apply(bad, None).is_err());
        assert!(!doc.can_undo());
        assert!(!doc.is_dirty());
    }

    #[test]
    fn history_keeps_hundreds_of_steps() {
        let mut doc = Document::new(Map::new("m"), None);
        for i in 0..300 {
            add_claim(&mut doc, &format!("claim {i}"), None);
        }
        let mut steps = 0;
        while doc.undo() {
            steps += 1;
        }
        assert_eq!(steps, 300);
        assert_eq!(doc.map().claims().len(), 0);
    }
}
