//! Dragging a selection from the reader onto the canvas, with real pointer events: dropped on
//! a claim or an actor it opens the coding form with that end filled in, and finishing the
//! form makes the stance with the quote, the source and its date; dropped on empty canvas, or
//! after Escape, it does nothing and the selection stays; a drag elsewhere in the text still
//! selects text.

// Tests fail loudly when their setup goes wrong.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::pointer::{press_and_move, release};
use common::{app, harness, press};
use eframe::egui::{Event, Key, Modifiers, Pos2, Rect, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancemap::app::StanceApp;
use stancemap::model::{
    Actor, ActorId, ActorKind, Claim, ClaimId, Date, Edit, ItemId, Map, Point, Position, Source,
};

type App = Harness<'static, StanceApp>;

const CTRL: Modifiers = Modifiers::COMMAND;

/// Putin is named (by his Chinese name) before the first quote; nobody before the second.
const ARTICLE: &str = "普京表示，北約不得進一步東擴。\n\n\
The White House said sanctions would follow any invasion of Ukraine.";

/// The article's source, Putin, Biden and one claim, spread out on the canvas.
fn map() -> Map {
    let mut map = Map::new("Drop test");
    let mut ids = map.id_allocator();
    let (source, putin, biden, claim) = (ids.source(), ids.actor(), ids.actor(), ids.claim());
    let mut s = Source::new(source, "Call readout", "Agency");
    s.date = Some(Date::constant(2021, 12, 8));
    s.text = Some(ARTICLE.to_owned());
    let mut actor = Actor::new(
        putin,
        "Vladimir Putin",
        ActorKind::Person,
        Point::new(0.0, 0.0),
    );
    actor.aliases = vec!["普京".into()];
    map.apply(Edit::Batch(vec![
        Edit::AddSource(s),
        Edit::AddActor(actor),
        Edit::AddActor(Actor::new(
            biden,
            "Joe Biden",
            ActorKind::Person,
            Point::new(0.0, 250.0),
        )),
        Edit::AddClaim(Claim::new(
            claim,
            "No NATO expansion",
            Point::new(350.0, 120.0),
        )),
    ]))
    .unwrap();
    map
}

fn actor(harness: &App, name: &str) -> ActorId {
    let map = harness.state().map();
    map.actors().find(|a| a.name == name).unwrap().id
}

fn claim(harness: &App, label: &str) -> ClaimId {
    let map = harness.state().map();
    map.claims().find(|c| c.label == label).unwrap().id
}

/// The app on the test map with the reader open and `words` selected in it (found from the
/// keyboard).
fn reader_with_selection(words: &str) -> App {
    let (app, _) = app(map(), None);
    let mut harness = harness(app);
    press(&mut harness, CTRL, Key::R);
    harness.get_by_label("Find in text").focus();
    harness.run();
    harness.get_by_label("Find in text").type_text(words);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let range = harness
        .state()
        .reader()
        .selection()
        .expect("the words are selected");
    assert_eq!(&ARTICLE[range], words);
    harness
}

/// The middle of the selected text on screen.
fn selection_middle(harness: &App) -> Pos2 {
    harness
        .state()
        .reader()
        .selection_line()
        .expect("the selection is in view")
        .center()
}

fn node(harness: &App, label: &str) -> Rect {
    harness.get_by_label(label).rect()
}

/// Drags the selection from its middle onto `to` and drops it there.
fn drag_selection_to(harness: &mut App, to: Pos2) {
    let from = selection_middle(harness);
    press_and_move(harness, from, to);
    release(harness, to);
}

#[test]
fn a_selection_dropped_on_a_claim_opens_the_form_with_the_claim_and_the_offered_actor() {
    let mut harness = reader_with_selection("北約不得進一步東擴");
    let target = node(&harness, "Claim: No NATO expansion").center();
    let from = selection_middle(&harness);
    press_and_move(&mut harness, from, target);
    // While carried, the quote follows the pointer and says what a drop there does.
    harness.get_by_label("“北約不得進一步東擴”");
    harness.get_by_label("Drop to code it on the claim “No NATO expansion”");
    assert!(!harness.state().reader().form_open());
    release(&mut harness, target);

    harness.get_by_label("Code a stance");
    assert_eq!(
        harness.get_by_label("Claim").value().as_deref(),
        Some("No NATO expansion")
    );
    // Putin is named just before the quote: he is proposed, in the field with the keyboard.
    let actor_field = harness.get_by_label("Actor");
    assert_eq!(actor_field.value().as_deref(), Some("Vladimir Putin"));
    assert!(actor_field.is_focused());
    // The quote shows once, in the form: it no longer follows the pointer.
    assert_eq!(
        harness.query_all_by_label("“北約不得進一步東擴”").count(),
        1
    );

    // Enter takes the proposed actor; the claim is known, so a position key creates.
    press(&mut harness, Modifiers::NONE, Key::Enter);
    press(&mut harness, Modifiers::NONE, Key::Num6);
    assert!(!harness.state().reader().form_open());
    let map = harness.state().map();
    let stances: Vec<_> = map.stances().collect();
    assert_eq!(stances.len(), 1);
    let stance = stances[0];
    assert_eq!(stance.quote, "北約不得進一步東擴");
    assert_eq!(stance.source, map.sources().next().map(|s| s.id));
    assert_eq!(stance.date, Some(Date::constant(2021, 12, 8)));
    assert_eq!(stance.actor, actor(&harness, "Vladimir Putin"));
    assert_eq!(stance.claim, claim(&harness, "No NATO expansion"));
    assert_eq!(stance.position, Position::StronglySupports);
    let id = stance.id;
    assert_eq!(
        harness.state().selection().single(),
        Some(ItemId::Stance(id))
    );
    // The reader keeps its selection for the next stance, and one undo takes the stance back.
    assert!(harness.state().reader().selection().is_some());
    press(&mut harness, CTRL, Key::Z);
    assert_eq!(harness.state().map().stances().len(), 0);
}

#[test]
fn a_selection_dropped_on_an_actor_opens_the_form_with_the_actor_and_the_claim_field_focused() {
    let words = "sanctions would follow any invasion";
    let mut harness = reader_with_selection(words);
    let target = node(&harness, "Actor: Joe Biden").center();
    drag_selection_to(&mut harness, target);

    assert_eq!(
        harness.get_by_label("Actor").value().as_deref(),
        Some("Joe Biden")
    );
    let claim_field = harness.get_by_label("Claim");
    assert_eq!(claim_field.value().as_deref(), Some(""));
    assert!(claim_field.is_focused());
    // A few letters and Enter pick the claim; the position key creates the stance.
    for letter in ["n", "a", "t", "o"] {
        harness.event(Event::Text(letter.into()));
    }
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Enter);
    press(&mut harness, Modifiers::NONE, Key::Num2);

    let map = harness.state().map();
    let stance = map.stances().next().expect("a stance was made");
    assert_eq!(stance.quote, words);
    assert_eq!(stance.source, map.sources().next().map(|s| s.id));
    assert_eq!(stance.date, Some(Date::constant(2021, 12, 8)));
    assert_eq!(stance.actor, actor(&harness, "Joe Biden"));
    assert_eq!(stance.claim, claim(&harness, "No NATO expansion"));
    assert_eq!(stance.position, Position::Opposes);
}

