//! The Export image window: where to write (PNG, SVG or a PDF briefing), which part of the
//! map, how large, which colours, and whether to add the title, legend, footer and evidence. Also runs Copy image with the same
//! settings. The drawing happens on a background thread (see `export_jobs`), and Browse… asks
//! the app's file dialog service, so nothing here blocks a frame.

use crate::app::selection::Selection;
use crate::app::windows::dialogs::{DialogAnswer, DialogTicket, FileDialogs, FileRequest};
use crate::app::windows::export_jobs::{Job, JobResult, clipboard_image};
use crate::app::{Camera, Document};
use crate::export::{
    ExportOptions, Format, Paper, PictureSize, Region, command::summary, fits_png, picture_size,
    today,
};
use crate::model::Map;
use crate::scene::{SceneId, Theme, VisibilityMap};
use eframe::egui;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Which part of the map to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Part {
    /// Every node and edge.
    #[default]
    Whole,
    /// What the canvas shows now.
    View,
    /// The selected items.
    Selection,
}

/// How large to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scale {
    /// As on the canvas at 100 %.
    X1,
    /// Twice as sharp (the default: crisp on high-resolution screens and projectors).
    #[default]
    X2,
    /// Four times as sharp.
    X4,
    /// A width in pixels.
    Width,
}

/// What the window needs to know about the app to export.
#[derive(Debug)]
pub struct ExportInputs<'a> {
    /// The map.
    pub map: &'a Map,
    /// The map's file, for a default picture name.
    pub map_path: Option<&'a Path>,
    /// What the canvas shows, in map coordinates.
    pub view: egui::Rect,
    /// What is selected.
    pub selection: &'a Selection,
    /// The map's generation, which changes with every edit.
    pub generation: u64,
    /// What the canvas dims and hides under the analysis filters, if anything.
    pub visibility: Option<VisibilityMap>,
}

impl<'a> ExportInputs<'a> {
    /// The inputs from the app's parts: the canvas's view is what `camera` shows in
    /// `canvas_rect` (the canvas's place on screen).
    pub fn new(
        doc: &'a Document,
        camera: Camera,
        canvas_rect: egui::Rect,
        selection: &'a Selection,
        visibility: Option<VisibilityMap>,
    ) -> Self {
        ExportInputs {
            map: doc.map(),
            map_path: doc.path(),
            view: camera
                .to_screen(canvas_rect)
                .inverse()
                .mul_rect(canvas_rect),
            selection,
            generation: doc.generation(),
            visibility,
        }
    }
}

/// The Export image window's state.
#[derive(Debug, Default)]
pub struct ExportDialog {
    /// Whether the window is open.
    pub open: bool,
    /// The picture file's path as typed.
    pub path: String,
    /// Which part of the map.
    pub part: Part,
    /// How large.
    pub scale: Scale,
    /// The width in pixels when `scale` is `Width`.
    pub width: u32,
    /// Light or dark colours.
    pub dark: bool,
    /// Transparent background.
    pub transparent: bool,
    /// Leave out the title.
    pub no_title: bool,
    /// Leave out the legend.
    pub no_legend: bool,
    /// Leave out the footer.
    pub no_footer: bool,
    /// Number the stances and list their evidence: `None` follows the format (on for a PDF,
    /// off for pictures) until the box is ticked or cleared.
    pub evidence: Option<bool>,
    /// The paper size of a PDF.
    pub paper: Paper,
    job: Option<Job>,
    browse: Option<DialogTicket>,
    /// An existing file Export would replace, waiting for the user's answer.
    pub replace_asked: Option<PathBuf>,
    /// The existing file the user agreed to replace (picked in the save dialog, which asked,
    /// or confirmed here): exporting to it again does not ask again.
    replace_agreed: Option<PathBuf>,
    /// The outcome of the last export or copy, shown in the window.
    pub message: Option<Result<String, String>>,
    /// The picture's size (or why there is none) for the map generation and options it was
    /// worked out for, so it is recomputed only when one of them changes.
    size: Option<SizeNote>,
}

/// A picture's size in pixels, or why there is none, for a map generation and the options it
/// was worked out for.
type SizeNote = (u64, ExportOptions, Result<(u32, u32), String>);

impl ExportDialog {
    /// Opens the window, suggesting a picture name beside the map file.
    pub fn show(&mut self, map_path: Option<&Path>) {
        self.open = true;
        if self.path.is_empty() {
            self.path = suggested_path(map_path).display().to_string();
        }
        if self.width == 0 {
            self.width = 3840;
        }
    }

