//! The map document: every item of one stance map, read through accessors and changed only
//! through [`Map::apply`](crate::model::Map::apply).

use super::conflict::Conflict;
use super::ids::{ActorId, ClaimId, ItemId, NodeId, RelationId, SourceId, StanceId};
use super::index::Index;
use super::items::{Actor, Claim, Relation, Source, Stance};
use super::values::{CampSide, Point};
use imbl::OrdMap;
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Items of one kind by id: a persistent sorted map of shared items, so copying a map is a
/// handful of pointer copies and an edit copies only the few tree nodes on its path.
pub(super) type Items<K, V> = OrdMap<K, Arc<V>>;

/// One stance map: sources, actors, claims, the stances actors take on claims, and the
/// relations between claims.
///
/// Collections are kept sorted by id, so iteration (and therefore saving) is deterministic.
/// Cloning a map is cheap and the clone shares every item with the original (a snapshot for a
/// background writer, an export or a layout costs no copy); the two part only where one of
/// them is edited afterwards.
#[derive(Debug, Clone, Default)]
pub struct Map {
    pub(super) info: Arc<MapInfo>,
    pub(super) sources: Items<SourceId, Source>,
    pub(super) actors: Items<ActorId, Actor>,
    pub(super) claims: Items<ClaimId, Claim>,
    pub(super) stances: Items<StanceId, Stance>,
    pub(super) relations: Items<RelationId, Relation>,
    pub(super) next_id: u32,
    /// Disagreements a merge left for the analyst to decide; usually empty.
    pub(super) conflicts: Arc<Vec<Conflict>>,
    /// Derived from the stances and relations; left out of comparisons.
    pub(super) index: Index,
}

impl PartialEq for Map {
    fn eq(&self, other: &Self) -> bool {
        self.info == other.info
            && self.next_id == other.next_id
            && self.sources == other.sources
            && self.actors == other.actors
            && self.claims == other.claims
            && self.stances == other.stances
            && self.relations == other.relations
            && self.conflicts == other.conflicts
    }
}

/// The descriptive fields of a map, changed together by [`crate::model::Edit::SetInfo`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MapInfo {
    /// The map's title.
    pub title: String,
    /// What the map is about.
    pub description: String,
    /// When the map was created.
    pub created: Option<Date>,
    /// When the map was last saved with changes.
    pub modified: Option<Date>,
    /// The sides the analyst fixed for camps in the stance layout, by camp name; camps not
    /// listed are placed by agreement.
    pub camp_sides: BTreeMap<String, CampSide>,
}

impl Map {
    /// An empty map with the given title.
    pub fn new(title: impl Into<String>) -> Self {
        Map {
            info: Arc::new(MapInfo {
                title: title.into(),
                ..MapInfo::default()
            }),
            // Ids start at 1: people writing files by hand count from 1.
            next_id: 1,
            ..Map::default()
        }
    }

    /// The map's title.
    pub fn title(&self) -> &str {
        &self.info.title
    }

    /// What the map is about.
    pub fn description(&self) -> &str {
        &self.info.description
    }

    /// When the map was created.
    pub fn created(&self) -> Option<Date> {
        self.info.created
    }

    /// When the map was last saved with changes.
    pub fn modified(&self) -> Option<Date> {
        self.info.modified
    }

    /// The side fixed for a camp in the stance layout, if any.
    pub fn camp_side(&self, camp: &str) -> Option<CampSide> {
        self.info.camp_sides.get(camp).copied()
    }

    /// The title, description, dates and camp sides together.
    pub fn info(&self) -> MapInfo {
        MapInfo::clone(&self.info)
    }

    /// The id the next new item will get. Ids below it were handed out already and are
    /// never given again, even if their item was deleted.
    pub fn next_id(&self) -> u32 {
        self.next_id
    }

    /// Hands out fresh ids for a group of new items, starting at [`Map::next_id`].
    pub fn id_allocator(&self) -> IdAllocator {
        IdAllocator { next: self.next_id }
    }

    /// The conflicts a merge recorded in this map and nobody has resolved yet.
    pub fn conflicts(&self) -> &[Conflict] {
        &self.conflicts
    }

    /// All sources, sorted by id.
    pub fn sources(&self) -> impl ExactSizeIterator<Item = &Source> + Clone {
        self.sources.iter().map(|(_, item)| &**item)
    }

    /// All actors, sorted by id.
    pub fn actors(&self) -> impl ExactSizeIterator<Item = &Actor> + Clone {
        self.actors.iter().map(|(_, item)| &**item)
    }

    /// All claims, sorted by id.
    pub fn claims(&self) -> impl ExactSizeIterator<Item = &Claim> + Clone {
        self.claims.iter().map(|(_, item)| &**item)
    }

    /// All stances, sorted by id.
    pub fn stances(&self) -> impl ExactSizeIterator<Item = &Stance> + Clone {
        self.stances.iter().map(|(_, item)| &**item)
    }

    /// All relations, sorted by id.
    pub fn relations(&self) -> impl ExactSizeIterator<Item = &Relation> + Clone {
        self.relations.iter().map(|(_, item)| &**item)
    }

    /// The source with this id.
    pub fn source(&self, id: SourceId) -> Option<&Source> {
        self.sources.get(&id).map(|item| &**item)
    }

    /// The actor with this id.
    pub fn actor(&self, id: ActorId) -> Option<&Actor> {
        self.actors.get(&id).map(|item| &**item)
    }

    /// The claim with this id.
    pub fn claim(&self, id: ClaimId) -> Option<&Claim> {
        self.claims.get(&id).map(|item| &**item)
    }

