//! The stance layout: claims in a column in the middle, actors in columns on either side, by
//! camp, so that each row reads from one side's position on a claim to the other's.
//!
//! 1. Camps are split into a left and a right side ([`super::sides`]): camps that agree share
//!    a side, camps that disagree face each other.
//! 2. Each connected part of the map becomes a band. Its claims are ordered so related claims
//!    sit together and its actors' columns so that few edges cross: first orders from a
//!    bandwidth-reducing ordering, then layer sweeps ([`order`]), then, for bands small
//!    enough, sifting on the real drawing ([`refine`]).
//! 3. Bands are stacked top to bottom, largest first; nodes with no edges go last.
//! 4. Pinned nodes stay where they are: the whole arrangement is shifted to sit as close to
//!    them as it can, and the other nodes make way where they would overlap them. Nodes
//!    outside the scope stay put too; the arranged nodes are centred where they were.

mod band;
mod order;
mod refine;

use super::graph::{LayoutEdge, LayoutGraph, NodeKind};
use super::overlap::remove_overlaps;
use super::progress::{Cancelled, Progress};
use super::sides::{Side, assign_sides};
use crate::model::Point;
use band::{Band, Column, Frame};
use order::Context;

pub(crate) use band::INNER_GAP;

/// Space between stacked bands.
const BAND_GAP: f32 = 90.0;
/// Least space kept between any two boxes when making way for fixed nodes.
pub const STANCE_GAP: f32 = 16.0;
/// Layer sweeps per band.
const SWEEPS: usize = 24;

/// Positions for every node of `graph` (indexed like its nodes) in the stance layout. Nodes
/// that may not move keep their positions.
pub fn stance_layout(graph: &LayoutGraph, progress: &Progress) -> Result<Vec<Point>, Cancelled> {
    let mut positions = graph.positions();
    let members: Vec<usize> = (0..graph.len())
        .filter(|&i| graph.nodes.get(i).is_some_and(|n| n.in_scope))
        .collect();
    if members.is_empty() {
        return Ok(positions);
    }
    let sides = assign_sides(graph, &members);
    let frame = Frame::for_nodes(graph, &members);
    let adjacency = inner_adjacency(graph, &members);
    let cx = Context {
        graph,
        adjacency: &adjacency,
        frame: &frame,
        sides: &sides,
    };
    let (parts, loose) = connected_parts(&adjacency, &members);
    let total: usize = members.len().max(1);
    let mut done = 0usize;
    let mut top = 0.0_f32;
    for part in &parts {
        progress.check()?;
        let stage = (
            0.9 * done as f32 / total as f32,
            0.9 * (done + part.len()) as f32 / total as f32,
        );
        let band = arrange(&cx, part, &mut positions, progress, stage)?;
        let bounds = vertical_bounds(graph, band.nodes(), &positions);
        shift(&mut positions, band.nodes(), 0.0, top - bounds.0);
        top += bounds.1 - bounds.0 + BAND_GAP;
        done += part.len();
        progress.set_stage(0.0, 0.9, done as f32 / total as f32);
    }
    place_loose(&cx, &loose, top, &mut positions);
    align_and_fix(graph, &members, &mut positions);
    round_movable(graph, &mut positions);
    remove_overlaps(graph, &mut positions, STANCE_GAP, progress)?;
    round_movable(graph, &mut positions);
    progress.set_fraction(1.0);
    Ok(positions)
}

/// Orders one connected part and writes its positions (with its top near y = 0), reporting
/// progress within `stage` of the whole.
fn arrange(
    cx: &Context,
    part: &[usize],
    positions: &mut [Point],
    progress: &Progress,
    stage: (f32, f32),
) -> Result<Band, Cancelled> {
    let in_part = membership(cx.graph.len(), part);
    let edges: Vec<LayoutEdge> = cx
        .graph
        .edges
        .iter()
        .filter(|e| in_part.get(e.from).copied().unwrap_or(false))
        .filter(|e| in_part.get(e.to).copied().unwrap_or(false))
        .copied()
        .collect();
    let band = order::initial_band(cx, part);
    let pairs: Vec<(usize, usize)> = edges.iter().map(|e| (e.from, e.to)).collect();
    let work = pairs.len() * pairs.len() / 2 + pairs.len() * part.len();
    let tries = part.len() * part.len();
    let refining = work.saturating_mul(tries) <= refine::WORK_BUDGET;
    let middle = if refining {
        (stage.0 + stage.1) / 2.0
    } else {
        stage.1
    };
    let band = order::sweep(
        cx,
        band,
        &edges,
        SWEEPS,
        // Sifting does better from the plain sweeps' orders; bands too big to sift get the
        // cheaper adjacent swaps instead.
        !refining,
        positions,
        progress,
        (stage.0, middle),
    )?;
    if refining {
        refine::refine(cx, band, pairs, positions, progress, (middle, stage.1))
    } else {
        Ok(band)
    }
}

/// Neighbour lists restricted to edges between members.
fn inner_adjacency(graph: &LayoutGraph, members: &[usize]) -> Vec<Vec<usize>> {
    let inside = membership(graph.len(), members);
    let mut adjacency = vec![Vec::new(); graph.len()];
    for edge in &graph.edges {
        let both = inside.get(edge.from).copied().unwrap_or(false)
            && inside.get(edge.to).copied().unwrap_or(false);
        if both && edge.from != edge.to {
            if let Some(list) = adjacency.get_mut(edge.from) {
                list.push(edge.to);
            }
            if let Some(list) = adjacency.get_mut(edge.to) {
                list.push(edge.from);
            }
        }
    }
    adjacency
}

