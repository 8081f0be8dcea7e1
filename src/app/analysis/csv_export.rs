//! Saving the stance matrix as a CSV file. The save dialog runs on its own thread, so a
//! desktop whose dialog blocks does not freeze the window; the panel picks up the outcome on
//! a later frame.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

/// A CSV save in progress, if any.
#[derive(Debug, Default)]
pub struct CsvExport {
    pending: Option<Receiver<Option<Result<PathBuf, String>>>>,
}

impl CsvExport {
    /// Whether a save dialog is open.
    pub fn is_busy(&self) -> bool {
        self.pending.is_some()
    }

    /// Asks where to save `csv` and writes it there.
    pub fn save(&mut self, ctx: &eframe::egui::Context, csv: String, file_name: String) {
        let (send, receive) = channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let chosen = rfd::FileDialog::new()
                .set_title("Save the stance matrix as CSV")
                .add_filter("CSV", &["csv"])
                .set_file_name(file_name)
                .save_file();
            let outcome = chosen.map(|path| {
                std::fs::write(&path, csv)
                    .map(|()| path.clone())
                    .map_err(|e| format!("could not write {}: {e}", path.display()))
            });
            let _ = send.send(outcome);
            ctx.request_repaint();
        });
        self.pending = Some(receive);
    }

    /// A message for the status line once the save is over (`None` while it runs, or if the
    /// user closed the dialog without choosing a file).
    pub fn poll(&mut self) -> Option<String> {
        let outcome = self.pending.as_ref()?.try_recv().ok()?;
        self.pending = None;
        match outcome? {
            Ok(path) => Some(format!("Saved the stance matrix to {}", path.display())),
            Err(message) => Some(format!("Not saved: {message}")),
        }
    }
}
