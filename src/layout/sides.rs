//! Which side of the claims each camp stands on in the stance layout.
//!
//! Camps that agree should share a side and camps that disagree should face each other, so a
//! row read left to right goes from one side's position on a claim to the other's. How much
//! two actors agree is the alignment measure of the analysis panel
//! ([`crate::analysis::alignment_of`]): congruence minus conflict over the claims both take
//! positions on, normalised by how active the two are — so two actors agreeing on three
//! claims and disagreeing on one count as allies, however strongly that one disagreement is
//! worded. Only contested claims count (someone supports, someone opposes): agreeing on
//! what nobody disputes ("keep talking") says nothing about sides. Two camps agree by the sum
//! over their members' pairs. The split maximises the
//! agreement within sides; among equally good splits it takes the one with the most even
//! number of actors, and the side of the first camp (by actor id) is the left one, so the
//! result does not depend on chance.
//!
//! A camp whose side the analyst fixed (`camp_sides` in the map file) stands on that side;
//! the other camps are placed around it by agreement.

use super::graph::{EdgeKind, LayoutGraph, NodeKind};
use crate::analysis::alignment_of;
use crate::model::{ActorId, CampSide, ClaimId, NodeId, Polarity};
use std::collections::BTreeMap;

/// Left or right of the claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Side {
    /// Left of the claims.
    Left,
    /// Right of the claims.
    Right,
}

impl From<CampSide> for Side {
    fn from(side: CampSide) -> Self {
        match side {
            CampSide::Left => Side::Left,
            CampSide::Right => Side::Right,
        }
    }
}

/// Camps with at most this many members are split by trying every split.
const EXHAUSTIVE_GROUPS: usize = 16;

/// The side of each actor among `members` (node indices), by camp. Actors without a camp form
/// a group of their own. Entries for other nodes are `None`.
pub fn assign_sides(graph: &LayoutGraph, members: &[usize]) -> Vec<Option<Side>> {
    let mut group_of: BTreeMap<usize, usize> = BTreeMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut pinned: Vec<Option<bool>> = Vec::new();
    let mut camp_group: BTreeMap<usize, usize> = BTreeMap::new();
    let mut actors: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&i| {
            graph
                .nodes
                .get(i)
                .is_some_and(|n| n.kind == NodeKind::Actor)
        })
        .collect();
    actors.sort_unstable();
    for &a in &actors {
        let camp = graph.nodes.get(a).and_then(|n| n.camp);
        let mut new_group = |side: Option<Side>| {
            groups.push(Vec::new());
            pinned.push(side.map(|s| s == Side::Left));
            groups.len() - 1
        };
        let g = match camp {
            Some(c) => match camp_group.get(&c) {
                Some(&g) => g,
                None => {
                    let side = graph.camp_sides.get(c).copied().flatten();
                    let g = new_group(side);
                    camp_group.insert(c, g);
                    g
                }
            },
            None => new_group(None),
        };
        if let Some(list) = groups.get_mut(g) {
            list.push(a);
        }
        group_of.insert(a, g);
    }
    let weights = group_weights(graph, &group_of, groups.len());
    let sizes: Vec<i64> = groups.iter().map(|g| g.len() as i64).collect();
    let on_left = if groups.len() <= EXHAUSTIVE_GROUPS {
        best_split_exhaustive(&weights, &sizes, &pinned)
    } else {
        best_split_local(&weights, &sizes, &pinned)
    };
    let mut sides = vec![None; graph.len()];
    for (&actor, &g) in &group_of {
        if let Some(slot) = sides.get_mut(actor) {
            let left = on_left.get(g).copied().unwrap_or(true);
            *slot = Some(if left { Side::Left } else { Side::Right });
        }
    }
    sides
}

