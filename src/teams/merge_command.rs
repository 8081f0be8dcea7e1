//! `stancemap merge BASE OURS THEIRS -o OUT`: the three-way merge on the command line, and as
//! git's merge driver (`stancemap merge %O %A %B -o %A`).

use super::merge::merge_maps;
use crate::io::{SaveError, SaveFailure, WriteOptions, load_file, to_ron_string, write_file};
use crate::model::Map;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `stancemap merge`.
#[derive(Debug, Clone, clap::Args)]
pub struct MergeArgs {
    /// The common ancestor of the two versions (git's %O).
    pub base: PathBuf,
    /// Our version (git's %A).
    pub ours: PathBuf,
    /// Their version (git's %B).
    pub theirs: PathBuf,
    /// Where to write the merged map; as git's merge driver, %A (our version's file).
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
}

/// Exit status when nothing could be merged (a map cannot be read, or cannot be written).
const TROUBLE: u8 = 2;

/// Runs `stancemap merge`: exit 0 when the merge is clean, 1 when the merged map holds
/// conflicts (each listed on stderr), 2 when nothing was written.
pub fn run_merge(args: &MergeArgs) -> ExitCode {
    let mut maps = Vec::new();
    for path in [&args.base, &args.ours, &args.theirs] {
        match load_file(path) {
            Ok(map) => maps.push(map),
            Err(error) => {
                for line in error.lines() {
                    eprintln!("{line}");
                }
            }
        }
    }
    let [base, ours, theirs] = maps.as_slice() else {
        eprintln!(
            "stancemap merge: nothing merged; {} is unchanged",
            args.output.display()
        );
        return ExitCode::from(TROUBLE);
    };
    let outcome = match merge_maps(base, ours, theirs) {
        Ok(outcome) => outcome,
        Err(problems) => {
            eprintln!(
                "stancemap merge: the two versions cannot be combined into a valid map; \
                 nothing merged, {} is unchanged:",
                args.output.display()
            );
            for problem in problems {
                eprintln!("    {problem}");
            }
            return ExitCode::from(TROUBLE);
        }
    };
    if let Err(message) = write_map(&args.output, &outcome.map) {
        eprintln!("stancemap merge: {message}");
        return ExitCode::from(TROUBLE);
    }
    for conflict in &outcome.new_conflicts {
        eprintln!("conflict: {conflict}");
    }
    if outcome.renumbered > 0 {
        eprintln!(
            "stancemap merge: {} of their new items got new ids (ours used the same ones)",
            outcome.renumbered
        );
    }
    let total = outcome.map.conflicts().len();
    if total == 0 {
        return ExitCode::SUCCESS;
    }
    let carried = total - outcome.new_conflicts.len();
    let carried = match carried {
        0 => String::new(),
        n => format!(" ({n} left from earlier merges)"),
    };
    eprintln!(
        "stancemap merge: {total} conflict{}{carried} recorded in {}; the map opens with our \
         value in each, and lists them for you to decide",
        if total == 1 { "" } else { "s" },
        args.output.display()
    );
    ExitCode::FAILURE
}

/// Writes a map in place of `path` atomically, without the backup `stancemap` keeps when
/// saving: git's merge driver writes over its own temporary file.
fn write_map(path: &Path, map: &Map) -> Result<(), String> {
    let text = to_ron_string(map).map_err(|e| format!("cannot write the merged map: {e}"))?;
    write_file(path, WriteOptions::default(), |out| {
        out.write_all(text.as_bytes()).map_err(|e| SaveError {
            file: path.to_path_buf(),
            backup: None,
            failure: SaveFailure::Write(e),
        })
    })
    .map(drop)
    .map_err(|e| e.to_string())
}
