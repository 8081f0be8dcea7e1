//! The one list of user commands. Each command owns its name, its menu, its shortcut and a
//! tooltip; the menu bar, the keyboard handling, the command palette and the shortcut list are
//! all generated from it, so they cannot disagree.

use eframe::egui::{Key, KeyboardShortcut, Modifiers};

/// The menus of the menu bar, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Menu {
    /// Files.
    File,
    /// Editing.
    Edit,
    /// The view.
    View,
    /// Layout and analysis of the map.
    Map,
    /// Help.
    Help,
}

impl Menu {
    /// Every menu, left to right.
    pub const ALL: [Menu; 5] = [Menu::File, Menu::Edit, Menu::View, Menu::Map, Menu::Help];

    /// The menu's title.
    pub fn title(self) -> &'static str {
        match self {
            Menu::File => "File",
            Menu::Edit => "Edit",
            Menu::View => "View",
            Menu::Map => "Map",
            Menu::Help => "Help",
        }
    }
}

/// Something the user can ask the app to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    /// Open the Export image window (PNG or SVG).
    ExportImage,
    /// Put a picture of the map on the clipboard, with the Export window's settings.
    CopyImage,
    /// Quit the app (asking about unsaved changes).
    Quit,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Show the whole map.
    FitMap,
    /// Show the list of keyboard shortcuts.
    ShowShortcuts,
    /// Show the version and credits.
    About,
}

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

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

impl Command {
    /// Every command, in menu order.
    pub const ALL: &'static [Command] = &[
        Command::ExportImage,
        Command::Quit,
        Command::Undo,
        Command::Redo,
        Command::CopyImage,
        Command::FitMap,
        Command::ShowShortcuts,
        Command::About,
    ];

    /// The command's name, as menus and the palette show it.
    pub fn label(self) -> &'static str {
        match self {
            Command::ExportImage => "Export image…",
            Command::CopyImage => "Copy image",
            Command::Quit => "Quit",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::FitMap => "Fit map",
            Command::ShowShortcuts => "Keyboard shortcuts",
            Command::About => "About stancemap",
        }
    }

    /// A sentence on what the command does, for tooltips and the palette.
    pub fn tooltip(self) -> &'static str {
        match self {
            Command::ExportImage => {
                "Save a PNG or SVG picture of the map with title, legend and sources"
            }
            Command::CopyImage => "Copy a picture of the map for pasting into slides",
            Command::Quit => "Close stancemap, offering to save unsaved changes",
            Command::Undo => "Take back the last change to the map",
            Command::Redo => "Make the last undone change again",
            Command::FitMap => "Zoom and pan so the whole map is in view",
            Command::ShowShortcuts => "List every command with its keyboard shortcut",
            Command::About => "Show the version of stancemap",
        }
    }

    /// The menu the command appears in.
    pub fn menu(self) -> Menu {
        match self {
            Command::ExportImage | Command::Quit => Menu::File,
            Command::Undo | Command::Redo | Command::CopyImage => Menu::Edit,
            Command::FitMap => Menu::View,
            Command::ShowShortcuts | Command::About => Menu::Help,
        }
    }

    /// The main keyboard shortcut.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        match self {
            Command::ExportImage => Some(ctrl(Key::E)),
            Command::CopyImage => Some(ctrl_shift(Key::C)),
            Command::Quit => Some(ctrl(Key::Q)),
            Command::Undo => Some(ctrl(Key::Z)),
            Command::Redo => Some(ctrl_shift(Key::Z)),
            Command::FitMap => Some(plain(Key::F)),
            Command::ShowShortcuts | Command::About => None,
        }
    }

    /// Further shortcuts that do the same (e.g. Ctrl+Y for redo).
    pub fn alternative_shortcuts(self) -> &'static [KeyboardShortcut] {
        const REDO: [KeyboardShortcut; 1] = [ctrl(Key::Y)];
        match self {
            Command::Redo => &REDO,
            _ => &[],
        }
    }

    /// Whether the command draws a separator above itself in its menu.
    pub fn starts_menu_group(self) -> bool {
        matches!(self, Command::Quit | Command::CopyImage)
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
    let mut table: Vec<(KeyboardShortcut, Command)> = Command::ALL
        .iter()
        .flat_map(|&c| {
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
    fn every_command_is_listed_once_with_a_label_and_tooltip() {
        for (i, c) in Command::ALL.iter().enumerate() {
            assert!(!c.label().is_empty() && !c.tooltip().is_empty());
            assert!(!Command::ALL[i + 1..].contains(c), "{c:?} listed twice");
        }
    }
}
