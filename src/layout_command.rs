//! `stancemap layout FILE...`: lays out map files without opening the app and saves them in
//! place (keeping the previous version as `FILE.bak`), reporting crossings and overlaps.

use crate::io::{load_file_stamped, save_map};
use crate::layout::{LayoutKind, Progress, Scope, layout_map, map_crossings_bounded, map_overlaps};
use crate::model::Edit;
use crate::scene::{Style, Theme};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Lays out each file with `kind` and saves it; prints a line per file. Pinned nodes stay.
pub fn run(kind: LayoutKind, files: &[PathBuf]) -> ExitCode {
    let style = Style::new(Theme::Light);
    let mut all_good = true;
    for file in files {
        match layout_file(kind, file, &style) {
            Ok(line) => println!("{}: {line}", file.display()),
            Err(message) => {
                all_good = false;
                eprintln!("{message}");
            }
        }
    }
    if all_good {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn layout_file(kind: LayoutKind, file: &Path, style: &Style) -> Result<String, String> {
    let (mut map, stamp) = load_file_stamped(file).map_err(|e| e.to_string())?;
    let before = map_crossings_bounded(&map, style);
    let moves = layout_map(&map, style, kind, &Scope::Whole, &Progress::new())
        .map_err(|e| format!("{}: {e}", file.display()))?;
    let moved = moves.len();
    map.apply(Edit::MoveNodes {
        moves,
        pinned: false,
    })
    .map_err(|e| format!("{}: {e}", file.display()))?;
    // Refuses to write over a save made meanwhile (the app, another layout run): the later
    // writer is told instead of silently undoing the other's work.
    save_map(file, &map, Some(&stamp)).map_err(|e| e.to_string())?;
    Ok(format!(
        "{} moved {moved} nodes; edge crossings {before} -> {}; overlapping nodes: {}",
        kind.label(),
        map_crossings_bounded(&map, style),
        map_overlaps(&map, style, 0.0).len()
    ))
}
