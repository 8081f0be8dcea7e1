//! Deciding a conflict a merge left: keep our side's value (which the map already holds) or
//! take theirs, as one edit that also drops the conflict from the list, so it undoes as one
//! step. Their value is read back from the text the conflict records; fields whose text names
//! other items (an actor, a claim, a source) or holds dates, tags or places are set by hand.

use crate::model::{
    ActorId, ActorKind, ClaimId, Confidence, Edit, Map, Position, RelationId, RelationKind,
    SourceId, StanceId,
};

/// Which side of a conflict to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Ours: the value the merged map holds.
    Ours,
    /// Theirs: the other branch's value.
    Theirs,
}

/// The edit that decides conflict `index` of `map` for `side`, or why it cannot be made.
pub fn resolution(map: &Map, index: usize, side: Side) -> Result<Edit, String> {
    let conflict = map
        .conflicts()
        .get(index)
        .ok_or_else(|| "that conflict is no longer in the map".to_owned())?;
    let mut rest = map.conflicts().to_vec();
    rest.remove(index);
    let mut edits = Vec::new();
    let chosen = match side {
        Side::Ours => &conflict.ours,
        Side::Theirs => &conflict.theirs,
    };
    match (&conflict.field, conflict.item) {
        // One side deleted the item: taking that side deletes it; the map holds the other.
        (None, Some(raw)) => {
            if chosen.is_none() {
                edits.push(remove(map, raw)?);
            }
        }
        (None, None) => {}
        (Some(field), item) => {
            if side == Side::Theirs {
                let value = chosen.as_deref().unwrap_or_default();
                edits.push(set_field(map, item, field, value)?);
            }
        }
    }
    edits.push(Edit::SetConflicts(rest));
    Ok(Edit::Batch(edits))
}

/// The edit that removes the item with this raw id.
fn remove(map: &Map, raw: u32) -> Result<Edit, String> {
    if map.source(SourceId(raw)).is_some() {
        if map.stances_citing(SourceId(raw)).next().is_some() {
            return Err("stances still cite this source; remove or change them first".into());
        }
        Ok(Edit::RemoveSource(SourceId(raw)))
    } else if map.actor(ActorId(raw)).is_some() {
        Ok(Edit::RemoveActor(ActorId(raw)))
    } else if map.claim(ClaimId(raw)).is_some() {
        Ok(Edit::RemoveClaim(ClaimId(raw)))
    } else if map.stance(StanceId(raw)).is_some() {
        Ok(Edit::RemoveStance(StanceId(raw)))
    } else if map.relation(RelationId(raw)).is_some() {
        Ok(Edit::RemoveRelation(RelationId(raw)))
    } else {
        Err(format!("item {raw} is no longer in the map"))
    }
}

/// A quoted text as the conflict records it.
fn text(value: &str) -> Result<String, String> {
    ron::from_str::<String>(value).map_err(|_| format!("cannot read {value} as a text"))
}

/// An optional text: `(none)` or a quoted text.
fn optional_text(value: &str) -> Result<Option<String>, String> {
    if value == super::show::NONE {
        Ok(None)
    } else {
        text(value).map(Some)
    }
}

/// A value named by its label, e.g. `strongly supports`.
fn labelled<T: Copy>(
    value: &str,
    all: &[T],
    label: impl Fn(T) -> &'static str,
) -> Result<T, String> {
    all.iter()
        .copied()
        .find(|v| label(*v) == value)
        .ok_or_else(|| format!("cannot read {value}"))
}

fn yes_no(value: &str) -> Result<bool, String> {
    match value {
        "yes" => Ok(true),
        "no" => Ok(false),
        other => Err(format!("cannot read {other} as yes or no")),
    }
}

