//! Running the automatic layouts from the app: on a worker thread (so a big map never freezes
//! the window), with a progress bar and a Cancel button when it takes a while, applied as one
//! undoable step, and animated for a moment so the user sees what moved.

use crate::app::StanceApp;
use crate::counts::counted;
use crate::layout::{
    Cancelled, LayoutGraph, LayoutKind, Progress, Scope, StanceOptions, count_crossings,
    layout_map_with,
};
use crate::model::{Edit, Map, NodeId, Point};
use crate::scene::{Style, Theme};
use eframe::egui;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

/// How long moved nodes glide to their new places.
pub const ANIMATION: Duration = Duration::from_millis(450);
/// Maps with more nodes than this jump to the result without gliding: rebuilding their
/// drawing every frame would stutter.
const MAX_ANIMATED_NODES: usize = 3_000;
/// Crossings are counted for the status line only on maps with at most this many edges:
/// on bigger ones counting could take longer than the layout.
const MAX_COUNTED_EDGES: usize = 3_000;
/// A layout that ends sooner than this shows no progress window at all.
const QUIET_START: Duration = Duration::from_millis(200);

/// What a finished layout hands back: the moves, and the crossings after them if counted.
type LayoutResult = Result<(Vec<(NodeId, Point)>, Option<usize>), Cancelled>;

/// A layout running on its worker thread.
struct Running {
    kind: LayoutKind,
    selection_only: bool,
    /// The document generation the layout started from; a result for another one is stale.
    generation: u64,
    progress: Arc<Progress>,
    result: Receiver<LayoutResult>,
    started: Instant,
}

/// Nodes gliding from where they were to where the layout put them.
struct Glide {
    from: HashMap<NodeId, Point>,
    to: Vec<(NodeId, Point)>,
    started: Instant,
    frame: u64,
}

/// The app's layout machinery: at most one layout running, at most one glide showing.
#[derive(Default)]
pub struct LayoutRunner {
    running: Option<Running>,
    glide: Option<Glide>,
    /// Whether the map opened with the app was looked at for a first layout.
    checked_on_open: bool,
    /// Whether the view should fit the map once the glide is over (after a whole-map layout).
    fit_after_glide: bool,
    /// A layout held back because every node in its reach is pinned (`windows/pinned_offer.rs`).
    pub(in crate::app) pinned_offer: Option<crate::app::windows::pinned_offer::PinnedOffer>,
}

impl std::fmt::Debug for LayoutRunner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LayoutRunner")
            .field("running", &self.running.as_ref().map(|r| r.kind))
            .field("gliding", &self.glide.is_some())
            .finish()
    }
}

/// How a layout run ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// It finished: the moves to apply and the edge crossings after them.
    Done {
        /// Which layout.
        kind: LayoutKind,
        /// Whether only the selection was laid out.
        selection_only: bool,
        /// The moves.
        moves: Vec<(NodeId, Point)>,
        /// Edge crossings of the whole map after the moves (not counted on big maps).
        crossings: Option<usize>,
    },
    /// The user cancelled it.
    Cancelled(LayoutKind),
    /// The map changed while it ran, so its result no longer fits.
    Stale(LayoutKind),
}

