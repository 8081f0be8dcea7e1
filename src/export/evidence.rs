//! The evidence behind a picture: every stance it draws gets a number on its arrow, and a list
//! says what each number stands for — who, which position, on which claim, the quote in its
//! own language, its translation, the source and the date.

use crate::model::{ActorId, Date, EdgeId, Map, NodeId, Position, StanceId};
use crate::scene::edges::{BadgeLook, badge_shapes};
use crate::scene::routing::Obstacles;
use crate::scene::text::{LINE_HEIGHT, wrap_all};
use crate::scene::{Align, SceneId, SceneItem, Shape, Style, curves, point_along};
use eframe::egui::{Color32, Pos2, Rect, Vec2};
use std::collections::BTreeMap;

/// Font size of an entry's first line (number, actor, position, claim).
const HEAD_SIZE: f32 = 11.0;
/// Font size of the quote and its translation.
const QUOTE_SIZE: f32 = 11.0;
/// Font size of the source line.
const SOURCE_SIZE: f32 = 10.0;
/// Font size of the list's heading.
const HEADING_SIZE: f32 = 14.0;
/// Room for the number in front of each entry.
const NUMBER_WIDTH: f32 = 28.0;
/// Space between two entries.
const ENTRY_GAP: f32 = 8.0;
/// Space between columns of the list.
const COLUMN_GAP: f32 = 24.0;
/// Narrowest column the list is split into.
const MIN_COLUMN: f32 = 420.0;
/// Most columns the list is split into.
const MAX_COLUMNS: usize = 4;
/// Font size of the numbers on the arrows, in map units.
const BADGE_SIZE: f32 = 10.0;
/// The heading above the list.
pub const HEADING: &str = "Evidence";

/// One numbered stance with what a reader needs to check it.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// The number on the stance's arrow.
    pub number: usize,
    /// The stance.
    pub stance: StanceId,
    /// Who takes the position.
    pub actor: String,
    /// The position taken.
    pub position: Position,
    /// The claim's label.
    pub claim: String,
    /// The quote in the source's language (may be empty).
    pub quote: String,
    /// The quote's translation, if recorded.
    pub translation: Option<String>,
    /// The source as the map records it: publisher, “title”.
    pub source: Option<String>,
    /// When the position was stated, or else the source's date.
    pub date: Option<Date>,
}

impl Evidence {
    /// Every text of the entry, for checking that the fonts can draw them.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        [
            self.actor.as_str(),
            self.claim.as_str(),
            self.quote.as_str(),
        ]
        .into_iter()
        .chain(self.translation.as_deref())
        .chain(self.source.as_deref())
    }
}

/// The stances among `drawn` (scene items of a picture, every stance of a merged edge
/// included), numbered in reading order: claims from top to bottom and left to right, and each
/// claim's stances by where their actors stand, so the numbers around one claim run on. Each
/// stance gets a number of its own, also where several are drawn as one edge.
pub fn number_stances<'a>(
    map: &Map,
    drawn: impl IntoIterator<Item = &'a SceneItem>,
) -> Vec<Evidence> {
    let ids: std::collections::BTreeSet<StanceId> = drawn
        .into_iter()
        .filter(|item| matches!(item.id, SceneId::Edge(_)))
        .flat_map(SceneItem::stands_for)
        .filter_map(|item| match item {
            crate::model::ItemId::Stance(id) => Some(id),
            _ => None,
        })
        .collect();
    let mut stances: Vec<_> = ids.into_iter().filter_map(|id| map.stance(id)).collect();
    let at = |point: Option<crate::model::Point>| point.map_or((0.0, 0.0), |p| (p.y, p.x));
    stances.sort_by(|a, b| {
        let key = |s: &crate::model::Stance| {
            let claim = at(map.claim(s.claim).map(|c| c.at));
            let actor = at(map.actor(s.actor).map(|a| a.at));
            (claim, actor, s.date, s.id)
        };
        let (ka, kb) = (key(a), key(b));
        ka.partial_cmp(&kb).unwrap_or(std::cmp::Ordering::Equal)
    });
    stances
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let source = s.source.and_then(|id| map.source(id));
            Evidence {
                number: i + 1,
                stance: s.id,
                actor: map
                    .actor(s.actor)
                    .map_or_else(String::new, |a| a.name.clone()),
                position: s.position,
                claim: map
                    .claim(s.claim)
                    .map_or_else(String::new, |c| c.label.clone()),
                quote: s.quote.trim().to_owned(),
                translation: s
                    .translation
                    .as_deref()
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_owned),
                source: source.map(|source| {
                    let title = format!("“{}”", source.title.trim());
                    match source.publisher.trim() {
                        "" => title,
                        publisher => format!("{publisher}, {title}"),
                    }
                }),
                date: s.date.or_else(|| source.and_then(|source| source.date)),
            }
        })
        .collect()
}

