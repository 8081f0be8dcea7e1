//! Telling a map file from other files before blaming its syntax: a text that does not even
//! start like a map gets a plain "this is not a stancemap map", and a path that is not a
//! regular file (a folder, a pipe, a device) is refused before anything tries to read it.

use super::locate::Place;
use std::fs::Metadata;

/// If `text` does not start the way every map does — a `(`, possibly after comments, RON
/// extension lines or a struct name — what it starts with instead and where, in words for
/// the user.
pub fn not_a_map(text: &str) -> Option<(Place, String)> {
    let (offset, rest) = first_token(text)?;
    if starts_like_a_map(rest) {
        return None;
    }
    let place = place_of(text, offset);
    let opening: String = rest
        .lines()
        .next()
        .unwrap_or_default()
        .chars()
        .take(24)
        .collect();
    let more = if rest.lines().next().unwrap_or_default().chars().count() > 24 {
        "…"
    } else {
        ""
    };
    Some((
        place,
        format!(
            "this is not a stancemap map: it starts with ‘{}{more}’; a map starts with `(` and \
             `version: 1`",
            opening.trim_end()
        ),
    ))
}

/// Why a path with this metadata cannot be opened as a file, if it cannot: folders, pipes,
/// sockets and devices are refused at once (opening a pipe would wait for a writer forever).
pub fn not_a_regular_file(metadata: &Metadata) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    let kind = metadata.file_type();
    if kind.is_file() {
        None
    } else if kind.is_dir() {
        Some("this is a folder, not a file")
    } else if kind.is_fifo() {
        Some("this is a named pipe, not a file")
    } else if kind.is_socket() {
        Some("this is a socket, not a file")
    } else if kind.is_block_device() || kind.is_char_device() {
        Some("this is a device, not a file")
    } else {
        Some("this is not a regular file")
    }
}

/// The first thing in `text` that is not white space, a comment or an extension line, with
/// its byte offset.
fn first_token(text: &str) -> Option<(usize, &str)> {
    let mut rest = text.strip_prefix('\u{feff}').unwrap_or(text);
    loop {
        let trimmed = rest.trim_start();
        if let Some(after) = trimmed.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, next)| next);
        } else if let Some(after) = trimmed.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, next)| next);
        } else if let Some(after) = trimmed.strip_prefix("#!") {
            // `#![enable(implicit_some)]` and the like.
            rest = after.split_once(']').map_or("", |(_, next)| next);
        } else if trimmed.is_empty() {
            return None;
        } else {
            return Some((text.len() - trimmed.len(), trimmed));
        }
    }
}

/// A `(`, or a struct name followed by one (`MapFile(`).
fn starts_like_a_map(rest: &str) -> bool {
    let name_end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    rest.get(name_end..)
        .is_some_and(|after| after.trim_start().starts_with('('))
}

fn place_of(text: &str, offset: usize) -> Place {
    let before = text.get(..offset).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Place { line, column }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_start_with_a_bracket_after_comments_and_extensions() {
        assert_eq!(not_a_map("(version: 1)"), None);
        assert_eq!(not_a_map("\u{feff}  // a map\n/* of */ (version: 1)"), None);
        assert_eq!(not_a_map("#![enable(implicit_some)]\n(version: 1)"), None);
        assert_eq!(not_a_map("MapFile (version: 1)"), None);
        assert_eq!(not_a_map("   \n"), None);
    }

    #[test]
    fn other_text_is_named_by_its_opening() {
        let (place, message) =
            not_a_map("\n  Title: Putin and Biden talk for two hours\nBody").unwrap();
        assert_eq!((place.line, place.column), (2, 3));
        assert_eq!(
            message,
            "this is not a stancemap map: it starts with ‘Title: Putin and Biden t…’; a map \
             starts with `(` and `version: 1`"
        );
        let (_, message) = not_a_map("{\"version\": 1}").unwrap();
        assert!(message.contains("‘{\"version\": 1}’"), "{message}");
    }

    #[test]
    fn folders_are_not_files() {
        let dir = tempfile::tempdir().unwrap();
        let metadata = std::fs::metadata(dir.path()).unwrap();
        assert_eq!(
            not_a_regular_file(&metadata),
            Some("this is a folder, not a file")
        );
        let file = dir.path().join("map.ron");
        std::fs::write(&file, "(version: 1)").unwrap();
        assert_eq!(not_a_regular_file(&std::fs::metadata(file).unwrap()), None);
    }
}
