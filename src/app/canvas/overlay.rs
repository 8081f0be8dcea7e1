//! What the canvas draws over the map that is not part of it: selection and hover outlines,
//! the connection handle, the selection box, the edge being dragged out, and short messages.

use super::drawing::Drawing;
use super::hit::{self, HANDLE_RADIUS, Hit};
use super::interact::{CreateMode, FLASH_SECONDS, Gesture, Interaction, connection_verdict};
use super::moving::Moving;
use super::paint::flatten;
use crate::app::selection::Selection;
use crate::model::{ItemId, Map, NodeId};
use crate::scene::{SceneId, Shape};
use eframe::egui::{
    self, Color32, FontId, Painter, Pos2, Rect, Stroke, StrokeKind, emath::TSTransform,
};

/// Colours of the overlays, from the egui theme.
struct Colours {
    selection: Color32,
    hover: Color32,
    valid: Color32,
    invalid: Color32,
    text: Color32,
    panel: Color32,
}

impl Colours {
    fn of(visuals: &egui::Visuals) -> Colours {
        Colours {
            selection: visuals.selection.stroke.color,
            hover: visuals.widgets.hovered.fg_stroke.color,
            valid: Color32::from_rgb(0x00, 0x9e, 0x73),
            invalid: visuals.error_fg_color,
            text: visuals.text_color(),
            panel: visuals.window_fill,
        }
    }
}

/// Everything the overlays need to know.
pub struct OverlayInput<'a> {
    /// The map.
    pub map: &'a Map,
    /// Its drawing.
    pub drawing: &'a Drawing,
    /// The selection.
    pub selection: &'a Selection,
    /// Pointer gestures and hover.
    pub interaction: &'a Interaction,
    /// Map to screen.
    pub to_screen: TSTransform,
    /// Pointer position on screen, if over the canvas.
    pub pointer: Option<Pos2>,
    /// The node whose handle is shown.
    pub handle_owner: Option<NodeId>,
    /// This frame's time, for fading messages.
    pub now: f64,
    /// Nodes being dragged.
    pub moving: &'a Moving,
}

/// Paints what goes under the map: a glow along selected edges, so the edge itself stays
/// readable on top of it.
pub fn paint_underlays(painter: &Painter, input: &OverlayInput<'_>) {
    if input.selection.is_empty() {
        return;
    }
    let style = painter.ctx().global_style();
    let glow = Colours::of(&style.visuals).selection.gamma_multiply(0.35);
    let mut shapes = Vec::new();
    let scene = &input.drawing.scene;
    for (index, item) in scene.items.iter().enumerate() {
        let SceneId::Edge(_) = item.id else {
            continue;
        };
        // A merged edge glows when any of its stances is selected.
        if !item
            .stands_for()
            .into_iter()
            .any(|i| input.selection.contains(i))
        {
            continue;
        }
        let moved = input.moving.adjust(scene, index, item);
        let item = moved.as_ref().unwrap_or(item);
        for shape in &item.shapes {
            if let Shape::Curve { points, stroke } = shape {
                let width = (stroke.width * input.to_screen.scaling).max(1.0) + 7.0;
                shapes.push(egui::Shape::line(
                    flatten(points, input.to_screen),
                    Stroke::new(width, glow),
                ));
            }
        }
    }
    painter.extend(shapes);
}

/// On an empty map, how to start, in the middle of the canvas; `create` is what a plain
/// double-click adds (Shift adds the other kind).
fn empty_map_hint(painter: &Painter, visuals: &egui::Visuals, create: CreateMode) {
    let centre = painter.clip_rect().center();
    let colour = visuals.weak_text_color();
    let adding = match create {
        CreateMode::Claim => "Double-click to add a claim · Shift+double-click to add an actor",
        CreateMode::Actor(_) => "Double-click to add an actor · Shift+double-click to add a claim",
    };
    for (line, dy, size) in [
        ("An empty map", -22.0, 20.0),
        (adding, 8.0, 14.0),
        (
            "Drag from a node's handle onto another to connect them",
            30.0,
            14.0,
        ),
    ] {
        painter.text(
            centre + egui::vec2(0.0, dy),
            egui::Align2::CENTER_CENTER,
            line,
            FontId::proportional(size),
            colour,
        );
    }
}

