//! The exported files as the programs that read them see them: networkx reads our GraphML,
//! graphviz parses our DOT, the Argdown parser reads our `.argdown`, a JSON Canvas reader
//! validates our canvas, and an AIF reader loads our AIF JSON. Each test needs its program
//! and is marked so; `.ci/run` installs them all.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)]

#[path = "common/needs.rs"]
mod needs;

use serde_json::Value;
use stancemap::formats::{Format, export};
use stancemap::io::load_file;
use stancemap::model::Map;
use std::path::{Path, PathBuf};
use std::process::Command;

fn example() -> Map {
    load_file(Path::new("maps/putin-biden-call-2021.ron")).unwrap()
}

/// The example map exported to `format` in a temporary folder.
fn exported(format: Format) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("example{}", format.suffix()));
    std::fs::write(&path, export(&example(), format).unwrap()).unwrap();
    (dir, path)
}

/// Runs a Python script with `args`; its stdout parsed as JSON.
fn python_json(script: &str, args: &[&Path]) -> Value {
    let python = needs::program("python3", "python3");
    let output = Command::new(python)
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
#[ignore = "needs networkx (pip install networkx)"]
fn networkx_reads_the_graphml_with_typed_attributes() {
    needs::python_module("networkx", "networkx");
    let (_dir, path) = exported(Format::GraphMl);
    let summary = python_json(
        r#"
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
def types(items):
    seen = {}
    for data in items:
        for key, value in data.items():
            seen.setdefault(key, set()).add(type(value).__name__)
    return {k: sorted(v) for k, v in seen.items()}
edges = [d for *_, d in g.edges(data=True)]
print(json.dumps({
    "nodes": g.number_of_nodes(),
    "edges": g.number_of_edges(),
    "actors": sum(1 for _, d in g.nodes(data=True) if d["kind"] == "actor"),
    "stances": sum(1 for d in edges if d["type"] == "stance"),
    "quoted": sum(1 for d in edges if d.get("quote")),
    "dated": sum(1 for d in edges if d.get("date")),
    "sourced": sum(1 for d in edges if d.get("source")),
    "node_types": types(d for _, d in g.nodes(data=True)),
    "edge_types": types(edges),
    "weights": sorted({d["weight"] for d in edges}),
    "directed": g.is_directed(),
}))
"#,
        &[&path],
    );
    assert_eq!(summary["nodes"], 45);
    assert_eq!(summary["edges"], 59);
    assert_eq!(summary["actors"], 17);
    assert_eq!(summary["stances"], 44);
    assert_eq!(summary["quoted"], 44);
    assert_eq!(summary["sourced"], 44);
    assert_eq!(summary["directed"], true);
    let node_types = &summary["node_types"];
    for (key, kind) in [
        ("kind", "str"),
        ("label", "str"),
        ("camp", "str"),
        ("x", "float"),
        ("y", "float"),
        ("r", "int"),
    ] {
        assert_eq!(node_types[key], serde_json::json!([kind]), "{key}");
    }
    let edge_types = &summary["edge_types"];
    for (key, kind) in [
        ("type", "str"),
        ("weight", "float"),
        ("quote", "str"),
        ("source", "str"),
        ("date", "str"),
        ("position", "str"),
    ] {
        assert_eq!(edge_types[key], serde_json::json!([kind]), "{key}");
    }
    // Stances weigh their signed score, relations +1 (supports) or −1 (attacks).
    let mut weights: Vec<i8> = example().stances().map(|s| s.position.score()).collect();
    weights.extend([-1, 1]);
    weights.sort_unstable();
    weights.dedup();
    let weights: Vec<f64> = weights.into_iter().map(f64::from).collect();
    assert_eq!(summary["weights"], serde_json::json!(weights));
}

#[test]
#[ignore = "needs networkx (pip install networkx)"]
fn networkx_reads_the_alignment_network() {
    needs::python_module("networkx", "networkx");
    let (_dir, path) = exported(Format::Alignment);
    let summary = python_json(
        r#"
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
edges = [d for *_, d in g.edges(data=True)]
print(json.dumps({
    "nodes": g.number_of_nodes(),
    "edges": g.number_of_edges(),
    "directed": g.is_directed(),
    "weights_are_floats": all(isinstance(d["weight"], float) for d in edges),
    "counts_are_ints": all(isinstance(d["congruence"], int) and isinstance(d["conflict"], int) for d in edges),
    "conflicts": sum(1 for d in edges if d["conflict"] > 0),
    "activity": sorted(d["activity"] for _, d in g.nodes(data=True)),
}))
"#,
        &[&path],
    );
    let map = example();
    let alignment = stancemap::analysis::alignment(&map, &stancemap::analysis::StanceScope::all());
    assert_eq!(summary["nodes"], alignment.activity.len());
    assert_eq!(summary["edges"], alignment.pairs.len());
    assert_eq!(summary["directed"], false);
    assert_eq!(summary["weights_are_floats"], true);
    assert_eq!(summary["counts_are_ints"], true);
    let conflicts = alignment.pairs.iter().filter(|p| p.conflict > 0).count();
    assert!(conflicts > 0);
    assert_eq!(summary["conflicts"], conflicts);
}

#[test]
#[ignore = "needs igraph (pip install igraph)"]
fn igraph_reads_the_graphml_too() {
    needs::python_module("igraph", "igraph");
    let (_dir, path) = exported(Format::GraphMl);
    let summary = python_json(
        r#"
import json, sys, igraph
g = igraph.Graph.Read_GraphML(sys.argv[1])
print(json.dumps({"nodes": g.vcount(), "edges": g.ecount(), "attributes": sorted(g.vs.attributes())}))
"#,
        &[&path],
    );
    assert_eq!(summary["nodes"], 45);
    assert_eq!(summary["edges"], 59);
    let attributes = summary["attributes"].as_array().unwrap();
    for key in ["kind", "label", "camp", "x", "y"] {
        assert!(attributes.iter().any(|a| a == key), "{key}");
    }
}

#[test]
#[ignore = "needs graphviz (apt install graphviz)"]
fn graphviz_parses_the_dot_file() {
    let dot = needs::program("dot", "graphviz");
    let (_dir, path) = exported(Format::Dot);
    let output = Command::new(dot)
        .arg("-Tplain")
        .arg(&path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && stderr.trim().is_empty(),
        "{stderr}"
    );
    let plain = String::from_utf8_lossy(&output.stdout);
    let count = |word: &str| plain.lines().filter(|l| l.starts_with(word)).count();
    assert_eq!(count("node "), 45);
    assert_eq!(count("edge "), 59);
}

#[test]
#[ignore = "needs argdown (npm install @argdown/cli)"]
fn the_argdown_parser_finds_every_statement_and_relation() {
    let argdown = needs::program("argdown", "@argdown/cli");
    let (dir, path) = exported(Format::Argdown);
    let out = dir.path().join("json");
    let output = Command::new(argdown)
        .arg("json")
        .arg(&path)
        .arg(&out)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(
        !stdout.to_lowercase().contains("error") && !stderr.to_lowercase().contains("error"),
        "{stdout}\n{stderr}"
    );
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("example.json")).unwrap()).unwrap();
    let statements = json["statements"].as_object().unwrap();
    assert_eq!(statements.len(), 28);
    let relations = json["relations"].as_array().unwrap();
    assert_eq!(relations.len(), 15);
    let supports = relations
        .iter()
        .filter(|r| r["relationType"] == "support")
        .count();
    let map = example();
    let expected = map
        .relations()
        .filter(|r| r.kind == stancemap::model::RelationKind::Supports)
        .count();
    assert_eq!(supports, expected);
}

