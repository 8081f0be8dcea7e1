//! The canvas: the map drawn from its scene, with a camera to pan and zoom, and the gestures
//! that select, move, connect, create and rename nodes. It reads the map and returns
//! [`Requests`]; the app applies them.

mod access;
mod camera;
mod context;
pub(in crate::app) mod context_menu;
pub mod current_source;
mod drawing;
mod ghosts;
mod hit;
mod hover;
mod interact;
mod label_editor;
pub(in crate::app) mod layout_runner;
mod legend;
mod link_menu;
mod minimap;
mod moving;
mod navigate;
mod overlay;
mod paint;
pub(in crate::app) mod placing;
mod quote_drop;
pub mod search;
mod sketch;
mod text;
mod toolbar;
mod tooltip;
mod view;

pub use access::{edge_name, node_name};
pub use camera::Camera;
pub use drawing::Drawing;
pub use ghosts::{ADDED, CHANGED, REMOVED};
pub use interact::CreateMode;

use crate::app::canvas::search::{SearchAction, SearchState};
use crate::app::requests::Requests;
use crate::app::selection::Selection;
use crate::model::{ItemId, Map, NodeId, Point, Touched};
use crate::scene::{SceneCache, Theme, VisibilityMap};
use eframe::egui::{self, Pos2, Rect, Sense};
use interact::{Env, Interaction};
use label_editor::{EditorOutcome, LabelEditor};
use link_menu::MenuOutcome;
use overlay::OverlayInput;
use std::borrow::Cow;

/// What the mouse and keys do on the canvas, for the shortcut list (commands list their own).
pub const GESTURES: &[(&str, &str)] = &[
    (
        "Click, Shift/Ctrl+click",
        "select; add to or remove from the selection",
    ),
    (
        "Drag on empty canvas",
        "select the nodes in a box (Shift/Ctrl: add to the selection)",
    ),
    (
        "Drag a node",
        "move it, or all selected nodes; moved nodes are pinned",
    ),
    ("Arrow keys (Shift: farther)", "nudge the selected nodes"),
    (
        "Drag from a node's handle, or Alt+drag",
        "connect an actor to a claim, or a claim to a claim",
    ),
    (
        "Shift / Ctrl while dropping",
        "connect as supports / opposes without the menu",
    ),
    (
        "Double-click empty canvas",
        "add a claim (Shift: an actor) and type its label",
    ),
    (
        "Right-click",
        "a menu of what applies to the item, or to the spot on empty canvas",
    ),
    ("Double-click a node", "edit its label in place"),
    (
        "Drag a selection from the reader onto a node",
        "code a stance from it with that actor or claim filled in",
    ),
    ("Wheel; middle/right drag; Space+drag", "pan"),
    ("Ctrl+wheel; pinch", "zoom around the pointer"),
];

/// How items asked for are brought into view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reveal {
    /// Centred, zooming in to a readable size if need be (a click in the lists).
    Show,
    /// Zoomed to fill the view (fit selection).
    Fit,
    /// Panned just enough to be wholly in view (new nodes).
    Nudge,
}

/// The canvas's state between frames.
#[derive(Default)]
pub struct CanvasState {
    /// Where the view looks.
    pub camera: Camera,
    /// Whether the camera should fit the whole map on the next frame.
    pub fit_pending: bool,
    /// Whether the next fit is the map's first view (see [`Camera::opening_view`]).
    first_view: bool,
    /// Whether the legend is shown.
    pub show_legend: bool,
    /// Whether the overview is shown (when the map does not fit the view).
    pub show_minimap: bool,
    /// The search box.
    pub search: SearchState,
    /// Gestures, hover and in-place editors.
    interaction: Interaction,
    /// Items to bring into view on the next frame, and whether to fit them exactly (rather
    /// than move the view as little as possible).
    reveal: Option<(Vec<ItemId>, Reveal)>,
    /// The canvas rectangle last frame, for commands that run between frames.
    viewport: Option<Rect>,
    /// Pointer position over the canvas last frame.
    pointer: Option<Pos2>,
    /// What the right-click menu acts on (`context.rs`).
    pub context: context::ContextTarget,
    /// The source new stances cite (chosen in the toolbar).
    pub current_source: crate::app::canvas::current_source::CurrentSource,
    /// Whether hovering holds its tooltips back (a form over the canvas is being filled in,
    /// which a tooltip at the pointer would cover).
    pub hide_tooltips: bool,
    /// The node a quote carried from the reader would be dropped on.
    quote_target: Option<NodeId>,
    cache: SceneCache,
    drawing: Option<Drawing>,
    minimap: minimap::Minimap,
    /// The drawing of the map being compared with, while comparing.
    ghosts: Option<ghosts::GhostScene>,
    /// Whether the view should take in what the other map adds, once it is drawn.
    show_ghosts_pending: bool,
}

