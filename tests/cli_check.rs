//! `stancemap check` run as a real process: summaries on stdout, located problems on stderr,
//! and the exit status.

use std::process::Command;

fn stancemap() -> Command {
    Command::new(env!("CARGO_BIN_EXE_stancemap"))
}

#[test]
fn a_good_map_prints_a_summary_line_and_succeeds() {
    let example = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/maps/putin-biden-call-2021.ron"
    );
    let out = stancemap().args(["check", example]).output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout,
        format!("{example}: ok: 28 claims, 17 actors, 44 stances, 15 relations, 1 source\n")
    );
    assert!(out.stderr.is_empty());
}

#[test]
fn a_bad_map_lists_every_problem_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(
        &bad,
        "(\n  version: 1,\n  actors: [(id: 1, name: \"Putin\", kind: Person)],\n  \
         stances: [\n    (id: 2, actor: 1, claim: 9, position: Supports),\n    \
         (id: 3, actor: 8, claim: 9, position: Opposes),\n  ],\n)\n",
    )
    .unwrap();
    let example = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/maps/putin-biden-call-2021.ron"
    );
    let out = stancemap()
        .arg("check")
        .arg(&bad)
        .arg(example)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let file = bad.display();
    assert_eq!(
        stderr,
        format!(
            "{file}:5:6: stance 2: claim 9 does not exist\n\
             {file}:6:6: stance 3: actor 8 does not exist\n\
             {file}:6:6: stance 3: claim 9 does not exist\n"
        )
    );
    // The good file after the bad one is still checked.
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("ok: 28 claims")
    );
}

#[test]
fn help_explains_every_command() {
    let out = stancemap().arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    for expected in ["stancemap [FILE]", "check", "FILE:LINE:COLUMN"] {
        assert!(help.contains(expected), "{expected} missing from:\n{help}");
    }
}

#[test]
fn check_without_files_is_a_usage_error() {
    let out = stancemap().arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("FILES"));
}

#[test]
fn a_file_that_is_not_a_map_says_so_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    std::fs::write(
        &notes,
        "Title: Putin and Biden talk for two hours\n\nBody text.\n",
    )
    .unwrap();
    let out = stancemap().arg("check").arg(&notes).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr,
        format!(
            "{}:1:1: this is not a stancemap map: it starts with ‘Title: Putin and Biden t…’; a \
             map starts with `(` and `version: 1`\n",
            notes.display()
        )
    );
}

#[test]
fn a_folder_or_a_named_pipe_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("pipe.ron");
    let made = Command::new("mkfifo").arg(&pipe).status().unwrap();
    assert!(made.success());
    // `layout` used to wait forever for a writer on the pipe; run it on a thread and give up
    // waiting (and fail) if it never returns.
    let (done, finished) = std::sync::mpsc::channel();
    let args = [dir.path().to_path_buf(), pipe.clone()];
    std::thread::spawn(move || {
        let check = stancemap().arg("check").args(&args).output().unwrap();
        let layout = stancemap().arg("layout").arg(&args[1]).output().unwrap();
        done.send((check, layout)).unwrap();
    });
    let (check, layout) = finished
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("stancemap is still waiting on the named pipe");
    assert_eq!(check.status.code(), Some(1));
    let stderr = String::from_utf8(check.stderr).unwrap();
    assert!(
        stderr.contains(&format!(
            "{}: cannot open: this is a folder, not a file",
            dir.path().display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "{}: cannot open: this is a named pipe, not a file",
            pipe.display()
        )),
        "{stderr}"
    );
    assert!(!layout.status.success());
    assert!(
        String::from_utf8(layout.stderr)
            .unwrap()
            .contains("this is a named pipe, not a file")
    );
}
