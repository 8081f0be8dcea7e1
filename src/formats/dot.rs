//! Graphviz DOT: claims as boxes, actors as rounded boxes in their camp's colour, stances
//! coloured and dashed by polarity and as thick as they are strong, relations with an arrow
//! (supports) or a bar (attacks); every node at its canvas position (`neato -n` keeps them).

use super::colours::Palette;
use crate::model::{Map, Polarity, RelationKind};
use std::fmt::Write as _;

/// A DOT string literal: backslashes and quotes escaped, line breaks as `\n`.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The map as a DOT digraph.
pub fn to_dot(map: &Map) -> String {
    let palette = Palette::of(map);
    let mut out = String::with_capacity(512 + 300 * (map.node_count() + map.stances().len()));
    let _ = writeln!(out, "digraph stancemap {{");
    let _ = writeln!(out, "  label={};", quoted(map.title()));
    out.push_str("  labelloc=t;\n  node [fontname=\"DejaVu Sans\", fontsize=11];\n");
    out.push_str("  edge [fontname=\"DejaVu Sans\", fontsize=9];\n");
    // Canvas y grows downwards, graphviz's upwards.
    let pos = |x: f32, y: f32| format!("\"{x},{}!\"", -y);
    for actor in map.actors() {
        let colour = palette.actor(actor);
        let _ = writeln!(
            out,
            "  n{} [label={}, shape=box, style=\"rounded,filled\", fillcolor=\"{colour}40\", \
             color=\"{colour}\", pos={}, tooltip={}];",
            actor.id.0,
            quoted(&actor.name),
            pos(actor.at.x, actor.at.y),
            quoted(&format!(
                "{} ({}{})",
                actor.name,
                actor.kind.label(),
                actor
                    .camp_name()
                    .map(|c| format!(", {c}"))
                    .unwrap_or_default()
            )),
        );
    }
    let claim_colour = palette.claim();
    for claim in map.claims() {
        let _ = writeln!(
            out,
            "  n{} [label={}, shape=box, color=\"{claim_colour}\", pos={}, tooltip={}];",
            claim.id.0,
            quoted(&claim.label),
            pos(claim.at.x, claim.at.y),
            quoted(&claim.text),
        );
    }
    for stance in map.stances() {
        let polarity = stance.position.polarity();
        let style = match polarity {
            Polarity::Support => "solid",
            Polarity::Oppose => "dashed",
            Polarity::Neutral => "dotted",
        };
        let _ = writeln!(
            out,
            "  n{} -> n{} [color=\"{}\", style={style}, penwidth={}, label={}, tooltip={}];",
            stance.actor.0,
            stance.claim.0,
            palette.stance(polarity),
            palette.style().stance_width(stance.position.strength()),
            quoted(stance.position.label()),
            quoted(&stance.quote),
        );
    }
    for relation in map.relations() {
        let head = match relation.kind {
            RelationKind::Supports => "normal",
            RelationKind::Attacks => "tee",
        };
        let _ = writeln!(
            out,
            "  n{} -> n{} [color=\"{}\", arrowhead={head}, label={}];",
            relation.from.0,
            relation.to.0,
            palette.relation(relation.kind),
            quoted(relation.kind.label()),
        );
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn strings_are_quoted_for_dot() {
        assert_eq!(
            super::quoted("say \"no\"\\\nnow"),
            "\"say \\\"no\\\"\\\\\\nnow\""
        );
    }
}