    /// Whether an export or copy is running.
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    /// The format the file name asks for, if any.
    fn format(&self) -> Option<Format> {
        Format::from_path(Path::new(self.path.trim())).ok()
    }

    /// Whether the evidence is added: as chosen, or by default for a PDF only.
    pub fn with_evidence(&self) -> bool {
        self.evidence.unwrap_or(self.format() == Some(Format::Pdf))
    }

    /// The options the window's settings stand for.
    pub fn options(&self, inputs: &ExportInputs<'_>) -> ExportOptions {
        ExportOptions {
            region: match self.part {
                Part::Whole => Region::Whole,
                Part::View => Region::View(inputs.view),
                Part::Selection => Region::Items(selected_scene_ids(inputs.selection)),
            },
            size: match self.scale {
                Scale::X1 => PictureSize::Scale(1.0),
                Scale::X2 => PictureSize::Scale(2.0),
                Scale::X4 => PictureSize::Scale(4.0),
                Scale::Width => PictureSize::Width(self.width),
            },
            theme: if self.dark { Theme::Dark } else { Theme::Light },
            transparent: self.transparent,
            title: !self.no_title,
            legend: !self.no_legend,
            footer: !self.no_footer,
            evidence: self.with_evidence(),
            paper: self.paper,
            visibility: inputs.visibility.clone(),
            ..ExportOptions::new(today())
        }
    }

    /// Starts writing the picture file, or, when that would replace a file the user has not
    /// agreed to replace, asks first.
    pub fn export(&mut self, ctx: &egui::Context, inputs: &ExportInputs<'_>) {
        let path = PathBuf::from(self.path.trim());
        if let Err(error) = Format::from_path(&path) {
            self.message = Some(Err(error.to_string()));
            return;
        }
        self.message = None;
        if path.exists() && self.replace_agreed.as_ref() != Some(&path) {
            self.replace_asked = Some(path);
            return;
        }
        self.replace_asked = None;
        self.job = Some(Job::export(
            ctx,
            inputs.map.clone(),
            self.options(inputs),
            path,
        ));
    }

    /// Starts drawing the picture for the clipboard.
    pub fn copy_image(&mut self, ctx: &egui::Context, inputs: &ExportInputs<'_>) {
        if self.job.is_none() {
            self.message = None;
            self.job = Some(Job::draw(ctx, inputs.map.clone(), self.options(inputs)));
        }
    }

    /// Collects finished work: the file chosen with Browse…, and a finished export or copy
    /// (putting a drawn picture on the clipboard). Returns a message for the status line.
    pub fn poll(&mut self, ctx: &egui::Context, dialogs: &mut FileDialogs) -> Option<String> {
        if let Some(answer) = self.browse.and_then(|ticket| dialogs.take(ticket)) {
            self.browse = None;
            if let DialogAnswer::Picked(path) = answer {
                self.path = path.display().to_string();
                // The save dialog has asked about replacing it already.
                self.replace_agreed = Some(path);
            }
        }
        let result = self.job.as_ref()?.poll()?;
        self.job = None;
        let (message, warning) = match result {
            Ok(JobResult::Exported { path, exported }) => (
                Ok(format!(
                    "Exported {} ({})",
                    path.display(),
                    summary(&exported)
                )),
                exported.warning(),
            ),
            Ok(JobResult::Drawn { image, exported }) => {
                ctx.copy_image(clipboard_image(&image));
                (
                    Ok(format!(
                        "Copied a {} × {} px picture to the clipboard",
                        image.width, image.height
                    )),
                    exported.warning(),
                )
            }
            Err(error) => (Err(format!("Not exported: {error}")), None),
        };
        let message = match (message, warning) {
            (Ok(done), Some(warning)) => Err(format!("{done}, but {warning}")),
            (message, _) => message,
        };
        let status = match &message {
            Ok(text) | Err(text) => text.clone(),
        };
        self.message = Some(message);
        Some(status)
    }

