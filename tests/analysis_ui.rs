//! The analysis panel and the layout commands, driven through the real app UI by accessible
//! labels: a matrix cell selects its stance, filters hide what they should, findings select
//! their items, and a layout run from the Map menu is one undoable step.

mod common;

use common::settle_layout;
use eframe::egui::{self, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancemap::app::{AnalysisTab, StanceApp};
use stancemap::example::example_map;
use stancemap::layout::{STANCE_GAP, map_overlaps};
use stancemap::model::{ActorId, Edit, ItemId, Map, NodeId, Point, Position, Stance, StanceId};
use stancemap::scene::{Style, Theme, Visibility};
use std::time::{Duration, Instant};

fn harness(app: StanceApp) -> Harness<'static, StanceApp> {
    Harness::builder()
        .with_size([1500.0, 950.0])
        .with_max_steps(20)
        // Selecting a stance shows its Chinese quote in the inspector; no CJK font here.
        .allow_missing_glyphs()
        .build_ui_state(|ui, app: &mut StanceApp| app.ui(ui), app)
}

fn example() -> Map {
    example_map().unwrap_or_else(|e| panic!("the example map does not load: {e}"))
}

fn actor_named(map: &Map, name: &str) -> ActorId {
    map.actors()
        .find(|a| a.name == name)
        .map(|a| a.id)
        .unwrap_or_else(|| panic!("no actor {name}"))
}

fn stance_of(map: &Map, actor: &str, claim: &str) -> StanceId {
    let actor = actor_named(map, actor);
    map.stances()
        .find(|s| s.actor == actor && map.claim(s.claim).is_some_and(|c| c.label == claim))
        .map(|s| s.id)
        .unwrap_or_else(|| panic!("no stance of {actor} on {claim}"))
}

#[test]
fn clicking_a_matrix_cell_selects_the_stance() {
    let map = example();
    let red_lines = stance_of(
        &map,
        "Vladimir Putin",
        "Respect Russia's red lines on Ukraine",
    );
    let mut app = StanceApp::new(map, None);
    app.show_analysis(AnalysisTab::Matrix);
    let mut harness = harness(app);
    harness.run();
    harness
        .get_by_label(
            "Vladimir Putin on “Respect Russia's red lines on Ukraine”: strongly supports",
        )
        .click();
    harness.run();
    let selected: Vec<ItemId> = harness.state().selection().items().collect();
    assert_eq!(selected, [ItemId::Stance(red_lines)]);

    // Biden opposes the same claim: his cell selects his stance instead.
    let biden = stance_of(
        harness.state().map(),
        "Joe Biden",
        "Respect Russia's red lines on Ukraine",
    );
    harness
        .get_by_label("Joe Biden on “Respect Russia's red lines on Ukraine”: strongly opposes")
        .click();
    harness.run();
    let selected: Vec<ItemId> = harness.state().selection().items().collect();
    assert_eq!(selected, [ItemId::Stance(biden)]);
}

#[test]
fn a_camp_filter_hides_the_other_camps_and_what_only_they_discuss() {
    let map = example();
    let (putin, biden) = (
        actor_named(&map, "Vladimir Putin"),
        actor_named(&map, "Joe Biden"),
    );
    let europe_claim = map
        .claims()
        .find(|c| c.label == "Border and Ukraine crises alarm Europe")
        .map(|c| c.id)
        .unwrap();
    let mut app = StanceApp::new(map, None);
    app.show_analysis(AnalysisTab::Filters);
    let mut harness = harness(app);
    harness.run();
    harness.get_by_label("Hide others").click();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::CheckBox, "Russia")
        .click();
    harness.run();
    let visibility = harness.state_mut().visibility();
    assert_eq!(visibility.of(putin), Visibility::Shown);
    assert_eq!(visibility.of(biden), Visibility::Hidden);
    // Only Europe speaks about its alarm: with Europe hidden, the claim goes too.
    assert_eq!(visibility.of(europe_claim), Visibility::Hidden);

    // Dimming instead keeps them in view, faded.
    harness.get_by_label("Dim others").click();
    harness.run();
    let visibility = harness.state_mut().visibility();
    assert_eq!(visibility.of(biden), Visibility::Dimmed);

    harness.get_by_label("Clear filters").click();
    harness.run();
    assert!(harness.state_mut().visibility().is_all_shown());
}

