//! The route index finds the edges a node's move can reroute, and stays as right after edits
//! as a fresh one.

use super::course::Course;
use super::{Scene, SceneCache, SceneId, Style, Theme};
use crate::model::synthetic::synthetic_map;
use crate::model::{
    Actor, ActorKind, Claim, ClaimId, EdgeId, Edit, Map, NodeId, Point, Position, Stance,
};
use eframe::egui::{Rect, Vec2};

/// An actor and a claim 600 units apart joined by a stance, a claim between them and one far
/// below.
fn row() -> (Map, EdgeId, NodeId, NodeId) {
    let mut map = Map::new("row");
    let mut ids = map.id_allocator();
    let (actor, end, middle, far) = (ids.actor(), ids.claim(), ids.claim(), ids.claim());
    let stance = ids.stance();
    map.apply(Edit::Batch(vec![
        Edit::AddActor(Actor::new(
            actor,
            "Actor",
            ActorKind::State,
            Point::new(0.0, 0.0),
        )),
        Edit::AddClaim(Claim::new(end, "End", Point::new(600.0, 0.0))),
        Edit::AddClaim(Claim::new(middle, "Middle", Point::new(300.0, 0.0))),
        Edit::AddClaim(Claim::new(far, "Far", Point::new(300.0, 2000.0))),
        Edit::AddStance(Stance::new(stance, actor, end, Position::Supports)),
    ]))
    .unwrap();
    (
        map,
        EdgeId::Stance(stance),
        NodeId::Claim(middle),
        NodeId::Claim(far),
    )
}

fn course_of(scene: &Scene, edge: EdgeId) -> Course {
    let index = scene.index_of(SceneId::Edge(edge)).unwrap();
    match &scene.looks[index] {
        super::build::ItemLook::Edge { course, .. } => course.clone(),
        super::build::ItemLook::Node(_) => panic!("not an edge"),
        super::build::ItemLook::Merged => panic!("drawn by its twin"),
    }
}

fn move_claim(map: &mut Map, claim: NodeId, to: Point) -> crate::model::Touched {
    map.apply_recorded(Edit::MoveNodes {
        moves: vec![(claim, to)],
        pinned: true,
    })
    .unwrap()
    .touched()
}

#[test]
fn a_node_moving_out_of_or_into_an_edges_way_finds_that_edge_and_no_other() {
    let (mut map, edge, middle, far) = row();
    let style = Style::new(Theme::Light);
    let mut cache = SceneCache::default();
    let mut scene = cache.build(&map, &style, None);
    scene.routes.check(&scene).unwrap();
    // The middle claim is in the plain line's way: the edge goes around it.
    assert_ne!(course_of(&scene, edge), Course::Arc(0.0));
    let far_box = scene.node(far).unwrap().bounds;
    let elsewhere = far_box.translate(Vec2::new(0.0, 300.0));
    assert!(
        scene
            .routes
            .affected_by(middle, Some(elsewhere))
            .contains(&edge)
    );
    // The far claim is in no line's way, and moving it farther crosses none.
    assert!(scene.routes.affected_by(far, Some(elsewhere)).is_empty());

    // The middle claim moves away: the edge is found through it, and runs straight.
    let touched = move_claim(&mut map, middle, Point::new(300.0, -1500.0));
    cache.update(&mut scene, &map, &style, None, &touched);
    assert_eq!(course_of(&scene, edge), Course::Arc(0.0));
    scene.routes.check(&scene).unwrap();
    assert!(
        !scene
            .routes
            .affected_by(middle, Some(elsewhere))
            .contains(&edge)
    );

    // The far claim moving into the straight line finds the edge through the line's cells.
    let in_the_way = Rect::from_center_size(eframe::egui::Pos2::new(300.0, 0.0), far_box.size());
    assert!(
        scene
            .routes
            .affected_by(far, Some(in_the_way))
            .contains(&edge)
    );
    let touched = move_claim(&mut map, far, Point::new(300.0, 0.0));
    cache.update(&mut scene, &map, &style, None, &touched);
    assert_ne!(course_of(&scene, edge), Course::Arc(0.0));
    assert_eq!(
        course_of(&scene, edge),
        course_of(&Scene::build(&map, &style), edge)
    );
    scene.routes.check(&scene).unwrap();
}

#[test]
fn the_index_after_edits_holds_as_a_fresh_one_does() {
    let style = Style::new(Theme::Light);
    let mut map = synthetic_map(40, 90, 7);
    let mut cache = SceneCache::default();
    let mut scene = cache.build(&map, &style, None);
    scene.routes.check(&scene).unwrap();
    let claims: Vec<ClaimId> = map.claims().map(|c| c.id).collect();
    for (i, claim) in claims.iter().cycle().take(60).enumerate() {
        let Some(current) = map.claim(*claim).cloned() else {
            continue;
        };
        let node = NodeId::Claim(*claim);
        let step = i as f32;
        let edit = match i % 4 {
            // Into the thick of the map, and off to its edge.
            0 | 1 => Edit::MoveNodes {
                moves: vec![(
                    node,
                    Point::new((step * 137.0) % 1700.0, (step * 53.0) % 800.0),
                )],
                pinned: true,
            },
            2 => Edit::UpdateClaim(Claim {
                label: format!("a much longer label that makes a wider box {i}"),
                ..current
            }),
            _ => Edit::RemoveClaim(*claim),
        };
        let Ok(change) = map.apply_recorded(edit) else {
            continue;
        };
        cache.update(&mut scene, &map, &style, None, &change.touched());
        let fresh = Scene::build(&map, &style);
        scene.routes.check(&scene).unwrap();
        fresh.routes.check(&fresh).unwrap();
        for item in fresh.items.iter() {
            if let SceneId::Edge(edge) = item.id {
                assert_eq!(course_of(&scene, edge), course_of(&fresh, edge), "step {i}");
            }
        }
        if i % 3 == 0 {
            map.undo_change(&change);
            cache.update(&mut scene, &map, &style, None, &change.touched());
            scene.routes.check(&scene).unwrap();
        }
    }
}

