//! The first orders of a band, and layer sweeps that improve them.
//!
//! Claims start in reverse Cuthill–McKee order of the graph that joins claims related to each
//! other or sharing an actor, which keeps related claims close. Sweeps then alternate: each
//! actor column is sorted by the average height of the actors' claims, and the claims by the
//! average (or, every other sweep, the median) height of their actors and related claims;
//! with several claim columns the new order is folded into them again ([`super::fold`]).
//! The band with the fewest crossings seen is kept.

use super::super::graph::{EdgeKind, LayoutEdge, LayoutGraph, NodeKind};
use super::super::measure::count_crossings_among;
use super::super::progress::{Cancelled, Progress};
use super::super::sides::Side;
use super::band::{Band, Column, Frame, mean, median};
use super::fold::fold;
use super::shape::BandColumns;
use crate::model::Point;
use std::collections::{BTreeMap, VecDeque};

/// Actors with more claims than this do not tie their claims together for the first order
/// (it would cost the square of their degree and says little).
const MAX_LINKING_DEGREE: usize = 40;
/// Bands with at most this many edges are judged by their exact crossings between sweeps;
/// bigger ones by [`side_inversions`], which is much cheaper on long edges.
const EXACT_COUNT_EDGES: usize = 400;
/// Relations pull claims together this much more than a shared actor.
const RELATION_PULL: usize = 2;

/// What ordering a band needs to know about the map.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The graph.
    pub graph: &'a LayoutGraph,
    /// Neighbours of each node, by index.
    pub adjacency: &'a [Vec<usize>],
    /// Column positions.
    pub frame: &'a Frame,
    /// The side of each actor.
    pub sides: &'a [Option<Side>],
    /// The shape the drawing aims for, width over height.
    pub aspect: f32,
    /// The lean of each claim, by node (see [`super::fold::leans`]).
    pub leans: &'a [f32],
}

impl Context<'_> {
    /// The average height of node `i`'s neighbours at `positions` (for an actor: of its
    /// claims), if it has any.
    pub fn mean_neighbour_y(&self, i: usize, positions: &[Point]) -> Option<f32> {
        let ys = self
            .adjacency
            .get(i)
            .into_iter()
            .flatten()
            .filter_map(|&c| positions.get(c).map(|p| p.y));
        mean(ys)
    }

    /// Whether a node is a claim.
    pub fn is_claim(&self, i: usize) -> bool {
        self.graph
            .nodes
            .get(i)
            .is_some_and(|n| n.kind == NodeKind::Claim)
    }

    fn degree(&self, i: usize) -> usize {
        self.adjacency.get(i).map_or(0, Vec::len)
    }

    /// The height of a node's box.
    pub fn height(&self, i: usize) -> f32 {
        self.graph.nodes.get(i).map_or(0.0, |n| n.size.h)
    }
}

/// The first band for a connected set of nodes, with the column counts of `shape`.
pub fn initial_band(cx: &Context, nodes: &[usize], shape: BandColumns) -> Band {
    let claims: Vec<usize> = nodes.iter().copied().filter(|&i| cx.is_claim(i)).collect();
    let claim_order = cuthill_mckee(cx, &claims);
    let rank: BTreeMap<usize, usize> = claim_order
        .iter()
        .enumerate()
        .map(|(r, &c)| (c, r))
        .collect();
    let mut columns = Vec::new();
    for (side, count) in [
        (Side::Left, shape.left_columns),
        (Side::Right, shape.right_columns),
    ] {
        let mut actors: Vec<usize> = nodes
            .iter()
            .copied()
            .filter(|&i| cx.sides.get(i).copied().flatten() == Some(side))
            .collect();
        if actors.is_empty() {
            continue;
        }
        actors.sort_by_key(|&a| (cx.degree(a), a));
        for (depth, members) in split_by_degree(cx, &actors, count.max(1))
            .into_iter()
            .enumerate()
        {
            let mut members = members;
            let key = |a: &usize| {
                let ranks = cx
                    .adjacency
                    .get(*a)
                    .into_iter()
                    .flatten()
                    .filter_map(|c| rank.get(c).map(|&r| r as f32));
                mean(ranks).unwrap_or(0.0)
            };
            members.sort_by(|a, b| key(a).total_cmp(&key(b)).then(a.cmp(b)));
            columns.push(Column {
                side,
                depth,
                members,
            });
        }
    }
    let mut band = Band {
        claims: claim_order,
        claim_columns: shape.claim_columns.max(1),
        column_of: BTreeMap::new(),
        columns,
    };
    fold(cx, &mut band);
    band
}

