//! The stance matrix: actors down the side (grouped by camp), claims across the top, and in
//! each cell the position the actor takes on the claim. Columns can be sorted by how
//! contested a claim is: the number of pairs of actors who disagree on it (one for, one
//! against), so a claim with five supporters and four opponents comes before one with a
//! single supporter and a single opponent, and a claim everybody supports comes last.

use super::scope::{Held, StanceScope, held_positions};
use crate::model::{ActorId, ClaimId, Map, Polarity, Position};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;

/// One actor's row.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixRow {
    /// The actor.
    pub actor: ActorId,
    /// The actor's name.
    pub name: String,
    /// The actor's camp, if any.
    pub camp: Option<String>,
}

/// One claim's column, with how the actors divide over it.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixColumn {
    /// The claim.
    pub claim: ClaimId,
    /// The claim's short label.
    pub label: String,
    /// Actors who, on balance, support it.
    pub supporters: usize,
    /// Actors who, on balance, oppose it.
    pub opponents: usize,
    /// Actors who take a neutral or ambivalent position.
    pub neutral: usize,
}

impl MatrixColumn {
    /// How contested the claim is: pairs of actors on opposite sides of it.
    pub fn disagreeing_pairs(&self) -> usize {
        self.supporters * self.opponents
    }
}

/// How to order the claim columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColumnOrder {
    /// As the map lists them (by id).
    #[default]
    Map,
    /// Most disagreeing pairs first.
    MostContested,
    /// Fewest disagreeing pairs first.
    LeastContested,
    /// Alphabetically by label.
    Label,
}

impl ColumnOrder {
    /// Every order, for a menu.
    pub const ALL: [ColumnOrder; 4] = [
        ColumnOrder::Map,
        ColumnOrder::MostContested,
        ColumnOrder::LeastContested,
        ColumnOrder::Label,
    ];

    /// A short name for a menu.
    pub fn label(self) -> &'static str {
        match self {
            ColumnOrder::Map => "map order",
            ColumnOrder::MostContested => "most contested first",
            ColumnOrder::LeastContested => "least contested first",
            ColumnOrder::Label => "by label",
        }
    }
}

/// Actors × claims, with what each actor holds on each claim.
#[derive(Debug, Clone, PartialEq)]
pub struct StanceMatrix {
    /// Rows, camp by camp (camps in order of first appearance, actors without one last).
    pub rows: Vec<MatrixRow>,
    /// Columns in the order asked for.
    pub columns: Vec<MatrixColumn>,
    cells: BTreeMap<(ActorId, ClaimId), Held>,
}

impl StanceMatrix {
    /// The matrix of a map, counting the stances in `scope`, columns in `order`.
    pub fn build(map: &Map, scope: &StanceScope, order: ColumnOrder) -> Self {
        let cells = held_positions(map, scope);
        let camps = map.camps();
        let mut rows: Vec<MatrixRow> = map
            .actors()
            .map(|a| MatrixRow {
                actor: a.id,
                name: a.name.clone(),
                camp: a.camp_name().map(str::to_owned),
            })
            .collect();
        rows.sort_by_key(|r| {
            let group = r
                .camp
                .as_deref()
                .and_then(|c| camps.iter().position(|x| *x == c))
                .unwrap_or(camps.len());
            (group, r.actor)
        });
        let mut columns: Vec<MatrixColumn> = map
            .claims()
            .map(|c| {
                let mut column = MatrixColumn {
                    claim: c.id,
                    label: c.label.clone(),
                    supporters: 0,
                    opponents: 0,
                    neutral: 0,
                };
                for row in &rows {
                    match cells.get(&(row.actor, c.id)).map(Held::polarity) {
                        Some(Polarity::Support) => column.supporters += 1,
                        Some(Polarity::Oppose) => column.opponents += 1,
                        Some(Polarity::Neutral) => column.neutral += 1,
                        None => {}
                    }
                }
                column
            })
            .collect();
        sort_columns(&mut columns, order);
        StanceMatrix {
            rows,
            columns,
            cells,
        }
    }

    /// What an actor holds on a claim, if it takes a position in scope.
    pub fn cell(&self, actor: ActorId, claim: ClaimId) -> Option<&Held> {
        self.cells.get(&(actor, claim))
    }

    /// The rows of each camp, in order: the camp's name (`None` for actors without one) and
    /// its range of row indices.
    pub fn camp_groups(&self) -> Vec<(Option<String>, Range<usize>)> {
        let mut groups: Vec<(Option<String>, Range<usize>)> = Vec::new();
        for (i, row) in self.rows.iter().enumerate() {
            match groups.last_mut() {
                Some((camp, range)) if *camp == row.camp => range.end = i + 1,
                _ => groups.push((row.camp.clone(), i..i + 1)),
            }
        }
        groups
    }

    /// The matrix as CSV (RFC 4180): a header of `actor`, `camp` and the claim labels, then
    /// one row per actor whose cells name the positions it takes (several, separated by
    /// "; ", when its stances differ), empty where it takes none.
    pub fn to_csv(&self, map: &Map) -> String {
        let mut out = String::new();
        let header: Vec<String> = ["actor".to_owned(), "camp".to_owned()]
            .into_iter()
            .chain(self.columns.iter().map(|c| c.label.clone()))
            .collect();
        push_record(&mut out, &header);
        for row in &self.rows {
            let mut record = vec![row.name.clone(), row.camp.clone().unwrap_or_default()];
            for column in &self.columns {
                let text = self
                    .cell(row.actor, column.claim)
                    .map(|held| positions_text(map, held))
                    .unwrap_or_default();
                record.push(text);
            }
            push_record(&mut out, &record);
        }
        out
    }
}

fn sort_columns(columns: &mut [MatrixColumn], order: ColumnOrder) {
    match order {
        ColumnOrder::Map => columns.sort_by_key(|c| c.claim),
        ColumnOrder::MostContested => columns.sort_by(|a, b| {
            b.disagreeing_pairs()
                .cmp(&a.disagreeing_pairs())
                .then(balance(b).cmp(&balance(a)))
                .then(a.claim.cmp(&b.claim))
        }),
        ColumnOrder::LeastContested => columns.sort_by(|a, b| {
            a.disagreeing_pairs()
                .cmp(&b.disagreeing_pairs())
                .then(a.claim.cmp(&b.claim))
        }),
        ColumnOrder::Label => columns.sort_by(|a, b| {
            a.label
                .to_lowercase()
                .cmp(&b.label.to_lowercase())
                .then(a.claim.cmp(&b.claim))
        }),
    }
}

/// Among claims with as many disagreeing pairs, the one taken up by more actors first.
fn balance(c: &MatrixColumn) -> usize {
    c.supporters + c.opponents + c.neutral
}

/// The distinct positions behind a cell, in scale order, e.g. "supports; strongly opposes".
fn positions_text(map: &Map, held: &Held) -> String {
    let mut positions: Vec<Position> = held
        .stances
        .iter()
        .filter_map(|&s| map.stance(s))
        .map(|s| s.position)
        .collect();
    positions.sort();
    positions.dedup();
    positions
        .iter()
        .map(|p| p.label())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Appends one CSV record, quoting fields that need it.
fn push_record(out: &mut String, fields: &[String]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            let _ = write!(out, "\"{}\"", field.replace('"', "\"\""));
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
}
