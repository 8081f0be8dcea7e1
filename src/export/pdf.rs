//! PDF briefings: the picture of the map on a landscape page, fitted to it, then the evidence
//! on upright pages. Every page is an SVG picture drawn onto the PDF by krilla-svg, from the
//! same SVG text (and with the same fonts) as the PNG and SVG exports, so text stays text in
//! fonts embedded in the file, Chinese included.

use super::error::ExportError;
use super::evidence::{EntryBlock, Evidence, HEADING, entry_block, heading};
use super::fonts::Fonts;
use super::options::Paper;
use super::picture::{Areas, Layer, Picture, PictureItem};
use super::svg::to_svg;
use crate::scene::text::LINE_HEIGHT;
use crate::scene::{Align, Shape, Style, Theme};
use eframe::egui::{Pos2, Rect, Vec2, emath::TSTransform};
use krilla::Document;
use krilla::geom::{Size as PageSize, Transform};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla_svg::{SurfaceExt, SvgSettings};
use std::borrow::Cow;

/// Space left blank around everything on a page, in points (half an inch).
const PAGE_MARGIN: f32 = 36.0;
/// Points per unit of the evidence pages' text (their 11-unit text is set at 8.8 pt).
const EVIDENCE_UNIT: f32 = 0.8;
/// Font size of the page footer, in units.
const FOOTER_SIZE: f32 = 9.0;
/// Space between two evidence entries, in units.
const ENTRY_GAP: f32 = 8.0;

/// What a PDF export wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct Pdf {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// How many pages it has.
    pub pages: usize,
}

/// The PDF of `picture` on `paper`: the map page, then the evidence pages (none when the
/// picture carries no evidence). Text is drawn with `fonts`.
pub fn render_pdf(picture: &Picture<'_>, paper: Paper, fonts: &Fonts) -> Result<Pdf, ExportError> {
    let (short, long) = paper.size();
    let options = fonts.usvg_options(&picture.font_families);
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(picture.title.clone())
            .creator(format!("stancemap {}", env!("CARGO_PKG_VERSION"))),
    );

    // Each page: its size in points, its SVG, and whether the SVG is fitted inside the page's
    // margins (the map) or already laid out on the whole page (the evidence).
    let mut pages = vec![(long, short, to_svg(picture), true)];
    let style = Style::new(Theme::Light);
    let evidence_pages = evidence_pages(
        &picture.evidence,
        &picture.title,
        &picture.font_families,
        (short / EVIDENCE_UNIT, long / EVIDENCE_UNIT),
        &style,
    );
    let count = evidence_pages.len();
    for (index, page) in evidence_pages.into_iter().enumerate() {
        let mut page = page;
        page.layers.push(page_footer(
            &picture.title,
            index + 1,
            count,
            page.width as f32,
            page.height as f32,
            &style,
        ));
        pages.push((short, long, to_svg(&page), false));
    }

    for (page_width, page_height, svg, fitted) in &pages {
        let tree = resvg::usvg::Tree::from_str(svg, &options)
            .map_err(|e| ExportError::Render(format!("the page could not be read back: {e}")))?;
        let (width, height) = (tree.size().width(), tree.size().height());
        let margin = if *fitted { PAGE_MARGIN } else { 0.0 };
        let room = (page_width - 2.0 * margin, page_height - 2.0 * margin);
        let scale = (room.0 / width).min(room.1 / height);
        let drawn = PageSize::from_wh(width * scale, height * scale)
            .ok_or_else(|| ExportError::Render("the page would be empty".to_owned()))?;
        let settings = PageSettings::from_wh(*page_width, *page_height)
            .ok_or_else(|| ExportError::Render("the paper size is not valid".to_owned()))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        // Centred on the page.
        let left = (page_width - drawn.width()) / 2.0;
        let top = (page_height - drawn.height()) / 2.0;
        surface.push_transform(&Transform::from_translate(left, top));
        let drew = surface.draw_svg(&tree, drawn, SvgSettings::default());
        surface.pop();
        surface.finish();
        page.finish();
        if drew.is_none() {
            return Err(ExportError::Render(
                "a page could not be converted to PDF".to_owned(),
            ));
        }
    }
    let bytes = document
        .finish()
        .map_err(|e| ExportError::Render(format!("the PDF could not be written: {e}")))?;
    Ok(Pdf {
        bytes,
        pages: pages.len(),
    })
}

