//! Sources in the app: the Add source and Edit source window, and loading a source's text
//! from a file for it or straight into a selected source ("Replace text from file…"). Files
//! are read on a worker thread, so a large page never freezes the window; a file that cannot
//! be loaded is refused with its reason and changes nothing.

use crate::app::StanceApp;
use crate::app::windows::add_source::{FormOutcome, SourceForm};
use crate::app::windows::dialogs::{DialogAnswer, DialogTicket, FileRequest};
use crate::app::windows::prompts::ErrorReport;
use crate::model::{Edit, ItemId, Source, SourceId};
use crate::source_text::{LoadedText, TextFileError, load_text_file};
use eframe::egui;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// The files "Load text from file…" offers.
const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm", "xhtml"];

/// Where a loaded text goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LoadTarget {
    /// Into the source window's form.
    Form,
    /// Straight into this source, as one undo step.
    Replace(SourceId),
}

/// A file being read on a worker thread.
#[derive(Debug)]
struct Loading {
    path: PathBuf,
    target: LoadTarget,
    result: Receiver<Result<LoadedText, TextFileError>>,
}

/// The source window and the file loads waiting for it.
#[derive(Debug, Default)]
pub struct SourceWindow {
    form: Option<SourceForm>,
    /// The file dialog asked for, and where its text goes.
    ticket: Option<(DialogTicket, LoadTarget)>,
    loading: Option<Loading>,
}

impl SourceWindow {
    /// Whether a file is being asked for or read.
    pub fn is_busy(&self) -> bool {
        self.ticket.is_some() || self.loading.is_some()
    }
}

impl StanceApp {
    /// The source window's form, while it is open.
    pub fn source_form(&self) -> Option<&SourceForm> {
        self.source_window.form.as_ref()
    }

    /// Whether a source's text is being asked for or read from a file.
    pub fn is_loading_source_text(&self) -> bool {
        self.source_window.is_busy()
    }

    /// Opens the window for a new source (or keeps the one being filled in).
    pub(in crate::app) fn open_new_source_window(&mut self) {
        let keeps_new = matches!(&self.source_window.form, Some(f) if f.editing_id().is_none());
        if !keeps_new {
            self.source_window.form = Some(SourceForm::new_source());
        }
    }

    /// Opens the window on the selected source.
    pub(in crate::app) fn open_edit_source_window(&mut self) {
        if let Some(source) = self
            .selected_source()
            .and_then(|id| self.doc.map().source(id))
        {
            self.source_window.form = Some(SourceForm::editing(source));
        }
    }

    /// The source that is the whole selection, if one is.
    pub(in crate::app) fn selected_source(&self) -> Option<SourceId> {
        match self.selection.single() {
            Some(ItemId::Source(id)) => Some(id),
            _ => None,
        }
    }

    /// Asks which file's text to load into the selected source.
    pub(in crate::app) fn ask_for_replacement_text(&mut self, ctx: &egui::Context) {
        if let Some(id) = self.selected_source() {
            self.ask_for_text_file(ctx, LoadTarget::Replace(id));
        }
    }

    fn ask_for_text_file(&mut self, ctx: &egui::Context, target: LoadTarget) {
        let folder = self
            .doc
            .path()
            .and_then(Path::parent)
            .map(Path::to_path_buf);
        let request = FileRequest::open(
            "Load source text",
            "Text, Markdown or web page",
            TEXT_EXTENSIONS,
        )
        .in_folder(folder.as_deref());
        let ticket = self.surroundings.dialogs.ask(ctx, request);
        self.source_window.ticket = Some((ticket, target));
    }

    /// Reads `path` on a worker thread; its text goes to `target` when it is read.
    fn start_loading(&mut self, ctx: &egui::Context, path: PathBuf, target: LoadTarget) {
        let (send, result) = channel();
        let worker_path = path.clone();
        let worker_ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("source text".to_owned())
            .spawn(move || {
                // The app may have closed meanwhile; then nobody waits for the text.
                let _ = send.send(load_text_file(&worker_path));
                worker_ctx.request_repaint();
            });
        if let Err(e) = spawned {
            let refused = Err(TextFileError::Unreadable(format!(
                "no thread could be started to read it ({e})"
            )));
            self.finish_loading(&path, target, refused);
            return;
        }
        self.source_window.loading = Some(Loading {
            path,
            target,
            result,
        });
    }

