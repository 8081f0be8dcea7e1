//! UI tests of the canvas, the inspector and the lists, driven through accessible labels and
//! pointer and keyboard events the way a person would use them, asserting on the map.

use eframe::egui::{self, Event, Key, Modifiers, PointerButton, Pos2, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancemap::app::StanceApp;
use stancemap::io::load_str;
use stancemap::layout::{NEW_NODE_GAP, map_overlaps};
use stancemap::model::{Claim, Date, Edit, ItemId, Map, Point, Position, Source};
use stancemap::scene::{Style, Theme};
use std::path::Path;

mod common;

use common::pointer::{click_at, click_menu, double_click, drag, right_click_at};
use common::press;

type App<'a> = Harness<'a, StanceApp>;

fn harness(map: Map) -> App<'static> {
    Harness::builder()
        .with_size([1280.0, 800.0])
        // Real time between frames, so two quick clicks make a double-click.
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(600)
        // The example map's quotes are in Chinese; these tests do not need the glyphs.
        .allow_missing_glyphs()
        .build_ui_state(
            |ui, app: &mut StanceApp| app.ui(ui),
            StanceApp::new(map, None),
        )
}

/// The canvas tests' own map (a copy of the example map as laid out when these tests were
/// written, so that a new layout of the example does not move what they click).
fn fixture_map() -> Map {
    let text = include_str!("fixtures/canvas/call-2021.ron");
    load_str(text, Path::new("call-2021.ron"))
        .unwrap_or_else(|e| panic!("the canvas fixture does not load: {e}"))
}

/// The app on the fixture map with all of it in view (it opens on the map's top at a zoom
/// where labels can be read; F fits the whole map).
fn whole_map() -> App<'static> {
    let map = fixture_map();
    let mut harness = harness(map);
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::F);
    harness
}

fn rect_of(harness: &App<'static>, label: &str) -> Rect {
    harness.get_by_label(label).rect()
}

/// Types a node's label into the in-place editor that double-click (or N) opened.
fn type_label(harness: &mut App<'static>, field: &str, text: &str) {
    harness.run();
    harness.get_by_label(field).type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

/// Builds "Russian troops" and "Jens Stoltenberg" on an empty map with double-clicks.
fn claim_and_actor(harness: &mut App<'static>) {
    harness.run();
    let canvas = rect_of(harness, "Map canvas");
    double_click(
        harness,
        canvas.center() + eframe::egui::vec2(150.0, 0.0),
        Modifiers::NONE,
    );
    type_label(
        harness,
        "Claim label",
        "Russian troops must leave the border",
    );
    // Shift+double-click adds an actor instead.
    double_click(
        harness,
        canvas.center() - eframe::egui::vec2(200.0, 0.0),
        Modifiers::SHIFT,
    );
    type_label(harness, "Actor name", "Jens Stoltenberg");
}

#[test]
fn double_clicks_create_a_claim_and_an_actor() {
    let mut harness = harness(Map::new("empty"));
    claim_and_actor(&mut harness);
    let map = harness.state().map();
    assert_eq!(map.claims().len(), 1, "{:?}", harness.state().status());
    assert_eq!(map.actors().len(), 1, "{:?}", harness.state().status());
    let claim = map.claims().next().unwrap();
    assert_eq!(claim.label, "Russian troops must leave the border");
    assert!(
        !claim.pinned,
        "a new node is free for layouts until it is moved by hand"
    );
    assert!(!map.actors().next().unwrap().pinned);
    assert_eq!(
        claim.text, "",
        "the full text starts empty, not as a copy of the label"
    );
    assert_eq!(map.actors().next().unwrap().name, "Jens Stoltenberg");
    // The new nodes are on the canvas under their names.
    harness.get_by_label("Claim: Russian troops must leave the border");
    harness.get_by_label("Actor: Jens Stoltenberg");
}

#[test]
fn escape_cancels_a_new_claim() {
    let mut harness = harness(Map::new("empty"));
    harness.run();
    let canvas = rect_of(&harness, "Map canvas");
    double_click(&harness, canvas.center(), Modifiers::NONE);
    harness.run();
    harness.get_by_label("Claim label").type_text("Never mind");
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().map().claims().len(), 0);
}