#[test]
fn focus_keeps_only_the_neighbourhood_of_the_selection() {
    let map = example();
    let ukraine = actor_named(&map, "Ukraine");
    let putin = actor_named(&map, "Vladimir Putin");
    let mut app = StanceApp::new(map, None);
    app.show_analysis(AnalysisTab::Matrix);
    let mut harness = harness(app);
    harness.run();
    // Select Ukraine by its row in the matrix, then turn to the filters.
    harness.get_by_label("Ukraine").click();
    harness.run();
    harness.get_by_label("Filters").click();
    harness.run();
    harness.get_by_label("Hide others").click();
    harness.run();
    harness.get_by_label("Focus on the selection").click();
    harness.run();
    // One step from Ukraine: its one claim, "Ukraine should join NATO"; Putin is farther.
    let visibility = harness.state_mut().visibility();
    assert_eq!(visibility.of(ukraine), Visibility::Shown);
    assert_eq!(visibility.of(putin), Visibility::Hidden);
    let shown_nodes = harness
        .state()
        .map()
        .nodes()
        .filter(|n| visibility.of(*n) == Visibility::Shown)
        .count();
    assert_eq!(shown_nodes, 2);
}

#[test]
fn a_finding_selects_the_items_it_names() {
    let mut map = example();
    // Give Putin a stance without quote or source.
    let claim = map.claims().next().map(|c| c.id).unwrap();
    let putin = actor_named(&map, "Vladimir Putin");
    let id = map.id_allocator().stance();
    map.apply(Edit::AddStance(Stance {
        date: Some(stancemap::model::Date::constant(2021, 1, 1)),
        ..Stance::new(id, putin, claim, Position::Neutral)
    }))
    .unwrap();
    let mut app = StanceApp::new(map, None);
    app.show_analysis(AnalysisTab::Checks);
    let mut harness = harness(app);
    harness.run();
    harness
        .get_by_label(
            "Vladimir Putin neutral “No further NATO expansion east” has neither a quote nor a \
             source",
        )
        .click();
    harness.run();
    let selected: Vec<ItemId> = harness.state().selection().items().collect();
    assert_eq!(selected, [ItemId::Stance(id)]);
}

#[test]
fn a_wide_alignment_table_scrolls_instead_of_squeezing_the_canvas_away() {
    let mut map = example();
    // Actors with very long names make the alignment table far wider than the window.
    let renames: Vec<Edit> = map
        .actors()
        .map(|actor| {
            let mut long = actor.clone();
            long.name = format!("{} {}", actor.name, "of the very long delegation".repeat(6));
            Edit::UpdateActor(long)
        })
        .collect();
    map.apply(Edit::Batch(renames)).unwrap();
    let mut app = StanceApp::new(map, None);
    app.show_analysis(AnalysisTab::Alignment);
    let mut harness = harness(app);
    harness.run();
    let canvas = harness.state().canvas_rect();
    assert!(
        canvas.width() >= 320.0,
        "the canvas is {} wide",
        canvas.width()
    );
    // The other tabs keep the room too.
    harness.state_mut().show_analysis(AnalysisTab::Matrix);
    harness.run();
    assert!(harness.state().canvas_rect().width() >= 320.0);
}

/// The example map with its nodes scattered over a small grid, `pinned` or not.
#[allow(clippy::expect_used)] // a test helper: a failure here fails the test
fn scattered_example(pinned: bool) -> Map {
    let mut map = example();
    let moves: Vec<(NodeId, Point)> = map
        .nodes()
        .enumerate()
        .map(|(i, n)| (n, Point::new((i % 7) as f32 * 37.0, (i % 5) as f32 * 23.0)))
        .collect();
    map.apply(Edit::MoveNodes { moves, pinned })
        .expect("the example's nodes can be moved");
    map
}

#[test]
fn a_layout_from_the_map_menu_is_one_undoable_step() {
    // Scatter the example so the layout has work to do.
    let map = scattered_example(false);
    let before = map.clone();
    let mut harness = harness(StanceApp::new(map, None));
    harness.run();
    harness.get_by_label("Map").click();
    harness.run();
    // The menu shows the shortcut beside the name.
    harness.get_by_label("Stance layout Ctrl+L").click();
    harness.step();
    settle_layout(&mut harness);
    let style = Style::new(Theme::Light);
    let after = harness.state().map().clone();
    assert_ne!(after, before);
    assert!(map_overlaps(&after, &style, STANCE_GAP - 1.0).is_empty());
    let status = harness.state().status().unwrap_or_default().to_owned();
    assert!(
        status.starts_with("Stance layout: moved 45 nodes"),
        "{status}"
    );
    // Moved by a layout, not by hand: nothing is pinned.
    assert!(after.nodes().all(|n| after.node_pinned(n) == Some(false)));

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().map(), &before);
}

#[test]
fn a_map_never_arranged_is_laid_out_when_it_opens() {
    let mut map = example();
    let moves: Vec<(NodeId, Point)> = map.nodes().map(|n| (n, Point::default())).collect();
    map.apply(Edit::MoveNodes {
        moves,
        pinned: false,
    })
    .unwrap();
    let mut harness = harness(StanceApp::new(map, None));
    harness.step();
    settle_layout(&mut harness);
    let after = harness.state().map();
    assert!(map_overlaps(after, &Style::new(Theme::Light), STANCE_GAP - 1.0).is_empty());
    assert!(harness.state().document().can_undo());
}

