//! Copy, cut, paste and duplicate. Copied items form a small map of their own — the selected
//! nodes, the edges among them and the sources those edges cite — which goes to the system
//! clipboard as an ordinary map file, so it can be pasted into another map or a text editor.
//! Pasting gives every item a new id and shifts the nodes so the copies do not hide the
//! originals.

use crate::app::selection::Selection;
use crate::io::{load_str, to_ron_string};
use crate::model::{Edit, ItemId, Map, MapParts, NodeId, Point, Source, SourceId};
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

/// How far each paste of the same items moves them from the last copy, in map units.
pub const PASTE_OFFSET: f32 = 40.0;

/// Copied items.
#[derive(Debug, Clone, PartialEq)]
pub struct Clip {
    map: Map,
}

impl Clip {
    /// The items of `selection` worth copying: selected actors, claims and sources, the
    /// stances and relations among the selected nodes, and the sources they cite. `None` if
    /// nothing is left to copy.
    pub fn copy(map: &Map, selection: &Selection) -> Option<Clip> {
        let nodes: BTreeSet<NodeId> = selection.nodes().collect();
        let has = |node: NodeId| nodes.contains(&node);
        let stances: Vec<_> = map
            .stances()
            .filter(|s| has(s.actor.into()) && has(s.claim.into()))
            .cloned()
            .collect();
        let relations: Vec<_> = map
            .relations()
            .filter(|r| has(r.from.into()) && has(r.to.into()))
            .cloned()
            .collect();
        let mut source_ids: BTreeSet<SourceId> = stances.iter().filter_map(|s| s.source).collect();
        source_ids.extend(selection.items().filter_map(|item| match item {
            ItemId::Source(s) => Some(s),
            _ => None,
        }));
        let parts = MapParts {
            info: Default::default(),
            next_id: None,
            conflicts: Vec::new(),
            sources: source_ids
                .iter()
                .filter_map(|&s| map.source(s).cloned())
                .collect(),
            actors: map.actors().filter(|a| has(a.id.into())).cloned().collect(),
            claims: map.claims().filter(|c| has(c.id.into())).cloned().collect(),
            stances,
            relations,
        };
        let copied = Map::assemble(parts).ok()?;
        let empty = copied.node_count() == 0 && copied.sources().len() == 0;
        (!empty).then_some(Clip { map: copied })
    }

    /// The clip as map-file text, for the system clipboard; why not, if it cannot be written.
    pub fn to_text(&self) -> Result<String, String> {
        to_ron_string(&self.map).map_err(|e| e.to_string())
    }

    /// Reads clipboard text back; `None` if it is not a map.
    pub fn from_text(text: &str) -> Option<Clip> {
        let map = load_str(text, Path::new("clipboard")).ok()?;
        (map.node_count() > 0 || map.sources().len() > 0).then_some(Clip { map })
    }

    /// The edit that adds the clip's items to `target` with new ids, nodes moved by
    /// `offset`, and the new items to select (nodes and edges). A source equal to one the
    /// target already has is not copied again: pasted stances cite the existing one.
    pub fn paste(&self, target: &Map, offset: (f32, f32)) -> (Edit, Vec<ItemId>) {
        let mut ids = target.id_allocator();
        let mut edits = Vec::new();
        let mut selected = Vec::new();
        let mut sources: HashMap<SourceId, SourceId> = HashMap::new();
        for source in self.map.sources() {
            let existing = target.sources().find(|s| same_source(s, source));
            let id = match existing {
                Some(s) => s.id,
                None => {
                    let id = ids.source();
                    edits.push(Edit::AddSource(Source {
                        id,
                        ..source.clone()
                    }));
                    id
                }
            };
            sources.insert(source.id, id);
        }
        let moved = |at: Point| Point::new(at.x + offset.0, at.y + offset.1);
        let mut actors = HashMap::new();
        for actor in self.map.actors() {
            let mut copy = actor.clone();
            copy.id = ids.actor();
            copy.at = moved(actor.at);
            copy.pinned = true;
            actors.insert(actor.id, copy.id);
            selected.push(ItemId::Actor(copy.id));
            edits.push(Edit::AddActor(copy));
        }
        let mut claims = HashMap::new();
        for claim in self.map.claims() {
            let mut copy = claim.clone();
            copy.id = ids.claim();
            copy.at = moved(claim.at);
            copy.pinned = true;
            claims.insert(claim.id, copy.id);
            selected.push(ItemId::Claim(copy.id));
            edits.push(Edit::AddClaim(copy));
        }
        for stance in self.map.stances() {
            let (Some(&actor), Some(&claim)) =
                (actors.get(&stance.actor), claims.get(&stance.claim))
            else {
                continue;
            };
            let mut copy = stance.clone();
            copy.id = ids.stance();
            copy.actor = actor;
            copy.claim = claim;
            copy.source = stance.source.and_then(|s| sources.get(&s).copied());
            selected.push(ItemId::Stance(copy.id));
            edits.push(Edit::AddStance(copy));
        }
        for relation in self.map.relations() {
            let (Some(&from), Some(&to)) = (claims.get(&relation.from), claims.get(&relation.to))
            else {
                continue;
            };
            let mut copy = relation.clone();
            copy.id = ids.relation();
            copy.from = from;
            copy.to = to;
            selected.push(ItemId::Relation(copy.id));
            edits.push(Edit::AddRelation(copy));
        }
        if selected.is_empty() {
            selected.extend(sources.values().map(|&s| ItemId::Source(s)));
        }
        (Edit::Batch(edits), selected)
    }
}

