//! Packing the stance layout's groups (one block per connected part, one for the nodes with no
//! edges) into a drawing close to the shape aimed at, with no empty band across it taller than
//! the space kept between groups.
//!
//! Blocks are placed in the order given (largest first), each as high as it fits on the
//! skyline of the blocks placed before it, within a width limit (bottom-left skyline packing);
//! among places as high, at the x it would rather keep (so that columns stay in line) if that
//! is one of them, else as far left as it can. A block therefore rests either on the top of the drawing or on a block
//! above it, one gap below that block's bottom: the drawing has no empty band across it taller
//! than that gap. Small groups fill the room beside a tall one, or line up side by side below
//! it, instead of each taking a full-width row of their own. The width limit is tried at a few
//! values around the one that gives the aimed shape, and the packing that would show largest
//! on a screen of that shape is kept.
//!
//! With very many blocks the skyline's cost grows with the square of their number for each
//! block, so beyond [`SKYLINE_BLOCKS`] blocks are packed in shelves instead: left to right in
//! rows, a new row below the tallest block of the last one when the width is full.

/// Most blocks packed on a skyline; more are packed in shelves.
const SKYLINE_BLOCKS: usize = 200;
/// Width limits tried, as multiples of the width that would give the aimed shape if the
/// blocks filled the drawing without holes.
const WIDTH_FACTORS: [f32; 6] = [0.8, 0.9, 1.0, 1.1, 1.25, 1.5];
/// Of the blocks after the first, how many are tried standing beside it (each such try sets
/// the width limit to the first block's width plus theirs).
const BESIDE_FIRST: usize = 4;

/// The space kept between packed blocks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Gaps {
    /// Between blocks side by side.
    pub across: f32,
    /// Between a block and one below it.
    pub down: f32,
}

/// Where each block of a packing goes (the top-left corner of its rectangle), and the size of
/// the whole.
#[derive(Debug, Clone, PartialEq)]
pub struct Packing {
    /// Top-left corner of each block, indexed like the blocks; the first block is at y = 0.
    pub corners: Vec<(f32, f32)>,
    /// Width of the packed drawing.
    pub width: f32,
    /// Height of the packed drawing.
    pub height: f32,
}

/// Packs blocks of the given sizes (width, height) close to a drawing `aspect` times as wide
/// as it is tall, `gaps` apart. A block that can stand as high at its `preferred` x (its left
/// edge; indexed like `sizes`, 0 the first block's left) as anywhere else stands there, so
/// that groups stacked below each other keep their columns lined up.
pub fn pack(sizes: &[(f32, f32)], preferred: &[f32], gaps: Gaps, aspect: f32) -> Packing {
    // Each block claims its size plus the gaps right of and below it, so blocks packed
    // without overlap stand the gaps apart.
    let footprints: Vec<(f32, f32)> = sizes
        .iter()
        .map(|&(w, h)| (w.max(0.0) + gaps.across, h.max(0.0) + gaps.down))
        .collect();
    let widest = footprints.iter().map(|f| f.0).fold(0.0_f32, f32::max);
    let area: f32 = footprints.iter().map(|f| f.0 * f.1).sum();
    let ideal = (area * aspect).sqrt();
    let mut limits: Vec<f32> = WIDTH_FACTORS
        .iter()
        .map(|f| (ideal * f).max(widest))
        .collect();
    if let Some(first) = footprints.first() {
        let mut beside = first.0;
        for f in footprints.iter().skip(1).take(BESIDE_FIRST) {
            beside += f.0;
            limits.push(beside.max(widest));
        }
    }
    limits.push(widest);
    limits.sort_by(f32::total_cmp);
    limits.dedup();
    let skyline = footprints.len() <= SKYLINE_BLOCKS;
    let mut best: Option<(f32, Packing)> = None;
    for limit in limits {
        let corners = if skyline {
            skyline_pack(&footprints, preferred, limit)
        } else {
            shelf_pack(&footprints, limit)
        };
        let packing = measured(corners, sizes);
        let score = packing.width.max(aspect * packing.height);
        if best.as_ref().is_none_or(|(b, _)| score < *b) {
            best = Some((score, packing));
        }
    }
    best.map_or_else(
        || Packing {
            corners: Vec::new(),
            width: 0.0,
            height: 0.0,
        },
        |(_, packing)| packing,
    )
}

