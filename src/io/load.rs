//! Reading map files: never panics, reports every problem it can with its line and column.

use super::error::{FileProblem, LoadError, explain_io};
use super::format::{CURRENT_VERSION, MapFile};
use super::locate::{IdPlaces, Place};
use super::sniff::{not_a_map, not_a_regular_file};
use super::stamp::DiskStamp;
use crate::model::Map;
use ron::extensions::Extensions;
use serde::Deserialize;
use std::io::Read;
use std::path::Path;

/// Largest map file stancemap opens, in bytes. A 10,000-node map with quotes is a few MB.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// Deepest bracket nesting accepted; real maps need 4 levels.
const RECURSION_LIMIT: usize = 64;

/// Reads, parses and validates a map file.
pub fn load_file(path: &Path) -> Result<Map, LoadError> {
    load_file_stamped(path).map(|(map, _)| map)
}

/// Reads, parses and validates a map file, and says what the file was when read (to notice
/// later changes by others). Leftover temporary files of interrupted saves in its folder are
/// removed on the way (see [`super::tidy_folder_of`]).
pub fn load_file_stamped(path: &Path) -> Result<(Map, DiskStamp), LoadError> {
    super::tidy_folder_of(&super::follow_links(path));
    let (text, stamp) = read_text(path)?;
    Ok((load_str(&text, path)?, stamp))
}

/// Reads a file as UTF-8 text, refusing files over [`MAX_FILE_BYTES`].
fn read_text(path: &Path) -> Result<(String, DiskStamp), LoadError> {
    let fail = |message: String| LoadError::single(path, None, message);
    // Checked before opening: opening a named pipe would wait for a writer forever.
    let metadata =
        std::fs::metadata(path).map_err(|e| fail(format!("cannot open: {}", explain_io(&e))))?;
    if let Some(problem) = not_a_regular_file(&metadata) {
        return Err(fail(format!("cannot open: {problem}")));
    }
    let file =
        std::fs::File::open(path).map_err(|e| fail(format!("cannot open: {}", explain_io(&e))))?;
    let metadata = file
        .metadata()
        .map_err(|e| fail(format!("cannot read: {}", explain_io(&e))))?;
    let size = metadata.len();
    if size > MAX_FILE_BYTES {
        return Err(fail(format!(
            "the file is {:.1} MB; stancemap opens maps of at most {} MB (is this a map file?)",
            size as f64 / 1e6,
            MAX_FILE_BYTES / 1024 / 1024
        )));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // Read one byte past the limit so a file that grew after the size check is still caught.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(format!("cannot read: {}", explain_io(&e))))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail("the file is too large to be a map".to_owned()));
    }
    let stamp = DiskStamp::of_bytes(&metadata, &bytes);
    let text = String::from_utf8(bytes).map_err(|e| {
        let good = e
            .as_bytes()
            .get(..e.utf8_error().valid_up_to())
            .unwrap_or_default();
        let place = place_at_end_of(good);
        LoadError::single(
            path,
            Some(place),
            "this is not UTF-8 text; map files are RON text (is this a map file?)",
        )
    })?;
    Ok((text, stamp))
}

/// The line and column just after a valid UTF-8 prefix.
fn place_at_end_of(good: &[u8]) -> Place {
    let text = String::from_utf8_lossy(good);
    let line = text.matches('\n').count() + 1;
    let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Place { line, column }
}

/// Only the version, read before the rest so newer files get a clear message.
#[derive(Deserialize)]
struct VersionOnly {
    version: Option<u32>,
}

fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT)
}

