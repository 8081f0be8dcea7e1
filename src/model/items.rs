//! The items a map is made of: sources, actors, claims, stances and relations.

use super::ids::{ActorId, ClaimId, RelationId, SourceId, StanceId};
use super::values::{ActorKind, Colour, Confidence, Point, Position, RelationKind};
use jiff::civil::Date;

/// A document that evidence comes from: an article, a speech, a transcript.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// The source's id.
    pub id: SourceId,
    /// Title of the document.
    pub title: String,
    /// Who published it (outlet, agency, institution).
    pub publisher: String,
    /// When it was published or, failing that, when the events it reports happened.
    pub date: Option<Date>,
    /// Where to find it.
    pub url: Option<String>,
    /// The language it is written in, as a BCP 47 tag such as `zh-Hant` or `en`.
    pub language: Option<String>,
    /// Free notes about the source (provenance, reliability).
    pub notes: Option<String>,
    /// The document's full text, paragraphs separated by blank lines, when the analyst has
    /// added it; quotes are found in it and the reader shows it.
    pub text: Option<String>,
}

/// Someone who takes positions: a person, a state, a bloc, an expert...
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// The actor's id.
    pub id: ActorId,
    /// Display name, e.g. "Vladimir Putin".
    pub name: String,
    /// A shorter name drawn on the canvas and in pictures instead of `name` ("Jake Sullivan"
    /// for "Jake Sullivan (US National Security Adviser)"); lists and the evidence keep the
    /// full name.
    pub short_name: Option<String>,
    /// What kind of actor this is.
    pub kind: ActorKind,
    /// The camp or affiliation the actor belongs to, e.g. "Russia"; actors are grouped and
    /// coloured by it.
    pub camp: Option<String>,
    /// Other names the actor goes by, including names in the source's language.
    pub aliases: Vec<String>,
    /// A colour that overrides the camp colour.
    pub colour: Option<Colour>,
    /// Where the node sits on the canvas.
    pub at: Point,
    /// Whether the user placed the node by hand, so automatic layouts leave it alone.
    pub pinned: bool,
}

/// A proposition that actors take positions on.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// The claim's id.
    pub id: ClaimId,
    /// A short label for the canvas.
    pub label: String,
    /// The claim written out as a full sentence.
    pub text: String,
    /// Free-form tags for filtering, e.g. "ukraine", "security".
    pub tags: Vec<String>,
    /// The analyst's notes.
    pub notes: Option<String>,
    /// Where the node sits on the canvas.
    pub at: Point,
    /// Whether the user placed the node by hand, so automatic layouts leave it alone.
    pub pinned: bool,
}

/// An actor's position on a claim, backed by a quote from a source.
#[derive(Debug, Clone, PartialEq)]
pub struct Stance {
    /// The stance's id.
    pub id: StanceId,
    /// Who takes the position.
    pub actor: ActorId,
    /// What the position is about.
    pub claim: ClaimId,
    /// The position on the scale from strongly opposes to strongly supports.
    pub position: Position,
    /// How sure the analyst is of this reading.
    pub confidence: Option<Confidence>,
    /// The supporting quote, in the source's original language.
    pub quote: String,
    /// A translation of the quote into the briefing language.
    pub translation: Option<String>,
    /// The source the quote comes from.
    pub source: Option<SourceId>,
    /// When the position was stated.
    pub date: Option<Date>,
    /// The analyst's notes.
    pub notes: Option<String>,
}

/// How one claim bears on another.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// The relation's id.
    pub id: RelationId,
    /// The claim that supports or attacks.
    pub from: ClaimId,
    /// The claim being supported or attacked.
    pub to: ClaimId,
    /// Supports or attacks.
    pub kind: RelationKind,
    /// The analyst's note on the argument.
    pub note: Option<String>,
}

impl Actor {
    /// A new actor with the given name and kind and every optional field empty.
    pub fn new(id: ActorId, name: impl Into<String>, kind: ActorKind, at: Point) -> Self {
        Actor {
            id,
            name: name.into(),
            short_name: None,
            kind,
            camp: None,
            aliases: Vec::new(),
            colour: None,
            at,
            pinned: false,
        }
    }

    /// The name drawn on the canvas and in pictures: the short name if there is one, else the
    /// name.
    pub fn drawn_name(&self) -> &str {
        self.short_name
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .unwrap_or(&self.name)
    }

    /// The actor's camp without surrounding spaces; `None` when it has none or it is blank.
    /// Everything that groups or colours actors by camp goes by this name.
    pub fn camp_name(&self) -> Option<&str> {
        self.camp
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
    }
}

impl Claim {
    /// A new claim whose label and text are both `label`.
    pub fn new(id: ClaimId, label: impl Into<String>, at: Point) -> Self {
        let label = label.into();
        Claim {
            id,
            text: label.clone(),
            label,
            tags: Vec::new(),
            notes: None,
            at,
            pinned: false,
        }
    }
}

impl Stance {
    /// A new stance with an empty quote and every optional field empty.
    pub fn new(id: StanceId, actor: ActorId, claim: ClaimId, position: Position) -> Self {
        Stance {
            id,
            actor,
            claim,
            position,
            confidence: None,
            quote: String::new(),
            translation: None,
            source: None,
            date: None,
            notes: None,
        }
    }
}

impl Relation {
    /// A new relation without a note.
    pub fn new(id: RelationId, from: ClaimId, to: ClaimId, kind: RelationKind) -> Self {
        Relation {
            id,
            from,
            to,
            kind,
            note: None,
        }
    }
}

impl Source {
    /// A new source with the given title and publisher and every optional field empty.
    pub fn new(id: SourceId, title: impl Into<String>, publisher: impl Into<String>) -> Self {
        Source {
            id,
            title: title.into(),
            publisher: publisher.into(),
            date: None,
            url: None,
            language: None,
            notes: None,
            text: None,
        }
    }
}
