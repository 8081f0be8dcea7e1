//! Rasterising a picture: its SVG is laid out by usvg (text shaped with the installed fonts)
//! and drawn by resvg, so the PNG shows exactly what the SVG describes.
//!
//! Large pictures are drawn in bands of rows: each band parses only the drawings that reach
//! into it and is encoded as soon as it is drawn, so memory stays bounded by the band, not by
//! the picture or the map.

use super::error::ExportError;
use super::fonts::Fonts;
use super::picture::Picture;
use super::svg::{Rows, write_svg};
use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg;
use std::io::Write;

/// Most pixels a PNG may have on a side (many decoders stop at 32,767).
pub const MAX_SIDE: u32 = 32_767;
/// Most pixels a PNG may have in all: 16,384², a gigabyte once a viewer decodes it.
pub const MAX_PIXELS: u64 = 16_384 * 16_384;
/// About how many bytes of pixels one band holds.
const BAND_BYTES: usize = 16 << 20;
/// About how many text lines one band draws.
const TEXTS_PER_BAND: usize = 1_000;

/// Whether a picture is within the PNG size limits.
pub fn fits(width: u32, height: u32) -> bool {
    width <= MAX_SIDE && height <= MAX_SIDE && u64::from(width) * u64::from(height) <= MAX_PIXELS
}

