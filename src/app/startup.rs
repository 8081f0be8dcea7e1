//! Opening the window: which map to show first, settings from the last run, and recovery of
//! work a crash left behind.

use super::prompts::ErrorReport;
use super::recovery::RECOVERY_INTERVAL;
use super::settings::{ViewSettings, absolute};
use super::{APP_NAME, StanceApp};
use crate::io::load_file;
use crate::model::Map;
use eframe::egui;
use std::path::PathBuf;

/// Opens the app window and runs until it closes. `given` is the map named on the command
/// line (already loaded); without one the app reopens the last file, or shows the example.
pub fn run(given: Option<(Map, PathBuf)>) -> Result<(), String> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(APP_NAME)
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0])
            .with_app_id(APP_NAME)
            .with_drag_and_drop(true),
        ..eframe::NativeOptions::default()
    };
    eframe::run_native(
        APP_NAME,
        options,
        Box::new(move |cc| Ok(Box::new(StanceApp::start(cc, given)))),
    )
    .map_err(|e| format!("could not open the window: {e}"))
}

impl StanceApp {
    /// The app as a window opens it: settings from eframe's storage, the first map, and
    /// recovery copies in the app's data folder.
    fn start(cc: &eframe::CreationContext<'_>, given: Option<(Map, PathBuf)>) -> Self {
        let settings = ViewSettings::load(cc.storage);
        let (map, path, problem) = first_map(given, &settings);
        // Absolute, so the file is found again whatever folder the next run starts in.
        let path = path.map(|p| absolute(&p));
        let camera = settings.camera_for(path.as_deref());
        let mut app = StanceApp::new(map, path.clone()).with_settings(settings);
        if let Some(camera) = camera {
            app.canvas.camera = camera;
            app.canvas.fit_pending = false;
        }
        if let Some(path) = &path {
            app.shell.settings.recent.add(path);
            app.shell.settings.last_file = Some(path.clone());
        }
        app.shell.errors.extend(problem);
        let data_folder = eframe::storage_dir(APP_NAME);
        if let Some(folder) = &data_folder {
            let dir = folder.join("recovery");
            if let Err(problem) = app.enable_recovery(&dir, RECOVERY_INTERVAL) {
                app.status = Some(format!("Unsaved work gets no recovery copy: {problem}"));
            }
        }
        app.shell.data_folder = data_folder;
        app
    }
}

/// The first map: the one given, else the last file (if it still opens), else the example.
fn first_map(
    given: Option<(Map, PathBuf)>,
    settings: &ViewSettings,
) -> (Map, Option<PathBuf>, Option<ErrorReport>) {
    if let Some((map, path)) = given {
        return (map, Some(path), None);
    }
    let mut problem = None;
    if let Some(last) = settings.last_file.as_ref().filter(|p| p.is_file()) {
        match load_file(last) {
            Ok(map) => return (map, Some(last.clone()), None),
            Err(error) => {
                problem = Some(ErrorReport {
                    title: "Could not reopen the last map".to_owned(),
                    summary: format!(
                        "{} has problems, so the example map is shown instead.",
                        last.display()
                    ),
                    lines: error.lines(),
                });
            }
        }
    }
    match crate::example::example_map() {
        Ok(map) => (map, None, problem),
        Err(error) => (
            Map::new(super::NEW_MAP_TITLE),
            None,
            Some(ErrorReport {
                title: "The example map is damaged".to_owned(),
                summary: "This build's example map does not load; an empty map is shown."
                    .to_owned(),
                lines: error.lines(),
            }),
        ),
    }
}
