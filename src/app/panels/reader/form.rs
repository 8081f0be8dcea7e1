//! The coding form: opened at a selection in the reader, it asks for the actor (offered from
//! the names around the selection), the claim and the position, all from the keyboard: type a
//! few letters and Enter to pick, keys 1–6 (or Enter, for the last position used) to create.

use super::coding::{Choice, Coding};
use super::placement::Placement;
use super::quote_drag::shortened;
use super::suggest::{self, Suggestion};
use crate::app::windows::date_field::{DATE_HINT, parse_date_field};
use crate::model::{ActorId, ClaimId, Date, Map, Position, SourceId};
use eframe::egui::{self, Key, Modifiers, Ui, Vec2};
use std::ops::Range;

/// The form's fields that take typing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Actor,
    Claim,
}

/// One end of the stance as the form holds it: what was typed, what was picked, and which
/// suggestion the arrow keys are on.
#[derive(Debug, Clone)]
struct Pick<K> {
    query: String,
    chosen: Option<K>,
    cursor: usize,
}

impl<K> Default for Pick<K> {
    fn default() -> Self {
        Pick {
            query: String::new(),
            chosen: None,
            cursor: 0,
        }
    }
}

/// The ends of the stance known when the form opens.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ends {
    /// The actor offered (named near the selection) or dropped on.
    pub actor: Option<ActorId>,
    /// The claim the quote was dropped on.
    pub claim: Option<ClaimId>,
}

/// What the form decided this frame.
#[derive(Debug, Clone, PartialEq)]
pub enum FormOutcome {
    /// Still open.
    Open,
    /// Closed without a stance.
    Cancel,
    /// Create this stance (the form closes once it is made).
    Create(Coding),
}

/// The coding form's state.
#[derive(Debug, Clone)]
pub struct CodingForm {
    source: SourceId,
    /// The selected text, exactly.
    quote: String,
    /// Where it is in the source's text.
    range: Range<usize>,
    actor: Pick<ActorId>,
    claim: Pick<ClaimId>,
    /// The position Enter creates with: the last one used.
    position: Position,
    /// When the position was stated, as typed; starts as the date most stances from this
    /// source have, else the source's date.
    date: String,
    /// The field to give the keyboard to on the next frame.
    focus: Option<Field>,
    /// Why the last try to create did not.
    problem: Option<String>,
    /// Where on screen the form opens.
    at: Placement,
    /// A number telling this opening from earlier ones, so the window opens at the new place.
    serial: u64,
    /// The window's size as last shown, so the next form can be placed where it fits.
    size: Option<Vec2>,
}

impl CodingForm {
    /// A form for `quote` at `range` of `source`'s text with the ends already known filled
    /// in: the actor offered (or dropped on), the claim dropped on. The keyboard goes to the
    /// claim when only the actor is known, else to the actor (where Enter takes the offered
    /// one).
    pub fn new(
        map: &Map,
        (source, range, quote): (SourceId, Range<usize>, String),
        ends: Ends,
        (position, date): (Position, Option<Date>),
        (at, serial): (Placement, u64),
    ) -> Self {
        let actor = Pick {
            query: ends
                .actor
                .and_then(|a| map.actor(a))
                .map(|a| a.name.clone())
                .unwrap_or_default(),
            chosen: ends.actor,
            cursor: 0,
        };
        let claim = Pick {
            query: ends
                .claim
                .and_then(|c| map.claim(c))
                .map(|c| c.label.clone())
                .unwrap_or_default(),
            chosen: ends.claim,
            cursor: 0,
        };
        let focus = if actor.chosen.is_some() && claim.chosen.is_none() {
            Field::Claim
        } else {
            Field::Actor
        };
        let date = date.map(|d| d.to_string()).unwrap_or_default();
        CodingForm {
            source,
            date,
            quote,
            range,
            actor,
            claim,
            position,
            focus: Some(focus),
            problem: None,
            at,
            serial,
            size: None,
        }
    }

    /// Where the quote is in the source's text.
    pub fn range(&self) -> Range<usize> {
        self.range.clone()
    }

    /// Shows why the stance could not be made, keeping the form open.
    pub fn refused(&mut self, problem: String) {
        self.problem = Some(problem);
    }

