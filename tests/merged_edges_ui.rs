//! An actor's repeated stances on one claim, drawn as one edge with a count: a click on that
//! edge selects every stance it stands for, and the inspector lists them so each one can be
//! reached and edited.

use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use stancemap::app::StanceApp;
use stancemap::model::{
    Actor, ActorKind, Claim, Date, Edit, ItemId, Map, Point, Position, Source, Stance, StanceId,
};

/// Putin opposing one claim twice, in the same source on two dates.
fn map() -> (Map, [StanceId; 2]) {
    let mut map = Map::new("Repeated positions");
    let mut ids = map.id_allocator();
    let (putin, nato, source) = (ids.actor(), ids.claim(), ids.source());
    let (first, second) = (ids.stance(), ids.stance());
    let stance = |id, day| {
        Edit::AddStance(Stance {
            date: Some(Date::constant(2021, 12, day)),
            source: Some(source),
            ..Stance::new(id, putin, nato, Position::Opposes)
        })
    };
    map.apply(Edit::Batch(vec![
        Edit::AddActor(Actor::new(
            putin,
            "Putin",
            ActorKind::Person,
            Point::new(0.0, 0.0),
        )),
        Edit::AddClaim(Claim::new(nato, "NATO may expand", Point::new(500.0, 0.0))),
        Edit::AddSource(Source::new(source, "Call readout", "Kremlin")),
        stance(first, 1),
        stance(second, 7),
    ]))
    .unwrap_or_else(|e| panic!("the test map is valid: {e}"));
    (map, [first, second])
}

fn selected(harness: &Harness<'_, StanceApp>) -> Vec<ItemId> {
    harness.state().selection().items().collect()
}

#[test]
fn a_click_on_a_merged_edge_selects_every_stance_and_the_inspector_reaches_each() {
    let (map, [first, second]) = map();
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_max_steps(600)
        .build_ui_state(
            |ui, app: &mut StanceApp| app.ui(ui),
            StanceApp::new(map, None),
        );
    harness.run();
    harness.key_press_modifiers(Modifiers::NONE, Key::F);
    harness.run();

    // One line on the canvas, named with its count.
    let edge = "Stance: Putin opposes NATO may expand (×2)";
    harness.get_by_label(edge).click();
    harness.run();
    assert_eq!(
        selected(&harness),
        [ItemId::Stance(first), ItemId::Stance(second)]
    );

    // The inspector lists both, by date and source; picking one selects it alone, for its
    // own fields.
    harness.get_by_label("2 items selected");
    let row = |date: &str| format!("Putin opposes “NATO may expand” · {date} · Call readout");
    harness.get_by_label(&row("2021-12-01"));
    harness.get_by_label(&row("2021-12-07")).click();
    harness.run();
    assert_eq!(selected(&harness), [ItemId::Stance(second)]);
    harness.get_by_label("Quote");

    // The merged edge shows as selected while either of its stances is.
    assert!(
        harness.get_by_label(edge).accesskit_node().is_selected() == Some(true),
        "the edge of a selected stance is drawn selected"
    );

    // Shift+click on the edge takes both stances out of the selection, then both back in.
    harness.get_by_label(edge).click_modifiers(Modifiers::SHIFT);
    harness.run();
    assert_eq!(
        selected(&harness),
        [ItemId::Stance(first), ItemId::Stance(second)]
    );
    harness.get_by_label(edge).click_modifiers(Modifiers::SHIFT);
    harness.run();
    assert!(selected(&harness).is_empty());
}
