//! Work the Export window hands to a background thread, so a large picture never freezes the
//! window: writing a picture file, and drawing one for the clipboard.

use crate::export::{
    ExportError, ExportOptions, Exported, RgbaImage, export_file, picture_size, render_rgba,
};
use crate::model::Map;
use eframe::egui;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// Largest picture put on the clipboard, in pixels: clipboard managers and slide software
/// struggle beyond this.
pub const MAX_CLIPBOARD_PIXELS: u64 = 50_000_000;

/// What a finished job produced.
#[derive(Debug)]
pub enum JobResult {
    /// A picture file was written.
    Exported {
        /// Where.
        path: PathBuf,
        /// What was written.
        exported: Exported,
    },
    /// A picture was drawn for the clipboard.
    Drawn {
        /// The pixels.
        image: RgbaImage,
        /// What was drawn.
        exported: Exported,
    },
}

/// A job running on a background thread.
#[derive(Debug)]
pub struct Job {
    receiver: Receiver<Result<JobResult, ExportError>>,
}

impl Job {
    /// Starts writing a picture of `map` to `path`.
    pub fn export(ctx: &egui::Context, map: Map, options: ExportOptions, path: PathBuf) -> Job {
        Job::spawn(ctx, move || {
            export_file(&map, &options, &path)
                .map(|exported| JobResult::Exported { path, exported })
        })
    }

    /// Starts drawing a picture of `map` for the clipboard.
    pub fn draw(ctx: &egui::Context, map: Map, options: ExportOptions) -> Job {
        Job::spawn(ctx, move || {
            let (width, height) = picture_size(&map, &options)?;
            if u64::from(width) * u64::from(height) > MAX_CLIPBOARD_PIXELS {
                return Err(ExportError::Clipboard { width, height });
            }
            let (image, exported) = render_rgba(&map, &options)?;
            Ok(JobResult::Drawn { image, exported })
        })
    }

    fn spawn(
        ctx: &egui::Context,
        work: impl FnOnce() -> Result<JobResult, ExportError> + Send + 'static,
    ) -> Job {
        let (sender, receiver) = channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            // The window may have been closed meanwhile; then nobody needs the answer.
            let _ = sender.send(work());
            ctx.request_repaint();
        });
        Job { receiver }
    }

    /// The result once the job has finished; `Some(Err)` also if the thread died.
    pub fn poll(&self) -> Option<Result<JobResult, ExportError>> {
        match self.receiver.try_recv() {
            Ok(result) => Some(result),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(ExportError::Render(
                "the export stopped unexpectedly".to_owned(),
            ))),
        }
    }
}

/// The egui image for the clipboard.
pub fn clipboard_image(image: &RgbaImage) -> egui::ColorImage {
    egui::ColorImage::from_rgba_unmultiplied(
        [image.width as usize, image.height as usize],
        &image.pixels,
    )
}
