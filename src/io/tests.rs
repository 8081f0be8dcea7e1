//! Unit tests for saving and loading: format, stability, atomic writes and backups.

use super::*;
use crate::model::{
    Actor, ActorKind, CampSide, Claim, Date, Edit, Map, MapInfo, Point, Position, Relation,
    RelationKind, Source, Stance,
};
use std::path::Path;

fn small_map() -> Map {
    let mut map = Map::new("Putin–Biden call");
    let mut ids = map.id_allocator();
    let (source, putin, nato, guarantees) = (ids.source(), ids.actor(), ids.claim(), ids.claim());
    map.apply(Edit::Batch(vec![
        Edit::SetInfo(MapInfo {
            title: "Putin–Biden call".into(),
            description: "Stances from the 7 Dec 2021 video call".into(),
            created: Some(Date::constant(2021, 12, 8)),
            modified: None,
            camp_sides: [("Russia".to_owned(), CampSide::Right)].into(),
        }),
        Edit::AddSource(Source {
            date: Some(Date::constant(2021, 12, 8)),
            language: Some("zh-Hant".into()),
            ..Source::new(source, "環球深壹度", "Xinhua")
        }),
        Edit::AddActor(Actor {
            camp: Some("Russia".into()),
            aliases: vec!["普京".into()],
            ..Actor::new(
                putin,
                "Vladimir Putin",
                ActorKind::Person,
                Point::new(-120.5, 40.0),
            )
        }),
        Edit::AddClaim(Claim::new(
            nato,
            "NATO must not expand east",
            Point::new(200.0, 0.0),
        )),
        Edit::AddClaim(Claim::new(
            guarantees,
            "Russia needs legal guarantees",
            Point::new(200.0, 90.0),
        )),
        Edit::AddStance(Stance {
            quote: "俄羅斯希望獲得可靠的法律保證".into(),
            translation: Some("Russia wants reliable legal guarantees".into()),
            source: Some(source),
            date: Some(Date::constant(2021, 12, 7)),
            ..Stance::new(ids.stance(), putin, guarantees, Position::StronglySupports)
        }),
        Edit::AddRelation(Relation::new(
            ids.relation(),
            nato,
            guarantees,
            RelationKind::Supports,
        )),
    ]))
    .unwrap();
    map
}

#[test]
fn saved_text_reads_like_the_documented_format() {
    let text = to_ron_string(&small_map()).unwrap();
    assert!(text.starts_with("// stancemap map"), "{text}");
    assert!(text.contains("#![enable(implicit_some)]"), "{text}");
    assert!(text.contains("    version: 1,\n"), "{text}");
    assert!(text.contains("kind: Person,"), "{text}");
    assert!(text.contains("position: StronglySupports,"), "{text}");
    assert!(text.contains("at: (-120.5, 40.0),"), "{text}");
    assert!(text.contains("date: \"2021-12-07\","), "{text}");
    assert!(
        text.contains("camp_sides: {\n        \"Russia\": Right,\n    },"),
        "{text}"
    );
    // Non-ASCII text is written as is, not escaped, so quotes stay readable in diffs.
    assert!(text.contains("俄羅斯希望獲得可靠的法律保證"), "{text}");
    // Empty optional fields are left out.
    assert!(!text.contains("notes"), "{text}");
    assert!(!text.contains("pinned"), "{text}");
}

#[test]
fn save_then_load_gives_the_same_map_and_bytes() {
    let map = small_map();
    let text = to_ron_string(&map).unwrap();
    let loaded = load_str(&text, Path::new("m.ron")).unwrap();
    assert_eq!(loaded, map);
    assert_eq!(to_ron_string(&loaded).unwrap(), text);
}

#[test]
fn one_edit_changes_only_its_own_lines() {
    let mut map = small_map();
    let before = to_ron_string(&map).unwrap();
    let putin = map.actors().next().unwrap().id;
    map.apply(Edit::MoveNodes {
        moves: vec![(putin.into(), Point::new(0.0, 0.0))],
        pinned: false,
    })
    .unwrap();
    let after = to_ron_string(&map).unwrap();
    let changed: Vec<_> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(
        changed,
        [(
            "            at: (-120.5, 40.0),",
            "            at: (0.0, 0.0),"
        )]
    );
}