/// A packing's size from its corners and the blocks' sizes (without the gaps).
fn measured(corners: Vec<(f32, f32)>, sizes: &[(f32, f32)]) -> Packing {
    let (mut left, mut right, mut height) = (f32::INFINITY, 0.0_f32, 0.0_f32);
    for (&(x, y), &(w, h)) in corners.iter().zip(sizes) {
        left = left.min(x);
        right = right.max(x + w);
        height = height.max(y + h);
    }
    Packing {
        corners,
        width: if left.is_finite() { right - left } else { 0.0 },
        height,
    }
}

/// One stretch of the skyline: from `left` to `right`, free from `y` down.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Stretch {
    left: f32,
    right: f32,
    y: f32,
}

/// Bottom-left skyline packing of `footprints` within `limit` (at least the widest): each
/// block goes as high as it can; among equally high places, to its `preferred` x if that is
/// one of them, else as far left as it can.
fn skyline_pack(footprints: &[(f32, f32)], preferred: &[f32], limit: f32) -> Vec<(f32, f32)> {
    let mut skyline = vec![Stretch {
        left: 0.0,
        right: limit,
        y: 0.0,
    }];
    let mut corners = Vec::with_capacity(footprints.len());
    for (index, &(w, h)) in footprints.iter().enumerate() {
        let wanted = preferred
            .get(index)
            .copied()
            .filter(|&p| p.is_finite() && p >= 0.0 && p + w <= limit);
        let mut best: Option<(f32, f32)> = None;
        let starts = skyline
            .iter()
            .map(|s| s.left)
            .filter(|&x| x == 0.0 || x + w <= limit);
        for x in wanted.into_iter().chain(starts) {
            let y = skyline
                .iter()
                .filter(|s| s.right > x && s.left < x + w)
                .map(|s| s.y)
                .fold(0.0_f32, f32::max);
            if best.is_none_or(|(_, by)| y < by) {
                best = Some((x, y));
            }
        }
        let (x, y) = best.unwrap_or((0.0, 0.0));
        raise(&mut skyline, x, x + w, y + h);
        corners.push((x, y));
    }
    corners
}

/// Raises the skyline from `left` to `right` to `y`, merging stretches of equal height.
fn raise(skyline: &mut Vec<Stretch>, left: f32, right: f32, y: f32) {
    let mut next = Vec::with_capacity(skyline.len() + 2);
    for s in skyline.iter() {
        if s.right <= left || s.left >= right {
            next.push(*s);
            continue;
        }
        if s.left < left {
            next.push(Stretch { right: left, ..*s });
        }
        if s.right > right {
            next.push(Stretch { left: right, ..*s });
        }
    }
    next.push(Stretch { left, right, y });
    next.sort_by(|a, b| a.left.total_cmp(&b.left));
    let mut merged: Vec<Stretch> = Vec::with_capacity(next.len());
    for s in next {
        match merged.last_mut() {
            Some(last) if last.y == s.y && last.right >= s.left => last.right = s.right,
            _ => merged.push(s),
        }
    }
    *skyline = merged;
}

/// Shelf packing of `footprints` within `limit`: left to right, a new shelf when full.
fn shelf_pack(footprints: &[(f32, f32)], limit: f32) -> Vec<(f32, f32)> {
    let (mut x, mut y, mut shelf) = (0.0_f32, 0.0_f32, 0.0_f32);
    let mut corners = Vec::with_capacity(footprints.len());
    for &(w, h) in footprints {
        if x > 0.0 && x + w > limit {
            y += shelf;
            x = 0.0;
            shelf = 0.0;
        }
        corners.push((x, y));
        x += w;
        shelf = shelf.max(h);
    }
    corners
}

#[cfg(test)]
mod tests {
    use super::*;

