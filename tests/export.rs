//! Exporting the example map to PNG and SVG: sizes, content, and the two formats agreeing.

// Test and benchmark helpers fail loudly on purpose; clippy's test allowances cover only
// #[test] functions.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)]

mod export_support;

use eframe::egui::Rect;
use export_support::{decode_png, light_background, options, svg_texts};
use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg;
use stancemap::example::example_map;
use stancemap::export::{
    ExportOptions, Fonts, PictureSize, Region, export_file, families_for, render_png, render_svg,
};
use stancemap::model::Map;
use stancemap::scene::{SceneId, Style, Theme};

fn map() -> Map {
    example_map().expect("the example map loads")
}

#[test]
fn png_has_the_asked_width_and_shows_title_map_legend_and_footer() {
    let map = map();
    let opts = ExportOptions {
        size: PictureSize::Width(1600),
        ..options()
    };
    let (bytes, exported) = render_png(&map, &opts, &Fonts::system()).unwrap();
    let image = decode_png(&bytes);
    assert_eq!((image.width, image.height), (1600, exported.height));
    assert!(exported.height > 1000, "{}", exported.height);
    assert!(!image.has_alpha, "an opaque picture is stored as RGB");

    let bg = light_background();
    let areas = exported.areas;
    let share = |area: Rect| image.ink(area, bg, 60) as f32 / area.area();
    // Not blank: the map is covered in boxes, lines and text.
    assert!(share(areas.map) > 0.03, "map ink {}", share(areas.map));
    for (name, area) in [
        ("title", areas.title),
        ("legend", areas.legend),
        ("footer", areas.footer),
    ] {
        let area = area.unwrap_or_else(|| panic!("{name} area"));
        assert!(share(area) > 0.01, "{name} is blank: {}", share(area));
        assert!(
            Rect::from_min_size(Default::default(), [1600.0, exported.height as f32].into())
                .contains_rect(area),
            "{name} {area:?} lies outside the picture"
        );
    }
    // The margins stay empty.
    let corner = Rect::from_min_size([0.0, 0.0].into(), [20.0, 20.0].into());
    assert_eq!(image.ink(corner, bg, 0), 0);
}

#[test]
fn svg_keeps_every_label_as_text_and_rasterises_like_the_png() {
    let map = map();
    let opts = ExportOptions {
        size: PictureSize::Scale(1.0),
        ..options()
    };
    let (svg, exported) = render_svg(&map, &opts).unwrap();
    assert!(svg.contains(&format!(
        r#"width="{}" height="{}""#,
        exported.width, exported.height
    )));
    assert!(
        svg.contains("font-family=\"'DejaVu Sans', 'Liberation Sans', Arial, 'Noto Sans CJK TC'"),
        "fonts named explicitly"
    );

    let texts = svg_texts(&svg);
    let all = texts.join(" ");
    for claim in map.claims() {
        assert!(
            all.contains(&claim.label),
            "claim label {:?} missing",
            claim.label
        );
    }
    for actor in map.actors() {
        assert!(all.contains(&actor.name), "actor {:?} missing", actor.name);
    }
    for expected in [
        map.title(),
        "Stances (actor → claim)",
        "Relations (claim → claim)",
        "Camps",
        "Exported 2026-01-02",
        "2021-12-08",
    ] {
        assert!(
            all.contains(expected),
            "{expected:?} missing from the SVG text"
        );
    }

    // usvg parses it, and its raster matches the PNG.
    let fonts = Fonts::system();
    let tree = usvg::Tree::from_str(&svg, &fonts.usvg_options(&families_for(&map))).unwrap();
    assert_eq!(tree.size().width(), exported.width as f32);
    let mut pixmap = Pixmap::new(exported.width, exported.height).unwrap();
    resvg::render(&tree, Transform::identity(), &mut pixmap.as_mut());
    let (png, _) = render_png(&map, &opts, &fonts).unwrap();
    let png = decode_png(&png);
    assert_eq!((png.width, png.height), (exported.width, exported.height));
    let total = pixmap.data().len() as f64;
    let mut difference = 0u64;
    let mut far = 0usize;
    for (a, b) in pixmap.data().iter().zip(&png.rgba) {
        let d = a.abs_diff(*b);
        difference += u64::from(d);
        far += usize::from(d > 16);
    }
    let mean = difference as f64 / total;
    assert!(mean < 0.5, "mean difference {mean}");
    assert!(
        (far as f64) < total * 0.002,
        "{far} channel values differ by more than 16"
    );
}

#[test]
fn scale_multiplies_the_size() {
    let map = map();
    let at = |scale| {
        let opts = ExportOptions {
            size: PictureSize::Scale(scale),
            ..options()
        };
        let (svg, exported) = render_svg(&map, &opts).unwrap();
        assert!(!svg.is_empty());
        (exported.width, exported.height)
    };
    let (w1, h1) = at(1.0);
    let (w2, h2) = at(2.0);
    assert!(
        w2.abs_diff(2 * w1) <= 2 && h2.abs_diff(2 * h1) <= 2,
        "{w1}×{h1} → {w2}×{h2}"
    );
}

