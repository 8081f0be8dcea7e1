//! Layout speed and quality on generated maps of 1,000 and 10,000 nodes, against graphviz
//! `sfdp` (default settings) on the same graph in the same run.
//!
//! - sfdp: `sfdp -Tplain` on the map's graph written as DOT (boxes of the real node sizes),
//!   including starting the program and reading the graph, as a user would run it.
//! - network: our network layout with overlap removal, from the map (building the layout
//!   graph, measuring boxes) to the list of moves.
//! - stance: our stance layout, the same way.
//!
//! Two kinds of input: topic-shaped maps (`generated::topic_map`, laid out as real ones are)
//! and tangled random graphs (`model::synthetic`: 2.5 edges per node between random nodes).
//!
//! After the timings it prints the medians, the ratios to sfdp, and each drawing's edge
//! crossings (estimated beyond a few million, see `count_crossings_bounded`) and overlapping
//! node pairs. Results go in the README's "Layout" section.
//!
//! Then a topic-shaped map of 200 nodes, the size of a real debate, against graphviz `dot`
//! (its layered drawing is the usual way to draw such a map by hand): `dot -Tplain` timed
//! like sfdp, the stance layout alone, and the stance layout with the scene built on it
//! (edges routed around nodes, as the canvas and exports draw them). Each drawing is then
//! measured on its scene, with our routing on dot's positions too: crossings of straight
//! edges, edges through nodes they do not join (straight, and as routed in the scene; for dot
//! also on the splines dot drew itself), overlapping boxes, and how compact it is: its tallest
//! empty band across (in rows, see `row_height`) and its size.

// Benchmark code is test code: a broken setup should stop it loudly.
#![allow(clippy::indexing_slicing, clippy::expect_used)]

mod generated;

use criterion::Criterion;
use generated::topic_map;
use stancemap::layout::graphviz::{edges_from_plain, positions_from_plain, run_plain, to_dot};
use stancemap::layout::{
    Crossings, LayoutGraph, LayoutKind, Progress, Scope, count_crossings_bounded, layout_map,
    overlapping_pairs,
};
use stancemap::layout::{
    count_crossings, count_edge_node_hits, count_lines_through_boxes, measure_compactness,
};
use stancemap::model::synthetic::synthetic_map;
use stancemap::model::{Edit, Map, Point};
use stancemap::scene::measure::{edges_through_nodes, overlapping_nodes};
use stancemap::scene::{Scene, Style, Theme};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

/// The inputs: a name and a map.
fn inputs() -> Vec<(String, Map)> {
    let mut inputs: Vec<(String, Map)> = [1_000, 10_000]
        .into_iter()
        .map(|n| (format!("topic_{n}"), topic_map(n)))
        .collect();
    inputs.extend(
        RANDOM_SIZES
            .into_iter()
            .map(|n| (format!("random_{n}"), synthetic_map(n, n * 5 / 2, 42))),
    );
    inputs
}

/// Sizes of the tangled random inputs.
const RANDOM_SIZES: [usize; 2] = [1_000, 4_000];

/// Where criterion keeps its results.
fn criterion_dir() -> PathBuf {
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from);
    target.join("criterion")
}

/// The median time criterion measured for a benchmark, in seconds.
fn median(group: &str, function: &str) -> Option<f64> {
    let path = criterion_dir()
        .join(group)
        .join(function)
        .join("new")
        .join("estimates.json");
    let text = std::fs::read_to_string(path).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json["median"]["point_estimate"].as_f64().map(|ns| ns / 1e9)
}

/// Crossings and overlapping pairs of a drawing.
fn quality(graph: &LayoutGraph, positions: &[Point]) -> (Crossings, usize) {
    (
        count_crossings_bounded(graph, positions),
        overlapping_pairs(&graph.boxes(positions), 0.0).len(),
    )
}

fn positions_after(graph: &LayoutGraph, map: &Map, style: &Style, kind: LayoutKind) -> Vec<Point> {
    let moves =
        layout_map(map, style, kind, &Scope::Whole, &Progress::new()).expect("not cancelled");
    let mut positions = graph.positions();
    for (node, at) in moves {
        if let Some(i) = graph.index_of(node) {
            positions[i] = at;
        }
    }
    positions
}

