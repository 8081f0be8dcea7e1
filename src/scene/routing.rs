//! Edges that keep clear of the boxes they do not join. An edge whose line would run through
//! another node's box is bent aside, by the smallest of a few growing detours (to either side)
//! that clears every box; an edge no detour clears keeps its plain line. The chosen bend is
//! part of the edge's look, so the canvas, a drag in progress and every export draw the same
//! route, and routes are worked out when the scene is built or updated, never while painting.

use super::edges::{Head, edge_shapes};
use super::nodes::NodeDrawing;
use super::shapes::{LineStyle, Shape, bezier_point};
use crate::model::NodeId;
use eframe::egui::{Pos2, Rect};
use std::cell::Cell;
use std::collections::HashMap;

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
const CELL: f32 = 160.0;

/// Box checks allowed per box filed, on top of [`BASE_BUDGET`]: routing costs at most a few
/// milliseconds per thousand nodes, even on maps whose nodes all stand in one spot (a map
/// never arranged), where every line meets every box.
const BUDGET_PER_BOX: u64 = 1_000;
/// Box checks allowed however few boxes there are.
const BASE_BUDGET: u64 = 1_000_000;

/// Node boxes to keep edges clear of, filed by area so a check looks only at boxes nearby.
/// Checks are counted: once the budget is spent, every line counts as blocked and every
/// place as taken, so routing falls back to plain lines instead of taking minutes.
#[derive(Debug)]
pub struct Obstacles {
    cells: HashMap<(i32, i32), Vec<(NodeId, Rect)>>,
    budget: Cell<u64>,
}

impl Default for Obstacles {
    fn default() -> Self {
        Obstacles {
            cells: HashMap::new(),
            budget: Cell::new(BASE_BUDGET),
        }
    }
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

    /// Whether the budget of checks is spent.
    pub fn is_spent(&self) -> bool {
        self.budget.get() == 0
    }

    /// Counts `checks` box checks against the budget; false once it is spent.
    fn spend(&self, checks: usize) -> bool {
        let left = self.budget.get();
        self.budget.set(left.saturating_sub(checks as u64));
        left > 0
    }