/// A new map is readable by whoever may read the folder's other new files (0666 less the
/// umask, not a temporary file's owner-only 0600); saving over a map keeps its permissions.
#[cfg(unix)]
#[test]
fn saved_files_get_ordinary_permissions_and_keep_chosen_ones() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    // What a plain new file gets here, under this process's umask.
    let plain = dir.path().join("plain");
    std::fs::write(&plain, "x").unwrap();
    let path = dir.path().join("map.ron");
    save_file(&path, &small_map()).unwrap();
    assert_eq!(mode(&path), mode(&plain));
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    save_file(&path, &small_map()).unwrap();
    assert_eq!(mode(&path), 0o640);
}

#[test]
fn a_save_keeps_a_backup_of_the_previous_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    let mut map = small_map();
    save_file(&path, &map).unwrap();
    let first = std::fs::read(&path).unwrap();
    map.apply(Edit::SetInfo(MapInfo {
        title: "Renamed".into(),
        ..map.info()
    }))
    .unwrap();
    save_file(&path, &map).unwrap();
    assert_eq!(std::fs::read(backup_path(&path)).unwrap(), first);
    assert_eq!(load_file(&path).unwrap().title(), "Renamed");
    // No temporary files are left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[cfg(unix)]
#[test]
fn saving_into_a_read_only_folder_fails_cleanly() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    save_file(&path, &small_map()).unwrap();
    let original = std::fs::read(&path).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let probe = dir.path().join("probe");
    if std::fs::write(&probe, b"x").is_ok() {
        // Running as root: permissions are not enforced, nothing to test here.
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        return;
    }
    let err = save_file(&path, &Map::new("x")).unwrap_err();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(err.to_string().contains("permission denied"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), original);
}

#[cfg(unix)]
#[test]
fn saving_through_a_symlink_replaces_the_linked_file() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.ron");
    let link = dir.path().join("link.ron");
    save_file(&real, &Map::new("old")).unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    save_file(&link, &Map::new("new")).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(load_file(&real).unwrap().title(), "new");
}

#[test]
fn a_hand_written_file_with_optional_fields_left_out_loads() {
    let text = r#"(
        version: 1,
        title: "Hand-written",
        actors: [(id: 1, name: "Putin", kind: Person)],
        claims: [(id: 2, label: "NATO must not expand east")],
        stances: [(id: 3, actor: 1, claim: 2, position: Supports, date: "2021-12-01")],
    )"#;
    let map = load_str(text, Path::new("hand.ron")).unwrap();
    assert_eq!(map.stances().len(), 1);
    assert_eq!(map.next_id(), 4);
    assert_eq!(
        map.stances().next().unwrap().date,
        Some(Date::constant(2021, 12, 1))
    );
}

#[test]
fn camp_sides_are_optional_and_a_blank_camp_name_is_refused_with_its_place() {
    // Files from before camp sides open with every camp placed by agreement.
    let old = r#"(version: 1, title: "Old", actors: [(id: 1, name: "Putin", kind: Person, camp: "Russia")])"#;
    let map = load_str(old, Path::new("old.ron")).unwrap();
    assert_eq!(map.camp_side("Russia"), None);
    assert!(!to_ron_string(&map).unwrap().contains("camp_sides"));

    let pinned = r#"(version: 1, title: "Pinned", camp_sides: {"Russia": Left, "Ukraine": Right})"#;
    let map = load_str(pinned, Path::new("pinned.ron")).unwrap();
    assert_eq!(map.camp_side("Russia"), Some(CampSide::Left));
    assert_eq!(map.camp_side("Ukraine"), Some(CampSide::Right));

    let blank = "(\n    version: 1,\n    title: \"Blank\",\n    camp_sides: {\"\": Left},\n)";
    let error = load_str(blank, Path::new("blank.ron"))
        .unwrap_err()
        .to_string();
    assert!(error.contains("blank.ron:"), "{error}");
    assert!(error.contains("blank camp name"), "{error}");
    let unknown = r#"(version: 1, title: "Bad", camp_sides: {"Russia": Middle})"#;
    let error = load_str(unknown, Path::new("bad.ron"))
        .unwrap_err()
        .to_string();
    assert!(error.contains("bad.ron:1:"), "{error}");
    assert!(error.contains("Middle"), "{error}");
}
