//! Pointer gestures on the canvas: select by click or box, move nodes by dragging, connect
//! nodes by dragging from a handle (or with Alt), pan with the middle or right button or
//! Space+drag, and double-click to create or rename a node.

use super::camera::Camera;
use super::drawing::Drawing;
use super::hit::{self, Hit};
use super::label_editor::{EditorTarget, LabelEditor};
use super::link_menu::PendingLink;
use super::moving::Moving;
use crate::app::requests::{Requests, new_group};
use crate::app::selection::{Selection, node_of};
use crate::model::rules::{self, ConnectionKind};
use crate::model::{ActorKind, ItemId, Map, NodeId, Point};
use eframe::egui::{self, Key, Modifiers, PointerButton, Pos2, Rect, Response, Vec2};
use std::borrow::Cow;

/// What a drag in progress is doing.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Gesture {
    /// No drag.
    #[default]
    Idle,
    /// Moving the view.
    Pan,
    /// Moving nodes: drawn moved until the drag ends, then moved in the map in one edit.
    Move {
        /// The dragged nodes and their positions when the drag began.
        origins: Vec<(NodeId, Point)>,
        /// Map point under the pointer when the drag began.
        grab: Pos2,
        /// How far they have moved so far, in map units.
        offset: Vec2,
    },
    /// Drawing a selection box from `start` (map units).
    Select {
        /// Corner where the drag began.
        start: Pos2,
        /// The selection before the drag, kept when Shift or Ctrl is held.
        base: Option<Selection>,
    },
    /// Dragging a new edge out of `from`.
    Connect {
        /// The node the edge starts at.
        from: NodeId,
    },
}

/// What double-click creates on empty canvas (Shift+double-click creates the other one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CreateMode {
    /// A claim.
    Claim,
    /// An actor of this kind.
    Actor(ActorKind),
}

/// A message shown near the pointer for a moment, e.g. why a connection was refused.
#[derive(Debug, Clone, PartialEq)]
pub struct Flash {
    /// The message.
    pub text: String,
    /// Screen point it is shown at.
    pub at: Pos2,
    /// When it appeared (egui time, seconds).
    pub since: f64,
}

/// How long a flash message stays, in seconds.
pub const FLASH_SECONDS: f64 = 4.0;

/// The pointer and keyboard state of the canvas between frames.
#[derive(Debug, Clone, PartialEq)]
pub struct Interaction {
    /// The drag in progress.
    pub gesture: Gesture,
    /// What the pointer was over last frame.
    pub hover: Hit,
    /// The in-place label editor, when open.
    pub editor: Option<LabelEditor>,
    /// A connection waiting for the user to pick its polarity.
    pub link: Option<PendingLink>,
    /// A short message near the pointer.
    pub flash: Option<Flash>,
    /// What double-click creates.
    pub create: CreateMode,
    /// Undo group of the current run of arrow-key nudges.
    nudge_group: Option<(u64, Vec<NodeId>)>,
}

impl Default for Interaction {
    fn default() -> Self {
        Interaction {
            gesture: Gesture::Idle,
            hover: Hit::Nothing,
            editor: None,
            link: None,
            flash: None,
            create: CreateMode::Claim,
            nudge_group: None,
        }
    }
}

/// What the gestures read and change besides their own state.
pub struct Env<'a, 's> {
    /// The map being edited.
    pub map: &'a Map,
    /// Its drawing.
    pub drawing: &'a Drawing,
    /// The view.
    pub camera: &'a mut Camera,
    /// The canvas rectangle on screen.
    pub viewport: Rect,
    /// The selection, copied on the first change (the app applies the change as a request).
    pub selection: &'a mut Cow<'s, Selection>,
    /// Where edits and messages go.
    pub requests: &'a mut Requests,
    /// The time of this frame (egui seconds), for messages that fade.
    pub now: f64,
    /// The source new stances cite.
    pub current_source: Option<crate::model::SourceId>,
}

impl Env<'_, '_> {
    fn to_map(&self, screen: Pos2) -> Pos2 {
        self.camera.to_map(self.viewport, screen)
    }
}

/// How far one arrow-key press moves the selected nodes, in map units (with Shift: five times).
pub const NUDGE: f32 = 10.0;

