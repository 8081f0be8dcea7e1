//! The differences from another map drawn over this one while comparing: what the other map
//! adds is drawn as a ghost (translucent, outlined in green dashes) where it sits there; what
//! it removes is outlined in red dashes and struck through; what it changes is outlined in
//! amber. Colours from the Okabe–Ito palette, told apart by dash and label too.

use super::paint::{Look, push_shape};
use super::view::push_item;
use crate::model::{ActorId, ClaimId, EdgeId, Map, NodeId, RelationId, StanceId};
use crate::scene::{Dash, LineStyle, Scene, SceneId, SceneItem, Shape, Style};
use crate::teams::diff::{ChangeKind, MapDiff};
use eframe::egui::{self, Color32, FontId, Painter, Rect, Stroke, StrokeKind, emath::TSTransform};

/// Green: in the other map only.
pub const ADDED: Color32 = Color32::from_rgb(0x00, 0x9e, 0x73);
/// Red: in this map only (brighter than the orange of opposing stances).
pub const REMOVED: Color32 = Color32::from_rgb(0xff, 0x2e, 0x2e);
/// Amber: in both, with different fields.
pub const CHANGED: Color32 = Color32::from_rgb(0xe6, 0x9f, 0x00);
/// Opacity of ghosts.
const GHOST: f32 = 0.4;

/// One difference the canvas marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// The node or edge (in the other map for added items, in this one otherwise).
    pub id: SceneId,
    /// Added, removed or changed.
    pub change: ChangeKind,
}

/// The marks for a diff's nodes and edges (sources and the map's own fields are not drawn).
pub fn marks(diff: &MapDiff) -> Vec<Mark> {
    diff.items
        .iter()
        .filter_map(|item| {
            let raw = item.id?;
            let id = match item.kind {
                "actor" => SceneId::Node(NodeId::Actor(ActorId(raw))),
                "claim" => SceneId::Node(NodeId::Claim(ClaimId(raw))),
                "stance" => SceneId::Edge(EdgeId::Stance(StanceId(raw))),
                "relation" => SceneId::Edge(EdgeId::Relation(RelationId(raw))),
                _ => return None,
            };
            Some(Mark {
                id,
                change: item.change,
            })
        })
        .collect()
}

/// The drawing of the other map, made again only when it or the style changes.
pub struct GhostScene {
    version: u64,
    style: Style,
    scene: Scene,
}

impl GhostScene {
    /// A box around the items the other map adds, if it adds any that are drawn.
    pub fn added_bounds(&self, marks: &[Mark]) -> Option<Rect> {
        marks
            .iter()
            .filter(|m| m.change == ChangeKind::Added)
            .filter_map(|m| self.scene.index_of(m.id))
            .filter_map(|i| self.scene.items.get(i))
            .map(|item| item.bounds)
            .reduce(|a, b| a.union(b))
    }

    /// The other map's scene for `version` of it in `style`, reusing `old` if it still fits.
    pub fn of(old: Option<GhostScene>, theirs: &Map, version: u64, style: &Style) -> GhostScene {
        match old {
            Some(ghosts) if ghosts.version == version && ghosts.style == *style => ghosts,
            _ => GhostScene {
                version,
                style: style.clone(),
                scene: Scene::build(theirs, style),
            },
        }
    }
}

/// Paints the marks: ghosts from `ghosts`, the rest around items of `ours` (this map's scene).
pub fn paint(
    painter: &Painter,
    ours: &Scene,
    ghosts: &GhostScene,
    marks: &[Mark],
    to_screen: TSTransform,
    viewport: Rect,
) {
    let visible = to_screen.inverse().mul_rect(viewport);
    let look = |fade| Look {
        to_screen,
        fade,
        clip: viewport,
    };
    let mut shapes = Vec::new();
    let mut words = Vec::new();
    for mark in marks {
        let scene = match mark.change {
            ChangeKind::Added => &ghosts.scene,
            ChangeKind::Removed | ChangeKind::Changed => ours,
        };
        let Some(item) = scene
            .index_of(mark.id)
            .and_then(|index| scene.items.get(index))
        else {
            continue;
        };
        if !item.bounds.intersects(visible) {
            continue;
        }
        let (colour, dash) = match mark.change {
            ChangeKind::Added => (ADDED, Dash::Dashed),
            ChangeKind::Removed => (REMOVED, Dash::Dashed),
            ChangeKind::Changed => (CHANGED, Dash::Solid),
        };
        if mark.change == ChangeKind::Added {
            push_item(&mut shapes, painter, item, look(GHOST));
        }
        match mark.id {
            SceneId::Node(_) => {
                words.extend(node_mark(&mut shapes, item, mark.change, look(1.0)));
            }
            SceneId::Edge(_) => {
                for line in edge_lines(item, colour, dash, to_screen.scaling) {
                    push_shape(&mut shapes, painter, &line, look(1.0));
                }
            }
        }
    }
    painter.extend(shapes);
    for (at, word, colour) in words {
        painter.text(
            at,
            egui::Align2::LEFT_BOTTOM,
            word,
            FontId::proportional(11.0),
            colour,
        );
    }
}

