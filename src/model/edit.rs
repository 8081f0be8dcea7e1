//! Every change to a map is an [`Edit`], applied by [`Map::apply`], which checks it against the
//! rules in [`super::rules`] and either applies all of it or none of it.

use super::change::Change;
use super::conflict::Conflict;
use super::ids::{ActorId, ClaimId, ItemId, NodeId, RelationId, SourceId, StanceId};
use super::items::{Actor, Claim, Relation, Source, Stance};
use super::map::{Map, MapInfo};
use super::rules::{self, Problem};
use super::values::Point;

/// One change to a map.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Change the title, description and dates.
    SetInfo(MapInfo),
    /// Add a source with a fresh id.
    AddSource(Source),
    /// Replace the source with the same id.
    UpdateSource(Source),
    /// Remove a source that no stance cites.
    RemoveSource(SourceId),
    /// Add an actor with a fresh id.
    AddActor(Actor),
    /// Replace the actor with the same id.
    UpdateActor(Actor),
    /// Remove an actor together with its stances.
    RemoveActor(ActorId),
    /// Add a claim with a fresh id.
    AddClaim(Claim),
    /// Replace the claim with the same id.
    UpdateClaim(Claim),
    /// Remove a claim together with the stances on it and the relations that touch it.
    RemoveClaim(ClaimId),
    /// Add a stance with a fresh id.
    AddStance(Stance),
    /// Replace the stance with the same id.
    UpdateStance(Stance),
    /// Remove a stance.
    RemoveStance(StanceId),
    /// Add a relation with a fresh id.
    AddRelation(Relation),
    /// Replace the relation with the same id.
    UpdateRelation(Relation),
    /// Remove a relation.
    RemoveRelation(RelationId),
    /// Move nodes to new positions, and pin or unpin them.
    MoveNodes {
        /// Each node and where it goes.
        moves: Vec<(NodeId, Point)>,
        /// Whether the moved nodes end up pinned (moved by hand) or free (moved by a layout).
        pinned: bool,
    },
    /// Pin or unpin nodes without moving them.
    SetPinned {
        /// The nodes to change.
        nodes: Vec<NodeId>,
        /// The new pinned state.
        pinned: bool,
    },
    /// Replace the list of conflicts a merge left (to drop the ones decided).
    SetConflicts(Vec<Conflict>),
    /// Several edits that succeed or fail together, as one undo step.
    Batch(Vec<Edit>),
}

/// Why an edit was refused; the map is unchanged.
pub type EditError = Problem;

