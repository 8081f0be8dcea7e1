//! Small value types used by the items of a map: scales, kinds, colours and canvas positions.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// The side of the claims a camp stands on in the stance layout, when the analyst fixes it
/// (a camp without one is placed by how much it agrees with the others).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum CampSide {
    /// Left of the claims.
    Left,
    /// Right of the claims.
    Right,
}

impl CampSide {
    /// The side's name as the UI and `stancemap diff` show it.
    pub fn label(self) -> &'static str {
        match self {
            CampSide::Left => "left",
            CampSide::Right => "right",
        }
    }
}

/// Where an actor stands on a claim, on a signed five-step scale with two middle values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Position {
    /// Rejects the claim outright.
    StronglyOpposes,
    /// Argues against the claim.
    Opposes,
    /// Takes no side.
    Neutral,
    /// Holds mixed or conditional views.
    Ambivalent,
    /// Argues for the claim.
    Supports,
    /// Insists on the claim.
    StronglySupports,
}

impl Position {
    /// Every position, from strongly opposes to strongly supports.
    pub const ALL: [Position; 6] = [
        Position::StronglyOpposes,
        Position::Opposes,
        Position::Neutral,
        Position::Ambivalent,
        Position::Supports,
        Position::StronglySupports,
    ];

    /// The signed value of the position: -2 (strongly opposes) to +2 (strongly supports).
    pub fn score(self) -> i8 {
        match self {
            Position::StronglyOpposes => -2,
            Position::Opposes => -1,
            Position::Neutral | Position::Ambivalent => 0,
            Position::Supports => 1,
            Position::StronglySupports => 2,
        }
    }

    /// The polarity of the position, which decides colour and dash pattern.
    pub fn polarity(self) -> Polarity {
        match self.score() {
            s if s > 0 => Polarity::Support,
            s if s < 0 => Polarity::Oppose,
            _ => Polarity::Neutral,
        }
    }

    /// How strongly the position is held: 0 for the middle values, 1 or 2 otherwise.
    pub fn strength(self) -> u8 {
        self.score().unsigned_abs()
    }

    /// A short human-readable name, e.g. "strongly supports".
    pub fn label(self) -> &'static str {
        match self {
            Position::StronglyOpposes => "strongly opposes",
            Position::Opposes => "opposes",
            Position::Neutral => "neutral",
            Position::Ambivalent => "ambivalent",
            Position::Supports => "supports",
            Position::StronglySupports => "strongly supports",
        }
    }
}

/// The three polarities a stance can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Polarity {
    /// Against the claim.
    Oppose,
    /// Neither for nor against.
    Neutral,
    /// For the claim.
    Support,
}

/// How sure the analyst is that a stance is read correctly from its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Confidence {
    /// Inferred or reported second-hand.
    Low,
    /// Clearly implied by the source.
    Medium,
    /// Stated explicitly in the source.
    High,
}

impl Confidence {
    /// Every confidence level, lowest first.
    pub const ALL: [Confidence; 3] = [Confidence::Low, Confidence::Medium, Confidence::High];

    /// A short human-readable name.
    pub fn label(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }
}

/// What kind of actor a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ActorKind {
    /// A named individual, such as a head of state or a spokesperson.
    Person,
    /// A state or its government.
    State,
    /// An organisation, institute, party or company.
    Organisation,
    /// A bloc or alliance of states, such as NATO or the EU.
    Bloc,
    /// An expert or analyst quoted for their opinion.
    Expert,
    /// A news outlet or media organisation.
    Media,
    /// Anything else.
    Other,
}

impl ActorKind {
    /// Every actor kind, in the order menus show them.
    pub const ALL: [ActorKind; 7] = [
        ActorKind::Person,
        ActorKind::State,
        ActorKind::Organisation,
        ActorKind::Bloc,
        ActorKind::Expert,
        ActorKind::Media,
        ActorKind::Other,
    ];

    /// A short human-readable name.
    pub fn label(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::State => "state",
            ActorKind::Organisation => "organisation",
            ActorKind::Bloc => "bloc",
            ActorKind::Expert => "expert",
            ActorKind::Media => "media",
            ActorKind::Other => "other",
        }
    }
}

/// How one claim bears on another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RelationKind {
    /// The first claim is a reason to accept the second.
    Supports,
    /// The first claim is a reason to reject the second.
    Attacks,
}

impl RelationKind {
    /// Both relation kinds.
    pub const ALL: [RelationKind; 2] = [RelationKind::Supports, RelationKind::Attacks];

    /// A short human-readable name.
    pub fn label(self) -> &'static str {
        match self {
            RelationKind::Supports => "supports",
            RelationKind::Attacks => "attacks",
        }
    }
}

/// An sRGB colour, written in files as `"#rrggbb"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Colour {
    /// Red channel.
    pub r: u8,
    /// Green channel.
    pub g: u8,
    /// Blue channel.
    pub b: u8,
}

impl Colour {
    /// A colour from its three channels.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Colour { r, g, b }
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

/// Why a text is not a colour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColourError(String);

impl fmt::Display for ColourError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a colour; write it as \"#rrggbb\", e.g. \"#1f77b4\"",
            self.0
        )
    }
}

impl std::error::Error for ColourError {}

impl FromStr for Colour {
    type Err = ColourError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let err = || ColourError(text.to_owned());
        let hex = text.strip_prefix('#').ok_or_else(err)?;
        if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(err());
        }
        let channel = |i: usize| {
            hex.get(i..i + 2)
                .and_then(|s| u8::from_str_radix(s, 16).ok())
                .ok_or_else(err)
        };
        Ok(Colour::rgb(channel(0)?, channel(2)?, channel(4)?))
    }
}

impl Serialize for Colour {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Colour {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A point on the canvas, in map units (one unit is one logical pixel at 100% zoom).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Point {
    /// Horizontal position, growing to the right.
    pub x: f32,
    /// Vertical position, growing downwards.
    pub y: f32,
}

impl Point {
    /// A point from its coordinates.
    pub const fn new(x: f32, y: f32) -> Self {
        Point { x, y }
    }

    /// Whether both coordinates are ordinary numbers (not NaN or infinite).
    pub fn is_finite(self) -> bool {
        self.x.is_finite() && self.y.is_finite()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_parses_and_prints_hex() {
        let c: Colour = "#1F77b4".parse().unwrap();
        assert_eq!(c, Colour::rgb(0x1f, 0x77, 0xb4));
        assert_eq!(c.to_string(), "#1f77b4");
    }

    #[test]
    fn colour_rejects_bad_text_with_a_hint() {
        for bad in [
            "",
            "#",
            "1f77b4",
            "#1f77b",
            "#1f77b44",
            "#gg0000",
            "#１２３４５６",
        ] {
            let err = bad.parse::<Colour>().unwrap_err();
            assert!(err.to_string().contains("#rrggbb"), "{bad}: {err}");
        }
    }

    #[test]
    fn position_scale_is_signed_and_ordered() {
        let scores: Vec<i8> = Position::ALL.iter().map(|p| p.score()).collect();
        assert_eq!(scores, [-2, -1, 0, 0, 1, 2]);
        assert_eq!(Position::Ambivalent.polarity(), Polarity::Neutral);
        assert_eq!(Position::StronglyOpposes.strength(), 2);
    }
}
