//! Rows of a stance sheet as records: a row with an actor and a claim is a stance; a row with
//! a relation is a claim supporting or attacking another; a row with only an actor, a claim
//! or a source adds that item. Every cell that cannot be read is reported with its row.

use super::columns::{Column, Layout};
use super::table::{Table, TableRow};
use crate::formats::draft::{ActorDraft, ClaimDraft, Draft, Record, SourceDraft, StanceDraft};
use crate::formats::report::ImportProblem;
use crate::formats::values::{
    NumberScale, number_scale, parse_actor_kind, parse_confidence, parse_date, parse_position,
    parse_relation_kind,
};
use crate::model::ActorKind;

/// What reading a sheet's rows gave.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SheetRecords {
    /// The rows that could be read.
    pub draft: Draft,
    /// Every row that could not, with why.
    pub problems: Vec<ImportProblem>,
    /// Things worth knowing (columns ignored, the scale numbers were read on).
    pub notes: Vec<String>,
}

/// Reads every row of `table`.
pub fn records(table: &Table) -> Result<SheetRecords, ImportProblem> {
    let layout = Layout::of(&table.headers)?;
    let mut out = SheetRecords::default();
    if !layout.ignored.is_empty() {
        out.notes.push(format!(
            "columns left out: “{}”",
            layout.ignored.join("”, “")
        ));
    }
    let scale = layout.index(Column::Position).and_then(|i| {
        number_scale(
            table
                .rows
                .iter()
                .filter_map(|row| row.cells.get(i).map(String::as_str)),
        )
    });
    if let Some(scale) = scale {
        out.notes.push(format!("positions: {}", scale.describe()));
    }
    for row in &table.rows {
        let reader = RowReader {
            row,
            layout: &layout,
            header_count: table.headers.len(),
        };
        if reader.is_blank() {
            continue;
        }
        match reader.record(scale) {
            Ok(record) => out.draft.push(row.origin.clone(), record),
            Err(messages) => out
                .problems
                .push(ImportProblem::new(row.origin.clone(), messages.join("; "))),
        }
    }
    Ok(out)
}

struct RowReader<'a> {
    row: &'a TableRow,
    layout: &'a Layout,
    /// How many cells the header row has.
    header_count: usize,
}

