//! Placing the parts of a picture: the framed map, the title above it, the legend beside it
//! and the footer below, and choosing how many pixels a map unit gets.
//!
//! With the evidence option, each stance drawn gets a number on its arrow, and the list of
//! what the numbers stand for goes below the map (a PDF puts it on pages of its own).
//!
//! The title, legend and footer ("chrome") have their own scale: never smaller than the map's
//! own text, and never smaller than a picture shown 1,280 px wide (a slide) needs, so a
//! 3,840-px picture of a large map still has a legend one can read.

use super::captions::{footer_text, title_text};
use super::error::ExportError;
use super::evidence::{evidence_list, number_badges, number_stances};
use super::fonts::families_for;
use super::options::{ExportOptions, PictureSize};
use super::picture::{Areas, Layer, Picture, PictureItem};
use super::region::frame;
use crate::model::Map;
use crate::scene::text::{LINE_HEIGHT, wrap};
use crate::scene::{Align, Legend, Scene, Shape, Style};
use eframe::egui::{Pos2, Rect, Vec2, emath::TSTransform};
use std::borrow::Cow;

/// Largest scale accepted (output pixels per map unit).
pub const MAX_SCALE: f32 = 16.0;
/// Widest picture accepted, in pixels.
pub const MAX_WIDTH: u32 = 32_767;

/// Space around the picture's content, in chrome units.
const MARGIN: f32 = 24.0;
/// Space between the map and the legend.
const LEGEND_GAP: f32 = 24.0;
/// Space between the title, the map and the footer.
const SECTION_GAP: f32 = 16.0;
/// Font size of the title.
const TITLE_SIZE: f32 = 22.0;
/// Font size of the footer.
const FOOTER_SIZE: f32 = 11.0;
/// Bold text is about this much wider than the width estimates, which are for regular text.
const BOLD_WIDENING: f32 = 1.08;
/// The width a picture is usually shown at in slides; chrome stays readable at that width.
const SLIDE_WIDTH: f32 = 1280.0;
/// Narrowest the map itself may be drawn, in pixels.
const MIN_MAP_WIDTH: f32 = 50.0;

/// Composes the picture of `scene` (built from `map` with `style`) that `options` ask for.
pub fn compose<'a>(
    map: &Map,
    scene: &'a Scene,
    style: &Style,
    options: &ExportOptions,
) -> Result<Picture<'a>, ExportError> {
    compose_with(map, scene, style, options, true)
}

