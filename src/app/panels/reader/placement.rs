//! Where the coding form opens: just below the line it was opened from (the selection's last
//! line, or the point a quote was dropped at), or just above it when there is no room below,
//! and wholly on screen.

use eframe::egui::{Align2, Pos2, Rect, Vec2, pos2, vec2};

/// The gap between the line and the form, in points.
const GAP: f32 = 6.0;
/// The form's distance from the screen's edges at least, in points.
const MARGIN: f32 = 8.0;
/// The form's size before it has been shown once (its size with no suggestions listed).
pub const FORM_SIZE_GUESS: Vec2 = vec2(400.0, 270.0);
/// How much taller the form grows while it lists suggestions (six, at most, for a field):
/// below the line it grows downwards, so it goes there only with room for them.
const SUGGESTIONS_ROOM: f32 = 140.0;

/// Where a window opens: the point, and which of its corners goes there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    /// The point on screen.
    pub pos: Pos2,
    /// The window's corner placed at `pos`.
    pub pivot: Align2,
}

impl Placement {
    /// A window of `size` just below `line`, starting at its left; or, when that would leave
    /// it no room to grow by its suggestions above the bottom of `screen`, with its bottom just
    /// above `line` (it then grows upwards); always inside `screen` (when it fits on neither
    /// side, below, moved up as far as it must).
    pub fn at_line(line: Rect, size: Vec2, screen: Rect) -> Self {
        let inner = screen.shrink(MARGIN);
        let x = line.left().min(inner.right() - size.x).max(inner.left());
        let below = line.bottom() + GAP;
        let above = line.top() - GAP;
        if below + size.y + SUGGESTIONS_ROOM <= inner.bottom() {
            Placement {
                pos: pos2(x, below),
                pivot: Align2::LEFT_TOP,
            }
        } else if above - size.y >= inner.top() {
            Placement {
                pos: pos2(x, above),
                pivot: Align2::LEFT_BOTTOM,
            }
        } else {
            Placement {
                pos: pos2(x, (inner.bottom() - size.y).max(inner.top())),
                pivot: Align2::LEFT_TOP,
            }
        }
    }

    /// The window's rectangle when it is `size` big.
    pub fn rect(&self, size: Vec2) -> Rect {
        self.pivot.anchor_size(self.pos, size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCREEN: Rect = Rect {
        min: pos2(0.0, 0.0),
        max: pos2(1280.0, 800.0),
    };
    const SIZE: Vec2 = vec2(400.0, 300.0);

    fn line(left: f32, top: f32) -> Rect {
        Rect::from_min_size(pos2(left, top), vec2(200.0, 18.0))
    }

    #[test]
    fn the_form_opens_just_below_the_line_when_it_fits() {
        let placed = Placement::at_line(line(20.0, 200.0), SIZE, SCREEN);
        let rect = placed.rect(SIZE);
        assert_eq!(rect.left(), 20.0);
        assert_eq!(rect.top(), 218.0 + GAP);
        assert!(SCREEN.contains_rect(rect));
    }

    #[test]
    fn near_the_bottom_it_opens_just_above_the_line() {
        let placed = Placement::at_line(line(20.0, 600.0), SIZE, SCREEN);
        let rect = placed.rect(SIZE);
        assert_eq!(rect.bottom(), 600.0 - GAP);
        assert!(SCREEN.contains_rect(rect));
    }

    #[test]
    fn it_stays_on_screen_at_the_right_edge_and_on_a_short_screen() {
        let placed = Placement::at_line(line(1100.0, 100.0), SIZE, SCREEN);
        let rect = placed.rect(SIZE);
        assert_eq!(rect.right(), 1280.0 - MARGIN);
        assert!(SCREEN.contains_rect(rect));
        let short = Rect::from_min_size(Pos2::ZERO, vec2(1280.0, 500.0));
        let placed = Placement::at_line(line(20.0, 240.0), SIZE, short);
        let rect = placed.rect(SIZE);
        assert!(short.contains_rect(rect), "{rect:?}");
    }
}
