//! `stancemap export`: a picture of a map from the command line, with no window at all.

use super::{ExportOptions, Size, export_file, today};
use crate::io::load_file;
use crate::scene::Theme;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `stancemap export`.
#[derive(Debug, Clone, clap::Args)]
pub struct ExportArgs {
    /// The map file to draw.
    pub file: PathBuf,
    /// The picture to write: its name must end in .png or .svg.
    #[arg(short, long, value_name = "OUT.png|OUT.svg")]
    pub output: PathBuf,
    /// Output pixels per map unit (1 = the canvas at 100 %; 2 for sharp slides).
    #[arg(long, value_name = "N", conflicts_with = "width")]
    pub scale: Option<f32>,
    /// The picture's width in pixels; the map is scaled to fit.
    #[arg(long, value_name = "PX")]
    pub width: Option<u32>,
    /// Colours for a light or a dark background.
    #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
    pub theme: ThemeArg,
    /// Leave the background transparent.
    #[arg(long)]
    pub transparent: bool,
    /// Leave out the legend.
    #[arg(long)]
    pub no_legend: bool,
    /// Leave out the title.
    #[arg(long)]
    pub no_title: bool,
    /// Leave out the footer (sources and export date).
    #[arg(long)]
    pub no_footer: bool,
}

/// `--theme` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeArg {
    /// Dark text on a light background.
    Light,
    /// Light text on a dark background.
    Dark,
}

impl ExportArgs {
    /// The export options these arguments ask for (the whole map, exported today).
    pub fn options(&self) -> ExportOptions {
        ExportOptions {
            size: match (self.scale, self.width) {
                (_, Some(width)) => Size::Width(width),
                (Some(scale), None) => Size::Scale(scale),
                (None, None) => Size::default(),
            },
            theme: match self.theme {
                ThemeArg::Light => Theme::Light,
                ThemeArg::Dark => Theme::Dark,
            },
            transparent: self.transparent,
            title: !self.no_title,
            legend: !self.no_legend,
            footer: !self.no_footer,
            ..ExportOptions::new(today())
        }
    }
}

/// Runs `stancemap export`: prints what was written, warnings and errors on stderr, and
/// returns a failure status if nothing was written.
pub fn run(args: &ExportArgs) -> ExitCode {
    // Check the output name before reading the map, so a typo fails at once.
    if let Err(error) = super::Format::from_path(&args.output) {
        eprintln!("stancemap: {error}");
        return ExitCode::FAILURE;
    }
    let map = match load_file(&args.file) {
        Ok(map) => map,
        Err(error) => {
            for line in error.lines() {
                eprintln!("{line}");
            }
            return ExitCode::FAILURE;
        }
    };
    match export_file(&map, &args.options(), &args.output) {
        Ok(exported) => {
            if let Some(warning) = exported.warning() {
                eprintln!("stancemap: warning: {warning}");
            }
            println!(
                "{}: {} × {} px",
                args.output.display(),
                exported.width,
                exported.height
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("stancemap: {error}");
            ExitCode::FAILURE
        }
    }
}
