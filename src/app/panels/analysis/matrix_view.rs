//! The stance matrix view: actors down the side, grouped under their camps, claims across the
//! top (their labels turned upright to save room), one coloured square per position. Clicking
//! a square selects the stance behind it, clicking a name selects the actor or claim; the
//! columns sort by how contested a claim is; the whole matrix copies or saves as CSV.

use super::colours::{cell_fill, style_for};
use crate::analysis::{ColumnOrder, MatrixColumn, StanceMatrix, StanceScope};
use crate::app::requests::{Requests, TextSave};
use crate::app::selection::Selection;
use crate::app::windows::dialogs::FileRequest;
use crate::counts::counted;
use crate::model::{ItemId, Map, Stance, StanceId};
use crate::scene::{Style, camp_colour, camp_colours};
use eframe::egui::{
    self, Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, StrokeKind, Vec2, WidgetInfo,
    epaint::TextShape, text::LayoutJob,
};

/// Width of the actor names.
const NAME_WIDTH: f32 = 150.0;
/// Side of a cell.
const CELL: f32 = 20.0;
/// Height of the turned claim labels.
const HEADER_HEIGHT: f32 = 150.0;
/// Height of a camp's heading row.
const CAMP_ROW: f32 = 20.0;

/// The matrix view's state.
#[derive(Debug, Default)]
pub struct MatrixView {
    order: ColumnOrder,
    cache: Option<(u64, ColumnOrder, StanceMatrix)>,
}

/// The accessible name of a cell, e.g. "Vladimir Putin on “Red lines”: strongly supports".
pub fn cell_label(map: &Map, actor: &str, column: &MatrixColumn, stances: &[ItemId]) -> String {
    let mut positions: Vec<&str> = stances
        .iter()
        .filter_map(|item| match item {
            ItemId::Stance(s) => map.stance(*s).map(|s| s.position.label()),
            _ => None,
        })
        .collect();
    positions.dedup();
    format!("{actor} on “{}”: {}", column.label, positions.join(", "))
}