    /// Draws the form and handles its keys.
    pub fn ui(&mut self, ctx: &egui::Context, map: &Map) -> FormOutcome {
        let mut outcome = FormOutcome::Open;
        let mut open = true;
        let shown = egui::Window::new("Code a stance")
            .id(egui::Id::unique(("coding form", self.serial)))
            .pivot(self.at.pivot)
            .default_pos(self.at.pos)
            .collapsible(false)
            .resizable(false)
            .open(&mut open)
            .show(ctx, |ui| {
                ui.set_max_width(380.0);
                outcome = self.contents(ui, map);
            });
        if let Some(shown) = shown {
            self.size = Some(shown.response.rect.size());
        }
        if !open || ctx.input(|i| i.key_pressed(Key::Escape)) {
            return FormOutcome::Cancel;
        }
        outcome
    }

    fn contents(&mut self, ui: &mut Ui, map: &Map) -> FormOutcome {
        ui.label(format!("“{}”", shortened(&self.quote, 90)));
        let actors = suggest::actors(map, &self.actor.query);
        let actor_done = pick_field(ui, Field::Actor, &mut self.actor, &actors, &mut self.focus);
        let claims = suggest::claims(map, &self.claim.query);
        let claim_done = pick_field(ui, Field::Claim, &mut self.claim, &claims, &mut self.focus);
        // Once the actor is picked the claim is next, unless it is known already (a quote
        // dropped on a claim): then no field keeps the keyboard and a position key creates.
        if actor_done && self.claim.chosen.is_none() {
            self.focus = Some(Field::Claim);
        }
        ui.horizontal(|ui| {
            let label = ui.label("Date");
            ui.add(
                egui::TextEdit::singleline(&mut self.date)
                    .hint_text(DATE_HINT)
                    .desired_width(110.0),
            )
            .labelled_by(label.id)
            .on_hover_text(
                "When the position was stated: the date most stances from this source have, \
                 else the source's date",
            );
        });
        let mut create = None;
        ui.label("Position");
        ui.horizontal_wrapped(|ui| {
            for (i, position) in Position::ALL.into_iter().enumerate() {
                let button = egui::Button::new(format!("{} {}", i + 1, position.label()))
                    .selected(position == self.position);
                if ui.add(button).clicked() {
                    create = Some(position);
                }
            }
        });
        // Keys work once no field has the keyboard (Enter in the claim field hands it back).
        let typing = ui.ctx().text_edit_focused() || actor_done || claim_done;
        if !typing {
            create = create.or_else(|| position_key(ui)).or_else(|| {
                ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter))
                    .then_some(self.position)
            });
        }
        ui.weak("Keys 1–6 create the stance with that position, Enter with the highlighted one; Esc cancels");
        if let Some(problem) = &self.problem {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        match create {
            Some(position) => self.coding(map, position),
            None => FormOutcome::Open,
        }
    }

    /// The stance to create, or a problem shown in the form when an end is missing.
    fn coding(&mut self, map: &Map, position: Position) -> FormOutcome {
        self.position = position;
        let date = match parse_date_field(&self.date) {
            Ok(date) => date,
            Err(problem) => {
                self.problem = Some(problem);
                return FormOutcome::Open;
            }
        };
        let actor = match (&self.actor.chosen, self.actor.query.trim()) {
            (Some(id), _) => Choice::Existing(*id),
            (None, "") => return self.missing(Field::Actor, "Name the actor first"),
            (None, typed) => existing_actor(map, typed)
                .map_or_else(|| Choice::New(typed.to_owned()), Choice::Existing),
        };
        let claim = match (&self.claim.chosen, self.claim.query.trim()) {
            (Some(id), _) => Choice::Existing(*id),
            (None, "") => return self.missing(Field::Claim, "Pick or type the claim first"),
            (None, typed) => existing_claim(map, typed)
                .map_or_else(|| Choice::New(typed.to_owned()), Choice::Existing),
        };
        FormOutcome::Create(Coding {
            actor,
            claim,
            position,
            quote: self.quote.clone(),
            source: self.source,
            date,
        })
    }

    fn missing(&mut self, field: Field, problem: &str) -> FormOutcome {
        self.problem = Some(problem.to_owned());
        self.focus = Some(field);
        FormOutcome::Open
    }

    /// The window's size as last shown.
    pub fn size(&self) -> Option<Vec2> {
        self.size
    }

    /// The position last used, for the next form.
    pub fn position(&self) -> Position {
        self.position
    }
}