#[test]
fn a_map_whose_routing_runs_out_of_budget_is_routed_again_whole_after_an_edit() {
    let style = Style::new(Theme::Light);
    let mut map = synthetic_map(600, 1_200, 3);
    // Every node in one spot (a map never arranged): every line meets every box.
    let moves = map.nodes().map(|n| (n, Point::new(0.0, 0.0))).collect();
    map.apply(Edit::MoveNodes {
        moves,
        pinned: false,
    })
    .unwrap();
    let mut cache = SceneCache::default();
    let mut scene = cache.build(&map, &style, None);
    assert!(scene.routes.gave_up(), "routing kept within its budget");
    let edges: Vec<EdgeId> = map.stances().map(|s| EdgeId::Stance(s.id)).collect();
    for (i, claim) in map
        .claims()
        .map(|c| c.id)
        .take(6)
        .collect::<Vec<_>>()
        .iter()
        .enumerate()
    {
        let to = Point::new(200.0 * i as f32, -300.0);
        let touched = move_claim(&mut map, NodeId::Claim(*claim), to);
        cache.update(&mut scene, &map, &style, None, &touched);
        let fresh = Scene::build(&map, &style);
        assert_eq!(scene.routes.gave_up(), fresh.routes.gave_up());
        for edge in &edges {
            assert_eq!(
                course_of(&scene, *edge),
                course_of(&fresh, *edge),
                "{edge:?}"
            );
        }
        scene.routes.check(&scene).unwrap();
    }
}

/// A stance behind two walls of claims with a gap in each, on opposite sides of its line, so
/// that only a route through waypoints clears them; and far away, idle claims up to `nodes`
/// nodes in all.
fn walls_and_crowd(nodes: usize) -> (Map, EdgeId) {
    let mut map = Map::new("walls");
    let mut ids = map.id_allocator();
    let (actor, end, stance) = (ids.actor(), ids.claim(), ids.stance());
    let mut edits = vec![
        Edit::AddActor(Actor::new(
            actor,
            "Actor",
            ActorKind::State,
            Point::new(0.0, 0.0),
        )),
        Edit::AddClaim(Claim::new(end, "End", Point::new(900.0, 0.0))),
        Edit::AddStance(Stance::new(stance, actor, end, Position::Supports)),
    ];
    for (x, gap) in [(225.0, 3), (675.0, -3)] {
        for i in (-12..=12).filter(|i| *i != gap) {
            // Claim boxes of one line are 44 tall: 40 apart, they overlap a little.
            let y = i as f32 * 40.0 - 13.0;
            edits.push(Edit::AddClaim(Claim::new(
                ids.claim(),
                "wall",
                Point::new(x, y),
            )));
        }
    }
    let crowd = nodes.saturating_sub(edits.len() - 1);
    for i in 0..crowd {
        let at = Point::new(100_000.0 + (i % 50) as f32 * 300.0, (i / 50) as f32 * 100.0);
        edits.push(Edit::AddClaim(Claim::new(ids.claim(), "idle", at)));
    }
    map.apply(Edit::Batch(edits)).unwrap();
    (map, EdgeId::Stance(stance))
}

#[test]
fn past_the_node_limit_edges_keep_to_arcs_and_an_update_that_crosses_it_reroutes_them() {
    let limit = super::routing::WAYPOINT_NODE_LIMIT as usize;
    let (mut map, edge) = walls_and_crowd(limit);
    assert_eq!(map.actors().count() + map.claims().count(), limit);
    let style = Style::new(Theme::Light);
    let mut cache = SceneCache::default();
    let mut scene = cache.build(&map, &style, None);
    assert!(matches!(course_of(&scene, edge), Course::Through { .. }));
    // One node more: the same edge keeps to an arc, in an update as in a fresh build.
    let extra = map.id_allocator().claim();
    let touched = map
        .apply_recorded(Edit::AddClaim(Claim::new(
            extra,
            "one more",
            Point::new(-100_000.0, 0.0),
        )))
        .unwrap()
        .touched();
    cache.update(&mut scene, &map, &style, None, &touched);
    assert!(matches!(course_of(&scene, edge), Course::Arc(_)));
    assert_eq!(
        course_of(&scene, edge),
        course_of(&Scene::build(&map, &style), edge)
    );
    scene.routes.check(&scene).unwrap();
    // And back.
    let touched = map
        .apply_recorded(Edit::RemoveClaim(extra))
        .unwrap()
        .touched();
    cache.update(&mut scene, &map, &style, None, &touched);
    assert!(matches!(course_of(&scene, edge), Course::Through { .. }));
    scene.routes.check(&scene).unwrap();
}
