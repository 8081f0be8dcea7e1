//! Kumu blueprints: actors and claims as elements (type, description, tags and the fields
//! Kumu shows in its profile: camp, actor kind, aliases), stances and relations as directed
//! connections with their position, signed weight, quote, source and date, and a map that
//! places every element where it stands on the canvas, in its canvas colour.

use super::colours::Palette;
use crate::model::{Map, RelationKind};
use serde_json::{Map as Object, Value, json};

fn element_id(raw: u32) -> String {
    format!("e{raw}")
}

fn put(object: &mut Object<String, Value>, key: &str, value: Option<&str>) {
    if let Some(value) = value.filter(|v| !v.is_empty()) {
        object.insert(key.to_owned(), Value::from(value));
    }
}

/// The map as a Kumu blueprint (JSON).
pub fn to_kumu_json(map: &Map) -> String {
    let palette = Palette::of(map);
    let mut elements = Vec::new();
    let mut placed = Vec::new();
    for actor in map.actors() {
        let mut e = Object::new();
        e.insert("id".into(), element_id(actor.id.0).into());
        e.insert("label".into(), actor.name.clone().into());
        e.insert("type".into(), "Actor".into());
        e.insert("Actor kind".into(), actor.kind.label().into());
        put(&mut e, "Camp", actor.camp_name());
        if !actor.aliases.is_empty() {
            e.insert("Aliases".into(), json!(actor.aliases));
        }
        if let Some(camp) = actor.camp_name() {
            e.insert("tags".into(), json!([camp]));
        }
        elements.push(Value::Object(e));
        placed.push(json!({
            "element": element_id(actor.id.0),
            "position": {"x": actor.at.x, "y": actor.at.y},
            "style": {"color": palette.actor(actor)},
        }));
    }
    for claim in map.claims() {
        let mut e = Object::new();
        e.insert("id".into(), element_id(claim.id.0).into());
        e.insert("label".into(), claim.label.clone().into());
        e.insert("type".into(), "Claim".into());
        put(&mut e, "description", Some(&claim.text));
        if !claim.tags.is_empty() {
            e.insert("tags".into(), json!(claim.tags));
        }
        put(&mut e, "Notes", claim.notes.as_deref());
        elements.push(Value::Object(e));
        placed.push(json!({
            "element": element_id(claim.id.0),
            "position": {"x": claim.at.x, "y": claim.at.y},
            "style": {"color": palette.claim()},
        }));
    }
    let mut connections = Vec::new();
    let mut styled = Vec::new();
    for stance in map.stances() {
        let mut c = Object::new();
        let id = format!("c{}", stance.id.0);
        c.insert("id".into(), id.clone().into());
        c.insert("from".into(), element_id(stance.actor.0).into());
        c.insert("to".into(), element_id(stance.claim.0).into());
        c.insert("direction".into(), "directed".into());
        c.insert("type".into(), "Stance".into());
        c.insert("label".into(), stance.position.label().into());
        c.insert("Position".into(), stance.position.label().into());
        c.insert("Weight".into(), stance.position.score().into());
        put(&mut c, "description", Some(&stance.quote));
        put(&mut c, "Translation", stance.translation.as_deref());
        let source = stance.source.and_then(|s| map.source(s));
        put(&mut c, "Source", source.map(|s| s.title.as_str()));
        put(
            &mut c,
            "Date",
            stance.date.map(|d| d.to_string()).as_deref(),
        );
        put(&mut c, "Confidence", stance.confidence.map(|c| c.label()));
        connections.push(Value::Object(c));
        styled.push(json!({
            "connection": id,
            "style": {"color": palette.stance(stance.position.polarity())},
        }));
    }
    for relation in map.relations() {
        let mut c = Object::new();
        let id = format!("c{}", relation.id.0);
        c.insert("id".into(), id.clone().into());
        c.insert("from".into(), element_id(relation.from.0).into());
        c.insert("to".into(), element_id(relation.to.0).into());
        c.insert("direction".into(), "directed".into());
        c.insert("type".into(), "Relation".into());
        c.insert("label".into(), relation.kind.label().into());
        let weight = match relation.kind {
            RelationKind::Supports => 1,
            RelationKind::Attacks => -1,
        };
        c.insert("Weight".into(), weight.into());
        put(&mut c, "description", relation.note.as_deref());
        connections.push(Value::Object(c));
        styled.push(json!({
            "connection": id,
            "style": {"color": palette.relation(relation.kind)},
        }));
    }
    let blueprint = json!({
        "elements": elements,
        "connections": connections,
        "maps": [{
            "name": map.title(),
            "description": map.description(),
            "elements": placed,
            "connections": styled,
        }],
    });
    serde_json::to_string_pretty(&blueprint).unwrap_or_default() + "\n"
}
