//! A three-way merge of maps, field by field, usable as git's merge driver.
//!
//! Each item is matched by id across the common ancestor (`base`) and the two sides. A field
//! changed on one side only takes that change; changed the same way on both, the shared
//! value; changed differently, it keeps our value and becomes a [`Conflict`] recorded in the
//! merged map, so the map still opens and the analyst decides. An item deleted on one side and
//! changed on the other is kept, with a conflict. Items added on both sides with the same new
//! id are both kept: theirs get fresh ids first ([`renumber_new_items`]).
//!
//! The result is always a valid map: a node one side deleted that the other side's items
//! still need comes back (a conflict says so), and two stances or relations the rules do not
//! allow side by side (both sides recorded the same actor's position on the same claim from
//! the same source and date, or joined the same two claims) become one, their differing fields
//! conflicts.

use super::item::Item;
use super::renumber::renumber_new_items;
use super::show::Show;
use crate::model::{
    Actor, Claim, Conflict, Map, MapInfo, MapParts, Problem, Relation, Source, Stance,
};
use std::collections::{BTreeMap, HashMap};

/// What a merge produced.
#[derive(Debug, Clone)]
pub struct MergeOutcome {
    /// The merged map, with every conflict (carried over or new) in its conflicts list.
    pub map: Map,
    /// The conflicts this merge found (also in the map), each with the item's name.
    pub new_conflicts: Vec<NamedConflict>,
    /// How many of their new items got fresh ids because ours used the same ids.
    pub renumbered: usize,
}

/// A conflict with the name of what it concerns, for messages.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedConflict {
    /// The conflict as recorded in the map.
    pub conflict: Conflict,
    /// `stance 12 "Putin" supports "NATO"`, or `the map`.
    pub what: String,
}

impl std::fmt::Display for NamedConflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.what, self.conflict.summary())
    }
}

/// The three maps a merge reads, and the conflicts it finds.
struct Merger<'m> {
    base: &'m Map,
    ours: &'m Map,
    theirs: &'m Map,
    conflicts: Vec<NamedConflict>,
}

/// The fields of one item being merged.
struct Fields<'a, 'm> {
    merger: &'a mut Merger<'m>,
    item: Option<u32>,
    what: String,
}

impl Fields<'_, '_> {
    /// The merged value of one field; a conflict (keeping ours) when both sides changed it
    /// differently.
    fn pick<V: PartialEq + Clone + Show>(&mut self, field: &str, b: &V, o: &V, t: &V) -> V {
        if o == t || t == b {
            return o.clone();
        }
        if o == b {
            return t.clone();
        }
        let m = &mut *self.merger;
        m.conflicts.push(NamedConflict {
            conflict: Conflict {
                item: self.item,
                field: Some(field.to_owned()),
                base: Some(b.show(m.base)),
                ours: Some(o.show(m.ours)),
                theirs: Some(t.show(m.theirs)),
            },
            what: self.what.clone(),
        });
        o.clone()
    }

    /// The value of one field of two items that must become one: the first's, and a conflict
    /// (with no base value) when the second's differs.
    fn fold<V: PartialEq + Clone + Show>(&mut self, field: &str, first: &V, second: &V) -> V {
        if first != second {
            let m = &mut *self.merger;
            m.conflicts.push(NamedConflict {
                conflict: Conflict {
                    item: self.item,
                    field: Some(field.to_owned()),
                    base: None,
                    ours: Some(first.show(m.ours)),
                    theirs: Some(second.show(m.theirs)),
                },
                what: self.what.clone(),
            });
        }
        first.clone()
    }
}

/// Merges the listed fields of an item present in all three maps, starting from ours.
macro_rules! merge_fields {
    ($fields:expr, $b:expr, $o:expr, $t:expr, [$($field:ident),* $(,)?]) => {{
        let mut merged = $o.clone();
        $( merged.$field = $fields.pick(stringify!($field), &$b.$field, &$o.$field, &$t.$field); )*
        merged
    }};
}

/// Folds the listed fields of a second item into a first one that stands for both.
macro_rules! fold_fields {
    ($fields:expr, $a:expr, $b:expr, [$($field:ident),* $(,)?]) => {{
        let mut folded = $a.clone();
        $( folded.$field = $fields.fold(stringify!($field), &$a.$field, &$b.$field); )*
        folded
    }};
}