/// Splits actors sorted by degree into `count` columns, the least connected nearest the
/// claims: their few edges stay short and out of the way of the busier actors' fans.
fn split_by_degree(cx: &Context, sorted: &[usize], count: usize) -> Vec<Vec<usize>> {
    if count <= 1 {
        return vec![sorted.to_vec()];
    }
    if count == 2 {
        let few = sorted.iter().filter(|&&a| cx.degree(a) <= 2).count();
        let cut = if few == 0 || few == sorted.len() {
            sorted.len() / 2
        } else {
            few
        };
        let (inner, outer) = sorted.split_at(cut);
        return vec![inner.to_vec(), outer.to_vec()];
    }
    let per = sorted.len().div_ceil(count);
    sorted.chunks(per.max(1)).map(<[usize]>::to_vec).collect()
}

/// Reverse Cuthill–McKee order of the claims: breadth first from a peripheral claim, visiting
/// neighbours with fewer links first, then reversed. Related claims end up close together.
fn cuthill_mckee(cx: &Context, claims: &[usize]) -> Vec<usize> {
    let local: BTreeMap<usize, usize> = claims.iter().enumerate().map(|(l, &c)| (c, l)).collect();
    let mut links: Vec<BTreeMap<usize, usize>> = vec![BTreeMap::new(); claims.len()];
    let mut link = |a: usize, b: usize, weight: usize| {
        if a != b {
            for (x, y) in [(a, b), (b, a)] {
                if let Some(map) = links.get_mut(x) {
                    *map.entry(y).or_insert(0) += weight;
                }
            }
        }
    };
    for edge in &cx.graph.edges {
        if matches!(edge.kind, EdgeKind::Relation { .. })
            && let (Some(&a), Some(&b)) = (local.get(&edge.from), local.get(&edge.to))
        {
            link(a, b, RELATION_PULL);
        }
    }
    let mut actor_claims: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for edge in &cx.graph.edges {
        if let (EdgeKind::Stance { .. }, Some(&c)) = (edge.kind, local.get(&edge.to)) {
            actor_claims.entry(edge.from).or_default().push(c);
        }
    }
    for list in actor_claims.values_mut() {
        list.sort_unstable();
        list.dedup();
        if list.len() <= MAX_LINKING_DEGREE {
            for (i, &a) in list.iter().enumerate() {
                for &b in list.iter().skip(i + 1) {
                    link(a, b, 1);
                }
            }
        }
    }
    let degree = |l: usize| links.get(l).map_or(0, BTreeMap::len);
    let mut visited = vec![false; claims.len()];
    let mut order: Vec<usize> = Vec::with_capacity(claims.len());
    while let Some(seed) = (0..claims.len())
        .filter(|&l| !visited.get(l).copied().unwrap_or(true))
        .min_by_key(|&l| (degree(l), l))
    {
        // Two breadth-first passes find a claim at the far end of this part of the graph.
        let far = last_reached(&links, seed, &visited);
        let start = last_reached(&links, far, &visited);
        let mut queue = VecDeque::from([start]);
        if let Some(v) = visited.get_mut(start) {
            *v = true;
        }
        let mut part = Vec::new();
        while let Some(l) = queue.pop_front() {
            part.push(l);
            let mut next: Vec<usize> = links
                .get(l)
                .into_iter()
                .flat_map(|m| m.keys().copied())
                .filter(|&n| !visited.get(n).copied().unwrap_or(true))
                .collect();
            next.sort_by_key(|&n| (degree(n), n));
            for n in next {
                if let Some(v) = visited.get_mut(n) {
                    *v = true;
                }
                queue.push_back(n);
            }
        }
        part.reverse();
        order.extend(part);
    }
    order
        .into_iter()
        .filter_map(|l| claims.get(l).copied())
        .collect()
}

/// The last node a breadth-first search from `start` reaches (ignoring `done` nodes).
fn last_reached(links: &[BTreeMap<usize, usize>], start: usize, done: &[bool]) -> usize {
    let mut seen = vec![false; links.len()];
    let mut queue = VecDeque::from([start]);
    if let Some(s) = seen.get_mut(start) {
        *s = true;
    }
    let mut last = start;
    while let Some(l) = queue.pop_front() {
        last = l;
        for &n in links.get(l).into_iter().flat_map(|m| m.keys()) {
            let fresh =
                !seen.get(n).copied().unwrap_or(true) && !done.get(n).copied().unwrap_or(true);
            if fresh {
                if let Some(s) = seen.get_mut(n) {
                    *s = true;
                }
                queue.push_back(n);
            }
        }
    }
    last
}

