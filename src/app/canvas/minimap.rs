//! The overview in the corner of the canvas: the whole map in miniature with the part in view
//! outlined; click or drag in it to look elsewhere. Shown only while the map does not fit the
//! view. The miniature is a small image redrawn when the map changes, so a map of any size
//! costs one textured rectangle per frame.

use super::camera::Camera;
use super::drawing::Drawing;
use super::sketch::Sketch;
use eframe::egui::{
    self, Color32, ColorImage, Pos2, Rect, Sense, Stroke, StrokeKind, TextureHandle,
    TextureOptions, Vec2,
};

/// Largest size of the overview on screen.
const MAX_SIZE: Vec2 = Vec2::new(180.0, 120.0);
/// Space between the overview and the canvas edges.
const MARGIN: f32 = 12.0;

/// The overview's image and the drawing it shows.
#[derive(Default)]
pub struct Minimap {
    texture: Option<TextureHandle>,
    drawn: Option<(u64, [usize; 2])>,
}

impl std::fmt::Debug for Minimap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Minimap")
            .field("drawn", &self.drawn)
            .finish()
    }
}

/// Where the overview sits and how map points map into it.
struct Placement {
    rect: Rect,
    bounds: Rect,
    scale: f32,
}

impl Placement {
    fn to_screen(&self, p: Pos2) -> Pos2 {
        self.rect.min + (p - self.bounds.min) * self.scale
    }

    fn to_map(&self, p: Pos2) -> Pos2 {
        self.bounds.min + (p - self.rect.min) / self.scale
    }
}

impl Minimap {
    /// Shows the overview in the bottom-right corner of `viewport` when the map does not fit
    /// it; clicks and drags in it move the camera. Returns whether it was shown.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        drawing: &Drawing,
        camera: &mut Camera,
        viewport: Rect,
    ) -> bool {
        // Hidden while every node is in view, even when the margin around them is not.
        let nodes = drawing.scene.bounds;
        let visible = camera.visible(viewport);
        if !nodes.is_positive() || !nodes.is_finite() || visible.contains_rect(nodes) {
            return false;
        }
        let bounds = nodes.expand(20.0);
        // At most a quarter of the canvas each way, so a narrow canvas (the analysis panel
        // open beside it) keeps most of its room for the map.
        let most = MAX_SIZE.min(viewport.size() * 0.25);
        let scale = (most.x / bounds.width()).min(most.y / bounds.height());
        let size = bounds.size() * scale;
        if size.x < 24.0 || size.y < 24.0 {
            return false;
        }
        let rect = Rect::from_min_size(viewport.max - size - Vec2::splat(MARGIN), size);
        let place = Placement {
            rect,
            bounds,
            scale,
        };

        let response = ui
            .interact(rect, ui.scope_id().with("minimap"), Sense::click_and_drag())
            .on_hover_text("Overview: click or drag to look elsewhere");
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Map overview"));
        if (response.clicked() || response.dragged())
            && let Some(pointer) = response.interact_pointer_pos()
        {
            camera.look_at(place.to_map(pointer));
        }

        let texture = self.texture_for(ui.ctx(), drawing, &place);
        let painter = ui.painter().with_clip_rect(viewport);
        let visuals = ui.visuals();
        painter.rect(
            rect.expand(4.0),
            4.0,
            visuals.window_fill.gamma_multiply(0.75),
            visuals.window_stroke,
            StrokeKind::Inside,
        );
        painter.image(
            texture.id(),
            rect,
            Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0)),
            Color32::WHITE.gamma_multiply(0.8),
        );
        let seen = Rect::from_min_max(place.to_screen(visible.min), place.to_screen(visible.max))
            .intersect(rect.expand(2.0));
        painter.rect_stroke(
            seen,
            1.0,
            Stroke::new(1.5, visuals.selection.stroke.color),
            StrokeKind::Inside,
        );
        true
    }

    /// The miniature image, redrawn when the drawing or the overview's size changed.
    fn texture_for(
        &mut self,
        ctx: &egui::Context,
        drawing: &Drawing,
        place: &Placement,
    ) -> TextureHandle {
        let ppp = ctx.pixels_per_point();
        let pixels = [
            (place.rect.width() * ppp).round().max(1.0) as usize,
            (place.rect.height() * ppp).round().max(1.0) as usize,
        ];
        let key = (drawing.generation, pixels);
        if let (Some(texture), Some(drawn)) = (&self.texture, self.drawn)
            && drawn == key
        {
            return texture.clone();
        }
        let image = miniature(drawing, place, pixels, ppp);
        let texture = match self.texture.take() {
            Some(mut texture) => {
                texture.set(image, TextureOptions::LINEAR);
                texture
            }
            None => ctx.load_texture("minimap", image, TextureOptions::LINEAR),
        };
        self.drawn = Some(key);
        self.texture = Some(texture.clone());
        texture
    }
}

/// Paints every node as a small box of its border colour.
fn miniature(drawing: &Drawing, place: &Placement, [w, h]: [usize; 2], ppp: f32) -> ColorImage {
    let mut pixels = vec![Color32::TRANSPARENT; w * h];
    for sketch in &drawing.sketches {
        let Sketch::Node { rect, border, .. } = sketch else {
            continue;
        };
        let min = (place.to_screen(rect.min) - place.rect.min) * ppp;
        let max = (place.to_screen(rect.max) - place.rect.min) * ppp;
        let x0 = (min.x.floor().max(0.0) as usize).min(w - 1);
        let y0 = (min.y.floor().max(0.0) as usize).min(h - 1);
        let x1 = (max.x.ceil().max(0.0) as usize).clamp(x0 + 1, w);
        let y1 = (max.y.ceil().max(0.0) as usize).clamp(y0 + 1, h);
        for y in y0..y1 {
            if let Some(row) = pixels.get_mut(y * w + x0..y * w + x1) {
                row.fill(*border);
            }
        }
    }
    ColorImage::new([w, h], pixels)
}
