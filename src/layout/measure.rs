//! Quality measures of a layout: how many edges cross, which nodes overlap, and how many
//! edges run through nodes they do not join. Both the layouts' tests and the benchmark use
//! them, and so does the comparison with graphviz.
//!
//! Edges are measured as the straight segments between node centres. Two edges cross when
//! their segments cross, touch or overlap, unless they share a node (edges meeting at a node
//! are not a crossing). Both counts run on a uniform grid, so they stay fast on maps of
//! thousands of nodes.

use super::geometry::{NodeBox, segment_meeting};
use super::graph::{LayoutEdge, LayoutGraph};
use crate::model::Point;

/// Number of pairs of edges that cross at the given node positions (indexed like the graph's
/// nodes).
pub fn count_crossings(graph: &LayoutGraph, positions: &[Point]) -> usize {
    count_crossings_among(&graph.edges, positions)
}

/// Number of pairs among `edges` that cross at the given node positions.
pub fn count_crossings_among<'a>(
    edges: impl IntoIterator<Item = &'a LayoutEdge>,
    positions: &[Point],
) -> usize {
    let segments: Vec<Segment> = edges
        .into_iter()
        .filter_map(|e| {
            Some(Segment {
                a: *positions.get(e.from)?,
                b: *positions.get(e.to)?,
                ends: (e.from, e.to),
            })
        })
        .collect();
    count_segment_crossings(&segments)
}

/// A straight edge and the two nodes it joins.
#[derive(Debug, Clone, Copy)]
struct Segment {
    a: Point,
    b: Point,
    ends: (usize, usize),
}

impl Segment {
    fn shares_node(&self, other: &Segment) -> bool {
        let (p, q) = self.ends;
        let (r, s) = other.ends;
        p == r || p == s || q == r || q == s
    }
}

/// A uniform grid over the plane; a cell is named by its column and row.
#[derive(Debug, Clone, Copy)]
struct Grid {
    origin: Point,
    cell: f32,
    columns: i64,
}

impl Grid {
    /// A grid over `points` with roughly `target_cells` cells.
    fn over(points: impl Iterator<Item = Point> + Clone, target_cells: usize) -> Option<Grid> {
        let (mut min_x, mut min_y) = (f32::INFINITY, f32::INFINITY);
        let (mut max_x, mut max_y) = (f32::NEG_INFINITY, f32::NEG_INFINITY);
        for p in points.filter(|p| p.is_finite()) {
            min_x = min_x.min(p.x);
            min_y = min_y.min(p.y);
            max_x = max_x.max(p.x);
            max_y = max_y.max(p.y);
        }
        if min_x > max_x {
            return None;
        }
        let (w, h) = ((max_x - min_x).max(1.0), (max_y - min_y).max(1.0));
        let cell = (w * h / target_cells.max(1) as f32)
            .sqrt()
            .max(w.max(h) / 4096.0);
        Some(Grid {
            origin: Point::new(min_x - cell, min_y - cell),
            cell,
            columns: (w / cell) as i64 + 3,
        })
    }

    fn column(&self, x: f32) -> i64 {
        ((x - self.origin.x) / self.cell).floor() as i64
    }

    fn row(&self, y: f32) -> i64 {
        ((y - self.origin.y) / self.cell).floor() as i64
    }

    fn key(&self, column: i64, row: i64) -> i64 {
        row * self.columns + column
    }

    /// The cell a point falls in.
    fn cell_of(&self, p: Point) -> i64 {
        self.key(self.column(p.x), self.row(p.y))
    }