/// Drags from the actor's connection handle onto the claim, which opens the drop menu.
fn drop_actor_on_claim(harness: &mut App<'static>) {
    let actor = rect_of(harness, "Actor: Jens Stoltenberg");
    let claim = rect_of(harness, "Claim: Russian troops must leave the border");
    // Hovering the actor shows its handle on the middle of its right side.
    harness.hover_at(actor.center());
    harness.run();
    let handle = Pos2::new(actor.right(), actor.center().y);
    drag(harness, handle, claim.center(), Modifiers::NONE);
    harness.run();
}

/// Drags from the actor's connection handle onto the claim and picks "Opposes" (the menu
/// shows each position's digit beside it).
fn connect_opposing(harness: &mut App<'static>) {
    drop_actor_on_claim(harness);
    harness.get_by_label("Opposes 2").click();
    harness.run();
}

#[test]
fn the_drop_menu_takes_the_digits_one_to_six() {
    let mut harness = harness(Map::new("empty"));
    claim_and_actor(&mut harness);
    drop_actor_on_claim(&mut harness);
    harness.get_by_label("Strongly supports 6");
    harness.get_by_label("Strongly opposes 1");
    press(&mut harness, Modifiers::NONE, Key::Num3);
    let map = harness.state().map();
    let stances: Vec<_> = map.stances().collect();
    assert_eq!(stances.len(), 1, "{:?}", harness.state().status());
    assert_eq!(stances[0].position, Position::Neutral);
    assert!(
        harness.query_by_label("Strongly supports 6").is_none(),
        "the menu closed"
    );
}

#[test]
fn a_stance_drawn_on_the_canvas_cites_the_current_source_and_its_date() {
    let mut harness = harness(Map::new("empty"));
    claim_and_actor(&mut harness);
    let app = harness.state_mut();
    let mut ids = app.map().id_allocator();
    let (first, second) = (ids.source(), ids.source());
    let mut xinhua = Source::new(first, "Xinhua analysis", "Xinhua");
    xinhua.date = Some(Date::constant(2021, 12, 7));
    let mut tass = Source::new(second, "TASS report", "TASS");
    tass.date = Some(Date::constant(2021, 12, 8));
    assert!(app.apply(Edit::Batch(vec![
        Edit::AddSource(xinhua),
        Edit::AddSource(tass)
    ])));
    harness.run();
    // The last source added is current until another is picked in the toolbar.
    assert_eq!(harness.state().current_source(), Some(second));
    harness.get_by_label("Source:").click();
    harness.run();
    harness.get_by_label("Xinhua analysis").click();
    harness.run();
    assert_eq!(harness.state().current_source(), Some(first));
    connect_opposing(&mut harness);
    let map = harness.state().map();
    let stance = map.stances().next().expect("a stance was made");
    assert_eq!(stance.source, Some(first));
    assert_eq!(stance.date, Some(Date::constant(2021, 12, 7)));
}

#[test]
fn dragging_from_a_handle_connects_with_the_chosen_polarity() {
    let mut harness = harness(Map::new("empty"));
    claim_and_actor(&mut harness);
    connect_opposing(&mut harness);
    let map = harness.state().map();
    let stances: Vec<_> = map.stances().collect();
    assert_eq!(stances.len(), 1, "{:?}", harness.state().status());
    assert_eq!(stances[0].position, Position::Opposes);
    // The new stance is selected, ready for its quote.
    assert_eq!(
        harness.state().selection().single(),
        Some(ItemId::Stance(stances[0].id))
    );
}

#[test]
fn connecting_two_actors_is_refused_with_a_reason() {
    let mut harness = whole_map();
    let putin = rect_of(&harness, "Actor: Vladimir Putin");
    let biden = rect_of(&harness, "Actor: Joe Biden");
    let before = harness.state().map().clone();
    // Alt+drag connects from anywhere on a node.
    drag(&harness, putin.center(), biden.center(), Modifiers::ALT);
    harness.run();
    assert_eq!(harness.state().map(), &before);
    let status = harness.state().status().unwrap_or_default().to_owned();
    assert!(status.contains("Cannot connect"), "{status}");
    assert!(status.contains("actors cannot be connected"), "{status}");
}

