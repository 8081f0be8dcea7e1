//! Round trips through other formats: RON → CSV → RON and RON → AIF → RON keep every actor,
//! claim, stance (with quote, source and date) and relation, on generated maps and on the
//! example map.

// Strategy helpers run inside tests: a failure there should fail the test loudly.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)]

use proptest::prelude::*;
use stancemap::formats::{Format, export, new_map_from};
use stancemap::io::load_file;
use stancemap::model::{
    Actor, ActorKind, Claim, Confidence, Date, Edit, Map, Point, Position, Relation, RelationKind,
    Source, Stance,
};
use std::collections::BTreeSet;
use std::path::Path;

/// Text as analysts write it: quotes, separators, line breaks inside, CJK, never blank at the
/// ends (importers trim cells).
fn text() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-zA-Z0-9 '\",;.()\\[\\]#*\n\u{4e00}-\u{4eff}éß–…“”]{0,20}")
        .expect("valid regex")
        .prop_map(|t| t.trim().to_owned())
}

fn some_text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(text().prop_map(|t| format!("t{t}")))
}

fn date() -> impl Strategy<Value = Date> {
    (1900i16..2100, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| Date::constant(y, m, d))
}

fn position() -> impl Strategy<Value = Position> {
    proptest::sample::select(Position::ALL.to_vec())
}

/// A stance to generate: actor and claim (by index), position, quote, translation, source
/// (by index), date, confidence, notes.
type StancePlan = (
    usize,
    usize,
    Position,
    String,
    Option<String>,
    Option<usize>,
    Option<Date>,
    Option<Confidence>,
    Option<String>,
);

#[derive(Debug, Clone)]
struct Plan {
    actors: Vec<(ActorKind, Option<String>, usize, String)>,
    claims: Vec<(String, Option<String>, usize)>,
    sources: Vec<(String, Option<Date>, Option<String>)>,
    stances: Vec<StancePlan>,
    relations: Vec<(usize, usize, bool, Option<String>)>,
}

fn plan() -> impl Strategy<Value = Plan> {
    let actor = (
        proptest::sample::select(ActorKind::ALL.to_vec()),
        proptest::option::of(text().prop_map(|t| format!("camp {t}"))),
        0usize..3,
        text(),
    );
    let claim = (text(), some_text(), 0usize..3);
    let source = (text(), proptest::option::of(date()), some_text());
    let stance = (
        0usize..6,
        0usize..6,
        position(),
        text(),
        some_text(),
        proptest::option::of(0usize..3),
        proptest::option::of(date()),
        proptest::option::of(proptest::sample::select(Confidence::ALL.to_vec())),
        some_text(),
    );
    let relation = (0usize..6, 0usize..6, any::<bool>(), some_text());
    (
        proptest::collection::vec(actor, 1..6),
        proptest::collection::vec(claim, 1..6),
        proptest::collection::vec(source, 0..3),
        proptest::collection::vec(stance, 0..12),
        proptest::collection::vec(relation, 0..6),
    )
        .prop_map(|(actors, claims, sources, stances, relations)| Plan {
            actors,
            claims,
            sources,
            stances,
            relations,
        })
}

