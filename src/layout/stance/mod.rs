//! The stance layout: claims in the middle, actors in columns on either side, by camp, so
//! that each row reads from one side's position on a claim to the other's.
//!
//! 1. Camps are split into a left and a right side ([`super::sides`]): camps that agree share
//!    a side, camps that disagree face each other.
//! 2. Each connected part of the map becomes a band: `[left actor columns] [claim columns]
//!    [right actor columns]`. How many claim columns stand side by side, and how many actor
//!    columns each side gets, is chosen so the band comes close to the shape of the screen
//!    it is meant for ([`shape`]). Claims mostly discussed by the left side go to the left
//!    claim columns, those of the right side to the right ones.
//! 3. Its claims are ordered so related claims sit together and its actors so that few edges
//!    cross: first orders from a bandwidth-reducing ordering, then layer sweeps ([`order`]),
//!    then, for bands small enough, sifting on the real drawing ([`refine`]), which also
//!    moves claims between columns and may open an extra actor column where that saves
//!    crossings without making the band too big for the screen.
//! 4. The bands, largest first, and a block of the nodes with no edges are packed close
//!    together ([`pack`]): small groups stand beside a tall band or side by side below it,
//!    so the whole comes close to the shape aimed at and no empty band across it is taller
//!    than a row. Each group keeps its x where it can, so groups below each other keep
//!    their claim columns lined up.
//! 5. Pinned nodes stay where they are: the whole arrangement is shifted to sit as close to
//!    them as it can, and the other nodes make way where they would overlap them. Nodes
//!    outside the scope stay put too; the arranged nodes are centred where they were.

mod band;
#[cfg(test)]
mod compaction_tests;
mod fold;
mod loose;
mod order;
mod pack;
mod place;
mod refine;
mod shape;

use super::compactness::row_height;
use super::graph::{LayoutEdge, LayoutGraph, components};
use super::overlap::remove_overlaps;
use super::progress::{Cancelled, Progress};
use super::sides::{Side, assign_sides};
use crate::model::Point;
use band::{Band, Frame};
use order::Context;
use pack::{Gaps, pack};
use shape::{BandColumns, choose_shape};

pub(crate) use band::{CLAIM_GAP, INNER_GAP};

/// Space between groups (connected parts, and the block of nodes with no edges) side by side,
/// and the most between one group and another below it.
const BAND_GAP: f32 = 90.0;
/// Space between a group and another below it, as a share of a row ([`row_height`]): less
/// than a row, so that no empty band across the drawing is taller than a row.
const DOWN_GAP_ROWS: f32 = 0.8;
/// Least space kept between any two boxes when making way for fixed nodes.
pub const STANCE_GAP: f32 = 16.0;
/// Layer sweeps per band.
const SWEEPS: usize = 24;
/// The shape a stance layout aims for unless told otherwise, width over height: the canvas of
/// a 1280×800 window with its side panels open (about 680 × 620 pixels).
pub const DEFAULT_ASPECT: f32 = 1.1;

/// Settings for the stance layout.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StanceOptions {
    /// The shape the drawing aims for, width over height; the app passes its canvas's.
    pub aspect: f32,
}

impl Default for StanceOptions {
    fn default() -> Self {
        StanceOptions {
            aspect: DEFAULT_ASPECT,
        }
    }
}

/// Positions for every node of `graph` (indexed like its nodes) in the stance layout. Nodes
/// that may not move keep their positions.
pub fn stance_layout(
    graph: &LayoutGraph,
    options: &StanceOptions,
    progress: &Progress,
) -> Result<Vec<Point>, Cancelled> {
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
    let aspect = if options.aspect.is_finite() && options.aspect > 0.0 {
        options.aspect
    } else {
        DEFAULT_ASPECT
    };
    let leans = fold::leans(graph, &adjacency, &sides);
    let cx = Context {
        graph,
        adjacency: &adjacency,
        frame: &frame,
        sides: &sides,
        aspect,
        leans: &leans,
    };
    let (parts, loose) = connected_parts(&adjacency, &members);
    let total: usize = members.len().max(1);
    let mut done = 0usize;
    let mut groups: Vec<Vec<usize>> = Vec::with_capacity(parts.len() + 1);
    for part in &parts {
        progress.check()?;
        let stage = (
            0.9 * done as f32 / total as f32,
            0.9 * (done + part.len()) as f32 / total as f32,
        );
        let band = arrange(&cx, part, &mut positions, progress, stage)?;
        groups.push(band.nodes().collect());
        done += part.len();
        progress.set_stage(0.0, 0.9, done as f32 / total as f32);
    }
    if !loose.is_empty() {
        loose::place_loose(&cx, &loose, 0.0, &mut positions);
        groups.push(loose);
    }
    let gaps = Gaps {
        across: BAND_GAP,
        down: (DOWN_GAP_ROWS * row_height(graph)).min(BAND_GAP),
    };
    pack_groups(graph, &groups, gaps, aspect, &mut positions);
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
    let shape = band_shape(cx, part);
    // The reading order is found first as if all claims stood in one column, where sweeps
    // and sifting do well; then it is folded into the band's claim columns and sifted again.
    let single = BandColumns {
        claim_columns: 1,
        ..shape
    };
    let band = order::initial_band(cx, part, single);
    let pairs: Vec<(usize, usize)> = edges.iter().map(|e| (e.from, e.to)).collect();
    let work = pairs.len() * pairs.len() / 2 + pairs.len() * part.len();
    let tries = part.len() * part.len() * shape.claim_columns;
    let refining = work.saturating_mul(tries) <= refine::WORK_BUDGET;
    let steps = if refining { 3.0 } else { 1.0 };
    let at = |step: f32| stage.0 + (stage.1 - stage.0) * step / steps;
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
        (at(0.0), at(1.0)),
    )?;
    let folding = shape.claim_columns > 1;
    let mut band = if refining && folding {
        refine::refine(
            cx,
            band,
            pairs.clone(),
            positions,
            progress,
            (at(1.0), at(2.0)),
        )?
    } else {
        band
    };
    if folding {
        band.claim_columns = shape.claim_columns;
        fold::fold(cx, &mut band);
    }
    if refining {
        // Only now, at the band's real width, may sifting open an extra actor column.
        band.add_spare_columns();
        band = refine::refine(cx, band, pairs, positions, progress, (at(2.0), at(3.0)))?;
    }
    band.compact();
    band.place(cx, 0.0, positions);
    Ok(band)
}

