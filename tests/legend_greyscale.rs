//! Strength and polarity beyond colour: the legend's stance entries, drawn in an exported PNG
//! and turned to grey as a black-and-white printer would, still differ from each other.

// Test helpers fail loudly on purpose; clippy's test allowances cover only #[test] functions.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)]

mod export_support;

use eframe::egui::Rect;
use export_support::{decode_png, options};
use stancemap::example::example_map;
use stancemap::export::{ExportOptions, Fonts, PictureSize, render_png};
use stancemap::scene::{Legend, STANCE_ENTRIES, Scene, Style, Theme};

/// The grey levels (0–255, by luminance) of the pixels in `area`, row by row.
fn greys(png: &export_support::Decoded, area: Rect) -> Vec<u8> {
    let mut out = Vec::new();
    for y in area.min.y.round() as u32..area.max.y.round() as u32 {
        for x in area.min.x.round() as u32..area.max.x.round() as u32 {
            let [r, g, b, _] = png.pixel(x, y);
            let grey = 0.299 * f32::from(r) + 0.587 * f32::from(g) + 0.114 * f32::from(b);
            out.push(grey.round() as u8);
        }
    }
    out
}

#[test]
fn the_stance_entries_of_the_legend_differ_in_greyscale() {
    let map = example_map().unwrap();
    let opts = ExportOptions {
        size: PictureSize::Scale(2.0),
        title: false,
        footer: false,
        ..options()
    };
    let (bytes, exported) = render_png(&map, &opts, &Fonts::system()).unwrap();
    let png = decode_png(&bytes);
    let style = Style::new(Theme::Light);
    let scene = Scene::build(&map, &style);
    let legend = Legend::build(&map, &scene.camps, &style);
    assert_eq!(legend.stance_samples.len(), STANCE_ENTRIES.len());
    let area = exported.areas.legend.unwrap();
    let scale = area.width() / legend.size.x;
    let samples: Vec<Vec<u8>> = legend
        .stance_samples
        .iter()
        .map(|sample| {
            let pixels = Rect::from_min_max(
                area.min + sample.min.to_vec2() * scale,
                area.min + sample.max.to_vec2() * scale,
            );
            greys(&png, pixels)
        })
        .collect();
    for (i, a) in samples.iter().enumerate() {
        // Each sample has ink of its own.
        let ink = a.iter().filter(|g| **g < 200).count();
        assert!(ink > 50, "{}: only {ink} dark pixels", STANCE_ENTRIES[i].2);
        for (j, b) in samples.iter().enumerate().skip(i + 1) {
            assert_eq!(a.len(), b.len());
            // Pixels whose grey differs clearly between the two entries.
            let differing = a
                .iter()
                .zip(b)
                .filter(|(x, y)| x.abs_diff(**y) > 60)
                .count();
            assert!(
                differing > 40,
                "'{}' and '{}' look alike in grey: {differing} pixels differ",
                STANCE_ENTRIES[i].2,
                STANCE_ENTRIES[j].2
            );
        }
    }
}
