//! Real git with stancemap as its merge driver and diff for maps, in a temporary repository:
//! two branches edit the same map, `git merge` runs our driver, and the result opens with
//! both sides' work and exactly the expected conflicts.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)]

#[path = "common/needs.rs"]
mod needs;

use stancemap::io::{load_file, to_ron_string};
use stancemap::model::{Claim, Edit, Map, NodeId, Point, Position, Stance};
use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_stancemap");

fn git(repo: &Path, args: &[&str]) -> Output {
    let git = needs::program("git", "git");
    Command::new(git)
        .current_dir(repo)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", repo)
        .output()
        .unwrap()
}

fn ok(repo: &Path, args: &[&str]) -> String {
    let out = git(repo, args);
    assert!(
        out.status.success(),
        "git {args:?} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn commit(repo: &Path, map: &Map, message: &str) {
    std::fs::write(repo.join("map.ron"), to_ron_string(map).unwrap()).unwrap();
    ok(repo, &["add", "map.ron"]);
    ok(repo, &["commit", "-q", "-m", message]);
}

/// A repository with the README's recipe: `.gitattributes` and the driver in the config.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    ok(repo, &["init", "-q", "-b", "main"]);
    ok(repo, &["config", "user.name", "Analyst"]);
    ok(repo, &["config", "user.email", "analyst@example.org"]);
    ok(repo, &["config", "merge.stancemap.name", "stancemap maps"]);
    let driver = format!("{BIN} merge %O %A %B -o %A");
    ok(repo, &["config", "merge.stancemap.driver", &driver]);
    ok(
        repo,
        &[
            "config",
            "diff.stancemap.command",
            &format!("{BIN} git-diff"),
        ],
    );
    std::fs::write(
        repo.join(".gitattributes"),
        "*.ron merge=stancemap diff=stancemap\n",
    )
    .unwrap();
    ok(repo, &["add", ".gitattributes"]);
    dir
}