/// Where along its line a badge is tried, in order: the middle first, then farther out.
const BADGE_SPOTS: [f32; 9] = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82];

/// A number badge on each numbered stance's line, in map units: a small rounded box in the
/// background colour, outlined in the line's colour, with the number (an edge drawn for
/// several stances carries all their numbers, "3–5" or "3, 7"). A badge sits on the middle of
/// its line, or as near it as keeps it off node boxes, count badges and other badges.
pub fn number_badges<'a>(
    items: impl IntoIterator<Item = &'a SceneItem>,
    evidence: &[Evidence],
    style: &Style,
) -> Vec<(Rect, Vec<Shape>)> {
    let numbers: BTreeMap<StanceId, usize> =
        evidence.iter().map(|e| (e.stance, e.number)).collect();
    let items: Vec<&SceneItem> = items.into_iter().collect();
    let mut taken = Obstacles::new(items.iter().flat_map(|item| {
        match item.id {
            SceneId::Node(node) => vec![(node, item.bounds)],
            // The count badges of merged edges: the only boxes an edge draws.
            SceneId::Edge(_) => item
                .shapes
                .iter()
                .filter_map(|shape| match shape {
                    Shape::Rect { rect, .. } => Some((NodeId::Actor(ActorId(0)), rect.expand(2.0))),
                    _ => None,
                })
                .collect(),
        }
    }));
    items
        .iter()
        .filter_map(|item| {
            let SceneId::Edge(EdgeId::Stance(_)) = item.id else {
                return None;
            };
            let mut own: Vec<usize> = item
                .stands_for()
                .into_iter()
                .filter_map(|stance| match stance {
                    crate::model::ItemId::Stance(id) => numbers.get(&id).copied(),
                    _ => None,
                })
                .collect();
            own.sort_unstable();
            let number = number_text(&own)?;
            let (_, stroke) = curves(&item.shapes).next()?;
            let place = |t: f32| {
                let at = point_along(&item.shapes, t).unwrap_or(item.bounds.center());
                badge(at, &number, stroke.colour, style)
            };
            let (rect, shapes) = BADGE_SPOTS
                .iter()
                .map(|t| place(*t))
                .find(|(rect, _)| !taken.overlaps(*rect))
                .unwrap_or_else(|| place(0.5));
            // Badges are filed as the stance's own kind of box; only their room matters.
            taken.add(NodeId::Actor(ActorId(0)), rect.expand(2.0));
            Some((rect, shapes))
        })
        .collect()
}

/// The numbers of one edge's stances as its badge shows them: "4", "3–5" for a run, else
/// "3, 7"; `None` for no numbers.
pub fn number_text(numbers: &[usize]) -> Option<String> {
    let (first, last) = (numbers.first()?, numbers.last()?);
    let run = numbers
        .iter()
        .zip(numbers.iter().skip(1))
        .all(|(a, b)| *b == a + 1);
    Some(match numbers.len() {
        1 => first.to_string(),
        2 if run => format!("{first}, {last}"),
        _ if run => format!("{first}–{last}"),
        _ => numbers
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    })
}

/// The badge for `number` (the text of one or more numbers) centred on `at`.
fn badge(at: Pos2, number: &str, colour: Color32, style: &Style) -> (Rect, Vec<Shape>) {
    let look = BadgeLook {
        size: BADGE_SIZE,
        pill: true,
        fill: style.background,
        text: style.text,
        outline: colour,
    };
    let (rect, shapes) = badge_shapes(at, number.to_owned(), look);
    (rect.expand(1.0), shapes.to_vec())
}

/// One entry of the list laid out at the origin: its shapes and its height.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryBlock {
    /// The shapes, with the entry's top left corner at the origin.
    pub shapes: Vec<Shape>,
    /// How tall the entry is.
    pub height: f32,
}

