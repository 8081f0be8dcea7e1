//! The grid a waypoint search walks (see [`super::waypoints`]): cells a few map units wide
//! over the area around an edge's ends, each free or blocked by a box near it, walked by a
//! weighted A* that keeps note of every cell it looks at, so the route can say exactly which
//! boxes and places its answer depends on.

use super::cell_marks::CellMarks;
use super::routing::Obstacles;
use crate::model::NodeId;
use eframe::egui::{Pos2, Rect, Vec2};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Room kept between the grid's path and the boxes it passes, counted from boxes as filed
/// (2 units inside the drawn ones): a path through a gap of two dozen units between two
/// claims keeps 5 units from each.
pub(super) const CLEARANCE: f32 = 7.0;
/// Where the grid's lines lie, as a fraction of a step past multiples of the step: the grid
/// is fixed to the map, not to the edge, and its cell centres fall on no round number, so
/// the last bits of a box's edge (a moved drawing's against a fresh one's) cannot flip a cell.
const GRID_OFFSET: f32 = 0.37;
/// Costs of a step along a row or column, a diagonal step, and a change of direction.
const STRAIGHT: u32 = 10;
const DIAGONAL: u32 = 14;
const TURN: u32 = 8;
/// How much more the estimate of the way left counts than the way gone: above 1 the search
/// heads for the goal first and looks at far fewer cells, at the price of a way a little
/// longer than the shortest (pulling it tight takes most of that back).
const GREED: u32 = 2;
/// Most cells one search expands: past that it gives up on this edge (a way so winding is no
/// help to a reader anyway).
const MAX_EXPANDED: usize = 12_000;
/// Expansions between two counts against the routing budget.
const SPEND_EVERY: usize = 512;
/// A cell no box blocks.
const FREE: u32 = u32::MAX;

/// A grid laid over an area: for each cell, the first of the boxes (in node order) that
/// blocks it, if any.
pub(super) struct Grid {
    origin: Pos2,
    step: f32,
    columns: usize,
    rows: usize,
    /// Index into the boxes the grid was made from, or [`FREE`].
    owners: Vec<u32>,
}

/// What walking the grid found.
pub(super) enum Walk {
    /// The cells from start to goal.
    Found(Vec<usize>),
    /// No way within reach.
    NotFound,
    /// The routing budget ran out.
    GaveUp,
}

/// The eight moves, as (column, row) offsets; the first four along rows and columns.
const MOVES: [(i32, i32); 8] = [
    (1, 0),
    (-1, 0),
    (0, 1),
    (0, -1),
    (1, 1),
    (1, -1),
    (-1, 1),
    (-1, -1),
];
/// No move yet (the start).
const NO_MOVE: u8 = u8::MAX;

/// What the search knows of a cell: the cheapest cost found to reach it, the move that
/// reached it, and whether that cost is final.
#[derive(Debug, Clone, Copy)]
struct Visit {
    cost: u32,
    came_by: u8,
    done: bool,
}

impl Default for Visit {
    fn default() -> Self {
        Visit {
            cost: u32::MAX,
            came_by: NO_MOVE,
            done: false,
        }
    }
}

impl Grid {
    /// A grid of `step` over `area` whose cells are free unless their centre lies within
    /// [`CLEARANCE`] of one of `boxes` (sorted by node: a cell remembers the first).
    pub(super) fn new(area: Rect, step: f32, boxes: &[(NodeId, Rect)]) -> Grid {
        let snap = |v: f32| ((v / step).floor() + GRID_OFFSET) * step;
        let origin = Pos2::new(snap(area.min.x), snap(area.min.y));
        let columns = ((area.max.x - origin.x) / step).ceil().max(1.0) as usize;
        let rows = ((area.max.y - origin.y) / step).ceil().max(1.0) as usize;
        let mut grid = Grid {
            origin,
            step,
            columns,
            rows,
            owners: vec![FREE; columns * rows],
        };
        for (index, (_, rect)) in boxes.iter().enumerate() {
            for cell in grid.covered(*rect) {
                if let Some(owner) = grid.owners.get_mut(cell)
                    && *owner == FREE
                {
                    *owner = index as u32;
                }
            }
        }
        grid
    }

    /// How many cells the grid has.
    pub(super) fn len(&self) -> usize {
        self.owners.len()
    }

