//! Edges that keep clear of the boxes they do not join. An edge whose line would run through
//! another node's box is bent aside, by the smallest of a few growing detours (to either side)
//! that clears every box; an edge no detour clears winds between the boxes through waypoints
//! (see [`super::waypoints`]), and one that finds no way keeps its plain line. The chosen
//! course is part of the edge's look, so the canvas, a drag in progress and every export draw the same
//! route, and routes are worked out when the scene is built or updated, never while painting.

use super::course::{Course, course_shapes};
use super::edges::{Head, edge_shapes};
use super::nodes::NodeDrawing;
use super::shapes::{LineStyle, Shape, bezier_point};
use super::waypoints::{self, Search, SearchMemo};
use crate::model::NodeId;
use eframe::egui::{Pos2, Rect};
use std::cell::Cell;
use std::collections::HashMap;
use std::sync::Arc;

/// Sideways detours tried, in map units added to an edge's bend, smallest first.
const DETOURS: [f32; 20] = [
    25.0, -25.0, 50.0, -50.0, 75.0, -75.0, 100.0, -100.0, 135.0, -135.0, 170.0, -170.0, 210.0,
    -210.0, 250.0, -250.0, 300.0, -300.0, 360.0, -360.0,
];
/// Largest detour: obstacles farther than this from both ends' boxes cannot be in the way.
pub const MAX_DETOUR: f32 = 360.0;
/// Points a curve is checked at.
const SAMPLES: usize = 24;
/// Boxes are shrunk by this much before checking, so a line that only grazes a corner or
/// runs along a border is not counted (as the layout's own measure does).
const GRAZE: f32 = 2.0;
/// Size of the cells obstacles are filed under, in map units.
pub(super) const CELL: f32 = 160.0;

/// Box checks allowed per box filed, on top of [`BASE_BUDGET`]: routing costs at most a few
/// milliseconds per thousand nodes, even on maps whose nodes all stand in one spot (a map
/// never arranged), where every line meets every box.
const BUDGET_PER_BOX: u64 = 1_000;
/// Box checks allowed however few boxes there are.
const BASE_BUDGET: u64 = 1_000_000;

/// Most node boxes a scene may have for its edges to be routed through waypoints. A search
/// costs a fraction of a millisecond, and an edit must search again for every winding edge
/// whose search looked near the changed box (a dozen on a 200-node map, forty on a tangled
/// 10,000-node one): on maps this big, edges keep to single arcs, so an edit stays well
/// under a millisecond, and at the zoom that shows such a map whole, edges are drawn as
/// straight lines anyway.
pub const WAYPOINT_NODE_LIMIT: u64 = 2_000;

/// Node boxes to keep edges clear of, filed by area so a check looks only at boxes nearby.
/// Checks are counted: once the budget is spent, every line counts as blocked and every
/// place as taken, so routing falls back to plain lines instead of taking minutes.
#[derive(Debug, Clone)]
pub struct Obstacles {
    cells: HashMap<Cell2, Vec<(NodeId, Rect)>>,
    /// How many boxes were filed and not taken out: the budget grows with them.
    filed: u64,
    budget: Cell<u64>,
    /// For each version cell (finer than the cells boxes are filed under, see
    /// [`version_cells`]), when a box was last filed in it or taken out of it (by
    /// [`Self::clock`]): a search kept for later is still right while the version cells it
    /// watches keep their times.
    changed: HashMap<Cell2, u64>,
    /// Counts every filing and taking out.
    clock: u64,
}

/// A cell of the grid boxes are filed under: (column, row).
pub type Cell2 = (i32, i32);

impl Default for Obstacles {
    fn default() -> Self {
        Obstacles {
            cells: HashMap::new(),
            filed: 0,
            budget: Cell::new(BASE_BUDGET),
            changed: HashMap::new(),
            clock: 0,
        }
    }
}

