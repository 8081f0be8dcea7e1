//! The stand-in for a file dialog where the system has none: a modal window that says why and
//! lets the user type the file's path.

use crate::app::windows::dialogs::{DialogAnswer, DialogKind, DialogTicket, FileRequest};
use eframe::egui::text::{CCursor, CCursorRange};
use eframe::egui::{self, Response};
use std::path::PathBuf;

/// One request being answered by typing a path.
#[derive(Debug)]
pub struct PathField {
    ticket: DialogTicket,
    request: FileRequest,
    reason: String,
    text: String,
    problem: Option<String>,
    focus_pending: bool,
}

impl PathField {
    /// A path field for `request`, which no dialog could answer because of `reason`.
    pub fn new(ticket: DialogTicket, request: FileRequest, reason: String) -> Self {
        let start = request
            .folder
            .clone()
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        let text = match &request.file_name {
            Some(name) => start.join(name),
            // A trailing separator so the user types just the file name.
            None => start.join(""),
        }
        .display()
        .to_string();
        PathField {
            ticket,
            request,
            reason,
            text,
            problem: None,
            focus_pending: true,
        }
    }

    /// The request this field answers.
    pub fn ticket(&self) -> DialogTicket {
        self.ticket
    }

    /// Shows the window; returns the answer once the user confirms or cancels.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<DialogAnswer> {
        let mut answer = None;
        let confirm_label = match self.request.kind {
            DialogKind::Open => "Open",
            DialogKind::Save => "Save",
        };
        let modal = egui::Modal::new(egui::Id::unique("path_field")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.heading(&self.request.title);
            ui.label(format!(
                "No file dialog can be shown on this system: {}.",
                self.reason
            ));
            ui.label(format!(
                "Type the path of the {} instead ({}).",
                match self.request.kind {
                    DialogKind::Open => "file to open",
                    DialogKind::Save => "file to write",
                },
                self.describe_filter()
            ));
            ui.add_space(4.0);
            let label = ui.label("Path:");
            let mut output = egui::TextEdit::singleline(&mut self.text)
                .desired_width(f32::INFINITY)
                .hint_text("/home/you/maps/map.ron")
                .show(ui);
            let field = Response::clone(&output.response).labelled_by(label.id);
            if self.focus_pending {
                // The suggested path starts selected, so typing a path replaces it.
                field.request_focus();
                let all =
                    CCursorRange::two(CCursor::new(0), CCursor::new(self.text.chars().count()));
                output.state.cursor.set_char_range(Some(all));
                output.state.store(ui.ctx(), field.id);
                self.focus_pending = false;
            }
            if field.changed() {
                self.problem = None;
            }
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if let Some(problem) = &self.problem {
                ui.colored_label(ui.visuals().error_fg_color, problem);
            }
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                if ui.button(confirm_label).clicked() || entered {
                    match self.check() {
                        Ok(path) => answer = Some(DialogAnswer::Picked(path)),
                        Err(problem) => {
                            self.problem = Some(problem);
                            self.focus_pending = true;
                        }
                    }
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(DialogAnswer::Cancelled);
                }
            });
        });
        if answer.is_none() && modal.should_close() {
            answer = Some(DialogAnswer::Cancelled);
        }
        answer
    }

    /// "stancemap map, *.ron".
    fn describe_filter(&self) -> String {
        let patterns: Vec<String> = self
            .request
            .extensions
            .iter()
            .map(|e| format!("*.{e}"))
            .collect();
        format!("{}, {}", self.request.filter_name, patterns.join(" "))
    }

    /// The typed path made absolute and checked, or why it cannot be used.
    fn check(&self) -> Result<PathBuf, String> {
        let typed = self.text.trim();
        if typed.is_empty() {
            return Err("Type a path first.".to_owned());
        }
        let typed = absolute(typed);
        if typed.is_dir() {
            return Err(format!("{} is a folder; add a file name.", typed.display()));
        }
        let path = self.request.complete_path(typed);
        match self.request.kind {
            DialogKind::Open if !path.is_file() => {
                Err(format!("There is no file at {}.", path.display()))
            }
            DialogKind::Save => match path.parent() {
                Some(folder) if !folder.as_os_str().is_empty() && !folder.is_dir() => {
                    Err(format!("The folder {} does not exist.", folder.display()))
                }
                _ => Ok(path),
            },
            DialogKind::Open => Ok(path),
        }
    }
}

/// `typed` as an absolute path: `~/` means the home folder, relative paths start in the
/// current folder, and a path typed after the suggested folder (`/suggested//home/me/x.ron`
/// or `/suggested/~/x.ron`) starts again from what was typed, as in many file dialogs.
fn absolute(typed: &str) -> PathBuf {
    // The later of the two restarts wins (`None` sorts before any `Some`).
    let restart = typed.rfind("//").max(typed.rfind("/~/")).map(|at| at + 1);
    let typed = restart.and_then(|at| typed.get(at..)).unwrap_or(typed);
    let home = std::env::home_dir();
    let path = match (typed.strip_prefix("~/"), home) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(typed),
    };
    if path.is_absolute() {
        return path;
    }
    std::env::current_dir()
        .map(|dir| dir.join(&path))
        .unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(kind: DialogKind, text: &str) -> PathField {
        let request = match kind {
            DialogKind::Open => FileRequest::open("Open map", "stancemap map", &["ron"]),
            DialogKind::Save => FileRequest::save("Save map", "stancemap map", &["ron"]),
        };
        let mut field = PathField::new(DialogTicket(0), request, "none".to_owned());
        field.text = text.to_owned();
        field
    }

    #[test]
    fn open_needs_an_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.ron");
        let typed = file.display().to_string();
        assert!(field(DialogKind::Open, &typed).check().is_err());
        std::fs::write(&file, "()").unwrap();
        assert_eq!(field(DialogKind::Open, &typed).check(), Ok(file));
        assert!(field(DialogKind::Open, "  ").check().is_err());
    }

    #[test]
    fn save_needs_an_existing_folder_and_adds_the_extension() {
        let dir = tempfile::tempdir().unwrap();
        let typed = dir.path().join("new").display().to_string();
        assert_eq!(
            field(DialogKind::Save, &typed).check(),
            Ok(dir.path().join("new.ron"))
        );
        let missing = dir.path().join("no/such/folder/m.ron");
        assert!(
            field(DialogKind::Save, &missing.display().to_string())
                .check()
                .is_err()
        );
        let folder = dir.path().display().to_string();
        assert!(field(DialogKind::Save, &folder).check().is_err());
    }

    #[test]
    fn relative_paths_start_in_the_current_folder() {
        let here = std::env::current_dir().unwrap();
        assert_eq!(absolute("maps/x.ron"), here.join("maps/x.ron"));
        assert_eq!(absolute("/abs/x.ron"), PathBuf::from("/abs/x.ron"));
        assert_eq!(
            absolute("/suggested//other/x.ron"),
            PathBuf::from("/other/x.ron")
        );
        let home = std::env::home_dir().unwrap();
        assert_eq!(absolute("/suggested/~/x.ron"), home.join("x.ron"));
    }
}
