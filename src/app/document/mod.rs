//! The open document: the map, the file it belongs to, its undo history and whether it has
//! unsaved changes. Every change to the map in the app goes through [`Document::apply`].
//!
//! Around it, its files: opening, saving, importing and text saves, changes on disk, the
//! recovery copy, the window title, the settings kept across runs and which map opens first.

pub mod disk_changes;
pub(in crate::app) mod files;
pub(in crate::app) mod history;
pub(in crate::app) mod importing;
pub(in crate::app) mod recent_changes;
pub mod recovery;
pub mod settings;
pub(in crate::app) mod startup;
pub(in crate::app) mod text_saves;
pub(in crate::app) mod title;

use crate::io::DiskStamp;
use crate::model::{Edit, EditError, Map, Touched};
use history::History;
use recent_changes::RecentChanges;
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
    /// What each recent edit, undo and redo touched, for caches of what is drawn.
    recent: RecentChanges,
    /// What `path` held when it was last read or written, to notice changes by others.
    disk: Option<DiskStamp>,
}

impl Document {
    /// A document for a map; `path` is the file it was read from, if any (what that file
    /// holds now is remembered, to notice later changes by others).
    pub fn new(map: Map, path: Option<PathBuf>) -> Self {
        let saved = path.as_ref().map(|_| 0);
        let disk = path
            .as_deref()
            .and_then(|p| DiskStamp::read(p).ok().flatten());
        Document {
            map,
            path,
            history: History::default(),
            generation: 0,
            saved_generation: saved,
            next_generation: 1,
            recent: RecentChanges::default(),
            disk,
        }
    }

    /// A document for a map just read from `path`, which held what `stamp` describes.
    pub fn opened(map: Map, path: PathBuf, stamp: DiskStamp) -> Self {
        let mut doc = Document::new(map, None);
        doc.path = Some(path);
        doc.saved_generation = Some(0);
        doc.disk = Some(stamp);
        doc
    }

    /// Takes what the map's file holds now as known (the user chose to overwrite or keep
    /// their version after being told it changed).
    pub fn set_disk_stamp(&mut self, stamp: Option<DiskStamp>) {
        self.disk = stamp;
    }

    /// What the map's file held when it was last read or written here, if known.
    pub fn disk_stamp(&self) -> Option<&DiskStamp> {
        self.disk.as_ref()
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
    /// previous edit's group. A refused edit changes nothing and records nothing; nor does an
    /// edit that leaves the map as it was (the edit itself says so, no comparison of maps).
    pub fn apply(&mut self, edit: Edit, group: Option<u64>) -> Result<(), EditError> {
        let change = self.map.apply_recorded(edit)?;
        if change.is_empty() {
            return Ok(());
        }
        let before = self.generation;
        self.generation = self.next_generation;
        self.next_generation += 1;
        self.recent.push(before, self.generation, change.touched());
        self.history.record(change, before, self.generation, group);
        Ok(())
    }

    /// Ends the open undo group (a drag or typing session finished).
    pub fn close_undo_group(&mut self) {
        self.history.close_group();
    }

    /// Undoes the last step; false if there was none.
    pub fn undo(&mut self) -> bool {
        let touched = self.history.next_undo().map(|c| c.touched());
        match (touched, self.history.undo(&mut self.map)) {
            (Some(touched), Some(generation)) => {
                self.recent.push(self.generation, generation, touched);
                self.generation = generation;
                true
            }
            _ => false,
        }
    }

    /// Redoes the last undone step; false if there was none.
    pub fn redo(&mut self) -> bool {
        let touched = self.history.next_redo().map(|c| c.touched());
        match (touched, self.history.redo(&mut self.map)) {
            (Some(touched), Some(generation)) => {
                self.recent.push(self.generation, generation, touched);
                self.generation = generation;
                true
            }
            _ => false,
        }
    }

    /// What changed since the map was in the state numbered `generation` (see
    /// [`Document::generation`]), or `None` when that is no longer known.
    pub fn changes_since(&self, generation: u64) -> Option<Touched> {
        self.recent.since(generation, self.generation)
    }

    /// About how many bytes the undo history keeps alive beyond the map itself.
    pub fn history_bytes(&self) -> usize {
        self.history.retained_bytes()
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

    /// Records that the current state was written to `path`, which now holds what `stamp`
    /// describes.
    pub fn mark_saved(&mut self, path: PathBuf, stamp: Option<DiskStamp>) {
        self.path = Some(path);
        self.disk = stamp;
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
        doc.mark_saved("m.ron".into(), None);
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

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

        /// Random edits, some grouped into one step: undoing every step gives back the
        /// original map (and its saved state), redoing every step the final one.
        #[test]
        fn undo_all_then_redo_all(
            seed in 1u64..1_000,
            steps in proptest::collection::vec((0u8..5, 0usize..1_000, proptest::bool::ANY), 1..80),
        ) {
            use crate::model::{Edit, NodeId};
            let original = crate::model::synthetic::synthetic_map(30, 50, seed);
            let mut doc = Document::new(original.clone(), Some("m.ron".into()));
            for (kind, pick, grouped) in steps {
                let map = doc.map();
                let nodes: Vec<NodeId> = map.nodes().collect();
                let claims: Vec<Claim> = map.claims().cloned().collect();
                let node = nodes[pick % nodes.len().max(1)];
                let edit = match (kind, claims.get(pick % claims.len().max(1))) {
                    (0, _) => Edit::MoveNodes {
                        moves: vec![(node, Point::new(pick as f32, 1.0))],
                        pinned: true,
                    },
                    (1, Some(claim)) => Edit::UpdateClaim(Claim {
                        label: format!("label {pick}"),
                        ..claim.clone()
                    }),
                    (2, Some(claim)) => Edit::RemoveClaim(claim.id),
                    (3, _) => Edit::AddClaim(Claim::new(
                        map.id_allocator().claim(),
                        format!("new {pick}"),
                        Point::default(),
                    )),
                    _ => Edit::SetPinned { nodes: vec![node], pinned: false },
                };
                let _ = doc.apply(edit, grouped.then_some(7));
                if !grouped {
                    doc.close_undo_group();
                }
            }
            let last = doc.map().clone();
            let dirty = doc.is_dirty();
            while doc.undo() {}
            proptest::prop_assert_eq!(doc.map(), &original);
            proptest::prop_assert!(!doc.is_dirty());
            while doc.redo() {}
            proptest::prop_assert_eq!(doc.map(), &last);
            proptest::prop_assert_eq!(doc.is_dirty(), dirty);
        }
    }
}
