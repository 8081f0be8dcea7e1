//! The example map in `maps/` loads, validates, is saved in canonical form, carries its source
//! article and quotes it verbatim and covers the claims the article discusses.

use stancemap::io::{load_file, to_ron_string};
use stancemap::layout::{LayoutKind, Progress, STANCE_GAP, Scope, layout_map, map_overlaps};
use stancemap::model::{ActorKind, Date, Map, Position, rules};
use stancemap::scene::{Style, Theme};
use std::path::Path;

const MAP_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/maps/putin-biden-call-2021.ron"
);

const ACTORS: usize = 17;
const CLAIMS: usize = 28;
const STANCES: usize = 44;
const RELATIONS: usize = 15;

/// The least free space between two nodes' boxes in the example's layout.
const MIN_GAP: f32 = STANCE_GAP;

fn map_text() -> String {
    std::fs::read_to_string(MAP_PATH).unwrap_or_else(|e| panic!("cannot read {MAP_PATH}: {e}"))
}

fn example() -> Map {
    load_file(Path::new(MAP_PATH)).unwrap_or_else(|e| panic!("the example map does not load: {e}"))
}

/// The example's article, as the map itself carries it in its source's text.
fn seed_article() -> String {
    example()
        .sources()
        .next()
        .and_then(|source| source.text.clone())
        .unwrap_or_else(|| panic!("the example map's source carries no text"))
}

#[test]
fn the_example_map_loads_and_validates() {
    let map = example();
    let problems = rules::check_map(&map);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(map.sources().len(), 1);
    assert_eq!(map.actors().len(), ACTORS);
    assert_eq!(map.claims().len(), CLAIMS);
    assert_eq!(map.stances().len(), STANCES);
    assert_eq!(map.relations().len(), RELATIONS);
}

#[test]
fn the_file_is_in_canonical_saved_form() {
    let text = map_text();
    assert!(
        to_ron_string(&example()).unwrap() == text,
        "saving the example map changes its bytes; re-save it with stancemap::io::to_ron_string"
    );
}

#[test]
fn the_source_is_the_xinhua_article() {
    let map = example();
    let Some(source) = map.sources().next() else {
        panic!("the example map has no source");
    };
    assert_eq!(
        source.title,
        "環球深壹度 | 俄美元首視頻會晤,普京“以攻為守”?"
    );
    assert_eq!(source.publisher, "Xinhua (republished by 楠木軒)");
    assert_eq!(source.language.as_deref(), Some("zh-Hant"));
    assert_eq!(source.date, Some(Date::constant(2021, 12, 8)));
    let notes = source.notes.as_deref().unwrap_or_default();
    assert!(notes.contains("inferred"), "{notes}");
    // The title is the article's first line.
    assert!(seed_article().starts_with(&source.title));
}

#[test]
fn every_named_actor_is_present() {
    let map = example();
    let expected = [
        ("Vladimir Putin", ActorKind::Person, "普京"),
        ("Joe Biden", ActorKind::Person, "拜登"),
        ("Sergey Lavrov", ActorKind::Person, "拉夫羅夫"),
        ("Dmitry Peskov", ActorKind::Person, "佩斯科夫"),
        ("Vladimir Batyuk", ActorKind::Expert, "巴丘克"),
        ("Yuri Rogulev", ActorKind::Expert, "羅古列夫"),
        ("Pavel Sharikov", ActorKind::Expert, "沙里科夫"),
        ("Vladimir Vasiliev", ActorKind::Expert, "瓦西里耶夫"),
        ("Sergei Kislitsyn", ActorKind::Expert, "基斯利岑"),
        ("Ivan Safranchuk", ActorKind::Expert, "薩弗蘭丘克"),
        ("Russia", ActorKind::State, "俄羅斯"),
        ("United States", ActorKind::State, "美國"),
        ("NATO", ActorKind::Bloc, "北約"),
        ("Ukraine", ActorKind::State, "烏克蘭"),
        ("European states", ActorKind::Bloc, "歐洲國家"),
    ];
    let article = seed_article();
    for (name, kind, chinese) in expected {
        let actor = map
            .actors()
            .find(|a| a.name == name)
            .unwrap_or_else(|| panic!("no actor named {name}"));
        assert_eq!(actor.kind, kind, "{name}");
        assert!(
            actor.aliases.iter().any(|a| a == chinese),
            "{name} lacks the alias {chinese}"
        );
        assert!(article.contains(chinese), "{chinese} is not in the article");
    }
}

