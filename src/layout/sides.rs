//! Which side of the claims each camp stands on in the stance layout.
//!
//! Camps that agree should share a side and camps that disagree should face each other, so a
//! row read left to right goes from one side's position on a claim to the other's. Agreement
//! between two actors on a claim is the product of their scores (-2..=2): two strong
//! supporters agree by 4, a strong supporter and an opponent disagree by 2, a neutral actor
//! neither agrees nor disagrees. The split maximises the agreement within sides; among equally
//! good splits it takes the one with the most even number of actors, and the side of the
//! first camp (by actor id) is the left one, so the result does not depend on chance.

use super::graph::{EdgeKind, LayoutGraph, NodeKind};
use std::collections::BTreeMap;

/// Left or right of the claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Side {
    /// Left of the claims.
    Left,
    /// Right of the claims.
    Right,
}

/// Camps with at most this many members are split by trying every split.
const EXHAUSTIVE_GROUPS: usize = 16;

/// The side of each actor among `members` (node indices), by camp. Actors without a camp form
/// a group of their own. Entries for other nodes are `None`.
pub fn assign_sides(graph: &LayoutGraph, members: &[usize]) -> Vec<Option<Side>> {
    let mut group_of: BTreeMap<usize, usize> = BTreeMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
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
        let g = match camp {
            Some(c) => *camp_group.entry(c).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            }),
            None => {
                groups.push(Vec::new());
                groups.len() - 1
            }
        };
        if let Some(list) = groups.get_mut(g) {
            list.push(a);
        }
        group_of.insert(a, g);
    }
    let weights = group_weights(graph, &group_of, groups.len());
    let sizes: Vec<i64> = groups.iter().map(|g| g.len() as i64).collect();
    let on_left = if groups.len() <= EXHAUSTIVE_GROUPS {
        best_split_exhaustive(&weights, &sizes)
    } else {
        best_split_local(&weights, &sizes)
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

/// Summed agreement between each pair of groups (a symmetric matrix, row-major).
fn group_weights(graph: &LayoutGraph, group_of: &BTreeMap<usize, usize>, n: usize) -> Vec<f64> {
    // Each actor's mean score on each claim (several stances on one claim are averaged).
    let mut scores: BTreeMap<(usize, usize), (f64, u32)> = BTreeMap::new();
    for edge in &graph.edges {
        if let EdgeKind::Stance { score } = edge.kind
            && group_of.contains_key(&edge.from)
        {
            let entry = scores.entry((edge.to, edge.from)).or_insert((0.0, 0));
            entry.0 += f64::from(score);
            entry.1 += 1;
        }
    }
    let mut weights = vec![0.0; n * n];
    let mut by_claim: Vec<(usize, f64)> = Vec::new();
    let mut current_claim = None;
    let flush = |list: &mut Vec<(usize, f64)>, weights: &mut Vec<f64>| {
        for (i, &(a, sa)) in list.iter().enumerate() {
            for &(b, sb) in list.iter().skip(i + 1) {
                let (Some(&ga), Some(&gb)) = (group_of.get(&a), group_of.get(&b)) else {
                    continue;
                };
                if ga != gb {
                    for (x, y) in [(ga, gb), (gb, ga)] {
                        if let Some(w) = weights.get_mut(x * n + y) {
                            *w += sa * sb;
                        }
                    }
                }
            }
        }
        list.clear();
    };
    for (&(claim, actor), &(sum, count)) in &scores {
        if current_claim != Some(claim) {
            flush(&mut by_claim, &mut weights);
            current_claim = Some(claim);
        }
        by_claim.push((actor, sum / f64::from(count)));
    }
    flush(&mut by_claim, &mut weights);
    weights
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

/// Tries every split with group 0 on the left.
fn best_split_exhaustive(weights: &[f64], sizes: &[i64]) -> Vec<bool> {
    let n = sizes.len();
    if n == 0 {
        return Vec::new();
    }
    let mut best = vec![true; n];
    let mut best_quality = split_quality(weights, sizes, &best);
    for mask in 0u32..(1u32 << (n - 1)) {
        // Bit k set: group k + 1 is on the right.
        let on_left: Vec<bool> = (0..n)
            .map(|g| g == 0 || mask & (1 << (g - 1)) == 0)
            .collect();
        let quality = split_quality(weights, sizes, &on_left);
        if better(quality, best_quality) {
            best = on_left;
            best_quality = quality;
        }
    }
    best
}

/// For many groups: greedy placement by weight, then single moves while they help.
fn best_split_local(weights: &[f64], sizes: &[i64]) -> Vec<bool> {
    let n = sizes.len();
    let mut on_left = vec![true; n];
    // Greedy: each group joins the side it agrees with more, or the smaller side.
    let (mut left_size, mut right_size) = (0i64, 0i64);
    for g in 0..n {
        let pull = |side: bool, on_left: &[bool]| -> f64 {
            (0..g)
                .filter(|&h| on_left.get(h) == Some(&side))
                .map(|h| weights.get(g * n + h).copied().unwrap_or(0.0))
                .sum()
        };
        let (l, r) = (pull(true, &on_left), pull(false, &on_left));
        let left = g == 0 || l > r + 1e-9 || ((l - r).abs() <= 1e-9 && left_size <= right_size);
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
        for g in 1..n {
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
    if on_left.first() == Some(&false) {
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

    #[test]
    fn many_camps_are_split_by_local_search() {
        // Twenty camps in two blocs: even camps support claim 0 and oppose claim 1, odd camps
        // the reverse.
        let camps: Vec<String> = (0..20).map(|i| format!("camp {i}")).collect();
        let names: Vec<&str> = camps.iter().map(String::as_str).collect();
        let mut stances = Vec::new();
        for a in 0..20 {
            let s = if a % 2 == 0 { 1 } else { -1 };
            stances.push((a, 0, s));
            stances.push((a, 1, -s));
        }
        let g = graph(&names, 2, &stances);
        let sides = assign_sides(&g, &all(&g));
        for (a, side) in sides.iter().take(20).enumerate() {
            let expected = if a % 2 == 0 { Side::Left } else { Side::Right };
            assert_eq!(*side, Some(expected), "actor {a}");
        }
    }
}
