//! File → Combine with…: another analyst's independent coding of the same sources is read,
//! its actors and claims are proposed as matches for this map's (by name or alias, and by how
//! alike labels read) in a table where each match is confirmed, changed or rejected, and then
//! it is merged in as one undo step (`teams::combine`).

use crate::app::StanceApp;
use crate::app::document::files::open_failure;
use crate::app::windows::dialogs::{DialogAnswer, DialogTicket, FileRequest};
use crate::app::windows::formats_dialog::beside;
use crate::formats::with_new_nodes_placed;
use crate::model::{Map, NodeId};
use crate::teams::combine::{Proposal, combine, propose};
use eframe::egui;
use std::path::{Path, PathBuf};

/// What the table offers for "no match".
const ADD_AS_NEW: &str = "(add as new)";

/// The other coding waiting in the table for the analyst's choices.
#[derive(Debug, Clone)]
pub struct PendingCombine {
    /// Its file.
    pub path: PathBuf,
    theirs: Map,
    /// A proposal per actor and claim of the other coding.
    pub proposals: Vec<Proposal>,
    /// The analyst's choice per proposal: the node here, or none to add it as new.
    pub choices: Vec<Option<NodeId>>,
}

/// Combine with…'s state.
#[derive(Debug, Default)]
pub struct CombineWindow {
    ticket: Option<DialogTicket>,
    pending: Option<PendingCombine>,
}

impl CombineWindow {
    /// Whether the dialog or the table is open.
    pub fn is_busy(&self) -> bool {
        self.ticket.is_some() || self.pending.is_some()
    }
}

enum Action {
    Combine,
    Cancel,
}

impl StanceApp {
    /// The other coding waiting in the Combine table, if any.
    pub fn pending_combine(&self) -> Option<&PendingCombine> {
        self.combine.pending.as_ref()
    }

    /// Combine with…: asks for the other coding's map.
    pub(in crate::app) fn ask_which_map_to_combine(&mut self, ctx: &egui::Context) {
        let folder = self
            .doc
            .path()
            .and_then(Path::parent)
            .map(Path::to_path_buf);
        let request = FileRequest::open("Combine with map", "stancemap map", &["ron"])
            .in_folder(folder.as_deref());
        self.combine.ticket = Some(self.surroundings.dialogs.ask(ctx, request));
    }

    /// Reads the other coding in `path` and proposes matches; nothing changes yet. A map
    /// that cannot be read is reported (file, line, column).
    pub fn start_combine(&mut self, path: &Path) -> bool {
        match crate::io::load_file(path) {
            Ok(theirs) => {
                let proposals = propose(self.doc.map(), &theirs);
                let choices = proposals
                    .iter()
                    .map(|p| p.matched.map(|(n, _)| n))
                    .collect();
                self.combine.pending = Some(PendingCombine {
                    path: path.to_path_buf(),
                    theirs,
                    proposals,
                    choices,
                });
                true
            }
            Err(error) => {
                let mut report = open_failure(path, &error, "your map is unchanged");
                report.title = "Could not combine with the map".to_owned();
                self.surroundings.errors.push(report);
                false
            }
        }
    }

    /// The dialog's answer and the table.
    pub(in crate::app) fn combine_frame(&mut self, ctx: &egui::Context) {
        if let Some(ticket) = self.combine.ticket
            && let Some(answer) = self.surroundings.dialogs.take(ticket)
        {
            self.combine.ticket = None;
            if let DialogAnswer::Picked(path) = answer {
                self.start_combine(&path);
            }
        }
        let Some(pending) = &mut self.combine.pending else {
            return;
        };
        match combine_ui(ctx, pending, self.doc.map()) {
            Some(Action::Combine) => self.finish_combine(),
            Some(Action::Cancel) => {
                self.combine.pending = None;
                self.status = Some("Nothing combined".to_owned());
            }
            None => {}
        }
    }

