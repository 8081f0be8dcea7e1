//! Keystrokes first, then the click: when typing and a click on another field arrive in the
//! same frame (a fast typist, or a slow frame), egui moves the keyboard focus on the press
//! before the text events are handed out, so the last characters typed would land in the field
//! just clicked, or nowhere. The app holds such a press (and whatever follows it) back to the
//! next frame, so every keystroke reaches the field it was typed into.
//!
//! The same goes for a shortcut that opens a text field (F2 renames, N makes a claim and
//! opens its label): the field exists only after the frame that handles the shortcut, so keys
//! typed right after it in the same frame are held back until the field is there to take them.

use eframe::egui::{Event, Key, Modifiers, RawInput};

/// How many frames keys wait for the text field a shortcut opens; the label editor of a new
/// node takes two. After that they are let through even if no field took the keyboard.
const FIELD_WAIT_FRAMES: u8 = 5;

/// Input held back from one frame to the next.
#[derive(Debug, Default)]
pub struct InputOrder {
    held: Vec<Event>,
    /// Frames still to wait for a text field that a shortcut is opening.
    waiting_for_field: u8,
}

impl InputOrder {
    /// Puts what was held back from the last frame in front of this frame's events, then holds
    /// back, with everything after it:
    /// - a pointer press that follows typing in this frame;
    /// - key presses and pastes that follow a key for which `opens_field(key, modifiers)` says
    ///   it opens a text field (the text of that key itself stays with it), until
    ///   `field_focused` says a text field has the keyboard, for at most a few frames.
    ///
    /// Returns whether something is held, in which case another frame must follow soon.
    pub fn reorder(
        &mut self,
        input: &mut RawInput,
        field_focused: bool,
        opens_field: impl Fn(Key, Modifiers) -> bool,
    ) -> bool {
        if !self.held.is_empty() {
            let mut events = std::mem::take(&mut self.held);
            events.append(&mut input.events);
            input.events = events;
        }
        let mut waiting = if field_focused {
            false
        } else {
            self.waiting_for_field > 0
        };
        self.waiting_for_field = self.waiting_for_field.saturating_sub(1);
        if field_focused {
            self.waiting_for_field = 0;
        }
        let mut typed = false;
        // The text a shortcut's own key types (N types "n") goes with it.
        let mut own_text = false;
        let split = input.events.iter().position(|event| match event {
            Event::Text(_) if own_text => false,
            Event::Key { pressed: true, .. } | Event::Paste(_) | Event::Text(_) if waiting => true,
            Event::Key {
                key,
                modifiers,
                pressed: true,
                ..
            } => {
                typed = true;
                if opens_field(*key, *modifiers) {
                    waiting = true;
                    own_text = true;
                    self.waiting_for_field = FIELD_WAIT_FRAMES;
                }
                false
            }
            Event::Text(_) | Event::Paste(_) => {
                typed = true;
                false
            }
            Event::PointerButton { pressed: true, .. } => typed,
            _ => false,
        });
        if let Some(at) = split {
            self.held = input.events.split_off(at);
        }
        !self.held.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::egui::{Modifiers, PointerButton, pos2};

    fn press(pressed: bool) -> Event {
        Event::PointerButton {
            pos: pos2(10.0, 10.0),
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        }
    }

    fn key(key: Key, modifiers: Modifiers) -> Event {
        Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers,
        }
    }

    /// F2 and N open a field; nothing else does.
    fn opens_field(key: Key, modifiers: Modifiers) -> bool {
        modifiers.is_none() && matches!(key, Key::F2 | Key::N)
    }

    fn input(events: Vec<Event>) -> RawInput {
        RawInput {
            events,
            ..RawInput::default()
        }
    }

    #[test]
    fn a_click_after_typing_waits_for_the_next_frame() {
        let mut order = InputOrder::default();
        let mut frame = input(vec![
            Event::Text("1".into()),
            Event::Text("7".into()),
            press(true),
            press(false),
        ]);
        assert!(order.reorder(&mut frame, false, opens_field));
        assert_eq!(
            frame.events,
            [Event::Text("1".into()), Event::Text("7".into())]
        );
        let mut next = input(vec![Event::Text("x".into())]);
        assert!(!order.reorder(&mut next, false, opens_field));
        assert_eq!(
            next.events,
            [press(true), press(false), Event::Text("x".into())]
        );
    }

    #[test]
    fn a_click_before_typing_or_alone_is_left_in_place() {
        let mut order = InputOrder::default();
        let mut frame = input(vec![press(true), press(false), Event::Text("a".into())]);
        assert!(!order.reorder(&mut frame, false, opens_field));
        assert_eq!(frame.events.len(), 3);
        let mut alone = input(vec![press(true)]);
        assert!(!order.reorder(&mut alone, false, opens_field));
        assert_eq!(alone.events, [press(true)]);
    }

    #[test]
    fn keys_typed_after_a_shortcut_that_opens_a_field_wait_for_the_field() {
        let mut order = InputOrder::default();
        let mut frame = input(vec![
            key(Key::N, Modifiers::NONE),
            Event::Text("n".into()),
            key(Key::A, Modifiers::NONE),
            Event::Text("a".into()),
        ]);
        assert!(order.reorder(&mut frame, false, opens_field));
        assert_eq!(
            frame.events,
            [key(Key::N, Modifiers::NONE), Event::Text("n".into())],
            "the shortcut and its own text stay together"
        );
        // The field takes two frames to open: the keys wait for it.
        let mut next = input(Vec::new());
        assert!(order.reorder(&mut next, false, opens_field));
        assert!(next.events.is_empty());
        let mut then = input(Vec::new());
        assert!(!order.reorder(&mut then, true, opens_field));
        assert_eq!(
            then.events,
            [key(Key::A, Modifiers::NONE), Event::Text("a".into())]
        );
    }

    #[test]
    fn keys_wait_for_a_field_that_never_opens_only_a_few_frames() {
        let mut order = InputOrder::default();
        let mut frame = input(vec![
            key(Key::F2, Modifiers::NONE),
            key(Key::L, Modifiers::NONE),
        ]);
        assert!(order.reorder(&mut frame, false, opens_field));
        let mut frames = 0;
        loop {
            frames += 1;
            let mut next = input(Vec::new());
            if !order.reorder(&mut next, false, opens_field) {
                assert_eq!(next.events, [key(Key::L, Modifiers::NONE)]);
                break;
            }
            assert!(frames <= FIELD_WAIT_FRAMES, "held for good");
        }
    }

    #[test]
    fn keys_after_other_shortcuts_are_not_held() {
        let mut order = InputOrder::default();
        let mut frame = input(vec![
            key(Key::L, Modifiers::NONE),
            key(Key::M, Modifiers::NONE),
            key(Key::N, Modifiers::CTRL),
            key(Key::Z, Modifiers::CTRL),
        ]);
        assert!(!order.reorder(&mut frame, false, opens_field));
        assert_eq!(frame.events.len(), 4);
    }
}
