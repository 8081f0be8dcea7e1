//! Waypoints for edges that no single arc takes around the boxes in their way: a short path
//! over a fine grid of the free space around both ends (weighted A*: turns cost extra so the
//! path runs straight along channels, and the way left counts double so the search heads
//! for the goal), then pulled tight so the line goes straight from one gap to the next and
//! bends only where it must.

use super::nodes::NodeDrawing;
use super::routing::{Cell2, Obstacles, cells_of_area, segment_hits};
use crate::model::NodeId;
use eframe::egui::{Pos2, Rect, Vec2};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Grid step, in map units: small enough that a gap of two dozen units between two boxes
/// still has free cells in it.
const STEP: f32 = 6.0;
/// How far the search may stray outside the box around both ends.
const MARGIN: f32 = 160.0;
/// Room kept between the grid's path and the boxes it passes, counted from boxes as filed
/// (2 units inside the drawn ones): a path through a gap of two dozen units between two
/// claims keeps 5 units from each.
const CLEARANCE: f32 = 7.0;
/// Room a line pulled tight keeps from the boxes it passes, counted as [`CLEARANCE`] is.
const TIGHT_CLEARANCE: f32 = 5.0;
/// Most cells one search may use: a larger area gets a grid twice as coarse.
const MAX_CELLS: f32 = 40_000.0;
/// The coarsest grid searched. An edge whose area would need a coarser one (a line over
/// some 2,400 units each way) is not searched: such a grid misses the gaps between claims,
/// and on a tangled map thousands of long edges would each cost a search.
const MAX_STEP: f32 = 2.0 * STEP;
/// Where the grid's lines lie, as a fraction of a step past multiples of the step: the grid
/// is fixed to the map, not to the edge, and its cell centres fall on no round number, so
/// the last bits of a box's edge (a moved drawing's against a fresh one's) cannot flip a cell.
const GRID_OFFSET: f32 = 0.37;
/// Cells set up per unit of the routing budget: setting up a cell costs far less than
/// checking a line against a box.
const CELLS_PER_CHECK: usize = 16;
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

/// What a search for waypoints found.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Search {
    /// Waypoints (between the ends, not including them), and what the search depended on.
    Found(Vec<Pos2>, Searched),
    /// No way through the free space; what the search depended on.
    NotFound(Searched),
    /// The routing budget ran out.
    GaveUp,
}

/// What a search looked at: every box in the area searched (but the ends') and the cells of
/// that area. Nothing else can change what it finds.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Searched {
    /// The nodes whose boxes lie in the area.
    pub boxes: Vec<NodeId>,
    /// The cells that cover the area, sorted.
    pub cells: Vec<Cell2>,
}

/// Searches for waypoints from `from`'s centre to `to`'s, keeping clear of every filed box
/// but those of `ends`.
pub(super) fn search(
    (from, to): (&NodeDrawing, &NodeDrawing),
    ends: (NodeId, NodeId),
    obstacles: &Obstacles,
) -> Search {
    let area = from.rect.union(to.rect).expand(MARGIN);
    let Some(step) = grid_step(area) else {
        // Too far apart to search: that depends on the ends alone.
        return Search::NotFound(Searched::default());
    };
    let Some(boxes) = obstacles.boxes_in(area) else {
        return Search::GaveUp;
    };
    let boxes: Vec<(NodeId, Rect)> = boxes
        .into_iter()
        .filter(|(id, _)| *id != ends.0 && *id != ends.1)
        .collect();
    let searched = Searched {
        boxes: boxes.iter().map(|(id, _)| *id).collect(),
        cells: cells_of_area(area),
    };
    let grid = Grid::new(area, step, &boxes);
    if !obstacles.spend_on_search(grid.free.len() / CELLS_PER_CHECK) {
        return Search::GaveUp;
    }
    let (start, goal) = (from.rect.center(), to.rect.center());
    let path = match grid.shortest_path(start, goal, obstacles) {
        Walk::Found(path) => path,
        Walk::NotFound => return Search::NotFound(searched),
        Walk::GaveUp => return Search::GaveUp,
    };
    let mut corners = grid.corners(&path);
    if let Some(first) = corners.first_mut() {
        *first = start;
    }
    if let Some(last) = corners.last_mut() {
        *last = goal;
    }
    let pulled = pull_tight(&corners, &boxes);
    match pulled.get(1..pulled.len().saturating_sub(1)) {
        Some(inner) if !inner.is_empty() => Search::Found(inner.to_vec(), searched),
        _ => Search::NotFound(searched),
    }
}

