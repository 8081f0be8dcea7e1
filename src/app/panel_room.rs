//! How wide the side panels may grow, so the canvas always keeps room: a panel never grows to
//! its widest table row (wide content scrolls inside it instead), and the panels together leave
//! the canvas at least [`MIN_CANVAS_WIDTH`] of any window wider than the panels' minimums.

/// The narrowest the canvas gets while the window is wide enough, in points.
pub const MIN_CANVAS_WIDTH: f32 = 320.0;

/// The narrowest a side panel may be made, in points.
const MIN_PANEL_WIDTH: f32 = 140.0;

/// The side panels and the share of the window each may take at most. The shares add up to
/// three quarters, so the canvas keeps a quarter even with every panel at its widest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SidePanel {
    /// The lists of claims, actors and sources, on the left.
    Lists,
    /// The inspector, on the right.
    Inspector,
    /// The analysis panel, on the right beside the inspector.
    Analysis,
}

impl SidePanel {
    fn share(self) -> f32 {
        match self {
            SidePanel::Lists => 0.20,
            SidePanel::Inspector => 0.22,
            SidePanel::Analysis => 0.33,
        }
    }

    /// The widest this panel may be in a window `window_width` points wide: its share of the
    /// window, and of what is left once the canvas has its least width.
    pub fn max_width(self, window_width: f32) -> f32 {
        const ALL_SHARES: f32 = 0.75;
        let of_window = window_width * self.share();
        let of_the_rest = (window_width - MIN_CANVAS_WIDTH).max(0.0) * self.share() / ALL_SHARES;
        of_window.min(of_the_rest).max(MIN_PANEL_WIDTH)
    }

    /// A panel builder with this panel's width limits.
    pub fn limit(self, panel: eframe::egui::Panel, window_width: f32) -> eframe::egui::Panel {
        panel
            .min_size(MIN_PANEL_WIDTH)
            .max_size(self.max_width(window_width))
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
                .map(|p| p.max_width(window))
                .sum();
            assert!(
                window - panels >= MIN_CANVAS_WIDTH - 1.0,
                "{window}: {panels}"
            );
        }
    }
}