#[test]
fn the_quote_is_edited_in_the_inspector_and_undone_and_redone_in_one_step() {
    let mut harness = harness(Map::new("empty"));
    claim_and_actor(&mut harness);
    connect_opposing(&mut harness);
    let quote = |h: &App<'static>| h.state().map().stances().next().unwrap().quote.clone();

    harness.get_by_label("Quote").focus();
    harness.run();
    // Typed over several frames: still one typing session.
    for word in ["Russia ", "must ", "pull ", "back"] {
        harness.get_by_label("Quote").type_text(word);
        harness.run();
    }
    assert_eq!(quote(&harness), "Russia must pull back");
    // Leaving the field ends the session.
    harness.key_press(Key::Escape);
    harness.run();

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        quote(&harness),
        "",
        "one undo takes back the whole typing session"
    );
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(quote(&harness), "Russia must pull back");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    click_menu(&mut harness, "Edit", "Redo");
    assert_eq!(quote(&harness), "Russia must pull back");
}

#[test]
fn box_select_then_delete_removes_the_nodes_and_their_stances() {
    let mut harness = whole_map();
    // Two actors that stand next to each other in the fixture's layout.
    let first = rect_of(&harness, "Actor: Sergei Kislitsyn");
    let second = rect_of(&harness, "Actor: Ivan Safranchuk");
    let both = first.union(second).expand(6.0);
    drag(
        &harness,
        both.left_top(),
        both.right_bottom(),
        Modifiers::NONE,
    );
    harness.run();
    let selection = harness.state().selection().clone();
    let names: Vec<String> = selection
        .items()
        .map(|i| harness.state().map().describe(i))
        .collect();
    assert_eq!(selection.len(), 2, "{names:?}");
    let before = harness.state().map().clone();
    press(&mut harness, Modifiers::NONE, Key::Delete);
    let map = harness.state().map();
    assert_eq!(map.actors().len(), before.actors().len() - 2);
    assert!(
        map.actors()
            .all(|a| a.name != "Sergei Kislitsyn" && a.name != "Ivan Safranchuk")
    );
    assert!(
        map.stances()
            .all(|s| selection.items().all(|i| i.raw() != s.actor.0)),
        "their stances went with them"
    );
    // One undo brings both back with their stances.
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().map(), &before);
}

#[test]
fn copy_paste_and_duplicate_make_new_items() {
    let mut harness = whole_map();
    let label = "Claim: Nord Stream 2 should go ahead";
    harness.get_by_label(label).click();
    harness.run();
    let original = harness.state().selection().single().unwrap();
    press(&mut harness, Modifiers::COMMAND, Key::C);
    press(&mut harness, Modifiers::COMMAND, Key::V);
    let pasted = harness.state().selection().single().unwrap();
    assert_ne!(pasted, original);
    let map = harness.state().map();
    let copies = map
        .claims()
        .filter(|c| c.label == "Nord Stream 2 should go ahead")
        .count();
    assert_eq!(copies, 2);
    press(&mut harness, Modifiers::COMMAND, Key::D);
    let duplicate = harness.state().selection().single().unwrap();
    assert!(![original, pasted].contains(&duplicate));
    let copies = harness
        .state()
        .map()
        .claims()
        .filter(|c| c.label == "Nord Stream 2 should go ahead")
        .count();
    assert_eq!(copies, 3);
    // The copies found free room: none sits on, or crowds, another node.
    let style = Style::new(Theme::Light);
    let copies = [original, pasted, duplicate];
    let crowded: Vec<_> = map_overlaps(harness.state().map(), &style, NEW_NODE_GAP - 1.0)
        .into_iter()
        .filter(|(a, b)| copies.contains(&ItemId::from(*a)) || copies.contains(&ItemId::from(*b)))
        .collect();
    assert!(crowded.is_empty(), "{crowded:?}");
}

#[test]
fn search_selects_matches_and_enter_steps_through_them() {
    let mut harness = whole_map();
    press(&mut harness, Modifiers::COMMAND, Key::F);
    // Putin's Chinese alias finds him.
    harness.get_by_label("Search").type_text("普京");
    harness.run();
    let map = harness.state().map().clone();
    let putin = map
        .actors()
        .find(|a| a.name == "Vladimir Putin")
        .unwrap()
        .id;
    assert!(harness.state().selection().contains(ItemId::Actor(putin)));
    // A word from the claims selects all the claims that have it; Enter jumps to one.
    harness.get_by_label("Search").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Search").type_text("NATO");
    harness.run();
    let matches = harness.state().selection().len();
    assert!(matches > 1, "{matches}");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().selection().len(), 1);
}

