//! GraphML for Gephi, yEd, igraph and networkx: the map as a directed network (actors and
//! claims as nodes; stances and relations as edges with a signed weight), and the actor
//! alignment network (who agrees and disagrees with whom) as Discourse Network Analyzer
//! exports it.

use super::xml::escape;
use crate::analysis::{StanceScope, alignment};
use crate::model::{Map, RelationKind};
use crate::scene::{Style, Theme, actor_colour, camp_colours};
use std::fmt::Write as _;

/// One declared attribute: its id, what it belongs to, its name and its GraphML type.
struct Key {
    id: &'static str,
    domain: &'static str,
    name: &'static str,
    kind: &'static str,
}

const fn key(
    id: &'static str,
    domain: &'static str,
    name: &'static str,
    kind: &'static str,
) -> Key {
    Key {
        id,
        domain,
        name,
        kind,
    }
}

const MAP_KEYS: [Key; 25] = [
    key("title", "graph", "title", "string"),
    key("kind", "node", "kind", "string"),
    key("label", "node", "label", "string"),
    key("actor_kind", "node", "actor_kind", "string"),
    key("camp", "node", "camp", "string"),
    key("aliases", "node", "aliases", "string"),
    key("text", "node", "text", "string"),
    key("tags", "node", "tags", "string"),
    key("x", "node", "x", "double"),
    key("y", "node", "y", "double"),
    key("color", "node", "color", "string"),
    key("r", "node", "r", "int"),
    key("g", "node", "g", "int"),
    key("b", "node", "b", "int"),
    key("type", "edge", "type", "string"),
    key("position", "edge", "position", "string"),
    key("weight", "edge", "weight", "double"),
    key("relation", "edge", "relation", "string"),
    key("quote", "edge", "quote", "string"),
    key("translation", "edge", "translation", "string"),
    key("source", "edge", "source", "string"),
    key("date", "edge", "date", "string"),
    key("confidence", "edge", "confidence", "string"),
    key("notes", "edge", "notes", "string"),
    key("edge_label", "edge", "label", "string"),
];

fn header(out: &mut String, keys: &[Key]) {
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for k in keys {
        let _ = writeln!(
            out,
            "  <key id=\"{}\" for=\"{}\" attr.name=\"{}\" attr.type=\"{}\"/>",
            k.id, k.domain, k.name, k.kind
        );
    }
}

fn data(out: &mut String, indent: &str, key: &str, value: &str) {
    let _ = writeln!(out, "{indent}<data key=\"{key}\">{}</data>", escape(value));
}

fn data_opt(out: &mut String, indent: &str, key: &str, value: Option<&str>) {
    if let Some(value) = value.filter(|v| !v.is_empty()) {
        data(out, indent, key, value);
    }
}