impl LayoutRunner {
    /// Starts a layout of `map` (at `generation`) on a worker thread.
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        map: &Map,
        generation: u64,
        kind: LayoutKind,
        scope: Scope,
        options: StanceOptions,
    ) {
        let progress = Arc::new(Progress::new());
        let (send, result) = channel();
        let worker_progress = Arc::clone(&progress);
        let map = map.clone();
        let ctx = ctx.clone();
        let selection_only = matches!(scope, Scope::Only(_));
        std::thread::spawn(move || {
            let style = Style::new(Theme::Light);
            let outcome = layout_map_with(&map, &style, kind, &scope, &options, &worker_progress);
            let outcome = outcome.map(|moves| {
                let edges = map.stances().len() + map.relations().len();
                let mut after = map.clone();
                let moved = after.apply(Edit::MoveNodes {
                    moves: moves.clone(),
                    pinned: false,
                });
                let crossings = (moved.is_ok() && edges <= MAX_COUNTED_EDGES).then(|| {
                    let graph = LayoutGraph::from_map(&after, &style, &Scope::Whole);
                    count_crossings(&graph, &graph.positions())
                });
                (moves, crossings)
            });
            // The app may have gone away; then nobody needs the result.
            let _ = send.send(outcome);
            ctx.request_repaint();
        });
        self.running = Some(Running {
            kind,
            selection_only,
            generation,
            progress,
            result,
            started: Instant::now(),
        });
    }

    /// Whether a layout is running.
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Asks the running layout to stop.
    pub fn cancel(&self) {
        if let Some(running) = &self.running {
            running.progress.cancel();
        }
    }

    /// The result of the running layout, once it is there. `generation` is the document's
    /// now: a layout of an older map is reported stale.
    pub fn poll(&mut self, generation: u64) -> Option<Outcome> {
        let running = self.running.as_ref()?;
        let received = match running.result.try_recv() {
            Ok(result) => result,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => Err(Cancelled),
        };
        let running = self.running.take()?;
        // Cancel means "do not apply", even when the worker finished before it saw the request.
        let received = if running.progress.is_cancelled() {
            Err(Cancelled)
        } else {
            received
        };
        Some(match received {
            Err(Cancelled) => Outcome::Cancelled(running.kind),
            Ok(_) if running.generation != generation => Outcome::Stale(running.kind),
            Ok((moves, crossings)) => Outcome::Done {
                kind: running.kind,
                selection_only: running.selection_only,
                moves,
                crossings,
            },
        })
    }

    /// Starts the glide of `moves` from where the nodes are in `before`; with `then_fit`, the
    /// view fits the map once the nodes arrive.
    pub fn glide(&mut self, before: &Map, moves: &[(NodeId, Point)], then_fit: bool) {
        self.fit_after_glide = then_fit;
        if moves.is_empty() || before.node_count() > MAX_ANIMATED_NODES {
            self.glide = None;
            return;
        }
        let from = moves
            .iter()
            .filter_map(|(id, _)| before.node_position(*id).map(|p| (*id, p)))
            .collect();
        self.glide = Some(Glide {
            from,
            to: moves.to_vec(),
            started: Instant::now(),
            frame: 0,
        });
    }

    /// Whether the view should fit the map now (once, when a glide after a whole-map layout
    /// is over).
    pub fn take_fit(&mut self) -> bool {
        if self.glide.is_none() && self.fit_after_glide {
            self.fit_after_glide = false;
            true
        } else {
            false
        }
    }

    /// While nodes glide: a copy of `map` with them part of the way, and a generation number
    /// for it that changes every frame (so the canvas redraws it). `None` once they arrived.
    pub fn gliding_map(&mut self, map: &Map) -> Option<(Map, u64)> {
        let glide = self.glide.as_mut()?;
        let t = glide.started.elapsed().as_secs_f32() / ANIMATION.as_secs_f32();
        if t >= 1.0 {
            self.glide = None;
            return None;
        }
        // Ease in and out, so the motion starts and stops gently.
        let eased = t * t * (3.0 - 2.0 * t);
        let moves: Vec<(NodeId, Point)> = glide
            .to
            .iter()
            .filter_map(|&(id, to)| {
                let from = glide.from.get(&id)?;
                Some((
                    id,
                    Point::new(
                        from.x + (to.x - from.x) * eased,
                        from.y + (to.y - from.y) * eased,
                    ),
                ))
            })
            .collect();
        let mut shown = map.clone();
        shown
            .apply(Edit::MoveNodes {
                moves,
                pinned: false,
            })
            .ok()?;
        glide.frame += 1;
        // Generations of the document count up from 0; these count down from the top.
        Some((shown, u64::MAX - glide.frame))
    }

    /// A small window with the progress and a Cancel button, once a layout has run for a
    /// moment.
    fn progress_window(&self, ctx: &egui::Context) {
        let Some(running) = &self.running else {
            return;
        };
        ctx.request_repaint_after(Duration::from_millis(50));
        if running.started.elapsed() < QUIET_START {
            return;
        }
        let mut cancel = false;
        egui::Window::new("Laying out")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_TOP, [0.0, 60.0])
            .show(ctx, |ui| {
                ui.label(format!(
                    "Running the {}{}…",
                    running.kind.label(),
                    if running.selection_only {
                        " on the selection"
                    } else {
                        ""
                    }
                ));
                ui.add(
                    egui::ProgressBar::new(running.progress.fraction())
                        .show_percentage()
                        .desired_width(260.0),
                );
                cancel = ui.button("Cancel").clicked();
            });
        if cancel {
            running.progress.cancel();
        }
    }
}

/// Whether a map was never arranged: it has several nodes and every node that is not pinned
/// sits on one spot (as in a file written by hand without positions, or a fresh import).
pub fn never_arranged(map: &Map) -> bool {
    let mut spots = map
        .nodes()
        .filter(|&n| map.node_pinned(n) == Some(false))
        .filter_map(|n| map.node_position(n));
    let Some(first) = spots.next() else {
        return false;
    };
    let mut others = 0;
    for spot in spots {
        if spot != first {
            return false;
        }
        others += 1;
    }
    others > 0
}

