//! Work the Export window hands to background threads, so a large picture or a native file
//! dialog never freezes the window: writing a picture, drawing one for the clipboard, and
//! asking where to save.

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

/// A native save dialog running on a background thread.
#[derive(Debug)]
pub struct PendingPick {
    receiver: Receiver<Option<PathBuf>>,
}

impl PendingPick {
    /// The chosen path once the dialog has closed: `Some(None)` if the user cancelled.
    pub fn poll(&self) -> Option<Option<PathBuf>> {
        match self.receiver.try_recv() {
            Ok(answer) => Some(answer),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(None),
        }
    }
}

/// Opens the native "save picture" dialog off the UI thread, starting at `suggested`.
///
/// The one place the Export window touches a file dialog, so it can move to the app's shared
/// dialog service without changing anything else.
pub fn browse_for_picture(ctx: &egui::Context, suggested: PathBuf) -> PendingPick {
    let (sender, receiver) = channel();
    let ctx = ctx.clone();
    std::thread::spawn(move || {
        let mut dialog = rfd::FileDialog::new()
            .set_title("Export image")
            .add_filter("PNG picture", &["png"])
            .add_filter("SVG drawing", &["svg"]);
        if let Some(folder) = suggested.parent().filter(|f| !f.as_os_str().is_empty()) {
            dialog = dialog.set_directory(folder);
        }
        if let Some(name) = suggested.file_name() {
            dialog = dialog.set_file_name(name.to_string_lossy());
        }
        let _ = sender.send(dialog.save_file());
        ctx.request_repaint();
    });
    PendingPick { receiver }
}

/// The egui image for the clipboard.
pub fn clipboard_image(image: &RgbaImage) -> egui::ColorImage {
    egui::ColorImage::from_rgba_unmultiplied(
        [image.width as usize, image.height as usize],
        &image.pixels,
    )
}
