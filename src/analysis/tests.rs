//! Analysis on a small hand-made map whose answers are worked out by hand below.

use super::*;
use crate::model::RelationKind;
use crate::model::{Date, ItemId, Map, Position::*};
use crate::scene::Visibility;
use crate::testing::{MapBuilder, Names};

fn day(m: i8, d: i8) -> Option<Date> {
    Some(Date::constant(2021, m, d))
}

/// Putin and Lavrov (Russia), Biden (US), NATO (West) and a "President Putin" without a camp.
///
/// | stance                      | quote | source (date)   |
/// |-----------------------------|-------|-----------------|
/// | Putin ++ No expansion       | yes   | call (7 Dec)    |
/// | Putin +  Guarantees         | yes   | call (7 Dec)    |
/// | Putin +  Talks              | yes   | call (7 Dec)    |
/// | Lavrov + No expansion       | yes   | briefing (30 Nov) |
/// | Lavrov - Guarantees         | yes   | briefing (30 Nov) |
/// | Biden -- No expansion       | none  | call (7 Dec)    |
/// | Biden -  Guarantees         | yes   | none, undated   |
/// | NATO  -  No expansion       | yes   | call (7 Dec)    |
///
/// No expansion supports Guarantees; Talks attacks Guarantees. Red lines has no stance.
fn map() -> (Map, Names) {
    MapBuilder::new()
        .actor_with("Putin", "Russia", &["普京"])
        .actor("Lavrov", "Russia")
        .actor("Biden", "US")
        .actor("NATO", "West")
        .actor_with("President Putin", "", &["  putin "])
        .claim_tagged("No expansion", &["nato"])
        .claim_tagged("Guarantees", &["security"])
        .claim_tagged("Red lines, respected", &["ukraine"])
        .claim_tagged("Talks", &["diplomacy"])
        .source("call", day(12, 7))
        .source("briefing", day(11, 30))
        .stance_with(
            "Putin",
            "No expansion",
            StronglySupports,
            "q",
            Some("call"),
            None,
        )
        .stance_with("Putin", "Guarantees", Supports, "q", Some("call"), None)
        .stance_with("Putin", "Talks", Supports, "q", Some("call"), None)
        .stance_with(
            "Lavrov",
            "No expansion",
            Supports,
            "q",
            Some("briefing"),
            None,
        )
        .stance_with("Lavrov", "Guarantees", Opposes, "q", Some("briefing"), None)
        .stance_with(
            "Biden",
            "No expansion",
            StronglyOpposes,
            " ",
            Some("call"),
            None,
        )
        .stance_with("Biden", "Guarantees", Opposes, "q", None, None)
        .stance_with("NATO", "No expansion", Opposes, "q", Some("call"), None)
        .relation("No expansion", "Guarantees", RelationKind::Supports)
        .relation("Talks", "Guarantees", RelationKind::Attacks)
        .build()
}

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() < 1e-5
}

#[test]
fn alignment_counts_congruence_and_conflict_normalised_by_activity() {
    let (map, n) = map();
    let al = alignment(&map, &StanceScope::all());
    // Putin takes positions on 3 claims, Lavrov and Biden on 2, NATO on 1.
    assert_eq!(al.activity.get(&n.actor("Putin")), Some(&3));
    assert_eq!(al.activity.get(&n.actor("NATO")), Some(&1));
    // Putin and Lavrov: agree on No expansion, disagree on Guarantees; mean activity 2.5.
    let p = al.pair(n.actor("Lavrov"), n.actor("Putin")).unwrap();
    assert_eq!((p.shared, p.congruence, p.conflict), (2, 1, 1));
    assert!(close(p.congruence_normalised, 0.4) && close(p.conflict_normalised, 0.4));
    assert!(close(p.net(), 0.0));
    // Putin and Biden disagree on both: conflict 2 / 2.5.
    let p = al.pair(n.actor("Putin"), n.actor("Biden")).unwrap();
    assert_eq!((p.congruence, p.conflict), (0, 2));
    assert!(close(p.net(), -0.8));
    // Biden and NATO agree on the one claim they share: 1 / 1.5.
    let p = al.pair(n.actor("Biden"), n.actor("NATO")).unwrap();
    assert!(close(p.congruence_normalised, 2.0 / 3.0));
    // Actors sharing no claim have no pair.
    assert!(
        al.pair(n.actor("President Putin"), n.actor("Putin"))
            .is_none()
    );
}

