//! The validation rules every map obeys. [`Map::apply`](crate::model::Map::apply) checks each
//! edit against them and the file loader checks each loaded map against them, so a map that
//! the editor accepts always saves and loads, and a file that loads can always be edited.
//!
//! The rules:
//! - names, labels and titles are not blank and at most [`MAX_NAME_CHARS`] characters; any
//!   other text is at most [`MAX_TEXT_CHARS`] characters;
//! - canvas positions are finite numbers;
//! - a stance names an actor, a claim and (if any) a source that exist;
//! - an actor takes at most one stance on a claim per source and date: a second stance on the
//!   same claim must cite a different source or carry a different date (positions change over
//!   time and differ between sources, and both are worth recording);
//! - a relation joins two different claims that exist, and at most one relation runs from one
//!   claim to another (its kind says whether it supports or attacks);
//! - ids are unique across all kinds and below the map's next id.

use super::ids::{ItemId, NodeId, RelationId, StanceId};
use super::items::{Actor, Claim, Relation, Source, Stance};
use super::map::Map;
use super::values::Point;
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// Longest name, label or title, in characters.
pub const MAX_NAME_CHARS: usize = 500;
/// Longest quote, note or other free text, in characters.
pub const MAX_TEXT_CHARS: usize = 100_000;
/// Longest source text, in characters: a long report or a book chapter fits, a whole book does
/// not.
pub const MAX_SOURCE_TEXT_CHARS: usize = 20_000_000;

/// One broken rule: which item breaks it and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The offending item, when there is one.
    pub item: Option<ItemId>,
    /// What is wrong, as a sentence fragment without the item's name.
    pub message: String,
    /// The map's own field at fault (`"title"`, `"description"`), for problems of the map as
    /// a whole that lie in one field, so a file can point at it.
    pub field: Option<&'static str>,
}

impl Problem {
    /// A problem with one item.
    pub fn item(item: impl Into<ItemId>, message: impl Into<String>) -> Self {
        Problem {
            item: Some(item.into()),
            message: message.into(),
            field: None,
        }
    }

    /// A problem with the map as a whole.
    pub fn map(message: impl Into<String>) -> Self {
        Problem {
            item: None,
            message: message.into(),
            field: None,
        }
    }

