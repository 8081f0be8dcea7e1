//! Turning a band's orders into positions.
//!
//! Each claim wants the height of its place in the reading order (with `k` claim columns, a
//! `k`-th of the height stacked above it in that order), so the columns share the rows and
//! their claims stand staggered like bricks; it gets as near as its column's spacing allows.
//! Each actor then sits as near the average height of its claims as its column's order and
//! spacing allow.

use super::super::placement::place_in_order;
use super::band::{ACTOR_GAP, Band, CLAIM_GAP};
use super::order::Context;
use crate::model::Point;

impl Band {
    /// Writes the band's positions into `positions` (indexed by node), with the claims from
    /// y = `top` down and the actors beside them.
    pub fn place(&self, cx: &Context, top: f32, positions: &mut [Point]) {
        let k = self.claim_columns.max(1);
        let wanted = claim_heights(cx, &self.claims, k, top);
        for (index, members) in self.claim_columns().iter().enumerate() {
            let desired: Vec<f32> = members
                .iter()
                .map(|c| wanted.get(c).copied().unwrap_or(top))
                .collect();
            let x = cx.frame.claim_x(k, index);
            place_column(cx, members, &desired, CLAIM_GAP, x, positions);
        }
        for column in &self.columns {
            let desired: Vec<f32> = column
                .members
                .iter()
                .map(|&a| cx.mean_neighbour_y(a, positions).unwrap_or(top))
                .collect();
            let x = cx.frame.column_x(column.side, column.depth, k);
            place_column(cx, &column.members, &desired, ACTOR_GAP, x, positions);
        }
    }
}

/// The height each claim wants: the middle of its share of the rows when the claims, in
/// reading order, are stacked `gap` apart and the stack is shared by `columns` columns.
fn claim_heights(
    cx: &Context,
    claims: &[usize],
    columns: usize,
    top: f32,
) -> std::collections::BTreeMap<usize, f32> {
    let mut filled = 0.0_f32;
    let mut wanted = std::collections::BTreeMap::new();
    for &c in claims {
        let h = cx.height(c);
        wanted.insert(c, top + (filled + h / 2.0) / columns.max(1) as f32);
        filled += h + CLAIM_GAP;
    }
    wanted
}

/// Places one column's nodes at `x`, in order and `gap` apart, each as near its desired
/// height as the order allows.
fn place_column(
    cx: &Context,
    members: &[usize],
    desired: &[f32],
    gap: f32,
    x: f32,
    positions: &mut [Point],
) {
    let mut previous: Option<usize> = None;
    let spacing: Vec<f32> = members
        .iter()
        .map(|&m| {
            let s = previous.map_or(0.0, |p| (cx.height(p) + cx.height(m)) / 2.0 + gap);
            previous = Some(m);
            s
        })
        .collect();
    for (&m, y) in members.iter().zip(place_in_order(desired, &spacing)) {
        if let Some(p) = positions.get_mut(m) {
            *p = Point::new(x, y);
        }
    }
}
