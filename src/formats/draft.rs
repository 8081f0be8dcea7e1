//! What an imported file says, before it meets a map: items named by their names and labels
//! rather than ids, in the order the file gives them, each with the place it comes from.
//! [`super::plan`] matches these names against a map and turns the draft into one edit.

use super::report::Origin;
use crate::model::{ActorKind, Colour, Confidence, Date, Point, Position, RelationKind};

/// An actor as a file names it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActorDraft {
    /// The name it goes by in the file (matched against names and aliases).
    pub name: String,
    /// Its kind, when the file says.
    pub kind: Option<ActorKind>,
    /// Its camp, when the file says.
    pub camp: Option<String>,
    /// Other names.
    pub aliases: Vec<String>,
    /// A colour of its own.
    pub colour: Option<Colour>,
    /// Where it stands, when the file says.
    pub at: Option<Point>,
}

/// A claim as a file names it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClaimDraft {
    /// The short label (matched against labels).
    pub label: String,
    /// The full sentence, when the file has one apart from the label.
    pub text: Option<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// Notes.
    pub notes: Option<String>,
    /// Where it stands, when the file says.
    pub at: Option<Point>,
}

/// A source as a file names it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SourceDraft {
    /// The title (matched against titles).
    pub title: String,
    /// Who published it.
    pub publisher: Option<String>,
    /// When it was published.
    pub date: Option<Date>,
    /// Where to find it.
    pub url: Option<String>,
    /// Its language.
    pub language: Option<String>,
    /// Notes.
    pub notes: Option<String>,
}

/// A stance's own fields.
#[derive(Debug, Clone, PartialEq)]
pub struct StanceDraft {
    /// The position taken.
    pub position: Position,
    /// How sure the reading is.
    pub confidence: Option<Confidence>,
    /// The quote.
    pub quote: String,
    /// Its translation.
    pub translation: Option<String>,
    /// When it was said.
    pub date: Option<Date>,
    /// Notes.
    pub notes: Option<String>,
}

/// One thing a file records.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    /// An actor on its own (one that takes no stance in the file, or its details).
    Actor(ActorDraft),
    /// A claim on its own.
    Claim(ClaimDraft),
    /// A source on its own.
    Source(SourceDraft),
    /// An actor's stance on a claim, with the items it names.
    Stance {
        /// Who.
        actor: ActorDraft,
        /// On what.
        claim: ClaimDraft,
        /// From which source.
        source: Option<SourceDraft>,
        /// The stance itself.
        stance: StanceDraft,
    },
    /// A claim supporting or attacking another.
    Relation {
        /// The claim that supports or attacks.
        from: ClaimDraft,
        /// The claim supported or attacked.
        to: ClaimDraft,
        /// Supports or attacks.
        kind: RelationKind,
        /// Notes on the argument.
        note: Option<String>,
    },
}

/// A record and the place in the file it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// Where it is in the file.
    pub origin: Origin,
    /// What it says.
    pub record: Record,
}

/// Everything a file says, in file order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    /// The map's title, when the file names one.
    pub title: Option<String>,
    /// The map's description, when the file has one.
    pub description: Option<String>,
    /// The records.
    pub records: Vec<Placed>,
}

impl Draft {
    /// Adds a record from `origin`.
    pub fn push(&mut self, origin: Origin, record: Record) {
        self.records.push(Placed { origin, record });
    }
}

impl ActorDraft {
    /// An actor known only by its name.
    pub fn named(name: impl Into<String>) -> Self {
        ActorDraft {
            name: name.into(),
            ..ActorDraft::default()
        }
    }
}

impl ClaimDraft {
    /// A claim known only by its label.
    pub fn labelled(label: impl Into<String>) -> Self {
        ClaimDraft {
            label: label.into(),
            ..ClaimDraft::default()
        }
    }
}

impl SourceDraft {
    /// A source known only by its title.
    pub fn titled(title: impl Into<String>) -> Self {
        SourceDraft {
            title: title.into(),
            ..SourceDraft::default()
        }
    }
}