/// A map of `claims` claims in a chain of relations and a quarter as many actors, each on
/// four claims near each other, spread on a grid (so it counts as arranged).
fn big_map(claims: usize) -> Map {
    let mut map = Map::new("big");
    let mut ids = map.id_allocator();
    let mut edits = Vec::new();
    let claim_ids: Vec<_> = (0..claims)
        .map(|i| {
            let id = ids.claim();
            edits.push(Edit::AddClaim(stancemap::model::Claim::new(
                id,
                format!("claim number {i}"),
                Point::new((i % 100) as f32 * 300.0, (i / 100) as f32 * 120.0),
            )));
            id
        })
        .collect();
    for (&from, &to) in claim_ids.iter().zip(claim_ids.iter().skip(1)) {
        edits.push(Edit::AddRelation(stancemap::model::Relation::new(
            ids.relation(),
            from,
            to,
            stancemap::model::RelationKind::Supports,
        )));
    }
    for a in 0..claims / 4 {
        let id = ids.actor();
        let mut actor = stancemap::model::Actor::new(
            id,
            format!("actor {a}"),
            stancemap::model::ActorKind::Person,
            Point::new(-600.0 - (a % 10) as f32 * 250.0, (a / 10) as f32 * 120.0),
        );
        actor.camp = Some(format!("camp {}", a % 5));
        edits.push(Edit::AddActor(actor));
        for k in 0..4 {
            let Some(&claim) = claim_ids.get((a * 4 + k * 7) % claims) else {
                continue;
            };
            edits.push(Edit::AddStance(Stance::new(
                ids.stance(),
                id,
                claim,
                if (a + k) % 3 == 0 {
                    Position::Opposes
                } else {
                    Position::Supports
                },
            )));
        }
    }
    map.apply(Edit::Batch(edits))
        .unwrap_or_else(|e| panic!("the generated map is invalid: {e}"));
    map
}

#[test]
fn a_long_layout_shows_progress_and_can_be_cancelled() {
    let map = big_map(20_000);
    let before = map.clone();
    let mut harness = harness(StanceApp::new(map, None));
    // The map is arranged, so nothing runs when it opens: its first, slow drawing is over
    // before the layout starts (a layout started with it could end before the window shows).
    harness.step();
    assert!(!harness.state().is_laying_out());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::L);
    // Wait for the progress window.
    let start = Instant::now();
    while harness.query_by_label("Cancel").is_none() && start.elapsed() < Duration::from_secs(30) {
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        harness.state().is_laying_out(),
        "the layout ended before it could be cancelled"
    );
    // Pressed as assistive technology presses a button (by the button, not by a spot on the
    // screen): on a busy machine a pointer click sent in the progress window's first frames
    // was now and then not taken, and the layout ran to its end.
    harness.get_by_label("Cancel").click_accesskit();
    settle_layout(&mut harness);
    assert_eq!(harness.state().status(), Some("Stance layout cancelled"));
    assert_eq!(harness.state().map(), &before);
    assert!(!harness.state().document().can_undo());
}

#[test]
fn a_layout_of_pinned_nodes_says_why_and_offers_to_move_them_too() {
    // Scattered and then all pinned, as if every node had been placed by hand.
    let map = scattered_example(true);
    let before = map.clone();
    let mut harness = harness(StanceApp::new(map, None));
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::L);
    harness.run();
    assert!(!harness.state().is_laying_out(), "nothing starts by itself");
    let offer = harness
        .state()
        .pinned_layout_offer()
        .expect("the offer is shown");
    assert_eq!(offer.pinned, 45);
    harness.get_by_label("Every node is pinned");
    harness.get_by_label_contains("would move nothing");

    // Cancel says so and changes nothing.
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(harness.state().map(), &before);
    assert_eq!(
        harness.state().status(),
        Some("Nothing laid out: every node is pinned")
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::L);
    harness.run();
    harness.get_by_label("Lay out pinned nodes too").click();
    harness.step();
    settle_layout(&mut harness);
    let after = harness.state().map().clone();
    assert!(map_overlaps(&after, &Style::new(Theme::Light), STANCE_GAP - 1.0).is_empty());
    assert!(after.nodes().all(|n| after.node_pinned(n) == Some(false)));
    let status = harness.state().status().unwrap_or_default().to_owned();
    assert!(
        status.starts_with("Stance layout: moved 45 nodes"),
        "{status}"
    );
    // One undo step puts every node back where it was, pinned.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().map(), &before);
}
