//! The commands' keyboard shortcuts: each command's shortcut and alternatives, which ones
//! open a text field or repeat within a frame, and the table key presses are matched against.

use super::Command;
use eframe::egui::{Key, KeyboardShortcut, Modifiers};

const fn ctrl(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn ctrl_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(
        Modifiers {
            alt: false,
            ctrl: false,
            shift: true,
            mac_cmd: false,
            command: true,
        },
        key,
    )
}

const fn shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::SHIFT, key)
}

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

impl Command {
    /// Whether the command opens a text field that takes the keys typed next (a label editor,
    /// the search box, the palette, the coding form).
    pub fn opens_text_field(self) -> bool {
        matches!(
            self,
            Command::NewClaim
                | Command::NewActor
                | Command::Rename
                | Command::Find
                | Command::CommandPalette
                | Command::CodeSelection
        )
    }

    /// Whether `key` with `modifiers` is the shortcut of a command that opens a text field.
    pub fn opens_text_field_on(key: Key, modifiers: Modifiers) -> bool {
        Command::all()
            .filter(|command| command.opens_text_field())
            .filter_map(Command::shortcut)
            .any(|shortcut| {
                shortcut.logical_key == key && modifiers.matches_exact(shortcut.modifiers)
            })
    }

    /// The main keyboard shortcut.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        match self {
            Command::New => Some(ctrl(Key::N)),
            Command::Open => Some(ctrl(Key::O)),
            Command::Save => Some(ctrl(Key::S)),
            Command::SaveAs => Some(ctrl_shift(Key::S)),
            Command::CommandPalette => Some(ctrl_shift(Key::P)),
            Command::ShowShortcuts => Some(plain(Key::F1)),
            Command::ExportImage => Some(ctrl(Key::E)),
            Command::CopyImage => Some(ctrl_shift(Key::C)),
            Command::Import => Some(ctrl(Key::I)),
            Command::ExportAs => Some(ctrl_shift(Key::E)),
            Command::Quit => Some(ctrl(Key::Q)),
            Command::Undo => Some(ctrl(Key::Z)),
            Command::Redo => Some(ctrl_shift(Key::Z)),
            Command::Cut => Some(ctrl(Key::X)),
            Command::Copy => Some(ctrl(Key::C)),
            Command::Paste => Some(ctrl(Key::V)),
            Command::Duplicate => Some(ctrl(Key::D)),
            Command::Delete => Some(plain(Key::Delete)),
            Command::SelectAll => Some(ctrl(Key::A)),
            Command::SelectNone => Some(plain(Key::Escape)),
            Command::Find => Some(ctrl(Key::F)),
            Command::NewClaim => Some(plain(Key::N)),
            Command::NewActor => Some(shift(Key::N)),
            Command::Rename => Some(plain(Key::F2)),
            Command::CodeSelection => Some(plain(Key::S)),
            Command::ShowReader => Some(ctrl(Key::R)),
            Command::FitMap => Some(plain(Key::F)),
            Command::FitSelection => Some(shift(Key::F)),
            Command::ZoomIn => Some(plain(Key::Plus)),
            Command::ZoomOut => Some(plain(Key::Minus)),
            Command::ToggleLegend => Some(plain(Key::L)),
            Command::ToggleMinimap => Some(plain(Key::M)),
            Command::OpenRecent
            | Command::AddSource
            | Command::ReplaceSourceText
            | Command::EditSource
            | Command::ThemeSystem
            | Command::ThemeLight
            | Command::ThemeDark
            | Command::CompareWith
            | Command::CombineWith
            | Command::ShowConflicts
            | Command::AgreementWith
            | Command::About => None,
            Command::StanceLayout => Some(ctrl(Key::L)),
            Command::NetworkLayout => Some(ctrl_shift(Key::L)),
            Command::ShowAnalysis => Some(ctrl_shift(Key::A)),
            Command::StanceLayoutSelection | Command::NetworkLayoutSelection => None,
        }
    }

    /// Further shortcuts that do the same (e.g. Ctrl+Y for redo).
    pub fn alternative_shortcuts(self) -> &'static [KeyboardShortcut] {
        const REDO: [KeyboardShortcut; 1] = [ctrl(Key::Y)];
        const DELETE: [KeyboardShortcut; 1] = [plain(Key::Backspace)];
        const ZOOM_IN: [KeyboardShortcut; 3] =
            [plain(Key::Equals), ctrl(Key::Plus), ctrl(Key::Equals)];
        const ZOOM_OUT: [KeyboardShortcut; 1] = [ctrl(Key::Minus)];
        match self {
            Command::Redo => &REDO,
            Command::Delete => &DELETE,
            Command::ZoomIn => &ZOOM_IN,
            Command::ZoomOut => &ZOOM_OUT,
            _ => &[],
        }
    }

    /// Whether pressing the shortcut several times within one frame runs the command as many
    /// times (undo, redo, zoom), rather than once (a dialog opens once however often asked).
    pub fn repeats(self) -> bool {
        matches!(
            self,
            Command::Undo | Command::Redo | Command::ZoomIn | Command::ZoomOut
        )
    }

    /// Whether the shortcut is one that text fields use for themselves (typing, clipboard,
    /// their own undo), so it must not fire while a text field has the keyboard.
    pub fn yields_to_text_fields(shortcut: &KeyboardShortcut) -> bool {
        let editing_keys = [Key::A, Key::C, Key::V, Key::X, Key::Z, Key::Y];
        !shortcut.modifiers.command
            || !shortcut.modifiers.alt && editing_keys.contains(&shortcut.logical_key)
    }
}

