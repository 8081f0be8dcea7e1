//! Another stancemap map as a draft, so one map can be imported into another: its items are
//! matched by name like any imported file's, and keep their positions and details.

use super::draft::{ActorDraft, ClaimDraft, Draft, Record, SourceDraft, StanceDraft};
use super::report::Origin;
use crate::model::{Actor, Claim, Map, Source};

/// Every item of `map` as a record, sources, actors and claims first.
pub fn draft_of_map(map: &Map) -> Draft {
    let mut draft = Draft {
        title: Some(map.title().to_owned()),
        description: Some(map.description().to_owned()).filter(|d| !d.is_empty()),
        records: Vec::new(),
    };
    let origin = |id: u32| Origin::Element(format!("item {id}"));
    for source in map.sources() {
        draft.push(origin(source.id.0), Record::Source(source_draft(source)));
    }
    for actor in map.actors() {
        draft.push(origin(actor.id.0), Record::Actor(actor_draft(actor)));
    }
    for claim in map.claims() {
        draft.push(origin(claim.id.0), Record::Claim(claim_draft(claim)));
    }
    for stance in map.stances() {
        let (Some(actor), Some(claim)) = (map.actor(stance.actor), map.claim(stance.claim)) else {
            continue;
        };
        draft.push(
            origin(stance.id.0),
            Record::Stance {
                actor: actor_draft(actor),
                claim: claim_draft(claim),
                source: stance.source.and_then(|s| map.source(s)).map(source_draft),
                stance: StanceDraft {
                    position: stance.position,
                    confidence: stance.confidence,
                    quote: stance.quote.clone(),
                    translation: stance.translation.clone(),
                    date: stance.date,
                    notes: stance.notes.clone(),
                },
            },
        );
    }
    for relation in map.relations() {
        let (Some(from), Some(to)) = (map.claim(relation.from), map.claim(relation.to)) else {
            continue;
        };
        draft.push(
            origin(relation.id.0),
            Record::Relation {
                from: claim_draft(from),
                to: claim_draft(to),
                kind: relation.kind,
                note: relation.note.clone(),
            },
        );
    }
    draft
}

fn source_draft(source: &Source) -> SourceDraft {
    SourceDraft {
        title: source.title.clone(),
        publisher: Some(source.publisher.clone()),
        date: source.date,
        url: source.url.clone(),
        language: source.language.clone(),
        notes: source.notes.clone(),
    }
}

fn actor_draft(actor: &Actor) -> ActorDraft {
    ActorDraft {
        name: actor.name.clone(),
        kind: Some(actor.kind),
        camp: actor.camp.clone(),
        aliases: actor.aliases.clone(),
        colour: actor.colour,
        at: Some(actor.at),
    }
}

fn claim_draft(claim: &Claim) -> ClaimDraft {
    ClaimDraft {
        label: claim.label.clone(),
        text: Some(claim.text.clone()),
        tags: claim.tags.clone(),
        notes: claim.notes.clone(),
        at: Some(claim.at),
    }
}
