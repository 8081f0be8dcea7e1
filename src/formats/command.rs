//! `stancemap convert IN -o OUT`: a map from one format to another without opening the app —
//! a coded spreadsheet or an AIF file to a map, a map to GraphML, Argdown, DOT and the rest.

use super::{Format, ImportReport, export, new_map_from};
use crate::io::{MAX_FILE_BYTES, explain_io, load_file, save_file};
use crate::layout::{LayoutKind, Progress, Scope, layout_map};
use crate::model::{Edit, Map};
use crate::scene::{Style, Theme};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `stancemap convert`.
#[derive(Debug, Clone, clap::Args)]
pub struct ConvertArgs {
    /// The file to read: a map (.ron), a spreadsheet (.csv) or AIF JSON (.json).
    pub input: PathBuf,
    /// The file to write; its name says the format (.ron, .csv, .graphml,
    /// .alignment.graphml, .json for AIF, .kumu.json, .argdown, .canvas, .dot).
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// The input's format, when its name does not say.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub from: Option<Format>,
    /// The output's format, when its name does not say.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub to: Option<Format>,
    /// Import the rows that can be read and report the others, instead of refusing the whole
    /// file when any row is bad.
    #[arg(long)]
    pub skip_bad_rows: bool,
}

/// Runs `stancemap convert`; every problem goes to stderr and makes the exit status 1.
pub fn run(args: &ConvertArgs) -> ExitCode {
    match convert(args) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(lines) => {
            for line in lines {
                eprintln!("{line}");
            }
            ExitCode::FAILURE
        }
    }
}

fn convert(args: &ConvertArgs) -> Result<String, Vec<String>> {
    let from = match args.from {
        Some(format) => format,
        None => Format::of_path(&args.input).map_err(|e| vec![e])?,
    };
    let to = match args.to {
        Some(format) => format,
        None => Format::of_path(&args.output).map_err(|e| vec![e])?,
    };
    if same_file(&args.input, &args.output) {
        return Err(vec![format!(
            "{}: the output would overwrite the input; choose another output file",
            args.output.display()
        )]);
    }
    let map = read_map(&args.input, from, args.skip_bad_rows)?;
    write_map(&map, &args.output, to)?;
    Ok(format!(
        "{}: {} written from {} ({})",
        args.output.display(),
        to.label(),
        args.input.display(),
        crate::cli::summary(&map)
    ))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Reads `path` in `format` as a map. Imported maps are laid out with the stance layout.
pub fn read_map(path: &Path, format: Format, skip_bad: bool) -> Result<Map, Vec<String>> {
    if format == Format::Map {
        return load_file(path).map_err(|e| e.lines());
    }
    if !format.can_import() {
        return Err(vec![format!(
            "{}: stancemap writes {} files but does not read them; it reads {}",
            path.display(),
            format.label(),
            Format::importable_names()
        )]);
    }
    let bytes = read_bytes(path)?;
    let title = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Imported map".to_owned());
    let (mut map, import) = new_map_from(&bytes, format, &title, skip_bad)
        .map_err(|report: ImportReport| report.in_file(path).lines())?;
    for note in &import.notes {
        eprintln!("{}: {note}", path.display());
    }
    if !import.problems.is_empty() {
        let left_out = ImportReport::new(import.problems.clone()).in_file(path);
        for line in left_out.lines() {
            eprintln!("{line} (left out)");
        }
    }
    if !import.plan.unplaced.is_empty() {
        lay_out(&mut map);
    }
    Ok(map)
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, Vec<String>> {
    let fail = |e: std::io::Error| vec![format!("{}: {}", path.display(), explain_io(&e))];
    let size = std::fs::metadata(path).map_err(fail)?.len();
    if size > MAX_FILE_BYTES {
        return Err(vec![format!(
            "{}: the file is {} MB; stancemap reads files up to {} MB",
            path.display(),
            size / 1_000_000,
            MAX_FILE_BYTES / 1_000_000
        )]);
    }
    std::fs::read(path).map_err(fail)
}

/// Arranges a freshly imported map with the stance layout.
fn lay_out(map: &mut Map) {
    let style = Style::new(Theme::Light);
    if let Ok(moves) = layout_map(
        map,
        &style,
        LayoutKind::Stance,
        &Scope::Whole,
        &Progress::new(),
    ) {
        // Layouts only move existing nodes to finite places; a refusal leaves the map as
        // imported, which is still a valid map.
        let _ = map.apply(Edit::MoveNodes {
            moves,
            pinned: false,
        });
    }
}

/// Writes `map` to `path` in `format`, atomically: a failure leaves no partial file and an
/// existing file as it was.
pub fn write_map(map: &Map, path: &Path, format: Format) -> Result<(), Vec<String>> {
    if format == Format::Map {
        return save_file(path, map)
            .map(|_| ())
            .map_err(|e| vec![e.to_string()]);
    }
    let bytes = export(map, format).map_err(|e| vec![format!("{}: {e}", path.display())])?;
    crate::export::write_atomically(path, |out| {
        out.write_all(&bytes)
            .map_err(|source| crate::export::ExportError::Write {
                path: path.to_path_buf(),
                source,
            })
    })
    .map_err(|e| vec![e.to_string()])
}
