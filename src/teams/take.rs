//! Taking differences from another map into this one: an item the other map adds, removes or
//! changes becomes one edit of this map (one undo step, however many items are taken).
//!
//! Items the other map adds get fresh ids here (both maps may have handed out the same ids
//! since they parted), and every reference follows. A taken stance or relation brings along
//! the actor, claim or source it needs when this map lacks it. Changed actors and claims keep
//! this map's positions: the comparison, like `stancemap diff`, leaves positions out.

use super::diff::{ChangeKind, ItemDiff};
use super::renumber::renumbered;
use crate::model::{ActorId, ClaimId, Edit, IdAllocator, Map, RelationId, SourceId, StanceId};
use std::collections::{BTreeMap, BTreeSet};

/// What taking some differences does.
#[derive(Debug, Clone, PartialEq)]
pub struct Taken {
    /// The one edit that takes them.
    pub edit: Edit,
    /// The other map's ids of the items added here → the ids they got in this map.
    pub moves: BTreeMap<u32, u32>,
    /// Items taken along because a taken item needs them, as a reader names them.
    pub needed: Vec<String>,
}

/// The edit that takes `picks` (differences from `ours` to `theirs`) into `ours`, or why it
/// cannot be made.
pub fn take(ours: &Map, theirs: &Map, picks: &[&ItemDiff]) -> Result<Taken, String> {
    let mut plan = Plan {
        ours,
        theirs,
        ids: ours.id_allocator(),
        moves: BTreeMap::new(),
        picked: picks
            .iter()
            .filter_map(|p| p.id.map(|id| (p.kind, id)))
            .collect(),
        needed: Vec::new(),
        info: Vec::new(),
        add_nodes: Vec::new(),
        update_nodes: Vec::new(),
        remove_edges: Vec::new(),
        update_edges: Vec::new(),
        add_edges: Vec::new(),
        remove_nodes: Vec::new(),
        remove_sources: Vec::new(),
    };
    for pick in picks {
        plan.pick(pick)?;
    }
    Ok(plan.finish())
}

/// The edits being gathered, in buckets applied in an order that keeps every step valid:
/// nodes exist before edges name them, stances leave before others take their place, and
/// sources go last, once nothing cites them.
struct Plan<'m> {
    ours: &'m Map,
    theirs: &'m Map,
    ids: IdAllocator,
    moves: BTreeMap<u32, u32>,
    picked: BTreeSet<(&'static str, u32)>,
    needed: Vec<String>,
    info: Vec<Edit>,
    add_nodes: Vec<Edit>,
    update_nodes: Vec<Edit>,
    remove_edges: Vec<Edit>,
    update_edges: Vec<Edit>,
    add_edges: Vec<Edit>,
    remove_nodes: Vec<Edit>,
    remove_sources: Vec<Edit>,
}

