//! Layouts on small hand-made maps with known answers: crossing-free drawings where one
//! exists, pins kept, selections laid out alone, never an overlap.

use super::*;
use crate::model::{Claim, ClaimId, Edit, Map, NodeId, Position, RelationKind};
use crate::scene::Theme;
use crate::testing::{MapBuilder as Builder, Names};
use std::collections::BTreeSet;

fn style() -> Style {
    Style::new(Theme::Light)
}

fn id(names: &Names, name: &str) -> NodeId {
    names.node(name)
}

/// Two camps facing each other over four claims, with a chain of relations. A drawing
/// without any crossing exists (each actor's claims are consecutive).
fn two_camps() -> (Map, Names) {
    use Position::*;
    Builder::new()
        .actor("Putin", "Russia")
        .actor("Lavrov", "Russia")
        .actor("Biden", "US")
        .actor("Blinken", "US")
        .claim("A")
        .claim("B")
        .claim("C")
        .claim("D")
        .stance("Putin", "A", StronglySupports)
        .stance("Putin", "B", Supports)
        .stance("Lavrov", "C", Supports)
        .stance("Lavrov", "D", Supports)
        .stance("Biden", "A", Opposes)
        .stance("Biden", "B", StronglyOpposes)
        .stance("Blinken", "D", Opposes)
        .relation("A", "B", RelationKind::Supports)
        .relation("C", "D", RelationKind::Attacks)
        .build()
}

fn apply(map: &mut Map, moves: Vec<(NodeId, Point)>) {
    map.apply(Edit::MoveNodes {
        moves,
        pinned: false,
    })
    .unwrap();
}

fn laid_out(map: &Map, kind: LayoutKind, scope: &Scope) -> Map {
    let mut map = map.clone();
    let moves = layout_map(&map, &style(), kind, scope, &Progress::new()).unwrap();
    apply(&mut map, moves);
    map
}

fn at(map: &Map, names: &Names, name: &str) -> Point {
    map.node_position(id(names, name)).unwrap()
}

#[test]
fn the_stance_layout_finds_a_drawing_without_crossings() {
    let (map, names) = two_camps();
    let map = laid_out(&map, LayoutKind::Stance, &Scope::Whole);
    assert_eq!(map_crossings(&map, &style()), 0);
    assert!(map_overlaps(&map, &style(), STANCE_GAP - 1.0).is_empty());
    // Claims share the middle column; each camp stands on its own side.
    let claim_x: BTreeSet<i32> = ["A", "B", "C", "D"]
        .iter()
        .map(|c| at(&map, &names, c).x as i32)
        .collect();
    assert_eq!(claim_x.len(), 1);
    let x = |n: &str| at(&map, &names, n).x;
    assert!(x("Putin") < x("A") && x("Lavrov") < x("A"));
    assert!(x("Biden") > x("A") && x("Blinken") > x("A"));
}

#[test]
fn related_claims_sit_next_to_each_other() {
    let (map, names) = two_camps();
    let map = laid_out(&map, LayoutKind::Stance, &Scope::Whole);
    let mut claims: Vec<(f32, &str)> = ["A", "B", "C", "D"]
        .iter()
        .map(|c| (at(&map, &names, c).y, *c))
        .collect();
    claims.sort_by(|a, b| a.0.total_cmp(&b.0));
    let order: Vec<&str> = claims.iter().map(|c| c.1).collect();
    let next_to = |a: &str, b: &str| {
        let (i, j) = (
            order.iter().position(|x| *x == a).unwrap(),
            order.iter().position(|x| *x == b).unwrap(),
        );
        i.abs_diff(j) == 1
    };
    assert!(next_to("A", "B") && next_to("C", "D"), "{order:?}");
}

