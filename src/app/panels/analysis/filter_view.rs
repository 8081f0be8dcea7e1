//! The filters view: choose actors, camps, tags, sources and dates, or focus on the
//! neighbourhood of the selection, and dim or hide everything else on the canvas (and in
//! exports, which draw the same scene).

use crate::analysis::{Filter, Focus, LeftOut};
use crate::app::selection::Selection;
use crate::app::windows::date_field::{date_range_fields, parse_date_field};
use crate::model::{Map, NodeId};
use crate::scene::VisibilityMap;
use eframe::egui;
use std::collections::BTreeSet;

/// The filters view's state, and the visibility it gives the canvas.
#[derive(Debug, Default)]
pub struct FilterView {
    filter: Filter,
    from: String,
    to: String,
    focus_on_selection: bool,
    focus_steps: u8,
    /// Counts changes to the settings above.
    edits: u64,
    /// (map generation, edits, focus nodes) the visibility was made for, and the result.
    cache: Option<(u64, u64, Vec<NodeId>, VisibilityMap)>,
    /// Counts the visibility maps handed out, so the canvas knows when to redraw.
    version: u64,
}

impl FilterView {
    /// The filter in force, without the focus (which depends on the selection).
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// Replaces the filter's choices (actors, camps, tags, sources, what happens to the rest).
    pub fn set_filter(&mut self, filter: Filter) {
        self.filter = filter;
        self.edits += 1;
    }

    /// Turns focus on the selection on (with `steps` steps) or off.
    pub fn set_focus(&mut self, steps: Option<u8>) {
        self.focus_on_selection = steps.is_some();
        self.focus_steps = steps.unwrap_or(self.focus_steps).clamp(1, 3);
        self.edits += 1;
    }

    fn effective(&self, selected: &[NodeId]) -> Filter {
        let mut filter = self.filter.clone();
        filter.from = parse_date_field(&self.from).ok().flatten();
        filter.to = parse_date_field(&self.to).ok().flatten();
        filter.focus = (self.focus_on_selection && !selected.is_empty()).then(|| Focus {
            around: selected.iter().copied().collect(),
            steps: self.focus_steps.clamp(1, 3),
        });
        filter
    }

    /// What the canvas dims and hides now, and a version number that changes with it; `None`
    /// when nothing is filtered.
    pub fn visibility(
        &mut self,
        map: &Map,
        generation: u64,
        selected: &[NodeId],
    ) -> Option<(&VisibilityMap, u64)> {
        let filter = self.effective(selected);
        if !filter.is_active() {
            self.cache = None;
            return None;
        }
        let focus_nodes = if filter.focus.is_some() {
            selected.to_vec()
        } else {
            Vec::new()
        };
        let fresh = matches!(&self.cache, Some((g, e, f, _))
            if *g == generation && *e == self.edits && *f == focus_nodes);
        if !fresh {
            self.version += 1;
            self.cache = Some((generation, self.edits, focus_nodes, filter.visibility(map)));
        }
        let version = self.version;
        self.cache.as_ref().map(|(_, _, _, v)| (v, version))
    }

    /// Draws the view.
    pub fn ui(&mut self, ui: &mut egui::Ui, map: &Map, selection: &Selection) {
        let before = (
            self.filter.clone(),
            self.from.clone(),
            self.to.clone(),
            self.focus_on_selection,
            self.focus_steps,
        );
        if self.focus_steps == 0 {
            self.focus_steps = 1;
        }
        ui.horizontal(|ui| {
            ui.label("Everything else:");
            ui.radio_value(&mut self.filter.left_out, LeftOut::Dim, "Dim others");
            ui.radio_value(&mut self.filter.left_out, LeftOut::Hide, "Hide others");
        });
        ui.horizontal(|ui| {
            ui.checkbox(&mut self.focus_on_selection, "Focus on the selection")
                .on_hover_text("Show only what is within a few steps of the selected items");
            ui.add_enabled(
                self.focus_on_selection,
                egui::Slider::new(&mut self.focus_steps, 1..=3).text("steps"),
            );
        });
        if self.focus_on_selection && selection.is_empty() {
            ui.weak("Select something to focus on.");
        }
        egui::ScrollArea::both()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.choices(ui, map);
            });
        let after = (
            self.filter.clone(),
            self.from.clone(),
            self.to.clone(),
            self.focus_on_selection,
            self.focus_steps,
        );
        if before != after {
            self.edits += 1;
        }
    }

    fn choices(&mut self, ui: &mut egui::Ui, map: &Map) {
        let camps = map.camps();
        egui::CollapsingHeader::new(count_title("Camps", self.filter.camps.len()))
            .default_open(true)
            .show(ui, |ui| {
                for camp in camps {
                    toggle(ui, &mut self.filter.camps, camp.to_owned(), camp);
                }
            });
        egui::CollapsingHeader::new(count_title("Actors", self.filter.actors.len())).show(
            ui,
            |ui| {
                for actor in map.actors() {
                    toggle(ui, &mut self.filter.actors, actor.id, &actor.name);
                }
            },
        );
        let tags: BTreeSet<&str> = map
            .claims()
            .flat_map(|c| c.tags.iter().map(String::as_str))
            .collect();
        egui::CollapsingHeader::new(count_title("Tags", self.filter.tags.len())).show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                for tag in tags {
                    toggle(ui, &mut self.filter.tags, tag.to_owned(), tag);
                }
            });
        });
        egui::CollapsingHeader::new(count_title("Sources", self.filter.sources.len())).show(
            ui,
            |ui| {
                for source in map.sources() {
                    toggle(ui, &mut self.filter.sources, source.id, &source.title);
                }
            },
        );
        date_range_fields(ui, (&mut self.from, &mut self.to), None);
        for text in [&self.from, &self.to] {
            if let Err(problem) = parse_date_field(text) {
                ui.colored_label(ui.visuals().error_fg_color, problem);
            }
        }
        ui.separator();
        if ui.button("Clear filters").clicked() {
            let left_out = self.filter.left_out;
            self.filter = Filter {
                left_out,
                ..Filter::default()
            };
            self.from.clear();
            self.to.clear();
            self.focus_on_selection = false;
        }
        if let Some((_, _, _, visibility)) = &self.cache {
            let (dimmed, hidden) = visibility.counts();
            ui.weak(format!("{dimmed} items dimmed, {hidden} hidden"));
        } else {
            ui.weak("Showing everything.");
        }
    }
}

fn count_title(name: &str, chosen: usize) -> String {
    if chosen == 0 {
        format!("{name} (all)")
    } else {
        format!("{name} ({chosen} chosen)")
    }
}

/// A checkbox that adds `value` to or removes it from `set`.
fn toggle<T: Ord>(ui: &mut egui::Ui, set: &mut BTreeSet<T>, value: T, label: &str) {
    let mut on = set.contains(&value);
    if ui.checkbox(&mut on, label).changed() {
        if on {
            set.insert(value);
        } else {
            set.remove(&value);
        }
    }
}
