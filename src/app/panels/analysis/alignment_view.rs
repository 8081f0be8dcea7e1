//! The actor alignment view: who agrees and who disagrees with whom, drawn as a small network
//! (actors round a circle, grouped by camp; blue lines for agreement, orange dashed lines for
//! conflict, thicker for more) and listed as a table. The claims counted and the date range
//! can be narrowed, and everything is recomputed at once.

use super::colours::{alignment_colour, style_for};
use crate::analysis::{Alignment, PairAlignment, StanceScope, alignment};
use crate::app::requests::Requests;
use crate::app::selection::Selection;
use crate::app::windows::date_field::{date_range_fields, parse_date_field};
use crate::model::{Actor, ActorId, ClaimId, ItemId, Map};
use crate::scene::{Style, camp_colours};
use eframe::egui::{self, Align2, FontId, Rect, Sense, Stroke, Vec2, WidgetInfo};
use std::collections::BTreeSet;

/// Height of the network drawing, at most.
const NETWORK_HEIGHT: f32 = 340.0;

/// The alignment view's state.
#[derive(Debug, Default)]
pub struct AlignmentView {
    /// Only these claims count (all when `None`).
    claims: Option<BTreeSet<ClaimId>>,
    from: String,
    to: String,
    cache: Option<(u64, StanceScope, Alignment)>,
}

impl AlignmentView {
    /// The stances that count now, or why the date fields cannot be read.
    fn scope(&self) -> Result<StanceScope, String> {
        Ok(StanceScope {
            claims: self.claims.clone(),
            from: parse_date_field(&self.from)?,
            to: parse_date_field(&self.to)?,
        })
    }

    /// Draws the view; clicks on actors and pairs become selection `requests`.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        (map, generation): (&Map, u64),
        selection: &Selection,
        requests: &mut Requests,
    ) {
        self.scope_controls(ui, map, selection);
        let scope = match self.scope() {
            Ok(scope) => scope,
            Err(message) => {
                ui.colored_label(ui.visuals().error_fg_color, message);
                StanceScope {
                    claims: self.claims.clone(),
                    ..StanceScope::all()
                }
            }
        };
        let fresh = matches!(&self.cache, Some((g, s, _)) if *g == generation && *s == scope);
        if !fresh {
            self.cache = Some((generation, scope.clone(), alignment(map, &scope)));
        }
        let Some((_, _, result)) = &self.cache else {
            return;
        };
        let style = style_for(ui);
        egui::ScrollArea::both()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if result.pairs.is_empty() {
                    ui.label("No two actors take positions on the same claim here.");
                    return;
                }
                network(ui, map, result, &style, (selection, requests));
                ui.add_space(8.0);
                table(ui, map, result, &style, (selection, requests));
            });
    }

    fn scope_controls(&mut self, ui: &mut egui::Ui, map: &Map, selection: &Selection) {
        ui.horizontal_wrapped(|ui| {
            let counted = self
                .claims
                .as_ref()
                .map_or(map.claims().len(), BTreeSet::len);
            ui.label(format!(
                "Claims counted: {counted} of {}",
                map.claims().len()
            ));
            let chosen: BTreeSet<ClaimId> = selection
                .items()
                .filter_map(|i| match i {
                    ItemId::Claim(c) => Some(c),
                    _ => None,
                })
                .collect();
            if ui
                .add_enabled(
                    !chosen.is_empty(),
                    egui::Button::new("Only selected claims"),
                )
                .on_hover_text("Count only the claims selected on the canvas or in the lists")
                .clicked()
            {
                self.claims = Some(chosen);
            }
            if ui
                .add_enabled(self.claims.is_some(), egui::Button::new("All claims"))
                .clicked()
            {
                self.claims = None;
            }
        });
        egui::CollapsingHeader::new("Choose claims")
            .id_salt("alignment claims")
            .show(ui, |ui| {
                for claim in map.claims() {
                    let mut on = self.claims.as_ref().is_none_or(|c| c.contains(&claim.id));
                    if ui.checkbox(&mut on, &claim.label).changed() {
                        let set = self
                            .claims
                            .get_or_insert_with(|| map.claims().map(|c| c.id).collect());
                        if on {
                            set.insert(claim.id);
                        } else {
                            set.remove(&claim.id);
                        }
                    }
                }
            });
        date_range_fields(
            ui,
            (&mut self.from, &mut self.to),
            Some(
                "Count only stances dated on or after this day (a stance without a date takes \
                 its source's)",
            ),
        );
    }
}

/// The actors in the alignment, grouped by camp (camps in order of first appearance).
fn actors_in_order(map: &Map, result: &Alignment) -> Vec<ActorId> {
    let mut camps: Vec<Option<&str>> = Vec::new();
    for camp in map.actors().map(Actor::camp_name) {
        if !camps.contains(&camp) {
            camps.push(camp);
        }
    }
    let mut actors: Vec<ActorId> = result.activity.keys().copied().collect();
    actors.sort_by_key(|&a| {
        let camp = map.actor(a).and_then(Actor::camp_name);
        (camps.iter().position(|c| *c == camp), a)
    });
    actors
}

