//! Which edges' routes depend on which node boxes, so an edit routes again only the edges
//! whose route it can change.
//!
//! An edge's route (see [`routing::route`](super::routing::route)) is the first of its tries
//! (the plain line, then growing detours) that no box blocks. Besides its own ends and look,
//! it therefore depends on two things only, and both are kept here:
//! - for every try found blocked, one box in its way (a *blocker*): while that box stays, the
//!   try stays blocked, whatever else moves;
//! - for the chosen try, when it is clear, the grid cells its line passes: only a box filed
//!   in one of them can come to block it.
//!
//! So when a node's box changes (moved, resized, gone or new), the edges to route again are
//! those it blocked and those whose clear line passes a cell of its new box; no other edge's
//! route can change. A node that moves out of a line's way is found through the first rule,
//! one that moves into it through the second.

use super::routing::{Cell2, Obstacles, Route, cells_of_box};
use crate::model::{EdgeId, NodeId};
use eframe::egui::Rect;
use std::collections::HashMap;

/// What one edge's route depends on.
#[derive(Debug, Clone, PartialEq)]
struct Dependencies {
    blockers: Vec<NodeId>,
    cells: Vec<Cell2>,
}

/// Every drawn node's box as routing sees it, and each routed edge's dependencies, looked up
/// both ways.
#[derive(Clone, Default)]
pub(super) struct RouteIndex {
    /// The boxes edges are routed around.
    pub(super) obstacles: Obstacles,
    routes: HashMap<EdgeId, Dependencies>,
    by_blocker: HashMap<NodeId, Vec<EdgeId>>,
    by_cell: HashMap<Cell2, Vec<EdgeId>>,
    /// Edges whose routing ran out of budget: their routes depend on every edge routed
    /// before them, so nothing short of routing every edge again keeps them right.
    gave_up: usize,
}

impl std::fmt::Debug for RouteIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RouteIndex")
            .field("routes", &self.routes.len())
            .field("blockers", &self.by_blocker.len())
            .field("cells", &self.by_cell.len())
            .field("gave_up", &self.gave_up)
            .finish()
    }
}

/// Two indexes are alike when they record the same dependencies for the same edges.
impl PartialEq for RouteIndex {
    fn eq(&self, other: &Self) -> bool {
        self.routes == other.routes && self.gave_up == other.gave_up
    }
}

impl RouteIndex {
    /// An index of no routes around the boxes of `nodes`.
    pub(super) fn new(nodes: impl IntoIterator<Item = (NodeId, Rect)>) -> RouteIndex {
        RouteIndex {
            obstacles: Obstacles::new(nodes),
            ..RouteIndex::default()
        }
    }

    /// Whether some edge's routing ran out of budget, so the next change must route every
    /// edge again to draw what a fresh build draws.
    pub(super) fn gave_up(&self) -> bool {
        self.gave_up > 0
    }

    /// Records how `edge` was routed, in place of what was recorded before.
    pub(super) fn record(&mut self, edge: EdgeId, route: &Route) {
        let new = Dependencies {
            blockers: route.blockers.clone(),
            cells: route.cells.clone(),
        };
        if !route.gave_up && self.routes.get(&edge) == Some(&new) {
            return;
        }
        self.forget(edge);
        if route.gave_up {
            self.gave_up += 1;
            return;
        }
        for blocker in &new.blockers {
            self.by_blocker.entry(*blocker).or_default().push(edge);
        }
        for cell in &new.cells {
            self.by_cell.entry(*cell).or_default().push(edge);
        }
        self.routes.insert(edge, new);
    }

    /// Drops what was recorded of `edge`'s route.
    pub(super) fn forget(&mut self, edge: EdgeId) {
        let Some(old) = self.routes.remove(&edge) else {
            return;
        };
        for blocker in &old.blockers {
            drop_from(&mut self.by_blocker, blocker, edge);
        }
        for cell in &old.cells {
            drop_from(&mut self.by_cell, cell, edge);
        }
    }

    /// Forgets every route, keeping the boxes: before every edge is routed again.
    pub(super) fn forget_routes(&mut self) {
        self.routes.clear();
        self.by_blocker.clear();
        self.by_cell.clear();
        self.gave_up = 0;
    }

    /// Files `node`'s box anew: `old` is the box it had (if it was drawn), `new` the one it
    /// has now (if it is drawn).
    pub(super) fn move_box(&mut self, node: NodeId, old: Option<Rect>, new: Option<Rect>) {
        if old == new {
            return;
        }
        if let Some(old) = old {
            self.obstacles.remove(node, old);
        }
        if let Some(new) = new {
            self.obstacles.add(node, new);
        }
    }

    /// The edges whose route may change when `node`'s box changes to `new` (or goes): those
    /// it blocked, and those whose clear line passes a cell of its new box.
    pub(super) fn affected_by(&self, node: NodeId, new: Option<Rect>) -> Vec<EdgeId> {
        let mut edges: Vec<EdgeId> = self.by_blocker.get(&node).cloned().unwrap_or_default();
        for cell in new.map(cells_of_box).unwrap_or_default() {
            edges.extend(self.by_cell.get(&cell).into_iter().flatten());
        }
        edges
    }
}

/// Takes `edge` out of the list kept under `key`, dropping the list once empty.
fn drop_from<K: std::hash::Hash + Eq>(lists: &mut HashMap<K, Vec<EdgeId>>, key: &K, edge: EdgeId) {
    if let Some(list) = lists.get_mut(key) {
        if let Some(at) = list.iter().position(|e| *e == edge) {
            list.swap_remove(at);
        }
        if list.is_empty() {
            lists.remove(key);
        }
    }
}