    /// Merges the other coding in with the analyst's choices, as one undo step.
    fn finish_combine(&mut self) {
        let Some(pending) = self.combine.pending.take() else {
            return;
        };
        let tag = pending.path.file_stem().map_or_else(
            || "other coding".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        );
        let choices: Vec<_> = pending
            .proposals
            .iter()
            .zip(&pending.choices)
            .map(|(p, c)| (p.theirs, *c))
            .collect();
        let plan = match combine(self.doc.map(), &pending.theirs, &choices, &tag) {
            Ok(plan) => plan,
            Err(why) => {
                self.status = Some(format!("Not combined: {why}"));
                return;
            }
        };
        let summary = plan.summary.describe();
        let edit = with_new_nodes_placed(self.doc.map(), &plan, beside(self.doc.map()));
        if !plan.summary.adds_anything() {
            self.status = Some(format!("Nothing new in {tag}: {summary}"));
            return;
        }
        if self.apply(edit) {
            let left_out = match plan.problems.len() {
                0 => String::new(),
                n => format!(
                    "; {} left out (e.g. {})",
                    crate::counts::counted(n, "record", "records"),
                    plan.problems
                        .first()
                        .map(ToString::to_string)
                        .unwrap_or_default()
                ),
            };
            self.canvas.fit_pending = true;
            self.status = Some(format!(
                "Combined {tag}: {summary}{left_out} (Ctrl+Z undoes it)"
            ));
        }
    }
}

/// The table of matches; returns what the analyst asked for.
fn combine_ui(ctx: &egui::Context, pending: &mut PendingCombine, ours: &Map) -> Option<Action> {
    let mut action = None;
    let mut open = true;
    let name = pending.path.file_name().map_or_else(
        || pending.path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    egui::Window::new("Combine codings")
        .open(&mut open)
        .default_width(620.0)
        .show(ctx, |ui| {
            ui.label(format!(
                "Combine {name} into this map. Each of its actors and claims is matched with \
                 one here (by name or alias; claims by how alike their labels read) or added \
                 as new. Check the matches, then Combine: one undo step, stances carried over \
                 with their quotes and sources."
            ));
            ui.horizontal(|ui| {
                if ui.button("Combine").clicked() {
                    action = Some(Action::Combine);
                }
                if ui.button("Cancel").clicked() {
                    action = Some(Action::Cancel);
                }
            });
            ui.separator();
            egui::ScrollArea::vertical()
                .max_height(420.0)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    egui::Grid::new("combine_rows")
                        .striped(true)
                        .num_columns(3)
                        .show(ui, |ui| {
                            ui.weak(format!("In {name}"));
                            ui.weak("Here");
                            ui.weak("likeness");
                            ui.end_row();
                            for (i, (proposal, choice)) in pending
                                .proposals
                                .iter()
                                .zip(pending.choices.iter_mut())
                                .enumerate()
                            {
                                row(ui, i, proposal, choice, ours);
                            }
                        });
                });
        });
    if !open {
        action = Some(Action::Cancel);
    }
    action
}

/// One row: their item, the choice of item here, and how alike the proposed one reads.
fn row(
    ui: &mut egui::Ui,
    index: usize,
    proposal: &Proposal,
    choice: &mut Option<NodeId>,
    ours: &Map,
) {
    let kind = match proposal.theirs {
        NodeId::Actor(_) => "actor",
        NodeId::Claim(_) => "claim",
    };
    let theirs = ui.label(format!("{kind} {}", proposal.name));
    let options: Vec<(NodeId, String)> = match proposal.theirs {
        NodeId::Actor(_) => ours
            .actors()
            .map(|a| (NodeId::Actor(a.id), a.name.clone()))
            .collect(),
        NodeId::Claim(_) => ours
            .claims()
            .map(|c| (NodeId::Claim(c.id), c.label.clone()))
            .collect(),
    };
    let shown = choice
        .and_then(|node| options.iter().find(|(n, _)| *n == node))
        .map_or(ADD_AS_NEW, |(_, name)| name.as_str());
    egui::ComboBox::from_id_salt(("combine_choice", index))
        .selected_text(shown)
        .width(260.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(choice, None, ADD_AS_NEW);
            for (node, name) in &options {
                ui.selectable_value(choice, Some(*node), name);
            }
        })
        .response
        // Screen readers (and tests) name the choice after the item it is for.
        .labelled_by(theirs.id);
    match proposal.matched {
        Some((node, likeness)) if *choice == Some(node) => {
            ui.label(format!("{:.0} %", likeness * 100.0));
        }
        _ => {
            ui.label("");
        }
    }
    ui.end_row();
}
