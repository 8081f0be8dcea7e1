//! The nodes with no edges: claims in claim columns (as many as suit the shape aimed at),
//! actors in columns on their side, each column filled top to bottom. They make one block,
//! which is packed with the connected parts' bands.

use super::super::sides::Side;
use super::band::{self, Column};
use super::band_shape;
use super::order::Context;
use super::shape::side_columns;
use crate::model::Point;

/// Nodes with no edges, from `top` down: claims in claim columns (as many as suit the
/// shape aimed at), actors in columns on their side, each column filled top to bottom.
pub fn place_loose(cx: &Context, loose: &[usize], top: f32, positions: &mut [Point]) {
    if loose.is_empty() {
        return;
    }
    let shape = band_shape(cx, loose);
    let claims: Vec<usize> = loose.iter().copied().filter(|&i| cx.is_claim(i)).collect();
    let claim_columns = fill_columns(cx, &claims, shape.claim_columns, band::CLAIM_GAP);
    let claims_height = claim_columns
        .iter()
        .map(|c| stacked_height(cx, c, band::CLAIM_GAP))
        .fold(0.0_f32, f32::max);
    let mut columns = Vec::new();
    for side in [Side::Left, Side::Right] {
        let members: Vec<usize> = loose
            .iter()
            .copied()
            .filter(|&i| cx.sides.get(i).copied().flatten() == Some(side))
            .collect();
        let stacked = stacked_height(cx, &members, band::ACTOR_GAP);
        let count = side_columns(members.len(), stacked, claims_height.max(stacked / 3.0));
        for (depth, members) in fill_columns(cx, &members, count, band::ACTOR_GAP)
            .into_iter()
            .enumerate()
        {
            columns.push(Column {
                side,
                depth,
                members,
            });
        }
    }
    let k = claim_columns.len().max(1);
    // No edges to follow: stack every column from the top.
    let slots = claim_columns
        .iter()
        .enumerate()
        .map(|(i, c)| (cx.frame.claim_x(k, i), c.as_slice(), band::CLAIM_GAP))
        .chain(columns.iter().map(|c| {
            (
                cx.frame.column_x(c.side, c.depth, k),
                c.members.as_slice(),
                band::ACTOR_GAP,
            )
        }));
    for (x, members, gap) in slots {
        let mut y = top;
        for &n in members {
            let h = cx.height(n);
            if let Some(p) = positions.get_mut(n) {
                *p = Point::new(x, y + h / 2.0);
            }
            y += h + gap;
        }
    }
}

/// The height of some nodes stacked with `gap` between them.
fn stacked_height(cx: &Context, nodes: &[usize], gap: f32) -> f32 {
    let sum: f32 = nodes.iter().map(|&n| cx.height(n) + gap).sum();
    (sum - gap).max(0.0)
}

/// Splits nodes, in order, into `count` columns of about equal height.
fn fill_columns(cx: &Context, nodes: &[usize], count: usize, gap: f32) -> Vec<Vec<usize>> {
    let count = count.max(1);
    let total: f32 = nodes.iter().map(|&n| cx.height(n) + gap).sum();
    let mut columns = vec![Vec::new(); count];
    let mut filled = 0.0;
    for &n in nodes {
        let h = cx.height(n) + gap;
        let index = (((filled + h / 2.0) / total.max(1.0)) * count as f32) as usize;
        if let Some(column) = columns.get_mut(index.min(count - 1)) {
            column.push(n);
        }
        filled += h;
    }
    columns.retain(|c| !c.is_empty());
    columns
}
