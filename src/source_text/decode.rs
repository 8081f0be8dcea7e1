//! Bytes to text: byte order marks first, then UTF-8, then the encoding a web page declares,
//! then a guess from the bytes themselves (chardetng, as browsers do for legacy pages). Chinese
//! sources often come as GB18030 or Big5; Russian ones as windows-1251 or KOI8-R.

use super::error::TextFileError;
use encoding_rs::Encoding;

/// Text decoded from a file, with the encoding it was in.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The text, with line breaks as they were.
    pub text: String,
    /// The encoding the bytes were in.
    pub encoding: &'static Encoding,
}

/// How many bytes from the start are looked at for signs of a binary file.
const SNIFF_BYTES: usize = 8192;

/// Signatures of common non-text files people might pick by mistake.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"%PDF-", "a PDF document"),
    (
        b"PK\x03\x04",
        "a ZIP archive (or a Word, OpenDocument or EPUB file)",
    ),
    (b"\x89PNG", "a PNG picture"),
    (b"\xFF\xD8\xFF", "a JPEG picture"),
    (b"GIF8", "a GIF picture"),
    (b"\x1F\x8B", "a gzip-compressed file"),
    (b"\xD0\xCF\x11\xE0", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7FELF", "a program"),
];

/// What a binary file looks like, if the start of `bytes` says it is one: a known signature,
/// or a zero byte (which text in any 8-bit encoding never holds).
pub fn binary_kind(bytes: &[u8]) -> Option<String> {
    if let Some((_, what)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Some((*what).to_owned());
    }
    let head = bytes.get(..SNIFF_BYTES).unwrap_or(bytes);
    head.contains(&0).then(|| "binary data".to_owned())
}

/// The encoding a web page declares in its first bytes (`<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">`), if any.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    const PRESCAN_BYTES: usize = 4096;
    let head = bytes
        .get(..PRESCAN_BYTES)
        .unwrap_or(bytes)
        .to_ascii_lowercase();
    let mut rest = head.as_slice();
    while let Some(at) = find(rest, b"charset") {
        rest = rest.get(at + b"charset".len()..).unwrap_or_default();
        let after_space = trim_start(rest);
        let Some(value) = after_space.strip_prefix(b"=") else {
            continue;
        };
        let value = trim_start(value);
        let value = value
            .strip_prefix(b"\"")
            .or_else(|| value.strip_prefix(b"'"))
            .unwrap_or(value);
        let end = value
            .iter()
            .position(|&b| {
                matches!(b, b'"' | b'\'' | b';' | b'>' | b'/') || b.is_ascii_whitespace()
            })
            .unwrap_or(value.len());
        if let Some(encoding) = value.get(..end).and_then(Encoding::for_label) {
            // A page cannot really be UTF-16 if its declaration was read as ASCII.
            return Some(encoding.output_encoding());
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    bytes.get(start..).unwrap_or_default()
}

/// Decodes `bytes`, using `declared` (a web page's own charset) when the bytes are not UTF-8
/// and fit it. Refuses binary data and bytes that fit no encoding.
pub fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<Decoded, TextFileError> {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_length..).unwrap_or_default();
        return decode_strictly(body, encoding, "its byte order mark says so").and_then(plain);
    }
    if let Some(what) = binary_kind(bytes) {
        return Err(TextFileError::Binary { what });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return plain(Decoded {
            text: text.to_owned(),
            encoding: encoding_rs::UTF_8,
        });
    }
    if let Some(encoding) = declared
        && let Ok(decoded) = decode_strictly(bytes, encoding, "the page declares it")
    {
        return plain(decoded);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Allow);
    decode_strictly(bytes, guess, "it looks most like it").and_then(plain)
}

/// Decodes with `encoding`, refusing bytes that are not valid in it.
fn decode_strictly(
    bytes: &[u8],
    encoding: &'static Encoding,
    why: &str,
) -> Result<Decoded, TextFileError> {
    let (text, malformed) = encoding.decode_without_bom_handling(bytes);
    if malformed {
        let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
        return Err(TextFileError::Undecodable {
            encoding: format!("{}, as {why}", encoding.name()),
            detail: format!(
                "{} not valid in it",
                crate::counts::counted(bad, "character is", "characters are")
            ),
        });
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding,
    })
}

