//! Paints the visible part of a drawing: items outside the view are skipped, and when labels
//! would be too small to read the whole view is drawn as one mesh of sketches instead.

use super::drawing::Drawing;
use super::moving::Moving;
use super::paint::{Look, push_shape};
use super::sketch::{MIN_HEAD_PX, Sketch, SketchMesh};
use super::text::MIN_TEXT_PX;
use crate::scene::{SceneId, SceneItem, Shape};
use eframe::egui::{self, Painter, Pos2, Rect, emath::TSTransform};
use std::collections::HashSet;

/// Most edges drawn in full detail at once. Beyond this the view is a tangle in which curves
/// and dash patterns cannot be told apart anyway, so edges are drawn as straight lines in their
/// colours (nodes keep their full drawing) and the frame stays fast.
pub const MAX_DETAILED_EDGES: usize = 500;

/// Opacity of items that are not highlighted while something is hovered.
pub const DIMMED: f32 = 0.18;

/// Which items stand out; the rest are dimmed. `None` draws everything normally.
pub type Highlight = Option<HashSet<SceneId>>;

/// Whether the map is drawn in full detail at this zoom (labels readable) or as sketches.
pub fn full_detail(drawing: &Drawing, zoom: f32) -> bool {
    drawing.style.font_size * zoom >= MIN_TEXT_PX
}

/// Paints every item of `drawing` that lies in `viewport` (screen) under `to_screen`.
pub fn paint_drawing(
    painter: &Painter,
    drawing: &Drawing,
    to_screen: TSTransform,
    viewport: Rect,
    highlight: &Highlight,
    moving: &Moving,
) {
    let visible = to_screen.inverse().mul_rect(viewport);
    let fade = |id: &SceneId| match highlight {
        Some(set) if !set.contains(id) => DIMMED,
        _ => 1.0,
    };
    let detail = full_detail(drawing, to_screen.scaling);
    let tangle = detail && {
        let edges =
            drawing.scene.items.iter().filter(|item| {
                matches!(item.id, SceneId::Edge(_)) && item.bounds.intersects(visible)
            });
        edges.take(MAX_DETAILED_EDGES + 1).count() > MAX_DETAILED_EDGES
    };
    let mut shapes = Vec::new();
    let mut sketches = SketchMesh::default();
    for (index, (item, sketch)) in drawing
        .scene
        .items
        .iter()
        .zip(&drawing.sketches)
        .enumerate()
    {
        // Mid-drag, dragged nodes and their edges are drawn where they are going.
        let moved = moving.adjust(&drawing.scene, index, item);
        let item = moved.as_ref().unwrap_or(item);
        if !item.bounds.intersects(visible) {
            continue;
        }
        let sketched_edge = tangle && matches!(item.id, SceneId::Edge(_));
        if detail && !sketched_edge {
            let look = Look {
                to_screen,
                fade: fade(&item.id),
                clip: viewport,
            };
            push_item(&mut shapes, painter, item, look);
        } else if moved.is_some() {
            sketches.push(&Sketch::of(item), to_screen, fade(&item.id));
        } else {
            sketches.push(sketch, to_screen, fade(&item.id));
        }
    }
    // Sketched edges go first so nodes cover their ends.
    if !sketches.mesh.is_empty() {
        painter.add(egui::Shape::mesh(sketches.mesh));
    }
    painter.extend(shapes);
}

/// The egui shapes of one scene item at full detail. Edge heads are enlarged about their tip
/// when they would be shorter than [`MIN_HEAD_PX`] on screen.
pub fn push_item(out: &mut Vec<egui::Shape>, painter: &Painter, item: &SceneItem, look: Look) {
    let head = match item.id {
        SceneId::Edge(_) => head_scale(item, look.to_screen.scaling),
        SceneId::Node(_) => None,
    };
    match head {
        None => {
            for shape in &item.shapes {
                push_shape(out, painter, shape, look);
            }
        }
        Some((tip, scale)) => {
            for shape in &item.shapes {
                match shape {
                    Shape::Polygon { .. } | Shape::Polyline { .. } => {
                        push_shape(out, painter, &scaled_about(shape, tip, scale), look);
                    }
                    _ => push_shape(out, painter, shape, look),
                }
            }
        }
    }
}

/// For an edge whose head would look too small, the head's tip and how much to enlarge it.
fn head_scale(item: &SceneItem, zoom: f32) -> Option<(Pos2, f32)> {
    item.shapes.iter().find_map(|shape| match shape {
        Shape::Polygon { points, .. } => match points.as_slice() {
            [tip, left, right, ..] => {
                let length = (*tip - (*left + right.to_vec2()) / 2.0).length() * zoom;
                (length > 0.0 && length < MIN_HEAD_PX).then(|| (*tip, MIN_HEAD_PX / length))
            }
            _ => None,
        },
        _ => None,
    })
}

fn scaled_about(shape: &Shape, centre: Pos2, scale: f32) -> Shape {
    let scale_point = |p: &Pos2| centre + (*p - centre) * scale;
    match shape {
        Shape::Polygon {
            points,
            fill,
            stroke,
        } => Shape::Polygon {
            points: points.iter().map(scale_point).collect(),
            fill: *fill,
            stroke: *stroke,
        },
        Shape::Polyline { points, stroke } => Shape::Polyline {
            points: points.iter().map(scale_point).collect(),
            stroke: *stroke,
        },
        other => other.clone(),
    }
}
