//! `stancemap export`: a picture of a map from the command line, with no window at all.

use super::{ExportOptions, Format, Paper, PictureSize, export_file, today};
use crate::io::load_file;
use crate::scene::Theme;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `stancemap export`.
#[derive(Debug, Clone, clap::Args)]
pub struct ExportArgs {
    /// The map file to draw.
    pub file: PathBuf,
    /// The picture or briefing to write: its name must end in .png, .svg or .pdf.
    #[arg(short, long, value_name = "OUT.png|OUT.svg|OUT.pdf")]
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
    /// Number each stance on its arrow and list each number's quote, translation, source and
    /// date below the map (a PDF does this unless --no-evidence).
    #[arg(long, conflicts_with = "no_evidence")]
    pub evidence: bool,
    /// Leave the evidence out of a PDF.
    #[arg(long)]
    pub no_evidence: bool,
    /// The paper size of a PDF: the map on a landscape page, the evidence on upright ones.
    #[arg(long, value_enum, default_value_t = PaperArg::A4)]
    pub paper: PaperArg,
}

/// `--paper` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PaperArg {
    /// ISO A4 (210 × 297 mm).
    A4,
    /// US Letter (8.5 × 11 in).
    Letter,
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
    /// The export options these arguments ask for (the whole map, exported today). The
    /// evidence is on for a PDF unless turned off, and off for pictures unless asked for.
    pub fn options(&self) -> ExportOptions {
        let pdf = Format::from_path(&self.output).ok() == Some(Format::Pdf);
        ExportOptions {
            size: match (self.scale, self.width) {
                (_, Some(width)) => PictureSize::Width(width),
                (Some(scale), None) => PictureSize::Scale(scale),
                (None, None) => PictureSize::default(),
            },
            theme: match self.theme {
                ThemeArg::Light => Theme::Light,
                ThemeArg::Dark => Theme::Dark,
            },
            transparent: self.transparent,
            title: !self.no_title,
            legend: !self.no_legend,
            footer: !self.no_footer,
            evidence: if pdf {
                !self.no_evidence
            } else {
                self.evidence
            },
            paper: match self.paper {
                PaperArg::A4 => Paper::A4,
                PaperArg::Letter => Paper::Letter,
            },
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
            println!("{}: {}", args.output.display(), summary(&exported));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("stancemap: {error}");
            ExitCode::FAILURE
        }
    }
}

/// What was written, for the line printed after an export: "1280 × 900 px" for a picture,
/// "3 pages, 44 stances with their evidence" for a PDF.
pub fn summary(exported: &super::Exported) -> String {
    let evidence = match exported.evidence {
        0 => String::new(),
        1 => ", 1 stance with its evidence".to_owned(),
        n => format!(", {n} stances with their evidence"),
    };
    match exported.format {
        Format::Pdf => {
            let pages = if exported.pages == 1 {
                "1 page".to_owned()
            } else {
                format!("{} pages", exported.pages)
            };
            format!("{pages}{evidence}")
        }
        Format::Png | Format::Svg => {
            format!("{} × {} px{evidence}", exported.width, exported.height)
        }
    }
}
