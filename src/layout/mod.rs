//! Automatic layouts: pure functions from a map (and which nodes may move) to node positions.
//! No UI here: the app runs them on a worker thread and applies the result as one edit.
//!
//! - [`stance_layout`]: claims in the middle (in as many columns as suit the screen), actors
//!   by camp on either side, few crossings; the default arrangement of a map.
//! - [`network_layout`]: force-directed, for big or tangled maps, then overlap removal.
//! - [`place_new_node`]: a free spot for a new node near the nodes it connects to.
//! - [`count_crossings`], [`overlapping_pairs`], [`count_edge_node_hits`]: how good a
//!   drawing is, measured the same way for our layouts and for graphviz's;
//!   [`measure_compactness`]: its empty bands and how close its groups stand.
//!
//! Every layout keeps pinned nodes (and nodes outside its [`Scope`]) where they are and
//! leaves no two boxes overlapping, using the real box sizes of the scene.

mod compactness;
mod free_space;
pub mod geometry;
pub mod graph;
pub mod graphviz;
mod measure;
mod network;
mod overlap;
mod place_new;
mod placement;
mod progress;
pub mod sides;
mod stance;

#[cfg(test)]
mod tests;

pub use compactness::{
    Compactness, EmptyBand, connected_groups, empty_bands, group_gaps, largest_empty_band,
    measure_compactness, row_height,
};
pub use free_space::BoxIndex;
pub use geometry::{NodeBox, Size};
pub use graph::{EdgeKind, LayoutEdge, LayoutGraph, LayoutNode, NodeKind, Scope};
pub use measure::{
    CROSSING_BUDGET, Crossings, count_crossings, count_crossings_among, count_crossings_bounded,
    count_edge_node_hits, count_lines_through_boxes, has_overlaps, overlapping_pairs,
};
pub use network::{NETWORK_GAP, network_layout};
pub use overlap::remove_overlaps;
pub use place_new::{NEW_NODE_GAP, place_new_node, place_new_nodes, room_for_group};
pub use placement::place_in_order;
pub use progress::{Cancelled, Progress};
pub use stance::{DEFAULT_ASPECT, STANCE_GAP, StanceOptions, stance_layout};

use crate::model::{Map, NodeId, Point};
use crate::scene::Style;

/// Which automatic layout to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LayoutKind {
    /// Claims in the middle, actors by camp on either side.
    Stance,
    /// Force-directed, then overlap removal.
    Network,
}

impl LayoutKind {
    /// A short name for menus and messages.
    pub fn label(self) -> &'static str {
        match self {
            LayoutKind::Stance => "stance layout",
            LayoutKind::Network => "network layout",
        }
    }
}

/// Runs a layout on a map and returns the moves it makes: every movable node in `scope` that
/// ends up somewhere else, with its new position. The stance layout aims at its default
/// shape ([`DEFAULT_ASPECT`]).
pub fn layout_map(
    map: &Map,
    style: &Style,
    kind: LayoutKind,
    scope: &Scope,
    progress: &Progress,
) -> Result<Vec<(NodeId, Point)>, Cancelled> {
    layout_map_with(map, style, kind, scope, &StanceOptions::default(), progress)
}

/// Like [`layout_map`], with the stance layout's settings (such as the shape of the screen
/// it should fill); the network layout ignores them.
pub fn layout_map_with(
    map: &Map,
    style: &Style,
    kind: LayoutKind,
    scope: &Scope,
    options: &StanceOptions,
    progress: &Progress,
) -> Result<Vec<(NodeId, Point)>, Cancelled> {
    let graph = LayoutGraph::from_map(map, style, scope);
    let positions = match kind {
        LayoutKind::Stance => stance_layout(&graph, options, progress)?,
        LayoutKind::Network => network_layout(&graph, progress)?,
    };
    Ok(graph.moves_to(&positions))
}

/// Edge crossings of a map as it is laid out now (straight edges between node centres).
pub fn map_crossings(map: &Map, style: &Style) -> usize {
    let graph = LayoutGraph::from_map(map, style, &Scope::Whole);
    count_crossings(&graph, &graph.positions())
}

/// Edge crossings in a map as it is laid out now, estimated when counting them all would cost
/// more than a layout (see [`count_crossings_bounded`]).
pub fn map_crossings_bounded(map: &Map, style: &Style) -> Crossings {
    let graph = LayoutGraph::from_map(map, style, &Scope::Whole);
    count_crossings_bounded(&graph, &graph.positions())
}

/// Pairs of nodes whose boxes come closer than `gap` in a map as it is laid out now (a gap of
/// 0 lists the boxes that share area).
pub fn map_overlaps(map: &Map, style: &Style, gap: f32) -> Vec<(NodeId, NodeId)> {
    let graph = LayoutGraph::from_map(map, style, &Scope::Whole);
    overlapping_pairs(&graph.boxes(&graph.positions()), gap)
        .into_iter()
        .filter_map(|(i, j)| Some((graph.nodes.get(i)?.id, graph.nodes.get(j)?.id)))
        .collect()
}
