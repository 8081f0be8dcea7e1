//! The reader and coding from a selection, driven through the app's UI by accessible labels:
//! the example opens with every quote highlighted, a click on a highlight selects its stance,
//! three stances coded from the keyboard alone save with their exact quotes, source and date,
//! and a quote edited away from its text is flagged in Checks and re-anchored.

// Tests fail loudly when their setup goes wrong.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::{app, harness, press, wait_for};
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancemap::app::panels::reader::describe_stance;
use stancemap::app::{AnalysisTab, StanceApp};
use stancemap::example::example_map;
use stancemap::io::load_file;
use stancemap::model::{
    Actor, ActorKind, Claim, Date, Edit, ItemId, Map, Point, Position, Source, StanceId,
};
use stancemap::quotes::{Marks, find_quote};
use std::collections::BTreeSet;

const CTRL: Modifiers = Modifiers::COMMAND;

/// The article of the small test map: a new actor first, then names the map knows.
const ARTICLE: &str = "Antony Blinken warned of severe sanctions if troops cross the border.\n\n\
普京表示，北約不得進一步東擴。\n\n\
Putin added that Russia wants legal guarantees\nagainst NATO expansion.";

fn small_map() -> Map {
    let mut map = Map::new("Reader test");
    let mut ids = map.id_allocator();
    let (source, putin, claim) = (ids.source(), ids.actor(), ids.claim());
    let mut s = Source::new(source, "Call readout", "Agency");
    s.date = Some(Date::constant(2021, 12, 8));
    s.text = Some(ARTICLE.to_owned());
    map.apply(Edit::AddSource(s)).unwrap();
    let mut actor = Actor::new(
        putin,
        "Vladimir Putin",
        ActorKind::Person,
        Point::new(0.0, 0.0),
    );
    actor.aliases = vec!["普京".into(), "Putin".into()];
    map.apply(Edit::AddActor(actor)).unwrap();
    map.apply(Edit::AddClaim(Claim::new(
        claim,
        "No NATO expansion",
        Point::new(300.0, 0.0),
    )))
    .unwrap();
    map
}

fn open_reader(harness: &mut Harness<'static, StanceApp>) {
    press(harness, CTRL, Key::R);
    harness.run();
}

