//! The window title: the map's title, the file name and a marker for unsaved changes.

use crate::app::document::Document;
use crate::model::Map;
use eframe::egui;
use std::path::Path;

/// The marker put before the title while there are unsaved changes.
pub const UNSAVED_MARKER: &str = "●";

/// "● Title — file.ron — stancemap"; "unsaved" stands in for the file name of a map that has
/// never been saved.
pub fn window_title(map: &Map, path: Option<&Path>, dirty: bool) -> String {
    let file = path.and_then(|p| p.file_name()).map_or_else(
        || "unsaved".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    let title = if map.title().trim().is_empty() {
        "Untitled map"
    } else {
        map.title()
    };
    let marker = if dirty {
        format!("{UNSAVED_MARKER} ")
    } else {
        String::new()
    };
    format!("{marker}{title} — {file} — stancemap")
}

/// The status line's note on the file: "call.ron — saved", "call.ron — unsaved changes",
/// or for a map with no file yet "not saved to a file" / "unsaved changes, not saved to a file".
pub fn status_label(doc: &Document) -> String {
    // Words rather than the title's marker: egui's built-in fonts have no "●".
    let name = doc.path().and_then(|p| p.file_name());
    match (name, doc.is_dirty()) {
        (Some(name), false) => format!("{} — saved", name.to_string_lossy()),
        (Some(name), true) => format!("{} — unsaved changes", name.to_string_lossy()),
        (None, false) => "not saved to a file".to_owned(),
        (None, true) => "unsaved changes, not saved to a file".to_owned(),
    }
}

/// Keeps the window's title in step with the document, sending it only when it changes.
#[derive(Debug, Default)]
pub struct TitleSync {
    shown: String,
}

impl TitleSync {
    /// Sets the window title to `title` if it differs from what is shown.
    pub fn update(&mut self, ctx: &egui::Context, title: String) {
        if self.shown != title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown = title;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_names_map_file_and_unsaved_state() {
        let map = Map::new("Putin–Biden call");
        let path = Path::new("/maps/call.ron");
        assert_eq!(
            window_title(&map, Some(path), false),
            "Putin–Biden call — call.ron — stancemap"
        );
        assert_eq!(
            window_title(&map, Some(path), true),
            "● Putin–Biden call — call.ron — stancemap"
        );
        assert_eq!(
            window_title(&map, None, false),
            "Putin–Biden call — unsaved — stancemap"
        );
    }

    #[test]
    fn status_names_the_file_or_says_there_is_none() {
        let clean = Document::new(Map::new("m"), None);
        assert_eq!(status_label(&clean), "not saved to a file");
        let mut edited = Document::new(Map::new("m"), Some("/maps/call.ron".into()));
        assert_eq!(status_label(&edited), "call.ron — saved");
        let id = edited.map().id_allocator().claim();
        edited
            .apply(
                crate::model::Edit::AddClaim(crate::model::Claim::new(
                    id,
                    "NATO",
                    crate::model::Point::default(),
                )),
                None,
            )
            .unwrap();
        assert_eq!(status_label(&edited), "call.ron — unsaved changes");
    }
}
