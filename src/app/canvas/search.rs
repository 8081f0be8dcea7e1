//! Finding things on the map: part of any label, name, alias, claim text, tag, quote or
//! translation finds its item. The search box sits in the canvas toolbar; typing selects every
//! match and shows them, Enter steps through them one at a time.

use crate::model::{ItemId, Map};
use eframe::egui::{self, Key};

/// Whether `haystack` contains `needle`, ignoring case. `needle` is already lowercase.
fn contains(haystack: &str, needle: &str) -> bool {
    haystack.to_lowercase().contains(needle)
}

/// Every item matching `query` (case-insensitive, trimmed): claims, then actors, stances,
/// relations and sources, each by id. An empty query matches nothing.
pub fn find(map: &Map, query: &str) -> Vec<ItemId> {
    let needle = query.trim().to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    let any = |texts: &mut dyn Iterator<Item = &str>| {
        for text in texts {
            if contains(text, &needle) {
                return true;
            }
        }
        false
    };
    let claims = map.claims().filter(|c| {
        any(&mut [c.label.as_str(), c.text.as_str()]
            .into_iter()
            .chain(c.tags.iter().map(String::as_str))
            .chain(c.notes.as_deref()))
    });
    let actors = map.actors().filter(|a| {
        any(&mut std::iter::once(a.name.as_str())
            .chain(a.aliases.iter().map(String::as_str))
            .chain(a.camp.as_deref()))
    });
    let stances = map.stances().filter(|s| {
        any(&mut std::iter::once(s.quote.as_str())
            .chain(s.translation.as_deref())
            .chain(s.notes.as_deref()))
    });
    let relations = map
        .relations()
        .filter(|r| r.note.as_deref().is_some_and(|n| contains(n, &needle)));
    let sources = map.sources().filter(|s| {
        any(&mut [s.title.as_str(), s.publisher.as_str()]
            .into_iter()
            .chain(s.notes.as_deref()))
    });
    claims
        .map(|c| ItemId::Claim(c.id))
        .chain(actors.map(|a| ItemId::Actor(a.id)))
        .chain(stances.map(|s| ItemId::Stance(s.id)))
        .chain(relations.map(|r| ItemId::Relation(r.id)))
        .chain(sources.map(|s| ItemId::Source(s.id)))
        .collect()
}

/// The search box's state.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct SearchState {
    /// What is typed.
    pub query: String,
    matches: Vec<ItemId>,
    /// The match Enter last jumped to.
    current: Option<usize>,
    focus_requested: bool,
}

/// What the search box asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum SearchAction {
    /// Select all these and show them.
    ShowAll(Vec<ItemId>),
    /// Select just this one and show it.
    Show(ItemId),
}

impl SearchState {
    /// Puts the keyboard in the search box on the next frame (Ctrl+F).
    pub fn focus(&mut self) {
        self.focus_requested = true;
    }

    /// The current matches.
    pub fn matches(&self) -> &[ItemId] {
        &self.matches
    }

    /// The search box; returns what the user asked for this frame.
    pub fn ui(&mut self, ui: &mut egui::Ui, map: &Map) -> Option<SearchAction> {
        let label = ui.label("Search");
        let output = egui::TextEdit::singleline(&mut self.query)
            .hint_text("label, alias or quote (Ctrl+F)")
            .desired_width(220.0)
            .show(ui);
        let response = output.response.response.clone().labelled_by(label.id);
        if std::mem::take(&mut self.focus_requested) {
            response.request_focus();
            let mut state = output.state;
            let end = self.query.chars().count();
            state
                .cursor
                .set_char_range(Some(egui::text::CCursorRange::two(
                    egui::text::CCursor::new(0),
                    egui::text::CCursor::new(end),
                )));
            state.store(ui.ctx(), response.id);
        }
        let mut action = None;
        if response.changed() {
            self.matches = find(map, &self.query);
            self.current = None;
            if !self.matches.is_empty() {
                action = Some(SearchAction::ShowAll(self.matches.clone()));
            }
        }
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        if entered {
            // The map may have changed since the last keystroke.
            self.matches = find(map, &self.query);
            if !self.matches.is_empty() {
                let next = self.current.map_or(0, |c| (c + 1) % self.matches.len());
                self.current = Some(next);
                action = self.matches.get(next).copied().map(SearchAction::Show);
            }
            response.request_focus();
        }
        if !self.query.trim().is_empty() {
            let text = match (self.matches.len(), self.current) {
                (0, _) => "no matches".to_owned(),
                (n, Some(c)) => format!("{} of {n}", c + 1),
                (n, None) => format!("{n} found"),
            };
            ui.weak(text);
        }
        action
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_labels_aliases_and_quotes_in_any_case() {
        let map = crate::example::example_map().unwrap();
        let nato = find(&map, "nato");
        assert!(nato.iter().any(|i| matches!(i, ItemId::Claim(_))));
        // An alias in Chinese finds Putin.
        let putin = find(&map, "普京");
        assert!(
            putin
                .iter()
                .any(|i| map.describe(*i).contains("Vladimir Putin")),
            "{putin:?}"
        );
        // Part of a quote finds its stance.
        let quote = map.stances().find(|s| s.quote.chars().count() > 8).unwrap();
        let part: String = quote.quote.chars().skip(2).take(6).collect();
        assert!(find(&map, &part).contains(&ItemId::Stance(quote.id)));
        assert!(find(&map, "   ").is_empty());
        assert!(find(&map, "no such text anywhere").is_empty());
    }
}
