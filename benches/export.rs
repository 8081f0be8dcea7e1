//! Export of a generated map with 1,000 nodes and 2,500 stances and relations: PNG 3,840 px
//! wide and SVG, against graphviz (`neato -n2`, which keeps the given positions) drawing the
//! same nodes, labels, shapes and edges in the same run.
//!
//! Both sides run as processes from a map file on disk (`stancemap export` and `neato`), so
//! each pays for starting up, reading its input and loading fonts; the in-process figures
//! show the library alone. Needs graphviz (Debian: `graphviz`).

// Test and benchmark helpers fail loudly on purpose; clippy's test allowances cover only
// #[test] functions.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)]

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use stancemap::export::{ExportOptions, PictureSize, export_file, today};
use stancemap::io::to_ron_string;
use stancemap::model::Map;
use stancemap::model::synthetic::synthetic_map;
use stancemap::scene::{Dash, Scene, SceneId, Shape, Style, Theme};
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

const WIDTH: u32 = 3840;

fn map() -> Map {
    synthetic_map(1_000, 2_500, 42)
}

fn hex(c: eframe::egui::Color32) -> String {
    format!("#{:02x}{:02x}{:02x}", c.r(), c.g(), c.b())
}

fn quote(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

/// The same picture for graphviz: every node at its position with its size, wrapped label,
/// outline and colours; every edge with its colour, width, dashes and head; a resolution
/// that makes the PNG 3,840 px wide. Edges are graphviz's default for `-n2` (straight lines),
/// like ours, which curve only where two edges join the same nodes.
fn dot_of(map: &Map) -> String {
    let style = Style::new(Theme::Light);
    let scene = Scene::build(map, &style);
    let dpi = 72.0 * WIDTH as f32 / (scene.bounds.width() + 2.0 * 24.0);
    let mut dot = String::new();
    let _ = writeln!(
        dot,
        "digraph map {{\n  graph [dpi={dpi:.3}, pad=0.33, bgcolor=\"{}\"];\n  \
         node [fixedsize=true, fontname=\"Noto Sans CJK SC\", fontsize=13, penwidth=1.5, \
         style=\"rounded,filled\"];\n  edge [arrowsize=0.8];",
        hex(style.background)
    );
    for item in &scene.items {
        let texts: Vec<&str> = item
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        let (fill, stroke, oval) = match item.shapes.first() {
            Some(Shape::Rect { fill, stroke, .. }) => (*fill, stroke.colour, false),
            Some(Shape::Polygon { fill, stroke, .. }) => (*fill, stroke.colour, false),
            Some(Shape::Ellipse { fill, stroke, .. }) => (*fill, stroke.colour, true),
            _ => (style.claim_fill, style.claim_stroke, false),
        };
        if let SceneId::Node(id) = item.id {
            let r = item.bounds;
            let _ = writeln!(
                dot,
                "  n{} [pos=\"{:.1},{:.1}!\", width={:.3}, height={:.3}, shape={}, \
                 fillcolor=\"{}\", color=\"{}\", label=\"{}\"];",
                id.raw(),
                r.center().x,
                -r.center().y,
                r.width() / 72.0,
                r.height() / 72.0,
                if oval { "ellipse" } else { "box" },
                hex(fill),
                hex(stroke),
                quote(&texts.join("\\n"))
            );
        }
    }
    for item in &scene.items {
        let (SceneId::Edge(_), Some((from, to))) = (item.id, item.ends) else {
            continue;
        };
        let Some(Shape::Curve { stroke, .. }) = item.shapes.first() else {
            continue;
        };
        let dash = match stroke.dash {
            Dash::Solid => "solid",
            Dash::Dashed => "dashed",
            Dash::Dotted => "dotted",
        };
        let head = if item.shapes.len() > 2 {
            "teenormal"
        } else {
            "normal"
        };
        let _ = writeln!(
            dot,
            "  n{} -> n{} [color=\"{}\", penwidth={}, style={dash}, arrowhead={head}];",
            from.raw(),
            to.raw(),
            hex(stroke.colour),
            stroke.width
        );
    }
    dot.push_str("}\n");
    dot
}

fn run(command: &mut Command) {
    let output = command.output().expect("the program runs");
    assert!(
        output.status.success(),
        "{:?} failed: {}",
        command,
        String::from_utf8_lossy(&output.stderr)
    );
}

fn neato(dot: &Path, format: &str, out: &Path) {
    // -q: graphviz warns for every label it measures wider than its box.
    run(Command::new("neato")
        .arg("-q")
        .arg("-n2")
        .arg(format!("-T{format}"))
        .arg(dot)
        .arg("-o")
        .arg(out));
}

fn stancemap_cli(map: &Path, out: &Path) {
    run(Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .arg("export")
        .arg(map)
        .arg("-o")
        .arg(out)
        .arg("--width")
        .arg(WIDTH.to_string()));
}

fn export(c: &mut Criterion) {
    let map = map();
    let dir = tempfile::tempdir().expect("temp dir");
    let map_path = dir.path().join("map.ron");
    let dot_path = dir.path().join("map.dot");
    std::fs::write(&map_path, to_ron_string(&map).expect("serialise")).expect("write map");
    std::fs::write(&dot_path, dot_of(&map)).expect("write dot");
    let options = ExportOptions {
        size: PictureSize::Width(WIDTH),
        ..ExportOptions::new(today())
    };

    for format in ["png", "svg"] {
        let ours = dir.path().join(format!("stancemap.{format}"));
        let theirs = dir.path().join(format!("graphviz.{format}"));
        let mut group = c.benchmark_group(format!("export 1k nodes + 2.5k edges to {format}"));
        group
            .sampling_mode(SamplingMode::Flat)
            .sample_size(10)
            .measurement_time(Duration::from_secs(if format == "png" { 20 } else { 5 }));
        group.bench_function("stancemap export (process)", |b| {
            b.iter(|| stancemap_cli(&map_path, &ours))
        });
        group.bench_function("stancemap library (in process)", |b| {
            b.iter(|| export_file(&map, &options, &ours).expect("exports"))
        });
        group.bench_function(format!("baseline: graphviz neato -n2 -T{format}"), |b| {
            b.iter(|| neato(&dot_path, format, &theirs))
        });
        group.finish();
    }
}

criterion_group!(benches, export);
criterion_main!(benches);