impl Interaction {
    /// Handles this frame's pointer input on the canvas `response`.
    pub fn pointer(&mut self, ui: &egui::Ui, response: &Response, env: &mut Env<'_, '_>) {
        let (modifiers, space, press_origin, pointer) = ui.input(|i| {
            (
                i.modifiers,
                i.key_down(Key::Space),
                i.pointer.press_origin(),
                i.pointer.interact_pos(),
            )
        });
        let zoom = env.camera.zoom;

        if response.drag_started() {
            let origin = press_origin.or(pointer).unwrap_or(env.viewport.center());
            self.begin_drag(response, origin, modifiers, space, env);
        }
        if response.dragged() {
            self.continue_drag(response, pointer, env);
        }
        if response.drag_stopped() {
            self.end_drag(pointer, modifiers, env);
        }

        self.hover = match (response.hover_pos(), &self.gesture) {
            (Some(pos), Gesture::Idle) => hit::hit(env.drawing, env.to_map(pos), zoom),
            _ => Hit::Nothing,
        };

        // egui counts a click soon after an earlier double-click as a triple-click, even far
        // from it: treat it as the double-click it is meant to be.
        let double = response.double_clicked() || response.triple_clicked();
        if double && self.editor.is_none() {
            if let Some(pos) = response.interact_pointer_pos() {
                self.double_click(pos, modifiers, env);
            }
        } else if response.clicked()
            && let Some(pos) = response.interact_pointer_pos()
        {
            click(env, pos, modifiers);
        }
    }

    fn begin_drag(
        &mut self,
        response: &Response,
        origin: Pos2,
        modifiers: Modifiers,
        space: bool,
        env: &mut Env<'_, '_>,
    ) {
        self.link = None;
        let primary = response.drag_started_by(PointerButton::Primary);
        if !primary || space {
            self.gesture = Gesture::Pan;
            return;
        }
        let at = env.to_map(origin);
        let zoom = env.camera.zoom;
        let handles_shown = super::view::full_detail(env.drawing, zoom);
        let on_handle = handle_owner(self.hover, env.selection.as_ref())
            .filter(|&node| handles_shown && hit::on_handle(env.drawing, node, at, zoom));
        if let Some(from) = on_handle {
            self.gesture = Gesture::Connect { from };
            return;
        }
        match hit::node_at(env.drawing, at) {
            Some(from) if modifiers.alt => self.gesture = Gesture::Connect { from },
            Some(node) => {
                let item = ItemId::from(node);
                if !env.selection.contains(item) {
                    if modifiers.shift || modifiers.command {
                        env.selection.to_mut().toggle(item);
                    } else {
                        env.selection.to_mut().select_only(item);
                    }
                }
                let origins = env
                    .selection
                    .nodes()
                    .filter_map(|n| env.map.node_position(n).map(|p| (n, p)))
                    .collect();
                self.gesture = Gesture::Move {
                    origins,
                    grab: at,
                    offset: Vec2::ZERO,
                };
            }
            None => {
                let keep = modifiers.shift || modifiers.command;
                self.gesture = Gesture::Select {
                    start: at,
                    base: keep.then(|| env.selection.as_ref().clone()),
                };
            }
        }
    }

    fn continue_drag(&mut self, response: &Response, pointer: Option<Pos2>, env: &mut Env<'_, '_>) {
        match &mut self.gesture {
            Gesture::Pan => env.camera.pan_by(response.drag_delta()),
            Gesture::Move { grab, offset, .. } => {
                if let Some(pointer) = pointer {
                    *offset = env.camera.to_map(env.viewport, pointer) - *grab;
                }
            }
            Gesture::Select { start, base } => {
                let Some(pointer) = pointer else { return };
                let area = Rect::from_two_pos(*start, env.camera.to_map(env.viewport, pointer));
                let mut selection = base.clone().unwrap_or_default();
                selection.extend(
                    hit::nodes_in(env.drawing, area)
                        .into_iter()
                        .map(ItemId::from),
                );
                *env.selection = Cow::Owned(selection);
            }
            Gesture::Connect { .. } | Gesture::Idle => {}
        }
    }

