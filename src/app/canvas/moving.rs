//! Nodes being dragged. Until the drag ends the map does not change: the canvas draws the
//! dragged nodes shifted and their edges redrawn to follow them, so a drag costs the same on a
//! map of ten nodes or ten thousand, and ends in a single edit (one undo step).

use crate::model::NodeId;
use crate::scene::{Scene, SceneId, SceneItem, Shape};
use eframe::egui::{Rect, Vec2};
use std::collections::HashSet;

/// The dragged nodes and how far they have moved, in map units.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Moving {
    nodes: HashSet<NodeId>,
    offset: Vec2,
}

impl Moving {
    /// Nodes moved by `offset`.
    pub fn new(nodes: impl IntoIterator<Item = NodeId>, offset: Vec2) -> Self {
        Moving {
            nodes: nodes.into_iter().collect(),
            offset,
        }
    }

    /// How far a node is moved (zero if it is not dragged).
    pub fn offset_of(&self, node: NodeId) -> Vec2 {
        if self.nodes.contains(&node) {
            self.offset
        } else {
            Vec2::ZERO
        }
    }

    /// The drawing of `scene.items[index]` as it looks mid-drag, if the drag changes it: a
    /// dragged node shifted, an edge of a dragged node redrawn between the nodes' new places.
    pub fn adjust(&self, scene: &Scene, index: usize, item: &SceneItem) -> Option<SceneItem> {
        if self.nodes.is_empty() || self.offset == Vec2::ZERO {
            return None;
        }
        match item.id {
            SceneId::Node(node) if self.nodes.contains(&node) => {
                let mut moved = item.clone();
                moved.bounds = moved.bounds.translate(self.offset);
                for shape in &mut moved.shapes {
                    shape.translate(self.offset);
                }
                Some(moved)
            }
            SceneId::Node(_) => None,
            SceneId::Edge(_) => {
                let (from, to) = item.ends?;
                let (a, b) = (self.offset_of(from), self.offset_of(to));
                if a == Vec2::ZERO && b == Vec2::ZERO {
                    return None;
                }
                let shapes = scene.moved_edge(index, a, b)?;
                Some(SceneItem {
                    bounds: bounds_of(&shapes),
                    shapes,
                    ..item.clone()
                })
            }
        }
    }
}

fn bounds_of(shapes: &[Shape]) -> Rect {
    shapes
        .iter()
        .map(Shape::bounds)
        .reduce(|a, b| a.union(b))
        .unwrap_or(Rect::NOTHING)
}
