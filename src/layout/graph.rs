//! The graph a layout works on: every node with its real box size (from the scene, so a layout
//! keeps the boxes the canvas draws apart), whether it may move, and every edge the canvas
//! draws (stances and relations).

use super::geometry::{NodeBox, Size};
use super::sides::Side;
use crate::model::{Map, NodeId, Point};
use crate::scene::{Style, nodes};
use eframe::egui::Color32;
use std::collections::{BTreeSet, HashMap};

/// Whether a node stands for an actor or a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NodeKind {
    /// An actor.
    Actor,
    /// A claim.
    Claim,
}

/// One node as a layout sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutNode {
    /// The map node.
    pub id: NodeId,
    /// Actor or claim.
    pub kind: NodeKind,
    /// The box the scene draws for it.
    pub size: Size,
    /// Where it is now.
    pub at: Point,
    /// Whether the user placed it by hand, so layouts leave it where it is.
    pub pinned: bool,
    /// Whether the layout was asked to arrange it (nodes outside the scope stay put).
    pub in_scope: bool,
    /// For an actor, the index of its camp in [`LayoutGraph::camps`].
    pub camp: Option<usize>,
}

impl LayoutNode {
    /// Whether a layout may move the node: it is in scope and not pinned.
    pub fn movable(&self) -> bool {
        self.in_scope && !self.pinned
    }
}

/// What an edge stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeKind {
    /// A stance from an actor to a claim, with its signed score (-2..=2).
    Stance {
        /// The position's score.
        score: i8,
    },
    /// A relation from one claim to another.
    Relation {
        /// Whether the first claim attacks the second (else it supports it).
        attacks: bool,
    },
}

/// One drawn edge, between node indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutEdge {
    /// Index of the node the edge starts at (the actor, or the relation's first claim).
    pub from: usize,
    /// Index of the node the edge ends at.
    pub to: usize,
    /// Stance or relation.
    pub kind: EdgeKind,
}

/// Which nodes a layout may move.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Scope {
    /// Every node that is not pinned.
    #[default]
    Whole,
    /// Only these nodes (typically the selection), and of them only those not pinned.
    Only(BTreeSet<NodeId>),
}

impl Scope {
    /// Whether the scope includes a node.
    pub fn includes(&self, id: NodeId) -> bool {
        match self {
            Scope::Whole => true,
            Scope::Only(nodes) => nodes.contains(&id),
        }
    }
}

/// A map reduced to what layouts need.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LayoutGraph {
    /// Actors first, then claims, each sorted by id (the map's node order).
    pub nodes: Vec<LayoutNode>,
    /// Stances first, then relations, each sorted by id; parallel edges appear as often as
    /// the canvas draws them.
    pub edges: Vec<LayoutEdge>,
    /// Camp names in order of first appearance (by actor id), as the scene colours them.
    pub camps: Vec<String>,
    /// The side the analyst fixed for each camp (by index in `camps`), if any.
    pub camp_sides: Vec<Option<Side>>,
    index: HashMap<NodeId, usize>,
}

impl LayoutGraph {
    /// The graph of a map, with box sizes as drawn in `style`. Only nodes in `scope` that are
    /// not pinned may move.
    pub fn from_map(map: &Map, style: &Style, scope: &Scope) -> Self {
        let mut graph = LayoutGraph::default();
        for actor in map.actors() {
            let camp = actor.camp_name().map(|c| graph.camp_index(c));
            // The colour does not change the box, only how it is filled. Boxes are measured at
            // the origin: measured where the node is, rounding would make the size depend on
            // the position, and a layout could then differ from one run to the next.
            let drawing = nodes::actor(
                &actor.name,
                actor.kind,
                Color32::TRANSPARENT,
                Point::default(),
                style,
            );
            let size = drawing.rect.size();
            graph.push(LayoutNode {
                id: actor.id.into(),
                kind: NodeKind::Actor,
                size: Size::new(size.x, size.y),
                at: actor.at,
                pinned: actor.pinned,
                in_scope: scope.includes(actor.id.into()),
                camp,
            });
        }
        graph.camp_sides = graph
            .camps
            .iter()
            .map(|camp| map.camp_side(camp).map(Side::from))
            .collect();
        for claim in map.claims() {
            let size = nodes::claim(&claim.label, Point::default(), style)
                .rect
                .size();
            graph.push(LayoutNode {
                id: claim.id.into(),
                kind: NodeKind::Claim,
                size: Size::new(size.x, size.y),
                at: claim.at,
                pinned: claim.pinned,
                in_scope: scope.includes(claim.id.into()),
                camp: None,
            });
        }
        for stance in map.stances() {
            if let (Some(from), Some(to)) = (
                graph.index_of(stance.actor.into()),
                graph.index_of(stance.claim.into()),
            ) {
                graph.edges.push(LayoutEdge {
                    from,
                    to,
                    kind: EdgeKind::Stance {
                        score: stance.position.score(),
                    },
                });
            }
        }
        for relation in map.relations() {
            if let (Some(from), Some(to)) = (
                graph.index_of(relation.from.into()),
                graph.index_of(relation.to.into()),
            ) {
                graph.edges.push(LayoutEdge {
                    from,
                    to,
                    kind: EdgeKind::Relation {
                        attacks: relation.kind == crate::model::RelationKind::Attacks,
                    },
                });
            }
        }
        graph
    }