/// Selects `words` in the reader from the keyboard: the find field, then Enter.
fn find_and_select(harness: &mut Harness<'static, StanceApp>, words: &str) {
    let field = harness.get_by_label("Find in text");
    field.focus();
    harness.run();
    // Replace what the field held.
    harness.key_press_modifiers(CTRL, Key::A);
    harness.get_by_label("Find in text").type_text(words);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

fn type_and_enter(harness: &mut Harness<'static, StanceApp>, text: &str) {
    // The form gives the keyboard to its first empty field when it opens.
    for event in text.chars() {
        harness
            .input_mut()
            .events
            .push(eframe::egui::Event::Text(event.to_string()));
    }
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

fn stance_with_quote(map: &Map, quote: &str) -> StanceId {
    map.stances()
        .find(|s| s.quote == quote)
        .map(|s| s.id)
        .unwrap_or_else(|| panic!("no stance quotes {quote:?}"))
}

#[test]
fn the_example_opens_with_every_stance_highlighted_in_its_article() {
    let (app, _) = app(example_map().unwrap(), None);
    let mut harness = harness(app);
    open_reader(&mut harness);
    let highlighted: BTreeSet<StanceId> =
        harness.state().reader().highlighted().into_iter().collect();
    let all: BTreeSet<StanceId> = harness.state().map().stances().map(|s| s.id).collect();
    assert_eq!(all.len(), 44);
    assert_eq!(highlighted, all);
    // Putin is named in the article by his Chinese name and marked as him.
    harness
        .get_all_by_label("普京 (Vladimir Putin)")
        .next()
        .unwrap();
}

#[test]
fn clicking_a_highlight_selects_its_stance() {
    let map = example_map().unwrap();
    let source = map.sources().next().unwrap().id;
    let first = Marks::for_source(&map, source).highlights[0].stance;
    let label = describe_stance(&map, first);
    let (app, _) = app(map, None);
    let mut harness = harness(app);
    open_reader(&mut harness);
    harness.get_all_by_label(&label).next().unwrap().click();
    harness.run();
    let selected = harness.state().selection().single();
    let Some(ItemId::Stance(id)) = selected else {
        panic!("a stance should be selected, not {selected:?}");
    };
    // Two stances may share a quote; the click selects one of those quoting this place.
    assert_eq!(describe_stance(harness.state().map(), id), label);
}

#[test]
fn three_stances_coded_from_the_keyboard_save_with_their_quotes_source_and_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::write_map(dir.path(), "coded.ron", &small_map());
    let (app, _) = app(small_map(), Some(path.clone()));
    let mut harness = harness(app);
    open_reader(&mut harness);

    // 1. Nobody the map knows is named before: the form asks for the actor; a new actor and
    // a new claim are made with the stance, as one undo step.
    find_and_select(&mut harness, "warned of severe sanctions");
    press(&mut harness, Modifiers::NONE, Key::S);
    harness.get_by_label("Code a stance");
    type_and_enter(&mut harness, "Antony Blinken");
    type_and_enter(&mut harness, "Sanctions if Russia invades");
    press(&mut harness, Modifiers::NONE, Key::Num2);
    let map = harness.state().map().clone();
    let first = stance_with_quote(&map, "warned of severe sanctions");
    let stance = map.stance(first).unwrap();
    assert_eq!(map.actor(stance.actor).unwrap().name, "Antony Blinken");
    assert_eq!(
        map.claim(stance.claim).unwrap().label,
        "Sanctions if Russia invades"
    );
    assert_eq!(stance.position, Position::Opposes);
    assert!(!map.actor(stance.actor).unwrap().pinned);
    // The reader keeps its selection for the next stance.
    assert!(harness.state().reader().selection().is_some());
    assert_eq!(
        harness.state().selection().single(),
        Some(ItemId::Stance(first))
    );

    // 2. Putin is named (by his Chinese name) just before: he is offered; the claim is
    // picked with a few letters.
    find_and_select(&mut harness, "北約不得進一步東擴");
    press(&mut harness, Modifiers::NONE, Key::S);
    type_and_enter(&mut harness, "nato");
    press(&mut harness, Modifiers::NONE, Key::Num6);

    // 3. Across a line break (the text's own line break is kept in the quote), on a new claim;
    // Enter creates it with the position used last.
    find_and_select(&mut harness, "legal guarantees against NATO expansion");
    press(&mut harness, Modifiers::NONE, Key::S);
    type_and_enter(&mut harness, "Russia wants legal guarantees");
    harness.key_press(Key::Enter);
    harness.run();

    let map = harness.state().map().clone();
    assert_eq!(map.stances().len(), 3);
    let putin = map
        .actors()
        .find(|a| a.name == "Vladimir Putin")
        .unwrap()
        .id;
    let nato = map
        .claims()
        .find(|c| c.label == "No NATO expansion")
        .unwrap()
        .id;
    let second = map
        .stance(stance_with_quote(&map, "北約不得進一步東擴"))
        .unwrap();
    assert_eq!((second.actor, second.claim), (putin, nato));
    assert_eq!(second.position, Position::StronglySupports);
    let last = map
        .stance(stance_with_quote(
            &map,
            "legal guarantees\nagainst NATO expansion",
        ))
        .unwrap();
    assert_eq!(last.actor, putin);
    assert_eq!(
        map.claim(last.claim).unwrap().label,
        "Russia wants legal guarantees"
    );
    // Enter repeats the last position used.
    assert_eq!(last.position, Position::StronglySupports);

    press(&mut harness, CTRL, Key::S);
    wait_for(&mut harness, "the map is saved", |app| {
        !app.document().is_dirty()
    });
    let saved = load_file(&path).unwrap();
    let source = saved.sources().next().unwrap();
    for stance in saved.stances() {
        assert_eq!(stance.source, Some(source.id));
        assert_eq!(stance.date, Some(Date::constant(2021, 12, 8)));
        assert!(!find_quote(ARTICLE, &stance.quote).is_empty());
        assert!(
            ARTICLE.contains(&stance.quote),
            "{:?} is not verbatim",
            stance.quote
        );
    }
    assert_eq!(saved.stances().len(), 3);

    // Each stance is one undo step, its new actor and claim included.
    press(&mut harness, CTRL, Key::Z);
    press(&mut harness, CTRL, Key::Z);
    press(&mut harness, CTRL, Key::Z);
    let map = harness.state().map();
    assert_eq!(map.stances().len(), 0);
    assert_eq!(map.actors().len(), 1);
    assert_eq!(map.claims().len(), 1);
}

#[test]
fn escape_closes_the_form_without_a_stance() {
    let (app, _) = app(small_map(), None);
    let mut harness = harness(app);
    open_reader(&mut harness);
    find_and_select(&mut harness, "北約");
    press(&mut harness, Modifiers::NONE, Key::S);
    harness.get_by_label("Code a stance");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!harness.state().reader().form_open());
    assert_eq!(harness.state().map().stances().len(), 0);
}