/// The edit that sets one field of an item (or of the map) to the recorded value.
fn set_field(map: &Map, item: Option<u32>, field: &str, value: &str) -> Result<Edit, String> {
    let by_hand = || format!("their {field} cannot be taken from here; set it by hand");
    let Some(raw) = item else {
        let mut info = map.info();
        match field {
            "title" => info.title = text(value)?,
            "description" => info.description = text(value)?,
            _ => return Err(by_hand()),
        }
        return Ok(Edit::SetInfo(info));
    };
    if let Some(source) = map.source(SourceId(raw)) {
        let mut s = source.clone();
        match field {
            "title" => s.title = text(value)?,
            "publisher" => s.publisher = text(value)?,
            "url" => s.url = optional_text(value)?,
            "language" => s.language = optional_text(value)?,
            "notes" => s.notes = optional_text(value)?,
            "text" => s.text = optional_text(value)?,
            _ => return Err(by_hand()),
        }
        return Ok(Edit::UpdateSource(s));
    }
    if let Some(actor) = map.actor(ActorId(raw)) {
        let mut a = actor.clone();
        match field {
            "name" => a.name = text(value)?,
            "kind" => a.kind = labelled(value, &ActorKind::ALL, ActorKind::label)?,
            "camp" => a.camp = optional_text(value)?,
            "pinned" => a.pinned = yes_no(value)?,
            _ => return Err(by_hand()),
        }
        return Ok(Edit::UpdateActor(a));
    }
    if let Some(claim) = map.claim(ClaimId(raw)) {
        let mut c = claim.clone();
        match field {
            "label" => c.label = text(value)?,
            "text" => c.text = text(value)?,
            "notes" => c.notes = optional_text(value)?,
            "pinned" => c.pinned = yes_no(value)?,
            _ => return Err(by_hand()),
        }
        return Ok(Edit::UpdateClaim(c));
    }
    if let Some(stance) = map.stance(StanceId(raw)) {
        let mut s = stance.clone();
        match field {
            "position" => s.position = labelled(value, &Position::ALL, Position::label)?,
            "confidence" => {
                s.confidence = if value == super::show::NONE {
                    None
                } else {
                    Some(labelled(value, &Confidence::ALL, Confidence::label)?)
                }
            }
            "quote" => s.quote = text(value)?,
            "translation" => s.translation = optional_text(value)?,
            "notes" => s.notes = optional_text(value)?,
            _ => return Err(by_hand()),
        }
        return Ok(Edit::UpdateStance(s));
    }
    if let Some(relation) = map.relation(RelationId(raw)) {
        let mut r = relation.clone();
        match field {
            "kind" => r.kind = labelled(value, &RelationKind::ALL, RelationKind::label)?,
            "note" => r.note = optional_text(value)?,
            _ => return Err(by_hand()),
        }
        return Ok(Edit::UpdateRelation(r));
    }
    Err(format!("item {raw} is no longer in the map"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::teams::merge::merge_maps;
    use crate::testing::MapBuilder;

    /// A merged map with conflicts on a stance's quote and position and on a claim's label.
    fn conflicted() -> (Map, StanceId, ClaimId) {
        let (base, names) = MapBuilder::new()
            .actor("Putin", "Russia")
            .claim("NATO")
            .stance("Putin", "NATO", Position::Supports)
            .build();
        let (stance, claim) = (names.stances[0], names.claim("NATO"));
        let side = |quote: &str, position, label: &str| {
            let mut map = base.clone();
            let mut s = map.stance(stance).unwrap().clone();
            s.quote = quote.into();
            s.position = position;
            let mut c = map.claim(claim).unwrap().clone();
            c.label = label.into();
            map.apply(Edit::Batch(vec![
                Edit::UpdateStance(s),
                Edit::UpdateClaim(c),
            ]))
            .unwrap();
            map
        };
        let ours = side("我們的 \"words\"", Position::Opposes, "NATO east");
        let theirs = side(
            "their \"words\"\nsecond line",
            Position::StronglySupports,
            "北約",
        );
        (
            merge_maps(&base, &ours, &theirs).unwrap().map,
            stance,
            claim,
        )
    }

    #[test]
    fn taking_theirs_sets_the_field_and_drops_the_conflict_in_one_undoable_step() {
        let (mut map, stance, claim) = conflicted();
        assert_eq!(map.conflicts().len(), 3);
        let before = map.clone();
        for _ in 0..3 {
            let edit = resolution(&map, 0, Side::Theirs).unwrap();
            map.apply(edit).unwrap();
        }
        assert!(map.conflicts().is_empty());
        assert_eq!(map.claim(claim).unwrap().label, "北約");
        let s = map.stance(stance).unwrap();
        assert_eq!(s.quote, "their \"words\"\nsecond line");
        assert_eq!(s.position, Position::StronglySupports);

        let mut undone = before.clone();
        let change = undone
            .apply_recorded(resolution(&before, 0, Side::Theirs).unwrap())
            .unwrap();
        undone.undo_change(&change);
        assert_eq!(undone, before, "one edit, undone whole");
    }

    #[test]
    fn keeping_ours_only_drops_the_conflict() {
        let (mut map, stance, _) = conflicted();
        let quote = map.stance(stance).unwrap().quote.clone();
        let edit = resolution(&map, 0, Side::Ours).unwrap();
        map.apply(edit).unwrap();
        assert_eq!(map.conflicts().len(), 2);
        assert_eq!(map.stance(stance).unwrap().quote, quote);
    }

    #[test]
    fn a_deletion_is_taken_by_removing_the_item() {
        let (base, names) = MapBuilder::new()
            .actor("Putin", "Russia")
            .claim("NATO")
            .stance("Putin", "NATO", Position::Supports)
            .build();
        let stance = names.stances[0];
        let mut ours = base.clone();
        ours.apply(Edit::RemoveStance(stance)).unwrap();
        let mut theirs = base.clone();
        let mut s = theirs.stance(stance).unwrap().clone();
        s.quote = "changed".into();
        theirs.apply(Edit::UpdateStance(s)).unwrap();
        let mut map = merge_maps(&base, &ours, &theirs).unwrap().map;
        assert!(map.stance(stance).is_some());
        map.apply(resolution(&map, 0, Side::Ours).unwrap()).unwrap();
        assert!(map.stance(stance).is_none(), "ours deleted it");
        assert!(map.conflicts().is_empty());
    }

    #[test]
    fn fields_naming_other_items_are_left_to_the_analyst() {
        let (mut map, names) = MapBuilder::new()
            .actor("Putin", "Russia")
            .claim("NATO")
            .build();
        let raw = match names.node("Putin") {
            crate::model::NodeId::Actor(a) => a.0,
            crate::model::NodeId::Claim(c) => c.0,
        };
        map.apply(Edit::SetConflicts(vec![crate::model::Conflict {
            item: Some(raw),
            field: Some("aliases".into()),
            base: None,
            ours: Some("[]".into()),
            theirs: Some("[\"普京\"]".into()),
        }]))
        .unwrap();
        let error = resolution(&map, 0, Side::Theirs).unwrap_err();
        assert!(error.contains("by hand"), "{error}");
        assert!(resolution(&map, 0, Side::Ours).is_ok());
        assert!(resolution(&map, 5, Side::Ours).is_err());
    }
}
