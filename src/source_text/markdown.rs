//! Markdown to plain text: the words as a reader sees them, one blank line between
//! paragraphs, headings and list items, without the markup (`#`, `*`, links' addresses).

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// The plain text of a Markdown document, and its first heading (a title for the source).
pub fn to_plain_text(markdown: &str) -> (String, Option<String>) {
    let mut out = String::new();
    let mut title: Option<String> = None;
    let mut heading: Option<String> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => {
                if let Some(text) = heading.take()
                    && title.is_none()
                    && !text.trim().is_empty()
                {
                    title = Some(text.trim().to_owned());
                }
                end_block(&mut out);
            }
            Event::Start(Tag::Item) => {
                end_block(&mut out);
                out.push_str("• ");
            }
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::TableRow
                | TagEnd::TableHead,
            )
            | Event::Rule => end_block(&mut out),
            Event::Text(text) | Event::Code(text) | Event::InlineMath(text) => {
                if let Some(heading) = &mut heading {
                    heading.push_str(&text);
                }
                out.push_str(&text);
            }
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::End(TagEnd::TableCell) => out.push('\t'),
            _ => {}
        }
    }
    (out.trim_end().to_owned(), title)
}

/// Ends the paragraph being written with a blank line (once).
fn end_block(out: &mut String) {
    let trimmed = out.trim_end_matches([' ', '\t']).len();
    out.truncate(trimmed);
    if out.is_empty() || out.ends_with("\n\n") {
        return;
    }
    if out.ends_with('\n') {
        out.push('\n');
    } else {
        out.push_str("\n\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_goes_and_paragraphs_stay() {
        let markdown = "# Putin and Biden talk\n\nThe call lasted **two hours**, with\na \
                        [secure line](https://example.org).\n\n- Ukraine\n- NATO\n\n> Red lines.\n";
        let (text, title) = to_plain_text(markdown);
        assert_eq!(title.as_deref(), Some("Putin and Biden talk"));
        assert_eq!(
            text,
            "Putin and Biden talk\n\nThe call lasted two hours, with a secure line.\n\n\
             • Ukraine\n\n• NATO\n\nRed lines."
        );
    }

    #[test]
    fn a_document_without_headings_has_no_title() {
        let (text, title) = to_plain_text("Just one paragraph.");
        assert_eq!((text.as_str(), title), ("Just one paragraph.", None));
    }
}
