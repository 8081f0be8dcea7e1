//! What a map says, as pure queries the app's analysis views and the exporters use:
//!
//! - [`StanceMatrix`]: actors × claims, grouped by camp, columns sortable by how contested a
//!   claim is, exportable as CSV;
//! - [`alignment()`]: who agrees and disagrees with whom (congruence and conflict, as in
//!   discourse network analysis), over all claims or some, over all dates or a range;
//! - [`Filter`]: which items to show, dim or hide, as a scene [`crate::scene::VisibilityMap`];
//! - [`check_map`]: consistency findings, each naming the items it concerns.

mod alignment;
mod checks;
pub mod filter;
mod matrix;
mod scope;

#[cfg(test)]
mod tests;

pub use alignment::{Alignment, PairAlignment, alignment, alignment_of};
pub use checks::{Finding, FindingKind, check_map};
pub use filter::{Filter, Focus, LeftOut, neighbourhood};
pub use matrix::{ColumnOrder, MatrixColumn, MatrixRow, StanceMatrix};
pub use scope::{Held, StanceScope, date_in_range, held_positions, stance_date};
