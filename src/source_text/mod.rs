//! A source's text loaded from a file: plain text, Markdown or a web page, in whatever
//! encoding it was saved. Files that are not text, are empty or are too large are refused
//! with a reason before anything changes.
//!
//! ```no_run
//! # fn example() -> Result<(), stancemap::source_text::TextFileError> {
//! let loaded = stancemap::source_text::load_text_file("article.html".as_ref())?;
//! println!("{:?} by {:?}: {} characters", loaded.title, loaded.publisher, loaded.text.len());
//! # Ok(())
//! # }
//! ```

mod decode;
mod error;
mod html;
mod language;
mod markdown;
mod normalise;

pub use error::{TextFileError, describe_bytes};
pub use normalise::tidy_paragraphs;

use crate::model::Date;
use crate::model::rules::MAX_SOURCE_TEXT_CHARS;
use std::io::Read;
use std::path::Path;

/// Largest file a source's text is loaded from, in bytes: a long web page with its markup
/// fits; larger files are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 50_000_000;

/// Longest first line taken as a plain text's title, in characters.
const MAX_TITLE_LINE_CHARS: usize = 200;

/// What kind of file the text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// Plain text.
    Plain,
    /// Markdown, reduced to plain text.
    Markdown,
    /// A web page, reduced to its article.
    Html,
}

impl TextKind {
    /// The kind's name for messages ("a web page").
    pub fn describe(self) -> &'static str {
        match self {
            TextKind::Plain => "plain text",
            TextKind::Markdown => "Markdown",
            TextKind::Html => "a web page",
        }
    }
}

/// A source's text and what its file says about the source.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedText {
    /// The text, paragraphs separated by blank lines.
    pub text: String,
    /// The document's title (a page's title, a Markdown heading, a plain text's first line).
    pub title: Option<String>,
    /// Who published it (web pages only).
    pub publisher: Option<String>,
    /// When it was published (web pages only).
    pub date: Option<Date>,
    /// Its address (web pages only).
    pub url: Option<String>,
    /// Its language as a BCP 47 tag, from the page or from the script.
    pub language: Option<String>,
    /// What kind of file it was.
    pub kind: TextKind,
    /// The name of the encoding the file was in, e.g. "UTF-8" or "Big5".
    pub encoding: &'static str,
}

/// Loads a source's text from the file at `path`. The size is checked before the file is
/// read, so a huge file is refused at once.
pub fn load_text_file(path: &Path) -> Result<LoadedText, TextFileError> {
    let unreadable = |e: std::io::Error| TextFileError::Unreadable(crate::io::explain_io(&e));
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    if metadata.is_dir() {
        return Err(TextFileError::Unreadable(
            "that is a folder, not a file".to_owned(),
        ));
    }
    check_size(metadata.len())?;
    let file = std::fs::File::open(path).map_err(unreadable)?;
    // The file may grow between the check and the read: never read more than the limit.
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    check_size(bytes.len() as u64)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    text_from_bytes(&bytes, &name)
}

fn check_size(bytes: u64) -> Result<(), TextFileError> {
    match bytes {
        0 => Err(TextFileError::Empty),
        n if n > MAX_FILE_BYTES => Err(TextFileError::TooLarge { bytes: n }),
        _ => Ok(()),
    }
}

/// The text in `bytes`, read from a file called `file_name` (its extension tells Markdown and
/// web pages; a page without one is recognised by its start).
pub fn text_from_bytes(bytes: &[u8], file_name: &str) -> Result<LoadedText, TextFileError> {
    check_size(bytes.len() as u64)?;
    let kind = kind_of(file_name, bytes);
    let declared = match kind {
        TextKind::Html => decode::declared_charset(bytes),
        TextKind::Plain | TextKind::Markdown => None,
    };
    let decoded = decode::decode(bytes, declared)?;
    let encoding = decoded.encoding;
    let mut loaded = match kind {
        TextKind::Plain => plain(&decoded.text),
        TextKind::Markdown => {
            let (text, title) = markdown::to_plain_text(&decoded.text);
            LoadedText {
                title,
                ..plain(&text)
            }
        }
        TextKind::Html => {
            let page = html::extract(&decoded.text)?;
            LoadedText {
                text: page.text,
                title: page.title,
                publisher: page.publisher,
                date: page.date,
                url: page.url,
                language: page.language,
                kind,
                encoding: "",
            }
        }
    };
    loaded.kind = kind;
    loaded.encoding = encoding.name();
    if loaded.text.is_empty() {
        return Err(TextFileError::NoText);
    }
    let chars = loaded.text.chars().count();
    if chars > MAX_SOURCE_TEXT_CHARS {
        return Err(TextFileError::TooLong { chars });
    }
    if loaded.language.is_none() {
        loaded.language = language::guess_language(&loaded.text, encoding);
    }
    Ok(loaded)
}

/// Plain text: tidied, its first line as the title when it is short enough to be one.
fn plain(text: &str) -> LoadedText {
    let text = tidy_paragraphs(text);
    let title = text
        .lines()
        .next()
        .map(str::trim)
        .filter(|line| !line.is_empty() && line.chars().count() <= MAX_TITLE_LINE_CHARS)
        .map(str::to_owned);
    LoadedText {
        text,
        title,
        publisher: None,
        date: None,
        url: None,
        language: None,
        kind: TextKind::Plain,
        encoding: "",
    }
}

/// Markdown and web pages by their extension, or a page by its first tag.
fn kind_of(file_name: &str, bytes: &[u8]) -> TextKind {
    let extension = Path::new(file_name)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "html" | "htm" | "xhtml" | "shtml" => return TextKind::Html,
        "md" | "markdown" | "mdown" | "mkd" => return TextKind::Markdown,
        _ => {}
    }
    let start: Vec<u8> = bytes
        .iter()
        .skip_while(|b| b.is_ascii_whitespace() || **b >= 0x80)
        .take(32)
        .map(u8::to_ascii_lowercase)
        .collect();
    if start.starts_with(b"<!doctype html") || start.starts_with(b"<html") {
        TextKind::Html
    } else {
        TextKind::Plain
    }
}

#[cfg(test)]
mod tests;
