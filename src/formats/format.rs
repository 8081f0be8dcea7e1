//! Which format a file is in, told by its name or named outright (`--from`, `--to`).

use std::path::Path;

/// A file format stancemap reads or writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    /// stancemap's own map file (RON).
    #[value(name = "ron")]
    Map,
    /// A stance spreadsheet: one row per stance.
    Csv,
    /// A stance spreadsheet as a workbook (Excel, OpenDocument): read, not written.
    #[value(name = "xlsx")]
    Workbook,
    /// GraphML of actors, claims, stances and relations (Gephi, yEd, igraph, networkx).
    #[value(name = "graphml")]
    GraphMl,
    /// GraphML of the actor alignment network (congruence and conflict), as DNA exports it.
    Alignment,
    /// AIF JSON (OVA, AIFdb).
    Aif,
    /// Argdown.
    Argdown,
    /// A Kumu blueprint.
    Kumu,
    /// JSON Canvas 1.0 (Obsidian).
    Canvas,
    /// Graphviz DOT.
    Dot,
}

impl Format {
    /// Every format, in the order menus list them.
    pub const ALL: [Format; 10] = [
        Format::Map,
        Format::Csv,
        Format::Workbook,
        Format::GraphMl,
        Format::Alignment,
        Format::Aif,
        Format::Argdown,
        Format::Kumu,
        Format::Canvas,
        Format::Dot,
    ];

    /// The format's name for people.
    pub fn label(self) -> &'static str {
        match self {
            Format::Map => "stancemap map (RON)",
            Format::Csv => "Spreadsheet (CSV)",
            Format::Workbook => "Spreadsheet workbook (Excel, OpenDocument)",
            Format::GraphMl => "GraphML network",
            Format::Alignment => "GraphML actor alignment",
            Format::Aif => "AIF JSON",
            Format::Argdown => "Argdown",
            Format::Kumu => "Kumu blueprint",
            Format::Canvas => "JSON Canvas",
            Format::Dot => "Graphviz DOT",
        }
    }

    /// What the format is for, in a sentence.
    pub fn purpose(self) -> &'static str {
        match self {
            Format::Map => "stancemap's own file",
            Format::Csv => "one row per stance, for spreadsheets and coding tools",
            Format::Workbook => "one row per stance, read from .xlsx, .xls and .ods workbooks",
            Format::GraphMl => "for Gephi, yEd, igraph and networkx",
            Format::Alignment => "who agrees with whom, weighted, for network analysis",
            Format::Aif => "argument structure for OVA and AIFdb",
            Format::Argdown => "claims and their support and attack as Argdown text",
            Format::Kumu => "for stakeholder maps in Kumu",
            Format::Canvas => "for Obsidian and other canvas apps",
            Format::Dot => "for graphviz",
        }
    }

    /// The file name ending this format is written with.
    pub fn suffix(self) -> &'static str {
        match self {
            Format::Map => ".ron",
            Format::Csv => ".csv",
            Format::Workbook => ".xlsx",
            Format::GraphMl => ".graphml",
            Format::Alignment => ".alignment.graphml",
            Format::Aif => ".json",
            Format::Argdown => ".argdown",
            Format::Kumu => ".kumu.json",
            Format::Canvas => ".canvas",
            Format::Dot => ".dot",
        }
    }

    /// The last extension of [`Format::suffix`], for file dialogs.
    pub fn extension(self) -> &'static str {
        self.suffix().rsplit('.').next().unwrap_or("")
    }

    /// Whether stancemap reads files of this format.
    pub fn can_import(self) -> bool {
        matches!(
            self,
            Format::Map | Format::Csv | Format::Workbook | Format::Aif
        )
    }

    /// Whether stancemap writes files of this format.
    pub fn can_export(self) -> bool {
        self != Format::Workbook
    }

    /// The formats stancemap reads, for messages.
    pub fn importable_names() -> &'static str {
        "stancemap maps (.ron), spreadsheets (.csv, .tsv, .xlsx, .xls, .ods) and AIF JSON (.json)"
    }

    /// The format a file name says: by its ending, the longest known ending first, so
    /// `x.kumu.json` is a Kumu blueprint and `x.json` AIF JSON.
    pub fn of_path(path: &Path) -> Result<Format, String> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let by_suffix = [
            (".alignment.graphml", Format::Alignment),
            (".kumu.json", Format::Kumu),
            (".aif.json", Format::Aif),
            (".graphml", Format::GraphMl),
            (".json", Format::Aif),
            (".csv", Format::Csv),
            (".xlsx", Format::Workbook),
            (".xlsm", Format::Workbook),
            (".xlsb", Format::Workbook),
            (".xls", Format::Workbook),
            (".ods", Format::Workbook),
            (".tsv", Format::Csv),
            (".txt", Format::Csv),
            (".ron", Format::Map),
            (".argdown", Format::Argdown),
            (".ad", Format::Argdown),
            (".canvas", Format::Canvas),
            (".dot", Format::Dot),
            (".gv", Format::Dot),
        ];
        by_suffix
            .iter()
            .find(|(suffix, _)| name.ends_with(suffix))
            .map(|(_, format)| *format)
            .ok_or_else(|| {
                format!(
                    "cannot tell the format of {} from its name; use one of .ron, .csv, \
                     .xlsx (read only), .graphml, .alignment.graphml, .json (AIF), .kumu.json, .argdown, \
                     .canvas, .dot, or name the format with --from/--to",
                    path.display()
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_decide_the_format_longest_ending_first() {
        let of = |name: &str| Format::of_path(Path::new(name)).unwrap();
        assert_eq!(of("coded.CSV"), Format::Csv);
        assert_eq!(of("m.kumu.json"), Format::Kumu);
        assert_eq!(of("m.json"), Format::Aif);
        assert_eq!(of("m.alignment.graphml"), Format::Alignment);
        assert_eq!(of("m.graphml"), Format::GraphMl);
        assert_eq!(of("notes.canvas"), Format::Canvas);
        let err = Format::of_path(Path::new("m.xyz")).unwrap_err();
        assert!(err.contains("--from/--to"), "{err}");
        for format in Format::ALL {
            assert_eq!(of(&format!("x{}", format.suffix())), format, "{format:?}");
        }
    }
}
