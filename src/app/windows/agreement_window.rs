//! Map → Agreement with…: how far this map's coder agrees with other coders' maps of the same
//! sources, in a window of tables (overall, per claim, per actor: percent agreement and
//! Krippendorff's alpha), with Save CSV… writing what `stancemap agreement --csv` prints.
//! More coders' maps are added from the window; the report follows edits of this map.

use crate::app::StanceApp;
use crate::app::document::files::open_failure;
use crate::app::windows::dialogs::{DialogAnswer, DialogTicket, FileRequest};
use crate::app::windows::prompts::ErrorReport;
use crate::model::Map;
use crate::teams::agreement::{AgreementReport, AgreementRow, agreement};
use crate::teams::agreement_command::csv_report;
use eframe::egui;
use std::path::{Path, PathBuf};

/// Width of the tables' name column, in points.
const NAME_WIDTH: f32 = 240.0;

/// The agreement window's state.
#[derive(Debug, Default)]
pub struct AgreementWindow {
    /// Other coders' maps, in the order they were added.
    others: Vec<(PathBuf, Map)>,
    /// The report, and the generation of this map it was worked out for.
    report: Option<(AgreementReport, u64)>,
    /// The dialog asking for another coder's map.
    add_ticket: Option<DialogTicket>,
    /// The dialog asking where to save the CSV.
    save_ticket: Option<DialogTicket>,
}

impl AgreementWindow {
    /// Whether a file dialog of the window is waiting for the user.
    pub fn is_waiting(&self) -> bool {
        self.add_ticket.is_some() || self.save_ticket.is_some()
    }
}

/// What the analyst asked for in the window.
enum Action {
    Add,
    SaveCsv,
    Close,
}

impl StanceApp {
    /// The agreement report on screen, if the window is open.
    pub fn agreement_report(&self) -> Option<&AgreementReport> {
        self.agreement.report.as_ref().map(|(report, _)| report)
    }

    /// Agreement with…: asks for another coder's map.
    pub(in crate::app) fn ask_for_coder_map(&mut self, ctx: &egui::Context) {
        let folder = self
            .doc
            .path()
            .and_then(Path::parent)
            .map(Path::to_path_buf);
        let request = FileRequest::open("Another coder's map", "stancemap map", &["ron"])
            .in_folder(folder.as_deref());
        self.agreement.add_ticket = Some(self.surroundings.dialogs.ask(ctx, request));
    }

    /// Adds the coder's map in `path` to the agreement report (opening the window). A map
    /// that cannot be read is reported (file, line, column) and nothing changes. Returns
    /// whether it was added.
    pub fn add_coder_map(&mut self, path: &Path) -> bool {
        match crate::io::load_file(path) {
            Ok(map) => {
                self.agreement.others.push((path.to_path_buf(), map));
                self.agreement.report = None;
                true
            }
            Err(error) => {
                let mut report = open_failure(
                    path,
                    &error,
                    "the agreement report and your map are unchanged",
                );
                report.title = "Could not read the coder's map".to_owned();
                self.surroundings.errors.push(report);
                false
            }
        }
    }

    /// The dialogs' answers and the window.
    pub(in crate::app) fn agreement_frame(&mut self, ctx: &egui::Context) {
        if let Some(ticket) = self.agreement.add_ticket
            && let Some(answer) = self.surroundings.dialogs.take(ticket)
        {
            self.agreement.add_ticket = None;
            if let DialogAnswer::Picked(path) = answer {
                self.add_coder_map(&path);
            }
        }
        if let Some(ticket) = self.agreement.save_ticket
            && let Some(answer) = self.surroundings.dialogs.take(ticket)
        {
            self.agreement.save_ticket = None;
            if let DialogAnswer::Picked(path) = answer {
                self.save_agreement_csv(&path);
            }
        }
        if self.agreement.others.is_empty() {
            return;
        }
        let generation = self.doc.generation();
        if self
            .agreement
            .report
            .as_ref()
            .is_none_or(|(_, at)| *at != generation)
        {
            let maps: Vec<Map> = std::iter::once(self.doc.map().clone())
                .chain(self.agreement.others.iter().map(|(_, m)| m.clone()))
                .collect();
            self.agreement.report = Some((agreement(&maps), generation));
            // A new or changed report resizes the window: draw again once it has settled.
            ctx.request_repaint();
        }
        let Some((report, _)) = &self.agreement.report else {
            return;
        };
        let files: Vec<String> = self
            .agreement
            .others
            .iter()
            .map(|(p, _)| file_name(p))
            .collect();
        let busy = self.agreement.is_waiting();
        match agreement_ui(ctx, report, &files, busy) {
            Some(Action::Add) => self.ask_for_coder_map(ctx),
            Some(Action::SaveCsv) => {
                let request = FileRequest::save("Save agreement as CSV", "CSV", &["csv"])
                    .in_folder(self.doc.path().and_then(Path::parent))
                    .with_file_name("agreement.csv");
                self.agreement.save_ticket = Some(self.surroundings.dialogs.ask(ctx, request));
            }
            Some(Action::Close) => {
                self.agreement.others.clear();
                self.agreement.report = None;
            }
            None => {}
        }
    }