#[test]
fn dragging_a_node_moves_and_pins_it_in_one_undo_step() {
    let mut harness = whole_map();
    // Zoom in on Biden first, so he is big enough to grab.
    harness.get_by_label("Actor: Joe Biden").click();
    harness.run();
    press(&mut harness, Modifiers::SHIFT, Key::F);
    let biden = rect_of(&harness, "Actor: Joe Biden");
    let id = harness
        .state()
        .map()
        .actors()
        .find(|a| a.name == "Joe Biden")
        .unwrap()
        .id;
    let before = harness.state().map().actor(id).unwrap().clone();
    drag(
        &harness,
        biden.center() - eframe::egui::vec2(20.0, 0.0),
        biden.center() + eframe::egui::vec2(60.0, 90.0),
        Modifiers::NONE,
    );
    harness.run();
    let after = harness.state().map().actor(id).unwrap().clone();
    assert!(
        after.at.y > before.at.y && after.at.x > before.at.x,
        "{after:?}"
    );
    assert!(after.pinned);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().map().actor(id), Some(&before));
    // Arrow keys nudge the selected node.
    harness.get_by_label("Actor: Joe Biden").click();
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::ArrowRight);
    press(&mut harness, Modifiers::NONE, Key::ArrowRight);
    let nudged = harness.state().map().actor(id).unwrap().at;
    assert_eq!(nudged.x, before.at.x + 20.0);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().map().actor(id).unwrap().at, before.at);
}

/// Puts `count` presses of `key` into the input of one single frame, as a slow frame on a
/// large map receives them, and runs that frame.
fn presses_in_one_frame(harness: &mut App<'static>, modifiers: Modifiers, key: Key, count: usize) {
    let events = &mut harness.input_mut().events;
    for _ in 0..count {
        for pressed in [true, false] {
            events.push(Event::Key {
                key,
                physical_key: None,
                pressed,
                repeat: false,
                modifiers,
            });
        }
    }
    harness.step();
    harness.run();
}

#[test]
fn five_presses_within_one_frame_nudge_five_times_and_undo_five_times() {
    let mut harness = whole_map();
    harness.get_by_label("Actor: Joe Biden").click();
    harness.run();
    let id = harness
        .state()
        .map()
        .actors()
        .find(|a| a.name == "Joe Biden")
        .unwrap()
        .id;
    let before = harness.state().map().actor(id).unwrap().at;
    presses_in_one_frame(&mut harness, Modifiers::NONE, Key::ArrowRight, 5);
    let nudged = harness.state().map().actor(id).unwrap().at;
    assert_eq!(nudged.x, before.x + 50.0);
    presses_in_one_frame(&mut harness, Modifiers::SHIFT, Key::ArrowDown, 2);
    let nudged = harness.state().map().actor(id).unwrap().at;
    assert_eq!(nudged.y, before.y + 100.0);
    // A new direction is the same run of presses: one undo step takes back all seven.
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().map().actor(id).unwrap().at, before);
    // Five separate undo steps, taken back by five presses in one frame.
    for step in 1..=5 {
        let moved = Point::new(before.x - 10.0 * step as f32, before.y);
        assert!(harness.state_mut().apply(Edit::MoveNodes {
            moves: vec![(id.into(), moved)],
            pinned: true,
        }));
    }
    harness.run();
    assert_eq!(
        harness.state().map().actor(id).unwrap().at.x,
        before.x - 50.0
    );
    presses_in_one_frame(&mut harness, Modifiers::COMMAND, Key::Z, 5);
    assert_eq!(harness.state().map().actor(id).unwrap().at, before);
}

#[test]
fn clicking_selects_and_shift_click_adds() {
    let mut harness = whole_map();
    let putin = rect_of(&harness, "Actor: Vladimir Putin");
    let biden = rect_of(&harness, "Actor: Joe Biden");
    click_at(&harness, putin.center(), Modifiers::NONE);
    harness.run();
    assert_eq!(harness.state().selection().len(), 1);
    click_at(&harness, biden.center(), Modifiers::SHIFT);
    harness.run();
    assert_eq!(harness.state().selection().len(), 2);
    press(&mut harness, Modifiers::COMMAND, Key::A);
    let map = harness.state().map();
    let all = map.node_count() + map.stances().len() + map.relations().len();
    assert_eq!(harness.state().selection().len(), all);
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.state().selection().is_empty());
}