#[test]
fn actors_have_camps_from_a_small_set_and_take_stances() {
    let map = example();
    let camps = [
        "Russia",
        "Russian experts",
        "United States",
        "NATO / West",
        "Ukraine",
        "Europe",
        "Observers",
    ];
    for actor in map.actors() {
        let camp = actor.camp.as_deref().unwrap_or_default();
        assert!(camps.contains(&camp), "{}: camp {camp:?}", actor.name);
        if actor.kind == ActorKind::Expert && camp != "Observers" {
            assert_eq!(camp, "Russian experts", "{}", actor.name);
        }
        assert!(!actor.aliases.is_empty(), "{} has no aliases", actor.name);
        assert!(
            map.stances_of_actor(actor.id).next().is_some(),
            "{} takes no stance",
            actor.name
        );
        assert!(!actor.pinned, "{} is pinned", actor.name);
    }
}

#[test]
fn every_stance_quotes_the_article_verbatim() {
    let map = example();
    let article = seed_article();
    let Some(source) = map.sources().next().map(|s| s.id) else {
        panic!("the example map has no source");
    };
    for stance in map.stances() {
        let who = map.describe(stance.id.into());
        assert!(!stance.quote.trim().is_empty(), "{who}: no quote");
        assert!(
            stance
                .translation
                .as_deref()
                .is_some_and(|t| !t.trim().is_empty()),
            "{who}: no translation"
        );
        assert_eq!(stance.source, Some(source), "{who}: no source");
        assert!(stance.confidence.is_some(), "{who}: no confidence");
        assert!(
            article.contains(&stance.quote),
            "{who}: the quote is not in the article verbatim: {}",
            stance.quote
        );
    }
}

#[test]
fn stance_dates_are_the_events_the_article_reports() {
    let map = example();
    let allowed = [
        Date::constant(2021, 11, 18),
        Date::constant(2021, 11, 30),
        Date::constant(2021, 12, 7),
    ];
    for stance in map.stances() {
        if let Some(date) = stance.date {
            assert!(allowed.contains(&date), "{}: {date}", stance.id);
        }
        // The one date the article does not give must say where it comes from.
        if stance.date == Some(Date::constant(2021, 11, 18)) {
            let notes = stance.notes.as_deref().unwrap_or_default();
            assert!(notes.contains("outside the article"), "{notes}");
        }
    }
}

/// Whether some claim carries `tag` and has `keyword` in its label (case-insensitive).
fn has_claim(map: &Map, tag: &str, keyword: &str) -> bool {
    map.claims().any(|c| {
        c.tags.iter().any(|t| t == tag) && c.label.to_lowercase().contains(&keyword.to_lowercase())
    })
}

