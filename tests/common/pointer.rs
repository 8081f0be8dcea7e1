//! Pointer input as a hand gives it: clicks, double-clicks, right-clicks and drags at points
//! on the screen, and menu entries picked by name.

use eframe::egui::{Event, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancemap::app::StanceApp;

/// Sends `count` presses and releases of the primary button at `pos`, holding `modifiers`.
pub fn primary_clicks(
    harness: &Harness<'static, StanceApp>,
    pos: Pos2,
    modifiers: Modifiers,
    count: usize,
) {
    harness.event(Event::ModifiersChanged(modifiers));
    harness.hover_at(pos);
    for _ in 0..count {
        for pressed in [true, false] {
            harness.event(Event::PointerButton {
                pos,
                button: PointerButton::Primary,
                pressed,
                modifiers,
            });
        }
    }
    harness.event(Event::ModifiersChanged(Modifiers::NONE));
}

/// One click at `pos`, holding `modifiers`.
pub fn click_at(harness: &Harness<'static, StanceApp>, pos: Pos2, modifiers: Modifiers) {
    primary_clicks(harness, pos, modifiers, 1);
}

/// Two clicks at `pos` in one frame, holding `modifiers`: a double-click.
pub fn double_click(harness: &Harness<'static, StanceApp>, pos: Pos2, modifiers: Modifiers) {
    primary_clicks(harness, pos, modifiers, 2);
}

/// A right-click at `pos`, pressed and released in separate frames.
pub fn right_click_at(harness: &mut Harness<'static, StanceApp>, pos: Pos2) {
    harness.hover_at(pos);
    // Press and release in separate frames, as a hand does.
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Secondary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.run();
    }
}

/// Presses at `from`, moves to `to` in a few steps and releases, holding `modifiers`.
pub fn drag(harness: &Harness<'static, StanceApp>, from: Pos2, to: Pos2, modifiers: Modifiers) {
    harness.event(Event::ModifiersChanged(modifiers));
    harness.hover_at(from);
    harness.event(Event::PointerButton {
        pos: from,
        button: PointerButton::Primary,
        pressed: true,
        modifiers,
    });
    for step in 1..=6 {
        harness.hover_at(from.lerp(to, step as f32 / 6.0));
    }
    harness.event(Event::PointerButton {
        pos: to,
        button: PointerButton::Primary,
        pressed: false,
        modifiers,
    });
    harness.event(Event::ModifiersChanged(Modifiers::NONE));
}

/// Opens `menu` and picks the entry whose name contains `entry` (entries carry their
/// shortcut in their name).
pub fn click_menu(harness: &mut Harness<'static, StanceApp>, menu: &str, entry: &str) {
    harness.get_by_label(menu).click();
    harness.run();
    // Menu entries carry their shortcut in their name, e.g. "Redo Ctrl+Shift+Z".
    harness.get_by_label_contains(entry).click();
    harness.run();
}

/// Presses the primary button at `from` and moves, in a few steps, to `to`, one frame per
/// event, without releasing.
pub fn press_and_move(harness: &mut Harness<'static, StanceApp>, from: Pos2, to: Pos2) {
    harness.hover_at(from);
    harness.event(Event::PointerButton {
        pos: from,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    for step in 1..=8 {
        harness.hover_at(from.lerp(to, step as f32 / 8.0));
    }
    harness.run();
}

/// Releases the primary button at `at` and lets the app react.
pub fn release(harness: &mut Harness<'static, StanceApp>, at: Pos2) {
    harness.event(Event::PointerButton {
        pos: at,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.run();
}