fn membership(len: usize, members: &[usize]) -> Vec<bool> {
    let mut inside = vec![false; len];
    for &m in members {
        if let Some(slot) = inside.get_mut(m) {
            *slot = true;
        }
    }
    inside
}

/// The connected parts with at least one edge, largest first (ties: lowest node first), and
/// the nodes with no edge at all.
fn connected_parts(adjacency: &[Vec<usize>], members: &[usize]) -> (Vec<Vec<usize>>, Vec<usize>) {
    let mut seen = vec![false; adjacency.len()];
    let mut parts = Vec::new();
    let mut loose = Vec::new();
    for &start in members {
        if seen.get(start).copied().unwrap_or(true) {
            continue;
        }
        if adjacency.get(start).is_none_or(Vec::is_empty) {
            loose.push(start);
            continue;
        }
        let mut part = vec![start];
        if let Some(s) = seen.get_mut(start) {
            *s = true;
        }
        let mut next = 0;
        while let Some(&node) = part.get(next) {
            next += 1;
            for &n in adjacency.get(node).into_iter().flatten() {
                if let Some(s) = seen.get_mut(n)
                    && !*s
                {
                    *s = true;
                    part.push(n);
                }
            }
        }
        part.sort_unstable();
        parts.push(part);
    }
    parts.sort_by(|a, b| b.len().cmp(&a.len()).then(a.first().cmp(&b.first())));
    (parts, loose)
}

/// The top and bottom of some nodes' boxes.
fn vertical_bounds(
    graph: &LayoutGraph,
    nodes: impl Iterator<Item = usize>,
    positions: &[Point],
) -> (f32, f32) {
    let mut bounds = (f32::INFINITY, f32::NEG_INFINITY);
    for i in nodes {
        if let (Some(node), Some(p)) = (graph.nodes.get(i), positions.get(i)) {
            bounds.0 = bounds.0.min(p.y - node.size.h / 2.0);
            bounds.1 = bounds.1.max(p.y + node.size.h / 2.0);
        }
    }
    if bounds.0 > bounds.1 {
        (0.0, 0.0)
    } else {
        bounds
    }
}

fn shift(positions: &mut [Point], nodes: impl Iterator<Item = usize>, dx: f32, dy: f32) {
    for i in nodes {
        if let Some(p) = positions.get_mut(i) {
            p.x += dx;
            p.y += dy;
        }
    }
}

/// Nodes with no edges: claims stacked in the claim column, actors in the inner column of
/// their side, from `top` down.
fn place_loose(cx: &Context, loose: &[usize], top: f32, positions: &mut [Point]) {
    let claims: Vec<usize> = loose
        .iter()
        .copied()
        .filter(|&i| {
            cx.graph
                .nodes
                .get(i)
                .is_some_and(|n| n.kind == NodeKind::Claim)
        })
        .collect();
    let mut columns = Vec::new();
    for side in [Side::Left, Side::Right] {
        let members: Vec<usize> = loose
            .iter()
            .copied()
            .filter(|&i| cx.sides.get(i).copied().flatten() == Some(side))
            .collect();
        if !members.is_empty() {
            columns.push(Column {
                side,
                depth: 0,
                members,
            });
        }
    }
    let band = Band { claims, columns };
    // No edges: actors fall back to the band's top; stack them instead.
    band.place(cx.graph, cx.adjacency, cx.frame, top, positions);
    for column in &band.columns {
        let mut y = top;
        for &a in &column.members {
            let h = cx.graph.nodes.get(a).map_or(0.0, |n| n.size.h);
            if let Some(p) = positions.get_mut(a) {
                p.y = y + h / 2.0;
            }
            y += h + band::ACTOR_GAP;
        }
    }
}

/// Moves the arrangement to where it belongs and puts fixed nodes back. With pinned members
/// it shifts to sit as close to the pins as it can; when only part of the map is arranged,
/// it is centred where that part was; otherwise it stays where it was built.
fn align_and_fix(graph: &LayoutGraph, members: &[usize], positions: &mut [Point]) {
    let pinned: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&i| graph.nodes.get(i).is_some_and(|n| n.pinned))
        .collect();
    let partial = graph.nodes.iter().any(|n| !n.in_scope);
    let anchors: &[usize] = if !pinned.is_empty() {
        &pinned
    } else if partial {
        members
    } else {
        &[]
    };
    let mut offset = (0.0_f64, 0.0_f64);
    for &i in anchors {
        if let (Some(node), Some(p)) = (graph.nodes.get(i), positions.get(i)) {
            offset.0 += f64::from(node.at.x - p.x);
            offset.1 += f64::from(node.at.y - p.y);
        }
    }
    if !anchors.is_empty() {
        let n = anchors.len() as f64;
        shift(
            positions,
            members.iter().copied(),
            (offset.0 / n) as f32,
            (offset.1 / n) as f32,
        );
    }
    for (p, node) in positions.iter_mut().zip(&graph.nodes) {
        if !node.movable() {
            *p = node.at;
        }
    }
}

/// Rounds movable nodes to whole map units, so saved files stay tidy.
fn round_movable(graph: &LayoutGraph, positions: &mut [Point]) {
    for (p, node) in positions.iter_mut().zip(&graph.nodes) {
        if node.movable() {
            *p = Point::new(p.x.round(), p.y.round());
        }
    }
}
