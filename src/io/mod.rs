//! Map files: RON text with a version, loaded with every problem located, saved atomically.

mod error;
pub mod format;
mod load;
mod locate;
mod save;
mod sniff;

#[cfg(test)]
mod tests;

pub use error::{FileProblem, LoadError, SaveError, explain_io};
pub use load::{MAX_FILE_BYTES, load_file, load_str};
pub use locate::Place;
pub use save::{backup_path, save_file, sibling_temp_file, to_ron_string};
