//! File → Compare with…: the other map is read, its differences from this map are drawn on
//! the canvas (`canvas/ghosts.rs`) and listed in the Differences window, where each one is
//! taken over with "Take this" (or all with "Take all"), one undo step each. Close ends the
//! comparison; opening another map ends it too.

use crate::app::StanceApp;
use crate::app::document::files::open_failure;
use crate::app::windows::dialogs::{DialogAnswer, DialogTicket, FileRequest};
use crate::model::{ActorId, ClaimId, ItemId, Map, RelationId, StanceId};
use crate::teams::compare::Comparison;
use crate::teams::diff::{ChangeKind, ItemDiff};
use eframe::egui;
use std::path::Path;

/// Longest field value the window shows whole.
const SHOWN_CHARS: usize = 80;

/// The comparison's state in the app.
#[derive(Debug, Default)]
pub struct Compare {
    /// The file dialog asking which map to compare with.
    ticket: Option<DialogTicket>,
    session: Option<Comparison>,
}

impl Compare {
    /// Whether the file dialog is waiting for the user.
    pub fn is_waiting(&self) -> bool {
        self.ticket.is_some()
    }

    /// The comparison in progress, if any.
    pub fn session(&self) -> Option<&Comparison> {
        self.session.as_ref()
    }

    /// Works the differences out again when the map changed.
    pub fn refresh(&mut self, ours: &Map, generation: u64) {
        if let Some(session) = &mut self.session {
            session.refresh(ours, generation);
        }
    }
}

/// What the analyst asked for in the Differences window.
enum Action {
    /// Take difference `Some(i)`, or all of them.
    Take(Option<usize>),
    /// Show an item of this map on the canvas.
    Reveal(ItemId),
    /// End the comparison.
    Close,
}

impl StanceApp {
    /// The comparison in progress, if any.
    pub fn comparison(&self) -> Option<&Comparison> {
        self.compare.session()
    }

    /// Compare with…: asks which map to compare with.
    pub(in crate::app) fn ask_which_map_to_compare(&mut self, ctx: &egui::Context) {
        let folder = self
            .doc
            .path()
            .and_then(Path::parent)
            .map(Path::to_path_buf);
        let request = FileRequest::open("Compare with map", "stancemap map", &["ron"])
            .in_folder(folder.as_deref());
        self.compare.ticket = Some(self.surroundings.dialogs.ask(ctx, request));
    }

    /// Starts comparing with the map in `path`. If it cannot be read, every problem is shown
    /// (file, line, column) and nothing changes. Returns whether the comparison started.
    pub fn compare_with(&mut self, path: &Path) -> bool {
        match crate::io::load_file(path) {
            Ok(theirs) => {
                self.end_comparison();
                let mut session = Comparison::new(path.to_path_buf(), theirs);
                session.refresh(self.doc.map(), self.doc.generation());
                let (added, removed, changed) = session.diff().counts();
                self.status = Some(if session.diff().is_empty() {
                    format!("No differences from {}", path.display())
                } else {
                    format!(
                        "Compared with {}: {added} added there, {removed} not there, \
                         {changed} changed",
                        path.display()
                    )
                });
                self.compare.session = Some(session);
                self.canvas.start_comparison();
                true
            }
            Err(error) => {
                let mut report = open_failure(
                    path,
                    &error,
                    "nothing was compared and your map is unchanged",
                );
                report.title = "Could not compare with the map".to_owned();
                self.surroundings.errors.push(report);
                false
            }
        }
    }

    /// Ends the comparison (if any) and takes its marks off the canvas.
    pub(in crate::app) fn end_comparison(&mut self) {
        self.compare.session = None;
        self.canvas.end_comparison();
    }

    /// The file dialog's answer and the Differences window.
    pub(in crate::app) fn compare_frame(&mut self, ctx: &egui::Context) {
        if let Some(ticket) = self.compare.ticket
            && let Some(answer) = self.surroundings.dialogs.take(ticket)
        {
            self.compare.ticket = None;
            if let DialogAnswer::Picked(path) = answer {
                self.compare_with(&path);
            }
        }
        let Some(session) = &self.compare.session else {
            return;
        };
        let action = differences_window(ctx, session, self.doc.map());
        match action {
            Some(Action::Take(index)) => self.take_difference(index),
            Some(Action::Reveal(item)) => {
                self.selection = crate::app::Selection::default();
                self.selection.extend([item]);
                self.canvas.reveal(vec![item]);
            }
            Some(Action::Close) => {
                self.end_comparison();
                self.status = Some("Comparison ended".to_owned());
            }
            None => {}
        }
    }