/// What checking a line against the filed boxes found.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Check {
    /// No box but those of the line's ends is in its way.
    Clear,
    /// This box (and its node) is in the way.
    Blocked(NodeId, Rect),
    /// The budget ran out before the check could tell.
    GaveUp,
}

impl Obstacles {
    /// The boxes of `nodes`.
    pub fn new(nodes: impl IntoIterator<Item = (NodeId, Rect)>) -> Self {
        let mut obstacles = Obstacles::default();
        for (id, rect) in nodes {
            obstacles.add(id, rect);
        }
        obstacles
    }

    /// Whether edges are routed through waypoints among these boxes: only while there are
    /// at most [`WAYPOINT_NODE_LIMIT`] of them.
    pub fn routes_through_waypoints(&self) -> bool {
        self.filed <= WAYPOINT_NODE_LIMIT
    }

    /// Whether the budget of checks is spent.
    pub fn is_spent(&self) -> bool {
        self.budget.get() == 0
    }

    /// Gives back the whole budget a fresh set of the filed boxes would have, so a later
    /// round of routing gets as many checks as routing a whole scene afresh.
    pub fn refill(&self) {
        self.budget
            .set(BASE_BUDGET.saturating_add(BUDGET_PER_BOX.saturating_mul(self.filed)));
    }

    /// Counts `checks` box checks against the budget; false once it is spent.
    fn spend(&self, checks: usize) -> bool {
        let left = self.budget.get();
        self.budget.set(left.saturating_sub(checks as u64));
        left > 0
    }

    /// Files one more box, belonging to `id`.
    pub fn add(&mut self, id: NodeId, rect: Rect) {
        self.filed += 1;
        self.budget
            .set(self.budget.get().saturating_add(BUDGET_PER_BOX));
        self.clock += 1;
        for cell in version_cells(rect.shrink(GRAZE)) {
            self.changed.insert(cell, self.clock);
        }
        for cell in filed_cells(rect) {
            self.cells
                .entry(cell)
                .or_default()
                .push((id, rect.shrink(GRAZE)));
        }
    }

    /// Takes out the box filed for `id` as `rect` (the box as it was given to [`Self::add`]).
    pub fn remove(&mut self, id: NodeId, rect: Rect) {
        self.filed = self.filed.saturating_sub(1);
        self.clock += 1;
        for cell in version_cells(rect.shrink(GRAZE)) {
            self.changed.insert(cell, self.clock);
        }
        for cell in filed_cells(rect) {
            if let Some(boxes) = self.cells.get_mut(&cell) {
                boxes.retain(|(filed, _)| *filed != id);
                if boxes.is_empty() {
                    self.cells.remove(&cell);
                }
            }
        }
    }

    /// A number that changes whenever a box is filed in or taken out of one of the version
    /// cells `cells` (the sum of the times they last changed, which only grow).
    pub(super) fn version_of(&self, cells: &[Cell2]) -> u64 {
        cells
            .iter()
            .map(|cell| self.changed.get(cell).copied().unwrap_or(0))
            .sum()
    }

    /// Whether any filed box overlaps `rect`.
    pub fn overlaps(&self, rect: Rect) -> bool {
        let (c0, r0) = cell_of(rect.min);
        let (c1, r1) = cell_of(rect.max);
        (c0..=c1).any(|column| {
            (r0..=r1).any(|row| {
                self.cells.get(&(column, row)).is_some_and(|boxes| {
                    !self.spend(boxes.len()) || boxes.iter().any(|(_, b)| b.intersects(rect))
                })
            })
        })
    }

    /// Every filed box that shares area with `area` (as filed: shrunk a little), each once,
    /// by node id; `None` when the budget ran out while looking.
    pub(super) fn boxes_in(&self, area: Rect) -> Option<Vec<(NodeId, Rect)>> {
        let mut found: Vec<(NodeId, Rect)> = Vec::new();
        for cell in cells_of_area(area) {
            let Some(boxes) = self.cells.get(&cell) else {
                continue;
            };
            if !self.spend(boxes.len()) {
                return None;
            }
            found.extend(boxes.iter().filter(|(_, rect)| rect.intersects(area)));
        }
        found.sort_unstable_by_key(|(id, _)| *id);
        found.dedup_by(|a, b| a.0 == b.0);
        Some(found)
    }

