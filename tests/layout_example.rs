//! The stance layout on the example map, measured against graphviz `dot` on the same graph:
//! no overlaps, and no more edge crossings than `dot` draws.

use stancemap::example::example_map;
use stancemap::layout::graphviz::{positions_from_plain, run_plain, to_dot};
use stancemap::layout::{
    LayoutGraph, NodeBox, Progress, Scope, StanceOptions, count_crossings, count_edge_node_hits,
    has_overlaps, stance_layout,
};
use stancemap::scene::{Style, Theme};

#[path = "common/needs.rs"]
mod needs;

/// Graphviz's drawing of the graph with `program`.
fn graphviz(program: &str, graph: &LayoutGraph) -> Vec<stancemap::model::Point> {
    needs::program(program, "graphviz");
    let plain = run_plain(program, &to_dot(graph)).unwrap_or_else(|e| panic!("{e}"));
    positions_from_plain(&plain, graph).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
#[ignore = "needs graphviz (apt install graphviz)"]
fn stance_layout_crosses_no_more_edges_than_dot() {
    let map = example_map().unwrap();
    let style = Style::new(Theme::Light);
    let graph = LayoutGraph::from_map(&map, &style, &Scope::Whole);
    let ours = stance_layout(&graph, &StanceOptions::default(), &Progress::new()).unwrap();
    let dot = graphviz("dot", &graph);
    let (our_crossings, dot_crossings) = (
        count_crossings(&graph, &ours),
        count_crossings(&graph, &dot),
    );
    println!(
        "crossings: stance layout {our_crossings}, dot {dot_crossings}; edges through nodes: \
         stance layout {}, dot {}",
        count_edge_node_hits(&graph, &ours),
        count_edge_node_hits(&graph, &dot)
    );
    assert!(!has_overlaps(&graph.boxes(&ours), 0.0));
    assert!(
        our_crossings <= dot_crossings,
        "the stance layout crosses {our_crossings} edges, dot only {dot_crossings}"
    );
}

#[test]
fn the_example_map_reads_whole_on_a_laptop_canvas() {
    // The canvas of a 1280×800 window with its side panels open is about 680 × 620 pixels;
    // claim labels stay legible down to about 60% zoom.
    let map = example_map().unwrap();
    let style = Style::new(Theme::Light);
    let graph = LayoutGraph::from_map(&map, &style, &Scope::Whole);
    let ours = stance_layout(&graph, &StanceOptions::default(), &Progress::new()).unwrap();
    let boxes = graph.boxes(&ours);
    let extent = |lo: fn(&NodeBox) -> f32, hi: fn(&NodeBox) -> f32| {
        let min = boxes.iter().map(lo).fold(f32::INFINITY, f32::min);
        let max = boxes.iter().map(hi).fold(f32::NEG_INFINITY, f32::max);
        max - min
    };
    let (width, height) = (
        extent(NodeBox::left, NodeBox::right),
        extent(NodeBox::top, NodeBox::bottom),
    );
    let zoom = (680.0 / width).min(620.0 / height);
    println!("the example map is {width:.0} × {height:.0}, shown whole at {zoom:.2}");
    assert!(
        zoom >= 0.6,
        "the example map is {width:.0} × {height:.0}, shown whole at {zoom:.2}"
    );
}
