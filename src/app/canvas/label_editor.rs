//! Editing a node's label in place: a text field over the node (or where a new node will
//! appear). Enter commits, Escape cancels, clicking elsewhere commits.

use crate::app::requests::Requests;
use crate::model::{Actor, ActorKind, Claim, Edit, ItemId, Map, NodeId, Point};
use eframe::egui::{self, Key, Rect, text::CCursor, text::CCursorRange};

/// What the editor's text becomes.
#[derive(Debug, Clone, PartialEq)]
pub enum EditorTarget {
    /// The label of a new claim at a map point.
    NewClaim {
        /// Where the claim goes.
        at: Point,
    },
    /// The name of a new actor at a map point.
    NewActor {
        /// Where the actor goes.
        at: Point,
        /// Its kind.
        kind: ActorKind,
    },
    /// The label or name of an existing node.
    Rename(NodeId),
}

/// An open in-place editor.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelEditor {
    /// What is being edited.
    pub target: EditorTarget,
    /// The text typed so far.
    pub text: String,
    /// Whether the field has had the keyboard yet. Focus is asked for until it arrives: on
    /// the frame the editor opens, the click that opened it would take it away again.
    focused: bool,
}

/// What happened to the editor this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorOutcome {
    /// Still editing.
    Open,
    /// Closed; the requests hold the edit, if any.
    Closed,
}

impl LabelEditor {
    /// An editor for `target` starting with `text`.
    pub fn new(target: EditorTarget, text: String) -> Self {
        LabelEditor {
            target,
            text,
            focused: false,
        }
    }

    /// An editor renaming an existing node, starting with its current label or name.
    pub fn rename(map: &Map, node: NodeId) -> Option<Self> {
        let text = match node {
            NodeId::Actor(a) => map.actor(a)?.name.clone(),
            NodeId::Claim(c) => map.claim(c)?.label.clone(),
        };
        Some(LabelEditor::new(EditorTarget::Rename(node), text))
    }

    /// The accessible name of the text field, which also says what is being typed.
    pub fn field_name(&self) -> &'static str {
        match self.target {
            EditorTarget::NewClaim { .. } => "Claim label",
            EditorTarget::NewActor { .. } => "Actor name",
            EditorTarget::Rename(NodeId::Claim(_)) => "Rename claim",
            EditorTarget::Rename(NodeId::Actor(_)) => "Rename actor",
        }
    }

    /// Where the new node goes, for editors that create one.
    pub fn new_position(&self) -> Option<Point> {
        match self.target {
            EditorTarget::NewClaim { at } | EditorTarget::NewActor { at, .. } => Some(at),
            EditorTarget::Rename(_) => None,
        }
    }

    /// Shows the field over `screen_rect`; on Enter or a click elsewhere asks for the edit.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        screen_rect: Rect,
        map: &Map,
        requests: &mut Requests,
    ) -> EditorOutcome {
        // Read before the field runs: the field takes Escape for itself.
        let escape = ctx.input(|i| i.key_pressed(Key::Escape));
        let name = self.field_name();
        let area = egui::Area::new(egui::Id::unique("label_editor"))
            .fixed_pos(screen_rect.left_top())
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style())
                    .show(ui, |ui| {
                        let caption = ui.small(name);
                        let output = egui::TextEdit::singleline(&mut self.text)
                            .desired_width(screen_rect.width().max(160.0))
                            .hint_text("Enter to add, Esc to cancel")
                            .show(ui);
                        let response = output.response.response.clone().labelled_by(caption.id);
                        if response.has_focus() {
                            self.focused = true;
                        } else if !self.focused {
                            response.request_focus();
                            let mut state = output.state;
                            let all = CCursorRange::two(
                                CCursor::new(0),
                                CCursor::new(self.text.chars().count()),
                            );
                            state.cursor.set_char_range(Some(all));
                            state.store(ui.ctx(), response.id);
                        }
                        response
                    })
                    .inner
            });
        let response = area.inner;
        // Enter, Escape and clicks elsewhere all take focus from a one-line field.
        if escape {
            return EditorOutcome::Closed;
        }
        if response.lost_focus() {
            self.commit(map, requests);
            return EditorOutcome::Closed;
        }
        EditorOutcome::Open
    }

    /// Asks for the edit the typed text makes.
    fn commit(&self, map: &Map, requests: &mut Requests) {
        let text = self.text.trim();
        if text.is_empty() {
            if !matches!(self.target, EditorTarget::Rename(_)) {
                requests.status("Nothing added: the label was empty");
            }
            return;
        }
        let mut ids = map.id_allocator();
        match self.target {
            // New nodes are not pinned: only a node moved by hand keeps layouts away.
            EditorTarget::NewClaim { at } => {
                let mut claim = Claim::new(ids.claim(), text, at);
                // The full sentence is the analyst's to write; a copy of the label would
                // only have to be deleted.
                claim.text = String::new();
                let id = ItemId::Claim(claim.id);
                requests.edit_and_select(Edit::AddClaim(claim), vec![id]);
            }
            EditorTarget::NewActor { at, kind } => {
                let actor = Actor::new(ids.actor(), text, kind, at);
                let id = ItemId::Actor(actor.id);
                requests.edit_and_select(Edit::AddActor(actor), vec![id]);
            }
            EditorTarget::Rename(NodeId::Claim(id)) => {
                if let Some(claim) = map.claim(id).filter(|c| c.label != text) {
                    let mut claim = claim.clone();
                    // A claim whose full text is just its label keeps the two together.
                    if claim.text == claim.label {
                        claim.text = text.to_owned();
                    }
                    claim.label = text.to_owned();
                    requests.edit(Edit::UpdateClaim(claim));
                }
            }
            EditorTarget::Rename(NodeId::Actor(id)) => {
                if let Some(actor) = map.actor(id).filter(|a| a.name != text) {
                    let mut actor = actor.clone();
                    actor.name = text.to_owned();
                    requests.edit(Edit::UpdateActor(actor));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::requests::Request;

    #[test]
    fn committing_a_new_claim_adds_and_selects_it() {
        let map = Map::new("m");
        let editor = LabelEditor::new(
            EditorTarget::NewClaim {
                at: Point::new(5.0, 6.0),
            },
            "  NATO must not expand  ".into(),
        );
        let mut requests = Requests::default();
        editor.commit(&map, &mut requests);
        let requests = requests.into_vec();
        let [
            Request::Edit {
                edit: Edit::AddClaim(claim),
                select: Some(select),
                ..
            },
        ] = requests.as_slice()
        else {
            panic!("expected one AddClaim")
        };
        assert_eq!(claim.label, "NATO must not expand");
        assert_eq!(
            claim.text, "",
            "the full text is left for the analyst to write"
        );
        assert!(!claim.pinned, "layouts may move a new node");
        assert_eq!(select, &[ItemId::Claim(claim.id)]);
    }

    #[test]
    fn an_empty_label_adds_nothing() {
        let map = Map::new("m");
        let editor = LabelEditor::new(
            EditorTarget::NewActor {
                at: Point::default(),
                kind: ActorKind::State,
            },
            "   ".into(),
        );
        let mut requests = Requests::default();
        editor.commit(&map, &mut requests);
        assert!(matches!(
            requests.into_vec().as_slice(),
            [Request::Status(_)]
        ));
    }
}
