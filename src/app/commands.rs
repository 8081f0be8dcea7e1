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
    /// Start a new, empty map (asking about unsaved changes).
    New,
    /// Open a map file.
    Open,
    /// Open one of the recently used map files.
    OpenRecent,
    /// Save the map to its file (asking for a file if it has none).
    Save,
    /// Save the map to a new file.
    SaveAs,
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
    /// Search every command by name and run one.
    CommandPalette,
    /// Use light or dark colours as the operating system does.
    ThemeSystem,
    /// Use light colours.
    ThemeLight,
    /// Use dark colours.
    ThemeDark,
    /// Arrange the whole map with the stance layout.
    StanceLayout,
    /// Arrange the whole map with the network layout.
    NetworkLayout,
    /// Arrange only the selected nodes with the stance layout.
    StanceLayoutSelection,
    /// Arrange only the selected nodes with the network layout.
    NetworkLayoutSelection,
    /// Show or hide the analysis panel.
    ShowAnalysis,
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
        Command::New,
        Command::Open,
        Command::OpenRecent,
        Command::Save,
        Command::SaveAs,
        Command::ExportImage,
        Command::Quit,
        Command::Undo,
        Command::Redo,
        Command::CopyImage,
        Command::FitMap,
        Command::CommandPalette,
        Command::ThemeSystem,
        Command::ThemeLight,
        Command::ThemeDark,
        Command::StanceLayout,
        Command::NetworkLayout,
        Command::StanceLayoutSelection,
        Command::NetworkLayoutSelection,
        Command::ShowAnalysis,
        Command::ShowShortcuts,
        Command::About,
    ];

    /// The command's name, as menus and the palette show it.
    pub fn label(self) -> &'static str {
        match self {
            Command::New => "New map",
            Command::Open => "Open…",
            Command::OpenRecent => "Open recent",
            Command::Save => "Save",
            Command::SaveAs => "Save as…",
            Command::ExportImage => "Export image…",
            Command::CopyImage => "Copy image",
            Command::Quit => "Quit",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::FitMap => "Fit map",
            Command::CommandPalette => "Command palette…",
            Command::ThemeSystem => "Follow system theme",
            Command::ThemeLight => "Light theme",
            Command::ThemeDark => "Dark theme",
            Command::StanceLayout => "Stance layout",
            Command::NetworkLayout => "Network layout",
            Command::StanceLayoutSelection => "Stance layout of selection",
            Command::NetworkLayoutSelection => "Network layout of selection",
            Command::ShowAnalysis => "Analysis panel",
            Command::ShowShortcuts => "Keyboard shortcuts",
            Command::About => "About stancemap",
        }
    }

    /// A sentence on what the command does, for tooltips and the palette.
    pub fn tooltip(self) -> &'static str {
        match self {
            Command::New => "Start an empty map, offering to save unsaved changes first",
            Command::Open => "Open a map file (.ron)",
            Command::OpenRecent => "Open one of the last ten map files",
            Command::Save => "Save the map to its file",
            Command::SaveAs => "Save the map to a new file, which it then belongs to",
            Command::ExportImage => {
                "Save a PNG or SVG picture of the map with title, legend and sources"
            }
            Command::CopyImage => "Copy a picture of the map for pasting into slides",
            Command::Quit => "Close stancemap, offering to save unsaved changes",
            Command::Undo => "Take back the last change to the map",
            Command::Redo => "Make the last undone change again",
            Command::FitMap => "Zoom and pan so the whole map is in view",
            Command::CommandPalette => "Find any command by typing part of its name",
            Command::ThemeSystem => "Use light or dark colours as the operating system does",
            Command::ThemeLight => "Use dark text on light backgrounds",
            Command::ThemeDark => "Use light text on dark backgrounds",
            Command::StanceLayout => {
                "Claims in the middle, actors by camp on either side, few crossings; pinned \
                 nodes stay"
            }
            Command::NetworkLayout => {
                "Force-directed layout for big or tangled maps, without overlaps; pinned nodes \
                 stay"
            }
            Command::StanceLayoutSelection => {
                "Arrange only the selected nodes with the stance layout, near where they are"
            }
            Command::NetworkLayoutSelection => {
                "Arrange only the selected nodes with the network layout, around the rest"
            }
            Command::ShowAnalysis => {
                "Stance matrix, actor alignment, filters and focus, consistency checks"
            }
            Command::ShowShortcuts => "List every command with its keyboard shortcut",
            Command::About => "Show the version of stancemap",
        }
    }

    /// The menu the command appears in.
    pub fn menu(self) -> Menu {
        match self {
            Command::New
            | Command::Open
            | Command::OpenRecent
            | Command::Save
            | Command::SaveAs
            | Command::ExportImage
            | Command::Quit => Menu::File,
            Command::Undo | Command::Redo | Command::CopyImage => Menu::Edit,
            Command::FitMap
            | Command::CommandPalette
            | Command::ThemeSystem
            | Command::ThemeLight
            | Command::ThemeDark => Menu::View,
            Command::StanceLayout
            | Command::NetworkLayout
            | Command::StanceLayoutSelection
            | Command::NetworkLayoutSelection
            | Command::ShowAnalysis => Menu::Map,
            Command::ShowShortcuts | Command::About => Menu::Help,
        }
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
            Command::Quit => Some(ctrl(Key::Q)),
            Command::Undo => Some(ctrl(Key::Z)),
            Command::Redo => Some(ctrl_shift(Key::Z)),
            Command::FitMap => Some(plain(Key::F)),
            Command::OpenRecent
            | Command::ThemeSystem
            | Command::ThemeLight
            | Command::ThemeDark
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
        match self {
            Command::Redo => &REDO,
            _ => &[],
        }
    }

    /// Whether the command draws a separator above itself in its menu.
    pub fn starts_menu_group(self) -> bool {
        matches!(
            self,
            Command::Save
                | Command::ExportImage
                | Command::Quit
                | Command::CopyImage
                | Command::CommandPalette
                | Command::ThemeSystem
                | Command::StanceLayoutSelection
                | Command::ShowAnalysis
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