/// Summed agreement between each pair of groups (a symmetric matrix, row-major): the net
/// alignment of every pair of their actors.
fn group_weights(graph: &LayoutGraph, group_of: &BTreeMap<usize, usize>, n: usize) -> Vec<f64> {
    // Each actor's mean score on each claim (several stances on one claim are averaged, and
    // the mean's sign is the side held, as the analysis reads them).
    let mut scores: BTreeMap<(ActorId, ClaimId), (i32, u32)> = BTreeMap::new();
    let mut node_of: BTreeMap<ActorId, usize> = BTreeMap::new();
    for edge in &graph.edges {
        let EdgeKind::Stance { score } = edge.kind else {
            continue;
        };
        if !group_of.contains_key(&edge.from) {
            continue;
        }
        let ids = (
            graph.nodes.get(edge.from).map(|n| n.id),
            graph.nodes.get(edge.to).map(|n| n.id),
        );
        if let (Some(NodeId::Actor(actor)), Some(NodeId::Claim(claim))) = ids {
            node_of.insert(actor, edge.from);
            let entry = scores.entry((actor, claim)).or_insert((0, 0));
            entry.0 += i32::from(score);
            entry.1 += 1;
        }
    }
    let implied = implied_scores(graph, &scores);
    let polarity = |sum: i32| match sum.signum() {
        1 => Polarity::Support,
        -1 => Polarity::Oppose,
        _ => Polarity::Neutral,
    };
    let held: Vec<((ActorId, ClaimId), Polarity)> = scores
        .into_iter()
        .map(|(key, (sum, _))| (key, polarity(sum)))
        .chain(
            implied
                .into_iter()
                .filter(|(_, sum)| *sum != 0)
                .map(|(key, sum)| (key, polarity(sum))),
        )
        .collect();
    // Only contested claims (someone for, someone against) tell sides apart: that both sides
    // want to keep talking says nothing about where either stands.
    let mut sides_held: BTreeMap<ClaimId, (bool, bool)> = BTreeMap::new();
    for ((_, claim), polarity) in &held {
        let entry = sides_held.entry(*claim).or_default();
        entry.0 |= *polarity == Polarity::Support;
        entry.1 |= *polarity == Polarity::Oppose;
    }
    let contested = |claim: &ClaimId| sides_held.get(claim) == Some(&(true, true));
    let alignment = alignment_of(held.into_iter().filter(|((_, c), _)| contested(c)));
    let group = |actor: ActorId| node_of.get(&actor).and_then(|node| group_of.get(node));
    let mut weights = vec![0.0; n * n];
    for pair in &alignment.pairs {
        let (Some(&ga), Some(&gb)) = (group(pair.a), group(pair.b)) else {
            continue;
        };
        if ga != gb {
            for (x, y) in [(ga, gb), (gb, ga)] {
                if let Some(w) = weights.get_mut(x * n + y) {
                    *w += f64::from(pair.net());
                }
            }
        }
    }
    weights
}

/// The positions actors take by implication, on claims they say nothing about directly: an
/// actor for a claim that attacks another is against the other (and against a claim that
/// attacks one it is for); supporting relations carry the position over unchanged. One step
/// along each relation, summed; claims the actor takes a position on directly are left out.
/// Without this an actor who argues only for "Ukraine should join NATO" would share no claim
/// with one who insists on "No further NATO expansion east", though the first attacks the
/// second.
fn implied_scores(
    graph: &LayoutGraph,
    direct: &BTreeMap<(ActorId, ClaimId), (i32, u32)>,
) -> BTreeMap<(ActorId, ClaimId), i32> {
    let claim_id = |node: usize| match graph.nodes.get(node).map(|n| n.id) {
        Some(NodeId::Claim(claim)) => Some(claim),
        _ => None,
    };
    let mut links: BTreeMap<ClaimId, Vec<(ClaimId, i32)>> = BTreeMap::new();
    for edge in &graph.edges {
        if let EdgeKind::Relation { attacks } = edge.kind
            && let (Some(from), Some(to)) = (claim_id(edge.from), claim_id(edge.to))
        {
            let sign = if attacks { -1 } else { 1 };
            links.entry(from).or_default().push((to, sign));
            links.entry(to).or_default().push((from, sign));
        }
    }
    let mut implied: BTreeMap<(ActorId, ClaimId), i32> = BTreeMap::new();
    for (&(actor, claim), &(sum, _)) in direct {
        for &(other, sign) in links.get(&claim).into_iter().flatten() {
            if !direct.contains_key(&(actor, other)) {
                *implied.entry((actor, other)).or_insert(0) += sum.signum() * sign;
            }
        }
    }
    implied
}

