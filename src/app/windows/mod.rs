//! The app's windows and dialogs: file dialogs and the path field that stands in for them,
//! the file workflow's questions and reports, help, the command palette, Export, Import and
//! Export as, merge conflicts, comparing with, combining with and agreement with other
//! coders' maps, the source window and the offer to lay out pinned nodes.

pub mod add_source;
pub(in crate::app) mod agreement_window;
pub(in crate::app) mod combine_window;
pub(in crate::app) mod compare_window;
pub(in crate::app) mod conflicts_window;
pub(in crate::app) mod date_field;
pub mod dialogs;
pub mod export_dialog;
pub(in crate::app) mod export_jobs;
pub mod formats_dialog;
pub(in crate::app) mod help;
pub(in crate::app) mod native_dialogs;
pub(in crate::app) mod palette;
pub(in crate::app) mod path_field;
pub mod pinned_offer;
pub mod prompts;
pub(in crate::app) mod source_files;