    /// The source window, its file dialog and its file loads. Called once per frame.
    pub(in crate::app) fn source_window_frame(&mut self, ctx: &egui::Context) {
        if let Some((ticket, target)) = self.source_window.ticket
            && let Some(answer) = self.surroundings.dialogs.take(ticket)
        {
            self.source_window.ticket = None;
            if let DialogAnswer::Picked(path) = answer {
                self.start_loading(ctx, path, target);
            }
        }
        if let Some(loading) = &self.source_window.loading {
            let received = match loading.result.try_recv() {
                Ok(result) => Some(result),
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => Some(Err(TextFileError::Unreadable(
                    "reading it stopped unexpectedly".to_owned(),
                ))),
            };
            if let Some(result) = received
                && let Some(loading) = self.source_window.loading.take()
            {
                self.finish_loading(&loading.path, loading.target, result);
            }
        }
        let busy = self.source_window.is_busy();
        let Some(form) = &mut self.source_window.form else {
            return;
        };
        match form.ui(ctx, self.doc.map(), busy) {
            FormOutcome::Open => {}
            FormOutcome::LoadFile => self.ask_for_text_file(ctx, LoadTarget::Form),
            FormOutcome::Cancelled => {
                self.source_window.form = None;
                if self
                    .source_window
                    .ticket
                    .is_some_and(|(_, t)| t == LoadTarget::Form)
                {
                    self.source_window.ticket = None;
                }
            }
            FormOutcome::Add(source) => self.add_source(source),
            FormOutcome::Save(source) => self.save_source(source),
        }
    }

    /// Hands a read file's text to where it was asked for.
    fn finish_loading(
        &mut self,
        path: &Path,
        target: LoadTarget,
        result: Result<LoadedText, TextFileError>,
    ) {
        match (target, result) {
            (LoadTarget::Form, result) => {
                let Some(form) = &mut self.source_window.form else {
                    return;
                };
                match result {
                    Ok(loaded) => form.fill(loaded, path),
                    Err(error) => form.refuse(&error, path),
                }
            }
            (LoadTarget::Replace(id), Ok(loaded)) => self.replace_text(id, loaded, path),
            (LoadTarget::Replace(_), Err(error)) => self.surroundings.errors.push(ErrorReport {
                title: "Could not load the text".to_owned(),
                summary: format!("{}: {error}. The source is unchanged.", path.display()),
                lines: Vec::new(),
            }),
        }
    }

    /// Adds the window's new source as one undo step, selects it and makes it current.
    fn add_source(&mut self, source: Source) {
        let id = source.id;
        let title = source.title.clone();
        if self.apply(Edit::AddSource(source)) {
            self.source_window.form = None;
            self.selection.select_only(ItemId::Source(id));
            self.set_current_source(Some(id));
            self.status = Some(format!(
                "Added the source “{title}”; stances drawn on the canvas now cite it"
            ));
        }
    }

    /// Saves the edited source as one undo step (nothing when nothing changed).
    fn save_source(&mut self, source: Source) {
        if self.doc.map().source(source.id) == Some(&source) {
            self.source_window.form = None;
            return;
        }
        let title = source.title.clone();
        if self.apply(Edit::UpdateSource(source)) {
            self.source_window.form = None;
            self.status = Some(format!("Saved the source “{title}”"));
        }
    }

    /// Puts a file's text into a source, and its metadata into the source's empty fields.
    fn replace_text(&mut self, id: SourceId, loaded: LoadedText, path: &Path) {
        let Some(source) = self.doc.map().source(id).cloned() else {
            self.status = Some("Nothing loaded: the source was removed meanwhile".to_owned());
            return;
        };
        let filled = |field: &Option<String>, value: Option<String>| {
            field.clone().filter(|f| !f.trim().is_empty()).or(value)
        };
        let updated = Source {
            publisher: if source.publisher.trim().is_empty() {
                loaded.publisher.clone().unwrap_or_default()
            } else {
                source.publisher.clone()
            },
            date: source.date.or(loaded.date),
            url: filled(&source.url, loaded.url.clone()),
            language: filled(&source.language, loaded.language.clone()),
            text: Some(loaded.text.clone()),
            ..source
        };
        let length = crate::app::windows::add_source::describe_length(&loaded.text);
        let title = updated.title.clone();
        if self.apply(Edit::UpdateSource(updated)) {
            self.status = Some(format!(
                "Loaded {length} from {} into “{title}” (Undo takes it back)",
                path.display(),
            ));
        }
    }
}