    /// The stance with this id.
    pub fn stance(&self, id: StanceId) -> Option<&Stance> {
        self.stances.get(&id).map(|item| &**item)
    }

    /// The relation with this id.
    pub fn relation(&self, id: RelationId) -> Option<&Relation> {
        self.relations.get(&id).map(|item| &**item)
    }

    /// Whether any item of any kind has this raw id.
    pub fn contains_raw_id(&self, raw: u32) -> bool {
        self.sources.contains_key(&SourceId(raw))
            || self.actors.contains_key(&ActorId(raw))
            || self.claims.contains_key(&ClaimId(raw))
            || self.stances.contains_key(&StanceId(raw))
            || self.relations.contains_key(&RelationId(raw))
    }

    /// Whether the item exists.
    pub fn contains(&self, id: ItemId) -> bool {
        match id {
            ItemId::Source(id) => self.sources.contains_key(&id),
            ItemId::Actor(id) => self.actors.contains_key(&id),
            ItemId::Claim(id) => self.claims.contains_key(&id),
            ItemId::Stance(id) => self.stances.contains_key(&id),
            ItemId::Relation(id) => self.relations.contains_key(&id),
        }
    }

    /// Where a node sits on the canvas, if it exists.
    pub fn node_position(&self, id: NodeId) -> Option<Point> {
        match id {
            NodeId::Actor(a) => self.actor(a).map(|a| a.at),
            NodeId::Claim(c) => self.claim(c).map(|c| c.at),
        }
    }

    /// Whether a node was placed by hand.
    pub fn node_pinned(&self, id: NodeId) -> Option<bool> {
        match id {
            NodeId::Actor(a) => self.actor(a).map(|a| a.pinned),
            NodeId::Claim(c) => self.claim(c).map(|c| c.pinned),
        }
    }

    /// Every node (actors first, then claims, each sorted by id).
    pub fn nodes(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.actors
            .keys()
            .map(|&a| NodeId::Actor(a))
            .chain(self.claims.keys().map(|&c| NodeId::Claim(c)))
    }

    /// Number of nodes (actors and claims).
    pub fn node_count(&self) -> usize {
        self.actors.len() + self.claims.len()
    }

    /// The actors' camps (see [`Actor::camp_name`]), each once, in order of first appearance
    /// by actor id, so the order stays put as actors are added.
    pub fn camps(&self) -> Vec<&str> {
        let mut camps: Vec<&str> = Vec::new();
        for camp in self.actors().filter_map(Actor::camp_name) {
            if !camps.contains(&camp) {
                camps.push(camp);
            }
        }
        camps
    }

    /// The stances an actor takes, sorted by id.
    pub fn stances_of_actor(&self, actor: ActorId) -> impl Iterator<Item = &Stance> {
        self.index
            .stances_of_actor(actor)
            .filter_map(|id| self.stance(id))
    }

    /// The stances taken on a claim, sorted by id.
    pub fn stances_on_claim(&self, claim: ClaimId) -> impl Iterator<Item = &Stance> {
        self.index
            .stances_on_claim(claim)
            .filter_map(|id| self.stance(id))
    }

    /// The relations that start or end at a claim, sorted by id.
    pub fn relations_of_claim(&self, claim: ClaimId) -> impl Iterator<Item = &Relation> {
        self.index
            .relations_of_claim(claim)
            .filter_map(|id| self.relation(id))
    }

    /// The stances that cite a source, sorted by id.
    pub fn stances_citing(&self, source: SourceId) -> impl Iterator<Item = &Stance> {
        self.index
            .stances_citing(source)
            .filter_map(|id| self.stance(id))
    }

    /// A short name for an item, for messages and lists: the actor's name, the claim's label...
    pub fn describe(&self, id: ItemId) -> String {
        let name = match id {
            ItemId::Source(s) => self.source(s).map(|s| s.title.clone()),
            ItemId::Actor(a) => self.actor(a).map(|a| a.name.clone()),
            ItemId::Claim(c) => self.claim(c).map(|c| c.label.clone()),
            ItemId::Stance(s) => self.stance(s).map(|s| {
                format!(
                    "{} {} {}",
                    self.actor(s.actor).map_or("?", |a| a.name.as_str()),
                    s.position.label(),
                    self.claim(s.claim).map_or("?", |c| c.label.as_str())
                )
            }),
            ItemId::Relation(r) => self.relation(r).map(|r| {
                format!(
                    "{} {} {}",
                    self.claim(r.from).map_or("?", |c| c.label.as_str()),
                    r.kind.label(),
                    self.claim(r.to).map_or("?", |c| c.label.as_str())
                )
            }),
        };
        match name {
            Some(name) => format!("{id} ({name})"),
            None => id.to_string(),
        }
    }
}

/// Hands out consecutive fresh ids for items about to be added in one batch of edits.
#[derive(Debug, Clone)]
pub struct IdAllocator {
    next: u32,
}

impl IdAllocator {
    /// The next fresh raw id.
    pub fn next_raw(&mut self) -> u32 {
        let id = self.next;
        self.next = self.next.saturating_add(1);
        id
    }

    /// A fresh source id.
    pub fn source(&mut self) -> SourceId {
        SourceId(self.next_raw())
    }

    /// A fresh actor id.
    pub fn actor(&mut self) -> ActorId {
        ActorId(self.next_raw())
    }

    /// A fresh claim id.
    pub fn claim(&mut self) -> ClaimId {
        ClaimId(self.next_raw())
    }

    /// A fresh stance id.
    pub fn stance(&mut self) -> StanceId {
        StanceId(self.next_raw())
    }

    /// A fresh relation id.
    pub fn relation(&mut self) -> RelationId {
        RelationId(self.next_raw())
    }
}
