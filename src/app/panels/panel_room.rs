//! How wide the side panels may grow, so the canvas always keeps room: a panel never grows to
//! its widest table row (wide content scrolls inside it instead), and the panels together leave
//! the canvas at least [`MIN_CANVAS_WIDTH`] of any window wider than the panels' minimums.
//! The reader only takes its share when it is open, so the other panels keep their width
//! while it is closed.

/// The narrowest the canvas gets while the window is wide enough, in points.
pub const MIN_CANVAS_WIDTH: f32 = 320.0;

/// The narrowest a side panel may be made, in points.
const MIN_PANEL_WIDTH: f32 = 140.0;

/// The side panels and the share of the window each may take at most. The shares of the
/// panels that are always there add up to three quarters, so the canvas keeps a quarter even
/// with every panel at its widest; when the reader is open too, every panel gives up some.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SidePanel {
    /// The lists of claims, actors and sources, on the left.
    Lists,
    /// The inspector, on the right.
    Inspector,
    /// The analysis panel, on the right beside the inspector.
    Analysis,
    /// The reader of a source's text, on the left beside the lists.
    Reader,
}

impl SidePanel {
    fn share(self) -> f32 {
        match self {
            SidePanel::Lists => 0.20,
            SidePanel::Inspector => 0.22,
            SidePanel::Analysis => 0.33,
            SidePanel::Reader => 0.30,
        }
    }

    /// The shares the panels are scaled by: three quarters, or more when the reader is open.
    fn all_shares(reader_open: bool) -> f32 {
        if reader_open {
            0.75 + SidePanel::Reader.share()
        } else {
            0.75
        }
    }

    /// The widest this panel may be in a window `window_width` points wide: its share of the
    /// window, and of what is left once the canvas has its least width.
    /// `reader_open` says whether the reader takes its share as well.
    pub fn max_width(self, window_width: f32, reader_open: bool) -> f32 {
        let all_shares = Self::all_shares(reader_open);
        let of_window = window_width * self.share();
        let of_the_rest = (window_width - MIN_CANVAS_WIDTH).max(0.0) * self.share() / all_shares;
        of_window.min(of_the_rest).max(MIN_PANEL_WIDTH)
    }

    /// A panel builder with this panel's width limits, given whether the reader is open.
    pub fn limit(
        self,
        panel: eframe::egui::Panel,
        window_width: f32,
        reader_open: bool,
    ) -> eframe::egui::Panel {
        panel
            .min_size(MIN_PANEL_WIDTH)
            .max_size(self.max_width(window_width, reader_open))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_panel_at_its_widest_leaves_the_canvas_its_room() {
        for window in [960.0_f32, 1280.0, 1920.0, 3840.0] {
            let panels: f32 = [SidePanel::Lists, SidePanel::Inspector, SidePanel::Analysis]
                .iter()
                .map(|p| p.max_width(window, false))
                .sum();
            assert!(
                window - panels >= MIN_CANVAS_WIDTH - 1.0,
                "{window}: {panels}"
            );
        }
    }

    #[test]
    fn the_open_reader_leaves_the_canvas_its_room_and_is_left_alone_when_closed() {
        let all = [
            SidePanel::Lists,
            SidePanel::Inspector,
            SidePanel::Analysis,
            SidePanel::Reader,
        ];
        for window in [1280.0_f32, 1920.0, 3840.0] {
            let panels: f32 = all.iter().map(|p| p.max_width(window, true)).sum();
            assert!(window - panels >= MIN_CANVAS_WIDTH - 1.0, "{window}");
            assert!(SidePanel::Reader.max_width(window, true) >= 270.0);
        }
        assert_eq!(
            SidePanel::Inspector.max_width(1280.0, false),
            1280.0 * SidePanel::Inspector.share()
        );
    }
}
