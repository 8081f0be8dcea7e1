//! How wide a band is: how many claim columns stand side by side and how many actor columns
//! each side gets, chosen so the band comes close to the shape of the screen it is meant for.
//!
//! A screen of aspect `a` (width / height) shows a drawing of width `w` and height `h` at a
//! zoom proportional to `1 / max(w, a h)`, so the band's shape is the one that makes that
//! largest: more claim columns make the band wider and shorter, and the actor columns follow
//! the claims' height.

use super::band::{ACTOR_GAP, CLAIM_GAP, Frame, INNER_GAP, OUTER_GAP};
use super::order::Context;

/// Most claim columns a band gets: beyond this, stance edges from the outer actor columns
/// would cross so many claim columns that the drawing stops reading as two sides.
pub const MAX_CLAIM_COLUMNS: usize = 6;
/// Fewest claims worth a claim column of their own.
const MIN_CLAIMS_PER_COLUMN: usize = 4;
/// Extra height each claim column beyond the first is expected to need, as a share of its
/// claims' height: claims that follow each other in the reading order but stand in the same
/// column push each other down.
const CHANNEL_ALLOWANCE: f32 = 0.08;
/// A wider shape must win by this share to be chosen over one with fewer claim columns.
const WIDER_MARGIN: f32 = 0.03;

/// The column counts of a band.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BandColumns {
    /// Claim columns side by side.
    pub claim_columns: usize,
    /// Actor columns on the left side.
    pub left_columns: usize,
    /// Actor columns on the right side.
    pub right_columns: usize,
}

/// The estimated size of a band drawn with some column counts.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Estimate {
    shape: BandColumns,
    width: f32,
    height: f32,
}

/// The shape for a band of `claims` with actors `left` and `right` of them, aiming at a
/// drawing `aspect` times as wide as it is tall.
pub fn choose_shape(
    cx: &Context,
    claims: &[usize],
    left: &[usize],
    right: &[usize],
    aspect: f32,
) -> BandColumns {
    let aspect = if aspect.is_finite() && aspect > 0.0 {
        aspect
    } else {
        super::DEFAULT_ASPECT
    };
    let stack = |nodes: &[usize], gap: f32| -> f32 {
        let sum: f32 = nodes.iter().map(|&n| cx.height(n) + gap).sum();
        (sum - gap).max(0.0)
    };
    let claim_stack = stack(claims, CLAIM_GAP);
    let sides = [
        (left.len(), stack(left, ACTOR_GAP)),
        (right.len(), stack(right, ACTOR_GAP)),
    ];
    best_shape(cx.frame, claims.len(), claim_stack, sides, aspect)
}

/// The shape that shows a band largest on a screen of `aspect`: `claims` claims stacked
/// `claim_stack` high in one column, and each side's actor count and stacked height.
fn best_shape(
    frame: &Frame,
    claims: usize,
    claim_stack: f32,
    sides: [(usize, f32); 2],
    aspect: f32,
) -> BandColumns {
    let most = (claims / MIN_CLAIMS_PER_COLUMN).clamp(1, MAX_CLAIM_COLUMNS);
    let mut best: Option<(f32, Estimate)> = None;
    for k in 1..=most {
        let estimate = estimate(frame, k, claim_stack, sides);
        let size = estimate.width.max(aspect * estimate.height);
        let better = best.is_none_or(|(b, _)| size < b * (1.0 - WIDER_MARGIN));
        if better {
            best = Some((size, estimate));
        }
    }
    best.map_or(
        BandColumns {
            claim_columns: 1,
            left_columns: side_columns(sides[0].0, sides[0].1, claim_stack),
            right_columns: side_columns(sides[1].0, sides[1].1, claim_stack),
        },
        |(_, e)| e.shape,
    )
}

/// The size of a band with `k` claim columns; `sides` holds each side's actor count and
/// stacked height.
fn estimate(frame: &Frame, k: usize, claim_stack: f32, sides: [(usize, f32); 2]) -> Estimate {
    let extra = 1.0 + CHANNEL_ALLOWANCE * (k - 1) as f32;
    let claims_height = claim_stack / k as f32 * extra;
    let mut width = 2.0 * frame.claims_half_width(k);
    let mut height = claims_height;
    let mut columns = [0usize; 2];
    for (slot, &(count, stacked)) in columns.iter_mut().zip(&sides) {
        let n = side_columns(count, stacked, claims_height);
        *slot = n;
        if n > 0 {
            width += INNER_GAP + n as f32 * frame.actor_width + (n - 1) as f32 * OUTER_GAP;
            height = height.max(stacked / n as f32);
        }
    }
    Estimate {
        shape: BandColumns {
            claim_columns: k,
            left_columns: columns[0],
            right_columns: columns[1],
        },
        width,
        height,
    }
}

/// How many columns a side of `count` actors, stacked `stacked` high, gets beside claims
/// `claims_height` high: as few as keep it no taller than the claims.
pub fn side_columns(count: usize, stacked: f32, claims_height: f32) -> usize {
    if count == 0 {
        return 0;
    }
    let needed = (stacked / claims_height.max(1.0)).ceil() as usize;
    needed.clamp(1, count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_side_wraps_into_columns_only_when_it_would_stand_taller_than_the_claims() {
        assert_eq!(side_columns(0, 0.0, 500.0), 0);
        assert_eq!(side_columns(6, 300.0, 500.0), 1);
        assert_eq!(side_columns(12, 1100.0, 500.0), 3);
        assert_eq!(side_columns(2, 5000.0, 500.0), 2);
    }

    #[test]
    fn the_shape_follows_the_screen() {
        // 28 claims stacked 2,000 high, 12 actors left and 5 right. One column: 760 wide,
        // 2,000 high; two: 1,070 wide, 1,080 high; three: 1,380 wide, 773 high; four:
        // 1,690 wide, 620 high.
        let frame = Frame {
            claim_width: 200.0,
            actor_width: 150.0,
        };
        let sides = [(12, 540.0), (5, 225.0)];
        let columns = |aspect| best_shape(&frame, 28, 2000.0, sides, aspect).claim_columns;
        assert_eq!(columns(0.5), 1);
        assert_eq!(columns(1.1), 2);
        assert_eq!(columns(2.5), 4);
        // Few claims never spread thinner than four a column.
        assert_eq!(best_shape(&frame, 7, 500.0, sides, 10.0).claim_columns, 1);
        let two = best_shape(&frame, 28, 2000.0, sides, 1.1);
        assert_eq!((two.left_columns, two.right_columns), (1, 1));
    }

    #[test]
    fn more_claim_columns_make_a_band_wider_and_shorter() {
        let frame = Frame {
            claim_width: 200.0,
            actor_width: 150.0,
        };
        let sides = [(4, 200.0), (4, 200.0)];
        let one = estimate(&frame, 1, 2000.0, sides);
        let three = estimate(&frame, 3, 2000.0, sides);
        assert!(three.width > one.width && three.height < one.height);
        assert_eq!(one.shape.left_columns, 1);
    }
}
