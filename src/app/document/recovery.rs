//! Never losing work: while the map has unsaved changes, a recovery copy is written in the
//! background (in the app's data folder, not beside the user's file) at most every few
//! seconds. A clean exit removes it; after a crash the next start finds it and offers it back.
//!
//! Each running app owns one copy, named after its session, and holds a lock on a file beside
//! it. A copy whose lock nobody holds belongs to a session that ended without cleaning up.

use crate::app::document::Document;
use crate::io::{
    SaveError, SaveFailure, WriteOptions, explain_io, load_str, to_ron_string, write_file,
};
use crate::model::Map;
use eframe::egui;
use serde::{Deserialize, Serialize};
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The least time between two recovery writes.
pub const RECOVERY_INTERVAL: Duration = Duration::from_secs(5);

const COPY_SUFFIX: &str = ".recovery.ron";
const LOCK_SUFFIX: &str = ".lock";

/// What a recovery file holds: the map's file text and where it came from.
#[derive(Debug, Serialize, Deserialize)]
struct RecoveryFile {
    /// The file the map belongs to, if it had one.
    original: Option<PathBuf>,
    /// When the copy was written, in local time.
    saved_at: String,
    /// The map's title, to show before loading it.
    title: String,
    /// The map as map-file text.
    map: String,
}

/// A recovery copy left behind by a session that did not end cleanly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveryCopy {
    copy: PathBuf,
    lock: PathBuf,
    /// The file the map belonged to (`None` for a map never saved).
    pub original: Option<PathBuf>,
    /// When the copy was written.
    pub saved_at: String,
    /// The map's title.
    pub title: String,
}

impl RecoveryCopy {
    /// Reads the copied map.
    pub fn load(&self) -> Result<Map, String> {
        let text = fs::read_to_string(&self.copy)
            .map_err(|e| format!("cannot read {}: {}", self.copy.display(), explain_io(&e)))?;
        let file: RecoveryFile = ron::from_str(&text)
            .map_err(|e| format!("{}: not a recovery copy: {e}", self.copy.display()))?;
        load_str(&file.map, &self.copy).map_err(|e| e.to_string())
    }

    /// Deletes the copy (after it was restored or the user declined it).
    pub fn discard(&self) {
        // Already gone is fine: either way it will not be offered again.
        let _ = fs::remove_file(&self.copy);
        let _ = fs::remove_file(&self.lock);
    }

    /// The recovery file itself.
    pub fn path(&self) -> &Path {
        &self.copy
    }
}

/// Work for the background writer.
enum Job {
    Write {
        map: Box<Map>,
        original: Option<PathBuf>,
    },
    Remove,
}

/// This session's recovery copy and the thread that writes it.
#[derive(Debug)]
pub struct Recovery {
    copy: PathBuf,
    lock_path: PathBuf,
    /// Held for the whole session so other sessions know this copy is not abandoned.
    _lock: File,
    jobs: Option<Sender<Job>>,
    worker: Option<JoinHandle<()>>,
    errors: Receiver<String>,
    interval: Duration,
    last_write: Option<Instant>,
    /// The document generation last sent to the writer.
    written: Option<u64>,
    has_copy: bool,
}

impl Recovery {
    /// Starts a session keeping its copy in `dir`, writing at most every `interval`. Returns
    /// the copies that earlier sessions left behind, newest first.
    pub fn start(dir: &Path, interval: Duration) -> Result<(Recovery, Vec<RecoveryCopy>), String> {
        let fail = |what: &str, e: std::io::Error| {
            format!("cannot {what} {}: {}", dir.display(), explain_io(&e))
        };
        fs::create_dir_all(dir).map_err(|e| fail("create the recovery folder", e))?;
        let left_behind = abandoned_copies(dir);
        let session = session_name();
        let lock_path = dir.join(format!("{session}{LOCK_SUFFIX}"));
        let lock = File::create(&lock_path).map_err(|e| fail("write in", e))?;
        lock.try_lock()
            .map_err(|e| format!("cannot lock {}: {e}", lock_path.display()))?;
        let copy = dir.join(format!("{session}{COPY_SUFFIX}"));
        let (jobs, job_receiver) = channel();
        let (error_sender, errors) = channel();
        let worker_copy = copy.clone();
        let worker = std::thread::Builder::new()
            .name("recovery writer".to_owned())
            .spawn(move || write_jobs(&worker_copy, &job_receiver, &error_sender))
            .map_err(|e| format!("cannot start the recovery writer: {e}"))?;
        let recovery = Recovery {
            copy,
            lock_path,
            _lock: lock,
            jobs: Some(jobs),
            worker: Some(worker),
            errors,
            interval,
            last_write: None,
            written: None,
            has_copy: false,
        };
        Ok((recovery, left_behind))
    }

