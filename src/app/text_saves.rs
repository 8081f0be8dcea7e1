//! Saving the stance matrix as a CSV file, through the app's file dialog service (which never
//! blocks a frame): the view asks for a path, and writes the file when the answer arrives,
//! through the one atomic writer (a failure leaves no partial file; links are written through).

use crate::app::dialogs::{DialogAnswer, DialogTicket, FileDialogs, FileRequest};
use crate::io::{SaveError, SaveFailure, WriteOptions, write_file};
use eframe::egui;
use std::path::Path;

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
            DialogAnswer::Picked(path) => Some(match write_csv(&path, &csv) {
                Ok(()) => format!("Saved the stance matrix to {}", path.display()),
                Err(e) => format!("Not saved: {e}"),
            }),
            DialogAnswer::Cancelled => None,
        }
    }
}

/// Writes `csv` to `path` atomically.
fn write_csv(path: &Path, csv: &str) -> Result<(), SaveError> {
    write_file(path, WriteOptions::default(), |out| {
        out.write_all(csv.as_bytes()).map_err(|e| SaveError {
            file: path.to_path_buf(),
            backup: None,
            failure: SaveFailure::Write(e),
        })
    })
    .map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::write_csv;

    #[test]
    fn the_matrix_is_written_through_a_link_and_a_failure_says_nothing_changed() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.csv");
        std::fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.csv");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_csv(&link, "a,b\n").unwrap();
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "a,b\n");
        assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
        let error = write_csv(&dir.path().join("no/such/m.csv"), "x").unwrap_err();
        assert!(error.to_string().contains("nothing was changed"), "{error}");
    }
}
