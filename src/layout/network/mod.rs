//! The network layout: a force-directed drawing for big or tangled maps, where the structure
//! of who is linked to what matters more than sides.
//!
//! Each connected part is drawn on its own: Pivot MDS gives its overall shape, a spring–
//! electrical simulation with Barnes–Hut repulsion settles it, and the parts are packed in
//! rows. Parts holding fixed nodes (pinned, or outside the scope) are drawn around them
//! instead: they start from an MDS drawing shifted onto the pins (or, for a selection, from
//! where the nodes are) and fixed nodes do not move in the simulation. Overlap removal comes
//! last, so no two boxes overlap.

mod barnes_hut;
mod forces;
mod pack;
mod pivot_mds;

use super::graph::LayoutGraph;
use super::overlap::remove_overlaps;
use super::progress::{Cancelled, Progress};
use crate::model::Point;
use forces::{Springs, relax};
use std::collections::BTreeMap;

/// Least space kept between any two boxes.
pub const NETWORK_GAP: f32 = 24.0;
/// Space between packed parts.
const PART_GAP: f32 = 80.0;
/// Simulation steps for small parts; big parts get fewer, as MDS already shaped them.
const MAX_ITERATIONS: usize = 400;
const MIN_ITERATIONS: usize = 120;

/// Positions for every node of `graph` (indexed like its nodes) in the network layout.
/// Nodes that may not move keep their positions.
pub fn network_layout(graph: &LayoutGraph, progress: &Progress) -> Result<Vec<Point>, Cancelled> {
    let mut positions = graph.positions();
    let movable: Vec<bool> = graph.nodes.iter().map(|n| n.movable()).collect();
    if !movable.iter().any(|&m| m) {
        return Ok(positions);
    }
    let neighbours = weighted_neighbours(graph);
    let unit = natural_length(graph);
    let partial = graph.nodes.iter().any(|n| !n.in_scope);
    let parts = connected_parts(&neighbours);
    let total: usize = parts.iter().map(Vec::len).sum::<usize>().max(1);
    let mut done = 0usize;
    let mut free_parts: Vec<Vec<usize>> = Vec::new();
    for part in parts {
        let stage = (
            0.85 * done as f32 / total as f32,
            0.85 * (done + part.len()) as f32 / total as f32,
        );
        done += part.len();
        if !part
            .iter()
            .any(|&i| movable.get(i).copied().unwrap_or(false))
        {
            continue;
        }
        let anchored = part
            .iter()
            .any(|&i| !movable.get(i).copied().unwrap_or(true));
        let local = LocalGraph::of(&part, &neighbours);
        let mut local_positions = if anchored && partial {
            spread_from_current(&part, graph, unit)
        } else {
            pivot_mds::pivot_mds(&local.simple, unit)
        };
        if anchored {
            let fixed: Vec<usize> = (0..part.len())
                .filter(|&l| {
                    !part
                        .get(l)
                        .is_some_and(|&i| movable.get(i).copied().unwrap_or(false))
                })
                .collect();
            if !partial {
                shift_onto(&mut local_positions, &fixed, &part, graph);
            }
            for &l in &fixed {
                if let (Some(p), Some(node)) = (
                    local_positions.get_mut(l),
                    part.get(l).and_then(|&i| graph.nodes.get(i)),
                ) {
                    *p = node.at;
                }
            }
        }
        let local_movable: Vec<bool> = part
            .iter()
            .map(|&i| movable.get(i).copied().unwrap_or(false))
            .collect();
        let springs = Springs {
            neighbours: &local.weighted,
            movable: &local_movable,
            unit: unit / EDGE_PER_K,
        };
        let iterations = iterations_for(part.len());
        relax(&springs, &mut local_positions, iterations, progress, stage)?;
        for (&i, p) in part.iter().zip(local_positions) {
            if let Some(slot) = positions.get_mut(i) {
                *slot = p;
            }
        }
        if !anchored {
            free_parts.push(part);
        }
    }
    place_free_parts(graph, &free_parts, &mut positions, partial);
    for (p, node) in positions.iter_mut().zip(&graph.nodes) {
        if node.movable() {
            *p = Point::new(p.x.round(), p.y.round());
        }
    }
    progress.set_fraction(0.9);
    remove_overlaps(graph, &mut positions, NETWORK_GAP, progress)?;
    for (p, node) in positions.iter_mut().zip(&graph.nodes) {
        if node.movable() {
            *p = Point::new(p.x.round(), p.y.round());
        }
    }
    progress.set_fraction(1.0);
    Ok(positions)
}