    /// Draws the window (when open) and handles its buttons; Browse… asks `dialogs`.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        inputs: &ExportInputs<'_>,
        dialogs: &mut FileDialogs,
    ) {
        let mut open = self.open;
        egui::Window::new("Export image")
            .open(&mut open)
            .resizable(false)
            .collapsible(false)
            .show(ctx, |ui| self.contents(ui, inputs, dialogs));
        self.open = open && self.open;
        if self.is_busy() || self.browse.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    fn contents(
        &mut self,
        ui: &mut egui::Ui,
        inputs: &ExportInputs<'_>,
        dialogs: &mut FileDialogs,
    ) {
        egui::Grid::new("export_settings")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                let file_label = ui.label("File");
                ui.horizontal(|ui| {
                    let field = egui::TextEdit::singleline(&mut self.path)
                        .desired_width(320.0)
                        .hint_text("briefing.png, .svg or .pdf");
                    ui.add(field).labelled_by(file_label.id);
                    let browse =
                        ui.add_enabled(self.browse.is_none(), egui::Button::new("Browse…"));
                    if browse.clicked() {
                        let suggested = PathBuf::from(self.path.trim());
                        self.browse = Some(dialogs.ask(ui.ctx(), browse_request(&suggested)));
                    }
                });
                ui.end_row();

                ui.label("Format");
                ui.label(match self.format() {
                    Some(Format::Png) => "PNG picture (from the file name)",
                    Some(Format::Svg) => "SVG drawing, text stays selectable (from the file name)",
                    Some(Format::Pdf) => {
                        "PDF briefing: the map on a landscape page, then the evidence \
                         (from the file name)"
                    }
                    None => "the file name must end in .png, .svg or .pdf",
                });
                ui.end_row();

                ui.label("Paper");
                ui.add_enabled_ui(self.format() == Some(Format::Pdf), |ui| {
                    ui.horizontal(|ui| {
                        ui.radio_value(&mut self.paper, Paper::A4, "A4");
                        ui.radio_value(&mut self.paper, Paper::Letter, "Letter");
                    })
                    .response
                    .on_disabled_hover_text("For PDF files");
                });
                ui.end_row();

                ui.label("Picture");
                ui.label(self.size_text(inputs));
                ui.end_row();

                ui.label("Show");
                ui.horizontal(|ui| {
                    ui.radio_value(&mut self.part, Part::Whole, "Whole map");
                    ui.radio_value(&mut self.part, Part::View, "Current view");
                    ui.add_enabled_ui(!inputs.selection.is_empty(), |ui| {
                        ui.radio_value(&mut self.part, Part::Selection, "Selection")
                            .on_disabled_hover_text("Select claims or actors first");
                    });
                });
                ui.end_row();

                ui.label("Size");
                ui.horizontal(|ui| {
                    ui.radio_value(&mut self.scale, Scale::X1, "1×");
                    ui.radio_value(&mut self.scale, Scale::X2, "2×");
                    ui.radio_value(&mut self.scale, Scale::X4, "4×");
                    ui.radio_value(&mut self.scale, Scale::Width, "Width");
                    ui.add_enabled(
                        self.scale == Scale::Width,
                        egui::DragValue::new(&mut self.width)
                            .range(400..=crate::export::MAX_WIDTH)
                            .suffix(" px"),
                    );
                });
                ui.end_row();

                ui.label("Background");
                ui.horizontal(|ui| {
                    ui.radio_value(&mut self.dark, false, "Light");
                    ui.radio_value(&mut self.dark, true, "Dark");
                    ui.checkbox(&mut self.transparent, "Transparent");
                });
                ui.end_row();

                ui.label("Add");
                ui.horizontal(|ui| {
                    toggle(ui, &mut self.no_title, "Title");
                    toggle(ui, &mut self.no_legend, "Legend");
                    toggle(ui, &mut self.no_footer, "Footer (sources, date)");
                    let mut evidence = self.with_evidence();
                    if ui
                        .checkbox(&mut evidence, "Evidence (numbered quotes)")
                        .on_hover_text(
                            "Number each stance on its arrow and list who said what, the \
                             quote, its translation, source and date",
                        )
                        .changed()
                    {
                        self.evidence = Some(evidence);
                    }
                });
                ui.end_row();
            });
        ui.separator();
        match &self.message {
            Some(Ok(done)) => {
                ui.label(done);
            }
            Some(Err(problem)) => {
                ui.colored_label(ui.visuals().warn_fg_color, problem);
            }
            None => {}
        }
        if let Some(path) = self.replace_asked.clone() {
            self.replace_question(ui, inputs, path);
            return;
        }
        ui.horizontal(|ui| {
            let idle = !self.is_busy();
            if ui.add_enabled(idle, egui::Button::new("Export")).clicked() {
                self.export(ui.ctx(), inputs);
            }
            if ui
                .add_enabled(idle, egui::Button::new("Copy to clipboard"))
                .clicked()
            {
                self.copy_image(ui.ctx(), inputs);
            }
            if !idle {
                ui.spinner();
                ui.label("Drawing…");
            }
        });
    }

    /// Asks whether to replace the existing file at `path`: Replace exports over it, Cancel
    /// leaves it and goes back to the settings.
    fn replace_question(&mut self, ui: &mut egui::Ui, inputs: &ExportInputs<'_>, path: PathBuf) {
        if Path::new(self.path.trim()) != path {
            // The name was changed since: the question no longer applies.
            self.replace_asked = None;
            return;
        }
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!(
                "{} already exists. Replace it with the new picture?",
                path.display()
            ),
        );
        ui.horizontal(|ui| {
            if ui.button("Replace").clicked() {
                self.replace_agreed = Some(path.clone());
                self.export(ui.ctx(), inputs);
            }
            if ui.button("Cancel").clicked()
                || ui.input(|input| input.key_pressed(egui::Key::Escape))
            {
                self.replace_asked = None;
            }
        });
    }
}

