//! File dialogs as a small service that never blocks a frame.
//!
//! Any feature that needs the user to pick a file asks [`FileDialogs`] with a [`FileRequest`]
//! ("open a file with these extensions", "save a file with these extensions") and gets a
//! [`DialogTicket`] back at once. The native dialog runs on a background thread; when the user
//! has chosen, the answer arrives through a channel with a repaint request, and the feature
//! collects it with [`FileDialogs::take`]. Where no native dialog can be shown (no desktop
//! portal and no zenity), the service says so and shows a path text field instead.
//!
//! ```no_run
//! # use stancemap::app::windows::dialogs::{FileDialogs, FileRequest, DialogAnswer};
//! # fn example(ctx: &eframe::egui::Context, dialogs: &mut FileDialogs) {
//! let ticket = dialogs.ask(ctx, FileRequest::save("Export picture", "PNG image", &["png"]));
//! // ... in a later frame:
//! if let Some(DialogAnswer::Picked(path)) = dialogs.take(ticket) {
//!     // write the file to `path`
//! }
//! # }
//! ```
//!
//! The backend is injectable ([`DialogBackend`]), so tests hand the service paths instead of
//! opening real dialogs.

use crate::app::windows::path_field::PathField;
use eframe::egui;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

pub use crate::app::windows::native_dialogs::NativeDialogs;

/// Whether the user is choosing a file to read or a file to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogKind {
    /// Choose an existing file.
    Open,
    /// Choose where to write a file (it may exist already).
    Save,
}

/// What to ask the user for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRequest {
    /// Open or save.
    pub kind: DialogKind,
    /// The dialog's title, e.g. "Open map".
    pub title: String,
    /// The name of the file type, e.g. "stancemap map".
    pub filter_name: String,
    /// The allowed extensions without the dot, e.g. `["ron"]`; the first is added to a saved
    /// file's name when the user typed none of them.
    pub extensions: Vec<String>,
    /// The folder the dialog starts in.
    pub folder: Option<PathBuf>,
    /// The file name suggested when saving.
    pub file_name: Option<String>,
}

impl FileRequest {
    /// Asks for an existing file with one of `extensions`.
    pub fn open(title: &str, filter_name: &str, extensions: &[&str]) -> Self {
        Self::new(DialogKind::Open, title, filter_name, extensions)
    }

    /// Asks where to write a file with one of `extensions`.
    pub fn save(title: &str, filter_name: &str, extensions: &[&str]) -> Self {
        Self::new(DialogKind::Save, title, filter_name, extensions)
    }

    fn new(kind: DialogKind, title: &str, filter_name: &str, extensions: &[&str]) -> Self {
        FileRequest {
            kind,
            title: title.to_owned(),
            filter_name: filter_name.to_owned(),
            extensions: extensions.iter().map(|e| (*e).to_owned()).collect(),
            folder: None,
            file_name: None,
        }
    }

    /// Starts the dialog in `folder`.
    pub fn in_folder(mut self, folder: Option<&Path>) -> Self {
        self.folder = folder.map(Path::to_path_buf);
        self
    }

    /// Suggests `name` as the file name (for saving).
    pub fn with_file_name(mut self, name: impl Into<String>) -> Self {
        self.file_name = Some(name.into());
        self
    }

    /// The path the user meant: for saving, the first allowed extension is added when the name
    /// has none of them (native dialogs on Linux do not add it).
    pub fn complete_path(&self, path: PathBuf) -> PathBuf {
        if self.kind == DialogKind::Open || self.has_allowed_extension(&path) {
            return path;
        }
        match self.extensions.first() {
            Some(extension) => {
                let mut name = path.file_name().unwrap_or_default().to_os_string();
                name.push(".");
                name.push(extension);
                path.with_file_name(name)
            }
            None => path,
        }
    }

    /// Whether `path` ends in one of the allowed extensions (any file when none are given).
    pub fn has_allowed_extension(&self, path: &Path) -> bool {
        self.extensions.is_empty()
            || path.extension().is_some_and(|e| {
                self.extensions
                    .iter()
                    .any(|allowed| e.eq_ignore_ascii_case(allowed.as_str()))
            })
    }
}