/// Lays out one entry in a column `width` units wide: the number, then "actor — position —
/// claim" in bold, the quote, the translation and the source with its date.
pub fn entry_block(entry: &Evidence, width: f32, style: &Style) -> EntryBlock {
    let room_width = (width - NUMBER_WIDTH).max(40.0);
    let mut shapes = vec![Shape::Text {
        anchor: Pos2::ZERO,
        align: Align::Left,
        text: entry.number.to_string(),
        size: HEAD_SIZE,
        colour: style.text,
        bold: true,
    }];
    let mut y = 0.0;
    let mut lines =
        |text: &str, size: f32, colour: Color32, bold: bool, shapes: &mut Vec<Shape>| {
            // Bold text runs wider than the estimates, which are for regular text.
            let room = if bold { room_width / 1.08 } else { room_width };
            for line in wrap_all(text, size, room) {
                shapes.push(Shape::Text {
                    anchor: Pos2::new(NUMBER_WIDTH, y),
                    align: Align::Left,
                    text: line,
                    size,
                    colour,
                    bold,
                });
                y += size * LINE_HEIGHT;
            }
        };
    let head = format!(
        "{} — {} — {}",
        entry.actor,
        entry.position.label(),
        entry.claim
    );
    lines(&head, HEAD_SIZE, style.text, true, &mut shapes);
    if entry.quote.is_empty() {
        lines(
            "(no quote recorded)",
            QUOTE_SIZE,
            style.muted_text,
            false,
            &mut shapes,
        );
    } else {
        lines(
            &format!("“{}”", entry.quote),
            QUOTE_SIZE,
            style.text,
            false,
            &mut shapes,
        );
    }
    if let Some(translation) = &entry.translation {
        lines(
            &format!("Translation: “{translation}”"),
            QUOTE_SIZE,
            style.muted_text,
            false,
            &mut shapes,
        );
    }
    let source = match (&entry.source, entry.date) {
        (Some(source), Some(date)) => format!("{source}, {date}"),
        (Some(source), None) => source.clone(),
        (None, Some(date)) => format!("No source recorded, {date}"),
        (None, None) => "No source recorded".to_owned(),
    };
    lines(&source, SOURCE_SIZE, style.muted_text, false, &mut shapes);
    EntryBlock { shapes, height: y }
}

/// The heading line of the list at `top_left`.
pub fn heading(text: &str, top_left: Pos2, style: &Style) -> (Shape, f32) {
    (
        Shape::Text {
            anchor: top_left,
            align: Align::Left,
            text: text.to_owned(),
            size: HEADING_SIZE,
            colour: style.text,
            bold: true,
        },
        HEADING_SIZE * LINE_HEIGHT + ENTRY_GAP,
    )
}