/// A lone edge settles at C^(1/4)·K in the simulation (C = 0.2); K is chosen so edges come
/// out at the natural length.
const EDGE_PER_K: f32 = 0.668_740_3;

/// Fewer steps for bigger parts, whose MDS start is already close.
fn iterations_for(nodes: usize) -> usize {
    let scaled = 40_000 / nodes.max(1);
    scaled.clamp(MIN_ITERATIONS, MAX_ITERATIONS)
}

/// The length edges should have: room for an average box and a gap.
fn natural_length(graph: &LayoutGraph) -> f32 {
    let n = graph.len().max(1) as f32;
    let width = graph.nodes.iter().map(|n| n.size.w).sum::<f32>() / n;
    let height = graph.nodes.iter().map(|n| n.size.h).sum::<f32>() / n;
    (width + height) * 0.75 + NETWORK_GAP
}

/// Each node's neighbours with the number of edges between them (parallel edges and edges
/// in both directions merge), sorted.
fn weighted_neighbours(graph: &LayoutGraph) -> Vec<Vec<(usize, f32)>> {
    let mut maps: Vec<BTreeMap<usize, f32>> = vec![BTreeMap::new(); graph.len()];
    for edge in &graph.edges {
        if edge.from == edge.to {
            continue;
        }
        for (a, b) in [(edge.from, edge.to), (edge.to, edge.from)] {
            if let Some(map) = maps.get_mut(a) {
                *map.entry(b).or_insert(0.0) += 1.0;
            }
        }
    }
    maps.into_iter().map(|m| m.into_iter().collect()).collect()
}

fn connected_parts(neighbours: &[Vec<(usize, f32)>]) -> Vec<Vec<usize>> {
    let mut seen = vec![false; neighbours.len()];
    let mut parts = Vec::new();
    for start in 0..neighbours.len() {
        if seen.get(start).copied().unwrap_or(true) {
            continue;
        }
        if let Some(s) = seen.get_mut(start) {
            *s = true;
        }
        let mut part = vec![start];
        let mut next = 0;
        while let Some(&v) = part.get(next) {
            next += 1;
            for &(w, _) in neighbours.get(v).into_iter().flatten() {
                if let Some(s) = seen.get_mut(w)
                    && !*s
                {
                    *s = true;
                    part.push(w);
                }
            }
        }
        part.sort_unstable();
        parts.push(part);
    }
    parts
}

/// One part's edges by local index.
struct LocalGraph {
    simple: Vec<Vec<usize>>,
    weighted: Vec<Vec<(usize, f32)>>,
}

impl LocalGraph {
    fn of(part: &[usize], neighbours: &[Vec<(usize, f32)>]) -> LocalGraph {
        let local: BTreeMap<usize, usize> = part.iter().enumerate().map(|(l, &i)| (i, l)).collect();
        let weighted: Vec<Vec<(usize, f32)>> = part
            .iter()
            .map(|&i| {
                neighbours
                    .get(i)
                    .into_iter()
                    .flatten()
                    .filter_map(|&(j, w)| local.get(&j).map(|&l| (l, w)))
                    .collect()
            })
            .collect();
        let simple = weighted
            .iter()
            .map(|list| list.iter().map(|&(l, _)| l).collect())
            .collect();
        LocalGraph { simple, weighted }
    }
}

/// Current positions, with nodes that sit on the same spot spread on a small spiral (new or
/// imported nodes often all sit at the origin).
fn spread_from_current(part: &[usize], graph: &LayoutGraph, unit: f32) -> Vec<Point> {
    let mut seen: BTreeMap<(i64, i64), usize> = BTreeMap::new();
    part.iter()
        .map(|&i| {
            let at = graph.nodes.get(i).map_or(Point::default(), |n| n.at);
            let key = (at.x.round() as i64, at.y.round() as i64);
            let count = seen.entry(key).or_insert(0);
            let k = *count as f32;
            *count += 1;
            if k == 0.0 {
                at
            } else {
                let angle = k * 2.399_963;
                let radius = unit * 0.5 * k.sqrt();
                Point::new(at.x + radius * angle.cos(), at.y + radius * angle.sin())
            }
        })
        .collect()
}