impl std::fmt::Debug for CanvasState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CanvasState")
            .field("camera", &self.camera)
            .field("interaction", &self.interaction)
            .finish_non_exhaustive()
    }
}

impl CanvasState {
    /// A canvas that fits the whole map into view on its first frame, with the overview on
    /// and the legend one click away (it would take a third of a small window).
    pub fn fitting() -> Self {
        CanvasState {
            fit_pending: true,
            first_view: true,
            show_legend: false,
            show_minimap: true,
            ..CanvasState::default()
        }
    }

    /// Brings items into view on the next frame, moving the view as little as it can.
    pub fn reveal(&mut self, items: Vec<ItemId>) {
        if !items.is_empty() {
            self.reveal = Some((items, Reveal::Show));
        }
    }

    /// Zooms and pans so the items fill the view on the next frame.
    pub fn fit_items(&mut self, items: Vec<ItemId>) {
        if !items.is_empty() {
            self.reveal = Some((items, Reveal::Fit));
        }
    }

    /// Pans on the next frame just far enough that the items are wholly in view (new nodes
    /// placed at the canvas's edge), without zooming; nothing moves when they already are.
    pub fn keep_in_view(&mut self, items: Vec<ItemId>) {
        if !items.is_empty() {
            self.reveal = Some((items, Reveal::Nudge));
        }
    }

    /// Zooms by `factor` around the pointer if it is over the canvas, else around the centre.
    pub fn zoom_by(&mut self, factor: f32) {
        let Some(viewport) = self.viewport else {
            self.camera.zoom =
                (self.camera.zoom * factor).clamp(Camera::MIN_ZOOM, Camera::MAX_ZOOM);
            return;
        };
        let anchor = self.pointer.unwrap_or(viewport.center());
        self.camera.zoom_around(viewport, anchor, factor);
    }

    /// Opens the label editor for a new node at the pointer (or the middle of the view).
    pub fn start_new_node(&mut self, create: CreateMode) {
        let at = match self.viewport {
            Some(viewport) => self
                .camera
                .to_map(viewport, self.pointer.unwrap_or(viewport.center())),
            None => self.camera.center,
        };
        self.interaction.start_new(create, at);
    }

    /// Opens the label editor for a new node at a map point (e.g. where the context menu was
    /// opened).
    pub fn start_new_node_at(&mut self, create: CreateMode, at: Point) {
        self.interaction.start_new(create, Pos2::new(at.x, at.y));
    }

    /// Opens the label editor on an existing node.
    pub fn rename(&mut self, map: &Map, node: NodeId) {
        self.interaction.editor = LabelEditor::rename(map, node);
    }

    /// Drops the gesture or menu in progress; false if there was none (Escape then clears the
    /// selection instead).
    pub fn cancel(&mut self) -> bool {
        self.interaction.cancel()
    }

    /// Where the map was drawn last frame (the canvas below its toolbar), in window points.
    pub fn viewport(&self) -> Option<Rect> {
        self.viewport
    }

    /// What double-click creates now.
    pub fn create_mode(&self) -> CreateMode {
        self.interaction.create
    }

    /// The drawing of the map as last painted.
    pub fn drawing(&self) -> Option<&Drawing> {
        self.drawing.as_ref()
    }

    /// The node under the pointer that a quote carried from the reader would be dropped on.
    pub fn quote_target(&self) -> Option<NodeId> {
        self.quote_target
    }

    /// Draws the differences from another map over the map drawn this frame: `theirs` at
    /// `version` (see [`crate::teams::compare::Comparison::version`]) and the differences
    /// from this map to it. Call after [`canvas_ui`], in the same `ui`.
    pub fn paint_comparison(
        &mut self,
        ui: &egui::Ui,
        theirs: &Map,
        version: u64,
        diff: &crate::teams::diff::MapDiff,
    ) {
        let (Some(drawing), Some(viewport)) = (&self.drawing, self.viewport) else {
            return;
        };
        let ghosts = ghosts::GhostScene::of(self.ghosts.take(), theirs, version, &drawing.style);
        let marks = ghosts::marks(diff);
        ghosts::paint(
            &ui.painter_at(viewport),
            &drawing.scene,
            &ghosts,
            &marks,
            self.camera.to_screen(viewport),
            viewport,
        );
        if std::mem::take(&mut self.show_ghosts_pending)
            && let Some(added) = ghosts.added_bounds(&marks)
            && !self.camera.visible(viewport).contains_rect(added)
        {
            // Widen the view to take in both maps, and draw again with it.
            let both = drawing.scene.bounds.union(added);
            self.camera = Camera::fit(both, viewport);
            ui.ctx().request_repaint();
        }
        self.ghosts = Some(ghosts);
    }

