//! The one list of user commands. Each command owns its name, its menu, its shortcut and a
//! tooltip; the menu bar, the keyboard handling, the command palette and the shortcut list are
//! all generated from it, so they cannot disagree. Beside it: where each command runs, the
//! editing commands and the clipboard, and the order of keystrokes and clicks.

pub(in crate::app) mod clipboard;
pub(in crate::app) mod dispatch;
pub(in crate::app) mod edit_commands;
pub(in crate::app) mod input_order;
mod keys;

pub use keys::shortcut_table;

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

/// Something the user can ask the app to do. The order of the variants is the order of the
/// menus; `Command::iter()` lists them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumIter)]
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
    /// Add a spreadsheet, AIF file or another map to this map (or open it as a new one).
    Import,
    /// Write the map in another program's format (CSV, GraphML, AIF, Argdown, …).
    ExportAs,
    /// Compare the map with another map file: its differences drawn on the canvas, each one
    /// taken over on request.
    CompareWith,
    /// Merge another analyst's independent coding of the same sources into this map, with
    /// the matches of actors and claims confirmed in a table.
    CombineWith,
    /// Open the window for a new source, with its text pasted or loaded from a file.
    AddSource,
    /// Load the selected source's text from a file.
    ReplaceSourceText,
    /// Quit the app (asking about unsaved changes).
    Quit,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Put a picture of the map on the clipboard, with the Export window's settings.
    CopyImage,
    /// Copy the selection to the clipboard and remove it.
    Cut,
    /// Copy the selection to the clipboard.
    Copy,
    /// Add the clipboard's items to the map, with new ids.
    Paste,
    /// Copy and paste the selection in one step.
    Duplicate,
    /// Remove the selection (nodes take their edges with them).
    Delete,
    /// Select every node and edge.
    SelectAll,
    /// Select nothing (and cancel a gesture in progress).
    SelectNone,
    /// Put the keyboard in the search box.
    Find,
    /// Start typing a new claim on the canvas.
    NewClaim,
    /// Start typing a new actor on the canvas.
    NewActor,
    /// Edit the selected node's label on the canvas.
    Rename,
    /// Open the coding form on the text selected in the reader.
    CodeSelection,
    /// Open the selected source in the source window (its text included).
    EditSource,
    /// Show the whole map.
    FitMap,
    /// Show the selection.
    FitSelection,
    /// Zoom in one step.
    ZoomIn,
    /// Zoom out one step.
    ZoomOut,
    /// Show or hide the legend.
    ToggleLegend,
    /// Show or hide the overview of large maps.
    ToggleMinimap,
    /// Show or hide the reader of sources' texts.
    ShowReader,
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
    /// Show the window of conflicts a merge left in the map.
    ShowConflicts,
    /// Measure how far this map agrees with other coders' maps of the same sources.
    AgreementWith,
    /// Show the list of keyboard shortcuts.
    ShowShortcuts,
    /// Show the version and credits.
    About,
}