/// How good a split is: agreement within sides (higher is better), then imbalance (lower is
/// better).
fn split_quality(weights: &[f64], sizes: &[i64], on_left: &[bool]) -> (f64, i64) {
    let n = sizes.len();
    let mut agreement = 0.0;
    for i in 0..n {
        for j in i + 1..n {
            if on_left.get(i) == on_left.get(j) {
                agreement += weights.get(i * n + j).copied().unwrap_or(0.0);
            }
        }
    }
    let left: i64 = sizes
        .iter()
        .zip(on_left)
        .filter(|(_, l)| **l)
        .map(|(s, _)| s)
        .sum();
    let total: i64 = sizes.iter().sum();
    (agreement, (2 * left - total).abs())
}

fn better(a: (f64, i64), b: (f64, i64)) -> bool {
    if (a.0 - b.0).abs() > 1e-9 {
        a.0 > b.0
    } else {
        a.1 < b.1
    }
}

/// The groups a split may move: those without a fixed side, except that with no side fixed
/// at all the first group stays on the left (a mirror image is as good a split).
fn free_groups(pinned: &[Option<bool>]) -> Vec<usize> {
    let any_pinned = pinned.iter().any(Option::is_some);
    (0..pinned.len())
        .filter(|&g| pinned.get(g).copied().flatten().is_none() && (any_pinned || g != 0))
        .collect()
}

/// The starting split: fixed groups on their sides, the rest on the left.
fn fixed_start(pinned: &[Option<bool>]) -> Vec<bool> {
    pinned.iter().map(|p| p.unwrap_or(true)).collect()
}

/// Tries every split of the free groups.
fn best_split_exhaustive(weights: &[f64], sizes: &[i64], pinned: &[Option<bool>]) -> Vec<bool> {
    let free = free_groups(pinned);
    let mut best = fixed_start(pinned);
    let mut best_quality = split_quality(weights, sizes, &best);
    for mask in 0u32..(1u32 << free.len()) {
        // Bit k set: the k-th free group is on the right.
        let mut on_left = fixed_start(pinned);
        for (k, &g) in free.iter().enumerate() {
            if let Some(slot) = on_left.get_mut(g) {
                *slot = mask & (1 << k) == 0;
            }
        }
        let quality = split_quality(weights, sizes, &on_left);
        if better(quality, best_quality) {
            best = on_left;
            best_quality = quality;
        }
    }
    best
}

