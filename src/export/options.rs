//! What the user asks of an export: which part of the map, how big, which colours, and which
//! of the title, legend and footer to add.

use super::error::ExportError;
use crate::model::Date;
use crate::scene::{SceneId, Theme, VisibilityMap};
use eframe::egui::Rect;
use std::collections::BTreeSet;
use std::path::Path;

/// The picture formats stancemap writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A raster picture, for slides and documents.
    Png,
    /// A vector picture with selectable text, for print and further editing.
    Svg,
    /// A briefing document: the map on a landscape page, then the evidence pages.
    Pdf,
}

impl Format {
    /// The format a file name asks for, by its extension (in any letter case).
    pub fn from_path(path: &Path) -> Result<Format, ExportError> {
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("png") => Ok(Format::Png),
            Some("svg") => Ok(Format::Svg),
            Some("pdf") => Ok(Format::Pdf),
            _ => Err(ExportError::UnknownFormat {
                path: path.to_path_buf(),
            }),
        }
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Svg => "svg",
            Format::Pdf => "pdf",
        }
    }
}

/// The paper size of a PDF briefing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Width and height of the upright page, in PDF points (1/72 in).
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }

    /// The paper's usual name.
    pub fn name(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "Letter",
        }
    }
}

/// Which part of the map the picture shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Region {
    /// Every node and edge.
    #[default]
    Whole,
    /// What lies within a rectangle in map coordinates (the canvas's current view), cut at
    /// its edges.
    View(Rect),
    /// Chosen nodes and edges; edges between two chosen nodes come along, and chosen edges
    /// bring their end nodes.
    Items(BTreeSet<SceneId>),
}

/// How large the picture is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PictureSize {
    /// Output pixels per map unit (1 = the canvas at 100 % zoom).
    Scale(f32),
    /// The picture's width in pixels; the map is scaled to fit.
    Width(u32),
}

impl Default for PictureSize {
    fn default() -> Self {
        PictureSize::Scale(1.0)
    }
}

/// Everything that decides what an exported picture looks like.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportOptions {
    /// Which part of the map to draw.
    pub region: Region,
    /// How large to draw it.
    pub size: PictureSize,
    /// Light or dark colours.
    pub theme: Theme,
    /// Leave the background transparent instead of filling it with the theme's colour.
    pub transparent: bool,
    /// Draw the map's title above it.
    pub title: bool,
    /// Draw the legend beside the map.
    pub legend: bool,
    /// Draw a footer naming the sources and the export date.
    pub footer: bool,
    /// Number each stance on its arrow and list the evidence for each number: below the map
    /// in a PNG or SVG, on the pages after the map in a PDF.
    pub evidence: bool,
    /// The paper size of a PDF.
    pub paper: Paper,
    /// The date the footer gives as the export date.
    pub export_date: Date,
    /// Items to draw faded or leave out, as the canvas does under the analysis filters;
    /// `None` draws everything.
    pub visibility: Option<VisibilityMap>,
}

impl ExportOptions {
    /// The whole map at 1×, light, with title, legend and footer and without the evidence
    /// list, on A4 paper, exported on `export_date`.
    pub fn new(export_date: Date) -> Self {
        ExportOptions {
            region: Region::Whole,
            size: PictureSize::default(),
            theme: Theme::Light,
            transparent: false,
            title: true,
            legend: true,
            footer: true,
            evidence: false,
            paper: Paper::A4,
            export_date,
            visibility: None,
        }
    }
}

/// Today's date on this computer's clock, for the footer.
pub fn today() -> Date {
    jiff::Zoned::now().date()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_come_from_the_extension_in_any_case() {
        assert_eq!(
            Format::from_path(Path::new("a/b.png")).ok(),
            Some(Format::Png)
        );
        assert_eq!(
            Format::from_path(Path::new("B.SVG")).ok(),
            Some(Format::Svg)
        );
        assert_eq!(
            Format::from_path(Path::new("brief.Pdf")).ok(),
            Some(Format::Pdf)
        );
        for bad in ["map.jpg", "map", "png", "map.png.txt"] {
            assert!(
                matches!(
                    Format::from_path(Path::new(bad)),
                    Err(ExportError::UnknownFormat { .. })
                ),
                "{bad}"
            );
        }
    }
}
