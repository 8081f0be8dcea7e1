//! Writing an exported file so that a failure never leaves a partial picture behind: the
//! picture goes to a temporary file in the same folder, which replaces the target only once it
//! is complete and synced.

use super::error::ExportError;
use crate::io::sibling_temp_file;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Writes `path` through `write`, atomically: on any error the target is left as it was (or
/// absent) and the temporary file is removed. Unlike saving a map, no backup is kept: a
/// picture can always be exported again.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let fail = |source: io::Error| ExportError::Write {
        path: path.to_path_buf(),
        source,
    };
    if path.is_dir() {
        return Err(fail(io::Error::from(io::ErrorKind::IsADirectory)));
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut temp = sibling_temp_file(&folder, ".stancemap-export-").map_err(fail)?;
    {
        let mut out = BufWriter::with_capacity(1 << 16, temp.as_file_mut());
        write(&mut out)?;
        out.flush().map_err(fail)?;
    }
    if let Ok(meta) = fs::metadata(path) {
        // Replacing a picture keeps its permissions.
        temp.as_file()
            .set_permissions(meta.permissions())
            .map_err(fail)?;
    }
    temp.as_file().sync_all().map_err(fail)?;
    temp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