/// For many groups: greedy placement by weight, then single moves while they help.
fn best_split_local(weights: &[f64], sizes: &[i64], pinned: &[Option<bool>]) -> Vec<bool> {
    let n = sizes.len();
    let free = free_groups(pinned);
    let mut on_left = fixed_start(pinned);
    // Greedy: each free group joins the side it agrees with more (counting the fixed groups
    // and the groups placed before it), or the smaller side.
    let (mut left_size, mut right_size) = (0i64, 0i64);
    for g in 0..n {
        let placed = |h: usize| h < g || pinned.get(h).copied().flatten().is_some();
        let pull = |side: bool, on_left: &[bool]| -> f64 {
            (0..n)
                .filter(|&h| h != g && placed(h) && on_left.get(h) == Some(&side))
                .map(|h| weights.get(g * n + h).copied().unwrap_or(0.0))
                .sum()
        };
        let left = if free.contains(&g) {
            let (l, r) = (pull(true, &on_left), pull(false, &on_left));
            l > r + 1e-9 || ((l - r).abs() <= 1e-9 && left_size <= right_size)
        } else {
            on_left.get(g).copied().unwrap_or(true)
        };
        if let Some(slot) = on_left.get_mut(g) {
            *slot = left;
        }
        let size = sizes.get(g).copied().unwrap_or(0);
        if left {
            left_size += size;
        } else {
            right_size += size;
        }
    }
    let mut quality = split_quality(weights, sizes, &on_left);
    for _ in 0..n * 4 {
        let mut improved = false;
        for &g in &free {
            if let Some(slot) = on_left.get_mut(g) {
                *slot = !*slot;
            }
            let q = split_quality(weights, sizes, &on_left);
            if better(q, quality) {
                quality = q;
                improved = true;
            } else if let Some(slot) = on_left.get_mut(g) {
                *slot = !*slot;
            }
        }
        if !improved {
            break;
        }
    }
    let any_pinned = pinned.iter().any(Option::is_some);
    if !any_pinned && on_left.first() == Some(&false) {
        for side in &mut on_left {
            *side = !*side;
        }
    }
    on_left
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::geometry::Size;
    use crate::layout::graph::{LayoutEdge, LayoutNode};
    use crate::model::{ActorId, ClaimId, NodeId, Point};

    /// Actors (camp names) and claims, with stances (actor, claim, score).
    fn graph(camps: &[&str], claims: usize, stances: &[(usize, usize, i8)]) -> LayoutGraph {
        let mut g = LayoutGraph::default();
        for (i, camp) in camps.iter().enumerate() {
            let camp = (!camp.is_empty()).then(|| g.camp_index(camp));
            g.push(LayoutNode {
                id: NodeId::Actor(ActorId(i as u32 + 1)),
                kind: NodeKind::Actor,
                size: Size::new(100.0, 30.0),
                at: Point::default(),
                pinned: false,
                in_scope: true,
                camp,
            });
        }
        for c in 0..claims {
            g.push(LayoutNode {
                id: NodeId::Claim(ClaimId(100 + c as u32)),
                kind: NodeKind::Claim,
                size: Size::new(150.0, 40.0),
                at: Point::default(),
                pinned: false,
                in_scope: true,
                camp: None,
            });
        }
        for &(a, c, score) in stances {
            g.edges.push(LayoutEdge {
                from: a,
                to: camps.len() + c,
                kind: EdgeKind::Stance { score },
            });
        }
        g
    }

    fn all(g: &LayoutGraph) -> Vec<usize> {
        (0..g.len()).collect()
    }

    #[test]
    fn opponents_face_each_other_and_allies_share_a_side() {
        // Camps A and C support claim 0, camp B opposes it.
        let g = graph(&["A", "B", "C"], 1, &[(0, 0, 2), (1, 0, -2), (2, 0, 1)]);
        let sides = assign_sides(&g, &all(&g));
        assert_eq!(sides[0], Some(Side::Left));
        assert_eq!(sides[1], Some(Side::Right));
        assert_eq!(sides[2], Some(Side::Left));
        assert_eq!(sides[3], None, "claims have no side");
    }

    #[test]
    fn members_of_one_camp_stay_together() {
        // Two actors of camp A disagree with each other, but a camp is never split.
        let g = graph(&["A", "A", "B"], 1, &[(0, 0, 2), (1, 0, -2), (2, 0, -1)]);
        let sides = assign_sides(&g, &all(&g));
        assert_eq!(sides[0], sides[1]);
    }

    #[test]
    fn unrelated_camps_balance_the_sides() {
        // No shared claims: the four single-actor camps split two and two.
        let g = graph(
            &["A", "B", "C", "D"],
            4,
            &[(0, 0, 1), (1, 1, 1), (2, 2, 1), (3, 3, 1)],
        );
        let sides = assign_sides(&g, &all(&g));
        let left = sides.iter().filter(|s| **s == Some(Side::Left)).count();
        assert_eq!(left, 2);
        assert_eq!(sides[0], Some(Side::Left), "the first camp is on the left");
    }

    /// Russia (Putin), the United States (Biden, Sullivan) and Ukraine (Zelensky). Putin and
    /// Biden clash on claim 0; Zelensky agrees with Biden on claims 1 and 2, which Putin
    /// mildly opposes, and strongly disagrees with Sullivan on claim 3.
    fn ukraine_map() -> LayoutGraph {
        graph(
            &["Russia", "United States", "United States", "Ukraine"],
            4,
            &[
                (0, 0, -2),
                (0, 1, -1),
                (0, 2, -1),
                (1, 0, 2),
                (1, 1, 1),
                (3, 1, 1),
                (1, 2, 1),
                (3, 2, 1),
                (2, 3, 2),
                (3, 3, -2),
            ],
        )
    }

    #[test]
    fn a_camp_agreeing_on_more_claims_stands_with_its_allies_despite_one_strong_clash() {
        // Known answer: Ukraine agrees with the US on two claims and clashes on one, so it
        // stands with the US, facing Russia. (Summing products of scores put it with Russia:
        // the one strongly worded clash, -4, outweighed two agreements, +1 each, and tied
        // with two mild disagreements with Russia; the tie went to the even split.)
        let g = ukraine_map();
        let sides = assign_sides(&g, &all(&g));
        let (putin, biden, sullivan, zelensky) = (sides[0], sides[1], sides[2], sides[3]);
        assert_eq!(putin, Some(Side::Left));
        assert_eq!(biden, Some(Side::Right));
        assert_eq!(sullivan, Some(Side::Right));
        assert_eq!(zelensky, Some(Side::Right));
    }

    #[test]
    fn a_fixed_camp_side_is_kept_and_the_others_placed_around_it() {
        let mut g = ukraine_map();
        // Russia fixed on the right: the first camp no longer takes the left.
        g.camp_sides = vec![Some(Side::Right), None, None];
        let sides = assign_sides(&g, &all(&g));
        assert_eq!(sides[0], Some(Side::Right));
        assert_eq!(sides[1], Some(Side::Left));
        assert_eq!(
            sides[3],
            Some(Side::Left),
            "Ukraine still stands with the US"
        );

        // Ukraine fixed on Russia's side, against agreement: the analyst's word wins.
        g.camp_sides = vec![Some(Side::Left), None, Some(Side::Left)];
        let sides = assign_sides(&g, &all(&g));
        assert_eq!((sides[0], sides[3]), (Some(Side::Left), Some(Side::Left)));
        assert_eq!(sides[1], Some(Side::Right));

        // Every camp fixed on one side: kept, even though it leaves the other side empty.
        g.camp_sides = vec![Some(Side::Right); 3];
        let sides = assign_sides(&g, &all(&g));
        assert!(sides.iter().take(4).all(|s| *s == Some(Side::Right)));
    }

    #[test]
    fn agreeing_on_what_nobody_disputes_does_not_put_camps_together() {
        // Russia and the US clash on claim 0 and both support claims 1 and 2, which nobody
        // opposes; Ukraine clashes with Russia on claim 3.
        let g = graph(
            &["Russia", "United States", "Ukraine"],
            4,
            &[
                (0, 0, 2),
                (1, 0, -2),
                (0, 1, 1),
                (1, 1, 1),
                (0, 2, 1),
                (1, 2, 1),
                (0, 3, -1),
                (2, 3, 1),
            ],
        );
        let sides = assign_sides(&g, &all(&g));
        assert_eq!(sides[0], Some(Side::Left));
        assert_eq!(sides[1], Some(Side::Right));
        assert_eq!(sides[2], Some(Side::Right));
    }

    #[test]
    fn a_camp_arguing_for_a_claim_that_attacks_another_faces_those_insisting_on_it() {
        // Putin insists on claim 1, Biden opposes it; Ukraine argues only for claim 0, which
        // attacks claim 1. Ukraine shares no claim with anyone directly, yet it stands with the
        // US, facing Russia.
        let mut g = graph(
            &["Russia", "United States", "Ukraine"],
            2,
            &[(0, 1, 2), (1, 1, -1), (2, 0, 2)],
        );
        g.edges.push(LayoutEdge {
            from: 3,
            to: 4,
            kind: EdgeKind::Relation { attacks: true },
        });
        let sides = assign_sides(&g, &all(&g));
        assert_eq!(sides[0], Some(Side::Left));
        assert_eq!(sides[1], Some(Side::Right));
        assert_eq!(sides[2], Some(Side::Right));
    }

    /// Twenty camps in two blocs: even camps support claim 0 and oppose claim 1, odd camps
    /// the reverse.
    fn two_blocs_of_twenty_camps() -> LayoutGraph {
        let camps: Vec<String> = (0..20).map(|i| format!("camp {i}")).collect();
        let names: Vec<&str> = camps.iter().map(String::as_str).collect();
        let mut stances = Vec::new();
        for a in 0..20 {
            let s = if a % 2 == 0 { 1 } else { -1 };
            stances.push((a, 0, s));
            stances.push((a, 1, -s));
        }
        graph(&names, 2, &stances)
    }

    #[test]
    fn local_search_keeps_fixed_sides_too() {
        let mut g = two_blocs_of_twenty_camps();
        // Camp 0 fixed on the right: its bloc follows it there.
        g.camp_sides = vec![None; 20];
        g.camp_sides[0] = Some(Side::Right);
        let sides = assign_sides(&g, &all(&g));
        for (a, side) in sides.iter().take(20).enumerate() {
            let expected = if a % 2 == 0 { Side::Right } else { Side::Left };
            assert_eq!(*side, Some(expected), "actor {a}");
        }
    }

    #[test]
    fn many_camps_are_split_by_local_search() {
        let g = two_blocs_of_twenty_camps();
        let sides = assign_sides(&g, &all(&g));
        for (a, side) in sides.iter().take(20).enumerate() {
            let expected = if a % 2 == 0 { Side::Left } else { Side::Right };
            assert_eq!(*side, Some(expected), "actor {a}");
        }
    }
}
