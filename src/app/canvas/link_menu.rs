//! Choosing what a new connection means when it is dropped: a stance's position on the scale
//! or a relation's kind. A small menu appears at the drop point, where the keys 1–6 pick a
//! position (1 strongly opposes … 6 strongly supports; 1 and 2 a relation's kind); holding
//! Shift while dropping picks "supports" and Ctrl picks "opposes" / "attacks" without the menu.
//! A new stance cites the current source, with the source's date.

use crate::app::requests::Requests;
use crate::model::{
    ClaimId, Edit, ItemId, Map, NodeId, Position, Relation, RelationKind, SourceId, Stance,
    rules::ConnectionKind,
};
use eframe::egui::{self, Key, Modifiers, Pos2};

/// A connection dropped on a valid target, waiting for its polarity.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingLink {
    /// Start node.
    pub from: NodeId,
    /// End node.
    pub to: NodeId,
    /// Stance or relation.
    pub kind: ConnectionKind,
    /// Where it was dropped, on screen.
    pub at: Pos2,
    /// The source a new stance cites (the current source when it was dropped).
    pub source: Option<SourceId>,
}

/// The number keys, in the order of the digits they type.
const DIGIT_KEYS: [Key; 6] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
];

/// What the new edge will be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkChoice {
    /// A stance with this position.
    Stance(Position),
    /// A relation of this kind.
    Relation(RelationKind),
}

impl LinkChoice {
    /// The menu entry for the choice.
    pub fn label(self) -> &'static str {
        match self {
            LinkChoice::Stance(Position::StronglySupports) => "Strongly supports",
            LinkChoice::Stance(Position::Supports) => "Supports",
            LinkChoice::Stance(Position::Neutral) => "Neutral",
            LinkChoice::Stance(Position::Ambivalent) => "Ambivalent",
            LinkChoice::Stance(Position::Opposes) => "Opposes",
            LinkChoice::Stance(Position::StronglyOpposes) => "Strongly opposes",
            LinkChoice::Relation(RelationKind::Supports) => "Supports (claim)",
            LinkChoice::Relation(RelationKind::Attacks) => "Attacks (claim)",
        }
    }
}

/// What the menu did this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuOutcome {
    /// Still open.
    Open,
    /// Closed, with or without a choice.
    Closed,
}

impl PendingLink {
    /// The choices the menu offers, most positive first.
    pub fn choices(&self) -> Vec<LinkChoice> {
        match self.kind {
            ConnectionKind::Stance => Position::ALL
                .iter()
                .rev()
                .map(|&p| LinkChoice::Stance(p))
                .collect(),
            ConnectionKind::Relation => RelationKind::ALL
                .iter()
                .map(|&k| LinkChoice::Relation(k))
                .collect(),
        }
    }

    /// The digit that picks `choice` from the keyboard: a position's place on the scale from
    /// 1 (strongly opposes) to 6 (strongly supports), a relation kind's place in its list.
    pub fn digit(choice: LinkChoice) -> usize {
        let place = match choice {
            LinkChoice::Stance(position) => Position::ALL.iter().position(|&p| p == position),
            LinkChoice::Relation(kind) => RelationKind::ALL.iter().position(|&k| k == kind),
        };
        place.map_or(0, |i| i + 1)
    }

    /// The choice whose digit was typed this frame, if any.
    fn choice_from_keys(&self, ctx: &egui::Context) -> Option<LinkChoice> {
        let typed = ctx.input_mut(|input| {
            DIGIT_KEYS
                .iter()
                .position(|&key| input.consume_key(Modifiers::NONE, key))
        })?;
        self.choices()
            .into_iter()
            .find(|&choice| Self::digit(choice) == typed + 1)
    }

    /// The choice a modifier held at the drop makes, if any.
    pub fn choice_from_modifiers(&self, modifiers: Modifiers) -> Option<LinkChoice> {
        match (self.kind, modifiers.shift, modifiers.command) {
            (ConnectionKind::Stance, true, false) => Some(LinkChoice::Stance(Position::Supports)),
            (ConnectionKind::Stance, false, true) => Some(LinkChoice::Stance(Position::Opposes)),
            (ConnectionKind::Relation, true, false) => {
                Some(LinkChoice::Relation(RelationKind::Supports))
            }
            (ConnectionKind::Relation, false, true) => {
                Some(LinkChoice::Relation(RelationKind::Attacks))
            }
            _ => None,
        }
    }

    /// Asks for the new stance or relation and for it to be selected.
    pub fn create(&self, choice: LinkChoice, map: &Map, requests: &mut Requests) {
        let mut ids = map.id_allocator();
        let claim = |node: NodeId| match node {
            NodeId::Claim(c) => Some(c),
            NodeId::Actor(_) => None,
        };
        let (edit, item) = match (choice, self.from, claim(self.to)) {
            (LinkChoice::Stance(position), NodeId::Actor(actor), Some(claim)) => {
                let mut stance = Stance::new(ids.stance(), actor, claim, position);
                if let Some(source) = self.source.and_then(|id| map.source(id)) {
                    stance.source = Some(source.id);
                    stance.date = source.date;
                }
                let item = ItemId::Stance(stance.id);
                (Edit::AddStance(stance), item)
            }
            (LinkChoice::Relation(kind), NodeId::Claim(from), Some(to)) => {
                let relation = Relation::new(ids.relation(), from, to, kind);
                let item = ItemId::Relation(relation.id);
                (Edit::AddRelation(relation), item)
            }
            _ => return,
        };
        requests.edit_and_select(edit, vec![item]);
    }

