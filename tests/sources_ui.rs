//! Adding sources with their text through the real app: the Add source window reached from
//! the Sources list's "+", the File menu and the command palette, text loaded from a text file
//! and from a saved web page (the file dialog is scripted), every bad file refused with a
//! message and nothing changed, and a selected source's text replaced from a file.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::{CTRL_SHIFT, app, harness, press, wait_for};
use eframe::egui::accesskit::Role;
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancemap::app::StanceApp;
use stancemap::model::{Date, Edit, ItemId, Map, Source};
use std::path::{Path, PathBuf};

type App = Harness<'static, StanceApp>;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sources")
        .join(name)
}

/// Clicks "Load text from file…" in the open source window and waits for the file's text.
fn load_into_window(harness: &mut App) {
    harness.get_by_label("Load text from file…").click();
    // A spinner turns while the file is read: step rather than wait for the window to settle.
    harness.step();
    wait_for(harness, "the file is read", |app| {
        !app.is_loading_source_text()
    });
}

fn type_into(harness: &mut App, field: &str, text: &str) {
    harness.get_by_label(field).click();
    harness.run();
    harness.get_by_label(field).type_text(text);
    harness.run();
}

#[test]
fn a_source_is_added_from_a_text_file_through_the_sources_plus() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("call.txt");
    std::fs::write(
        &path,
        "Putin and Biden talk for two hours\r\n\r\nThe leaders spoke over a secure line.\r\n\r\n\
         No joint statement followed.\r\n",
    )
    .unwrap();
    let (app, dialogs) = app(Map::new("Call"), None);
    let mut harness = harness(app);
    harness.get_by_label("Add a source").click();
    harness.run();
    assert!(harness.state().source_form().is_some());
    type_into(&mut harness, "Source publisher", "Kremlin pool");
    dialogs.answer(Some(&path));
    load_into_window(&mut harness);
    harness.get_by_label_contains("Loaded 103 characters in 3 paragraphs from call.txt");
    harness.get_by_label("Add source").click();
    harness.run();

    let map = harness.state().map();
    let sources: Vec<&Source> = map.sources().collect();
    assert_eq!(sources.len(), 1, "{:?}", harness.state().status());
    let source = sources[0];
    assert_eq!(source.title, "Putin and Biden talk for two hours");
    assert_eq!(source.publisher, "Kremlin pool", "typed fields are kept");
    assert_eq!(
        source.text.as_deref(),
        Some(
            "Putin and Biden talk for two hours\n\nThe leaders spoke over a secure line.\n\n\
             No joint statement followed."
        )
    );
    assert!(harness.state().source_form().is_none(), "the window closed");
    // The new source is selected and current.
    assert_eq!(
        harness.state().selection().single(),
        Some(ItemId::Source(source.id))
    );
    assert_eq!(harness.state().current_source(), Some(source.id));
    let asked = dialogs.asked.lock().unwrap()[0].clone();
    assert!(asked.extensions.iter().any(|e| e == "html"));

    // Adding it was one undo step.
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().map().sources().len(), 0);
    assert_eq!(harness.state().current_source(), None);
}

#[test]
fn a_source_is_added_from_a_web_page_through_the_file_menu() {
    let (app, dialogs) = app(Map::new("Call"), None);
    let mut harness = harness(app);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Add source…").click();
    harness.run();
    dialogs.answer(Some(&fixture("article.html")));
    load_into_window(&mut harness);
    harness.get_by_label("Add source").click();
    harness.run();

    let map = harness.state().map();
    let source = map.sources().next().expect("a source was added");
    assert_eq!(
        source.title,
        "Putin and Biden hold two-hour video call over Ukraine"
    );
    assert_eq!(source.publisher, "Global Affairs Daily");
    assert_eq!(source.date, Some(Date::constant(2021, 12, 8)));
    assert_eq!(
        source.url.as_deref(),
        Some("https://news.example.org/world/2021/12/08/putin-biden-call")
    );
    assert_eq!(source.language.as_deref(), Some("en-GB"));
    let text = source.text.as_deref().unwrap();
    assert!(
        text.contains("using a secure line for the first time"),
        "{text}"
    );
    assert!(
        !text.contains("CHEAP FLIGHTS") && !text.contains("Subscribe"),
        "{text}"
    );
}

