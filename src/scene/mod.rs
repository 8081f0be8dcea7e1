//! What to draw, in map coordinates: boxes, wrapped text, curved edges with heads, colours and
//! a legend. Built once per change of the map and painted by both the canvas and the
//! exporters, so an exported picture shows exactly what the canvas shows.

mod build;
mod cache;
mod camps;
mod cell_marks;
pub mod course;
pub mod edges;
mod legend;
pub mod measure;
mod merge;
pub mod nodes;
mod route_grid;
mod route_index;
pub mod routing;
mod shapes;
mod style;
pub mod text;
mod update;
mod visibility;
mod waypoints;

#[cfg(test)]
mod route_index_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod update_tests;

pub use build::{Scene, SceneId, SceneItem};
pub use cache::SceneCache;
pub use camps::{actor_colour, camp_colour, camp_colours};
pub use edges::count_text;
pub use legend::{Legend, STANCE_ENTRIES};
pub use shapes::{Align, LineStyle, Shape, bezier_point, curves, point_along};
pub use style::{Dash, Style, Theme};
pub use update::{SceneUpdate, Slide};
pub use visibility::{DIM_OPACITY, Visibility, VisibilityMap, faded};