    /// Counts `work` steps of some search against the budget; false once it is spent.
    pub(super) fn spend_on_search(&self, work: usize) -> bool {
        self.spend(work)
    }

    /// Whether the polyline through `points` runs through a box other than those of `ends`.
    pub fn blocks(&self, points: &[Pos2], ends: (NodeId, NodeId)) -> bool {
        self.check(points, ends) != Check::Clear
    }

    /// What is in the way of the polyline through `points`, apart from the boxes of `ends`:
    /// of the boxes in the way of its first blocked segment, the one of the smallest node id
    /// (so the answer depends only on where the boxes are, not on the order they were filed).
    fn check(&self, points: &[Pos2], ends: (NodeId, NodeId)) -> Check {
        for pair in points.windows(2) {
            let &[a, b] = pair else {
                continue;
            };
            let mut first: Option<(NodeId, Rect)> = None;
            for cell in segment_cells(a, b) {
                let Some(boxes) = self.cells.get(&cell) else {
                    continue;
                };
                if !self.spend(boxes.len()) {
                    return Check::GaveUp;
                }
                for &(id, rect) in boxes {
                    let smaller = first.is_none_or(|(best, _)| id < best);
                    if smaller && id != ends.0 && id != ends.1 && segment_hits(a, b, rect) {
                        first = Some((id, rect));
                    }
                }
            }
            if let Some((id, rect)) = first {
                return Check::Blocked(id, rect);
            }
        }
        Check::Clear
    }
}

#[cfg(test)]
impl Obstacles {
    /// How many boxes are filed.
    pub(super) fn filed_count(&self) -> u64 {
        self.filed
    }

    /// Counts `filed` boxes as filed, whatever was: for checking a route against a few of a
    /// scene's boxes as routing among all of them would.
    pub(super) fn count_as(&mut self, filed: u64) {
        self.filed = filed;
    }

    /// Every filed box with its cell and node, sorted: what is filed, whatever the order.
    pub(super) fn filed_boxes(&self) -> Vec<(Cell2, NodeId, [u32; 4])> {
        let mut boxes: Vec<_> = self
            .cells
            .iter()
            .flat_map(|(cell, boxes)| {
                boxes.iter().map(|(id, r)| {
                    let bits = [r.min.x, r.min.y, r.max.x, r.max.y].map(f32::to_bits);
                    (*cell, *id, bits)
                })
            })
            .collect();
        boxes.sort_unstable();
        boxes
    }
}

/// The cells a box is filed under (none for a box too small or not finite).
fn filed_cells(rect: Rect) -> impl Iterator<Item = Cell2> {
    let rect = rect.shrink(GRAZE);
    let filed = rect.is_positive() && rect.is_finite();
    let ((c0, r0), (c1, r1)) = (cell_of(rect.min), cell_of(rect.max));
    (c0..=c1)
        .flat_map(move |column| (r0..=r1).map(move |row| (column, row)))
        .filter(move |_| filed)
}

/// The cells looked in for boxes in the way of the segment from `a` to `b`.
fn segment_cells(a: Pos2, b: Pos2) -> impl Iterator<Item = Cell2> {
    let ((c0, r0), (c1, r1)) = (cell_of(a.min(b)), cell_of(a.max(b)));
    (c0..=c1).flat_map(move |column| (r0..=r1).map(move |row| (column, row)))
}

/// Size of the cells that tell whether boxes changed near a kept search, in map units.
pub(super) const VERSION_CELL: f32 = 40.0;

