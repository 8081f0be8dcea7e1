//! Finding quotes and actor mentions in a source's text, as byte ranges of that text: what the
//! reader highlights, what the Checks tab flags when a quote is missing, and which actor the
//! coding form offers first. Pure functions over strings and the map; no egui.

mod find;
mod marks;
mod mentions;
mod normalised;
mod offer;

pub use find::{QuoteFinder, find_quote};
pub use marks::{Highlight, Marks, missing_quotes};
pub use mentions::{Mention, MentionFinder};
pub use normalised::Normalised;
pub use offer::offered_actor;
