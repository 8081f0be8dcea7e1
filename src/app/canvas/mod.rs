//! The canvas: the map drawn from its scene, with a camera to pan and zoom.

mod paint;

use crate::model::Map;
use crate::scene::{Scene, Style, Theme, VisibilityMap};
use eframe::egui::{self, Rect, Sense, Vec2, emath::TSTransform};
pub use paint::paint_shape;

/// Where the view looks: the map point at the centre of the canvas and the zoom factor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Camera {
    /// Map point shown at the centre of the canvas.
    pub center: egui::Pos2,
    /// Screen pixels per map unit.
    pub zoom: f32,
}

impl Default for Camera {
    fn default() -> Self {
        Camera {
            center: egui::Pos2::ZERO,
            zoom: 1.0,
        }
    }
}

impl Camera {
    /// Smallest zoom: the whole of a very large map fits.
    pub const MIN_ZOOM: f32 = 0.02;
    /// Largest zoom: text stays crisp.
    pub const MAX_ZOOM: f32 = 4.0;

    /// The map-to-screen transform for a canvas occupying `viewport`.
    pub fn to_screen(&self, viewport: Rect) -> TSTransform {
        TSTransform::new(
            viewport.center().to_vec2() - self.center.to_vec2() * self.zoom,
            self.zoom,
        )
    }

    /// A camera that shows all of `bounds` inside `viewport` with a margin.
    pub fn fit(bounds: Rect, viewport: Rect) -> Camera {
        if !bounds.is_positive() || !viewport.is_positive() {
            return Camera::default();
        }
        let margin = 40.0;
        let room = (viewport.size() - Vec2::splat(2.0 * margin)).max(Vec2::splat(1.0));
        let zoom = (room.x / bounds.width())
            .min(room.y / bounds.height())
            .clamp(Self::MIN_ZOOM, 1.5);
        Camera {
            center: bounds.center(),
            zoom,
        }
    }
}

/// The canvas's own state between frames: the scene built for the current map and the camera.
#[derive(Debug, Default)]
pub struct CanvasState {
    /// Where the view looks.
    pub camera: Camera,
    /// Whether the camera should fit the map on the next frame.
    pub fit_pending: bool,
    /// The scene, with the map generation, theme and visibility version it was built for.
    scene: Option<(u64, Theme, u64, Scene)>,
}

impl CanvasState {
    /// A canvas that fits the whole map into view on its first frame.
    pub fn fitting() -> Self {
        CanvasState {
            fit_pending: true,
            ..CanvasState::default()
        }
    }

    /// The scene for the map at `generation`, rebuilt only when the map, theme or visibility
    /// (dimmed and hidden items, with a version number that changes with it) changed.
    pub fn scene(
        &mut self,
        map: &Map,
        generation: u64,
        theme: Theme,
        visibility: Option<(&VisibilityMap, u64)>,
    ) -> &Scene {
        let version = visibility.map_or(0, |(_, v)| v);
        if !matches!(&self.scene, Some((g, t, v, _)) if *g == generation && *t == theme && *v == version)
        {
            self.scene = None;
        }
        let (_, _, _, scene) = self.scene.get_or_insert_with(|| {
            let style = Style::new(theme);
            (
                generation,
                theme,
                version,
                Scene::build_with(map, &style, visibility.map(|(v, _)| v)),
            )
        });
        scene
    }
}

/// Draws the map (dimming and hiding items as `visibility` says) and lets the user pan (drag)
/// and zoom (Ctrl+scroll).
pub fn canvas_ui(
    ui: &mut egui::Ui,
    map: &Map,
    generation: u64,
    state: &mut CanvasState,
    visibility: Option<(&VisibilityMap, u64)>,
) {
    let theme = if ui.visuals().dark_mode {
        Theme::Dark
    } else {
        Theme::Light
    };
    let (response, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
    let viewport = response.rect;
    painter.rect_filled(viewport, 0.0, Style::new(theme).background);
    let bounds = state.scene(map, generation, theme, visibility).bounds;
    if state.fit_pending {
        state.camera = Camera::fit(bounds, viewport);
        state.fit_pending = false;
    }
    if response.dragged() {
        state.camera.center -= response.drag_delta() / state.camera.zoom;
    }
    if response.hovered() {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
        if zoom != 1.0 {
            state.camera.zoom =
                (state.camera.zoom * zoom).clamp(Camera::MIN_ZOOM, Camera::MAX_ZOOM);
        } else if scroll != Vec2::ZERO {
            state.camera.center -= scroll / state.camera.zoom;
        }
    }
    let to_screen = state.camera.to_screen(viewport);
    let visible = to_screen.inverse().mul_rect(viewport);
    let scene = state.scene(map, generation, theme, visibility);
    for item in scene.items.iter().filter(|i| i.bounds.intersects(visible)) {
        for shape in &item.shapes {
            paint_shape(&painter, shape, to_screen, 1.0);
        }
    }
}
