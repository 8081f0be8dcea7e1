//! Who is connected to whom, kept beside the items so that the stances of an actor, the edges of
//! a claim or the stances citing a source are found in time proportional to how many there
//! are, not to the size of the map. Derived from the items; never saved, never compared.

use super::ids::{ActorId, ClaimId, RelationId, SourceId, StanceId};
use super::items::{Relation, Stance};
use imbl::OrdSet;

/// Sorted (owner, edge) pairs for each way edges are looked up. Persistent sets, so a copy of
/// a map shares them with the original until one of the two changes.
#[derive(Debug, Clone, Default)]
pub(super) struct Index {
    stances_by_actor: OrdSet<(ActorId, StanceId)>,
    stances_by_claim: OrdSet<(ClaimId, StanceId)>,
    stances_by_source: OrdSet<(SourceId, StanceId)>,
    relations_by_claim: OrdSet<(ClaimId, RelationId)>,
}

impl Index {
    /// Records a stance that joined the map.
    pub(super) fn add_stance(&mut self, stance: &Stance) {
        self.stances_by_actor.insert((stance.actor, stance.id));
        self.stances_by_claim.insert((stance.claim, stance.id));
        if let Some(source) = stance.source {
            self.stances_by_source.insert((source, stance.id));
        }
    }

    /// Forgets a stance that left the map.
    pub(super) fn remove_stance(&mut self, stance: &Stance) {
        self.stances_by_actor.remove(&(stance.actor, stance.id));
        self.stances_by_claim.remove(&(stance.claim, stance.id));
        if let Some(source) = stance.source {
            self.stances_by_source.remove(&(source, stance.id));
        }
    }

    /// Records a relation that joined the map.
    pub(super) fn add_relation(&mut self, relation: &Relation) {
        self.relations_by_claim.insert((relation.from, relation.id));
        self.relations_by_claim.insert((relation.to, relation.id));
    }

    /// Forgets a relation that left the map.
    pub(super) fn remove_relation(&mut self, relation: &Relation) {
        self.relations_by_claim
            .remove(&(relation.from, relation.id));
        self.relations_by_claim.remove(&(relation.to, relation.id));
    }

    /// The stances an actor takes, by id.
    pub(super) fn stances_of_actor(&self, actor: ActorId) -> impl Iterator<Item = StanceId> + '_ {
        self.stances_by_actor
            .range((actor, StanceId(0))..=(actor, StanceId(u32::MAX)))
            .map(|&(_, id)| id)
    }

    /// The stances taken on a claim, by id.
    pub(super) fn stances_on_claim(&self, claim: ClaimId) -> impl Iterator<Item = StanceId> + '_ {
        self.stances_by_claim
            .range((claim, StanceId(0))..=(claim, StanceId(u32::MAX)))
            .map(|&(_, id)| id)
    }

    /// The stances citing a source, by id.
    pub(super) fn stances_citing(&self, source: SourceId) -> impl Iterator<Item = StanceId> + '_ {
        self.stances_by_source
            .range((source, StanceId(0))..=(source, StanceId(u32::MAX)))
            .map(|&(_, id)| id)
    }

    /// The relations that start or end at a claim, by id.
    pub(super) fn relations_of_claim(
        &self,
        claim: ClaimId,
    ) -> impl Iterator<Item = RelationId> + '_ {
        self.relations_by_claim
            .range((claim, RelationId(0))..=(claim, RelationId(u32::MAX)))
            .map(|&(_, id)| id)
    }
}