impl Map {
    /// Applies an edit if it keeps the map valid. On error the map is exactly as before and the
    /// error says which rule the edit broke, in words fit to show the user.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        self.apply_recorded(edit).map(drop)
    }

    /// Applies an edit as [`Map::apply`] does and returns what it changed, to undo it later
    /// ([`Map::undo_change`]) or to tell caches which items to look at again. An edit that
    /// leaves the map as it was returns an empty change.
    pub fn apply_recorded(&mut self, edit: Edit) -> Result<Change, EditError> {
        let mut change = Change::default();
        match self.apply_into(edit, &mut change) {
            Ok(()) => {
                change.normalise();
                Ok(change)
            }
            Err(problem) => {
                // A batch may have applied some of its edits: take them back.
                self.undo_change(&change);
                Err(problem)
            }
        }
    }

    fn apply_into(&mut self, edit: Edit, change: &mut Change) -> Result<(), EditError> {
        match edit {
            Edit::Batch(edits) => edits
                .into_iter()
                .try_for_each(|edit| self.apply_into(edit, change)),
            single => self.apply_one(single, change),
        }
    }

    fn apply_one(&mut self, edit: Edit, change: &mut Change) -> Result<(), EditError> {
        match edit {
            Edit::SetInfo(info) => self.set_info(info, change),
            Edit::SetConflicts(conflicts) => {
                self.put_conflicts(conflicts, change);
                Ok(())
            }
            Edit::AddSource(source) => {
                self.check_fresh(source.id.into())?;
                first_problem(|out| rules::check_source(&source, out))?;
                self.claim_id(source.id.0, change);
                self.put_source(source.id, Some(source), change);
                Ok(())
            }
            Edit::UpdateSource(source) => {
                self.check_exists(source.id.into())?;
                first_problem(|out| rules::check_source(&source, out))?;
                self.put_source(source.id, Some(source), change);
                Ok(())
            }
            Edit::RemoveSource(id) => self.remove_source(id, change),
            Edit::AddActor(actor) => {
                self.check_fresh(actor.id.into())?;
                first_problem(|out| rules::check_actor(&actor, out))?;
                self.claim_id(actor.id.0, change);
                self.put_actor(actor.id, Some(actor), change);
                Ok(())
            }
            Edit::UpdateActor(actor) => {
                self.check_exists(actor.id.into())?;
                first_problem(|out| rules::check_actor(&actor, out))?;
                self.put_actor(actor.id, Some(actor), change);
                Ok(())
            }
            Edit::RemoveActor(id) => {
                self.check_exists(id.into())?;
                let stances: Vec<StanceId> = self.index.stances_of_actor(id).collect();
                for stance in stances {
                    self.put_stance(stance, None, change);
                }
                self.put_actor(id, None, change);
                Ok(())
            }
            Edit::AddClaim(claim) => {
                self.check_fresh(claim.id.into())?;
                first_problem(|out| rules::check_claim(&claim, out))?;
                self.claim_id(claim.id.0, change);
                self.put_claim(claim.id, Some(claim), change);
                Ok(())
            }
            Edit::UpdateClaim(claim) => {
                self.check_exists(claim.id.into())?;
                first_problem(|out| rules::check_claim(&claim, out))?;
                self.put_claim(claim.id, Some(claim), change);
                Ok(())
            }
            Edit::RemoveClaim(id) => {
                self.check_exists(id.into())?;
                let stances: Vec<StanceId> = self.index.stances_on_claim(id).collect();
                for stance in stances {
                    self.put_stance(stance, None, change);
                }
                let relations: Vec<RelationId> = self.index.relations_of_claim(id).collect();
                for relation in relations {
                    self.put_relation(relation, None, change);
                }
                self.put_claim(id, None, change);
                Ok(())
            }
            Edit::AddStance(stance) => {
                self.check_fresh(stance.id.into())?;
                first_problem(|out| rules::check_stance(self, &stance, out))?;
                self.claim_id(stance.id.0, change);
                self.put_stance(stance.id, Some(stance), change);
                Ok(())
            }
            Edit::UpdateStance(stance) => {
                self.check_exists(stance.id.into())?;
                first_problem(|out| rules::check_stance(self, &stance, out))?;
                self.put_stance(stance.id, Some(stance), change);
                Ok(())
            }
            Edit::RemoveStance(id) => {
                self.check_exists(id.into())?;
                self.put_stance(id, None, change);
                Ok(())
            }
            Edit::AddRelation(relation) => {
                self.check_fresh(relation.id.into())?;
                first_problem(|out| rules::check_relation(self, &relation, out))?;
                self.claim_id(relation.id.0, change);
                self.put_relation(relation.id, Some(relation), change);
                Ok(())
            }
            Edit::UpdateRelation(relation) => {
                self.check_exists(relation.id.into())?;
                first_problem(|out| rules::check_relation(self, &relation, out))?;
                self.put_relation(relation.id, Some(relation), change);
                Ok(())
            }
            Edit::RemoveRelation(id) => {
                self.check_exists(id.into())?;
                self.put_relation(id, None, change);
                Ok(())
            }
            Edit::MoveNodes { moves, pinned } => self.move_nodes(&moves, pinned, change),
            Edit::SetPinned { nodes, pinned } => {
                for &node in &nodes {
                    self.check_exists(node.into())?;
                }
                for node in nodes {
                    self.set_node(node, None, pinned, change);
                }
                Ok(())
            }
            Edit::Batch(edits) => self.apply_into(Edit::Batch(edits), change),
        }
    }

    fn set_info(&mut self, info: MapInfo, change: &mut Change) -> Result<(), EditError> {
        if info.title.chars().count() > rules::MAX_NAME_CHARS {
            return Err(Problem::map_field(
                "title",
                format!(
                    "the title is longer than {} characters",
                    rules::MAX_NAME_CHARS
                ),
            ));
        }
        if info.description.chars().count() > rules::MAX_TEXT_CHARS {
            return Err(Problem::map_field(
                "description",
                format!(
                    "the description is longer than {} characters",
                    rules::MAX_TEXT_CHARS
                ),
            ));
        }
        if let Some(problem) = camp_sides_problem(&info) {
            return Err(problem);
        }
        self.put_info(info, change);
        Ok(())
    }

    fn remove_source(&mut self, id: SourceId, change: &mut Change) -> Result<(), EditError> {
        self.check_exists(id.into())?;
        let citing = self.index.stances_citing(id).count();
        if citing > 0 {
            return Err(Problem::item(
                id,
                format!(
                    "{citing} stance{} cite{} this source; point {} at another source first",
                    if citing == 1 { "" } else { "s" },
                    if citing == 1 { "s" } else { "" },
                    if citing == 1 { "it" } else { "them" },
                ),
            ));
        }
        self.put_source(id, None, change);
        Ok(())
    }

    fn move_nodes(
        &mut self,
        moves: &[(NodeId, Point)],
        pinned: bool,
        change: &mut Change,
    ) -> Result<(), EditError> {
        for &(node, at) in moves {
            self.check_exists(node.into())?;
            if !at.is_finite() {
                return Err(Problem::item(
                    node,
                    format!("cannot move to ({}, {})", at.x, at.y),
                ));
            }
        }
        for &(node, at) in moves {
            self.set_node(node, Some(at), pinned, change);
        }
        Ok(())
    }

    fn set_node(&mut self, node: NodeId, at: Option<Point>, pinned: bool, change: &mut Change) {
        match node {
            NodeId::Actor(id) => {
                if let Some(actor) = self.actor(id) {
                    let moved = Actor {
                        at: at.unwrap_or(actor.at),
                        pinned,
                        ..actor.clone()
                    };
                    self.put_actor(id, Some(moved), change);
                }
            }
            NodeId::Claim(id) => {
                if let Some(claim) = self.claim(id) {
                    let moved = Claim {
                        at: at.unwrap_or(claim.at),
                        pinned,
                        ..claim.clone()
                    };
                    self.put_claim(id, Some(moved), change);
                }
            }
        }
    }

    /// Refuses ids that are in use or were handed out before: ids are never reused.
    fn check_fresh(&self, id: ItemId) -> Result<(), EditError> {
        if self.contains_raw_id(id.raw()) {
            return Err(Problem::item(id, "this id is already in use"));
        }
        if id.raw() < self.next_id {
            return Err(Problem::item(
                id,
                format!(
                    "this id was handed out before and is never reused; new items take ids from {}",
                    self.next_id
                ),
            ));
        }
        if id.raw() == u32::MAX {
            return Err(Problem::item(id, "the map has run out of ids"));
        }
        Ok(())
    }

    fn check_exists(&self, id: ItemId) -> Result<(), EditError> {
        if self.contains(id) {
            Ok(())
        } else {
            Err(Problem::item(id, "does not exist"))
        }
    }
}

fn first_problem(check: impl FnOnce(&mut Vec<Problem>)) -> Result<(), Problem> {
    let mut problems = Vec::new();
    check(&mut problems);
    match problems.into_iter().next() {
        Some(problem) => Err(problem),
        None => Ok(()),
    }
}

/// What is wrong with a map's fixed camp sides, if anything: a side for a blank camp name.
pub(super) fn camp_sides_problem(info: &MapInfo) -> Option<Problem> {
    info.camp_sides
        .keys()
        .find(|camp| camp.trim().is_empty())
        .map(|_| {
            Problem::map_field(
                "camp_sides",
                "a camp side is given for a blank camp name; name the camp".to_owned(),
            )
        })
}