/// What Browse… asks the file dialog service for, starting from the path in the field.
fn browse_request(suggested: &Path) -> FileRequest {
    let request = FileRequest::save(
        "Export image",
        "PNG picture, SVG drawing or PDF briefing",
        &["png", "svg", "pdf"],
    )
    .in_folder(suggested.parent().filter(|f| !f.as_os_str().is_empty()));
    match suggested.file_name() {
        Some(name) => request.with_file_name(name.to_string_lossy()),
        None => request,
    }
}

impl ExportDialog {
    /// "3190 × 5088 px", or why no picture can be made with these settings.
    fn size_text(&mut self, inputs: &ExportInputs<'_>) -> String {
        let options = self.options(inputs);
        let stale = !matches!(&self.size, Some((generation, cached, _))
            if *generation == inputs.generation && *cached == options);
        if stale {
            let size = picture_size(inputs.map, &options).map_err(|e| e.to_string());
            self.size = Some((inputs.generation, options, size));
        }
        let png = Format::from_path(Path::new(self.path.trim())).ok() == Some(Format::Png);
        match &self.size {
            Some((_, _, Ok((width, height)))) if png && !fits_png(*width, *height) => {
                format!("{width} × {height} px: too large for a PNG; choose SVG or a smaller size")
            }
            Some((_, _, Ok((width, height)))) => format!("{width} × {height} px"),
            Some((_, _, Err(problem))) => problem.clone(),
            None => String::new(),
        }
    }
}

/// A checkbox that is ticked when its "leave out" flag is off.
fn toggle(ui: &mut egui::Ui, leave_out: &mut bool, label: &str) {
    let mut shown = !*leave_out;
    if ui.checkbox(&mut shown, label).changed() {
        *leave_out = !shown;
    }
}

/// The scene items for a selection (sources are not drawn, so they are left out).
fn selected_scene_ids(selection: &Selection) -> BTreeSet<SceneId> {
    selection.items().filter_map(SceneId::of_item).collect()
}

/// A picture name beside the map file (`map.ron` → `map.png`), or in the current folder.
fn suggested_path(map_path: Option<&Path>) -> PathBuf {
    match map_path {
        Some(path) => path.with_extension("png"),
        None => std::env::current_dir().unwrap_or_default().join("map.png"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorId, ItemId, NodeId, SourceId, StanceId};

    #[test]
    fn selections_become_scene_items_without_sources() {
        let mut selection = Selection::default();
        selection.extend([
            ItemId::Actor(ActorId(1)),
            ItemId::Source(SourceId(2)),
            ItemId::Stance(StanceId(3)),
        ]);
        let ids = selected_scene_ids(&selection);
        assert_eq!(ids.len(), 2);
        assert!(ids.contains(&SceneId::Node(NodeId::Actor(ActorId(1)))));
    }

    #[test]
    fn pictures_are_named_after_the_map_file() {
        assert_eq!(
            suggested_path(Some(Path::new("/notes/call.ron"))),
            Path::new("/notes/call.png")
        );
        assert!(suggested_path(None).ends_with("map.png"));
    }
}
