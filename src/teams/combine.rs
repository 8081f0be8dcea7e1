//! Combining two independent codings of the same sources (two analysts, no common base):
//! actors are matched by name or alias, claims by how alike their labels read, and the
//! analyst confirms, changes or rejects each match before the other coding is merged in as
//! one edit — matched items unified, the rest added, stances carried over with their quotes,
//! sources and dates.
//!
//! The merge itself is the import of another map (`formats::plan`), run on a copy of the
//! other coding in which each matched item bears the name of the item here it was matched
//! with, and each rejected one a name that matches nothing here.

use crate::formats::{Plan, draft_of_map, name_key, plan};
use crate::model::{Edit, Map, NodeId};
use std::collections::HashSet;

/// How alike two claims' labels must read (Sørensen–Dice over letter pairs, 0–1) to be
/// proposed as the same claim.
pub const CLAIM_LIKENESS: f64 = 0.7;

/// One actor or claim of the other coding and the item here proposed as the same.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    /// The node in the other coding.
    pub theirs: NodeId,
    /// Its name or label there.
    pub name: String,
    /// The node here proposed as the same, and how alike the names read (1 = the same name
    /// or an alias).
    pub matched: Option<(NodeId, f64)>,
}

/// Keys an actor is known by: its name and aliases, without case or spaces.
fn actor_keys(actor: &crate::model::Actor) -> Vec<String> {
    std::iter::once(&actor.name)
        .chain(&actor.aliases)
        .map(|n| name_key(n))
        .collect()
}

/// Proposals for every actor, then every claim, of `theirs`.
pub fn propose(ours: &Map, theirs: &Map) -> Vec<Proposal> {
    let mut out = Vec::new();
    for actor in theirs.actors() {
        let keys = actor_keys(actor);
        let matched = ours
            .actors()
            .find(|a| actor_keys(a).iter().any(|k| keys.contains(k)))
            .map(|a| (NodeId::Actor(a.id), 1.0));
        out.push(Proposal {
            theirs: NodeId::Actor(actor.id),
            name: actor.name.clone(),
            matched,
        });
    }
    for claim in theirs.claims() {
        let label = claim.label.to_lowercase();
        let matched = ours
            .claims()
            .map(|c| {
                let likeness = if name_key(&c.label) == name_key(&claim.label) {
                    1.0
                } else {
                    strsim::sorensen_dice(&c.label.to_lowercase(), &label)
                };
                (NodeId::Claim(c.id), likeness)
            })
            .filter(|(_, likeness)| *likeness >= CLAIM_LIKENESS)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        out.push(Proposal {
            theirs: NodeId::Claim(claim.id),
            name: claim.label.clone(),
            matched,
        });
    }
    out
}

