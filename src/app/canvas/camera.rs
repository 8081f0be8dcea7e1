//! Where the canvas looks: the map point at the centre of the view and the zoom factor, with
//! zooming that keeps the point under the pointer still and limits that keep text crisp.

use eframe::egui::{Pos2, Rect, Vec2, emath::TSTransform};

/// Where the view looks: the map point at the centre of the canvas and the zoom factor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Camera {
    /// Map point shown at the centre of the canvas.
    pub center: Pos2,
    /// Screen pixels per map unit.
    pub zoom: f32,
}

impl Default for Camera {
    fn default() -> Self {
        Camera {
            center: Pos2::ZERO,
            zoom: 1.0,
        }
    }
}

impl Camera {
    /// Smallest zoom: the whole of a very large map fits.
    pub const MIN_ZOOM: f32 = 0.02;
    /// Largest zoom: text is rasterised at its real size, so it stays crisp up to here.
    pub const MAX_ZOOM: f32 = 4.0;
    /// The largest zoom "fit" picks, so a tiny map is not blown up to poster size.
    pub const MAX_FIT_ZOOM: f32 = 1.5;
    /// Zoom at which labels are comfortably readable; revealing an item zooms in to at least
    /// this.
    pub const READABLE: f32 = 0.6;
    /// The least zoom the first view of a map uses: labels are small but legible.
    pub const LEGIBLE: f32 = 0.5;
    /// Zoom factor of one zoom-in step (keyboard, toolbar).
    pub const STEP: f32 = 1.25;
    /// Margin kept around the fitted content, in screen pixels.
    const FIT_MARGIN: f32 = 40.0;

    /// The map-to-screen transform for a canvas occupying `viewport`.
    pub fn to_screen(&self, viewport: Rect) -> TSTransform {
        TSTransform::new(
            viewport.center().to_vec2() - self.center.to_vec2() * self.zoom,
            self.zoom,
        )
    }

    /// The part of the map visible in `viewport`.
    pub fn visible(&self, viewport: Rect) -> Rect {
        self.to_screen(viewport).inverse().mul_rect(viewport)
    }

    /// The map point under a screen point.
    pub fn to_map(&self, viewport: Rect, screen: Pos2) -> Pos2 {
        self.center + (screen - viewport.center()) / self.zoom
    }

    /// A camera that shows all of `bounds` inside `viewport` with a margin.
    pub fn fit(bounds: Rect, viewport: Rect) -> Camera {
        if !bounds.is_finite() || bounds.is_negative() || !viewport.is_positive() {
            return Camera::default();
        }
        let room = (viewport.size() - Vec2::splat(2.0 * Self::FIT_MARGIN)).max(Vec2::splat(1.0));
        let size = bounds.size().max(Vec2::splat(1.0));
        let zoom = (room.x / size.x)
            .min(room.y / size.y)
            .clamp(Self::MIN_ZOOM, Self::MAX_FIT_ZOOM);
        Camera {
            center: bounds.center(),
            zoom,
        }
    }

    /// Like [`Camera::fit`], but shows `bounds` inside `area`, a part of `viewport` left free
    /// by overlays such as the legend.
    pub fn fit_within(bounds: Rect, viewport: Rect, area: Rect) -> Camera {
        let area = area.intersect(viewport);
        if !area.is_positive() {
            return Camera::fit(bounds, viewport);
        }
        let mut camera = Camera::fit(bounds, area);
        camera.center -= (area.center() - viewport.center()) / camera.zoom;
        camera
    }

    /// The first view of a map: all of it when it fits at a zoom where labels can be read,
    /// else its top at that zoom, so the reader starts reading rather than squinting (the
    /// overview shows the rest; "fit map" shows everything).
    pub fn opening_view(bounds: Rect, viewport: Rect, area: Rect) -> Camera {
        let fitted = Camera::fit_within(bounds, viewport, area);
        if fitted.zoom >= Self::LEGIBLE || !bounds.is_finite() || bounds.is_negative() {
            return fitted;
        }
        let area = area.intersect(viewport);
        let area = if area.is_positive() { area } else { viewport };
        let zoom = Self::LEGIBLE;
        let top = bounds.top() - Self::FIT_MARGIN / zoom;
        let center = Pos2::new(bounds.center().x, top + area.height() / 2.0 / zoom);
        Camera {
            center: center - (area.center() - viewport.center()) / zoom,
            zoom,
        }
    }