    /// Every cell a segment passes through, plus neighbours it only grazes, so any point of
    /// the segment lies in one of the cells listed.
    fn cells_of_segment(&self, a: Point, b: Point, out: &mut Vec<i64>) {
        let (left, right) = if a.x <= b.x { (a, b) } else { (b, a) };
        let first = self.column(left.x);
        let last = self.column(right.x);
        let slack = self.cell * 1e-3;
        for column in first..=last {
            // The part of the segment within this column's x range.
            let x0 = (self.origin.x + column as f32 * self.cell).max(left.x);
            let x1 = (self.origin.x + (column + 1) as f32 * self.cell).min(right.x);
            let y_at = |x: f32| {
                if right.x > left.x {
                    left.y + (right.y - left.y) * ((x - left.x) / (right.x - left.x))
                } else {
                    left.y
                }
            };
            let (ya, yb) = if right.x > left.x {
                (y_at(x0), y_at(x1))
            } else {
                (left.y.min(right.y), left.y.max(right.y))
            };
            let top = self.row(ya.min(yb) - slack);
            let bottom = self.row(ya.max(yb) + slack);
            for c in [column - 1, column, column + 1] {
                // Neighbouring columns only matter where the segment runs along their border.
                let near_border = c == column
                    || (c < column && x0 - (self.origin.x + column as f32 * self.cell) <= slack)
                    || (c > column
                        && (self.origin.x + (column + 1) as f32 * self.cell) - x1 <= slack);
                if near_border {
                    for row in top..=bottom {
                        out.push(self.key(c, row));
                    }
                }
            }
        }
    }
}

/// Counts crossing pairs exactly, however long it takes.
fn count_segment_crossings(segments: &[Segment]) -> usize {
    match count_segment_crossings_within(segments, usize::MAX) {
        Crossings::Exact(n) | Crossings::About(n) => n,
    }
}

/// Counts crossing pairs: each segment is listed under every grid cell it passes, and a
/// crossing pair is counted only in the cell holding the point where the two meet, so each
/// pair counts once without a set of pairs seen. When the grid would list more than `budget`
/// cells, or pair more than `budget` segments, the count is estimated from a sample instead.
fn count_segment_crossings_within(segments: &[Segment], budget: usize) -> Crossings {
    let Some(grid) = Grid::over(segments.iter().flat_map(|s| [s.a, s.b]), segments.len()) else {
        return Crossings::Exact(0);
    };
    // Long edges pass many cells: estimate the listing's size before making it.
    let listed: f64 = segments
        .iter()
        .map(|s| f64::from(((s.b.x - s.a.x).abs() + (s.b.y - s.a.y).abs()) / grid.cell) + 2.0)
        .sum();
    if listed > budget as f64 {
        return sampled_crossings(segments, budget);
    }
    let mut entries: Vec<(i64, u32)> = Vec::new();
    let mut cells = Vec::new();
    for (i, s) in segments.iter().enumerate() {
        cells.clear();
        grid.cells_of_segment(s.a, s.b, &mut cells);
        cells.sort_unstable();
        cells.dedup();
        entries.extend(cells.iter().map(|&c| (c, i as u32)));
    }
    entries.sort_unstable();
    let pairs: usize = entries
        .chunk_by(|x, y| x.0 == y.0)
        .map(|run| run.len() * run.len().saturating_sub(1) / 2)
        .fold(0, usize::saturating_add);
    if pairs > budget {
        return sampled_crossings(segments, budget);
    }
    let mut count = 0;
    for run in entries.chunk_by(|x, y| x.0 == y.0) {
        let cell = run.first().map_or(0, |e| e.0);
        for (k, &(_, i)) in run.iter().enumerate() {
            for &(_, j) in run.iter().skip(k + 1) {
                let (Some(s), Some(t)) = (segments.get(i as usize), segments.get(j as usize))
                else {
                    continue;
                };
                if s.shares_node(t) {
                    continue;
                }
                if let Some(meet) = segment_meeting(s.a, s.b, t.a, t.b)
                    && grid.cell_of(meet) == cell
                {
                    count += 1;
                }
            }
        }
    }
    Crossings::Exact(count)
}