    /// Files one more box, belonging to `id`.
    pub fn add(&mut self, id: NodeId, rect: Rect) {
        self.budget
            .set(self.budget.get().saturating_add(BUDGET_PER_BOX));
        let rect = rect.shrink(GRAZE);
        if !rect.is_positive() || !rect.is_finite() {
            return;
        }
        let (c0, r0) = cell_of(rect.min);
        let (c1, r1) = cell_of(rect.max);
        for column in c0..=c1 {
            for row in r0..=r1 {
                self.cells
                    .entry((column, row))
                    .or_default()
                    .push((id, rect));
            }
        }
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

    /// Whether the polyline through `points` runs through a box other than those of `ends`.
    pub fn blocks(&self, points: &[Pos2], ends: (NodeId, NodeId)) -> bool {
        points.windows(2).any(|pair| {
            let &[a, b] = pair else {
                return false;
            };
            let (c0, r0) = cell_of(a.min(b));
            let (c1, r1) = cell_of(a.max(b));
            (c0..=c1).any(|column| {
                (r0..=r1).any(|row| {
                    self.cells.get(&(column, row)).is_some_and(|boxes| {
                        !self.spend(boxes.len())
                            || boxes.iter().any(|(id, rect)| {
                                *id != ends.0 && *id != ends.1 && segment_hits(a, b, *rect)
                            })
                    })
                })
            })
        })
    }
}

fn cell_of(p: Pos2) -> (i32, i32) {
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

/// The bend for an edge from `from` to `to` whose plain bend is `bend`: that one if its line
/// keeps clear of every box but its ends', else the smallest detour that does, else the plain
/// bend (nothing clears: better a short crossing than a wild loop).
pub fn clear_bend(
    (from, to): (&NodeDrawing, &NodeDrawing),
    ends: (NodeId, NodeId),
    bend: f32,
    stroke: LineStyle,
    head: Head,
    obstacles: &Obstacles,
) -> f32 {
    if obstacles.is_spent() {
        return bend;
    }
    let clear = |bend: f32| {
        let shapes = edge_shapes(from, to, bend, stroke, head);
        !obstacles.blocks(&edge_path(&shapes), ends)
    };
    if clear(bend) {
        return bend;
    }
    DETOURS
        .iter()
        .map(|detour| bend + detour)
        .find(|candidate| clear(*candidate))
        .unwrap_or(bend)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorId, ClaimId};
    use eframe::egui::Color32;

    fn node(x: f32, y: f32) -> NodeDrawing {
        super::super::nodes::test_node(x, y)
    }

    #[test]
    fn segments_through_a_box_hit_it_and_those_beside_it_do_not() {
        let rect = Rect::from_min_max(Pos2::new(0.0, 0.0), Pos2::new(10.0, 10.0));
        assert!(segment_hits(
            Pos2::new(-5.0, 5.0),
            Pos2::new(15.0, 5.0),
            rect
        ));
        assert!(segment_hits(
            Pos2::new(-5.0, -5.0),
            Pos2::new(15.0, 15.0),
            rect
        ));
        assert!(!segment_hits(
            Pos2::new(-5.0, 12.0),
            Pos2::new(15.0, 12.0),
            rect
        ));
        assert!(!segment_hits(
            Pos2::new(-5.0, 5.0),
            Pos2::new(-1.0, 5.0),
            rect
        ));
    }

    #[test]
    fn routing_gives_up_once_its_budget_is_spent() {
        // Every node in one spot: every line meets every box.
        let (a, b) = (node(0.0, 0.0), node(400.0, 0.0));
        let ends = (NodeId::Actor(ActorId(1)), NodeId::Claim(ClaimId(2)));
        let crowd: Vec<(NodeId, Rect)> = (0..2_000)
            .map(|i| (NodeId::Claim(ClaimId(10 + i)), node(200.0, 0.0).rect))
            .collect();
        let obstacles = Obstacles::new(crowd);
        let stroke = LineStyle::solid(2.0, Color32::BLUE);
        let mut bends = 0;
        while !obstacles.is_spent() {
            bends += 1;
            clear_bend((&a, &b), ends, 0.0, stroke, Head::Arrow, &obstacles);
            assert!(bends < 10_000, "the budget is never spent");
        }
        // Once spent, an edge keeps its plain bend at once.
        assert_eq!(
            clear_bend((&a, &b), ends, 5.0, stroke, Head::Arrow, &obstacles),
            5.0
        );
    }

    #[test]
    fn an_edge_bends_around_a_box_in_its_way_and_not_otherwise() {
        let (a, b, middle) = (node(0.0, 0.0), node(400.0, 0.0), node(200.0, 0.0));
        let ends = (NodeId::Actor(ActorId(1)), NodeId::Claim(ClaimId(2)));
        let stroke = LineStyle::solid(2.0, Color32::BLUE);
        let nothing = Obstacles::new([]);
        assert_eq!(
            clear_bend((&a, &b), ends, 0.0, stroke, Head::Arrow, &nothing),
            0.0
        );
        let obstacles = Obstacles::new([
            (ends.0, a.rect),
            (ends.1, b.rect),
            (NodeId::Claim(ClaimId(3)), middle.rect),
        ]);
        let bend = clear_bend((&a, &b), ends, 0.0, stroke, Head::Arrow, &obstacles);
        assert_ne!(bend, 0.0);
        let path = edge_path(&edge_shapes(&a, &b, bend, stroke, Head::Arrow));
        assert!(!obstacles.blocks(&path, ends));
        // The plain line did run through the middle box.
        let straight = edge_path(&edge_shapes(&a, &b, 0.0, stroke, Head::Arrow));
        assert!(obstacles.blocks(&straight, ends));
    }
}