    /// Where this session's copy is written.
    pub fn copy_path(&self) -> &Path {
        &self.copy
    }

    /// Called every frame: sends the map to the writer when it has unsaved changes not yet
    /// copied and the interval has passed; removes the copy once nothing is unsaved.
    pub fn tick(&mut self, ctx: &egui::Context, doc: &Document) {
        if !doc.is_dirty() {
            if self.has_copy {
                self.send(Job::Remove);
                self.has_copy = false;
                self.written = None;
            }
            return;
        }
        if self.written == Some(doc.generation()) {
            return;
        }
        let wait = self.last_write.map_or(Duration::ZERO, |t| {
            self.interval.saturating_sub(t.elapsed())
        });
        if !wait.is_zero() {
            ctx.request_repaint_after(wait);
            return;
        }
        self.send(Job::Write {
            map: Box::new(doc.map().clone()),
            original: doc.path().map(Path::to_path_buf),
        });
        self.last_write = Some(Instant::now());
        self.written = Some(doc.generation());
        self.has_copy = true;
    }

    /// Forgets what was written: the document was replaced, and generation numbers start over.
    pub fn document_replaced(&mut self) {
        self.written = None;
        self.last_write = None;
    }

    /// A problem the writer ran into since last asked, for the status line.
    pub fn take_error(&mut self) -> Option<String> {
        self.errors.try_iter().last()
    }

    /// Clean exit: waits for the writer, then removes this session's copy and lock.
    pub fn finish(&mut self) {
        self.jobs = None;
        if let Some(worker) = self.worker.take() {
            // A writer that panicked has nothing left to clean up.
            let _ = worker.join();
        }
        let _ = fs::remove_file(&self.copy);
        let _ = fs::remove_file(&self.lock_path);
    }

    fn send(&mut self, job: Job) {
        if let Some(jobs) = &self.jobs {
            // The writer only stops when `finish` drops the sender.
            let _ = jobs.send(job);
        }
    }
}

/// The writer thread: serialises and writes copies until the app finishes. Only the newest of
/// several queued jobs matters.
fn write_jobs(copy: &Path, jobs: &Receiver<Job>, errors: &Sender<String>) {
    while let Ok(first) = jobs.recv() {
        let job = jobs.try_iter().last().unwrap_or(first);
        let result = match job {
            Job::Write { map, original } => write_copy(copy, &map, original),
            Job::Remove => match fs::remove_file(copy) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
                _ => Ok(()),
            },
        };
        if let Err(e) = result {
            let _ = errors.send(format!(
                "could not write the recovery copy {}: {}",
                copy.display(),
                explain_io(&e)
            ));
        }
    }
}

/// Writes the copy through the one atomic writer: a temporary file in the same folder renamed
/// over the old copy.
fn write_copy(copy: &Path, map: &Map, original: Option<PathBuf>) -> std::io::Result<()> {
    let file = RecoveryFile {
        original,
        saved_at: jiff::Zoned::now().strftime("%Y-%m-%d %H:%M:%S").to_string(),
        title: map.title().to_owned(),
        map: to_ron_string(map).map_err(std::io::Error::other)?,
    };
    let text = ron::ser::to_string_pretty(&file, ron::ser::PrettyConfig::default())
        .map_err(std::io::Error::other)?;
    write_file(copy, WriteOptions::default(), |out| {
        out.write_all(text.as_bytes()).map_err(|e| SaveError {
            file: copy.to_path_buf(),
            backup: None,
            failure: SaveFailure::Write(e),
        })
    })
    .map_err(|e| match e.failure {
        SaveFailure::Write(e) | SaveFailure::Backup(e) | SaveFailure::Replace(e) => e,
        SaveFailure::ChangedOnDisk | SaveFailure::Busy => {
            std::io::Error::other("another stancemap process kept writing in that folder")
        }
    })?;
    Ok(())
}

/// A name no other session has: the process id and the start time.
fn session_name() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("session-{}-{nanos}", std::process::id())
}

