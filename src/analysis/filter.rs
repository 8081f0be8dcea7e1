//! Filters and focus: show only chosen actors, camps, tags, sources or dates, or only the
//! neighbourhood of some nodes, and dim or hide everything else. The result is a
//! [`VisibilityMap`] that the scene applies, so the canvas and the exporters agree.
//!
//! - An actor stays when it is chosen (or no actors are chosen) and in a chosen camp (or no
//!   camps are chosen); when tags, sources or dates are chosen it must also take a stance
//!   that passes them.
//! - A claim stays when it carries a chosen tag (or no tags are chosen); when actors, camps,
//!   sources or dates are chosen, some stance that passes them must be taken on it.
//! - A stance stays when its actor and claim stay, its source is chosen (or no sources are)
//!   and its date (its own, else its source's) lies in the range; undated stances drop out
//!   when a range is set. A relation stays when both its claims stay.
//! - With a focus, only nodes within the given number of steps (over stances and relations)
//!   of the focus nodes stay.

use super::scope::{date_in_range, stance_date};
use crate::model::{ActorId, ClaimId, Date, Map, NodeId, SourceId, Stance};
use crate::scene::{Visibility, VisibilityMap};
use std::collections::{BTreeSet, HashSet, VecDeque};

/// What happens to items a filter leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LeftOut {
    /// Drawn faded, as context.
    #[default]
    Dim,
    /// Not drawn.
    Hide,
}

/// Focus on the neighbourhood of some nodes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Focus {
    /// The nodes in the middle of the focus (typically the selection).
    pub around: BTreeSet<NodeId>,
    /// How many steps away from them still counts (1 to 3 in the app).
    pub steps: u8,
}

/// What to show; empty sets choose everything.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// Only these actors.
    pub actors: BTreeSet<ActorId>,
    /// Only actors in these camps.
    pub camps: BTreeSet<String>,
    /// Only claims with one of these tags.
    pub tags: BTreeSet<String>,
    /// Only stances citing these sources.
    pub sources: BTreeSet<SourceId>,
    /// Only stances dated on or after this day.
    pub from: Option<Date>,
    /// Only stances dated on or before this day.
    pub to: Option<Date>,
    /// Only the neighbourhood of some nodes.
    pub focus: Option<Focus>,
    /// Whether left-out items are dimmed or hidden.
    pub left_out: LeftOut,
}

impl Filter {
    /// Whether the filter leaves anything out at all.
    pub fn is_active(&self) -> bool {
        !self.actors.is_empty()
            || !self.camps.is_empty()
            || !self.tags.is_empty()
            || !self.sources.is_empty()
            || self.from.is_some()
            || self.to.is_some()
            || self.focus.is_some()
    }

    fn actor_chosen(&self, map: &Map, actor: ActorId) -> bool {
        let Some(a) = map.actor(actor) else {
            return false;
        };
        let camp = a.camp_name().unwrap_or_default();
        (self.actors.is_empty() || self.actors.contains(&actor))
            && (self.camps.is_empty() || self.camps.contains(camp))
    }

    fn claim_chosen(&self, map: &Map, claim: ClaimId) -> bool {
        map.claim(claim)
            .is_some_and(|c| self.tags.is_empty() || c.tags.iter().any(|t| self.tags.contains(t)))
    }

    fn stance_passes(&self, map: &Map, stance: &Stance) -> bool {
        self.actor_chosen(map, stance.actor)
            && self.claim_chosen(map, stance.claim)
            && (self.sources.is_empty() || stance.source.is_some_and(|s| self.sources.contains(&s)))
            && (self.from.is_none() && self.to.is_none()
                || date_in_range(stance_date(map, stance), self.from, self.to))
    }

    /// Which items of `map` stay, which are dimmed and which hidden.
    pub fn visibility(&self, map: &Map) -> VisibilityMap {
        let mut visibility = VisibilityMap::all_shown();
        if !self.is_active() {
            return visibility;
        }
        let dates = self.from.is_some() || self.to.is_some();
        let actors_need_stance = !self.tags.is_empty() || !self.sources.is_empty() || dates;
        let claims_need_stance =
            !self.actors.is_empty() || !self.camps.is_empty() || !self.sources.is_empty() || dates;
        let passing: Vec<&Stance> = map
            .stances()
            .filter(|s| self.stance_passes(map, s))
            .collect();
        let with_stance_actors: HashSet<ActorId> = passing.iter().map(|s| s.actor).collect();
        let with_stance_claims: HashSet<ClaimId> = passing.iter().map(|s| s.claim).collect();
        let in_focus = self.focus.as_ref().map(|f| neighbourhood(map, f));
        let focused = |node: NodeId| in_focus.as_ref().is_none_or(|set| set.contains(&node));
        let kept_actor = |a: ActorId| {
            self.actor_chosen(map, a)
                && (!actors_need_stance || with_stance_actors.contains(&a))
                && focused(a.into())
        };
        let kept_claim = |c: ClaimId| {
            self.claim_chosen(map, c)
                && (!claims_need_stance || with_stance_claims.contains(&c))
                && focused(c.into())
        };
        let left_out = match self.left_out {
            LeftOut::Dim => Visibility::Dimmed,
            LeftOut::Hide => Visibility::Hidden,
        };
        for actor in map.actors() {
            if !kept_actor(actor.id) {
                visibility.set(actor.id, left_out);
            }
        }
        for claim in map.claims() {
            if !kept_claim(claim.id) {
                visibility.set(claim.id, left_out);
            }
        }
        for stance in map.stances() {
            let kept = self.stance_passes(map, stance)
                && kept_actor(stance.actor)
                && kept_claim(stance.claim);
            if !kept {
                visibility.set(stance.id, left_out);
            }
        }
        for relation in map.relations() {
            if !(kept_claim(relation.from) && kept_claim(relation.to)) {
                visibility.set(relation.id, left_out);
            }
        }
        visibility
    }
}

/// The nodes within `focus.steps` steps of the focus nodes, over stances and relations.
pub fn neighbourhood(map: &Map, focus: &Focus) -> HashSet<NodeId> {
    let mut adjacency: std::collections::HashMap<NodeId, Vec<NodeId>> =
        std::collections::HashMap::new();
    let mut link = |a: NodeId, b: NodeId| {
        adjacency.entry(a).or_default().push(b);
        adjacency.entry(b).or_default().push(a);
    };
    for s in map.stances() {
        link(s.actor.into(), s.claim.into());
    }
    for r in map.relations() {
        link(r.from.into(), r.to.into());
    }
    let mut reached: HashSet<NodeId> = HashSet::new();
    let mut queue: VecDeque<(NodeId, u8)> = VecDeque::new();
    for &node in &focus.around {
        if map.node_position(node).is_some() && reached.insert(node) {
            queue.push_back((node, 0));
        }
    }
    while let Some((node, depth)) = queue.pop_front() {
        if depth >= focus.steps {
            continue;
        }
        for &next in adjacency.get(&node).into_iter().flatten() {
            if reached.insert(next) {
                queue.push_back((next, depth + 1));
            }
        }
    }
    reached
}
