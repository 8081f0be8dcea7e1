//! The Export image window and Copy image, driven through the real app UI.

// Test helpers fail loudly on purpose; clippy's test allowances cover only #[test] functions.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)]

mod common;
mod export_support;

use common::{CTRL_SHIFT, app, harness, press, wait_for};
use eframe::egui::{self, Key, Modifiers};
use egui_kittest::kittest::Queryable;
use export_support::decode_png;
use stancemap::example::example_map;

#[test]
fn ctrl_e_opens_the_window_and_export_writes_the_picture() {
    let (app, _) = app(example_map().unwrap(), None);
    let mut harness = harness(app);
    press(&mut harness, Modifiers::COMMAND, Key::E);
    assert!(harness.state().export_dialog().open);
    // Title, legend and footer are on by default.
    for label in ["Title", "Legend", "Footer (sources, date)"] {
        harness.get_by_role_and_label(egui::accesskit::Role::CheckBox, label);
    }
    let dialog = harness.state().export_dialog();
    assert!(!dialog.no_title && !dialog.no_legend && !dialog.no_footer);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("briefing.png");
    harness.state_mut().export_dialog_mut().path = path.display().to_string();
    harness.get_by_label("1×").click();
    harness.get_by_label("Export").click();
    // The window shows a spinner while the picture is drawn, so step rather than run.
    harness.step();
    wait_for(&mut harness, "the picture is written", |app| {
        !app.export_dialog().is_busy()
    });
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
fn a_pdf_name_turns_the_evidence_on_and_export_writes_the_briefing() {
    let (app, _) = app(example_map().unwrap(), None);
    let mut harness = harness(app);
    press(&mut harness, Modifiers::COMMAND, Key::E);
    assert!(!harness.state().export_dialog().with_evidence());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brief.pdf");
    harness.state_mut().export_dialog_mut().path = path.display().to_string();
    harness.run();
    // A PDF carries the evidence unless the box is cleared; the paper can be chosen.
    assert!(harness.state().export_dialog().with_evidence());
    harness.get_by_role_and_label(
        egui::accesskit::Role::CheckBox,
        "Evidence (numbered quotes)",
    );
    harness.get_by_label("Letter").click();
    harness.run();
    harness.get_by_label("Export").click();
    harness.step();
    wait_for(&mut harness, "the briefing is written", |app| {
        !app.export_dialog().is_busy()
    });
    let status = harness.state().status().unwrap_or_default().to_owned();
    assert!(
        status.contains("pages, 44 stances with their evidence"),
        "{status}"
    );
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    // Letter paper: the map page is 792 × 612 points.
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("/MediaBox[0 0 792 612]"),
        "no landscape Letter page"
    );

    // Clearing the box leaves the evidence out, even of a PDF.
    harness
        .get_by_role_and_label(
            egui::accesskit::Role::CheckBox,
            "Evidence (numbered quotes)",
        )
        .click();
    harness.run();
    assert!(!harness.state().export_dialog().with_evidence());
}

#[test]
fn browse_asks_the_file_dialog_service_and_fills_in_the_name() {
    let (app, dialogs) = app(example_map().unwrap(), None);
    let mut harness = harness(app);
    press(&mut harness, Modifiers::COMMAND, Key::E);
    let dir = tempfile::tempdir().unwrap();
    // A name typed without an extension becomes a PNG.
    dialogs.answer(Some(&dir.path().join("slides")));
    harness.get_by_label("Browse…").click();
    harness.run();
    wait_for(&mut harness, "the dialog has answered", |app| {
        app.export_dialog().path.ends_with("slides.png")
    });
    let asked = dialogs.asked.lock().unwrap();
    assert_eq!(asked[0].extensions, ["png", "svg", "pdf"]);
}

#[test]
fn a_bad_file_name_is_explained_in_the_window() {
    let (app, _) = app(example_map().unwrap(), None);
    let mut harness = harness(app);
    press(&mut harness, Modifiers::COMMAND, Key::E);
    harness.state_mut().export_dialog_mut().path = "briefing.jpg".into();
    harness.run();
    harness.get_by_label("the file name must end in .png, .svg or .pdf");
    harness.get_by_label("Export").click();
    harness.run();
    let message = harness.state().export_dialog().message.clone();
    assert!(
        matches!(&message, Some(Err(m)) if m.contains("must end in .png, .svg or .pdf")),
        "{message:?}"
    );
}

#[test]
fn ctrl_shift_c_puts_the_picture_on_the_clipboard() {
    let (app, _) = app(example_map().unwrap(), None);
    let mut harness = harness(app);
    harness.key_press_modifiers(CTRL_SHIFT, Key::C);
    let mut copied = None;
    for _ in 0..1000 {
        harness.step();
        for command in &harness.output().platform_output.commands {
            if let egui::OutputCommand::CopyImage(image) = command {
                copied = Some(image.size);
            }
        }
        if copied.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let [width, height] = copied.expect("an image was copied");
    assert!(width > 1000 && height > 1000, "{width} × {height}");
    // (On a machine without a CJK font the message goes on to name the missing characters.)
    let status = harness.state().status().unwrap_or_default();
    assert!(
        status.starts_with(&format!(
            "Copied a {width} × {height} px picture to the clipboard"
        )),
        "{status}"
    );
}

#[test]
fn the_current_view_is_the_map_area_without_the_canvas_toolbar() {
    let (app, _) = app(example_map().unwrap(), None);
    let harness = harness(app);
    let view = harness.state().canvas_rect();
    let search = harness.get_by_label("Search").rect();
    assert!(view.is_positive());
    assert!(
        search.bottom() <= view.top(),
        "the toolbar's search field {search:?} lies inside the exported view {view:?}"
    );
}

#[test]
fn export_asks_before_replacing_a_file_and_cancel_keeps_it() {
    let (app, _) = app(example_map().unwrap(), None);
    let mut harness = harness(app);
    press(&mut harness, Modifiers::COMMAND, Key::E);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("briefing.svg");
    std::fs::write(&path, b"an earlier picture").unwrap();
    harness.state_mut().export_dialog_mut().path = path.display().to_string();
    harness.run();

    harness.get_by_label("Export").click();
    harness.run();
    harness.get_by_label_contains("already exists. Replace it");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().export_dialog().replace_asked.is_none());
    assert_eq!(std::fs::read(&path).unwrap(), b"an earlier picture");
    assert!(!harness.state().export_dialog().is_busy());

    harness.get_by_label("Export").click();
    harness.run();
    harness.get_by_label("Replace").click();
    harness.step();
    wait_for(&mut harness, "the picture is written", |app| {
        !app.export_dialog().is_busy()
    });
    let svg = std::fs::read_to_string(&path).unwrap();
    assert!(svg.contains("<svg"), "replaced");

    // Agreed once, the same file is written again without asking.
    harness.get_by_label("Export").click();
    harness.step();
    assert!(harness.state().export_dialog().replace_asked.is_none());
    wait_for(&mut harness, "the picture is written again", |app| {
        !app.export_dialog().is_busy()
    });
}
