//! Editing an actor: name, kind, camp, aliases, own colour, position and pin.

use super::fields::{Form, Lines, heading, note, split_list};
use crate::model::{ActorId, ActorKind, CampSide, Colour, Edit, Map, MapInfo, NodeId, Point};
use eframe::egui::{self, Color32};

/// The actor's fields.
pub fn show(ui: &mut egui::Ui, map: &Map, id: ActorId, form: &mut Form<'_>) {
    let Some(actor) = map.actor(id) else { return };
    heading(ui, &format!("Actor {}", id.0));
    if let Some(name) = form.text(ui, "Name", &actor.name, Lines::One) {
        let mut changed = actor.clone();
        changed.name = name;
        form.typed("Name", Edit::UpdateActor(changed));
    }

    let mut kind = actor.kind;
    let label = ui.label("Kind");
    egui::ComboBox::from_id_salt(("actor_kind", id))
        .selected_text(kind.label())
        .show_ui(ui, |ui| {
            for option in ActorKind::ALL {
                ui.selectable_value(&mut kind, option, option.label());
            }
        })
        .response
        .labelled_by(label.id);
    if kind != actor.kind {
        let mut changed = actor.clone();
        changed.kind = kind;
        form.chosen(Edit::UpdateActor(changed));
    }

    let short = actor.short_name.clone().unwrap_or_default();
    if let Some(text) = form.text(ui, "Short name", &short, Lines::One) {
        let mut changed = actor.clone();
        let text = text.trim();
        changed.short_name = (!text.is_empty()).then(|| text.to_owned());
        form.typed("Short name", Edit::UpdateActor(changed));
    }
    note(
        ui,
        "Drawn on the canvas and in pictures instead of the name, if given.",
    );

    let camp = actor.camp.clone().unwrap_or_default();
    if let Some(text) = form.text(ui, "Camp", &camp, Lines::One) {
        let mut changed = actor.clone();
        let text = text.trim();
        changed.camp = (!text.is_empty()).then(|| text.to_owned());
        form.typed("Camp", Edit::UpdateActor(changed));
    }
    let camps = known_camps(map);
    if !camps.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.weak("Camps:");
            for known in camps {
                if actor.camp.as_deref() != Some(known.as_str())
                    && ui
                        .small_button(&known)
                        .on_hover_text("Put the actor in this camp")
                        .clicked()
                {
                    let mut changed = actor.clone();
                    changed.camp = Some(known);
                    form.chosen(Edit::UpdateActor(changed));
                }
            }
        });
    }

    if let Some(camp) = actor.camp_name() {
        camp_side(ui, map, camp, form);
    }

    let aliases = actor.aliases.join(", ");
    if let Some(text) = form.text(ui, "Aliases", &aliases, Lines::One) {
        let mut changed = actor.clone();
        changed.aliases = split_list(&text);
        form.typed("Aliases", Edit::UpdateActor(changed));
    }
    note(
        ui,
        "Other names, e.g. in the source's language; separate them with commas.",
    );

    colour(ui, actor, form);
    place(ui, NodeId::Actor(id), actor.at, actor.pinned, form);
}

/// The camps in use, sorted.
fn known_camps(map: &Map) -> Vec<String> {
    let mut camps: Vec<String> = map
        .actors()
        .filter_map(|a| a.camp.clone())
        .filter(|c| !c.trim().is_empty())
        .collect();
    camps.sort();
    camps.dedup();
    camps
}

/// The actor's own colour, which overrides its camp's.
fn colour(ui: &mut egui::Ui, actor: &crate::model::Actor, form: &mut Form<'_>) {
    ui.horizontal(|ui| {
        let mut own = actor.colour.is_some();
        if ui
            .checkbox(&mut own, "Own colour")
            .on_hover_text("Use this colour instead of the camp's")
            .changed()
        {
            let mut changed = actor.clone();
            changed.colour = own.then_some(Colour::rgb(0x80, 0x80, 0x80));
            form.chosen(Edit::UpdateActor(changed));
        }
        if let Some(c) = actor.colour {
            let mut picked = Color32::from_rgb(c.r, c.g, c.b);
            let response = egui::color_picker::color_edit_button_srgba(
                ui,
                &mut picked,
                egui::color_picker::Alpha::Opaque,
            );
            if response.changed() {
                let mut changed = actor.clone();
                changed.colour = Some(Colour::rgb(picked.r(), picked.g(), picked.b()));
                // Dragging in the picker is one session, like typing.
                form.typed("Colour", Edit::UpdateActor(changed));
            }
            ui.weak(c.to_string());
        }
    });
}

/// A node's position and pin, shared by actors and claims.
pub fn place(ui: &mut egui::Ui, node: NodeId, at: Point, pinned: bool, form: &mut Form<'_>) {
    ui.horizontal(|ui| {
        ui.label("Position");
        let (mut x, mut y) = (at.x, at.y);
        let dx = ui.add(egui::DragValue::new(&mut x).prefix("x ").speed(1.0));
        let dy = ui.add(egui::DragValue::new(&mut y).prefix("y ").speed(1.0));
        if (dx.changed() || dy.changed()) && x.is_finite() && y.is_finite() {
            form.typed(
                "Position",
                Edit::MoveNodes {
                    moves: vec![(node, Point::new(x, y))],
                    pinned: true,
                },
            );
        }
        if dx.drag_stopped() || dy.drag_stopped() || dx.lost_focus() || dy.lost_focus() {
            form.requests.end_group();
        }
    });
    let mut pin = pinned;
    if ui
        .checkbox(&mut pin, "Pinned")
        .on_hover_text("Automatic layouts leave pinned nodes where they are; moving a node pins it")
        .changed()
    {
        form.chosen(Edit::SetPinned {
            nodes: vec![node],
            pinned: pin,
        });
    }
}

/// The side of the claims the actor's camp stands on in the stance layout: Left, Auto (by
/// agreement) or Right. A choice is one undo step and applies to the whole camp.
fn camp_side(ui: &mut egui::Ui, map: &Map, camp: &str, form: &mut Form<'_>) {
    let current = map.camp_side(camp);
    let mut chosen = current;
    ui.horizontal(|ui| {
        ui.label("Camp side");
        for (side, text) in [
            (Some(CampSide::Left), "Left"),
            (None, "Auto"),
            (Some(CampSide::Right), "Right"),
        ] {
            let hover = match side {
                Some(side) => format!(
                    "The stance layout puts “{camp}” {} of the claims",
                    side.label()
                ),
                None => format!("The stance layout puts “{camp}” with the camps it agrees with"),
            };
            ui.selectable_value(&mut chosen, side, text)
                .on_hover_text(hover);
        }
    });
    if chosen != current {
        let mut info: MapInfo = map.info();
        match chosen {
            Some(side) => drop(info.camp_sides.insert(camp.to_owned(), side)),
            None => drop(info.camp_sides.remove(camp)),
        }
        form.chosen(Edit::SetInfo(info));
    }
    note(
        ui,
        "Where the stance layout (Ctrl+L) puts this camp's actors.",
    );
}
