//! Briefings with their evidence: numbered stances and the list of quotes below the map in an
//! SVG, and PDF briefings read back by a real PDF reader (poppler's `pdftotext`, `pdffonts` and
//! `pdfinfo`): the title, every actor's name and the example map's Chinese quotes are there as
//! text, the fonts are embedded, the map page is landscape and the evidence follows it.
//!
//! The tests that read the PDF need poppler-utils and a CJK font and are marked so; `.ci/run`
//! installs both (see `tests/common/needs.rs`).

// Test helpers fail loudly on purpose; clippy's test allowances cover only #[test] functions.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)]

mod export_support;
#[path = "common/needs.rs"]
mod needs;

use export_support::{options, svg_texts};
use stancemap::example::example_map;
use stancemap::export::{ExportError, ExportOptions, Format, Paper, export_file, render_svg};
use std::path::{Path, PathBuf};
use std::process::Command;

const POPPLER: &str = "poppler-utils";

/// Runs a poppler tool on `pdf` and returns what it printed.
fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let program = needs::program(tool, POPPLER);
    let output = Command::new(program)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn briefing(paper: Paper) -> (tempfile::TempDir, PathBuf, stancemap::export::Exported) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brief.pdf");
    let opts = ExportOptions {
        evidence: true,
        paper,
        ..options()
    };
    let exported = export_file(&example_map().unwrap(), &opts, &path).unwrap();
    (dir, path, exported)
}

/// Text as pdftotext gives it, with every kind of white space and line break taken out (a
/// quote wraps over lines, and CJK text has no spaces to keep).
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn a_pdf_is_a_map_page_and_evidence_pages() {
    let (_dir, path, exported) = briefing(Paper::A4);
    assert_eq!(exported.format, Format::Pdf);
    let map = example_map().unwrap();
    assert_eq!(exported.evidence, map.stances().len());
    assert!(exported.pages >= 2, "{exported:?}");
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(exported.missing_glyphs.is_empty() || exported.warning().is_some());
}

#[test]
#[ignore = "needs pdftotext and a CJK font (apt install poppler-utils fonts-noto-cjk)"]
fn the_pdf_text_has_the_title_every_actor_and_the_chinese_quotes() {
    needs::cjk_font();
    let (_dir, path, exported) = briefing(Paper::A4);
    let map = example_map().unwrap();
    let text = poppler("pdftotext", &["-enc", "UTF-8"], &path);
    let flat = squeezed(&text);
    assert!(
        flat.contains(&squeezed(map.title())),
        "title missing:\n{text}"
    );
    for actor in map.actors() {
        assert!(
            flat.contains(&squeezed(&actor.name)),
            "{} missing",
            actor.name
        );
    }
    let chinese: Vec<&str> = map
        .stances()
        .map(|s| s.quote.as_str())
        .filter(|q| q.chars().any(stancemap::scene::text::is_wide))
        .collect();
    assert!(chinese.len() >= 10, "the example map quotes Chinese");
    for quote in chinese {
        assert!(flat.contains(&squeezed(quote)), "quote missing: {quote}");
    }
    assert!(text.contains("Evidence"), "{text}");
    assert!(
        text.contains(&format!(
            "page {} of {}",
            exported.pages - 1,
            exported.pages - 1
        )),
        "{text}"
    );
}

#[test]
#[ignore = "needs pdffonts and pdfinfo (apt install poppler-utils)"]
fn the_fonts_are_embedded_and_the_pages_have_the_paper_size() {
    let (_dir, path, exported) = briefing(Paper::Letter);
    let fonts = poppler("pdffonts", &[], &path);
    // pdffonts: name, type, encoding, then "emb sub uni" as yes/no, object and generation.
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts:\n{fonts}");
    for row in &rows {
        let fields: Vec<&str> = row.split_whitespace().collect();
        let emb = fields[fields.len() - 5];
        assert_eq!(emb, "yes", "a font is not embedded:\n{fonts}");
    }
    let info = poppler("pdfinfo", &["-f", "1", "-l", "2"], &path);
    // pdfinfo aligns its values with runs of spaces: compare with single spaces.
    let info = info.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        info.contains(&format!("Pages: {}", exported.pages)),
        "{info}"
    );
    // The map page lies on its side; the evidence pages stand upright.
    assert!(info.contains("Page 1 size: 792 x 612 pts"), "{info}");
    assert!(info.contains("Page 2 size: 612 x 792 pts"), "{info}");
    assert!(info.contains("Title: Putin–Biden video call"), "{info}");
}

#[test]
fn without_evidence_a_pdf_is_the_map_page_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.pdf");
    let exported = export_file(&example_map().unwrap(), &options(), &path).unwrap();
    assert_eq!((exported.pages, exported.evidence), (1, 0));
}

