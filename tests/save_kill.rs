//! Saves of a large map killed with SIGKILL at every step, and two processes saving one file
//! at once, with the real binary. The writer's test hook (`STANCEMAP_TEST_SAVE_PAUSE_MS`,
//! see src/io/writer.rs) makes each step print its name and wait, so the kills land where they
//! are meant to rather than where luck puts them.

// Helpers fail the test loudly when something they set up goes wrong.
#![allow(clippy::unwrap_used)]

use stancemap::io::{backup_path, load_file, load_str, save_file, to_ron_string};
use stancemap::model::Map;
use stancemap::model::synthetic::synthetic_map;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The steps the hook names, in order (see `Step` in src/io/writer.rs).
const STEPS: [&str; 7] = [
    "Started",
    "Write",
    "Sync",
    "Backup",
    "Replace",
    "Replaced",
    "BackupRename",
];

/// `stancemap ARGS` with the writer's pause hook on.
fn stancemap_paused(args: &[&Path], pause_ms: u64) -> Child {
    Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .args(args)
        .env("STANCEMAP_TEST_SAVE_PAUSE_MS", pause_ms.to_string())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Reads the child's stderr until the hook reports `step`; false if the child ended first.
fn wait_for_step(lines: &mut impl Iterator<Item = std::io::Result<String>>, step: &str) -> bool {
    let marker = format!("stancemap-save-step: {step}");
    lines.any(|line| line.is_ok_and(|l| l == marker))
}

/// Temporary files of saves in `dir`.
fn temp_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(stancemap::io::TEMP_PREFIX)
        })
        .collect()
}

/// Which of `versions` the file at `path` is, by bytes; fails if it is none of them or does
/// not load. (Parsed from its text: opening the file would tidy the folder's leftovers,
/// which the test wants the next save to do.)
fn which_version(path: &Path, versions: &[(&str, &[u8])]) -> String {
    let bytes = std::fs::read(path).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    load_str(&text, path).unwrap_or_else(|e| panic!("{} does not load: {e}", path.display()));
    versions
        .iter()
        .find(|(_, v)| *v == bytes.as_slice())
        .map(|(name, _)| (*name).to_owned())
        .unwrap_or_else(|| panic!("{} is none of the known versions", path.display()))
}

#[test]
fn a_save_killed_at_any_step_leaves_the_map_and_its_backup_whole() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("maps");
    std::fs::create_dir(&dir).unwrap();
    // About 2 MB each: large enough that writing the content takes a while.
    let older = to_ron_string(&synthetic_map(2_000, 5_000, 1)).unwrap();
    let old = to_ron_string(&synthetic_map(2_000, 5_000, 2)).unwrap();
    let new_map = synthetic_map(2_000, 5_000, 3);
    let new = to_ron_string(&new_map).unwrap();
    let input = work.path().join("new.ron");
    save_file(&input, &new_map).unwrap();
    let target = dir.join("map.ron");
    let versions: [(&str, &[u8]); 3] = [
        ("older", older.as_bytes()),
        ("old", old.as_bytes()),
        ("new", new.as_bytes()),
    ];

    // Kill points: at several moments while the content is written, then after each step.
    let mut kills: Vec<(&str, Duration)> = (1..=16)
        .map(|ms| ("Started", Duration::from_millis(ms * 6)))
        .collect();
    kills.extend(STEPS.iter().map(|s| (*s, Duration::ZERO)));
    let mut outcomes = Vec::new();
    let mut left_behind = 0;
    for (step, extra) in kills {
        let before = temp_files(&dir);
        std::fs::write(&target, &old).unwrap();
        std::fs::write(backup_path(&target), &older).unwrap();
        // A long pause after `Started` only when killing while the content is written.
        let pause = if extra.is_zero() { 200 } else { 1 };
        let mut child = stancemap_paused(
            &[Path::new("convert"), &input, Path::new("-o"), &target],
            pause,
        );
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        assert!(
            wait_for_step(&mut lines, step),
            "the save never reached {step}"
        );
        std::thread::sleep(extra);
        child.kill().unwrap();
        child.wait().unwrap();
        let map = which_version(&target, &versions);
        let backup = which_version(&backup_path(&target), &versions);
        assert!(
            map == "old" || map == "new",
            "killed after {step}: map is {map}"
        );
        assert!(
            backup == "older" || backup == "old",
            "killed after {step}: backup is {backup}"
        );
        // This save removed what the previous killed one had left.
        assert!(
            before.iter().all(|p| !p.exists()),
            "killed after {step}: {before:?} still there"
        );
        left_behind += temp_files(&dir).len();
        outcomes.push(format!("{step}+{extra:?}: {map}/{backup}"));
        eprintln!("{}", outcomes.last().unwrap());
    }
    // The kills landed on both sides of the replacement.
    assert!(
        outcomes.iter().any(|o| o.contains(": old/")),
        "{outcomes:?}"
    );
    assert!(
        outcomes.iter().any(|o| o.contains(": new/")),
        "{outcomes:?}"
    );
    assert!(
        left_behind >= 3,
        "kills left only {left_behind} temporary files: {outcomes:?}"
    );
    assert!(!temp_files(&dir).is_empty(), "the last kill left nothing");

    // The next save removes every leftover and leaves only the map and its backup.
    save_file(&target, &Map::new("after")).unwrap();
    assert!(temp_files(&dir).is_empty(), "{:?}", temp_files(&dir));
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2);
}

#[test]
fn two_processes_saving_one_file_never_interleave_and_the_later_is_told() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("map.ron");
    save_file(&target, &synthetic_map(60, 120, 4)).unwrap();
    let original = std::fs::read(&target).unwrap();
    // Both read the file, lay it out and save it; each save waits 300 ms after each step.
    let layout = |kind: &'static str| {
        let mut args = vec![Path::new("layout")];
        if kind == "network" {
            args.push(Path::new("--network"));
        }
        args.push(&target);
        stancemap_paused(&args, 300)
    };
    let mut first = layout("stance");
    let mut second = layout("network");
    let mut first_lines = BufReader::new(first.stderr.take().unwrap()).lines();
    let mut second_lines = BufReader::new(second.stderr.take().unwrap()).lines();
    // Both have read the file and started their saves before either replaced it.
    assert!(wait_for_step(&mut first_lines, "Started"));
    assert!(wait_for_step(&mut second_lines, "Started"));
    let rest = |lines: std::io::Lines<BufReader<std::process::ChildStderr>>| {
        lines.map_while(Result::ok).collect::<Vec<_>>().join("\n")
    };
    let (first_err, second_err) = (rest(first_lines), rest(second_lines));
    let (first_ok, second_ok) = (
        first.wait().unwrap().success(),
        second.wait().unwrap().success(),
    );
    assert!(
        first_ok != second_ok,
        "exactly one may win: {first_err}\n---\n{second_err}"
    );
    let loser = if first_ok { &second_err } else { &first_err };
    assert!(
        loser.contains("was changed on disk by another program or window"),
        "{loser}"
    );
    // The file is the winner's layout, whole; the backup is the original.
    let saved = load_file(&target).unwrap();
    assert_ne!(std::fs::read(&target).unwrap(), original);
    assert!(saved.claims().len() > 0);
    assert_eq!(std::fs::read(backup_path(&target)).unwrap(), original);
    assert!(temp_files(dir.path()).is_empty());
}
