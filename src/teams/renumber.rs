//! Giving one side's new items fresh ids before a merge, where the other side handed out the
//! same ids for its own new items: both sides' work is kept, and every reference follows.

use crate::model::{
    ActorId, ClaimId, Conflict, Map, MapParts, Problem, RelationId, SourceId, StanceId,
};
use std::collections::BTreeMap;

/// `theirs` with every item it added since `base` whose id `ours` may also have handed out
/// given a fresh id above both sides' ids, and the old → new ids. Items from `base` keep
/// their ids.
pub fn renumber_new_items(
    base: &Map,
    ours: &Map,
    theirs: &Map,
) -> Result<(Map, BTreeMap<u32, u32>), Vec<Problem>> {
    let mut next = ours.next_id().max(theirs.next_id());
    let mut moves = BTreeMap::new();
    let all_ids = theirs
        .sources()
        .map(|s| s.id.0)
        .chain(theirs.actors().map(|a| a.id.0))
        .chain(theirs.claims().map(|c| c.id.0))
        .chain(theirs.stances().map(|s| s.id.0))
        .chain(theirs.relations().map(|r| r.id.0));
    let mut ids: Vec<u32> = all_ids.collect();
    ids.sort_unstable();
    for id in ids {
        let added = !base.contains_raw_id(id);
        // Ours handed out every id from base's next id up to its own next id.
        let taken = ours.contains_raw_id(id) || (id >= base.next_id() && id < ours.next_id());
        if added && taken {
            moves.insert(id, next);
            next = next.saturating_add(1);
        }
    }
    if moves.is_empty() {
        return Ok((theirs.clone(), moves));
    }
    Ok((renumbered(theirs, &moves, next)?, moves))
}

/// `map` with the ids in `moves` (old → new) changed and every reference following, handing
/// out ids from `next_id` on. `moves` must not send two items to one id, nor an item to an id
/// another item keeps (the result would not assemble).
pub fn renumbered(
    map: &Map,
    moves: &BTreeMap<u32, u32>,
    next_id: u32,
) -> Result<Map, Vec<Problem>> {
    let to = |id: u32| moves.get(&id).copied().unwrap_or(id);
    let parts = MapParts {
        info: map.info(),
        next_id: Some(next_id),
        sources: map
            .sources()
            .map(|s| {
                let mut s = s.clone();
                s.id = SourceId(to(s.id.0));
                s
            })
            .collect(),
        actors: map
            .actors()
            .map(|a| {
                let mut a = a.clone();
                a.id = ActorId(to(a.id.0));
                a
            })
            .collect(),
        claims: map
            .claims()
            .map(|c| {
                let mut c = c.clone();
                c.id = ClaimId(to(c.id.0));
                c
            })
            .collect(),
        stances: map
            .stances()
            .map(|s| {
                let mut s = s.clone();
                s.id = StanceId(to(s.id.0));
                s.actor = ActorId(to(s.actor.0));
                s.claim = ClaimId(to(s.claim.0));
                s.source = s.source.map(|source| SourceId(to(source.0)));
                s
            })
            .collect(),
        relations: map
            .relations()
            .map(|r| {
                let mut r = r.clone();
                r.id = RelationId(to(r.id.0));
                r.from = ClaimId(to(r.from.0));
                r.to = ClaimId(to(r.to.0));
                r
            })
            .collect(),
        conflicts: map
            .conflicts()
            .iter()
            .map(|c| Conflict {
                item: c.item.map(to),
                ..c.clone()
            })
            .collect(),
    };
    Map::assemble(parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorKind, Claim, Edit, Point, Position, Stance};

    #[test]
    fn both_sides_new_items_keep_apart_and_references_follow() {
        let mut base = Map::new("t");
        let mut ids = base.id_allocator();
        let (putin, nato) = (ids.actor(), ids.claim());
        base.apply(Edit::Batch(vec![
            Edit::AddActor(Actor::new(
                putin,
                "Putin",
                ActorKind::Person,
                Point::default(),
            )),
            Edit::AddClaim(Claim::new(nato, "NATO", Point::default())),
        ]))
        .unwrap();
        let mut ours = base.clone();
        let mine = ours.id_allocator().claim();
        ours.apply(Edit::AddClaim(Claim::new(mine, "Ours", Point::default())))
            .unwrap();
        let mut theirs = base.clone();
        let mut their_ids = theirs.id_allocator();
        let (claim, stance) = (their_ids.claim(), their_ids.stance());
        assert_eq!(claim, mine, "the two sides handed out the same id");
        theirs
            .apply(Edit::Batch(vec![
                Edit::AddClaim(Claim::new(claim, "Theirs", Point::default())),
                Edit::AddStance(Stance::new(stance, putin, claim, Position::Supports)),
            ]))
            .unwrap();

        let (renumbered, moves) = renumber_new_items(&base, &ours, &theirs).unwrap();

        // Only the claim's id collides; the stance's id is past all of ours.
        assert_eq!(moves.len(), 1, "{moves:?}");
        let new_claim = ClaimId(moves[&claim.0]);
        assert!(new_claim.0 >= ours.next_id().max(theirs.next_id()));
        assert_eq!(renumbered.claim(new_claim).unwrap().label, "Theirs");
        let stance = renumbered.stances().next().unwrap();
        assert_eq!(stance.claim, new_claim);
        assert_eq!(stance.actor, putin, "base items keep their ids");
        assert!(renumbered.next_id() > moves.values().copied().max().unwrap());
    }
}