/// Merges `ours` and `theirs`, two versions of `base`.
pub fn merge_maps(base: &Map, ours: &Map, theirs: &Map) -> Result<MergeOutcome, Vec<Problem>> {
    let (theirs, moves) = renumber_new_items(base, ours, theirs)?;
    let mut merger = Merger {
        base,
        ours,
        theirs: &theirs,
        conflicts: Vec::new(),
    };
    let info = merger.info();
    let mut sources = merger.kind(|f, b: &Source, o, t| {
        merge_fields!(
            f,
            b,
            o,
            t,
            [title, publisher, date, url, language, notes, text]
        )
    });
    let mut actors = merger.kind(|f, b: &Actor, o, t| {
        merge_fields!(f, b, o, t, [name, kind, camp, aliases, colour, at, pinned])
    });
    let mut claims = merger.kind(|f, b: &Claim, o, t| {
        merge_fields!(f, b, o, t, [label, text, tags, notes, at, pinned])
    });
    let stances = merger.kind(|f, b: &Stance, o, t| {
        merge_fields!(
            f,
            b,
            o,
            t,
            [
                actor,
                claim,
                position,
                confidence,
                quote,
                translation,
                source,
                date,
                notes
            ]
        )
    });
    let relations =
        merger.kind(|f, b: &Relation, o, t| merge_fields!(f, b, o, t, [from, to, kind, note]));
    for stance in stances.values() {
        merger.keep_needed(&mut actors, stance.actor.0);
        merger.keep_needed(&mut claims, stance.claim.0);
        if let Some(source) = stance.source {
            merger.keep_needed(&mut sources, source.0);
        }
    }
    for relation in relations.values() {
        merger.keep_needed(&mut claims, relation.from.0);
        merger.keep_needed(&mut claims, relation.to.0);
    }
    let stances = merger.one_per_key(
        stances,
        |s| (s.actor, s.claim, s.source, s.date),
        |f, a, b| fold_fields!(f, a, b, [position, confidence, quote, translation, notes]),
    );
    let relations = merger.one_per_key(
        relations,
        |r| (r.from, r.to),
        |f, a, b| fold_fields!(f, a, b, [kind, note]),
    );
    let mut conflicts = carried_conflicts(base, ours, &theirs);
    let new_conflicts = merger.conflicts;
    conflicts.extend(new_conflicts.iter().map(|c| c.conflict.clone()));
    let parts = MapParts {
        info,
        next_id: Some(ours.next_id().max(theirs.next_id())),
        sources: sources.into_values().collect(),
        actors: actors.into_values().collect(),
        claims: claims.into_values().collect(),
        stances: stances.into_values().collect(),
        relations: relations.into_values().collect(),
        conflicts,
    };
    Ok(MergeOutcome {
        map: Map::assemble(parts)?,
        new_conflicts,
        renumbered: moves.len(),
    })
}

