//! The on-disk shape of a map file, kept apart from the model so the model can change without
//! changing what files look like (and so old files keep loading through migrations).
//!
//! Field order here is the order in the file. Optional fields are left out when empty and may
//! be omitted by people writing files by hand.

use crate::model::{
    Actor, ActorId, ActorKind, CampSide, Claim, ClaimId, Colour, Confidence, Conflict, Date, Map,
    MapInfo, MapParts, Point, Position, Relation, RelationId, RelationKind, Source, SourceId,
    Stance, StanceId,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The file format version this build writes, and the newest it reads.
pub const CURRENT_VERSION: u32 = 1;

/// A whole map file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapFile {
    /// Format version; files newer than [`CURRENT_VERSION`] are refused.
    pub version: u32,
    /// The map's title.
    #[serde(default)]
    pub title: String,
    /// What the map is about.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// When the map was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<Date>,
    /// When the map was last saved with changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<Date>,
    /// Sides fixed for camps in the stance layout (`{"Russia": Left}`); left out when none.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub camp_sides: BTreeMap<String, CampSide>,
    /// The next id to hand out; computed from the largest id when omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_id: Option<u32>,
    /// Sources, sorted by id.
    #[serde(default)]
    pub sources: Vec<SourceRecord>,
    /// Actors, sorted by id.
    #[serde(default)]
    pub actors: Vec<ActorRecord>,
    /// Claims, sorted by id.
    #[serde(default)]
    pub claims: Vec<ClaimRecord>,
    /// Stances, sorted by id.
    #[serde(default)]
    pub stances: Vec<StanceRecord>,
    /// Relations, sorted by id.
    #[serde(default)]
    pub relations: Vec<RelationRecord>,
    /// Disagreements a merge left for the analyst; left out when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<ConflictRecord>,
}

/// A merge conflict as written in a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConflictRecord {
    /// The id of the item concerned; omitted for the map's own title and description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<u32>,
    /// The field the two sides changed differently; omitted when one side deleted the item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The value before either side changed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
    /// Our side's value; omitted when our side deleted the item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ours: Option<String>,
    /// Their side's value; omitted when their side deleted the item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theirs: Option<String>,
}

/// A source as written in a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRecord {
    /// Unique id.
    pub id: u32,
    /// Title of the document.
    pub title: String,
    /// Who published it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub publisher: String,
    /// Publication date, `"YYYY-MM-DD"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Where to find it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Language tag such as `"zh-Hant"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Free notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// The document's full text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// An actor as written in a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorRecord {
    /// Unique id.
    pub id: u32,
    /// Display name.
    pub name: String,
    /// Shorter name for the canvas and pictures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    /// Person, State, Organisation, Bloc, Expert, Media or Other.
    pub kind: ActorKind,
    /// Camp or affiliation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub camp: Option<String>,
    /// Other names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Colour override, `"#rrggbb"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<Colour>,
    /// Canvas position `(x, y)`.
    #[serde(default)]
    pub at: (f32, f32),
    /// Placed by hand.
    #[serde(default, skip_serializing_if = "is_false")]
    pub pinned: bool,
}

/// A claim as written in a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimRecord {
    /// Unique id.
    pub id: u32,
    /// Short label for the canvas.
    pub label: String,
    /// The full sentence.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// Tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Canvas position `(x, y)`.
    #[serde(default)]
    pub at: (f32, f32),
    /// Placed by hand.
    #[serde(default, skip_serializing_if = "is_false")]
    pub pinned: bool,
}

/// A stance as written in a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StanceRecord {
    /// Unique id.
    pub id: u32,
    /// The actor's id.
    pub actor: u32,
    /// The claim's id.
    pub claim: u32,
    /// StronglyOpposes, Opposes, Neutral, Ambivalent, Supports or StronglySupports.
    pub position: Position,
    /// Low, Medium or High.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    /// The quote in its original language.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub quote: String,
    /// The quote translated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translation: Option<String>,
    /// The source's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<u32>,
    /// When the position was stated, `"YYYY-MM-DD"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// A relation as written in a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelationRecord {
    /// Unique id.
    pub id: u32,
    /// The supporting or attacking claim's id.
    pub from: u32,
    /// The supported or attacked claim's id.
    pub to: u32,
    /// Supports or Attacks.
    pub kind: RelationKind,
    /// Note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl MapFile {
    /// The file form of a map, always at [`CURRENT_VERSION`].
    pub fn from_map(map: &Map) -> Self {
        MapFile {
            version: CURRENT_VERSION,
            title: map.title().to_owned(),
            description: map.description().to_owned(),
            created: map.created(),
            modified: map.modified(),
            camp_sides: map.info().camp_sides,
            next_id: Some(map.next_id()),
            sources: map.sources().map(SourceRecord::from).collect(),
            actors: map.actors().map(ActorRecord::from).collect(),
            claims: map.claims().map(ClaimRecord::from).collect(),
            stances: map.stances().map(StanceRecord::from).collect(),
            relations: map.relations().map(RelationRecord::from).collect(),
            conflicts: map.conflicts().iter().map(ConflictRecord::from).collect(),
        }
    }

    /// The model's loose parts, ready for [`Map::assemble`] to check.
    pub fn into_parts(self) -> MapParts {
        MapParts {
            info: MapInfo {
                title: self.title,
                description: self.description,
                created: self.created,
                modified: self.modified,
                camp_sides: self.camp_sides,
            },
            next_id: self.next_id,
            sources: self.sources.into_iter().map(Source::from).collect(),
            actors: self.actors.into_iter().map(Actor::from).collect(),
            claims: self.claims.into_iter().map(Claim::from).collect(),
            stances: self.stances.into_iter().map(Stance::from).collect(),
            relations: self.relations.into_iter().map(Relation::from).collect(),
            conflicts: self.conflicts.into_iter().map(Conflict::from).collect(),
        }
    }
}

