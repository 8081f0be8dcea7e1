//! The current source: the source that stances made on the canvas (and, later, from the
//! reader) cite, with its date. By default it is the last source added; picking a source in
//! the canvas toolbar, adding one or citing one in a stance makes that one current.

use crate::model::{Edit, Map, SourceId};

/// Which source is current.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CurrentSource {
    /// The source added last (none while the map has no sources).
    #[default]
    Latest,
    /// No source: new stances cite none.
    Nothing,
    /// This source, as long as it exists (then the latest again).
    Chosen(SourceId),
}

impl CurrentSource {
    /// The source new stances cite in `map`, if any.
    pub fn resolve(self, map: &Map) -> Option<SourceId> {
        match self {
            CurrentSource::Chosen(id) if map.source(id).is_some() => Some(id),
            CurrentSource::Nothing => None,
            // Ids only grow, so the highest is the one added last.
            CurrentSource::Latest | CurrentSource::Chosen(_) => map.sources().map(|s| s.id).max(),
        }
    }

    /// After `edit` was applied: a source it added or a stance it made cite a source becomes
    /// the current one ("the last source added or used").
    pub fn follow(&mut self, edit: &Edit) {
        match edit {
            Edit::AddSource(source) => *self = CurrentSource::Chosen(source.id),
            Edit::AddStance(stance) | Edit::UpdateStance(stance) => {
                if let Some(id) = stance.source {
                    *self = CurrentSource::Chosen(id);
                }
            }
            Edit::Batch(edits) => edits.iter().for_each(|e| self.follow(e)),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorKind, Claim, Point, Position, Source, Stance};

    #[test]
    fn the_latest_source_is_current_until_another_is_used() {
        let mut map = Map::new("m");
        let mut current = CurrentSource::default();
        assert_eq!(current.resolve(&map), None);
        let first = map.id_allocator().source();
        map.apply(Edit::AddSource(Source::new(first, "First", "")))
            .unwrap();
        let second = map.id_allocator().source();
        map.apply(Edit::AddSource(Source::new(second, "Second", "")))
            .unwrap();
        assert_eq!(current.resolve(&map), Some(second));
        let mut ids = map.id_allocator();
        let (actor, claim) = (ids.actor(), ids.claim());
        let stance = Stance {
            source: Some(first),
            ..Stance::new(ids.stance(), actor, claim, Position::Supports)
        };
        let edit = Edit::Batch(vec![
            Edit::AddActor(Actor::new(actor, "A", ActorKind::Person, Point::default())),
            Edit::AddClaim(Claim::new(claim, "C", Point::default())),
            Edit::AddStance(stance),
        ]);
        map.apply(edit.clone()).unwrap();
        current.follow(&edit);
        assert_eq!(current.resolve(&map), Some(first));
        let third = map.id_allocator().source();
        map.apply(Edit::AddSource(Source::new(third, "Third", "")))
            .unwrap();
        current.follow(&Edit::AddSource(Source::new(third, "Third", "")));
        assert_eq!(current.resolve(&map), Some(third));
        map.apply(Edit::RemoveSource(third)).unwrap();
        assert_eq!(
            current.resolve(&map),
            Some(second),
            "a removed source falls back"
        );
        assert_eq!(CurrentSource::Nothing.resolve(&map), None);
    }
}
