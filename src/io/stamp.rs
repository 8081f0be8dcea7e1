//! What a file on disk was when stancemap last read or wrote it (time, size and a hash of its
//! bytes), so that a change by anyone else — another program, another window, `git pull` — is
//! noticed before stancemap saves over it.

use std::fs;
use std::hash::Hasher;
use std::io::{self, Read};
use std::path::Path;
use std::time::SystemTime;

/// A file's modification time, size and content hash at one moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiskStamp {
    /// When the file was last modified, where the system tells.
    pub modified: Option<SystemTime>,
    /// The file's size in bytes.
    pub len: u64,
    /// A hash of the file's bytes (see [`ContentHash`]).
    pub hash: u64,
}

impl DiskStamp {
    /// The stamp of `bytes`, read from (or written to) a file whose metadata is `metadata`.
    pub fn of_bytes(metadata: &fs::Metadata, bytes: &[u8]) -> Self {
        let mut hash = ContentHash::default();
        hash.add(bytes);
        DiskStamp {
            modified: metadata.modified().ok(),
            len: bytes.len() as u64,
            hash: hash.finish(),
        }
    }

    /// The stamp of the file at `path` now; `None` when there is no such file.
    pub fn read(path: &Path) -> io::Result<Option<Self>> {
        let mut file = match fs::File::open(path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let metadata = file.metadata()?;
        let mut hash = ContentHash::default();
        let mut buffer = vec![0u8; 1 << 16];
        loop {
            let n = file.read(&mut buffer)?;
            let Some(chunk) = buffer.get(..n).filter(|c| !c.is_empty()) else {
                break;
            };
            hash.add(chunk);
        }
        Ok(Some(DiskStamp {
            modified: metadata.modified().ok(),
            len: metadata.len(),
            hash: hash.finish(),
        }))
    }

    /// Whether the file at `path` still holds what this stamp describes. Cheap when nothing
    /// happened (time and size equal); when only the time moved (a `touch`, a checkout that
    /// rewrote the same bytes) the bytes are hashed, so identical content is not a change.
    pub fn still_matches(&self, path: &Path) -> io::Result<bool> {
        let metadata = match fs::metadata(path) {
            Ok(metadata) => metadata,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
            Err(e) => return Err(e),
        };
        if metadata.len() != self.len {
            return Ok(false);
        }
        if metadata.modified().ok() == self.modified && self.modified.is_some() {
            return Ok(true);
        }
        Ok(Self::read(path)?.is_some_and(|now| now.hash == self.hash))
    }
}

/// A hash of a stream of bytes that does not depend on how the stream was cut into pieces, so
/// a file hashed while written matches the same file hashed while read.
#[derive(Debug, Default)]
pub struct ContentHash(std::hash::DefaultHasher);

impl ContentHash {
    /// Adds the next bytes of the stream.
    pub fn add(&mut self, bytes: &[u8]) {
        self.0.write(bytes);
    }

    /// The hash of every byte added.
    pub fn finish(&self) -> u64 {
        self.0.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_hash_like_the_whole() {
        let mut whole = ContentHash::default();
        whole.add(b"hello, world");
        let mut pieces = ContentHash::default();
        pieces.add(b"hel");
        pieces.add(b"lo, wo");
        pieces.add(b"rld");
        assert_eq!(whole.finish(), pieces.finish());
    }

    #[test]
    fn changes_are_seen_and_touches_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.ron");
        fs::write(&path, "one").unwrap();
        let stamp = DiskStamp::read(&path).unwrap().unwrap();
        assert!(stamp.still_matches(&path).unwrap());
        // Same bytes with a new time: not a change.
        let later = SystemTime::now() + std::time::Duration::from_secs(5);
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(later)
            .unwrap();
        assert!(stamp.still_matches(&path).unwrap());
        fs::write(&path, "two").unwrap();
        assert!(!stamp.still_matches(&path).unwrap());
        fs::remove_file(&path).unwrap();
        assert!(!stamp.still_matches(&path).unwrap());
        assert_eq!(DiskStamp::read(&path).unwrap(), None);
    }
}
