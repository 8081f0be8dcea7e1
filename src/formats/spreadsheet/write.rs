//! A map as a stance sheet: one row per stance (actor, actor kind, camp, claim, position,
//! quote, translation, source, date, …), a row for each claim no stance names, one row per
//! relation, then rows for the actors and sources no other row names, so reading the sheet
//! back gives the same map.

use super::columns::Column;
use crate::model::{Actor, Claim, Map, Source};
use std::collections::BTreeSet;

/// The map as CSV text: comma-separated, every field quoted where needed, rows ended with
/// CRLF, and a UTF-8 byte order mark so spreadsheet programs read Chinese text correctly.
pub fn to_csv(map: &Map) -> String {
    let rows = rows(map);
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::with_capacity(rows.len() * 200 + 512));
    let mut text = String::from("\u{feff}");
    let mut write = |cells: &[String]| writer.write_record(cells).is_ok();
    let header: Vec<String> = Column::WRITTEN
        .iter()
        .map(|c| c.header().to_owned())
        .collect();
    let mut complete = write(&header);
    for row in &rows {
        complete &= write(row);
    }
    match writer.into_inner() {
        // Writing into memory cannot fail; the branch keeps a fault from becoming a crash.
        Ok(bytes) if complete => text.push_str(&String::from_utf8_lossy(&bytes)),
        _ => text.push_str("could not write the sheet\r\n"),
    }
    text
}

/// The rows under the header, each with one cell per written column.
pub fn rows(map: &Map) -> Vec<Vec<String>> {
    let mut out = Vec::with_capacity(map.stances().len() + map.relations().len());
    let mut named_actors = BTreeSet::new();
    let mut named_claims = BTreeSet::new();
    let mut named_sources = BTreeSet::new();
    for stance in map.stances() {
        let mut row = Row::default();
        if let Some(actor) = map.actor(stance.actor) {
            row.actor(actor);
            named_actors.insert(actor.id);
        }
        if let Some(claim) = map.claim(stance.claim) {
            row.claim(claim);
            named_claims.insert(claim.id);
        }
        if let Some(source) = stance.source.and_then(|s| map.source(s)) {
            row.source(source);
            named_sources.insert(source.id);
        }
        row.set(Column::Position, stance.position.label());
        row.set(Column::Quote, &stance.quote);
        row.set_opt(Column::Translation, stance.translation.as_deref());
        row.set_opt(Column::Date, stance.date.map(|d| d.to_string()).as_deref());
        row.set_opt(Column::Confidence, stance.confidence.map(|c| c.label()));
        row.set_opt(Column::Notes, stance.notes.as_deref());
        out.push(row.0);
    }
    // Claims no stance names come before the relations, so their text and tags are read
    // before a relation names them by label alone.
    for claim in map.claims().filter(|c| !named_claims.contains(&c.id)) {
        let mut row = Row::default();
        row.claim(claim);
        out.push(row.0);
    }
    for relation in map.relations() {
        let mut row = Row::default();
        if let Some(from) = map.claim(relation.from) {
            row.set(Column::Claim, &from.label);
        }
        if let Some(to) = map.claim(relation.to) {
            row.set(Column::ToClaim, &to.label);
        }
        row.set(Column::Relation, relation.kind.label());
        row.set_opt(Column::Notes, relation.note.as_deref());
        out.push(row.0);
    }
    for actor in map.actors().filter(|a| !named_actors.contains(&a.id)) {
        let mut row = Row::default();
        row.actor(actor);
        out.push(row.0);
    }
    for source in map.sources().filter(|s| !named_sources.contains(&s.id)) {
        let mut row = Row::default();
        row.source(source);
        out.push(row.0);
    }
    out
}

/// One row being filled in.
struct Row(Vec<String>);

impl Default for Row {
    fn default() -> Self {
        Row(vec![String::new(); Column::WRITTEN.len()])
    }
}

impl Row {
    fn set(&mut self, column: Column, value: &str) {
        if let Some(i) = Column::WRITTEN.iter().position(|c| *c == column)
            && let Some(cell) = self.0.get_mut(i)
        {
            value.clone_into(cell);
        }
    }

    fn set_opt(&mut self, column: Column, value: Option<&str>) {
        if let Some(value) = value {
            self.set(column, value);
        }
    }

    fn actor(&mut self, actor: &Actor) {
        self.set(Column::Actor, &actor.name);
        self.set(Column::ActorKind, actor.kind.label());
        self.set_opt(Column::Camp, actor.camp_name());
        self.set(Column::Aliases, &actor.aliases.join("; "));
    }

    fn claim(&mut self, claim: &Claim) {
        self.set(Column::Claim, &claim.label);
        if claim.text != claim.label {
            self.set(Column::ClaimText, &claim.text);
        }
        self.set(Column::Tags, &claim.tags.join("; "));
    }

    fn source(&mut self, source: &Source) {
        self.set(Column::Source, &source.title);
        self.set(Column::Publisher, &source.publisher);
        self.set_opt(
            Column::SourceDate,
            source.date.map(|d| d.to_string()).as_deref(),
        );
        self.set_opt(Column::SourceUrl, source.url.as_deref());
    }
}
