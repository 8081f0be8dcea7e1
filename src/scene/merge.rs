//! Repeated stances drawn once. An actor often states the same position on a claim more than
//! once (on different dates, in different sources); drawing each as its own line bunches
//! parallel arrows between the same two boxes. Stances of one actor on one claim with the same
//! position are drawn as one edge with a "×N" count instead. Stances with different positions
//! stay separate edges: merging them would pick one look and hide that the actor's position
//! changed, which is often the point of mapping it. The first stance of a group (by id) draws
//! the edge; the others keep an empty item so they still have their ends and their place in
//! the list.

use super::visibility::{Visibility, VisibilityMap};
use crate::model::{ActorId, ClaimId, EdgeId, Map, Position, StanceId};
use std::collections::{BTreeMap, HashMap};

/// What stances must share to be drawn as one edge: actor, claim, position, and whether they
/// are drawn faded (a filter that fades some of them keeps the faded ones apart).
type GroupKey = (ActorId, ClaimId, Position, bool);

/// How a stance's visibility decides its group: `None` when it is not drawn.
fn faded(visibility: Option<&VisibilityMap>, id: StanceId) -> Option<bool> {
    match visibility.map_or(Visibility::Shown, |v| v.of(id)) {
        Visibility::Hidden => None,
        Visibility::Dimmed => Some(true),
        Visibility::Shown => Some(false),
    }
}

/// Every stance drawn together with others, with its whole group (ids in order, the one that
/// draws the edge first). Stances drawn alone are not listed.
pub(super) fn merged_groups(
    map: &Map,
    visibility: Option<&VisibilityMap>,
) -> HashMap<EdgeId, Vec<EdgeId>> {
    let mut groups: BTreeMap<GroupKey, Vec<EdgeId>> = BTreeMap::new();
    for stance in map.stances() {
        if let Some(dim) = faded(visibility, stance.id) {
            groups
                .entry((stance.actor, stance.claim, stance.position, dim))
                .or_default()
                .push(EdgeId::Stance(stance.id));
        }
    }
    let mut by_edge = HashMap::new();
    for mut group in groups.into_values().filter(|g| g.len() > 1) {
        group.sort_unstable();
        for &edge in &group {
            by_edge.insert(edge, group.clone());
        }
    }
    by_edge
}

/// The group an edge is drawn with, as [`merged_groups`] gives it; empty for an edge drawn
/// alone (every relation, a stance with no twin) or not drawn at all.
pub(super) fn group_of(map: &Map, edge: EdgeId, visibility: Option<&VisibilityMap>) -> Vec<EdgeId> {
    let EdgeId::Stance(id) = edge else {
        return Vec::new();
    };
    let Some(stance) = map.stance(id) else {
        return Vec::new();
    };
    let Some(dim) = faded(visibility, id) else {
        return Vec::new();
    };
    let group: Vec<EdgeId> = map
        .stances_of_actor(stance.actor)
        .filter(|s| {
            s.claim == stance.claim
                && s.position == stance.position
                && faded(visibility, s.id) == Some(dim)
        })
        .map(|s| EdgeId::Stance(s.id))
        .collect();
    if group.len() > 1 { group } else { Vec::new() }
}

/// Whether an edge draws its own line: it is alone, or first of its group.
pub(super) fn draws(edge: EdgeId, group: &[EdgeId]) -> bool {
    group.first().is_none_or(|first| *first == edge)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorKind, Claim, Edit, Point, Stance};

    #[test]
    fn stances_with_one_actor_claim_and_position_form_a_group_and_others_do_not() {
        let mut map = Map::new("t");
        let mut ids = map.id_allocator();
        let (putin, nato) = (ids.actor(), ids.claim());
        let (a, b, c) = (ids.stance(), ids.stance(), ids.stance());
        let dated = |id, position, day| {
            let mut s = Stance::new(id, putin, nato, position);
            s.date = crate::model::Date::new(2021, 12, day).ok();
            Edit::AddStance(s)
        };
        let edits = vec![
            Edit::AddActor(Actor::new(
                putin,
                "Putin",
                ActorKind::Person,
                Point::default(),
            )),
            Edit::AddClaim(Claim::new(nato, "NATO", Point::default())),
            dated(a, Position::Opposes, 1),
            dated(b, Position::Opposes, 2),
            dated(c, Position::Supports, 3),
        ];
        map.apply(Edit::Batch(edits)).unwrap();
        let groups = merged_groups(&map, None);
        let pair = vec![EdgeId::Stance(a), EdgeId::Stance(b)];
        assert_eq!(groups.get(&EdgeId::Stance(a)), Some(&pair));
        assert_eq!(groups.get(&EdgeId::Stance(b)), Some(&pair));
        assert_eq!(groups.get(&EdgeId::Stance(c)), None);
        assert_eq!(group_of(&map, EdgeId::Stance(b), None), pair);
        assert!(group_of(&map, EdgeId::Stance(c), None).is_empty());
        assert!(draws(EdgeId::Stance(a), &pair) && !draws(EdgeId::Stance(b), &pair));

        // A hidden twin leaves the other alone; a faded one is kept apart.
        let mut visibility = VisibilityMap::all_shown();
        visibility.set(a, Visibility::Hidden);
        assert!(merged_groups(&map, Some(&visibility)).is_empty());
        visibility.set(a, Visibility::Dimmed);
        assert!(group_of(&map, EdgeId::Stance(b), Some(&visibility)).is_empty());
    }
}
