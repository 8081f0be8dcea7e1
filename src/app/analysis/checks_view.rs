//! The checks view: consistency findings grouped by kind; clicking one selects the items it
//! names.

use super::select_items;
use crate::analysis::{Finding, FindingKind, check_map};
use crate::app::selection::Selection;
use crate::counts::counted;
use crate::model::Map;
use eframe::egui;

/// The checks view's state.
#[derive(Debug, Default)]
pub struct ChecksView {
    cache: Option<(u64, Vec<Finding>)>,
}

impl ChecksView {
    /// Draws the view.
    pub fn ui(&mut self, ui: &mut egui::Ui, map: &Map, generation: u64, selection: &mut Selection) {
        if !matches!(&self.cache, Some((g, _)) if *g == generation) {
            self.cache = Some((generation, check_map(map)));
        }
        let Some((_, findings)) = &self.cache else {
            return;
        };
        if findings.is_empty() {
            ui.label(
                "Nothing to report: every stance has a quote and a source, every claim is \
                 taken up, no actor contradicts a relation, and no two actors share a name.",
            );
            return;
        }
        ui.label(format!(
            "{} — click one to select what it names.",
            counted(findings.len(), "finding", "findings")
        ));
        egui::ScrollArea::both()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let kinds = [
                    FindingKind::UnbackedStance,
                    FindingKind::UnaddressedClaim,
                    FindingKind::Contradiction,
                    FindingKind::PossibleDuplicate,
                ];
                for kind in kinds {
                    let of_kind: Vec<&Finding> =
                        findings.iter().filter(|f| f.kind == kind).collect();
                    if of_kind.is_empty() {
                        continue;
                    }
                    egui::CollapsingHeader::new(format!("{} ({})", kind.label(), of_kind.len()))
                        .default_open(true)
                        .show(ui, |ui| {
                            for finding in of_kind {
                                let selected = !finding.items.is_empty()
                                    && finding.items.iter().all(|i| selection.contains(*i));
                                if ui.selectable_label(selected, &finding.message).clicked() {
                                    select_items(selection, &finding.items);
                                }
                            }
                        });
                }
            });
    }
}
