//! Telling the analyst, when a map opens, about the conflicts a merge left in it.

use super::prompts::ErrorReport;
use crate::model::Map;
use crate::teams::conflicts::{conflict_count, conflict_lines};

/// The window listing a map's merge conflicts; `None` when it has none.
pub(super) fn conflicts_report(map: &Map) -> Option<ErrorReport> {
    if map.conflicts().is_empty() {
        return None;
    }
    Some(ErrorReport {
        title: "Merge conflicts to decide".to_owned(),
        summary: format!(
            "A merge left {} in this map. Each item holds our side's value for now; set \
             each as it should be. The list stays in the file (its `conflicts` list) until \
             removed from it.",
            conflict_count(map)
        ),
        lines: conflict_lines(map),
    })
}
