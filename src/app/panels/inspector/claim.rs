//! Editing a claim: label, full text, tags, notes, position and pin; and the stances and
//! relations that involve it.

use super::fields::{Form, Lines, heading, note, optional, split_list};
use crate::model::{ClaimId, Edit, Map, NodeId};
use eframe::egui;

/// The claim's fields.
pub fn show(ui: &mut egui::Ui, map: &Map, id: ClaimId, form: &mut Form<'_>) {
    let Some(claim) = map.claim(id) else { return };
    heading(ui, &format!("Claim {}", id.0));
    if let Some(label) = form.text(ui, "Label", &claim.label, Lines::One) {
        let mut changed = claim.clone();
        changed.label = label;
        form.typed("Label", Edit::UpdateClaim(changed));
    }
    if let Some(text) = form.text(ui, "Full text", &claim.text, Lines::Many) {
        let mut changed = claim.clone();
        changed.text = text;
        form.typed("Full text", Edit::UpdateClaim(changed));
    }
    let tags = claim.tags.join(", ");
    if let Some(text) = form.text(ui, "Tags", &tags, Lines::One) {
        let mut changed = claim.clone();
        changed.tags = split_list(&text);
        form.typed("Tags", Edit::UpdateClaim(changed));
    }
    note(ui, "Separate tags with commas.");
    let notes = claim.notes.clone().unwrap_or_default();
    if let Some(text) = form.text(ui, "Notes", &notes, Lines::Many) {
        let mut changed = claim.clone();
        changed.notes = optional(&text);
        form.typed("Notes", Edit::UpdateClaim(changed));
    }
    super::actor::place(ui, NodeId::Claim(id), claim.at, claim.pinned, form);

    heading(ui, "Stances on it");
    let mut any = false;
    for stance in map.stances_on_claim(id) {
        any = true;
        let actor = map.actor(stance.actor).map_or("?", |a| a.name.as_str());
        ui.label(format!("{actor}: {}", stance.position.label()));
    }
    for relation in map.relations().filter(|r| r.from == id || r.to == id) {
        any = true;
        let other = if relation.from == id {
            relation.to
        } else {
            relation.from
        };
        let other = map.claim(other).map_or("?", |c| c.label.as_str());
        if relation.from == id {
            ui.label(format!("{} “{other}”", relation.kind.label()));
        } else {
            ui.label(format!("“{other}” {} it", relation.kind.label()));
        }
    }
    if !any {
        note(ui, "None yet: drag from an actor's handle onto this claim.");
    }
}
