//! What an applied edit changed, slot by slot: each item it added, replaced or removed with its
//! value before and after, and the map's title and next id if they changed. An undo step keeps
//! one of these, so it costs what the edit changed, not what the map holds; caches read the
//! touched items from it instead of comparing maps.

use super::conflict::Conflict;
use super::ids::{ActorId, ClaimId, ItemId, RelationId, SourceId, StanceId};
use super::items::{Actor, Claim, Relation, Source, Stance};
use super::map::{Map, MapInfo};
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

/// One slot of a map before and after a change; `None` is an empty slot (no such item).
#[derive(Debug, Clone)]
pub(super) struct Swap<K, V> {
    pub(super) id: K,
    pub(super) before: Option<Arc<V>>,
    pub(super) after: Option<Arc<V>>,
}

impl<K, V: PartialEq> Swap<K, V> {
    /// Whether the slot ends as it started.
    fn is_noop(&self) -> bool {
        match (&self.before, &self.after) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b) || a == b,
            (None, None) => true,
            _ => false,
        }
    }
}

/// One changed slot.
#[derive(Debug, Clone)]
pub(super) enum Slot {
    Info(Arc<MapInfo>, Arc<MapInfo>),
    Conflicts(Arc<Vec<Conflict>>, Arc<Vec<Conflict>>),
    NextId(u32, u32),
    Source(Swap<SourceId, Source>),
    Actor(Swap<ActorId, Actor>),
    Claim(Swap<ClaimId, Claim>),
    Stance(Swap<StanceId, Stance>),
    Relation(Swap<RelationId, Relation>),
}

/// Which slot a [`Slot`] is, to merge changes of the same slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum SlotKey {
    Info,
    Conflicts,
    NextId,
    Item(ItemId),
}

impl Slot {
    fn key(&self) -> SlotKey {
        match self {
            Slot::Info(..) => SlotKey::Info,
            Slot::Conflicts(..) => SlotKey::Conflicts,
            Slot::NextId(..) => SlotKey::NextId,
            Slot::Source(s) => SlotKey::Item(s.id.into()),
            Slot::Actor(s) => SlotKey::Item(s.id.into()),
            Slot::Claim(s) => SlotKey::Item(s.id.into()),
            Slot::Stance(s) => SlotKey::Item(s.id.into()),
            Slot::Relation(s) => SlotKey::Item(s.id.into()),
        }
    }

    /// Takes the end value of a later change of the same slot.
    fn take_after(&mut self, later: Slot) {
        match (self, later) {
            (Slot::Info(_, after), Slot::Info(_, later)) => *after = later,
            (Slot::Conflicts(_, after), Slot::Conflicts(_, later)) => *after = later,
            (Slot::NextId(_, after), Slot::NextId(_, later)) => *after = later,
            (Slot::Source(s), Slot::Source(l)) => s.after = l.after,
            (Slot::Actor(s), Slot::Actor(l)) => s.after = l.after,
            (Slot::Claim(s), Slot::Claim(l)) => s.after = l.after,
            (Slot::Stance(s), Slot::Stance(l)) => s.after = l.after,
            (Slot::Relation(s), Slot::Relation(l)) => s.after = l.after,
            // Keys match only for the same variant.
            _ => {}
        }
    }

    fn is_noop(&self) -> bool {
        match self {
            Slot::Info(a, b) => Arc::ptr_eq(a, b) || a == b,
            Slot::Conflicts(a, b) => Arc::ptr_eq(a, b) || a == b,
            Slot::NextId(a, b) => a == b,
            Slot::Source(s) => s.is_noop(),
            Slot::Actor(s) => s.is_noop(),
            Slot::Claim(s) => s.is_noop(),
            Slot::Stance(s) => s.is_noop(),
            Slot::Relation(s) => s.is_noop(),
        }
    }

    /// Puts the slot's earlier (`before`) or later value into the map.
    fn restore(&self, map: &mut Map, before: bool) {
        fn pick<K, V>(swap: &Swap<K, V>, before: bool) -> Option<Arc<V>> {
            if before {
                swap.before.clone()
            } else {
                swap.after.clone()
            }
        }
        match self {
            Slot::Info(b, a) => map.info = Arc::clone(if before { b } else { a }),
            Slot::Conflicts(b, a) => map.conflicts = Arc::clone(if before { b } else { a }),
            Slot::NextId(b, a) => map.next_id = if before { *b } else { *a },
            Slot::Source(s) => drop(map.set_source(s.id, pick(s, before))),
            Slot::Actor(s) => drop(map.set_actor(s.id, pick(s, before))),
            Slot::Claim(s) => drop(map.set_claim(s.id, pick(s, before))),
            Slot::Stance(s) => drop(map.set_stance(s.id, pick(s, before))),
            Slot::Relation(s) => drop(map.set_relation(s.id, pick(s, before))),
        }
    }

