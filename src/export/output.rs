//! Writing an exported file through the one atomic writer ([`crate::io::write_file`]): a
//! failure never leaves a partial picture behind, and a symbolic link is written through.

use super::error::ExportError;
use crate::io::{SaveError, SaveFailure, WriteOptions, write_file};
use std::io::Write;
use std::path::Path;

/// Writes `path` through `write`, atomically: on any error the target is left as it was (or
/// absent) and the temporary file is removed. Unlike saving a map, no backup is kept: a
/// picture can always be exported again.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    write_file(path, WriteOptions::default(), write).map(|_| ())
}

impl From<SaveError> for ExportError {
    fn from(error: SaveError) -> Self {
        let source = match error.failure {
            SaveFailure::Write(source)
            | SaveFailure::Backup(source)
            | SaveFailure::Replace(source) => source,
            // Exports never ask for a stamp check; a busy folder is the one other reason.
            SaveFailure::ChangedOnDisk => {
                std::io::Error::other("it was changed on disk by another program meanwhile")
            }
            SaveFailure::Busy => std::io::Error::other(
                "another stancemap process kept saving in the same folder; try again",
            ),
        };
        ExportError::Write {
            path: error.file,
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn a_failed_write_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("map.png");
        let result = write_atomically(&target, |out| {
            out.write_all(b"half a picture").unwrap();
            Err(ExportError::Render("stopped".into()))
        });
        assert!(result.is_err());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("map.svg");
        fs::write(&target, "old").unwrap();
        let _ = write_atomically(&target, |_| Err(ExportError::Render("stopped".into())));
        assert_eq!(fs::read_to_string(&target).unwrap(), "old");
        write_atomically(&target, |out| {
            out.write_all(b"new").map_err(|e| ExportError::Write {
                path: target.clone(),
                source: e,
            })
        })
        .unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn folders_and_missing_folders_are_refused_with_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let error = write_atomically(dir.path(), |_| Ok(())).unwrap_err();
        assert!(error.to_string().ends_with("it is a folder"), "{error}");
        let missing = dir.path().join("no/such/folder/map.png");
        let error = write_atomically(&missing, |_| Ok(())).unwrap_err();
        assert!(
            error.to_string().contains("no/such/folder/map.png"),
            "{error}"
        );
        assert!(
            error.to_string().ends_with("the folder does not exist"),
            "{error}"
        );
    }
}