    /// Starts a comparison: the next [`Self::paint_comparison`] brings what the other map
    /// adds into view.
    pub fn start_comparison(&mut self) {
        self.ghosts = None;
        self.show_ghosts_pending = true;
    }

    /// Forgets the drawing of the map compared with, once the comparison ends.
    pub fn end_comparison(&mut self) {
        self.ghosts = None;
        self.show_ghosts_pending = false;
    }

    /// The generation of the map last drawn, if any.
    pub fn drawn_generation(&self) -> Option<u64> {
        self.drawing.as_ref().map(|d| d.generation)
    }
}

/// Draws the toolbar and the map (dimming and hiding items as `visibility` says; its number
/// changes whenever it does), handles the canvas's input, and returns what it asks for.
/// `changes` says what changed in the map since the generation last drawn
/// ([`CanvasState::drawn_generation`]), if known: then only that is redrawn.
pub fn canvas_ui(
    ui: &mut egui::Ui,
    map: &Map,
    (generation, changes): (u64, Option<&Touched>),
    state: &mut CanvasState,
    selection: &Selection,
    visibility: Option<(&VisibilityMap, u64)>,
) -> Requests {
    let theme = if ui.visuals().dark_mode {
        Theme::Dark
    } else {
        Theme::Light
    };
    let version = visibility.map_or(0, |(_, v)| v);
    let drawing = match state.drawing.take() {
        Some(d)
            if d.generation == generation
                && d.style.theme == theme
                && d.visibility_version == version =>
        {
            d
        }
        Some(mut d)
            if d.style.theme == theme
                && d.visibility_version == version
                && let Some(touched) = changes =>
        {
            d.update(
                map,
                generation,
                visibility.map(|(v, _)| v),
                touched,
                &mut state.cache,
            );
            d
        }
        _ => Drawing::build(
            map,
            (generation, version),
            theme,
            visibility.map(|(v, _)| v),
            &mut state.cache,
        ),
    };
    let mut requests = Requests::default();
    // Clicks, boxes and searches change a copy of the selection, made on the first change;
    // the app makes it the selection, before this frame's edits (which may select what they
    // create).
    let mut draft = Cow::Borrowed(selection);
    let search = toolbar::toolbar(ui, map, state, &mut requests);
    if let Some(action) = search {
        let items = match action {
            SearchAction::ShowAll(items) => items,
            SearchAction::Show(item) => vec![item],
        };
        let mut found = Selection::default();
        found.extend(items.iter().copied());
        draft = Cow::Owned(found);
        state.reveal(items);
    }
    frame(ui, map, &drawing, state, &mut draft, &mut requests);
    state.drawing = Some(drawing);
    match draft {
        Cow::Owned(changed) if changed != *selection => {
            let mut first = Requests::default();
            first.select(changed.items().collect());
            first.append(requests);
            first
        }
        _ => requests,
    }
}

