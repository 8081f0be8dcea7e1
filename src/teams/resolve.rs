//! Deciding a conflict a merge left: keep our side's value (which the map already holds) or
//! take theirs, as one edit that also drops the conflict from the list, so it undoes as one
//! step. Their value is read back from the text the conflict records: texts, labels, dates,
//! lists, colours, places, and the items a field names (an actor, a claim, a source), found
//! by the name recorded when exactly one item here bears it.

use super::show::Show;
use crate::model::{
    ActorId, ActorKind, ClaimId, Colour, Confidence, Date, Edit, Map, Point, Position, RelationId,
    RelationKind, SourceId, StanceId,
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

/// A date, or none.
fn optional_date(value: &str) -> Result<Option<Date>, String> {
    if value == super::show::NONE {
        return Ok(None);
    }
    value
        .parse::<Date>()
        .map(Some)
        .map_err(|_| format!("cannot read {value} as a date"))
}

/// A list of texts, e.g. `["普京", "Putin"]`.
fn texts(value: &str) -> Result<Vec<String>, String> {
    ron::from_str::<Vec<String>>(value).map_err(|_| format!("cannot read {value} as a list"))
}

/// A colour like `#1f77b4`, or none.
fn optional_colour(value: &str) -> Result<Option<Colour>, String> {
    if value == super::show::NONE {
        return Ok(None);
    }
    value.parse::<Colour>().map(Some).map_err(|e| e.to_string())
}

/// A place on the canvas, `(x, y)`.
fn point(value: &str) -> Result<Point, String> {
    let bad = || format!("cannot read {value} as a place");
    let inner = value
        .strip_prefix('(')
        .and_then(|v| v.strip_suffix(')'))
        .ok_or_else(bad)?;
    let (x, y) = inner.split_once(',').ok_or_else(bad)?;
    let x: f32 = x.trim().parse().map_err(|_| bad())?;
    let y: f32 = y.trim().parse().map_err(|_| bad())?;
    Ok(Point::new(x, y))
}

/// The one item whose name reads as `value` (the merge recorded their side's item by name,
/// or by id when it had none), or why there is not exactly one.
fn named<I: Copy + Show>(
    value: &str,
    what: &str,
    map: &Map,
    ids: impl Iterator<Item = I>,
) -> Result<I, String> {
    let found: Vec<I> = ids.filter(|id| id.show(map) == value).collect();
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(format!("no {what} here is called {value}; set it by hand")),
        _ => Err(format!(
            "{} {what}s here are called {value}; set it by hand",
            found.len()
        )),
    }
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
            "created" => info.created = optional_date(value)?,
            "modified" => info.modified = optional_date(value)?,
            _ => return Err(by_hand()),
        }
        return Ok(Edit::SetInfo(info));
    };
    if let Some(source) = map.source(SourceId(raw)) {
        let mut s = source.clone();
        match field {
            "title" => s.title = text(value)?,
            "publisher" => s.publisher = text(value)?,
            "date" => s.date = optional_date(value)?,
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
            "aliases" => a.aliases = texts(value)?,
            "colour" => a.colour = optional_colour(value)?,
            "at" => a.at = point(value)?,
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
            "tags" => c.tags = texts(value)?,
            "at" => c.at = point(value)?,
            "pinned" => c.pinned = yes_no(value)?,
            _ => return Err(by_hand()),
        }
        return Ok(Edit::UpdateClaim(c));
    }
    if let Some(stance) = map.stance(StanceId(raw)) {
        let mut s = stance.clone();
        match field {
            "actor" => s.actor = named(value, "actor", map, map.actors().map(|a| a.id))?,
            "claim" => s.claim = named(value, "claim", map, map.claims().map(|c| c.id))?,
            "source" => {
                s.source = if value == super::show::NONE {
                    None
                } else {
                    Some(named(value, "source", map, map.sources().map(|s| s.id))?)
                }
            }
            "date" => s.date = optional_date(value)?,
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
            "from" => r.from = named(value, "claim", map, map.claims().map(|c| c.id))?,
            "to" => r.to = named(value, "claim", map, map.claims().map(|c| c.id))?,
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

    /// A map with Putin, Lavrov, a claim and a stance, and a conflict on `field` of `item`
    /// whose theirs is `theirs`.
    fn with_conflict(
        field: &str,
        theirs: &str,
        item: impl Fn(&crate::testing::Names, &Map) -> u32,
    ) -> Map {
        let (mut map, names) = MapBuilder::new()
            .actor("Putin", "Russia")
            .actor("Lavrov", "Russia")
            .claim("NATO")
            .claim("Sanctions")
            .source("Xinhua", None)
            .stance("Putin", "NATO", Position::Supports)
            .relation("NATO", "Sanctions", RelationKind::Supports)
            .build();
        let raw = item(&names, &map);
        map.apply(Edit::SetConflicts(vec![crate::model::Conflict {
            item: Some(raw),
            field: Some(field.into()),
            base: None,
            ours: Some("(ours)".into()),
            theirs: Some(theirs.into()),
        }]))
        .unwrap();
        map
    }

    /// Takes theirs for the first conflict, which then leaves the list.
    fn take_theirs(map: &mut Map) -> Result<(), String> {
        let left = map.conflicts().len();
        let edit = resolution(map, 0, Side::Theirs)?;
        map.apply(edit).map_err(|e| e.to_string())?;
        assert_eq!(map.conflicts().len(), left - 1);
        Ok(())
    }

    #[test]
    fn theirs_is_taken_for_lists_colours_places_dates_and_named_items() {
        let actor = |n: &crate::testing::Names, _: &Map| n.actor("Putin").0;
        let claim = |n: &crate::testing::Names, _: &Map| n.claim("NATO").0;
        let stance = |n: &crate::testing::Names, _: &Map| n.stances[0].0;
        let source = |_: &crate::testing::Names, m: &Map| m.sources().next().unwrap().id.0;
        let relation = |_: &crate::testing::Names, m: &Map| m.relations().next().unwrap().id.0;

        let mut map = with_conflict("aliases", "[\"普京\", \"V. Putin\"]", actor);
        take_theirs(&mut map).unwrap();
        let putin = map.actors().find(|a| a.name == "Putin").unwrap();
        assert_eq!(putin.aliases, ["普京", "V. Putin"]);

        let mut map = with_conflict("colour", "#1f77b4", actor);
        take_theirs(&mut map).unwrap();
        let putin = map.actors().find(|a| a.name == "Putin").unwrap();
        assert_eq!(putin.colour, Some(Colour::rgb(0x1f, 0x77, 0xb4)));

        let mut map = with_conflict("at", "(1.5, -200)", claim);
        take_theirs(&mut map).unwrap();
        let nato = map.claims().find(|c| c.label == "NATO").unwrap();
        assert_eq!(nato.at, Point::new(1.5, -200.0));

        let mut map = with_conflict("tags", "[\"nato\"]", claim);
        take_theirs(&mut map).unwrap();
        assert_eq!(
            map.claims().find(|c| c.label == "NATO").unwrap().tags,
            ["nato"]
        );

        let mut map = with_conflict("date", "2021-12-07", source);
        take_theirs(&mut map).unwrap();
        assert_eq!(
            map.sources().next().unwrap().date,
            Some(Date::constant(2021, 12, 7))
        );

        let mut map = with_conflict("actor", "\"Lavrov\"", stance);
        take_theirs(&mut map).unwrap();
        let lavrov = map.actors().find(|a| a.name == "Lavrov").unwrap().id;
        assert_eq!(map.stances().next().unwrap().actor, lavrov);

        let mut map = with_conflict("source", "\"Xinhua\"", stance);
        take_theirs(&mut map).unwrap();
        assert!(map.stances().next().unwrap().source.is_some());

        let mut map = with_conflict("date", "(none)", stance);
        take_theirs(&mut map).unwrap();
        assert_eq!(map.stances().next().unwrap().date, None);

        let mut map = with_conflict("to", "\"NATO\"", relation);
        let error = take_theirs(&mut map).unwrap_err();
        assert!(
            error.contains("differ") || error.contains("itself"),
            "{error}"
        );
        let mut map = with_conflict("to", "\"Sanctions\"", relation);
        take_theirs(&mut map).unwrap();
    }

    #[test]
    fn every_field_a_real_merge_leaves_in_conflict_can_take_theirs() {
        let (base, names) = MapBuilder::new()
            .actor("Putin", "Russia")
            .actor("Lavrov", "Russia")
            .actor("Biden", "United States")
            .claim("NATO")
            .stance("Putin", "NATO", Position::Supports)
            .build();
        let side = |speaker: &str, alias: &str, x: f32| {
            let mut map = base.clone();
            let mut stance = map.stance(names.stances[0]).unwrap().clone();
            stance.actor = names.actor(speaker);
            let mut putin = map.actor(names.actor("Putin")).unwrap().clone();
            putin.aliases = vec![alias.to_owned()];
            putin.at = Point::new(x, x);
            map.apply(Edit::Batch(vec![
                Edit::UpdateStance(stance),
                Edit::UpdateActor(putin),
            ]))
            .unwrap();
            map
        };
        let ours = side("Lavrov", "V. V. Putin", 1.0);
        let theirs = side("Biden", "普京", 2.0);
        let mut map = merge_maps(&base, &ours, &theirs).unwrap().map;
        assert_eq!(map.conflicts().len(), 3, "{:?}", map.conflicts());
        while !map.conflicts().is_empty() {
            take_theirs(&mut map).unwrap();
        }
        let putin = map.actor(names.actor("Putin")).unwrap();
        assert_eq!(putin.aliases, ["普京"]);
        assert_eq!(putin.at, Point::new(2.0, 2.0));
        assert_eq!(
            map.stance(names.stances[0]).unwrap().actor,
            names.actor("Biden")
        );
    }

    #[test]
    fn a_name_that_fits_no_item_or_several_is_left_to_the_analyst() {
        let stance = |n: &crate::testing::Names, _: &Map| n.stances[0].0;
        let mut map = with_conflict("actor", "\"Biden\"", stance);
        let error = resolution(&map, 0, Side::Theirs).unwrap_err();
        assert!(error.contains("by hand"), "{error}");
        assert!(resolution(&map, 0, Side::Ours).is_ok());
        assert!(resolution(&map, 5, Side::Ours).is_err());

        // Two claims with one label: which one is meant cannot be told.
        let claim = map
            .claims()
            .find(|c| c.label == "Sanctions")
            .unwrap()
            .clone();
        map.apply(Edit::UpdateClaim(crate::model::Claim {
            label: "NATO".into(),
            ..claim
        }))
        .unwrap();
        let stance = map.stances().next().unwrap().id.0;
        map.apply(Edit::SetConflicts(vec![crate::model::Conflict {
            item: Some(stance),
            field: Some("claim".into()),
            base: None,
            ours: None,
            theirs: Some("\"NATO\"".into()),
        }]))
        .unwrap();
        let error = resolution(&map, 0, Side::Theirs).unwrap_err();
        assert!(error.contains("2 claims here are called"), "{error}");

        let mut map = with_conflict("at", "(x, 1)", |n, _| n.claim("NATO").0);
        let error = resolution(&map, 0, Side::Theirs).unwrap_err();
        assert!(error.contains("cannot read (x, 1) as a place"), "{error}");
        map.apply(resolution(&map, 0, Side::Ours).unwrap()).unwrap();
    }
}
