//! Bad input gives a clear error, a failure status and no partial file; the real binary
//! exports without any display.

// Test and benchmark helpers fail loudly on purpose; clippy's test allowances cover only
// #[test] functions.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)]

mod export_support;

use export_support::{decode_png, options};
use stancemap::export::{ExportError, ExportOptions, PictureSize, export_file, render_svg};
use stancemap::model::synthetic::synthetic_map;
use std::path::Path;
use std::process::{Command, Output};

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/maps/putin-biden-call-2021.ron"
);

/// Runs the real binary with no display at all.
fn stancemap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("the binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn files_in(dir: &Path) -> usize {
    std::fs::read_dir(dir).unwrap().count()
}

#[test]
fn the_binary_exports_png_and_svg_without_a_display() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("call.png");
    let png_arg = png.to_str().unwrap();
    let output = stancemap(&[
        "export",
        EXAMPLE,
        "-o",
        png_arg,
        "--width",
        "1200",
        "--theme",
        "dark",
        "--transparent",
        "--no-legend",
        "--no-title",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.starts_with(&format!("{png_arg}: 1200 × ")),
        "{stdout}"
    );
    let image = decode_png(&std::fs::read(&png).unwrap());
    assert_eq!(image.width, 1200);
    assert!(image.has_alpha, "--transparent keeps an alpha channel");

    let svg = dir.path().join("call.svg");
    let output = stancemap(&[
        "export",
        EXAMPLE,
        "-o",
        svg.to_str().unwrap(),
        "--scale",
        "2",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains(">Putin–Biden video call, 7 December 2021<"));
    assert!(text.contains(">Vladimir Putin<"));
    assert!(text.contains("Stances (actor → claim)"));
}

#[test]
fn an_unknown_extension_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("call.jpg");
    let output = stancemap(&["export", EXAMPLE, "-o", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output).trim(),
        format!(
            "stancemap: cannot tell the picture format of {}: the file name must end in .png, \
             .svg or .pdf",
            out.display()
        )
    );
    assert_eq!(files_in(dir.path()), 0);
}

#[test]
fn a_malformed_map_is_reported_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(
        &bad,
        "(\n    version: 1,\n    title: \"x\",\n    actors: [(id: 1)],\n)\n",
    )
    .unwrap();
    let out = dir.path().join("out.png");
    let output = stancemap(&["export", bad.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.starts_with(&format!("{}:4:", bad.display())),
        "{message}"
    );
    assert!(!out.exists());
}

#[test]
fn an_unwritable_output_says_why_and_leaves_nothing() {
    let map = stancemap::example::example_map().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-folder").join("out.png");
    let error = export_file(&map, &options(), &missing).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "could not write {}: the folder does not exist",
            missing.display()
        )
    );
    let error = export_file(&map, &options(), dir.path()).unwrap_err();
    assert!(
        matches!(error, ExportError::UnknownFormat { .. }),
        "{error}"
    );
    let folder = dir.path().join("folder.svg");
    std::fs::create_dir(&folder).unwrap();
    let error = export_file(&map, &options(), &folder).unwrap_err();
    assert!(error.to_string().ends_with("it is a folder"), "{error}");

    let output = stancemap(&["export", EXAMPLE, "-o", missing.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("the folder does not exist"));
    assert_eq!(files_in(dir.path()), 1, "only the folder made above");
}

#[test]
fn impossible_sizes_are_refused_with_the_allowed_range() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.png");
    let out = out.to_str().unwrap();
    let output = stancemap(&["export", EXAMPLE, "-o", out, "--scale", "0"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("the scale must be a number above 0 and at most 16"));
    let output = stancemap(&["export", EXAMPLE, "-o", out, "--width", "100"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("must be between"),
        "{}",
        stderr(&output)
    );
    let output = stancemap(&[
        "export", EXAMPLE, "-o", out, "--width", "900", "--scale", "2",
    ]);
    assert_eq!(output.status.code(), Some(2), "clap refuses both at once");
    assert_eq!(files_in(dir.path()), 0);
}

#[test]
fn a_large_map_beyond_the_png_limit_suggests_svg_or_a_smaller_scale() {
    let map = synthetic_map(10_000, 25_000, 42);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("big.png");
    std::fs::write(&out, "an older picture").unwrap();
    let error = export_file(&map, &options(), &out).unwrap_err();
    let ExportError::TooLarge {
        smaller: Some(PictureSize::Scale(scale)),
        ..
    } = error
    else {
        panic!("expected TooLarge with a smaller scale, got {error}");
    };
    let message = error.to_string();
    assert!(message.contains("export to SVG instead"), "{message}");
    assert!(
        message.contains(&format!("scale of at most {scale}")),
        "{message}"
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "an older picture");

    // The suggested scale does fit, and SVG has no limit.
    let smaller = ExportOptions {
        size: PictureSize::Scale(scale),
        ..options()
    };
    let (w, h) = stancemap::export::picture_size(&map, &smaller).unwrap();
    assert!(u64::from(w) * u64::from(h) <= stancemap::export::MAX_PIXELS);
    let (svg, exported) = render_svg(&map, &options()).unwrap();
    assert!(exported.width > stancemap::export::MAX_SIDE || svg.len() > 1_000_000);
}

#[test]
fn a_ten_thousand_node_map_exports_to_png_in_bands() {
    let map = synthetic_map(10_000, 25_000, 42);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("big.png");
    let opts = ExportOptions {
        size: PictureSize::Width(2000),
        ..options()
    };
    let exported = export_file(&map, &opts, &out).unwrap();
    let image = decode_png(&std::fs::read(&out).unwrap());
    assert_eq!((image.width, image.height), (2000, exported.height));
    let bg = export_support::light_background();
    assert!(image.ink(exported.areas.map, bg, 60) as f32 > exported.areas.map.area() * 0.05);
}

#[test]
fn pictures_and_other_formats_are_written_through_a_symbolic_link() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    for (name, format_words) in [("call.png", "PNG"), ("call.svg", "<svg"), ("call.csv", ",")] {
        let real = shared.join(name);
        std::fs::write(&real, "old").unwrap();
        let link = dir.path().join(name);
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let command = if name.ends_with(".csv") {
            "convert"
        } else {
            "export"
        };
        let output = stancemap(&[command, EXAMPLE, "-o", link.to_str().unwrap()]);
        assert!(output.status.success(), "{name}: {}", stderr(&output));
        assert!(
            std::fs::symlink_metadata(&link).unwrap().is_symlink(),
            "{name}: the link was replaced by a file"
        );
        let written = String::from_utf8_lossy(&std::fs::read(&real).unwrap()).into_owned();
        assert!(written.contains(format_words), "{name}: {written:.40}");
    }
    // Only the links and the folder: no temporary files anywhere.
    assert_eq!(files_in(dir.path()), 4);
    assert_eq!(files_in(&shared), 3);
}
