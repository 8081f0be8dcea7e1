//! Progress and cancellation for layouts that run on a worker thread: the layout reports how
//! far it got, the UI shows it and may ask the layout to stop.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

/// Shared between a running layout and whoever waits for it.
#[derive(Debug, Default)]
pub struct Progress {
    cancelled: AtomicBool,
    /// Work done, in thousandths.
    permille: AtomicU32,
}

/// The layout stopped because it was asked to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancelled;

impl std::fmt::Display for Cancelled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the layout was cancelled")
    }
}

impl std::error::Error for Cancelled {}

impl Progress {
    /// A fresh tracker: nothing done, not cancelled.
    pub fn new() -> Self {
        Progress::default()
    }

    /// Asks the layout to stop at its next check.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether cancelling was asked for.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// Fails with [`Cancelled`] once cancelling was asked for; layouts call it between steps.
    pub fn check(&self) -> Result<(), Cancelled> {
        if self.is_cancelled() {
            Err(Cancelled)
        } else {
            Ok(())
        }
    }

    /// Records how much of the work is done, from 0 to 1; never goes backwards.
    pub fn set_fraction(&self, done: f32) {
        let value = (done.clamp(0.0, 1.0) * 1000.0) as u32;
        self.permille.fetch_max(value, Ordering::Relaxed);
    }

    /// How much of the work is done, from 0 to 1.
    pub fn fraction(&self) -> f32 {
        self.permille.load(Ordering::Relaxed) as f32 / 1000.0
    }

    /// Records progress within one stage of a layout: stage `from..to` of the whole,
    /// `done` of it finished.
    pub fn set_stage(&self, from: f32, to: f32, done: f32) {
        self.set_fraction(from + (to - from) * done.clamp(0.0, 1.0));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_only_grows_and_cancel_is_seen() {
        let p = Progress::new();
        assert!(p.check().is_ok());
        p.set_fraction(0.5);
        p.set_fraction(0.25);
        assert!((p.fraction() - 0.5).abs() < 1e-6);
        p.set_stage(0.5, 1.0, 0.5);
        assert!((p.fraction() - 0.75).abs() < 1e-6);
        p.cancel();
        assert_eq!(p.check(), Err(Cancelled));
    }
}