/// Shifts a drawing so its fixed nodes sit, on average, where they are fixed.
fn shift_onto(local: &mut [Point], fixed: &[usize], part: &[usize], graph: &LayoutGraph) {
    if fixed.is_empty() {
        return;
    }
    let (mut dx, mut dy) = (0.0_f64, 0.0_f64);
    for &l in fixed {
        if let (Some(p), Some(node)) = (local.get(l), part.get(l).and_then(|&i| graph.nodes.get(i)))
        {
            dx += f64::from(node.at.x - p.x);
            dy += f64::from(node.at.y - p.y);
        }
    }
    let n = fixed.len() as f64;
    for p in local.iter_mut() {
        p.x += (dx / n) as f32;
        p.y += (dy / n) as f32;
    }
}

/// Packs the parts without fixed nodes in rows: at the origin when the whole map is laid out
/// freely, to the right of the fixed nodes when some stay put, or centred where the parts
/// were when laying out a selection.
fn place_free_parts(
    graph: &LayoutGraph,
    parts: &[Vec<usize>],
    positions: &mut [Point],
    partial: bool,
) {
    if parts.is_empty() {
        return;
    }
    let bounds_of = |nodes: &mut dyn Iterator<Item = usize>, positions: &[Point]| {
        let mut b = (
            f32::INFINITY,
            f32::INFINITY,
            f32::NEG_INFINITY,
            f32::NEG_INFINITY,
        );
        for i in nodes {
            if let (Some(n), Some(p)) = (graph.nodes.get(i), positions.get(i)) {
                b.0 = b.0.min(p.x - n.size.w / 2.0);
                b.1 = b.1.min(p.y - n.size.h / 2.0);
                b.2 = b.2.max(p.x + n.size.w / 2.0);
                b.3 = b.3.max(p.y + n.size.h / 2.0);
            }
        }
        b
    };
    let boxes: Vec<(f32, f32, f32, f32)> = parts
        .iter()
        .map(|part| bounds_of(&mut part.iter().copied(), positions))
        .collect();
    let sizes: Vec<(f32, f32)> = boxes.iter().map(|b| (b.2 - b.0, b.3 - b.1)).collect();
    let offsets = pack::pack_rows(&sizes, PART_GAP);
    let block_w = offsets
        .iter()
        .zip(&sizes)
        .map(|(o, s)| o.0 + s.0)
        .fold(0.0_f32, f32::max);
    let block_h = offsets
        .iter()
        .zip(&sizes)
        .map(|(o, s)| o.1 + s.1)
        .fold(0.0_f32, f32::max);
    let mut in_free_parts = vec![false; graph.len()];
    for &i in parts.iter().flatten() {
        if let Some(slot) = in_free_parts.get_mut(i) {
            *slot = true;
        }
    }
    let origin = if partial {
        // Centred on where the parts' nodes were.
        let old = bounds_of(
            &mut parts.iter().flatten().copied(),
            &graph.nodes.iter().map(|n| n.at).collect::<Vec<_>>(),
        );
        (
            (old.0 + old.2) / 2.0 - block_w / 2.0,
            (old.1 + old.3) / 2.0 - block_h / 2.0,
        )
    } else {
        let others = bounds_of(
            &mut (0..graph.len()).filter(|&i| !in_free_parts.get(i).copied().unwrap_or(false)),
            positions,
        );
        if others.0 <= others.2 {
            (others.2 + PART_GAP, others.1)
        } else {
            (0.0, 0.0)
        }
    };
    for ((part, b), offset) in parts.iter().zip(&boxes).zip(&offsets) {
        let dx = origin.0 + offset.0 - b.0;
        let dy = origin.1 + offset.1 - b.1;
        for &i in part {
            if let Some(p) = positions.get_mut(i) {
                p.x += dx;
                p.y += dy;
            }
        }
    }
}
