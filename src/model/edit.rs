//! Every change to a map is an [`Edit`], applied by [`Map::apply`], which checks it against the
//! rules in [`super::rules`] and either applies all of it or none of it.

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
    /// Several edits that succeed or fail together, as one undo step.
    Batch(Vec<Edit>),
}

/// Why an edit was refused; the map is unchanged.
pub type EditError = Problem;

impl Map {
    /// Applies an edit if it keeps the map valid. On error the map is exactly as before and the
    /// error says which rule the edit broke, in words fit to show the user.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        match edit {
            Edit::Batch(edits) => {
                let before = self.clone();
                for edit in edits {
                    if let Err(problem) = self.apply(edit) {
                        *self = before;
                        return Err(problem);
                    }
                }
                Ok(())
            }
            single => self.apply_one(single),
        }
    }

    fn apply_one(&mut self, edit: Edit) -> Result<(), EditError> {
        match edit {
            Edit::SetInfo(info) => self.set_info(info),
            Edit::AddSource(source) => {
                self.check_fresh(source.id.into())?;
                first_problem(|out| rules::check_source(&source, out))?;
                self.claim_id(source.id.0);
                self.sources.insert(source.id, source);
                Ok(())
            }
            Edit::UpdateSource(source) => {
                self.check_exists(source.id.into())?;
                first_problem(|out| rules::check_source(&source, out))?;
                self.sources.insert(source.id, source);
                Ok(())
            }
            Edit::RemoveSource(id) => self.remove_source(id),
            Edit::AddActor(actor) => {
                self.check_fresh(actor.id.into())?;
                first_problem(|out| rules::check_actor(&actor, out))?;
                self.claim_id(actor.id.0);
                self.actors.insert(actor.id, actor);
                Ok(())
            }
            Edit::UpdateActor(actor) => {
                self.check_exists(actor.id.into())?;
                first_problem(|out| rules::check_actor(&actor, out))?;
                self.actors.insert(actor.id, actor);
                Ok(())
            }
            Edit::RemoveActor(id) => {
                self.check_exists(id.into())?;
                self.actors.remove(&id);
                self.stances.retain(|_, s| s.actor != id);
                Ok(())
            }
            Edit::AddClaim(claim) => {
                self.check_fresh(claim.id.into())?;
                first_problem(|out| rules::check_claim(&claim, out))?;
                self.claim_id(claim.id.0);
                self.claims.insert(claim.id, claim);
                Ok(())
            }
            Edit::UpdateClaim(claim) => {
                self.check_exists(claim.id.into())?;
                first_problem(|out| rules::check_claim(&claim, out))?;
                self.claims.insert(claim.id, claim);
                Ok(())
            }
            Edit::RemoveClaim(id) => {
                self.check_exists(id.into())?;
                self.claims.remove(&id);
                self.stances.retain(|_, s| s.claim != id);
                self.relations.retain(|_, r| r.from != id && r.to != id);
                Ok(())
            }
            Edit::AddStance(stance) => {
                self.check_fresh(stance.id.into())?;
                first_problem(|out| rules::check_stance(self, &stance, out))?;
                self.claim_id(stance.id.0);
                self.stances.insert(stance.id, stance);
                Ok(())
            }
            Edit::UpdateStance(stance) => {
                self.check_exists(stance.id.into())?;
                first_problem(|out| rules::check_stance(self, &stance, out))?;
                self.stances.insert(stance.id, stance);
                Ok(())
            }
            Edit::RemoveStance(id) => {
                self.check_exists(id.into())?;
                self.stances.remove(&id);
                Ok(())
            }
            Edit::AddRelation(relation) => {
                self.check_fresh(relation.id.into())?;
                first_problem(|out| rules::check_relation(self, &relation, out))?;
                self.claim_id(relation.id.0);
                self.relations.insert(relation.id, relation);
                Ok(())
            }
            Edit::UpdateRelation(relation) => {
                self.check_exists(relation.id.into())?;
                first_problem(|out| rules::check_relation(self, &relation, out))?;
                self.relations.insert(relation.id, relation);
                Ok(())
            }
            Edit::RemoveRelation(id) => {
                self.check_exists(id.into())?;
                self.relations.remove(&id);
                Ok(())
            }
            Edit::MoveNodes { moves, pinned } => self.move_nodes(&moves, pinned),
            Edit::SetPinned { nodes, pinned } => {
                for &node in &nodes {
                    self.check_exists(node.into())?;
                }
                for node in nodes {
                    self.set_node(node, None, pinned);
                }
                Ok(())
            }
            Edit::Batch(edits) => self.apply(Edit::Batch(edits)),
        }
    }

    fn set_info(&mut self, info: MapInfo) -> Result<(), EditError> {
        if info.title.chars().count() > rules::MAX_NAME_CHARS {
            return Err(Problem::map(format!(
                "the title is longer than {} characters",
                rules::MAX_NAME_CHARS
            )));
        }
        if info.description.chars().count() > rules::MAX_TEXT_CHARS {
            return Err(Problem::map(format!(
                "the description is longer than {} characters",
                rules::MAX_TEXT_CHARS
            )));
        }
        self.title = info.title;
        self.description = info.description;
        self.created = info.created;
        self.modified = info.modified;
        Ok(())
    }

    fn remove_source(&mut self, id: SourceId) -> Result<(), EditError> {
        self.check_exists(id.into())?;
        let citing = self.stances_citing(id).count();
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
        self.sources.remove(&id);
        Ok(())
    }

    fn move_nodes(&mut self, moves: &[(NodeId, Point)], pinned: bool) -> Result<(), EditError> {
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
            self.set_node(node, Some(at), pinned);
        }
        Ok(())
    }

    fn set_node(&mut self, node: NodeId, at: Option<Point>, pinned: bool) {
        let slot = match node {
            NodeId::Actor(id) => self.actors.get_mut(&id).map(|a| (&mut a.at, &mut a.pinned)),
            NodeId::Claim(id) => self.claims.get_mut(&id).map(|c| (&mut c.at, &mut c.pinned)),
        };
        if let Some((position, pin)) = slot {
            if let Some(at) = at {
                *position = at;
            }
            *pin = pinned;
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

    /// Marks an id as handed out.
    fn claim_id(&mut self, raw: u32) {
        self.next_id = self.next_id.max(raw.saturating_add(1));
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
