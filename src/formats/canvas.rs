//! JSON Canvas 1.0 (Obsidian's `.canvas`): every actor and claim as a text card where it
//! stands on the canvas (whole units, as the format asks), as large as the canvas draws it
//! and in its colour; stances and
//! relations as labelled arrows in their colours.

use super::colours::Palette;
use crate::model::{Map, NodeId};
use crate::scene::Scene;
use serde_json::{Value, json};

/// Markdown text with the characters that would start markup escaped.
fn markdown(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len() + 4);
    for c in raw.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '#' | '`' | '<' | '>' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The map as JSON Canvas text.
pub fn to_json_canvas(map: &Map) -> String {
    let palette = Palette::of(map);
    let scene = Scene::build(map, palette.style());
    // Card corner and size: the node's box on the canvas, rounded to whole units.
    let card = |id: NodeId, at: crate::model::Point| match scene.node(id) {
        Some(item) => (
            item.bounds.min.x.round() as i64,
            item.bounds.min.y.round() as i64,
            item.bounds.width().round().max(40.0) as i64,
            item.bounds.height().round().max(30.0) as i64,
        ),
        None => (at.x.round() as i64 - 80, at.y.round() as i64 - 30, 160, 60),
    };
    let mut nodes = Vec::new();
    for actor in map.actors() {
        let (x, y, width, height) = card(actor.id.into(), actor.at);
        let mut text = format!("**{}**\n\n{}", markdown(&actor.name), actor.kind.label());
        if let Some(camp) = actor.camp_name() {
            text.push_str(&format!(", {}", markdown(camp)));
        }
        nodes.push(json!({
            "id": format!("n{}", actor.id.0),
            "type": "text",
            "text": text,
            "x": x, "y": y, "width": width, "height": height,
            "color": palette.actor(actor),
        }));
    }
    for claim in map.claims() {
        let (x, y, width, height) = card(claim.id.into(), claim.at);
        let mut text = format!("**{}**", markdown(&claim.label));
        if claim.text != claim.label && !claim.text.is_empty() {
            text.push_str(&format!("\n\n{}", markdown(&claim.text)));
        }
        nodes.push(json!({
            "id": format!("n{}", claim.id.0),
            "type": "text",
            "text": text,
            "x": x, "y": y, "width": width, "height": height,
        }));
    }
    let mut edges: Vec<Value> = Vec::new();
    for stance in map.stances() {
        edges.push(json!({
            "id": format!("e{}", stance.id.0),
            "fromNode": format!("n{}", stance.actor.0),
            "toNode": format!("n{}", stance.claim.0),
            "toEnd": "arrow",
            "label": stance.position.label(),
            "color": palette.stance(stance.position.polarity()),
        }));
    }
    for relation in map.relations() {
        edges.push(json!({
            "id": format!("e{}", relation.id.0),
            "fromNode": format!("n{}", relation.from.0),
            "toNode": format!("n{}", relation.to.0),
            "toEnd": "arrow",
            "label": relation.kind.label(),
            "color": palette.relation(relation.kind),
        }));
    }
    serde_json::to_string_pretty(&json!({"nodes": nodes, "edges": edges})).unwrap_or_default()
        + "\n"
}
