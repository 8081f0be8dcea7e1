//! What the diff and the merge need to know of every kind of item, in one trait.

use super::diff::{relation_name, stance_name};
use super::show::Show;
use crate::model::{Actor, Claim, Map, Relation, Source, Stance};

/// An item of a map, as the merge handles it.
pub trait Item: Clone + PartialEq {
    /// What the item is called in messages: `source`, `actor`, `claim`, `stance`, `relation`.
    const KIND: &'static str;
    /// The raw id.
    fn raw(&self) -> u32;
    /// The item as a reader names it, reading names of the items it refers to from `map`.
    fn name(&self, map: &Map) -> String;
    /// The items of this kind in a map, sorted by id.
    fn all(map: &Map) -> Vec<&Self>;
}

impl Item for Source {
    const KIND: &'static str = "source";
    fn raw(&self) -> u32 {
        self.id.0
    }
    fn name(&self, map: &Map) -> String {
        self.title.show(map)
    }
    fn all(map: &Map) -> Vec<&Self> {
        map.sources().collect()
    }
}

impl Item for Actor {
    const KIND: &'static str = "actor";
    fn raw(&self) -> u32 {
        self.id.0
    }
    fn name(&self, map: &Map) -> String {
        self.name.show(map)
    }
    fn all(map: &Map) -> Vec<&Self> {
        map.actors().collect()
    }
}

impl Item for Claim {
    const KIND: &'static str = "claim";
    fn raw(&self) -> u32 {
        self.id.0
    }
    fn name(&self, map: &Map) -> String {
        self.label.show(map)
    }
    fn all(map: &Map) -> Vec<&Self> {
        map.claims().collect()
    }
}

impl Item for Stance {
    const KIND: &'static str = "stance";
    fn raw(&self) -> u32 {
        self.id.0
    }
    fn name(&self, map: &Map) -> String {
        stance_name(self, map)
    }
    fn all(map: &Map) -> Vec<&Self> {
        map.stances().collect()
    }
}

impl Item for Relation {
    const KIND: &'static str = "relation";
    fn raw(&self) -> u32 {
        self.id.0
    }
    fn name(&self, map: &Map) -> String {
        relation_name(self, map)
    }
    fn all(map: &Map) -> Vec<&Self> {
        map.relations().collect()
    }
}
