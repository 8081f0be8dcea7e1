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

/// Edges of the example map's scene (and of its exported SVG) that run through the box of a
/// node they do not join, and boxes that overlap.
mod routes {
    use eframe::egui::{Pos2, Rect};
    use stancemap::example::example_map;
    use stancemap::export::{ExportOptions, render_svg};
    use stancemap::model::Date;
    use stancemap::scene::measure::{edges_through_nodes, overlapping_nodes};
    use stancemap::scene::routing::segment_hits;
    use stancemap::scene::{Scene, Style, Theme, bezier_point};

    /// With straight lines, 14 edges run through boxes they do not join (the layout's own
    /// measure). Routed, none does: most bend aside in one arc; the few behind a tight stack
    /// of claims that no arc clears wind through the gaps between boxes.
    #[test]
    fn edges_of_the_example_map_go_around_nodes_they_do_not_join() {
        let map = example_map().unwrap();
        let scene = Scene::build(&map, &Style::new(Theme::Light));
        let through = edges_through_nodes(&scene);
        println!("edges through nodes in the scene: {}", through.len());
        assert!(through.is_empty(), "{through:?}");
        let overlapping = overlapping_nodes(&scene);
        assert!(overlapping.is_empty(), "{overlapping:?}");
    }

    /// The numbers in an SVG attribute.
    fn numbers(text: &str) -> Vec<f32> {
        text.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
            .filter_map(|n| n.parse().ok())
            .collect()
    }

    #[test]
    fn the_exported_svg_keeps_edges_around_nodes_too() {
        let map = example_map().unwrap();
        let options = ExportOptions {
            title: false,
            legend: false,
            footer: false,
            ..ExportOptions::new(Date::constant(2026, 1, 2))
        };
        let (svg, _) = render_svg(&map, &options).unwrap();
        let doc = resvg::usvg::roxmltree::Document::parse(&svg).unwrap();
        let attr = |n: resvg::usvg::roxmltree::Node, name: &str| -> f32 {
            n.attribute(name)
                .and_then(|v| v.parse().ok())
                .unwrap_or(0.0)
        };
        // Node outlines: rectangles, ellipses, and polygons of more than three corners (the
        // three-cornered ones are arrow heads). Rectangles less than a line of text tall are
        // badges: the count on an edge drawn for several stances, or a kind icon inside a node.
        let mut boxes: Vec<Rect> = Vec::new();
        let mut lines: Vec<Vec<Pos2>> = Vec::new();
        for n in doc.descendants() {
            match n.tag_name().name() {
                "rect"
                    if n.parent().is_some_and(|p| p.tag_name().name() == "g")
                        && attr(n, "height") >= 20.0 =>
                {
                    let min = Pos2::new(attr(n, "x"), attr(n, "y"));
                    boxes.push(Rect::from_min_size(
                        min,
                        eframe::egui::vec2(attr(n, "width"), attr(n, "height")),
                    ));
                }
                "ellipse" => {
                    let c = Pos2::new(attr(n, "cx"), attr(n, "cy"));
                    let r = eframe::egui::vec2(attr(n, "rx"), attr(n, "ry"));
                    boxes.push(Rect::from_center_size(c, r * 2.0));
                }
                "polygon" => {
                    let p = numbers(n.attribute("points").unwrap_or(""));
                    if p.len() > 6 {
                        let points: Vec<Pos2> =
                            p.chunks(2).map(|c| Pos2::new(c[0], c[1])).collect();
                        boxes.push(Rect::from_points(&points));
                    }
                }
                "path" => {
                    let p = numbers(n.attribute("d").unwrap_or(""));
                    let points: Vec<Pos2> = p.chunks(2).map(|c| Pos2::new(c[0], c[1])).collect();
                    let line = match points.as_slice() {
                        [a, b, c, d] => (0..=24)
                            .map(|i| bezier_point(&[*a, *b, *c, *d], i as f32 / 24.0))
                            .collect(),
                        other => other.to_vec(),
                    };
                    lines.push(line);
                }
                _ => {}
            }
        }
        // 28 claims and 17 actors; 44 stances (two of them drawn as one edge) and 15
        // relations.
        assert!(
            boxes.len() >= 45 && lines.len() >= 58,
            "{} {}",
            boxes.len(),
            lines.len()
        );
        // A line starts on the border of its first node's box and ends just short of its
        // last one's (where the head begins): those are the boxes it joins.
        let joins = |line: &[Pos2], b: &Rect| {
            let near = |p: Option<&Pos2>| p.is_some_and(|p| b.expand(20.0).contains(*p));
            near(line.first()) || near(line.last())
        };
        let through = lines
            .iter()
            .filter(|line| {
                boxes.iter().any(|b| {
                    !joins(line, b)
                        && line
                            .windows(2)
                            .any(|s| segment_hits(s[0], s[1], b.shrink(3.0)))
                })
            })
            .count();
        println!("edges through nodes in the SVG: {through}");
        assert_eq!(through, 0);
    }
}
