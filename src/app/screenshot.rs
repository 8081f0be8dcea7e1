//! `stancemap screenshot FILE -o OUT.png [--size WxH]`: opens FILE in a real window, waits
//! until the map is laid out and painted, saves a PNG of the window and exits. For quick
//! previews and for checking the real app in CI under Xvfb.

use crate::app::{APP_NAME, StanceApp};
use crate::io::load_file;
use eframe::egui;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

/// The window size used when none is given, in pixels.
pub const DEFAULT_SIZE: [u32; 2] = [1280, 800];

/// Frames painted at the final window size before the picture is taken: the first frames lay
/// out panels and fit the camera, later ones settle text and sizes.
const SETTLE_FRAMES: u32 = 5;

/// Frames after which the window gives up (the system never delivered a picture).
const GIVE_UP_FRAMES: u32 = 600;

/// What to photograph and where to put the picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScreenshotRequest {
    /// The map file to open.
    pub file: PathBuf,
    /// The PNG file to write.
    pub output: PathBuf,
    /// The window's inner size in pixels.
    pub size: [u32; 2],
}

/// Reads "WIDTHxHEIGHT" (e.g. "1280x800") as a window size in pixels.
pub fn parse_size(text: &str) -> Result<[u32; 2], String> {
    let bad = || format!("expected WIDTHxHEIGHT in pixels, such as 1280x800, not {text:?}");
    let (w, h) = text.split_once(['x', 'X']).ok_or_else(bad)?;
    let w: u32 = w.trim().parse().map_err(|_| bad())?;
    let h: u32 = h.trim().parse().map_err(|_| bad())?;
    if !(200..=8192).contains(&w) || !(200..=8192).contains(&h) {
        return Err(format!(
            "the size must be between 200 and 8192 pixels each way, not {w}x{h}"
        ));
    }
    Ok([w, h])
}

/// Opens the window, takes the picture and writes it. Returns why not, if it failed.
pub fn take_screenshot(request: &ScreenshotRequest) -> Result<(), String> {
    let map = load_file(&request.file).map_err(|e| e.to_string())?;
    let [width, height] = request.size;
    // A screenshot run keeps nothing: its settings go to a folder deleted afterwards.
    let storage =
        tempfile::tempdir().map_err(|e| format!("cannot make a temporary folder: {e}"))?;
    let outcome: Arc<Mutex<Option<Result<(), String>>>> = Arc::default();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(format!("{APP_NAME} screenshot"))
            .with_inner_size([width as f32, height as f32])
            .with_app_id(APP_NAME),
        persistence_path: Some(storage.path().join("app.ron")),
        persist_window: false,
        renderer: crate::app::document::startup::WINDOW_RENDERER,
        ..eframe::NativeOptions::default()
    };
    let app = ScreenshotApp {
        app: StanceApp::new(map, Some(request.file.clone())),
        size: request.size,
        output: request.output.clone(),
        phase: Phase::Settling { frames: 0 },
        frames: 0,
        resized: false,
        picture: Arc::default(),
        outcome: Arc::clone(&outcome),
    };
    eframe::run_native(APP_NAME, options, Box::new(move |_cc| Ok(Box::new(app))))
        .map_err(|e| format!("could not open the window: {e}"))?;
    let result = outcome
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take();
    result.unwrap_or_else(|| Err("the window closed before the picture was taken".to_owned()))
}

/// Where the screenshot run is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Painting frames at the right size until the map has settled.
    Settling { frames: u32 },
    /// The picture was asked for.
    Waiting,
    /// The picture was written (or failed); the window is closing.
    Done,
}

type Picture = Arc<Mutex<Option<Arc<egui::ColorImage>>>>;

/// The app with a camera: paints the map, then photographs the window.
struct ScreenshotApp {
    app: StanceApp,
    size: [u32; 2],
    output: PathBuf,
    phase: Phase,
    frames: u32,
    resized: bool,
    picture: Picture,
    outcome: Arc<Mutex<Option<Result<(), String>>>>,
}