/// The version cells that cover `area` (see [`Obstacles::version_of`]), sorted; none for an
/// area not finite or empty.
fn version_cells(area: Rect) -> impl Iterator<Item = Cell2> {
    let usable = area.is_finite() && area.min.x <= area.max.x && area.min.y <= area.max.y;
    let at = |p: Pos2| {
        (
            (p.x / VERSION_CELL).floor().clamp(-1e6, 1e6) as i32,
            (p.y / VERSION_CELL).floor().clamp(-1e6, 1e6) as i32,
        )
    };
    let ((c0, r0), (c1, r1)) = (at(area.min), at(area.max));
    (c0..=c1)
        .flat_map(move |column| (r0..=r1).map(move |row| (column, row)))
        .filter(move |_| usable)
}

/// The cells that cover `area`, sorted.
fn cells_of_area(area: Rect) -> Vec<Cell2> {
    segment_cells(area.min, area.max).collect()
}

/// The cells a box filed for `rect` lies in: a box there may be in the way of a line that
/// passes them (see [`Route::cells`]).
pub fn cells_of_box(rect: Rect) -> Vec<Cell2> {
    filed_cells(rect).collect()
}

fn cell_of(p: Pos2) -> Cell2 {
    (
        (p.x / CELL).floor().clamp(-1e6, 1e6) as i32,
        (p.y / CELL).floor().clamp(-1e6, 1e6) as i32,
    )
}

/// Whether the segment from `a` to `b` passes through the inside of `rect` (Liang–Barsky).
pub fn segment_hits(a: Pos2, b: Pos2, rect: Rect) -> bool {
    let d = b - a;
    let (mut t0, mut t1) = (0.0_f32, 1.0_f32);
    for (p, q) in [
        (-d.x, a.x - rect.min.x),
        (d.x, rect.max.x - a.x),
        (-d.y, a.y - rect.min.y),
        (d.y, rect.max.y - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 > t1 {
                return false;
            }
        }
    }
    t1 - t0 > 1e-4
}

/// Points along the line of an edge drawn as `shapes` (its curves, sampled).
pub fn edge_path(shapes: &[Shape]) -> Vec<Pos2> {
    let mut points = Vec::with_capacity(SAMPLES + 1);
    for shape in shapes {
        if let Shape::Curve { points: curve, .. } = shape {
            points.extend((0..=SAMPLES).map(|i| bezier_point(curve, i as f32 / SAMPLES as f32)));
        }
    }
    points
}

/// How an edge is routed and what its route depends on besides its own ends and look.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Route {
    /// The course chosen.
    pub course: Course,
    /// For each line tried and found blocked, a node whose box is in its way (each node
    /// once), and, when waypoints were searched for, every box in the area searched: while
    /// these boxes stay where they are, those lines stay blocked and the search finds the
    /// same.
    pub blockers: Vec<NodeId>,
    /// The cells the chosen line passes when it is an arc that is clear, or the cells of the
    /// area searched for waypoints (sorted): only a box filed in one of them can come to
    /// block the line or change the search. Empty when nothing was clear and no search was
    /// made (the plain bend is kept, and no box added anywhere can change that).
    pub cells: Vec<Cell2>,
    /// Whether the budget ran out while routing this edge: then the route depends on
    /// everything routed before it.
    pub gave_up: bool,
    /// The search for waypoints made, if one was, kept to answer again without searching
    /// while nothing it depends on changes.
    pub(super) memo: Option<Arc<SearchMemo>>,
}

/// Corner roundings tried for a line through waypoints, largest first: a rounded corner
/// cuts in toward the box it turns around, so a tight one may need less.
const ROUNDINGS: [f32; 3] = [14.0, 7.0, 0.0];

/// The route for an edge from `from` to `to` whose plain bend is `bend`: that one if its line
/// keeps clear of every box but its ends', else the smallest detour that does, else a line
/// through waypoints that winds between the boxes, else the plain bend (nothing clears:
/// better a short crossing than a wild loop).
pub fn route(
    drawings: (&NodeDrawing, &NodeDrawing),
    ends: (NodeId, NodeId),
    bend: f32,
    stroke: LineStyle,
    head: Head,
    obstacles: &Obstacles,
) -> Route {
    route_again(drawings, ends, (bend, stroke, head), obstacles, None)
}