    /// This camera panned just enough for `bounds` to lie wholly in the view (with a small
    /// margin), at the same zoom; unchanged when it already does. A box larger than the view
    /// is centred.
    pub fn nudged_to_show(&self, bounds: Rect, viewport: Rect) -> Camera {
        let margin = Self::FIT_MARGIN / 2.0 / self.zoom;
        let wanted = bounds.expand(margin);
        let visible = self.visible(viewport);
        let shift = |lo: f32, hi: f32, view_lo: f32, view_hi: f32| {
            if hi - lo > view_hi - view_lo {
                (lo + hi) / 2.0 - (view_lo + view_hi) / 2.0
            } else if lo < view_lo {
                lo - view_lo
            } else if hi > view_hi {
                hi - view_hi
            } else {
                0.0
            }
        };
        let delta = Vec2::new(
            shift(
                wanted.left(),
                wanted.right(),
                visible.left(),
                visible.right(),
            ),
            shift(
                wanted.top(),
                wanted.bottom(),
                visible.top(),
                visible.bottom(),
            ),
        );
        Camera {
            center: self.center + delta,
            zoom: self.zoom,
        }
    }

    /// A camera that brings `bounds` into `area` (part of `viewport`) with as little change
    /// as possible: it only pans when the box fits at the current zoom and labels are
    /// readable, and otherwise zooms to fit it (but no closer than 100%).
    pub fn reveal(&self, bounds: Rect, viewport: Rect, area: Rect) -> Camera {
        let fitted = Camera::fit_within(bounds, viewport, area);
        let zoom = if fitted.zoom >= self.zoom && self.zoom >= Self::READABLE {
            self.zoom
        } else {
            fitted.zoom.min(self.zoom.max(1.0))
        };
        let area = area.intersect(viewport);
        let area = if area.is_positive() { area } else { viewport };
        Camera {
            center: bounds.center() - (area.center() - viewport.center()) / zoom,
            zoom,
        }
    }

    /// Multiplies the zoom by `factor` (clamped to the limits), keeping the map point under
    /// the screen point `anchor` where it is.
    pub fn zoom_around(&mut self, viewport: Rect, anchor: Pos2, factor: f32) {
        if !factor.is_finite() || factor <= 0.0 {
            return;
        }
        let fixed = self.to_map(viewport, anchor);
        self.zoom = (self.zoom * factor).clamp(Self::MIN_ZOOM, Self::MAX_ZOOM);
        self.center = fixed - (anchor - viewport.center()) / self.zoom;
    }

    /// Moves the view by a screen distance (the map follows the pointer).
    pub fn pan_by(&mut self, screen_delta: Vec2) {
        self.center -= screen_delta / self.zoom;
    }

