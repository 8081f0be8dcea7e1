//! Finding free room for a box: a spatial index of the boxes already placed, and a search
//! outwards from a wanted spot for the nearest place where a new box keeps its distance.

use super::geometry::{NodeBox, Size};
use crate::model::Point;
use std::collections::HashMap;

/// Boxes bucketed by grid cell, for "is anything near here?" questions.
#[derive(Debug, Clone)]
pub struct BoxIndex {
    cell: f32,
    boxes: Vec<NodeBox>,
    cells: HashMap<(i64, i64), Vec<usize>>,
}

impl BoxIndex {
    /// An empty index with cells of side `cell` (about the size of a typical box).
    pub fn new(cell: f32) -> Self {
        BoxIndex {
            cell: cell.max(1.0),
            boxes: Vec::new(),
            cells: HashMap::new(),
        }
    }

    /// An index holding `boxes`, with a cell size suited to them.
    pub fn of(boxes: impl IntoIterator<Item = NodeBox>) -> Self {
        let boxes: Vec<NodeBox> = boxes.into_iter().collect();
        let cell = boxes
            .iter()
            .map(|b| b.size.w.max(b.size.h))
            .fold(0.0_f32, f32::max)
            .max(50.0);
        let mut index = BoxIndex::new(cell);
        for b in boxes {
            index.insert(b);
        }
        index
    }

    fn span(&self, b: &NodeBox, margin: f32) -> (i64, i64, i64, i64) {
        let c = |v: f32| (v / self.cell).floor() as i64;
        (
            c(b.left() - margin),
            c(b.top() - margin),
            c(b.right() + margin),
            c(b.bottom() + margin),
        )
    }

    /// Adds a box.
    pub fn insert(&mut self, b: NodeBox) {
        let id = self.boxes.len();
        let (c0, r0, c1, r1) = self.span(&b, 0.0);
        for row in r0..=r1 {
            for column in c0..=c1 {
                self.cells.entry((column, row)).or_default().push(id);
            }
        }
        self.boxes.push(b);
    }

    /// Whether some box in the index comes closer than `gap` to `b`.
    pub fn crowds(&self, b: &NodeBox, gap: f32) -> bool {
        let (c0, r0, c1, r1) = self.span(b, gap);
        for row in r0..=r1 {
            for column in c0..=c1 {
                let Some(list) = self.cells.get(&(column, row)) else {
                    continue;
                };
                if list
                    .iter()
                    .filter_map(|&i| self.boxes.get(i))
                    .any(|other| other.too_close(b, gap))
                {
                    return true;
                }
            }
        }
        false
    }

    /// The free spot nearest to `wanted` (searched on a fine grid, ring by ring) where a box
    /// of `size` keeps `gap` from every box in the index.
    pub fn nearest_free(&self, wanted: Point, size: Size, gap: f32) -> Point {
        let (dx, dy) = self.nearest_free_shift(&[NodeBox::new(wanted, size)], gap);
        Point::new(wanted.x + dx, wanted.y + dy)
    }

    /// The shortest move (searched on a fine grid, ring by ring) after which every box of
    /// `group` keeps `gap` from every box in the index. The group moves as one, so its boxes
    /// keep their arrangement; an empty group needs no move.
    pub fn nearest_free_shift(&self, group: &[NodeBox], gap: f32) -> (f32, f32) {
        let step = group
            .iter()
            .map(|b| b.size.h.min(b.size.w) / 2.0)
            .fold(f32::MAX, f32::min)
            .clamp(8.0, 200.0);
        let try_shift = |dx: i64, dy: i64| {
            let shift = (dx as f32 * step, dy as f32 * step);
            let free = group.iter().all(|b| {
                let moved = NodeBox::new(
                    Point::new(b.centre.x + shift.0, b.centre.y + shift.1),
                    b.size,
                );
                !self.crowds(&moved, gap)
            });
            free.then_some(shift)
        };
        if let Some(shift) = try_shift(0, 0) {
            return shift;
        }
        let mut ring = 1i64;
        loop {
            // Every grid point on the square ring at Chebyshev distance `ring`, nearest first.
            let mut candidates: Vec<(i64, i64)> = Vec::with_capacity(ring as usize * 8);
            for d in -ring..=ring {
                candidates.extend([(d, -ring), (d, ring)]);
                if d.abs() < ring {
                    candidates.extend([(-ring, d), (ring, d)]);
                }
            }
            candidates.sort_by_key(|&(x, y)| (x * x + y * y, y, x));
            if let Some(shift) = candidates.into_iter().find_map(|(x, y)| try_shift(x, y)) {
                return shift;
            }
            ring += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_free_spot_is_returned_as_is() {
        let index = BoxIndex::of([NodeBox::new(Point::new(0.0, 0.0), Size::new(100.0, 40.0))]);
        let at = index.nearest_free(Point::new(0.0, 200.0), Size::new(100.0, 40.0), 10.0);
        assert_eq!(at, Point::new(0.0, 200.0));
    }

    #[test]
    fn a_taken_spot_moves_to_the_nearest_free_one() {
        let taken = NodeBox::new(Point::new(0.0, 0.0), Size::new(100.0, 40.0));
        let index = BoxIndex::of([taken]);
        let size = Size::new(100.0, 40.0);
        let at = index.nearest_free(Point::new(0.0, 0.0), size, 10.0);
        assert!(!NodeBox::new(at, size).too_close(&taken, 10.0));
        // Moving up or down is cheaper than moving sideways for wide boxes.
        assert_eq!(at.x, 0.0);
        assert!((at.y.abs() - 60.0).abs() <= 20.0, "{at:?}");
    }

    #[test]
    fn a_crowded_area_is_left_for_open_space() {
        let size = Size::new(60.0, 30.0);
        let boxes: Vec<NodeBox> = (-3..=3)
            .flat_map(|i| {
                (-3..=3)
                    .map(move |j| NodeBox::new(Point::new(i as f32 * 70.0, j as f32 * 40.0), size))
            })
            .collect();
        let index = BoxIndex::of(boxes.clone());
        let at = index.nearest_free(Point::new(0.0, 0.0), size, 5.0);
        assert!(
            boxes
                .iter()
                .all(|b| !b.too_close(&NodeBox::new(at, size), 5.0))
        );
    }
}
