//! Loading whole files: the fixtures under `tests/fixtures/sources`, and every refusal.

use super::*;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sources")
        .join(name)
}

#[test]
fn a_big5_file_is_decoded() {
    let loaded = load_text_file(&fixture("article-big5.txt")).unwrap();
    assert_eq!(loaded.encoding, "Big5");
    assert_eq!(loaded.title.as_deref(), Some("俄美元首視頻會晤"));
    assert!(
        loaded
            .text
            .contains("俄羅斯總統普京與美國總統拜登12月7日舉行視頻會晤。")
    );
    assert_eq!(loaded.language.as_deref(), Some("zh-Hant"));
    assert_eq!(loaded.text.matches("\n\n").count(), 3, "paragraphs kept");
}

#[test]
fn a_gb18030_file_is_decoded() {
    let loaded = load_text_file(&fixture("article-gb18030.txt")).unwrap();
    assert!(
        ["GBK", "gb18030"].contains(&loaded.encoding),
        "{}",
        loaded.encoding
    );
    assert!(
        loaded
            .text
            .contains("俄罗斯总统普京与美国总统拜登12月7日举行视频会晤。")
    );
    assert_eq!(loaded.language.as_deref(), Some("zh-Hans"));
}

#[test]
fn a_web_page_is_reduced_to_its_article_and_metadata() {
    let loaded = load_text_file(&fixture("article.html")).unwrap();
    assert_eq!(loaded.kind, TextKind::Html);
    assert_eq!(
        loaded.title.as_deref(),
        Some("Putin and Biden hold two-hour video call over Ukraine")
    );
    assert_eq!(loaded.publisher.as_deref(), Some("Global Affairs Daily"));
    assert_eq!(loaded.date, Some(Date::constant(2021, 12, 8)));
    assert_eq!(
        loaded.url.as_deref(),
        Some("https://news.example.org/world/2021/12/08/putin-biden-call")
    );
    assert_eq!(loaded.language.as_deref(), Some("en-GB"));
    let text = &loaded.text;
    assert!(
        text.contains("using a secure line for the first time"),
        "{text}"
    );
    assert!(
        text.contains("would not be reset by a single conversation"),
        "{text}"
    );
    // Paragraphs stay apart; lines broken inside a paragraph's markup are joined.
    assert!(
        text.contains("no joint statement was issued afterwards.\n\nThe Kremlin said"),
        "{text}"
    );
    for unwanted in [
        "Subscribe for 1 euro",
        "CHEAP FLIGHTS",
        "TRACKING_PIXEL",
        "luxury cruise",
        "Related stories",
        "All rights reserved",
        "Sign in to join",
    ] {
        assert!(!text.contains(unwanted), "{unwanted} in {text}");
    }
}

#[test]
fn a_page_in_a_legacy_encoding_follows_its_meta_charset() {
    let page = "<!DOCTYPE html><html lang=\"zh-Hant\"><head><meta charset=\"big5\">\
                <title>會晤</title></head><body><article><p>"
        .to_owned()
        + &"俄羅斯總統普京與美國總統拜登舉行視頻會晤，雙方進行了坦率和務實的交流。".repeat(12)
        + "</p></article></body></html>";
    let (bytes, _, _) = encoding_rs::BIG5.encode(&page);
    let loaded = text_from_bytes(&bytes, "page.htm").unwrap();
    assert_eq!(loaded.encoding, "Big5");
    assert!(
        loaded.text.contains("普京與美國總統拜登"),
        "{}",
        loaded.text
    );
    assert_eq!(loaded.language.as_deref(), Some("zh-Hant"));
}

#[test]
fn markdown_becomes_plain_text() {
    let loaded = load_text_file(&fixture("article.md")).unwrap();
    assert_eq!(loaded.kind, TextKind::Markdown);
    assert_eq!(
        loaded.title.as_deref(),
        Some("Putin and Biden hold a video call")
    );
    assert!(
        loaded
            .text
            .contains("The call lasted about two hours and used a secure line for the first time.")
    );
    assert!(loaded.text.contains("• NATO expansion"));
    assert!(!loaded.text.contains("**") && !loaded.text.contains("https://"));
}

#[test]
fn plain_text_keeps_its_paragraphs_and_takes_its_first_line_as_title() {
    let loaded =
        text_from_bytes(b"Title line\r\n\r\nFirst.\r\n\r\n\r\nSecond.\r\n", "a.txt").unwrap();
    assert_eq!(loaded.text, "Title line\n\nFirst.\n\nSecond.");
    assert_eq!(loaded.title.as_deref(), Some("Title line"));
    assert_eq!(loaded.kind, TextKind::Plain);
    assert_eq!(loaded.language, None);
}

#[test]
fn a_page_without_an_extension_is_recognised() {
    let html = std::fs::read(fixture("article.html")).unwrap();
    let loaded = text_from_bytes(&html, "saved-page").unwrap();
    assert_eq!(loaded.kind, TextKind::Html);
}

#[test]
fn an_empty_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.txt");
    std::fs::write(&path, b"").unwrap();
    assert_eq!(load_text_file(&path), Err(TextFileError::Empty));
    std::fs::write(&path, b" \n\n ").unwrap();
    assert_eq!(load_text_file(&path), Err(TextFileError::NoText));
}

#[test]
fn a_huge_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    // A sparse file: 200 MB long, no disk used, and reading it would take a while.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(200_000_000).unwrap();
    let refused = load_text_file(&path).unwrap_err();
    assert_eq!(refused, TextFileError::TooLarge { bytes: 200_000_000 });
    assert_eq!(
        refused.to_string(),
        "the file is 200 MB, more than the 50 MB a source's text may come from"
    );
}

#[test]
fn binary_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("picture.txt");
    std::fs::write(&path, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let refused = load_text_file(&path).unwrap_err();
    assert!(
        refused.to_string().contains("a PNG picture, not text"),
        "{refused}"
    );
    std::fs::write(&path, [7u8, 0, 1, 2, 3, 0, 0, 9]).unwrap();
    assert_eq!(
        load_text_file(&path),
        Err(TextFileError::Binary {
            what: "binary data".to_owned()
        })
    );
}

#[test]
fn undecodable_text_is_refused() {
    let refused = text_from_bytes(b"\xEF\xBB\xBFsaid \xC3\x28 and \xFF", "a.txt").unwrap_err();
    assert!(matches!(refused, TextFileError::Undecodable { .. }));
    assert!(
        refused.to_string().contains("save it as UTF-8"),
        "{refused}"
    );
}

#[test]
fn folders_and_missing_files_are_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(
        load_text_file(dir.path()),
        Err(TextFileError::Unreadable(_))
    ));
    assert!(matches!(
        load_text_file(&dir.path().join("missing.txt")),
        Err(TextFileError::Unreadable(_))
    ));
}
