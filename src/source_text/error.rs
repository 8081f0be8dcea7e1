//! Why a file's text could not be loaded, in words for the user. Every refusal leaves the map
//! as it was.

use std::fmt;

/// A file whose text cannot become a source's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextFileError {
    /// The file could not be read (missing, no permission, a folder…).
    Unreadable(String),
    /// The file holds no bytes at all.
    Empty,
    /// The file is larger than [`super::MAX_FILE_BYTES`]; it was not read.
    TooLarge {
        /// The file's size in bytes.
        bytes: u64,
    },
    /// The file holds something other than text (a picture, a PDF, an archive…).
    Binary {
        /// What it looks like, e.g. "a PDF document", or "binary data".
        what: String,
    },
    /// The bytes are not text in any encoding that could be told.
    Undecodable {
        /// The encoding tried, e.g. "UTF-8" or "GB18030".
        encoding: String,
        /// Why it does not fit.
        detail: String,
    },
    /// The file decoded, but holds no text (only whitespace, or a page without an article).
    NoText,
    /// A web page in which no article could be found (a menu page, or one built by scripts).
    NoArticle,
    /// The text is longer than a source may hold.
    TooLong {
        /// The text's length in characters.
        chars: usize,
    },
}

/// A byte count for people: "200 MB", "12 kB", "7 bytes".
pub fn describe_bytes(bytes: u64) -> String {
    const KB: u64 = 1_000;
    const MB: u64 = 1_000_000;
    if bytes >= MB {
        format!("{} MB", bytes.div_ceil(MB))
    } else if bytes >= KB {
        format!("{} kB", bytes.div_ceil(KB))
    } else if bytes == 1 {
        "1 byte".to_owned()
    } else {
        format!("{bytes} bytes")
    }
}

impl fmt::Display for TextFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextFileError::Unreadable(reason) => write!(f, "the file cannot be read: {reason}"),
            TextFileError::Empty => write!(f, "the file is empty (0 bytes)"),
            TextFileError::TooLarge { bytes } => write!(
                f,
                "the file is {}, more than the {} a source's text may come from",
                describe_bytes(*bytes),
                describe_bytes(super::MAX_FILE_BYTES)
            ),
            TextFileError::Binary { what } => write!(
                f,
                "the file is {what}, not text; save it as plain text, Markdown or a web page \
                 (HTML) first"
            ),
            TextFileError::Undecodable { encoding, detail } => write!(
                f,
                "the file's text cannot be decoded (tried {encoding}: {detail}); save it as \
                 UTF-8 and load it again"
            ),
            TextFileError::NoText => write!(f, "the file holds no text"),
            TextFileError::NoArticle => write!(
                f,
                "no article could be found in the page (it may be built by scripts); copy the \
                 text from the browser and paste it instead"
            ),
            TextFileError::TooLong { chars } => write!(
                f,
                "the text has {chars} characters, more than the {} a source may hold",
                crate::model::rules::MAX_SOURCE_TEXT_CHARS
            ),
        }
    }
}

impl std::error::Error for TextFileError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(describe_bytes(1), "1 byte");
        assert_eq!(describe_bytes(999), "999 bytes");
        assert_eq!(describe_bytes(12_345), "13 kB");
        assert_eq!(describe_bytes(200 * 1024 * 1024), "210 MB");
    }
}
