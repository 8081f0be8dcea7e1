//! What the user has selected: a set of items, kept in the app's view state (never in the
//! document, so selecting is not an edit and is not saved).

use crate::model::{ItemId, Map, NodeId};
use std::collections::BTreeSet;

/// The selected items.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    items: BTreeSet<ItemId>,
}

impl Selection {
    /// Whether an item is selected.
    pub fn contains(&self, item: ItemId) -> bool {
        self.items.contains(&item)
    }

    /// Whether nothing is selected.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Number of selected items.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// The selected items, sorted.
    pub fn items(&self) -> impl Iterator<Item = ItemId> + '_ {
        self.items.iter().copied()
    }

    /// The selected nodes (actors and claims), sorted.
    pub fn nodes(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.items.iter().copied().filter_map(node_of)
    }

    /// The only selected item, if exactly one is selected.
    pub fn single(&self) -> Option<ItemId> {
        let mut items = self.items.iter();
        match (items.next(), items.next()) {
            (Some(&only), None) => Some(only),
            _ => None,
        }
    }

    /// Selects exactly this item.
    pub fn select_only(&mut self, item: ItemId) {
        self.items.clear();
        self.items.insert(item);
    }

    /// Adds an item if it is not selected, removes it if it is (Shift/Ctrl-click).
    pub fn toggle(&mut self, item: ItemId) {
        if !self.items.remove(&item) {
            self.items.insert(item);
        }
    }

    /// Adds items to the selection.
    pub fn extend(&mut self, items: impl IntoIterator<Item = ItemId>) {
        self.items.extend(items);
    }

    /// Selects nothing.
    pub fn clear(&mut self) {
        self.items.clear();
    }

    /// Drops items that no longer exist (after undo, delete or opening another map).
    pub fn retain_existing(&mut self, map: &Map) {
        self.items.retain(|&item| map.contains(item));
    }
}

/// The node an item is, if it is an actor or a claim.
pub fn node_of(item: ItemId) -> Option<NodeId> {
    match item {
        ItemId::Actor(a) => Some(NodeId::Actor(a)),
        ItemId::Claim(c) => Some(NodeId::Claim(c)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorId, ClaimId, StanceId};

    #[test]
    fn toggling_and_single() {
        let mut s = Selection::default();
        s.select_only(ItemId::Actor(ActorId(1)));
        assert_eq!(s.single(), Some(ItemId::Actor(ActorId(1))));
        s.toggle(ItemId::Claim(ClaimId(2)));
        s.toggle(ItemId::Stance(StanceId(3)));
        assert_eq!(s.len(), 3);
        assert_eq!(s.single(), None);
        assert_eq!(s.nodes().count(), 2);
        s.toggle(ItemId::Claim(ClaimId(2)));
        assert!(!s.contains(ItemId::Claim(ClaimId(2))));
    }

    #[test]
    fn dropping_items_that_no_longer_exist() {
        let mut s = Selection::default();
        s.select_only(ItemId::Actor(ActorId(1)));
        s.retain_existing(&Map::new("empty"));
        assert!(s.is_empty());
    }
}