/// The shape of the band for some nodes.
fn band_shape(cx: &Context, nodes: &[usize]) -> BandColumns {
    let of_kind = |keep: &dyn Fn(usize) -> bool| -> Vec<usize> {
        nodes.iter().copied().filter(|&i| keep(i)).collect()
    };
    let claims = of_kind(&|i| cx.is_claim(i));
    let left = of_kind(&|i| cx.sides.get(i).copied().flatten() == Some(Side::Left));
    let right = of_kind(&|i| cx.sides.get(i).copied().flatten() == Some(Side::Right));
    choose_shape(cx, &claims, &left, &right, cx.aspect)
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
    let (mut parts, singles): (Vec<Vec<usize>>, Vec<Vec<usize>>) =
        components(adjacency, members.iter().copied())
            .into_iter()
            .partition(|part| {
                part.len() > 1
                    || part
                        .first()
                        .is_some_and(|&n| adjacency.get(n).is_some_and(|list| !list.is_empty()))
            });
    parts.sort_by(|a, b| b.len().cmp(&a.len()).then(a.first().cmp(&b.first())));
    (parts, singles.into_iter().flatten().collect())
}

/// The rectangle around some nodes' boxes: left, top, right, bottom; `None` for no nodes.
fn box_bounds(
    graph: &LayoutGraph,
    nodes: &[usize],
    positions: &[Point],
) -> Option<(f32, f32, f32, f32)> {
    let mut bounds: Option<(f32, f32, f32, f32)> = None;
    for &i in nodes {
        if let (Some(node), Some(p)) = (graph.nodes.get(i), positions.get(i)) {
            let (w, h) = (node.size.w / 2.0, node.size.h / 2.0);
            let b = (p.x - w, p.y - h, p.x + w, p.y + h);
            bounds = Some(bounds.map_or(b, |a| {
                (a.0.min(b.0), a.1.min(b.1), a.2.max(b.2), a.3.max(b.3))
            }));
        }
    }
    bounds
}

/// Moves each group (its nodes already placed) to where packing them close together puts
/// it, `gaps` apart, aiming at a drawing `aspect` times as wide as it is tall, from y = 0 down.
fn pack_groups(
    graph: &LayoutGraph,
    groups: &[Vec<usize>],
    gaps: Gaps,
    aspect: f32,
    positions: &mut [Point],
) {
    let bounds: Vec<(f32, f32, f32, f32)> = groups
        .iter()
        .map(|g| box_bounds(graph, g, positions).unwrap_or_default())
        .collect();
    let sizes: Vec<(f32, f32)> = bounds.iter().map(|b| (b.2 - b.0, b.3 - b.1)).collect();
    // Every band is built with its claims around x = 0: a group keeps its x where it can, so
    // groups stacked below each other keep their columns lined up. The top is at y = 0.
    let left = bounds.iter().map(|b| b.0).fold(f32::INFINITY, f32::min);
    let left = if left.is_finite() { left } else { 0.0 };
    let preferred: Vec<f32> = bounds.iter().map(|b| b.0 - left).collect();
    let packing = pack(&sizes, &preferred, gaps, aspect);
    for ((group, b), corner) in groups.iter().zip(&bounds).zip(&packing.corners) {
        let dx = left + corner.0 - b.0;
        let dy = corner.1 - b.1;
        shift(positions, group.iter().copied(), dx, dy);
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
