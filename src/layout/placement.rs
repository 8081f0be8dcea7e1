//! Placing nodes along a line in a given order: each as near as it can get to where it wants
//! to be, without coming closer to its neighbours than their sizes and a gap allow.

/// Positions along a line for items kept in order. Item `i` wants to sit at `desired[i]`
/// and must stay at least `spacing[i]` after item `i - 1` (`spacing[0]` is ignored).
///
/// Minimises the summed squared distance from the desired positions under those constraints,
/// exactly, with the pool-adjacent-violators algorithm in linear time: shifting each item by
/// the spacing before it turns the constraints into "never decreasing", whose least-squares
/// answer is the isotonic regression.
pub fn place_in_order(desired: &[f32], spacing: &[f32]) -> Vec<f32> {
    let n = desired.len();
    let mut offsets = Vec::with_capacity(n);
    let mut offset = 0.0_f64;
    for (i, gap) in spacing.iter().enumerate().take(n) {
        if i > 0 {
            offset += f64::from(*gap);
        }
        offsets.push(offset);
    }
    offsets.resize(n, offset);
    // Blocks of pooled items: (sum of targets, count).
    let mut blocks: Vec<(f64, usize)> = Vec::with_capacity(n);
    for (d, o) in desired.iter().zip(&offsets) {
        blocks.push((f64::from(*d) - o, 1));
        while blocks.len() > 1 {
            let (Some(&(s1, c1)), Some(&(s2, c2))) = (blocks.get(blocks.len() - 2), blocks.last())
            else {
                break;
            };
            if s1 / c1 as f64 > s2 / c2 as f64 {
                blocks.pop();
                if let Some(last) = blocks.last_mut() {
                    *last = (s1 + s2, c1 + c2);
                }
            } else {
                break;
            }
        }
    }
    let mut out = Vec::with_capacity(n);
    for (sum, count) in blocks {
        let level = sum / count as f64;
        for _ in 0..count {
            let o = offsets.get(out.len()).copied().unwrap_or(0.0);
            out.push((level + o) as f32);
        }
    }
    out
}

/// Positions that stack items one after another from `start`, each `spacing[i]` after the
/// previous one.
pub fn stack(start: f32, spacing: &[f32]) -> Vec<f32> {
    let mut at = start;
    spacing
        .iter()
        .enumerate()
        .map(|(i, gap)| {
            if i > 0 {
                at += gap;
            }
            at
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: &[f32], b: &[f32]) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-3)
    }

    #[test]
    fn items_far_apart_sit_where_they_want() {
        let out = place_in_order(&[0.0, 100.0, 300.0], &[0.0, 50.0, 50.0]);
        assert!(close(&out, &[0.0, 100.0, 300.0]), "{out:?}");
    }

    #[test]
    fn crowded_items_spread_evenly_around_their_mean() {
        // Three items all wanting 100, spaced 10 apart: centred on 100.
        let out = place_in_order(&[100.0, 100.0, 100.0], &[0.0, 10.0, 10.0]);
        assert!(close(&out, &[90.0, 100.0, 110.0]), "{out:?}");
    }

    #[test]
    fn order_is_kept_even_against_the_wishes() {
        // The second item wants to be before the first; they meet in the middle.
        let out = place_in_order(&[50.0, 0.0], &[0.0, 20.0]);
        assert!(close(&out, &[15.0, 35.0]), "{out:?}");
        for w in out.windows(2) {
            assert!(w[1] - w[0] >= 20.0 - 1e-3);
        }
    }

    #[test]
    fn stacking_adds_up_the_spacing() {
        assert_eq!(stack(5.0, &[0.0, 10.0, 20.0]), [5.0, 15.0, 35.0]);
        assert!(stack(0.0, &[]).is_empty());
    }
}
