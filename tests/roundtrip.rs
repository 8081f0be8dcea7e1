//! Property tests: any valid map survives save → load unchanged, and saving is byte-stable.

// Strategy helpers run inside tests: a failure there should fail the test loudly.
#![allow(clippy::expect_used, clippy::indexing_slicing)]

use proptest::prelude::*;
use stancemap::io::{load_str, to_ron_string};
use stancemap::model::{
    Actor, ActorId, ActorKind, CampSide, Claim, ClaimId, Colour, Confidence, Date, Map, MapInfo,
    MapParts, Point, Position, Relation, RelationId, RelationKind, Source, SourceId, Stance,
    StanceId,
};
use std::collections::BTreeSet;
use std::path::Path;

/// Text with the characters that trip up writers: quotes, backslashes, hashes, apostrophes,
/// newlines, tabs, CJK and other non-ASCII letters.
fn text() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "[a-zA-Z0-9 '\"\\\\#,.()\\[\\]\n\t\u{4e00}-\u{4eff}éß–…“”]{0,24}",
    )
    .expect("valid regex")
}

/// Text that is not blank.
fn name() -> impl Strategy<Value = String> {
    text().prop_map(|t| format!("n{t}"))
}

fn date() -> impl Strategy<Value = Date> {
    (1900i16..2100, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| Date::constant(y, m, d))
}

fn coordinate() -> impl Strategy<Value = f32> {
    prop_oneof![
        -1.0e6f32..1.0e6,
        Just(0.0),
        Just(-0.0),
        proptest::num::f32::NORMAL,
        proptest::num::f32::SUBNORMAL,
    ]
}

fn point() -> impl Strategy<Value = Point> {
    (coordinate(), coordinate()).prop_map(|(x, y)| Point::new(x, y))
}

fn kind() -> impl Strategy<Value = ActorKind> {
    proptest::sample::select(ActorKind::ALL.to_vec())
}

