//! Routing: detours, winding routes through gaps, and the budget.

use super::*;
use crate::model::{ActorId, ClaimId};
use eframe::egui::Color32;

fn node(x: f32, y: f32) -> NodeDrawing {
    super::super::nodes::test_node(x, y)
}

#[test]
fn segments_through_a_box_hit_it_and_those_beside_it_do_not() {
    let rect = Rect::from_min_max(Pos2::new(0.0, 0.0), Pos2::new(10.0, 10.0));
    assert!(segment_hits(
        Pos2::new(-5.0, 5.0),
        Pos2::new(15.0, 5.0),
        rect
    ));
    assert!(segment_hits(
        Pos2::new(-5.0, -5.0),
        Pos2::new(15.0, 15.0),
        rect
    ));
    assert!(!segment_hits(
        Pos2::new(-5.0, 12.0),
        Pos2::new(15.0, 12.0),
        rect
    ));
    assert!(!segment_hits(
        Pos2::new(-5.0, 5.0),
        Pos2::new(-1.0, 5.0),
        rect
    ));
}

#[test]
fn routing_gives_up_once_its_budget_is_spent() {
    // Every node in one spot: every line meets every box.
    let (a, b) = (node(0.0, 0.0), node(400.0, 0.0));
    let ends = (NodeId::Actor(ActorId(1)), NodeId::Claim(ClaimId(2)));
    let crowd: Vec<(NodeId, Rect)> = (0..2_000)
        .map(|i| (NodeId::Claim(ClaimId(10 + i)), node(200.0, 0.0).rect))
        .collect();
    let obstacles = Obstacles::new(crowd);
    let stroke = LineStyle::solid(2.0, Color32::BLUE);
    let mut bends = 0;
    while !obstacles.is_spent() {
        bends += 1;
        route((&a, &b), ends, 0.0, stroke, Head::Arrow, &obstacles);
        assert!(bends < 10_000, "the budget is never spent");
    }
    // Once spent, an edge keeps its plain bend at once.
    assert_eq!(
        route((&a, &b), ends, 5.0, stroke, Head::Arrow, &obstacles).course,
        Course::Arc(5.0)
    );
}

#[test]
fn an_edge_bends_around_a_box_in_its_way_and_not_otherwise() {
    let (a, b, middle) = (node(0.0, 0.0), node(400.0, 0.0), node(200.0, 0.0));
    let ends = (NodeId::Actor(ActorId(1)), NodeId::Claim(ClaimId(2)));
    let stroke = LineStyle::solid(2.0, Color32::BLUE);
    let nothing = Obstacles::new([]);
    assert_eq!(
        route((&a, &b), ends, 0.0, stroke, Head::Arrow, &nothing).course,
        Course::Arc(0.0)
    );
    let obstacles = Obstacles::new([
        (ends.0, a.rect),
        (ends.1, b.rect),
        (NodeId::Claim(ClaimId(3)), middle.rect),
    ]);
    let routed = route((&a, &b), ends, 0.0, stroke, Head::Arrow, &obstacles);
    let Course::Arc(bend) = routed.course else {
        panic!("one arc clears a single box");
    };
    assert_ne!(bend, 0.0);
    // What the route depends on: the middle box blocked the plain line; the detour's
    // cells are where a box could come to block it.
    assert_eq!(routed.blockers, [NodeId::Claim(ClaimId(3))]);
    assert!(!routed.gave_up);
    let path = edge_path(&edge_shapes(&a, &b, bend, stroke, Head::Arrow));
    assert!(!obstacles.blocks(&path, ends));
    assert!(path.iter().all(|p| routed.cells.contains(&cell_of(*p))));
    // The plain line did run through the middle box.
    let straight = edge_path(&edge_shapes(&a, &b, 0.0, stroke, Head::Arrow));
    assert!(obstacles.blocks(&straight, ends));
}

#[test]
fn edges_behind_walls_no_arc_clears_wind_through_their_gaps() {
    let (a, b) = (node(0.0, 0.0), node(800.0, 0.0));
    let ends = (NodeId::Actor(ActorId(1)), NodeId::Claim(ClaimId(2)));
    // Two walls of boxes 40 tall stacked 36 apart (overlapping) from y = -432 to 432,
    // taller than any detour: one at x = 200 with a gap between y = 92 and 160, one at
    // x = 600 with a gap between y = -160 and -92. No arc, bent to one side, passes both.
    let wall = |x: f32, gap: [u32; 2], first: u32| {
        (0..25u32).filter(move |i| !gap.contains(i)).map(move |i| {
            let y = -432.0 + 36.0 * i as f32;
            (NodeId::Claim(ClaimId(first + i)), node(x, y).rect)
        })
    };
    let wall: Vec<(NodeId, Rect)> = wall(200.0, [15, 16], 10)
        .chain(wall(600.0, [8, 9], 100))
        .collect();
    let obstacles = Obstacles::new(wall.iter().copied());
    let stroke = LineStyle::solid(2.0, Color32::BLUE);
    let routed = route((&a, &b), ends, 0.0, stroke, Head::Arrow, &obstacles);
    assert!(!routed.gave_up);
    assert!(
        matches!(routed.course, Course::Through { .. }),
        "{:?}",
        routed.course
    );
    let path = edge_path(&course_shapes(&a, &b, &routed.course, stroke, Head::Arrow));
    assert!(!obstacles.blocks(&path, ends));
    let at_wall = |x: f32| {
        path.windows(2)
            .find(|s| s[0].x <= x && s[1].x >= x)
            .map(|s| s[0].y)
    };
    assert!(
        at_wall(200.0).is_some_and(|y| y > 92.0 && y < 160.0),
        "{path:?}"
    );
    assert!(
        at_wall(600.0).is_some_and(|y| y > -160.0 && y < -92.0),
        "{path:?}"
    );
    // What the route depends on: every box of the walls near the ends, and the area
    // searched, where a box moved in could change the way found.
    assert!(routed.blockers.len() >= 10, "{:?}", routed.blockers);
    assert!(routed.cells.contains(&cell_of(Pos2::new(400.0, 0.0))));
}