#[test]
fn claims_are_ordered_to_suit_both_sides() {
    use Position::*;
    // Each actor's claims can be made consecutive on both sides at once only in the order
    // A B C D E (or its reverse); any other order crosses edges.
    let (map, _) = Builder::new()
        .actor("L1", "Left")
        .actor("L2", "Left")
        .actor("R1", "Right")
        .actor("R2", "Right")
        .claim("C")
        .claim("E")
        .claim("A")
        .claim("D")
        .claim("B")
        .stance("L1", "A", Supports)
        .stance("L1", "B", Supports)
        .stance("L2", "C", Supports)
        .stance("L2", "D", Supports)
        .stance("R1", "B", Opposes)
        .stance("R1", "C", Opposes)
        .stance("R2", "D", Opposes)
        .stance("R2", "E", Opposes)
        .build();
    let map = laid_out(&map, LayoutKind::Stance, &Scope::Whole);
    assert_eq!(map_crossings(&map, &style()), 0);
}

#[test]
fn a_lone_actor_nests_inside_a_busier_actors_fan() {
    use Position::*;
    // In one column the lone actor's edge to B would cross one of the busy actor's edges to
    // A or C; with the lone actor in the inner column and the busy one outside, none cross.
    let (map, names) = Builder::new()
        .actor("Busy", "Left")
        .actor("Lone", "Left")
        .claim("A")
        .claim("B")
        .claim("C")
        .stance("Busy", "A", Supports)
        .stance("Busy", "C", Supports)
        .stance("Lone", "B", Supports)
        .relation("A", "B", RelationKind::Supports)
        .relation("B", "C", RelationKind::Supports)
        .build();
    let map = laid_out(&map, LayoutKind::Stance, &Scope::Whole);
    assert_eq!(map_crossings(&map, &style()), 0);
    assert!(at(&map, &names, "Busy").x < at(&map, &names, "Lone").x);
    assert!(map_overlaps(&map, &style(), STANCE_GAP - 1.0).is_empty());
}

#[test]
fn the_stance_layout_keeps_pins_and_makes_way_for_them() {
    let (mut map, names) = two_camps();
    // Pin Biden right on top of where claim A would go and Putin far away.
    let pins = vec![
        (id(&names, "Biden"), Point::new(0.0, 40.0)),
        (id(&names, "Putin"), Point::new(-2000.0, 500.0)),
    ];
    map.apply(Edit::MoveNodes {
        moves: pins.clone(),
        pinned: true,
    })
    .unwrap();
    let map = laid_out(&map, LayoutKind::Stance, &Scope::Whole);
    for (node, point) in pins {
        assert_eq!(map.node_position(node), Some(point));
    }
    assert!(map_overlaps(&map, &style(), STANCE_GAP - 1.0).is_empty());
}

#[test]
fn a_selection_is_laid_out_alone_near_where_it_was() {
    let (mut map, names) = two_camps();
    let map_before = laid_out(&map, LayoutKind::Stance, &Scope::Whole);
    map = map_before.clone();
    // Pile the US actors on one spot and lay out only them.
    let pile = Point::new(300.0, 300.0);
    let us = [id(&names, "Biden"), id(&names, "Blinken")];
    apply(&mut map, us.iter().map(|&n| (n, pile)).collect());
    let scope = Scope::Only(us.iter().copied().collect());
    let after = laid_out(&map, LayoutKind::Stance, &scope);
    for (name, node) in names.all() {
        if !us.contains(node) {
            assert_eq!(
                after.node_position(*node),
                map.node_position(*node),
                "{name} is outside the selection and must not move"
            );
        }
    }
    assert!(map_overlaps(&after, &style(), STANCE_GAP - 1.0).is_empty());
    let moved = at(&after, &names, "Biden");
    assert!((moved.x - pile.x).abs() < 600.0 && (moved.y - pile.y).abs() < 600.0);
}

#[test]
fn loose_nodes_are_placed_without_overlaps() {
    let (map, _) = Builder::new()
        .actor("Alone", "X")
        .actor("Also alone", "Y")
        .claim("Nobody cares")
        .claim("Nor about this")
        .build();
    let map = laid_out(&map, LayoutKind::Stance, &Scope::Whole);
    assert!(map_overlaps(&map, &style(), STANCE_GAP - 1.0).is_empty());
}

