//! Headless frame cost of the reader (one egui frame plus tessellation, no GPU) on a 1 MB
//! source text with 2,000 highlighted quotes, against naive readers measured in the same run:
//!
//! - reader: the app's reader pane (lines laid out only when in view, galleys cached, marks
//!   found once per map change), scrolled to the middle of the text.
//! - naive, cached: the whole text as one galley in a scroll area, built every frame from the
//!   same marks; egui's galley cache spares the layout, so this is hashing, painting and
//!   tessellating the whole text each frame.
//! - naive, laid out: the same, with the layout done afresh every frame (the wrap width changes
//!   by a hair each frame, so egui's cache cannot help): what a reader that lays out the whole
//!   text after every change costs.
//!
//! Results go in the README's "Reader frame" section.

// The benchmark's setup fails loudly when its generated map is not what it expects.
#![allow(clippy::expect_used, clippy::indexing_slicing)]

mod egui_frame;

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui::{self, Color32, Pos2, Rect, Vec2};
use egui_frame::vertices;
use stancemap::app::panels::reader::{Look, Reader, line_job};
use stancemap::model::{Actor, ActorKind, Claim, Edit, Map, Point, Position, Source, Stance};
use stancemap::quotes::Marks;
use std::hint::black_box;
use std::time::Duration;

const SCREEN: Vec2 = Vec2::new(480.0, 800.0);
const TEXT_BYTES: usize = 1 << 20;
const HIGHLIGHTS: usize = 2_000;

/// A paragraph of mixed Chinese and English prose, numbered so each is unique.
fn paragraph(i: usize) -> String {
    format!(
        "第{i}段：普京表示，俄方希望獲得可靠的法律保證，以防止北約進一步東擴。Biden said the \
         United States would respond with strong economic measures. 拜登稱美方將與盟友協調，\
         並強調外交途徑仍然開放。"
    )
}

/// A map with one source of about 1 MB and 2,000 stances quoting it.
fn big_map() -> Map {
    let mut map = Map::new("Reader benchmark");
    let mut ids = map.id_allocator();
    let mut text = String::new();
    let mut starts = Vec::new();
    while text.len() < TEXT_BYTES {
        starts.push(text.len());
        text.push_str(&paragraph(starts.len()));
        text.push_str("\n\n");
    }
    let source = ids.source();
    let mut s = Source::new(source, "Long source", "Bench");
    s.text = Some(text.clone());
    let mut edits = vec![Edit::AddSource(s)];
    let actors: Vec<_> = (0..40).map(|_| ids.actor()).collect();
    for (i, &a) in actors.iter().enumerate() {
        let at = Point::new(0.0, i as f32 * 100.0);
        let mut actor = Actor::new(a, format!("Actor {i}"), ActorKind::Person, at);
        actor.aliases = vec![if i == 0 {
            "普京".into()
        } else {
            format!("演員{i}")
        }];
        edits.push(Edit::AddActor(actor));
    }
    let claims: Vec<_> = (0..HIGHLIGHTS / actors.len())
        .map(|_| ids.claim())
        .collect();
    for (i, &c) in claims.iter().enumerate() {
        let at = Point::new(400.0, i as f32 * 100.0);
        edits.push(Edit::AddClaim(Claim::new(c, format!("Claim {i}"), at)));
    }
    // Spread the quotes evenly through the text.
    let step = starts.len() / HIGHLIGHTS;
    for k in 0..HIGHLIGHTS {
        let at = starts[k * step];
        let quote: String = text[at..].chars().take(24).collect();
        let position = Position::ALL[k % Position::ALL.len()];
        let mut stance = Stance::new(
            ids.stance(),
            actors[k % actors.len()],
            claims[k / actors.len()],
            position,
        );
        stance.quote = quote;
        stance.source = Some(source);
        edits.push(Edit::AddStance(stance));
    }
    map.apply(Edit::Batch(edits))
        .expect("the benchmark map is valid");
    map
}

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SCREEN)),
        ..Default::default()
    }
}

fn reader_frame(ctx: &egui::Context, map: &Map, reader: &mut Reader) -> usize {
    let output = ctx.run_ui(input(), |ui| {
        egui::CentralPanel::default().show(ui, |ui| {
            let _ = reader.ui(ui, map, 0);
        });
    });
    vertices(ctx, output)
}

fn naive_frame(ctx: &egui::Context, map: &Map, marks: &Marks, nudge: f32) -> usize {
    let Some(text) = map.sources().next().and_then(|s| s.text.as_deref()) else {
        return 0;
    };
    let output = ctx.run_ui(input(), |ui| {
        egui::CentralPanel::default().show(ui, |ui| {
            let look = Look::new(false, Color32::BLACK, Color32::BLUE);
            let highlights: Vec<_> = marks.highlights.iter().collect();
            let mentions: Vec<_> = marks.mentions.iter().collect();
            let width = ui.available_width() - 18.0 + nudge;
            let job = line_job(text, 0..text.len(), &highlights, &mentions, &look, width);
            egui::ScrollArea::vertical()
                .vertical_scroll_offset(20_000.0)
                .show(ui, |ui| {
                    let galley = ui.painter().layout_job(job);
                    let (rect, _) = ui.allocate_exact_size(galley.size(), egui::Sense::click());
                    ui.painter().galley(rect.min, galley, Color32::BLACK);
                });
        });
    });
    vertices(ctx, output)
}

fn bench(c: &mut Criterion) {
    let map = big_map();
    let source = map.sources().next().map(|s| s.id).expect("one source");
    let marks = Marks::for_source(&map, source);
    assert_eq!(marks.highlights.len(), HIGHLIGHTS);
    let mut group = c.benchmark_group("reader_frame");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));

    let ctx = egui::Context::default();
    let mut reader = Reader::default();
    reader.open = true;
    let middle = marks.highlights[HIGHLIGHTS / 2].range.clone();
    reader.select(middle);
    for _ in 0..3 {
        reader_frame(&ctx, &map, &mut reader);
    }
    group.bench_function("reader", |b| {
        b.iter(|| black_box(reader_frame(&ctx, &map, &mut reader)))
    });

    let naive = egui::Context::default();
    naive_frame(&naive, &map, &marks, 0.0);
    group.bench_function("naive_cached", |b| {
        b.iter(|| black_box(naive_frame(&naive, &map, &marks, 0.0)))
    });
    let mut flip = 0.0;
    group.bench_function("naive_laid_out", |b| {
        b.iter(|| {
            flip = if flip == 0.0 { 0.01 } else { 0.0 };
            black_box(naive_frame(&naive, &map, &marks, flip))
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
