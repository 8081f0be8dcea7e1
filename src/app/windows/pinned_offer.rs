//! A layout that would move nothing because every node in its reach is pinned says so, and
//! offers to lay out the pinned nodes too (which frees them, in the same undo step).

use crate::app::StanceApp;
use crate::layout::{LayoutKind, Scope};
use crate::model::{Edit, Map, NodeId};
use eframe::egui;

/// A layout held back because every node it may move is pinned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PinnedOffer {
    /// The layout asked for.
    pub kind: LayoutKind,
    /// Whether it was asked for the selection only.
    pub selection_only: bool,
    /// How many nodes are pinned in its reach.
    pub pinned: usize,
}

/// The nodes a layout of `scope` may move, and whether every one of them is pinned.
pub fn all_pinned(map: &Map, scope: &Scope) -> Option<usize> {
    let reach: Vec<NodeId> = match scope {
        Scope::Whole => map.nodes().collect(),
        Scope::Only(nodes) => nodes.iter().copied().collect(),
    };
    let pinned = reach
        .iter()
        .filter(|&&n| map.node_pinned(n) == Some(true))
        .count();
    (!reach.is_empty() && pinned == reach.len()).then_some(pinned)
}

/// `map` with the nodes in `scope` unpinned, for a layout that may move them all.
pub fn unpinned(map: &Map, scope: &Scope) -> Map {
    let nodes: Vec<NodeId> = match scope {
        Scope::Whole => map.nodes().collect(),
        Scope::Only(nodes) => nodes.iter().copied().collect(),
    };
    let mut copy = map.clone();
    // Every node exists in the map it came from, so this cannot be refused; if it were, the
    // layout would only move nothing again.
    let _ = copy.apply(Edit::SetPinned {
        nodes,
        pinned: false,
    });
    copy
}

impl StanceApp {
    /// The offer to lay out pinned nodes too, while it is on screen.
    pub fn pinned_layout_offer(&self) -> Option<PinnedOffer> {
        self.layout.pinned_offer
    }

    /// Shows the offer, if one is waiting, and acts on the answer. Called once per frame.
    pub(in crate::app) fn pinned_offer_ui(&mut self, ctx: &egui::Context) {
        let Some(offer) = self.layout.pinned_offer else {
            return;
        };
        let mut answer = None;
        let modal = egui::Modal::new(egui::Id::unique("pinned_layout_offer")).show(ctx, |ui| {
            ui.set_max_width(420.0);
            ui.heading("Every node is pinned");
            ui.label(format!(
                "The {} would move nothing: {} {} pinned (placed by hand), and layouts leave \
                 pinned nodes where they are.",
                offer.kind.label(),
                if offer.selection_only {
                    "the selected nodes"
                } else {
                    "all the map's nodes"
                },
                crate::counts::counted(offer.pinned, "node is", "nodes are"),
            ));
            ui.label("Lay them out too? They are unpinned; Undo puts them back.");
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                if ui.button("Lay out pinned nodes too").clicked() {
                    answer = Some(true);
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(false);
                }
            });
        });
        if answer.is_none() && modal.should_close() {
            answer = Some(false);
        }
        match answer {
            Some(true) => {
                self.layout.pinned_offer = None;
                self.start_layout_including_pinned(ctx, offer.kind, offer.selection_only);
            }
            Some(false) => {
                self.layout.pinned_offer = None;
                self.status = Some("Nothing laid out: every node is pinned".to_owned());
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Point};

    #[test]
    fn a_map_whose_nodes_are_all_pinned_is_found_and_freed() {
        let mut map = Map::new("m");
        let mut ids = map.id_allocator();
        let (a, b) = (ids.claim(), ids.claim());
        map.apply(Edit::AddClaim(Claim::new(a, "A", Point::default())))
            .unwrap();
        map.apply(Edit::AddClaim(Claim::new(b, "B", Point::new(300.0, 0.0))))
            .unwrap();
        assert_eq!(all_pinned(&map, &Scope::Whole), None);
        map.apply(Edit::SetPinned {
            nodes: vec![a.into(), b.into()],
            pinned: true,
        })
        .unwrap();
        assert_eq!(all_pinned(&map, &Scope::Whole), Some(2));
        let only_a = Scope::Only([NodeId::from(a)].into());
        assert_eq!(all_pinned(&map, &only_a), Some(1));
        let freed = unpinned(&map, &only_a);
        assert_eq!(freed.node_pinned(a.into()), Some(false));
        assert_eq!(freed.node_pinned(b.into()), Some(true));
        assert_eq!(all_pinned(&Map::new("empty"), &Scope::Whole), None);
    }
}
