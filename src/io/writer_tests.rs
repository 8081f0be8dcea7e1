//! Unit tests of the one writer: backups that are always complete, failures at every step
//! (a full disk, a file that cannot be replaced) that change nothing, files changed on disk,
//! symbolic links, and leftovers of interrupted saves.

use super::writer::{Step, inject_fault};
use super::*;
use crate::model::Map;
use std::fs;
use std::io::ErrorKind;
use std::path::Path;

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

/// A folder holding `map.ron` (titled "current") and its backup `map.ron.bak` (titled
/// "older"), and the bytes of each.
fn saved_twice() -> (tempfile::TempDir, std::path::PathBuf, Vec<u8>, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    save_file(&path, &Map::new("older")).unwrap();
    save_file(&path, &Map::new("current")).unwrap();
    let current = fs::read(&path).unwrap();
    let older = fs::read(backup_path(&path)).unwrap();
    assert_eq!(load_file(&backup_path(&path)).unwrap().title(), "older");
    (dir, path, current, older)
}

/// Saves a map titled "new" with `fault` injected, and returns the error.
fn save_failing_at(path: &Path, step: Step, kind: ErrorKind) -> SaveError {
    inject_fault(Some((step, kind)));
    let result = save_file(path, &Map::new("new"));
    inject_fault(None);
    result.unwrap_err()
}

#[test]
fn each_save_keeps_the_version_it_replaced_as_the_backup() {
    let (dir, path, current, _) = saved_twice();
    save_file(&path, &Map::new("third")).unwrap();
    assert_eq!(fs::read(backup_path(&path)).unwrap(), current);
    assert_eq!(load_file(&path).unwrap().title(), "third");
    assert_eq!(names(dir.path()), ["map.ron", "map.ron.bak"]);
}

#[test]
fn a_full_disk_while_writing_changes_nothing_and_says_so() {
    let (dir, path, current, older) = saved_twice();
    let error = save_failing_at(&path, Step::Write, ErrorKind::StorageFull);
    let message = error.to_string();
    assert!(message.contains("the disk is full"), "{message}");
    assert!(
        message.contains("nothing was changed") && message.contains("map.ron.bak are as they were"),
        "{message}"
    );
    assert_eq!(fs::read(&path).unwrap(), current);
    assert_eq!(fs::read(backup_path(&path)).unwrap(), older);
    assert_eq!(names(dir.path()), ["map.ron", "map.ron.bak"]);
}

#[test]
fn a_full_disk_while_keeping_the_backup_keeps_the_older_backup_intact() {
    let (dir, path, current, older) = saved_twice();
    let error = save_failing_at(&path, Step::Backup, ErrorKind::StorageFull);
    let message = error.to_string();
    assert!(
        message.contains("backup failed (the disk is full)"),
        "{message}"
    );
    assert_eq!(fs::read(&path).unwrap(), current);
    assert_eq!(fs::read(backup_path(&path)).unwrap(), older);
    assert_eq!(names(dir.path()), ["map.ron", "map.ron.bak"]);
}

#[test]
fn a_file_that_cannot_be_replaced_leaves_the_backup_untouched() {
    let (dir, path, current, older) = saved_twice();
    let error = save_failing_at(&path, Step::Replace, ErrorKind::PermissionDenied);
    let message = error.to_string();
    assert!(message.contains("could not replace the file"), "{message}");
    assert!(message.contains("nothing was changed"), "{message}");
    assert_eq!(fs::read(&path).unwrap(), current);
    assert_eq!(fs::read(backup_path(&path)).unwrap(), older);
    assert_eq!(names(dir.path()), ["map.ron", "map.ron.bak"]);
}

#[test]
fn a_backup_that_cannot_be_updated_after_the_save_is_reported() {
    let (dir, path, _, older) = saved_twice();
    inject_fault(Some((Step::BackupRename, ErrorKind::PermissionDenied)));
    let written = save_file(&path, &Map::new("new"));
    inject_fault(None);
    let written = written.unwrap();
    assert_eq!(load_file(&path).unwrap().title(), "new");
    assert_eq!(fs::read(backup_path(&path)).unwrap(), older);
    let problem = written.backup_problem.unwrap();
    assert!(problem.contains("was saved, but its backup"), "{problem}");
    assert!(
        problem.contains("still holds an older version"),
        "{problem}"
    );
    assert_eq!(names(dir.path()), ["map.ron", "map.ron.bak"]);
}

/// The real thing where the system allows it: a file marked immutable (`chattr +i`, root only)
/// cannot be replaced, and its backup stays as it was.
#[test]
#[ignore = "needs chattr (apt install e2fsprogs)"]
fn an_immutable_file_leaves_its_backup_untouched() {
    let chattr = crate::testing::needs::program("chattr", "e2fsprogs");
    let (dir, path, current, older) = saved_twice();
    let set = |flag: &str| {
        std::process::Command::new(&chattr)
            .arg(flag)
            .arg(&path)
            .status()
            .unwrap()
            .success()
    };
    assert!(
        set("+i"),
        "needs root and a file system with immutable files (ext4, xfs, btrfs) for chattr +i"
    );
    let result = save_file(&path, &Map::new("new"));
    assert!(set("-i"));
    let message = result.unwrap_err().to_string();
    assert!(message.contains("could not replace the file"), "{message}");
    assert_eq!(fs::read(&path).unwrap(), current);
    assert_eq!(fs::read(backup_path(&path)).unwrap(), older);
    assert_eq!(names(dir.path()), ["map.ron", "map.ron.bak"]);
}

/// A small tmpfs, unmounted when dropped (also when the test fails).
struct SmallDisk(tempfile::TempDir);

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg(self.0.path())
            .status();
    }
}