#[test]
fn a_moved_quote_is_flagged_in_checks_and_re_anchored_to_the_selection() {
    let mut map = example_map().unwrap();
    let mut stance = map.stances().next().unwrap().clone();
    let original = stance.quote.clone();
    stance.quote = format!("{original}（改）");
    map.apply(Edit::UpdateStance(stance.clone())).unwrap();
    let (mut app, _) = app(map, None);
    app.show_analysis(AnalysisTab::Checks);
    let mut harness = harness(app);
    open_reader(&mut harness);
    harness.get_by_label_contains("the quote is not in the text of");
    find_and_select(&mut harness, &original);
    harness
        .get_by_label("Re-anchor to the reader's selection")
        .click();
    harness.run();
    let map = harness.state().map();
    let moved = map.stance(stance.id).unwrap();
    assert_eq!(compact(&moved.quote), compact(&original));
    assert!(
        harness
            .query_by_label_contains("the quote is not in the text of")
            .is_none()
    );
    // One undo step brings the edited quote back.
    press(&mut harness, CTRL, Key::Z);
    assert_eq!(
        harness.state().map().stance(stance.id).unwrap().quote,
        stance.quote
    );
}

fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn clicking_a_name_selects_its_actor() {
    let (app, _) = app(small_map(), None);
    let mut harness = harness(app);
    open_reader(&mut harness);
    harness.get_by_label("普京 (Vladimir Putin)").click();
    harness.run();
    let putin = harness
        .state()
        .map()
        .actors()
        .find(|a| a.name == "Vladimir Putin")
        .unwrap()
        .id;
    assert_eq!(
        harness.state().selection().single(),
        Some(ItemId::Actor(putin))
    );
}

#[test]
fn selecting_a_stance_elsewhere_scrolls_the_reader_to_its_quote() {
    let map = example_map().unwrap();
    let putin = map
        .actors()
        .find(|a| a.name == "Vladimir Putin")
        .unwrap()
        .id;
    let red_lines = map
        .stances()
        .find(|s| {
            s.actor == putin
                && map.claim(s.claim).unwrap().label == "Respect Russia's red lines on Ukraine"
        })
        .unwrap()
        .id;
    let label = describe_stance(&map, red_lines);
    let (mut app, _) = app(map, None);
    app.show_analysis(AnalysisTab::Matrix);
    let mut harness = harness(app);
    open_reader(&mut harness);
    assert!(
        harness.query_all_by_label(&label).next().is_none(),
        "the quote should start out of view"
    );
    harness
        .get_by_label(
            "Vladimir Putin on “Respect Russia's red lines on Ukraine”: strongly supports",
        )
        .click();
    harness.run();
    assert_eq!(
        harness.state().selection().single(),
        Some(ItemId::Stance(red_lines))
    );
    // Now in view (a quote the article repeats shows at both places).
    assert!(harness.query_all_by_label(&label).next().is_some());
}