#[test]
fn alignment_is_recomputed_for_some_claims_or_some_dates() {
    let (map, n) = map();
    let only_expansion = StanceScope {
        claims: Some([n.claim("No expansion")].into()),
        ..StanceScope::all()
    };
    let al = alignment(&map, &only_expansion);
    let p = al.pair(n.actor("Putin"), n.actor("Lavrov")).unwrap();
    assert_eq!((p.congruence, p.conflict), (1, 0));
    assert!(close(p.congruence_normalised, 1.0));
    // From 1 December: Lavrov's briefing (30 Nov) and Biden's undated stance drop out.
    let december = StanceScope {
        from: day(12, 1),
        ..StanceScope::all()
    };
    let al = alignment(&map, &december);
    assert!(!al.activity.contains_key(&n.actor("Lavrov")));
    let p = al.pair(n.actor("Putin"), n.actor("Biden")).unwrap();
    assert_eq!((p.shared, p.conflict), (1, 1));
    assert!(close(p.conflict_normalised, 1.0 / 2.0));
}

#[test]
fn the_matrix_groups_rows_by_camp_and_sorts_by_contest() {
    let (map, n) = map();
    let m = StanceMatrix::build(&map, &StanceScope::all(), ColumnOrder::MostContested);
    let names: Vec<&str> = m.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        ["Putin", "Lavrov", "Biden", "NATO", "President Putin"]
    );
    let camp_groups = m.camp_groups();
    let groups: Vec<(Option<&str>, std::ops::Range<usize>)> = camp_groups
        .iter()
        .map(|(c, r)| (c.as_deref(), r.clone()))
        .collect();
    assert_eq!(
        groups,
        [
            (Some("Russia"), 0..2),
            (Some("US"), 2..3),
            (Some("West"), 3..4),
            (None, 4..5)
        ]
    );
    // No expansion: 2 for, 2 against (4 pairs); Guarantees: 1 for, 2 against (2 pairs);
    // Talks: 1 for (0 pairs, but taken up); Red lines: nobody.
    let labels: Vec<&str> = m.columns.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "No expansion",
            "Guarantees",
            "Talks",
            "Red lines, respected"
        ]
    );
    assert_eq!(m.columns[0].disagreeing_pairs(), 4);
    let cell = m.cell(n.actor("Lavrov"), n.claim("Guarantees")).unwrap();
    assert_eq!(cell.polarity(), crate::model::Polarity::Oppose);
    assert!(m.cell(n.actor("NATO"), n.claim("Talks")).is_none());
    let least = StanceMatrix::build(&map, &StanceScope::all(), ColumnOrder::LeastContested);
    assert_eq!(least.columns[3].label, "No expansion");
}

#[test]
fn the_matrix_exports_as_csv() {
    let (map, _) = map();
    let csv = StanceMatrix::build(&map, &StanceScope::all(), ColumnOrder::Map).to_csv(&map);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "actor,camp,No expansion,Guarantees,\"Red lines, respected\",Talks"
    );
    assert_eq!(
        lines[1],
        "Putin,Russia,strongly supports,supports,,supports"
    );
    assert_eq!(lines[5], "President Putin,,,,,");
    assert_eq!(
        lines.len(),
        7,
        "header, five actors, and the final line break"
    );
}

#[test]
fn filters_by_actor_dim_everything_unrelated() {
    let (map, n) = map();
    let filter = Filter {
        actors: [n.actor("Biden")].into(),
        ..Filter::default()
    };
    let v = filter.visibility(&map);
    assert_eq!(v.of(n.node("Biden")), Visibility::Shown);
    assert_eq!(v.of(n.node("Putin")), Visibility::Dimmed);
    assert_eq!(v.of(n.node("Guarantees")), Visibility::Shown);
    assert_eq!(v.of(n.node("Talks")), Visibility::Dimmed);
    // Biden's stances stay, Putin's are dimmed.
    assert_eq!(v.of(ItemId::Stance(n.stances[5])), Visibility::Shown);
    assert_eq!(v.of(ItemId::Stance(n.stances[0])), Visibility::Dimmed);
}

