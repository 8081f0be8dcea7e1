//! Field values as a reader sees them: texts quoted, ids replaced by the names they stand for,
//! empty values said in words. Used by the diff and by the conflicts a merge records.

use crate::model::{
    ActorId, ActorKind, CampSide, ClaimId, Colour, Confidence, Date, Map, Point, Position,
    RelationKind, SourceId,
};
use std::collections::BTreeMap;

/// A field value written out for people, reading names of referenced items from `map`.
pub trait Show {
    /// The value as text, e.g. `"Vladimir Putin"`, `supports`, `(none)`.
    fn show(&self, map: &Map) -> String;
}

/// What an empty optional value reads as.
pub const NONE: &str = "(none)";

impl Show for str {
    fn show(&self, _: &Map) -> String {
        format!("{self:?}")
    }
}

impl Show for String {
    fn show(&self, map: &Map) -> String {
        self.as_str().show(map)
    }
}

impl Show for Vec<String> {
    fn show(&self, _: &Map) -> String {
        format!("{self:?}")
    }
}

/// Camp sides as `"Russia": left, "Ukraine": right`, or `(none)`.
impl Show for BTreeMap<String, CampSide> {
    fn show(&self, map: &Map) -> String {
        if self.is_empty() {
            return NONE.to_owned();
        }
        self.iter()
            .map(|(camp, side)| format!("{}: {}", camp.show(map), side.label()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl Show for bool {
    fn show(&self, _: &Map) -> String {
        if *self { "yes" } else { "no" }.to_owned()
    }
}

impl Show for Point {
    fn show(&self, _: &Map) -> String {
        format!("({}, {})", self.x, self.y)
    }
}

impl Show for Date {
    fn show(&self, _: &Map) -> String {
        self.to_string()
    }
}

impl Show for Colour {
    fn show(&self, _: &Map) -> String {
        self.to_string()
    }
}

impl Show for ActorKind {
    fn show(&self, _: &Map) -> String {
        self.label().to_owned()
    }
}

impl Show for Position {
    fn show(&self, _: &Map) -> String {
        self.label().to_owned()
    }
}

impl Show for Confidence {
    fn show(&self, _: &Map) -> String {
        self.label().to_owned()
    }
}

impl Show for RelationKind {
    fn show(&self, _: &Map) -> String {
        self.label().to_owned()
    }
}

impl Show for ActorId {
    fn show(&self, map: &Map) -> String {
        map.actor(*self)
            .map_or_else(|| self.to_string(), |a| a.name.show(map))
    }
}

impl Show for ClaimId {
    fn show(&self, map: &Map) -> String {
        map.claim(*self)
            .map_or_else(|| self.to_string(), |c| c.label.show(map))
    }
}

impl Show for SourceId {
    fn show(&self, map: &Map) -> String {
        map.source(*self)
            .map_or_else(|| self.to_string(), |s| s.title.show(map))
    }
}

impl<T: Show> Show for Option<T> {
    fn show(&self, map: &Map) -> String {
        match self {
            Some(value) => value.show(map),
            None => NONE.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Edit};

    #[test]
    fn ids_read_as_names_and_empty_values_in_words() {
        let mut map = Map::new("t");
        let id = map.id_allocator().actor();
        map.apply(Edit::AddActor(Actor::new(
            id,
            "普京",
            ActorKind::Person,
            Point::default(),
        )))
        .unwrap();
        assert_eq!(id.show(&map), "\"普京\"");
        assert_eq!(ActorId(99).show(&map), "actor 99");
        assert_eq!(None::<String>.show(&map), NONE);
        assert_eq!(Position::StronglySupports.show(&map), "strongly supports");
        assert_eq!(Point::new(1.5, -2.0).show(&map), "(1.5, -2)");
    }
}
