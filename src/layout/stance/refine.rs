//! Sifting on the real drawing: each node in turn is taken out of its order and put back at
//! the place (for a claim: anywhere in the reading order, in any claim column; for an actor:
//! in any column of its side) where the drawn band is best. "Best" is measured on the actual
//! straight edges at their actual positions, not on a layered approximation: crossings,
//! edges running through other nodes, camps broken up within a column, how big the band
//! stands on the screen it is meant for, and (to break ties) total edge length.
//!
//! Every try re-places the band and re-measures it, so sifting is kept to bands whose
//! measuring is cheap; [`refine`] stops when a round brings nothing or its budget is spent.

use super::super::geometry::{NodeBox, segments_meet};
use super::super::progress::{Cancelled, Progress};
use super::band::{Band, Column};
use super::order::Context;
use crate::model::Point;

/// Weight of an edge running through a node, against 1 for a crossing.
const HIT_WEIGHT: f64 = 1.0;
/// Weight of one map unit of the band's size on screen (the larger of its width and its
/// height times the aspect aimed at) beyond [`COMFORTABLE_SIZE`]: a crossing is worth ten
/// units' growth.
const SIZE_WEIGHT: f64 = 1.0 / 10.0;
/// A size on screen (map units, see [`Measure::size`]) that needs no shrinking: a band this
/// big still reads whole on a laptop's canvas, so only growth beyond it costs.
const COMFORTABLE_SIZE: f64 = 900.0;
/// Weight of each extra break in a column's camp groups.
const CAMP_WEIGHT: f64 = 0.4;
/// Weight of one map unit of edge length (only breaks ties).
const LENGTH_WEIGHT: f64 = 1e-5;
/// Largest amount of work (edge–edge and edge–node tests) sifting may do on one band.
pub const WORK_BUDGET: usize = 40_000_000;
/// Edges are tested against nodes shrunk by this much, so grazing a corner does not count.
const HIT_INSET: f32 = 3.0;

/// The measured quality of a drawn band (lower is better).
struct Measure<'a> {
    cx: &'a Context<'a>,
    edges: Vec<(usize, usize)>,
    nodes: Vec<usize>,
}

impl Measure<'_> {
    /// Work done by one measurement.
    fn work(&self) -> usize {
        let e = self.edges.len();
        e * e / 2 + e * self.nodes.len() + 1
    }

    fn cost(&self, band: &Band, positions: &[Point]) -> f64 {
        let at = |i: usize| positions.get(i).copied().unwrap_or_default();
        let mut crossings = 0usize;
        for (k, &(a, b)) in self.edges.iter().enumerate() {
            let (pa, pb) = (at(a), at(b));
            let (lo_x, hi_x) = (pa.x.min(pb.x), pa.x.max(pb.x));
            let (lo_y, hi_y) = (pa.y.min(pb.y), pa.y.max(pb.y));
            for &(c, d) in self.edges.iter().skip(k + 1) {
                if a == c || a == d || b == c || b == d {
                    continue;
                }
                let (pc, pd) = (at(c), at(d));
                if pc.x.max(pd.x) < lo_x
                    || pc.x.min(pd.x) > hi_x
                    || pc.y.max(pd.y) < lo_y
                    || pc.y.min(pd.y) > hi_y
                {
                    continue;
                }
                if segments_meet(pa, pb, pc, pd) {
                    crossings += 1;
                }
            }
        }
        let mut hits = 0usize;
        let mut length = 0.0f64;
        for &(a, b) in &self.edges {
            let (pa, pb) = (at(a), at(b));
            length += f64::from((pa.x - pb.x).hypot(pa.y - pb.y));
            for &n in &self.nodes {
                if n == a || n == b {
                    continue;
                }
                let Some(node) = self.cx.graph.nodes.get(n) else {
                    continue;
                };
                let bx = NodeBox::new(at(n), node.size);
                if bx.right() < pa.x.min(pb.x)
                    || bx.left() > pa.x.max(pb.x)
                    || bx.bottom() < pa.y.min(pb.y)
                    || bx.top() > pa.y.max(pb.y)
                {
                    continue;
                }
                if bx.hit_by_segment(pa, pb, HIT_INSET) {
                    hits += 1;
                }
            }
        }
        let breaks: usize = band.columns.iter().map(|c| self.extra_camp_breaks(c)).sum();
        crossings as f64
            + HIT_WEIGHT * hits as f64
            + CAMP_WEIGHT * breaks as f64
            + SIZE_WEIGHT * (self.size(positions) - COMFORTABLE_SIZE).max(0.0)
            + LENGTH_WEIGHT * length
    }

    /// The band's size on the screen it is meant for: its width or its height times the
    /// aspect, whichever is larger.
    fn size(&self, positions: &[Point]) -> f64 {
        let (mut left, mut right) = (f32::INFINITY, f32::NEG_INFINITY);
        let (mut top, mut bottom) = (f32::INFINITY, f32::NEG_INFINITY);
        for &n in &self.nodes {
            if let (Some(node), Some(p)) = (self.cx.graph.nodes.get(n), positions.get(n)) {
                let bx = NodeBox::new(*p, node.size);
                left = left.min(bx.left());
                right = right.max(bx.right());
                top = top.min(bx.top());
                bottom = bottom.max(bx.bottom());
            }
        }
        if left > right {
            return 0.0;
        }
        f64::from((right - left).max(self.cx.aspect * (bottom - top)))
    }

    /// Breaks between neighbours of different camps in a column, beyond the fewest its camps
    /// need. Actors without a camp count as a camp of their own each.
    fn extra_camp_breaks(&self, column: &Column) -> usize {
        let camp = |a: usize| self.cx.graph.nodes.get(a).and_then(|n| n.camp);
        let breaks = column
            .members
            .windows(2)
            .filter(|w| match w {
                [x, y] => camp(*x).is_none() || camp(*x) != camp(*y),
                _ => false,
            })
            .count();
        let mut camps: Vec<Option<usize>> = Vec::new();
        let mut loners = 0;
        for &a in &column.members {
            match camp(a) {
                None => loners += 1,
                c => {
                    if !camps.contains(&c) {
                        camps.push(c);
                    }
                }
            }
        }
        let groups: usize = camps.len() + loners;
        breaks.saturating_sub(groups.saturating_sub(1))
    }
}