    /// The cells a box blocks: those whose centre lies within [`CLEARANCE`] of it.
    fn covered(&self, rect: Rect) -> impl Iterator<Item = usize> + use<> {
        let rect = rect.expand(CLEARANCE);
        let (origin, step, columns) = (self.origin, self.step, self.columns);
        let span = |low: f32, high: f32, origin: f32, count: usize| {
            let first = ((low - origin) / step - 0.5).ceil().max(0.0) as usize;
            let last = ((high - origin) / step - 0.5).floor();
            if last < 0.0 || count == 0 {
                (1, 0)
            } else {
                (first, (last as usize).min(count - 1))
            }
        };
        let (c0, c1) = span(rect.min.x, rect.max.x, origin.x, columns);
        let (r0, r1) = span(rect.min.y, rect.max.y, origin.y, self.rows);
        (r0..=r1).flat_map(move |row| (c0..=c1).map(move |column| row * columns + column))
    }

    /// The cell whose area holds `p` (clamped to the grid).
    fn cell_at(&self, p: Pos2) -> usize {
        let column = ((p.x - self.origin.x) / self.step).floor().max(0.0) as usize;
        let row = ((p.y - self.origin.y) / self.step).floor().max(0.0) as usize;
        row.min(self.rows - 1) * self.columns + column.min(self.columns - 1)
    }

    /// The centre of a cell.
    pub(super) fn centre(&self, cell: usize) -> Pos2 {
        let (column, row) = (cell % self.columns, cell / self.columns);
        self.origin + Vec2::new(column as f32 + 0.5, row as f32 + 0.5) * self.step
    }

    fn is_free(&self, column: i32, row: i32) -> bool {
        column >= 0
            && row >= 0
            && (column as usize) < self.columns
            && (row as usize) < self.rows
            && self
                .owners
                .get(row as usize * self.columns + column as usize)
                == Some(&FREE)
    }

    /// The estimated cost from `cell` to `goal`: diagonal steps, then straight ones.
    fn estimate(&self, cell: usize, goal: usize) -> u32 {
        let dx = (cell % self.columns).abs_diff(goal % self.columns) as u32;
        let dy = (cell / self.columns).abs_diff(goal / self.columns) as u32;
        DIAGONAL * dx.min(dy) + STRAIGHT * dx.abs_diff(dy)
    }

    /// A cheap walk over free cells from the cell of `start` to the cell of `goal` (the
    /// cells of both always count as free): the cheapest when nothing is in the way, at most
    /// a little dearer otherwise (see [`GREED`]). Ties are broken by the estimate left, then
    /// by cell number, so the answer depends on the boxes alone. Also gives the cells the
    /// walk expanded, in the order it did.
    pub(super) fn walk(
        &self,
        start: Pos2,
        goal: Pos2,
        obstacles: &Obstacles,
    ) -> (Walk, Vec<usize>) {
        let (start, goal) = (self.cell_at(start), self.cell_at(goal));
        let mut visits = vec![Visit::default(); self.owners.len()];
        if let Some(first) = visits.get_mut(start) {
            first.cost = 0;
        }
        let mut open = BinaryHeap::new();
        open.push(Reverse((GREED * self.estimate(start, goal), 0u32, start)));
        let mut expanded: Vec<usize> = Vec::new();
        while let Some(Reverse((_, _, cell))) = open.pop() {
            let Some(&Visit {
                cost,
                came_by,
                done: false,
            }) = visits.get(cell)
            else {
                continue;
            };
            if cell == goal {
                return (Walk::Found(self.walk_back(goal, &visits)), expanded);
            }
            if let Some(visit) = visits.get_mut(cell) {
                visit.done = true;
            }
            expanded.push(cell);
            if expanded.len() > MAX_EXPANDED {
                return (Walk::NotFound, expanded);
            }
            if expanded.len().is_multiple_of(SPEND_EVERY) && !obstacles.spend_on_search(SPEND_EVERY)
            {
                return (Walk::GaveUp, expanded);
            }
            let (column, row) = ((cell % self.columns) as i32, (cell / self.columns) as i32);
            let number = |c: i32, r: i32| (r as usize) * self.columns + c as usize;
            let passable =
                |c: i32, r: i32| self.is_free(c, r) || (c >= 0 && r >= 0 && number(c, r) == goal);
            for (index, (dx, dy)) in MOVES.iter().enumerate() {
                let (c, r) = (column + dx, row + dy);
                // A diagonal step may not cut the corner of a blocked cell.
                let diagonal = index >= 4;
                if !passable(c, r)
                    || (diagonal && !(passable(column + dx, row) && passable(column, row + dy)))
                {
                    continue;
                }
                let turn = if came_by == NO_MOVE || came_by == index as u8 {
                    0
                } else {
                    TURN
                };
                let reached = cost + if diagonal { DIAGONAL } else { STRAIGHT } + turn;
                let to = number(c, r);
                let Some(next) = visits.get_mut(to) else {
                    continue;
                };
                if reached < next.cost && !next.done {
                    next.cost = reached;
                    next.came_by = index as u8;
                    let left = self.estimate(to, goal);
                    open.push(Reverse((reached + GREED * left, left, to)));
                }
            }
        }
        (Walk::NotFound, expanded)
    }

