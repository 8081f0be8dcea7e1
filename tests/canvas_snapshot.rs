//! Image snapshots of the example map on the canvas, with its Chinese quotes drawn in a real
//! CJK font, so visual changes show up in review. Rendered on the CPU through wgpu (Mesa).
//!
//! The tests need the Noto CJK font (Debian package fonts-noto-cjk) and Mesa's software OpenGL,
//! and are marked so; `.ci/run` installs both and runs them (see `tests/common/needs.rs`).

use eframe::egui::{self, FontData, FontDefinitions, FontFamily, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancemap::app::StanceApp;
use stancemap::example::example_map;
use stancemap::model::Map;
use std::path::Path;
use std::sync::Arc;

#[path = "common/needs.rs"]
mod needs;

/// Where Debian and other distributions put Noto Sans CJK.
const CJK_FONT_FILES: [&str; 3] = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
];

/// The Noto CJK font's bytes, and the software renderer the snapshots are drawn with; fails
/// the test when either is missing rather than compare a picture full of boxes.
fn needs_cjk_font_and_renderer() -> Vec<u8> {
    needs::software_opengl();
    CJK_FONT_FILES
        .iter()
        .find_map(|path| std::fs::read(Path::new(path)).ok())
        .unwrap_or_else(|| {
            panic!("needs Noto Sans CJK (apt install fonts-noto-cjk): none of {CJK_FONT_FILES:?}")
        })
}

/// The app on the example map, in a window of the given size, with the CJK font as the
/// fallback for Chinese text (as eframe's system fonts do in the real app).
fn harness(map: Map, font: Vec<u8>, size: [f32; 2]) -> Harness<'static, StanceApp> {
    Harness::builder()
        .with_size(size)
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(600)
        .with_theme(egui::Theme::Dark)
        .with_context_setup(move |ctx| {
            let mut fonts = FontDefinitions::default();
            fonts
                .font_data
                .insert("noto-cjk".to_owned(), Arc::new(FontData::from_owned(font)));
            for family in [FontFamily::Proportional, FontFamily::Monospace] {
                fonts
                    .families
                    .entry(family)
                    .or_default()
                    .push("noto-cjk".to_owned());
            }
            ctx.set_fonts(fonts);
        })
        .build_ui_state(
            |ui, app: &mut StanceApp| app.ui(ui),
            StanceApp::new(map, None),
        )
}

#[test]
#[ignore = "needs a CJK font and Mesa's software OpenGL (apt install fonts-noto-cjk libegl1 libegl-mesa0 libgl1-mesa-dri)"]
fn example_map_with_a_chinese_quote_in_the_inspector() {
    let font = needs_cjk_font_and_renderer();
    let mut harness = harness(example_map().unwrap(), font, [1280.0, 800.0]);
    harness.run();
    // Show the legend, and find a stance by part of its Chinese quote.
    harness.key_press(Key::L);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_label("Search").type_text("法律保證");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().selection().len(), 1);
    assert!(
        harness.state().status().is_none(),
        "{:?}",
        harness.state().status()
    );
    harness.snapshot("example_map_stance_selected");
}

#[test]
#[ignore = "needs a CJK font and Mesa's software OpenGL (apt install fonts-noto-cjk libegl1 libegl-mesa0 libgl1-mesa-dri)"]
fn putin_up_close_with_his_neighbours_highlighted() {
    let font = needs_cjk_font_and_renderer();
    let mut harness = harness(example_map().unwrap(), font, [1100.0, 700.0]);
    harness.run();
    // Zoom in on Putin: select him in the list, fit the selection, and rest the pointer on him.
    let putin = "Vladimir Putin (person, Russia)";
    harness.get_by_label(putin).scroll_to_me();
    harness.run();
    harness.get_by_label(putin).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::SHIFT, Key::F);
    harness.run();
    harness.key_press(Key::Minus);
    harness.run();
    let putin = harness.get_by_label("Actor: Vladimir Putin").rect();
    harness.hover_at(putin.center());
    harness.run();
    harness.snapshot("putin_hovered");
}