/// The step of the grid for a search over `area`: the finest that keeps to [`MAX_CELLS`],
/// or `None` when even [`MAX_STEP`] does not.
fn grid_step(area: Rect) -> Option<f32> {
    let mut step = STEP;
    while area.width() * area.height() / (step * step) > MAX_CELLS {
        step *= 2.0;
        if step > MAX_STEP {
            return None;
        }
    }
    Some(step)
}

/// The free cells of a grid laid over an area.
struct Grid {
    origin: Pos2,
    step: f32,
    columns: usize,
    rows: usize,
    free: Vec<bool>,
}

/// What walking the grid found.
enum Walk {
    Found(Vec<usize>),
    NotFound,
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
    /// [`CLEARANCE`] of one of `boxes`.
    fn new(area: Rect, step: f32, boxes: &[(NodeId, Rect)]) -> Grid {
        let snap = |v: f32| ((v / step).floor() + GRID_OFFSET) * step;
        let origin = Pos2::new(snap(area.min.x), snap(area.min.y));
        let columns = ((area.max.x - origin.x) / step).ceil().max(1.0) as usize;
        let rows = ((area.max.y - origin.y) / step).ceil().max(1.0) as usize;
        let mut grid = Grid {
            origin,
            step,
            columns,
            rows,
            free: vec![true; columns * rows],
        };
        for (_, rect) in boxes {
            let rect = rect.expand(CLEARANCE);
            let span = |low: f32, high: f32, origin: f32, count: usize| {
                let first = ((low - origin) / step - 0.5).ceil().max(0.0) as usize;
                let last = ((high - origin) / step - 0.5).floor();
                let last = if last < 0.0 {
                    None
                } else {
                    Some(last as usize)
                };
                (first, last.map(|l| l.min(count.saturating_sub(1))))
            };
            let (c0, c1) = span(rect.min.x, rect.max.x, grid.origin.x, columns);
            let (r0, r1) = span(rect.min.y, rect.max.y, grid.origin.y, rows);
            let (Some(c1), Some(r1)) = (c1, r1) else {
                continue;
            };
            for row in r0..=r1 {
                for column in c0..=c1 {
                    if let Some(cell) = grid.free.get_mut(row * columns + column) {
                        *cell = false;
                    }
                }
            }
        }
        grid
    }

    /// The cell whose area holds `p` (clamped to the grid).
    fn cell_at(&self, p: Pos2) -> usize {
        let column = ((p.x - self.origin.x) / self.step).floor().max(0.0) as usize;
        let row = ((p.y - self.origin.y) / self.step).floor().max(0.0) as usize;
        row.min(self.rows - 1) * self.columns + column.min(self.columns - 1)
    }

    fn centre(&self, cell: usize) -> Pos2 {
        let (column, row) = (cell % self.columns, cell / self.columns);
        self.origin + Vec2::new(column as f32 + 0.5, row as f32 + 0.5) * self.step
    }

    fn is_free(&self, column: i32, row: i32) -> bool {
        column >= 0
            && row >= 0
            && (column as usize) < self.columns
            && (row as usize) < self.rows
            && self
                .free
                .get(row as usize * self.columns + column as usize)
                .copied()
                .unwrap_or(false)
    }

    /// The estimated cost from `cell` to `goal`: diagonal steps, then straight ones.
    fn estimate(&self, cell: usize, goal: usize) -> u32 {
        let dx = (cell % self.columns).abs_diff(goal % self.columns) as u32;
        let dy = (cell / self.columns).abs_diff(goal / self.columns) as u32;
        DIAGONAL * dx.min(dy) + STRAIGHT * dx.abs_diff(dy)
    }

