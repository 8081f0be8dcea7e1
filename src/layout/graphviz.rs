//! Talking to graphviz, our yardstick in tests and benchmarks: a layout graph written as DOT
//! (with the real box sizes), graphviz run on it, and node positions read back from its
//! `-Tplain` output, so graphviz's drawing of a map can be measured exactly like ours.

use super::graph::LayoutGraph;
use crate::model::Point;
use std::fmt::Write as _;
use std::io::Write as _;
use std::process::{Command, Stdio};

/// Runs a graphviz layout program (`dot`, `sfdp`, `neato`...) on DOT text and returns its
/// `-Tplain` output.
pub fn run_plain(program: &str, dot: &str) -> Result<String, String> {
    let mut child = Command::new(program)
        .arg("-Tplain")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run graphviz `{program}`: {e}"))?;
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| format!("cannot write to `{program}`"))?;
    stdin
        .write_all(dot.as_bytes())
        .map_err(|e| format!("cannot write to `{program}`: {e}"))?;
    drop(stdin);
    let out = child
        .wait_with_output()
        .map_err(|e| format!("`{program}` did not finish: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "`{program}` failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    String::from_utf8(out.stdout).map_err(|e| format!("`{program}` wrote bad text: {e}"))
}

/// Graphviz measures in inches; the canvas in map units (logical pixels at 72 per inch).
const UNITS_PER_INCH: f32 = 72.0;

/// The graph in DOT: nodes `n0`, `n1`... (by index) as fixed-size boxes of their real size,
/// one edge per drawn edge.
pub fn to_dot(graph: &LayoutGraph) -> String {
    let mut dot =
        String::from("digraph stancemap {\n  node [shape=box, fixedsize=true, label=\"\"];\n");
    for (i, node) in graph.nodes.iter().enumerate() {
        let _ = writeln!(
            dot,
            "  n{i} [width={:.3}, height={:.3}];",
            node.size.w / UNITS_PER_INCH,
            node.size.h / UNITS_PER_INCH
        );
    }
    for edge in &graph.edges {
        let _ = writeln!(dot, "  n{} -> n{};", edge.from, edge.to);
    }
    dot.push_str("}\n");
    dot
}

/// Node centres from graphviz's `-Tplain` output for a graph written by [`to_dot`], in map
/// units with y growing downwards. Fails if a node is missing or a line is malformed.
pub fn positions_from_plain(text: &str, graph: &LayoutGraph) -> Result<Vec<Point>, String> {
    let mut positions: Vec<Option<Point>> = vec![None; graph.len()];
    for (number, line) in text.lines().enumerate() {
        let mut fields = line.split_whitespace();
        if fields.next() != Some("node") {
            continue;
        }
        let bad = || format!("line {}: cannot read node line `{line}`", number + 1);
        let name = fields.next().ok_or_else(bad)?;
        let index: usize = name
            .trim_matches('"')
            .strip_prefix('n')
            .and_then(|n| n.parse().ok())
            .ok_or_else(bad)?;
        let x: f32 = fields.next().and_then(|v| v.parse().ok()).ok_or_else(bad)?;
        let y: f32 = fields.next().and_then(|v| v.parse().ok()).ok_or_else(bad)?;
        let slot = positions.get_mut(index).ok_or_else(bad)?;
        *slot = Some(Point::new(x * UNITS_PER_INCH, -y * UNITS_PER_INCH));
    }
    positions
        .into_iter()
        .enumerate()
        .map(|(i, p)| p.ok_or_else(|| format!("graphviz gave no position for node n{i}")))
        .collect()
}

/// An edge as graphviz drew it: the nodes it joins (indices into the graph) and its spline,
/// sampled into a polyline in map units.
#[derive(Debug, Clone, PartialEq)]
pub struct DrawnEdge {
    /// The node the edge leaves.
    pub from: usize,
    /// The node the edge reaches.
    pub to: usize,
    /// Points along the drawn line, from end to end.
    pub line: Vec<Point>,
}

/// Points each cubic piece of a graphviz spline is sampled at (besides its start).
const SPLINE_SAMPLES: usize = 16;

/// The edges' lines from graphviz's `-Tplain` output for a graph written by [`to_dot`]: each
/// `edge` line's B-spline control points (a start and three points per cubic piece), sampled.
/// Fails if a line is malformed or names a node that is not `n` and a number.
pub fn edges_from_plain(text: &str) -> Result<Vec<DrawnEdge>, String> {
    let mut edges = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let mut fields = line.split_whitespace();
        if fields.next() != Some("edge") {
            continue;
        }
        let bad = || format!("line {}: cannot read edge line `{line}`", number + 1);
        let mut node = || -> Result<usize, String> {
            fields
                .next()
                .map(|name| name.trim_matches('"'))
                .and_then(|name| name.strip_prefix('n'))
                .and_then(|n| n.parse().ok())
                .ok_or_else(bad)
        };
        let (from, to) = (node()?, node()?);
        let count: usize = fields.next().and_then(|v| v.parse().ok()).ok_or_else(bad)?;
        let mut controls = Vec::with_capacity(count);
        for _ in 0..count {
            let x: f32 = fields.next().and_then(|v| v.parse().ok()).ok_or_else(bad)?;
            let y: f32 = fields.next().and_then(|v| v.parse().ok()).ok_or_else(bad)?;
            controls.push(Point::new(x * UNITS_PER_INCH, -y * UNITS_PER_INCH));
        }
        if count == 0 || count % 3 != 1 {
            return Err(bad());
        }
        edges.push(DrawnEdge {
            from,
            to,
            line: sampled_spline(&controls),
        });
    }
    Ok(edges)
}

