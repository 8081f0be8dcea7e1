//! Pictures of a map for briefings: PNG, SVG and PDF, without a window or a GPU.
//!
//! The scene (what the canvas paints) is composed with a title, legend and footer (and, if
//! asked, the evidence: numbers on the stances and the list of quotes) into a [`Picture`];
//! the SVG writer turns it into text, the PNG renderer rasterises that same SVG with resvg and
//! the PDF writer draws it onto pages with krilla-svg, so the formats always agree.

mod captions;
pub mod command;
mod compose;
mod error;
mod evidence;
mod font_files;
mod fonts;
mod options;
mod output;
mod pdf;
mod picture;
mod png;
mod region;
mod svg;

pub use compose::{MAX_SCALE, MAX_WIDTH, compose, compose_with};
pub use error::ExportError;
pub use evidence::Evidence;
pub use fonts::{Fonts, families_for, missing_glyphs_warning};
pub use options::{ExportOptions, Format, Paper, PictureSize, Region, today};
pub use output::write_atomically;
pub use picture::{Areas, Layer, Picture, PictureItem};
pub use png::{MAX_PIXELS, MAX_SIDE, RgbaImage, fits as fits_png};
pub use svg::to_svg;

use crate::model::Map;
use crate::scene::{Scene, Style};
use std::path::Path;

/// What an export produced.
#[derive(Debug, Clone, PartialEq)]
pub struct Exported {
    /// The picture's format.
    pub format: Format,
    /// Width in pixels (for a PDF, of the picture fitted onto its map page).
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Pages written: 1 for a picture; the map page and the evidence pages for a PDF.
    pub pages: usize,
    /// How many stances are numbered and listed with their evidence.
    pub evidence: usize,
    /// Where the parts of the picture lie, in pixels.
    pub areas: Areas,
    /// Characters in the picture that no installed font can draw.
    pub missing_glyphs: Vec<char>,
}

impl Exported {
    /// A warning to show the user, if some text cannot be drawn with the installed fonts.
    pub fn warning(&self) -> Option<String> {
        missing_glyphs_warning(&self.missing_glyphs)
    }
}

/// Exports a picture of `map` to `path`, in the format its extension names, written
/// atomically (a failed export leaves no partial file). Uses the installed fonts.
pub fn export_file(
    map: &Map,
    options: &ExportOptions,
    path: &Path,
) -> Result<Exported, ExportError> {
    let format = Format::from_path(path)?;
    let fonts = Fonts::system();
    with_picture(
        map,
        options,
        format,
        &fonts,
        |picture, fonts, mut exported| {
            let write_error = |source| ExportError::Write {
                path: path.to_path_buf(),
                source,
            };
            // A PDF is made in memory before anything is written, so a failure leaves no file.
            let pdf = match format {
                Format::Pdf => Some(pdf::render_pdf(picture, options.paper, fonts)?),
                Format::Png | Format::Svg => None,
            };
            output::write_atomically(path, |out| match (format, &pdf) {
                (Format::Svg, _) => out
                    .write_all(to_svg(picture).as_bytes())
                    .map_err(write_error),
                (Format::Png, _) => png::write_png(picture, fonts, out, path),
                (Format::Pdf, Some(pdf)) => out.write_all(&pdf.bytes).map_err(write_error),
                (Format::Pdf, None) => Err(ExportError::Render("no PDF was made".to_owned())),
            })?;
            if let Some(pdf) = pdf {
                exported.pages = pdf.pages;
            }
            Ok(exported)
        },
    )
}

/// The PDF bytes of a briefing on `map`, drawn with `fonts`, and what was exported.
pub fn render_pdf(
    map: &Map,
    options: &ExportOptions,
    fonts: &Fonts,
) -> Result<(Vec<u8>, Exported), ExportError> {
    with_picture(
        map,
        options,
        Format::Pdf,
        fonts,
        |picture, fonts, mut exported| {
            let pdf = pdf::render_pdf(picture, options.paper, fonts)?;
            exported.pages = pdf.pages;
            Ok((pdf.bytes, exported))
        },
    )
}

/// The SVG text of a picture of `map`.
pub fn render_svg(map: &Map, options: &ExportOptions) -> Result<(String, Exported), ExportError> {
    with_picture(
        map,
        options,
        Format::Svg,
        &Fonts::system(),
        |picture, _, exported| Ok((to_svg(picture), exported)),
    )
}