impl Command {
    /// Every command, in menu order.
    pub fn all() -> impl Iterator<Item = Command> {
        <Command as strum::IntoEnumIterator>::iter()
    }

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
            Command::Import => "Import…",
            Command::ExportAs => "Export as…",
            Command::CompareWith => "Compare with…",
            Command::CombineWith => "Combine with…",
            Command::ShowConflicts => "Merge conflicts…",
            Command::AgreementWith => "Agreement with…",
            Command::AddSource => "Add source…",
            Command::ReplaceSourceText => "Replace source text from file…",
            Command::EditSource => "Edit source…",
            Command::Quit => "Quit",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::Cut => "Cut",
            Command::Copy => "Copy",
            Command::Paste => "Paste",
            Command::Duplicate => "Duplicate",
            Command::Delete => "Delete",
            Command::SelectAll => "Select all",
            Command::SelectNone => "Select none",
            Command::Find => "Find",
            Command::NewClaim => "New claim",
            Command::NewActor => "New actor",
            Command::Rename => "Rename",
            Command::FitMap => "Fit map",
            Command::FitSelection => "Fit selection",
            Command::ZoomIn => "Zoom in",
            Command::ZoomOut => "Zoom out",
            Command::ToggleLegend => "Legend",
            Command::ToggleMinimap => "Overview",
            Command::CodeSelection => "Code stance from selection…",
            Command::ShowReader => "Reader",
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
            Command::Import => {
                "Add a spreadsheet (CSV), an AIF file or another map to this map, or open it \
                 as a new map"
            }
            Command::ExportAs => {
                "Write the map as CSV, GraphML, AIF, Argdown, Kumu, JSON Canvas or DOT"
            }
            Command::CompareWith => {
                "Draw another version of this map's differences on the canvas (added, removed, \
                 changed) and take them over one by one or all at once"
            }
            Command::AgreementWith => {
                "Percent agreement and Krippendorff's alpha between this map and other coders' \
                 maps of the same sources: overall, per claim and per actor"
            }
            Command::CombineWith => {
                "Merge another analyst's coding of the same sources into this map: actors \
                 matched by name or alias, claims by label, each match confirmed in a table"
            }
            Command::ShowConflicts => {
                "List the conflicts a merge left in this map, to keep ours or take theirs"
            }
            Command::Quit => "Close stancemap, offering to save unsaved changes",
            Command::AddSource => {
                "Add an article, speech or report: title, publisher, date, address, language \
                 and its text, pasted or loaded from a text, Markdown or web page file"
            }
            Command::ReplaceSourceText => {
                "Load the selected source's text from a text, Markdown or web page file"
            }
            Command::EditSource => "Edit the selected source's fields and text in one window",
            Command::Undo => "Take back the last change to the map",
            Command::Redo => "Make the last undone change again",
            Command::Cut => "Copy the selected items to the clipboard and remove them",
            Command::Copy => "Copy the selected items (and the edges among them) to the clipboard",
            Command::Paste => "Add the copied items to the map as new items",
            Command::Duplicate => "Make a copy of the selected items beside them",
            Command::Delete => "Remove the selected items; a node takes its edges with it",
            Command::SelectAll => "Select every node and edge",
            Command::SelectNone => "Clear the selection, or cancel the gesture in progress",
            Command::Find => "Search labels, names, aliases and quotes",
            Command::NewClaim => {
                "Type a new claim where the pointer is (or double-click the canvas)"
            }
            Command::NewActor => {
                "Type a new actor where the pointer is (or Shift+double-click the canvas)"
            }
            Command::Rename => "Edit the selected node's label on the canvas",
            Command::FitMap => "Zoom and pan so the whole map is in view",
            Command::FitSelection => "Zoom and pan so the selected items are in view",
            Command::ZoomIn => "Zoom in around the pointer",
            Command::ZoomOut => "Zoom out around the pointer",
            Command::ToggleLegend => "Show or hide the legend of colours, dashes and shapes",
            Command::ToggleMinimap => {
                "Show or hide the overview in the corner when the map is larger than the view"
            }
            Command::CodeSelection => {
                "Make a stance whose quote is the text selected in the reader: pick actor, \
                 claim and position in a small form"
            }
            Command::ShowReader => {
                "Show the source's text with every quote highlighted; select text to code \
                 stances from it"
            }
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
            | Command::Import
            | Command::ExportAs
            | Command::CompareWith
            | Command::CombineWith
            | Command::AddSource
            | Command::ReplaceSourceText
            | Command::Quit => Menu::File,
            Command::Undo
            | Command::Redo
            | Command::Cut
            | Command::Copy
            | Command::Paste
            | Command::Duplicate
            | Command::Delete
            | Command::SelectAll
            | Command::SelectNone
            | Command::Find
            | Command::NewClaim
            | Command::NewActor
            | Command::Rename
            | Command::CodeSelection
            | Command::EditSource
            | Command::CopyImage => Menu::Edit,
            Command::FitMap
            | Command::FitSelection
            | Command::ZoomIn
            | Command::ZoomOut
            | Command::ToggleLegend
            | Command::ToggleMinimap
            | Command::ShowReader
            | Command::CommandPalette
            | Command::ThemeSystem
            | Command::ThemeLight
            | Command::ThemeDark => Menu::View,
            Command::StanceLayout
            | Command::NetworkLayout
            | Command::StanceLayoutSelection
            | Command::NetworkLayoutSelection
            | Command::ShowAnalysis
            | Command::ShowConflicts
            | Command::AgreementWith => Menu::Map,
            Command::ShowShortcuts | Command::About => Menu::Help,
        }
    }

    /// Whether the command draws a separator above itself in its menu.
    pub fn starts_menu_group(self) -> bool {
        matches!(
            self,
            Command::Save
                | Command::ExportImage
                | Command::CompareWith
                | Command::AddSource
                | Command::Quit
                | Command::CopyImage
                | Command::Cut
                | Command::SelectAll
                | Command::NewClaim
                | Command::ToggleLegend
                | Command::CommandPalette
                | Command::ThemeSystem
                | Command::StanceLayoutSelection
                | Command::ShowAnalysis
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn every_command_has_a_label_and_a_tooltip_of_its_own() {
        let all: Vec<Command> = Command::all().collect();
        assert!(all.len() > 30);
        for (i, c) in all.iter().enumerate() {
            assert!(!c.label().is_empty() && !c.tooltip().is_empty(), "{c:?}");
            for other in &all[i + 1..] {
                assert_ne!(
                    c.label(),
                    other.label(),
                    "{c:?} and {other:?} share a label"
                );
            }
        }
    }
}