    /// What is connected, e.g. "from Vladimir Putin to NATO expansion".
    fn title(&self, map: &Map) -> String {
        let name = |node: NodeId| match node {
            NodeId::Actor(a) => map.actor(a).map_or_else(String::new, |a| a.name.clone()),
            NodeId::Claim(c) => claim_label(map, c),
        };
        format!("from {}\nto {}", name(self.from), name(self.to))
    }

    /// Shows the menu; asks for the edge when an entry is picked.
    pub fn show(&self, ctx: &egui::Context, map: &Map, requests: &mut Requests) -> MenuOutcome {
        let mut picked = None;
        let area = egui::Area::new(egui::Id::unique("link_menu"))
            .fixed_pos(self.at)
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style())
                    .show(ui, |ui| {
                        ui.strong(match self.kind {
                            ConnectionKind::Stance => "New stance",
                            ConnectionKind::Relation => "New relation",
                        });
                        ui.label(self.title(map));
                        ui.separator();
                        for choice in self.choices() {
                            let digit = Self::digit(choice).to_string();
                            let button = egui::Button::new(choice.label()).shortcut_text(digit);
                            if ui.add(button).clicked() {
                                picked = Some(choice);
                            }
                        }
                        ui.separator();
                        if ui.button("Cancel").clicked() {
                            picked = None;
                            return true;
                        }
                        false
                    })
                    .inner
            });
        if let Some(choice) = picked.or_else(|| self.choice_from_keys(ctx)) {
            self.create(choice, map, requests);
            return MenuOutcome::Closed;
        }
        let cancelled = area.inner
            || ctx.input(|i| i.key_pressed(Key::Escape))
            || area.response.clicked_elsewhere();
        if cancelled {
            MenuOutcome::Closed
        } else {
            MenuOutcome::Open
        }
    }
}

fn claim_label(map: &Map, claim: ClaimId) -> String {
    map.claim(claim)
        .map_or_else(String::new, |c| c.label.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::requests::Request;
    use crate::model::{Actor, ActorId, ActorKind, Claim, Point};

    fn map() -> (Map, ActorId, ClaimId) {
        let mut map = Map::new("m");
        let mut ids = map.id_allocator();
        let (actor, claim) = (ids.actor(), ids.claim());
        map.apply(Edit::AddActor(Actor::new(
            actor,
            "Putin",
            ActorKind::Person,
            Point::default(),
        )))
        .unwrap();
        map.apply(Edit::AddClaim(Claim::new(claim, "NATO", Point::default())))
            .unwrap();
        (map, actor, claim)
    }

    #[test]
    fn modifiers_pick_a_polarity_without_the_menu() {
        let (map, actor, claim) = map();
        let link = PendingLink {
            from: actor.into(),
            to: claim.into(),
            kind: ConnectionKind::Stance,
            at: Pos2::ZERO,
            source: None,
        };
        assert_eq!(link.choice_from_modifiers(Modifiers::NONE), None);
        let choice = link.choice_from_modifiers(Modifiers::COMMAND).unwrap();
        let mut requests = Requests::default();
        link.create(choice, &map, &mut requests);
        let requests = requests.into_vec();
        let [
            Request::Edit {
                edit: Edit::AddStance(stance),
                ..
            },
        ] = requests.as_slice()
        else {
            panic!("expected a new stance")
        };
        assert_eq!((stance.actor, stance.claim), (actor, claim));
        assert_eq!(stance.position, Position::Opposes);
    }

    #[test]
    fn digits_run_from_strongly_opposes_to_strongly_supports() {
        let digit = |p| PendingLink::digit(LinkChoice::Stance(p));
        assert_eq!(digit(Position::StronglyOpposes), 1);
        assert_eq!(digit(Position::Neutral), 3);
        assert_eq!(digit(Position::StronglySupports), 6);
        assert_eq!(
            PendingLink::digit(LinkChoice::Relation(RelationKind::ALL[1])),
            2
        );
    }

    #[test]
    fn a_new_stance_cites_the_source_with_its_date() {
        let (mut map, actor, claim) = map();
        let id = map.id_allocator().source();
        let mut source = crate::model::Source::new(id, "Xinhua", "Xinhua");
        source.date = Some(crate::model::Date::constant(2021, 12, 8));
        map.apply(Edit::AddSource(source)).unwrap();
        let link = PendingLink {
            from: actor.into(),
            to: claim.into(),
            kind: ConnectionKind::Stance,
            at: Pos2::ZERO,
            source: Some(id),
        };
        let mut requests = Requests::default();
        link.create(LinkChoice::Stance(Position::Supports), &map, &mut requests);
        let requests = requests.into_vec();
        let [
            Request::Edit {
                edit: Edit::AddStance(stance),
                ..
            },
        ] = requests.as_slice()
        else {
            panic!("expected a new stance")
        };
        assert_eq!(stance.source, Some(id));
        assert_eq!(stance.date, Some(crate::model::Date::constant(2021, 12, 8)));
    }

    #[test]
    fn stances_offer_the_whole_scale_and_relations_both_kinds() {
        let (_, actor, claim) = map();
        let mut link = PendingLink {
            from: actor.into(),
            to: claim.into(),
            kind: ConnectionKind::Stance,
            at: Pos2::ZERO,
            source: None,
        };
        assert_eq!(link.choices().len(), 6);
        link.kind = ConnectionKind::Relation;
        assert_eq!(link.choices().len(), 2);
    }
}
