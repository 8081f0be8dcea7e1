//! Headless frame cost of the canvas: one egui frame (`Context::run_ui`) plus tessellation,
//! no GPU, on generated maps, against a naive painter measured in the same run.
//!
//! - canvas: the app's canvas (`canvas_ui`: toolbar, culling, sketches when zoomed out, text at
//!   snapped sizes, cached scene).
//! - naive: every shape of the same scene painted each frame as an egui shape, with no culling,
//!   full detail at every zoom, egui's own curve tessellation and text laid out at the exact
//!   zoomed size (the canvas as first written).
//!
//! Results go in the README's "Canvas frame" section.

mod egui_frame;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use eframe::egui::{
    self, Align2, Color32, FontFamily, FontId, Painter, Pos2, Rect, Sense, Stroke, StrokeKind,
    Vec2, emath::TSTransform, epaint::CubicBezierShape,
};
use egui_frame::vertices;
use stancemap::app::canvas::{Camera, CanvasState, canvas_ui};
use stancemap::app::selection::Selection;
use stancemap::model::{Edit, Map, Point};
use stancemap::scene::{Align, Dash, LineStyle, Scene, Shape, Style, Theme};
use std::hint::black_box;

mod generated;
use generated::grid_map;

const SCREEN: Vec2 = Vec2::new(1280.0, 800.0);

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SCREEN)),
        ..Default::default()
    }
}

/// Where the view looks in a case.
#[derive(Clone, Copy)]
enum View {
    /// The whole map fits the window.
    All,
    /// 100% zoom on the middle of the map.
    Working,
}

/// A map with its scene and the camera of a case.
struct Setup {
    map: Map,
    scene: Scene,
    camera: Camera,
}

/// Which generated map a case draws.
#[derive(Clone, Copy)]
enum Edges {
    /// Edges join neighbours on a grid, as on a laid-out map (`generated::grid_map`).
    Local,
    /// Edges join random nodes across the whole map: a tangle of map-spanning lines
    /// (`stancemap::model::synthetic::synthetic_map`, 1.25 edges per node).
    Tangle,
}

fn setup(nodes: usize, edges: Edges, view: View) -> Setup {
    let map = match edges {
        Edges::Local => grid_map(nodes),
        Edges::Tangle => stancemap::model::synthetic::synthetic_map(nodes, nodes * 5 / 4, 7),
    };
    let scene = Scene::build(&map, &Style::new(Theme::Dark));
    let viewport = Rect::from_min_size(Pos2::ZERO, SCREEN);
    let camera = match view {
        View::All => Camera::fit(scene.bounds, viewport),
        View::Working => Camera {
            center: scene.bounds.center(),
            zoom: 1.0,
        },
    };
    Setup { map, scene, camera }
}

/// One frame of the app's canvas, tessellated; returns the number of vertices.
fn canvas_frame(ctx: &egui::Context, setup: &Setup, state: &mut CanvasState) -> usize {
    let selection = Selection::default();
    let output = ctx.run_ui(input(), |ui| {
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let _ = canvas_ui(ui, &setup.map, (0, None), state, &selection, None);
        });
    });
    vertices(ctx, output)
}

/// One frame of the naive painter, tessellated; returns the number of vertices.
fn naive_frame(ctx: &egui::Context, setup: &Setup) -> usize {
    let output = ctx.run_ui(input(), |ui| {
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let (response, painter) =
                ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
            let to_screen = setup.camera.to_screen(response.rect);
            for item in &setup.scene.items {
                for shape in &item.shapes {
                    naive_paint(&painter, shape, to_screen);
                }
            }
        });
    });
    vertices(ctx, output)
}