    /// A cheap walk over free cells from the cell of `start` to the cell of `goal` (the
    /// cells of both always count as free), as cells from start to goal: the cheapest when
    /// nothing is in the way, at most a little dearer otherwise (see [`GREED`]). Ties are broken
    /// by the estimate left, then by cell number, so the answer depends on the boxes alone.
    fn shortest_path(&self, start: Pos2, goal: Pos2, obstacles: &Obstacles) -> Walk {
        let (start, goal) = (self.cell_at(start), self.cell_at(goal));
        let mut visits = vec![Visit::default(); self.free.len()];
        if let Some(first) = visits.get_mut(start) {
            first.cost = 0;
        }
        let mut open = BinaryHeap::new();
        open.push(Reverse((GREED * self.estimate(start, goal), 0u32, start)));
        let mut expanded = 0usize;
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
                return Walk::Found(self.walk_back(goal, &visits));
            }
            if let Some(visit) = visits.get_mut(cell) {
                visit.done = true;
            }
            expanded += 1;
            if expanded > MAX_EXPANDED {
                return Walk::NotFound;
            }
            if expanded.is_multiple_of(SPEND_EVERY) && !obstacles.spend_on_search(SPEND_EVERY) {
                return Walk::GaveUp;
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
        Walk::NotFound
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
    fn corners(&self, path: &[usize]) -> Vec<Pos2> {
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
}

/// The points of `corners` a tight line needs: from each point, straight on to the farthest
/// later one it can see without coming near a box.
fn pull_tight(corners: &[Pos2], boxes: &[(NodeId, Rect)]) -> Vec<Pos2> {
    let clear = |a: Pos2, b: Pos2| {
        boxes
            .iter()
            .all(|(_, rect)| !segment_hits(a, b, rect.expand(TIGHT_CLEARANCE)))
    };
    let mut tight = Vec::with_capacity(corners.len());
    let mut at = 0;
    while let Some(&here) = corners.get(at) {
        tight.push(here);
        let mut next = at + 1;
        for (later, &there) in corners.iter().enumerate().skip(at + 2) {
            if clear(here, there) {
                next = later;
            }
        }
        at = next;
    }
    tight
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorId, ClaimId};

    fn node(x: f32, y: f32) -> NodeDrawing {
        super::super::nodes::test_node(x, y)
    }

    fn claim(n: u32) -> NodeId {
        NodeId::Claim(ClaimId(n))
    }

    /// A wall of boxes stacked between the ends, 4 units apart (too little to pass), with
    /// one gap in it below the middle, between y = 64 and 112.
    fn wall_with_a_gap() -> Vec<(NodeId, Rect)> {
        (0..9)
            .filter(|i| *i != 6)
            .map(|i| (claim(10 + i), node(300.0, -176.0 + 44.0 * i as f32).rect))
            .collect()
    }

    #[test]
    fn a_route_goes_through_the_gap_in_a_wall_and_keeps_clear_of_every_box() {
        let (a, b) = (node(0.0, 0.0), node(600.0, 0.0));
        let ends = (NodeId::Actor(ActorId(1)), claim(2));
        let wall = wall_with_a_gap();
        let obstacles = Obstacles::new(wall.iter().copied());
        let Search::Found(points, searched) = search((&a, &b), ends, &obstacles) else {
            panic!("no way found through the gap");
        };
        // The line passes the wall in the gap.
        let line: Vec<Pos2> = std::iter::once(a.rect.center())
            .chain(points.iter().copied())
            .chain(std::iter::once(b.rect.center()))
            .collect();
        assert!(!obstacles.blocks(&line, ends), "{line:?}");
        let crossing = line
            .windows(2)
            .find(|s| s[0].x <= 300.0 && s[1].x >= 300.0)
            .map(|s| s[0].y + (s[1].y - s[0].y) * (300.0 - s[0].x) / (s[1].x - s[0].x));
        assert!(
            crossing.is_some_and(|y| y > 64.0 && y < 112.0),
            "{crossing:?}"
        );
        // Few waypoints: into the gap and out of it.
        assert!(points.len() <= 4, "{points:?}");
        // It depended on every box of the wall.
        assert_eq!(searched.boxes.len(), wall.len());
        assert!(searched.cells.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_wall_without_a_gap_in_reach_has_no_way_through() {
        let (a, b) = (node(0.0, 0.0), node(600.0, 0.0));
        let ends = (NodeId::Actor(ActorId(1)), claim(2));
        let wall = Rect::from_center_size(Pos2::new(300.0, 0.0), Vec2::new(60.0, 2_000.0));
        let obstacles = Obstacles::new([(claim(3), wall)]);
        match search((&a, &b), ends, &obstacles) {
            Search::NotFound(searched) => assert_eq!(searched.boxes, [claim(3)]),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_same_boxes_give_the_same_route_whatever_order_they_are_filed_in() {
        let (a, b) = (node(0.0, 0.0), node(600.0, 0.0));
        let ends = (NodeId::Actor(ActorId(1)), claim(2));
        let mut wall = wall_with_a_gap();
        let first = search((&a, &b), ends, &Obstacles::new(wall.iter().copied()));
        wall.reverse();
        let second = search((&a, &b), ends, &Obstacles::new(wall.iter().copied()));
        assert_eq!(first, second);
    }
}
