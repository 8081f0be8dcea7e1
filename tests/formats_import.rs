//! Importing files other programs wrote: a spreadsheet saved by a spreadsheet program (byte
//! order mark, semicolons, quoted cells with line breaks, a Chinese column), malformed rows
//! reported each with its row and why, and nothing half-imported.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)]

use stancemap::formats::{Format, Origin, prepare_import};
use stancemap::model::{Actor, ActorKind, Edit, Map, Point, Position};

const CODED: &[u8] = include_bytes!("fixtures/formats/coded-statements.csv");
const BAD: &[u8] = include_bytes!("fixtures/formats/coded-statements-bad.csv");
/// The same sheet as `CODED`, saved as an Excel workbook behind an empty first sheet, with
/// positions as numbers and dates as date cells.
const WORKBOOK: &[u8] = include_bytes!("fixtures/formats/coded-statements.xlsx");

fn map_with_putin() -> Map {
    let mut map = Map::new("Call");
    let id = map.id_allocator().actor();
    let mut putin = Actor::new(
        id,
        "Vladimir Putin",
        ActorKind::Person,
        Point::new(10.0, 20.0),
    );
    putin.camp = Some("Russia".into());
    putin.aliases = vec!["普京".into()];
    map.apply(Edit::AddActor(putin)).unwrap();
    map
}

#[test]
fn a_sheet_saved_by_a_spreadsheet_program_gives_the_expected_map() {
    let before = map_with_putin();
    let import = prepare_import(&before, CODED, Format::Csv).unwrap();
    assert!(import.problems.is_empty(), "{:?}", import.problems);
    let mut map = before.clone();
    map.apply(import.edit(false).unwrap()).unwrap();

    let names: Vec<&str> = map.actors().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        ["Vladimir Putin", "Joe Biden"],
        "普京 and “  joe   BIDEN ” matched"
    );
    let biden = map.actors().find(|a| a.name == "Joe Biden").unwrap();
    assert_eq!(biden.kind, ActorKind::Person);
    assert_eq!(biden.camp.as_deref(), Some("United States"));
    let labels: Vec<&str> = map.claims().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "No further NATO expansion east",
            "Legal guarantees for Russia"
        ]
    );
    let sources: Vec<&str> = map.sources().map(|s| s.title.as_str()).collect();
    assert_eq!(sources, ["環球深壹度", "Xinhua English"]);

    let stances: Vec<_> = map.stances().collect();
    assert_eq!(stances.len(), 4);
    let putin = map.actors().next().unwrap().id;
    assert_eq!(stances[0].actor, putin);
    assert_eq!(
        stances[0].position,
        Position::StronglySupports,
        "+2 on the signed scale"
    );
    assert_eq!(
        stances[0].date.unwrap().to_string(),
        "2021-12-07",
        "07.12.2021"
    );
    assert!(stances[0].quote.starts_with("俄羅斯希望"));
    assert_eq!(
        stances[0].translation.as_deref(),
        Some(
            "Russia wants reliable legal guarantees; against NATO's \"further\" eastward expansion"
        )
    );
    assert_eq!(stances[1].position, Position::Opposes);
    assert_eq!(
        stances[1].quote, "拜登表示,\n美方不接受任何人的紅線",
        "line break kept"
    );
    assert_eq!(stances[2].actor, putin, "the alias 普京 names Putin");
    assert_eq!(stances[3].position, Position::Neutral);
    assert_eq!(stances[3].date.unwrap().to_string(), "2021-12-08");
    assert_eq!(import.plan.summary.actors_added, 1);
    assert!(
        import.notes.iter().any(|n| n.contains("−2")),
        "says how numbers were read: {:?}",
        import.notes
    );
}

#[test]
fn importing_the_same_sheet_twice_adds_nothing_the_second_time() {
    let mut map = map_with_putin();
    let first = prepare_import(&map, CODED, Format::Csv).unwrap();
    map.apply(first.edit(false).unwrap()).unwrap();
    let second = prepare_import(&map, CODED, Format::Csv).unwrap();
    assert!(second.problems.is_empty(), "{:?}", second.problems);
    assert!(!second.plan.summary.adds_anything());
    assert_eq!(second.plan.summary.already_there, 4);
}

#[test]
fn every_malformed_row_is_reported_with_its_number_and_nothing_is_half_imported() {
    let before = map_with_putin();
    let import = prepare_import(&before, BAD, Format::Csv).unwrap();
    let rows: Vec<usize> = import
        .problems
        .iter()
        .map(|p| match p.origin {
            Origin::Row { row, .. } => row,
            _ => panic!("not a row: {p}"),
        })
        .collect();
    assert_eq!(rows, [3, 4, 5, 6]);
    let text: Vec<String> = import.problems.iter().map(|p| p.to_string()).collect();
    assert!(text[0].contains("“maybe” is not a position"), "{}", text[0]);
    assert!(text[1].contains("day/month or month/day"), "{}", text[1]);
    assert!(text[2].contains("needs an actor"), "{}", text[2]);
    assert!(
        text[3].contains("6 cells") && text[3].contains("5 columns"),
        "{}",
        text[3]
    );

    // Refused as a whole: the map stays as it was.
    let report = import.edit(false).unwrap_err();
    assert_eq!(report.problems.len(), 4);
    let mut map = before.clone();
    assert!(
        prepare_import(&map, BAD, Format::Csv)
            .unwrap()
            .edit(false)
            .is_err()
    );
    assert_eq!(map, before);

    // Asked to, the good rows come in and the bad ones leave nothing behind: no Jake
    // Sullivan, no “Red lines” claim (its only good mention was in bad rows).
    map.apply(import.edit(true).unwrap()).unwrap();
    let names: Vec<&str> = map.actors().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Vladimir Putin", "Lavrov"]);
    let labels: Vec<&str> = map.claims().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        ["No further NATO expansion east", "Legal guarantees"]
    );
    assert_eq!(map.stances().len(), 2);
}