#[test]
fn a_selection_dropped_on_empty_canvas_does_nothing_and_stays_selected() {
    let mut harness = reader_with_selection("北約不得進一步東擴");
    let selected = harness.state().reader().selection();
    let canvas = node(&harness, "Map canvas");
    let claim = node(&harness, "Claim: No NATO expansion");
    // Below the claim, where nothing is drawn.
    let empty = claim.center_bottom() + vec2(0.0, 60.0);
    assert!(canvas.contains(empty));
    let from = selection_middle(&harness);
    press_and_move(&mut harness, from, empty);
    harness.get_by_label("Drop on an actor or a claim to code it; Esc cancels");
    release(&mut harness, empty);
    assert!(!harness.state().reader().form_open());
    assert_eq!(harness.state().reader().selection(), selected);
    assert_eq!(harness.state().map().stances().len(), 0);
    assert!(harness.query_by_label("“北約不得進一步東擴”").is_none());
}

#[test]
fn escape_cancels_the_drag_and_the_drop_then_does_nothing() {
    let mut harness = reader_with_selection("北約不得進一步東擴");
    let selected = harness.state().reader().selection();
    let target = node(&harness, "Claim: No NATO expansion").center();
    let from = selection_middle(&harness);
    press_and_move(&mut harness, from, target);
    harness.get_by_label("“北約不得進一步東擴”");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.query_by_label("“北約不得進一步東擴”").is_none());
    // Moving on over the claim and releasing there neither opens the form nor selects text.
    harness.hover_at(target + vec2(4.0, 0.0));
    harness.run();
    release(&mut harness, target + vec2(4.0, 0.0));
    assert!(!harness.state().reader().form_open());
    assert_eq!(harness.state().reader().selection(), selected);
    assert_eq!(harness.state().map().stances().len(), 0);
}

#[test]
fn a_drag_that_starts_outside_the_selection_still_selects_text() {
    let mut harness = reader_with_selection("北約不得進一步東擴");
    let before = harness.state().reader().selection().unwrap();
    let line = harness.state().reader().selection_line().unwrap();
    // From within "普京表示，", before the selection, to the selection's middle.
    // (Glyph widths depend on the fonts at hand: count in the selection's own characters.)
    let per_char = line.width() / "北約不得進一步東擴".chars().count() as f32;
    let from = Pos2::new(line.left() - 2.5 * per_char, line.center().y);
    let to = line.center();
    press_and_move(&mut harness, from, to);
    harness.run();
    assert!(harness.query_by_label("“北約不得進一步東擴”").is_none());
    release(&mut harness, to);
    assert!(!harness.state().reader().form_open());
    let after = harness
        .state()
        .reader()
        .selection()
        .expect("text is selected");
    assert!(
        after.start < before.start && after.end > before.start && after.end < before.end,
        "{:?}",
        &ARTICLE[after]
    );
}