    const GAPS: Gaps = Gaps {
        across: 10.0,
        down: 10.0,
    };

    fn overlap(a: ((f32, f32), (f32, f32)), b: ((f32, f32), (f32, f32))) -> bool {
        let (((ax, ay), (aw, ah)), ((bx, by), (bw, bh))) = (a, b);
        ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah
    }

    #[test]
    fn small_blocks_fill_the_room_beside_a_tall_one() {
        // A tall block 400 × 1000 aiming at a square: the three 200 × 200 blocks stack beside
        // it rather than below.
        let sizes = [
            (400.0, 1000.0),
            (200.0, 200.0),
            (200.0, 200.0),
            (200.0, 200.0),
        ];
        let packing = pack(&sizes, &[], GAPS, 1.0);
        assert_eq!(packing.corners[0], (0.0, 0.0));
        assert_eq!(packing.corners[1], (410.0, 0.0));
        assert_eq!(packing.corners[2], (410.0, 210.0));
        assert_eq!(packing.corners[3], (410.0, 420.0));
        assert_eq!((packing.width, packing.height), (610.0, 1000.0));
    }

    #[test]
    fn small_blocks_line_up_below_a_wide_one() {
        // A wide block: the small ones go side by side below it, one gap down.
        let sizes = [
            (1000.0, 400.0),
            (200.0, 100.0),
            (300.0, 150.0),
            (200.0, 100.0),
        ];
        let packing = pack(&sizes, &[], GAPS, 1.0);
        assert_eq!(packing.corners[1], (0.0, 410.0));
        assert_eq!(packing.corners[2], (210.0, 410.0));
        assert_eq!(packing.corners[3], (520.0, 410.0));
        assert_eq!(packing.height, 560.0);
    }

    #[test]
    fn packed_blocks_never_overlap_and_leave_no_tall_band() {
        // Many blocks of assorted sizes, on a skyline and in shelves.
        let sizes: Vec<(f32, f32)> = (0..300)
            .map(|i| (40.0 + (i * 37 % 200) as f32, 30.0 + (i * 53 % 170) as f32))
            .collect();
        for count in [12, 300] {
            let sizes = &sizes[..count];
            let packing = pack(sizes, &[], GAPS, 1.5);
            let placed: Vec<_> = packing
                .corners
                .iter()
                .copied()
                .zip(sizes.iter().copied())
                .collect();
            for (i, a) in placed.iter().enumerate() {
                for b in &placed[i + 1..] {
                    assert!(!overlap(*a, *b), "{a:?} {b:?}");
                }
            }
            // Every height between the top and the bottom is within a gap of some block.
            let mut spans: Vec<(f32, f32)> =
                placed.iter().map(|((_, y), (_, h))| (*y, y + h)).collect();
            spans.sort_by(|a, b| a.0.total_cmp(&b.0));
            let mut reached = 0.0_f32;
            for (top, bottom) in spans {
                assert!(
                    top - reached <= GAPS.down + 1e-3,
                    "{count}: band {reached}–{top}"
                );
                reached = reached.max(bottom);
            }
            let aspect = packing.width / packing.height;
            assert!((0.75..3.0).contains(&aspect), "{count}: {aspect}");
        }
    }

    #[test]
    fn a_block_keeps_its_preferred_x_where_it_stands_as_high() {
        // Below a wide block, a narrow one that would rather stand 300 in stays there (its
        // columns in line with the wide block's), not at the left edge; one that cannot fit
        // where it would rather stand goes where it fits.
        let sizes = [(1000.0, 400.0), (200.0, 100.0), (400.0, 100.0)];
        let packing = pack(&sizes, &[0.0, 300.0, 900.0], GAPS, 1.0);
        assert_eq!(packing.corners[1], (300.0, 410.0));
        assert_eq!(packing.corners[2], (510.0, 410.0));
    }

    #[test]
    fn nothing_to_pack_packs_to_nothing() {
        let packing = pack(&[], &[], GAPS, 1.0);
        assert!(packing.corners.is_empty());
        assert_eq!((packing.width, packing.height), (0.0, 0.0));
    }
}
