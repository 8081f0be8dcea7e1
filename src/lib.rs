//! stancemap: map who says what. Actors take stances on claims, backed by quotes from sources;
//! claims support or attack each other. This crate holds the document model, its RON file
//! format, the scene that both the canvas and the exporters draw, the app and the command line.

pub mod analysis;
pub mod app;
pub mod cli;
pub mod counts;
pub mod example;
pub mod export;
pub mod formats;
pub mod io;
pub mod layout;
pub mod layout_command;
pub mod model;
pub mod quotes;
pub mod scene;
pub mod source_text;
pub mod teams;

#[cfg(test)]
pub(crate) mod testing;