#[test]
fn a_legacy_chinese_file_is_decoded_and_the_palette_opens_the_window() {
    let (app, dialogs) = app(Map::new("Call"), None);
    let mut harness = harness(app);
    press(&mut harness, CTRL_SHIFT, Key::P);
    harness
        .get_by(|node| node.role() == Role::TextInput && node.is_focused())
        .type_text("add source");
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Enter);
    eprintln!(
        "DEBUG form {:?} status {:?}",
        harness.state().source_form(),
        harness.state().status()
    );
    assert!(
        harness.state().source_form().is_some(),
        "the palette opened it"
    );
    dialogs.answer(Some(&fixture("article-big5.txt")));
    load_into_window(&mut harness);
    type_into(&mut harness, "Source date", "2021-12-07");
    // Enter in a field adds the source, as the button does.
    press(&mut harness, Modifiers::NONE, Key::Enter);
    eprintln!(
        "DEBUG form {:?} status {:?}",
        harness.state().source_form(),
        harness.state().status()
    );
    let map = harness.state().map();
    let source = map.sources().next().expect("a source was added");
    assert_eq!(source.title, "俄美元首視頻會晤");
    assert_eq!(source.language.as_deref(), Some("zh-Hant"));
    assert_eq!(source.date, Some(Date::constant(2021, 12, 7)));
    assert!(
        source
            .text
            .as_deref()
            .unwrap()
            .contains("俄羅斯總統普京與美國總統拜登12月7日舉行視頻會晤")
    );
}

/// A file of each kind that must be refused, and the words its message must hold.
fn bad_files(dir: &Path) -> Vec<(PathBuf, &'static str)> {
    let binary = dir.join("scan.pdf.txt");
    std::fs::write(&binary, b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n").unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let huge = dir.join("huge.txt");
    // Sparse: 200 MB long without using the disk; refused before anything is read.
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(200_000_000)
        .unwrap();
    let undecodable = dir.join("broken.txt");
    std::fs::write(&undecodable, b"\xEF\xBB\xBFsaid \xC3\x28 and \xFF\xFE").unwrap();
    vec![
        (binary, "a PDF document, not text"),
        (empty, "the file is empty"),
        (huge, "the file is 200 MB, more than the 50 MB"),
        (undecodable, "cannot be decoded"),
    ]
}

#[test]
fn bad_files_are_refused_in_the_window_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (app, dialogs) = app(Map::new("Call"), None);
    let mut harness = harness(app);
    let before = harness.state().map().clone();
    harness.get_by_label("Add a source").click();
    harness.run();
    type_into(&mut harness, "Source title", "Kept title");
    for (path, message) in bad_files(dir.path()) {
        dialogs.answer(Some(&path));
        load_into_window(&mut harness);
        let problem = harness
            .state()
            .source_form()
            .and_then(|f| f.problem())
            .unwrap_or_default()
            .to_owned();
        assert!(problem.contains(message), "{}: {problem}", path.display());
        assert!(problem.contains("Nothing was changed"), "{problem}");
        harness.get_by_label_contains("Nothing was changed");
        assert_eq!(harness.state().map(), &before);
    }
    // What was typed is still there, and the source can still be added without text.
    harness.get_by_label("Add source").click();
    harness.run();
    let map = harness.state().map();
    let source = map.sources().next().expect("the source was added");
    assert_eq!(
        (source.title.as_str(), source.text.as_deref()),
        ("Kept title", None)
    );
}

#[test]
fn a_selected_sources_text_is_replaced_from_a_file_and_bad_files_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut map = Map::new("Call");
    let id = map.id_allocator().source();
    map.apply(Edit::AddSource(Source::new(id, "Xinhua analysis", "")))
        .unwrap();
    let (app, dialogs) = app(map, None);
    let mut harness = harness(app);
    harness.get_by_label("Sources (1)").click();
    harness.run();
    harness.get_by_label("Xinhua analysis").click();
    harness.run();
    harness.get_by_label_contains("no text yet");

    for (path, message) in bad_files(dir.path()) {
        let before = harness.state().map().clone();
        dialogs.answer(Some(&path));
        harness.get_by_label("Load text from file…").click();
        harness.step();
        wait_for(&mut harness, "the file is read", |app| {
            !app.is_loading_source_text()
        });
        harness.get_by_label("Could not load the text");
        harness.get_by_label_contains(message);
        assert_eq!(harness.state().map(), &before, "{}", path.display());
        harness.get_by_label("OK").click();
        harness.run();
    }

    dialogs.answer(Some(&fixture("article-gb18030.txt")));
    harness.get_by_label("Load text from file…").click();
    harness.step();
    wait_for(&mut harness, "the file is read", |app| {
        !app.is_loading_source_text()
    });
    let source = harness.state().map().source(id).unwrap().clone();
    assert_eq!(source.title, "Xinhua analysis", "the title is kept");
    assert_eq!(source.language.as_deref(), Some("zh-Hans"));
    assert!(source.text.as_deref().unwrap().contains("俄罗斯总统普京"));
    harness.get_by_label("Replace text from file…");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().map().source(id).unwrap().text, None);
}
