//! Scene tests on a small map.

use super::*;
use crate::model::{
    Actor, ActorKind, Claim, EdgeId, Edit, ItemId, Map, NodeId, Point, Position, Relation,
    RelationKind, Stance,
};

fn map() -> Map {
    let mut map = Map::new("t");
    let mut ids = map.id_allocator();
    let (putin, biden, nato, guarantees) = (ids.actor(), ids.actor(), ids.claim(), ids.claim());
    map.apply(Edit::Batch(vec![
        Edit::AddActor(Actor {
            camp: Some("Russia".into()),
            ..Actor::new(putin, "Putin", ActorKind::Person, Point::new(0.0, 0.0))
        }),
        Edit::AddActor(Actor {
            camp: Some("United States".into()),
            ..Actor::new(biden, "Biden", ActorKind::Person, Point::new(0.0, 200.0))
        }),
        Edit::AddClaim(Claim::new(
            nato,
            "NATO must not expand east",
            Point::new(300.0, 0.0),
        )),
        Edit::AddClaim(Claim::new(
            guarantees,
            "Legal guarantees",
            Point::new(300.0, 200.0),
        )),
        Edit::AddStance(Stance::new(
            ids.stance(),
            putin,
            nato,
            Position::StronglySupports,
        )),
        Edit::AddStance(Stance {
            date: Some(crate::model::Date::constant(2021, 11, 30)),
            ..Stance::new(ids.stance(), putin, nato, Position::Supports)
        }),
        Edit::AddStance(Stance::new(ids.stance(), biden, nato, Position::Opposes)),
        Edit::AddRelation(Relation::new(
            ids.relation(),
            nato,
            guarantees,
            RelationKind::Supports,
        )),
        Edit::AddRelation(Relation::new(
            ids.relation(),
            guarantees,
            nato,
            RelationKind::Attacks,
        )),
    ]))
    .unwrap();
    map
}

#[test]
fn edges_come_before_nodes_and_every_item_is_drawn() {
    let map = map();
    let scene = Scene::build(&map, &Style::new(Theme::Light));
    assert_eq!(scene.items.len(), 4 + 3 + 2);
    let first_node = scene
        .items
        .iter()
        .position(|i| matches!(i.id, SceneId::Node(_)))
        .unwrap();
    assert!(
        scene.items[..first_node]
            .iter()
            .all(|i| matches!(i.id, SceneId::Edge(_)))
    );
    assert!(
        scene.items[first_node..]
            .iter()
            .all(|i| matches!(i.id, SceneId::Node(_)))
    );
    assert_eq!(scene.camps.len(), 2);
    for item in &scene.items {
        assert!(scene.bounds.contains_rect(item.bounds));
    }
}

#[test]
fn parallel_and_opposite_edges_do_not_overlap() {
    let map = map();
    let scene = Scene::build(&map, &Style::new(Theme::Light));
    let midpoints: Vec<_> = scene
        .items
        .iter()
        .filter_map(|i| match (&i.id, i.shapes.first()) {
            (SceneId::Edge(_), Some(Shape::Curve { points, .. })) => {
                Some((i.ends, bezier_point(points, 0.5)))
            }
            _ => None,
        })
        .collect();
    for (i, (ends_a, a)) in midpoints.iter().enumerate() {
        for (ends_b, b) in midpoints.iter().skip(i + 1) {
            let same_pair = ends_a.map(|(x, y)| (x.min(y), x.max(y)))
                == ends_b.map(|(x, y)| (x.min(y), x.max(y)));
            if same_pair {
                assert!((*a - *b).length() > 10.0, "{ends_a:?} {a:?} vs {b:?}");
            }
        }
    }
}

#[test]
fn stance_styles_follow_polarity() {
    let map = map();
    let style = Style::new(Theme::Light);
    let scene = Scene::build(&map, &style);
    let biden_stance = map
        .stances()
        .find(|s| s.position == Position::Opposes)
        .unwrap();
    let item = scene
        .items
        .iter()
        .find(|i| i.id == SceneId::Edge(EdgeId::Stance(biden_stance.id)))
        .unwrap();
    let Shape::Curve { stroke, .. } = &item.shapes[0] else {
        panic!()
    };
    assert_eq!(stroke.dash, Dash::Dashed);
    assert_eq!(
        stroke.colour,
        style.stance_colour(crate::model::Polarity::Oppose)
    );
}

#[test]
fn node_lookup_and_hit_testing() {
    let map = map();
    let scene = Scene::build(&map, &Style::new(Theme::Dark));
    let putin = NodeId::Actor(map.actors().next().unwrap().id);
    let item = scene.node(putin).unwrap();
    assert_eq!(scene.node_at(item.bounds.center()), Some(putin));
    assert_eq!(
        scene.node_at(eframe::egui::Pos2::new(-1000.0, -1000.0)),
        None
    );
}

