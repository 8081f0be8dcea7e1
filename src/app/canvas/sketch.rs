//! The far-zoom drawing of a scene. When labels are too small to read, every node becomes a
//! plain box in its colours and every edge a straight line with a head, all written into one
//! mesh: tens of thousands of items then cost a few milliseconds instead of one egui shape
//! (and its tessellation) each.

use crate::scene::{SceneId, SceneItem, Shape};
use eframe::egui::{Color32, Mesh, Pos2, Rect, Vec2, emath::TSTransform};

/// Shortest an arrowhead is drawn on screen, so the direction of an edge stays visible.
pub const MIN_HEAD_PX: f32 = 6.0;

/// The few facts about a scene item that its far-zoom drawing needs, taken from its shapes
/// once when the scene is built.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Sketch {
    /// A node: its box, fill and border colours.
    Node {
        /// The node's box, in map units.
        rect: Rect,
        /// Fill colour.
        fill: Color32,
        /// Border colour.
        border: Color32,
    },
    /// An edge: where it leaves its start node, where its head's tip touches the end node.
    Edge {
        /// Start of the line, in map units.
        from: Pos2,
        /// Tip of the head, in map units.
        tip: Pos2,
        /// Line colour.
        colour: Color32,
        /// Line width in map units.
        width: f32,
        /// Length of the head in map units.
        head: f32,
    },
    /// Nothing worth drawing.
    Nothing,
}

impl Sketch {
    /// The sketch of a scene item.
    pub fn of(item: &SceneItem) -> Sketch {
        match item.id {
            SceneId::Node(_) => node_sketch(item),
            SceneId::Edge(_) => edge_sketch(item),
        }
    }
}

fn node_sketch(item: &SceneItem) -> Sketch {
    let outline = item.shapes.iter().find_map(|shape| match shape {
        Shape::Rect { fill, stroke, .. }
        | Shape::Ellipse { fill, stroke, .. }
        | Shape::Polygon { fill, stroke, .. } => Some((*fill, stroke.colour)),
        _ => None,
    });
    match outline {
        Some((fill, border)) => Sketch::Node {
            rect: item.bounds,
            fill,
            border,
        },
        None => Sketch::Nothing,
    }
}

fn edge_sketch(item: &SceneItem) -> Sketch {
    let line = item.shapes.iter().find_map(|shape| match shape {
        Shape::Curve { points, stroke } => Some((points[0], *stroke)),
        _ => None,
    });
    let head = item.shapes.iter().find_map(|shape| match shape {
        Shape::Polygon { points, .. } => match points.as_slice() {
            [tip, left, right, ..] => {
                Some((*tip, (*tip - (*left + right.to_vec2()) / 2.0).length()))
            }
            _ => None,
        },
        _ => None,
    });
    match (line, head) {
        (Some((from, stroke)), Some((tip, head))) => Sketch::Edge {
            from,
            tip,
            colour: stroke.colour,
            width: stroke.width,
            head,
        },
        _ => Sketch::Nothing,
    }
}

/// Writes sketches into a mesh, in screen coordinates.
#[derive(Default)]
pub struct SketchMesh {
    /// The mesh being filled.
    pub mesh: Mesh,
}

impl SketchMesh {
    /// Adds one sketch, faded by `fade` (1 = full colour).
    pub fn push(&mut self, sketch: &Sketch, to_screen: TSTransform, fade: f32) {
        let tint = |c: Color32| {
            if fade >= 1.0 {
                c
            } else {
                c.gamma_multiply(fade)
            }
        };
        match *sketch {
            Sketch::Node { rect, fill, border } => {
                let rect = to_screen.mul_rect(rect);
                self.mesh.add_colored_rect(rect, tint(border));
                if rect.width() > 3.0 && rect.height() > 3.0 {
                    self.mesh.add_colored_rect(rect.shrink(1.0), tint(fill));
                }
            }
            Sketch::Edge {
                from,
                tip,
                colour,
                width,
                head,
            } => {
                let (a, b) = (to_screen * from, to_screen * tip);
                let along = b - a;
                let length = along.length();
                if length < 0.5 {
                    return;
                }
                let dir = along / length;
                let head = (head * to_screen.scaling).max(MIN_HEAD_PX).min(length);
                let colour = tint(colour);
                let width = (width * to_screen.scaling).max(1.0);
                self.quad(a, b - dir * head * 0.9, width, colour);
                let side = dir.rot90() * head * 0.45;
                let back = b - dir * head;
                self.triangle([b, back + side, back - side], colour);
            }
            Sketch::Nothing => {}
        }
    }

    /// A straight band of `width` from `a` to `b`.
    fn quad(&mut self, a: Pos2, b: Pos2, width: f32, colour: Color32) {
        let along = b - a;
        if along.length_sq() < 1e-6 {
            return;
        }
        let n: Vec2 = along.normalized().rot90() * (width / 2.0);
        let base = self.mesh.vertices.len() as u32;
        for p in [a + n, a - n, b - n, b + n] {
            self.mesh.colored_vertex(p, colour);
        }
        self.mesh.add_triangle(base, base + 1, base + 2);
        self.mesh.add_triangle(base, base + 2, base + 3);
    }

    fn triangle(&mut self, points: [Pos2; 3], colour: Color32) {
        let base = self.mesh.vertices.len() as u32;
        for p in points {
            self.mesh.colored_vertex(p, colour);
        }
        self.mesh.add_triangle(base, base + 1, base + 2);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorId, ClaimId, EdgeId, NodeId, StanceId};
    use crate::scene::LineStyle;

    fn edge() -> SceneItem {
        let stroke = LineStyle::solid(2.0, Color32::RED);
        SceneItem {
            id: SceneId::Edge(EdgeId::Stance(StanceId(3))),
            bounds: Rect::from_min_max(Pos2::ZERO, Pos2::new(100.0, 10.0)),
            ends: Some((NodeId::Actor(ActorId(1)), NodeId::Claim(ClaimId(2)))),
            merged: Vec::new(),
            shapes: vec![
                Shape::Curve {
                    points: [
                        Pos2::ZERO,
                        Pos2::new(30.0, 0.0),
                        Pos2::new(60.0, 0.0),
                        Pos2::new(90.0, 0.0),
                    ],
                    stroke,
                },
                Shape::Polygon {
                    points: vec![
                        Pos2::new(100.0, 0.0),
                        Pos2::new(90.0, 4.0),
                        Pos2::new(90.0, -4.0),
                    ],
                    fill: Color32::RED,
                    stroke: LineStyle::NONE,
                },
            ],
        }
    }

    #[test]
    fn an_edge_sketch_runs_from_its_start_to_its_tip() {
        let Sketch::Edge {
            from, tip, head, ..
        } = Sketch::of(&edge())
        else {
            panic!("not an edge sketch")
        };
        assert_eq!((from, tip), (Pos2::ZERO, Pos2::new(100.0, 0.0)));
        assert!((head - 10.0).abs() < 1e-4);
    }

    #[test]
    fn far_away_heads_keep_a_visible_size() {
        let mut out = SketchMesh::default();
        out.push(&Sketch::of(&edge()), TSTransform::from_scaling(0.1), 1.0);
        // Line (4 vertices) and head (3 vertices).
        assert_eq!(out.mesh.vertices.len(), 7);
        let tip = out.mesh.vertices[4].pos;
        let back = out.mesh.vertices[5].pos;
        assert!((tip.x - back.x).abs() >= MIN_HEAD_PX - 1e-3);
    }
}