/// Improves a band's orders by alternating sweeps (each followed by adjacent swaps of claims
/// when `transpose` is set); returns the band with the fewest crossings seen. `edges` are the
/// graph edges inside the band; progress is reported within `stage`.
#[allow(clippy::too_many_arguments)]
pub fn sweep(
    cx: &Context,
    band: Band,
    edges: &[LayoutEdge],
    sweeps: usize,
    transpose: bool,
    positions: &mut [Point],
    progress: &Progress,
    stage: (f32, f32),
) -> Result<Band, Cancelled> {
    let mut band = band;
    band.place(cx, 0.0, positions);
    let measure = |positions: &[Point]| {
        if edges.len() <= EXACT_COUNT_EDGES {
            count_crossings_among(edges, positions)
        } else {
            side_inversions(edges, positions)
        }
    };
    let mut best_crossings = measure(positions);
    let mut best = band.clone();
    for round in 0..sweeps {
        progress.check()?;
        progress.set_stage(stage.0, stage.1, round as f32 / sweeps as f32);
        if best_crossings == 0 {
            break;
        }
        sort_columns(cx, &mut band, positions);
        band.place(cx, 0.0, positions);
        sort_claims(cx, &mut band, positions, round % 2 == 1);
        if transpose {
            transpose_claims(cx, &mut band, positions);
        }
        fold(cx, &mut band);
        band.place(cx, 0.0, positions);
        let crossings = measure(positions);
        if crossings < best_crossings {
            best_crossings = crossings;
            best = band.clone();
        }
    }
    best.place(cx, 0.0, positions);
    Ok(best)
}

/// Sorts each actor column by the average height of the actors' claims.
fn sort_columns(cx: &Context, band: &mut Band, positions: &[Point]) {
    for column in &mut band.columns {
        let mut keyed: Vec<(f32, usize, usize)> = column
            .members
            .iter()
            .enumerate()
            .map(|(rank, &a)| {
                let fallback = positions.get(a).map_or(0.0, |p| p.y);
                (
                    cx.mean_neighbour_y(a, positions).unwrap_or(fallback),
                    rank,
                    a,
                )
            })
            .collect();
        keyed.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
        column.members = keyed.into_iter().map(|(_, _, a)| a).collect();
    }
}

/// Most passes of adjacent swaps after each sweep.
const TRANSPOSE_PASSES: usize = 6;

/// The "transpose" step of layered layout: swaps neighbouring claims while that uncrosses
/// more stance edges than it crosses, judging each side as if its actors stood in one column
/// at their current heights. A swap only changes crossings between the two claims' own edges,
/// so each is judged by merging their actors' sorted heights.
fn transpose_claims(cx: &Context, band: &mut Band, positions: &[Point]) {
    // For each claim, its actors' heights on the left and on the right, sorted.
    let heights: BTreeMap<usize, [Vec<f32>; 2]> = band
        .claims
        .iter()
        .map(|&c| {
            let mut sides = [Vec::new(), Vec::new()];
            for &a in cx.adjacency.get(c).into_iter().flatten() {
                if let Some(side) = cx.sides.get(a).copied().flatten()
                    && let (Some(p), Some(slot)) = (
                        positions.get(a),
                        sides.get_mut(usize::from(side == Side::Right)),
                    )
                {
                    slot.push(p.y);
                }
            }
            for list in &mut sides {
                list.sort_by(f32::total_cmp);
            }
            (c, sides)
        })
        .collect();
    let empty = [Vec::new(), Vec::new()];
    let column = &mut band.claims;
    for _ in 0..TRANSPOSE_PASSES {
        let mut improved = false;
        for i in 0..column.len().saturating_sub(1) {
            let (Some(&upper), Some(&lower)) = (column.get(i), column.get(i + 1)) else {
                continue;
            };
            let (u, l) = (
                heights.get(&upper).unwrap_or(&empty),
                heights.get(&lower).unwrap_or(&empty),
            );
            let now: usize = (0..2).map(|s| pairs_above(side(u, s), side(l, s))).sum();
            let swapped: usize = (0..2).map(|s| pairs_above(side(l, s), side(u, s))).sum();
            if swapped < now {
                column.swap(i, i + 1);
                improved = true;
            }
        }
        if !improved {
            break;
        }
    }
}