/// The PNG bytes of a picture of `map`, drawn with `fonts`.
pub fn render_png(
    map: &Map,
    options: &ExportOptions,
    fonts: &Fonts,
) -> Result<(Vec<u8>, Exported), ExportError> {
    with_picture(
        map,
        options,
        Format::Png,
        fonts,
        |picture, fonts, exported| {
            let mut bytes = Vec::new();
            png::write_png(picture, fonts, &mut bytes, Path::new("memory"))?;
            Ok((bytes, exported))
        },
    )
}

/// A picture of `map` as RGBA pixels (for the clipboard), drawn with the installed fonts.
pub fn render_rgba(
    map: &Map,
    options: &ExportOptions,
) -> Result<(RgbaImage, Exported), ExportError> {
    let fonts = Fonts::system();
    with_picture(
        map,
        options,
        Format::Png,
        &fonts,
        |picture, fonts, exported| Ok((png::render_rgba(picture, fonts)?, exported)),
    )
}

/// The size in pixels a picture of `map` would have, without drawing it.
pub fn picture_size(map: &Map, options: &ExportOptions) -> Result<(u32, u32), ExportError> {
    let style = Style::new(options.theme);
    let scene = Scene::build_with(map, &style, options.visibility.as_ref());
    let picture = compose(map, &scene, &style, options)?;
    Ok((picture.width, picture.height))
}

/// Builds the scene and picture, checks the PNG limits and the fonts, then hands the picture
/// and the fonts to draw it with (for PNG, with the faces it needs in memory) to `finish`.
fn with_picture<T>(
    map: &Map,
    options: &ExportOptions,
    format: Format,
    fonts: &Fonts,
    finish: impl FnOnce(&Picture<'_>, &Fonts, Exported) -> Result<T, ExportError>,
) -> Result<T, ExportError> {
    let style = Style::new(options.theme);
    let scene = Scene::build_with(map, &style, options.visibility.as_ref());
    let picture = compose_with(map, &scene, &style, options, format != Format::Pdf)?;
    if format == Format::Png && !png::fits(picture.width, picture.height) {
        return Err(ExportError::TooLarge {
            width: u64::from(picture.width),
            height: u64::from(picture.height),
            smaller: smaller_size_that_fits(map, &scene, &style, options, &picture),
        });
    }
    let fonts = match format {
        Format::Png => fonts.prepared_for(&picture.font_families, picture.text_runs()),
        Format::Svg | Format::Pdf => fonts.clone(),
    };
    let evidence_texts = picture.evidence.iter().flat_map(Evidence::texts);
    let exported = Exported {
        format,
        width: picture.width,
        height: picture.height,
        pages: 1,
        evidence: picture.evidence.len(),
        areas: picture.areas,
        missing_glyphs: fonts.missing_glyphs(picture.texts().chain(evidence_texts)),
    };
    finish(&picture, &fonts, exported)
}

/// The largest scale (or width) below the requested one at which the picture fits a PNG,
/// found by shrinking in proportion and checking, since the title, legend and footer do not
/// shrink with the map.
fn smaller_size_that_fits(
    map: &Map,
    scene: &Scene,
    style: &Style,
    options: &ExportOptions,
    too_large: &Picture<'_>,
) -> Option<PictureSize> {
    let (w, h) = (f64::from(too_large.width), f64::from(too_large.height));
    let mut factor = (f64::from(MAX_SIDE) / w)
        .min(f64::from(MAX_SIDE) / h)
        .min((MAX_PIXELS as f64 / (w * h)).sqrt());
    for _ in 0..20 {
        let size = match options.size {
            PictureSize::Scale(scale) => {
                let smaller = (f64::from(scale) * factor * 100.0).floor() / 100.0;
                (smaller > 0.0).then_some(PictureSize::Scale(smaller as f32))?
            }
            PictureSize::Width(width) => {
                PictureSize::Width((f64::from(width) * factor).floor() as u32)
            }
        };
        let trial = ExportOptions {
            size,
            ..options.clone()
        };
        match compose(map, scene, style, &trial) {
            Ok(p) if png::fits(p.width, p.height) => return Some(size),
            Ok(_) => factor *= 0.95,
            Err(_) => return None,
        }
    }
    None
}