impl ScreenshotApp {
    fn finish(&mut self, ctx: &egui::Context, result: Result<(), String>) {
        *self.outcome.lock().unwrap_or_else(PoisonError::into_inner) = Some(result);
        self.phase = Phase::Done;
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }

    /// The window's inner size in pixels, once known.
    fn pixel_size(ctx: &egui::Context) -> Option<[u32; 2]> {
        let points = ctx.input(|i| i.viewport().inner_rect)?.size();
        let pixels = points * ctx.pixels_per_point();
        Some([pixels.x.round() as u32, pixels.y.round() as u32])
    }
}

impl eframe::App for ScreenshotApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.app.ui(ui);
        self.frames += 1;
        // Keep frames coming: nothing else would wake the app up.
        ctx.request_repaint();
        if self.frames > GIVE_UP_FRAMES && self.phase != Phase::Done {
            self.finish(
                &ctx,
                Err(format!("no picture after {GIVE_UP_FRAMES} frames")),
            );
            return;
        }
        match self.phase {
            Phase::Settling { frames } => {
                // On a scaled display, ask for the size in pixels once the scale is known.
                if !self.resized && Self::pixel_size(&ctx).is_some_and(|s| s != self.size) {
                    let points = egui::vec2(self.size[0] as f32, self.size[1] as f32)
                        / ctx.pixels_per_point();
                    ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(points));
                    self.resized = true;
                    self.phase = Phase::Settling { frames: 0 };
                } else if frames + 1 >= SETTLE_FRAMES {
                    let picture = Arc::clone(&self.picture);
                    ctx.request_screenshot(move |image| {
                        *picture.lock().unwrap_or_else(PoisonError::into_inner) = Some(image);
                    });
                    self.phase = Phase::Waiting;
                } else {
                    self.phase = Phase::Settling { frames: frames + 1 };
                }
            }
            Phase::Waiting => {
                let taken = self
                    .picture
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .take();
                if let Some(image) = taken {
                    let result = write_png(&image, &self.output);
                    self.finish(&ctx, result);
                }
            }
            Phase::Done => {}
        }
    }
}

/// Writes the window picture as an opaque RGB PNG, through the one atomic writer.
fn write_png(picture: &egui::ColorImage, path: &Path) -> Result<(), String> {
    let [width, height] = picture.size;
    let rgb: Vec<u8> = picture
        .pixels
        .iter()
        .flat_map(|p| {
            let [r, g, b, _] = p.to_array();
            [r, g, b]
        })
        .collect();
    let (Ok(w), Ok(h)) = (u32::try_from(width), u32::try_from(height)) else {
        return Err(format!("the picture is too large: {width}x{height}"));
    };
    let written = crate::io::write_file(path, crate::io::WriteOptions::default(), |out| {
        use image::ImageEncoder;
        image::codecs::png::PngEncoder::new(out)
            .write_image(&rgb, w, h, image::ExtendedColorType::Rgb8)
            .map_err(|e| crate::io::SaveError {
                file: path.to_path_buf(),
                backup: None,
                failure: crate::io::SaveFailure::Write(std::io::Error::other(e)),
            })
    });
    written.map(|_| ()).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_and_are_checked() {
        assert_eq!(parse_size("1280x800"), Ok([1280, 800]));
        assert_eq!(parse_size("640X480"), Ok([640, 480]));
        assert!(parse_size("1280").is_err());
        assert!(parse_size("axb").is_err());
        assert!(parse_size("10x10").is_err());
    }

    #[test]
    fn pictures_are_written_as_png() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shot.png");
        let image = egui::ColorImage::filled([3, 2], egui::Color32::from_rgb(10, 20, 30));
        write_png(&image, &path).unwrap();
        let read = ::image::open(&path).unwrap().to_rgb8();
        assert_eq!(read.dimensions(), (3, 2));
        assert_eq!(read.get_pixel(2, 1).0, [10, 20, 30]);
    }
}