    fn end_drag(&mut self, pointer: Option<Pos2>, modifiers: Modifiers, env: &mut Env<'_, '_>) {
        let gesture = std::mem::take(&mut self.gesture);
        match gesture {
            Gesture::Move {
                origins, offset, ..
            } => {
                if offset != Vec2::ZERO {
                    let moves = origins
                        .iter()
                        .map(|(node, at)| (*node, Point::new(at.x + offset.x, at.y + offset.y)))
                        .collect();
                    env.requests.edit(crate::model::Edit::MoveNodes {
                        moves,
                        pinned: true,
                    });
                }
            }
            Gesture::Connect { from } => {
                if let Some(pointer) = pointer {
                    self.drop_link(from, pointer, modifiers, env);
                }
            }
            Gesture::Pan | Gesture::Select { .. } | Gesture::Idle => {}
        }
    }

    /// Finishes a connection dropped at a screen point: refuses it with a reason, makes it
    /// at once when a modifier picks the polarity, or asks for the polarity.
    fn drop_link(
        &mut self,
        from: NodeId,
        pointer: Pos2,
        modifiers: Modifiers,
        env: &mut Env<'_, '_>,
    ) {
        let Some(to) = hit::node_at(env.drawing, env.to_map(pointer)) else {
            return;
        };
        match connection_verdict(env.map, from, to) {
            Err(reason) => self.refuse(format!("Cannot connect: {reason}"), pointer, env),
            Ok(kind) => {
                let link = PendingLink {
                    from,
                    to,
                    kind,
                    at: pointer,
                    source: env.current_source,
                };
                match link.choice_from_modifiers(modifiers) {
                    Some(choice) => link.create(choice, env.map, env.requests),
                    None => self.link = Some(link),
                }
            }
        }
    }

    /// Shows why something was refused, near the pointer and in the status line.
    pub fn refuse(&mut self, message: String, at: Pos2, env: &mut Env<'_, '_>) {
        env.requests.status(message.clone());
        self.flash = Some(Flash {
            text: message,
            at,
            since: env.now,
        });
    }

    fn double_click(&mut self, pos: Pos2, modifiers: Modifiers, env: &mut Env<'_, '_>) {
        let at = env.to_map(pos);
        match hit::node_at(env.drawing, at) {
            Some(node) => self.editor = LabelEditor::rename(env.map, node),
            None => {
                let create = if modifiers.shift {
                    match self.create {
                        CreateMode::Claim => CreateMode::Actor(ActorKind::Person),
                        CreateMode::Actor(_) => CreateMode::Claim,
                    }
                } else {
                    self.create
                };
                self.start_new(create, at);
            }
        }
    }

    /// Opens the label editor for a new node at a map point.
    pub fn start_new(&mut self, create: CreateMode, at: Pos2) {
        let at = Point::new(at.x, at.y);
        let target = match create {
            CreateMode::Claim => EditorTarget::NewClaim { at },
            CreateMode::Actor(kind) => EditorTarget::NewActor { at, kind },
        };
        self.editor = Some(LabelEditor::new(target, String::new()));
    }

    /// Moves the selected nodes with the arrow keys; a run of presses is one undo step.
    pub fn nudge(&mut self, ui: &egui::Ui, env: &mut Env<'_, '_>) {
        let step = ui.input_mut(|i| {
            let mut step = Vec2::ZERO;
            for (key, dir) in [
                (Key::ArrowLeft, Vec2::new(-1.0, 0.0)),
                (Key::ArrowRight, Vec2::new(1.0, 0.0)),
                (Key::ArrowUp, Vec2::new(0.0, -1.0)),
                (Key::ArrowDown, Vec2::new(0.0, 1.0)),
            ] {
                // Every press counts, however many arrive in one (slow) frame.
                let big = i.count_and_consume_key(Modifiers::SHIFT, key) as f32;
                let small = i.count_and_consume_key(Modifiers::NONE, key) as f32;
                step += dir * NUDGE * (5.0 * big + small);
            }
            step
        });
        let nodes: Vec<NodeId> = env.selection.nodes().collect();
        if step == Vec2::ZERO || nodes.is_empty() {
            return;
        }
        let group = match &self.nudge_group {
            Some((group, same)) if *same == nodes => *group,
            _ => new_group(),
        };
        self.nudge_group = Some((group, nodes.clone()));
        let moves = nodes
            .iter()
            .filter_map(|&n| {
                env.map
                    .node_position(n)
                    .map(|p| (n, Point::new(p.x + step.x, p.y + step.y)))
            })
            .collect();
        env.requests.grouped(
            crate::model::Edit::MoveNodes {
                moves,
                pinned: true,
            },
            group,
        );
    }

