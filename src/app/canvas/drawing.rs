//! The canvas's copy of what to draw: the scene of the current map and what the canvas derives
//! from it once (far-zoom sketches, who neighbours whom, the legend). Rebuilt when the map or
//! the theme changes, never per frame.

use super::sketch::Sketch;
use crate::model::{Map, NodeId};
use crate::scene::{Legend, Scene, SceneCache, SceneId, Style, Theme, VisibilityMap};
use std::collections::HashMap;

/// A scene with everything the canvas derives from it.
pub struct Drawing {
    /// The map generation this was built for.
    pub generation: u64,
    /// The version of the visibility (filters, focus) it was built with.
    pub visibility_version: u64,
    /// The style it was built with.
    pub style: Style,
    /// What to draw.
    pub scene: Scene,
    /// The far-zoom sketch of each scene item, by the item's index.
    pub sketches: Vec<Sketch>,
    /// For each node, the indices of the scene items of its edges.
    pub edges_of: HashMap<NodeId, Vec<usize>>,
    /// The legend for this map.
    pub legend: Legend,
}

impl Drawing {
    /// Builds the drawing of a map at (generation, visibility version), with items dimmed or
    /// hidden as `visibility` says, reusing unchanged items from `cache`.
    pub fn build(
        map: &Map,
        (generation, visibility_version): (u64, u64),
        theme: Theme,
        visibility: Option<&VisibilityMap>,
        cache: &mut SceneCache,
    ) -> Drawing {
        let style = Style::new(theme);
        let scene = cache.build(map, &style, visibility);
        let sketches = scene.items.iter().map(Sketch::of).collect();
        let mut edges_of: HashMap<NodeId, Vec<usize>> = HashMap::new();
        for (index, item) in scene.items.iter().enumerate() {
            if let Some((from, to)) = item.ends {
                edges_of.entry(from).or_default().push(index);
                edges_of.entry(to).or_default().push(index);
            }
        }
        let legend = Legend::build(map, &scene.camps, &style);
        Drawing {
            generation,
            visibility_version,
            style,
            scene,
            sketches,
            edges_of,
            legend,
        }
    }

    /// A node, the edges that touch it and the nodes at their other ends.
    pub fn neighbourhood(&self, node: NodeId) -> Vec<SceneId> {
        let mut ids = vec![SceneId::Node(node)];
        for &index in self.edges_of.get(&node).into_iter().flatten() {
            if let Some(item) = self.scene.items.get(index) {
                ids.push(item.id);
                if let Some((from, to)) = item.ends {
                    ids.push(SceneId::Node(if from == node { to } else { from }));
                }
            }
        }
        ids
    }
}
