//! The Export image window and Copy image, driven through the real UI.

// Test and benchmark helpers fail loudly on purpose; clippy's test allowances cover only
// #[test] functions.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)]

mod export_support;

use eframe::egui::{self, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use export_support::decode_png;
use stancemap::app::StanceApp;
use stancemap::example::example_map;
use std::time::{Duration, Instant};

fn harness() -> Harness<'static, StanceApp> {
    let app = StanceApp::new(example_map().unwrap(), None);
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut StanceApp| app.ui(ui), app)
}

/// Steps frames until `done` holds (the work runs on a background thread).
fn step_until(
    harness: &mut Harness<'_, StanceApp>,
    mut done: impl FnMut(&mut Harness<'_, StanceApp>) -> bool,
) {
    let start = Instant::now();
    while !done(harness) {
        assert!(start.elapsed() < Duration::from_secs(60), "gave up waiting");
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn ctrl_e_opens_the_window_and_export_writes_the_picture() {
    let mut harness = harness();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    assert!(harness.state_mut().export_dialog().open);
    // Defaults: everything on, whole map, 2×.
    harness.get_by_label("Title");
    harness.get_by_label("Legend");
    harness.get_by_label("Footer (sources, date)");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("briefing.png");
    harness.state_mut().export_dialog().path = path.display().to_string();
    harness.get_by_label("1×").click();
    harness.get_by_label("Export").click();
    harness.run_steps(2);
    step_until(&mut harness, |h| !h.state_mut().export_dialog().is_busy());
    let status = harness.state().status().unwrap_or_default().to_owned();
    assert!(status.starts_with("Exported "), "{status}");
    let image = decode_png(&std::fs::read(&path).unwrap());
    assert!(
        status.contains(&format!("({} × {} px)", image.width, image.height)),
        "{status}"
    );
    assert!(image.width > 1000);
}

#[test]
fn a_bad_file_name_is_explained_in_the_window() {
    let mut harness = harness();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    harness.state_mut().export_dialog().path = "briefing.jpg".into();
    harness.run();
    harness.get_by_label("the file name must end in .png or .svg");
    harness.get_by_label("Export").click();
    harness.run();
    let message = harness.state_mut().export_dialog().message.clone();
    assert!(
        matches!(&message, Some(Err(m)) if m.contains("must end in .png or .svg")),
        "{message:?}"
    );
}

#[test]
fn ctrl_shift_c_puts_the_picture_on_the_clipboard() {
    let mut harness = harness();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::C);
    let mut copied = None;
    step_until(&mut harness, |h| {
        for command in &h.output().platform_output.commands {
            if let egui::OutputCommand::CopyImage(image) = command {
                copied = Some(image.size);
            }
        }
        copied.is_some()
    });
    let [width, height] = copied.unwrap();
    assert!(width > 1000 && height > 1000, "{width} × {height}");
    harness.run();
    let status = harness.state().status().unwrap_or_default();
    assert_eq!(
        status,
        format!("Copied a {width} × {height} px picture to the clipboard")
    );
}