/// Copies in `dir` whose session is over (nobody holds their lock), newest first. Locks of
/// ended sessions that left no copy are removed.
fn abandoned_copies(dir: &Path) -> Vec<RecoveryCopy> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<(std::time::SystemTime, RecoveryCopy)> = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(session) = name.strip_suffix(LOCK_SUFFIX) {
            let copy = dir.join(format!("{session}{COPY_SUFFIX}"));
            if !copy.exists() && !is_locked(&entry.path()) {
                let _ = fs::remove_file(entry.path());
            }
            continue;
        }
        let Some(session) = name.strip_suffix(COPY_SUFFIX) else {
            continue;
        };
        let lock = dir.join(format!("{session}{LOCK_SUFFIX}"));
        if is_locked(&lock) {
            continue;
        }
        let modified = entry
            .metadata()
            .and_then(|m| m.modified())
            .unwrap_or(std::time::UNIX_EPOCH);
        found.push((modified, describe(entry.path(), lock)));
    }
    found.sort_by_key(|(modified, _)| std::cmp::Reverse(*modified));
    found.into_iter().map(|(_, copy)| copy).collect()
}

/// Reads a copy's description; an unreadable copy is still offered, so the user learns of it.
fn describe(copy: PathBuf, lock: PathBuf) -> RecoveryCopy {
    let file = fs::read_to_string(&copy)
        .ok()
        .and_then(|text| ron::from_str::<RecoveryFile>(&text).ok());
    match file {
        Some(file) => RecoveryCopy {
            copy,
            lock,
            original: file.original,
            saved_at: file.saved_at,
            title: file.title,
        },
        None => RecoveryCopy {
            copy,
            lock,
            original: None,
            saved_at: "an unknown time".to_owned(),
            title: "(unreadable recovery copy)".to_owned(),
        },
    }
}

/// Whether a live session holds the lock file at `path`.
fn is_locked(path: &Path) -> bool {
    match File::open(path) {
        Ok(file) => file.try_lock().is_err(),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, ClaimId, Edit, Point};

    fn dirty_document() -> Document {
        let mut doc = Document::new(Map::new("Recovered"), Some("/maps/r.ron".into()));
        let id: ClaimId = doc.map().id_allocator().claim();
        doc.apply(
            Edit::AddClaim(Claim::new(id, "kept", Point::default())),
            None,
        )
        .unwrap();
        doc
    }

    fn wait_for(condition: impl Fn() -> bool) {
        for _ in 0..500 {
            if condition() {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!("the recovery writer never got there");
    }

    #[test]
    fn a_crashed_session_leaves_a_copy_that_the_next_one_finds() {
        let dir = tempfile::tempdir().unwrap();
        let ctx = egui::Context::default();
        let doc = dirty_document();
        let (mut first, found) = Recovery::start(dir.path(), Duration::ZERO).unwrap();
        assert!(found.is_empty());
        first.tick(&ctx, &doc);
        let copy = first.copy_path().to_path_buf();
        wait_for(|| copy.exists());
        // While the first session runs, its copy is not offered to others.
        let (_second, found) = Recovery::start(dir.path(), Duration::ZERO).unwrap();
        assert!(found.is_empty());
        drop(first); // a crash: no clean finish
        let (_third, found) = Recovery::start(dir.path(), Duration::ZERO).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].title, "Recovered");
        assert_eq!(found[0].original, Some(PathBuf::from("/maps/r.ron")));
        assert_eq!(found[0].load().unwrap(), *doc.map());
        found[0].discard();
        assert!(!copy.exists());
    }

    #[test]
    fn a_clean_finish_removes_the_copy() {
        let dir = tempfile::tempdir().unwrap();
        let ctx = egui::Context::default();
        let (mut recovery, _) = Recovery::start(dir.path(), Duration::ZERO).unwrap();
        recovery.tick(&ctx, &dirty_document());
        recovery.finish();
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn saved_changes_need_no_copy() {
        let dir = tempfile::tempdir().unwrap();
        let ctx = egui::Context::default();
        let (mut recovery, _) = Recovery::start(dir.path(), Duration::ZERO).unwrap();
        let mut doc = dirty_document();
        recovery.tick(&ctx, &doc);
        let copy = recovery.copy_path().to_path_buf();
        wait_for(|| copy.exists());
        doc.mark_saved("/maps/r.ron".into(), None);
        recovery.tick(&ctx, &doc);
        wait_for(|| !copy.exists());
    }

    #[test]
    fn writes_wait_for_the_interval() {
        let dir = tempfile::tempdir().unwrap();
        let ctx = egui::Context::default();
        let (mut recovery, _) = Recovery::start(dir.path(), Duration::from_secs(3600)).unwrap();
        let mut doc = dirty_document();
        recovery.tick(&ctx, &doc);
        assert_eq!(recovery.written, Some(doc.generation()));
        let id = doc.map().id_allocator().claim();
        doc.apply(
            Edit::AddClaim(Claim::new(id, "later", Point::default())),
            None,
        )
        .unwrap();
        recovery.tick(&ctx, &doc);
        assert_ne!(recovery.written, Some(doc.generation()));
    }
}