/// The quotes behind a cell, one per line; each names its position only when the cell holds
/// more than one (the cell's name already says it otherwise).
fn cell_quotes(map: &Map, stances: &[StanceId]) -> String {
    let held: Vec<&Stance> = stances.iter().filter_map(|&s| map.stance(s)).collect();
    let mixed = held
        .windows(2)
        .any(|pair| matches!(pair, [a, b] if a.position != b.position));
    held.iter()
        .map(|s| {
            let quote = s.translation.as_deref().unwrap_or(&s.quote);
            let quote = if quote.trim().is_empty() {
                "(no quote)".to_owned()
            } else {
                format!("“{quote}”")
            };
            if mixed {
                format!("{}: {quote}", s.position.label())
            } else {
                quote
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

impl MatrixView {
    fn matrix(&mut self, map: &Map, generation: u64) -> &StanceMatrix {
        let fresh = matches!(&self.cache, Some((g, o, _)) if *g == generation && *o == self.order);
        if !fresh {
            self.cache = None;
        }
        let order = self.order;
        let (_, _, matrix) = self.cache.get_or_insert_with(|| {
            (
                generation,
                order,
                StanceMatrix::build(map, &StanceScope::all(), order),
            )
        });
        matrix
    }

    /// Draws the view; clicks, copies and saves become `requests`.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        (map, generation): (&Map, u64),
        selection: &Selection,
        requests: &mut Requests,
    ) {
        ui.horizontal(|ui| {
            egui::ComboBox::from_label("claim order")
                .selected_text(self.order.label())
                .show_ui(ui, |ui| {
                    for order in ColumnOrder::ALL {
                        ui.selectable_value(&mut self.order, order, order.label());
                    }
                });
            if ui
                .button("Copy CSV")
                .on_hover_text("Copy the matrix as CSV, to paste into a spreadsheet")
                .clicked()
            {
                let csv = self.matrix(map, generation).to_csv(map);
                ui.ctx().copy_text(csv);
                requests.status("Copied the stance matrix as CSV");
            }
            if ui
                .button("Save CSV…")
                .on_hover_text("Save the matrix as a CSV file")
                .clicked()
            {
                let csv = self.matrix(map, generation).to_csv(map);
                let name = if map.title().is_empty() {
                    "stance-matrix.csv".to_owned()
                } else {
                    format!("{} — stance matrix.csv", map.title())
                };
                requests.save_text(TextSave {
                    dialog: FileRequest::save(
                        "Save the stance matrix as CSV",
                        "CSV table",
                        &["csv"],
                    )
                    .with_file_name(name),
                    text: csv,
                    what: "the stance matrix".to_owned(),
                });
            }
        });
        let style = style_for(ui);
        let camps = camp_colours(map, &style);
        let matrix = self.matrix(map, generation).clone();
        egui::ScrollArea::both()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                draw_matrix(ui, map, &matrix, &style, &camps, (selection, requests));
            });
    }
}

fn draw_matrix(
    ui: &mut egui::Ui,
    map: &Map,
    matrix: &StanceMatrix,
    style: &Style,
    camps: &[(String, Color32)],
    (selection, requests): (&Selection, &mut Requests),
) {
    let groups = matrix.camp_groups();
    let width = NAME_WIDTH + matrix.columns.len() as f32 * CELL + 8.0;
    let height =
        HEADER_HEIGHT + groups.len() as f32 * CAMP_ROW + matrix.rows.len() as f32 * CELL + 8.0;
    let (area, _) = ui.allocate_exact_size(Vec2::new(width, height), Sense::hover());
    let painter = ui.painter_at(area);
    let visuals = ui.visuals().clone();
    let text_colour = visuals.text_color();
    let font = FontId::proportional(12.0);
    let left = area.left() + NAME_WIDTH;

    // Claim labels, turned to read upwards, each a click target that selects the claim.
    for (j, column) in matrix.columns.iter().enumerate() {
        let x = left + j as f32 * CELL;
        let rect = Rect::from_min_size(Pos2::new(x, area.top()), Vec2::new(CELL, HEADER_HEIGHT));
        let id = ui.scope_id().with(("claim", column.claim));
        let response = ui.interact(rect, id, Sense::click());
        let label = format!("Claim “{}”", column.label);
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
        let selected = selection.contains(column.claim.into());
        if response.hovered() || selected {
            painter.rect_filled(rect, 2.0, visuals.widgets.hovered.weak_bg_fill);
        }
        let galley = one_line(
            &painter,
            &column.label,
            &font,
            text_colour,
            HEADER_HEIGHT - 8.0,
        );
        let h = galley.size().y;
        let pos = Pos2::new(x + CELL / 2.0 - h / 2.0, area.top() + HEADER_HEIGHT - 4.0);
        painter
            .add(TextShape::new(pos, galley, text_colour).with_angle(-std::f32::consts::FRAC_PI_2));
        let counts = format!(
            "{}\n{} for, {} against, {} neutral — {}",
            column.label,
            column.supporters,
            column.opponents,
            column.neutral,
            counted(
                column.disagreeing_pairs(),
                "disagreeing pair",
                "disagreeing pairs"
            ),
        );
        if response.on_hover_text(counts).clicked() {
            requests.select(vec![column.claim.into()]);
        }
    }

    let mut y = area.top() + HEADER_HEIGHT;
    for (camp, range) in groups {
        // The camp's heading, in the camp's colour.
        let colour = camp_colour(camp.as_deref(), camps, style);
        let swatch = Rect::from_min_size(Pos2::new(area.left(), y + 5.0), Vec2::splat(10.0));
        painter.rect_filled(swatch, 2.0, colour);
        painter.text(
            Pos2::new(area.left() + 16.0, y + CAMP_ROW / 2.0),
            Align2::LEFT_CENTER,
            camp.as_deref().unwrap_or("no camp"),
            FontId::proportional(12.5),
            visuals.strong_text_color(),
        );
        painter.line_segment(
            [
                Pos2::new(left, y + CAMP_ROW - 1.0),
                Pos2::new(area.right(), y + CAMP_ROW - 1.0),
            ],
            Stroke::new(1.0, colour.gamma_multiply(0.5)),
        );
        y += CAMP_ROW;
        for row in matrix.rows.get(range).into_iter().flatten() {
            let name_rect =
                Rect::from_min_size(Pos2::new(area.left(), y), Vec2::new(NAME_WIDTH - 4.0, CELL));
            let id = ui.scope_id().with(("actor", row.actor));
            let response = ui.interact(name_rect, id, Sense::click());
            response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &row.name));
            let selected = selection.contains(row.actor.into());
            if response.hovered() || selected {
                painter.rect_filled(name_rect, 2.0, visuals.widgets.hovered.weak_bg_fill);
            }
            let galley = one_line(&painter, &row.name, &font, text_colour, NAME_WIDTH - 16.0);
            painter.galley(
                Pos2::new(area.left() + 10.0, y + (CELL - galley.size().y) / 2.0),
                galley,
                text_colour,
            );
            if response.clicked() {
                requests.select(vec![row.actor.into()]);
            }
            for (j, column) in matrix.columns.iter().enumerate() {
                let rect =
                    Rect::from_min_size(Pos2::new(left + j as f32 * CELL, y), Vec2::splat(CELL))
                        .shrink(1.5);
                let Some(held) = matrix.cell(row.actor, column.claim) else {
                    painter.rect_stroke(
                        rect.shrink(6.0),
                        1.0,
                        Stroke::new(1.0, visuals.weak_text_color().gamma_multiply(0.4)),
                        StrokeKind::Inside,
                    );
                    continue;
                };
                let stances: Vec<ItemId> = held.stances.iter().map(|&s| s.into()).collect();
                let id = ui.scope_id().with(("cell", row.actor, column.claim));
                let response = ui.interact(rect, id, Sense::click());
                let label = cell_label(map, &row.name, column, &stances);
                response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
                paint_cell(&painter, rect, style, held);
                let selected = stances.iter().any(|s| selection.contains(*s));
                if selected || response.hovered() {
                    painter.rect_stroke(
                        rect.expand(1.0),
                        2.0,
                        Stroke::new(2.0, visuals.strong_text_color()),
                        StrokeKind::Outside,
                    );
                }
                let tip = format!("{label}\n{}", cell_quotes(map, &held.stances));
                if response.on_hover_text(tip).clicked() {
                    requests.select(stances.clone());
                }
            }
            y += CELL;
        }
    }
}