#[test]
fn the_lists_filter_and_select() {
    let mut harness = whole_map();
    // The actors come below the claims: scroll down to them first.
    harness.get_by_label("Filter actors").scroll_to_me();
    harness.run();
    harness.get_by_label("Filter actors").focus();
    harness.run();
    harness.get_by_label("Filter actors").type_text("peskov");
    harness.run();
    assert!(
        harness
            .query_by_label("Vladimir Putin (person, Russia)")
            .is_none(),
        "the filter hides the others"
    );
    harness
        .get_by_label("Dmitry Peskov (person, Russia)")
        .click();
    harness.run();
    let map = harness.state().map();
    let peskov = map.actors().find(|a| a.name == "Dmitry Peskov").unwrap().id;
    assert_eq!(
        harness.state().selection().single(),
        Some(ItemId::Actor(peskov))
    );
    // The inspector now edits him.
    assert_eq!(
        harness.get_by_label("Name").value().as_deref(),
        Some("Dmitry Peskov")
    );
}

#[test]
fn panning_and_zooming_move_the_view_not_the_map() {
    let mut harness = whole_map();
    let before = harness.state().map().clone();
    let biden = rect_of(&harness, "Actor: Joe Biden");

    // A right-button drag pans: the node follows the pointer.
    let start = biden.center() + eframe::egui::vec2(0.0, 40.0);
    harness.hover_at(start);
    harness.event(Event::PointerButton {
        pos: start,
        button: PointerButton::Secondary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    for step in 1..=4 {
        harness.hover_at(start + eframe::egui::vec2(-15.0, 10.0) * step as f32);
    }
    harness.event(Event::PointerButton {
        pos: start + eframe::egui::vec2(-60.0, 40.0),
        button: PointerButton::Secondary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    let panned = rect_of(&harness, "Actor: Joe Biden");
    let moved = panned.center() - biden.center();
    assert!(
        (moved - eframe::egui::vec2(-60.0, 40.0)).length() < 8.0,
        "{moved:?}"
    );

    // Pinching (or Ctrl+wheel) zooms around the pointer: the node under it stays put.
    harness.hover_at(panned.center());
    harness.event(Event::Zoom(1.5));
    harness.run();
    let zoomed = rect_of(&harness, "Actor: Joe Biden");
    assert!(zoomed.width() > panned.width() * 1.3, "{zoomed:?}");
    assert!((zoomed.center() - panned.center()).length() < 2.0);
    // The keyboard zooms too, and F fits the whole map again.
    press(&mut harness, Modifiers::NONE, Key::Minus);
    assert!(rect_of(&harness, "Actor: Joe Biden").width() < zoomed.width());
    press(&mut harness, Modifiers::NONE, Key::F);
    assert!((rect_of(&harness, "Actor: Joe Biden").width() - biden.width()).abs() < 1.0);
    assert_eq!(
        harness.state().map(),
        &before,
        "the view moved, the map did not"
    );
}

#[test]
fn the_context_menu_acts_on_the_clicked_node_and_on_the_clicked_spot() {
    let mut harness = whole_map();
    // Right-click on an actor that is not selected: it becomes the selection, and the
    // menu's Delete removes it (with its stances).
    let label = "Actor: Yuri Rogulev";
    let rogulev = rect_of(&harness, label).center();
    right_click_at(&mut harness, rogulev);
    assert_eq!(harness.state().selection().len(), 1);
    // Menu entries carry their shortcut in their name: "Delete Delete".
    harness.get_by_label_contains("Delete").click();
    harness.run();
    let map = harness.state().map();
    assert!(map.actors().all(|a| a.name != "Yuri Rogulev"));
    assert!(harness.query_by_label(label).is_none());

    // Right-click on empty canvas clears the selection; New claim opens the label editor
    // where the menu was opened, and the claim lands there.
    let spot = harness
        .get_by_label("Actor: Vladimir Putin")
        .rect()
        .center_bottom()
        + egui::vec2(0.0, 60.0);
    right_click_at(&mut harness, spot);
    assert!(harness.state().selection().is_empty());
    harness.get_by_label_contains("New claim").click();
    harness.run();
    harness
        .get_by_label("Claim label")
        .type_text("Red lines over Ukraine");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let claim = harness
        .state()
        .map()
        .claims()
        .find(|c| c.label == "Red lines over Ukraine")
        .expect("the claim was made")
        .clone();
    let on_screen = harness.get_by_label("Claim: Red lines over Ukraine").rect();
    assert!(
        on_screen.expand(80.0).contains(spot),
        "made near the right-click: {on_screen:?} vs {spot:?} ({:?})",
        claim.at
    );
}

#[test]
fn pasting_text_that_is_not_a_map_says_so_and_changes_nothing() {
    let mut harness = whole_map();
    let before = harness.state().map().clone();
    harness.event(Event::Paste("NATO must not expand further east".to_owned()));
    harness.run();
    assert_eq!(harness.state().map(), &before);
    assert_eq!(
        harness.state().status(),
        Some("The clipboard holds text, not map items: nothing pasted")
    );
    // Map text (as another stancemap window puts on the clipboard) does paste.
    let mut other = Map::new("Other");
    let id = other.id_allocator().claim();
    other
        .apply(Edit::AddClaim(Claim::new(
            id,
            "Sanctions will follow",
            Point::default(),
        )))
        .unwrap();
    harness.event(Event::Paste(stancemap::io::to_ron_string(&other).unwrap()));
    harness.run();
    assert_eq!(
        harness.state().map().claims().len(),
        before.claims().len() + 1
    );
}

#[test]
fn the_overview_shows_only_while_part_of_the_map_is_out_of_view() {
    let mut harness = whole_map();
    assert!(
        harness.query_by_label("Map overview").is_none(),
        "the whole map is in view, yet the overview covers part of it"
    );
    for _ in 0..4 {
        press(&mut harness, Modifiers::NONE, Key::Plus);
    }
    harness.get_by_label("Map overview");
}

#[test]
fn a_new_actor_with_a_long_name_is_brought_wholly_into_view() {
    let mut harness = harness(Map::new("empty"));
    harness.run();
    let canvas = rect_of(&harness, "Map canvas");
    // Right at the canvas's left edge, beside the lists panel.
    double_click(
        &harness,
        canvas.left_center() + egui::vec2(8.0, 0.0),
        Modifiers::SHIFT,
    );
    let name = "Jake Sullivan (United States National Security Adviser to President Biden)";
    type_label(&mut harness, "Actor name", name);
    harness.run();
    let canvas = rect_of(&harness, "Map canvas");
    let node = rect_of(&harness, &format!("Actor: {name}"));
    assert!(
        canvas.contains_rect(node),
        "the new actor {node:?} is cut off by the canvas's edge {canvas:?}"
    );
}

#[test]
fn opening_the_analysis_panel_keeps_the_whole_map_in_view() {
    let mut harness = whole_map();
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
    harness.run();
    let canvas = rect_of(&harness, "Map canvas");
    let map = harness.state().map().clone();
    for actor in map.actors() {
        let node = rect_of(&harness, &format!("Actor: {}", actor.name));
        assert!(
            canvas.expand(1.0).contains_rect(node),
            "{} is cut off: {node:?} outside {canvas:?}",
            actor.name
        );
    }
}

/// Hands the harness's queued input to the app's input ordering (as eframe does before every
/// frame) and runs one frame.
fn frame_in_input_order(harness: &mut App<'static>) {
    let ctx = harness.ctx.clone();
    let mut input = std::mem::take(harness.input_mut());
    harness.state_mut().order_input(&ctx, &mut input);
    *harness.input_mut() = input;
    harness.step();
}

/// Queues a key press with the text it types, as a keyboard sends it.
fn queue_typed_key(harness: &mut App<'static>, key: Key, text: Option<&str>) {
    let events = &mut harness.input_mut().events;
    for pressed in [true, false] {
        events.push(Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: Modifiers::NONE,
        });
        if let (true, Some(text)) = (pressed, text) {
            events.push(Event::Text(text.to_owned()));
        }
    }
}

#[test]
fn a_label_typed_in_the_same_frame_as_the_n_that_opens_its_editor_is_kept() {
    let mut harness = harness(Map::new("empty"));
    harness.run();
    queue_typed_key(&mut harness, Key::N, Some("n"));
    for letter in "Red lines".chars() {
        let name = letter.to_ascii_uppercase().to_string();
        let key = if letter == ' ' {
            Key::Space
        } else {
            Key::from_name(&name).unwrap()
        };
        queue_typed_key(&mut harness, key, Some(&letter.to_string()));
    }
    queue_typed_key(&mut harness, Key::Enter, None);
    // Enough frames for the editor to open and take the held keys.
    for _ in 0..10 {
        frame_in_input_order(&mut harness);
    }
    harness.run();
    let labels: Vec<String> = harness
        .state()
        .map()
        .claims()
        .map(|c| c.label.clone())
        .collect();
    assert_eq!(labels, ["Red lines"], "{:?}", harness.state().status());
}