    /// About how many bytes this slot keeps alive that the map may no longer hold: the earlier
    /// value (the later one is in the map, or in the next step's earlier value).
    fn retained_bytes(&self) -> usize {
        fn text(s: &str) -> usize {
            s.len()
        }
        fn opt(s: &Option<String>) -> usize {
            s.as_deref().map_or(0, text)
        }
        fn arc<T>(value: &Option<Arc<T>>, heap: impl Fn(&T) -> usize) -> usize {
            value.as_deref().map_or(0, |v| {
                // The Arc's two counters, the value and what it points to.
                2 * size_of::<usize>() + size_of::<T>() + heap(v)
            })
        }
        let own = size_of::<Slot>();
        own + match self {
            Slot::Info(before, _) => text(&before.title) + text(&before.description),
            Slot::Conflicts(before, _) => before
                .iter()
                .map(|c| opt(&c.field) + opt(&c.base) + opt(&c.ours) + opt(&c.theirs))
                .sum(),
            Slot::NextId(..) => 0,
            Slot::Source(s) => arc(&s.before, |v| {
                text(&v.title) + text(&v.publisher) + opt(&v.url) + opt(&v.language) + opt(&v.notes)
            }),
            Slot::Actor(s) => arc(&s.before, |v| {
                text(&v.name) + opt(&v.camp) + v.aliases.iter().map(|a| a.len() + 24).sum::<usize>()
            }),
            Slot::Claim(s) => arc(&s.before, |v| {
                text(&v.label)
                    + text(&v.text)
                    + opt(&v.notes)
                    + v.tags.iter().map(|t| t.len() + 24).sum::<usize>()
            }),
            Slot::Stance(s) => arc(&s.before, |v| {
                text(&v.quote) + opt(&v.translation) + opt(&v.notes)
            }),
            Slot::Relation(s) => arc(&s.before, |v| opt(&v.note)),
        }
    }
}

/// What one edit (or one undo step of several edits) changed in a map: every slot it touched,
/// with its value before and after. Values are shared with the map, so keeping a change costs
/// the items it replaced, not copies of the map.
#[derive(Debug, Clone, Default)]
pub struct Change {
    slots: Vec<Slot>,
}

/// The items a change added, replaced or removed, and whether the map's title, description or
/// dates changed: what a cache of anything drawn from the map must look at again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Touched {
    /// Every item added, changed or removed.
    pub items: BTreeSet<ItemId>,
    /// Whether the title, description or dates changed.
    pub info: bool,
    /// Whether actors came or went or changed camp or kind: what camp colours and the legend
    /// depend on.
    pub actor_groups: bool,
}

impl Touched {
    /// Whether nothing was touched.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && !self.info && !self.actor_groups
    }

    /// Adds what another change touched.
    pub fn extend(&mut self, other: &Touched) {
        self.items.extend(other.items.iter().copied());
        self.info |= other.info;
        self.actor_groups |= other.actor_groups;
    }
}

impl Change {
    /// Whether the change changed nothing (the edit left the map as it was).
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// The items touched and whether the map's info changed.
    pub fn touched(&self) -> Touched {
        let mut touched = Touched::default();
        for slot in &self.slots {
            if let Slot::Actor(swap) = slot {
                let group = |a: &Option<Arc<Actor>>| {
                    a.as_deref()
                        .map(|a| (a.camp_name().map(str::to_owned), a.kind))
                };
                touched.actor_groups |= group(&swap.before) != group(&swap.after);
            }
            match slot.key() {
                SlotKey::Info => touched.info = true,
                // Nothing drawn shows the conflicts list or the next id.
                SlotKey::NextId | SlotKey::Conflicts => {}
                SlotKey::Item(id) => {
                    touched.items.insert(id);
                }
            }
        }
        touched
    }

    /// Merges a change made right after this one into it, so both undo as one step.
    pub fn absorb(&mut self, later: Change) {
        self.slots.extend(later.slots);
        self.normalise();
    }

    /// About how many bytes keeping this change (as an undo step) costs, beyond the map.
    pub fn retained_bytes(&self) -> usize {
        size_of::<Change>() + self.slots.iter().map(Slot::retained_bytes).sum::<usize>()
    }

    pub(super) fn push(&mut self, slot: Slot) {
        self.slots.push(slot);
    }

    /// One entry per slot (the first value before, the last after), and none for slots that
    /// end as they started.
    pub(super) fn normalise(&mut self) {
        if self.slots.len() > 1 {
            let mut first: HashMap<SlotKey, usize> = HashMap::with_capacity(self.slots.len());
            let mut merged: Vec<Slot> = Vec::with_capacity(self.slots.len());
            for slot in self.slots.drain(..) {
                let key = slot.key();
                match first.get(&key).and_then(|&i| merged.get_mut(i)) {
                    Some(earlier) => earlier.take_after(slot),
                    None => {
                        first.insert(key, merged.len());
                        merged.push(slot);
                    }
                }
            }
            self.slots = merged;
        }
        self.slots.retain(|slot| !slot.is_noop());
    }
}

impl Map {
    /// Takes the map back to where it was before `change` (which this map went through last,
    /// or was taken forward to again by [`Map::redo_change`]). Not validated: it restores a
    /// state the map was in.
    pub fn undo_change(&mut self, change: &Change) {
        for slot in change.slots.iter().rev() {
            slot.restore(self, true);
        }
    }

    /// Takes the map forward through `change` again after [`Map::undo_change`].
    pub fn redo_change(&mut self, change: &Change) {
        for slot in &change.slots {
            slot.restore(self, false);
        }
    }
}
