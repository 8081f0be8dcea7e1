//! The reader's text: only the lines in view are laid out and painted; quotes and names in view
//! get click targets (with accessible labels); dragging selects text, and dragging the
//! selection carries it as a quote to drop on the canvas.

use super::cache::TextCache;
use super::paragraphs::{byte_offset, char_index};
use super::quote_drag::QuoteDrag;
use crate::model::{ItemId, Map};
use eframe::egui::text::{CCursor, CharIndex};
use eframe::egui::{
    self, Galley, Painter, Pos2, Rect, Response, Sense, Ui, WidgetInfo, pos2,
    text_selection::CCursorRange, text_selection::visuals::paint_text_selection, vec2,
};
use std::ops::Range;
use std::sync::Arc;

/// The text selected in the reader, as a byte range of the source's text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextSelection {
    /// What is selected, if anything.
    pub range: Option<Range<usize>>,
    /// Where a drag started.
    anchor: Option<usize>,
}

/// What the text view asks for.
#[derive(Debug, Default)]
pub struct ViewOutput {
    /// An item clicked in the text: a stance's quote, an actor's name.
    pub select: Option<ItemId>,
    /// The right-click menu asked to code a stance from the selection.
    pub code: bool,
    /// The selection's last line on screen (the part of it the selection covers), when in
    /// view.
    pub selection_line: Option<Rect>,
}

/// How a stance reads on hover and to screen readers: "actor → claim, position".
pub fn describe_stance(map: &Map, stance: crate::model::StanceId) -> String {
    let Some(stance) = map.stance(stance) else {
        return String::new();
    };
    format!(
        "{} → {}, {}",
        map.actor(stance.actor).map_or("?", |a| a.name.as_str()),
        map.claim(stance.claim).map_or("?", |c| c.label.as_str()),
        stance.position.label()
    )
}

/// Draws the lines of `cache` that meet `viewport` and handles clicks and drags on them.
pub fn text_view(
    ui: &mut Ui,
    viewport: Rect,
    cache: &mut TextCache,
    selection: &mut TextSelection,
    map: &Map,
) -> ViewOutput {
    let mut out = ViewOutput::default();
    let size = vec2(cache.paragraphs.width(), cache.paragraphs.total_height());
    let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
    let painter = ui.painter().clone();
    let lines = cache.paragraphs.visible(viewport.min.y, viewport.max.y);
    let shown: Vec<(usize, Arc<Galley>)> = lines
        .map(|line| (line, cache.galley(&painter, line)))
        .collect();
    if cache.settle() {
        // Real heights replaced estimates: draw again where the lines really are.
        ui.ctx().request_repaint();
    }
    let text_colour = ui.visuals().text_color();
    for (line, galley) in &shown {
        let origin = rect.min + vec2(0.0, cache.paragraphs.top(*line));
        let span = cache.paragraphs.span(*line);
        let line_text = cache.line_text(*line);
        let mut painted = galley.clone();
        if let Some(range) = &selection.range {
            let rects = row_rects(galley, line_text, span.clone(), range.clone());
            if range.end > span.start && range.start <= span.end {
                let a = char_index(line_text, range.start.max(span.start) - span.start);
                let b = char_index(line_text, range.end.min(span.end) - span.start);
                let cursors =
                    CCursorRange::two(CCursor::new(CharIndex(a)), CCursor::new(CharIndex(b)));
                paint_text_selection(&mut painted, ui.visuals(), &cursors, None);
            }
            if range.end >= span.start && range.end <= span.end {
                out.selection_line = rects.last().map(|r| r.translate(origin.to_vec2()));
            }
        }
        painter.galley(origin, painted, text_colour);
        let has_selection = selection.range.is_some();
        targets(
            ui,
            cache,
            (*line, galley, origin),
            map,
            has_selection,
            &mut out,
        );
    }
    drag_to_select(ui, &response, rect, cache, &painter, selection);
    code_menu(&response, selection.range.is_some(), &mut out.code);
    out
}

