//! Chinese labels export with real glyphs, and a missing font is reported, never silent.
//!
//! The glyph tests need a CJK font (Debian: fonts-noto-cjk) and are marked so; `.ci/run`
//! installs it and runs them (see `tests/common/needs.rs`).

// Test and benchmark helpers fail loudly on purpose; clippy's test allowances cover only
// #[test] functions.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)]

mod export_support;
#[path = "common/needs.rs"]
mod needs;

use export_support::{decode_png, options, svg_texts};
use stancemap::export::{ExportOptions, Fonts, PictureSize, render_png, render_svg};
use stancemap::model::{Actor, ActorKind, Claim, Edit, Map, Point, Position, Source, Stance};

const LABEL: &str = "北約不得東擴";
const ACTOR: &str = "普京";

fn chinese_map() -> Map {
    let mut map = Map::new("俄美元首視頻會晤");
    let mut ids = map.id_allocator();
    let (source, actor, claim) = (ids.source(), ids.actor(), ids.claim());
    map.apply(Edit::Batch(vec![
        Edit::AddSource(Source {
            language: Some("zh-Hant".into()),
            ..Source::new(source, "環球深壹度", "新華社")
        }),
        Edit::AddActor(Actor::new(
            actor,
            ACTOR,
            ActorKind::Person,
            Point::new(0.0, 0.0),
        )),
        Edit::AddClaim(Claim::new(claim, LABEL, Point::new(0.0, 120.0))),
        Edit::AddStance(Stance::new(ids.stance(), actor, claim, Position::Supports)),
    ]))
    .unwrap();
    map
}

/// Fails the test unless an installed font draws the map's Chinese text.
fn needs_cjk_glyphs() {
    needs::cjk_font();
    let missing = Fonts::system().missing_glyphs([LABEL, ACTOR]);
    assert!(
        missing.is_empty(),
        "needs a CJK font (apt install fonts-noto-cjk): nothing draws {missing:?}"
    );
}

fn bare(scale: f32) -> ExportOptions {
    ExportOptions {
        size: PictureSize::Scale(scale),
        title: false,
        legend: false,
        footer: false,
        ..options()
    }
}

#[test]
#[ignore = "needs a CJK font (apt install fonts-noto-cjk)"]
fn chinese_labels_are_drawn_with_real_glyphs() {
    needs_cjk_glyphs();
    let map = chinese_map();
    let opts = bare(3.0);
    let (bytes, exported) = render_png(&map, &opts, &Fonts::system()).unwrap();
    assert!(
        exported.missing_glyphs.is_empty(),
        "{:?}",
        exported.missing_glyphs
    );
    assert_eq!(exported.warning(), None);
    let with_font = decode_png(&bytes);

    // The same picture where only a Latin font is installed: the label has no glyphs.
    let latin_only = Fonts::system_subset(&["DejaVu Sans"]);
    let (bytes, without) = render_png(&map, &opts, &latin_only).unwrap();
    let no_font = decode_png(&bytes);
    for c in LABEL.chars().chain(ACTOR.chars()) {
        assert!(
            without.missing_glyphs.contains(&c),
            "{c} should be reported missing"
        );
    }
    let warning = without.warning().unwrap();
    assert!(
        warning.contains("北 (U+5317)") && warning.contains("fonts-noto-cjk"),
        "{warning}"
    );

    // Ink inside the claim box (the lower node), minus its border.
    let map_area = exported.areas.map;
    let claim_box = eframe::egui::Rect::from_min_max(
        [map_area.min.x + 12.0, map_area.center().y + 30.0].into(),
        [map_area.max.x - 12.0, map_area.max.y - 12.0].into(),
    );
    let bg = [255, 255, 255, 255]; // claim boxes are white in the light theme
    let real = with_font.ink(claim_box, bg, 150);
    // Six ideographs at 39 px have a lot of strokes.
    assert!(real > 2500, "only {real} ink pixels for the Chinese label");
    // Without the font the label is drawn as empty boxes: a different picture.
    let changed = with_font.differing(&no_font, claim_box, 150);
    assert!(
        changed * 2 > real,
        "only {changed} of {real} ink pixels differ from the render without a CJK font"
    );
}

#[test]
fn chinese_text_is_kept_as_text_in_svg() {
    let map = chinese_map();
    let (svg, _) = render_svg(&map, &options()).unwrap();
    let texts = svg_texts(&svg);
    assert!(texts.iter().any(|t| t == LABEL), "{texts:?}");
    assert!(texts.iter().any(|t| t == ACTOR));
    assert!(texts.iter().any(|t| t.contains("新華社, “環球深壹度”")));
    // Traditional Chinese sources ask for the Traditional Chinese font first.
    assert!(svg.contains("Arial, 'Noto Sans CJK TC', 'Noto Sans CJK SC'"));
}

#[test]
#[ignore = "needs rsvg-convert and a CJK font (apt install librsvg2-bin fonts-noto-cjk)"]
fn rsvg_convert_draws_the_chinese_svg_too() {
    needs_cjk_glyphs();
    let rsvg_convert = needs::program("rsvg-convert", "librsvg2-bin");
    let map = chinese_map();
    let dir = tempfile::tempdir().unwrap();
    let svg_path = dir.path().join("map.svg");
    let png_path = dir.path().join("rsvg.png");
    let opts = bare(3.0);
    let exported = stancemap::export::export_file(&map, &opts, &svg_path).unwrap();
    let status = std::process::Command::new(rsvg_convert)
        .arg(&svg_path)
        .arg("-o")
        .arg(&png_path)
        .status()
        .unwrap();
    assert!(status.success());
    let theirs = decode_png(&std::fs::read(&png_path).unwrap());
    let (ours, _) = render_png(&map, &opts, &Fonts::system()).unwrap();
    let ours = decode_png(&ours);
    assert_eq!((theirs.width, theirs.height), (ours.width, ours.height));
    let area = exported.areas.map;
    let bg = [255, 255, 255, 255];
    let (a, b) = (
        ours.ink(area, bg, 150) as f32,
        theirs.ink(area, bg, 150) as f32,
    );
    assert!(
        (a - b).abs() < 0.15 * a,
        "resvg ink {a} vs rsvg-convert ink {b}"
    );
}