#[test]
fn the_claims_cover_the_article_topics() {
    let map = example();
    let topics = [
        ("nato", "NATO expansion"),
        ("security", "legal guarantees"),
        ("security", "offensive weapons"),
        ("ukraine", "escalat"),
        ("sanctions", "economic measures"),
        ("red-lines", "red lines"),
        ("energy", "Nord Stream 2"),
        ("diplomacy", "expulsions"),
        ("geneva", "Geneva"),
        ("dialogue", "Geneva"),
        ("strategic-stability", "strategic stability"),
        ("iran", "Iran"),
        ("cyber", "cyber"),
        ("relations", "reset"),
        ("ukraine", "join NATO"),
        ("relations", "fundamental"),
        ("strategy", "offence as defence"),
    ];
    for (tag, keyword) in topics {
        assert!(
            has_claim(&map, tag, keyword),
            "no claim tagged {tag:?} with {keyword:?} in its label"
        );
    }
    for claim in map.claims() {
        let label = &claim.label;
        assert!(label.chars().count() <= 40, "label too long: {label}");
        assert!(claim.text.ends_with('.'), "{label}: text is not a sentence");
        assert!(!claim.tags.is_empty(), "{label}: no tags");
        for tag in &claim.tags {
            assert_eq!(*tag, tag.to_lowercase(), "{label}: tag {tag}");
        }
        assert!(
            map.stances_on_claim(claim.id).next().is_some(),
            "{label}: nobody takes a stance on it"
        );
        assert!(!claim.pinned, "{label} is pinned");
    }
}

#[test]
fn the_red_lines_clash_is_one_claim_with_opposite_stances() {
    let map = example();
    let Some(claim) = map
        .claims()
        .find(|c| c.tags.iter().any(|t| t == "red-lines"))
    else {
        panic!("no claim is tagged red-lines");
    };
    let position_of = |name: &str| {
        map.stances_on_claim(claim.id)
            .find(|s| map.actor(s.actor).is_some_and(|a| a.name == name))
            .map(|s| s.position)
    };
    assert_eq!(
        position_of("Vladimir Putin"),
        Some(Position::StronglySupports)
    );
    assert_eq!(position_of("Joe Biden"), Some(Position::StronglyOpposes));
}

#[test]
fn no_two_nodes_overlap() {
    let map = example();
    let style = Style::new(Theme::Light);
    let crowded = map_overlaps(&map, &style, MIN_GAP - 1.0);
    let names: Vec<String> = crowded
        .iter()
        .map(|(a, b)| {
            format!(
                "{} and {}",
                map.describe((*a).into()),
                map.describe((*b).into())
            )
        })
        .collect();
    assert!(
        names.is_empty(),
        "nodes closer than {MIN_GAP} px: {names:?}"
    );
}

#[test]
fn the_example_is_in_the_stance_layout() {
    let map = example();
    let style = Style::new(Theme::Light);
    let moves = layout_map(
        &map,
        &style,
        LayoutKind::Stance,
        &Scope::Whole,
        &Progress::new(),
    )
    .unwrap();
    assert!(
        moves.is_empty(),
        "the stance layout would move {} nodes of the example map; re-run \
         `cargo run -- layout maps/putin-biden-call-2021.ron` and commit the result",
        moves.len()
    );
}

#[test]
fn the_russian_camp_faces_the_united_states_and_nato_across_the_claims() {
    let map = example();
    let claims_left = map.claims().map(|c| c.at.x).fold(f32::INFINITY, f32::min);
    let claims_right = map
        .claims()
        .map(|c| c.at.x)
        .fold(f32::NEG_INFINITY, f32::max);
    // Every actor stands beside the claims, and each camp on one side only.
    let mut camp_sides: Vec<(String, bool)> = Vec::new();
    for actor in map.actors() {
        let left = actor.at.x < claims_left;
        assert!(
            left || actor.at.x > claims_right,
            "{} is among the claims",
            actor.name
        );
        let camp = actor.camp.clone().unwrap_or_default();
        match camp_sides.iter().find(|(c, _)| *c == camp) {
            Some((_, side)) => assert_eq!(*side, left, "camp {camp} is split"),
            None => camp_sides.push((camp, left)),
        }
    }
    let side_of = |camp: &str| camp_sides.iter().find(|(c, _)| c == camp).map(|(_, l)| *l);
    // The two sides of the call face each other: Russia (with the Russian experts, who agree
    // with it) on the left, the United States and NATO, which oppose it, on the right.
    assert_eq!(side_of("Russia"), Some(true));
    assert_eq!(side_of("Russian experts"), Some(true));
    assert_eq!(side_of("United States"), Some(false));
    assert_eq!(side_of("NATO / West"), Some(false));
}
