//! Font files held in memory, read once per process and only when a picture needs them.
//!
//! fontdb otherwise maps a font file anew every time text needs it; with a 20 MB CJK
//! collection and thousands of labels, mapping and unmapping costs more than drawing them.

use resvg::usvg::fontdb::{Database, ID, Source};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

/// The bytes of font files read so far (`None` for a file that could not be read).
type FileCache = HashMap<PathBuf, Option<Arc<Vec<u8>>>>;

fn cache() -> &'static Mutex<FileCache> {
    static FILES: OnceLock<Mutex<FileCache>> = OnceLock::new();
    FILES.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The bytes of a font file, read on first use.
fn file_bytes(path: &Path) -> Option<Arc<Vec<u8>>> {
    // A panic elsewhere while holding the lock leaves the cache usable: it only ever gains
    // complete entries.
    let mut files = cache()
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    files
        .entry(path.to_path_buf())
        .or_insert_with(|| std::fs::read(path).ok().map(Arc::new))
        .clone()
}

/// A copy of `db` in which the faces `keep` are read from memory (other faces stay as they
/// are). Faces get new ids in the copy.
pub fn with_faces_in_memory(db: &Database, keep: &[ID]) -> Database {
    let mut copy = Database::new();
    for face in db.faces() {
        let mut face = face.clone();
        if keep.contains(&face.id) {
            let path = match &face.source {
                Source::File(path) | Source::SharedFile(path, _) => Some(path.clone()),
                Source::Binary(_) => None,
            };
            if let Some(bytes) = path.as_deref().and_then(file_bytes) {
                face.source = Source::Binary(bytes);
            }
        }
        copy.push_face_info(face);
    }
    copy
}