    /// The cells from the start to `goal`, following the moves that reached each.
    fn walk_back(&self, goal: usize, visits: &[Visit]) -> Vec<usize> {
        let mut path = vec![goal];
        let mut cell = goal;
        while let Some(visit) = visits.get(cell) {
            let Some((dx, dy)) = MOVES.get(visit.came_by as usize) else {
                break;
            };
            let column = (cell % self.columns) as i32 - dx;
            let row = (cell / self.columns) as i32 - dy;
            cell = row as usize * self.columns + column as usize;
            path.push(cell);
        }
        path.reverse();
        path
    }

    /// The centres of the cells where `path` starts, turns and ends.
    pub(super) fn corners(&self, path: &[usize]) -> Vec<Pos2> {
        let mut corners: Vec<Pos2> = Vec::new();
        for (i, &cell) in path.iter().enumerate() {
            let turns = match (i.checked_sub(1).and_then(|p| path.get(p)), path.get(i + 1)) {
                (Some(&before), Some(&after)) => {
                    (cell as i64 - before as i64) != (after as i64 - cell as i64)
                }
                _ => true,
            };
            if turns {
                corners.push(self.centre(cell));
            }
        }
        corners
    }

    /// What a walk that expanded `expanded` depends on: the cells it looked at are those and
    /// their neighbours. For each one blocked, the first box (of `boxes`, the ones the grid
    /// was made from) that blocks it: while that box stays, the cell stays blocked. For each
    /// one free, the cells of the routing index where a box filed would come within
    /// [`CLEARANCE`] of its centre and block it, and the version cells there (see
    /// `routing::version_cells`), marked in `cells` and `versions`. The boxes come unsorted, with repeats.
    pub(super) fn looked_at(
        &self,
        expanded: &[usize],
        boxes: &[(NodeId, Rect)],
        (cells, versions): (&mut CellMarks, &mut CellMarks),
    ) -> Vec<NodeId> {
        let mut looked = vec![false; self.owners.len()];
        let mut blockers = Vec::new();
        // The cells within reach of each column's and each row's centres, worked out once.
        let reach = CLEARANCE + 1.0;
        let spans = |marks: &CellMarks, count: usize, origin: f32| -> Vec<(i32, i32)> {
            (0..count)
                .map(|i| {
                    let centre = origin + (i as f32 + 0.5) * self.step;
                    marks.span(centre - reach, centre + reach)
                })
                .collect()
        };
        let cell_spans = (
            spans(cells, self.columns, self.origin.x),
            spans(cells, self.rows, self.origin.y),
        );
        let version_spans = (
            spans(versions, self.columns, self.origin.x),
            spans(versions, self.rows, self.origin.y),
        );
        // A box filed (as drawn, shrunk by 2) blocks a cell when it comes within CLEARANCE of
        // its centre.
        for &cell in expanded {
            let (column, row) = (cell % self.columns, cell / self.columns);
            for r in row.saturating_sub(1)..=(row + 1).min(self.rows - 1) {
                for c in column.saturating_sub(1)..=(column + 1).min(self.columns - 1) {
                    let near = r * self.columns + c;
                    match looked.get_mut(near) {
                        Some(seen) if !*seen => *seen = true,
                        _ => continue,
                    }
                    match self.owners.get(near) {
                        Some(&FREE) => {
                            for (marks, (across, down)) in
                                [(&mut *cells, &cell_spans), (&mut *versions, &version_spans)]
                            {
                                if let (Some(&columns), Some(&rows)) = (across.get(c), down.get(r))
                                {
                                    marks.mark_cells(columns, rows);
                                }
                            }
                        }
                        Some(&owner) => {
                            if let Some((id, _)) = boxes.get(owner as usize)
                                && blockers.last() != Some(id)
                            {
                                blockers.push(*id);
                            }
                        }
                        None => {}
                    }
                }
            }
        }
        blockers
    }
}
