//! The `"stancemap"` object of an AIF file: what AIF cannot say, keyed by AIF node and
//! participant ids.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Everything AIF has no field for.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Extension {
    /// The map's title.
    pub title: String,
    /// The map's description.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Per I-node: the claim's label, tags, notes and place.
    pub claims: BTreeMap<String, ClaimExtra>,
    /// Per participant: the actor's full name, kind, camp, aliases, colour and place.
    pub actors: BTreeMap<String, ActorExtra>,
    /// Per L-node: the stance's position and the fields AIF lacks.
    pub stances: BTreeMap<String, StanceExtra>,
    /// Per RA or CA node: the relation's note.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub relations: BTreeMap<String, String>,
    /// The sources, with every field.
    pub sources: Vec<SourceExtra>,
}

/// A claim's fields beyond its text.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ClaimExtra {
    /// The short label.
    pub label: String,
    /// Tags.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Notes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Canvas position.
    pub x: f32,
    /// Canvas position.
    pub y: f32,
}

/// An actor's fields beyond a participant's first name and surname.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ActorExtra {
    /// The full name.
    pub name: String,
    /// The kind, as stancemap names it (`person`, `state`…).
    pub kind: String,
    /// The camp.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub camp: Option<String>,
    /// Other names.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Own colour, `#rrggbb`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub colour: Option<String>,
    /// Canvas position.
    pub x: f32,
    /// Canvas position.
    pub y: f32,
}

/// A stance's fields beyond its locution.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct StanceExtra {
    /// The position, as stancemap names it (`strongly supports`…).
    pub position: String,
    /// The quote exactly (the L-node's text starts with the speaker's name).
    pub quote: String,
    /// Translation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translation: Option<String>,
    /// Confidence (`low`, `medium`, `high`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<String>,
    /// When it was said, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The source's title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Notes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// A source with every field.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SourceExtra {
    /// Title.
    pub title: String,
    /// Publisher.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub publisher: String,
    /// Date, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Language tag.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Notes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}
