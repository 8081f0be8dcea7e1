//! Saving the stance matrix as a CSV file, through the app's file dialog service (which never
//! blocks a frame): the view asks for a path, and writes the file when the answer arrives.

use crate::app::dialogs::{DialogAnswer, DialogTicket, FileDialogs, FileRequest};
use eframe::egui;

/// A CSV save waiting for the user to choose where.
#[derive(Debug, Default)]
pub struct CsvExport {
    pending: Option<(DialogTicket, String)>,
}

impl CsvExport {
    /// Whether a save is waiting for its dialog.
    pub fn is_busy(&self) -> bool {
        self.pending.is_some()
    }

    /// Asks where to save `csv`, suggesting `file_name`.
    pub fn save(
        &mut self,
        ctx: &egui::Context,
        dialogs: &mut FileDialogs,
        csv: String,
        file_name: String,
    ) {
        let request = FileRequest::save("Save the stance matrix as CSV", "CSV table", &["csv"])
            .with_file_name(file_name);
        let ticket = dialogs.ask(ctx, request);
        self.pending = Some((ticket, csv));
    }

    /// A message for the status line once the save is over: written, or why not. `None`
    /// while the dialog is open or when the user closed it without choosing.
    pub fn poll(&mut self, dialogs: &mut FileDialogs) -> Option<String> {
        let (ticket, _) = self.pending.as_ref()?;
        let answer = dialogs.take(*ticket)?;
        let (_, csv) = self.pending.take()?;
        match answer {
            DialogAnswer::Picked(path) => Some(match std::fs::write(&path, csv) {
                Ok(()) => format!("Saved the stance matrix to {}", path.display()),
                Err(e) => format!("Not saved: could not write {}: {e}", path.display()),
            }),
            DialogAnswer::Cancelled => None,
        }
    }
}
