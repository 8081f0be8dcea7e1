//! The source window: one form with a source's title, publisher, date, address, language and
//! text, for adding a new source or editing one. The text is pasted or typed, or loaded from
//! a file ("Load text from file…"), which also fills the metadata fields still empty.

use crate::app::windows::date_field::{DATE_HINT, parse_date_field};
use crate::model::{Map, Source, SourceId};
use crate::source_text::{LoadedText, TextFileError};
use eframe::egui;
use std::path::Path;

/// Tallest the text field grows before it scrolls, in points.
const TEXT_HEIGHT: f32 = 260.0;

/// What the window asks of the app this frame.
#[derive(Debug, Clone, PartialEq)]
pub enum FormOutcome {
    /// Nothing yet.
    Open,
    /// Ask for a file whose text to load into the form.
    LoadFile,
    /// Add this new source (the form has closed).
    Add(Source),
    /// Save this edited source (the form has closed).
    Save(Source),
    /// The form was closed without changing anything.
    Cancelled,
}

/// The form's fields, as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceForm {
    /// The source being edited; `None` for a new one.
    editing: Option<SourceId>,
    title: String,
    publisher: String,
    date: String,
    url: String,
    language: String,
    text: String,
    /// What the last file load did, for the line under the text.
    loaded: Option<String>,
    /// Why the last file could not be loaded.
    problem: Option<String>,
    /// Whether the title field should take the keyboard on the next frame.
    focus_title: bool,
}

impl SourceForm {
    /// An empty form for a new source.
    pub fn new_source() -> Self {
        SourceForm {
            focus_title: true,
            ..SourceForm::default()
        }
    }

    /// A form holding `source`'s fields, to edit them.
    pub fn editing(source: &Source) -> Self {
        SourceForm {
            editing: Some(source.id),
            title: source.title.clone(),
            publisher: source.publisher.clone(),
            date: source.date.map(|d| d.to_string()).unwrap_or_default(),
            url: source.url.clone().unwrap_or_default(),
            language: source.language.clone().unwrap_or_default(),
            text: source.text.clone().unwrap_or_default(),
            focus_title: true,
            ..SourceForm::default()
        }
    }

    /// The source being edited, if the form edits one.
    pub fn editing_id(&self) -> Option<SourceId> {
        self.editing
    }

    /// Puts a loaded file's text in the form, and its metadata in the fields still empty.
    pub fn fill(&mut self, loaded: LoadedText, path: &Path) {
        let keep = |field: &mut String, value: Option<String>| {
            if field.trim().is_empty()
                && let Some(value) = value
            {
                *field = value;
            }
        };
        keep(&mut self.title, loaded.title);
        keep(&mut self.publisher, loaded.publisher);
        keep(&mut self.date, loaded.date.map(|d| d.to_string()));
        keep(&mut self.url, loaded.url);
        keep(&mut self.language, loaded.language);
        self.loaded = Some(format!(
            "Loaded {} from {} ({}, {})",
            describe_length(&loaded.text),
            file_name(path),
            loaded.kind.describe(),
            loaded.encoding
        ));
        self.text = loaded.text;
        self.problem = None;
    }

    /// Shows why a file could not be loaded; the form keeps what it had.
    pub fn refuse(&mut self, error: &TextFileError, path: &Path) {
        self.problem = Some(format!(
            "Could not load {}: {error}. Nothing was changed.",
            file_name(path)
        ));
    }

