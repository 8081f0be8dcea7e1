//! The compactness measures on hand-made boxes with known answers.

use super::super::geometry::Size;
use super::super::graph::{EdgeKind, LayoutEdge, LayoutNode};
use super::*;
use crate::model::{ActorId, ClaimId, NodeId};

/// A box with its top-left corner at (`x`, `y`).
fn boxed(x: f32, y: f32, w: f32, h: f32) -> NodeBox {
    NodeBox::new(Point::new(x + w / 2.0, y + h / 2.0), Size::new(w, h))
}

#[test]
fn empty_bands_are_the_strips_no_box_reaches_into() {
    // Boxes covering 0–40 and 30–60 (overlapping in height, side by side), then 100–140,
    // then 140–150 (touching it), then 400–420: two empty bands, 60–100 and 150–400.
    let boxes = [
        boxed(0.0, 0.0, 100.0, 40.0),
        boxed(500.0, 30.0, 100.0, 30.0),
        boxed(-300.0, 100.0, 50.0, 40.0),
        boxed(0.0, 140.0, 50.0, 10.0),
        boxed(900.0, 400.0, 10.0, 20.0),
    ];
    assert_eq!(
        empty_bands(&boxes),
        vec![
            EmptyBand {
                top: 60.0,
                bottom: 100.0
            },
            EmptyBand {
                top: 150.0,
                bottom: 400.0
            },
        ]
    );
    assert_eq!(largest_empty_band(&boxes), 250.0);
    // The order the boxes come in does not matter.
    let mut reversed = boxes.to_vec();
    reversed.reverse();
    assert_eq!(empty_bands(&reversed), empty_bands(&boxes));
}

#[test]
fn a_tall_box_beside_others_closes_every_band_it_spans() {
    // A column 0–500 tall beside boxes with gaps between them: nothing is empty across.
    let mut boxes = vec![boxed(0.0, 0.0, 80.0, 500.0)];
    for i in 0..5 {
        boxes.push(boxed(200.0, i as f32 * 100.0, 80.0, 30.0));
    }
    assert!(empty_bands(&boxes).is_empty());
    assert_eq!(largest_empty_band(&boxes), 0.0);
    assert_eq!(largest_empty_band(&[]), 0.0);
}

#[test]
fn a_groups_gap_is_the_distance_to_the_nearest_other_group() {
    // Group 0: two boxes spanning x 0–300, y 0–100. Group 1 stands 50 to its right; group 2
    // 30 right and 40 below group 1's corner (a distance of 50).
    let boxes = [
        boxed(0.0, 0.0, 100.0, 40.0),
        boxed(200.0, 60.0, 100.0, 40.0),
        boxed(350.0, 0.0, 100.0, 100.0),
        boxed(480.0, 140.0, 20.0, 20.0),
    ];
    let groups = vec![vec![0, 1], vec![2], vec![3]];
    assert_eq!(group_gaps(&boxes, &groups), vec![50.0, 50.0, 50.0]);
    // Far below, the last group's gap grows; touching rectangles have none.
    let mut far = boxes;
    far[3] = boxed(350.0, 1100.0, 20.0, 20.0);
    assert_eq!(group_gaps(&far, &groups), vec![50.0, 50.0, 1000.0]);
    let touching = [boxed(0.0, 0.0, 10.0, 10.0), boxed(10.0, 5.0, 10.0, 10.0)];
    assert_eq!(group_gaps(&touching, &[vec![0], vec![1]]), vec![0.0, 0.0]);
    assert_eq!(group_gaps(&touching, &[vec![0, 1]]), vec![0.0]);
}

/// A node of `kind` with a box of height `h` at (`x`, `y`).
fn node(index: u32, kind: NodeKind, h: f32, x: f32, y: f32) -> LayoutNode {
    LayoutNode {
        id: match kind {
            NodeKind::Actor => NodeId::Actor(ActorId(index)),
            NodeKind::Claim => NodeId::Claim(ClaimId(index)),
        },
        kind,
        size: Size::new(100.0, h),
        at: Point::new(x, y),
        pinned: false,
        in_scope: true,
        camp: None,
    }
}

#[test]
fn a_row_is_a_typical_claim_and_the_space_below_it() {
    let mut graph = LayoutGraph::default();
    graph.push(node(1, NodeKind::Actor, 500.0, 0.0, 0.0));
    // Only actors: their median.
    assert_eq!(row_height(&graph), 500.0 + CLAIM_GAP);
    for (i, h) in [40.0, 50.0, 60.0, 200.0].into_iter().enumerate() {
        graph.push(node(i as u32 + 1, NodeKind::Claim, h, 0.0, 0.0));
    }
    // Claims only, the lower middle one of an even count; the tall actor does not count.
    assert_eq!(row_height(&graph), 50.0 + CLAIM_GAP);
    assert_eq!(row_height(&LayoutGraph::default()), CLAIM_GAP);
}

#[test]
fn compactness_of_a_drawing_with_a_group_far_below() {
    // An actor and a claim joined by a stance side by side (y 0–40), a lone claim 300 below
    // them (y 340–380).
    let mut graph = LayoutGraph::default();
    graph.push(node(1, NodeKind::Actor, 40.0, 0.0, 20.0));
    graph.push(node(1, NodeKind::Claim, 40.0, 300.0, 20.0));
    graph.push(node(2, NodeKind::Claim, 40.0, 0.0, 360.0));
    graph.edges.push(LayoutEdge {
        from: 0,
        to: 1,
        kind: EdgeKind::Stance { score: 1 },
    });
    assert_eq!(connected_groups(&graph), vec![vec![0, 1], vec![2]]);
    let measured = measure_compactness(&graph, &graph.positions());
    assert_eq!(
        measured,
        Compactness {
            row: 40.0 + CLAIM_GAP,
            largest_empty_band: 300.0,
            widest_group_gap: 300.0,
            width: 400.0,
            height: 380.0,
        }
    );
}