#[test]
fn legend_lists_kinds_and_camps_inside_its_panel() {
    let map = map();
    let style = Style::new(Theme::Light);
    let scene = Scene::build(&map, &style);
    let legend = Legend::build(&map, &scene.camps, &style);
    let texts: Vec<&str> = legend
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    for expected in [
        "supports",
        "opposes",
        "attacks",
        "Nodes",
        "claim",
        "person",
        "Russia",
        "United States",
    ] {
        assert!(
            texts.contains(&expected),
            "{expected} missing from {texts:?}"
        );
    }
    let panel = eframe::egui::Rect::from_min_size(eframe::egui::Pos2::ZERO, legend.size);
    for shape in &legend.shapes {
        assert!(panel.expand(1.0).contains_rect(shape.bounds()), "{shape:?}");
    }
}

#[test]
fn an_empty_map_gives_an_empty_scene() {
    let scene = Scene::build(&Map::new("empty"), &Style::new(Theme::Light));
    assert!(scene.items.is_empty());
    assert!(!scene.bounds.is_positive());
}

#[test]
fn hidden_items_are_left_out_and_dimmed_ones_faded() {
    let map = map();
    let style = Style::new(Theme::Light);
    let putin = map.actors().next().unwrap().id;
    let biden = map.actors().nth(1).unwrap().id;
    let mut visibility = VisibilityMap::all_shown();
    visibility.set(putin, Visibility::Hidden);
    visibility.set(biden, Visibility::Dimmed);
    let scene = Scene::build_with(&map, &style, Some(&visibility));
    // Putin and his two stances are gone; Biden, his stance, the claims and relations stay.
    assert!(scene.node(NodeId::Actor(putin)).is_none());
    assert_eq!(scene.items.len(), 3 + 1 + 2);
    let full = Scene::build(&map, &style);
    let colour_of = |scene: &Scene| match &scene.node(NodeId::Actor(biden)).unwrap().shapes[0] {
        Shape::Rect { stroke, .. } => stroke.colour,
        other => panic!("{other:?}"),
    };
    assert!(colour_of(&scene).a() < colour_of(&full).a());
    // With nothing hidden or dimmed, the scene is the plain one.
    let plain = Scene::build_with(&map, &style, Some(&VisibilityMap::all_shown()));
    assert_eq!(plain, full);
}

/// Putin's three stances on one claim: opposes twice (two dates), supports once.
fn repeated_stances() -> (Map, [crate::model::StanceId; 3]) {
    let mut map = Map::new("t");
    let mut ids = map.id_allocator();
    let (putin, nato) = (ids.actor(), ids.claim());
    let stances = [ids.stance(), ids.stance(), ids.stance()];
    let dated = |id, position, day| {
        Edit::AddStance(Stance {
            date: Some(crate::model::Date::constant(2021, 12, day)),
            ..Stance::new(id, putin, nato, position)
        })
    };
    map.apply(Edit::Batch(vec![
        Edit::AddActor(Actor::new(
            putin,
            "Putin",
            ActorKind::Person,
            Point::new(0.0, 0.0),
        )),
        Edit::AddClaim(Claim::new(nato, "NATO", Point::new(400.0, 0.0))),
        dated(stances[0], Position::Opposes, 1),
        dated(stances[1], Position::Opposes, 7),
        dated(stances[2], Position::Supports, 9),
    ]))
    .unwrap();
    (map, stances)
}

/// The texts an item draws.
fn texts(item: &SceneItem) -> Vec<&str> {
    item.shapes
        .iter()
        .filter_map(|shape| match shape {
            Shape::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

#[test]
fn stances_repeating_a_position_are_one_edge_with_a_count_and_a_changed_position_stays_apart() {
    let (mut map, [first, second, other]) = repeated_stances();
    let scene = Scene::build(&map, &Style::new(Theme::Light));
    let item = |id| &scene.items[scene.index_of(SceneId::Edge(EdgeId::Stance(id))).unwrap()];
    let twins = [EdgeId::Stance(first), EdgeId::Stance(second)];

    // The first of the two draws one line with "×2" and stands for both.
    assert_eq!(texts(item(first)), ["×2"]);
    assert_eq!(item(first).merged, twins);
    assert_eq!(
        item(first).stands_for(),
        [ItemId::from(first), ItemId::from(second)]
    );
    // The second draws nothing and has no box, but keeps its ends and group.
    assert!(item(second).shapes.is_empty());
    assert!(!item(second).bounds.is_positive());
    assert_eq!(item(second).ends, item(first).ends);
    assert_eq!(item(second).merged, twins);
    // The change of position is its own edge, without a count, bent apart from the other.
    assert!(texts(item(other)).is_empty() && item(other).merged.is_empty());
    let middle = |id| match item(id).shapes.first() {
        Some(Shape::Curve { points, .. }) => bezier_point(points, 0.5),
        _ => panic!("a drawn edge starts with its line"),
    };
    assert!((middle(first) - middle(other)).length() > 10.0);
    let lines = scene
        .items
        .iter()
        .filter(|i| i.shapes.iter().any(|s| matches!(s, Shape::Curve { .. })))
        .count();
    assert_eq!(lines, 2, "two lines for three stances");

    // Without its twin, the stance is a plain edge again.
    map.apply(Edit::RemoveStance(second)).unwrap();
    let scene = Scene::build(&map, &Style::new(Theme::Light));
    let alone = &scene.items[scene
        .index_of(SceneId::Edge(EdgeId::Stance(first)))
        .unwrap()];
    assert!(texts(alone).is_empty() && alone.merged.is_empty());
}