/// Criterion's options that take a value in the next argument (not a filter).
const OPTIONS_WITH_VALUES: [&str; 18] = [
    "-s",
    "--save-baseline",
    "-b",
    "--baseline",
    "--baseline-lenient",
    "--load-baseline",
    "-c",
    "--color",
    "--sample-size",
    "--warm-up-time",
    "--measurement-time",
    "--nresamples",
    "--noise-threshold",
    "--confidence-level",
    "--significance-level",
    "--profile-time",
    "--plotting-backend",
    "--output-format",
];

/// Whether the benchmark group `group` is to run: the filter given on the command line (a
/// plain substring, as `cargo bench --bench layout -- 200_dot` passes it) is part of its
/// name, or there is none, or it is a pattern this simple test cannot judge. Skipping the
/// groups filtered out spares their quality counts (minutes on the 10,000-node maps).
fn selected(group: &str) -> bool {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let filters: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| {
            let after_option = i
                .checked_sub(1)
                .and_then(|p| args.get(p))
                .is_some_and(|p| OPTIONS_WITH_VALUES.contains(&p.as_str()));
            !a.starts_with('-') && !after_option
        })
        .map(|(_, a)| a)
        .collect();
    filters.is_empty()
        || filters.iter().any(|f| {
            group.contains(f.as_str()) || f.contains(|c: char| "^$.*+?()[]{}|\\".contains(c))
        })
}

/// Size of the map compared with `dot`.
const DOT_SIZE: usize = 200;

/// A copy of `map` with the graph's nodes at `positions`, as a layout would leave it.
fn moved(map: &Map, graph: &LayoutGraph, positions: &[Point]) -> Map {
    let moves = graph
        .nodes
        .iter()
        .zip(positions)
        .map(|(node, at)| (node.id, *at))
        .collect();
    let mut map = map.clone();
    map.apply(Edit::MoveNodes {
        moves,
        pinned: false,
    })
    .expect("the layout's nodes are on the map");
    map
}

/// One drawing's figures: crossings, edges through nodes (straight, routed in the scene) and
/// overlapping boxes in the scene.
fn figures(map: &Map, graph: &LayoutGraph, positions: &[Point], style: &Style) -> [usize; 4] {
    let scene = Scene::build(&moved(map, graph, positions), style);
    [
        count_crossings(graph, positions),
        count_edge_node_hits(graph, positions),
        edges_through_nodes(&scene).len(),
        overlapping_nodes(&scene).len(),
    ]
}