/// One side's list of a claim's actor heights.
fn side(lists: &[Vec<f32>; 2], s: usize) -> &[f32] {
    lists.get(s).map_or(&[], Vec::as_slice)
}

/// With claim A just above claim B: how many of A's edges start below one of B's (each such
/// pair crosses). Both lists hold actor heights, sorted.
fn pairs_above(a: &[f32], b: &[f32]) -> usize {
    let mut count = 0;
    let mut below = 0;
    // For each of A's heights, count B's heights strictly above it.
    for &ya in a {
        while b.get(below).is_some_and(|&yb| yb < ya) {
            below += 1;
        }
        count += below;
    }
    count
}

/// Sorts the claims by the average (or median) height of their neighbours: actors, and
/// related claims counted twice.
fn sort_claims(cx: &Context, band: &mut Band, positions: &[Point], use_median: bool) {
    let mut ys = Vec::new();
    let mut keyed: Vec<(f32, usize, usize)> = band
        .claims
        .iter()
        .enumerate()
        .map(|(rank, &c)| {
            ys.clear();
            for &n in cx.adjacency.get(c).into_iter().flatten() {
                if let Some(p) = positions.get(n) {
                    let times = if cx.is_claim(n) { RELATION_PULL } else { 1 };
                    ys.extend(std::iter::repeat_n(p.y, times));
                }
            }
            let own = positions.get(c).map_or(0.0, |p| p.y);
            let key = if use_median {
                median(&mut ys)
            } else {
                mean(ys.iter().copied())
            };
            (key.unwrap_or(own), rank, c)
        })
        .collect();
    keyed.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
    band.claims = keyed.into_iter().map(|(_, _, c)| c).collect();
}

/// Crossings among stance edges as if each side's actors stood in one column: pairs of edges
/// on one side whose actors and claims come in opposite orders. Counted in O(E log E) by
/// sorting on the actors and counting inversions of the claims with a Fenwick tree.
fn side_inversions(edges: &[LayoutEdge], positions: &[Point]) -> usize {
    let mut total = 0;
    for left in [true, false] {
        let mut pairs: Vec<(f32, f32)> = edges
            .iter()
            .filter(|e| matches!(e.kind, EdgeKind::Stance { .. }))
            .filter_map(|e| Some((*positions.get(e.from)?, *positions.get(e.to)?)))
            .filter(|(a, c)| (a.x < c.x) == left)
            .map(|(a, c)| (a.y, c.y))
            .collect();
        pairs.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        let mut claims: Vec<f32> = pairs.iter().map(|p| p.1).collect();
        claims.sort_by(f32::total_cmp);
        claims.dedup();
        let rank = |y: f32| claims.partition_point(|c| *c < y);
        let mut tree = vec![0usize; claims.len() + 1];
        let mut inserted = 0usize;
        // Actors at the same height share their edges' start: insert them as a group.
        for group in pairs.chunk_by(|a, b| a.0 == b.0) {
            for &(_, claim) in group {
                // Earlier edges (higher actors) ending strictly lower cross this one.
                let mut at_most = 0;
                let mut i = rank(claim) + 1;
                while i > 0 {
                    at_most += tree.get(i).copied().unwrap_or(0);
                    i -= i & i.wrapping_neg();
                }
                total += inserted - at_most;
            }
            for &(_, claim) in group {
                let mut i = rank(claim) + 1;
                while i < tree.len() {
                    if let Some(slot) = tree.get_mut(i) {
                        *slot += 1;
                    }
                    i += i & i.wrapping_neg();
                }
                inserted += 1;
            }
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn side_inversions_count_crossing_pairs_per_side() {
        let stance = EdgeKind::Stance { score: 1 };
        let edge = |from, to| LayoutEdge {
            from,
            to,
            kind: stance,
        };
        // Left actors 0 (top) and 1 (bottom) to claims 2 (top) and 3 (bottom): 0→3 and
        // 1→2 cross; 0→2 and 1→2 share a claim. A right actor 4 crosses nothing on the left.
        let positions = [
            Point::new(-300.0, 0.0),
            Point::new(-300.0, 100.0),
            Point::new(0.0, 0.0),
            Point::new(0.0, 100.0),
            Point::new(300.0, 50.0),
        ];
        let edges = [edge(0, 3), edge(1, 2), edge(0, 2), edge(4, 2), edge(4, 3)];
        assert_eq!(side_inversions(&edges, &positions), 1);
        assert_eq!(count_crossings_among(&edges, &positions), 1);
    }
}
