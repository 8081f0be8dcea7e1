//! The example map built from the Xinhua analysis of the 7 December 2021 Putin–Biden video
//! call, embedded in the binary and opened when stancemap starts without a file.

use crate::io::{LoadError, load_str};
use crate::model::Map;
use std::path::Path;

/// The example map's file text.
pub const EXAMPLE_RON: &str = include_str!("../maps/putin-biden-call-2021.ron");

/// The name the example map is known by in messages.
pub const EXAMPLE_NAME: &str = "putin-biden-call-2021.ron (example)";

/// The example map.
pub fn example_map() -> Result<Map, LoadError> {
    load_str(EXAMPLE_RON, Path::new(EXAMPLE_NAME))
}