/// The position whose key (1–6) was pressed.
fn position_key(ui: &Ui) -> Option<Position> {
    let keys = [
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
    ];
    ui.input_mut(|i| {
        keys.iter()
            .zip(Position::ALL)
            .find(|(key, _)| i.consume_key(Modifiers::NONE, **key))
            .map(|(_, p)| p)
    })
}

/// The actor named exactly `typed` (name or alias, case ignored).
fn existing_actor(map: &Map, typed: &str) -> Option<ActorId> {
    let typed = typed.to_lowercase();
    map.actors()
        .find(|a| {
            a.name.to_lowercase() == typed || a.aliases.iter().any(|x| x.to_lowercase() == typed)
        })
        .map(|a| a.id)
}

/// The claim labelled exactly `typed` (case ignored).
fn existing_claim(map: &Map, typed: &str) -> Option<ClaimId> {
    let typed = typed.to_lowercase();
    map.claims()
        .find(|c| c.label.to_lowercase() == typed)
        .map(|c| c.id)
}

/// One type-ahead field with its suggestions and, when nothing matches exactly, a "New …"
/// entry. Returns whether Enter or a click picked something in it this frame.
fn pick_field<K: Copy + PartialEq>(
    ui: &mut Ui,
    field: Field,
    pick: &mut Pick<K>,
    suggestions: &[Suggestion<K>],
    focus: &mut Option<Field>,
) -> bool {
    let (title, new_word) = match field {
        Field::Actor => ("Actor", "New actor"),
        Field::Claim => ("Claim", "New claim"),
    };
    let offers_new = !pick.query.trim().is_empty()
        && pick.chosen.is_none()
        && !suggestions
            .iter()
            .any(|s| s.name.to_lowercase() == pick.query.trim().to_lowercase());
    let entries = suggestions.len() + usize::from(offers_new);
    let id = ui.make_persistent_id(("coding field", title));
    if ui.memory(|m| m.has_focus(id)) && pick.chosen.is_none() {
        ui.input_mut(|i| {
            if i.consume_key(Modifiers::NONE, Key::ArrowDown) {
                pick.cursor = (pick.cursor + 1).min(entries.saturating_sub(1));
            }
            if i.consume_key(Modifiers::NONE, Key::ArrowUp) {
                pick.cursor = pick.cursor.saturating_sub(1);
            }
        });
    }
    let label = ui.label(title);
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut pick.query)
                .id(id)
                .hint_text(match field {
                    Field::Actor => "name or alias",
                    Field::Claim => "a few letters of its label",
                })
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if *focus == Some(field) {
        response.request_focus();
        *focus = None;
    }
    if response.gained_focus() {
        select_all(ui, id, &pick.query);
    }
    if response.changed() {
        pick.chosen = None;
        pick.cursor = 0;
    }
    let mut picked = false;
    if pick.chosen.is_none() {
        for (i, s) in suggestions.iter().enumerate() {
            if ui.selectable_label(i == pick.cursor, &s.shown).clicked() {
                choose(pick, Some(s));
                picked = true;
            }
        }
        if offers_new {
            let text = format!("{new_word} “{}”", pick.query.trim());
            if ui
                .selectable_label(pick.cursor == suggestions.len(), text)
                .clicked()
            {
                pick.cursor = suggestions.len();
                picked = true;
            }
        }
    }
    let entered = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    if entered && pick.chosen.is_none() {
        choose(pick, suggestions.get(pick.cursor));
    }
    picked || entered
}

/// Selects all of a field's text, so what is typed next replaces the offered name.
fn select_all(ui: &Ui, id: egui::Id, text: &str) {
    let mut state = egui::widgets::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
    let all = egui::text::CCursorRange::select_all_str(text);
    state.cursor.set_char_range(Some(all));
    state.store(ui.ctx(), id);
}

/// Picks `suggestion` (or, with none, keeps what was typed as the new item's name).
fn choose<K: Copy>(pick: &mut Pick<K>, suggestion: Option<&Suggestion<K>>) {
    if let Some(s) = suggestion {
        pick.chosen = Some(s.id);
        pick.query = s.name.clone();
    }
}
