//! Text tidied the same way whatever it came from: Unix line breaks, no spaces at line ends,
//! paragraphs separated by exactly one blank line.

/// `text` with `\r\n` and `\r` line breaks made `\n`, trailing spaces dropped from every line,
/// runs of blank lines made one, and no blank lines at the start or end.
pub fn tidy_paragraphs(text: &str) -> String {
    let unix = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(unix.len());
    let mut blank_run = false;
    for line in unix.split('\n') {
        let line = line.trim_end();
        if line.is_empty() {
            blank_run = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run { "\n\n" } else { "\n" });
        }
        blank_run = false;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_and_blank_lines_are_made_regular() {
        assert_eq!(
            tidy_paragraphs("\r\n\r\nTitle  \r\n\r\n\r\nFirst line\r\nsecond line\r\rEnd\n\n"),
            "Title\n\nFirst line\nsecond line\n\nEnd"
        );
        assert_eq!(tidy_paragraphs(" \n \n"), "");
        // Indentation at the start of a line is the author's and stays.
        assert_eq!(
            tidy_paragraphs("　　第一段\n\n　　第二段"),
            "　　第一段\n\n　　第二段"
        );
    }
}