/// The evidence laid out on pages `page` units large (width, height): a heading on the first,
/// then the entries, each whole on one page (an entry taller than a page gets a page of its
/// own and runs off its end, which a quote of several thousand words would need).
fn evidence_pages(
    evidence: &[Evidence],
    title: &str,
    families: &[&'static str],
    page: (f32, f32),
    style: &Style,
) -> Vec<Picture<'static>> {
    if evidence.is_empty() {
        return Vec::new();
    }
    let margin = PAGE_MARGIN / EVIDENCE_UNIT;
    let width = page.0 - 2.0 * margin;
    let bottom = page.1 - 2.0 * margin - FOOTER_SIZE * LINE_HEIGHT * 2.0;
    let blocks: Vec<EntryBlock> = evidence
        .iter()
        .map(|entry| entry_block(entry, width, style))
        .collect();

    let mut pages: Vec<Vec<Shape>> = Vec::new();
    let (first_heading, heading_height) =
        heading(&format!("{HEADING}: {title}"), Pos2::ZERO, style);
    let mut shapes = vec![first_heading];
    let mut y = heading_height;
    for block in blocks {
        if y > 0.0 && y + block.height > bottom {
            pages.push(std::mem::take(&mut shapes));
            y = 0.0;
        }
        for mut shape in block.shapes {
            shape.translate(Vec2::new(0.0, y));
            shapes.push(shape);
        }
        y += block.height + ENTRY_GAP;
    }
    pages.push(shapes);
    pages
        .into_iter()
        .map(|shapes| text_page(shapes, title, families, page, margin))
        .collect()
}

/// A page picture `page` units large holding `shapes` inside `margin`.
fn text_page(
    shapes: Vec<Shape>,
    title: &str,
    families: &[&'static str],
    page: (f32, f32),
    margin: f32,
) -> Picture<'static> {
    let bounds = Rect::from_min_size(Pos2::ZERO, Vec2::new(page.0, page.1));
    Picture {
        width: page.0.round() as u32,
        height: page.1.round() as u32,
        background: None,
        title: title.to_owned(),
        font_families: families.to_vec(),
        layers: vec![Layer {
            transform: TSTransform::from_translation(Vec2::splat(margin)),
            clip: None,
            items: vec![PictureItem {
                bounds,
                shapes: Cow::Owned(shapes),
            }],
        }],
        areas: Areas {
            map: bounds,
            title: None,
            legend: None,
            evidence: Some(bounds),
            footer: None,
        },
        chrome_scale: 1.0,
        evidence: Vec::new(),
    }
}

/// "Title — evidence, page 2 of 3" at the foot of an evidence page.
fn page_footer(
    title: &str,
    number: usize,
    count: usize,
    width: f32,
    height: f32,
    style: &Style,
) -> Layer<'static> {
    let margin = PAGE_MARGIN / EVIDENCE_UNIT;
    let anchor = Pos2::new(margin, height - margin - FOOTER_SIZE * LINE_HEIGHT);
    let text = format!("{title} — evidence, page {number} of {count}");
    let shape = Shape::Text {
        anchor,
        align: Align::Left,
        text,
        size: FOOTER_SIZE,
        colour: style.muted_text,
        bold: false,
    };
    Layer {
        transform: TSTransform::IDENTITY,
        clip: None,
        items: vec![PictureItem {
            bounds: Rect::from_min_size(anchor, Vec2::new(width - 2.0 * margin, FOOTER_SIZE)),
            shapes: Cow::Owned(vec![shape]),
        }],
    }
}
