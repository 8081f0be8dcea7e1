//! The words around the map: its title and a footer naming the sources and the export date.

use crate::model::{Date, Map};

/// How many sources the footer names before summing up the rest.
const MAX_SOURCES_NAMED: usize = 5;

/// The title line: the map's title, or a placeholder for an untitled map.
pub fn title_text(map: &Map) -> String {
    let title = map.title().trim();
    if title.is_empty() {
        "Untitled map".to_owned()
    } else {
        title.to_owned()
    }
}

/// The footer: the sources as the map records them (publisher, “title”, date), then the
/// export date, as two paragraphs.
pub fn footer_text(map: &Map, export_date: Date) -> String {
    let mut named: Vec<String> = map
        .sources()
        .take(MAX_SOURCES_NAMED)
        .map(|source| {
            let mut parts = Vec::new();
            if !source.publisher.trim().is_empty() {
                parts.push(source.publisher.trim().to_owned());
            }
            parts.push(format!("“{}”", source.title.trim()));
            if let Some(date) = source.date {
                parts.push(date.to_string());
            }
            parts.join(", ")
        })
        .collect();
    let rest = map.sources().len().saturating_sub(MAX_SOURCES_NAMED);
    if rest > 0 {
        named.push(format!("and {rest} more"));
    }
    let sources = if named.is_empty() {
        "Sources: none recorded in the map".to_owned()
    } else {
        let label = if map.sources().len() == 1 {
            "Source"
        } else {
            "Sources"
        };
        format!("{label}: {}", named.join("; "))
    };
    format!(
        "{sources}\nExported {export_date} with stancemap {}",
        env!("CARGO_PKG_VERSION")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edit, Source};

    #[test]
    fn footer_names_publisher_title_and_date_then_the_export_date() {
        let mut map = Map::new("t");
        let id = map.id_allocator().source();
        let source = Source {
            date: Some(Date::constant(2021, 12, 8)),
            ..Source::new(id, "環球深壹度", "Xinhua")
        };
        map.apply(Edit::AddSource(source)).unwrap();
        let footer = footer_text(&map, Date::constant(2026, 1, 2));
        assert!(
            footer.starts_with("Source: Xinhua, “環球深壹度”, 2021-12-08\nExported 2026-01-02"),
            "{footer}"
        );
    }

    #[test]
    fn many_sources_are_summed_up() {
        let mut map = Map::new("t");
        let mut ids = map.id_allocator();
        let edits = (0..8)
            .map(|i| Edit::AddSource(Source::new(ids.source(), format!("Report {i}"), "")))
            .collect();
        map.apply(Edit::Batch(edits)).unwrap();
        let footer = footer_text(&map, Date::constant(2026, 1, 2));
        assert!(footer.contains("“Report 4”; and 3 more"), "{footer}");
        assert!(!footer.contains("Report 5"));
    }

    #[test]
    fn maps_without_sources_or_title_say_so() {
        let map = Map::new("  ");
        assert_eq!(title_text(&map), "Untitled map");
        assert!(footer_text(&map, Date::constant(2026, 1, 2)).contains("none recorded"));
    }
}