/// Like [`route`], answering the search for waypoints from `memo` (the route's search last
/// time) when nothing that search depends on has changed since: the same route, cheaper.
pub(super) fn route_again(
    (from, to): (&NodeDrawing, &NodeDrawing),
    ends: (NodeId, NodeId),
    (bend, stroke, head): (f32, LineStyle, Head),
    obstacles: &Obstacles,
    memo: Option<&Arc<SearchMemo>>,
) -> Route {
    let plain = Route {
        course: Course::Arc(bend),
        ..Route::default()
    };
    let gave_up = Route {
        gave_up: true,
        ..plain.clone()
    };
    if obstacles.is_spent() {
        return gave_up;
    }
    let mut blockers: Vec<(NodeId, Rect)> = Vec::new();
    let candidates = std::iter::once(bend).chain(DETOURS.iter().map(|detour| bend + detour));
    for candidate in candidates {
        let path = edge_path(&edge_shapes(from, to, candidate, stroke, head));
        // A box already known to block another try is checked first: often the same box
        // is in the way of several, and then no new one needs to be found.
        let known = blockers.iter().any(|(_, rect)| {
            path.windows(2).any(|pair| match pair {
                &[a, b] => segment_hits(a, b, *rect),
                _ => false,
            })
        });
        if known {
            continue;
        }
        match obstacles.check(&path, ends) {
            Check::Clear => {
                return Route {
                    course: Course::Arc(candidate),
                    blockers: blockers.into_iter().map(|(id, _)| id).collect(),
                    cells: cells_passed(&path),
                    gave_up: false,
                    memo: None,
                };
            }
            Check::Blocked(id, rect) => blockers.push((id, rect)),
            Check::GaveUp => return gave_up,
        }
    }
    let mut blockers: Vec<NodeId> = blockers.into_iter().map(|(id, _)| id).collect();
    if !obstacles.routes_through_waypoints() {
        blockers.sort_unstable();
        blockers.dedup();
        return Route { blockers, ..plain };
    }
    // Past here the route depends on what the search looked at, and on the lines tried.
    let memo = waypoints::search_again((from, to), ends, obstacles, memo);
    let (points, searched) = match memo.as_ref().map(|memo| memo.answer()) {
        None | Some(Search::GaveUp) => return gave_up,
        Some(Search::NotFound(searched)) => (None, searched.clone()),
        Some(Search::Found(points, searched)) => (
            Some(Arc::<[Pos2]>::from(points.as_slice())),
            searched.clone(),
        ),
    };
    blockers.extend(searched.boxes);
    let mut cells = searched.cells;
    let mut course = Course::Arc(bend);
    if let Some(points) = points {
        for radius in ROUNDINGS {
            let through = Course::Through {
                points: points.clone(),
                radius,
            };
            let path = edge_path(&course_shapes(from, to, &through, stroke, head));
            match obstacles.check(&path, ends) {
                Check::Clear => {
                    cells.extend(cells_passed(&path));
                    course = through;
                    break;
                }
                Check::Blocked(id, _) => blockers.push(id),
                Check::GaveUp => return gave_up,
            }
        }
    }
    blockers.sort_unstable();
    blockers.dedup();
    cells.sort_unstable();
    cells.dedup();
    Route {
        course,
        blockers,
        cells,
        gave_up: false,
        memo,
    }
}

/// The cells a line through `path` passes, sorted.
fn cells_passed(path: &[Pos2]) -> Vec<Cell2> {
    let mut cells: Vec<Cell2> = path
        .windows(2)
        .flat_map(|pair| match pair {
            &[a, b] => Some(segment_cells(a, b)),
            _ => None,
        })
        .flatten()
        .collect();
    cells.sort_unstable();
    cells.dedup();
    cells
}

#[cfg(test)]
#[path = "routing_tests.rs"]
mod tests;
