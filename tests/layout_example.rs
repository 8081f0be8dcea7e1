//! The stance layout on the example map, measured against graphviz `dot` on the same graph:
//! no overlaps, and no more edge crossings than `dot` draws.

use stancemap::example::example_map;
use stancemap::layout::graphviz::{positions_from_plain, run_plain, to_dot};
use stancemap::layout::{
    LayoutGraph, Progress, Scope, count_crossings, count_edge_node_hits, has_overlaps,
    stance_layout,
};
use stancemap::scene::{Style, Theme};

/// Graphviz's drawing of the graph with `program`.
fn graphviz(program: &str, graph: &LayoutGraph) -> Vec<stancemap::model::Point> {
    let plain = run_plain(program, &to_dot(graph))
        .unwrap_or_else(|e| panic!("{e}; install graphviz (.ci/run does)"));
    positions_from_plain(&plain, graph).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn stance_layout_crosses_no_more_edges_than_dot() {
    let map = example_map().unwrap();
    let style = Style::new(Theme::Light);
    let graph = LayoutGraph::from_map(&map, &style, &Scope::Whole);
    let ours = stance_layout(&graph, &Progress::new()).unwrap();
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