#[test]
fn a_row_the_map_refuses_is_left_out_whole() {
    // The second row repeats the first stance with another position: the map keeps one
    // position per actor, claim, source and date.
    let csv = "actor,claim,position,source,date\n\
               A,New claim,supports,S,2021-01-01\n\
               B,Other claim,supports,S,2021-01-01\n\
               A,New claim,opposes,S,2021-01-01\n";
    let map = Map::new("m");
    let import = prepare_import(&map, csv.as_bytes(), Format::Csv).unwrap();
    assert_eq!(import.problems.len(), 1);
    assert_eq!(import.problems[0].origin, Origin::Row { row: 4, line: 4 });
    assert!(import.problems[0].message.contains("already records"));
}

#[test]
fn files_that_are_not_sheets_are_refused_with_a_reason() {
    let map = Map::new("m");
    let err = prepare_import(&map, b"\x00\xff\xfe garbage \xc3", Format::Csv).unwrap_err();
    assert!(err.to_string().contains("UTF-8"), "{err}");
    let err = prepare_import(&map, b"colour,size\nred,2\n", Format::Csv).unwrap_err();
    assert!(err.to_string().contains("“colour”, “size”"), "{err}");
    let err = prepare_import(&map, b"{\"nodes\": 3", Format::Aif).unwrap_err();
    assert!(err.to_string().contains("not JSON"), "{err}");
    let err = prepare_import(&map, b"{\"title\": 3}", Format::Aif).unwrap_err();
    assert!(err.to_string().contains("not AIF"), "{err}");
    let err = prepare_import(&map, b"digraph {}", Format::Dot).unwrap_err();
    assert!(err.to_string().contains("does not read"), "{err}");
}

#[test]
fn aif_from_other_tools_reads_speakers_illocutions_and_arguments() {
    // As OVA writes it: ids as numbers, "Speaker : text" L-nodes, Asserting illocutions.
    let aif = r#"{
      "AIF": {
        "nodes": [
          {"nodeID": 1, "text": "NATO must not expand further east", "type": "I"},
          {"nodeID": 2, "text": "Russia needs legal guarantees", "type": "I"},
          {"nodeID": 3, "text": "Default Inference", "type": "RA"},
          {"nodeID": 4, "text": "Putin : NATO must stop", "type": "L"},
          {"nodeID": 5, "text": "Asserting", "type": "YA"},
          {"nodeID": 6, "text": "Default Transition", "type": "TA"},
          {"nodeID": 7, "text": "Default Rephrase", "type": "MA"}
        ],
        "edges": [
          {"edgeID": 1, "fromID": 1, "toID": 3},
          {"edgeID": 2, "fromID": 3, "toID": 2},
          {"edgeID": 3, "fromID": 4, "toID": 5},
          {"edgeID": 4, "fromID": 5, "toID": 1},
          {"edgeID": 5, "fromID": 4, "toID": 99}
        ],
        "locutions": [{"nodeID": 4, "personID": 1}],
        "participants": [{"participantID": 1, "firstname": "Vladimir", "surname": "Putin"}]
      }
    }"#;
    let import = prepare_import(&Map::new("m"), aif.as_bytes(), Format::Aif).unwrap();
    assert_eq!(import.problems.len(), 1, "{:?}", import.problems);
    assert!(import.problems[0].to_string().contains("edge 5"));
    assert!(import.notes.iter().any(|n| n.contains("MA node")));
    let mut map = Map::new("m");
    map.apply(import.edit(true).unwrap()).unwrap();
    assert_eq!(map.claims().len(), 2);
    assert_eq!(map.relations().len(), 1);
    let stance = map.stances().next().unwrap();
    assert_eq!(stance.position, Position::Supports);
    assert_eq!(stance.quote, "NATO must stop");
    assert_eq!(map.actor(stance.actor).unwrap().name, "Vladimir Putin");
}

#[test]
fn an_excel_workbook_gives_the_same_map_as_its_csv() {
    let from_csv = {
        let mut map = map_with_putin();
        let import = prepare_import(&map, CODED, Format::Csv).unwrap();
        map.apply(import.edit(false).unwrap()).unwrap();
        map
    };
    let mut map = map_with_putin();
    let import = prepare_import(&map, WORKBOOK, Format::Workbook).unwrap();
    assert!(import.problems.is_empty(), "{:?}", import.problems);
    map.apply(import.edit(false).unwrap()).unwrap();
    assert_eq!(
        stancemap::io::to_ron_string(&map).unwrap(),
        stancemap::io::to_ron_string(&from_csv).unwrap()
    );
    let dates: Vec<String> = map
        .stances()
        .map(|s| s.date.map(|d| d.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(
        dates,
        ["2021-12-07", "2021-12-07", "2021-12-07", "2021-12-08"]
    );
}

#[test]
fn a_file_named_xlsx_that_is_not_a_workbook_is_refused_and_nothing_is_planned() {
    let Err(report) = prepare_import(&map_with_putin(), CODED, Format::Workbook) else {
        panic!("CSV bytes were read as a workbook");
    };
    let text = report.lines().join("\n");
    assert!(text.contains("not a spreadsheet workbook"), "{text}");
}