/// Estimates the crossings from `samples` pairs of segments drawn at random (the same ones
/// every time): the share of sampled pairs that cross, times the number of pairs.
fn sampled_crossings(segments: &[Segment], samples: usize) -> Crossings {
    let n = segments.len();
    if n < 2 {
        return Crossings::Exact(0);
    }
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |below: usize| {
        // xorshift64*: plenty for picking pairs.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as usize % below
    };
    let mut crossing = 0usize;
    for _ in 0..samples {
        let i = next(n);
        let j = (i + 1 + next(n - 1)) % n;
        let (Some(s), Some(t)) = (segments.get(i), segments.get(j)) else {
            continue;
        };
        if !s.shares_node(t) && segment_meeting(s.a, s.b, t.a, t.b).is_some() {
            crossing += 1;
        }
    }
    let pairs = n as f64 * (n as f64 - 1.0) / 2.0;
    Crossings::About((crossing as f64 / samples as f64 * pairs).round() as usize)
}

/// How many pairs of edges cross: counted, or estimated when counting each one would take
/// longer than laying the map out (a tangled map of thousands of edges has millions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Crossings {
    /// Every crossing counted.
    Exact(usize),
    /// Estimated from a sample of edge pairs (within a few percent).
    About(usize),
}

impl std::fmt::Display for Crossings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Crossings::Exact(n) => write!(f, "{n}"),
            Crossings::About(n) => write!(f, "about {n}"),
        }
    }
}

/// Most grid cells listed or segment pairs compared when counting crossings for a report: a
/// few tenths of a second, less than any layout of a map that has that many.
pub const CROSSING_BUDGET: usize = 4_000_000;

/// Crossings at the given positions, counted exactly unless that would cost more than
/// [`CROSSING_BUDGET`] steps; then estimated from that many sampled pairs.
pub fn count_crossings_bounded(graph: &LayoutGraph, positions: &[Point]) -> Crossings {
    let segments: Vec<Segment> = graph
        .edges
        .iter()
        .filter_map(|e| {
            Some(Segment {
                a: *positions.get(e.from)?,
                b: *positions.get(e.to)?,
                ends: (e.from, e.to),
            })
        })
        .collect();
    count_segment_crossings_within(&segments, CROSSING_BUDGET)
}

