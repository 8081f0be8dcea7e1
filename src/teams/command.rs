//! `stancemap diff`, `stancemap git-diff`: the differences between two maps on the command
//! line, for people, for programs (`--json`) and for git (as its external diff for maps).

use super::diff::{DiffOptions, MapDiff, diff_maps, diff_report};
use crate::io::load_file;
use crate::model::Map;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `stancemap diff`.
#[derive(Debug, Clone, clap::Args)]
pub struct DiffArgs {
    /// The first (older) map.
    pub old: PathBuf,
    /// The second (newer) map.
    pub new: PathBuf,
    /// Also list nodes that moved on the canvas or were pinned or unpinned.
    #[arg(long)]
    pub positions: bool,
    /// Print the differences as JSON, for programs.
    #[arg(long)]
    pub json: bool,
}

/// Arguments git passes to an external diff program (`diff.<driver>.command`).
#[derive(Debug, Clone, clap::Args)]
pub struct GitDiffArgs {
    /// The file's path in the repository.
    pub path: String,
    /// The old version's file (`/dev/null` for a new file).
    pub old_file: PathBuf,
    /// The old version's blob id.
    pub old_hex: String,
    /// The old version's file mode.
    pub old_mode: String,
    /// The new version's file (`/dev/null` for a deleted file).
    pub new_file: PathBuf,
    /// The new version's blob id.
    pub new_hex: String,
    /// The new version's file mode.
    pub new_mode: String,
}

/// Exit status when a map cannot be read, as diff(1) and `git diff --no-index` use it.
const TROUBLE: u8 = 2;

/// Runs `stancemap diff`: exit 0 when the maps are the same, 1 when they differ, 2 when one
/// cannot be read (its problems on stderr as `stancemap check` prints them).
pub fn run_diff(args: &DiffArgs) -> ExitCode {
    let (old, new) = match (load_file(&args.old), load_file(&args.new)) {
        (Ok(old), Ok(new)) => (old, new),
        (old, new) => {
            for error in [old.err(), new.err()].into_iter().flatten() {
                for line in error.lines() {
                    eprintln!("{line}");
                }
            }
            return ExitCode::from(TROUBLE);
        }
    };
    let diff = diff_maps(
        &old,
        &new,
        DiffOptions {
            positions: args.positions,
        },
    );
    if args.json {
        match serde_json::to_string_pretty(&diff) {
            Ok(json) => println!("{json}"),
            Err(error) => {
                eprintln!("stancemap diff: cannot write JSON: {error}");
                return ExitCode::from(TROUBLE);
            }
        }
    } else {
        print!("{}", diff_report(&diff));
    }
    if diff.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Runs `stancemap git-diff`, git's external diff for maps: prints the differences under a
/// header naming the file. It exits 0 whenever it could show something, as git expects of an
/// external diff. A version that cannot be read as a map (say, one with git's conflict
/// markers) is reported and the two files are compared as text instead.
pub fn run_git_diff(args: &GitDiffArgs) -> ExitCode {
    println!("diff --stancemap a/{} b/{}", args.path, args.path);
    match (git_side(&args.old_file), git_side(&args.new_file)) {
        (Ok(old), Ok(new)) => {
            let diff: MapDiff = diff_maps(&old, &new, DiffOptions::default());
            print!("{}", diff_report(&diff));
            ExitCode::SUCCESS
        }
        (old, new) => {
            for error in [old.err(), new.err()].into_iter().flatten() {
                for line in error.lines() {
                    println!("{line}");
                }
            }
            println!("(compared as text)");
            text_diff(&args.old_file, &args.new_file)
        }
    }
}

/// One side of a git diff: `/dev/null` (the file did not exist) is an empty map.
fn git_side(file: &Path) -> Result<Map, crate::io::LoadError> {
    if file == Path::new("/dev/null") {
        return Ok(Map::new(""));
    }
    load_file(file)
}

/// Lets git compare two files as text, its output passed through.
fn text_diff(old: &Path, new: &Path) -> ExitCode {
    let status = std::process::Command::new("git")
        .args(["diff", "--no-index", "--no-ext-diff", "--"])
        .arg(old)
        .arg(new)
        .status();
    match status {
        // git diff --no-index exits 1 when the files differ: that is a success here.
        Ok(status) if matches!(status.code(), Some(0 | 1)) => ExitCode::SUCCESS,
        Ok(status) => {
            eprintln!("stancemap git-diff: git diff --no-index failed ({status})");
            ExitCode::from(TROUBLE)
        }
        Err(error) => {
            eprintln!("stancemap git-diff: cannot run git: {error}");
            ExitCode::from(TROUBLE)
        }
    }
}
