//! View state kept across runs in eframe's storage: recent files, theme, the last opened file
//! and where the camera looked. The map itself is only ever stored in its own RON file.

use crate::app::canvas::Camera;
use eframe::egui;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The key under which the settings live in eframe's storage.
pub const STORAGE_KEY: &str = "stancemap.view";

/// Light or dark colours.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// As the operating system is set.
    #[default]
    System,
    /// Dark text on light backgrounds.
    Light,
    /// Light text on dark backgrounds.
    Dark,
}

impl ThemeChoice {
    /// The same choice in egui's terms.
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// Where the camera looked at a file when the app last closed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedCamera {
    /// The file shown (`None` for the example or a never-saved map).
    pub file: Option<PathBuf>,
    /// Map point at the centre of the canvas.
    pub center: [f32; 2],
    /// Screen pixels per map unit.
    pub zoom: f32,
}

impl SavedCamera {
    /// The camera as the canvas uses it, if the stored numbers make sense.
    pub fn camera(&self) -> Option<Camera> {
        let [x, y] = self.center;
        let sane = x.is_finite() && y.is_finite() && self.zoom.is_finite() && self.zoom > 0.0;
        sane.then(|| Camera {
            center: egui::pos2(x, y),
            zoom: self.zoom.clamp(Camera::MIN_ZOOM, Camera::MAX_ZOOM),
        })
    }
}

/// The most recently used map files, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RecentFiles {
    paths: Vec<PathBuf>,
}

/// One recent file as menus show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecentEntry {
    /// The file.
    pub path: PathBuf,
    /// Whether it is still there.
    pub exists: bool,
}

impl RecentEntry {
    /// "name.ron — /folder", or with "(missing)" when the file is gone.
    pub fn label(&self) -> String {
        let name = self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let folder = self
            .path
            .parent()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let missing = if self.exists { "" } else { " (missing)" };
        format!("{name}{missing} — {folder}")
    }
}

impl RecentFiles {
    /// How many files are remembered.
    pub const MAX: usize = 10;

    /// Puts `path` first, removing an older mention of it and the oldest beyond [`Self::MAX`].
    pub fn add(&mut self, path: &Path) {
        let path = absolute(path);
        self.paths.retain(|p| *p != path);
        self.paths.insert(0, path);
        self.paths.truncate(Self::MAX);
    }

    /// Forgets `path`.
    pub fn remove(&mut self, path: &Path) {
        let path = absolute(path);
        self.paths.retain(|p| *p != path);
    }

    /// Forgets every file.
    pub fn clear(&mut self) {
        self.paths.clear();
    }

    /// The files, newest first.
    pub fn paths(&self) -> &[PathBuf] {
        &self.paths
    }

    /// The files, newest first, each checked for still being there.
    pub fn entries(&self) -> Vec<RecentEntry> {
        self.paths
            .iter()
            .map(|path| RecentEntry {
                path: path.clone(),
                exists: path.is_file(),
            })
            .collect()
    }

    /// Whether no file is remembered.
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }
}

/// A path made absolute (and free of `..` and links where the file exists), so the same file
/// is listed once however it was named.
pub fn absolute(path: &Path) -> PathBuf {
    if let Ok(real) = std::fs::canonicalize(path) {
        return real;
    }
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Everything kept across runs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewSettings {
    /// Recently used files.
    pub recent: RecentFiles,
    /// Light, dark or as the system is.
    pub theme: ThemeChoice,
    /// The file open when the app last closed; opened again when started without one.
    pub last_file: Option<PathBuf>,
    /// The camera when the app last closed.
    pub camera: Option<SavedCamera>,
}

impl ViewSettings {
    /// The settings from eframe's storage; defaults when there are none or they do not parse.
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        storage
            .and_then(|s| eframe::get_value(s, STORAGE_KEY))
            .unwrap_or_default()
    }

    /// Writes the settings to eframe's storage.
    pub fn store(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, self);
    }

    /// The saved camera, if it was for `file`.
    pub fn camera_for(&self, file: Option<&Path>) -> Option<Camera> {
        let saved = self.camera.as_ref()?;
        (saved.file.as_deref() == file).then(|| saved.camera())?
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::memory_storage::MemoryStorage;

    #[test]
    fn recent_files_keep_the_newest_ten_without_repeats() {
        let mut recent = RecentFiles::default();
        for i in 0..12 {
            recent.add(Path::new(&format!("/maps/{i}.ron")));
        }
        recent.add(Path::new("/maps/5.ron"));
        let names: Vec<String> = recent
            .paths()
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        assert_eq!(names.len(), RecentFiles::MAX);
        assert_eq!(names[0], "/maps/5.ron");
        assert_eq!(names[1], "/maps/11.ron");
        assert_eq!(names.iter().filter(|n| *n == "/maps/5.ron").count(), 1);
        assert!(!names.contains(&"/maps/0.ron".to_owned()));
    }

    #[test]
    fn missing_files_are_marked() {
        let dir = tempfile::tempdir().unwrap();
        let here = dir.path().join("here.ron");
        std::fs::write(&here, "").unwrap();
        let mut recent = RecentFiles::default();
        recent.add(&dir.path().join("gone.ron"));
        recent.add(&here);
        let entries = recent.entries();
        assert!(entries[0].exists);
        assert!(!entries[1].exists);
        assert!(entries[1].label().starts_with("gone.ron (missing) — "));
    }

    #[test]
    fn settings_survive_storage() {
        let mut settings = ViewSettings {
            theme: ThemeChoice::Light,
            last_file: Some("/maps/a.ron".into()),
            camera: Some(SavedCamera {
                file: Some("/maps/a.ron".into()),
                center: [10.0, -4.0],
                zoom: 0.5,
            }),
            ..ViewSettings::default()
        };
        settings.recent.add(Path::new("/maps/a.ron"));
        let mut storage = MemoryStorage::default();
        settings.store(&mut storage);
        let loaded = ViewSettings::load(Some(&storage));
        assert_eq!(loaded, settings);
        assert_eq!(
            loaded.camera_for(Some(Path::new("/maps/a.ron"))),
            Some(Camera {
                center: egui::pos2(10.0, -4.0),
                zoom: 0.5
            })
        );
        assert_eq!(loaded.camera_for(None), None);
        assert_eq!(ViewSettings::load(None), ViewSettings::default());
    }

    #[test]
    fn nonsense_cameras_are_ignored() {
        let saved = SavedCamera {
            file: None,
            center: [f32::NAN, 0.0],
            zoom: 1.0,
        };
        assert_eq!(saved.camera(), None);
    }
}