/// Whether two sources describe the same document (ids aside).
fn same_source(a: &Source, b: &Source) -> bool {
    a.title == b.title && a.publisher == b.publisher && a.date == b.date && a.url == b.url
}

/// The edit that removes the selected items: edges first, then nodes (which take their
/// remaining edges with them), then sources, so the batch never refers to something it
/// already removed. `None` when nothing is selected.
pub fn delete_edit(map: &Map, selection: &Selection) -> Option<Edit> {
    let mut edges = Vec::new();
    let mut nodes = Vec::new();
    let mut sources = Vec::new();
    for item in selection.items().filter(|&item| map.contains(item)) {
        match item {
            ItemId::Stance(s) => edges.push(Edit::RemoveStance(s)),
            ItemId::Relation(r) => edges.push(Edit::RemoveRelation(r)),
            ItemId::Actor(a) => nodes.push(Edit::RemoveActor(a)),
            ItemId::Claim(c) => nodes.push(Edit::RemoveClaim(c)),
            ItemId::Source(s) => sources.push(Edit::RemoveSource(s)),
        }
    }
    edges.extend(nodes);
    edges.extend(sources);
    (!edges.is_empty()).then_some(Edit::Batch(edges))
}

/// Every node and edge of the map.
pub fn everything(map: &Map) -> Vec<ItemId> {
    map.actors()
        .map(|a| ItemId::Actor(a.id))
        .chain(map.claims().map(|c| ItemId::Claim(c.id)))
        .chain(map.stances().map(|s| ItemId::Stance(s.id)))
        .chain(map.relations().map(|r| ItemId::Relation(r.id)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::example_map;

    fn putin_and_his_claims(map: &Map) -> Selection {
        let putin = map.actors().find(|a| a.name == "Vladimir Putin").unwrap();
        let mut selection = Selection::default();
        selection.extend([ItemId::Actor(putin.id)]);
        selection.extend(
            map.stances_of_actor(putin.id)
                .map(|s| ItemId::Claim(s.claim)),
        );
        selection
    }

    #[test]
    fn pasting_adds_copies_with_new_ids_and_the_edges_among_them() {
        let mut map = example_map().unwrap();
        let selection = putin_and_his_claims(&map);
        let clip = Clip::copy(&map, &selection).unwrap();
        let before = map.clone();
        let (edit, pasted) = clip.paste(&map, (PASTE_OFFSET, PASTE_OFFSET));
        map.apply(edit).unwrap();

        assert_eq!(map.actors().len(), before.actors().len() + 1);
        let copies: Vec<_> = pasted
            .iter()
            .filter(|i| matches!(i, ItemId::Stance(_)))
            .collect();
        // Every stance Putin takes joins two copied nodes, so all of them come along.
        let putin = before
            .actors()
            .find(|a| a.name == "Vladimir Putin")
            .unwrap();
        assert_eq!(copies.len(), before.stances_of_actor(putin.id).count());
        for item in &pasted {
            assert!(!before.contains_raw_id(item.raw()), "{item} reuses an id");
            assert!(map.contains(*item));
        }
        // The source is shared, not duplicated.
        assert_eq!(map.sources().len(), before.sources().len());
        let copy = map
            .actors()
            .filter(|a| a.name == "Vladimir Putin")
            .last()
            .unwrap();
        assert_eq!(copy.at.x, putin.at.x + PASTE_OFFSET);
    }

    #[test]
    fn the_clipboard_text_is_a_map_that_reads_back() {
        let map = example_map().unwrap();
        let clip = Clip::copy(&map, &putin_and_his_claims(&map)).unwrap();
        let text = clip.to_text().unwrap();
        assert_eq!(Clip::from_text(&text), Some(clip));
        assert_eq!(Clip::from_text("just some words"), None);
    }

    #[test]
    fn deleting_nodes_and_their_edges_together_works() {
        let mut map = example_map().unwrap();
        let mut selection = putin_and_his_claims(&map);
        // Select one of the stances explicitly too: it must not be removed twice.
        let stance = map.stances().next().unwrap().id;
        selection.extend([ItemId::Stance(stance)]);
        let nodes = selection.nodes().count();
        let before = map.node_count();
        map.apply(delete_edit(&map, &selection).unwrap()).unwrap();
        assert_eq!(map.node_count(), before - nodes);
        assert!(map.stance(stance).is_none());
        assert!(delete_edit(&map, &Selection::default()).is_none());
    }

    #[test]
    fn a_cited_source_is_not_deleted() {
        let mut map = example_map().unwrap();
        let mut selection = Selection::default();
        selection.extend([ItemId::Source(map.sources().next().unwrap().id)]);
        assert!(map.apply(delete_edit(&map, &selection).unwrap()).is_err());
    }
}