/// Every (shortcut, command) pair, most specific first, ready for matching key presses.
pub fn shortcut_table() -> Vec<(KeyboardShortcut, Command)> {
    let mut table: Vec<(KeyboardShortcut, Command)> = Command::all()
        .flat_map(|c| {
            c.shortcut()
                .into_iter()
                .chain(c.alternative_shortcuts().iter().copied())
                .map(move |s| (s, c))
        })
        .collect();
    // egui matches Ctrl+S when Ctrl+Shift+S is pressed: try shortcuts with more modifiers first.
    let weight = |s: &KeyboardShortcut| {
        let m = s.modifiers;
        u8::from(m.shift) + u8::from(m.alt) + u8::from(m.command || m.ctrl)
    };
    table.sort_by_key(|(s, _)| std::cmp::Reverse(weight(s)));
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn no_two_commands_share_a_shortcut() {
        let table = shortcut_table();
        for (i, (a, ca)) in table.iter().enumerate() {
            for (b, cb) in table.iter().skip(i + 1) {
                assert!(a != b, "{ca:?} and {cb:?} share a shortcut");
            }
        }
    }

    #[test]
    fn more_specific_shortcuts_come_first() {
        let table = shortcut_table();
        let redo = table
            .iter()
            .position(|(s, _)| *s == ctrl_shift(Key::Z))
            .unwrap();
        let undo = table.iter().position(|(s, _)| *s == ctrl(Key::Z)).unwrap();
        assert!(redo < undo);
    }

    #[test]
    fn shortcuts_that_open_a_text_field_are_known_by_their_keys() {
        let on_linux_ctrl = Modifiers::CTRL | Modifiers::COMMAND;
        assert!(Command::opens_text_field_on(Key::F2, Modifiers::NONE));
        assert!(Command::opens_text_field_on(Key::N, Modifiers::NONE));
        assert!(Command::opens_text_field_on(Key::N, Modifiers::SHIFT));
        assert!(Command::opens_text_field_on(Key::F, on_linux_ctrl));
        assert!(
            !Command::opens_text_field_on(Key::N, on_linux_ctrl),
            "new map"
        );
        assert!(
            !Command::opens_text_field_on(Key::F, Modifiers::NONE),
            "fit map"
        );
        assert!(!Command::opens_text_field_on(Key::L, Modifiers::NONE));
    }
}
