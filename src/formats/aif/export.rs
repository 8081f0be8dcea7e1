//! Writing a map as AIF JSON (see the module documentation for what maps to what).

use super::extension::{ActorExtra, ClaimExtra, Extension, SourceExtra, StanceExtra};
use super::illocution;
use crate::model::{Date, Map, RelationKind};
use serde::Serialize;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Node {
    #[serde(rename = "nodeID")]
    node_id: String,
    text: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    scheme: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    timestamp: Option<String>,
}

#[derive(Serialize)]
struct Edge {
    #[serde(rename = "edgeID")]
    edge_id: String,
    #[serde(rename = "fromID")]
    from_id: String,
    #[serde(rename = "toID")]
    to_id: String,
    #[serde(rename = "formEdgeID")]
    form_edge_id: Option<String>,
}

#[derive(Serialize)]
struct Locution {
    #[serde(rename = "nodeID")]
    node_id: String,
    #[serde(rename = "personID")]
    person_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    timestamp: Option<String>,
    start: Option<String>,
    end: Option<String>,
    source: Option<String>,
}

#[derive(Serialize)]
struct Participant {
    #[serde(rename = "participantID")]
    participant_id: String,
    firstname: String,
    surname: String,
}

#[derive(Serialize)]
struct Document {
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    locutions: Vec<Locution>,
    participants: Vec<Participant>,
    stancemap: Extension,
}

/// AIF's timestamp form, `YYYY-MM-DD HH:MM:SS`, for a day.
fn timestamp(date: Date) -> String {
    format!("{date} 00:00:00")
}

/// A first name and surname: the last word is the surname (names in scripts without spaces
/// are all first name).
fn split_name(name: &str) -> (String, String) {
    match name.trim().rsplit_once(' ') {
        Some((first, last)) => (first.trim().to_owned(), last.to_owned()),
        None => (name.trim().to_owned(), String::new()),
    }
}

/// The map as AIF JSON text.
pub fn to_aif_json(map: &Map) -> String {
    let stamp = map.modified().or(map.created()).map(timestamp);
    let mut doc = Document {
        nodes: Vec::new(),
        edges: Vec::new(),
        locutions: Vec::new(),
        participants: Vec::new(),
        stancemap: Extension {
            title: map.title().to_owned(),
            description: map.description().to_owned(),
            ..Extension::default()
        },
    };
    // AIF node ids: the items' own ids, then fresh numbers for the RA, CA and YA nodes.
    let mut next = map.next_id();
    let mut fresh = || {
        let id = next;
        next = next.saturating_add(1);
        id.to_string()
    };
    let edge = |from: String, to: String, edges: &mut Vec<Edge>| {
        let edge_id = (edges.len() + 1).to_string();
        edges.push(Edge {
            edge_id,
            from_id: from,
            to_id: to,
            form_edge_id: None,
        });
    };
    for claim in map.claims() {
        let id = claim.id.0.to_string();
        doc.nodes.push(Node {
            node_id: id.clone(),
            text: claim.text.clone(),
            kind: "I",
            scheme: None,
            timestamp: stamp.clone(),
        });
        doc.stancemap.claims.insert(
            id,
            ClaimExtra {
                label: claim.label.clone(),
                tags: claim.tags.clone(),
                notes: claim.notes.clone(),
                x: claim.at.x,
                y: claim.at.y,
            },
        );
    }
    for relation in map.relations() {
        let id = fresh();
        let (kind, text) = match relation.kind {
            RelationKind::Supports => ("RA", "Default Inference"),
            RelationKind::Attacks => ("CA", "Default Conflict"),
        };
        doc.nodes.push(Node {
            node_id: id.clone(),
            text: text.to_owned(),
            kind,
            scheme: Some(text),
            timestamp: stamp.clone(),
        });
        edge(relation.from.0.to_string(), id.clone(), &mut doc.edges);
        edge(id.clone(), relation.to.0.to_string(), &mut doc.edges);
        if let Some(note) = &relation.note {
            doc.stancemap.relations.insert(id, note.clone());
        }
    }
    for actor in map.actors() {
        let id = actor.id.0.to_string();
        let (firstname, surname) = split_name(&actor.name);
        doc.participants.push(Participant {
            participant_id: id.clone(),
            firstname,
            surname,
        });
        doc.stancemap.actors.insert(
            id,
            ActorExtra {
                name: actor.name.clone(),
                kind: actor.kind.label().to_owned(),
                camp: actor.camp.clone(),
                aliases: actor.aliases.clone(),
                colour: actor.colour.map(|c| c.to_string()),
                x: actor.at.x,
                y: actor.at.y,
            },
        );
    }
    for stance in map.stances() {
        let Some(actor) = map.actor(stance.actor) else {
            continue;
        };
        let id = stance.id.0.to_string();
        let source = stance.source.and_then(|s| map.source(s));
        let said = stance.date.map(timestamp);
        doc.nodes.push(Node {
            node_id: id.clone(),
            text: format!("{}: {}", actor.name, stance.quote),
            kind: "L",
            scheme: None,
            timestamp: said.clone().or_else(|| stamp.clone()),
        });
        doc.locutions.push(Locution {
            node_id: id.clone(),
            person_id: actor.id.0.to_string(),
            timestamp: said.clone().or_else(|| stamp.clone()),
            start: said,
            end: None,
            source: source.map(|s| s.title.clone()),
        });
        let ya = fresh();
        let illocution = illocution(stance.position.polarity());
        doc.nodes.push(Node {
            node_id: ya.clone(),
            text: illocution.to_owned(),
            kind: "YA",
            scheme: Some(illocution),
            timestamp: stamp.clone(),
        });
        edge(id.clone(), ya.clone(), &mut doc.edges);
        edge(ya, stance.claim.0.to_string(), &mut doc.edges);
        doc.stancemap.stances.insert(
            id,
            StanceExtra {
                position: stance.position.label().to_owned(),
                quote: stance.quote.clone(),
                translation: stance.translation.clone(),
                confidence: stance.confidence.map(|c| c.label().to_owned()),
                date: stance.date.map(|d| d.to_string()),
                source: source.map(|s| s.title.clone()),
                notes: stance.notes.clone(),
            },
        );
    }
    doc.stancemap.sources = map
        .sources()
        .map(|s| SourceExtra {
            title: s.title.clone(),
            publisher: s.publisher.clone(),
            date: s.date.map(|d| d.to_string()),
            url: s.url.clone(),
            language: s.language.clone(),
            notes: s.notes.clone(),
        })
        .collect();
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}