/// Title, publisher, date, url, language, notes and text of a source.
type SourceFields = (
    String,
    String,
    Option<Date>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn source_fields() -> impl Strategy<Value = SourceFields> {
    (
        name(),
        text(),
        proptest::option::of(date()),
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::option::of(text()),
    )
}

type ActorFields = (
    String,
    ActorKind,
    Option<String>,
    Vec<String>,
    Option<(u8, u8, u8)>,
    Point,
    bool,
);

fn actor_fields() -> impl Strategy<Value = ActorFields> {
    (
        name(),
        kind(),
        proptest::option::of(text()),
        proptest::collection::vec(name(), 0..3),
        proptest::option::of(any::<(u8, u8, u8)>()),
        point(),
        any::<bool>(),
    )
}

type ClaimFields = (String, String, Vec<String>, Option<String>, Point, bool);

fn claim_fields() -> impl Strategy<Value = ClaimFields> {
    (
        name(),
        text(),
        proptest::collection::vec(name(), 0..3),
        proptest::option::of(text()),
        point(),
        any::<bool>(),
    )
}

type StanceFields = (
    usize,
    usize,
    Position,
    Option<Confidence>,
    String,
    Option<String>,
    Option<usize>,
    Option<Date>,
    Option<String>,
);

fn stance_fields() -> impl Strategy<Value = StanceFields> {
    (
        any::<usize>(),
        any::<usize>(),
        proptest::sample::select(Position::ALL.to_vec()),
        proptest::option::of(proptest::sample::select(Confidence::ALL.to_vec())),
        text(),
        proptest::option::of(text()),
        proptest::option::of(any::<usize>()),
        proptest::option::of(date()),
        proptest::option::of(text()),
    )
}

/// A valid map: references point at existing items, stance and relation keys are unique.
fn valid_map() -> impl Strategy<Value = Map> {
    (
        (
            name(),
            text(),
            proptest::option::of(date()),
            proptest::option::of(date()),
            // Sides fixed for camps, by camp name (any names: a side may outlive its camp).
            proptest::collection::btree_map(
                name(),
                prop_oneof![Just(CampSide::Left), Just(CampSide::Right)],
                0..3,
            ),
        ),
        proptest::collection::vec(source_fields(), 0..3),
        proptest::collection::vec(actor_fields(), 0..6),
        proptest::collection::vec(claim_fields(), 0..6),
        proptest::collection::vec(stance_fields(), 0..10),
        proptest::collection::vec(
            (
                any::<usize>(),
                any::<usize>(),
                any::<bool>(),
                proptest::option::of(text()),
            ),
            0..8,
        ),
        0u32..5,
    )
        .prop_map(|(info, sources, actors, claims, stances, relations, gap)| {
            let mut next = 1u32;
            let mut fresh = || {
                let id = next;
                next += 1;
                id
            };
            let sources: Vec<Source> = sources
                .into_iter()
                .map(
                    |(title, publisher, date, url, language, notes, text)| Source {
                        id: SourceId(fresh()),
                        title,
                        publisher,
                        date,
                        url,
                        language,
                        notes,
                        text,
                    },
                )
                .collect();
            let actors: Vec<Actor> = actors
                .into_iter()
                .map(|(name, kind, camp, aliases, colour, at, pinned)| Actor {
                    id: ActorId(fresh()),
                    short_name: None,
                    name,
                    kind,
                    camp,
                    aliases,
                    colour: colour.map(|(r, g, b)| Colour::rgb(r, g, b)),
                    at,
                    pinned,
                })
                .collect();
            let claims: Vec<Claim> = claims
                .into_iter()
                .map(|(label, text, tags, notes, at, pinned)| Claim {
                    id: ClaimId(fresh()),
                    label,
                    text,
                    tags,
                    notes,
                    at,
                    pinned,
                })
                .collect();
            let mut stance_keys = BTreeSet::new();
            let mut kept_stances = Vec::new();
            if !actors.is_empty() && !claims.is_empty() {
                for (a, c, position, confidence, quote, translation, s, date, notes) in stances {
                    let actor = actors[a % actors.len()].id;
                    let claim = claims[c % claims.len()].id;
                    let source = s
                        .and_then(|s| sources.get(s % sources.len().max(1)))
                        .map(|s| s.id);
                    if stance_keys.insert((actor, claim, source, date)) {
                        kept_stances.push(Stance {
                            id: StanceId(fresh()),
                            actor,
                            claim,
                            position,
                            confidence,
                            quote,
                            translation,
                            source,
                            date,
                            notes,
                        });
                    }
                }
            }
            let mut pairs = BTreeSet::new();
            let mut kept_relations = Vec::new();
            if claims.len() >= 2 {
                for (f, t, attacks, note) in relations {
                    let from = claims[f % claims.len()].id;
                    let to = claims[t % claims.len()].id;
                    if from != to && pairs.insert((from, to)) {
                        let kind = if attacks {
                            RelationKind::Attacks
                        } else {
                            RelationKind::Supports
                        };
                        kept_relations.push(Relation {
                            id: RelationId(fresh()),
                            from,
                            to,
                            kind,
                            note,
                        });
                    }
                }
            }
            let next_id = next + gap;
            Map::assemble(MapParts {
                info: MapInfo {
                    title: info.0,
                    description: info.1,
                    created: info.2,
                    modified: info.3,
                    camp_sides: info.4,
                },
                next_id: Some(next_id),
                conflicts: Vec::new(),
                sources,
                actors,
                claims,
                stances: kept_stances,
                relations: kept_relations,
            })
            .expect("the generator only builds valid maps")
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn save_then_load_gives_the_same_map(map in valid_map()) {
        let text = to_ron_string(&map).unwrap();
        let loaded = load_str(&text, Path::new("roundtrip.ron"))
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&loaded, &map);
    }

    #[test]
    fn saving_is_byte_stable(map in valid_map()) {
        let first = to_ron_string(&map).unwrap();
        prop_assert_eq!(&to_ron_string(&map.clone()).unwrap(), &first);
        let reloaded = load_str(&first, Path::new("roundtrip.ron"))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(to_ron_string(&reloaded).unwrap(), first);
    }
}

#[test]
fn awkward_strings_are_written_readably_and_read_back() {
    let mut map = Map::new("Quotes \"inside\", back\\slash, r#\"raw\"#, it's\nsecond line\ttab");
    let id = map.id_allocator().claim();
    map.apply(stancemap::model::Edit::AddClaim(Claim::new(
        id,
        "普京“以攻為守”?",
        Point::new(f32::MIN_POSITIVE / 4.0, -0.0),
    )))
    .unwrap();
    let text = to_ron_string(&map).unwrap();
    assert!(text.contains("it's"), "apostrophes stay plain: {text}");
    assert!(text.contains("普京“以攻為守”?"), "{text}");
    let loaded = load_str(&text, Path::new("awkward.ron")).unwrap();
    assert_eq!(loaded, map);
    assert_eq!(loaded.title(), map.title());
}
