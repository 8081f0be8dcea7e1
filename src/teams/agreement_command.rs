//! `stancemap agreement A.ron B.ron …`: how far coders agree, as a table or as CSV.

use super::agreement::{AgreementReport, AgreementRow, agreement};
use crate::io::load_file;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `stancemap agreement`.
#[derive(Debug, Clone, clap::Args)]
pub struct AgreementArgs {
    /// Two or more coders' maps of the same sources.
    #[arg(required = true, num_args = 2..)]
    pub files: Vec<PathBuf>,
    /// Print CSV (one row for all units, then one per claim and per actor) instead of a table.
    #[arg(long)]
    pub csv: bool,
}

/// Runs `stancemap agreement`; a map that cannot be read is reported as `stancemap check`
/// reports it, with exit status 1.
pub fn run_agreement(args: &AgreementArgs) -> ExitCode {
    let mut maps = Vec::new();
    let mut failed = false;
    for file in &args.files {
        match load_file(file) {
            Ok(map) => maps.push(map),
            Err(error) => {
                failed = true;
                for line in error.lines() {
                    eprintln!("{line}");
                }
            }
        }
    }
    if failed {
        return ExitCode::FAILURE;
    }
    let report = agreement(&maps);
    let text = if args.csv {
        csv_report(&report)
    } else {
        table(&report, &args.files)
    };
    match text {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("stancemap agreement: {error}");
            ExitCode::FAILURE
        }
    }
}

/// A number with three decimals, or empty when undefined.
fn decimal(value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| format!("{v:.3}"))
}

/// The report as CSV: scope, name, units, values, percent agreement, the three alphas.
pub fn csv_report(report: &AgreementReport) -> Result<String, String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = [
        "scope",
        "name",
        "units",
        "values",
        "percent_agreement",
        "alpha_nominal",
        "alpha_ordinal",
        "alpha_interval",
    ];
    writer.write_record(header).map_err(|e| e.to_string())?;
    for row in &report.rows {
        let [nominal, ordinal, interval] = row.alpha;
        writer
            .write_record([
                row.scope.to_owned(),
                row.name.clone(),
                row.units.to_string(),
                row.values.to_string(),
                row.percent.map_or_else(String::new, |p| format!("{p:.1}")),
                decimal(nominal),
                decimal(ordinal),
                decimal(interval),
            ])
            .map_err(|e| e.to_string())?;
    }
    let bytes = writer.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

/// The report as a table for people.
fn table(report: &AgreementReport, files: &[PathBuf]) -> Result<String, String> {
    let mut out = format!("{} coders: ", report.coders);
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    out.push_str(&names.join(", "));
    out.push('\n');
    let paired = report.rows.first().map_or(0, |r| r.units);
    out.push_str(&format!(
        "{} actor–claim pairs coded, {paired} of them by two or more coders (the others \
         count for nothing: no stance is missing data)\n\n",
        report.units_coded
    ));
    let width = report
        .rows
        .iter()
        .map(|r| label(r).chars().count())
        .max()
        .unwrap_or(0)
        .clamp(12, 60);
    out.push_str(&format!(
        "{:<width$}  {:>5}  {:>9}  {:>9}  {:>9}  {:>10}\n",
        "", "units", "agreement", "α nominal", "α ordinal", "α interval"
    ));
    for row in &report.rows {
        let dash = |v: Option<f64>| v.map_or_else(|| "–".to_owned(), |v| format!("{v:.3}"));
        let name: String = label(row).chars().take(width).collect();
        out.push_str(&format!(
            "{:<width$}  {:>5}  {:>9}  {:>9}  {:>9}  {:>10}\n",
            name,
            row.units,
            row.percent
                .map_or_else(|| "–".to_owned(), |p| format!("{p:.1} %")),
            dash(row.alpha[0]),
            dash(row.alpha[1]),
            dash(row.alpha[2]),
        ));
    }
    Ok(out)
}

/// `all`, `claim "NATO"`, `actor "Putin"`.
fn label(row: &AgreementRow) -> String {
    if row.name.is_empty() {
        row.scope.to_owned()
    } else {
        format!("{} {:?}", row.scope, row.name)
    }
}
