//! What a test needs from the machine beyond Rust: a program, a font, a Python module.
//!
//! A test that needs one is marked `#[ignore = "needs chromium (apt install chromium)"]` — the
//! words "needs", what, and how to install it in brackets — so that a plain `cargo test` on a
//! machine with only Rust lists it as ignored in cargo's own summary instead of passing it
//! silently. `.ci/run` installs everything these markers name and runs the tests with
//! `--include-ignored`. Inside, the test asks this module for what it needs; anything missing
//! fails the test with the same install hint, so an ignored test that is run never passes
//! without having done its work. `tests/needs_markers.rs` checks that every marker has this
//! form and that `.ci/run` installs every package one names.
//!
//! Shared by the integration tests (`#[path = "common/needs.rs"] mod needs;`) and the library's
//! own unit tests (`crate::testing::needs`).

#![allow(dead_code)] // each test binary uses its own subset

use std::path::{Path, PathBuf};
use std::process::Command;

/// The full path of `program` on `PATH`; fails the test with how to install it when it is
/// missing. `install` is what follows "apt install" (or another installer's words).
pub fn program(program: &str, install: &str) -> PathBuf {
    find_program(program)
        .unwrap_or_else(|| panic!("needs {program} ({}): it is not on PATH", hint(install)))
}

/// The full path of the first of `programs` found on `PATH`, or a failure naming them all.
pub fn any_program(programs: &[&str], install: &str) -> PathBuf {
    programs
        .iter()
        .find_map(|program| find_program(program))
        .unwrap_or_else(|| {
            panic!(
                "needs one of {programs:?} ({}): none is on PATH",
                hint(install)
            )
        })
}

/// Fails the test unless fontconfig knows a font that covers Chinese.
pub fn cjk_font() {
    let listing = fc_list(&[":lang=zh"]);
    assert!(
        !listing.trim().is_empty(),
        "needs a CJK font ({}): fontconfig lists none for Chinese",
        hint("fonts-noto-cjk")
    );
}

/// Fails the test unless fontconfig knows the font family `family`.
pub fn font_family(family: &str, install: &str) {
    let listing = fc_list(&[":", "family"]);
    assert!(
        listing
            .lines()
            .any(|line| line.split(',').any(|name| name.trim() == family)),
        "needs the font {family} ({}): fontconfig does not list it",
        hint(install)
    );
}

/// Fails the test unless Mesa's software OpenGL (EGL) is installed, which the image snapshot
/// tests render through when there is no GPU.
pub fn software_opengl() {
    let vendors = Path::new("/usr/share/glvnd/egl_vendor.d");
    let has_mesa = std::fs::read_dir(vendors).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|entry| entry.file_name().to_string_lossy().contains("mesa"))
    });
    assert!(
        has_mesa,
        "needs Mesa's EGL ({}): no Mesa entry in {}",
        hint("libegl1 libegl-mesa0 libgl1-mesa-dri"),
        vendors.display()
    );
}

/// Fails the test unless `python3` can import `module`.
pub fn python_module(module: &str, install: &str) {
    let python = program("python3", "python3");
    let imported = Command::new(python)
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|output| output.status.success());
    assert!(
        imported,
        "needs the Python module {module} (pip install {install}): python3 cannot import it"
    );
}

fn hint(install: &str) -> String {
    format!("apt install {install}")
}

fn fc_list(args: &[&str]) -> String {
    let fc_list = program("fc-list", "fontconfig");
    let output = Command::new(fc_list)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run fc-list: {e}"));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn find_program(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| is_executable(candidate))
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
}
