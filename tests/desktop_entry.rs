//! Installing like a desktop app: the Debian package's files exist in the repository, and the
//! menu entry is one desktop environments accept.

// A test that cannot read the manifest should fail loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

#[path = "common/needs.rs"]
mod needs;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The source paths of `[package.metadata.deb] assets` in Cargo.toml.
fn package_assets() -> Vec<String> {
    let manifest = std::fs::read_to_string(Path::new(ROOT).join("Cargo.toml")).unwrap();
    let section = manifest
        .split("[package.metadata.deb]")
        .nth(1)
        .expect("Cargo.toml has a [package.metadata.deb] section");
    let assets = section
        .split("assets = [")
        .nth(1)
        .expect("the package lists its assets");
    assets
        .lines()
        .map(str::trim)
        .take_while(|line| *line != "]")
        .filter_map(|line| line.strip_prefix("[\""))
        .filter_map(|line| line.split('"').next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_file_the_package_installs_is_in_the_repository() {
    let assets = package_assets();
    assert!(assets.len() >= 5, "{assets:?}");
    for asset in &assets {
        // The binary is built, not kept.
        if asset.starts_with("target/") {
            continue;
        }
        assert!(Path::new(ROOT).join(asset).is_file(), "missing: {asset}");
    }
    for needed in ["assets/stancemap.desktop", "assets/icons/stancemap.svg"] {
        assert!(assets.iter().any(|a| a == needed), "not packaged: {needed}");
    }
}

#[test]
fn the_menu_entry_runs_stancemap_with_its_icon() {
    let entry = std::fs::read_to_string(Path::new(ROOT).join("assets/stancemap.desktop")).unwrap();
    for line in ["Type=Application", "Exec=stancemap %f", "Icon=stancemap"] {
        assert!(entry.lines().any(|l| l == line), "no `{line}` in the entry");
    }
}

#[test]
#[ignore = "needs desktop-file-validate (apt install desktop-file-utils)"]
fn the_menu_entry_is_valid() {
    let validate = needs::program("desktop-file-validate", "desktop-file-utils");
    let output = Command::new(validate)
        .arg(Path::new(ROOT).join("assets/stancemap.desktop"))
        .output()
        .unwrap();
    assert!(
        output.status.success() && output.stdout.is_empty(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
