//! Inspector fields. A text field edits the map as the user types, one undo step per typing
//! session: every keystroke's edit carries the session's group key, and leaving the field ends
//! the group. While the field has focus it shows what was typed even when the map refuses it
//! (an empty name), so the user can clear a field and type it anew.

use crate::app::requests::{Requests, new_group};
use crate::app::windows::date_field::parse_date_field;
use crate::model::{Date, Edit, ItemId};
use eframe::egui::{self, Color32, RichText};

/// Which field of which item.
pub type FieldKey = (Option<ItemId>, &'static str);

/// Drafts and typing sessions of the inspector's fields.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct FieldState {
    /// The text of the field being typed in, which may not have reached the map.
    draft: Option<(FieldKey, String)>,
    /// The field of the current typing session and its undo group.
    session: Option<(FieldKey, u64)>,
    /// Text left in fields that could not become an edit (a date that is not one): shown
    /// until it is corrected, never thrown away.
    unsaved: Vec<(FieldKey, String)>,
}

impl FieldState {
    /// The undo group of the typing session in `key`, starting one if needed.
    fn group(&mut self, key: FieldKey) -> u64 {
        match self.session {
            Some((k, group)) if k == key => group,
            _ => {
                let group = new_group();
                self.session = Some((key, group));
                group
            }
        }
    }
}

/// Lays out labelled fields for one item and collects their edits.
pub struct Form<'a> {
    /// The item the fields belong to; `None` for the map itself.
    pub item: Option<ItemId>,
    /// Drafts and sessions.
    pub state: &'a mut FieldState,
    /// Where edits go.
    pub requests: &'a mut Requests,
}

/// How a text field is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// One line.
    One,
    /// Several lines for longer text.
    Many,
}

impl Form<'_> {
    /// A labelled text field showing `current`. Returns the new text on the frames it changes;
    /// the caller turns it into an edit and hands it to [`Form::typed`].
    pub fn text(
        &mut self,
        ui: &mut egui::Ui,
        name: &'static str,
        current: &str,
        lines: Lines,
    ) -> Option<String> {
        self.text_field(ui, name, current, lines, false)
    }

    /// A text field; with `keep_unsaved`, text that never reached the map stays in the field
    /// after it loses the keyboard.
    fn text_field(
        &mut self,
        ui: &mut egui::Ui,
        name: &'static str,
        current: &str,
        lines: Lines,
        keep_unsaved: bool,
    ) -> Option<String> {
        let key = (self.item, name);
        let unsaved = self.unsaved(key).map(str::to_owned);
        let mut text = match &self.state.draft {
            Some((k, draft)) if *k == key => draft.clone(),
            _ => unsaved.unwrap_or_else(|| current.to_owned()),
        };
        let label = ui.label(name);
        let edit = match lines {
            Lines::One => egui::TextEdit::singleline(&mut text),
            Lines::Many => egui::TextEdit::multiline(&mut text).desired_rows(3),
        };
        let response = ui
            .add(edit.desired_width(f32::INFINITY))
            .labelled_by(label.id);
        if response.lost_focus() {
            self.set_aside_draft(key, current, keep_unsaved);
            if matches!(self.state.session, Some((k, _)) if k == key) {
                self.state.session = None;
                self.requests.end_group();
            }
        }
        if response.changed() {
            self.state.unsaved.retain(|(k, _)| *k != key);
            self.state.draft = Some((key, text.clone()));
            return Some(text);
        }
        if !response.has_focus() {
            self.set_aside_draft(key, current, keep_unsaved);
        }
        None
    }

    /// Text kept in the field `key` that is not in the map.
    fn unsaved(&self, key: FieldKey) -> Option<&str> {
        self.state
            .unsaved
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, text)| text.as_str())
    }

    /// Ends the draft of the field `key` when it loses the keyboard: dropped when the map has
    /// it (or refused it by a rule, like an empty name), kept when asked to and it differs.
    fn set_aside_draft(&mut self, key: FieldKey, current: &str, keep_unsaved: bool) {
        let Some((k, draft)) = self.state.draft.take() else {
            return;
        };
        if k != key {
            self.state.draft = Some((k, draft));
        } else if keep_unsaved && draft != current {
            self.state.unsaved.retain(|(k, _)| *k != key);
            self.state.unsaved.push((key, draft));
        }
    }

    /// Records an edit typed into the field `name`, as part of its typing session.
    pub fn typed(&mut self, name: &'static str, edit: Edit) {
        let group = self.state.group((self.item, name));
        self.requests.grouped(edit, group);
    }

    /// An edit made by a click (a choice, a checkbox): its own undo step.
    pub fn chosen(&mut self, edit: Edit) {
        self.requests.edit(edit);
    }

    /// A date field ("YYYY-MM-DD", empty for none). Returns the new date when a valid one
    /// (or nothing) was typed; shows a hint while the text is not a date.
    pub fn date(
        &mut self,
        ui: &mut egui::Ui,
        name: &'static str,
        current: Option<Date>,
    ) -> Option<Option<Date>> {
        let shown = current.map(|d| d.to_string()).unwrap_or_default();
        let typed = self.text_field(ui, name, &shown, Lines::One, true);
        let key = (self.item, name);
        let (draft, focused) = match &self.state.draft {
            Some((k, draft)) if *k == key => (Some(draft.clone()), true),
            _ => (self.unsaved(key).map(str::to_owned), false),
        };
        if let Some(draft) = &draft
            && parse_date_field(draft).is_err()
        {
            let advice = "write the date as YYYY-MM-DD, e.g. 2021-12-07";
            let text = if focused {
                advice.to_owned()
            } else {
                format!("not saved: {advice}")
            };
            ui.label(
                RichText::new(text)
                    .small()
                    .color(ui.visuals().error_fg_color),
            );
        }
        typed.and_then(|text| parse_date_field(&text).ok())
    }
}

/// Splits a comma-separated list, dropping blanks: "a, b,, c" → [a, b, c].
pub fn split_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// An optional text: `None` when blank.
pub fn optional(text: &str) -> Option<String> {
    (!text.trim().is_empty()).then(|| text.to_owned())
}

/// A small heading for a group of fields.
pub fn heading(ui: &mut egui::Ui, text: &str) {
    ui.add_space(4.0);
    ui.label(
        RichText::new(text)
            .strong()
            .color(ui.visuals().strong_text_color()),
    );
}

/// A muted line of explanation.
pub fn note(ui: &mut egui::Ui, text: impl Into<String>) {
    ui.label(RichText::new(text.into()).small().color(Color32::GRAY));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_parse_leniently() {
        assert_eq!(split_list(" nato, ukraine,, "), ["nato", "ukraine"]);
        assert_eq!(optional("  "), None);
    }

    #[test]
    fn one_session_keeps_one_group() {
        let mut state = FieldState::default();
        let key = (Some(ItemId::Claim(crate::model::ClaimId(1))), "Label");
        let first = state.group(key);
        assert_eq!(state.group(key), first);
        let other = state.group((key.0, "Text"));
        assert_ne!(other, first);
    }
}