#[test]
fn the_network_layout_draws_a_tree_without_crossings() {
    use Position::*;
    // A star of claims around one actor, and a chain of relations off one claim.
    let mut b = Builder::new().actor("Hub", "C");
    for i in 0..6 {
        b = b.claim(&format!("claim {i}"));
    }
    for i in 0..6 {
        b = b.stance("Hub", &format!("claim {i}"), Supports);
    }
    b = b.claim("x").claim("y");
    let (map, _) = b
        .relation("claim 0", "x", RelationKind::Supports)
        .relation("x", "y", RelationKind::Attacks)
        .build();
    let map = laid_out(&map, LayoutKind::Network, &Scope::Whole);
    assert_eq!(map_crossings(&map, &style()), 0);
    assert!(map_overlaps(&map, &style(), NETWORK_GAP - 1.0).is_empty());
}

#[test]
fn the_network_layout_keeps_pins_and_separates_parts() {
    let (mut map, names) = two_camps();
    let pin = (id(&names, "Lavrov"), Point::new(50.0, 50.0));
    map.apply(Edit::MoveNodes {
        moves: vec![pin],
        pinned: true,
    })
    .unwrap();
    // An unconnected part: a claim nobody mentions.
    let lonely = map.id_allocator().claim();
    map.apply(Edit::AddClaim(Claim::new(
        lonely,
        "Lonely",
        Point::default(),
    )))
    .unwrap();
    let map = laid_out(&map, LayoutKind::Network, &Scope::Whole);
    assert_eq!(map.node_position(pin.0), Some(pin.1));
    assert!(map_overlaps(&map, &style(), NETWORK_GAP - 1.0).is_empty());
}

#[test]
fn the_network_layout_of_a_selection_moves_only_the_selection() {
    let (map, names) = two_camps();
    let map = laid_out(&map, LayoutKind::Stance, &Scope::Whole);
    let chosen: BTreeSet<NodeId> = [id(&names, "C"), id(&names, "D")].into();
    let after = laid_out(&map, LayoutKind::Network, &Scope::Only(chosen.clone()));
    for (name, node) in names.all() {
        if !chosen.contains(node) {
            assert_eq!(
                after.node_position(*node),
                map.node_position(*node),
                "{name}"
            );
        }
    }
    assert!(map_overlaps(&after, &style(), NETWORK_GAP - 1.0).is_empty());
}

#[test]
fn layouts_of_an_empty_map_do_nothing() {
    let map = Map::new("empty");
    for kind in [LayoutKind::Stance, LayoutKind::Network] {
        let moves = layout_map(&map, &style(), kind, &Scope::Whole, &Progress::new()).unwrap();
        assert!(moves.is_empty());
    }
}

#[test]
fn a_cancelled_layout_stops_with_no_result() {
    let (map, _) = two_camps();
    let progress = Progress::new();
    progress.cancel();
    for kind in [LayoutKind::Stance, LayoutKind::Network] {
        let result = layout_map(&map, &style(), kind, &Scope::Whole, &progress);
        assert_eq!(result, Err(Cancelled));
    }
}

#[test]
fn layouts_are_repeatable() {
    let (map, _) = two_camps();
    for kind in [LayoutKind::Stance, LayoutKind::Network] {
        let once = laid_out(&map, kind, &Scope::Whole);
        let twice = laid_out(&once, kind, &Scope::Whole);
        assert_eq!(once, twice, "{kind:?} moved nodes a second time");
    }
}

#[test]
fn a_claim_of_an_unknown_id_is_not_in_the_graph() {
    let (map, _) = two_camps();
    let graph = LayoutGraph::from_map(&map, &style(), &Scope::Whole);
    assert_eq!(graph.index_of(NodeId::Claim(ClaimId(9999))), None);
    assert_eq!(graph.len(), 8);
    assert_eq!(graph.edges.len(), 9);
}
