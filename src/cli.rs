//! The command line: `stancemap [FILE]` opens the app, subcommands work without a window.

use crate::io::load_file;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Map who says what: actors' stances on claims, backed by quotes, and how claims support or
/// attack each other.
#[derive(Debug, Parser)]
#[command(name = "stancemap", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A map file to open in the app; without one, the example map opens.
    pub file: Option<PathBuf>,

    /// A command to run without opening the app.
    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

/// Commands that run without opening the app.
#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Check map files: print a summary line for each good file, and every problem in a bad
    /// file as FILE:LINE:COLUMN: message on stderr. Exits with status 1 if any file is bad.
    Check {
        /// The map files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Export a picture of a whole map to PNG or SVG, with a title, a legend and a footer
    /// naming the sources; needs no display.
    Export(crate::export::command::ExportArgs),
    /// Open a map in a real window, wait until it is painted, save a PNG of the window and
    /// exit. For quick previews, and for CI under Xvfb.
    Screenshot {
        /// The map file to show.
        file: PathBuf,
        /// The PNG file to write.
        #[arg(short, long, value_name = "OUT.png")]
        output: PathBuf,
        /// The window size in pixels.
        #[arg(long, value_name = "WxH", default_value = "1280x800",
              value_parser = crate::app::screenshot::parse_size)]
        size: [u32; 2],
    },
    /// Convert a map between formats: a spreadsheet (.csv) or AIF JSON to a map, a map to
    /// CSV, GraphML, the actor alignment network, AIF, Argdown, Kumu, JSON Canvas or DOT.
    Convert(crate::formats::command::ConvertArgs),
    /// Lay out map files and save them in place (the old version stays as FILE.bak): the
    /// stance layout, or with --network the network layout. Pinned nodes stay put.
    Layout {
        /// Use the force-directed network layout instead of the stance layout.
        #[arg(long)]
        network: bool,
        /// The map files to lay out.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Show what changed between two versions of a map: items added, removed and changed,
    /// with each changed field's old and new value, named by names rather than ids. Exits
    /// with 0 when the maps are the same, 1 when they differ, 2 when one cannot be read.
    Diff(crate::teams::command::DiffArgs),
    /// git's external diff for maps (see the README): takes the seven arguments git passes
    /// to `diff.<driver>.command` and prints the differences.
    GitDiff(crate::teams::command::GitDiffArgs),
    /// Merge two versions of a map with their common ancestor, field by field; usable as
    /// git's merge driver (see the README). Fields changed differently on both sides are
    /// conflicts recorded in the merged map (which keeps our value meanwhile) and listed on
    /// stderr. Exits with 0 when clean, 1 with conflicts, 2 when nothing was written.
    Merge(crate::teams::merge_command::MergeArgs),
    /// How far coders agree who mapped the same sources: percent agreement and
    /// Krippendorff's alpha (nominal, ordinal, interval) over actors' positions on claims,
    /// for all of them, per claim and per actor. Actors match by name or alias, claims by
    /// label.
    Agreement(crate::teams::agreement_command::AgreementArgs),
}

/// Runs the command line and returns the process exit status.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(CliCommand::Check { files }) => check(&files),
        Some(CliCommand::Export(args)) => crate::export::command::run(&args),
        Some(CliCommand::Screenshot { file, output, size }) => screenshot(file, output, size),
        Some(CliCommand::Convert(args)) => crate::formats::command::run(&args),
        Some(CliCommand::Layout { network, files }) => {
            let kind = if network {
                crate::layout::LayoutKind::Network
            } else {
                crate::layout::LayoutKind::Stance
            };
            crate::layout_command::run(kind, &files)
        }
        Some(CliCommand::Diff(args)) => crate::teams::command::run_diff(&args),
        Some(CliCommand::GitDiff(args)) => crate::teams::command::run_git_diff(&args),
        Some(CliCommand::Merge(args)) => crate::teams::merge_command::run_merge(&args),
        Some(CliCommand::Agreement(args)) => crate::teams::agreement_command::run_agreement(&args),
        None => open_app(cli.file),
    }
}

/// `stancemap check FILE...`.
fn check(files: &[PathBuf]) -> ExitCode {
    let mut all_good = true;
    for file in files {
        match load_file(file) {
            Ok(map) => {
                println!("{}: ok: {}", file.display(), summary(&map));
                if !map.conflicts().is_empty() {
                    println!(
                        "{}: {} to decide (a merge kept our side's value in each):",
                        file.display(),
                        crate::teams::conflicts::conflict_count(&map)
                    );
                    for line in crate::teams::conflicts::conflict_lines(&map) {
                        println!("    {line}");
                    }
                }
            }
            Err(error) => {
                all_good = false;
                for line in error.lines() {
                    eprintln!("{line}");
                }
            }
        }
    }
    if all_good {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// "12 claims, 16 actors, 40 stances, 9 relations, 1 source".
pub fn summary(map: &crate::model::Map) -> String {
    crate::counts::item_counts(map).join(", ")
}

/// `stancemap screenshot FILE -o OUT.png [--size WxH]`.
fn screenshot(file: PathBuf, output: PathBuf, size: [u32; 2]) -> ExitCode {
    let request = crate::app::screenshot::ScreenshotRequest { file, output, size };
    match crate::app::screenshot::take_screenshot(&request) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("stancemap screenshot: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Opens the app on a file; without one, or if it cannot be opened (the window lists its
/// problems), on the example map.
fn open_app(file: Option<PathBuf>) -> ExitCode {
    match crate::app::run(file) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("stancemap: {message}");
            ExitCode::FAILURE
        }
    }
}
