//! How far coders agree who mapped the same sources independently: each coder's map gives
//! positions of actors on claims; actors are matched across maps by name or alias and claims
//! by label (ignoring case and spaces), and every (actor, claim) pair is a unit of
//! Krippendorff's reliability data.
//!
//! A coder who recorded no stance of an actor on a claim gave that unit no value: "no stance"
//! is missing data, as Krippendorff prescribes, not a value of its own; units only one coder
//! coded count for nothing. When one coder recorded several stances of an actor on a claim
//! (several sources or dates), the latest counts (by date, then by when it was added).
//!
//! Positions are compared on three levels: nominal (six names), ordinal (the six positions
//! from strongly opposes to strongly supports, in that order) and interval (the signed score
//! −2 … +2, where neutral and ambivalent are both 0).

use super::alpha::{Coincidences, Metric};
use crate::formats::name_key;
use crate::model::{Map, Position};
use std::collections::{BTreeMap, HashMap};

/// Agreement over one set of units.
#[derive(Debug, Clone, PartialEq)]
pub struct AgreementRow {
    /// `all`, `claim` or `actor`.
    pub scope: &'static str,
    /// The claim's label or the actor's name (from the first map that has it); empty for all.
    pub name: String,
    /// Units coded by at least two coders.
    pub units: usize,
    /// Values in those units.
    pub values: usize,
    /// Percent agreement, 0–100.
    pub percent: Option<f64>,
    /// Krippendorff's alpha, nominal, ordinal and interval.
    pub alpha: [Option<f64>; 3],
}

/// The agreement report: overall, per claim, per actor.
#[derive(Debug, Clone, PartialEq)]
pub struct AgreementReport {
    /// How many maps (coders).
    pub coders: usize,
    /// Units (actor, claim) any coder coded.
    pub units_coded: usize,
    /// All units together first, then each claim, then each actor, each by name.
    pub rows: Vec<AgreementRow>,
}

/// A stance's value on the nominal and ordinal scales: its rank among the six positions.
fn rank(position: Position) -> f64 {
    Position::ALL
        .iter()
        .position(|p| *p == position)
        .map_or(0.0, |i| i as f64)
}

/// Groups items of several maps that share any of their names (case and spaces ignored),
/// giving each group a number and the first name seen.
#[derive(Default)]
struct Matcher {
    by_key: HashMap<String, usize>,
    names: Vec<String>,
    /// Union-find parents: two groups joined by a shared alias become one.
    parent: Vec<usize>,
}

impl Matcher {
    fn find(&self, mut group: usize) -> usize {
        while let Some(&up) = self.parent.get(group) {
            if up == group {
                break;
            }
            group = up;
        }
        group
    }

    /// The group of an item known by `names` (its first the display name).
    fn group(&mut self, names: &[&str]) -> usize {
        let keys: Vec<String> = names
            .iter()
            .map(|n| name_key(n))
            .filter(|k| !k.is_empty())
            .collect();
        let found: Vec<usize> = keys
            .iter()
            .filter_map(|k| self.by_key.get(k).copied())
            .collect();
        let group = match found.first() {
            Some(&g) => self.find(g),
            None => {
                let g = self.parent.len();
                self.parent.push(g);
                self.names
                    .push(names.first().map_or_else(String::new, |n| (*n).to_owned()));
                g
            }
        };
        for other in found {
            let other = self.find(other);
            if other != group
                && let Some(slot) = self.parent.get_mut(other)
            {
                *slot = group;
            }
        }
        for key in keys {
            self.by_key.insert(key, group);
        }
        group
    }
}

/// A unit of the reliability data: (actor group, claim group).
type Unit = (usize, usize);

/// One coder's latest stance on a unit: its date and id (to tell which is latest) and position.
type Latest = (Option<crate::model::Date>, u32, Position);

