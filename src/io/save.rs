//! Writing map files: deterministic text, atomic replacement, and a backup of the previous
//! version beside the file.

use super::error::SaveError;
use super::format::MapFile;
use crate::model::Map;
use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A temporary file in `folder`, named `PREFIX….tmp`, to be renamed over a file there once
/// it is complete (a rename is atomic only within one file system). It has the permissions
/// any new file would get (0666 less the umask), not a temporary file's owner-only ones, so
/// a file it replaces or creates stays readable to whoever could read the folder's files.
pub fn sibling_temp_file(folder: &Path, prefix: &str) -> io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(folder)
}

/// The first line of every saved map, so a person opening the file knows what it is.
const HEADER: &str = "// stancemap map: see the README for the format.\n";

/// The map as file text. The same map always gives the same bytes: fields in a fixed order,
/// items sorted by id, numbers printed the same way.
pub fn to_ron_string(map: &Map) -> String {
    let config = PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .escape_strings(false)
        .extensions(Extensions::IMPLICIT_SOME);
    let body = match ron::ser::to_string_pretty(&MapFile::from_map(map), config) {
        Ok(body) => body,
        // The file struct holds only strings, numbers, enums and lists, which RON always
        // writes; this branch exists so a future field that cannot be written is an error
        // message rather than a crash.
        Err(e) => format!("// could not write this map: {e}\n"),
    };
    let mut text = String::with_capacity(HEADER.len() + body.len() + 1);
    text.push_str(HEADER);
    text.push_str(&body);
    text.push('\n');
    text
}

/// Where the previous version of a file is kept: `name.ron.bak` beside it.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Saves a map atomically, keeping the previous version as a backup.
pub fn save_file(path: &Path, map: &Map) -> Result<(), SaveError> {
    write_atomically(path, to_ron_string(map).as_bytes(), |_| Ok(()))
}

/// Writes `bytes` to a temporary file in the target's folder, syncs it, backs up the old file,
/// then renames the temporary file over the target. A crash or error at any point leaves the
/// old file intact. `before_rename` runs just before the rename (tests use it to fail there).
pub(crate) fn write_atomically(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce(&Path) -> io::Result<()>,
) -> Result<(), SaveError> {
    let fail = |source: io::Error| SaveError {
        file: path.to_path_buf(),
        source,
    };
    // Write through symlinks: replace the file the link points to, not the link.
    let target = match fs::canonicalize(path) {
        Ok(real) => real,
        Err(_) => path.to_path_buf(),
    };
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut temp = sibling_temp_file(&folder, ".stancemap-save-").map_err(fail)?;
    temp.write_all(bytes).map_err(fail)?;
    temp.flush().map_err(fail)?;
    if let Ok(meta) = fs::metadata(&target) {
        // Keep the original file's permissions.
        temp.as_file()
            .set_permissions(meta.permissions())
            .map_err(fail)?;
    }
    temp.as_file().sync_all().map_err(fail)?;
    if target.exists() {
        fs::copy(&target, backup_path(&target)).map_err(fail)?;
    }
    before_rename(temp.path()).map_err(fail)?;
    temp.persist(&target).map_err(|e| fail(e.error))?;
    // Make the rename itself durable.
    if let Ok(dir) = fs::File::open(&folder) {
        let _ = dir.sync_all();
    }
    Ok(())
}
