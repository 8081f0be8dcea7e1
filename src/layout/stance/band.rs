//! One band of the stance layout: the claims of a connected part of the map in one or more
//! columns side by side, and its actors in columns on either side. A band is described by
//! orders only: the claims' reading order top to bottom and the claim column of each, and
//! which actor sits in which column above which. Placement ([`super::place`]) turns them into
//! positions: a claim's height follows its place in the reading order, so with several claim
//! columns the claims stand staggered like bricks, each column taking its share of the rows.

use super::super::graph::{LayoutGraph, NodeKind};
use super::super::sides::Side;
use std::collections::BTreeMap;

/// Vertical space between two claims.
pub const CLAIM_GAP: f32 = 24.0;
/// Vertical space between two actors in a column.
pub const ACTOR_GAP: f32 = 20.0;
/// Horizontal space between the claim columns and the nearest actor column.
pub const INNER_GAP: f32 = 130.0;
/// Horizontal space between two actor columns.
pub const OUTER_GAP: f32 = 80.0;
/// Horizontal space between two claim columns: room for relations between them and for the
/// stance edges that pass.
pub const COLUMN_GAP: f32 = 110.0;

/// The widths columns are laid out with, the same in every band so columns line up from band
/// to band.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// Widest claim.
    pub claim_width: f32,
    /// Widest actor.
    pub actor_width: f32,
}

impl Frame {
    /// The frame for a set of nodes.
    pub fn for_nodes(graph: &LayoutGraph, nodes: &[usize]) -> Frame {
        let widest = |kind: NodeKind| {
            nodes
                .iter()
                .filter_map(|&i| graph.nodes.get(i))
                .filter(|n| n.kind == kind)
                .map(|n| n.size.w)
                .fold(0.0_f32, f32::max)
        };
        Frame {
            claim_width: widest(NodeKind::Claim),
            actor_width: widest(NodeKind::Actor),
        }
    }

    /// Half the width of `count` claim columns side by side.
    pub fn claims_half_width(&self, count: usize) -> f32 {
        let count = count.max(1) as f32;
        (count * self.claim_width + (count - 1.0) * COLUMN_GAP) / 2.0
    }

    /// The x of claim column `index` of `count`, the columns centred on x = 0.
    pub fn claim_x(&self, count: usize, index: usize) -> f32 {
        let middle = (count.max(1) as f32 - 1.0) / 2.0;
        (index as f32 - middle) * (self.claim_width + COLUMN_GAP)
    }

    /// The x of an actor column beside `claim_columns` claim columns: `depth` 0 is next to
    /// the claims.
    pub fn column_x(&self, side: Side, depth: usize, claim_columns: usize) -> f32 {
        let distance = self.claims_half_width(claim_columns)
            + INNER_GAP
            + self.actor_width / 2.0
            + depth as f32 * (self.actor_width + OUTER_GAP);
        match side {
            Side::Left => -distance,
            Side::Right => distance,
        }
    }
}

/// A column of actors on one side.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Which side of the claims.
    pub side: Side,
    /// 0 next to the claims, growing outwards.
    pub depth: usize,
    /// Actors top to bottom (node indices).
    pub members: Vec<usize>,
}

/// The orders that make up one band.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// Claims in reading order, top to bottom (node indices).
    pub claims: Vec<usize>,
    /// How many claim columns stand side by side.
    pub claim_columns: usize,
    /// The claim column of each claim, 0 the leftmost (claims not listed are in column 0).
    pub column_of: BTreeMap<usize, usize>,
    /// Actor columns, left side first.
    pub columns: Vec<Column>,
}