/// A valid map from a plan: names and labels unique (numbered), edits the map refuses (a
/// second stance with the same key, a relation to itself) left out.
fn build(plan: &Plan) -> Map {
    let mut map = Map::new("Generated");
    let mut actors = Vec::new();
    for (i, (kind, camp, aliases, extra)) in plan.actors.iter().enumerate() {
        let id = map.id_allocator().actor();
        let mut actor = Actor::new(
            id,
            format!("Actor {i} {extra}").trim(),
            *kind,
            Point::new(i as f32 * 10.0, 5.0),
        );
        actor.camp = camp.clone();
        actor.aliases = (0..*aliases).map(|j| format!("alias {i}.{j}")).collect();
        map.apply(Edit::AddActor(actor)).unwrap();
        actors.push(id);
    }
    let mut claims = Vec::new();
    for (i, (extra, text, tags)) in plan.claims.iter().enumerate() {
        let id = map.id_allocator().claim();
        let mut claim = Claim::new(
            id,
            format!("Claim {i} {extra}").trim(),
            Point::new(0.0, i as f32 * 40.0),
        );
        if let Some(text) = text {
            claim.text = text.clone();
        }
        claim.tags = (0..*tags).map(|j| format!("tag{j}")).collect();
        map.apply(Edit::AddClaim(claim)).unwrap();
        claims.push(id);
    }
    let mut sources = Vec::new();
    for (i, (extra, date, url)) in plan.sources.iter().enumerate() {
        let id = map.id_allocator().source();
        let mut source = Source::new(
            id,
            format!("Source {i} {extra}").trim(),
            format!("Publisher {i}"),
        );
        source.date = *date;
        source.url = url.clone();
        map.apply(Edit::AddSource(source)).unwrap();
        sources.push(id);
    }
    for (a, c, position, quote, translation, source, date, confidence, notes) in &plan.stances {
        let id = map.id_allocator().stance();
        let mut stance = Stance::new(
            id,
            actors[a % actors.len()],
            claims[c % claims.len()],
            *position,
        );
        stance.quote = quote.clone();
        stance.translation = translation.clone();
        stance.source = source.and_then(|s| sources.get(s).copied());
        stance.date = *date;
        stance.confidence = *confidence;
        stance.notes = notes.clone();
        let _ = map.apply(Edit::AddStance(stance));
    }
    for (from, to, supports, note) in &plan.relations {
        let id = map.id_allocator().relation();
        let kind = if *supports {
            RelationKind::Supports
        } else {
            RelationKind::Attacks
        };
        let mut relation = Relation::new(
            id,
            claims[from % claims.len()],
            claims[to % claims.len()],
            kind,
        );
        relation.note = note.clone();
        let _ = map.apply(Edit::AddRelation(relation));
    }
    map
}

/// What a format keeps of a map, by names rather than ids.
fn essence(map: &Map, with_positions: bool) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let actor = |id| {
        map.actor(id)
            .map_or(String::new(), |a: &Actor| a.name.clone())
    };
    let claim = |id| {
        map.claim(id)
            .map_or(String::new(), |c: &Claim| c.label.clone())
    };
    for a in map.actors() {
        let at = if with_positions {
            format!("{:?}", a.at)
        } else {
            String::new()
        };
        out.insert(format!(
            "actor {} {:?} {:?} {:?} {at}",
            a.name,
            a.kind,
            a.camp_name(),
            a.aliases
        ));
    }
    for c in map.claims() {
        let at = if with_positions {
            format!("{:?}", c.at)
        } else {
            String::new()
        };
        out.insert(format!(
            "claim {} | {} | {:?} {at}",
            c.label, c.text, c.tags
        ));
    }
    for s in map.sources() {
        out.insert(format!(
            "source {} {} {:?} {:?}",
            s.title, s.publisher, s.date, s.url
        ));
    }
    for s in map.stances() {
        let source = s
            .source
            .and_then(|id| map.source(id))
            .map(|s| s.title.clone());
        out.insert(format!(
            "stance {} {} {:?} {:?} {:?} {source:?} {:?} {:?} {:?}",
            actor(s.actor),
            claim(s.claim),
            s.position,
            s.quote,
            s.translation,
            s.date,
            s.confidence,
            s.notes
        ));
    }
    for r in map.relations() {
        out.insert(format!(
            "relation {} {} {:?} {:?}",
            claim(r.from),
            claim(r.to),
            r.kind,
            r.note
        ));
    }
    out
}

fn through(map: &Map, format: Format) -> Map {
    let bytes = export(map, format).unwrap();
    let (back, import) = new_map_from(&bytes, format, "back", false)
        .unwrap_or_else(|report| panic!("{report}\n{}", String::from_utf8_lossy(&bytes)));
    assert!(import.problems.is_empty());
    back
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn csv_keeps_every_item(plan in plan()) {
        let map = build(&plan);
        let back = through(&map, Format::Csv);
        prop_assert_eq!(essence(&back, false), essence(&map, false));
    }

    #[test]
    fn aif_keeps_every_item_and_its_place(plan in plan()) {
        let map = build(&plan);
        let back = through(&map, Format::Aif);
        prop_assert_eq!(essence(&back, true), essence(&map, true));
    }
}

#[test]
fn the_example_map_survives_csv_and_aif() {
    let map = load_file(Path::new("maps/putin-biden-call-2021.ron")).unwrap();
    for format in [Format::Csv, Format::Aif] {
        let back = through(&map, format);
        assert_eq!(essence(&back, false), essence(&map, false), "{format:?}");
        assert_eq!(back.stances().len(), 44);
        assert_eq!(back.relations().len(), 15);
    }
}
