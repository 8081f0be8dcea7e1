//! Argdown: every claim as a statement `[label]: text`, its relations listed under it (`+`
//! for a claim that supports it, `-` for one that attacks it), and the actors' stances kept
//! as tags on the statement, `#(Vladimir Putin: strongly supports)`, with each stance's
//! quote, source and date in a comment beneath it.

use crate::model::{ClaimId, Map, RelationKind};
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;

/// Text safe inside an Argdown statement: the characters Argdown gives a meaning to are
/// escaped with a backslash, and line breaks become spaces.
fn text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len() + 8);
    for c in raw.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            '[' | ']' | '<' | '>' | '#' | '*' | '_' | '@' | '{' | '}' | '\\' | '`' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.trim().to_owned()
}

/// A statement title: brackets replaced (they would end it), spaces collapsed.
fn title(raw: &str) -> String {
    let cleaned: String = raw
        .chars()
        .map(|c| match c {
            '[' => '(',
            ']' => ')',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let collapsed = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    text_without_escapes(&collapsed)
}

/// Title text: the characters that would start tags, links or emphasis escaped, brackets
/// already gone.
fn text_without_escapes(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        if matches!(
            c,
            '#' | '*' | '_' | '@' | '{' | '}' | '\\' | '<' | '>' | '`'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A unique statement title for every claim (labels that collide get “(2)”, “(3)”…).
fn titles(map: &Map) -> BTreeMap<ClaimId, String> {
    let mut used = HashSet::new();
    map.claims()
        .map(|claim| {
            let base = title(&claim.label);
            let base = if base.is_empty() {
                format!("claim {}", claim.id.0)
            } else {
                base
            };
            let mut candidate = base.clone();
            let mut n = 2;
            while !used.insert(candidate.to_lowercase()) {
                candidate = format!("{base} ({n})");
                n += 1;
            }
            (claim.id, candidate)
        })
        .collect()
}

/// The map as an Argdown document.
pub fn to_argdown(map: &Map) -> String {
    let titles = titles(map);
    let mut out = String::with_capacity(256 + 300 * (map.claims().len() + map.stances().len()));
    let _ = writeln!(out, "// {}", text(map.title()));
    if !map.description().is_empty() {
        let _ = writeln!(out, "// {}", text(map.description()));
    }
    out.push_str(
        "// Written by stancemap: actors' stances are tags on the statements, quotes are \
         comments.\n\n",
    );
    for claim in map.claims() {
        let Some(own) = titles.get(&claim.id) else {
            continue;
        };
        let body = text(&claim.text);
        let _ = write!(out, "[{own}]");
        if !body.is_empty() {
            let _ = write!(out, ": {body}");
        }
        for tag in &claim.tags {
            let _ = write!(out, " #({})", tag_text(tag));
        }
        for stance in map.stances_on_claim(claim.id) {
            if let Some(actor) = map.actor(stance.actor) {
                let _ = write!(
                    out,
                    " #({}: {})",
                    tag_text(&actor.name),
                    stance.position.label()
                );
            }
        }
        out.push('\n');
        for stance in map.stances_on_claim(claim.id) {
            let who = map.actor(stance.actor).map_or("?", |a| a.name.as_str());
            let mut said = vec![who.to_owned()];
            if let Some(source) = stance.source.and_then(|s| map.source(s)) {
                said.push(source.title.clone());
            }
            if let Some(date) = stance.date {
                said.push(date.to_string());
            }
            let mut line = format!(
                "{} ({}): “{}”",
                said.join(", "),
                stance.position.label(),
                stance.quote
            );
            if let Some(translation) = &stance.translation {
                line.push_str(&format!(" — {translation}"));
            }
            let _ = writeln!(out, "  // {}", comment_text(&line));
        }
        for relation in map.relations().filter(|r| r.to == claim.id) {
            let Some(from) = titles.get(&relation.from) else {
                continue;
            };
            let sign = match relation.kind {
                RelationKind::Supports => '+',
                RelationKind::Attacks => '-',
            };
            let _ = writeln!(out, "  {sign} [{from}]");
        }
        out.push('\n');
    }
    out
}

/// Text inside `#( … )`: parentheses would end the tag.
fn tag_text(raw: &str) -> String {
    let cleaned: String = raw
        .chars()
        .map(|c| match c {
            '(' | '[' => ' ',
            ')' | ']' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    text_without_escapes(&cleaned.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// A comment line: no line breaks, and no `*/` or `//` games needed since `//` runs to the
/// end of the line.
fn comment_text(raw: &str) -> String {
    raw.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_lose_brackets_and_stay_unique() {
        assert_eq!(title("NATO [east]  expansion"), "NATO (east) expansion");
        assert_eq!(text("a [b] #c\nd"), "a \\[b\\] \\#c d");
        assert_eq!(tag_text("Putin (RU)"), "Putin RU");
    }
}