impl Merger<'_> {
    /// The map's own fields. The last-modified date takes the later side's, never a conflict.
    fn info(&mut self) -> MapInfo {
        let (b, o, t) = (self.base.info(), self.ours.info(), self.theirs.info());
        let mut fields = Fields {
            merger: self,
            item: None,
            what: "the map".to_owned(),
        };
        let mut merged = merge_fields!(fields, b, o, t, [title, description, created, camp_sides]);
        merged.modified = o.modified.max(t.modified);
        merged
    }

    /// Merges every item of one kind: present in all three maps, field by field; added on
    /// one side, kept; deleted on one side, gone unless the other side changed it.
    fn kind<T: Item>(
        &mut self,
        mut fields: impl FnMut(&mut Fields<'_, '_>, &T, &T, &T) -> T,
    ) -> BTreeMap<u32, T> {
        let (base_map, ours_map, theirs_map) = (self.base, self.ours, self.theirs);
        let index =
            |map| -> BTreeMap<u32, &T> { T::all(map).into_iter().map(|i| (i.raw(), i)).collect() };
        let (base, mut ours, mut theirs) = (index(base_map), index(ours_map), index(theirs_map));
        let mut merged = BTreeMap::new();
        for (id, b) in base {
            match (ours.remove(&id), theirs.remove(&id)) {
                // Most items: unchanged, or changed on one side only, or alike on both.
                (Some(o), Some(t)) if o == t || t == b => {
                    merged.insert(id, o.clone());
                }
                (Some(o), Some(t)) if o == b => {
                    merged.insert(id, t.clone());
                }
                (Some(o), Some(t)) => {
                    let what = format!("{} {id} {}", T::KIND, o.name(ours_map));
                    let mut f = Fields {
                        merger: self,
                        item: Some(id),
                        what,
                    };
                    merged.insert(id, fields(&mut f, b, o, t));
                }
                (Some(o), None) if o != b => {
                    self.deleted_but_changed(b, o, true);
                    merged.insert(id, o.clone());
                }
                (None, Some(t)) if t != b => {
                    self.deleted_but_changed(b, t, false);
                    merged.insert(id, t.clone());
                }
                _ => {}
            }
        }
        // Items new on either side; after renumbering, their ids never collide.
        merged.extend(ours.into_iter().map(|(id, o)| (id, o.clone())));
        merged.extend(theirs.into_iter().map(|(id, t)| (id, t.clone())));
        merged
    }

    /// Records that one side deleted an item the other changed (which is kept).
    fn deleted_but_changed<T: Item>(&mut self, base: &T, kept: &T, ours_kept: bool) {
        let (kept_map, name) = if ours_kept {
            (self.ours, kept.name(self.ours))
        } else {
            (self.theirs, kept.name(self.theirs))
        };
        let changed = Some(format!("changed: {}", kept.name(kept_map)));
        self.conflicts.push(NamedConflict {
            conflict: Conflict {
                item: Some(kept.raw()),
                field: None,
                base: Some(base.name(self.base)),
                ours: if ours_kept { changed.clone() } else { None },
                theirs: if ours_kept { None } else { changed },
            },
            what: format!("{} {} {name}", T::KIND, kept.raw()),
        });
    }

    /// An item's name, read from the side it comes from: their new items have ids past
    /// ours (renumbering saw to that).
    fn name<T: Item>(&self, item: &T) -> String {
        if item.raw() < self.ours.next_id() {
            item.name(self.ours)
        } else {
            item.name(self.theirs)
        }
    }

    /// Brings back a node or source one side deleted when a merged item still refers to it.
    fn keep_needed<T: Item>(&mut self, merged: &mut BTreeMap<u32, T>, id: u32) {
        if merged.contains_key(&id) {
            return;
        }
        let from_ours = T::all(self.ours).into_iter().find(|i| i.raw() == id);
        let from_theirs = T::all(self.theirs).into_iter().find(|i| i.raw() == id);
        let (kept, ours_kept) = match (from_ours, from_theirs) {
            (Some(o), _) => (o.clone(), true),
            (None, Some(t)) => (t.clone(), false),
            (None, None) => return,
        };
        let map = if ours_kept { self.ours } else { self.theirs };
        let used = Some(format!("still used: {}", kept.name(map)));
        self.conflicts.push(NamedConflict {
            conflict: Conflict {
                item: Some(id),
                field: None,
                base: T::all(self.base)
                    .into_iter()
                    .find(|i| i.raw() == id)
                    .map(|b| b.name(self.base)),
                ours: if ours_kept { used.clone() } else { None },
                theirs: if ours_kept { None } else { used },
            },
            what: format!("{} {id} {}", T::KIND, kept.name(map)),
        });
        merged.insert(id, kept);
    }

    /// Keeps one item per key (the rules allow no two), folding the later into the earlier:
    /// equal fields silently, differing ones as conflicts.
    fn one_per_key<T: Item, K: std::hash::Hash + Eq>(
        &mut self,
        items: BTreeMap<u32, T>,
        key: impl Fn(&T) -> K,
        mut fold: impl FnMut(&mut Fields<'_, '_>, &T, &T) -> T,
    ) -> BTreeMap<u32, T> {
        let mut first_of: HashMap<K, u32> = HashMap::new();
        let mut kept: BTreeMap<u32, T> = BTreeMap::new();
        for (id, item) in items {
            match first_of.get(&key(&item)).and_then(|first| kept.get(first)) {
                Some(first) => {
                    let first_id = first.raw();
                    let what = format!("{} {first_id} {}", T::KIND, self.name(first));
                    let first = first.clone();
                    let mut f = Fields {
                        merger: self,
                        item: Some(first_id),
                        what,
                    };
                    let folded = fold(&mut f, &first, &item);
                    kept.insert(first_id, folded);
                }
                None => {
                    first_of.insert(key(&item), id);
                    kept.insert(id, item);
                }
            }
        }
        kept
    }
}

/// The conflicts either side still holds, less those one side resolved since the base.
fn carried_conflicts(base: &Map, ours: &Map, theirs: &Map) -> Vec<Conflict> {
    let resolved = |c: &Conflict| {
        base.conflicts().contains(c)
            && (!ours.conflicts().contains(c) || !theirs.conflicts().contains(c))
    };
    let mut carried: Vec<Conflict> = Vec::new();
    for conflict in ours.conflicts().iter().chain(theirs.conflicts()) {
        if !resolved(conflict) && !carried.contains(conflict) {
            carried.push(conflict.clone());
        }
    }
    carried
}