/// Parses and validates a map from its text; `file` names it in messages.
pub fn load_str(text: &str, file: &Path) -> Result<Map, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::single(
            file,
            None,
            "the file is empty; a map file starts with `(` and `version: 1,`",
        ));
    }
    let options = ron_options();
    let parsed: MapFile = match options.from_str(text) {
        Ok(parsed) => parsed,
        // A file that is not a map at all, or one from another version, may fail for reasons
        // that say more than the syntax error.
        Err(error) => {
            if let Some((place, message)) = not_a_map(text) {
                return Err(LoadError::single(file, Some(place), message));
            }
            return Err(version_problem(text, file).unwrap_or_else(|| syntax_error(file, &error)));
        }
    };
    if let Some(problem) = check_version(Some(parsed.version), text, file) {
        return Err(problem);
    }
    Map::assemble(parsed.into_parts()).map_err(|problems| {
        // Only a failed load pays for finding where items are written.
        let places = IdPlaces::scan(text);
        let mut problems: Vec<FileProblem> = problems
            .into_iter()
            .map(|p| FileProblem {
                // An item's problem points at its `id`, a map field's at the field, and any
                // other problem of the map as a whole at the map's opening bracket.
                place: match (p.item, p.field) {
                    (Some(item), _) => places.of(item.raw()),
                    (None, Some(field)) => places.field(field),
                    (None, None) => None,
                }
                .or(places.start()),
                message: p.to_string(),
            })
            .collect();
        // File order, with problems that have no place last.
        problems.sort_by_key(|p| p.place.map_or((usize::MAX, 0), |pl| (pl.line, pl.column)));
        LoadError {
            file: file.to_path_buf(),
            problems,
        }
    })
}

/// After a failed parse: reads just the version, and explains the failure by it when the
/// version is missing or one this build cannot read.
fn version_problem(text: &str, file: &Path) -> Option<LoadError> {
    let probe: VersionOnly = ron_options().from_str(text).ok()?;
    check_version(probe.version, text, file)
}

/// A problem with the version field, if there is one.
fn check_version(version: Option<u32>, text: &str, file: &Path) -> Option<LoadError> {
    let place = || IdPlaces::scan(text).version();
    match version {
        None => Some(LoadError::single(
            file,
            Some(Place { line: 1, column: 1 }),
            format!(
                "the map has no `version` field; add `version: {CURRENT_VERSION},` after the \
                 opening `(`"
            ),
        )),
        Some(0) => Some(LoadError::single(
            file,
            place(),
            "version 0 does not exist; the first format version is 1",
        )),
        Some(v) if v > CURRENT_VERSION => Some(LoadError::single(
            file,
            place(),
            format!(
                "the file is format version {v}, but this stancemap reads versions up to \
                 {CURRENT_VERSION}; open it with a newer stancemap"
            ),
        )),
        Some(_) => None,
    }
}

/// Turns a RON error into a problem at its place, in plainer words where RON's are terse or
/// name internal types.
fn syntax_error(file: &Path, error: &ron::error::SpannedError) -> LoadError {
    use ron::Error as E;
    let message = match &error.code {
        E::Eof => "the file ends too early: a bracket, string or list is not closed".to_owned(),
        E::ExceededRecursionLimit => format!(
            "brackets are nested more than {RECURSION_LIMIT} deep; a map file needs only 4 levels"
        ),
        E::ExpectedStructLike => "expected a `(` here".to_owned(),
        E::ExpectedNamedStructLike(name) => {
            format!("expected a `(` to start {}", item_name(Some(name)))
        }
        E::TrailingCharacters => {
            "unexpected text after the end of the map (an extra `)`?)".to_owned()
        }
        E::MissingStructField { field, outer } => {
            format!(
                "{} is missing its `{field}` field",
                item_name(outer.as_deref())
            )
        }
        E::DuplicateStructField { field, outer } => {
            format!(
                "{} has the `{field}` field twice",
                item_name(outer.as_deref())
            )
        }
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "{} has no field `{found}`; the fields are {}",
            item_name(outer.as_deref()),
            list(expected)
        ),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => format!("`{found}` is not one of {}", list(expected)),
        other => other.to_string(),
    };
    let place = Place {
        line: error.span.start.line,
        column: error.span.start.col,
    };
    LoadError::single(file, Some(place), message)
}

/// What an item of a file struct is called in messages.
fn item_name(record: Option<&str>) -> &'static str {
    match record {
        Some("MapFile") => "the map",
        Some("SourceRecord") => "a source",
        Some("ActorRecord") => "an actor",
        Some("ClaimRecord") => "a claim",
        Some("StanceRecord") => "a stance",
        Some("RelationRecord") => "a relation",
        Some("ConflictRecord") => "a conflict",
        _ => "an item",
    }
}

/// `a`, `b` or `c`.
fn list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => "none".to_owned(),
    }
}
