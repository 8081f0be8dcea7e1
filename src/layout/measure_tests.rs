//! Tests of the layout measures against pairwise counts.

use super::super::geometry::{Size, segments_meet};
use super::super::graph::{EdgeKind, LayoutNode, NodeKind};
use super::*;
use crate::model::{ClaimId, NodeId};
use proptest::prelude::*;

/// A graph of claims at the given points with the given edges.
fn graph(points: &[(f32, f32)], edges: &[(usize, usize)]) -> LayoutGraph {
    let mut g = LayoutGraph::default();
    for (i, &(x, y)) in points.iter().enumerate() {
        g.push(LayoutNode {
            id: NodeId::Claim(ClaimId(i as u32 + 1)),
            kind: NodeKind::Claim,
            size: Size::new(20.0, 10.0),
            at: Point::new(x, y),
            pinned: false,
            in_scope: true,
            camp: None,
        });
    }
    for &(from, to) in edges {
        g.edges.push(LayoutEdge {
            from,
            to,
            kind: EdgeKind::Relation { attacks: false },
        });
    }
    g
}

fn naive_crossings(g: &LayoutGraph, positions: &[Point]) -> usize {
    let mut n = 0;
    for (i, e) in g.edges.iter().enumerate() {
        for f in g.edges.iter().skip(i + 1) {
            let shared = [e.from, e.to].iter().any(|v| *v == f.from || *v == f.to);
            if !shared
                && segments_meet(
                    positions[e.from],
                    positions[e.to],
                    positions[f.from],
                    positions[f.to],
                )
            {
                n += 1;
            }
        }
    }
    n
}

#[test]
fn a_complete_graph_on_four_corners_has_one_crossing() {
    // K4 on a square: only the two diagonals cross.
    let g = graph(
        &[(0.0, 0.0), (100.0, 0.0), (100.0, 100.0), (0.0, 100.0)],
        &[(0, 1), (1, 2), (2, 3), (3, 0), (0, 2), (1, 3)],
    );
    assert_eq!(count_crossings(&g, &g.positions()), 1);
}

#[test]
fn a_two_layer_drawing_counts_its_inversions() {
    // Left column a0..a2, right column b0..b2; edges a_i -> b_(2-i) pairwise invert.
    let g = graph(
        &[
            (0.0, 0.0),
            (0.0, 100.0),
            (0.0, 200.0),
            (300.0, 0.0),
            (300.0, 100.0),
            (300.0, 200.0),
        ],
        &[(0, 5), (1, 4), (2, 3)],
    );
    assert_eq!(count_crossings(&g, &g.positions()), 3);
}

#[test]
fn edges_through_a_node_centre_and_collinear_edges_count() {
    // A vertical edge from 0 to 2 passes through the centre of 1, where an edge from 3
    // ends; a third edge, from 4 to 5, lies along the same line: it overlaps the first
    // and the second ends on it.
    let g = graph(
        &[
            (0.0, 0.0),
            (0.0, 100.0),
            (0.0, 200.0),
            (-200.0, 100.0),
            (0.0, 50.0),
            (0.0, 150.0),
        ],
        &[(0, 2), (3, 1), (4, 5)],
    );
    assert_eq!(count_crossings(&g, &g.positions()), 3);
}

#[test]
fn overlapping_boxes_are_listed_once() {
    let boxes = [
        NodeBox::new(Point::new(0.0, 0.0), Size::new(100.0, 40.0)),
        NodeBox::new(Point::new(90.0, 10.0), Size::new(100.0, 40.0)),
        NodeBox::new(Point::new(500.0, 0.0), Size::new(100.0, 40.0)),
        NodeBox::new(Point::new(500.0, 45.0), Size::new(100.0, 40.0)),
    ];
    assert_eq!(overlapping_pairs(&boxes, 0.0), [(0, 1)]);
    assert_eq!(overlapping_pairs(&boxes, 10.0), [(0, 1), (2, 3)]);
    assert!(!has_overlaps(&boxes[..1], 10.0));
}

#[test]
fn edges_through_other_nodes_are_counted() {
    let g = graph(&[(0.0, 0.0), (100.0, 0.0), (200.0, 0.0)], &[(0, 2)]);
    assert_eq!(count_edge_node_hits(&g, &g.positions()), 1);
    let apart = [
        Point::new(0.0, 0.0),
        Point::new(100.0, 50.0),
        Point::new(200.0, 0.0),
    ];
    assert_eq!(count_edge_node_hits(&g, &apart), 0);
}