    /// A problem with one of the map's own fields (`"title"`, `"description"`).
    pub fn map_field(field: &'static str, message: impl Into<String>) -> Self {
        Problem {
            field: Some(field),
            ..Problem::map(message)
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.item {
            Some(item) => write!(f, "{item}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Problem {}

fn check_name(item: ItemId, field: &str, value: &str, out: &mut Vec<Problem>) {
    if value.trim().is_empty() {
        out.push(Problem::item(item, format!("{field} is empty")));
    }
    check_length(item, field, value, MAX_NAME_CHARS, out);
}

fn check_text(item: ItemId, field: &str, value: &str, out: &mut Vec<Problem>) {
    check_length(item, field, value, MAX_TEXT_CHARS, out);
}

fn check_optional_text(item: ItemId, field: &str, value: Option<&String>, out: &mut Vec<Problem>) {
    if let Some(value) = value {
        check_text(item, field, value, out);
    }
}

fn check_length(item: ItemId, field: &str, value: &str, limit: usize, out: &mut Vec<Problem>) {
    // Byte length bounds char count from above: only count chars when it could matter.
    if value.len() > limit {
        let chars = value.chars().count();
        if chars > limit {
            out.push(Problem::item(
                item,
                format!("{field} is {chars} characters long; the limit is {limit}"),
            ));
        }
    }
}

fn check_point(item: ItemId, at: Point, out: &mut Vec<Problem>) {
    if !at.is_finite() {
        out.push(Problem::item(
            item,
            format!("position ({}, {}) is not a finite number", at.x, at.y),
        ));
    }
}

/// Checks a source on its own.
pub fn check_source(source: &Source, out: &mut Vec<Problem>) {
    let item = ItemId::Source(source.id);
    check_name(item, "title", &source.title, out);
    check_text(item, "publisher", &source.publisher, out);
    check_optional_text(item, "url", source.url.as_ref(), out);
    check_optional_text(item, "language", source.language.as_ref(), out);
    check_optional_text(item, "notes", source.notes.as_ref(), out);
    if let Some(text) = &source.text {
        check_length(item, "text", text, MAX_SOURCE_TEXT_CHARS, out);
    }
}

/// Checks an actor on its own.
pub fn check_actor(actor: &Actor, out: &mut Vec<Problem>) {
    let item = ItemId::Actor(actor.id);
    check_name(item, "name", &actor.name, out);
    check_optional_text(item, "camp", actor.camp.as_ref(), out);
    for alias in &actor.aliases {
        check_name(item, "alias", alias, out);
    }
    check_point(item, actor.at, out);
}

/// Checks a claim on its own.
pub fn check_claim(claim: &Claim, out: &mut Vec<Problem>) {
    let item = ItemId::Claim(claim.id);
    check_name(item, "label", &claim.label, out);
    check_text(item, "text", &claim.text, out);
    for tag in &claim.tags {
        check_name(item, "tag", tag, out);
    }
    check_optional_text(item, "notes", claim.notes.as_ref(), out);
    check_point(item, claim.at, out);
}

/// Checks a stance's own fields and that the items it names exist.
fn check_stance_alone(map: &Map, stance: &Stance, out: &mut Vec<Problem>) {
    let item = ItemId::Stance(stance.id);
    if map.actor(stance.actor).is_none() {
        out.push(Problem::item(
            item,
            format!("{} does not exist", stance.actor),
        ));
    }
    if map.claim(stance.claim).is_none() {
        out.push(Problem::item(
            item,
            format!("{} does not exist", stance.claim),
        ));
    }
    if let Some(source) = stance.source
        && map.source(source).is_none()
    {
        out.push(Problem::item(item, format!("{source} does not exist")));
    }
    check_text(item, "quote", &stance.quote, out);
    check_optional_text(item, "translation", stance.translation.as_ref(), out);
    check_optional_text(item, "notes", stance.notes.as_ref(), out);
}

/// The key two stances must not share: same actor, claim, source and date.
fn stance_key(stance: &Stance) -> impl Eq + std::hash::Hash + use<> {
    (stance.actor, stance.claim, stance.source, stance.date)
}

fn duplicate_stance(map: &Map, stance: &Stance, twin: StanceId) -> Problem {
    Problem::item(
        stance.id,
        format!(
            "{twin} already records {}'s position on {} from the same source and date; \
             change that stance, or give this one another source or date",
            map.actor(stance.actor)
                .map_or("the actor", |a| a.name.as_str()),
            map.claim(stance.claim)
                .map_or("the claim", |c| c.label.as_str()),
        ),
    )
}

/// Checks a stance against the map it is (or is about to be) part of. A stance with the same
/// id already in the map is ignored, so updates compare against the other stances only.
pub fn check_stance(map: &Map, stance: &Stance, out: &mut Vec<Problem>) {
    check_stance_alone(map, stance, out);
    let key = stance_key(stance);
    if let Some(twin) = map
        .stances_of_actor(stance.actor)
        .find(|other| other.id != stance.id && stance_key(other) == key)
    {
        out.push(duplicate_stance(map, stance, twin.id));
    }
}

/// Checks a relation's own fields and that both its claims exist and differ.
fn check_relation_alone(map: &Map, relation: &Relation, out: &mut Vec<Problem>) {
    let item = ItemId::Relation(relation.id);
    for end in [relation.from, relation.to] {
        if map.claim(end).is_none() {
            out.push(Problem::item(item, format!("{end} does not exist")));
        }
    }
    if relation.from == relation.to {
        out.push(Problem::item(
            item,
            format!(
                "a claim cannot support or attack itself ({})",
                relation.from
            ),
        ));
    }
    check_optional_text(item, "note", relation.note.as_ref(), out);
}

fn duplicate_relation(relation: &Relation, twin: RelationId) -> Problem {
    Problem::item(
        relation.id,
        format!(
            "{twin} already joins {} to {}; change its kind instead",
            relation.from, relation.to
        ),
    )
}

/// Checks a relation against the map it is (or is about to be) part of. A relation with the
/// same id already in the map is ignored.
pub fn check_relation(map: &Map, relation: &Relation, out: &mut Vec<Problem>) {
    check_relation_alone(map, relation, out);
    if let Some(twin) = map.relations_of_claim(relation.from).find(|other| {
        other.id != relation.id && other.from == relation.from && other.to == relation.to
    }) {
        out.push(duplicate_relation(relation, twin.id));
    }
}

/// Checks a whole map: every item, ids unique across kinds, and every id below the next id.
pub fn check_map(map: &Map) -> Vec<Problem> {
    let mut out = Vec::new();
    check_length_of_map_text(map, &mut out);
    let mut owners: BTreeMap<u32, ItemId> = BTreeMap::new();
    let all_ids = map
        .sources()
        .map(|s| ItemId::Source(s.id))
        .chain(map.actors().map(|a| ItemId::Actor(a.id)))
        .chain(map.claims().map(|c| ItemId::Claim(c.id)))
        .chain(map.stances().map(|s| ItemId::Stance(s.id)))
        .chain(map.relations().map(|r| ItemId::Relation(r.id)));
    for id in all_ids {
        if let Some(first) = owners.insert(id.raw(), id) {
            out.push(Problem::item(
                id,
                format!(
                    "id {} is also used by {first}; every item needs its own id",
                    id.raw()
                ),
            ));
        }
        if id.raw() >= map.next_id() {
            out.push(Problem::item(
                id,
                format!(
                    "id {} is not below next_id {}; raise next_id or omit it",
                    id.raw(),
                    map.next_id()
                ),
            ));
        }
    }
    for source in map.sources() {
        check_source(source, &mut out);
    }
    for actor in map.actors() {
        check_actor(actor, &mut out);
    }
    for claim in map.claims() {
        check_claim(claim, &mut out);
    }
    check_stances_together(map, &mut out);
    check_relations_together(map, &mut out);
    out
}

fn check_length_of_map_text(map: &Map, out: &mut Vec<Problem>) {
    if map.title().chars().count() > MAX_NAME_CHARS {
        out.push(Problem::map_field(
            "title",
            format!("the title is longer than {MAX_NAME_CHARS} characters"),
        ));
    }
    if map.description().len() > MAX_TEXT_CHARS
        && map.description().chars().count() > MAX_TEXT_CHARS
    {
        out.push(Problem::map_field(
            "description",
            format!("the description is longer than {MAX_TEXT_CHARS} characters"),
        ));
    }
}

/// Stance checks for a whole map in one pass: [`check_stance`] on each stance would compare
/// every pair, which is quadratic on large maps.
fn check_stances_together(map: &Map, out: &mut Vec<Problem>) {
    let mut seen = HashMap::new();
    for stance in map.stances() {
        check_stance_alone(map, stance, out);
        if let Some(twin) = seen.insert(stance_key(stance), stance.id) {
            out.push(duplicate_stance(map, stance, twin));
        }
    }
}

/// Relation checks for a whole map in one pass (see [`check_stances_together`]).
fn check_relations_together(map: &Map, out: &mut Vec<Problem>) {
    let mut seen = HashMap::new();
    for relation in map.relations() {
        check_relation_alone(map, relation, out);
        if let Some(twin) = seen.insert((relation.from, relation.to), relation.id) {
            out.push(duplicate_relation(relation, twin));
        }
    }
}

/// Whether a node may be the start of a new edge to another node, and what edge it would be.
/// Used by the canvas to refuse bad connections with a reason before any edit is made.
pub fn connection_kind(map: &Map, from: NodeId, to: NodeId) -> Result<ConnectionKind, String> {
    if from == to {
        return Err("a node cannot be connected to itself".to_owned());
    }
    match (from, to) {
        (NodeId::Actor(_), NodeId::Actor(_)) => {
            Err("actors cannot be connected to each other; connect an actor to a claim".to_owned())
        }
        (NodeId::Claim(_), NodeId::Actor(_)) => Err(
            "stances run from an actor to a claim; start the connection at the actor".to_owned(),
        ),
        (NodeId::Actor(_), NodeId::Claim(_)) => Ok(ConnectionKind::Stance),
        (NodeId::Claim(a), NodeId::Claim(b)) => {
            if map.relations_of_claim(a).any(|r| r.from == a && r.to == b) {
                Err("these claims are already related; change the existing relation".to_owned())
            } else {
                Ok(ConnectionKind::Relation)
            }
        }
    }
}

/// What kind of edge a connection between two nodes creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConnectionKind {
    /// Actor → claim.
    Stance,
    /// Claim → claim.
    Relation,
}