/// The map as a directed GraphML network. Nodes `n<id>` carry kind (actor or claim), label,
/// camp, actor kind, aliases, text, tags, x, y and colour; edges `e<id>` carry type (stance
/// or relation), position, a signed weight (−2…+2 for stances, +1 supports and −1 attacks
/// for relations), quote, translation, source, date, confidence and notes.
pub fn to_graphml(map: &Map) -> String {
    let style = Style::new(Theme::Light);
    let camps = camp_colours(map, &style);
    let mut out = String::with_capacity(1024 + 600 * (map.node_count() + map.stances().len()));
    header(&mut out, &MAP_KEYS);
    out.push_str("  <graph id=\"map\" edgedefault=\"directed\">\n");
    data(&mut out, "    ", "title", map.title());
    let node = "    <node id=\"n";
    let indent = "      ";
    for actor in map.actors() {
        let _ = writeln!(out, "{node}{}\">", actor.id.0);
        data(&mut out, indent, "kind", "actor");
        data(&mut out, indent, "label", &actor.name);
        data(&mut out, indent, "actor_kind", actor.kind.label());
        data_opt(&mut out, indent, "camp", actor.camp_name());
        data_opt(&mut out, indent, "aliases", Some(&actor.aliases.join("; ")));
        position(&mut out, actor.at);
        colour(&mut out, actor_colour(actor, &camps, &style));
        out.push_str("    </node>\n");
    }
    for claim in map.claims() {
        let _ = writeln!(out, "{node}{}\">", claim.id.0);
        data(&mut out, indent, "kind", "claim");
        data(&mut out, indent, "label", &claim.label);
        data_opt(&mut out, indent, "text", Some(&claim.text));
        data_opt(&mut out, indent, "tags", Some(&claim.tags.join("; ")));
        position(&mut out, claim.at);
        colour(&mut out, style.claim_stroke);
        out.push_str("    </node>\n");
    }
    for stance in map.stances() {
        let _ = writeln!(
            out,
            "    <edge id=\"e{}\" source=\"n{}\" target=\"n{}\">",
            stance.id.0, stance.actor.0, stance.claim.0
        );
        data(&mut out, indent, "type", "stance");
        data(&mut out, indent, "edge_label", stance.position.label());
        data(&mut out, indent, "position", stance.position.label());
        data(
            &mut out,
            indent,
            "weight",
            &stance.position.score().to_string(),
        );
        data_opt(&mut out, indent, "quote", Some(&stance.quote));
        data_opt(
            &mut out,
            indent,
            "translation",
            stance.translation.as_deref(),
        );
        let source = stance.source.and_then(|s| map.source(s));
        data_opt(&mut out, indent, "source", source.map(|s| s.title.as_str()));
        data_opt(
            &mut out,
            indent,
            "date",
            stance.date.map(|d| d.to_string()).as_deref(),
        );
        data_opt(
            &mut out,
            indent,
            "confidence",
            stance.confidence.map(|c| c.label()),
        );
        data_opt(&mut out, indent, "notes", stance.notes.as_deref());
        out.push_str("    </edge>\n");
    }
    for relation in map.relations() {
        let _ = writeln!(
            out,
            "    <edge id=\"e{}\" source=\"n{}\" target=\"n{}\">",
            relation.id.0, relation.from.0, relation.to.0
        );
        data(&mut out, indent, "type", "relation");
        data(&mut out, indent, "edge_label", relation.kind.label());
        data(&mut out, indent, "relation", relation.kind.label());
        let weight = match relation.kind {
            RelationKind::Supports => "1",
            RelationKind::Attacks => "-1",
        };
        data(&mut out, indent, "weight", weight);
        data_opt(&mut out, indent, "notes", relation.note.as_deref());
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

fn position(out: &mut String, at: crate::model::Point) {
    data(out, "      ", "x", &at.x.to_string());
    data(out, "      ", "y", &at.y.to_string());
}

fn colour(out: &mut String, colour: eframe::egui::Color32) {
    let [r, g, b, _] = colour.to_array();
    data(out, "      ", "color", &format!("#{r:02x}{g:02x}{b:02x}"));
    for (key, value) in [("r", r), ("g", g), ("b", b)] {
        data(out, "      ", key, &value.to_string());
    }
}

const ALIGNMENT_KEYS: [Key; 12] = [
    key("title", "graph", "title", "string"),
    key("label", "node", "label", "string"),
    key("actor_kind", "node", "actor_kind", "string"),
    key("camp", "node", "camp", "string"),
    key("activity", "node", "activity", "int"),
    key("shared", "edge", "shared", "int"),
    key("congruence", "edge", "congruence", "int"),
    key("conflict", "edge", "conflict", "int"),
    key(
        "congruence_normalised",
        "edge",
        "congruence_normalised",
        "double",
    ),
    key(
        "conflict_normalised",
        "edge",
        "conflict_normalised",
        "double",
    ),
    key("weight", "edge", "weight", "double"),
    key("type", "edge", "type", "string"),
];

/// The actor alignment network as undirected GraphML: a node per actor that takes a position
/// (with its activity, the number of claims it speaks on), an edge per pair sharing a claim
/// with the counts of congruence and conflict, both normalised by the pair's mean activity,
/// and `weight` = normalised congruence − normalised conflict; `type` says which prevails.
pub fn alignment_graphml(map: &Map) -> String {
    let alignment = alignment(map, &StanceScope::all());
    let mut out = String::with_capacity(1024 + 300 * (alignment.pairs.len() + map.actors().len()));
    header(&mut out, &ALIGNMENT_KEYS);
    out.push_str("  <graph id=\"alignment\" edgedefault=\"undirected\">\n");
    data(
        &mut out,
        "    ",
        "title",
        &format!("{}: actor alignment", map.title()),
    );
    let indent = "      ";
    for (id, activity) in &alignment.activity {
        let Some(actor) = map.actor(*id) else {
            continue;
        };
        let _ = writeln!(out, "    <node id=\"n{}\">", id.0);
        data(&mut out, indent, "label", &actor.name);
        data(&mut out, indent, "actor_kind", actor.kind.label());
        data_opt(&mut out, indent, "camp", actor.camp_name());
        data(&mut out, indent, "activity", &activity.to_string());
        out.push_str("    </node>\n");
    }
    for (i, pair) in alignment.pairs.iter().enumerate() {
        let _ = writeln!(
            out,
            "    <edge id=\"a{i}\" source=\"n{}\" target=\"n{}\">",
            pair.a.0, pair.b.0
        );
        data(&mut out, indent, "shared", &pair.shared.to_string());
        data(&mut out, indent, "congruence", &pair.congruence.to_string());
        data(&mut out, indent, "conflict", &pair.conflict.to_string());
        data(
            &mut out,
            indent,
            "congruence_normalised",
            &pair.congruence_normalised.to_string(),
        );
        data(
            &mut out,
            indent,
            "conflict_normalised",
            &pair.conflict_normalised.to_string(),
        );
        data(&mut out, indent, "weight", &pair.net().to_string());
        let kind = if pair.net() > 0.0 {
            "congruence"
        } else if pair.net() < 0.0 {
            "conflict"
        } else {
            "balanced"
        };
        data(&mut out, indent, "type", kind);
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}
