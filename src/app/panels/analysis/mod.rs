//! The analysis panel on the right: the layout buttons, then four tabs over what the map
//! says — the stance matrix, actor alignment, filters and focus, and consistency checks. All
//! of them follow the map as it changes: each view caches its result for the document
//! generation (and its own settings) and recomputes when either changes.

mod alignment_view;
mod checks_view;
mod colours;
mod filter_view;
mod matrix_view;

use crate::app::StanceApp;
use crate::app::commands::Command;
use crate::app::panels::panel_room::SidePanel;
use crate::app::requests::Requests;
use crate::app::selection::Selection;
use crate::model::{ItemId, Map, NodeId};
use crate::scene::VisibilityMap;
use eframe::egui;

pub use filter_view::FilterView;

/// The tabs of the panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    /// Actors × claims.
    #[default]
    Matrix,
    /// Who agrees with whom.
    Alignment,
    /// What the canvas shows.
    Filters,
    /// Consistency findings.
    Checks,
}

impl Tab {
    /// Every tab, left to right.
    pub const ALL: [Tab; 4] = [Tab::Matrix, Tab::Alignment, Tab::Filters, Tab::Checks];

    /// The tab's title.
    pub fn title(self) -> &'static str {
        match self {
            Tab::Matrix => "Matrix",
            Tab::Alignment => "Alignment",
            Tab::Filters => "Filters",
            Tab::Checks => "Checks",
        }
    }
}

/// The panel's state between frames.
#[derive(Debug, Default)]
pub struct AnalysisPanel {
    /// Whether the panel is shown.
    pub open: bool,
    /// The tab in front.
    pub tab: Tab,
    matrix: matrix_view::MatrixView,
    alignment: alignment_view::AlignmentView,
    /// The filters and focus the canvas applies.
    pub filters: FilterView,
    checks: checks_view::ChecksView,
}

impl AnalysisPanel {
    /// Opens the panel on a tab.
    pub fn show(&mut self, tab: Tab) {
        self.open = true;
        self.tab = tab;
    }
}

/// The nodes a selection stands for: selected nodes, and the ends of selected stances and
/// relations.
pub fn selected_nodes(map: &Map, selection: &Selection) -> Vec<NodeId> {
    let mut nodes: Vec<NodeId> = Vec::new();
    for item in selection.items() {
        match item {
            ItemId::Actor(a) => nodes.push(a.into()),
            ItemId::Claim(c) => nodes.push(c.into()),
            ItemId::Stance(s) => {
                if let Some(s) = map.stance(s) {
                    nodes.extend([NodeId::from(s.actor), NodeId::from(s.claim)]);
                }
            }
            ItemId::Relation(r) => {
                if let Some(r) = map.relation(r) {
                    nodes.extend([NodeId::from(r.from), NodeId::from(r.to)]);
                }
            }
            ItemId::Source(_) => {}
        }
    }
    nodes.sort();
    nodes.dedup();
    nodes
}

/// The short name of a layout command on its button.
fn button_label(command: Command) -> &'static str {
    match command {
        Command::StanceLayout => "Stance",
        Command::NetworkLayout => "Network",
        Command::StanceLayoutSelection => "Stance (selection)",
        Command::NetworkLayoutSelection => "Network (selection)",
        other => other.label(),
    }
}

impl StanceApp {
    /// Forgets what belonged to the previous document: a layout still running for it, and
    /// the panel's results and filters (the panel stays open on its tab). Generations start
    /// again with a new document, so nothing computed for the old one may be kept.
    pub(in crate::app) fn analysis_document_replaced(&mut self) {
        self.layout.cancel();
        self.layout = crate::app::canvas::layout_runner::LayoutRunner::default();
        self.analysis = AnalysisPanel {
            open: self.analysis.open,
            tab: self.analysis.tab,
            ..AnalysisPanel::default()
        };
    }

    /// Opens the analysis panel on a tab.
    pub fn show_analysis(&mut self, tab: Tab) {
        self.analysis.show(tab);
    }

    /// The filters and focus the canvas applies.
    pub fn filters(&mut self) -> &mut FilterView {
        &mut self.analysis.filters
    }

    /// What the canvas dims and hides now (everything shown when nothing is filtered).
    pub fn visibility(&mut self) -> VisibilityMap {
        self.canvas_visibility()
            .map(|(v, _)| v.clone())
            .unwrap_or_default()
    }

    /// The analysis panel, if open; returns what its views ask for (layout commands,
    /// selections, edits, saves).
    pub(in crate::app) fn analysis_panel_ui(
        &mut self,
        ui: &mut egui::Ui,
        window_width: f32,
    ) -> Requests {
        let mut requests = Requests::default();
        if !self.analysis.open {
            return requests;
        }
        SidePanel::Analysis
            .limit(
                egui::Panel::right("analysis"),
                window_width,
                self.reader.open,
            )
            .resizable(true)
            .default_size(460.0)
            .show(ui, |ui| {
                self.layout_buttons(ui, &mut requests);
                ui.separator();
                ui.horizontal(|ui| {
                    for tab in Tab::ALL {
                        ui.selectable_value(&mut self.analysis.tab, tab, tab.title());
                    }
                });
                ui.separator();
                let map = (self.doc.map(), self.doc.generation());
                let selection = &self.selection;
                match self.analysis.tab {
                    Tab::Matrix => self.analysis.matrix.ui(ui, map, selection, &mut requests),
                    Tab::Alignment => self
                        .analysis
                        .alignment
                        .ui(ui, map, selection, &mut requests),
                    Tab::Filters => self.analysis.filters.ui(ui, map.0, selection),
                    Tab::Checks => {
                        let anchor = self
                            .reader
                            .selected_text(map.0)
                            .zip(self.reader.source())
                            .map(|(text, source)| checks_view::Anchor { source, text });
                        self.analysis
                            .checks
                            .ui(ui, map, (selection, &mut requests), anchor);
                    }
                }
            });
        requests
    }

    /// Buttons for the two layouts, on the whole map or the selection.
    fn layout_buttons(&self, ui: &mut egui::Ui, requests: &mut Requests) {
        ui.horizontal_wrapped(|ui| {
            ui.label("Layout:");
            for command in [
                Command::StanceLayout,
                Command::NetworkLayout,
                Command::StanceLayoutSelection,
                Command::NetworkLayoutSelection,
            ] {
                let button = egui::Button::new(button_label(command));
                if ui
                    .add_enabled(self.is_enabled(command), button)
                    .on_hover_text(command.tooltip())
                    .clicked()
                {
                    requests.command(command);
                }
            }
        });
    }

    /// What the canvas should dim and hide, with a number that changes whenever it does.
    pub(in crate::app) fn canvas_visibility(&mut self) -> Option<(&VisibilityMap, u64)> {
        let nodes = selected_nodes(self.doc.map(), &self.selection);
        self.analysis
            .filters
            .visibility(self.doc.map(), self.doc.generation(), &nodes)
    }
}
