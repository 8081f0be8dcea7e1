//! How compact a drawing is: the empty horizontal bands across it, and how close its
//! disconnected groups stand to each other.
//!
//! - An **empty band** is a horizontal strip across the whole drawing's width, between its top
//!   and its bottom, that no box touches. A reader sees one as a gap that splits the drawing;
//!   between two groups, up to a [row](row_height) of it reads as the space between groups,
//!   more reads as a hole.
//! - A **group** is a connected part of the map (a node with no edges is a group of its own).
//!   How close groups are packed is told by each group's **gap**: the distance from the
//!   rectangle around its boxes to the nearest other group's rectangle (0 when the
//!   rectangles touch or overlap). A group far below or beside the others has a large gap,
//!   however the rest is drawn; the largest gap of all is the drawing's
//!   [`Compactness::widest_group_gap`].

use super::geometry::NodeBox;
use super::graph::{LayoutGraph, NodeKind, components};
use super::stance::CLAIM_GAP;
use crate::model::Point;

/// The height of a row in a drawing of `graph`: the median height of a claim's box (of any
/// node's box when there are no claims) plus the space the stance layout keeps between two
/// claims. Claims are what the stance layout stacks in rows, so this is the step from one
/// claim to the next in a column.
pub fn row_height(graph: &LayoutGraph) -> f32 {
    let claims: Vec<f32> = graph
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Claim)
        .map(|n| n.size.h)
        .collect();
    let heights = if claims.is_empty() {
        graph.nodes.iter().map(|n| n.size.h).collect()
    } else {
        claims
    };
    median(heights) + CLAIM_GAP
}

/// The median of some numbers (the lower middle one for an even count), 0 if there are none.
fn median(mut values: Vec<f32>) -> f32 {
    values.retain(|v| v.is_finite());
    values.sort_by(f32::total_cmp);
    values
        .get(values.len().saturating_sub(1) / 2)
        .copied()
        .unwrap_or(0.0)
}

/// A horizontal strip across a drawing that no box touches, from `top` down to `bottom`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EmptyBand {
    /// Where the strip starts (the bottom of the boxes above it).
    pub top: f32,
    /// Where it ends (the top of the boxes below it).
    pub bottom: f32,
}

impl EmptyBand {
    /// How tall the strip is.
    pub fn height(&self) -> f32 {
        self.bottom - self.top
    }
}

/// The empty bands of a drawing of `boxes`, top to bottom: every strip between the drawing's
/// top and bottom that no box reaches into. Boxes that only touch leave no band between them.
pub fn empty_bands(boxes: &[NodeBox]) -> Vec<EmptyBand> {
    let mut spans: Vec<(f32, f32)> = boxes
        .iter()
        .map(|b| (b.top(), b.bottom()))
        .filter(|(top, bottom)| top.is_finite() && bottom.is_finite())
        .collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut bands = Vec::new();
    let mut reached: Option<f32> = None;
    for (top, bottom) in spans {
        match reached {
            Some(lowest) if top > lowest => {
                bands.push(EmptyBand {
                    top: lowest,
                    bottom: top,
                });
                reached = Some(bottom);
            }
            Some(lowest) => reached = Some(lowest.max(bottom)),
            None => reached = Some(bottom),
        }
    }
    bands
}

/// The height of the tallest empty band of a drawing of `boxes`, 0 if it has none.
pub fn largest_empty_band(boxes: &[NodeBox]) -> f32 {
    empty_bands(boxes)
        .iter()
        .map(EmptyBand::height)
        .fold(0.0, f32::max)
}

/// The rectangle around some boxes: left, top, right, bottom.
type Bounds = (f32, f32, f32, f32);

/// The rectangle around the boxes of `members` (indices into `boxes`), if any of them has one.
fn bounds_of(boxes: &[NodeBox], members: &[usize]) -> Option<Bounds> {
    let mut bounds: Option<Bounds> = None;
    for b in members.iter().filter_map(|&i| boxes.get(i)) {
        let (l, t, r, bo) = (b.left(), b.top(), b.right(), b.bottom());
        bounds = Some(match bounds {
            None => (l, t, r, bo),
            Some((l0, t0, r0, b0)) => (l0.min(l), t0.min(t), r0.max(r), b0.max(bo)),
        });
    }
    bounds
}

/// The distance between two rectangles, 0 when they touch or overlap.
fn distance(a: Bounds, b: Bounds) -> f32 {
    let dx = (b.0 - a.2).max(a.0 - b.2).max(0.0);
    let dy = (b.1 - a.3).max(a.1 - b.3).max(0.0);
    dx.hypot(dy)
}

/// Each group's gap: the distance from the rectangle around its boxes to the nearest other
/// group's (indexed like `groups`, whose members index `boxes`). With a single group there is
/// nothing to be near, and its gap is 0.
pub fn group_gaps(boxes: &[NodeBox], groups: &[Vec<usize>]) -> Vec<f32> {
    let bounds: Vec<Option<Bounds>> = groups.iter().map(|g| bounds_of(boxes, g)).collect();
    bounds
        .iter()
        .enumerate()
        .map(|(i, own)| {
            let nearest = bounds
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .filter_map(|(_, other)| Some(distance((*own)?, (*other)?)))
                .fold(f32::INFINITY, f32::min);
            if nearest.is_finite() { nearest } else { 0.0 }
        })
        .collect()
}

/// The connected parts of a graph, each a list of node indices in order; a node with no edge
/// is a part of its own. Parts are listed by their first node.
pub fn connected_groups(graph: &LayoutGraph) -> Vec<Vec<usize>> {
    components(&graph.adjacency(), 0..graph.len())
}

/// How compact a drawing of a graph is (see the module's description).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Compactness {
    /// The height of a row ([`row_height`]).
    pub row: f32,
    /// The tallest empty band across the drawing, 0 if none.
    pub largest_empty_band: f32,
    /// The largest gap from a group to its nearest other group, 0 with fewer than two groups.
    pub widest_group_gap: f32,
    /// Width of the rectangle around every box.
    pub width: f32,
    /// Height of the rectangle around every box.
    pub height: f32,
}

/// Measures a drawing of `graph` with its nodes at `positions` (indexed like its nodes).
pub fn measure_compactness(graph: &LayoutGraph, positions: &[Point]) -> Compactness {
    let boxes = graph.boxes(positions);
    let groups = connected_groups(graph);
    let all: Vec<usize> = (0..boxes.len()).collect();
    let (width, height) = bounds_of(&boxes, &all).map_or((0.0, 0.0), |(l, t, r, b)| (r - l, b - t));
    Compactness {
        row: row_height(graph),
        largest_empty_band: largest_empty_band(&boxes),
        widest_group_gap: group_gaps(&boxes, &groups).into_iter().fold(0.0, f32::max),
        width,
        height,
    }
}

#[cfg(test)]
#[path = "compactness_tests.rs"]
mod tests;