/// Identifies one request; the answer is collected with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DialogTicket(pub(in crate::app) u64);

/// How the user answered a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogAnswer {
    /// The user chose this file.
    Picked(PathBuf),
    /// The user closed the dialog without choosing.
    Cancelled,
}

/// Shows real file dialogs. Both methods are called on a background thread and may block.
pub trait DialogBackend: Send + Sync {
    /// `Err` with a reason (for the user) when no dialog can be shown on this system.
    fn check_available(&self) -> Result<(), String>;

    /// Shows the dialog and waits for the user; `None` when they cancelled.
    fn pick(&self, request: &FileRequest) -> Option<PathBuf>;
}

/// What the background thread reports.
enum WorkerReport {
    Answer(DialogAnswer),
    /// No dialog could be shown; the reason is for the user.
    Unavailable(String),
}

/// The file dialog service: hands out tickets, runs dialogs off the UI thread, keeps answers
/// until they are collected, and shows a path field where no dialog is available.
pub struct FileDialogs {
    backend: Arc<dyn DialogBackend>,
    sender: Sender<(DialogTicket, WorkerReport)>,
    receiver: Receiver<(DialogTicket, WorkerReport)>,
    next_ticket: u64,
    /// Requests whose dialog is open on a background thread.
    waiting: BTreeMap<DialogTicket, FileRequest>,
    /// Requests answered by typing a path, first one shown.
    typed: Vec<PathField>,
    answers: BTreeMap<DialogTicket, DialogAnswer>,
    /// Set once no dialog could be shown: later requests go straight to the path field.
    unavailable: Option<String>,
}

impl FileDialogs {
    /// A service showing dialogs through `backend`.
    pub fn new(backend: Arc<dyn DialogBackend>) -> Self {
        let (sender, receiver) = channel();
        FileDialogs {
            backend,
            sender,
            receiver,
            next_ticket: 0,
            waiting: BTreeMap::new(),
            typed: Vec::new(),
            answers: BTreeMap::new(),
            unavailable: None,
        }
    }

    /// A service showing the operating system's dialogs.
    pub fn native() -> Self {
        Self::new(Arc::new(NativeDialogs::default()))
    }

    /// Asks the user for a file. Returns at once; collect the answer with [`Self::take`].
    pub fn ask(&mut self, ctx: &egui::Context, request: FileRequest) -> DialogTicket {
        let ticket = DialogTicket(self.next_ticket);
        self.next_ticket += 1;
        if let Some(reason) = &self.unavailable {
            self.typed
                .push(PathField::new(ticket, request, reason.clone()));
            return ticket;
        }
        let backend = Arc::clone(&self.backend);
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        let worker_request = request.clone();
        let spawned = std::thread::Builder::new()
            .name("file dialog".to_owned())
            .spawn(move || {
                let report = match backend.check_available() {
                    Err(reason) => WorkerReport::Unavailable(reason),
                    Ok(()) => match backend.pick(&worker_request) {
                        Some(path) => WorkerReport::Answer(DialogAnswer::Picked(
                            worker_request.complete_path(path),
                        )),
                        None => WorkerReport::Answer(DialogAnswer::Cancelled),
                    },
                };
                // The receiver is gone only when the app is closing; nobody waits any more.
                let _ = sender.send((ticket, report));
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.waiting.insert(ticket, request);
            }
            Err(e) => self.typed.push(PathField::new(
                ticket,
                request,
                format!("the file dialog could not be started ({e})"),
            )),
        }
        ticket
    }

    /// The answer to `ticket`, once the user has given it. Each answer is handed out once.
    pub fn take(&mut self, ticket: DialogTicket) -> Option<DialogAnswer> {
        self.receive();
        self.answers.remove(&ticket)
    }

    /// Whether any request is still waiting for the user.
    pub fn is_busy(&self) -> bool {
        !self.waiting.is_empty() || !self.typed.is_empty()
    }

    /// Whether the path field is on screen (it is modal: the rest of the app waits).
    pub fn is_showing_path_field(&self) -> bool {
        !self.typed.is_empty()
    }

