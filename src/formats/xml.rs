//! Text made safe for XML: markup characters escaped (by quick-xml) and the control
//! characters XML 1.0 cannot hold at all dropped, since a quote pasted from a web page may
//! carry them and one would make the whole file unreadable.

use std::borrow::Cow;

/// `text` as XML character data or an attribute value (quotes escaped too).
pub fn escape(text: &str) -> String {
    let allowed = |c: char| matches!(c, '\t' | '\n' | '\r') || !c.is_control() || (c as u32) > 0x9f;
    let clean: Cow<'_, str> = if text.chars().all(allowed) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|&c| allowed(c)).collect())
    };
    quick_xml::escape::escape(clean.as_ref()).into_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_is_escaped_and_control_characters_dropped() {
        assert_eq!(
            super::escape("a < b & \"c\" 'd'\u{1}\u{7}"),
            "a &lt; b &amp; &quot;c&quot; &apos;d&apos;"
        );
        assert_eq!(super::escape("普京\n說"), "普京\n說");
    }
}
