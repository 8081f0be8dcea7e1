//! Picking the scene items a picture shows and the part of the map it frames.

use super::error::ExportError;
use super::options::Region;
use crate::scene::{Scene, SceneId, SceneItem};
use eframe::egui::Rect;
use std::collections::BTreeSet;

/// The items to draw, in drawing order, and the map rectangle the picture frames.
#[derive(Debug)]
pub struct Framed<'a> {
    /// Items in the scene's drawing order (edges under nodes).
    pub items: Vec<&'a SceneItem>,
    /// The part of the map the picture shows, in map coordinates.
    pub area: Rect,
    /// Whether drawing is cut at `area` (a view cuts through items at its edges).
    pub clip: bool,
}

/// The items and frame for a region of a scene.
pub fn frame<'a>(scene: &'a Scene, region: &Region) -> Result<Framed<'a>, ExportError> {
    match region {
        Region::Whole => {
            let items: Vec<&SceneItem> = scene.items.iter().collect();
            framed(items, false, "the map")
        }
        Region::View(view) => {
            let items: Vec<&SceneItem> = scene
                .items
                .iter()
                .filter(|item| item.bounds.intersects(*view))
                .collect();
            if items.is_empty() || !view.is_positive() {
                return Err(ExportError::NothingToExport {
                    what: "the current view",
                });
            }
            Ok(Framed {
                items,
                area: *view,
                clip: true,
            })
        }
        Region::Items(chosen) => {
            let wanted = with_neighbours(scene, chosen);
            let items: Vec<&SceneItem> = scene
                .items
                .iter()
                .filter(|item| wanted.contains(&item.id))
                .collect();
            framed(items, false, "the selection")
        }
    }
}

fn framed<'a>(
    items: Vec<&'a SceneItem>,
    clip: bool,
    what: &'static str,
) -> Result<Framed<'a>, ExportError> {
    let area = items
        .iter()
        .map(|item| item.bounds)
        .reduce(|a, b| a.union(b))
        .filter(|area| area.is_finite() && area.is_positive());
    match area {
        Some(area) if items.iter().any(|i| matches!(i.id, SceneId::Node(_))) => {
            Ok(Framed { items, area, clip })
        }
        _ => Err(ExportError::NothingToExport { what }),
    }
}

/// The chosen items plus the end nodes of chosen edges and the edges joining two wanted nodes,
/// so a picture of a selection shows whole edges and how the chosen nodes connect.
fn with_neighbours(scene: &Scene, chosen: &BTreeSet<SceneId>) -> BTreeSet<SceneId> {
    let mut wanted = chosen.clone();
    for item in &scene.items {
        if let (true, Some((from, to))) = (chosen.contains(&item.id), item.ends) {
            wanted.insert(SceneId::Node(from));
            wanted.insert(SceneId::Node(to));
        }
    }
    for item in &scene.items {
        if let Some((from, to)) = item.ends
            && wanted.contains(&SceneId::Node(from))
            && wanted.contains(&SceneId::Node(to))
        {
            wanted.insert(item.id);
        }
    }
    wanted
}