    /// Centres the view on a map point without changing the zoom.
    pub fn look_at(&mut self, point: Pos2) {
        self.center = point;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn viewport() -> Rect {
        Rect::from_min_size(Pos2::new(100.0, 50.0), Vec2::new(800.0, 600.0))
    }

    #[test]
    fn map_and_screen_points_round_trip() {
        let camera = Camera {
            center: Pos2::new(30.0, -20.0),
            zoom: 2.0,
        };
        let screen = camera.to_screen(viewport()) * Pos2::new(10.0, 5.0);
        let back = camera.to_map(viewport(), screen);
        assert!((back - Pos2::new(10.0, 5.0)).length() < 1e-4);
        assert_eq!(
            camera.to_screen(viewport()) * camera.center,
            viewport().center()
        );
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer() {
        let mut camera = Camera::default();
        let anchor = Pos2::new(250.0, 120.0);
        let before = camera.to_map(viewport(), anchor);
        camera.zoom_around(viewport(), anchor, 1.7);
        assert!((camera.to_map(viewport(), anchor) - before).length() < 1e-3);
        assert!((camera.zoom - 1.7).abs() < 1e-6);
    }

    #[test]
    fn zoom_stays_within_limits() {
        let mut camera = Camera::default();
        camera.zoom_around(viewport(), viewport().center(), 1000.0);
        assert_eq!(camera.zoom, Camera::MAX_ZOOM);
        camera.zoom_around(viewport(), viewport().center(), 1e-6);
        assert_eq!(camera.zoom, Camera::MIN_ZOOM);
        camera.zoom_around(viewport(), viewport().center(), f32::NAN);
        assert_eq!(camera.zoom, Camera::MIN_ZOOM);
    }

    #[test]
    fn nudging_pans_only_as_far_as_the_box_needs() {
        let camera = Camera {
            center: Pos2::ZERO,
            zoom: 1.0,
        };
        let inside = Rect::from_center_size(Pos2::new(10.0, 10.0), Vec2::new(100.0, 40.0));
        assert_eq!(camera.nudged_to_show(inside, viewport()), camera);
        let visible = camera.visible(viewport());
        let cut = Rect::from_min_size(
            Pos2::new(visible.left() - 50.0, 0.0),
            Vec2::new(200.0, 40.0),
        );
        let nudged = camera.nudged_to_show(cut, viewport());
        assert_eq!(nudged.zoom, 1.0);
        assert!(nudged.visible(viewport()).contains_rect(cut));
        assert!(
            (nudged.center.x - camera.center.x).abs() < 100.0,
            "moved {} for a box cut by 50",
            nudged.center.x - camera.center.x
        );
        assert_eq!(nudged.center.y, camera.center.y);
    }

    #[test]
    fn revealing_pans_when_it_can_and_zooms_when_it_must() {
        let camera = Camera {
            center: Pos2::ZERO,
            zoom: 1.0,
        };
        let node = Rect::from_center_size(Pos2::new(2000.0, 500.0), Vec2::new(120.0, 40.0));
        let panned = camera.reveal(node, viewport(), viewport());
        assert_eq!(panned.zoom, 1.0);
        assert!(panned.visible(viewport()).contains_rect(node));
        // From far away, zoom in to see it.
        let far = Camera {
            center: Pos2::ZERO,
            zoom: 0.05,
        };
        let closer = far.reveal(node, viewport(), viewport());
        assert!(closer.zoom >= 1.0 - 1e-6, "{}", closer.zoom);
        assert!(closer.visible(viewport()).contains_rect(node));
        // A box larger than the view is fitted.
        let big = Rect::from_center_size(Pos2::ZERO, Vec2::new(5000.0, 5000.0));
        let fitted = camera.reveal(big, viewport(), viewport());
        assert!(fitted.visible(viewport()).contains_rect(big));
    }

    #[test]
    fn a_tall_map_opens_at_its_top_with_legible_labels() {
        let tall = Rect::from_min_max(Pos2::new(-300.0, 0.0), Pos2::new(300.0, 3000.0));
        let camera = Camera::opening_view(tall, viewport(), viewport());
        assert_eq!(camera.zoom, Camera::LEGIBLE);
        let seen = camera.visible(viewport());
        assert!(
            seen.top() < tall.top() && seen.bottom() < tall.bottom(),
            "{seen:?}"
        );
        assert!(
            seen.left() <= tall.left() && seen.right() >= tall.right(),
            "{seen:?}"
        );
        // A small map is simply fitted.
        let small = Rect::from_min_max(Pos2::ZERO, Pos2::new(400.0, 300.0));
        assert_eq!(
            Camera::opening_view(small, viewport(), viewport()),
            Camera::fit(small, viewport())
        );
    }

    #[test]
    fn fitting_shows_the_whole_box() {
        let bounds = Rect::from_min_max(Pos2::new(-1000.0, -200.0), Pos2::new(3000.0, 900.0));
        let camera = Camera::fit(bounds, viewport());
        let visible = camera.visible(viewport());
        assert!(visible.contains_rect(bounds), "{visible:?}");
        // A single point still gets a sensible camera.
        // Fitting beside an overlay keeps the box out of the overlay's part of the view.
        let free = Rect::from_min_max(Pos2::new(400.0, 50.0), viewport().max);
        let beside = Camera::fit_within(bounds, viewport(), free);
        let shown = beside.to_screen(viewport()).mul_rect(bounds);
        assert!(free.contains_rect(shown), "{shown:?}");
        let dot = Camera::fit(Rect::from_center_size(Pos2::ZERO, Vec2::ZERO), viewport());
        assert_eq!(dot.zoom, Camera::MAX_FIT_ZOOM);
        assert_eq!(Camera::fit(Rect::NOTHING, viewport()), Camera::default());
    }
}
