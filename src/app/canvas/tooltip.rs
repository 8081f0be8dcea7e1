//! Tooltips for what the pointer rests on: a stance shows its quote, translation, source and
//! date; a relation its kind and note; a node its full text or aliases.

use crate::model::{EdgeId, Map, NodeId};
use eframe::egui::{self, RichText};

/// Fills a tooltip for an edge.
pub fn edge_tooltip(ui: &mut egui::Ui, map: &Map, edge: EdgeId) {
    ui.set_max_width(420.0);
    match edge {
        EdgeId::Stance(id) => {
            let Some(stance) = map.stance(id) else { return };
            let actor = map.actor(stance.actor).map_or("?", |a| a.name.as_str());
            let claim = map.claim(stance.claim).map_or("?", |c| c.label.as_str());
            ui.strong(format!("{actor} {} “{claim}”", stance.position.label()));
            if let Some(confidence) = stance.confidence {
                ui.weak(format!("confidence: {}", confidence.label()));
            }
            if !stance.quote.is_empty() {
                ui.separator();
                ui.label(RichText::new(format!("“{}”", stance.quote)).italics());
            }
            if let Some(translation) = stance.translation.as_deref().filter(|t| !t.is_empty()) {
                ui.label(translation);
            }
            let source = stance.source.and_then(|s| map.source(s));
            let mut cited = Vec::new();
            if let Some(source) = source {
                cited.push(if source.publisher.is_empty() {
                    source.title.clone()
                } else {
                    format!("{} — {}", source.title, source.publisher)
                });
            }
            if let Some(date) = stance.date.or(source.and_then(|s| s.date)) {
                cited.push(date.to_string());
            }
            if stance.quote.is_empty() && cited.is_empty() {
                ui.weak("No quote or source yet: select the stance to add them.");
            } else if !cited.is_empty() {
                ui.separator();
                ui.weak(cited.join(" · "));
            }
        }
        EdgeId::Relation(id) => {
            let Some(relation) = map.relation(id) else {
                return;
            };
            let label = |c| map.claim(c).map_or("?", |c| c.label.as_str());
            ui.strong(format!(
                "“{}” {} “{}”",
                label(relation.from),
                relation.kind.label(),
                label(relation.to)
            ));
            if let Some(note) = relation.note.as_deref().filter(|n| !n.is_empty()) {
                ui.label(note);
            }
        }
    }
}

/// Fills a tooltip for a node: what the label alone does not say.
pub fn node_tooltip(ui: &mut egui::Ui, map: &Map, node: NodeId) {
    ui.set_max_width(360.0);
    match node {
        NodeId::Claim(id) => {
            let Some(claim) = map.claim(id) else { return };
            ui.strong(&claim.label);
            if claim.text != claim.label && !claim.text.is_empty() {
                ui.label(&claim.text);
            }
            if !claim.tags.is_empty() {
                ui.weak(claim.tags.join(", "));
            }
        }
        NodeId::Actor(id) => {
            let Some(actor) = map.actor(id) else { return };
            ui.strong(&actor.name);
            let camp = actor.camp.as_deref().unwrap_or("no camp");
            ui.weak(format!("{} · {camp}", actor.kind.label()));
            if !actor.aliases.is_empty() {
                ui.label(actor.aliases.join(", "));
            }
        }
    }
}
