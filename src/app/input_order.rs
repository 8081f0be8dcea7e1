//! Keystrokes first, then the click: when typing and a click on another field arrive in the
//! same frame (a fast typist, or a slow frame), egui moves the keyboard focus on the press
//! before the text events are handed out, so the last characters typed would land in the field
//! just clicked, or nowhere. The app holds such a press (and whatever follows it) back to the
//! next frame, so every keystroke reaches the field it was typed into.

use eframe::egui::{Event, RawInput};

/// Input held back from one frame to the next.
#[derive(Debug, Default)]
pub struct InputOrder {
    held: Vec<Event>,
}

impl InputOrder {
    /// Puts what was held back from the last frame in front of this frame's events, then holds
    /// back a pointer press that follows typing in this frame, with everything after it.
    /// Returns whether something is held, in which case another frame must follow soon.
    pub fn reorder(&mut self, input: &mut RawInput) -> bool {
        if !self.held.is_empty() {
            let mut events = std::mem::take(&mut self.held);
            events.append(&mut input.events);
            input.events = events;
        }
        let mut typed = false;
        let split = input.events.iter().position(|event| match event {
            Event::Text(_) | Event::Key { pressed: true, .. } | Event::Paste(_) => {
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
        assert!(order.reorder(&mut frame));
        assert_eq!(
            frame.events,
            [Event::Text("1".into()), Event::Text("7".into())]
        );
        let mut next = input(vec![Event::Text("x".into())]);
        assert!(!order.reorder(&mut next));
        assert_eq!(
            next.events,
            [press(true), press(false), Event::Text("x".into())]
        );
    }

    #[test]
    fn a_click_before_typing_or_alone_is_left_in_place() {
        let mut order = InputOrder::default();
        let mut frame = input(vec![press(true), press(false), Event::Text("a".into())]);
        assert!(!order.reorder(&mut frame));
        assert_eq!(frame.events.len(), 3);
        let mut alone = input(vec![press(true)]);
        assert!(!order.reorder(&mut alone));
        assert_eq!(alone.events, [press(true)]);
    }
}
