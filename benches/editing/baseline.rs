//! The baseline: editing as it was done before changes were recorded. Every edit copied the
//! whole map for the undo history, compared the whole map with its copy to see whether
//! anything changed, and the canvas rebuilt its drawing of the whole map (from its per-item
//! cache). The copies here are deep copies into ordinary sorted maps, as the map once was.

use stancemap::app::canvas::Drawing;
use stancemap::model::{
    Actor, ActorId, Claim, ClaimId, Edit, Map, MapInfo, Relation, RelationId, Source, SourceId,
    Stance, StanceId,
};
use stancemap::scene::{SceneCache, Theme};
use std::collections::{BTreeMap, VecDeque};

/// A whole map copied item by item.
#[derive(Clone, PartialEq)]
pub struct Snapshot {
    info: MapInfo,
    sources: BTreeMap<SourceId, Source>,
    actors: BTreeMap<ActorId, Actor>,
    claims: BTreeMap<ClaimId, Claim>,
    stances: BTreeMap<StanceId, Stance>,
    relations: BTreeMap<RelationId, Relation>,
    next_id: u32,
}

impl Snapshot {
    /// A deep copy of `map`.
    pub fn of(map: &Map) -> Snapshot {
        Snapshot {
            info: map.info(),
            sources: map.sources().map(|s| (s.id, s.clone())).collect(),
            actors: map.actors().map(|a| (a.id, a.clone())).collect(),
            claims: map.claims().map(|c| (c.id, c.clone())).collect(),
            stances: map.stances().map(|s| (s.id, s.clone())).collect(),
            relations: map.relations().map(|r| (r.id, r.clone())).collect(),
            next_id: map.next_id(),
        }
    }

    /// Whether `map` differs from the copy: a comparison of every item.
    pub fn differs_from(&self, map: &Map) -> bool {
        self.info != map.info()
            || self.next_id != map.next_id()
            || !self.sources.values().eq(map.sources())
            || !self.actors.values().eq(map.actors())
            || !self.claims.values().eq(map.claims())
            || !self.stances.values().eq(map.stances())
            || !self.relations.values().eq(map.relations())
    }
}

/// The document as it was: the map, whole copies for undo, and the canvas's drawing rebuilt
/// after every change.
pub struct SnapshotDocument {
    pub map: Map,
    undo: VecDeque<Snapshot>,
    /// Steps kept; the app kept 500, which for a 10,000-node map is several gigabytes, more
    /// than a benchmark run can hold. Keeping fewer does not change the time per edit.
    keep: usize,
    generation: u64,
    cache: SceneCache,
    pub drawing: Drawing,
}

impl SnapshotDocument {
    /// A document for `map`, keeping `keep` undo steps.
    pub fn new(map: Map, keep: usize) -> SnapshotDocument {
        let mut cache = SceneCache::default();
        let drawing = Drawing::build(&map, (0, 0), Theme::Dark, None, &mut cache);
        SnapshotDocument {
            map,
            undo: VecDeque::new(),
            keep,
            generation: 0,
            cache,
            drawing,
        }
    }

    /// An edit as it was applied: copy, apply, compare, record, rebuild the drawing.
    pub fn apply(&mut self, edit: Edit) -> bool {
        let before = Snapshot::of(&self.map);
        if self.map.apply(edit).is_err() || !before.differs_from(&self.map) {
            return false;
        }
        self.undo.push_back(before);
        if self.undo.len() > self.keep {
            self.undo.pop_front();
        }
        self.generation += 1;
        self.redraw();
        true
    }

    /// The canvas's drawing rebuilt from the whole map (reusing its per-item cache).
    pub fn redraw(&mut self) {
        self.drawing = Drawing::build(
            &self.map,
            (self.generation, 0),
            Theme::Dark,
            None,
            &mut self.cache,
        );
    }

    /// What an undo cost: a whole copy of the current map for redo (the earlier copy then
    /// became the map, a move) and the drawing rebuilt. A redo cost the same.
    pub fn undo_work(&mut self) -> Snapshot {
        let current = Snapshot::of(&self.map);
        self.generation += 1;
        self.redraw();
        current
    }

    /// The undo steps kept.
    pub fn steps(&self) -> usize {
        self.undo.len()
    }
}
