//! The checks view: consistency findings grouped by kind; clicking one selects the items it
//! names. A quote missing from its source's text can be re-anchored to the text selected in
//! the reader.

use crate::analysis::{Finding, FindingKind, check_map};
use crate::app::requests::Requests;
use crate::app::selection::Selection;
use crate::counts::counted;
use crate::model::{Edit, ItemId, Map, SourceId};
use eframe::egui;

/// The text selected in the reader, which a missing quote can be re-anchored to.
#[derive(Debug, Clone, Copy)]
pub struct Anchor<'a> {
    /// The source the reader shows.
    pub source: SourceId,
    /// The selected text, exactly.
    pub text: &'a str,
}

/// The checks view's state.
#[derive(Debug, Default)]
pub struct ChecksView {
    cache: Option<(u64, Vec<Finding>)>,
}

impl ChecksView {
    /// Draws the view; clicks on findings and the Re-anchor button become `requests`.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        (map, generation): (&Map, u64),
        (selection, requests): (&Selection, &mut Requests),
        anchor: Option<Anchor<'_>>,
    ) {
        if !matches!(&self.cache, Some((g, _)) if *g == generation) {
            self.cache = Some((generation, check_map(map)));
        }
        let Some((_, findings)) = &self.cache else {
            return;
        };
        if findings.is_empty() {
            ui.label(
                "Nothing to report: every stance has a quote and a source, every claim is \
                 taken up, no actor contradicts a relation, no two actors share a name, and \
                 every quote is in its source's text.",
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
                    FindingKind::QuoteNotInText,
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
                                    requests.select(finding.items.clone());
                                }
                                if finding.kind == FindingKind::QuoteNotInText
                                    && let Some(asked) = re_anchor(ui, map, finding, anchor)
                                {
                                    requests.edit_and_announce(
                                        asked,
                                        "Re-anchored the quote to the reader's selection; \
                                         Ctrl+Z takes it back",
                                    );
                                }
                            }
                        });
                }
            });
    }
}

/// A button that replaces a missing quote with the reader's selection in the same source.
fn re_anchor(
    ui: &mut egui::Ui,
    map: &Map,
    finding: &Finding,
    anchor: Option<Anchor<'_>>,
) -> Option<Edit> {
    let stance = finding.items.iter().find_map(|item| match item {
        ItemId::Stance(id) => map.stance(*id),
        _ => None,
    })?;
    let usable = anchor.filter(|a| stance.source == Some(a.source));
    let button = egui::Button::new("Re-anchor to the reader's selection");
    let response = ui
        .add_enabled(usable.is_some(), button)
        .on_hover_text("Select the quote's new place in the reader (same source), then click")
        .on_disabled_hover_text("Select the quote's new place in the reader (same source) first");
    let anchor = usable?;
    response.clicked().then(|| {
        let mut moved = stance.clone();
        moved.quote = anchor.text.to_owned();
        Edit::UpdateStance(moved)
    })
}