#[test]
#[ignore = "needs git (apt install git)"]
fn git_merges_two_branches_through_the_driver_with_the_expected_conflict() {
    let dir = repository();
    let repo = dir.path();
    let base = load_file(Path::new("maps/putin-biden-call-2021.ron")).unwrap();
    commit(repo, &base, "example map");
    let quoted = base.stances().next().unwrap().clone();

    // Branch "layout": moves a claim, renames an actor, adds a claim, rewrites the quote.
    ok(repo, &["checkout", "-q", "-b", "layout"]);
    let mut layout = base.clone();
    let moved = base.claims().nth(2).unwrap().id;
    layout
        .apply(Edit::MoveNodes {
            moves: vec![(NodeId::Claim(moved), Point::new(1234.0, -56.0))],
            pinned: true,
        })
        .unwrap();
    let mut actor = base.actor(quoted.actor).unwrap().clone();
    actor.name = "Vladimir V. Putin".into();
    layout.apply(Edit::UpdateActor(actor)).unwrap();
    let new_claim = layout.id_allocator().claim();
    layout
        .apply(Edit::AddClaim(Claim::new(
            new_claim,
            "Layout's new claim",
            Point::default(),
        )))
        .unwrap();
    let mut stance = quoted.clone();
    stance.quote = "the layout branch's reading".into();
    layout.apply(Edit::UpdateStance(stance)).unwrap();
    commit(repo, &layout, "layout: move, rename, new claim, quote");

    // Branch "coding" from main: two stances whose new ids collide with the layout's claim,
    // and the same quote rewritten differently.
    ok(repo, &["checkout", "-q", "main"]);
    ok(repo, &["checkout", "-q", "-b", "coding"]);
    let mut coding = base.clone();
    let mut ids = coding.id_allocator();
    let (first, second) = (ids.stance(), ids.stance());
    assert_eq!(first.0, new_claim.0, "the new ids collide");
    let claims: Vec<_> = base.claims().map(|c| c.id).collect();
    let biden = base.actors().nth(1).unwrap().id;
    for (id, claim, position) in [
        (first, claims[0], Position::Opposes),
        (second, claims[1], Position::Supports),
    ] {
        coding
            .apply(Edit::AddStance(Stance {
                quote: format!("coded {}", id.0),
                date: Some(stancemap::model::Date::constant(2030, 1, 1)),
                ..Stance::new(id, biden, claim, position)
            }))
            .unwrap();
    }
    let mut stance = quoted.clone();
    stance.quote = "the coding branch's reading".into();
    coding.apply(Edit::UpdateStance(stance)).unwrap();
    commit(repo, &coding, "coding: two stances, quote");

    // git diff shows the map's changes by name through our diff driver.
    let diff = ok(repo, &["diff", "main", "layout", "--", "map.ron"]);
    assert!(
        diff.contains("diff --stancemap a/map.ron b/map.ron"),
        "{diff}"
    );
    assert!(
        diff.contains("changed actor \"Vladimir V. Putin\":\n    name: "),
        "{diff}"
    );
    assert!(
        diff.contains("added claim \"Layout's new claim\""),
        "{diff}"
    );

    ok(repo, &["checkout", "-q", "layout"]);
    let out = git(repo, &["merge", "--no-edit", "coding"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "git sees the conflict:\n{stdout}");
    assert!(
        stdout.contains("CONFLICT (content): Merge conflict in map.ron"),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("conflict: stance"), "{stderr}");

    let merged = load_file(&repo.join("map.ron")).expect("the merged map opens");
    // The layout branch's work.
    assert!(merged.actors().any(|a| a.name == "Vladimir V. Putin"));
    assert_eq!(merged.claim(moved).unwrap().at, Point::new(1234.0, -56.0));
    assert_eq!(merged.claim(new_claim).unwrap().label, "Layout's new claim");
    // The coding branch's stances, under fresh ids.
    let coded: Vec<_> = merged
        .stances()
        .filter(|s| s.quote.starts_with("coded "))
        .collect();
    assert_eq!(coded.len(), 2);
    assert!(coded.iter().all(|s| s.id.0 >= layout.next_id()));
    assert!(coded.iter().all(|s| s.actor == biden));
    assert!(merged.next_id() > coded.iter().map(|s| s.id.0).max().unwrap());
    // Exactly one conflict: the quote, ours kept meanwhile.
    assert_eq!(
        merged.stance(quoted.id).unwrap().quote,
        "the layout branch's reading"
    );
    let [conflict] = merged.conflicts() else {
        panic!("expected one conflict: {:?}", merged.conflicts());
    };
    assert_eq!(conflict.item, Some(quoted.id.0));
    assert_eq!(conflict.field.as_deref(), Some("quote"));
    assert_eq!(
        conflict.ours.as_deref(),
        Some("\"the layout branch's reading\"")
    );
    assert_eq!(
        conflict.theirs.as_deref(),
        Some("\"the coding branch's reading\"")
    );
    assert_eq!(conflict.base, Some(format!("{:?}", quoted.quote)));

    // The analyst decides, and git takes the file as resolved.
    ok(repo, &["add", "map.ron"]);
    ok(repo, &["commit", "-q", "--no-edit"]);
}

#[test]
#[ignore = "needs git (apt install git)"]
fn git_merges_cleanly_when_the_branches_touch_different_fields() {
    let dir = repository();
    let repo = dir.path();
    let base = load_file(Path::new("maps/putin-biden-call-2021.ron")).unwrap();
    commit(repo, &base, "example map");
    ok(repo, &["checkout", "-q", "-b", "side"]);
    let mut side = base.clone();
    let mut stance = side.stances().next().unwrap().clone();
    stance.position = Position::StronglyOpposes;
    side.apply(Edit::UpdateStance(stance.clone())).unwrap();
    commit(repo, &side, "position");
    ok(repo, &["checkout", "-q", "main"]);
    let mut main = base.clone();
    let mut same = main.stance(stance.id).unwrap().clone();
    same.notes = Some("checked twice".into());
    main.apply(Edit::UpdateStance(same)).unwrap();
    commit(repo, &main, "notes");

    ok(repo, &["merge", "-q", "--no-edit", "side"]);

    let merged = load_file(&repo.join("map.ron")).unwrap();
    let result = merged.stance(stance.id).unwrap();
    assert_eq!(result.position, Position::StronglyOpposes);
    assert_eq!(result.notes.as_deref(), Some("checked twice"));
    assert!(merged.conflicts().is_empty());
}

#[test]
#[ignore = "needs git (apt install git)"]
fn git_diff_shows_new_maps_by_name_and_unreadable_ones_as_text() {
    let dir = repository();
    let repo = dir.path();
    ok(repo, &["commit", "-q", "-m", "attributes"]);
    let base = load_file(Path::new("maps/putin-biden-call-2021.ron")).unwrap();
    std::fs::write(repo.join("map.ron"), to_ron_string(&base).unwrap()).unwrap();
    ok(repo, &["add", "map.ron"]);

    // A new file: git passes /dev/null as the old side.
    let diff = ok(repo, &["diff", "--cached"]);
    assert!(
        diff.contains("diff --stancemap a/map.ron b/map.ron"),
        "{diff}"
    );
    assert!(
        diff.contains("added claim \"No further NATO expansion east\""),
        "{diff}"
    );
    // 28 claims, 17 actors, 44 stances, 15 relations and a source; the title and description.
    assert!(
        diff.ends_with("105 added, 0 removed, 1 changed\n"),
        "{diff}"
    );

    // A version that is not a map is reported and compared as text.
    ok(repo, &["commit", "-q", "-m", "map"]);
    std::fs::write(repo.join("map.ron"), "<<<<<<< ours\n(version: 1)\n").unwrap();
    let out = git(repo, &["diff"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let diff = String::from_utf8(out.stdout).unwrap();
    assert!(
        diff.contains("map.ron:1:1:"),
        "the problem is located: {diff}"
    );
    assert!(diff.contains("(compared as text)"), "{diff}");
    assert!(
        diff.contains("+<<<<<<< ours"),
        "the text diff follows: {diff}"
    );
}
