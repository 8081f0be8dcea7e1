//! Stable identifiers for everything in a map.
//!
//! All ids of one map are drawn from a single counter ([`crate::model::Map::next_id`]), so an id
//! names exactly one item of any kind and is never handed out twice, not even after the item it
//! named was deleted. Undo, copy/paste and future merges rely on that.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, " {}"), self.0)
            }
        }
    };
}

id_type!(
    /// Identifies a [`crate::model::Source`].
    SourceId,
    "source"
);
id_type!(
    /// Identifies an [`crate::model::Actor`].
    ActorId,
    "actor"
);
id_type!(
    /// Identifies a [`crate::model::Claim`].
    ClaimId,
    "claim"
);
id_type!(
    /// Identifies a [`crate::model::Stance`].
    StanceId,
    "stance"
);
id_type!(
    /// Identifies a [`crate::model::Relation`].
    RelationId,
    "relation"
);

/// A node on the canvas: either an actor or a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum NodeId {
    /// An actor node.
    Actor(ActorId),
    /// A claim node.
    Claim(ClaimId),
}

impl NodeId {
    /// The raw number behind the id; unique across all kinds within one map.
    pub fn raw(self) -> u32 {
        match self {
            NodeId::Actor(id) => id.0,
            NodeId::Claim(id) => id.0,
        }
    }
}

impl fmt::Display for NodeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NodeId::Actor(id) => id.fmt(f),
            NodeId::Claim(id) => id.fmt(f),
        }
    }
}

impl From<ActorId> for NodeId {
    fn from(id: ActorId) -> Self {
        NodeId::Actor(id)
    }
}

impl From<ClaimId> for NodeId {
    fn from(id: ClaimId) -> Self {
        NodeId::Claim(id)
    }
}

/// An edge on the canvas: a stance (actor → claim) or a relation (claim → claim).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EdgeId {
    /// A stance edge.
    Stance(StanceId),
    /// A relation edge.
    Relation(RelationId),
}

impl fmt::Display for EdgeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EdgeId::Stance(id) => id.fmt(f),
            EdgeId::Relation(id) => id.fmt(f),
        }
    }
}

/// Any item of a map that can be selected or named in a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ItemId {
    /// A source.
    Source(SourceId),
    /// An actor.
    Actor(ActorId),
    /// A claim.
    Claim(ClaimId),
    /// A stance.
    Stance(StanceId),
    /// A relation.
    Relation(RelationId),
}

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ItemId::Source(id) => id.fmt(f),
            ItemId::Actor(id) => id.fmt(f),
            ItemId::Claim(id) => id.fmt(f),
            ItemId::Stance(id) => id.fmt(f),
            ItemId::Relation(id) => id.fmt(f),
        }
    }
}

impl From<NodeId> for ItemId {
    fn from(id: NodeId) -> Self {
        match id {
            NodeId::Actor(a) => ItemId::Actor(a),
            NodeId::Claim(c) => ItemId::Claim(c),
        }
    }
}

impl From<EdgeId> for ItemId {
    fn from(id: EdgeId) -> Self {
        match id {
            EdgeId::Stance(s) => ItemId::Stance(s),
            EdgeId::Relation(r) => ItemId::Relation(r),
        }
    }
}

impl ItemId {
    /// The raw number behind the id; unique across all kinds within one map.
    pub fn raw(self) -> u32 {
        match self {
            ItemId::Source(id) => id.0,
            ItemId::Actor(id) => id.0,
            ItemId::Claim(id) => id.0,
            ItemId::Stance(id) => id.0,
            ItemId::Relation(id) => id.0,
        }
    }
}

macro_rules! into_item_id {
    ($($id:ident => $variant:ident),*) => {
        $(impl From<$id> for ItemId {
            fn from(id: $id) -> Self {
                ItemId::$variant(id)
            }
        })*
    };
}

into_item_id!(
    SourceId => Source,
    ActorId => Actor,
    ClaimId => Claim,
    StanceId => Stance,
    RelationId => Relation
);