#[test]
fn a_selection_that_names_an_actor_offers_it_and_typing_replaces_it() {
    let (app, _) = app(small_map(), None);
    let mut harness = harness(app);
    open_reader(&mut harness);
    find_and_select(&mut harness, "Putin added that Russia wants");
    press(&mut harness, Modifiers::NONE, Key::S);
    assert_eq!(
        harness.get_by_label("Actor").value().as_deref(),
        Some("Vladimir Putin")
    );
    // Back to the actor field: what is typed replaces the offered name.
    press(&mut harness, Modifiers::SHIFT, Key::Tab);
    type_and_enter(&mut harness, "Sergey Lavrov");
    type_and_enter(&mut harness, "No NATO expansion");
    press(&mut harness, Modifiers::NONE, Key::Num5);
    let map = harness.state().map();
    let stance = map.stances().next().unwrap();
    assert_eq!(map.actor(stance.actor).unwrap().name, "Sergey Lavrov");
    assert_eq!(stance.quote, "Putin added that Russia wants");
}

#[test]
fn the_stance_date_starts_as_the_sources_then_the_last_ones_and_a_bad_date_is_refused() {
    let (app, _) = app(small_map(), None);
    let mut harness = harness(app);
    open_reader(&mut harness);
    find_and_select(&mut harness, "北約不得");
    press(&mut harness, Modifiers::NONE, Key::S);
    assert_eq!(
        harness.get_by_label("Date").value().as_deref(),
        Some("2021-12-08")
    );
    type_and_enter(&mut harness, "nato");
    let retype = |harness: &mut Harness<'static, StanceApp>, text: &str| {
        harness.get_by_label("Date").focus();
        harness.run();
        harness.key_press_modifiers(CTRL, Key::A);
        harness.get_by_label("Date").type_text(text);
        harness.run();
        harness.key_press(Key::Enter);
        harness.run();
    };
    retype(&mut harness, "7 Dec");
    harness.get_by_label_contains("is not a date");
    assert_eq!(harness.state().map().stances().len(), 0);
    assert!(harness.state().reader().form_open());
    retype(&mut harness, "2021-12-07");
    let map = harness.state().map();
    let stance = map.stances().next().unwrap();
    assert_eq!(stance.date, Some(Date::constant(2021, 12, 7)));
    assert_eq!(stance.position, Position::Supports);
    // The next quote from the same source starts with the date its stances have, not the source's
    // (Escape first: the new stance's own Date field leaves the inspector with it).
    press(&mut harness, Modifiers::NONE, Key::Escape);
    find_and_select(&mut harness, "北約不得進一步東擴");
    press(&mut harness, Modifiers::NONE, Key::S);
    assert_eq!(
        harness.get_by_label("Date").value().as_deref(),
        Some("2021-12-07")
    );
}

#[test]
fn the_form_opens_just_below_the_selection_and_wholly_on_screen() {
    let (app, _) = app(small_map(), None);
    let mut harness = harness(app);
    open_reader(&mut harness);
    find_and_select(&mut harness, "北約不得進一步東擴");
    let line = harness.state().reader().selection_line().unwrap();
    press(&mut harness, Modifiers::NONE, Key::S);
    let title = harness.get_by_label("Code a stance").rect();
    // The window's title bar starts just under the selected line, at its left.
    assert!(
        title.top() > line.bottom() && title.top() < line.bottom() + 30.0,
        "title {title:?}, selected line {line:?}"
    );
    assert!(
        (title.left() - line.left()).abs() < 30.0,
        "{title:?} {line:?}"
    );
    let last = harness
        .get_by_label_contains("Keys 1–6 create the stance")
        .rect();
    let screen = eframe::egui::Rect::from_min_size(
        eframe::egui::Pos2::ZERO,
        eframe::egui::vec2(1280.0, 800.0),
    );
    assert!(screen.contains_rect(title.union(last)), "{last:?}");
}
