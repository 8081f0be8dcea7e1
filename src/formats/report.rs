//! What an import found wrong or worth saying: every problem with the place it comes from (a
//! spreadsheet row, an AIF node), so the person who has to fix the file can find it.

use std::fmt;
use std::path::{Path, PathBuf};

/// Where in an imported file something comes from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Origin {
    /// The file as a whole.
    File,
    /// A spreadsheet row, numbered as the spreadsheet program numbers it (the header is row
    /// 1), with the text line it starts on when that differs (quoted fields may hold line
    /// breaks).
    Row {
        /// The row number (header = 1).
        row: usize,
        /// The line of the file the row starts on.
        line: usize,
    },
    /// An element of a structured file, such as an AIF node, named by its id.
    Element(String),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::File => Ok(()),
            Origin::Row { row, line } if row == line => write!(f, "row {row}"),
            Origin::Row { row, line } => write!(f, "row {row} (line {line})"),
            Origin::Element(name) => f.write_str(name),
        }
    }
}

/// One thing wrong with an imported file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    /// Where it is.
    pub origin: Origin,
    /// What is wrong, and what was expected.
    pub message: String,
}

impl ImportProblem {
    /// A problem at `origin`.
    pub fn new(origin: Origin, message: impl Into<String>) -> Self {
        ImportProblem {
            origin,
            message: message.into(),
        }
    }

    /// A problem with the file as a whole.
    pub fn file(message: impl Into<String>) -> Self {
        Self::new(Origin::File, message)
    }
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.origin {
            Origin::File => f.write_str(&self.message),
            _ => write!(f, "{}: {}", self.origin, self.message),
        }
    }
}

/// Why a file could not be imported, with every problem found, in file order. Nothing of it
/// was imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    /// The file, when the import read one.
    pub file: Option<PathBuf>,
    /// The problems; never empty.
    pub problems: Vec<ImportProblem>,
}

impl ImportReport {
    /// A report of `problems` in a file not yet named.
    pub fn new(problems: Vec<ImportProblem>) -> Self {
        ImportReport {
            file: None,
            problems,
        }
    }

    /// A report of one problem with the file as a whole.
    pub fn single(message: impl Into<String>) -> Self {
        Self::new(vec![ImportProblem::file(message)])
    }

    /// The same report, naming the file it is about.
    pub fn in_file(mut self, file: &Path) -> Self {
        self.file = Some(file.to_path_buf());
        self
    }

    /// Each problem as a line: `FILE: row 5: message`.
    pub fn lines(&self) -> Vec<String> {
        self.problems
            .iter()
            .map(|problem| match &self.file {
                Some(file) => format!("{}: {problem}", file.display()),
                None => problem.to_string(),
            })
            .collect()
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.lines().join("\n"))
    }
}

impl std::error::Error for ImportReport {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_name_their_line_only_when_it_differs() {
        let same = ImportProblem::new(Origin::Row { row: 4, line: 4 }, "bad");
        let later = ImportProblem::new(Origin::Row { row: 4, line: 6 }, "bad");
        assert_eq!(same.to_string(), "row 4: bad");
        assert_eq!(later.to_string(), "row 4 (line 6): bad");
        let report = ImportReport::new(vec![same, ImportProblem::file("empty")])
            .in_file(Path::new("coded.csv"));
        assert_eq!(
            report.lines(),
            ["coded.csv: row 4: bad", "coded.csv: empty"]
        );
    }
}
