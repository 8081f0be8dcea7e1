//! The advisory lock every stancemap process holds on a folder while it replaces a file there
//! (and while it starts a temporary file there), and the clean-up of temporary files that
//! interrupted saves left behind.
//!
//! Two processes saving the same file therefore never interleave: the second waits until the
//! first has renamed its file into place, then sees that the file changed since it read it.
//! The lock is the system's `flock` (through `std::fs::File::lock`, no crate needed), so it
//! ends with the process that holds it, however that process ends.

use std::fs;
use std::io;
use std::path::Path;
use std::time::{Duration, Instant};

/// Every temporary file stancemap writes beside a user's file starts with this.
pub const TEMP_PREFIX: &str = ".stancemap-save-";

/// How long a save waits for another process's save in the same folder to finish.
const WAIT_FOR_OTHERS: Duration = Duration::from_secs(10);

/// A held lock on a folder; released when dropped.
#[derive(Debug)]
pub struct FolderLock {
    _folder: fs::File,
}

/// Why a folder could not be locked.
#[derive(Debug)]
pub enum LockProblem {
    /// Another stancemap process kept the folder locked for longer than a save takes.
    Busy,
    /// The folder could not be opened.
    Io(io::Error),
}

impl FolderLock {
    /// Locks `folder`, waiting up to a few seconds for another process to finish its save.
    pub fn acquire(folder: &Path) -> Result<Self, LockProblem> {
        let file = fs::File::open(folder).map_err(LockProblem::Io)?;
        let started = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(FolderLock { _folder: file }),
                Err(fs::TryLockError::WouldBlock) => {
                    if started.elapsed() > WAIT_FOR_OTHERS {
                        return Err(LockProblem::Busy);
                    }
                    std::thread::sleep(Duration::from_millis(10));
                }
                // File systems without locks (some network shares) still get atomic saves,
                // only without the protection against a second writer.
                Err(fs::TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {
                    return Ok(FolderLock { _folder: file });
                }
                Err(fs::TryLockError::Error(e)) => return Err(LockProblem::Io(e)),
            }
        }
    }

    /// Locks `folder` only if no other process holds it now.
    pub fn try_acquire(folder: &Path) -> Option<Self> {
        let file = fs::File::open(folder).ok()?;
        file.try_lock().ok()?;
        Some(FolderLock { _folder: file })
    }
}

/// Removes the temporary files of interrupted saves from `folder`: those no process is still
/// writing. A save holds a lock on its temporary file from the moment it creates it (under
/// the folder lock, which the caller holds) until it is renamed or removed, so a file nobody
/// holds is a leftover. Returns how many were removed; files that cannot be removed are left.
pub fn remove_leftovers(folder: &Path, _held: &FolderLock) -> usize {
    let Ok(entries) = fs::read_dir(folder) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        if !name.to_string_lossy().starts_with(TEMP_PREFIX) {
            continue;
        }
        if !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let path = entry.path();
        let Ok(file) = fs::File::open(&path) else {
            continue;
        };
        // Locking succeeds only if no running save holds the file.
        if file.try_lock().is_ok() && fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Removes leftovers of interrupted saves from the folder of `file`, if no other stancemap is
/// saving there at this moment (then it is left for the next time). Used when a map is opened.
pub fn tidy_folder_of(file: &Path) -> usize {
    let folder = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    match FolderLock::try_acquire(folder) {
        Some(lock) => remove_leftovers(folder, &lock),
        None => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leftovers_go_and_files_being_written_stay() {
        let dir = tempfile::tempdir().unwrap();
        let leftover = dir.path().join(".stancemap-save-abc.tmp");
        fs::write(&leftover, "half").unwrap();
        let busy = dir.path().join(".stancemap-save-def.tmp");
        fs::write(&busy, "being written").unwrap();
        let held = fs::File::open(&busy).unwrap();
        held.lock().unwrap();
        let mine = dir.path().join("map.ron");
        fs::write(&mine, "mine").unwrap();
        assert_eq!(tidy_folder_of(&mine), 1);
        assert!(!leftover.exists());
        assert!(busy.exists());
        assert!(mine.exists());
        drop(held);
        assert_eq!(tidy_folder_of(&mine), 1);
        assert!(!busy.exists());
    }

    #[test]
    fn a_locked_folder_is_left_alone_and_waited_for() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(".stancemap-save-x.tmp"), "").unwrap();
        let lock = FolderLock::acquire(dir.path()).unwrap();
        assert!(FolderLock::try_acquire(dir.path()).is_none());
        assert_eq!(tidy_folder_of(&dir.path().join("m.ron")), 0);
        let folder = dir.path().to_path_buf();
        let waiter = std::thread::spawn(move || FolderLock::acquire(&folder).is_ok());
        std::thread::sleep(Duration::from_millis(50));
        drop(lock);
        assert!(waiter.join().unwrap());
    }
}