/// The 200-node map against `dot`: timings in the group `layout_topic_200_dot`, then the
/// table row of each drawing.
fn against_dot(criterion: &mut Criterion, style: &Style) {
    let map = topic_map(DOT_SIZE);
    let graph = LayoutGraph::from_map(&map, style, &Scope::Whole);
    let dot = to_dot(&graph);
    let group_name = "layout_topic_200_dot";
    if !selected(group_name) {
        return;
    }
    let mut group = criterion.benchmark_group(group_name);
    group.bench_function("dot", |b| {
        b.iter(|| black_box(run_plain("dot", &dot).expect("dot runs")))
    });
    group.bench_function("stance", |b| {
        b.iter(|| {
            black_box(
                layout_map(
                    &map,
                    style,
                    LayoutKind::Stance,
                    &Scope::Whole,
                    &Progress::new(),
                )
                .expect("not cancelled"),
            )
        })
    });
    let stance = positions_after(&graph, &map, style, LayoutKind::Stance);
    group.bench_function("stance_scene", |b| {
        b.iter(|| {
            let moves = layout_map(
                &map,
                style,
                LayoutKind::Stance,
                &Scope::Whole,
                &Progress::new(),
            )
            .expect("not cancelled");
            let mut laid_out = map.clone();
            laid_out
                .apply(Edit::MoveNodes {
                    moves,
                    pinned: false,
                })
                .expect("the layout's nodes are on the map");
            black_box(Scene::build(&laid_out, style))
        })
    });
    group.finish();
    let plain = run_plain("dot", &dot).expect("dot runs");
    let dot_positions = positions_from_plain(&plain, &graph).expect("dot places every node");
    let dot_lines = edges_from_plain(&plain).expect("dot's edges read back");
    let through_dot_lines = count_lines_through_boxes(
        &graph.boxes(&dot_positions),
        dot_lines
            .iter()
            .map(|e| ((e.from, e.to), e.line.as_slice())),
    );
    let base = median(group_name, "dot");
    println!(
        "\n| nodes | edges | layout | median | ratio to dot | crossings | edges through nodes \
         (straight: times / routed: edges) | overlapping pairs | largest empty band (rows) | \
         size |"
    );
    println!("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|");
    for (name, function, positions) in [
        ("dot", "dot", &dot_positions),
        ("stance", "stance", &stance),
        ("stance + scene", "stance_scene", &stance),
    ] {
        let time = median(group_name, function);
        let ratio = match (time, base) {
            (Some(t), Some(b)) if b > 0.0 => format!("{:.2}×", t / b),
            _ => "?".to_owned(),
        };
        let time = time.map_or("?".to_owned(), |t| format!("{:.1} ms", t * 1e3));
        let [crossings, straight, routed, overlaps] = figures(&map, &graph, positions, style);
        let compact = measure_compactness(&graph, positions);
        let band = compact.largest_empty_band / compact.row.max(1.0);
        let own = if function == "dot" {
            format!(" ({through_dot_lines} on dot's own splines)")
        } else {
            String::new()
        };
        println!(
            "| {} | {} | {name} | {time} | {ratio} | {crossings} | {straight} / {routed}{own} | \
             {overlaps} | {band:.2} | {:.0} × {:.0} |",
            map.node_count(),
            graph.edges.len(),
            compact.width,
            compact.height
        );
    }
}

fn main() {
    let style = Style::new(Theme::Light);
    let mut criterion = Criterion::default()
        .configure_from_args()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(20));
    against_dot(&mut criterion, &style);
    let mut report = Vec::new();
    for (input, map) in inputs() {
        let group_name = format!("layout_{input}");
        if !selected(&group_name) {
            continue;
        }
        let nodes = map.node_count();
        let graph = LayoutGraph::from_map(&map, &style, &Scope::Whole);
        let dot = to_dot(&graph);
        let mut group = criterion.benchmark_group(&group_name);
        group.bench_function("sfdp", |b| {
            b.iter(|| black_box(run_plain("sfdp", &dot).expect("sfdp runs")))
        });
        for (name, kind) in [
            ("network", LayoutKind::Network),
            ("stance", LayoutKind::Stance),
        ] {
            group.bench_function(name, |b| {
                b.iter(|| {
                    black_box(
                        layout_map(&map, &style, kind, &Scope::Whole, &Progress::new())
                            .expect("not cancelled"),
                    )
                })
            });
        }
        group.finish();
        let sfdp = positions_from_plain(&run_plain("sfdp", &dot).expect("sfdp runs"), &graph)
            .expect("sfdp places every node");
        let network = positions_after(&graph, &map, &style, LayoutKind::Network);
        let stance = positions_after(&graph, &map, &style, LayoutKind::Stance);
        report.push((
            input,
            nodes,
            graph.edges.len(),
            group_name,
            [
                ("sfdp", quality(&graph, &sfdp)),
                ("network", quality(&graph, &network)),
                ("stance", quality(&graph, &stance)),
            ],
        ));
    }
    criterion.final_summary();
    if report.is_empty() {
        return;
    }
    println!(
        "\n| input | nodes | edges | layout | median | ratio to sfdp | crossings | overlapping pairs |"
    );
    println!("|---|---:|---:|---|---:|---:|---:|---:|");
    for (input, nodes, edges, group, rows) in report {
        let base = median(&group, "sfdp");
        for (name, (crossings, overlaps)) in rows {
            let time = median(&group, name);
            let ratio = match (time, base) {
                (Some(t), Some(b)) if b > 0.0 => format!("{:.2}×", t / b),
                _ => "?".to_owned(),
            };
            let time = time.map_or("?".to_owned(), |t| format!("{:.3} s", t));
            println!(
                "| {input} | {nodes} | {edges} | {name} | {time} | {ratio} | {crossings} | {overlaps} |"
            );
        }
    }
}