/// Improves a band by sifting while it helps and the work budget lasts. `edges` are the
/// band's edges as node index pairs. Leaves the band's positions in `positions`; reports
/// progress within `stage` (as a share of the budget).
pub fn refine(
    cx: &Context,
    band: Band,
    edges: Vec<(usize, usize)>,
    positions: &mut [Point],
    progress: &Progress,
    stage: (f32, f32),
) -> Result<Band, Cancelled> {
    let measure = Measure {
        cx,
        edges,
        nodes: band.nodes().collect(),
    };
    let mut band = band;
    let mut place = |band: &Band, positions: &mut [Point]| {
        band.place(cx, 0.0, positions);
    };
    place(&band, positions);
    let mut cost = measure.cost(&band, positions);
    let mut work = 0usize;
    let per_round = round_tries(&band) * measure.work();
    while work + per_round <= WORK_BUDGET {
        let before = cost;
        let claims = band.claims.clone();
        for c in claims {
            progress.check()?;
            cost = sift_claim(&measure, &mut band, c, cost, positions, &mut place);
        }
        let actors: Vec<usize> = band
            .columns
            .iter()
            .flat_map(|c| c.members.iter().copied())
            .collect();
        for a in actors {
            progress.check()?;
            cost = sift_actor(&measure, &mut band, a, cost, positions, &mut place);
        }
        work += per_round;
        progress.set_stage(stage.0, stage.1, work as f32 / WORK_BUDGET as f32);
        if cost >= before - 1e-9 {
            break;
        }
    }
    place(&band, positions);
    Ok(band)
}

/// Moves one claim to the best place in the reading order and the best claim column;
/// returns the new cost.
fn sift_claim(
    measure: &Measure,
    band: &mut Band,
    claim: usize,
    cost: f64,
    positions: &mut [Point],
    place: &mut impl FnMut(&Band, &mut [Point]),
) -> f64 {
    let Some(from) = band.claims.iter().position(|&x| x == claim) else {
        return cost;
    };
    let column = band.column(claim);
    band.claims.remove(from);
    let mut best = (cost, from, column);
    for to in 0..=band.claims.len() {
        band.claims.insert(to, claim);
        for target in 0..band.claim_columns {
            if to == from && target == column {
                continue;
            }
            band.column_of.insert(claim, target);
            place(band, positions);
            let tried = measure.cost(band, positions);
            if tried < best.0 - 1e-9 {
                best = (tried, to, target);
            }
        }
        band.claims.remove(to);
    }
    band.claims.insert(best.1, claim);
    band.column_of.insert(claim, best.2);
    best.0
}

/// Moves one actor to the best place in any column of its side; returns the new cost.
fn sift_actor(
    measure: &Measure,
    band: &mut Band,
    actor: usize,
    cost: f64,
    positions: &mut [Point],
    place: &mut impl FnMut(&Band, &mut [Point]),
) -> f64 {
    let Some((col, from)) = band
        .columns
        .iter()
        .enumerate()
        .find_map(|(ci, c)| c.members.iter().position(|&x| x == actor).map(|p| (ci, p)))
    else {
        return cost;
    };
    let side = band.columns.get(col).map(|c| c.side);
    if let Some(column) = band.columns.get_mut(col) {
        column.members.remove(from);
    }
    let mut best = (cost, col, from);
    for target in 0..band.columns.len() {
        if band.columns.get(target).map(|c| c.side) != side {
            continue;
        }
        let len = band.columns.get(target).map_or(0, |c| c.members.len());
        for to in 0..=len {
            if target == col && to == from {
                continue;
            }
            if let Some(column) = band.columns.get_mut(target) {
                column.members.insert(to, actor);
            }
            place(band, positions);
            let tried = measure.cost(band, positions);
            if let Some(column) = band.columns.get_mut(target) {
                column.members.remove(to);
            }
            if tried < best.0 - 1e-9 {
                best = (tried, target, to);
            }
        }
    }
    if let Some(column) = band.columns.get_mut(best.1) {
        column.members.insert(best.2, actor);
    }
    best.0
}

/// How many arrangements one sifting round tries.
fn round_tries(band: &Band) -> usize {
    let claims = band.claims.len();
    let claim_slots = (claims + 1) * band.claim_columns.max(1);
    let actors: usize = band.columns.iter().map(|c| c.members.len()).sum();
    let per_side = |side| {
        band.columns
            .iter()
            .filter(|c| c.side == side)
            .map(|c| c.members.len() + 1)
            .sum::<usize>()
    };
    let slots =
        per_side(super::super::sides::Side::Left).max(per_side(super::super::sides::Side::Right));
    claims * claim_slots + actors * slots
}
