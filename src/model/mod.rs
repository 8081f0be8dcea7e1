//! The document as plain data: a [`Map`] of sources, actors, claims, stances and relations,
//! changed only through [`Map::apply`] with an [`Edit`] that the [`rules`] validate.

mod assemble;
mod change;
mod conflict;
mod edit;
mod ids;
mod index;
mod items;
mod map;
pub mod rules;
mod store;
pub mod synthetic;
mod values;

#[cfg(test)]
mod change_tests;
#[cfg(test)]
mod tests;

pub use assemble::MapParts;
pub use change::{Change, Touched};
pub use conflict::Conflict;
pub use edit::{Edit, EditError};
pub use ids::{ActorId, ClaimId, EdgeId, ItemId, NodeId, RelationId, SourceId, StanceId};
pub use items::{Actor, Claim, Relation, Source, Stance};
pub use map::{IdAllocator, Map, MapInfo};
pub use rules::Problem;
pub use values::{
    ActorKind, CampSide, Colour, ColourError, Confidence, Point, Polarity, Position, RelationKind,
};

/// Calendar dates, as used for sources, stances and the map itself.
pub use jiff::civil::Date;
