//! Compaction of the stance layout on a map made for it: one large connected part, three small
//! disconnected ones and a few nodes with no edges, as a freshly mapped article leaves them.

use super::super::compactness::{
    connected_groups, group_gaps, largest_empty_band, measure_compactness, row_height,
};
use super::super::graph::{LayoutGraph, Scope};
use super::super::measure::has_overlaps;
use super::super::progress::Progress;
use super::{BAND_GAP, StanceOptions, stance_layout};
use crate::model::synthetic::synthetic_map;
use crate::model::{Map, Point, Position, RelationKind};
use crate::scene::{Style, Theme};
use crate::testing::MapBuilder;

/// A call between two presidents (six actors, seven claims, in one connected part), and
/// apart from it: NATO's open door with its two speakers, Ukraine's sovereignty claim with
/// its speaker, a pair of related claims nobody takes a stance on, and two actors and two
/// claims with no edges at all.
fn article() -> Map {
    use Position::*;
    let claims = [
        "NATO must not expand further east",
        "Russia needs legal security guarantees",
        "Troops at Ukraine's border threaten Europe",
        "Sanctions will follow an invasion",
        "Dialogue on strategic stability continues",
        "Minsk agreements are the only way forward",
        "The summit was frank and businesslike",
    ];
    let mut b = MapBuilder::new()
        .actor("Vladimir Putin", "Russia")
        .actor("Sergei Lavrov", "Russia")
        .actor("Dmitry Peskov", "Russia")
        .actor("Joe Biden", "United States")
        .actor("Antony Blinken", "United States")
        .actor("Jake Sullivan", "United States");
    for claim in claims {
        b = b.claim(claim);
    }
    let [
        expand,
        guarantees,
        troops,
        sanctions,
        dialogue,
        minsk,
        summit,
    ] = claims;
    b = b
        .stance("Vladimir Putin", expand, StronglySupports)
        .stance("Vladimir Putin", guarantees, StronglySupports)
        .stance("Sergei Lavrov", guarantees, Supports)
        .stance("Sergei Lavrov", minsk, Supports)
        .stance("Dmitry Peskov", summit, Supports)
        .stance("Dmitry Peskov", dialogue, Supports)
        .stance("Joe Biden", expand, StronglyOpposes)
        .stance("Joe Biden", troops, Supports)
        .stance("Joe Biden", sanctions, StronglySupports)
        .stance("Antony Blinken", troops, Supports)
        .stance("Antony Blinken", minsk, Supports)
        .stance("Jake Sullivan", sanctions, Supports)
        .stance("Jake Sullivan", dialogue, Supports)
        .stance("Jake Sullivan", summit, Supports)
        .relation(troops, sanctions, RelationKind::Supports)
        .relation(expand, guarantees, RelationKind::Supports);
    let open_door = "NATO's door stays open to new members";
    let sovereignty = "Ukraine decides its own alliances";
    let (gas, prices) = ("Gas flows through Ukraine", "Gas prices in Europe rise");
    b = b
        .actor("Jens Stoltenberg", "NATO / West")
        .actor("NATO spokesperson", "NATO / West")
        .claim(open_door)
        .stance("Jens Stoltenberg", open_door, StronglySupports)
        .stance("NATO spokesperson", open_door, Supports)
        .actor("Volodymyr Zelensky", "Ukraine")
        .claim(sovereignty)
        .stance("Volodymyr Zelensky", sovereignty, StronglySupports)
        .claim(gas)
        .claim(prices)
        .relation(gas, prices, RelationKind::Attacks)
        .actor("Olaf Scholz", "Germany")
        .actor("Emmanuel Macron", "France")
        .claim("Europe must speak with one voice")
        .claim("Energy security is national security");
    b.build().0
}

fn laid_out(map: &Map) -> (LayoutGraph, Vec<Point>) {
    laid_out_for(map, StanceOptions::default())
}

fn laid_out_for(map: &Map, options: StanceOptions) -> (LayoutGraph, Vec<Point>) {
    let graph = LayoutGraph::from_map(map, &Style::new(Theme::Light), &Scope::Whole);
    let positions = stance_layout(&graph, &options, &Progress::new()).expect("not cancelled");
    (graph, positions)
}

#[test]
fn an_article_with_separate_groups_leaves_no_empty_band_taller_than_a_row() {
    let (graph, positions) = laid_out(&article());
    let boxes = graph.boxes(&positions);
    let row = row_height(&graph);
    // Seven groups with edges or none: the call, the open door, sovereignty, the gas pair,
    // and four nodes with no edges.
    assert_eq!(connected_groups(&graph).len(), 8);
    assert!(!has_overlaps(&boxes, 0.0));
    let band = largest_empty_band(&boxes);
    assert!(
        band <= row,
        "an empty band {band:.0} tall, a row is {row:.0}"
    );
}

