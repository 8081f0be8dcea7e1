//! Errors from loading and saving map files, worded for the person who has to fix the file.

use super::locate::Place;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// One problem in a map file, with its place when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    /// Line and column, when the problem can be pinned to a place.
    pub place: Option<Place>,
    /// What is wrong.
    pub message: String,
}

/// Why a map file could not be opened: every problem found, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The file, as the user named it.
    pub file: PathBuf,
    /// The problems; never empty.
    pub problems: Vec<FileProblem>,
}

impl LoadError {
    /// A load error with a single problem.
    pub fn single(file: &Path, place: Option<Place>, message: impl Into<String>) -> Self {
        LoadError {
            file: file.to_path_buf(),
            problems: vec![FileProblem {
                place,
                message: message.into(),
            }],
        }
    }

    /// Each problem as a `FILE:LINE:COLUMN: message` line.
    pub fn lines(&self) -> Vec<String> {
        self.problems
            .iter()
            .map(|problem| match problem.place {
                Some(place) => format!(
                    "{}:{}:{}: {}",
                    self.file.display(),
                    place.line,
                    place.column,
                    problem.message
                ),
                None => format!("{}: {}", self.file.display(), problem.message),
            })
            .collect()
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.lines().join("\n"))
    }
}

impl std::error::Error for LoadError {}

/// Why a map could not be saved. The file on disk is unchanged.
#[derive(Debug)]
pub struct SaveError {
    /// The file that was being written.
    pub file: PathBuf,
    /// The underlying error.
    pub source: io::Error,
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "could not save {}: {}; the file on disk was not changed",
            self.file.display(),
            explain_io(&self.source)
        )
    }
}

impl std::error::Error for SaveError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// A plain-words reason for an I/O error.
pub fn explain_io(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "the file or folder does not exist".to_owned(),
        io::ErrorKind::PermissionDenied => {
            "permission denied (is the file or folder read-only?)".to_owned()
        }
        io::ErrorKind::StorageFull => "the disk is full".to_owned(),
        io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only".to_owned(),
        io::ErrorKind::IsADirectory => "that is a folder, not a file".to_owned(),
        _ => error.to_string(),
    }
}