/// Refuses decoded "text" that is mostly control codes: such a file is binary data that
/// happens to avoid zero bytes, or text in an encoding that was not recognised.
fn plain(decoded: Decoded) -> Result<Decoded, TextFileError> {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in decoded.text.chars() {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{000C}') {
            control += 1;
        }
    }
    // A stray control code or two is found in real files; more than 1 in 100 is not text.
    if control > 0 && control * 100 > total {
        return Err(TextFileError::Undecodable {
            encoding: decoded.encoding.name().to_owned(),
            detail: format!(
                "{} of {total} are control codes, not letters",
                crate::counts::counted(control, "character", "characters")
            ),
        });
    }
    Ok(decoded)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ZH_HANT: &str =
        "俄羅斯總統普京與美國總統拜登12月7日舉行視頻會晤。\n\n雙方就烏克蘭問題進行了坦率的交流。";
    const ZH_HANS: &str =
        "俄罗斯总统普京与美国总统拜登12月7日举行视频会晤。\n\n双方就乌克兰问题进行了坦率的交流。";

    #[test]
    fn big5_text_is_detected_and_decoded() {
        let (bytes, _, unmappable) = encoding_rs::BIG5.encode(ZH_HANT);
        assert!(!unmappable);
        assert!(std::str::from_utf8(&bytes).is_err());
        let decoded = decode(&bytes, None).unwrap();
        assert_eq!(decoded.encoding, encoding_rs::BIG5);
        assert_eq!(decoded.text, ZH_HANT);
    }

    #[test]
    fn gb18030_text_is_detected_and_decoded() {
        let (bytes, _, unmappable) = encoding_rs::GB18030.encode(ZH_HANS);
        assert!(!unmappable);
        let decoded = decode(&bytes, None).unwrap();
        // chardetng names the family GBK; GB18030 decodes every GBK byte sequence the same way.
        assert!(
            [encoding_rs::GBK, encoding_rs::GB18030].contains(&decoded.encoding),
            "{}",
            decoded.encoding.name()
        );
        assert_eq!(decoded.text, ZH_HANS);
    }

    #[test]
    fn byte_order_marks_win_and_are_dropped() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice("Путин".as_bytes());
        assert_eq!(decode(&bytes, None).unwrap().text, "Путин");
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in "普京 said".encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        let decoded = decode(&utf16, None).unwrap();
        assert_eq!(decoded.encoding, encoding_rs::UTF_16LE);
        assert_eq!(decoded.text, "普京 said");
    }

    #[test]
    fn a_declared_charset_is_honoured_when_the_bytes_fit_it() {
        let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; \
                    charset=windows-1251\"></head><body>Москва</body></html>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(page);
        let declared = declared_charset(&bytes);
        assert_eq!(declared, Some(encoding_rs::WINDOWS_1251));
        assert!(decode(&bytes, declared).unwrap().text.contains("Москва"));
        assert_eq!(
            declared_charset(b"<meta charset='Big5'>"),
            Some(encoding_rs::BIG5)
        );
        assert_eq!(declared_charset(b"<p>no declaration</p>"), None);
    }

    #[test]
    fn binary_files_are_named() {
        assert_eq!(
            decode(b"%PDF-1.7\n...", None),
            Err(TextFileError::Binary {
                what: "a PDF document".to_owned()
            })
        );
        assert_eq!(binary_kind(b"abc\0def"), Some("binary data".to_owned()));
    }

    #[test]
    fn a_false_byte_order_mark_is_undecodable() {
        let bytes = b"\xEF\xBB\xBFok \xFF\xFE\xFD broken";
        let Err(TextFileError::Undecodable { encoding, detail }) = decode(bytes, None) else {
            panic!("expected a refusal")
        };
        assert!(encoding.starts_with("UTF-8"), "{encoding}");
        assert!(detail.contains("3 characters are not valid"), "{detail}");
    }

    #[test]
    fn control_codes_are_not_text() {
        let bytes: Vec<u8> = (1u8..9).chain(14..32).cycle().take(2000).collect();
        assert!(matches!(
            decode(&bytes, None),
            Err(TextFileError::Undecodable { .. })
        ));
    }
}