/// Paints the overlays.
pub fn paint_overlays(painter: &Painter, input: &OverlayInput<'_>) {
    let style = painter.ctx().global_style();
    let colours = Colours::of(&style.visuals);
    if input.map.node_count() == 0 && input.interaction.editor.is_none() {
        empty_map_hint(painter, &style.visuals, input.interaction.create);
    }
    let mut shapes = Vec::new();
    selection_outlines(&mut shapes, input, &colours);
    if let Hit::Node(node) = input.interaction.hover
        && let Some(item) = input.drawing.scene.node(node)
    {
        shapes.push(egui::Shape::rect_stroke(
            input.to_screen.mul_rect(item.bounds).expand(2.0),
            4.0,
            Stroke::new(1.5, colours.hover),
            StrokeKind::Outside,
        ));
    }
    if let Some(owner) = input.handle_owner
        && input.interaction.gesture == Gesture::Idle
        && let Some(at) = hit::handle_position(input.drawing, owner)
    {
        let centre = input.to_screen * at;
        shapes.push(egui::Shape::circle_filled(
            centre,
            HANDLE_RADIUS,
            colours.panel,
        ));
        shapes.push(egui::Shape::circle_stroke(
            centre,
            HANDLE_RADIUS,
            Stroke::new(2.0, colours.selection),
        ));
        shapes.push(egui::Shape::circle_filled(centre, 2.0, colours.selection));
    }
    painter.extend(shapes);
    gesture_overlay(painter, input, &colours);
    flash(painter, input, &colours);
}

fn selection_outlines(shapes: &mut Vec<egui::Shape>, input: &OverlayInput<'_>, colours: &Colours) {
    if input.selection.is_empty() {
        return;
    }
    let stroke = Stroke::new(2.5, colours.selection);
    for item in &input.drawing.scene.items {
        if let SceneId::Node(node) = item.id
            && input.selection.contains(ItemId::from(node))
        {
            let bounds = item.bounds.translate(input.moving.offset_of(node));
            shapes.push(egui::Shape::rect_stroke(
                input.to_screen.mul_rect(bounds).expand(3.0),
                5.0,
                stroke,
                StrokeKind::Outside,
            ));
        }
    }
}

fn gesture_overlay(painter: &Painter, input: &OverlayInput<'_>, colours: &Colours) {
    let Some(pointer) = input.pointer else { return };
    match &input.interaction.gesture {
        Gesture::Select { start, .. } => {
            let rect = Rect::from_two_pos(input.to_screen * *start, pointer);
            painter.rect(
                rect,
                0.0,
                colours.selection.gamma_multiply(0.12),
                Stroke::new(1.0, colours.selection),
                StrokeKind::Inside,
            );
        }
        Gesture::Connect { from } => {
            let Some(source) = input.drawing.scene.node(*from) else {
                return;
            };
            let start = input.to_screen * source.bounds.center();
            let map_pointer = input.to_screen.inverse() * pointer;
            let target = hit::node_at(input.drawing, map_pointer).filter(|t| t != from);
            let verdict = target.map(|to| connection_verdict(input.map, *from, to));
            let colour = match verdict {
                Some(Err(_)) => colours.invalid,
                Some(Ok(_)) => colours.valid,
                None => colours.selection,
            };
            let stroke = Stroke::new(2.0, colour);
            painter.line_segment([start, pointer], stroke);
            let dir = (pointer - start).normalized();
            if dir.is_finite() {
                let side = dir.rot90() * 5.0;
                let back = pointer - dir * 12.0;
                painter.add(egui::Shape::convex_polygon(
                    vec![pointer, back + side, back - side],
                    colour,
                    Stroke::NONE,
                ));
            }
            if let (Some(to), Some(verdict)) = (target, verdict)
                && let Some(item) = input.drawing.scene.node(to)
            {
                painter.rect_stroke(
                    input.to_screen.mul_rect(item.bounds).expand(3.0),
                    5.0,
                    Stroke::new(2.5, colour),
                    StrokeKind::Outside,
                );
                if let Err(reason) = verdict {
                    note(
                        painter,
                        pointer + egui::vec2(14.0, 14.0),
                        &reason,
                        colour,
                        colours,
                    );
                }
            }
        }
        Gesture::Idle | Gesture::Pan | Gesture::Move { .. } => {}
    }
}

fn flash(painter: &Painter, input: &OverlayInput<'_>, colours: &Colours) {
    if let Some(flash) = &input.interaction.flash
        && input.now - flash.since < FLASH_SECONDS
    {
        note(
            painter,
            flash.at + egui::vec2(14.0, 14.0),
            &flash.text,
            colours.invalid,
            colours,
        );
    }
}

/// A short message in a small panel with its top-left corner at `at`.
fn note(painter: &Painter, at: Pos2, text: &str, colour: Color32, colours: &Colours) {
    let galley = painter.layout(text.to_owned(), FontId::proportional(13.0), colour, 320.0);
    let rect = Rect::from_min_size(at, galley.size()).expand(6.0);
    painter.rect(
        rect,
        4.0,
        colours.panel,
        Stroke::new(1.0, colour),
        StrokeKind::Inside,
    );
    painter.galley(at, galley, colours.text);
}
