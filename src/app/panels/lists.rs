//! Side lists of the map's claims, actors and sources, each with a filter box. A click selects
//! the item (Shift or Ctrl adds it to the selection) and brings it into view on the canvas.
//! The sources' heading has a "+" that opens the Add source window.

use crate::app::commands::Command;
use crate::app::requests::Requests;
use crate::app::selection::Selection;
use crate::model::{ItemId, Map};
use eframe::egui;

/// Most rows a list shows; the filter finds the rest.
const MAX_ROWS: usize = 300;

/// The filters of the side lists.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Lists {
    claims: String,
    actors: String,
    sources: String,
}

/// What the rows read (the selection) and where their clicks go.
type Clicks<'a> = (&'a Selection, &'a mut Requests);

/// One row of a list.
struct Row {
    item: ItemId,
    text: String,
    hover: String,
}

impl Lists {
    /// Draws the lists; a click on a row asks to select it and bring it into view, the
    /// sources' "+" asks for the Add source window.
    pub fn ui(&mut self, ui: &mut egui::Ui, map: &Map, selection: &Selection) -> Requests {
        let mut requests = Requests::default();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let claims = map.claims().map(|c| Row {
                    item: ItemId::Claim(c.id),
                    text: c.label.clone(),
                    hover: c.text.clone(),
                });
                let actors = map.actors().map(|a| Row {
                    item: ItemId::Actor(a.id),
                    text: format!(
                        "{} ({}, {})",
                        a.name,
                        a.kind.label(),
                        a.camp.as_deref().unwrap_or("no camp")
                    ),
                    hover: a.aliases.join(", "),
                });
                let sources = map.sources().map(|s| Row {
                    item: ItemId::Source(s.id),
                    text: s.title.clone(),
                    hover: s.publisher.clone(),
                });
                // Sources first: closed they take one line, and their "+" is always in view.
                let sources = rows(sources);
                sources_section(ui, &mut self.sources, sources, (selection, &mut requests));
                for (title, filter, rows) in [
                    ("Claims", &mut self.claims, rows(claims)),
                    ("Actors", &mut self.actors, rows(actors)),
                ] {
                    section(ui, title, filter, rows, (selection, &mut requests));
                }
            });
        requests
    }
}

fn rows(iter: impl Iterator<Item = Row>) -> Vec<Row> {
    iter.collect()
}

/// One collapsible list with its filter.
fn section(ui: &mut egui::Ui, title: &str, filter: &mut String, rows: Vec<Row>, clicks: Clicks) {
    let total = rows.len();
    egui::CollapsingHeader::new(format!("{title} ({total})"))
        .id_salt(title)
        .default_open(true)
        .show(ui, |ui| body(ui, title, filter, rows, clicks));
}

/// The sources' list, closed at first, with a "+" beside its heading that stays visible
/// while the list is closed.
fn sources_section(
    ui: &mut egui::Ui,
    filter: &mut String,
    rows: Vec<Row>,
    (selection, requests): Clicks,
) {
    const TITLE: &str = "Sources";
    let id = ui.make_persistent_id(TITLE);
    let state =
        egui::collapsing_header::CollapsingState::load_with_default_open(ui.ctx(), id, false);
    let total = rows.len();
    let (_, header, _) = state
        .show_header(ui, |ui| {
            let heading =
                ui.add(egui::Label::new(format!("{TITLE} ({total})")).sense(egui::Sense::click()));
            let plus = ui
                .small_button("+")
                .on_hover_text("Add a source, with its text pasted or loaded from a file");
            plus.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, true, "Add a source")
            });
            if plus.clicked() {
                requests.command(Command::AddSource);
            }
            heading.clicked()
        })
        .body(|ui| body(ui, TITLE, filter, rows, (selection, requests)));
    if header.inner
        && let Some(mut state) = egui::collapsing_header::CollapsingState::load(ui.ctx(), id)
    {
        state.toggle(ui);
        state.store(ui.ctx());
    }
}

/// A list's filter and rows.
fn body(
    ui: &mut egui::Ui,
    title: &str,
    filter: &mut String,
    rows: Vec<Row>,
    (selection, requests): Clicks,
) {
    let total = rows.len();
    let label = ui.label(format!("Filter {}", title.to_lowercase()));
    ui.add(
        egui::TextEdit::singleline(filter)
            .hint_text("type to filter")
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    let needle = filter.trim().to_lowercase();
    let shown = rows.iter().filter(|row| {
        needle.is_empty()
            || row.text.to_lowercase().contains(&needle)
            || row.hover.to_lowercase().contains(&needle)
    });
    let mut count = 0;
    for row in shown {
        count += 1;
        if count > MAX_ROWS {
            continue;
        }
        let response = ui.selectable_label(selection.contains(row.item), &row.text);
        let response = if row.hover.is_empty() {
            response
        } else {
            response.on_hover_text(&row.hover)
        };
        if response.clicked() {
            let adding = ui.input(|i| i.modifiers.shift || i.modifiers.command);
            if adding {
                requests.toggle_selected(row.item);
            } else {
                requests.select(vec![row.item]);
            }
            requests.reveal(vec![row.item]);
        }
    }
    if count > MAX_ROWS {
        ui.weak(format!("{} more: type to filter", count - MAX_ROWS));
    } else if count == 0 && total > 0 {
        ui.weak("nothing matches");
    }
}
