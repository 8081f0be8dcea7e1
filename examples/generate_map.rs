//! Writes a generated map of any size, for trying the app on large maps:
//! `cargo run --release --example generate_map -- NODES EDGES OUT.ron`
//! (a third actors, the rest claims, on a grid; edges between random nodes).

use stancemap::io::save_file;
use stancemap::model::synthetic::synthetic_map;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(nodes), Some(edges), Some(out)) = (
        args.first().and_then(|n| n.parse::<usize>().ok()),
        args.get(1).and_then(|n| n.parse::<usize>().ok()),
        args.get(2).map(PathBuf::from),
    ) else {
        eprintln!("usage: generate_map NODES EDGES OUT.ron");
        return ExitCode::FAILURE;
    };
    match save_file(&out, &synthetic_map(nodes, edges, 42)) {
        Ok(_) => {
            println!("{}: {nodes} nodes, {edges} edges", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
