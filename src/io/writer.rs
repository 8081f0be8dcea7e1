//! The one way stancemap writes a file: maps, their backups, pictures, spreadsheets and other
//! formats all go through [`write_file`].
//!
//! The new content goes to a temporary file in the target's folder (held under an advisory
//! lock while it is written, so a later save knows it is not a leftover), is synced, and is
//! then renamed over the target. When a backup is wanted, the replaced version becomes
//! `FILE.bak` through a hard link (or, where links are impossible, a synced copy) that is
//! renamed over the old backup only after the new file is in place. At every instant the file
//! and its backup are each a complete version; a failed save changes neither. Symbolic links
//! are written through: the file a link points to is replaced, and the link stays.
//!
//! Test hook: the environment variable `STANCEMAP_TEST_SAVE_PAUSE_MS` makes the writer print
//! `stancemap-save-step: STEP` to stderr after each step and then sleep that many
//! milliseconds, so tests can kill a process at every point of a save (tests/save_kill.rs).
//! It is read only here and changes nothing else.

use super::error::{SaveError, SaveFailure};
use super::folder_lock::{FolderLock, LockProblem, TEMP_PREFIX, remove_leftovers};
use super::stamp::{ContentHash, DiskStamp};
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What a write does besides writing the new content.
#[derive(Debug, Clone, Copy, Default)]
pub struct WriteOptions<'a> {
    /// Keep the replaced version as `FILE.bak` (maps do; pictures and exports need not).
    pub backup: bool,
    /// Refuse to replace the file unless it is still what this stamp describes (what was
    /// opened or last saved): someone else changed it in between.
    pub expected: Option<&'a DiskStamp>,
}

/// What a finished write left on disk.
#[derive(Debug, Clone)]
pub struct Written {
    /// The file that was replaced or created (the end of any symbolic links).
    pub file: PathBuf,
    /// The new file's stamp, to notice later changes by others.
    pub stamp: DiskStamp,
    /// Set when the new file is in place but its backup could not be updated: what happened.
    pub backup_problem: Option<String>,
}

/// Where the previous version of a file is kept: `name.ron.bak` beside it.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes the file at `path` with what `write` produces, atomically (see the module notes).
/// Errors of `write` itself are returned as they are; the writer's own as `E::from`.
pub fn write_file<E: From<SaveError>>(
    path: &Path,
    options: WriteOptions<'_>,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<Written, E> {
    let target = follow_links(path);
    let backup = options.backup.then(|| backup_path(&target));
    let fail = |failure: SaveFailure| {
        E::from(SaveError {
            file: path.to_path_buf(),
            backup: backup.clone(),
            failure,
        })
    };
    let io_fail = |e: io::Error| fail(SaveFailure::Write(e));
    if target.is_dir() {
        return Err(io_fail(io::Error::from(io::ErrorKind::IsADirectory)));
    }
    let folder = folder_of(&target);
    let pause = test_pause();

    let mut temp = {
        let lock = lock_folder(&folder).map_err(fail)?;
        remove_leftovers(&folder, &lock);
        start_temp_file(&folder).map_err(io_fail)?
    };
    step(Step::Started, pause).map_err(io_fail)?;
    let mut hash = ContentHash::default();
    let mut len = 0u64;
    {
        let out = BufWriter::with_capacity(1 << 16, temp.as_file_mut());
        let mut out = Hashing {
            inner: out,
            hash: &mut hash,
            len: &mut len,
        };
        write(&mut out)?;
        out.inner.flush().map_err(io_fail)?;
    }
    step(Step::Write, pause).map_err(io_fail)?;
    if let Ok(meta) = fs::metadata(&target) {
        // A replaced file keeps its permissions.
        temp.as_file()
            .set_permissions(meta.permissions())
            .map_err(io_fail)?;
    }
    temp.as_file().sync_all().map_err(io_fail)?;
    step(Step::Sync, pause).map_err(io_fail)?;

    let _lock = lock_folder(&folder).map_err(fail)?;
    // A file deleted since (moved away, a branch switched) holds no one's work: it is written
    // again without asking.
    if let Some(expected) = options.expected
        && target.exists()
        && !expected.still_matches(&target).map_err(io_fail)?
    {
        return Err(fail(SaveFailure::ChangedOnDisk));
    }
    let old_version = match &backup {
        Some(_) if target.exists() => Some(
            keep_old_version(&target, &folder)
                .and_then(|kept| step(Step::Backup, pause).map(|()| kept))
                .map_err(|e| fail(SaveFailure::Backup(e)))?,
        ),
        _ => None,
    };
    step(Step::Replace, pause).map_err(|e| fail(SaveFailure::Replace(e)))?;
    // On failure the old version's temporary link or copy is dropped, which removes it: the
    // backup was not touched.
    let file = temp
        .persist(&target)
        .map_err(|e| fail(SaveFailure::Replace(e.error)))?;
    // Nothing can fail here (no fault is injected after the replacement); the hook may pause.
    let _ = step(Step::Replaced, pause);
    let backup_problem = match (old_version, &backup) {
        (Some(kept), Some(backup)) => step(Step::BackupRename, pause)
            .and_then(|()| kept.persist(backup).map_err(|e| e.error))
            .err()
            .map(|e| {
                format!(
                    "{} was saved, but its backup {} could not be updated ({}) and still holds \
                     an older version",
                    target.display(),
                    backup.display(),
                    super::explain_io(&e)
                )
            }),
        _ => None,
    };
    // Make the renames durable.
    if let Ok(dir) = fs::File::open(&folder) {
        let _ = dir.sync_all();
    }
    let stamp = DiskStamp {
        modified: file.metadata().and_then(|m| m.modified()).ok(),
        len,
        hash: hash.finish(),
    };
    Ok(Written {
        file: target,
        stamp,
        backup_problem,
    })
}

