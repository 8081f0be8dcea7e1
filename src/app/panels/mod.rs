//! The panels around the canvas: the menu bar, the side lists, the inspector, the source
//! reader, the analysis panel, the status line's clock, and how wide side panels may grow.

pub mod analysis;
pub(in crate::app) mod inspector;
pub(in crate::app) mod lists;
pub(in crate::app) mod menu;
pub(in crate::app) mod panel_room;
pub mod reader;
pub(in crate::app) mod status_clock;
