//! Waypoints for edges that no single arc takes around the boxes in their way: a short path
//! over a fine grid of the free space around both ends (weighted A*: turns cost extra so the
//! path runs straight along channels, and the way left counts double so the search heads
//! for the goal), then pulled tight so the line goes straight from one gap to the next and
//! bends only where it must.

use super::cell_marks::CellMarks;
use super::nodes::NodeDrawing;
use super::route_grid::{Grid, Walk};
use super::routing::{CELL, Cell2, Obstacles, VERSION_CELL, segment_hits};
use crate::model::NodeId;
use eframe::egui::{Pos2, Rect, Vec2};
use std::sync::Arc;

/// Grid step, in map units: small enough that a gap of two dozen units between two boxes
/// still has free cells in it.
const STEP: f32 = 6.0;
/// How far the search may stray outside the box around both ends.
const MARGIN: f32 = 160.0;
/// Room a line pulled tight keeps from the boxes it passes, counted as the grid's clearance is (from boxes as filed).
const TIGHT_CLEARANCE: f32 = 5.0;
/// Most cells one search may use: a larger area gets a grid twice as coarse.
const MAX_CELLS: f32 = 40_000.0;
/// The coarsest grid searched. An edge whose area would need a coarser one (a line over
/// some 2,400 units each way) is not searched: such a grid misses the gaps between claims,
/// and on a tangled map thousands of long edges would each cost a search.
const MAX_STEP: f32 = 2.0 * STEP;
/// Cells set up per unit of the routing budget: setting up a cell costs far less than
/// checking a line against a box.
const CELLS_PER_CHECK: usize = 16;
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

/// What a search's answer depends on: the boxes that blocked a grid cell it looked at or a
/// line it tried, and the cells (of the routing index) where a box filed could block a grid
/// cell it looked at or a line it found clear. While those boxes stay and no box comes into
/// those cells, the search finds the same; a box anywhere else cannot change what it finds.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Searched {
    /// The nodes whose boxes blocked something the search looked at, sorted.
    pub boxes: Vec<NodeId>,
    /// The cells where a box could block something the search looked at, sorted.
    pub cells: Vec<Cell2>,
}

/// A search kept with its answer, to answer again without searching while nothing it depends
/// on has changed: its ends' boxes, and the boxes filed in the cells it watches (those of the
/// boxes it found in its way, and those where a box could come into it), which the
/// obstacles' version of those cells tells.
#[derive(Debug, PartialEq)]
pub(super) struct SearchMemo {
    ends: (Rect, Rect),
    watched: Vec<Cell2>,
    version: u64,
    answer: Search,
}

impl SearchMemo {
    /// What the search found.
    pub(super) fn answer(&self) -> &Search {
        &self.answer
    }
}

/// The answer of [`search`], from `memo` when that search was for the same ends and nothing
/// it watches has changed since, else searched afresh and kept; `None` when the budget ran
/// out.
pub(super) fn search_again(
    (from, to): (&NodeDrawing, &NodeDrawing),
    ends: (NodeId, NodeId),
    obstacles: &Obstacles,
    memo: Option<&Arc<SearchMemo>>,
) -> Option<Arc<SearchMemo>> {
    if let Some(memo) = memo
        && memo.ends == (from.rect, to.rect)
        && obstacles.version_of(&memo.watched) == memo.version
    {
        return Some(memo.clone());
    }
    let (answer, watched) = search((from, to), ends, obstacles);
    if answer == Search::GaveUp {
        return None;
    }
    Some(Arc::new(SearchMemo {
        ends: (from.rect, to.rect),
        version: obstacles.version_of(&watched),
        watched,
        answer,
    }))
}

/// Searches for waypoints from `from`'s centre to `to`'s, keeping clear of every filed box
/// but those of `ends`. Also gives the cells whose boxes the answer depends on, sorted.
pub(super) fn search(
    (from, to): (&NodeDrawing, &NodeDrawing),
    ends: (NodeId, NodeId),
    obstacles: &Obstacles,
) -> (Search, Vec<Cell2>) {
    let area = from.rect.union(to.rect).expand(MARGIN);
    let Some(step) = grid_step(area) else {
        // Too far apart to search: that depends on the ends alone.
        return (Search::NotFound(Searched::default()), Vec::new());
    };
    let Some(boxes) = obstacles.boxes_in(area) else {
        return (Search::GaveUp, Vec::new());
    };
    let boxes: Vec<(NodeId, Rect)> = boxes
        .into_iter()
        .filter(|(id, _)| *id != ends.0 && *id != ends.1)
        .collect();
    let grid = Grid::new(area, step, &boxes);
    if !obstacles.spend_on_search(grid.len() / CELLS_PER_CHECK) {
        return (Search::GaveUp, Vec::new());
    }
    let (start, goal) = (from.rect.center(), to.rect.center());
    let (walk, expanded) = grid.walk(start, goal, obstacles);
    // What the search looks at lies within the area, give or take the reach of a box.
    let room = area.expand(2.0 * MARGIN);
    let mut marks = (
        CellMarks::over(room, CELL),
        CellMarks::over(room, VERSION_CELL),
    );
    let boxes_seen = grid.looked_at(&expanded, &boxes, (&mut marks.0, &mut marks.1));
    let mut searched = Searched {
        boxes: boxes_seen,
        cells: Vec::new(),
    };
    let path = match walk {
        Walk::Found(path) => path,
        Walk::NotFound => {
            let (searched, watched) = finish(searched, &boxes, marks);
            return (Search::NotFound(searched), watched);
        }
        Walk::GaveUp => return (Search::GaveUp, Vec::new()),
    };
    let mut corners = grid.corners(&path);
    if let Some(first) = corners.first_mut() {
        *first = start;
    }
    if let Some(last) = corners.last_mut() {
        *last = goal;
    }
    let pulled = pull_tight(&corners, &boxes, (&mut searched, &mut marks));
    let (searched, watched) = finish(searched, &boxes, marks);
    let answer = match pulled.get(1..pulled.len().saturating_sub(1)) {
        Some(inner) if !inner.is_empty() => Search::Found(inner.to_vec(), searched),
        _ => Search::NotFound(searched),
    };
    (answer, watched)
}