/// The plan that merges `theirs` into `ours`, each of their actors and claims unified with
/// the node here `choices` gives it (by proposal order), or added when it gives none.
/// `tag` marks added items whose names would otherwise match something here (e.g. the other
/// coding's file name).
pub fn combine(
    ours: &Map,
    theirs: &Map,
    choices: &[(NodeId, Option<NodeId>)],
    tag: &str,
) -> Result<Plan, String> {
    let our_actor_keys: HashSet<String> = ours.actors().flat_map(actor_keys).collect();
    let our_claim_keys: HashSet<String> = ours.claims().map(|c| name_key(&c.label)).collect();
    let mut edits = Vec::new();
    for &(their_node, choice) in choices {
        match their_node {
            NodeId::Actor(id) => {
                let mut actor = theirs
                    .actor(id)
                    .ok_or_else(|| format!("the other coding has no {id}"))?
                    .clone();
                match choice {
                    Some(NodeId::Actor(here)) => {
                        let here = ours
                            .actor(here)
                            .ok_or_else(|| format!("this map no longer has {here}"))?;
                        actor.name = here.name.clone();
                        // Their aliases could name other actors here; the match decides.
                        actor.aliases.clear();
                    }
                    Some(other) => return Err(format!("{other} is not an actor")),
                    None => {
                        actor.aliases.clear();
                        if our_actor_keys.contains(&name_key(&actor.name)) {
                            actor.name = format!("{} ({tag})", actor.name);
                        }
                    }
                }
                edits.push(Edit::UpdateActor(actor));
            }
            NodeId::Claim(id) => {
                let mut claim = theirs
                    .claim(id)
                    .ok_or_else(|| format!("the other coding has no {id}"))?
                    .clone();
                match choice {
                    Some(NodeId::Claim(here)) => {
                        let here = ours
                            .claim(here)
                            .ok_or_else(|| format!("this map no longer has {here}"))?;
                        claim.label = here.label.clone();
                    }
                    Some(other) => return Err(format!("{other} is not a claim")),
                    None => {
                        if our_claim_keys.contains(&name_key(&claim.label)) {
                            claim.label = format!("{} ({tag})", claim.label);
                        }
                    }
                }
                edits.push(Edit::UpdateClaim(claim));
            }
        }
    }
    let mut renamed = theirs.clone();
    renamed
        .apply(Edit::Batch(edits))
        .map_err(|problem| format!("the other coding cannot be renamed: {problem}"))?;
    Ok(plan(ours, &draft_of_map(&renamed)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorKind, Claim, Point, Position, Stance};
    use crate::testing::MapBuilder;

    /// Our coding: Putin (alias 普京), Biden, two claims, Putin's stance on NATO.
    fn ours() -> Map {
        MapBuilder::new()
            .actor_with("Vladimir Putin", "Russia", &["普京"])
            .actor("Joe Biden", "United States")
            .claim("No further NATO expansion east")
            .claim("Sanctions if Russia invades")
            .stance(
                "Vladimir Putin",
                "No further NATO expansion east",
                Position::StronglySupports,
            )
            .build()
            .0
    }

    /// The other coding, made apart: 普京 under his Chinese name, a reworded NATO claim, a
    /// claim of its own, and stances on both.
    fn theirs() -> Map {
        let mut map = Map::new("Coder B");
        let mut ids = map.id_allocator();
        let (putin, lavrov, nato, talks) = (ids.actor(), ids.actor(), ids.claim(), ids.claim());
        let (s1, s2) = (ids.stance(), ids.stance());
        map.apply(Edit::Batch(vec![
            Edit::AddActor(Actor::new(
                putin,
                "普京",
                ActorKind::Person,
                Point::default(),
            )),
            Edit::AddActor(Actor::new(
                lavrov,
                "Sergey Lavrov",
                ActorKind::Person,
                Point::default(),
            )),
            Edit::AddClaim(Claim::new(
                nato,
                "No further NATO expansion eastward",
                Point::default(),
            )),
            Edit::AddClaim(Claim::new(talks, "Talks go on", Point::default())),
            Edit::AddStance(Stance {
                quote: "俄羅斯希望獲得可靠的法律保證".into(),
                date: Some(crate::model::Date::constant(2021, 12, 7)),
                ..Stance::new(s1, putin, nato, Position::StronglySupports)
            }),
            Edit::AddStance(Stance {
                quote: "we keep talking".into(),
                ..Stance::new(s2, lavrov, talks, Position::Supports)
            }),
        ]))
        .unwrap();
        map
    }

    fn matched_name(ours: &Map, proposal: &Proposal) -> Option<String> {
        proposal.matched.map(|(node, _)| match node {
            NodeId::Actor(a) => ours.actor(a).unwrap().name.clone(),
            NodeId::Claim(c) => ours.claim(c).unwrap().label.clone(),
        })
    }

    #[test]
    fn actors_match_by_alias_and_claims_by_alike_labels() {
        let (ours, theirs) = (ours(), theirs());
        let proposals = propose(&ours, &theirs);
        let found: Vec<(String, Option<String>)> = proposals
            .iter()
            .map(|p| (p.name.clone(), matched_name(&ours, p)))
            .collect();
        assert_eq!(
            found,
            [
                ("普京".into(), Some("Vladimir Putin".into())),
                ("Sergey Lavrov".into(), None),
                (
                    "No further NATO expansion eastward".into(),
                    Some("No further NATO expansion east".into())
                ),
                ("Talks go on".into(), None),
            ]
        );
        let likeness = proposals[2].matched.unwrap().1;
        assert!(likeness > CLAIM_LIKENESS && likeness < 1.0, "{likeness}");
        assert_eq!(proposals[0].matched.unwrap().1, 1.0);
    }

    #[test]
    fn unlike_labels_are_not_proposed() {
        let ours = ours();
        let mut theirs = Map::new("B");
        let id = theirs.id_allocator().claim();
        theirs
            .apply(Edit::AddClaim(Claim::new(
                id,
                "Sanctions work",
                Point::default(),
            )))
            .unwrap();
        assert_eq!(propose(&ours, &theirs)[0].matched, None);
    }

    #[test]
    fn combining_unifies_matches_adds_the_rest_and_carries_stances_over() {
        let (mut ours, theirs) = (ours(), theirs());
        let before = ours.clone();
        let proposals = propose(&ours, &theirs);
        let choices: Vec<_> = proposals
            .iter()
            .map(|p| (p.theirs, p.matched.map(|(n, _)| n)))
            .collect();
        let plan = combine(&ours, &theirs, &choices, "coder B").unwrap();
        assert!(plan.problems.is_empty(), "{:?}", plan.problems);
        let change = ours.apply_recorded(plan.edit).unwrap();

        assert_eq!(ours.actors().len(), 3, "Lavrov added, 普京 is Putin");
        assert_eq!(ours.claims().len(), 3, "Talks go on added");
        let putin = ours.actors().find(|a| a.name == "Vladimir Putin").unwrap();
        let stances: Vec<_> = ours.stances_of_actor(putin.id).collect();
        assert_eq!(
            stances.len(),
            2,
            "their stance joins ours on the same claim"
        );
        assert!(
            stances
                .iter()
                .any(|s| s.quote == "俄羅斯希望獲得可靠的法律保證")
        );
        let lavrov = ours.actors().find(|a| a.name == "Sergey Lavrov").unwrap();
        assert_eq!(
            ours.stances_of_actor(lavrov.id).next().unwrap().quote,
            "we keep talking"
        );

        ours.undo_change(&change);
        assert_eq!(ours, before, "one edit");
    }

    #[test]
    fn a_rejected_match_is_added_apart_even_with_the_same_name() {
        let (mut ours, _) = MapBuilder::new().actor("Putin", "Russia").build();
        let (theirs, _) = MapBuilder::new().actor("Putin", "Russia").build();
        let proposals = propose(&ours, &theirs);
        assert!(proposals[0].matched.is_some());
        let plan = combine(&ours, &theirs, &[(proposals[0].theirs, None)], "B").unwrap();
        ours.apply(plan.edit).unwrap();
        let names: Vec<_> = ours.actors().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Putin", "Putin (B)"]);
    }
}