/// Click targets over the quotes and names on one line.
fn targets(
    ui: &mut Ui,
    cache: &TextCache,
    (line, galley, origin): (usize, &Galley, Pos2),
    map: &Map,
    has_selection: bool,
    out: &mut ViewOutput,
) {
    let span = cache.paragraphs.span(line);
    let line_text = cache.line_text(line);
    for &i in cache.highlights_on(line) {
        let Some(h) = cache.marks.highlights.get(i) else {
            continue;
        };
        let label = describe_stance(map, h.stance);
        let starts_here = h.range.start >= span.start;
        for (k, r) in row_rects(galley, line_text, span.clone(), h.range.clone())
            .into_iter()
            .enumerate()
        {
            let id = ui.scope_id().with(("quote", i, line, k));
            let response = ui.interact(r.translate(origin.to_vec2()), id, Sense::click());
            if starts_here && k == 0 {
                response.widget_info(|| WidgetInfo::labeled(egui::Role::Link, true, &label));
            }
            let response = response.on_hover_text(&label);
            code_menu(&response, has_selection, &mut out.code);
            if response.clicked() {
                out.select = Some(h.stance.into());
            }
        }
    }
    for &i in cache.mentions_on(line) {
        let Some(m) = cache.marks.mentions.get(i) else {
            continue;
        };
        let Some(actor) = map.actor(m.actor) else {
            continue;
        };
        let name = cache.text.get(m.range.clone()).unwrap_or("");
        let label = if name == actor.name {
            actor.name.clone()
        } else {
            format!("{name} ({})", actor.name)
        };
        for (k, r) in row_rects(galley, line_text, span.clone(), m.range.clone())
            .into_iter()
            .enumerate()
        {
            let id = ui.scope_id().with(("name", i, line, k));
            let response = ui.interact(r.translate(origin.to_vec2()), id, Sense::click());
            response.widget_info(|| WidgetInfo::labeled(egui::Role::Link, true, &label));
            let response = response.on_hover_text(format!("{label}: click to select"));
            code_menu(&response, has_selection, &mut out.code);
            if response.clicked() {
                out.select = Some(m.actor.into());
            }
        }
    }
}

/// Pressing and dragging over the text selects it; dragging the selection itself carries it
/// as a quote (to drop on the canvas) and leaves it selected; a click without a drag clears
/// it.
fn drag_to_select(
    ui: &Ui,
    response: &Response,
    rect: Rect,
    cache: &mut TextCache,
    painter: &Painter,
    selection: &mut TextSelection,
) {
    if response.drag_started()
        && let Some(origin) = ui.input(|i| i.pointer.press_origin())
    {
        match &selection.range {
            Some(range) if on_selection(cache, painter, rect, origin, range.clone()) => {
                QuoteDrag::new(cache.source, &cache.text, range.clone()).start(ui.ctx());
            }
            _ => selection.anchor = Some(offset_at(cache, painter, rect, origin)),
        }
    }
    if response.dragged()
        && let (Some(anchor), Some(at)) = (selection.anchor, response.interact_pointer_pos())
    {
        let end = offset_at(cache, painter, rect, at);
        selection.range = (anchor != end).then(|| anchor.min(end)..anchor.max(end));
    }
    if response.drag_stopped() {
        selection.anchor = None;
    }
    if response.clicked() {
        selection.range = None;
    }
}

/// Whether `pos` is on the selected text (not merely beside it on its line).
fn on_selection(
    cache: &mut TextCache,
    painter: &Painter,
    rect: Rect,
    pos: Pos2,
    range: Range<usize>,
) -> bool {
    let line = cache.paragraphs.line_at(pos.y - rect.min.y);
    let galley = cache.galley(painter, line);
    let origin = rect.min + vec2(0.0, cache.paragraphs.top(line));
    row_rects(
        &galley,
        cache.line_text(line),
        cache.paragraphs.span(line),
        range,
    )
    .iter()
    .any(|r| r.translate(origin.to_vec2()).contains(pos))
}

/// The byte offset of the text under `pos`.
fn offset_at(cache: &mut TextCache, painter: &Painter, rect: Rect, pos: Pos2) -> usize {
    let line = cache.paragraphs.line_at(pos.y - rect.min.y);
    let galley = cache.galley(painter, line);
    let origin = rect.min + vec2(0.0, cache.paragraphs.top(line));
    let cursor = galley.cursor_from_pos(pos - origin);
    cache.paragraphs.span(line).start + byte_offset(cache.line_text(line), cursor.index.0)
}

/// The right-click entry for coding a stance from the selection.
fn code_menu(response: &Response, has_selection: bool, code: &mut bool) {
    response.context_menu(|ui| {
        let entry = egui::Button::new("Code stance from selection…").shortcut_text("S");
        if ui.add_enabled(has_selection, entry).clicked() {
            *code = true;
            ui.close();
        }
    });
}

/// The rectangles, relative to the galley, that `range` of the text covers on the line at
/// `span`, one per row.
pub fn row_rects(
    galley: &Galley,
    line_text: &str,
    span: Range<usize>,
    range: Range<usize>,
) -> Vec<Rect> {
    let start = range.start.max(span.start);
    let end = range.end.min(span.end);
    if start >= end {
        return Vec::new();
    }
    let a = galley.layout_from_cursor(CCursor::new(CharIndex(char_index(
        line_text,
        start - span.start,
    ))));
    let b = galley.layout_from_cursor(CCursor::new(CharIndex(char_index(
        line_text,
        end - span.start,
    ))));
    (a.row..=b.row)
        .filter_map(|ri| {
            let row = galley.rows.get(ri)?;
            let left = if ri == a.row {
                row.x_offset(a.column)
            } else {
                0.0
            };
            let right = if ri == b.row {
                row.x_offset(b.column)
            } else {
                row.size.x
            };
            let min = pos2(row.pos.x + left, row.pos.y);
            let max = pos2(row.pos.x + right, row.pos.y + row.size.y);
            (right > left).then(|| Rect::from_min_max(min, max))
        })
        .collect()
}