/// Points along a spline of cubic pieces sharing their ends (`p0 p1 p2 p3 p4 p5 p6 ...`).
fn sampled_spline(controls: &[Point]) -> Vec<Point> {
    let mut line: Vec<Point> = controls.first().copied().into_iter().collect();
    let mut start = 0;
    while let Some(&[p0, p1, p2, p3]) = controls.get(start..start + 4) {
        for i in 1..=SPLINE_SAMPLES {
            let t = i as f32 / SPLINE_SAMPLES as f32;
            let u = 1.0 - t;
            let (w0, w1, w2, w3) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
            line.push(Point::new(
                w0 * p0.x + w1 * p1.x + w2 * p2.x + w3 * p3.x,
                w0 * p0.y + w1 * p1.y + w2 * p2.y + w3 * p3.y,
            ));
        }
        start += 3;
    }
    line
}

#[cfg(test)]
mod tests {
    use super::super::geometry::Size;
    use super::super::graph::{EdgeKind, LayoutEdge, LayoutNode, NodeKind};
    use super::*;
    use crate::model::{ClaimId, NodeId};

    fn two_nodes() -> LayoutGraph {
        let mut g = LayoutGraph::default();
        for i in 0..2 {
            g.push(LayoutNode {
                id: NodeId::Claim(ClaimId(i + 1)),
                kind: NodeKind::Claim,
                size: Size::new(144.0, 36.0),
                at: Point::default(),
                pinned: false,
                in_scope: true,
                camp: None,
            });
        }
        g.edges.push(LayoutEdge {
            from: 0,
            to: 1,
            kind: EdgeKind::Relation { attacks: false },
        });
        g
    }

    #[test]
    fn dot_carries_sizes_in_inches_and_every_edge() {
        let dot = to_dot(&two_nodes());
        assert!(dot.contains("n0 [width=2.000, height=0.500];"), "{dot}");
        assert!(dot.contains("n0 -> n1;"));
    }

    #[test]
    fn plain_output_is_read_back_in_map_units() {
        let plain = "graph 1 3 2\nnode n0 1 1.5 2 0.5 \"\" solid box black lightgrey\n\
                     node n1 1 0.5 2 0.5 \"\" solid box black lightgrey\nedge n0 n1 4 1 1\nstop\n";
        let positions = positions_from_plain(plain, &two_nodes()).unwrap();
        assert_eq!(
            positions,
            [Point::new(72.0, -108.0), Point::new(72.0, -36.0)]
        );
    }

    #[test]
    fn edge_splines_are_read_back_in_map_units() {
        let plain = "graph 1 3 2\nedge n0 n1 4 1 1.25 1 1 1 1 1 0.75 solid black\nstop\n";
        let edges = edges_from_plain(plain).unwrap();
        assert_eq!(edges.len(), 1);
        let edge = &edges[0];
        assert_eq!((edge.from, edge.to), (0, 1));
        assert_eq!(edge.line.len(), SPLINE_SAMPLES + 1);
        assert_eq!(edge.line.first(), Some(&Point::new(72.0, -90.0)));
        assert_eq!(edge.line.last(), Some(&Point::new(72.0, -54.0)));
    }

    #[test]
    fn an_edge_with_a_broken_spline_is_an_error() {
        let plain = "graph 1 3 2\nedge n0 n1 3 1 1.25 1 1 1 0.75 solid black\nstop\n";
        let err = edges_from_plain(plain).unwrap_err();
        assert!(err.contains("line 2"), "{err}");
        let plain = "edge a b 1 0 0 solid black\n";
        assert!(edges_from_plain(plain).is_err());
    }

    #[test]
    fn a_missing_node_is_an_error() {
        let plain = "graph 1 3 2\nnode n0 1 1.5 2 0.5 \"\" solid box black lightgrey\nstop\n";
        let err = positions_from_plain(plain, &two_nodes()).unwrap_err();
        assert!(err.contains("n1"), "{err}");
    }
}
