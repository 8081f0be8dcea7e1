//! The field's formats: maps in and out of spreadsheets (CSV; workbooks read only), GraphML, AIF JSON, Argdown,
//! Kumu blueprints, JSON Canvas and DOT.
//!
//! Exporters are pure functions from a [`Map`] to bytes. Importers read bytes into a
//! [`Draft`] (items named by their names, each with the row or element it comes from), which
//! [`plan`] matches against a map and turns into one [`Edit::Batch`] — one undo step — with
//! every record the map cannot take reported and left out whole.

pub mod aif;
pub mod argdown;
pub mod canvas;
mod colours;
pub mod command;
pub mod dot;
pub mod draft;
mod format;
pub mod graphml;
pub mod kumu;
mod map_draft;
pub mod plan;
pub mod report;
pub mod spreadsheet;
pub mod values;
mod xml;

pub use draft::Draft;
pub use format::Format;
pub use map_draft::draft_of_map;
pub use plan::{ImportSummary, Plan, name_key, plan, with_new_nodes_placed};
pub use report::{ImportProblem, ImportReport, Origin};

use crate::model::{Edit, Map};
use std::path::Path;

/// The map in `format`, as the bytes of a file.
pub fn export(map: &Map, format: Format) -> Result<Vec<u8>, String> {
    let text = match format {
        Format::Map => crate::io::to_ron_string(map).map_err(|e| e.to_string())?,
        Format::Csv => spreadsheet::to_csv(map),
        Format::Workbook => {
            return Err(
                "stancemap reads spreadsheet workbooks but writes spreadsheets as CSV \
                 (.csv), which every spreadsheet program opens"
                    .to_owned(),
            );
        }
        Format::GraphMl => graphml::to_graphml(map),
        Format::Alignment => graphml::alignment_graphml(map),
        Format::Aif => aif::to_aif_json(map),
        Format::Argdown => argdown::to_argdown(map),
        Format::Kumu => kumu::to_kumu_json(map),
        Format::Canvas => canvas::to_json_canvas(map),
        Format::Dot => dot::to_dot(map),
    };
    Ok(text.into_bytes())
}

/// What a file says, read but not yet matched against a map.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reading {
    /// The records that could be read.
    pub draft: Draft,
    /// The rows or elements that could not, with why.
    pub problems: Vec<ImportProblem>,
    /// Things worth knowing about how the file was read.
    pub notes: Vec<String>,
}

/// Reads a file's bytes in `format`. Fails only when nothing of the file can be read (not
/// text, not JSON, no header row, a format that cannot be imported).
pub fn read(bytes: &[u8], format: Format) -> Result<Reading, ImportReport> {
    match format {
        Format::Csv | Format::Workbook => {
            let sheet = if format == Format::Csv {
                spreadsheet::import_csv(bytes)?
            } else {
                spreadsheet::import_workbook(bytes)?
            };
            Ok(Reading {
                draft: sheet.draft,
                problems: sheet.problems,
                notes: sheet.notes,
            })
        }
        Format::Aif => aif::read_aif(bytes),
        Format::Map => {
            let text = spreadsheet::decode(bytes)?;
            let map = crate::io::load_str(&text, Path::new("map")).map_err(|e| {
                ImportReport::new(
                    e.problems
                        .into_iter()
                        .map(|p| match p.place {
                            Some(place) => ImportProblem::new(
                                Origin::Element(format!(
                                    "line {}, column {}",
                                    place.line, place.column
                                )),
                                p.message,
                            ),
                            None => ImportProblem::file(p.message),
                        })
                        .collect(),
                )
            })?;
            Ok(Reading {
                draft: draft_of_map(&map),
                ..Reading::default()
            })
        }
        other => Err(ImportReport::single(format!(
            "stancemap writes {} files but does not read them; it reads {}",
            other.label(),
            Format::importable_names()
        ))),
    }
}

/// An import ready to be applied: the plan and everything found wrong on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    /// What the import does.
    pub plan: Plan,
    /// Rows or elements left out (from reading and from matching), in file order.
    pub problems: Vec<ImportProblem>,
    /// Notes on how the file was read.
    pub notes: Vec<String>,
}

impl Import {
    /// The edit to apply: refused with every problem unless the file had none, or
    /// `skip_bad` says to import the good records and leave the bad ones out.
    pub fn edit(&self, skip_bad: bool) -> Result<Edit, ImportReport> {
        if self.problems.is_empty() || skip_bad {
            Ok(self.plan.edit.clone())
        } else {
            Err(ImportReport::new(self.problems.clone()))
        }
    }
}

/// Reads `bytes` in `format` and plans importing them into `map` (which is not changed).
pub fn prepare_import(map: &Map, bytes: &[u8], format: Format) -> Result<Import, ImportReport> {
    let reading = read(bytes, format)?;
    let plan = plan(map, &reading.draft);
    let mut problems = reading.problems;
    problems.extend(plan.problems.iter().cloned());
    problems.sort_by(|a, b| a.origin.cmp(&b.origin));
    Ok(Import {
        plan,
        problems,
        notes: reading.notes,
    })
}

/// A new map made from an imported file: titled as the file says or after `fallback_title`,
/// nodes without positions left at the origin for a layout to place. Fails with every
/// problem unless `skip_bad`.
pub fn new_map_from(
    bytes: &[u8],
    format: Format,
    fallback_title: &str,
    skip_bad: bool,
) -> Result<(Map, Import), ImportReport> {
    let empty = Map::new(fallback_title);
    let import = prepare_import(&empty, bytes, format)?;
    let edit = import.edit(skip_bad)?;
    let mut info = empty.info();
    if let Some(title) = import.plan.title.clone().filter(|t| !t.trim().is_empty()) {
        info.title = title;
        if let Some(description) = import.plan.description.clone() {
            info.description = description;
        }
    }
    // A whole new map is assembled and checked in one pass, rather than edit by edit (each
    // added stance would be compared with all the others).
    let mut parts = crate::model::MapParts {
        info,
        ..crate::model::MapParts::default()
    };
    let Edit::Batch(edits) = edit else {
        return Err(ImportReport::single(
            "the import did not plan a batch of additions",
        ));
    };
    for edit in edits {
        match edit {
            Edit::AddSource(source) => parts.sources.push(source),
            Edit::AddActor(actor) => parts.actors.push(actor),
            Edit::AddClaim(claim) => parts.claims.push(claim),
            Edit::AddStance(stance) => parts.stances.push(stance),
            Edit::AddRelation(relation) => parts.relations.push(relation),
            other => {
                return Err(ImportReport::single(format!(
                    "the import planned a change that is not an addition: {other:?}"
                )));
            }
        }
    }
    let map = Map::assemble(parts).map_err(|problems| {
        ImportReport::new(
            problems
                .into_iter()
                .map(|p| {
                    ImportProblem::file(format!("the imported items do not fit together: {p}"))
                })
                .collect(),
        )
    })?;
    Ok((map, import))
}
