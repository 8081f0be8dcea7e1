//! Why an export failed, worded for the person who asked for it.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// Everything that can stop a picture from being written.
#[derive(Debug)]
pub enum ExportError {
    /// The output file name does not end in a picture format stancemap writes.
    UnknownFormat {
        /// The output path as given.
        path: PathBuf,
    },
    /// There is nothing to draw in the chosen part of the map.
    NothingToExport {
        /// What was empty ("the map", "the selection", "the current view").
        what: &'static str,
    },
    /// A scale that is not a positive number within reason.
    BadScale {
        /// The scale as given.
        scale: f32,
    },
    /// A target width too small for the picture's fixed parts or too large for PNG.
    BadWidth {
        /// The width as given, in pixels.
        width: u32,
        /// The narrowest width that works with the chosen options.
        min: u32,
        /// The widest width allowed.
        max: u32,
    },
    /// The PNG would be larger than stancemap writes.
    TooLarge {
        /// Width the picture would have, in pixels.
        width: u64,
        /// Height the picture would have, in pixels.
        height: u64,
        /// The largest scale or width at which the same picture fits, if any.
        smaller: Option<super::options::PictureSize>,
    },
    /// The picture is too large to put on the clipboard.
    Clipboard {
        /// Width the picture would have, in pixels.
        width: u32,
        /// Height the picture would have, in pixels.
        height: u32,
    },
    /// The picture could not be rasterised (a fault in stancemap, not in the map).
    Render(String),
    /// The output file could not be written.
    Write {
        /// The output path.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::UnknownFormat { path } => write!(
                f,
                "cannot tell the picture format of {}: the file name must end in .png, .svg or .pdf",
                path.display()
            ),
            ExportError::NothingToExport { what } => {
                write!(f, "nothing to export: {what} has no claims or actors")
            }
            ExportError::BadScale { scale } => write!(
                f,
                "the scale must be a number above 0 and at most {}, not {scale}",
                super::compose::MAX_SCALE
            ),
            ExportError::BadWidth { width, min, max } => write!(
                f,
                "a picture {width} px wide is not possible here: the width must be between \
                 {min} and {max} px"
            ),
            ExportError::TooLarge {
                width,
                height,
                smaller,
            } => {
                write!(
                    f,
                    "the PNG would be {width} × {height} px, more than the {} px on a side \
                     and {} megapixels a PNG may have; export to SVG instead (it has no size \
                     limit)",
                    super::png::MAX_SIDE,
                    super::png::MAX_PIXELS / 1_000_000
                )?;
                match smaller {
                    Some(super::options::PictureSize::Scale(scale)) => {
                        write!(f, ", or use a scale of at most {scale}")
                    }
                    Some(super::options::PictureSize::Width(width)) => {
                        write!(f, ", or use a width of at most {width} px")
                    }
                    None => write!(f, ", or export a smaller part of the map"),
                }
            }
            ExportError::Clipboard { width, height } => write!(
                f,
                "a {width} × {height} px picture is too large for the clipboard; choose a \
                 smaller scale or export it to a file"
            ),
            ExportError::Render(message) => write!(f, "could not draw the picture: {message}"),
            ExportError::Write { path, source } => {
                write!(f, "could not write {}: {}", path.display(), explain(source))
            }
        }
    }
}

impl std::error::Error for ExportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ExportError::Write { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// The system's message for an I/O error, in words a user can act on.
fn explain(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "the folder does not exist".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::IsADirectory => "it is a folder".to_owned(),
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_say_what_to_do() {
        let unknown = ExportError::UnknownFormat {
            path: "briefing.jpg".into(),
        };
        assert!(unknown.to_string().contains("briefing.jpg"));
        assert!(unknown.to_string().contains(".png, .svg or .pdf"));
        let large = ExportError::TooLarge {
            width: 40_000,
            height: 20_000,
            smaller: Some(crate::export::PictureSize::Scale(0.5)),
        };
        let text = large.to_string();
        assert!(text.contains("40000 × 20000 px"), "{text}");
        assert!(
            text.contains("SVG") && text.contains("scale of at most 0.5"),
            "{text}"
        );
        let write = ExportError::Write {
            path: "/nope/x.png".into(),
            source: io::Error::from(io::ErrorKind::NotFound),
        };
        assert_eq!(
            write.to_string(),
            "could not write /nope/x.png: the folder does not exist"
        );
    }
}
