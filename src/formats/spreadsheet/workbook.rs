//! A stance sheet read from a spreadsheet workbook (Excel's .xlsx, .xlsm, .xlsb and .xls,
//! OpenDocument's .ods) with `calamine`: the first sheet that holds anything, its cells as
//! the text a spreadsheet program shows for them, dates as `YYYY-MM-DD`.

use super::table::{Table, TableRow};
use crate::formats::report::{ImportReport, Origin};
use calamine::{Data, Reader, open_workbook_auto_from_rs};
use std::io::Cursor;

/// Reads the first non-empty sheet of a workbook into a table. Fails when the bytes are not a
/// workbook calamine can read, or when every sheet is empty.
pub fn read_workbook(bytes: &[u8]) -> Result<Table, ImportReport> {
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        ImportReport::single(format!(
            "the file is not a spreadsheet workbook that can be read (.xlsx, .xlsm, .xlsb, \
             .xls or .ods): {e}"
        ))
    })?;
    let names = workbook.sheet_names();
    for name in &names {
        let range = workbook
            .worksheet_range(name)
            .map_err(|e| ImportReport::single(format!("cannot read the sheet “{name}”: {e}")))?;
        let Some((first_row, first_column)) = range.start() else {
            continue;
        };
        // Rows are numbered as the spreadsheet program numbers them; cells left of the used
        // range are empty columns, which the header match ignores.
        let lead = first_column as usize;
        let mut rows = range.rows().enumerate().map(|(i, cells)| {
            let number = first_row as usize + i + 1;
            let mut texts = vec![String::new(); lead];
            texts.extend(cells.iter().map(cell_text));
            (number, texts)
        });
        let Some((_, headers)) = rows.next() else {
            continue;
        };
        let rows = rows
            .map(|(row, cells)| TableRow {
                origin: Origin::Row { row, line: row },
                cells,
            })
            .collect();
        return Ok(Table { headers, rows });
    }
    Err(ImportReport::single(match names.len() {
        0 => "the workbook has no sheets".to_owned(),
        _ => "every sheet of the workbook is empty: the first row of a sheet names the columns"
            .to_owned(),
    }))
}

/// A cell as the text a spreadsheet shows: whole numbers without a decimal point, dates as
/// `YYYY-MM-DD` (with the time when there is one), errors as Excel writes them (`#N/A`).
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::DateTime(when) if when.is_datetime() => {
            let (year, month, day, hour, minute, second, _) = when.to_ymd_hms_milli();
            if (hour, minute, second) == (0, 0, 0) {
                format!("{year:04}-{month:02}-{day:02}")
            } else {
                format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}")
            }
        }
        Data::DateTime(duration) => duration.as_f64().to_string(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{ExcelDateTime, ExcelDateTimeType};

    #[test]
    fn cells_read_as_a_spreadsheet_shows_them() {
        assert_eq!(cell_text(&Data::Float(-2.0)), "-2");
        assert_eq!(cell_text(&Data::Float(0.5)), "0.5");
        assert_eq!(cell_text(&Data::Int(5)), "5");
        assert_eq!(cell_text(&Data::String("普京".into())), "普京");
        assert_eq!(cell_text(&Data::Bool(true)), "true");
        assert_eq!(cell_text(&Data::Empty), "");
        assert_eq!(cell_text(&Data::Error(calamine::CellErrorType::NA)), "#N/A");
        // 2021-12-08 is day 44538 of Excel's 1900 calendar.
        let date = ExcelDateTime::new(44538.0, ExcelDateTimeType::DateTime, false);
        assert_eq!(cell_text(&Data::DateTime(date)), "2021-12-08");
        let noon = ExcelDateTime::new(44538.5, ExcelDateTimeType::DateTime, false);
        assert_eq!(cell_text(&Data::DateTime(noon)), "2021-12-08 12:00:00");
    }

    #[test]
    fn bytes_that_are_not_a_workbook_are_refused_with_the_kinds_it_reads() {
        let Err(report) = read_workbook(b"actor,claim\nPutin,NATO\n") else {
            panic!("CSV text was read as a workbook");
        };
        let text = report.lines().join("\n");
        assert!(text.contains("not a spreadsheet workbook"), "{text}");
        assert!(text.contains(".xlsx"), "{text}");
    }
}