    /// Adds a node; used by [`LayoutGraph::from_map`] and by tests that build graphs by hand.
    pub fn push(&mut self, node: LayoutNode) -> usize {
        let index = self.nodes.len();
        self.index.insert(node.id, index);
        self.nodes.push(node);
        index
    }

    /// The index of a camp name, adding it if new.
    pub fn camp_index(&mut self, camp: &str) -> usize {
        match self.camps.iter().position(|c| c == camp) {
            Some(i) => i,
            None => {
                self.camps.push(camp.to_owned());
                self.camps.len() - 1
            }
        }
    }

    /// The index of a node.
    pub fn index_of(&self, id: NodeId) -> Option<usize> {
        self.index.get(&id).copied()
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether the graph has no nodes.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Where every node is now, by index.
    pub fn positions(&self) -> Vec<Point> {
        self.nodes.iter().map(|n| n.at).collect()
    }

    /// Each node's neighbours by index, once per edge (parallel edges repeat a neighbour).
    pub fn adjacency(&self) -> Vec<Vec<usize>> {
        let mut adjacent = vec![Vec::new(); self.nodes.len()];
        for edge in &self.edges {
            if let Some(list) = adjacent.get_mut(edge.from) {
                list.push(edge.to);
            }
            if let Some(list) = adjacent.get_mut(edge.to) {
                list.push(edge.from);
            }
        }
        adjacent
    }

    /// Every node's box at the given positions (indexed like the nodes).
    pub fn boxes(&self, positions: &[Point]) -> Vec<NodeBox> {
        self.nodes
            .iter()
            .zip(positions)
            .map(|(node, &at)| NodeBox::new(at, node.size))
            .collect()
    }

    /// The moves that take every movable node from where it is to `positions`, skipping
    /// nodes that stay put.
    pub fn moves_to(&self, positions: &[Point]) -> Vec<(NodeId, Point)> {
        self.nodes
            .iter()
            .zip(positions)
            .filter(|(node, at)| node.movable() && **at != node.at)
            .map(|(node, &at)| (node.id, at))
            .collect()
    }
}

/// The connected parts of a graph given by its neighbour lists, found from `starts` in order:
/// each part once, its nodes sorted, parts listed by the start they were found from. A node
/// with no neighbours is a part of its own.
pub fn components(
    adjacency: &[Vec<usize>],
    starts: impl IntoIterator<Item = usize>,
) -> Vec<Vec<usize>> {
    let mut seen = vec![false; adjacency.len()];
    let mut parts = Vec::new();
    for start in starts {
        match seen.get_mut(start) {
            Some(s) if !*s => *s = true,
            _ => continue,
        }
        let mut part = vec![start];
        let mut next = 0;
        while let Some(&node) = part.get(next) {
            next += 1;
            for &n in adjacency.get(node).into_iter().flatten() {
                if let Some(s) = seen.get_mut(n)
                    && !*s
                {
                    *s = true;
                    part.push(n);
                }
            }
        }
        part.sort_unstable();
        parts.push(part);
    }
    parts
}
