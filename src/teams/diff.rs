//! What changed between two versions of a map, item by item and field by field, named as a
//! reader names things (actors by name, claims by label) rather than by id.
//!
//! Items are matched by id: the two maps are versions of one map (two commits, two copies
//! edited apart), whose ids are never reused. Canvas positions are left out unless asked for,
//! since moving nodes around is rarely what a reader of a diff is after.

use super::show::Show;
use crate::model::{Actor, Claim, Map, Relation, Source, Stance};
use serde::Serialize;

/// What to compare.
#[derive(Debug, Clone, Copy, Default)]
pub struct DiffOptions {
    /// Also compare where nodes sit on the canvas and whether they are pinned.
    pub positions: bool,
}

/// The differences between two maps, in a fixed order: the map's own fields, then sources,
/// actors, claims, stances and relations, each by id.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MapDiff {
    /// Every item added, removed or changed.
    pub items: Vec<ItemDiff>,
    /// How many nodes moved or were pinned or unpinned, when positions are not compared (their
    /// moves are then not listed).
    pub moved_not_listed: usize,
}

/// How an item differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// Only in the second map.
    Added,
    /// Only in the first map.
    Removed,
    /// In both, with different fields.
    Changed,
}

/// One item that differs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemDiff {
    /// Added, removed or changed.
    pub change: ChangeKind,
    /// `map`, `source`, `actor`, `claim`, `stance` or `relation`.
    pub kind: &'static str,
    /// The item's id; `None` for the map itself.
    pub id: Option<u32>,
    /// The item as a reader names it, from the map it is in (the second one when in both).
    pub name: String,
    /// The fields that changed (empty for added and removed items).
    pub fields: Vec<FieldChange>,
}

/// One field that changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    /// The field's name as in the map file.
    pub field: &'static str,
    /// Its value in the first map.
    pub old: String,
    /// Its value in the second map.
    pub new: String,
}

impl MapDiff {
    /// Whether the maps are the same (as far as compared).
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// How many items were added, removed and changed.
    pub fn counts(&self) -> (usize, usize, usize) {
        let count = |kind| self.items.iter().filter(|i| i.change == kind).count();
        (
            count(ChangeKind::Added),
            count(ChangeKind::Removed),
            count(ChangeKind::Changed),
        )
    }
}

/// Compares the fields listed, pushing each one that differs.
macro_rules! compare {
    ($old:expr, $new:expr, $maps:expr, $out:expr, [$($field:ident),* $(,)?]) => {{
        $(
            if $old.$field != $new.$field {
                $out.push(FieldChange {
                    field: stringify!($field),
                    old: $old.$field.show($maps.0),
                    new: $new.$field.show($maps.1),
                });
            }
        )*
    }};
}

/// The differences from `old` to `new`.
pub fn diff_maps(old: &Map, new: &Map, options: DiffOptions) -> MapDiff {
    let maps = (old, new);
    let mut diff = MapDiff::default();
    let mut info = Vec::new();
    let (old_info, new_info) = (old.info(), new.info());
    compare!(
        old_info,
        new_info,
        maps,
        info,
        [title, description, created, modified, camp_sides]
    );
    if old.conflicts() != new.conflicts() {
        info.push(FieldChange {
            field: "conflicts",
            old: conflict_count(old),
            new: conflict_count(new),
        });
    }
    if !info.is_empty() {
        diff.items.push(ItemDiff {
            change: ChangeKind::Changed,
            kind: "map",
            id: None,
            name: new.title().show(new),
            fields: info,
        });
    }
    items(
        &mut diff,
        maps,
        "source",
        |m, id| m.source(crate::model::SourceId(id)),
        Map::sources,
        |s: &Source| s.id.0,
        source_name,
        |a, b, out| {
            compare!(
                a,
                b,
                maps,
                out,
                [title, publisher, date, url, language, notes, text]
            )
        },
    );
    let mut moved = 0;
    items(
        &mut diff,
        maps,
        "actor",
        |m, id| m.actor(crate::model::ActorId(id)),
        Map::actors,
        |a: &Actor| a.id.0,
        |a, m| a.name.show(m),
        |a, b, out| {
            compare!(a, b, maps, out, [name, kind, camp, aliases, colour]);
            node_position(
                a.at, a.pinned, b.at, b.pinned, maps, options, out, &mut moved,
            );
        },
    );
    items(
        &mut diff,
        maps,
        "claim",
        |m, id| m.claim(crate::model::ClaimId(id)),
        Map::claims,
        |c: &Claim| c.id.0,
        |c, m| c.label.show(m),
        |a, b, out| {
            compare!(a, b, maps, out, [label, text, tags, notes]);
            node_position(
                a.at, a.pinned, b.at, b.pinned, maps, options, out, &mut moved,
            );
        },
    );
    items(
        &mut diff,
        maps,
        "stance",
        |m, id| m.stance(crate::model::StanceId(id)),
        Map::stances,
        |s: &Stance| s.id.0,
        stance_name,
        |a, b, out| {
            compare!(
                a,
                b,
                maps,
                out,
                [
                    actor,
                    claim,
                    position,
                    confidence,
                    quote,
                    translation,
                    source,
                    date,
                    notes
                ]
            )
        },
    );
    items(
        &mut diff,
        maps,
        "relation",
        |m, id| m.relation(crate::model::RelationId(id)),
        Map::relations,
        |r: &Relation| r.id.0,
        relation_name,
        |a, b, out| compare!(a, b, maps, out, [from, to, kind, note]),
    );
    diff.moved_not_listed = moved;
    diff
}