#[test]
fn a_failed_pdf_export_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing-folder").join("brief.pdf");
    let error = export_file(&example_map().unwrap(), &options(), &path).unwrap_err();
    assert!(matches!(error, ExportError::Write { .. }), "{error}");
    assert!(!path.exists());
    let empty = stancemap::model::Map::new("empty");
    let path = dir.path().join("empty.pdf");
    let error = export_file(&empty, &options(), &path).unwrap_err();
    assert!(error.to_string().contains("nothing to export"), "{error}");
    assert!(!path.exists());
}

#[test]
fn an_svg_with_evidence_numbers_every_stance_and_lists_it_below_the_map() {
    let map = example_map().unwrap();
    let opts = ExportOptions {
        evidence: true,
        ..options()
    };
    let (svg, exported) = render_svg(&map, &opts).unwrap();
    let texts = svg_texts(&svg);
    let count = map.stances().len();
    assert_eq!(exported.evidence, count);
    // Each number stands twice: on its arrow (an edge drawn for several stances carries
    // all their numbers, "5, 6" or "5–7") and in front of its entry.
    let numbers: Vec<usize> = texts.iter().flat_map(|t| numbers_in(t)).collect();
    for number in 1..=count {
        let times = numbers.iter().filter(|n| **n == number).count();
        assert_eq!(times, 2, "number {number} appears {times} times");
    }
    assert!(
        texts.iter().any(|t| t.starts_with('×')),
        "the example repeats positions"
    );
    assert!(texts.iter().any(|t| t == "Evidence"));
    let all = squeezed(&texts.concat());
    for stance in map.stances() {
        assert!(all.contains(&squeezed(&stance.quote)), "{}", stance.quote);
    }
    let areas = exported.areas;
    let list = areas.evidence.expect("the list is drawn");
    assert!(list.top() > areas.map.bottom());
    assert!(list.top() > areas.legend.unwrap().bottom());
    assert!(areas.footer.unwrap().top() > list.bottom());
    assert!(list.bottom() <= exported.height as f32);

    // Without the option, neither numbers nor list.
    let (plain, exported) = render_svg(&map, &options()).unwrap();
    assert_eq!(exported.evidence, 0);
    assert!(exported.areas.evidence.is_none());
    assert!(!svg_texts(&plain).iter().any(|t| t == "Evidence"));
}

/// The numbers a text of an evidence number stands for: "4", "4, 5" or "3–5"; none for any
/// other text.
fn numbers_in(text: &str) -> Vec<usize> {
    if let Some((a, b)) = text.split_once('–')
        && let (Ok(a), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>())
    {
        return (a..=b).collect();
    }
    let parts: Result<Vec<usize>, _> = text.split(", ").map(str::parse).collect();
    parts.unwrap_or_default()
}

#[test]
fn stances_drawn_as_one_edge_keep_a_number_each() {
    use stancemap::model::{
        Actor, ActorKind, Claim, Date, Edit, Map, Point, Position, Source, Stance,
    };
    let mut map = Map::new("Repeated positions");
    let mut ids = map.id_allocator();
    let (putin, nato, source) = (ids.actor(), ids.claim(), ids.source());
    let stance = |id, position, day, quote: &str| {
        Edit::AddStance(Stance {
            date: Some(Date::constant(2021, 12, day)),
            source: Some(source),
            quote: quote.into(),
            ..Stance::new(id, putin, nato, position)
        })
    };
    map.apply(Edit::Batch(vec![
        Edit::AddActor(Actor::new(
            putin,
            "Putin",
            ActorKind::Person,
            Point::new(0.0, 0.0),
        )),
        Edit::AddClaim(Claim::new(nato, "NATO may expand", Point::new(400.0, 0.0))),
        Edit::AddSource(Source::new(source, "Call readout", "Kremlin")),
        stance(ids.stance(), Position::Opposes, 1, "first quote"),
        stance(ids.stance(), Position::Opposes, 7, "second quote"),
        stance(ids.stance(), Position::Supports, 9, "third quote"),
    ]))
    .unwrap();
    let opts = ExportOptions {
        evidence: true,
        ..options()
    };
    let (svg, exported) = render_svg(&map, &opts).unwrap();
    let texts = svg_texts(&svg);
    assert_eq!(exported.evidence, 3);
    // The two stances opposing are one arrow with a count and both numbers; the change to
    // support is an arrow of its own.
    assert_eq!(texts.iter().filter(|t| *t == "×2").count(), 1, "{texts:?}");
    assert!(texts.iter().any(|t| t == "1, 2"), "{texts:?}");
    let numbers: Vec<usize> = texts.iter().flat_map(|t| numbers_in(t)).collect();
    for number in 1..=3 {
        assert_eq!(
            numbers.iter().filter(|n| **n == number).count(),
            2,
            "{texts:?}"
        );
    }
    for quote in ["first quote", "second quote", "third quote"] {
        assert!(texts.iter().any(|t| t.contains(quote)), "{quote} missing");
    }
}