#[test]
fn separate_groups_stand_close_to_another_group() {
    let (graph, positions) = laid_out(&article());
    let boxes = graph.boxes(&positions);
    let groups = connected_groups(&graph);
    // Every group stands at most the space kept between groups away from another one,
    // whether beside or below it.
    for (group, gap) in groups.iter().zip(group_gaps(&boxes, &groups)) {
        assert!(
            gap <= BAND_GAP + 1.0,
            "{group:?} stands {gap:.0} from others"
        );
    }
}

/// The top and bottom of some nodes' boxes.
fn vertical_extent(graph: &LayoutGraph, positions: &[Point], nodes: &[usize]) -> (f32, f32) {
    let boxes = graph.boxes(positions);
    let picked = nodes.iter().filter_map(|&i| boxes.get(i));
    picked.fold((f32::INFINITY, f32::NEG_INFINITY), |(top, bottom), b| {
        (top.min(b.top()), bottom.max(b.bottom()))
    })
}

#[test]
fn small_groups_stand_side_by_side_below_the_large_one() {
    let map = article();
    let (graph, positions) = laid_out(&map);
    let groups = connected_groups(&graph);
    let group_of = |label: &str| {
        let node = map
            .claims()
            .find(|c| c.label == label)
            .and_then(|c| graph.index_of(c.id.into()))
            .expect("the claim is on the map");
        groups
            .iter()
            .find(|g| g.contains(&node))
            .cloned()
            .unwrap_or_default()
    };
    let call = vertical_extent(
        &graph,
        &positions,
        &group_of("Russia needs legal security guarantees"),
    );
    let door = vertical_extent(
        &graph,
        &positions,
        &group_of("NATO's door stays open to new members"),
    );
    let gas = vertical_extent(&graph, &positions, &group_of("Gas flows through Ukraine"));
    // The call is wider than tall, so the others go below it rather than beside; the gas
    // pair is narrow enough to stand beside the open door, at the same height.
    assert!(
        door.0 > call.1 && gas.0 > call.1,
        "{call:?} {door:?} {gas:?}"
    );
    assert_eq!(door.0, gas.0);
    // Stacked one below the other, 90 apart as they were before, the groups would stand
    // taller than the whole drawing does now.
    let stacked: f32 = groups
        .iter()
        .filter(|g| g.len() > 1)
        .map(|g| vertical_extent(&graph, &positions, g))
        .map(|(top, bottom)| bottom - top + BAND_GAP)
        .sum();
    let height = measure_compactness(&graph, &positions).height;
    assert!(height < stacked, "{height} tall, stacked {stacked}");
}

#[test]
fn on_a_wide_screen_small_groups_stand_beside_the_large_one() {
    // At 2.5 times as wide as tall, the call (about 790 × 560) with the others below it would
    // be shown smaller than with them beside it.
    let map = article();
    let (graph, positions) = laid_out_for(&map, StanceOptions { aspect: 2.5 });
    let groups = connected_groups(&graph);
    let extent = |g: &Vec<usize>| vertical_extent(&graph, &positions, g);
    let call = groups.iter().max_by_key(|g| g.len()).map(extent);
    let (top, bottom) = call.expect("the map has groups");
    let beside = groups
        .iter()
        .filter(|g| g.len() < 10)
        .map(extent)
        .filter(|&(t, _)| t < bottom)
        .count();
    assert!(beside >= 3, "{beside} groups beside the call");
    let c = measure_compactness(&graph, &positions);
    // They add less than a row to its height; the drawing comes near the screen's shape.
    assert!(c.height < bottom - top + c.row, "{c:?}");
    assert!((2.0..3.0).contains(&(c.width / c.height)), "{c:?}");
    assert!(c.largest_empty_band <= c.row);
    assert!(!has_overlaps(&graph.boxes(&positions), 0.0));
}

#[test]
fn generated_maps_of_many_parts_leave_no_empty_band_taller_than_a_row() {
    // Sparse generated maps: a few parts of some size, many small ones, many loose nodes.
    for seed in 1..=6 {
        for (nodes, edges) in [(20, 8), (60, 45), (150, 100)] {
            let map = synthetic_map(nodes, edges, seed);
            let (graph, positions) = laid_out(&map);
            let boxes = graph.boxes(&positions);
            assert!(connected_groups(&graph).len() > 5);
            assert!(!has_overlaps(&boxes, 0.0), "seed {seed}, {nodes} nodes");
            let (band, row) = (largest_empty_band(&boxes), row_height(&graph));
            assert!(
                band <= row,
                "seed {seed}, {nodes} nodes: {band:.0} > {row:.0}"
            );
        }
    }
}
