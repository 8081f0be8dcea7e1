//! Editing a stance: who and what, the position on the scale, confidence, the quote and its
//! translation, the source (one of the map's, or a new one) and the date.

use super::fields::{Form, Lines, heading, note, optional};
use super::source::NewSourceForm;
use crate::model::{Confidence, Edit, Map, Position, Stance, StanceId};
use eframe::egui;

/// The stance's fields.
pub fn show(
    ui: &mut egui::Ui,
    map: &Map,
    id: StanceId,
    form: &mut Form<'_>,
    new_source: &mut NewSourceForm,
) {
    let Some(stance) = map.stance(id) else { return };
    heading(ui, &format!("Stance {}", id.0));
    ends(ui, map, stance, form);
    scale(ui, stance, form);
    confidence(ui, stance, form);

    if let Some(text) = form.text(ui, "Quote", &stance.quote, Lines::Many) {
        let mut changed = stance.clone();
        changed.quote = text;
        form.typed("Quote", Edit::UpdateStance(changed));
    }
    note(ui, "In the source's own language, word for word.");
    let translation = stance.translation.clone().unwrap_or_default();
    if let Some(text) = form.text(ui, "Translation", &translation, Lines::Many) {
        let mut changed = stance.clone();
        changed.translation = optional(&text);
        form.typed("Translation", Edit::UpdateStance(changed));
    }
    source_picker(ui, map, stance, form, new_source);
    if let Some(date) = form.date(ui, "Date", stance.date) {
        let mut changed = stance.clone();
        changed.date = date;
        form.typed("Date", Edit::UpdateStance(changed));
    }
    let notes = stance.notes.clone().unwrap_or_default();
    if let Some(text) = form.text(ui, "Notes", &notes, Lines::Many) {
        let mut changed = stance.clone();
        changed.notes = optional(&text);
        form.typed("Notes", Edit::UpdateStance(changed));
    }
}

/// The actor and the claim, each changeable.
fn ends(ui: &mut egui::Ui, map: &Map, stance: &Stance, form: &mut Form<'_>) {
    let mut actor = stance.actor;
    let name = |id| map.actor(id).map_or("?".to_owned(), |a| a.name.clone());
    let label = ui.label("Actor");
    egui::ComboBox::from_id_salt(("stance_actor", stance.id))
        .selected_text(name(actor))
        .width(ui.available_width())
        .show_ui(ui, |ui| {
            for a in map.actors() {
                ui.selectable_value(&mut actor, a.id, &a.name);
            }
        })
        .response
        .labelled_by(label.id);
    let mut claim = stance.claim;
    let title = |id| map.claim(id).map_or("?".to_owned(), |c| c.label.clone());
    let label = ui.label("Claim");
    egui::ComboBox::from_id_salt(("stance_claim", stance.id))
        .selected_text(title(claim))
        .width(ui.available_width())
        .show_ui(ui, |ui| {
            for c in map.claims() {
                ui.selectable_value(&mut claim, c.id, &c.label);
            }
        })
        .response
        .labelled_by(label.id);
    if actor != stance.actor || claim != stance.claim {
        form.chosen(Edit::UpdateStance(Stance {
            actor,
            claim,
            ..stance.clone()
        }));
    }
}

/// The position, as a row of the six points of the scale.
fn scale(ui: &mut egui::Ui, stance: &Stance, form: &mut Form<'_>) {
    ui.label("Position");
    let mut position = stance.position;
    ui.horizontal_wrapped(|ui| {
        for option in Position::ALL {
            ui.selectable_value(&mut position, option, option.label());
        }
    });
    if position != stance.position {
        form.chosen(Edit::UpdateStance(Stance {
            position,
            ..stance.clone()
        }));
    }
}

fn confidence(ui: &mut egui::Ui, stance: &Stance, form: &mut Form<'_>) {
    let mut confidence = stance.confidence;
    let label = ui.label("Confidence");
    egui::ComboBox::from_id_salt(("stance_confidence", stance.id))
        .selected_text(confidence.map_or("not given", Confidence::label))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut confidence, None, "not given");
            for option in Confidence::ALL {
                ui.selectable_value(&mut confidence, Some(option), option.label());
            }
        })
        .response
        .labelled_by(label.id);
    if confidence != stance.confidence {
        form.chosen(Edit::UpdateStance(Stance {
            confidence,
            ..stance.clone()
        }));
    }
}

/// The source: one of the map's, none, or a new one typed here.
fn source_picker(
    ui: &mut egui::Ui,
    map: &Map,
    stance: &Stance,
    form: &mut Form<'_>,
    new_source: &mut NewSourceForm,
) {
    let mut source = stance.source;
    let title = |id| {
        map.source(id)
            .map_or_else(|| "?".to_owned(), |s| s.title.clone())
    };
    let label = ui.label("Source");
    let mut wants_new = false;
    egui::ComboBox::from_id_salt(("stance_source", stance.id))
        .selected_text(source.map_or_else(|| "none".to_owned(), title))
        .width(ui.available_width())
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut source, None, "none");
            for s in map.sources() {
                ui.selectable_value(&mut source, Some(s.id), &s.title);
            }
            if ui.selectable_label(false, "New source…").clicked() {
                wants_new = true;
            }
        })
        .response
        .labelled_by(label.id);
    if source != stance.source {
        form.chosen(Edit::UpdateStance(Stance {
            source,
            ..stance.clone()
        }));
    }
    if wants_new {
        new_source.open_for(stance.id);
    }
    new_source.show(ui, map, stance, form);
}