    /// Takes difference `index` (all when `None`) into the map as one undo step.
    fn take_difference(&mut self, index: Option<usize>) {
        let Some(session) = &self.compare.session else {
            return;
        };
        let what = match index.and_then(|i| session.diff().items.get(i)) {
            Some(item) => describe(item),
            None => format!("{} differences", session.diff().items.len()),
        };
        match session.take(self.doc.map(), index) {
            Ok((taken, theirs)) => {
                if self.apply(taken.edit) {
                    if let Some(session) = &mut self.compare.session {
                        session.taken(theirs);
                    }
                    self.selection.retain_existing(self.doc.map());
                    let along = if taken.needed.is_empty() {
                        String::new()
                    } else {
                        format!(" with the {} it needs", taken.needed.join(", "))
                    };
                    self.status = Some(format!("Took {what}{along}; Ctrl+Z undoes it"));
                }
            }
            Err(why) => self.status = Some(format!("Not taken: {why}")),
        }
    }
}

/// "added claim "Sanctions"", as the window and the status line say it.
fn describe(item: &ItemDiff) -> String {
    let verb = match item.change {
        ChangeKind::Added => "added",
        ChangeKind::Removed => "removed",
        ChangeKind::Changed => "changed",
    };
    format!("{verb} {} {}", item.kind, item.name)
}

/// The item of this map a difference is about, if this map has it.
fn item_here(item: &ItemDiff, ours: &Map) -> Option<ItemId> {
    let raw = item.id?;
    if item.change == ChangeKind::Added {
        return None;
    }
    let id = match item.kind {
        "actor" => ItemId::Actor(ActorId(raw)),
        "claim" => ItemId::Claim(ClaimId(raw)),
        "stance" => ItemId::Stance(StanceId(raw)),
        "relation" => ItemId::Relation(RelationId(raw)),
        _ => return None,
    };
    ours.contains(id).then_some(id)
}

/// A value cut to [`SHOWN_CHARS`] characters.
fn shorten(value: &str) -> String {
    if value.chars().count() <= SHOWN_CHARS {
        return value.to_owned();
    }
    let head: String = value.chars().take(SHOWN_CHARS).collect();
    format!("{head}…")
}

/// The Differences window; returns what the analyst asked for.
fn differences_window(ctx: &egui::Context, session: &Comparison, ours: &Map) -> Option<Action> {
    let mut action = None;
    let mut open = true;
    let name = session.path().file_name().map_or_else(
        || session.path().display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let diff = session.diff();
    egui::Window::new("Differences")
        .open(&mut open)
        .default_width(460.0)
        .default_pos(ctx.content_rect().right_top() + egui::vec2(-480.0, 60.0))
        .show(ctx, |ui| {
            if diff.is_empty() {
                ui.label(format!(
                    "No differences: this map and {name} hold the same items (positions \
                     aside)."
                ));
            } else {
                let (added, removed, changed) = diff.counts();
                ui.label(format!(
                    "Compared with {name}: {added} added there, {removed} not there, \
                     {changed} changed. On the canvas: green dashes = only in {name} (drawn \
                     faint where it has it), red dashes = only here, amber = changed there."
                ));
            }
            ui.separator();
            egui::ScrollArea::vertical()
                .max_height(380.0)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for (i, item) in diff.items.iter().enumerate() {
                        ui.horizontal(|ui| {
                            if ui.button("Take this").clicked() {
                                action = Some(Action::Take(Some(i)));
                            }
                            let text = describe(item);
                            match item_here(item, ours) {
                                Some(id) => {
                                    if ui
                                        .link(text)
                                        .on_hover_text("Show it on the canvas")
                                        .clicked()
                                    {
                                        action = Some(Action::Reveal(id));
                                    }
                                }
                                None => {
                                    ui.add(
                                        egui::Label::new(text).wrap_mode(egui::TextWrapMode::Wrap),
                                    );
                                }
                            }
                        });
                        for field in &item.fields {
                            ui.add(
                                egui::Label::new(format!(
                                    "    {}: {} → {}",
                                    field.field,
                                    shorten(&field.old),
                                    shorten(&field.new)
                                ))
                                .wrap_mode(egui::TextWrapMode::Wrap),
                            );
                        }
                    }
                });
            ui.separator();
            ui.horizontal(|ui| {
                let all = ui
                    .add_enabled(!diff.is_empty(), egui::Button::new("Take all"))
                    .on_hover_text(
                        "Make this map like the other one: add, change and remove every item \
                         listed, as one undo step",
                    );
                if all.clicked() {
                    action = Some(Action::Take(None));
                }
                if ui
                    .button("Close")
                    .on_hover_text("End the comparison")
                    .clicked()
                {
                    action = Some(Action::Close);
                }
            });
        });
    if !open {
        action = Some(Action::Close);
    }
    action
}