/// Compares a node's position and pin, or only counts a difference when positions are not
/// compared.
#[allow(clippy::too_many_arguments)]
fn node_position(
    old_at: crate::model::Point,
    old_pinned: bool,
    new_at: crate::model::Point,
    new_pinned: bool,
    maps: (&Map, &Map),
    options: DiffOptions,
    out: &mut Vec<FieldChange>,
    moved: &mut usize,
) {
    let differs = old_at != new_at || old_pinned != new_pinned;
    if !options.positions {
        if differs {
            *moved += 1;
        }
        return;
    }
    if old_at != new_at {
        out.push(FieldChange {
            field: "at",
            old: old_at.show(maps.0),
            new: new_at.show(maps.1),
        });
    }
    if old_pinned != new_pinned {
        out.push(FieldChange {
            field: "pinned",
            old: old_pinned.show(maps.0),
            new: new_pinned.show(maps.1),
        });
    }
}

/// Diffs one kind of item: removed and changed ones by walking the old map, added ones by
/// walking the new map.
#[allow(clippy::too_many_arguments)]
fn items<'m, T: PartialEq + 'm, I: Iterator<Item = &'m T>>(
    diff: &mut MapDiff,
    (old, new): (&'m Map, &'m Map),
    kind: &'static str,
    get: impl Fn(&'m Map, u32) -> Option<&'m T>,
    all: impl Fn(&'m Map) -> I,
    id: impl Fn(&T) -> u32,
    name: impl Fn(&T, &Map) -> String,
    mut fields: impl FnMut(&T, &T, &mut Vec<FieldChange>),
) {
    let start = diff.items.len();
    for item in all(old) {
        let raw = id(item);
        match get(new, raw) {
            None => diff.items.push(ItemDiff {
                change: ChangeKind::Removed,
                kind,
                id: Some(raw),
                name: name(item, old),
                fields: Vec::new(),
            }),
            Some(other) if other != item => {
                let mut changed = Vec::new();
                fields(item, other, &mut changed);
                if !changed.is_empty() {
                    diff.items.push(ItemDiff {
                        change: ChangeKind::Changed,
                        kind,
                        id: Some(raw),
                        name: name(other, new),
                        fields: changed,
                    });
                }
            }
            Some(_) => {}
        }
    }
    for item in all(new) {
        let raw = id(item);
        if get(old, raw).is_none() {
            diff.items.push(ItemDiff {
                change: ChangeKind::Added,
                kind,
                id: Some(raw),
                name: name(item, new),
                fields: Vec::new(),
            });
        }
    }
    if let Some(added) = diff.items.get_mut(start..) {
        added.sort_by_key(|item| item.id);
    }
}

fn conflict_count(map: &Map) -> String {
    match map.conflicts().len() {
        1 => "1 conflict".to_owned(),
        n => format!("{n} conflicts"),
    }
}

fn source_name(source: &Source, map: &Map) -> String {
    source.title.show(map)
}

/// `"Vladimir Putin" supports "NATO must not expand"`.
pub fn stance_name(stance: &Stance, map: &Map) -> String {
    format!(
        "{} {} {}",
        stance.actor.show(map),
        stance.position.label(),
        stance.claim.show(map)
    )
}

/// `"A" supports "B"`.
pub fn relation_name(relation: &Relation, map: &Map) -> String {
    format!(
        "{} {} {}",
        relation.from.show(map),
        relation.kind.label(),
        relation.to.show(map)
    )
}

/// Longest value the text report prints whole; longer ones are cut with their length noted.
const SHOWN_CHARS: usize = 120;

/// The diff as lines for people: one line per added or removed item, a line per changed
/// item followed by one indented line per field, then a summary.
pub fn diff_report(diff: &MapDiff) -> String {
    let mut out = String::new();
    for item in &diff.items {
        let verb = match item.change {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
        };
        out.push_str(&format!("{verb} {} {}", item.kind, item.name));
        if item.fields.is_empty() {
            out.push('\n');
            continue;
        }
        out.push_str(":\n");
        for field in &item.fields {
            out.push_str(&format!(
                "    {}: {} → {}\n",
                field.field,
                shorten(&field.old),
                shorten(&field.new)
            ));
        }
    }
    let (added, removed, changed) = diff.counts();
    if diff.is_empty() {
        out.push_str("no differences");
    } else {
        out.push_str(&format!(
            "{added} added, {removed} removed, {changed} changed"
        ));
    }
    match diff.moved_not_listed {
        0 => {}
        1 => out.push_str(" (1 node moved; --positions lists it)"),
        n => out.push_str(&format!(" ({n} nodes moved; --positions lists them)")),
    }
    out.push('\n');
    out
}

/// A value cut to [`SHOWN_CHARS`] characters, saying how long it was.
fn shorten(value: &str) -> String {
    let length = value.chars().count();
    if length <= SHOWN_CHARS {
        return value.to_owned();
    }
    let head: String = value.chars().take(SHOWN_CHARS).collect();
    format!("{head}… ({length} characters)")
}
