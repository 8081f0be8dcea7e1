//! The inspector: a side panel that edits every field of the selected item (claim, actor,
//! stance, relation or source), or the map's title and description when nothing is selected.

mod actor;
mod claim;
mod fields;
mod map_info;
mod relation;
mod source;
mod stance;

use crate::app::requests::Requests;
use crate::app::selection::Selection;
use crate::model::{ItemId, Map};
use eframe::egui;

/// The inspector's state between frames.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Inspector {
    fields: fields::FieldState,
    new_source: source::NewSourceForm,
}

impl Inspector {
    /// Draws the inspector for the selection; returns the edits it asks for.
    pub fn ui(&mut self, ui: &mut egui::Ui, map: &Map, selection: &Selection) -> Requests {
        let mut requests = Requests::default();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let mut form = fields::Form {
                    item: None,
                    state: &mut self.fields,
                    requests: &mut requests,
                };
                match selection.single() {
                    None if selection.is_empty() => map_info::show(ui, map, &mut form),
                    None => several(ui, map, selection, &mut form),
                    Some(item) => {
                        form.item = Some(item);
                        match item {
                            ItemId::Claim(id) => claim::show(ui, map, id, &mut form),
                            ItemId::Actor(id) => actor::show(ui, map, id, &mut form),
                            ItemId::Stance(id) => {
                                stance::show(ui, map, id, &mut form, &mut self.new_source)
                            }
                            ItemId::Relation(id) => relation::show(ui, map, id, &mut form),
                            ItemId::Source(id) => source::show(ui, map, id, &mut form),
                        }
                    }
                }
            });
        requests
    }
}

/// Several items selected: say what, and offer nothing to edit at once.
fn several(ui: &mut egui::Ui, map: &Map, selection: &Selection, form: &mut fields::Form<'_>) {
    fields::heading(ui, &format!("{} items selected", selection.len()));
    let count = |f: fn(&ItemId) -> bool| selection.items().filter(f).count();
    let parts = [
        (count(|i| matches!(i, ItemId::Claim(_))), "claim", "claims"),
        (count(|i| matches!(i, ItemId::Actor(_))), "actor", "actors"),
        (
            count(|i| matches!(i, ItemId::Stance(_))),
            "stance",
            "stances",
        ),
        (
            count(|i| matches!(i, ItemId::Relation(_))),
            "relation",
            "relations",
        ),
        (
            count(|i| matches!(i, ItemId::Source(_))),
            "source",
            "sources",
        ),
    ];
    let text: Vec<String> = parts
        .iter()
        .filter(|(n, ..)| *n > 0)
        .map(|&(n, one, many)| crate::counts::counted(n, one, many))
        .collect();
    fields::note(ui, text.join(", "));
    stance_rows(ui, map, selection, form);
    let nodes: Vec<_> = selection.nodes().collect();
    if !nodes.is_empty() {
        let pinned = nodes
            .iter()
            .filter(|&&n| map.node_pinned(n) == Some(true))
            .count();
        let mut all_pinned = pinned == nodes.len();
        if ui
            .checkbox(&mut all_pinned, "Pinned (layouts leave them in place)")
            .changed()
        {
            form.chosen(crate::model::Edit::SetPinned {
                nodes,
                pinned: all_pinned,
            });
        }
    }
    fields::note(ui, "Select a single item to edit its fields.");
}

/// The selected stances by date, one row each (actor, position, claim, date and source); a click on a
/// row selects that stance alone. A click on an edge drawn for several stances selects them
/// all, and this is how one of them is reached.
fn stance_rows(ui: &mut egui::Ui, map: &Map, selection: &Selection, form: &mut fields::Form<'_>) {
    let mut stances: Vec<_> = selection
        .items()
        .filter_map(|item| match item {
            ItemId::Stance(id) => map.stance(id),
            _ => None,
        })
        .collect();
    let date = |s: &crate::model::Stance| {
        s.date
            .or_else(|| s.source.and_then(|id| map.source(id)?.date))
    };
    stances.sort_by_key(|s| (date(s), s.id));
    if stances.is_empty() {
        return;
    }
    ui.add_space(4.0);
    for stance in stances {
        let actor = map.actor(stance.actor).map_or("?", |a| a.drawn_name());
        let claim = map.claim(stance.claim).map_or("?", |c| c.label.as_str());
        let source = stance.source.and_then(|s| map.source(s));
        let mut row = format!("{actor} {} “{claim}”", stance.position.label());
        if let Some(date) = date(stance) {
            row.push_str(&format!(" · {date}"));
        }
        if let Some(source) = source {
            row.push_str(&format!(" · {}", source.title));
        }
        if ui
            .selectable_label(false, row)
            .on_hover_text("Select this stance alone to edit it")
            .clicked()
        {
            form.requests.select(vec![stance.id.into()]);
        }
    }
}