impl Plan<'_> {
    fn pick(&mut self, pick: &ItemDiff) -> Result<(), String> {
        let Some(raw) = pick.id else {
            return self.take_info();
        };
        match pick.change {
            ChangeKind::Added => self.add(pick.kind, raw),
            ChangeKind::Removed => self.remove(pick.kind, raw),
            ChangeKind::Changed => self.update(pick.kind, raw),
        }
    }

    fn take_info(&mut self) -> Result<(), String> {
        self.info.push(Edit::SetInfo(self.theirs.info()));
        if self.ours.conflicts() != self.theirs.conflicts() {
            self.info
                .push(Edit::SetConflicts(self.theirs.conflicts().to_vec()));
        }
        Ok(())
    }

    fn add(&mut self, kind: &str, raw: u32) -> Result<(), String> {
        match kind {
            "source" => self.need_source(SourceId(raw)).map(drop),
            "actor" => self.need_actor(ActorId(raw)).map(drop),
            "claim" => self.need_claim(ClaimId(raw)).map(drop),
            "stance" => self.add_stance(StanceId(raw)),
            "relation" => self.add_relation(RelationId(raw)),
            other => Err(format!("cannot add a {other}")),
        }
    }

    fn remove(&mut self, kind: &str, raw: u32) -> Result<(), String> {
        let gone = || format!("this map no longer has that {kind}");
        match kind {
            "source" if self.ours.source(SourceId(raw)).is_some() => {
                self.remove_sources.push(Edit::RemoveSource(SourceId(raw)));
            }
            "actor" if self.ours.actor(ActorId(raw)).is_some() => {
                self.remove_nodes.push(Edit::RemoveActor(ActorId(raw)));
            }
            "claim" if self.ours.claim(ClaimId(raw)).is_some() => {
                self.remove_nodes.push(Edit::RemoveClaim(ClaimId(raw)));
            }
            "stance" if self.ours.stance(StanceId(raw)).is_some() => {
                self.remove_edges.push(Edit::RemoveStance(StanceId(raw)));
            }
            "relation" if self.ours.relation(RelationId(raw)).is_some() => {
                self.remove_edges
                    .push(Edit::RemoveRelation(RelationId(raw)));
            }
            _ => return Err(gone()),
        }
        Ok(())
    }

    fn update(&mut self, kind: &str, raw: u32) -> Result<(), String> {
        let gone = || format!("one of the maps no longer has that {kind}");
        match kind {
            "source" => {
                let theirs = self.theirs.source(SourceId(raw)).ok_or_else(gone)?;
                self.ours.source(SourceId(raw)).ok_or_else(gone)?;
                self.update_nodes.push(Edit::UpdateSource(theirs.clone()));
            }
            "actor" => {
                let theirs = self.theirs.actor(ActorId(raw)).ok_or_else(gone)?;
                let ours = self.ours.actor(ActorId(raw)).ok_or_else(gone)?;
                let mut actor = theirs.clone();
                (actor.at, actor.pinned) = (ours.at, ours.pinned);
                self.update_nodes.push(Edit::UpdateActor(actor));
            }
            "claim" => {
                let theirs = self.theirs.claim(ClaimId(raw)).ok_or_else(gone)?;
                let ours = self.ours.claim(ClaimId(raw)).ok_or_else(gone)?;
                let mut claim = theirs.clone();
                (claim.at, claim.pinned) = (ours.at, ours.pinned);
                self.update_nodes.push(Edit::UpdateClaim(claim));
            }
            "stance" => {
                self.ours.stance(StanceId(raw)).ok_or_else(gone)?;
                let theirs = self.theirs.stance(StanceId(raw)).ok_or_else(gone)?;
                let mut stance = theirs.clone();
                self.follow_stance(&mut stance)?;
                self.update_edges.push(Edit::UpdateStance(stance));
            }
            "relation" => {
                self.ours.relation(RelationId(raw)).ok_or_else(gone)?;
                let theirs = self.theirs.relation(RelationId(raw)).ok_or_else(gone)?;
                let mut relation = theirs.clone();
                relation.from = self.need_claim(relation.from)?;
                relation.to = self.need_claim(relation.to)?;
                self.update_edges.push(Edit::UpdateRelation(relation));
            }
            "map" => return self.take_info(),
            other => return Err(format!("cannot change a {other}")),
        }
        Ok(())
    }

    fn add_stance(&mut self, id: StanceId) -> Result<(), String> {
        if self.moves.contains_key(&id.0) {
            return Ok(());
        }
        let theirs = self
            .theirs
            .stance(id)
            .ok_or_else(|| "the other map no longer has that stance".to_owned())?;
        let mut stance = theirs.clone();
        self.follow_stance(&mut stance)?;
        stance.id = self.ids.stance();
        self.moves.insert(id.0, stance.id.0);
        self.add_edges.push(Edit::AddStance(stance));
        Ok(())
    }

    fn add_relation(&mut self, id: RelationId) -> Result<(), String> {
        if self.moves.contains_key(&id.0) {
            return Ok(());
        }
        let theirs = self
            .theirs
            .relation(id)
            .ok_or_else(|| "the other map no longer has that relation".to_owned())?;
        let mut relation = theirs.clone();
        relation.from = self.need_claim(relation.from)?;
        relation.to = self.need_claim(relation.to)?;
        relation.id = self.ids.relation();
        self.moves.insert(id.0, relation.id.0);
        self.add_edges.push(Edit::AddRelation(relation));
        Ok(())
    }

    /// Points a stance of theirs at this map's actor, claim and source, adding those this map
    /// lacks.
    fn follow_stance(&mut self, stance: &mut crate::model::Stance) -> Result<(), String> {
        stance.actor = self.need_actor(stance.actor)?;
        stance.claim = self.need_claim(stance.claim)?;
        stance.source = match stance.source {
            Some(source) => Some(self.need_source(source)?),
            None => None,
        };
        Ok(())
    }

    /// Notes an item taken along, unless it was picked itself.
    fn note_needed(&mut self, kind: &'static str, raw: u32, name: String) {
        if !self.picked.contains(&(kind, raw)) {
            self.needed.push(format!("{kind} {name}"));
        }
    }

    fn need_actor(&mut self, id: ActorId) -> Result<ActorId, String> {
        if self.ours.actor(id).is_some() {
            return Ok(id);
        }
        if let Some(&moved) = self.moves.get(&id.0) {
            return Ok(ActorId(moved));
        }
        let theirs = self
            .theirs
            .actor(id)
            .ok_or_else(|| format!("neither map has the actor it names ({id})"))?;
        let mut actor = theirs.clone();
        actor.id = self.ids.actor();
        self.moves.insert(id.0, actor.id.0);
        self.note_needed("actor", id.0, format!("{:?}", theirs.name));
        self.add_nodes.push(Edit::AddActor(actor.clone()));
        Ok(actor.id)
    }

    fn need_claim(&mut self, id: ClaimId) -> Result<ClaimId, String> {
        if self.ours.claim(id).is_some() {
            return Ok(id);
        }
        if let Some(&moved) = self.moves.get(&id.0) {
            return Ok(ClaimId(moved));
        }
        let theirs = self
            .theirs
            .claim(id)
            .ok_or_else(|| format!("neither map has the claim it names ({id})"))?;
        let mut claim = theirs.clone();
        claim.id = self.ids.claim();
        self.moves.insert(id.0, claim.id.0);
        self.note_needed("claim", id.0, format!("{:?}", theirs.label));
        self.add_nodes.push(Edit::AddClaim(claim.clone()));
        Ok(claim.id)
    }

    fn need_source(&mut self, id: SourceId) -> Result<SourceId, String> {
        if self.ours.source(id).is_some() {
            return Ok(id);
        }
        if let Some(&moved) = self.moves.get(&id.0) {
            return Ok(SourceId(moved));
        }
        let theirs = self
            .theirs
            .source(id)
            .ok_or_else(|| format!("neither map has the source it names ({id})"))?;
        let mut source = theirs.clone();
        source.id = self.ids.source();
        self.moves.insert(id.0, source.id.0);
        self.note_needed("source", id.0, format!("{:?}", theirs.title));
        // Sources first among the new items: nothing they need, and stances need them.
        self.add_nodes.insert(0, Edit::AddSource(source.clone()));
        Ok(source.id)
    }

    fn finish(self) -> Taken {
        let edits = [
            self.info,
            self.add_nodes,
            self.update_nodes,
            self.remove_edges,
            self.update_edges,
            self.add_edges,
            self.remove_nodes,
            self.remove_sources,
        ]
        .concat();
        Taken {
            edit: Edit::Batch(edits),
            moves: self.moves,
            needed: self.needed,
        }
    }
}

/// `theirs` with the items in `moves` given the ids they got in this map, so the next
/// comparison sees them as the same items. An item of theirs already holding one of those ids
/// takes one of the ids set free, so no two items ever share one.
pub fn follow_moves(theirs: &Map, moves: &BTreeMap<u32, u32>) -> Result<Map, String> {
    if moves.is_empty() {
        return Ok(theirs.clone());
    }
    let sources: BTreeSet<u32> = moves.keys().copied().collect();
    let targets: BTreeSet<u32> = moves.values().copied().collect();
    let displaced = targets
        .difference(&sources)
        .copied()
        .filter(|&id| theirs.contains_raw_id(id));
    let freed = sources.difference(&targets).copied();
    let mut permutation = moves.clone();
    permutation.extend(displaced.zip(freed));
    let largest = permutation.values().copied().max().unwrap_or(0);
    let next_id = theirs.next_id().max(largest.saturating_add(1));
    renumbered(theirs, &permutation, next_id).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        format!("the other map could not follow: {}", lines.join("; "))
    })
}
