//! Finds where items sit in a map file's text, so problems found after parsing (dangling
//! references, duplicate ids) can still be reported as `FILE:LINE:COLUMN`.
//!
//! The scan knows just enough RON to skip strings and comments and to see `id: N` fields at
//! the depth of list items; it never fails, it only finds fewer places on odd input.

use std::collections::BTreeMap;

/// A place in a text: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    /// Line number, from 1.
    pub line: usize,
    /// Column number in characters, from 1.
    pub column: usize,
}

/// Every `id: N` field found in a file, by raw id, in the order they appear.
#[derive(Debug, Default)]
pub struct IdPlaces {
    places: BTreeMap<u32, Vec<Place>>,
    version: Option<Place>,
    /// The map's own fields (`title`, `description`, …): where each is first written.
    fields: BTreeMap<String, Place>,
    /// Where the map itself starts (its opening bracket).
    start: Option<Place>,
}

impl IdPlaces {
    /// Where the item with this id is written; for an id written twice, the later place,
    /// which is the one that clashes.
    pub fn of(&self, raw: u32) -> Option<Place> {
        self.places.get(&raw).and_then(|v| v.last().copied())
    }

    /// Where the `version` field is written.
    pub fn version(&self) -> Option<Place> {
        self.version
    }

    /// Where the map's own field `name` (e.g. `title`) is written.
    pub fn field(&self, name: &str) -> Option<Place> {
        self.fields.get(name).copied()
    }

    /// Where the map starts: its opening bracket.
    pub fn start(&self) -> Option<Place> {
        self.start
    }

    /// Scans a map file's text.
    pub fn scan(text: &str) -> Self {
        let mut found = IdPlaces::default();
        let mut scanner = Scanner::new(text);
        let mut depth = 0usize;
        while let Some((place, c)) = scanner.next() {
            match c {
                '"' => scanner.skip_string(),
                'r' if scanner.peek_is_raw_string() => scanner.skip_raw_string(),
                '/' if scanner.peek() == Some('/') => scanner.skip_line(),
                '/' if scanner.peek() == Some('*') => scanner.skip_block_comment(),
                '(' | '[' | '{' => {
                    if depth == 0 && found.start.is_none() {
                        found.start = Some(place);
                    }
                    depth += 1;
                }
                ')' | ']' | '}' => depth = depth.saturating_sub(1),
                c if c.is_alphabetic() || c == '_' => {
                    let word = scanner.word(c);
                    // The file struct is depth 1, its lists depth 2, list items depth 3.
                    if word == "id" && depth == 3 {
                        if let Some(raw) = scanner.field_number() {
                            found.places.entry(raw).or_default().push(place);
                        }
                    } else if depth == 1 {
                        if word == "version" && found.version.is_none() {
                            found.version = Some(place);
                        }
                        found.fields.entry(word).or_insert(place);
                    }
                }
                _ => {}
            }
        }
        found
    }
}

/// Character-by-character reader that tracks line and column.
struct Scanner<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    line: usize,
    column: usize,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Scanner {
            chars: text.chars().peekable(),
            line: 1,
            column: 1,
        }
    }

    fn next(&mut self) -> Option<(Place, char)> {
        let place = Place {
            line: self.line,
            column: self.column,
        };
        let c = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some((place, c))
    }

    fn peek(&mut self) -> Option<char> {
        self.chars.peek().copied()
    }

    fn peek_is_raw_string(&mut self) -> bool {
        matches!(self.peek(), Some('#' | '"'))
    }

    fn skip_string(&mut self) {
        while let Some((_, c)) = self.next() {
            match c {
                '\\' => {
                    self.next();
                }
                '"' => return,
                _ => {}
            }
        }
    }

    fn skip_raw_string(&mut self) {
        let mut hashes = 0;
        while self.peek() == Some('#') {
            self.next();
            hashes += 1;
        }
        if self.peek() != Some('"') {
            return;
        }
        self.next();
        'outer: while let Some((_, c)) = self.next() {
            if c == '"' {
                for _ in 0..hashes {
                    if self.peek() != Some('#') {
                        continue 'outer;
                    }
                    self.next();
                }
                return;
            }
        }
    }

    fn skip_line(&mut self) {
        while let Some((_, c)) = self.next() {
            if c == '\n' {
                return;
            }
        }
    }

    fn skip_block_comment(&mut self) {
        let mut nesting = 0usize;
        let mut previous = '\0';
        while let Some((_, c)) = self.next() {
            match (previous, c) {
                ('/', '*') => {
                    nesting += 1;
                    previous = '\0';
                    continue;
                }
                ('*', '/') => {
                    nesting = nesting.saturating_sub(1);
                    if nesting == 0 {
                        return;
                    }
                    previous = '\0';
                    continue;
                }
                _ => {}
            }
            previous = c;
        }
    }

    fn word(&mut self, first: char) -> String {
        let mut word = String::from(first);
        while let Some(c) = self.peek() {
            if c.is_alphanumeric() || c == '_' {
                word.push(c);
                self.next();
            } else {
                break;
            }
        }
        word
    }

    /// Reads `: 123` after a field name.
    fn field_number(&mut self) -> Option<u32> {
        self.skip_spaces();
        if self.peek() != Some(':') {
            return None;
        }
        self.next();
        self.skip_spaces();
        let mut digits = String::new();
        while let Some(c) = self.peek() {
            if c.is_ascii_digit() {
                digits.push(c);
                self.next();
            } else {
                break;
            }
        }
        digits.parse().ok()
    }

    fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(c) if c.is_whitespace()) {
            self.next();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ids_of_list_items_only() {
        let text = "(\n    version: 1,\n    actors: [\n        (id: 4, name: \"id: 9\"),\n        // (id: 8)\n        ( id : 5 ),\n    ],\n)";
        let places = IdPlaces::scan(text);
        assert_eq!(places.version(), Some(Place { line: 2, column: 5 }));
        assert_eq!(
            places.of(4),
            Some(Place {
                line: 4,
                column: 10
            })
        );
        assert_eq!(
            places.of(5),
            Some(Place {
                line: 6,
                column: 11
            })
        );
        assert_eq!(places.of(9), None);
        assert_eq!(places.of(8), None);
    }

    #[test]
    fn reports_the_later_of_two_equal_ids() {
        let text = "(actors: [(id: 1), (id: 1)])";
        assert_eq!(
            IdPlaces::scan(text).of(1),
            Some(Place {
                line: 1,
                column: 21
            })
        );
    }

    #[test]
    fn survives_unterminated_input() {
        for text in [
            "(actors: [(id: ",
            "\"abc",
            "r#\"abc",
            "/* never closed",
            "(((((",
        ] {
            let _ = IdPlaces::scan(text);
        }
    }
}