#[test]
fn filters_by_camp_tag_source_and_date_hide_what_they_should() {
    let (map, n) = map();
    let hidden = |filter: Filter| {
        let v = filter.visibility(&map);
        let mut names: Vec<String> = n
            .all()
            .iter()
            .filter(|(_, id)| v.of(*id) == Visibility::Hidden)
            .map(|(name, _)| name.clone())
            .collect();
        names.sort();
        names
    };
    let hide = Filter {
        left_out: LeftOut::Hide,
        ..Filter::default()
    };
    let camps = Filter {
        camps: ["Russia".to_owned()].into(),
        ..hide.clone()
    };
    assert_eq!(
        hidden(camps),
        ["Biden", "NATO", "President Putin", "Red lines, respected"]
    );
    let tags = Filter {
        tags: ["security".to_owned()].into(),
        ..hide.clone()
    };
    assert_eq!(
        hidden(tags),
        [
            "NATO",
            "No expansion",
            "President Putin",
            "Red lines, respected",
            "Talks"
        ]
    );
    let briefing = map.sources().find(|s| s.title == "briefing").unwrap().id;
    let sources = Filter {
        sources: [briefing].into(),
        ..hide.clone()
    };
    assert_eq!(
        hidden(sources),
        [
            "Biden",
            "NATO",
            "President Putin",
            "Putin",
            "Red lines, respected",
            "Talks"
        ]
    );
    let december = Filter {
        from: day(12, 1),
        ..hide.clone()
    };
    assert_eq!(
        hidden(december),
        ["Lavrov", "President Putin", "Red lines, respected"]
    );
}

#[test]
fn focus_keeps_the_neighbourhood_of_the_selection() {
    let (map, n) = map();
    let focus = |steps| Filter {
        focus: Some(Focus {
            around: [n.node("NATO")].into(),
            steps,
        }),
        left_out: LeftOut::Hide,
        ..Filter::default()
    };
    let shown = |filter: Filter| {
        let v = filter.visibility(&map);
        let mut names: Vec<String> = n
            .all()
            .iter()
            .filter(|(_, id)| v.of(*id) == Visibility::Shown)
            .map(|(name, _)| name.clone())
            .collect();
        names.sort();
        names
    };
    assert_eq!(shown(focus(1)), ["NATO", "No expansion"]);
    assert_eq!(
        shown(focus(2)),
        [
            "Biden",
            "Guarantees",
            "Lavrov",
            "NATO",
            "No expansion",
            "Putin"
        ]
    );
    assert_eq!(
        shown(focus(3)).len(),
        7,
        "everything but Red lines and President Putin"
    );
}

#[test]
fn an_empty_filter_shows_everything() {
    let (map, _) = map();
    assert!(!Filter::default().is_active());
    assert!(Filter::default().visibility(&map).is_all_shown());
}

#[test]
fn checks_name_every_oddity_with_its_items() {
    let (map, n) = map();
    let findings = check_map(&map);
    let of = |kind| {
        findings
            .iter()
            .filter(|f| f.kind == kind)
            .collect::<Vec<_>>()
    };
    let unbacked = of(FindingKind::UnbackedStance);
    assert_eq!(unbacked.len(), 2);
    assert_eq!(unbacked[0].items, [ItemId::Stance(n.stances[5])]);
    assert!(
        unbacked[0].message.ends_with("has no quote"),
        "{}",
        unbacked[0].message
    );
    assert!(unbacked[1].message.ends_with("has no source"));

    let unaddressed = of(FindingKind::UnaddressedClaim);
    assert_eq!(unaddressed.len(), 1);
    assert_eq!(
        unaddressed[0].items,
        [n.node("Red lines, respected").into()]
    );

    let contradictions = of(FindingKind::Contradiction);
    assert_eq!(contradictions.len(), 2);
    let lavrov = contradictions
        .iter()
        .find(|f| f.items.contains(&n.node("Lavrov").into()))
        .unwrap();
    assert_eq!(
        lavrov.message,
        "Lavrov supports “No expansion”, which supports “Guarantees”, but opposes “Guarantees”"
    );
    for stance in [n.stances[3], n.stances[4]] {
        assert!(lavrov.items.contains(&ItemId::Stance(stance)));
    }
    let putin = contradictions
        .iter()
        .find(|f| f.items.contains(&n.node("Putin").into()))
        .unwrap();
    assert!(
        putin
            .message
            .contains("though “Talks” attacks “Guarantees”")
    );

    let duplicates = of(FindingKind::PossibleDuplicate);
    assert_eq!(duplicates.len(), 1);
    assert_eq!(
        duplicates[0].items,
        [n.node("Putin").into(), n.node("President Putin").into()]
    );
    // Named by the first spelling met (Putin's own name), not the lower-cased comparison.
    assert!(
        duplicates[0].message.ends_with("both are called “Putin”"),
        "{}",
        duplicates[0].message
    );
}

#[test]
fn the_example_map_passes_its_checks() {
    // Every stance in the example quotes its source, every claim is taken up, no actor
    // contradicts a relation and no two actors share a name.
    let map = crate::example::example_map().unwrap();
    let findings = check_map(&map);
    let listed: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
    assert!(findings.is_empty(), "{listed:?}");
}
