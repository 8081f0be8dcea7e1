//! One band of the stance layout: the claims of a connected part of the map in a column, and
//! its actors in columns on either side. A band is described by orders only (which claim is
//! above which, which actor sits in which column above which); [`Band::place`] turns the
//! orders into positions.

use super::super::graph::{LayoutGraph, NodeKind};
use super::super::placement::{place_in_order, stack};
use super::super::sides::Side;
use crate::model::Point;

/// Vertical space between two claims.
pub const CLAIM_GAP: f32 = 40.0;
/// Vertical space between two actors in a column.
pub const ACTOR_GAP: f32 = 20.0;
/// Horizontal space between the claim column and the nearest actor column.
pub const INNER_GAP: f32 = 170.0;
/// Horizontal space between two actor columns.
pub const OUTER_GAP: f32 = 90.0;

/// Where the columns of every band are, so columns line up from band to band.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// Widest claim.
    pub claim_width: f32,
    /// Widest actor.
    pub actor_width: f32,
}

impl Frame {
    /// The frame for a set of nodes.
    pub fn for_nodes(graph: &LayoutGraph, nodes: &[usize]) -> Frame {
        let widest = |kind: NodeKind| {
            nodes
                .iter()
                .filter_map(|&i| graph.nodes.get(i))
                .filter(|n| n.kind == kind)
                .map(|n| n.size.w)
                .fold(0.0_f32, f32::max)
        };
        Frame {
            claim_width: widest(NodeKind::Claim),
            actor_width: widest(NodeKind::Actor),
        }
    }

    /// The x of an actor column: `depth` 0 is next to the claims.
    pub fn column_x(&self, side: Side, depth: usize) -> f32 {
        let distance = self.claim_width / 2.0
            + INNER_GAP
            + self.actor_width / 2.0
            + depth as f32 * (self.actor_width + OUTER_GAP);
        match side {
            Side::Left => -distance,
            Side::Right => distance,
        }
    }
}

/// A column of actors on one side.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Which side of the claims.
    pub side: Side,
    /// 0 next to the claims, growing outwards.
    pub depth: usize,
    /// Actors top to bottom (node indices).
    pub members: Vec<usize>,
}

/// The orders that make up one band.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// Claims top to bottom (node indices).
    pub claims: Vec<usize>,
    /// Actor columns, left side first.
    pub columns: Vec<Column>,
}

impl Band {
    /// Every node of the band: claims, then actors column by column.
    pub fn nodes(&self) -> impl Iterator<Item = usize> + '_ {
        self.claims
            .iter()
            .copied()
            .chain(self.columns.iter().flat_map(|c| c.members.iter().copied()))
    }

    /// Writes the band's positions into `positions` (indexed by node), with the first claim
    /// at y = `top` plus half its height. Claims are stacked; each actor sits as near the
    /// average height of its claims as its column's order and spacing allow.
    pub fn place(
        &self,
        graph: &LayoutGraph,
        adjacency: &[Vec<usize>],
        frame: &Frame,
        top: f32,
        positions: &mut [Point],
    ) {
        let height = |i: usize| graph.nodes.get(i).map_or(0.0, |n| n.size.h);
        let spacing = |members: &[usize], gap: f32| -> Vec<f32> {
            let mut prev: Option<usize> = None;
            members
                .iter()
                .map(|&i| {
                    let s = prev.map_or(0.0, |p| (height(p) + height(i)) / 2.0 + gap);
                    prev = Some(i);
                    s
                })
                .collect()
        };
        let claim_spacing = spacing(&self.claims, CLAIM_GAP);
        let first_half = self.claims.first().map_or(0.0, |&c| height(c) / 2.0);
        for (&c, y) in self
            .claims
            .iter()
            .zip(stack(top + first_half, &claim_spacing))
        {
            if let Some(p) = positions.get_mut(c) {
                *p = Point::new(0.0, y);
            }
        }
        let mut desired = Vec::new();
        for column in &self.columns {
            desired.clear();
            desired.extend(column.members.iter().map(|&a| {
                let ys = adjacency
                    .get(a)
                    .into_iter()
                    .flatten()
                    .filter_map(|&c| positions.get(c).map(|p| p.y));
                mean(ys).unwrap_or(top)
            }));
            let ys = place_in_order(&desired, &spacing(&column.members, ACTOR_GAP));
            let x = frame.column_x(column.side, column.depth);
            for (&a, y) in column.members.iter().zip(ys) {
                if let Some(p) = positions.get_mut(a) {
                    *p = Point::new(x, y);
                }
            }
        }
    }
}

/// The mean of some numbers, if there are any.
pub fn mean(values: impl Iterator<Item = f32>) -> Option<f32> {
    let (sum, count) = values.fold((0.0_f64, 0u32), |(s, c), v| (s + f64::from(v), c + 1));
    (count > 0).then(|| (sum / f64::from(count)) as f32)
}

/// The median of some numbers (the mean of the middle two for an even count), if any.
pub fn median(values: &mut [f32]) -> Option<f32> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f32::total_cmp);
    let mid = values.len() / 2;
    let upper = values.get(mid).copied()?;
    if values.len() % 2 == 1 {
        Some(upper)
    } else {
        values.get(mid - 1).map(|lower| (lower + upper) / 2.0)
    }
}