/// Outlines a node, striking it through when removed; returns where to write which it is
/// (when the map is drawn large enough to read it).
fn node_mark(
    out: &mut Vec<egui::Shape>,
    item: &SceneItem,
    change: ChangeKind,
    look: Look,
) -> Option<(egui::Pos2, &'static str, Color32)> {
    let zoom = look.to_screen.scaling;
    let rect = look.to_screen.mul_rect(item.bounds).expand(4.0);
    let (colour, word) = match change {
        ChangeKind::Added => (ADDED, "in the other map"),
        ChangeKind::Removed => (REMOVED, "not in the other map"),
        ChangeKind::Changed => (CHANGED, "changed there"),
    };
    let width = (2.5 * zoom).clamp(1.5, 3.0);
    let stroke = Stroke::new(width, colour);
    if change == ChangeKind::Changed {
        out.push(egui::Shape::rect_stroke(
            rect,
            4.0,
            stroke,
            StrokeKind::Outside,
        ));
    } else {
        let corners = [
            rect.left_top(),
            rect.right_top(),
            rect.right_bottom(),
            rect.left_bottom(),
            rect.left_top(),
        ];
        super::paint::dashes(out, &corners, stroke, (8.0, 5.0), look.clip);
    }
    if change == ChangeKind::Removed {
        out.push(egui::Shape::line_segment(
            [rect.left_bottom(), rect.right_top()],
            stroke,
        ));
    }
    (zoom >= 0.35).then(|| (rect.left_top() - egui::vec2(0.0, 2.0), word, colour))
}

/// An edge's lines restroked in the mark's colour, wider than drawn (at least 3 px on
/// screen at `zoom`).
fn edge_lines(item: &SceneItem, colour: Color32, dash: Dash, zoom: f32) -> Vec<Shape> {
    let marked = |stroke: &LineStyle| LineStyle {
        width: (stroke.width + 2.0).max(3.0 / zoom.max(0.01)),
        colour,
        dash,
    };
    item.shapes
        .iter()
        .filter_map(|shape| match shape {
            Shape::Curve { points, stroke } => Some(Shape::Curve {
                points: *points,
                stroke: marked(stroke),
            }),
            Shape::Polyline { points, stroke } => Some(Shape::Polyline {
                points: points.clone(),
                stroke: marked(stroke),
            }),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::teams::diff::{DiffOptions, diff_maps};
    use crate::testing::MapBuilder;

    #[test]
    fn nodes_and_edges_are_marked_and_sources_are_not() {
        let (ours, names) = MapBuilder::new()
            .actor("Putin", "Russia")
            .claim("NATO")
            .claim("Sanctions")
            .source("Xinhua", None)
            .stance("Putin", "NATO", crate::model::Position::Supports)
            .build();
        let mut theirs = ours.clone();
        let mut claim = theirs.claim(names.claim("NATO")).unwrap().clone();
        claim.label = "NATO east".into();
        let new = theirs.id_allocator().claim();
        let source = theirs.sources().next().unwrap().id;
        theirs
            .apply(crate::model::Edit::Batch(vec![
                crate::model::Edit::UpdateClaim(claim),
                crate::model::Edit::RemoveStance(names.stances[0]),
                crate::model::Edit::RemoveSource(source),
                crate::model::Edit::AddClaim(crate::model::Claim::new(
                    new,
                    "New",
                    crate::model::Point::default(),
                )),
            ]))
            .unwrap();
        let diff = diff_maps(&ours, &theirs, DiffOptions::default());
        let marks = marks(&diff);
        assert_eq!(diff.items.len(), 4, "{diff:?}");
        assert_eq!(
            marks,
            [
                Mark {
                    id: SceneId::Node(NodeId::Claim(names.claim("NATO"))),
                    change: ChangeKind::Changed
                },
                Mark {
                    id: SceneId::Node(NodeId::Claim(new)),
                    change: ChangeKind::Added
                },
                Mark {
                    id: SceneId::Edge(EdgeId::Stance(names.stances[0])),
                    change: ChangeKind::Removed
                },
            ]
        );
    }
}
