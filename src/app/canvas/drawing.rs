//! The canvas's copy of what to draw: the scene of the current map and what the canvas derives
//! from it once (far-zoom sketches, who neighbours whom, the legend). Built when the theme or
//! the visibility changes; after an edit only what the edit touched is redrawn; never per
//! frame.

use super::sketch::Sketch;
use crate::model::{ItemId, Map, NodeId, Touched};
use crate::scene::{
    Legend, Scene, SceneCache, SceneId, SceneUpdate, Slide, Style, Theme, VisibilityMap,
};
use std::collections::{BTreeSet, HashMap};

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
    /// For each node, the edges drawn to it.
    pub edges_of: HashMap<NodeId, BTreeSet<SceneId>>,
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
        let mut edges_of: HashMap<NodeId, BTreeSet<SceneId>> = HashMap::new();
        for item in &scene.items {
            if let Some((from, to)) = item.ends {
                edges_of.entry(from).or_default().insert(item.id);
                edges_of.entry(to).or_default().insert(item.id);
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

    /// Brings the drawing from its generation to `generation` of `map`, redrawing only the
    /// items in `touched` (what the edits since changed) and what depends on them.
    pub fn update(
        &mut self,
        map: &Map,
        generation: u64,
        visibility: Option<&VisibilityMap>,
        touched: &Touched,
        cache: &mut SceneCache,
    ) {
        let camps_before = self.scene.camps.clone();
        let update = cache.update(&mut self.scene, map, &self.style, visibility, touched);
        self.follow(&update);
        // The legend lists the actor kinds present, the camps, and claims if there are any.
        let claim_touched = touched.items.iter().any(|i| matches!(i, ItemId::Claim(_)));
        if touched.actor_groups
            || (claim_touched && map.claims().len() <= 1)
            || self.scene.camps != camps_before
        {
            self.legend = Legend::build(map, &self.scene.camps, &self.style);
        }
        self.generation = generation;
    }

    /// Keeps the sketches and the edges of each node in step with an update of the scene.
    fn follow(&mut self, update: &SceneUpdate) {
        for slide in &update.slides {
            match *slide {
                Slide::Inserted(index) if index <= self.sketches.len() => {
                    self.sketches.insert(index, Sketch::Nothing);
                }
                Slide::Removed(index) if index < self.sketches.len() => {
                    self.sketches.remove(index);
                }
                _ => {}
            }
        }
        for (id, ends) in &update.removed {
            if let Some((from, to)) = ends {
                for node in [from, to] {
                    if let Some(edges) = self.edges_of.get_mut(node) {
                        edges.remove(id);
                    }
                }
            }
        }
        for &id in &update.redrawn {
            let Some(index) = self.scene.index_of(id) else {
                continue;
            };
            let (Some(item), Some(sketch)) =
                (self.scene.items.get(index), self.sketches.get_mut(index))
            else {
                continue;
            };
            *sketch = Sketch::of(item);
            if let Some((from, to)) = item.ends {
                self.edges_of.entry(from).or_default().insert(id);
                self.edges_of.entry(to).or_default().insert(id);
            }
        }
    }

    /// A node, the edges that touch it and the nodes at their other ends.
    pub fn neighbourhood(&self, node: NodeId) -> Vec<SceneId> {
        let mut ids = vec![SceneId::Node(node)];
        for &edge in self.edges_of.get(&node).into_iter().flatten() {
            if let Some(item) = self
                .scene
                .index_of(edge)
                .and_then(|index| self.scene.items.get(index))
            {
                ids.push(item.id);
                if let Some((from, to)) = item.ends {
                    ids.push(SceneId::Node(if from == node { to } else { from }));
                }
            }
        }
        ids
    }
}