    /// The nodes being dragged and how far, for drawing them mid-drag.
    pub fn moving(&self) -> Moving {
        match &self.gesture {
            Gesture::Move {
                origins, offset, ..
            } => Moving::new(origins.iter().map(|(node, _)| *node), *offset),
            _ => Moving::default(),
        }
    }

    /// Drops whatever is in progress (Escape): a drag puts the nodes back.
    pub fn cancel(&mut self) -> bool {
        let busy = self.gesture != Gesture::Idle || self.link.is_some();
        self.gesture = Gesture::Idle;
        self.link = None;
        busy
    }
}

/// What connecting `from` to `to` would make, or why the map would refuse it: the model's
/// rules for connections, plus the rule against two stances with the same actor, claim,
/// source and date (a new stance has neither source nor date yet).
pub fn connection_verdict(map: &Map, from: NodeId, to: NodeId) -> Result<ConnectionKind, String> {
    rules::connection_kind(map, from, to)
        .and_then(|kind| undated_twin(map, from, to).map_or(Ok(kind), Err))
}

/// Why a new stance from `from` to `to` would repeat an existing one: a new stance has no
/// source or date yet, so it may not join an actor and claim that already have such a stance.
fn undated_twin(map: &Map, from: NodeId, to: NodeId) -> Option<String> {
    let (NodeId::Actor(actor), NodeId::Claim(claim)) = (from, to) else {
        return None;
    };
    map.stances_on_claim(claim)
        .find(|s| s.actor == actor && s.source.is_none() && s.date.is_none())
        .map(|twin| {
            format!(
                "{} already records this actor's position on this claim without a source \
                 or date; change it, or give it a source or date first",
                twin.id
            )
        })
}

/// The node whose connection handle is shown: the hovered node, else the only selected one.
pub fn handle_owner(hover: Hit, selection: &Selection) -> Option<NodeId> {
    match hover {
        Hit::Node(node) => Some(node),
        _ => selection.single().and_then(node_of),
    }
}

/// A click: select what is under the pointer (Shift or Ctrl adds or removes it), or clear the
/// selection on empty canvas.
fn click(env: &mut Env<'_, '_>, pos: Pos2, modifiers: Modifiers) {
    let adding = modifiers.shift || modifiers.command;
    let items = match hit::hit(env.drawing, env.to_map(pos), env.camera.zoom) {
        Hit::Node(node) => vec![ItemId::from(node)],
        // A merged edge stands for several stances: the click takes them all, and the
        // inspector lists them to pick one.
        Hit::Edge(edge) => hit::edge_items(env.drawing, edge),
        Hit::Nothing => Vec::new(),
    };
    match (items.is_empty(), adding) {
        (false, true) => {
            let all_selected = items.iter().all(|i| env.selection.contains(*i));
            for item in items {
                if all_selected || !env.selection.contains(item) {
                    env.selection.to_mut().toggle(item);
                }
            }
        }
        (false, false) => {
            let chosen = env.selection.to_mut();
            chosen.clear();
            chosen.extend(items);
        }
        (true, true) => {}
        (true, false) if env.selection.is_empty() => {}
        (true, false) => env.selection.to_mut().clear(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Claim, Edit, Position, Stance};

    #[test]
    fn a_second_stance_without_source_or_date_is_refused_before_it_is_made() {
        let mut map = Map::new("t");
        let mut ids = map.id_allocator();
        let (putin, biden, nato) = (ids.actor(), ids.actor(), ids.claim());
        map.apply(Edit::Batch(vec![
            Edit::AddActor(Actor::new(
                putin,
                "Putin",
                ActorKind::Person,
                Point::default(),
            )),
            Edit::AddActor(Actor::new(
                biden,
                "Biden",
                ActorKind::Person,
                Point::default(),
            )),
            Edit::AddClaim(Claim::new(nato, "NATO", Point::default())),
            Edit::AddStance(Stance::new(ids.stance(), putin, nato, Position::Opposes)),
        ]))
        .unwrap();
        let verdict = connection_verdict(&map, putin.into(), nato.into());
        assert!(verdict.unwrap_err().contains("without a source or date"));
        assert_eq!(
            connection_verdict(&map, biden.into(), nato.into()),
            Ok(ConnectionKind::Stance)
        );
        assert!(connection_verdict(&map, putin.into(), biden.into()).is_err());
    }
}