/// A real full disk: a 1 MB tmpfs (mounting needs root), filled so that the new version does
/// not fit. The map and the older backup stay byte for byte, and no temporary file is left.
#[test]
#[ignore = "needs mount (apt install mount)"]
fn a_really_full_disk_keeps_the_map_and_the_older_backup() {
    let mount = crate::testing::needs::program("mount", "mount");
    let disk = SmallDisk(tempfile::tempdir().unwrap());
    let mounted = std::process::Command::new(mount)
        .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
        .arg(disk.0.path())
        .status()
        .unwrap()
        .success();
    assert!(mounted, "needs root to mount a 1 MB tmpfs");
    let path = disk.0.path().join("map.ron");
    save_file(&path, &crate::model::synthetic::synthetic_map(40, 80, 1)).unwrap();
    save_file(&path, &crate::model::synthetic::synthetic_map(40, 80, 2)).unwrap();
    let (current, older) = (
        fs::read(&path).unwrap(),
        fs::read(backup_path(&path)).unwrap(),
    );
    // Leave about 200 KB free; the new version is over 400 KB.
    fs::write(disk.0.path().join("filler"), vec![0u8; 700 * 1024]).unwrap();
    let big = crate::model::synthetic::synthetic_map(600, 1_200, 3);
    assert!(to_ron_string(&big).unwrap().len() > 400 * 1024);
    let message = save_file(&path, &big).unwrap_err().to_string();
    assert!(message.contains("the disk is full"), "{message}");
    assert!(message.contains("nothing was changed"), "{message}");
    assert_eq!(fs::read(&path).unwrap(), current);
    assert_eq!(fs::read(backup_path(&path)).unwrap(), older);
    assert_eq!(names(disk.0.path()), ["filler", "map.ron", "map.ron.bak"]);
}

#[test]
fn a_file_changed_on_disk_is_not_saved_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    let written = save_file(&path, &Map::new("mine")).unwrap();
    let (_, opened) = load_file_stamped(&path).unwrap();
    assert_eq!(written.stamp, opened);
    // Saving again with what was opened works and moves the stamp on.
    let written = save_map(&path, &Map::new("mine 2"), Some(&opened)).unwrap();
    save_file(&path, &Map::new("theirs")).unwrap();
    let theirs = fs::read(&path).unwrap();
    let backup = fs::read(backup_path(&path)).unwrap();
    let error = save_map(&path, &Map::new("mine 3"), Some(&written.stamp)).unwrap_err();
    assert!(error.is_changed_on_disk());
    assert!(error.to_string().contains("was changed on disk"), "{error}");
    assert_eq!(fs::read(&path).unwrap(), theirs);
    assert_eq!(fs::read(backup_path(&path)).unwrap(), backup);
    // A file deleted since is written again: there is nothing of anyone's to lose.
    fs::remove_file(&path).unwrap();
    save_map(&path, &Map::new("mine 4"), Some(&written.stamp)).unwrap();
    assert_eq!(load_file(&path).unwrap().title(), "mine 4");
}

#[test]
fn leftovers_of_interrupted_saves_go_at_the_next_save_and_open() {
    let (dir, path, _, _) = saved_twice();
    let leftover = |name: &str| {
        let p = dir.path().join(name);
        fs::write(&p, "half a map").unwrap();
        p
    };
    let a = leftover(".stancemap-save-a1b2c3.tmp");
    let b = leftover(".stancemap-save-d4e5f6.bak.tmp");
    save_file(&path, &Map::new("next")).unwrap();
    assert!(!a.exists() && !b.exists());
    let c = leftover(".stancemap-save-g7h8i9.tmp");
    load_file(&path).unwrap();
    assert!(!c.exists());
    // A file another save is writing right now (it holds the lock) stays.
    let busy = leftover(".stancemap-save-busy.tmp");
    let held = fs::File::open(&busy).unwrap();
    held.lock().unwrap();
    save_file(&path, &Map::new("again")).unwrap();
    assert!(busy.exists());
    drop(held);
    assert_eq!(names(dir.path()).len(), 3);
}

#[cfg(unix)]
#[test]
fn every_kind_of_file_is_written_through_a_symbolic_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.svg");
    fs::write(&real, "old picture").unwrap();
    let link = dir.path().join("link.svg");
    std::os::unix::fs::symlink("real.svg", &link).unwrap();
    let write = |bytes: &'static [u8]| {
        move |out: &mut dyn std::io::Write| {
            out.write_all(bytes).map_err(|e| SaveError {
                file: "x".into(),
                backup: None,
                failure: SaveFailure::Write(e),
            })
        }
    };
    let written = write_file(&link, WriteOptions::default(), write(b"new picture")).unwrap();
    assert_eq!(written.file, dir.path().join("real.svg"));
    assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
    assert_eq!(fs::read(&real).unwrap(), b"new picture");
    // A link to a file not there yet creates the file, and the link stays.
    let dangling = dir.path().join("dangling.svg");
    std::os::unix::fs::symlink(dir.path().join("made.svg"), &dangling).unwrap();
    write_file(&dangling, WriteOptions::default(), write(b"made")).unwrap();
    assert!(fs::symlink_metadata(&dangling).unwrap().is_symlink());
    assert_eq!(fs::read(dir.path().join("made.svg")).unwrap(), b"made");
    // A map's backup sits beside the file the link points to.
    let map_link = dir.path().join("link.ron");
    std::os::unix::fs::symlink("real.ron", &map_link).unwrap();
    save_file(&map_link, &Map::new("one")).unwrap();
    save_file(&map_link, &Map::new("two")).unwrap();
    assert_eq!(
        load_file(&dir.path().join("real.ron.bak")).unwrap().title(),
        "one"
    );
    assert!(fs::symlink_metadata(&map_link).unwrap().is_symlink());
}
