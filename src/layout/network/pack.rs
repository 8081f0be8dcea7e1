//! Packing separately laid out pieces of a map side by side in rows, so unconnected parts
//! neither overlap nor drift far apart.

/// Offsets (of each piece's top-left corner) that pack pieces of the given sizes into rows of
/// roughly square overall shape, tallest pieces first, `gap` apart.
pub fn pack_rows(sizes: &[(f32, f32)], gap: f32) -> Vec<(f32, f32)> {
    let area: f32 = sizes.iter().map(|(w, h)| (w + gap) * (h + gap)).sum();
    let widest = sizes.iter().map(|(w, _)| *w).fold(0.0_f32, f32::max);
    let row_width = (area.sqrt() * 1.2).max(widest);
    let mut order: Vec<usize> = (0..sizes.len()).collect();
    order.sort_by(|&a, &b| {
        let ha = sizes.get(a).map_or(0.0, |s| s.1);
        let hb = sizes.get(b).map_or(0.0, |s| s.1);
        hb.total_cmp(&ha).then(a.cmp(&b))
    });
    let mut offsets = vec![(0.0, 0.0); sizes.len()];
    let (mut x, mut y, mut row_height) = (0.0_f32, 0.0_f32, 0.0_f32);
    for i in order {
        let Some(&(w, h)) = sizes.get(i) else {
            continue;
        };
        if x > 0.0 && x + w > row_width {
            x = 0.0;
            y += row_height + gap;
            row_height = 0.0;
        }
        if let Some(slot) = offsets.get_mut(i) {
            *slot = (x, y);
        }
        x += w + gap;
        row_height = row_height.max(h);
    }
    offsets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_pieces_do_not_overlap() {
        let sizes = [
            (100.0, 50.0),
            (300.0, 200.0),
            (80.0, 80.0),
            (120.0, 40.0),
            (50.0, 50.0),
        ];
        let offsets = pack_rows(&sizes, 10.0);
        for i in 0..sizes.len() {
            for j in i + 1..sizes.len() {
                let (a, b) = (offsets[i], offsets[j]);
                let apart_x = a.0 + sizes[i].0 + 10.0 <= b.0 || b.0 + sizes[j].0 + 10.0 <= a.0;
                let apart_y = a.1 + sizes[i].1 + 10.0 <= b.1 || b.1 + sizes[j].1 + 10.0 <= a.1;
                assert!(apart_x || apart_y, "{i} and {j}");
            }
        }
        // The tallest piece starts the first row.
        assert_eq!(offsets[1], (0.0, 0.0));
    }
}
