//! Fixing a camp's side from the actor inspector: Left / Auto / Right is one undo step, and the
//! stance layout keeps the camp there.

// Setup that fails should fail the test loudly.
#![allow(clippy::unwrap_used)]

mod common;

use common::{CTRL_SHIFT, app, harness, press, settle_layout};
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancemap::app::StanceApp;
use stancemap::model::CampSide;

fn x_of(harness: &Harness<'static, StanceApp>, name: &str) -> f32 {
    let map = harness.state().map();
    map.actors().find(|a| a.name == name).unwrap().at.x
}

#[test]
fn a_camp_fixed_on_the_right_is_undone_in_one_step_and_kept_there_by_the_layout() {
    let (app, _) = app(stancemap::example::example_map().unwrap(), None);
    let mut harness = harness(app);
    let russia = |h: &Harness<'static, StanceApp>| h.state().map().camp_side("Russia");
    // The example fixes Russia on the left (see maps/README.md).
    assert_eq!(russia(&harness), Some(CampSide::Left));
    assert!(x_of(&harness, "Vladimir Putin") < x_of(&harness, "Joe Biden"));

    harness.get_by_label("Actor: Vladimir Putin").click();
    harness.run();
    harness.get_by_label("Right").click();
    harness.run();
    assert_eq!(russia(&harness), Some(CampSide::Right));
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(russia(&harness), Some(CampSide::Left));
    press(&mut harness, CTRL_SHIFT, Key::Z);
    assert_eq!(russia(&harness), Some(CampSide::Right));

    press(&mut harness, Modifiers::COMMAND, Key::L);
    settle_layout(&mut harness);
    let map = harness.state().map();
    let rightmost_claim = map.claims().map(|c| c.at.x).fold(f32::MIN, f32::max);
    for actor in map.actors().filter(|a| a.camp_name() == Some("Russia")) {
        assert!(actor.at.x > rightmost_claim, "{} is not right", actor.name);
    }
    // The United States, not fixed, faces it, now on the left.
    assert!(x_of(&harness, "Joe Biden") < x_of(&harness, "Vladimir Putin"));

    // Auto hands the side back to agreement.
    harness.get_by_label("Actor: Vladimir Putin").click();
    harness.run();
    harness.get_by_label("Auto").click();
    harness.run();
    assert_eq!(russia(&harness), None);
}