/// The canvas proper, below the toolbar.
fn frame(
    ui: &mut egui::Ui,
    map: &Map,
    drawing: &Drawing,
    state: &mut CanvasState,
    draft: &mut Cow<'_, Selection>,
    requests: &mut Requests,
) {
    let (response, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
    let viewport = response.rect;
    // A panel opened or closed beside the canvas: a map that was wholly in view stays so.
    if let Some(before) = state.viewport
        && before.size() != viewport.size()
        && state
            .camera
            .visible(before)
            .contains_rect(drawing.scene.bounds)
        && !state
            .camera
            .visible(viewport)
            .contains_rect(drawing.scene.bounds)
    {
        state.fit_pending = true;
    }
    state.viewport = Some(viewport);
    let free = legend::free_area(state.show_legend, drawing, viewport);
    if std::mem::take(&mut state.fit_pending) {
        state.camera = if std::mem::take(&mut state.first_view) {
            Camera::opening_view(drawing.scene.bounds, viewport, free)
        } else {
            Camera::fit_within(drawing.scene.bounds, viewport, free)
        };
    }
    state.first_view = false;
    if let Some((items, how)) = state.reveal.take()
        && let Some(bounds) = hit::items_bounds(drawing, &items)
    {
        state.camera = match how {
            Reveal::Fit => Camera::fit_within(bounds, viewport, free),
            Reveal::Show => state.camera.reveal(bounds, viewport, free),
            Reveal::Nudge => state.camera.nudged_to_show(bounds, viewport),
        };
    }
    navigate::wheel_and_pinch(ui, &response, &mut state.camera, viewport);

    let now = ui.input(|i| i.time);
    let typing = ui.ctx().text_edit_focused();
    let current_source = state.current_source.resolve(map);
    {
        let mut env = Env {
            map,
            drawing,
            camera: &mut state.camera,
            viewport,
            selection: draft,
            requests,
            now,
            current_source,
        };
        state.interaction.pointer(ui, &response, &mut env);
        if !typing {
            state.interaction.nudge(ui, &mut env);
        }
    }
    state.pointer = response.hover_pos();
    if response.secondary_clicked()
        && let Some(pos) = response.interact_pointer_pos()
    {
        let at = state.camera.to_map(viewport, pos);
        context::select_for_menu(drawing, at, state.camera.zoom, draft);
        state.context.at = Some(Point::new(at.x, at.y));
    }
    state.context.response = Some(response.clone());
    let selection: &Selection = draft;

    let to_screen = state.camera.to_screen(viewport);
    painter.rect_filled(viewport, 0.0, drawing.style.background);
    let handle_owner = interact::handle_owner(state.interaction.hover, selection)
        .filter(|_| view::full_detail(drawing, to_screen.scaling));
    let moving = state.interaction.moving();
    let overlay = OverlayInput {
        map,
        drawing,
        selection,
        interaction: &state.interaction,
        to_screen,
        pointer: state.pointer,
        handle_owner,
        now,
        moving: &moving,
    };
    overlay::paint_underlays(&painter, &overlay);
    let highlight = hover::highlight(drawing, &state.interaction, selection);
    view::paint_drawing(&painter, drawing, to_screen, viewport, &highlight, &moving);
    overlay::paint_overlays(&painter, &overlay);
    state.quote_target = quote_drop::quote_drop(
        ui,
        &response,
        &painter,
        (drawing, &state.camera, viewport),
        requests,
    );

    if state.show_legend {
        let legend = legend::paint_legend(&painter, drawing, viewport);
        // The legend is opaque: clicks on it must not select what lies beneath.
        ui.interact(legend, ui.scope_id().with("legend"), Sense::click());
    }
    if state.show_minimap {
        state.minimap.show(ui, drawing, &mut state.camera, viewport);
    }
    hover::set_cursor(
        ui,
        &state.interaction,
        handle_owner,
        drawing,
        state.pointer,
        &state.camera,
        viewport,
    );
    if !state.hide_tooltips {
        hover::tooltips(&response, map, &state.interaction);
    }
    editors(ui, map, drawing, state, requests);
    access::describe(
        ui.ctx(),
        response.id,
        map,
        drawing,
        selection,
        to_screen,
        viewport,
    );
    if state
        .interaction
        .flash
        .as_ref()
        .is_some_and(|f| now - f.since < interact::FLASH_SECONDS)
    {
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(250));
    }
}

/// The in-place label editor and the polarity menu, when open.
fn editors(
    ui: &egui::Ui,
    map: &Map,
    drawing: &Drawing,
    state: &mut CanvasState,
    requests: &mut Requests,
) {
    let to_screen = state.camera.to_screen(state.viewport.unwrap_or(Rect::ZERO));
    if let Some(editor) = &mut state.interaction.editor {
        let rect = match editor.new_position() {
            Some(at) => {
                Rect::from_center_size(to_screen * Pos2::new(at.x, at.y), egui::vec2(200.0, 24.0))
            }
            None => match editor.target {
                label_editor::EditorTarget::Rename(node) => drawing
                    .scene
                    .node(node)
                    .map_or(Rect::ZERO, |item| to_screen.mul_rect(item.bounds)),
                _ => Rect::ZERO,
            },
        };
        if editor.show(ui.ctx(), rect, map, requests) == EditorOutcome::Closed {
            state.interaction.editor = None;
        }
    }
    if let Some(link) = &state.interaction.link
        && link.show(ui.ctx(), map, requests) == MenuOutcome::Closed
    {
        state.interaction.link = None;
    }
}
