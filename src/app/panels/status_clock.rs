//! Status-line messages fade: each stays for [`STATUS_LIFETIME`] after it was last set, so an
//! old message never sits beside a newer action that it does not describe.

use std::time::{Duration, Instant};

/// How long a message stays in the status line.
pub const STATUS_LIFETIME: Duration = Duration::from_secs(10);

/// When the message now shown was set.
#[derive(Debug, Default)]
pub struct StatusClock {
    shown: Option<(String, Instant)>,
}

impl StatusClock {
    /// Called once a frame with the status line's message: a new message starts its clock, one
    /// shown for longer than [`STATUS_LIFETIME`] is cleared. Returns how long the message has
    /// left, so the caller can ask for a frame then.
    pub fn tick(&mut self, status: &mut Option<String>, now: Instant) -> Option<Duration> {
        let Some(message) = status.as_ref() else {
            self.shown = None;
            return None;
        };
        let since = match &self.shown {
            Some((shown, since)) if shown == message => *since,
            _ => {
                self.shown = Some((message.clone(), now));
                now
            }
        };
        let age = now.saturating_duration_since(since);
        if age >= STATUS_LIFETIME {
            *status = None;
            self.shown = None;
            None
        } else {
            Some(STATUS_LIFETIME - age)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_goes_after_its_lifetime_and_a_new_one_starts_again() {
        let mut clock = StatusClock::default();
        let start = Instant::now();
        let mut status = Some("Saved".to_owned());
        assert_eq!(clock.tick(&mut status, start), Some(STATUS_LIFETIME));
        let later = start + Duration::from_secs(6);
        assert_eq!(clock.tick(&mut status, later), Some(Duration::from_secs(4)));
        // A new message gets its full time.
        status = Some("Deleted 1 claim".to_owned());
        assert_eq!(clock.tick(&mut status, later), Some(STATUS_LIFETIME));
        assert_eq!(clock.tick(&mut status, later + STATUS_LIFETIME), None);
        assert_eq!(status, None);
    }
}
