//! stancemap: map who says what. Actors take stances on claims, backed by quotes from sources;
//! claims support or attack each other. This crate holds the document model, its RON file
//! format, layouts, analyses, the scene both the canvas and the exporters draw, and the app.

pub mod io;
pub mod model;
