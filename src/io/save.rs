//! Writing map files: deterministic text, written by the one atomic writer with a backup of
//! the previous version beside the file.

use super::error::{SaveError, SaveFailure};
use super::format::MapFile;
use super::stamp::DiskStamp;
use super::writer::{WriteOptions, Written, backup_path, write_file};
use crate::model::Map;
use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use std::io;
use std::path::Path;

/// The first line of every saved map, so a person opening the file knows what it is.
const HEADER: &str = "// stancemap map: see the README for the format.\n";

/// The map as file text. The same map always gives the same bytes: fields in a fixed order,
/// items sorted by id, numbers printed the same way.
/// Fails only if a field cannot be written as RON (none can today: the file struct holds only
/// strings, numbers, enums and lists), and then nothing is written anywhere.
pub fn to_ron_string(map: &Map) -> Result<String, ron::Error> {
    let config = PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .escape_strings(false)
        .extensions(Extensions::IMPLICIT_SOME);
    let body = ron::ser::to_string_pretty(&MapFile::from_map(map), config)?;
    let mut text = String::with_capacity(HEADER.len() + body.len() + 1);
    text.push_str(HEADER);
    text.push_str(&body);
    text.push('\n');
    Ok(text)
}

/// Saves a map atomically, keeping the previous version as `FILE.bak` (see
/// [`write_file`]). Replaces whatever is on disk; see [`save_map`] to refuse when the file
/// changed since it was read.
pub fn save_file(path: &Path, map: &Map) -> Result<Written, SaveError> {
    save_map(path, map, None)
}

/// Saves a map atomically with a backup, unless the file on disk is no longer what `expected`
/// describes (someone else changed it since it was opened or last saved).
pub fn save_map(
    path: &Path,
    map: &Map,
    expected: Option<&DiskStamp>,
) -> Result<Written, SaveError> {
    let options = WriteOptions {
        backup: true,
        expected,
    };
    write_file(path, options, |out| {
        let text = to_ron_string(map).map_err(|e| SaveError {
            file: path.to_path_buf(),
            backup: Some(backup_path(path)),
            failure: SaveFailure::Write(io::Error::other(format!(
                "the map could not be turned into text: {e}"
            ))),
        })?;
        out.write_all(text.as_bytes()).map_err(|e| SaveError {
            file: path.to_path_buf(),
            backup: Some(backup_path(path)),
            failure: SaveFailure::Write(e),
        })
    })
}
