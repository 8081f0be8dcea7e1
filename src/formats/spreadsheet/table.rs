//! A sheet of text cells with the place each row comes from, read from CSV bytes as a
//! spreadsheet program writes them: with or without a byte order mark, in UTF-8 or UTF-16,
//! separated by commas, semicolons or tabs, with quoted fields that hold separators, quotes
//! and line breaks.

use crate::formats::report::{ImportProblem, ImportReport, Origin};

/// One row of cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    /// Where the row is in the file.
    pub origin: Origin,
    /// The cells, as written (not trimmed).
    pub cells: Vec<String>,
}

/// A header row and the rows under it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    /// The first row's cells.
    pub headers: Vec<String>,
    /// Every other row.
    pub rows: Vec<TableRow>,
}

/// The text of a CSV file: UTF-8 (a byte order mark is dropped) or UTF-16 with its byte
/// order mark, as Excel's “Unicode text” writes it.
pub fn decode(bytes: &[u8]) -> Result<String, ImportReport> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest);
    }
    let utf16 = |rest: &[u8], little: bool| {
        let units = rest.chunks_exact(2).map(|pair| match pair {
            [a, b] if little => u16::from_le_bytes([*a, *b]),
            [a, b] => u16::from_be_bytes([*a, *b]),
            _ => 0,
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|_| {
                ImportReport::single("the file starts as UTF-16 text but is not valid UTF-16")
            })
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, false);
    }
    utf8(bytes)
}

fn utf8(bytes: &[u8]) -> Result<String, ImportReport> {
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = bytes.iter().take(at).filter(|&&b| b == b'\n').count() + 1;
        ImportReport::single(format!(
            "line {line}: the file is not UTF-8 text (byte {} is not valid UTF-8); save it \
             from the spreadsheet program as “CSV UTF-8”",
            at + 1
        ))
    })
}

/// The separator the first line uses: the most frequent of comma, semicolon and tab outside
/// quotes (commas on a tie). A first line `sep=;` (as Excel writes) names it outright.
fn separator(text: &str) -> (u8, bool) {
    let first = text.lines().next().unwrap_or("");
    if let Some(named) = first.trim().strip_prefix("sep=")
        && let [byte] = named.as_bytes()
    {
        return (*byte, true);
    }
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for byte in text.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => {
                for (sep, count) in &mut counts {
                    if *sep == byte {
                        *count += 1;
                    }
                }
            }
            _ => {}
        }
    }
    let best = counts.iter().fold(
        (b',', 0),
        |best, &(sep, n)| if n > best.1 { (sep, n) } else { best },
    );
    (best.0, false)
}

/// Reads a CSV file into a table. Fails only when the file is not text or has no header.
pub fn read_csv(bytes: &[u8]) -> Result<Table, ImportReport> {
    let text = decode(bytes)?;
    let (sep, named) = separator(&text);
    let body = if named {
        text.split_once('\n').map_or("", |(_, rest)| rest)
    } else {
        text.as_str()
    };
    let line_offset = usize::from(named);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sep)
        .flexible(true)
        .has_headers(false)
        .from_reader(body.as_bytes());
    let mut table = Table::default();
    let mut record = csv::StringRecord::new();
    let mut row = 0usize;
    // Lines are counted here from byte offsets: on CRLF files the csv crate puts a record's
    // start at the line feed ending the row before it.
    let mut counted = (0usize, 1usize);
    let mut line_at = |byte: usize| {
        let (from, line) = counted;
        let skipped = body.as_bytes().get(byte..).map_or(0, |rest| {
            rest.iter()
                .take_while(|&&c| c == b'\r' || c == b'\n')
                .count()
        });
        let to = (byte + skipped).min(body.len()).max(from);
        let more = body
            .as_bytes()
            .get(from..to)
            .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count());
        counted = (to, line + more);
        counted.1 + line_offset
    };
    loop {
        let next_line = line_at(reader.position().byte() as usize);
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                row += 1;
                let line = record
                    .position()
                    .map_or(next_line, |p| line_at(p.byte() as usize));
                let cells: Vec<String> = record.iter().map(str::to_owned).collect();
                if row == 1 {
                    table.headers = cells;
                } else {
                    table.rows.push(TableRow {
                        origin: Origin::Row { row, line },
                        cells,
                    });
                }
            }
            Err(e) => {
                return Err(ImportReport::new(vec![ImportProblem::new(
                    Origin::Row {
                        row: row + 1,
                        line: next_line,
                    },
                    format!("cannot read this row as CSV: {e}"),
                )]));
            }
        }
    }
    if table.headers.iter().all(|h| h.trim().is_empty()) {
        return Err(ImportReport::single(
            "the file is empty: the first row should name the columns (actor, claim, \
             position, …)",
        ));
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolons_quotes_line_breaks_and_a_bom() {
        let csv = "\u{feff}actor;claim;quote\r\nPutin;\"NATO; east\";\"line one\r\nline two\"\r\nBiden;Talks;\"He said \"\"no\"\"\"\r\n";
        let table = read_csv(csv.as_bytes()).unwrap();
        assert_eq!(table.headers, ["actor", "claim", "quote"]);
        assert_eq!(table.rows.len(), 2);
        let first = &table.rows[0];
        assert_eq!(first.cells[1], "NATO; east");
        assert_eq!(first.cells[2], "line one\r\nline two");
        assert_eq!(first.origin, Origin::Row { row: 2, line: 2 });
        assert_eq!(table.rows[1].origin, Origin::Row { row: 3, line: 4 });
        assert_eq!(table.rows[1].cells[2], "He said \"no\"");
    }

    #[test]
    fn excel_sep_line_and_utf16() {
        let table = read_csv(b"sep=;\nactor;claim\nA;B\n").unwrap();
        assert_eq!(table.headers, ["actor", "claim"]);
        assert_eq!(table.rows[0].origin, Origin::Row { row: 2, line: 3 });
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in "actor\tclaim\n普京\tB\n".encode_utf16() {
            utf16.extend(unit.to_le_bytes());
        }
        let table = read_csv(&utf16).unwrap();
        assert_eq!(table.rows[0].cells, ["普京", "B"]);
    }

    #[test]
    fn text_that_is_not_utf8_says_how_to_save_it() {
        let err = read_csv(b"actor,claim\nM\xfcller,x\n").unwrap_err();
        assert!(err.to_string().contains("line 2") && err.to_string().contains("CSV UTF-8"));
        assert!(read_csv(b"").unwrap_err().to_string().contains("empty"));
    }
}