impl Band {
    /// Every node of the band: claims, then actors column by column.
    pub fn nodes(&self) -> impl Iterator<Item = usize> + '_ {
        self.claims
            .iter()
            .copied()
            .chain(self.columns.iter().flat_map(|c| c.members.iter().copied()))
    }

    /// The claim column a claim stands in.
    pub fn column(&self, claim: usize) -> usize {
        self.column_of
            .get(&claim)
            .copied()
            .unwrap_or(0)
            .min(self.claim_columns.max(1) - 1)
    }

    /// The claims of each claim column, in reading order.
    pub fn claim_columns(&self) -> Vec<Vec<usize>> {
        let mut columns = vec![Vec::new(); self.claim_columns.max(1)];
        for &c in &self.claims {
            if let Some(column) = columns.get_mut(self.column(c)) {
                column.push(c);
            }
        }
        columns
    }

    /// Adds an empty actor column outside each side that has actors, so sifting can open a
    /// new column when that draws fewer crossings (a busy actor's fan around lone ones);
    /// [`Band::compact`] drops it again if nobody moves there.
    pub fn add_spare_columns(&mut self) {
        for side in [Side::Left, Side::Right] {
            let depths = self
                .columns
                .iter()
                .filter(|c| c.side == side)
                .map(|c| c.depth);
            if let Some(deepest) = depths.max() {
                self.columns.push(Column {
                    side,
                    depth: deepest + 1,
                    members: Vec::new(),
                });
            }
        }
    }

    /// Drops empty claim columns and empty actor columns, numbering the actor columns of each
    /// side from the claims outwards again, so no column leaves a hole.
    pub fn compact(&mut self) {
        let used: Vec<bool> = self.claim_columns().iter().map(|c| !c.is_empty()).collect();
        let renumbered: Vec<usize> = used
            .iter()
            .scan(0, |next, &u| {
                let index = *next;
                *next += usize::from(u);
                Some(index)
            })
            .collect();
        let claims = self.claims.clone();
        for c in claims {
            let index = renumbered.get(self.column(c)).copied().unwrap_or(0);
            self.column_of.insert(c, index);
        }
        self.claim_columns = used.iter().filter(|&&u| u).count().max(1);
        self.columns.retain(|c| !c.members.is_empty());
        for side in [Side::Left, Side::Right] {
            let mut depths: Vec<usize> = self
                .columns
                .iter()
                .filter(|c| c.side == side)
                .map(|c| c.depth)
                .collect();
            depths.sort_unstable();
            for column in self.columns.iter_mut().filter(|c| c.side == side) {
                column.depth = depths.iter().position(|&d| d == column.depth).unwrap_or(0);
            }
        }
    }
}

/// The mean of some numbers, if there are any.
pub fn mean(values: impl Iterator<Item = f32>) -> Option<f32> {
    let (sum, count) = values.fold((0.0_f64, 0u32), |(s, c), v| (s + f64::from(v), c + 1));
    (count > 0).then(|| (sum / f64::from(count)) as f32)
}

/// The median of some numbers (the mean of the middle two for an even count), if any.
pub fn median(values: &mut [f32]) -> Option<f32> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f32::total_cmp);
    let mid = values.len() / 2;
    let upper = values.get(mid).copied()?;
    if values.len() % 2 == 1 {
        Some(upper)
    } else {
        values.get(mid - 1).map(|lower| (lower + upper) / 2.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claim_columns_are_centred_and_actor_columns_sit_outside_them() {
        let frame = Frame {
            claim_width: 200.0,
            actor_width: 100.0,
        };
        assert_eq!(frame.claim_x(1, 0), 0.0);
        assert_eq!(frame.claim_x(3, 1), 0.0);
        assert_eq!(frame.claim_x(2, 0), -frame.claim_x(2, 1));
        let right_edge = frame.claim_x(3, 2) + 100.0;
        assert_eq!(right_edge, frame.claims_half_width(3));
        let inner = frame.column_x(Side::Right, 0, 3);
        assert_eq!(inner - 50.0, right_edge + INNER_GAP);
        assert_eq!(
            frame.column_x(Side::Left, 1, 3),
            -frame.column_x(Side::Right, 1, 3)
        );
    }

    #[test]
    fn compacting_removes_holes() {
        let mut band = Band {
            claims: vec![1, 2],
            claim_columns: 3,
            column_of: BTreeMap::from([(1, 0), (2, 2)]),
            columns: vec![
                Column {
                    side: Side::Left,
                    depth: 0,
                    members: vec![],
                },
                Column {
                    side: Side::Left,
                    depth: 1,
                    members: vec![3],
                },
                Column {
                    side: Side::Right,
                    depth: 0,
                    members: vec![4],
                },
            ],
        };
        band.compact();
        assert_eq!(band.claim_columns(), vec![vec![1], vec![2]]);
        assert_eq!(band.columns.len(), 2);
        assert!(band.columns.iter().all(|c| c.depth == 0));
    }
}
