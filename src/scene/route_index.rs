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
use super::waypoints::SearchMemo;
use crate::model::{EdgeId, NodeId};
use eframe::egui::Rect;
use std::collections::HashMap;
use std::sync::Arc;

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
    /// The last search for waypoints of each edge that made one, to answer again while
    /// nothing it depends on changes. Not part of what the index records: a fresh index
    /// without them routes the same.
    memos: HashMap<EdgeId, Arc<SearchMemo>>,
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

    /// The last search for waypoints made for `edge`, if its route made one.
    pub(super) fn memo(&self, edge: EdgeId) -> Option<&Arc<SearchMemo>> {
        self.memos.get(&edge)
    }

    /// Records how `edge` was routed, in place of what was recorded before.
    pub(super) fn record(&mut self, edge: EdgeId, route: &Route) {
        self.record_dependencies(edge, route);
        match &route.memo {
            Some(memo) => drop(self.memos.insert(edge, memo.clone())),
            None => drop(self.memos.remove(&edge)),
        }
    }

    /// Records what `edge`'s route depends on, in place of what was recorded before.
    fn record_dependencies(&mut self, edge: EdgeId, route: &Route) {
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
        self.memos.remove(&edge);
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
        self.memos.clear();
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

#[cfg(test)]
impl RouteIndex {
    /// Checks the index against the scene it belongs to: it files exactly the scene's node
    /// boxes, its lookups hold exactly the recorded routes, and every drawn edge's route is
    /// what routing it afresh gives and follows from the boxes its record names alone.
    pub(super) fn check(&self, scene: &super::Scene) -> Result<(), String> {
        use super::SceneId;
        use super::build::{ItemLook, bends_by_pair};
        use super::routing::route;
        use std::collections::BTreeSet;

        let nodes: Vec<(NodeId, Rect)> = scene
            .items
            .iter()
            .filter_map(|item| match item.id {
                SceneId::Node(node) => Some((node, item.bounds)),
                SceneId::Edge(_) => None,
            })
            .collect();
        let fresh = Obstacles::new(nodes.iter().copied());
        if self.obstacles.filed_boxes() != fresh.filed_boxes() {
            return Err("the boxes filed are not the scene's node boxes".into());
        }
        let mut by_blocker: Vec<(NodeId, EdgeId)> = Vec::new();
        let mut by_cell: Vec<(Cell2, EdgeId)> = Vec::new();
        for (edge, dependencies) in &self.routes {
            by_blocker.extend(dependencies.blockers.iter().map(|b| (*b, *edge)));
            by_cell.extend(dependencies.cells.iter().map(|c| (*c, *edge)));
        }
        by_blocker.sort_unstable();
        by_cell.sort_unstable();
        if entries(&self.by_blocker) != by_blocker || entries(&self.by_cell) != by_cell {
            return Err("the lookups do not hold the recorded routes".into());
        }

        let edges: Vec<_> = scene
            .items
            .iter()
            .zip(&scene.looks)
            .filter_map(|(item, look)| match (item.id, item.ends, look) {
                (
                    SceneId::Edge(edge),
                    Some(ends),
                    ItemLook::Edge {
                        course,
                        stroke,
                        head,
                        ..
                    },
                ) => Some((edge, ends, course.clone(), *stroke, *head)),
                _ => None,
            })
            .collect();
        let drawn: BTreeSet<EdgeId> = edges.iter().map(|(edge, ..)| *edge).collect();
        if self.routes.keys().any(|edge| !drawn.contains(edge)) {
            return Err("a route is recorded for an edge not drawn".into());
        }
        let plain = bends_by_pair(edges.iter().map(|(edge, (a, b), ..)| (*edge, *a, *b)));
        for (edge, (from, to), course, stroke, head) in edges {
            let (Some(a), Some(b)) = (scene.node_outline(from), scene.node_outline(to)) else {
                return Err(format!("{edge:?} is drawn without its nodes"));
            };
            let plain = plain.get(&edge).copied().unwrap_or(0.0);
            let afresh = route((&a, &b), (from, to), plain, stroke, head, &fresh);
            if afresh.course != course {
                return Err(format!(
                    "{edge:?} runs {course:?}, routed afresh {:?}",
                    afresh.course
                ));
            }
            if self.gave_up() {
                continue;
            }
            let Some(recorded) = self.routes.get(&edge) else {
                return Err(format!("no route recorded for {edge:?}"));
            };
            if recorded.cells != afresh.cells {
                return Err(format!("{edge:?}: the cells of its line are not recorded"));
            }
            let mut named = Obstacles::new(nodes.iter().copied().filter(|(node, rect)| {
                recorded.blockers.contains(node)
                    || cells_of_box(*rect)
                        .iter()
                        .any(|cell| recorded.cells.binary_search(cell).is_ok())
            }));
            // Whether edges wind through waypoints goes by how many boxes there are.
            named.count_as(fresh.filed_count());
            let from_named = route((&a, &b), (from, to), plain, stroke, head, &named);
            if from_named.course != course {
                return Err(format!(
                    "{edge:?} runs {course:?}, but {:?} around the boxes its record names",
                    from_named.course
                ));
            }
        }
        Ok(())
    }
}

/// Every (key, edge) pair of lookup lists, sorted.
#[cfg(test)]
fn entries<K: Copy + Ord>(lists: &HashMap<K, Vec<EdgeId>>) -> Vec<(K, EdgeId)> {
    let mut entries: Vec<_> = lists
        .iter()
        .flat_map(|(key, edges)| edges.iter().map(move |edge| (*key, *edge)))
        .collect();
    entries.sort_unstable();
    entries
}
