//! The exported SVG as a browser draws it: Chromium (headless) renders the example map's SVG
//! like our own PNG of it, Chinese footer included. Slides and web pages show SVGs through a
//! browser engine, so this is the renderer most readers meet.
//!
//! Needs Chromium (Debian package `chromium`) and is marked so; `.ci/run` installs it and runs
//! the test (see `tests/common/needs.rs`).

// Test helpers fail loudly on purpose; clippy's test allowances cover only #[test] functions.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)]

mod export_support;
#[path = "common/needs.rs"]
mod needs;

use eframe::egui::{Rect, pos2};
use export_support::{decode_png, light_background, options};
use stancemap::example::example_map;
use stancemap::export::{ExportOptions, Fonts, PictureSize, export_file, render_png};
use std::path::Path;
use std::process::Command;

/// Chromium's screenshot of `svg` in a window of exactly the picture's size.
fn chromium_screenshot(program: &Path, svg: &Path, out: &Path, width: u32, height: u32) {
    let profile = tempfile::tempdir().unwrap();
    let output = Command::new(program)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            // Containers often have a tiny /dev/shm, where Chromium would crash.
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--window-size={width},{height}"))
        .arg(format!("--screenshot={}", out.display()))
        .arg(format!("file://{}", svg.display()))
        .output()
        .unwrap();
    assert!(
        output.status.success() && out.exists(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
#[ignore = "needs chromium (apt install chromium)"]
fn chromium_draws_the_svg_like_our_png() {
    let program = needs::any_program(
        &["chromium", "chromium-browser", "google-chrome"],
        "chromium",
    );
    let map = example_map().unwrap();
    let opts = ExportOptions {
        size: PictureSize::Width(1200),
        ..options()
    };
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("map.svg");
    let exported = export_file(&map, &opts, &svg).unwrap();
    let shot = dir.path().join("chromium.png");
    chromium_screenshot(&program, &svg, &shot, exported.width, exported.height);
    let theirs = decode_png(&std::fs::read(&shot).unwrap());
    let (ours, _) = render_png(&map, &opts, &Fonts::system()).unwrap();
    let ours = decode_png(&ours);
    assert_eq!(
        (theirs.width, theirs.height),
        (ours.width, ours.height),
        "Chromium showed the picture at another size"
    );

    // The whole picture: at most 2% of pixels differ visibly (anti-aliasing and hinting
    // differ between the two renderers; a missing part or a shifted layout differs far more).
    let whole = Rect::from_min_max(pos2(0.0, 0.0), pos2(ours.width as f32, ours.height as f32));
    let total = (ours.width * ours.height) as usize;
    let differing = ours.differing(&theirs, whole, 150);
    assert!(
        differing * 50 < total,
        "{differing} of {total} pixels differ between Chromium and our PNG"
    );

    // Each part has about as much ink in both: the map, the legend, and the footer with its
    // Chinese source title (boxes or missing glyphs would change the footer's ink).
    let areas = exported.areas;
    let parts = [
        ("map", Some(areas.map)),
        ("legend", areas.legend),
        ("footer", areas.footer),
    ];
    let background = light_background();
    for (name, area) in parts {
        let area = area.unwrap_or_else(|| panic!("the export has a {name}"));
        let (a, b) = (
            ours.ink(area, background, 150) as f32,
            theirs.ink(area, background, 150) as f32,
        );
        assert!(a > 0.0, "our {name} has no ink");
        assert!(
            (a - b).abs() < 0.1 * a,
            "{name}: our PNG has {a} inked pixels, Chromium {b}"
        );
    }
}