fn network(
    ui: &mut egui::Ui,
    map: &Map,
    result: &Alignment,
    style: &Style,
    (selection, requests): (&Selection, &mut Requests),
) {
    // An ellipse wider than tall leaves room for names on either side.
    let width = ui.available_width().max(200.0);
    let height = NETWORK_HEIGHT.min(width);
    let (area, _) = ui.allocate_exact_size(Vec2::new(width, height), Sense::hover());
    let painter = ui.painter_at(area);
    painter.rect_filled(area, 4.0, ui.visuals().extreme_bg_color);
    let actors = actors_in_order(map, result);
    let centre = area.center();
    let radii = Vec2::new(width / 2.0 - 100.0, height / 2.0 - 30.0).max(Vec2::splat(20.0));
    let place = |k: usize| {
        let angle = std::f32::consts::TAU * k as f32 / actors.len().max(1) as f32
            - std::f32::consts::FRAC_PI_2;
        centre + Vec2::angled(angle) * radii
    };
    let at = |a: ActorId| actors.iter().position(|&x| x == a).map(place);
    for pair in &result.pairs {
        let (Some(p), Some(q)) = (at(pair.a), at(pair.b)) else {
            continue;
        };
        let net = pair.net();
        if net == 0.0 {
            continue;
        }
        let stroke = Stroke::new(1.0 + 5.0 * net.abs(), alignment_colour(style, net));
        if net > 0.0 {
            painter.line_segment([p, q], stroke);
        } else {
            painter.extend(egui::Shape::dashed_line(&[p, q], stroke, 6.0, 4.0));
        }
    }
    let camps = camp_colours(map, style);
    for (k, &actor) in actors.iter().enumerate() {
        let Some(a) = map.actor(actor) else {
            continue;
        };
        let p = place(k);
        let colour = crate::scene::actor_colour(a, &camps, style);
        let hit = Rect::from_center_size(p, Vec2::splat(16.0));
        let response = ui.interact(
            hit,
            ui.scope_id().with(("aligned actor", actor)),
            Sense::click(),
        );
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &a.name));
        let selected = selection.contains(actor.into());
        painter.circle(
            p,
            if selected { 8.0 } else { 6.0 },
            colour,
            Stroke::new(1.5, ui.visuals().strong_text_color()),
        );
        // Names sit outside the circle, pointing away from its middle.
        let out = ((p - centre) / radii).normalized();
        let anchor = if out.x > 0.3 {
            Align2::LEFT_CENTER
        } else if out.x < -0.3 {
            Align2::RIGHT_CENTER
        } else if out.y < 0.0 {
            Align2::CENTER_BOTTOM
        } else {
            Align2::CENTER_TOP
        };
        // Names above and below the circle alternate between two distances, so neighbours'
        // names do not run into each other.
        let vertical = matches!(anchor, Align2::CENTER_TOP | Align2::CENTER_BOTTOM);
        let distance = if vertical && k % 2 == 1 { 24.0 } else { 11.0 };
        painter.text(
            p + out * distance,
            anchor,
            short_name(&a.name),
            FontId::proportional(11.0),
            ui.visuals().text_color(),
        );
        if response.on_hover_text(&a.name).clicked() {
            requests.select(vec![actor.into()]);
        }
    }
}

/// A name cut to fit beside the network.
fn short_name(name: &str) -> String {
    const MAX: usize = 18;
    if name.chars().count() <= MAX {
        name.to_owned()
    } else {
        let cut: String = name.chars().take(MAX - 1).collect();
        format!("{cut}…")
    }
}

fn table(
    ui: &mut egui::Ui,
    map: &Map,
    result: &Alignment,
    style: &Style,
    (selection, requests): (&Selection, &mut Requests),
) {
    let mut pairs: Vec<&PairAlignment> = result.pairs.iter().collect();
    pairs.sort_by(|x, y| {
        y.net()
            .total_cmp(&x.net())
            .then(y.shared.cmp(&x.shared))
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    let name = |a: ActorId| map.actor(a).map_or("?", |x| x.name.as_str());
    egui::Grid::new("alignment table")
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            for heading in ["Actors", "Shared", "Agree", "Conflict", "Net"] {
                ui.strong(heading);
            }
            ui.end_row();
            for pair in pairs {
                let both = [ItemId::from(pair.a), ItemId::from(pair.b)];
                let selected = both.iter().all(|i| selection.contains(*i));
                let label = format!("{} – {}", name(pair.a), name(pair.b));
                if ui.selectable_label(selected, label).clicked() {
                    requests.select(both.to_vec());
                }
                ui.label(pair.shared.to_string());
                ui.label(format!("{:.2}", pair.congruence_normalised));
                ui.label(format!("{:.2}", pair.conflict_normalised));
                let net = pair.net();
                let colour = if net == 0.0 {
                    ui.visuals().text_color()
                } else {
                    alignment_colour(style, net)
                };
                ui.colored_label(colour, format!("{net:+.2}"));
                ui.end_row();
            }
        });
}
