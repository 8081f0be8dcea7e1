//! The only code that writes a map's item collections: each write keeps the connection index
//! in step, and the recorded writes note the slot's value before and after in a [`Change`].

use super::change::{Change, Slot, Swap};
use super::conflict::Conflict;
use super::ids::{ActorId, ClaimId, RelationId, SourceId, StanceId};
use super::items::{Actor, Claim, Relation, Source, Stance};
use super::map::{Map, MapInfo};
use std::sync::Arc;

/// Sets a slot of a plain collection (no index to keep) and returns its old value.
macro_rules! set_plain {
    ($name:ident, $field:ident, $id:ty, $item:ty) => {
        pub(super) fn $name(&mut self, id: $id, value: Option<Arc<$item>>) -> Option<Arc<$item>> {
            match value {
                Some(value) => self.$field.insert(id, value),
                None => self.$field.remove(&id),
            }
        }
    };
}

/// Writes a slot unless it already holds an equal value, noting the change.
macro_rules! put {
    ($name:ident, $set:ident, $field:ident, $variant:ident, $id:ty, $item:ty) => {
        pub(super) fn $name(&mut self, id: $id, value: Option<$item>, change: &mut Change) {
            let unchanged = match (self.$field.get(&id), &value) {
                (Some(old), Some(new)) => **old == *new,
                (None, None) => true,
                _ => false,
            };
            if unchanged {
                return;
            }
            let after = value.map(Arc::new);
            let before = self.$set(id, after.clone());
            change.push(Slot::$variant(Swap { id, before, after }));
        }
    };
}

impl Map {
    set_plain!(set_source, sources, SourceId, Source);
    set_plain!(set_actor, actors, ActorId, Actor);
    set_plain!(set_claim, claims, ClaimId, Claim);

    /// Sets a stance slot, keeping the index in step; returns the old value.
    pub(super) fn set_stance(
        &mut self,
        id: StanceId,
        value: Option<Arc<Stance>>,
    ) -> Option<Arc<Stance>> {
        if let Some(old) = self.stances.get(&id) {
            self.index.remove_stance(old);
        }
        match value {
            Some(value) => {
                self.index.add_stance(&value);
                self.stances.insert(id, value)
            }
            None => self.stances.remove(&id),
        }
    }

    /// Sets a relation slot, keeping the index in step; returns the old value.
    pub(super) fn set_relation(
        &mut self,
        id: RelationId,
        value: Option<Arc<Relation>>,
    ) -> Option<Arc<Relation>> {
        if let Some(old) = self.relations.get(&id) {
            self.index.remove_relation(old);
        }
        match value {
            Some(value) => {
                self.index.add_relation(&value);
                self.relations.insert(id, value)
            }
            None => self.relations.remove(&id),
        }
    }

    put!(put_source, set_source, sources, Source, SourceId, Source);
    put!(put_actor, set_actor, actors, Actor, ActorId, Actor);
    put!(put_claim, set_claim, claims, Claim, ClaimId, Claim);
    put!(put_stance, set_stance, stances, Stance, StanceId, Stance);
    put!(
        put_relation,
        set_relation,
        relations,
        Relation,
        RelationId,
        Relation
    );

    /// Replaces the title, description and dates, noting the change.
    pub(super) fn put_info(&mut self, info: MapInfo, change: &mut Change) {
        if *self.info == info {
            return;
        }
        let after = Arc::new(info);
        let before = std::mem::replace(&mut self.info, Arc::clone(&after));
        change.push(Slot::Info(before, after));
    }

    /// Replaces the list of merge conflicts, noting the change.
    pub(super) fn put_conflicts(&mut self, conflicts: Vec<Conflict>, change: &mut Change) {
        if *self.conflicts == conflicts {
            return;
        }
        let after = Arc::new(conflicts);
        let before = std::mem::replace(&mut self.conflicts, Arc::clone(&after));
        change.push(Slot::Conflicts(before, after));
    }

    /// Marks an id as handed out, noting the change.
    pub(super) fn claim_id(&mut self, raw: u32, change: &mut Change) {
        let next = self.next_id.max(raw.saturating_add(1));
        if next != self.next_id {
            change.push(Slot::NextId(self.next_id, next));
            self.next_id = next;
        }
    }
}