/// The agreement between the coders whose maps these are.
pub fn agreement(maps: &[Map]) -> AgreementReport {
    let mut actors = Matcher::default();
    let mut claims = Matcher::default();
    let mut coded: Vec<BTreeMap<Unit, Latest>> = Vec::new();
    let mut groups_of: Vec<(HashMap<u32, usize>, HashMap<u32, usize>)> = Vec::new();
    for map in maps {
        let actor_groups: HashMap<u32, usize> = map
            .actors()
            .map(|a| {
                let mut names = vec![a.name.as_str()];
                names.extend(a.aliases.iter().map(String::as_str));
                (a.id.0, actors.group(&names))
            })
            .collect();
        let claim_groups: HashMap<u32, usize> = map
            .claims()
            .map(|c| (c.id.0, claims.group(&[c.label.as_str()])))
            .collect();
        groups_of.push((actor_groups, claim_groups));
    }
    for (map, (actor_groups, claim_groups)) in maps.iter().zip(&groups_of) {
        let mut units = BTreeMap::new();
        for stance in map.stances() {
            let (Some(&a), Some(&c)) = (
                actor_groups.get(&stance.actor.0),
                claim_groups.get(&stance.claim.0),
            ) else {
                continue;
            };
            let key = (actors.find(a), claims.find(c));
            let value = (stance.date, stance.id.0, stance.position);
            units
                .entry(key)
                .and_modify(|old: &mut (_, _, _)| {
                    if (value.0, value.1) > (old.0, old.1) {
                        *old = value;
                    }
                })
                .or_insert(value);
        }
        coded.push(units);
    }
    // Unit -> the positions the coders gave it.
    let mut units: BTreeMap<(usize, usize), Vec<Position>> = BTreeMap::new();
    for coder in &coded {
        for (key, (_, _, position)) in coder {
            units.entry(*key).or_default().push(*position);
        }
    }
    let mut rows = vec![row("all", String::new(), units.values())];
    let mut claim_rows: Vec<AgreementRow> = group_rows(&units, |(_, c)| *c)
        .into_iter()
        .map(|(c, unit_values)| {
            let name = claims.names.get(c).cloned().unwrap_or_default();
            row("claim", name, unit_values.into_iter())
        })
        .collect();
    claim_rows.sort_by(|a, b| a.name.cmp(&b.name));
    let mut actor_rows: Vec<AgreementRow> = group_rows(&units, |(a, _)| *a)
        .into_iter()
        .map(|(a, unit_values)| {
            let name = actors.names.get(a).cloned().unwrap_or_default();
            row("actor", name, unit_values.into_iter())
        })
        .collect();
    actor_rows.sort_by(|a, b| a.name.cmp(&b.name));
    rows.extend(claim_rows);
    rows.extend(actor_rows);
    AgreementReport {
        coders: maps.len(),
        units_coded: units.len(),
        rows,
    }
}

/// The units' values grouped by claim or actor.
fn group_rows(
    units: &BTreeMap<Unit, Vec<Position>>,
    by: impl Fn(&Unit) -> usize,
) -> BTreeMap<usize, Vec<&Vec<Position>>> {
    let mut groups: BTreeMap<usize, Vec<&Vec<Position>>> = BTreeMap::new();
    for (key, values) in units {
        groups.entry(by(key)).or_default().push(values);
    }
    groups
}

/// Agreement over some units.
fn row<'u>(
    scope: &'static str,
    name: String,
    units: impl Iterator<Item = &'u Vec<Position>>,
) -> AgreementRow {
    let units: Vec<&Vec<Position>> = units.collect();
    let ranks: Vec<Vec<f64>> = units
        .iter()
        .map(|u| u.iter().map(|p| rank(*p)).collect())
        .collect();
    let scores: Vec<Vec<f64>> = units
        .iter()
        .map(|u| u.iter().map(|p| f64::from(p.score())).collect())
        .collect();
    let by_rank = Coincidences::new(&ranks);
    let by_score = Coincidences::new(&scores);
    AgreementRow {
        scope,
        name,
        units: by_rank.units,
        values: by_rank.pairable_values().round() as usize,
        percent: by_rank.percent_agreement(),
        alpha: [
            by_rank.alpha(Metric::Nominal),
            by_rank.alpha(Metric::Ordinal),
            by_score.alpha(Metric::Interval),
        ],
    }
}
