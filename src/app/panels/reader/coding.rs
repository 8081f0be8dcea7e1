//! Turning a coded selection into edits: the stance with the exact selected text as its quote,
//! the source and the date, and any new actor or claim it needs, placed next to what it
//! connects to, all in one batch (one undo step); and the date a new stance starts with.

use crate::model::{
    Actor, ActorId, ActorKind, Claim, ClaimId, Date, Edit, Map, Point, Position, SourceId, Stance,
    StanceId,
};

/// How far left of its claim a new actor goes (and right of its actor a new claim), in map
/// units; the app then moves new nodes clear of others.
const BESIDE: f32 = 320.0;

/// An end of the new stance: an item the map has, or one to create with this name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice<K> {
    /// An existing actor or claim.
    Existing(K),
    /// A new actor (named) or claim (labelled) with this text.
    New(String),
}

/// Everything the coding form gathered.
#[derive(Debug, Clone, PartialEq)]
pub struct Coding {
    /// Who takes the position.
    pub actor: Choice<ActorId>,
    /// On what.
    pub claim: Choice<ClaimId>,
    /// The position taken.
    pub position: Position,
    /// The exact selected text.
    pub quote: String,
    /// The source the text comes from.
    pub source: SourceId,
    /// When the position was stated (the form starts from the source's date).
    pub date: Option<Date>,
}

/// The batch that adds the coded stance (and its new actor and claim), and the new stance's
/// id. New nodes are not pinned, so layouts may move them. `near` is where new nodes go when
/// neither end exists yet (the middle of the canvas view).
pub fn coding_edit(map: &Map, coding: &Coding, near: Point) -> (Edit, StanceId) {
    let mut ids = map.id_allocator();
    let mut edits = Vec::new();
    let actor_at = match &coding.actor {
        Choice::Existing(id) => map.actor(*id).map(|a| a.at),
        Choice::New(_) => None,
    };
    let claim_at = match &coding.claim {
        Choice::Existing(id) => map.claim(*id).map(|c| c.at),
        Choice::New(_) => None,
    };
    let actor = match &coding.actor {
        Choice::Existing(id) => *id,
        Choice::New(name) => {
            let id = ids.actor();
            let at = claim_at.map_or(near, |c| Point::new(c.x - BESIDE, c.y));
            edits.push(Edit::AddActor(Actor::new(
                id,
                name.trim(),
                ActorKind::Person,
                at,
            )));
            id
        }
    };
    let claim = match &coding.claim {
        Choice::Existing(id) => *id,
        Choice::New(label) => {
            let id = ids.claim();
            let from = actor_at.unwrap_or(near);
            let at = Point::new(from.x + BESIDE, from.y);
            edits.push(Edit::AddClaim(Claim::new(id, label.trim(), at)));
            id
        }
    };
    let id = ids.stance();
    let mut stance = Stance::new(id, actor, claim, coding.position);
    stance.quote = coding.quote.clone();
    stance.source = Some(coding.source);
    stance.date = coding.date;
    edits.push(Edit::AddStance(stance));
    (Edit::Batch(edits), id)
}

/// The date a new stance from `source` starts with: the date most of the stances already
/// coded from it have (ties go to the latest coded), else the source's own date. An article
/// dated the day after the call it reports gives most quotes the call's day; one quote of an
/// earlier speech does not change that for the next.
pub fn usual_date(map: &Map, source: SourceId) -> Option<Date> {
    let mut counts: Vec<(Date, usize, StanceId)> = Vec::new();
    for stance in map.stances_citing(source) {
        let Some(date) = stance.date else { continue };
        match counts.iter_mut().find(|(d, ..)| *d == date) {
            Some((_, count, latest)) => {
                *count += 1;
                *latest = (*latest).max(stance.id);
            }
            None => counts.push((date, 1, stance.id)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(_, count, latest)| (count, latest))
        .map(|(date, ..)| date)
        .or_else(|| map.source(source).and_then(|s| s.date))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Source;

    fn map() -> (Map, SourceId, ClaimId) {
        let mut map = Map::new("t");
        let source = map.id_allocator().source();
        let mut s = Source::new(source, "Article", "Xinhua");
        s.date = Some(Date::constant(2021, 12, 8));
        s.text = Some("普京說北約不得東擴。".into());
        map.apply(Edit::AddSource(s)).unwrap();
        let claim = map.id_allocator().claim();
        map.apply(Edit::AddClaim(Claim::new(
            claim,
            "No NATO expansion",
            Point::new(100.0, 50.0),
        )))
        .unwrap();
        (map, source, claim)
    }

    #[test]
    fn a_new_actor_on_an_existing_claim_is_one_batch_with_the_source_and_its_date() {
        let (mut map, source, claim) = map();
        let coding = Coding {
            actor: Choice::New("Putin".into()),
            claim: Choice::Existing(claim),
            position: Position::StronglySupports,
            quote: "北約不得東擴".into(),
            source,
            date: map.source(source).and_then(|s| s.date),
        };
        let (edit, id) = coding_edit(&map, &coding, Point::default());
        map.apply(edit).unwrap();
        let stance = map.stance(id).unwrap();
        assert_eq!(stance.quote, "北約不得東擴");
        assert_eq!(stance.source, Some(source));
        assert_eq!(stance.date, Some(Date::constant(2021, 12, 8)));
        let actor = map.actor(stance.actor).unwrap();
        assert_eq!(actor.name, "Putin");
        assert!(!actor.pinned);
        assert_eq!(actor.at, Point::new(100.0 - BESIDE, 50.0));
    }

    #[test]
    fn a_new_actor_and_a_new_claim_go_side_by_side() {
        let (mut map, source, _) = map();
        let coding = Coding {
            actor: Choice::New("Biden".into()),
            claim: Choice::New("No troops to Ukraine".into()),
            position: Position::Supports,
            quote: "普京".into(),
            source,
            date: None,
        };
        let (edit, id) = coding_edit(&map, &coding, Point::new(10.0, 10.0));
        map.apply(edit).unwrap();
        let stance = map.stance(id).unwrap();
        let claim = map.claim(stance.claim).unwrap();
        assert_eq!(claim.label, "No troops to Ukraine");
        assert!(!claim.pinned);
        assert_eq!(claim.at, Point::new(10.0 + BESIDE, 10.0));
    }

    #[test]
    fn a_new_stance_starts_with_the_date_most_stances_from_its_source_have() {
        let (mut map, source, claim) = map();
        assert_eq!(usual_date(&map, source), Some(Date::constant(2021, 12, 8)));
        let call = Date::constant(2021, 12, 7);
        let speech = Date::constant(2021, 11, 18);
        for (name, date) in [("Putin", call), ("Lavrov", speech), ("Peskov", call)] {
            let coding = Coding {
                actor: Choice::New(name.into()),
                claim: Choice::Existing(claim),
                position: Position::Supports,
                quote: "北約不得東擴".into(),
                source,
                date: Some(date),
            };
            let (edit, _) = coding_edit(&map, &coding, Point::default());
            map.apply(edit).unwrap();
            if name == "Lavrov" {
                // One each: the tie goes to the latest coded.
                assert_eq!(usual_date(&map, source), Some(speech));
            }
        }
        // The earlier speech's date does not carry over to the next quote.
        assert_eq!(usual_date(&map, source), Some(call));
    }
}
