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

/// Why a file could not be written, and what that left on disk.
#[derive(Debug)]
pub struct SaveError {
    /// The file that was being written, as the user named it.
    pub file: PathBuf,
    /// Its backup, when the write was to keep one.
    pub backup: Option<PathBuf>,
    /// What went wrong, and at which step.
    pub failure: SaveFailure,
}

/// The step at which a write stopped. In every case the file and its backup are as they were.
#[derive(Debug)]
pub enum SaveFailure {
    /// The new content could not be written to a temporary file beside the file.
    Write(io::Error),
    /// The version on disk could not be kept as the backup.
    Backup(io::Error),
    /// The new content was complete but could not take the file's place.
    Replace(io::Error),
    /// The file changed on disk since it was opened or last saved (another program or window
    /// wrote it); nothing was written over it.
    ChangedOnDisk,
    /// Another stancemap process kept saving in the same folder for longer than a save takes.
    Busy,
}

impl SaveError {
    /// The system's error, when there is one.
    pub fn io_error(&self) -> Option<&io::Error> {
        match &self.failure {
            SaveFailure::Write(e) | SaveFailure::Backup(e) | SaveFailure::Replace(e) => Some(e),
            SaveFailure::ChangedOnDisk | SaveFailure::Busy => None,
        }
    }

    /// Whether the save stopped because someone else changed the file.
    pub fn is_changed_on_disk(&self) -> bool {
        matches!(self.failure, SaveFailure::ChangedOnDisk)
    }

    /// "X is as it was" or "X and its backup Y are as they were".
    fn unchanged(&self) -> String {
        match &self.backup {
            Some(backup) => format!(
                "{} and its backup {} are as they were",
                self.file.display(),
                backup.display()
            ),
            None => format!("{} is as it was", self.file.display()),
        }
    }
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self.file.display();
        let unchanged = self.unchanged();
        match &self.failure {
            SaveFailure::Write(e) => write!(
                f,
                "could not save {file}: {}; nothing was changed: {unchanged}",
                explain_io(e)
            ),
            SaveFailure::Backup(e) => write!(
                f,
                "could not save {file}: keeping the version on disk as the backup failed ({}); \
                 nothing was changed: {unchanged}",
                explain_io(e)
            ),
            SaveFailure::Replace(e) => write!(
                f,
                "could not save {file}: the new version was written completely but could not \
                 replace the file ({}); nothing was changed: {unchanged}",
                explain_io(e)
            ),
            SaveFailure::ChangedOnDisk => write!(
                f,
                "{file} was changed on disk by another program or window since it was opened \
                 or last saved; nothing was written over it"
            ),
            SaveFailure::Busy => write!(
                f,
                "could not save {file}: another stancemap process kept saving in the same \
                 folder; nothing was changed: {unchanged}"
            ),
        }
    }
}

impl std::error::Error for SaveError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.io_error()
            .map(|e| e as &(dyn std::error::Error + 'static))
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
