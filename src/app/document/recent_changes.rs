//! The last few moves of the document from one state to another, each with the items it
//! touched, so that anything drawn from the map (the canvas's scene) can catch up from the
//! state it last saw by redoing only those items.

use crate::model::Touched;
use std::collections::VecDeque;

/// Moves kept; a cache further behind than this rebuilds from the whole map.
const KEPT: usize = 64;

/// Beyond this many touched items a cache is better off rebuilding anyway.
const MOST_ITEMS: usize = 4_096;

/// One move between two states (numbered by generation).
#[derive(Debug, Clone)]
struct Transition {
    from: u64,
    to: u64,
    touched: Touched,
}

/// The recent moves of one document, oldest first.
#[derive(Debug, Default)]
pub struct RecentChanges {
    transitions: VecDeque<Transition>,
}

impl RecentChanges {
    /// Notes that the map went from state `from` to state `to`, touching `touched`.
    pub fn push(&mut self, from: u64, to: u64, touched: Touched) {
        self.transitions.push_back(Transition { from, to, touched });
        if self.transitions.len() > KEPT {
            self.transitions.pop_front();
        }
    }

    /// What changed between state `since` and state `now`: the items touched by the moves
    /// since the map was last in state `since`. `None` when that is not known any more (or is
    /// so much that starting over is cheaper).
    pub fn since(&self, since: u64, now: u64) -> Option<Touched> {
        let mut touched = Touched::default();
        if since == now {
            return Some(touched);
        }
        for transition in self.transitions.iter().rev() {
            // States with one generation are the same map, so the latest visit to `since`
            // is where to start from.
            if transition.to == since {
                return Some(touched);
            }
            touched.extend(&transition.touched);
            if touched.items.len() > MOST_ITEMS {
                return None;
            }
            if transition.from == since {
                return Some(touched);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClaimId, ItemId};

    fn touching(raw: u32) -> Touched {
        Touched {
            items: [ItemId::Claim(ClaimId(raw))].into(),
            ..Touched::default()
        }
    }

    #[test]
    fn changes_add_up_from_the_latest_visit_to_a_state() {
        let mut log = RecentChanges::default();
        log.push(0, 1, touching(1));
        log.push(1, 2, touching(2));
        // Undo back to 1, then another edit.
        log.push(2, 1, touching(2));
        log.push(1, 3, touching(3));
        assert_eq!(log.since(3, 3), Some(Touched::default()));
        assert_eq!(log.since(1, 3), Some(touching(3)));
        let from_start = log.since(0, 3).unwrap();
        assert_eq!(from_start.items.len(), 3);
        assert_eq!(log.since(99, 3), None);
    }

    #[test]
    fn a_forgotten_state_is_unknown() {
        let mut log = RecentChanges::default();
        for g in 0..(KEPT as u64 + 5) {
            log.push(g, g + 1, touching(1));
        }
        assert_eq!(log.since(0, KEPT as u64 + 5), None);
        assert!(log.since(10, KEPT as u64 + 5).is_some());
    }
}