/// Paints one scene shape the straightforward way: one egui shape per scene shape.
fn naive_paint(painter: &Painter, shape: &Shape, to_screen: TSTransform) {
    let zoom = to_screen.scaling;
    let stroke_of = |s: &LineStyle| Stroke::new(s.width * zoom, s.colour);
    match shape {
        Shape::Rect {
            rect,
            radius,
            fill,
            stroke,
        } => {
            painter.rect(
                to_screen.mul_rect(*rect),
                radius * zoom,
                *fill,
                stroke_of(stroke),
                StrokeKind::Middle,
            );
        }
        Shape::Ellipse {
            center,
            radius,
            fill,
            stroke,
        } => {
            let c = to_screen * *center;
            painter.add(egui::Shape::ellipse_filled(c, *radius * zoom, *fill));
            painter.add(egui::Shape::ellipse_stroke(
                c,
                *radius * zoom,
                stroke_of(stroke),
            ));
        }
        Shape::Polygon {
            points,
            fill,
            stroke,
        } => {
            let points: Vec<Pos2> = points.iter().map(|p| to_screen * *p).collect();
            painter.add(egui::Shape::convex_polygon(
                points,
                *fill,
                stroke_of(stroke),
            ));
        }
        Shape::Polyline { points, stroke } => {
            let points: Vec<Pos2> = points.iter().map(|p| to_screen * *p).collect();
            naive_line(painter, points, stroke, zoom);
        }
        Shape::Curve { points, stroke } => {
            let points = points.map(|p| to_screen * p);
            if stroke.dash == Dash::Solid {
                painter.add(CubicBezierShape::from_points_stroke(
                    points,
                    false,
                    Color32::TRANSPARENT,
                    stroke_of(stroke),
                ));
            } else {
                let flat = CubicBezierShape::from_points_stroke(
                    points,
                    false,
                    Color32::TRANSPARENT,
                    Stroke::NONE,
                )
                .flatten(Some(0.5));
                naive_line(painter, flat, stroke, zoom);
            }
        }
        Shape::Text {
            anchor,
            align,
            text,
            size,
            colour,
            ..
        } => {
            let anchor_align = match align {
                Align::Left => Align2::LEFT_TOP,
                Align::Center => Align2::CENTER_TOP,
            };
            painter.text(
                to_screen * *anchor,
                anchor_align,
                text,
                FontId::new(size * zoom, FontFamily::Proportional),
                *colour,
            );
        }
    }
}

fn naive_line(painter: &Painter, points: Vec<Pos2>, style: &LineStyle, zoom: f32) {
    let stroke = Stroke::new(style.width * zoom, style.colour);
    match style.dash.pattern() {
        None => {
            painter.add(egui::Shape::line(points, stroke));
        }
        Some((dash, gap)) => {
            let unit = style.width * zoom;
            painter.extend(egui::Shape::dashed_line(
                &points,
                stroke,
                dash * unit,
                gap * unit,
            ));
        }
    }
}

fn canvas_frames(c: &mut Criterion) {
    let cases = [
        ("1k nodes, all in view", 1_000, Edges::Local, View::All),
        (
            "10k nodes, working zoom",
            10_000,
            Edges::Local,
            View::Working,
        ),
        ("10k nodes, all in view", 10_000, Edges::Local, View::All),
        (
            "10k nodes tangled, working zoom",
            10_000,
            Edges::Tangle,
            View::Working,
        ),
        (
            "10k nodes tangled, all in view",
            10_000,
            Edges::Tangle,
            View::All,
        ),
    ];
    let mut group = c.benchmark_group("canvas frame");
    group.sample_size(10);
    for (name, nodes, edges, view) in cases {
        let setup = setup(nodes, edges, view);
        let ctx = egui::Context::default();
        let mut state = CanvasState::fitting();
        // The first frame builds the drawing and fills the font atlas; then set the camera.
        canvas_frame(&ctx, &setup, &mut state);
        state.camera = setup.camera;
        let canvas_vertices = canvas_frame(&ctx, &setup, &mut state);
        group.bench_function(BenchmarkId::new("canvas", name), |b| {
            b.iter(|| black_box(canvas_frame(&ctx, &setup, &mut state)))
        });

        let naive_ctx = egui::Context::default();
        naive_frame(&naive_ctx, &setup);
        let naive_vertices = naive_frame(&naive_ctx, &setup);
        group.bench_function(BenchmarkId::new("naive", name), |b| {
            b.iter(|| black_box(naive_frame(&naive_ctx, &setup)))
        });
        eprintln!(
            "{name}: {} nodes, {} stances, {} relations; zoom {:.2}; vertices: canvas {canvas_vertices}, naive {naive_vertices}",
            setup.map.node_count(),
            setup.map.stances().len(),
            setup.map.relations().len(),
            setup.camera.zoom,
        );
    }
    group.finish();
}

fn scene_rebuild(c: &mut Criterion) {
    // What a drag costs on a large map: rebuilding after one node moved, from the cache,
    // against building from scratch.
    let mut map = grid_map(10_000);
    let style = Style::new(Theme::Dark);
    let mut cache = stancemap::scene::SceneCache::default();
    cache.build(&map, &style, None);
    let Some(node) = map.nodes().next() else {
        return;
    };
    let mut x = 0.0;
    let mut group = c.benchmark_group("scene after a move, 10k nodes");
    group.sample_size(20);
    group.bench_function("cached rebuild", |b| {
        b.iter(|| {
            x += 1.0;
            let moved = map.apply(Edit::MoveNodes {
                moves: vec![(node, Point::new(x, 0.0))],
                pinned: true,
            });
            assert!(moved.is_ok(), "{moved:?}");
            black_box(cache.build(&map, &style, None))
        })
    });
    group.bench_function("full build", |b| {
        b.iter(|| black_box(Scene::build(&map, &style)))
    });
    group.finish();
}

criterion_group!(benches, canvas_frames, scene_rebuild);
criterion_main!(benches);