    /// The message shown for the last file that could not be loaded.
    pub fn problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }

    /// The source the form describes, built on `base` (the edited source's other fields, or a
    /// new source with `id`), or why it cannot be one yet.
    fn source(&self, base: Source) -> Result<Source, String> {
        let title = self.title.trim();
        if title.is_empty() {
            return Err("Give the source a title".to_owned());
        }
        let date = parse_date_field(&self.date)?;
        let optional = |text: &str| {
            let text = text.trim();
            (!text.is_empty()).then(|| text.to_owned())
        };
        Ok(Source {
            title: title.to_owned(),
            publisher: self.publisher.trim().to_owned(),
            date,
            url: optional(&self.url),
            language: optional(&self.language),
            // The text as written: its spacing is what quotes are found in.
            text: (!self.text.trim().is_empty()).then(|| self.text.clone()),
            ..base
        })
    }

    /// Shows the window; `loading` says whether a file is being read for it.
    pub fn ui(&mut self, ctx: &egui::Context, map: &Map, loading: bool) -> FormOutcome {
        let mut outcome = FormOutcome::Open;
        let mut open = true;
        let heading = if self.editing.is_some() {
            "Edit source"
        } else {
            "New source"
        };
        egui::Window::new(heading)
            .id(egui::Id::unique("source_window"))
            .open(&mut open)
            .collapsible(false)
            .resizable(true)
            .default_width(560.0)
            // Below the menu bar and toolbar, in the middle, over the canvas.
            .pivot(egui::Align2::CENTER_TOP)
            .default_pos(ctx.content_rect().center_top() + egui::vec2(0.0, 70.0))
            .show(ctx, |ui| {
                outcome = self.contents(ui, map, loading);
            });
        if !open {
            return FormOutcome::Cancelled;
        }
        outcome
    }

    fn contents(&mut self, ui: &mut egui::Ui, map: &Map, loading: bool) -> FormOutcome {
        let mut outcome = FormOutcome::Open;
        // Enter in any one-line field adds (or saves) the source, as the button does. The
        // field gives up the keyboard as it reads the Enter, so look at where it was before.
        let focused_before = ui.memory(|m| m.focused());
        let entered = egui::Grid::new("source_fields")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                let title = line(ui, "Source title", &mut self.title, "required");
                if std::mem::take(&mut self.focus_title) {
                    title.request_focus();
                }
                let publisher = "outlet, agency, institution";
                let language = "a tag such as zh-Hant, ru or en";
                let fields = [
                    title,
                    line(ui, "Source publisher", &mut self.publisher, publisher),
                    line(ui, "Source date", &mut self.date, DATE_HINT),
                    line(ui, "Source address", &mut self.url, "https://…"),
                    line(ui, "Source language", &mut self.language, language),
                ];
                let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
                enter && fields.iter().any(|f| Some(f.id) == focused_before)
            })
            .inner;
        if let Err(problem) = parse_date_field(&self.date) {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        ui.add_space(6.0);
        let label = ui.horizontal(|ui| {
            let label = ui.strong("Source text");
            ui.weak(describe_length(&self.text));
            let load = ui
                .add_enabled(!loading, egui::Button::new("Load text from file…"))
                .on_hover_text(
                    "Plain text, Markdown or a saved web page (reduced to its article), in any \
                     encoding; fills the fields above that are still empty",
                );
            if load.clicked() {
                outcome = FormOutcome::LoadFile;
            }
            if loading {
                ui.spinner();
            }
            label
        });
        let label_id = label.inner.id;
        egui::ScrollArea::vertical()
            .max_height(TEXT_HEIGHT)
            .id_salt("source_text_scroll")
            .show(ui, |ui| {
                let field = egui::TextEdit::multiline(&mut self.text)
                    .desired_width(f32::INFINITY)
                    .desired_rows(8)
                    .hint_text("Paste the source's text here, or load it from a file");
                ui.add(field).labelled_by(label_id);
            });
        if let Some(loaded) = &self.loaded {
            ui.weak(loaded);
        }
        if let Some(problem) = &self.problem {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        ui.add_space(6.0);
        let base = match self.editing.and_then(|id| map.source(id)) {
            Some(source) => source.clone(),
            None => Source::new(map.id_allocator().source(), "", ""),
        };
        let ready = self.source(base);
        ui.horizontal(|ui| {
            let confirm = if self.editing.is_some() {
                "Save source"
            } else {
                "Add source"
            };
            let button = ui.add_enabled(ready.is_ok(), egui::Button::new(confirm));
            let button = match &ready {
                Err(reason) => button.on_disabled_hover_text(reason),
                Ok(_) => button,
            };
            if (button.clicked() || entered)
                && let Ok(source) = &ready
            {
                outcome = if self.editing.is_some() {
                    FormOutcome::Save(source.clone())
                } else {
                    FormOutcome::Add(source.clone())
                };
            }
            if ui.button("Cancel").clicked() {
                outcome = FormOutcome::Cancelled;
            }
        });
        outcome
    }
}

/// One labelled line of the grid.
fn line(ui: &mut egui::Ui, name: &str, text: &mut String, hint: &str) -> egui::Response {
    let label = ui.label(name);
    let field = ui
        .add(
            egui::TextEdit::singleline(text)
                .hint_text(hint)
                .desired_width(400.0),
        )
        .labelled_by(label.id);
    ui.end_row();
    field
}

/// "7,306 characters in 23 paragraphs", or "no text yet".
pub fn describe_length(text: &str) -> String {
    let chars = text.chars().count();
    if text.trim().is_empty() {
        return "no text yet".to_owned();
    }
    let paragraphs = text.split("\n\n").filter(|p| !p.trim().is_empty()).count();
    format!(
        "{} in {}",
        crate::counts::counted(chars, "character", "characters"),
        crate::counts::counted(paragraphs, "paragraph", "paragraphs")
    )
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;
    use crate::source_text::TextKind;

    fn loaded() -> LoadedText {
        LoadedText {
            text: "First.\n\nSecond.".to_owned(),
            title: Some("Page title".to_owned()),
            publisher: Some("Agency".to_owned()),
            date: Some(Date::constant(2021, 12, 8)),
            url: Some("https://example.org/a".to_owned()),
            language: Some("en".to_owned()),
            kind: TextKind::Html,
            encoding: "UTF-8",
        }
    }

    #[test]
    fn a_loaded_file_fills_only_the_empty_fields() {
        let mut form = SourceForm::new_source();
        form.title = "My own title".to_owned();
        form.fill(loaded(), Path::new("/tmp/page.html"));
        assert_eq!(form.title, "My own title");
        assert_eq!(form.publisher, "Agency");
        assert_eq!(form.date, "2021-12-08");
        assert_eq!(form.text, "First.\n\nSecond.");
        assert_eq!(
            form.loaded.as_deref(),
            Some("Loaded 15 characters in 2 paragraphs from page.html (a web page, UTF-8)")
        );
        let source = form.source(Source::new(SourceId(9), "", "")).unwrap();
        assert_eq!(source.id, SourceId(9));
        assert_eq!(source.date, Some(Date::constant(2021, 12, 8)));
        assert_eq!(source.text.as_deref(), Some("First.\n\nSecond."));
    }

    #[test]
    fn a_form_without_title_or_with_a_bad_date_is_not_ready() {
        let mut form = SourceForm::new_source();
        assert!(form.source(Source::new(SourceId(1), "", "")).is_err());
        form.title = "T".to_owned();
        form.date = "8 Dec".to_owned();
        let refused = form.source(Source::new(SourceId(1), "", "")).unwrap_err();
        assert!(refused.contains("YYYY-MM-DD"), "{refused}");
        form.date = String::new();
        let source = form.source(Source::new(SourceId(1), "", "")).unwrap();
        assert_eq!((source.text, source.url), (None, None));
    }
}