impl RowReader<'_> {
    /// The trimmed cell of `column`; `None` when the sheet has no such column or it is blank.
    fn cell(&self, column: Column) -> Option<&str> {
        let i = self.layout.index(column)?;
        self.row
            .cells
            .get(i)
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
    }

    fn owned(&self, column: Column) -> Option<String> {
        self.cell(column).map(str::to_owned)
    }

    fn is_blank(&self) -> bool {
        self.row.cells.iter().all(|c| c.trim().is_empty())
    }

    /// Reads `column` with `parse`, collecting the error.
    fn parsed<T>(
        &self,
        column: Column,
        parse: impl Fn(&str) -> Result<T, String>,
        errors: &mut Vec<String>,
    ) -> Option<T> {
        let text = self.cell(column)?;
        match parse(text) {
            Ok(value) => Some(value),
            Err(message) => {
                errors.push(message);
                None
            }
        }
    }

    fn record(&self, scale: Option<NumberScale>) -> Result<Record, Vec<String>> {
        let mut errors = Vec::new();
        if self
            .row
            .cells
            .iter()
            .skip(self.header_count)
            .any(|c| !c.trim().is_empty())
        {
            errors.push(format!(
                "the row has {} cells but the first row names only {} columns (is a \
                 separator inside a cell that is not quoted?)",
                self.row.cells.len(),
                self.header_count
            ));
        }
        let actor = self.actor(&mut errors);
        let claim = self.claim(Column::Claim);
        let source = self.source(&mut errors);
        let position = self.cell(Column::Position);
        let relation = self.cell(Column::Relation);
        let record = match (actor, claim, relation) {
            (_, _, Some(kind)) => self.relation(kind, &mut errors),
            (Some(actor), Some(claim), None) => match position {
                None => {
                    errors.push(
                        "the position is empty; a row with an actor and a claim records a \
                         stance and needs one (e.g. supports, opposes, neutral)"
                            .to_owned(),
                    );
                    None
                }
                Some(text) => {
                    let position = parse_position(text, scale).map_err(|e| errors.push(e)).ok();
                    let stance = self.stance(&mut errors);
                    position.map(|position| Record::Stance {
                        actor,
                        claim,
                        source,
                        stance: StanceDraft { position, ..stance },
                    })
                }
            },
            (Some(actor), None, None) => {
                if position.is_some() {
                    errors.push("a position needs a claim: the claim cell is empty".to_owned());
                }
                Some(Record::Actor(actor))
            }
            (None, Some(claim), None) => {
                if position.is_some() {
                    errors.push("a position needs an actor: the actor cell is empty".to_owned());
                }
                Some(Record::Claim(claim))
            }
            (None, None, None) => match source {
                Some(source) => Some(Record::Source(source)),
                None => {
                    errors.push(
                        "the row names no actor, claim or source, so it records nothing".to_owned(),
                    );
                    None
                }
            },
        };
        match record {
            Some(record) if errors.is_empty() => Ok(record),
            _ => Err(errors),
        }
    }

    fn actor(&self, errors: &mut Vec<String>) -> Option<ActorDraft> {
        let name = self.owned(Column::Actor)?;
        let kind = self
            .parsed(Column::ActorKind, parse_actor_kind, errors)
            .or(self
                .layout
                .actors_are_organisations
                .then_some(ActorKind::Organisation));
        Some(ActorDraft {
            name,
            kind,
            camp: self.owned(Column::Camp),
            aliases: split_list(self.cell(Column::Aliases), &[';', '|']),
            colour: None,
            at: None,
        })
    }

    fn claim(&self, column: Column) -> Option<ClaimDraft> {
        let label = self.owned(column)?;
        if column != Column::Claim {
            return Some(ClaimDraft::labelled(label));
        }
        Some(ClaimDraft {
            label,
            text: self.owned(Column::ClaimText),
            tags: split_list(self.cell(Column::Tags), &[';', '|', ',']),
            notes: None,
            at: None,
        })
    }

    fn source(&self, errors: &mut Vec<String>) -> Option<SourceDraft> {
        let title = self.owned(Column::Source)?;
        Some(SourceDraft {
            title,
            publisher: self.owned(Column::Publisher),
            date: self.parsed(Column::SourceDate, parse_date, errors),
            url: self.owned(Column::SourceUrl),
            language: None,
            notes: None,
        })
    }

    fn stance(&self, errors: &mut Vec<String>) -> StanceDraft {
        StanceDraft {
            position: crate::model::Position::Neutral,
            confidence: self.parsed(Column::Confidence, parse_confidence, errors),
            quote: self.owned(Column::Quote).unwrap_or_default(),
            translation: self.owned(Column::Translation),
            date: self.parsed(Column::Date, parse_date, errors),
            notes: self.owned(Column::Notes),
        }
    }

    fn relation(&self, kind: &str, errors: &mut Vec<String>) -> Option<Record> {
        let kind = parse_relation_kind(kind).map_err(|e| errors.push(e)).ok();
        let from = self.claim(Column::Claim);
        let to = self.claim(Column::ToClaim);
        if from.is_none() {
            errors.push(
                "a relation needs the claim it starts from: the claim cell is empty".to_owned(),
            );
        }
        if to.is_none() {
            errors.push(
                "a relation needs the claim it supports or attacks: the “to claim” cell is empty"
                    .to_owned(),
            );
        }
        if self.cell(Column::Actor).is_some() {
            errors.push(
                "a row records either a stance (actor, claim, position) or a relation (claim, \
                 relation, to claim), not both"
                    .to_owned(),
            );
        }
        Some(Record::Relation {
            from: from?,
            to: to?,
            kind: kind?,
            note: self.owned(Column::Notes),
        })
    }
}

/// `text` split at any of `separators`, each part trimmed, empty parts dropped.
fn split_list(text: Option<&str>, separators: &[char]) -> Vec<String> {
    text.map(|t| {
        t.split(separators)
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect()
    })
    .unwrap_or_default()
}
