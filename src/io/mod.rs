//! Map files: RON text with a version, loaded with every problem located, saved atomically.

mod error;
mod folder_lock;
pub mod format;
mod load;
mod locate;
mod save;
mod sniff;
mod stamp;
mod writer;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod writer_tests;

pub use error::{FileProblem, LoadError, SaveError, SaveFailure, explain_io};
pub use folder_lock::{TEMP_PREFIX, tidy_folder_of};
pub use load::{MAX_FILE_BYTES, load_file, load_file_stamped, load_str};
pub use locate::Place;
pub use save::{save_file, save_map, to_ron_string};
pub use stamp::DiskStamp;
pub use writer::{WriteOptions, Written, backup_path, follow_links, write_file};
