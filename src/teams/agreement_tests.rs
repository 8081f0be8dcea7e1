//! Tests of matching coders' maps and the agreement they give.

use super::agreement::agreement;
use super::alpha::{Coincidences, Metric};
use crate::model::Position::{self, *};
use crate::testing::MapBuilder;

fn rank(p: Position) -> f64 {
    Position::ALL.iter().position(|q| *q == p).unwrap() as f64
}

#[test]
fn actors_match_by_name_or_alias_and_claims_by_label_ignoring_case_and_spaces() {
    let (first, _) = MapBuilder::new()
        .actor_with("Vladimir Putin", "Russia", &["普京"])
        .actor("Joe Biden", "USA")
        .claim("NATO must not expand")
        .claim("Sanctions work")
        .stance("Vladimir Putin", "NATO must not expand", StronglySupports)
        .stance("Joe Biden", "NATO must not expand", Opposes)
        .stance("Joe Biden", "Sanctions work", Supports)
        .build();
    let (second, _) = MapBuilder::new()
        .actor("普京", "Russia")
        .actor("joe  biden", "USA")
        .actor("Lavrov", "Russia")
        .claim("nato must not  expand")
        .claim("Sanctions work")
        .stance("普京", "nato must not  expand", Supports)
        .stance("joe  biden", "nato must not  expand", Opposes)
        .stance("Lavrov", "Sanctions work", Opposes)
        .build();

    let report = agreement(&[first, second]);

    assert_eq!(report.coders, 2);
    // Putin–NATO and Biden–NATO coded by both; Biden–Sanctions and Lavrov–Sanctions by one.
    assert_eq!(report.units_coded, 4);
    let all = &report.rows[0];
    assert_eq!((all.scope, all.units, all.values), ("all", 2, 4));
    assert_eq!(all.percent, Some(50.0));
    let expected = Coincidences::new(&[
        vec![rank(StronglySupports), rank(Supports)],
        vec![rank(Opposes), rank(Opposes)],
    ]);
    assert_eq!(all.alpha[1], expected.alpha(Metric::Ordinal));
    let nato = report
        .rows
        .iter()
        .find(|r| r.scope == "claim" && r.name == "NATO must not expand")
        .expect("a row for the claim, named as the first map names it");
    assert_eq!(nato.units, 2);
    let putin = report
        .rows
        .iter()
        .find(|r| r.scope == "actor" && r.name == "Vladimir Putin")
        .unwrap();
    assert_eq!((putin.units, putin.percent), (1, Some(0.0)));
    let lavrov = report.rows.iter().find(|r| r.name == "Lavrov").unwrap();
    assert_eq!((lavrov.units, lavrov.percent), (0, None), "one coder only");
}

#[test]
fn identical_codings_agree_perfectly() {
    let build = || {
        MapBuilder::new()
            .actor("A", "")
            .actor("B", "")
            .claim("X")
            .claim("Y")
            .stance("A", "X", Supports)
            .stance("B", "X", StronglyOpposes)
            .stance("A", "Y", Neutral)
            .build()
            .0
    };
    let report = agreement(&[build(), build(), build()]);
    let all = &report.rows[0];
    assert_eq!(all.percent, Some(100.0));
    assert_eq!(all.alpha, [Some(1.0), Some(1.0), Some(1.0)]);
}

#[test]
fn a_coders_latest_stance_on_a_claim_is_the_one_compared() {
    let day = |d| Some(crate::model::Date::constant(2021, 12, d));
    let (first, _) = MapBuilder::new()
        .actor("A", "")
        .claim("X")
        .source("S", None)
        .stance_with("A", "X", Opposes, "earlier", Some("S"), day(1))
        .stance_with("A", "X", Supports, "later", Some("S"), day(9))
        .build();
    let (second, _) = MapBuilder::new()
        .actor("A", "")
        .claim("X")
        .stance("A", "X", Supports)
        .build();
    let report = agreement(&[first, second]);
    assert_eq!(report.units_coded, 1);
    assert_eq!(
        report.rows[0].percent,
        Some(100.0),
        "the later stance agrees"
    );
}