/// A cell: the position's colour; split corner to corner when the actor's stances disagree.
fn paint_cell(painter: &egui::Painter, rect: Rect, style: &Style, held: &crate::analysis::Held) {
    if held.mixed {
        let support = style.stance_colour(crate::model::Polarity::Support);
        let oppose = style.stance_colour(crate::model::Polarity::Oppose);
        painter.add(egui::Shape::convex_polygon(
            vec![rect.left_top(), rect.right_top(), rect.left_bottom()],
            support,
            Stroke::NONE,
        ));
        painter.add(egui::Shape::convex_polygon(
            vec![rect.right_top(), rect.right_bottom(), rect.left_bottom()],
            oppose,
            Stroke::NONE,
        ));
    } else {
        painter.rect_filled(rect, 2.0, cell_fill(style, held));
    }
}

/// A label cut to one line of at most `max_width` points.
fn one_line(
    painter: &egui::Painter,
    text: &str,
    font: &FontId,
    colour: Color32,
    max_width: f32,
) -> std::sync::Arc<egui::Galley> {
    let mut job = LayoutJob::simple_singleline(text.to_owned(), font.clone(), colour);
    job.wrap.max_width = max_width;
    job.wrap.max_rows = 1;
    job.wrap.break_anywhere = true;
    painter.layout_job(job)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Position};
    use crate::testing::MapBuilder;

    #[test]
    fn a_cell_tooltip_names_positions_only_when_they_differ() {
        let (map, _) = MapBuilder::new()
            .actor("Putin", "Russia")
            .claim("Red lines")
            .stance_with("Putin", "Red lines", Position::Supports, "紅線", None, None)
            .stance_with(
                "Putin",
                "Red lines",
                Position::Supports,
                "",
                None,
                Some(Date::constant(2021, 12, 8)),
            )
            .build();
        let same: Vec<StanceId> = map.stances().map(|s| s.id).collect();
        assert_eq!(cell_quotes(&map, &same), "“紅線”\n(no quote)");

        let (map, _) = MapBuilder::new()
            .actor("Putin", "Russia")
            .claim("Red lines")
            .stance_with("Putin", "Red lines", Position::Supports, "yes", None, None)
            .stance_with(
                "Putin",
                "Red lines",
                Position::Opposes,
                "no",
                None,
                Some(Date::constant(2021, 12, 8)),
            )
            .build();
        let mixed: Vec<StanceId> = map.stances().map(|s| s.id).collect();
        assert_eq!(cell_quotes(&map, &mixed), "supports: “yes”\nopposes: “no”");
    }
}
