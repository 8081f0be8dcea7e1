//! A set of grid cells (of the routing index, or its finer version cells) marked while a
//! waypoint search looks around: a bitmap over the search's area, so marking costs no more
//! than setting a flag and the set comes out sorted without sorting thousands of repeats.

use super::routing::Cell2;
use eframe::egui::{Pos2, Rect};

/// Cells of one size marked so far.
pub(super) struct CellMarks {
    size: f32,
    first: Cell2,
    columns: usize,
    rows: usize,
    marked: Vec<bool>,
    /// Cells marked outside the bitmap's area (rare: a big box reaching out of it).
    outside: Vec<Cell2>,
}

impl CellMarks {
    /// No cells of `size` map units marked yet; marking is cheapest within `area`.
    pub(super) fn over(area: Rect, size: f32) -> CellMarks {
        let (low, high) = (cell(area.min, size), cell(area.max, size));
        let columns = (high.0 - low.0 + 1).clamp(0, 4_096) as usize;
        let rows = (high.1 - low.1 + 1).clamp(0, 4_096) as usize;
        CellMarks {
            size,
            first: low,
            columns,
            rows,
            marked: vec![false; columns * rows],
            outside: Vec::new(),
        }
    }

    /// Marks every cell that `area` touches.
    pub(super) fn mark(&mut self, area: Rect) {
        let (low, high) = (cell(area.min, self.size), cell(area.max, self.size));
        self.mark_cells((low.0, high.0), (low.1, high.1));
    }

    /// The columns (or rows) of the cells that the span from `low` to `high` touches along
    /// one axis.
    pub(super) fn span(&self, low: f32, high: f32) -> (i32, i32) {
        let at = |v: f32| (v / self.size).floor().clamp(-1e6, 1e6) as i32;
        (at(low), at(high))
    }

    /// Marks the cells of the given columns and rows (first and last of each).
    pub(super) fn mark_cells(&mut self, columns: (i32, i32), rows: (i32, i32)) {
        for column in columns.0..=columns.1 {
            for row in rows.0..=rows.1 {
                let (c, r) = (column - self.first.0, row - self.first.1);
                let inside =
                    c >= 0 && r >= 0 && (c as usize) < self.columns && (r as usize) < self.rows;
                let flag = self.marked.get_mut(r as usize * self.columns + c as usize);
                match flag {
                    Some(flag) if inside => *flag = true,
                    _ => self.outside.push((column, row)),
                }
            }
        }
    }

    /// The marked cells, sorted, each once.
    pub(super) fn into_sorted(self) -> Vec<Cell2> {
        let mut cells: Vec<Cell2> = Vec::new();
        for c in 0..self.columns {
            for r in 0..self.rows {
                if self.marked.get(r * self.columns + c) == Some(&true) {
                    cells.push((self.first.0 + c as i32, self.first.1 + r as i32));
                }
            }
        }
        if !self.outside.is_empty() {
            cells.extend(self.outside);
            cells.sort_unstable();
            cells.dedup();
        }
        cells
    }
}

/// The cell of `size` that holds `p`, as the routing index counts cells.
fn cell(p: Pos2, size: f32) -> Cell2 {
    (
        (p.x / size).floor().clamp(-1e6, 1e6) as i32,
        (p.y / size).floor().clamp(-1e6, 1e6) as i32,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_come_out_sorted_once_inside_and_outside_the_area() {
        let mut marks = CellMarks::over(
            Rect::from_min_max(Pos2::ZERO, Pos2::new(100.0, 100.0)),
            40.0,
        );
        marks.mark(Rect::from_min_max(
            Pos2::new(45.0, 5.0),
            Pos2::new(50.0, 45.0),
        ));
        marks.mark(Rect::from_min_max(
            Pos2::new(41.0, 1.0),
            Pos2::new(42.0, 2.0),
        ));
        marks.mark(Rect::from_min_max(
            Pos2::new(-50.0, 90.0),
            Pos2::new(-45.0, 130.0),
        ));
        assert_eq!(marks.into_sorted(), [(-2, 2), (-2, 3), (1, 0), (1, 1)]);
    }
}
