//! An actor's short display name: kept in the file, drawn on the canvas and in pictures in
//! place of the full name, refused when blank.

// Test helpers fail loudly on purpose; clippy's test allowances cover only #[test] functions.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)]

use stancemap::io::{load_str, to_ron_string};
use stancemap::scene::{Scene, Shape, Style, Theme};
use std::path::Path;

const MAP: &str = r#"(
    version: 1,
    title: "Short names",
    actors: [
        (id: 1, name: "Jake Sullivan (US National Security Adviser)", short_name: "Jake Sullivan", kind: Person, at: (0.0, 0.0)),
        (id: 2, name: "Vladimir Putin", kind: Person, at: (0.0, 100.0)),
    ],
    claims: [
        (id: 3, label: "Talk again soon", at: (300.0, 50.0)),
    ],
    next_id: 4,
)"#;

fn texts(scene: &Scene) -> Vec<String> {
    scene
        .items
        .iter()
        .flat_map(|item| item.shapes.iter())
        .filter_map(|shape| match shape {
            Shape::Text { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_short_name_is_kept_in_the_file_and_drawn_instead_of_the_name() {
    let map = load_str(MAP, Path::new("short.ron")).unwrap();
    let sullivan = map.actors().next().unwrap();
    assert_eq!(sullivan.drawn_name(), "Jake Sullivan");
    assert_eq!(map.actors().nth(1).unwrap().drawn_name(), "Vladimir Putin");

    let saved = to_ron_string(&map).unwrap();
    assert!(saved.contains(r#"short_name: "Jake Sullivan""#), "{saved}");
    // Actors without one are written without the field.
    assert_eq!(saved.matches("short_name").count(), 1);
    assert_eq!(load_str(&saved, Path::new("again.ron")).unwrap(), map);

    let drawn = texts(&Scene::build(&map, &Style::new(Theme::Light))).join(" ");
    assert!(drawn.contains("Jake Sullivan"), "{drawn}");
    assert!(!drawn.contains("Adviser"), "{drawn}");
}

#[test]
fn a_blank_short_name_is_refused_with_its_place() {
    let bad = MAP.replace(r#"short_name: "Jake Sullivan""#, r#"short_name: "   ""#);
    let error = load_str(&bad, Path::new("bad.ron"))
        .unwrap_err()
        .to_string();
    assert!(error.contains("short name is empty"), "{error}");
    assert!(error.contains("bad.ron:"), "{error}");
}
