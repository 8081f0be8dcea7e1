//! Teams working on one map: what changed between two versions ([`diff`]), a three-way merge
//! that git can use as its merge driver ([`merge`]), and how far independent coders agree
//! ([`agreement`]).

pub mod agreement;
pub mod agreement_command;
pub mod alpha;
pub mod command;
pub mod conflicts;
pub mod diff;
mod item;
pub mod merge;
pub mod merge_command;
mod renumber;
pub mod resolve;
pub mod show;
pub mod synthetic;

#[cfg(test)]
mod agreement_tests;
#[cfg(test)]
mod diff_tests;
#[cfg(test)]
mod merge_tests;