/// Composes the picture as [`compose`] does; with the evidence option, the list of evidence
/// goes below the map only if `list_below` (a PDF sets it on pages of its own). The numbered
/// evidence is in the picture either way.
pub fn compose_with<'a>(
    map: &Map,
    scene: &'a Scene,
    style: &Style,
    options: &ExportOptions,
    list_below: bool,
) -> Result<Picture<'a>, ExportError> {
    let framed = frame(scene, &options.region)?;
    let evidence = if options.evidence {
        number_stances(map, framed.items.iter().copied())
    } else {
        Vec::new()
    };
    let badges = number_badges(framed.items.iter().copied(), &evidence, style);
    let area = framed.area;
    let legend = options
        .legend
        .then(|| Legend::build(map, &scene.camps, style));
    let chrome_width = 2.0 * MARGIN + legend.as_ref().map_or(0.0, |l| LEGEND_GAP + l.size.x);
    let (map_scale, chrome_scale, width) = scales(options.size, area.width(), chrome_width)?;

    // Everything below is in pixels unless it says chrome units.
    let c = chrome_scale;
    let text_room = width as f32 / c - 2.0 * MARGIN;
    let title_lines = if options.title {
        wrap(&title_text(map), TITLE_SIZE, text_room / BOLD_WIDENING)
    } else {
        Vec::new()
    };
    let footer_lines = if options.footer {
        wrap(
            &footer_text(map, options.export_date),
            FOOTER_SIZE,
            text_room,
        )
    } else {
        Vec::new()
    };
    let list =
        (list_below && !evidence.is_empty()).then(|| evidence_list(&evidence, text_room, style));
    let title_height = lines_height(title_lines.len(), TITLE_SIZE);
    let footer_height = lines_height(footer_lines.len(), FOOTER_SIZE);

    let left = MARGIN * c;
    let mut top = MARGIN * c;
    let title_area = (!title_lines.is_empty()).then(|| {
        let r = Rect::from_min_size(
            Pos2::new(left, top),
            Vec2::new(width as f32 - 2.0 * left, title_height * c),
        );
        top += (title_height + SECTION_GAP) * c;
        r
    });
    let map_area = Rect::from_min_size(Pos2::new(left, top), area.size() * map_scale);
    let legend_area = legend.as_ref().map(|l| {
        Rect::from_min_size(
            Pos2::new(map_area.right() + LEGEND_GAP * c, top),
            l.size * c,
        )
    });
    let body_bottom = legend_area.map_or(map_area.bottom(), |l| l.bottom().max(map_area.bottom()));
    let evidence_area = list.as_ref().map(|(_, height)| {
        Rect::from_min_size(
            Pos2::new(left, body_bottom + SECTION_GAP * c),
            Vec2::new(width as f32 - 2.0 * left, height * c),
        )
    });
    let above_footer = evidence_area.map_or(body_bottom, |e| e.bottom());
    let footer_area = (!footer_lines.is_empty()).then(|| {
        Rect::from_min_size(
            Pos2::new(left, above_footer + SECTION_GAP * c),
            Vec2::new(width as f32 - 2.0 * left, footer_height * c),
        )
    });
    let content_bottom = footer_area.map_or(above_footer, |f| f.bottom());
    let height = (content_bottom + MARGIN * c).ceil() as u32;

    let mut layers = vec![Layer {
        transform: TSTransform::new(
            map_area.min.to_vec2() - area.min.to_vec2() * map_scale,
            map_scale,
        ),
        clip: framed.clip.then_some(map_area),
        items: framed
            .items
            .iter()
            .map(|item| PictureItem {
                bounds: item.bounds,
                shapes: Cow::Borrowed(item.shapes.as_slice()),
            })
            .chain(badges.into_iter().map(|(bounds, shapes)| PictureItem {
                bounds,
                shapes: Cow::Owned(shapes),
            }))
            .collect(),
    }];
    if let (Some(legend), Some(legend_area)) = (legend, legend_area) {
        layers.push(Layer {
            transform: TSTransform::new(legend_area.min.to_vec2(), c),
            clip: None,
            items: vec![PictureItem {
                bounds: Rect::from_min_size(Pos2::ZERO, legend.size),
                shapes: Cow::Owned(legend.shapes),
            }],
        });
    }
    let mut captions = Vec::new();
    if let Some(area) = title_area {
        captions.push(text_block(
            &title_lines,
            area.min / c,
            TITLE_SIZE,
            style.text,
            true,
        ));
    }
    if let (Some((shapes, _)), Some(area)) = (list, evidence_area) {
        let offset = area.min.to_vec2() / c;
        let shapes: Vec<Shape> = shapes
            .into_iter()
            .map(|mut shape| {
                shape.translate(offset);
                shape
            })
            .collect();
        captions.push(PictureItem {
            bounds: Rect::from_min_size(area.min / c, area.size() / c),
            shapes: Cow::Owned(shapes),
        });
    }
    if let Some(area) = footer_area {
        captions.push(text_block(
            &footer_lines,
            area.min / c,
            FOOTER_SIZE,
            style.muted_text,
            false,
        ));
    }
    if !captions.is_empty() {
        layers.push(Layer {
            transform: TSTransform::from_scaling(c),
            clip: None,
            items: captions,
        });
    }
    Ok(Picture {
        width,
        height,
        background: (!options.transparent).then_some(style.background),
        title: title_text(map),
        font_families: families_for(map),
        layers,
        areas: Areas {
            map: map_area,
            title: title_area,
            legend: legend_area,
            evidence: evidence_area,
            footer: footer_area,
        },
        chrome_scale: c,
        evidence,
    })
}

