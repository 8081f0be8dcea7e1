//! Teams working on one map: what changed between two versions ([`diff`]), a three-way merge
//! that git can use as its merge driver ([`merge`]), comparing with another map in the app and
//! taking its differences ([`compare`], [`take`]), and how far independent coders agree
//! ([`agreement`]).

pub mod agreement;
pub mod agreement_command;
pub mod alpha;
pub mod combine;
pub mod command;
pub mod compare;
pub mod conflicts;
pub mod diff;
mod item;
pub mod merge;
pub mod merge_command;
mod renumber;
pub mod resolve;
pub mod show;
pub mod synthetic;
pub mod take;

#[cfg(test)]
mod agreement_tests;
#[cfg(test)]
mod diff_tests;
#[cfg(test)]
mod merge_tests;
#[cfg(test)]
mod take_tests;
