//! Every ignored test is ignored for one reason only — it needs something beyond Rust — and
//! says so in one form, `#[ignore = "needs WHAT (apt install PACKAGES)"]` (or `pip install`,
//! `npm install`); `.ci/run` installs every package these markers name and runs the ignored
//! tests too. See `tests/common/needs.rs`.

use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The reason of every `#[ignore...]` attribute in the crate, with where it stands.
fn ignore_markers() -> Vec<(String, String)> {
    let mut files = Vec::new();
    for dir in ["src", "tests", "benches"] {
        rust_files(&Path::new(ROOT).join(dir), &mut files);
    }
    let mut markers = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for (number, line) in text.lines().enumerate() {
            let line = line.trim();
            if let Some(rest) = line.strip_prefix("#[ignore") {
                let place = format!("{}:{}", file.display(), number + 1);
                markers.push((place, rest.to_owned()));
            }
        }
    }
    markers
}

/// The packages a marker's reason names, if it has the expected form.
fn packages(marker: &str) -> Option<Vec<String>> {
    let reason = marker.strip_prefix(" = \"")?.strip_suffix("\"]")?;
    let what_and_how = reason.strip_prefix("needs ")?;
    let (what, how) = what_and_how.split_once(" (")?;
    let how = how.strip_suffix(')')?;
    let (installer, list) = how.split_once(" install ")?;
    let known = ["apt", "pip", "npm"].contains(&installer);
    (known && !what.trim().is_empty() && !list.trim().is_empty())
        .then(|| list.split_whitespace().map(str::to_owned).collect())
}

#[test]
fn every_ignored_test_says_what_it_needs_and_how_to_install_it() {
    let markers = ignore_markers();
    assert!(
        !markers.is_empty(),
        "no ignored tests found: did the scan break?"
    );
    let malformed: Vec<_> = markers
        .iter()
        .filter(|(_, marker)| packages(marker).is_none())
        .collect();
    assert!(
        malformed.is_empty(),
        "ignore markers not in the form `#[ignore = \"needs WHAT (apt install PACKAGES)\"]`: \
         {malformed:#?}"
    );
}

#[test]
fn ci_installs_everything_the_markers_name_and_runs_the_ignored_tests() {
    let ci = std::fs::read_to_string(Path::new(ROOT).join(".ci/run")).expect("read .ci/run");
    assert!(
        ci.contains("--include-ignored"),
        ".ci/run must run the ignored tests too"
    );
    let mut missing = Vec::new();
    for (place, marker) in ignore_markers() {
        for package in packages(&marker).unwrap_or_default() {
            if !ci
                .split(|c: char| c.is_whitespace() || "()\"'".contains(c))
                .any(|w| w == package)
            {
                missing.push(format!("{place}: {package}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "packages named by ignore markers that .ci/run does not install: {missing:#?}"
    );
}