/// The map scale, the chrome scale and the picture width for a requested size, given the
/// width of the framed map area (map units) and of the chrome beside it (chrome units).
fn scales(
    size: PictureSize,
    area_width: f32,
    chrome_width: f32,
) -> Result<(f32, f32, u32), ExportError> {
    match size {
        PictureSize::Scale(scale) => {
            if !(scale.is_finite() && scale > 0.0 && scale <= MAX_SCALE) {
                return Err(ExportError::BadScale { scale });
            }
            let chrome = scale.max(1.0);
            let width = (area_width * scale + chrome_width * chrome).ceil();
            Ok((scale, chrome, width.min(u32::MAX as f32) as u32))
        }
        PictureSize::Width(width) => {
            let min = (chrome_width + MIN_MAP_WIDTH).ceil() as u32;
            if width < min || width > MAX_WIDTH {
                return Err(ExportError::BadWidth {
                    width,
                    min,
                    max: MAX_WIDTH,
                });
            }
            let w = width as f32;
            // Chrome and map at one scale when that is large enough to read; otherwise the
            // chrome keeps its readable floor and the map takes the rest.
            let equal = w / (area_width + chrome_width);
            let floor = (w / SLIDE_WIDTH).max(1.0);
            let (map_scale, chrome) = if equal >= floor {
                (equal, equal)
            } else {
                let chrome = floor.min((w - MIN_MAP_WIDTH) / chrome_width);
                (((w - chrome * chrome_width) / area_width), chrome)
            };
            Ok((map_scale, chrome, width))
        }
    }
}

fn lines_height(lines: usize, size: f32) -> f32 {
    lines as f32 * size * LINE_HEIGHT
}

/// Left-aligned lines of text starting at `top_left` (chrome units).
fn text_block(
    lines: &[String],
    top_left: Pos2,
    size: f32,
    colour: eframe::egui::Color32,
    bold: bool,
) -> PictureItem<'static> {
    let shapes: Vec<Shape> = lines
        .iter()
        .enumerate()
        .map(|(i, line)| Shape::Text {
            anchor: top_left + Vec2::new(0.0, i as f32 * size * LINE_HEIGHT),
            align: Align::Left,
            text: line.clone(),
            size,
            colour,
            bold,
        })
        .collect();
    let bounds = shapes
        .iter()
        .map(Shape::bounds)
        .reduce(|a, b| a.union(b))
        .unwrap_or(Rect::from_min_size(top_left, Vec2::ZERO));
    PictureItem {
        bounds,
        shapes: Cow::Owned(shapes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scale_sets_map_and_chrome_alike_above_one() {
        let (map, chrome, width) = scales(PictureSize::Scale(2.0), 1000.0, 300.0).unwrap();
        assert_eq!((map, chrome, width), (2.0, 2.0, 2600));
        let (map, chrome, _) = scales(PictureSize::Scale(0.5), 1000.0, 300.0).unwrap();
        assert_eq!((map, chrome), (0.5, 1.0));
    }

    #[test]
    fn a_width_is_met_exactly_with_readable_chrome() {
        // A small map: everything at one scale.
        let (map, chrome, width) = scales(PictureSize::Width(1200), 900.0, 300.0).unwrap();
        assert_eq!(width, 1200);
        assert!((map - 1.0).abs() < 1e-6 && (chrome - 1.0).abs() < 1e-6);
        // A large map in a 3840 px picture: the legend stays at slide-readable size.
        let (map, chrome, _) = scales(PictureSize::Width(3840), 20_000.0, 300.0).unwrap();
        assert!((chrome - 3.0).abs() < 1e-6);
        assert!((map * 20_000.0 + chrome * 300.0 - 3840.0).abs() < 0.5);
    }

    #[test]
    fn impossible_sizes_are_refused() {
        assert!(matches!(
            scales(PictureSize::Scale(0.0), 100.0, 300.0),
            Err(ExportError::BadScale { .. })
        ));
        assert!(matches!(
            scales(PictureSize::Scale(f32::NAN), 100.0, 300.0),
            Err(ExportError::BadScale { .. })
        ));
        assert!(matches!(
            scales(PictureSize::Width(200), 100.0, 300.0),
            Err(ExportError::BadWidth { min: 350, .. })
        ));
        assert!(matches!(
            scales(PictureSize::Width(40_000), 100.0, 300.0),
            Err(ExportError::BadWidth { .. })
        ));
    }
}