/// Every pair of node indices whose boxes come closer than `gap` (0: share area), sorted.
pub fn overlapping_pairs(boxes: &[NodeBox], gap: f32) -> Vec<(usize, usize)> {
    let Some(grid) = box_grid(boxes, gap) else {
        return Vec::new();
    };
    let mut entries: Vec<(i64, u32)> = Vec::new();
    for (i, b) in boxes.iter().enumerate() {
        let (c0, r0, c1, r1) = grid_span(&grid, b, gap);
        for row in r0..=r1 {
            for column in c0..=c1 {
                entries.push((grid.key(column, row), i as u32));
            }
        }
    }
    entries.sort_unstable();
    let mut pairs = Vec::new();
    for run in entries.chunk_by(|x, y| x.0 == y.0) {
        let cell = run.first().map_or(0, |e| e.0);
        for (k, &(_, i)) in run.iter().enumerate() {
            for &(_, j) in run.iter().skip(k + 1) {
                let (Some(a), Some(b)) = (boxes.get(i as usize), boxes.get(j as usize)) else {
                    continue;
                };
                if !a.too_close(b, gap) {
                    continue;
                }
                // Count the pair only in the cell of the corner where their grown boxes
                // start to overlap: both boxes are listed there.
                let corner = Point::new(
                    (a.left() - gap / 2.0).max(b.left() - gap / 2.0),
                    (a.top() - gap / 2.0).max(b.top() - gap / 2.0),
                );
                if grid.cell_of(corner) == cell {
                    let (i, j) = (i as usize, j as usize);
                    pairs.push((i.min(j), i.max(j)));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs
}

/// Whether any two boxes come closer than `gap`.
pub fn has_overlaps(boxes: &[NodeBox], gap: f32) -> bool {
    !overlapping_pairs(boxes, gap).is_empty()
}

fn box_grid(boxes: &[NodeBox], gap: f32) -> Option<Grid> {
    let corners = boxes.iter().flat_map(|b| {
        [
            Point::new(b.left() - gap, b.top() - gap),
            Point::new(b.right() + gap, b.bottom() + gap),
        ]
    });
    let grid = Grid::over(corners, boxes.len())?;
    // Cells at least as big as a typical box keep each box in a few cells.
    let typical = boxes
        .iter()
        .map(|b| b.size.w.max(b.size.h) + gap)
        .fold(0.0_f32, f32::max);
    let cell = grid.cell.max(typical.min(grid.cell * 64.0));
    let columns = ((grid.columns as f32 * grid.cell) / cell) as i64 + 3;
    Some(Grid {
        cell,
        columns,
        ..grid
    })
}

fn grid_span(grid: &Grid, b: &NodeBox, gap: f32) -> (i64, i64, i64, i64) {
    let half = gap / 2.0;
    (
        grid.column(b.left() - half),
        grid.row(b.top() - half),
        grid.column(b.right() + half),
        grid.row(b.bottom() + half),
    )
}

/// How many times an edge runs through the box of a node it does not join (boxes shrunk by
/// a couple of units, so edges that only graze a corner do not count).
pub fn count_edge_node_hits(graph: &LayoutGraph, positions: &[Point]) -> usize {
    let boxes = graph.boxes(positions);
    let Some(grid) = box_grid(&boxes, 0.0) else {
        return 0;
    };
    let mut by_cell: Vec<(i64, u32)> = Vec::new();
    for (i, b) in boxes.iter().enumerate() {
        let (c0, r0, c1, r1) = grid_span(&grid, b, 0.0);
        for row in r0..=r1 {
            for column in c0..=c1 {
                by_cell.push((grid.key(column, row), i as u32));
            }
        }
    }
    by_cell.sort_unstable();
    let mut hits = 0;
    let mut cells = Vec::new();
    let mut seen: Vec<u32> = Vec::new();
    for edge in &graph.edges {
        let (Some(&a), Some(&b)) = (positions.get(edge.from), positions.get(edge.to)) else {
            continue;
        };
        cells.clear();
        grid.cells_of_segment(a, b, &mut cells);
        cells.sort_unstable();
        cells.dedup();
        seen.clear();
        for &cell in &cells {
            let start = by_cell.partition_point(|e| e.0 < cell);
            for &(_, node) in by_cell.iter().skip(start).take_while(|e| e.0 == cell) {
                let n = node as usize;
                if n != edge.from && n != edge.to && !seen.contains(&node) {
                    seen.push(node);
                    if boxes.get(n).is_some_and(|bx| bx.hit_by_segment(a, b, 2.0)) {
                        hits += 1;
                    }
                }
            }
        }
    }
    hits
}

/// How many drawn lines (each with the two nodes it joins) run through the box of a node
/// they do not join, boxes shrunk by a couple of units as in [`count_edge_node_hits`]; a line
/// through several boxes counts once. Checks every line against every box: meant for
/// measuring drawings of a few hundred nodes, such as graphviz's routed edges.
pub fn count_lines_through_boxes<'a>(
    boxes: &[NodeBox],
    lines: impl IntoIterator<Item = ((usize, usize), &'a [Point])>,
) -> usize {
    lines
        .into_iter()
        .filter(|((from, to), line)| {
            boxes.iter().enumerate().any(|(n, bx)| {
                n != *from
                    && n != *to
                    && line.windows(2).any(|pair| match pair {
                        [a, b] => bx.hit_by_segment(*a, *b, 2.0),
                        _ => false,
                    })
            })
        })
        .count()
}

#[cfg(test)]
#[path = "measure_tests.rs"]
mod tests;
