//! Editing a relation: the two claims, supports or attacks, and the note.

use super::fields::{Form, Lines, heading, optional};
use crate::model::{ClaimId, Edit, Map, Relation, RelationId, RelationKind};
use eframe::egui;

/// The relation's fields.
pub fn show(ui: &mut egui::Ui, map: &Map, id: RelationId, form: &mut Form<'_>) {
    let Some(relation) = map.relation(id) else {
        return;
    };
    heading(ui, &format!("Relation {}", id.0));
    let from = claim_choice(ui, map, ("relation_from", id), "From claim", relation.from);
    let to = claim_choice(ui, map, ("relation_to", id), "To claim", relation.to);
    if from != relation.from || to != relation.to {
        form.chosen(Edit::UpdateRelation(Relation {
            from,
            to,
            ..relation.clone()
        }));
    }
    if ui
        .button("Reverse direction")
        .on_hover_text("Make the second claim bear on the first instead")
        .clicked()
    {
        form.chosen(Edit::UpdateRelation(Relation {
            from: relation.to,
            to: relation.from,
            ..relation.clone()
        }));
    }
    ui.label("Kind");
    let mut kind = relation.kind;
    ui.horizontal(|ui| {
        for option in RelationKind::ALL {
            ui.selectable_value(&mut kind, option, option.label());
        }
    });
    if kind != relation.kind {
        form.chosen(Edit::UpdateRelation(Relation {
            kind,
            ..relation.clone()
        }));
    }
    let note = relation.note.clone().unwrap_or_default();
    if let Some(text) = form.text(ui, "Note", &note, Lines::Many) {
        form.typed(
            "Note",
            Edit::UpdateRelation(Relation {
                note: optional(&text),
                ..relation.clone()
            }),
        );
    }
}

fn claim_choice(
    ui: &mut egui::Ui,
    map: &Map,
    salt: (&str, RelationId),
    name: &str,
    current: ClaimId,
) -> ClaimId {
    let mut chosen = current;
    let label = ui.label(name);
    egui::ComboBox::from_id_salt(salt)
        .selected_text(map.claim(current).map_or("?", |c| c.label.as_str()))
        .width(ui.available_width())
        .show_ui(ui, |ui| {
            for c in map.claims() {
                ui.selectable_value(&mut chosen, c.id, &c.label);
            }
        })
        .response
        .labelled_by(label.id);
    chosen
}
