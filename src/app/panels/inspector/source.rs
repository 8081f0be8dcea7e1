//! Editing a source, and adding a new source from a stance.

use super::fields::{Form, Lines, heading, note, optional};
use crate::app::commands::Command;
use crate::app::windows::add_source::describe_length;
use crate::model::{Edit, Map, Source, SourceId, Stance, StanceId};
use eframe::egui;

/// The source's fields.
pub fn show(ui: &mut egui::Ui, map: &Map, id: SourceId, form: &mut Form<'_>) {
    let Some(source) = map.source(id) else { return };
    heading(ui, &format!("Source {}", id.0));
    if let Some(text) = form.text(ui, "Title", &source.title, Lines::One) {
        form.typed(
            "Title",
            Edit::UpdateSource(Source {
                title: text,
                ..source.clone()
            }),
        );
    }
    if let Some(text) = form.text(ui, "Publisher", &source.publisher, Lines::One) {
        form.typed(
            "Publisher",
            Edit::UpdateSource(Source {
                publisher: text,
                ..source.clone()
            }),
        );
    }
    if let Some(date) = form.date(ui, "Published", source.date) {
        form.typed(
            "Published",
            Edit::UpdateSource(Source {
                date,
                ..source.clone()
            }),
        );
    }
    let url = source.url.clone().unwrap_or_default();
    if let Some(text) = form.text(ui, "URL", &url, Lines::One) {
        form.typed(
            "URL",
            Edit::UpdateSource(Source {
                url: optional(text.trim()),
                ..source.clone()
            }),
        );
    }
    let language = source.language.clone().unwrap_or_default();
    if let Some(text) = form.text(ui, "Language", &language, Lines::One) {
        form.typed(
            "Language",
            Edit::UpdateSource(Source {
                language: optional(text.trim()),
                ..source.clone()
            }),
        );
    }
    note(ui, "A language tag such as zh-Hant, ru or en.");
    let notes = source.notes.clone().unwrap_or_default();
    if let Some(text) = form.text(ui, "Notes", &notes, Lines::Many) {
        form.typed(
            "Notes",
            Edit::UpdateSource(Source {
                notes: optional(&text),
                ..source.clone()
            }),
        );
    }
    text_section(ui, source, form);
    let citing = map.stances_citing(id).count();
    note(
        ui,
        match citing {
            0 => "No stance cites this source yet.".to_owned(),
            1 => "1 stance cites this source.".to_owned(),
            n => format!("{n} stances cite this source."),
        },
    );
}

/// The source's text: how long it is, and the ways to change it (the source window, which
/// edits it with the other fields, or a file).
fn text_section(ui: &mut egui::Ui, source: &Source, form: &mut Form<'_>) {
    ui.add_space(4.0);
    ui.strong("Text");
    let length = source
        .text
        .as_deref()
        .map_or_else(|| "no text yet".to_owned(), describe_length);
    note(ui, &length);
    ui.horizontal_wrapped(|ui| {
        let edit = ui
            .button("Edit text…")
            .on_hover_text(Command::EditSource.tooltip());
        if edit.clicked() {
            form.requests.command(Command::EditSource);
        }
        let load_label = if source.text.is_some() {
            "Replace text from file…"
        } else {
            "Load text from file…"
        };
        let load = ui
            .button(load_label)
            .on_hover_text(Command::ReplaceSourceText.tooltip());
        if load.clicked() {
            form.requests.command(Command::ReplaceSourceText);
        }
    });
}

/// The small form under a stance's source picker for adding a new source.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct NewSourceForm {
    /// The stance the new source is for, while the form is open.
    for_stance: Option<StanceId>,
    title: String,
    publisher: String,
}

impl NewSourceForm {
    /// Opens the form for a stance.
    pub fn open_for(&mut self, stance: StanceId) {
        *self = NewSourceForm {
            for_stance: Some(stance),
            ..NewSourceForm::default()
        };
    }

    /// Shows the form if it is open for `stance`; "Add source" adds the source and makes the
    /// stance cite it, in one undo step.
    pub fn show(&mut self, ui: &mut egui::Ui, map: &Map, stance: &Stance, form: &mut Form<'_>) {
        if self.for_stance != Some(stance.id) {
            return;
        }
        egui::Frame::group(ui.style()).show(ui, |ui| {
            heading(ui, "New source");
            let label = ui.label("New source title");
            ui.add(egui::TextEdit::singleline(&mut self.title).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            let label = ui.label("New source publisher");
            ui.add(egui::TextEdit::singleline(&mut self.publisher).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            ui.horizontal(|ui| {
                let ready = !self.title.trim().is_empty();
                if ui
                    .add_enabled(ready, egui::Button::new("Add source"))
                    .clicked()
                {
                    let id = map.id_allocator().source();
                    let source = Source::new(id, self.title.trim(), self.publisher.trim());
                    form.chosen(Edit::Batch(vec![
                        Edit::AddSource(source),
                        Edit::UpdateStance(Stance {
                            source: Some(id),
                            ..stance.clone()
                        }),
                    ]));
                    *self = NewSourceForm::default();
                }
                if ui.button("Cancel").clicked() {
                    *self = NewSourceForm::default();
                }
            });
        });
    }
}
