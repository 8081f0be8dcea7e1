//! Saving text files a panel asks for (the stance matrix as CSV, ...) through the app's file
//! dialog service (which never blocks a frame): the app asks for a path, and writes the file
//! when the answer arrives, through the one atomic writer (a failure leaves no partial file;
//! links are written through).

use crate::app::requests::TextSave;
use crate::app::windows::dialogs::{DialogAnswer, DialogTicket, FileDialogs};
use crate::io::{SaveError, SaveFailure, WriteOptions, write_file};
use eframe::egui;
use std::path::Path;

/// Text saves waiting for the user to choose where.
#[derive(Debug, Default)]
pub struct TextSaves {
    pending: Vec<(DialogTicket, TextSave)>,
}

impl TextSaves {
    /// Asks where to save `save.text`.
    pub fn save(&mut self, ctx: &egui::Context, dialogs: &mut FileDialogs, save: TextSave) {
        let ticket = dialogs.ask(ctx, save.dialog.clone());
        self.pending.push((ticket, save));
    }

    /// Messages for the status line for the saves that are over: written, or why not. Saves
    /// whose dialog is still open, or was closed without choosing, say nothing.
    pub fn poll(&mut self, dialogs: &mut FileDialogs) -> Vec<String> {
        let mut messages = Vec::new();
        let mut waiting = Vec::new();
        for (ticket, save) in std::mem::take(&mut self.pending) {
            match dialogs.take(ticket) {
                None => waiting.push((ticket, save)),
                Some(DialogAnswer::Cancelled) => {}
                Some(DialogAnswer::Picked(path)) => {
                    messages.push(match write_text(&path, &save.text) {
                        Ok(()) => format!("Saved {} to {}", save.what, path.display()),
                        Err(e) => format!("Not saved: {e}"),
                    });
                }
            }
        }
        self.pending = waiting;
        messages
    }
}

/// Writes `text` to `path` atomically.
fn write_text(path: &Path, text: &str) -> Result<(), SaveError> {
    write_file(path, WriteOptions::default(), |out| {
        out.write_all(text.as_bytes()).map_err(|e| SaveError {
            file: path.to_path_buf(),
            backup: None,
            failure: SaveFailure::Write(e),
        })
    })
    .map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::write_text;

    #[test]
    fn the_matrix_is_written_through_a_link_and_a_failure_says_nothing_changed() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.csv");
        std::fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.csv");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_text(&link, "a,b\n").unwrap();
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "a,b\n");
        assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
        let error = write_text(&dir.path().join("no/such/m.csv"), "x").unwrap_err();
        assert!(error.to_string().contains("nothing was changed"), "{error}");
    }
}