proptest! {
    #[test]
    fn grid_count_equals_pairwise_count(
        points in proptest::collection::vec((-500i32..500, -500i32..500), 4..30),
        edges in proptest::collection::vec((0usize..30, 0usize..30), 1..60),
    ) {
        let points: Vec<(f32, f32)> = points
            .into_iter()
            .map(|(x, y)| (x as f32 * 3.0, y as f32))
            .collect();
        let n = points.len();
        let edges: Vec<(usize, usize)> = edges
            .into_iter()
            .map(|(a, b)| (a % n, b % n))
            .filter(|(a, b)| a != b)
            .collect();
        let g = graph(&points, &edges);
        let positions = g.positions();
        prop_assert_eq!(count_crossings(&g, &positions), naive_crossings(&g, &positions));
    }

    #[test]
    fn grid_overlaps_equal_pairwise_overlaps(
        boxes in proptest::collection::vec(
            (-400i32..400, -400i32..400, 10i32..200, 10i32..80), 1..40),
        gap in 0i32..30,
    ) {
        let boxes: Vec<NodeBox> = boxes
            .into_iter()
            .map(|(x, y, w, h)| NodeBox::new(
                Point::new(x as f32, y as f32),
                Size::new(w as f32, h as f32),
            ))
            .collect();
        let gap = gap as f32;
        let mut expected = Vec::new();
        for i in 0..boxes.len() {
            for j in i + 1..boxes.len() {
                if boxes[i].too_close(&boxes[j], gap) {
                    expected.push((i, j));
                }
            }
        }
        prop_assert_eq!(overlapping_pairs(&boxes, gap), expected);
    }
}

#[test]
fn a_tangle_beyond_the_budget_is_estimated_closely() {
    // 400 edges between random points: tens of thousands of crossings.
    let mut state = 7u32;
    let mut next = || {
        state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        (state >> 8) as f32 / 65_536.0
    };
    let points: Vec<(f32, f32)> = (0..400)
        .map(|_| (next() * 1000.0, next() * 1000.0))
        .collect();
    let edges: Vec<(usize, usize)> = (0..400).map(|i| (i, (i * 37 + 11) % 400)).collect();
    let g = graph(&points, &edges);
    let positions = g.positions();
    let exact = count_crossings(&g, &positions);
    let segments: Vec<Segment> = g
        .edges
        .iter()
        .map(|e| Segment {
            a: positions[e.from],
            b: positions[e.to],
            ends: (e.from, e.to),
        })
        .collect();
    assert_eq!(
        count_segment_crossings_within(&segments, usize::MAX),
        Crossings::Exact(exact)
    );
    let Crossings::About(estimate) = count_segment_crossings_within(&segments, 20_000) else {
        panic!("a small budget should estimate");
    };
    let error = (estimate as f64 - exact as f64).abs() / exact as f64;
    assert!(error < 0.1, "estimated {estimate}, counted {exact}");
    assert_eq!(format!("{}", Crossings::About(12)), "about 12");
}

#[test]
fn a_line_counts_once_however_many_boxes_it_runs_through_but_not_its_own() {
    let boxes: Vec<NodeBox> = [0.0, 100.0, 200.0, 300.0]
        .into_iter()
        .map(|x| NodeBox::new(Point::new(x, 0.0), Size::new(40.0, 40.0)))
        .collect();
    let straight = [Point::new(0.0, 0.0), Point::new(300.0, 0.0)];
    let around = [
        Point::new(0.0, 0.0),
        Point::new(150.0, 100.0),
        Point::new(300.0, 0.0),
    ];
    let grazing = [Point::new(-50.0, 19.0), Point::new(150.0, 19.0)];
    assert_eq!(
        count_lines_through_boxes(&boxes, [((0, 3), &straight[..])]),
        1
    );
    assert_eq!(
        count_lines_through_boxes(&boxes, [((0, 3), &around[..])]),
        0
    );
    assert_eq!(
        count_lines_through_boxes(&boxes, [((2, 3), &grazing[..])]),
        0
    );
}