/// A picture in memory as straight (not premultiplied) RGBA rows.
#[derive(Debug, Clone, PartialEq)]
pub struct RgbaImage {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width × height × 4` bytes, row by row.
    pub pixels: Vec<u8>,
}

/// Draws the whole picture into memory.
pub fn render_rgba(picture: &Picture<'_>, fonts: &Fonts) -> Result<RgbaImage, ExportError> {
    let mut pixels = Vec::with_capacity(picture.width as usize * picture.height as usize * 4);
    render_bands(picture, fonts, |band| {
        for pixel in band.pixels() {
            let c = pixel.demultiply();
            pixels.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
        }
        Ok(())
    })?;
    Ok(RgbaImage {
        width: picture.width,
        height: picture.height,
        pixels,
    })
}

/// Draws the picture band by band and writes it as PNG to `out`. An opaque picture is
/// written as RGB, a transparent one as RGBA. I/O errors are reported against `path`.
pub fn write_png(
    picture: &Picture<'_>,
    fonts: &Fonts,
    out: impl Write,
    path: &std::path::Path,
) -> Result<(), ExportError> {
    let io_error = |e: png::EncodingError| ExportError::Write {
        path: path.to_path_buf(),
        source: match e {
            png::EncodingError::IoError(e) => e,
            other => std::io::Error::other(other.to_string()),
        },
    };
    let opaque = picture.background.is_some();
    let mut encoder = png::Encoder::new(out, picture.width, picture.height);
    encoder.set_color(if opaque {
        png::ColorType::Rgb
    } else {
        png::ColorType::Rgba
    });
    encoder.set_depth(png::BitDepth::Eight);
    // fdeflate-based: several times faster than zlib's default for a file a few percent
    // larger, which suits pictures made for slides.
    encoder.set_compression(png::Compression::Fast);
    // Record the chrome scale as resolution, so slide software sizes a 2× picture like a
    // 1× one, only sharper.
    let per_metre = (96.0 * picture.chrome_scale / 0.0254).round() as u32;
    encoder.set_pixel_dims(Some(png::PixelDimensions {
        xppu: per_metre,
        yppu: per_metre,
        unit: png::Unit::Meter,
    }));
    let mut png = encoder.write_header().map_err(io_error)?;
    let mut writer = png.stream_writer().map_err(io_error)?;
    let mut row = Vec::with_capacity(picture.width as usize * 4);
    render_bands(picture, fonts, |band| {
        for line in band.pixels().chunks(band.width() as usize) {
            row.clear();
            for pixel in line {
                if opaque {
                    row.extend_from_slice(&[pixel.red(), pixel.green(), pixel.blue()]);
                } else {
                    let c = pixel.demultiply();
                    row.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
                }
            }
            writer.write_all(&row).map_err(|e| ExportError::Write {
                path: path.to_path_buf(),
                source: e,
            })?;
        }
        Ok(())
    })?;
    writer.finish().map_err(io_error)?;
    png.finish().map_err(io_error)
}

/// Draws the picture in bands of rows, top to bottom, handing each finished band to `sink`.
/// As many bands as there are processor cores are drawn at once.
fn render_bands(
    picture: &Picture<'_>,
    fonts: &Fonts,
    mut sink: impl FnMut(&Pixmap) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    if !fits(picture.width, picture.height) || picture.width == 0 || picture.height == 0 {
        return Err(ExportError::Render(format!(
            "a {} × {} px picture is outside the PNG limits",
            picture.width, picture.height
        )));
    }
    let options = fonts.usvg_options(&picture.font_families);
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let bands = bands(
        picture.width,
        picture.height,
        workers,
        picture.texts().count(),
    );
    for batch in bands.chunks(workers) {
        let drawn: Vec<Result<Pixmap, ExportError>> = std::thread::scope(|scope| {
            let threads: Vec<_> = batch
                .iter()
                .map(|&rows| {
                    let options = &options;
                    scope.spawn(move || render_band(picture, options, rows))
                })
                .collect();
            threads
                .into_iter()
                .map(|thread| {
                    thread.join().unwrap_or_else(|_| {
                        Err(ExportError::Render("a drawing thread failed".to_owned()))
                    })
                })
                .collect()
        });
        for band in drawn {
            sink(&band?)?;
        }
    }
    Ok(())
}

/// Splits `height` rows into bands, as `(first row, row count)`: each band holds at most
/// [`BAND_BYTES`] of pixels and, on average, [`TEXTS_PER_BAND`] of the picture's `texts`
/// lines (usvg keeps the outline of every glyph of a band, which for a large map drawn small
/// weighs far more than its pixels); and there are at least `workers` bands when the picture
/// is tall enough.
fn bands(width: u32, height: u32, workers: usize, texts: usize) -> Vec<(u32, u32)> {
    let by_memory = (BAND_BYTES / (4 * width.max(1) as usize)).max(16) as u32;
    let by_workers = height.div_ceil(workers.max(1) as u32).max(64);
    let by_texts = (u64::from(height) * TEXTS_PER_BAND as u64 / texts.max(1) as u64)
        .clamp(16, u64::from(u32::MAX)) as u32;
    let rows = by_memory.min(by_workers).min(by_texts).max(1);
    (0..height)
        .step_by(rows as usize)
        .map(|top| (top, rows.min(height - top)))
        .collect()
}

/// Draws one band: parses the SVG of the drawings that reach into it and renders that.
fn render_band(
    picture: &Picture<'_>,
    options: &usvg::Options<'_>,
    (top, rows): (u32, u32),
) -> Result<Pixmap, ExportError> {
    let mut svg = String::new();
    // Writing to a String cannot fail.
    let _ = write_svg(
        picture,
        Some(Rows {
            top: top as f32,
            bottom: (top + rows) as f32,
        }),
        &mut svg,
    );
    let tree = usvg::Tree::from_str(&svg, options)
        .map_err(|e| ExportError::Render(format!("the SVG did not parse: {e}")))?;
    let mut band = Pixmap::new(picture.width, rows)
        .ok_or_else(|| ExportError::Render("could not allocate the picture".to_owned()))?;
    resvg::render(
        &tree,
        Transform::from_translate(0.0, -(top as f32)),
        &mut band.as_mut(),
    );
    Ok(band)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_cover_every_row_once_and_share_the_work() {
        for (width, height, workers) in [(3840, 1948, 2), (100, 10, 4), (32_767, 9_000, 1)] {
            let bands = bands(width, height, workers, 100);
            let mut next = 0;
            for &(top, rows) in &bands {
                assert_eq!(top, next);
                assert!(
                    rows > 0
                        && rows as usize * width as usize * 4
                            <= BAND_BYTES.max(64 * 4 * width as usize)
                );
                next = top + rows;
            }
            assert_eq!(next, height);
        }
        assert_eq!(bands(3840, 1948, 2, 100).len(), 2);
        // A large map drawn small: many texts, so many bands.
        assert_eq!(bands(3840, 1948, 2, 20_000).len(), 21);
    }

    #[test]
    fn limits_bound_each_side_and_the_area() {
        assert!(fits(32_767, 8_000));
        assert!(!fits(32_768, 10));
        assert!(!fits(20_000, 20_000));
        assert!(fits(16_384, 16_384));
    }
}