/// What a search depends on, sorted, and the version cells whose boxes its answer depends
/// on: those marked, where a box could come into its way, and those of the boxes it found in
/// its way (`boxes` sorted by node).
fn finish(
    mut searched: Searched,
    boxes: &[(NodeId, Rect)],
    (cells, mut versions): (CellMarks, CellMarks),
) -> (Searched, Vec<Cell2>) {
    searched.boxes.sort_unstable();
    searched.boxes.dedup();
    for id in &searched.boxes {
        if let Ok(at) = boxes.binary_search_by_key(id, |(node, _)| *node)
            && let Some((_, rect)) = boxes.get(at)
        {
            versions.mark(*rect);
        }
    }
    searched.cells = cells.into_sorted();
    (searched, versions.into_sorted())
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

/// The points of `corners` a tight line needs: from each point, straight on to the last of
/// the later ones it can see, one after the other, without coming near a box (`boxes` sorted by node). Notes in
/// `searched` what each line tried depends on: the first box in its way, or, when it is
/// clear, the cells where a box could come into its way.
fn pull_tight(
    corners: &[Pos2],
    boxes: &[(NodeId, Rect)],
    (searched, marks): (&mut Searched, &mut (CellMarks, CellMarks)),
) -> Vec<Pos2> {
    let mut clear = |a: Pos2, b: Pos2| {
        let blocker = boxes
            .iter()
            .find(|(_, rect)| segment_hits(a, b, rect.expand(TIGHT_CLEARANCE)));
        match blocker {
            Some((id, _)) => searched.boxes.push(*id),
            None => mark_near_segment(a, b, TIGHT_CLEARANCE + 1.0, marks),
        }
        blocker.is_none()
    };
    let mut tight = Vec::with_capacity(corners.len());
    let mut at = 0;
    while let Some(&here) = corners.get(at) {
        tight.push(here);
        let mut next = at + 1;
        for (later, &there) in corners.iter().enumerate().skip(at + 2) {
            if !clear(here, there) {
                break;
            }
            next = later;
        }
        at = next;
    }
    tight
}

/// Marks the cells of the routing index, and the version cells, where a box filed could come
/// within `reach` of the segment from `a` to `b`: those around points of the segment a few
/// units apart.
fn mark_near_segment(a: Pos2, b: Pos2, reach: f32, (cells, versions): &mut (CellMarks, CellMarks)) {
    const SPACING: f32 = 10.0;
    let pieces = ((b - a).length() / SPACING).ceil().max(1.0) as usize;
    // Every point of the segment lies within half a spacing of one of these.
    let around = Vec2::splat(reach + SPACING / 2.0);
    for i in 0..=pieces {
        let p = a + (b - a) * (i as f32 / pieces as f32);
        let near = Rect::from_min_max(p - around, p + around);
        cells.mark(near);
        versions.mark(near);
    }
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
        let (Search::Found(points, searched), watched) = search((&a, &b), ends, &obstacles) else {
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
        // It depended on boxes of the wall it looked at (one beside the gap among them), and
        // on where a box could come into its way; and it watches those places for changes.
        let beside_gap = [claim(15), claim(17)];
        assert!(
            beside_gap.iter().any(|b| searched.boxes.contains(b)),
            "{searched:?}"
        );
        assert!(
            searched
                .boxes
                .iter()
                .all(|b| wall.iter().any(|(w, _)| w == b))
        );
        assert!(searched.cells.windows(2).all(|w| w[0] < w[1]));
        assert!(!watched.is_empty() && watched.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_wall_without_a_gap_in_reach_has_no_way_through() {
        let (a, b) = (node(0.0, 0.0), node(600.0, 0.0));
        let ends = (NodeId::Actor(ActorId(1)), claim(2));
        let wall = Rect::from_center_size(Pos2::new(300.0, 0.0), Vec2::new(60.0, 2_000.0));
        let obstacles = Obstacles::new([(claim(3), wall)]);
        match search((&a, &b), ends, &obstacles).0 {
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
