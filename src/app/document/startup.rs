//! Opening the window: which map to show first, settings from the last run, and recovery of
//! work a crash left behind.

use crate::app::document::files::open_failure;
use crate::app::document::recovery::RECOVERY_INTERVAL;
use crate::app::document::settings::{ViewSettings, absolute};
use crate::app::windows::prompts::ErrorReport;
use crate::app::{APP_NAME, StanceApp};
use crate::io::load_file;
use crate::model::Map;
use eframe::egui;
use std::path::PathBuf;

/// The renderer the window draws with, chosen explicitly rather than left to eframe (which
/// prefers wgpu when both are compiled in). OpenGL through glow runs on the widest range of
/// machines, software OpenGL included; wgpu is compiled in only because the UI tests render
/// their image snapshots with it, and the app and test builds share one set of dependencies.
pub const WINDOW_RENDERER: eframe::Renderer = eframe::Renderer::Glow;

/// Opens the app window and runs until it closes. `given` is the map file named on the
/// command line; without one, or when it cannot be opened (the window then lists its
/// problems), the app shows the example map.
pub fn run(given: Option<PathBuf>) -> Result<(), String> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(APP_NAME)
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([640.0, 400.0])
        .with_app_id(APP_NAME)
        .with_drag_and_drop(true);
    if let Some(icon) = crate::app::icon::window_icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        renderer: WINDOW_RENDERER,
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
    fn start(cc: &eframe::CreationContext<'_>, given: Option<PathBuf>) -> Self {
        let settings = ViewSettings::load(cc.storage);
        let (given, open_problem) = open_given(given);
        let nothing_given = given.is_none();
        let reopen_hint = given
            .is_none()
            .then(|| settings.last_file.clone())
            .flatten();
        let (map, path, problem) = first_map(given);
        // Absolute, so the file is found again whatever folder the next run starts in.
        let path = path.map(|p| absolute(&p));
        let camera = settings.camera_for(path.as_deref());
        let mut app = StanceApp::new(map, path.clone()).with_settings(settings);
        if let Some(camera) = camera {
            app.canvas.camera = camera;
            app.canvas.fit_pending = false;
        }
        if let Some(path) = &path {
            app.surroundings.settings.recent.add(path);
            app.surroundings.settings.last_file = Some(path.clone());
        }
        app.surroundings.errors.extend(open_problem);
        app.surroundings.errors.extend(problem);
        if let Some(last) = reopen_hint.filter(|p| p.is_file())
            && let Some(name) = last.file_name()
        {
            app.status = Some(format!(
                "This is the example map; your last map, {}, is under File → Open recent.",
                name.to_string_lossy()
            ));
        }
        let data_folder = eframe::storage_dir(APP_NAME);
        if let Some(folder) = &data_folder {
            let dir = folder.join("recovery");
            if let Err(problem) = app.enable_recovery(&dir, RECOVERY_INTERVAL) {
                app.status = Some(format!("Unsaved work gets no recovery copy: {problem}"));
            }
        }
        app.surroundings.data_folder = data_folder;
        if nothing_given && app.open_file_of_recovery_copy() {
            app.status = None;
        }
        app
    }
}

/// The map file named on the command line, loaded; or, if it cannot be opened, the report
/// to show (also written to stderr for whoever started the app from a terminal).
fn open_given(given: Option<PathBuf>) -> (Option<(Map, PathBuf)>, Option<ErrorReport>) {
    let Some(path) = given else {
        return (None, None);
    };
    match load_file(&path) {
        Ok(map) => (Some((map, path)), None),
        Err(error) => {
            eprintln!("{error}");
            let report = open_failure(&path, &error, "the example map is shown instead");
            (None, Some(report))
        }
    }
}

/// The first map: the one given on the command line, else the embedded example map (the
/// last file used stays one click away under File → Open recent).
fn first_map(given: Option<(Map, PathBuf)>) -> (Map, Option<PathBuf>, Option<ErrorReport>) {
    if let Some((map, path)) = given {
        return (map, Some(path), None);
    }
    let problem = None;
    match crate::example::example_map() {
        Ok(map) => (map, None, problem),
        Err(error) => (
            Map::new(crate::app::NEW_MAP_TITLE),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_cannot_be_opened_is_reported_and_the_example_shown_instead() {
        let dir = tempfile::tempdir().unwrap();
        let broken = dir.path().join("broken.ron");
        std::fs::write(&broken, "(\n    version: 1,\n    title: 5,\n)\n").unwrap();
        let (given, report) = open_given(Some(broken.clone()));
        assert!(given.is_none());
        let report = report.unwrap();
        assert!(report.summary.contains("broken.ron has 1 problem"));
        assert!(report.summary.contains("the example map is shown instead"));
        assert!(
            report.lines.iter().any(|l| l.contains("broken.ron:3:")),
            "{:?}",
            report.lines
        );
        // The example map is what the window shows then.
        let (map, path, problem) = first_map(given);
        assert_eq!(map.claims().len(), 28);
        assert!(path.is_none() && problem.is_none());
    }

    #[test]
    fn a_good_file_is_opened_and_nothing_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.ron");
        crate::io::save_file(&path, &Map::new("Mine")).unwrap();
        let (given, report) = open_given(Some(path.clone()));
        assert!(report.is_none());
        let (map, opened, _) = first_map(given);
        assert_eq!((map.title(), opened), ("Mine", Some(path)));
    }
}
