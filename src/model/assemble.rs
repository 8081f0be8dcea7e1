//! Building a whole map at once from loose items, as the file loader does, with every problem
//! reported rather than just the first.

use super::conflict::Conflict;
use super::index::Index;
use super::items::{Actor, Claim, Relation, Source, Stance};
use super::map::{Items, Map, MapInfo};
use super::rules::{self, Problem};
use std::sync::Arc;

/// The loose parts of a map, in any order, before they are checked.
#[derive(Debug, Clone, Default)]
pub struct MapParts {
    /// Title, description and dates.
    pub info: MapInfo,
    /// The next id to hand out; `None` means one past the largest id present.
    pub next_id: Option<u32>,
    /// All sources.
    pub sources: Vec<Source>,
    /// All actors.
    pub actors: Vec<Actor>,
    /// All claims.
    pub claims: Vec<Claim>,
    /// All stances.
    pub stances: Vec<Stance>,
    /// All relations.
    pub relations: Vec<Relation>,
    /// Conflicts a merge left in the map.
    pub conflicts: Vec<Conflict>,
}

impl Map {
    /// Builds a map from its parts and checks it against every rule. Returns every problem
    /// found (duplicate ids, dangling references, broken rules), each naming its item.
    pub fn assemble(parts: MapParts) -> Result<Map, Vec<Problem>> {
        let mut problems = Vec::new();
        problems.extend(super::edit::camp_sides_problem(&parts.info));
        let largest = parts
            .sources
            .iter()
            .map(|s| s.id.0)
            .chain(parts.actors.iter().map(|a| a.id.0))
            .chain(parts.claims.iter().map(|c| c.id.0))
            .chain(parts.stances.iter().map(|s| s.id.0))
            .chain(parts.relations.iter().map(|r| r.id.0))
            .max();
        let next_id = parts
            .next_id
            .unwrap_or_else(|| largest.map_or(0, |id| id.saturating_add(1)));
        let mut map = Map {
            info: Arc::new(parts.info),
            sources: collect(parts.sources, |s| s.id, &mut problems),
            actors: collect(parts.actors, |a| a.id, &mut problems),
            claims: collect(parts.claims, |c| c.id, &mut problems),
            stances: collect(parts.stances, |s| s.id, &mut problems),
            relations: collect(parts.relations, |r| r.id, &mut problems),
            next_id,
            conflicts: Arc::new(parts.conflicts),
            index: Index::default(),
        };
        for stance in map.stances.values() {
            map.index.add_stance(stance);
        }
        for relation in map.relations.values() {
            map.index.add_relation(relation);
        }
        problems.extend(rules::check_map(&map));
        if problems.is_empty() {
            map.next_id = next_id;
            Ok(map)
        } else {
            Err(problems)
        }
    }
}

/// Gathers items by id, reporting every id that appears twice.
fn collect<K, T>(items: Vec<T>, id: impl Fn(&T) -> K, problems: &mut Vec<Problem>) -> Items<K, T>
where
    K: Ord + Copy + Into<super::ItemId>,
{
    let mut out = Items::new();
    for item in items {
        let key = id(&item);
        if out.insert(key, Arc::new(item)).is_some() {
            problems.push(Problem::item(
                key,
                "appears more than once; every item needs its own id",
            ));
        }
    }
    out
}