    /// Why no native dialog can be shown, once that is known.
    pub fn unavailable_reason(&self) -> Option<&str> {
        self.unavailable.as_deref()
    }

    /// Collects what background threads have reported.
    fn receive(&mut self) {
        while let Ok((ticket, report)) = self.receiver.try_recv() {
            let Some(request) = self.waiting.remove(&ticket) else {
                continue;
            };
            match report {
                WorkerReport::Answer(answer) => {
                    self.answers.insert(ticket, answer);
                }
                WorkerReport::Unavailable(reason) => {
                    self.unavailable = Some(reason.clone());
                    self.typed.push(PathField::new(ticket, request, reason));
                }
            }
        }
    }

    /// Shows the path field for the first request that needs one. Call once per frame.
    pub fn ui(&mut self, ctx: &egui::Context) {
        self.receive();
        let Some(field) = self.typed.first_mut() else {
            return;
        };
        if let Some(answer) = field.ui(ctx) {
            let ticket = field.ticket();
            self.typed.remove(0);
            self.answers.insert(ticket, answer);
        }
    }
}

impl std::fmt::Debug for FileDialogs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileDialogs")
            .field("waiting", &self.waiting.len())
            .field("typed", &self.typed.len())
            .field("answers", &self.answers.len())
            .field("unavailable", &self.unavailable)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saving_adds_the_first_extension_when_missing() {
        let request = FileRequest::save("Save", "map", &["ron"]);
        assert_eq!(
            request.complete_path("/tmp/a".into()),
            PathBuf::from("/tmp/a.ron")
        );
        assert_eq!(
            request.complete_path("/tmp/a.RON".into()),
            PathBuf::from("/tmp/a.RON")
        );
        assert_eq!(
            request.complete_path("/tmp/a.txt".into()),
            PathBuf::from("/tmp/a.txt.ron")
        );
        let open = FileRequest::open("Open", "map", &["ron"]);
        assert_eq!(open.complete_path("/tmp/a".into()), PathBuf::from("/tmp/a"));
    }

    struct Unavailable;
    impl DialogBackend for Unavailable {
        fn check_available(&self) -> Result<(), String> {
            Err("no dialogs here".to_owned())
        }
        fn pick(&self, _: &FileRequest) -> Option<PathBuf> {
            panic!("pick must not be called when no dialog is available")
        }
    }

    fn wait_until(dialogs: &mut FileDialogs, done: impl Fn(&mut FileDialogs) -> bool) {
        for _ in 0..500 {
            dialogs.receive();
            if done(dialogs) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        panic!("the dialog thread never answered");
    }

    #[test]
    fn without_a_backend_the_path_field_is_offered_and_remembered() {
        let ctx = egui::Context::default();
        let mut dialogs = FileDialogs::new(Arc::new(Unavailable));
        let first = dialogs.ask(&ctx, FileRequest::open("Open", "map", &["ron"]));
        wait_until(&mut dialogs, |d| d.is_showing_path_field());
        assert_eq!(dialogs.unavailable_reason(), Some("no dialogs here"));
        assert_eq!(dialogs.take(first), None);
        // A second request does not try the backend again.
        let _second = dialogs.ask(&ctx, FileRequest::open("Open", "map", &["ron"]));
        assert_eq!(dialogs.typed.len(), 2);
    }

    struct Answers(PathBuf);
    impl DialogBackend for Answers {
        fn check_available(&self) -> Result<(), String> {
            Ok(())
        }
        fn pick(&self, _: &FileRequest) -> Option<PathBuf> {
            Some(self.0.clone())
        }
    }

    #[test]
    fn answers_arrive_once_for_their_ticket() {
        let ctx = egui::Context::default();
        let mut dialogs = FileDialogs::new(Arc::new(Answers("/tmp/out".into())));
        let ticket = dialogs.ask(&ctx, FileRequest::save("Save", "PNG", &["png"]));
        assert!(dialogs.is_busy());
        wait_until(&mut dialogs, |d| !d.is_busy());
        assert_eq!(
            dialogs.take(ticket),
            Some(DialogAnswer::Picked("/tmp/out.png".into()))
        );
        assert_eq!(dialogs.take(ticket), None);
    }
}
