//! Stance spreadsheets (CSV, and workbooks read with calamine): one row per stance — actor, actor kind, camp, claim, position,
//! quote, translation, source, date — the way coders keep data and the way Discourse Network
//! Analyzer exports statements; relations and lone items in rows of their own.

mod columns;
mod records;
mod table;
mod workbook;
mod write;

pub use columns::{Column, Layout};
pub use records::{SheetRecords, records};
pub use table::{Table, TableRow, decode, read_csv};
pub use workbook::read_workbook;
pub use write::{rows, to_csv};

use super::report::ImportReport;

/// Reads a CSV file's rows as records (see [`records`]).
pub fn import_csv(bytes: &[u8]) -> Result<SheetRecords, ImportReport> {
    let table = read_csv(bytes)?;
    records(&table).map_err(|problem| ImportReport::new(vec![problem]))
}

/// Reads the first non-empty sheet of a workbook (.xlsx, .xls, .ods) as records.
pub fn import_workbook(bytes: &[u8]) -> Result<SheetRecords, ImportReport> {
    let table = read_workbook(bytes)?;
    records(&table).map_err(|problem| ImportReport::new(vec![problem]))
}