#[test]
#[ignore = "needs PyJSONCanvas (pip install PyJSONCanvas)"]
fn a_json_canvas_reader_validates_the_canvas() {
    needs::python_module("pyjsoncanvas", "PyJSONCanvas");
    let (_dir, path) = exported(Format::Canvas);
    let summary = python_json(
        r#"
import json, sys
from pyjsoncanvas import Canvas
canvas = Canvas.from_json(open(sys.argv[1], encoding="utf-8").read())
print(json.dumps({"valid": canvas.validate(), "nodes": len(canvas.nodes), "edges": len(canvas.edges)}))
"#,
        &[&path],
    );
    assert_eq!(summary["valid"], true);
    assert_eq!(summary["nodes"], 45);
    assert_eq!(summary["edges"], 59);
}

#[test]
#[ignore = "needs arguebuf (pip install arguebuf)"]
fn an_aif_reader_loads_the_aif_json() {
    needs::python_module("arguebuf", "arguebuf");
    let (_dir, path) = exported(Format::Aif);
    let summary = python_json(
        r#"
import json, sys, arguebuf
g = arguebuf.load.file(sys.argv[1])
print(json.dumps({
    "atoms": len(g.atom_nodes),
    "supports": sum(1 for s in g.scheme_nodes.values() if isinstance(s.scheme, arguebuf.Support)),
    "attacks": sum(1 for s in g.scheme_nodes.values() if isinstance(s.scheme, arguebuf.Attack)),
}))
"#,
        &[&path],
    );
    let map = example();
    let supports = map
        .relations()
        .filter(|r| r.kind == stancemap::model::RelationKind::Supports)
        .count();
    assert_eq!(summary["atoms"], 28);
    assert_eq!(summary["supports"], supports);
    assert_eq!(summary["attacks"], 15 - supports);
}