    /// Writes the report as CSV to `path`; a failure is reported and nothing is written.
    pub fn save_agreement_csv(&mut self, path: &Path) -> bool {
        let Some((report, _)) = &self.agreement.report else {
            return false;
        };
        let written = csv_report(report).and_then(|text| {
            crate::io::write_file(path, crate::io::WriteOptions::default(), |out| {
                out.write_all(text.as_bytes())
                    .map_err(|e| crate::io::SaveError {
                        file: path.to_path_buf(),
                        backup: None,
                        failure: crate::io::SaveFailure::Write(e),
                    })
            })
            .map(drop)
            .map_err(|e| e.to_string())
        });
        match written {
            Ok(()) => {
                self.status = Some(format!("Saved the agreement report to {}", path.display()));
                true
            }
            Err(error) => {
                self.surroundings.errors.push(ErrorReport {
                    title: "Could not save the agreement report".to_owned(),
                    summary: format!("{}: {error}. Nothing was written.", path.display()),
                    lines: Vec::new(),
                });
                false
            }
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// "0.812", or "–" when undefined (fewer than two values, or no variation).
fn number(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{v:.3}"))
}

fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |p| format!("{p:.1} %"))
}

/// The window; returns what the analyst asked for.
fn agreement_ui(
    ctx: &egui::Context,
    report: &AgreementReport,
    files: &[String],
    busy: bool,
) -> Option<Action> {
    let mut action = None;
    let mut open = true;
    egui::Window::new("Agreement")
        .open(&mut open)
        .default_width(640.0)
        .show(ctx, |ui| {
            ui.label(format!(
                "{} coders: this map and {}.",
                report.coders,
                files.join(", ")
            ));
            let paired = report.rows.first().map_or(0, |r| r.units);
            ui.label(format!(
                "{} actor–claim pairs coded, {paired} of them by two or more coders. A pair \
                 with no stance in a map is missing there, not a value; pairs only one coder \
                 coded count for nothing. Actors are matched by name or alias, claims by label.",
                report.units_coded
            ));
            // The buttons above the tables: always in view, however long the tables get.
            ui.horizontal(|ui| {
                let add = ui
                    .add_enabled(!busy, egui::Button::new("Add a coder's map…"))
                    .on_hover_text("Another coder's map of the same sources");
                if add.clicked() {
                    action = Some(Action::Add);
                }
                let save = ui
                    .add_enabled(!busy, egui::Button::new("Save CSV…"))
                    .on_hover_text("The same CSV as stancemap agreement --csv");
                if save.clicked() {
                    action = Some(Action::SaveCsv);
                }
                if ui.button("Close").clicked() {
                    action = Some(Action::Close);
                }
            });
            ui.separator();
            egui::ScrollArea::vertical()
                .max_height(420.0)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for (scope, heading) in [
                        ("all", "Overall"),
                        ("claim", "Per claim"),
                        ("actor", "Per actor"),
                    ] {
                        let rows: Vec<&AgreementRow> =
                            report.rows.iter().filter(|r| r.scope == scope).collect();
                        if rows.is_empty() {
                            continue;
                        }
                        ui.strong(heading);
                        table(ui, scope, &rows);
                        ui.add_space(8.0);
                    }
                });
        });
    if !open {
        action = Some(Action::Close);
    }
    action
}

/// One table: name, units, percent agreement and the three alphas per row.
fn table(ui: &mut egui::Ui, scope: &str, rows: &[&AgreementRow]) {
    egui::Grid::new(("agreement", scope))
        .striped(true)
        .num_columns(6)
        .show(ui, |ui| {
            for title in [
                "",
                "units",
                "agreement",
                "α nominal",
                "α ordinal",
                "α interval",
            ] {
                ui.weak(title);
            }
            ui.end_row();
            for row in rows {
                let name = if row.name.is_empty() {
                    "all pairs"
                } else {
                    row.name.as_str()
                };
                // Room for a claim's label; longer ones are cut and shown whole on hover.
                let size = egui::vec2(NAME_WIDTH, ui.spacing().interact_size.y);
                ui.allocate_ui_with_layout(
                    size,
                    egui::Layout::left_to_right(egui::Align::Center),
                    |ui| {
                        ui.set_min_width(NAME_WIDTH);
                        ui.add(egui::Label::new(name).truncate())
                            .on_hover_text(name);
                    },
                );
                ui.label(row.units.to_string());
                ui.label(percent(row.percent));
                for alpha in row.alpha {
                    ui.label(number(alpha));
                }
                ui.end_row();
            }
        });
}