impl StanceApp {
    /// The stance layout is the default arrangement: a map that opens never arranged is laid
    /// out once, as an undoable step.
    pub(in crate::app) fn lay_out_on_open(&mut self, ctx: &egui::Context) {
        if std::mem::replace(&mut self.layout.checked_on_open, true) {
            return;
        }
        if never_arranged(self.doc.map()) {
            self.start_layout(ctx, LayoutKind::Stance, false);
        }
    }

    /// Whether a layout is running.
    pub fn is_laying_out(&self) -> bool {
        self.layout.is_running()
    }

    /// Asks the running layout, if any, to stop (as its Cancel button does).
    pub fn cancel_layout(&self) {
        self.layout.cancel();
    }

    /// Starts a layout of the whole map, or of the selected nodes only. When every node it
    /// may move is pinned, it asks whether to lay out the pinned nodes too instead.
    pub(in crate::app) fn start_layout(
        &mut self,
        ctx: &egui::Context,
        kind: LayoutKind,
        selection_only: bool,
    ) {
        let scope = self.layout_scope(selection_only);
        if let Some(pinned) = crate::app::windows::pinned_offer::all_pinned(self.doc.map(), &scope)
        {
            self.layout.pinned_offer = Some(crate::app::windows::pinned_offer::PinnedOffer {
                kind,
                selection_only,
                pinned,
            });
            return;
        }
        let map = self.doc.map().clone();
        self.start_layout_of(ctx, &map, kind, scope);
    }

    /// Starts a layout that moves pinned nodes as well (and leaves them unpinned).
    pub(in crate::app) fn start_layout_including_pinned(
        &mut self,
        ctx: &egui::Context,
        kind: LayoutKind,
        selection_only: bool,
    ) {
        let scope = self.layout_scope(selection_only);
        let map = crate::app::windows::pinned_offer::unpinned(self.doc.map(), &scope);
        self.start_layout_of(ctx, &map, kind, scope);
    }

    fn layout_scope(&self, selection_only: bool) -> Scope {
        if selection_only {
            Scope::Only(self.selection.nodes().collect())
        } else {
            Scope::Whole
        }
    }

    /// Starts a layout of `map` (the document's map, or a copy with pins taken off).
    fn start_layout_of(&mut self, ctx: &egui::Context, map: &Map, kind: LayoutKind, scope: Scope) {
        self.status = None;
        // The stance layout aims for the canvas's shape, so "fit map" shows it large.
        let canvas = self.canvas_rect;
        let options = if canvas.is_positive() {
            StanceOptions {
                aspect: canvas.width() / canvas.height(),
            }
        } else {
            StanceOptions::default()
        };
        self.layout
            .start(ctx, map, self.doc.generation(), kind, scope, options);
    }

    /// Whether a layout can start: none is running, the map has nodes, and for a layout of
    /// the selection some nodes are selected.
    pub(in crate::app) fn layout_enabled(&self, selection_only: bool) -> bool {
        !self.layout.is_running()
            && self.doc.map().node_count() > 0
            && (!selection_only || self.selection.nodes().next().is_some())
    }

    /// Applies a finished layout as one undo step and starts its glide; reports in the
    /// status line. Shows the progress window while one runs. Called once per frame.
    pub(in crate::app) fn layout_frame(&mut self, ctx: &egui::Context) {
        self.layout.progress_window(ctx);
        self.pinned_offer_ui(ctx);
        let Some(outcome) = self.layout.poll(self.doc.generation()) else {
            return;
        };
        self.status = Some(match outcome {
            Outcome::Done {
                kind,
                selection_only,
                moves,
                crossings,
            } => {
                let before = self.doc.map().clone();
                let count = moves.len();
                let edit = Edit::MoveNodes {
                    moves: moves.clone(),
                    pinned: false,
                };
                match self.doc.apply(edit, None) {
                    Ok(()) => {
                        self.layout.glide(&before, &moves, !selection_only);
                        ctx.request_repaint();
                        let crossings = crossings.map_or(String::new(), |n| {
                            format!("; {}", counted(n, "edge crossing", "edge crossings"))
                        });
                        format!(
                            "{}{}: moved {}{crossings}",
                            capitalised(kind.label()),
                            if selection_only {
                                " of the selection"
                            } else {
                                ""
                            },
                            counted(count, "node", "nodes"),
                        )
                    }
                    Err(problem) => format!("Not laid out: {problem}"),
                }
            }
            Outcome::Cancelled(kind) => format!("{} cancelled", capitalised(kind.label())),
            Outcome::Stale(kind) => format!(
                "The map changed while the {} ran; run it again",
                kind.label()
            ),
        });
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