#[test]
fn dark_and_transparent_backgrounds() {
    let map = map();
    let fonts = Fonts::system();
    let dark = ExportOptions {
        theme: Theme::Dark,
        size: PictureSize::Width(800),
        ..options()
    };
    let (bytes, _) = render_png(&map, &dark, &fonts).unwrap();
    let image = decode_png(&bytes);
    let bg = Style::new(Theme::Dark).background;
    assert_eq!(image.pixel(2, 2), [bg.r(), bg.g(), bg.b(), 255]);

    let transparent = ExportOptions {
        transparent: true,
        ..dark
    };
    let (bytes, exported) = render_png(&map, &transparent, &fonts).unwrap();
    let image = decode_png(&bytes);
    assert!(image.has_alpha);
    assert_eq!(image.pixel(2, 2)[3], 0, "corners are see-through");
    let map_area = exported.areas.map;
    assert!(
        image.ink(map_area, [0, 0, 0, 0], 200) > 1000,
        "the map is drawn"
    );
    let (svg, _) = render_svg(&map, &transparent).unwrap();
    assert!(!svg.contains(&format!(r#"<rect width="{}""#, exported.width)));
}

#[test]
fn title_legend_and_footer_can_be_left_out() {
    let map = map();
    let bare = ExportOptions {
        title: false,
        legend: false,
        footer: false,
        ..options()
    };
    let (svg, exported) = render_svg(&map, &bare).unwrap();
    let all = svg_texts(&svg).join(" ");
    assert!(!all.contains(map.title()) && !all.contains("Stances") && !all.contains("Exported"));
    let areas = exported.areas;
    assert!(areas.title.is_none() && areas.legend.is_none() && areas.footer.is_none());
    // The map fills the picture but for the margins.
    assert!(exported.width as f32 - areas.map.width() < 50.0);
}

#[test]
fn a_selection_or_a_view_shows_only_that_part() {
    let map = map();
    let putin = map.actors().next().unwrap();
    let biden = map.actors().find(|a| a.name == "Joe Biden").unwrap();
    let selection = [putin.id.into(), biden.id.into()].map(SceneId::Node).into();
    let opts = ExportOptions {
        region: Region::Items(selection),
        ..options()
    };
    let (svg, whole) = render_svg(&map, &options()).unwrap();
    let (part_svg, part) = render_svg(&map, &opts).unwrap();
    let texts = svg_texts(&part_svg).join(" ");
    assert!(texts.contains("Vladimir Putin") && texts.contains("Joe Biden"));
    assert!(!texts.contains("Sergey Lavrov"));
    assert!(part_svg.len() < svg.len() / 3);
    assert!(part.areas.map.height() < whole.areas.map.height());

    let view = Rect::from_center_size([putin.at.x, putin.at.y].into(), [300.0, 200.0].into());
    let opts = ExportOptions {
        region: Region::View(view),
        size: PictureSize::Scale(2.0),
        ..options()
    };
    let (view_svg, viewed) = render_svg(&map, &opts).unwrap();
    assert!(view_svg.contains("<clipPath"), "a view is cut at its edges");
    assert!((viewed.areas.map.width() - 600.0).abs() < 1.0);
    assert!(svg_texts(&view_svg).join(" ").contains("Vladimir Putin"));
}

#[test]
fn files_are_written_in_the_format_their_name_asks_for() {
    let map = map();
    let dir = tempfile::tempdir().unwrap();
    let svg_path = dir.path().join("briefing.SVG");
    let png_path = dir.path().join("briefing.png");
    let opts = ExportOptions {
        size: PictureSize::Width(900),
        ..options()
    };
    export_file(&map, &opts, &svg_path).unwrap();
    export_file(&map, &opts, &png_path).unwrap();
    assert!(
        std::fs::read_to_string(&svg_path)
            .unwrap()
            .starts_with("<?xml")
    );
    let png = decode_png(&std::fs::read(&png_path).unwrap());
    assert_eq!(png.width, 900);
    // Only the two pictures: no temporary files left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn filtered_items_are_faded_or_left_out_as_on_the_canvas() {
    use stancemap::scene::{Visibility, VisibilityMap};
    let map = map();
    let putin = map.actors().find(|a| a.name == "Vladimir Putin").unwrap();
    let biden = map.actors().find(|a| a.name == "Joe Biden").unwrap();
    let mut visibility = VisibilityMap::all_shown();
    visibility.set(putin.id, Visibility::Hidden);
    visibility.set(biden.id, Visibility::Dimmed);
    let opts = ExportOptions {
        visibility: Some(visibility),
        ..options()
    };
    let (svg, _) = render_svg(&map, &opts).unwrap();
    let texts = svg_texts(&svg).join(" ");
    assert!(
        !texts.contains("Vladimir Putin"),
        "hidden actors are left out"
    );
    let biden_text = svg
        .lines()
        .find(|l| l.contains(">Joe Biden<"))
        .expect("dimmed actors are drawn");
    assert!(biden_text.contains("fill-opacity=\"0.2\""), "{biden_text}");
}