impl From<&Source> for SourceRecord {
    fn from(s: &Source) -> Self {
        SourceRecord {
            id: s.id.0,
            title: s.title.clone(),
            publisher: s.publisher.clone(),
            date: s.date,
            url: s.url.clone(),
            language: s.language.clone(),
            notes: s.notes.clone(),
            text: s.text.clone(),
        }
    }
}

impl From<SourceRecord> for Source {
    fn from(r: SourceRecord) -> Self {
        Source {
            id: SourceId(r.id),
            title: r.title,
            publisher: r.publisher,
            date: r.date,
            url: r.url,
            language: r.language,
            notes: r.notes,
            text: r.text,
        }
    }
}

impl From<&Actor> for ActorRecord {
    fn from(a: &Actor) -> Self {
        ActorRecord {
            id: a.id.0,
            name: a.name.clone(),
            short_name: a.short_name.clone(),
            kind: a.kind,
            camp: a.camp.clone(),
            aliases: a.aliases.clone(),
            colour: a.colour,
            at: (a.at.x, a.at.y),
            pinned: a.pinned,
        }
    }
}

impl From<ActorRecord> for Actor {
    fn from(r: ActorRecord) -> Self {
        Actor {
            id: ActorId(r.id),
            name: r.name,
            short_name: r.short_name,
            kind: r.kind,
            camp: r.camp,
            aliases: r.aliases,
            colour: r.colour,
            at: Point::new(r.at.0, r.at.1),
            pinned: r.pinned,
        }
    }
}

impl From<&Claim> for ClaimRecord {
    fn from(c: &Claim) -> Self {
        ClaimRecord {
            id: c.id.0,
            label: c.label.clone(),
            text: c.text.clone(),
            tags: c.tags.clone(),
            notes: c.notes.clone(),
            at: (c.at.x, c.at.y),
            pinned: c.pinned,
        }
    }
}

impl From<ClaimRecord> for Claim {
    fn from(r: ClaimRecord) -> Self {
        Claim {
            id: ClaimId(r.id),
            label: r.label,
            text: r.text,
            tags: r.tags,
            notes: r.notes,
            at: Point::new(r.at.0, r.at.1),
            pinned: r.pinned,
        }
    }
}

impl From<&Stance> for StanceRecord {
    fn from(s: &Stance) -> Self {
        StanceRecord {
            id: s.id.0,
            actor: s.actor.0,
            claim: s.claim.0,
            position: s.position,
            confidence: s.confidence,
            quote: s.quote.clone(),
            translation: s.translation.clone(),
            source: s.source.map(|id| id.0),
            date: s.date,
            notes: s.notes.clone(),
        }
    }
}

impl From<StanceRecord> for Stance {
    fn from(r: StanceRecord) -> Self {
        Stance {
            id: StanceId(r.id),
            actor: ActorId(r.actor),
            claim: ClaimId(r.claim),
            position: r.position,
            confidence: r.confidence,
            quote: r.quote,
            translation: r.translation,
            source: r.source.map(SourceId),
            date: r.date,
            notes: r.notes,
        }
    }
}

impl From<&Relation> for RelationRecord {
    fn from(r: &Relation) -> Self {
        RelationRecord {
            id: r.id.0,
            from: r.from.0,
            to: r.to.0,
            kind: r.kind,
            note: r.note.clone(),
        }
    }
}

impl From<RelationRecord> for Relation {
    fn from(r: RelationRecord) -> Self {
        Relation {
            id: RelationId(r.id),
            from: ClaimId(r.from),
            to: ClaimId(r.to),
            kind: r.kind,
            note: r.note,
        }
    }
}

impl From<&Conflict> for ConflictRecord {
    fn from(c: &Conflict) -> Self {
        ConflictRecord {
            item: c.item,
            field: c.field.clone(),
            base: c.base.clone(),
            ours: c.ours.clone(),
            theirs: c.theirs.clone(),
        }
    }
}

impl From<ConflictRecord> for Conflict {
    fn from(r: ConflictRecord) -> Self {
        Conflict {
            item: r.item,
            field: r.field,
            base: r.base,
            ours: r.ours,
            theirs: r.theirs,
        }
    }
}