/// A temporary file in `folder` for content that will replace a file there, locked so that
/// no other save takes it for a leftover. It has the permissions any new file would get
/// (0666 less the umask), not a temporary file's owner-only ones, so a file it creates stays
/// readable to whoever could read the folder's files. The caller holds the folder lock.
fn start_temp_file(folder: &Path) -> io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let temp = builder.tempfile_in(folder)?;
    match temp.as_file().try_lock() {
        Ok(()) => {}
        Err(fs::TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {}
        Err(fs::TryLockError::Error(e)) => return Err(e),
        Err(fs::TryLockError::WouldBlock) => {
            return Err(io::Error::from(io::ErrorKind::WouldBlock));
        }
    }
    Ok(temp)
}

/// The current version of `target`, kept under a temporary name in `folder` until it is
/// renamed to the backup: a hard link (instant, no space needed), or a synced copy where the
/// file system has no links. Dropping it removes the temporary name.
fn keep_old_version(target: &Path, folder: &Path) -> io::Result<tempfile::TempPath> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(".bak.tmp");
    fault(Step::Backup)?;
    if let Ok(link) = builder.make_in(folder, |name| fs::hard_link(target, name)) {
        return Ok(link.into_temp_path());
    }
    let mut copy = builder.tempfile_in(folder)?;
    let mut old = fs::File::open(target)?;
    io::copy(&mut old, copy.as_file_mut())?;
    copy.as_file()
        .set_permissions(old.metadata()?.permissions())?;
    copy.as_file().sync_all()?;
    Ok(copy.into_temp_path())
}

/// The file `path` names, following symbolic links (also a link to a file not yet there), so
/// the link stays a link and its target is written.
pub fn follow_links(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    // The system's own limit on link chains; a loop ends here and fails at the write.
    for _ in 0..40 {
        let Ok(next) = fs::read_link(&current) else {
            break;
        };
        current = if next.is_absolute() {
            next
        } else {
            folder_of(&current).join(next)
        };
    }
    current
}

/// The folder a file is in (`.` for a bare file name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Locks `folder` for the steps that must not interleave with another process's save.
fn lock_folder(folder: &Path) -> Result<FolderLock, SaveFailure> {
    FolderLock::acquire(folder).map_err(|problem| match problem {
        LockProblem::Busy => SaveFailure::Busy,
        LockProblem::Io(e) => SaveFailure::Write(e),
    })
}

/// A writer that hashes and counts what passes through it.
struct Hashing<'a, W: Write> {
    inner: W,
    hash: &'a mut ContentHash,
    len: &'a mut u64,
}

impl<W: Write> Write for Hashing<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        fault(Step::Write)?;
        let n = self.inner.write(buf)?;
        let written = buf.get(..n).unwrap_or_default();
        self.hash.add(written);
        *self.len += written.len() as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// The steps of a write, for the test hook and for faults injected by unit tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    /// The temporary file exists, empty.
    Started,
    /// The new content is in the temporary file.
    Write,
    /// The temporary file is synced.
    Sync,
    /// The old version is kept under a temporary name.
    Backup,
    /// The new file is about to replace the old.
    Replace,
    /// The new file is in place.
    Replaced,
    /// The old version is about to become the backup.
    BackupRename,
}

/// The pause the test hook asks for after each step, if any.
fn test_pause() -> Option<Duration> {
    std::env::var("STANCEMAP_TEST_SAVE_PAUSE_MS")
        .ok()
        .and_then(|ms| ms.trim().parse().ok())
        .map(Duration::from_millis)
}

/// Ends a step: fails if a unit test injected a fault here, pauses if the test hook asks.
fn step(step: Step, pause: Option<Duration>) -> io::Result<()> {
    if step != Step::Write && step != Step::Backup {
        fault(step)?;
    }
    if let Some(pause) = pause {
        eprintln!("stancemap-save-step: {step:?}");
        std::thread::sleep(pause);
    }
    Ok(())
}

#[cfg(test)]
thread_local! {
    static FAULT: std::cell::Cell<Option<(Step, io::ErrorKind)>> = const { std::cell::Cell::new(None) };
}

/// Makes the next writes on this thread fail at `step` with `kind` (a full disk, a file that
/// cannot be replaced), until cleared with `None`.
#[cfg(test)]
pub(crate) fn inject_fault(fault: Option<(Step, io::ErrorKind)>) {
    FAULT.with(|f| f.set(fault));
}

/// The fault a unit test injected for `step`, if any.
#[cfg(test)]
fn fault(step: Step) -> io::Result<()> {
    match FAULT.with(std::cell::Cell::get) {
        Some((at, kind)) if at == step => Err(io::Error::from(kind)),
        _ => Ok(()),
    }
}

/// Outside unit tests no fault is ever injected.
#[cfg(not(test))]
fn fault(_step: Step) -> io::Result<()> {
    Ok(())
}
