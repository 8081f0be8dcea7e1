//! Comparing the open map with another map file: the other map, the differences from this
//! map to it (worked out again whenever this map changes), and taking differences over.

use super::diff::{DiffOptions, MapDiff, diff_maps};
use super::take::{Taken, follow_moves, take};
use crate::model::Map;
use std::path::{Path, PathBuf};

/// A comparison in progress.
#[derive(Debug, Clone)]
pub struct Comparison {
    path: PathBuf,
    /// The other map, with the items taken from it renumbered as they are here.
    theirs: Map,
    diff: MapDiff,
    /// The generation of this map the differences were worked out for.
    diffed: Option<u64>,
    /// Counts changes to `theirs`, so drawings of it know when to be made again.
    version: u64,
}

impl Comparison {
    /// A comparison with `theirs`, read from `path`.
    pub fn new(path: PathBuf, theirs: Map) -> Self {
        Comparison {
            path,
            theirs,
            diff: MapDiff::default(),
            diffed: None,
            version: 0,
        }
    }

    /// The other map's file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The other map (its taken items carry this map's ids).
    pub fn theirs(&self) -> &Map {
        &self.theirs
    }

    /// Changes whenever the other map is renumbered.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The differences from this map to the other, as last worked out.
    pub fn diff(&self) -> &MapDiff {
        &self.diff
    }

    /// Works the differences out again if `ours` (at `generation`) changed since.
    pub fn refresh(&mut self, ours: &Map, generation: u64) {
        if self.diffed != Some(generation) {
            self.diff = diff_maps(ours, &self.theirs, DiffOptions::default());
            self.diffed = Some(generation);
        }
    }

    /// The edit that takes difference `index` (all of them when `None`) into `ours`, and the
    /// other map as it will be once the edit is applied (pass it to [`Self::taken`]).
    pub fn take(&self, ours: &Map, index: Option<usize>) -> Result<(Taken, Map), String> {
        let picks: Vec<_> = match index {
            Some(i) => vec![
                self.diff
                    .items
                    .get(i)
                    .ok_or_else(|| "that difference is gone".to_owned())?,
            ],
            None => self.diff.items.iter().collect(),
        };
        let taken = take(ours, &self.theirs, &picks)?;
        let theirs = follow_moves(&self.theirs, &taken.moves)?;
        Ok((taken, theirs))
    }

    /// Records that a take was applied: `theirs` is the other map [`Self::take`] returned.
    pub fn taken(&mut self, theirs: Map) {
        self.theirs = theirs;
        self.diffed = None;
        self.version += 1;
    }
}
