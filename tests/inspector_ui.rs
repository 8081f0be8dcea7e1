//! The inspector's fields, driven through the real app by accessible labels: nothing typed is
//! ever dropped, even when the last keystrokes and a click on another field arrive in the same
//! frame.

// Setup that fails should fail the test loudly.
#![allow(clippy::unwrap_used)]

mod common;

use common::{app, harness};
use eframe::egui::{self, Event, Key, Modifiers};
use egui_kittest::kittest::Queryable;
use stancemap::model::{Date, Edit, Map, Source};

/// A map with one source and nothing else.
fn map_with_a_source() -> Map {
    let mut map = Map::new("Dates");
    let id = map.id_allocator().source();
    map.apply(Edit::AddSource(Source::new(
        id,
        "Xinhua analysis",
        "Xinhua",
    )))
    .unwrap();
    map
}

/// A press and release of the mouse over the field `label`, queued for the next frame.
fn click_with_the_mouse(
    harness: &mut egui_kittest::Harness<'static, stancemap::app::StanceApp>,
    label: &str,
) {
    let pos = harness.get_by_label(label).rect().center();
    let events = &mut harness.input_mut().events;
    events.push(Event::PointerMoved(pos));
    for pressed in [true, false] {
        events.push(Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
}

/// Opens the Sources list and selects its one source, so the inspector shows it.
fn select_the_source(harness: &mut egui_kittest::Harness<'static, stancemap::app::StanceApp>) {
    harness.get_by_label("Sources (1)").click();
    harness.run();
    harness.get_by_label("Xinhua analysis").click();
    harness.run();
}

#[test]
fn a_date_typed_fast_before_a_click_on_another_field_is_kept() {
    let (app, _) = app(map_with_a_source(), None);
    let mut harness = harness(app);
    select_the_source(&mut harness);
    harness.get_by_label("Published").click();
    harness.run();
    harness.get_by_label("Published").type_text("2021-12-1");
    harness.run();
    // The last digit and a click on the Publisher field arrive within one frame.
    harness.input_mut().events.push(Event::Text("7".into()));
    click_with_the_mouse(&mut harness, "Publisher");
    let ctx = harness.ctx.clone();
    let mut input = std::mem::take(harness.input_mut());
    harness.state_mut().order_input(&ctx, &mut input);
    *harness.input_mut() = input;
    harness.step();
    // The held-back click reaches the app in the next frame.
    let ctx = harness.ctx.clone();
    let mut input = std::mem::take(harness.input_mut());
    harness.state_mut().order_input(&ctx, &mut input);
    *harness.input_mut() = input;
    harness.run();
    let source = harness.state().map().sources().next().unwrap().clone();
    assert_eq!(source.date, Some(Date::constant(2021, 12, 17)));
    assert_eq!(source.publisher, "Xinhua");
}

#[test]
fn a_date_that_cannot_be_read_stays_in_its_field_with_the_reason() {
    let (app, _) = app(map_with_a_source(), None);
    let mut harness = harness(app);
    select_the_source(&mut harness);
    harness.get_by_label("Published").click();
    harness.run();
    harness.get_by_label("Published").type_text("17 Dec 2021");
    harness.run();
    harness.key_press_modifiers(Modifiers::NONE, Key::Tab);
    harness.run();
    // Not a date, so not in the map; but not thrown away either.
    assert_eq!(harness.state().map().sources().next().unwrap().date, None);
    let field = harness.get_by_label("Published");
    assert_eq!(field.value().as_deref(), Some("17 Dec 2021"));
    harness.get_by_label("not saved: write the date as YYYY-MM-DD, e.g. 2021-12-07");
}

#[test]
fn several_selected_items_are_counted_in_singular_and_plural() {
    let mut map = common::small_map("Counts", &["A claim"]);
    let id = map.id_allocator().actor();
    map.apply(Edit::AddActor(stancemap::model::Actor::new(
        id,
        "An actor",
        stancemap::model::ActorKind::Person,
        stancemap::model::Point::new(0.0, 200.0),
    )))
    .unwrap();
    let (app, _) = app(map, None);
    let mut harness = harness(app);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_label("1 claim, 1 actor");
}

#[test]
fn a_short_name_typed_in_the_inspector_is_drawn_and_undone_in_one_step() {
    let (app, _) = app(stancemap::example::example_map().unwrap(), None);
    let mut harness = harness(app);
    harness.get_by_label("Actor: Vladimir Putin").click();
    harness.run();
    harness.get_by_label("Short name").click();
    harness.run();
    harness.get_by_label("Short name").type_text("Putin");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let putin = |harness: &egui_kittest::Harness<'static, stancemap::app::StanceApp>| {
        harness
            .state()
            .map()
            .actors()
            .find(|a| a.name == "Vladimir Putin")
            .unwrap()
            .clone()
    };
    assert_eq!(putin(&harness).short_name.as_deref(), Some("Putin"));
    assert_eq!(putin(&harness).drawn_name(), "Putin");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(putin(&harness).short_name, None);
}