/// The whole list, heading first, in as many columns as `width` units hold, each filled to
/// about the same height; shapes from the origin, and the list's height.
pub fn evidence_list(evidence: &[Evidence], width: f32, style: &Style) -> (Vec<Shape>, f32) {
    let (title, heading_height) = heading(HEADING, Pos2::ZERO, style);
    let mut shapes = vec![title];
    let columns = (((width + COLUMN_GAP) / (MIN_COLUMN + COLUMN_GAP)).floor() as usize)
        .clamp(1, MAX_COLUMNS)
        .min(evidence.len().max(1));
    let column_width = (width - COLUMN_GAP * (columns as f32 - 1.0)) / columns as f32;
    let blocks: Vec<EntryBlock> = evidence
        .iter()
        .map(|entry| entry_block(entry, column_width, style))
        .collect();
    let total: f32 = blocks.iter().map(|b| b.height + ENTRY_GAP).sum();
    let per_column = total / columns as f32;
    let mut column = 0;
    let mut y = 0.0;
    let mut tallest: f32 = 0.0;
    for block in blocks {
        // Start the next column once this one holds its share, unless it is the last.
        if y > 0.0 && y + block.height / 2.0 > per_column && column + 1 < columns {
            column += 1;
            y = 0.0;
        }
        let offset = Vec2::new(
            column as f32 * (column_width + COLUMN_GAP),
            heading_height + y,
        );
        for mut shape in block.shapes {
            shape.translate(offset);
            shapes.push(shape);
        }
        y += block.height + ENTRY_GAP;
        tallest = tallest.max(y);
    }
    (shapes, heading_height + (tallest - ENTRY_GAP).max(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::{Scene, Theme};

    fn example() -> Map {
        crate::example::example_map().unwrap()
    }

    #[test]
    fn every_drawn_stance_is_numbered_once_in_reading_order() {
        let map = example();
        let scene = Scene::build(&map, &Style::new(Theme::Light));
        let evidence = number_stances(&map, &scene.items);
        assert_eq!(evidence.len(), map.stances().len());
        let numbers: Vec<usize> = evidence.iter().map(|e| e.number).collect();
        assert_eq!(numbers, (1..=map.stances().len()).collect::<Vec<_>>());
        // Claims read from top to bottom: a claim's first number never comes before the
        // numbers of a claim standing clearly above it in the same column.
        let claim_y = |e: &Evidence| {
            map.stance(e.stance)
                .and_then(|s| map.claim(s.claim))
                .map(|c| c.at.y)
                .unwrap()
        };
        for pair in evidence.windows(2) {
            assert!(claim_y(&pair[0]) <= claim_y(&pair[1]), "{pair:?}");
        }
    }

    #[test]
    fn an_entry_carries_the_quote_translation_source_and_date() {
        let map = example();
        let scene = Scene::build(&map, &Style::new(Theme::Light));
        let evidence = number_stances(&map, &scene.items);
        let with_translation = evidence
            .iter()
            .find(|e| e.translation.is_some() && e.source.is_some())
            .unwrap();
        let block = entry_block(with_translation, 500.0, &Style::new(Theme::Light));
        let text: String = block
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join(" ");
        assert!(text.contains(&with_translation.actor), "{text}");
        assert!(text.contains(with_translation.position.label()), "{text}");
        assert!(text.contains("Translation:"), "{text}");
        assert!(text.contains("Xinhua"), "{text}");
        assert!(text.contains("2021-12"), "{text}");
        // Nothing is cut: every character of the quote is in the lines.
        let quote: String = with_translation.quote.split_whitespace().collect();
        let drawn: String = text.split_whitespace().collect();
        assert!(drawn.contains(&quote), "{drawn}");
        assert!(block.height > 4.0 * SOURCE_SIZE);
    }

    #[test]
    fn a_wide_list_is_split_into_columns_of_similar_height() {
        let map = example();
        let style = Style::new(Theme::Light);
        let scene = Scene::build(&map, &style);
        let evidence = number_stances(&map, &scene.items);
        let (_, narrow) = evidence_list(&evidence, 500.0, &style);
        let (shapes, wide) = evidence_list(&evidence, 1400.0, &style);
        assert!(wide < narrow / 2.0, "{wide} vs {narrow}");
        let right_of = |x: f32| {
            shapes
                .iter()
                .any(|s| matches!(s, Shape::Text { anchor, .. } if anchor.x > x))
        };
        assert!(right_of(2.0 * MIN_COLUMN));
        assert!(!right_of(1400.0));
    }

    #[test]
    fn badges_sit_on_the_middle_of_their_arrows() {
        let map = example();
        let style = Style::new(Theme::Light);
        let scene = Scene::build(&map, &style);
        let evidence = number_stances(&map, &scene.items);
        let badges = number_badges(&scene.items, &evidence, &style);
        let drawn_stances = scene
            .items
            .iter()
            .filter(|i| matches!(i.id, SceneId::Edge(EdgeId::Stance(_))) && !i.shapes.is_empty())
            .count();
        assert_eq!(badges.len(), drawn_stances);
        // The example repeats some positions: those edges carry several numbers, and every
        // stance's number is on one badge.
        let mut numbers = Vec::new();
        for (i, (rect, shapes)) in badges.iter().enumerate() {
            let Some(Shape::Text { text, .. }) = shapes.get(1) else {
                panic!("a badge has its number")
            };
            numbers.extend(badge_numbers(text));
            assert!(rect.width() >= rect.height());
            // Off every node box and every other badge.
            for item in &scene.items {
                if matches!(item.id, SceneId::Node(_)) {
                    assert!(!item.bounds.shrink(2.0).intersects(*rect), "badge {text}");
                }
            }
            for (other, _) in badges.iter().skip(i + 1) {
                assert!(!other.intersects(*rect), "badge {text}");
            }
        }
        assert!(badges.len() < evidence.len());
        numbers.sort_unstable();
        assert_eq!(numbers, (1..=evidence.len()).collect::<Vec<_>>());
    }

    /// The numbers a badge's text stands for.
    fn badge_numbers(text: &str) -> Vec<usize> {
        match text.split_once('–') {
            Some((a, b)) => (a.parse().unwrap()..=b.parse().unwrap()).collect(),
            None => text.split(", ").map(|n| n.parse().unwrap()).collect(),
        }
    }

    #[test]
    fn the_numbers_of_one_edge_read_as_a_run_or_a_list() {
        assert_eq!(number_text(&[]), None);
        assert_eq!(number_text(&[4]).as_deref(), Some("4"));
        assert_eq!(number_text(&[4, 5]).as_deref(), Some("4, 5"));
        assert_eq!(number_text(&[3, 4, 5]).as_deref(), Some("3–5"));
        assert_eq!(number_text(&[3, 7]).as_deref(), Some("3, 7"));
    }
}
