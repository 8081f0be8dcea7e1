//! New nodes never land on others: before an edit that adds nodes (a new claim or actor, a
//! paste, a duplicate) is applied, its nodes move together to the nearest free room.

use crate::app::StanceApp;
use crate::layout::room_for_group;
use crate::model::{Edit, Map, NodeId, Point};
use crate::scene::{Style, Theme};

impl StanceApp {
    /// `edit`, with the nodes it adds moved as one group to the nearest spot where none of
    /// them lands on or crowds another node. Edits that add no nodes, and edits the map
    /// refuses (the real apply reports why), pass unchanged.
    pub(in crate::app) fn with_room_made(&self, edit: Edit) -> Edit {
        let mut added = Vec::new();
        added_nodes(&edit, &mut added);
        if added.is_empty() {
            return edit;
        }
        let (dx, dy) = match room_needed(self.doc.map(), &edit, &added) {
            Some(shift) => shift,
            None => return edit,
        };
        if dx == 0.0 && dy == 0.0 {
            return edit;
        }
        shift_added(edit, dx, dy)
    }
}

/// The move the added nodes need, found on a copy of the map with the edit applied; `None`
/// if the map refuses the edit.
fn room_needed(map: &Map, edit: &Edit, added: &[NodeId]) -> Option<(f32, f32)> {
    let mut probe = map.clone();
    probe.apply(edit.clone()).ok()?;
    // Box sizes do not depend on the theme.
    Some(room_for_group(&probe, &Style::new(Theme::Light), added))
}

/// The nodes `edit` adds, in order.
fn added_nodes(edit: &Edit, out: &mut Vec<NodeId>) {
    match edit {
        Edit::AddActor(actor) => out.push(actor.id.into()),
        Edit::AddClaim(claim) => out.push(claim.id.into()),
        Edit::Batch(edits) => edits.iter().for_each(|e| added_nodes(e, out)),
        _ => {}
    }
}

/// `edit` with the nodes it adds moved by `(dx, dy)`.
fn shift_added(edit: Edit, dx: f32, dy: f32) -> Edit {
    let moved = |at: Point| Point::new((at.x + dx).round(), (at.y + dy).round());
    match edit {
        Edit::AddActor(mut actor) => {
            actor.at = moved(actor.at);
            Edit::AddActor(actor)
        }
        Edit::AddClaim(mut claim) => {
            claim.at = moved(claim.at);
            Edit::AddClaim(claim)
        }
        Edit::Batch(edits) => {
            Edit::Batch(edits.into_iter().map(|e| shift_added(e, dx, dy)).collect())
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{NEW_NODE_GAP, map_overlaps};
    use crate::model::{Actor, ActorKind, Claim};

    fn map_with_claim_at_origin() -> Map {
        let mut map = Map::new("t");
        let id = map.id_allocator().claim();
        map.apply(Edit::AddClaim(Claim::new(
            id,
            "NATO expansion",
            Point::default(),
        )))
        .unwrap();
        map
    }

    #[test]
    fn a_node_added_on_top_of_another_is_moved_clear() {
        let mut map = map_with_claim_at_origin();
        let app = StanceApp::new(map.clone(), None);
        let id = map.id_allocator().actor();
        let edit = app.with_room_made(Edit::AddActor(Actor::new(
            id,
            "Putin",
            ActorKind::Person,
            Point::new(5.0, 5.0),
        )));
        map.apply(edit).unwrap();
        assert_ne!(map.node_position(id.into()), Some(Point::new(5.0, 5.0)));
        let style = Style::new(Theme::Light);
        assert!(map_overlaps(&map, &style, NEW_NODE_GAP - 1.0).is_empty());
    }

    #[test]
    fn a_node_added_in_open_space_stays_where_it_was_put() {
        let map = map_with_claim_at_origin();
        let app = StanceApp::new(map.clone(), None);
        let id = map.id_allocator().actor();
        let edit = Edit::AddActor(Actor::new(
            id,
            "Putin",
            ActorKind::Person,
            Point::new(0.0, 500.0),
        ));
        assert_eq!(app.with_room_made(edit.clone()), edit);
    }

    #[test]
    fn edits_that_add_no_nodes_pass_unchanged() {
        let map = map_with_claim_at_origin();
        let app = StanceApp::new(map.clone(), None);
        let claim = map.claims().next().unwrap().id;
        let edit = Edit::RemoveClaim(claim);
        assert_eq!(app.with_room_made(edit.clone()), edit);
    }
}
