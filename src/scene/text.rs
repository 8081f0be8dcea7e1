//! Measuring and wrapping label text without a font at hand.
//!
//! The scene is built before anything is painted and must come out the same for the canvas and
//! for headless exports, so widths come from a fixed table of typical sans-serif advances
//! rather than from whichever font a painter happens to load. The table errs on the wide side,
//! so real text always fits its box.

/// Line height as a multiple of the font size.
pub const LINE_HEIGHT: f32 = 1.3;

/// Most lines a label is wrapped to; longer labels end in an ellipsis.
pub const MAX_LINES: usize = 6;

/// Estimated advance of one character, in ems.
pub fn char_width(c: char) -> f32 {
    match c {
        ' ' => 0.3,
        'i' | 'j' | 'l' | '\'' | '.' | ',' | ':' | ';' | '!' | '|' => 0.3,
        'f' | 't' | 'r' | 'I' | '(' | ')' | '[' | ']' | '-' | '"' => 0.4,
        'm' | 'w' => 0.85,
        'M' | 'W' => 0.95,
        '—' => 1.0,
        'a'..='z' => 0.56,
        'A'..='Z' => 0.68,
        '0'..='9' => 0.6,
        c if is_wide(c) => 1.0,
        c if c.is_ascii() => 0.6,
        _ => 0.65,
    }
}

/// Whether a character is set full-width (CJK ideographs, kana, hangul, full-width forms).
pub fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x2FFFD
        | 0x30000..=0x3FFFD)
}

/// Estimated width of a text at a font size.
pub fn text_width(text: &str, size: f32) -> f32 {
    text.chars().map(char_width).sum::<f32>() * size
}

/// Splits text into lines no wider than `max_width`: at spaces for alphabetic text, between
/// any two characters for CJK text, and inside words only when a word alone is too wide.
/// At most [`MAX_LINES`] lines; text beyond that is cut and marked with an ellipsis.
pub fn wrap(text: &str, size: f32, max_width: f32) -> Vec<String> {
    let mut lines = wrap_all(text, size, max_width);
    if lines.len() > MAX_LINES {
        lines.truncate(MAX_LINES);
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && text_width(&format!("{last}…"), size) > max_width {
                last.pop();
            }
            last.push('…');
        }
    }
    lines
}

/// Splits text into lines no wider than `max_width` as [`wrap`] does, keeping every line (for
/// quotes, which are never cut short).
pub fn wrap_all(text: &str, size: f32, max_width: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for paragraph in text.split('\n') {
        wrap_paragraph(paragraph.trim(), size, max_width, &mut lines);
    }
    lines
}

fn wrap_paragraph(text: &str, size: f32, max_width: f32, lines: &mut Vec<String>) {
    let mut line = String::new();
    let mut width = 0.0;
    for token in tokens(text) {
        let token_width = text_width(token, size);
        let is_space = token == " ";
        if width + token_width <= max_width || line.is_empty() && !is_space {
            if !(line.is_empty() && is_space) {
                line.push_str(token);
                width += token_width;
            }
            if width > max_width {
                // A single word wider than the line: break it by characters.
                let long = std::mem::take(&mut line);
                width = 0.0;
                for c in long.chars() {
                    let w = char_width(c) * size;
                    if width + w > max_width && !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                        width = 0.0;
                    }
                    line.push(c);
                    width += w;
                }
            }
        } else {
            lines.push(line.trim_end().to_owned());
            line = String::new();
            width = 0.0;
            if !is_space {
                line.push_str(token);
                width = token_width;
            }
        }
    }
    if !line.trim().is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_owned());
    }
}

/// Breakable pieces: runs of non-space, non-wide characters; single spaces; single wide
/// characters (CJK text may break between any two of them). Closing punctuation sticks to the
/// character before it.
fn tokens(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let mut end = first.len_utf8();
        if first != ' ' && !is_wide(first) {
            for c in rest[end..].chars() {
                if c == ' ' || is_wide(c) && !is_closing(c) {
                    break;
                }
                end += c.len_utf8();
            }
        } else if is_wide(first) {
            for c in rest[end..].chars() {
                if !is_closing(c) {
                    break;
                }
                end += c.len_utf8();
            }
        }
        let (token, tail) = rest.split_at(end);
        rest = tail;
        Some(token)
    })
}

/// Punctuation that must not start a line.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '」'
            | '』'
            | '”'
            | '’'
            | ','
            | '.'
            | ')'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_stays_on_one_line() {
        assert_eq!(wrap("NATO expansion", 13.0, 190.0), ["NATO expansion"]);
    }

    #[test]
    fn words_wrap_at_spaces_within_the_width() {
        let lines = wrap(
            "Russia demands legal guarantees against further NATO expansion",
            13.0,
            120.0,
        );
        assert!(lines.len() > 1);
        for line in &lines {
            assert!(text_width(line, 13.0) <= 120.0, "{line}");
            assert!(!line.starts_with(' ') && !line.ends_with(' '), "{line:?}");
        }
        assert_eq!(
            lines.join(" "),
            "Russia demands legal guarantees against further NATO expansion"
        );
    }

    #[test]
    fn chinese_wraps_between_characters_keeping_punctuation_attached() {
        let text = "俄羅斯希望獲得可靠的法律保證，以防止北約進一步東擴。";
        let lines = wrap(text, 13.0, 100.0);
        assert!(lines.len() > 2);
        assert_eq!(lines.concat(), text);
        for line in &lines {
            assert!(!line.starts_with('，') && !line.starts_with('。'), "{line}");
        }
    }

    #[test]
    fn overlong_words_are_broken() {
        let lines = wrap(&"x".repeat(100), 13.0, 100.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| text_width(l, 13.0) <= 100.0));
    }

    #[test]
    fn very_long_text_is_cut_with_an_ellipsis() {
        let lines = wrap(&"word ".repeat(500), 13.0, 100.0);
        assert_eq!(lines.len(), MAX_LINES);
        assert!(lines.last().unwrap().ends_with('…'));
    }

    #[test]
    fn empty_text_gives_one_empty_line() {
        assert_eq!(wrap("", 13.0, 100.0), [""]);
    }

    #[test]
    fn wide_characters_measure_one_em() {
        assert_eq!(text_width("北約", 10.0), 20.0);
        assert!(is_wide('東') && !is_wide('E'));
    }
}
