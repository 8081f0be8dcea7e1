//! Edge geometry: curves that start and end at node borders, bend apart when several edges
//! join the same two nodes, and end in a head that shows the edge's kind.

use super::course::{Course, course_shapes};
use super::nodes::{NodeDrawing, border_point};
use super::shapes::{Align, LineStyle, Shape, point_along};
use super::style::Dash;
use super::text::{LINE_HEIGHT, text_width};
use eframe::egui::{Color32, Pos2, Rect, Vec2};

/// Sideways distance between neighbouring parallel edges, in map units.
pub const PARALLEL_SPACING: f32 = 22.0;

/// What an edge ends in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Head {
    /// A filled triangle: stances and supporting relations.
    Arrow,
    /// Two filled triangles, one behind the other: stances held strongly, so strength shows
    /// in greyscale and to colour-blind readers, not only as a thicker line.
    DoubleArrow,
    /// A triangle with a bar across the line: attacking relations.
    Tee,
}

/// The shapes of one edge from `from` to `to`, bent sideways by `bend` map units (positive
/// bends to the left of the direction of travel).
pub fn edge_shapes(
    from: &NodeDrawing,
    to: &NodeDrawing,
    bend: f32,
    stroke: LineStyle,
    head: Head,
) -> Vec<Shape> {
    let a = from.rect.center();
    let b = to.rect.center();
    let along = b - a;
    let normal = if along.length_sq() > 1e-6 {
        along.normalized().rot90() * -1.0
    } else {
        Vec2::new(0.0, -1.0)
    };
    let mid = a + along * 0.5 + normal * bend;
    let start = border_point(from.rect, from.outline, if bend == 0.0 { b } else { mid });
    let end = border_point(to.rect, to.outline, if bend == 0.0 { a } else { mid });
    let head_len = head_length(stroke.width);
    let span = end - start;
    let c1 = start + span / 3.0 + normal * bend * 0.75;
    let c2 = start + span * (2.0 / 3.0) + normal * bend * 0.75;
    let dir = (end - c2).normalized();
    let dir = if dir.x.is_finite() && dir.y.is_finite() {
        dir
    } else {
        Vec2::X
    };
    // Stop the line where the head begins so it does not poke through the tip.
    let line_end = end - dir * head_len * head_depth(head);
    let mut shapes = vec![Shape::Curve {
        points: [start, c1, c2, line_end],
        stroke,
    }];
    shapes.extend(head_shapes(end, dir, head_len, stroke, head));
    shapes
}

/// The count on an edge drawn for several stances (see `merge`): "×N" in a small rounded box
/// on the middle of the line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CountBadge {
    /// How many stances the edge stands for.
    pub count: usize,
    /// The box's fill: the background, so the line does not run through the text.
    pub fill: Color32,
    /// The text's colour.
    pub text: Color32,
}

/// Font size of a count badge, in map units.
const COUNT_SIZE: f32 = 10.0;

/// The text of a count badge.
pub fn count_text(count: usize) -> String {
    format!("×{count}")
}

/// The shapes of an edge along `course` (see [`course_shapes`]), with its count badge, if it
/// has one, halfway along its line.
pub fn counted_edge_shapes(
    from: &NodeDrawing,
    to: &NodeDrawing,
    course: &Course,
    (stroke, head): (LineStyle, Head),
    badge: Option<CountBadge>,
) -> Vec<Shape> {
    let mut shapes = course_shapes(from, to, course, stroke, head);
    if let Some(badge) = badge
        && let Some(middle) = point_along(&shapes, 0.5)
    {
        shapes.extend(count_badge_shapes(middle, badge, stroke.colour));
    }
    shapes
}

/// A count badge centred on `at`, outlined in the line's colour.
fn count_badge_shapes(at: Pos2, badge: CountBadge, line: Color32) -> [Shape; 2] {
    let look = BadgeLook {
        size: COUNT_SIZE,
        pill: false,
        fill: badge.fill,
        text: badge.text,
        outline: line,
    };
    badge_shapes(at, count_text(badge.count), look).1
}

/// How a small box of bold text on a line looks: a count on an edge, or the number of a
/// stance in an exported picture.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BadgeLook {
    /// Font size, in map units.
    pub size: f32,
    /// Round ends (a pill) rather than slightly rounded corners.
    pub pill: bool,
    /// The box's fill.
    pub fill: Color32,
    /// The text's colour.
    pub text: Color32,
    /// The outline's colour (drawn opaque).
    pub outline: Color32,
}

/// A small box of bold text centred on `at`: its box and its shapes (box, then text).
pub fn badge_shapes(at: Pos2, text: String, look: BadgeLook) -> (Rect, [Shape; 2]) {
    let height = look.size * LINE_HEIGHT + 2.0;
    let width = (text_width(&text, look.size) + 8.0).max(height);
    let rect = Rect::from_center_size(at, Vec2::new(width, height));
    let shapes = [
        Shape::Rect {
            rect,
            radius: if look.pill { height / 2.0 } else { 3.0 },
            fill: look.fill,
            stroke: LineStyle::solid(1.25, look.outline.to_opaque()),
        },
        Shape::Text {
            anchor: Pos2::new(at.x, at.y - look.size * LINE_HEIGHT / 2.0),
            align: Align::Center,
            text,
            size: look.size,
            colour: look.text,
            bold: true,
        },
    ];
    (rect, shapes)
}

/// Length of an edge head for a line of the given width.
pub fn head_length(width: f32) -> f32 {
    8.0 + 2.5 * width
}

/// How far back from the tip the line stops, in head lengths.
pub fn head_depth(head: Head) -> f32 {
    match head {
        Head::Arrow | Head::Tee => 0.9,
        Head::DoubleArrow => 0.9 + DOUBLE_GAP,
    }
}

/// How far behind the first triangle of a double head the second one sits, in head lengths.
const DOUBLE_GAP: f32 = 0.75;

/// The head of an edge whose tip is at `tip`, pointing along the unit vector `dir`.
pub fn head_shapes(tip: Pos2, dir: Vec2, len: f32, stroke: LineStyle, head: Head) -> Vec<Shape> {
    let side = dir.rot90() * (len * 0.45);
    let back = tip - dir * len;
    let triangle = Shape::Polygon {
        points: vec![tip, back + side, back - side],
        fill: stroke.colour,
        stroke: LineStyle::NONE,
    };
    match head {
        Head::Arrow => vec![triangle],
        Head::DoubleArrow => {
            let behind = dir * (len * DOUBLE_GAP);
            let second = Shape::Polygon {
                points: vec![tip - behind, back + side - behind, back - side - behind],
                fill: stroke.colour,
                stroke: LineStyle::NONE,
            };
            vec![triangle, second]
        }
        Head::Tee => {
            let bar_at = back - dir * (len * 0.35);
            let bar = side * 1.35;
            vec![
                triangle,
                Shape::Polyline {
                    points: vec![bar_at + bar, bar_at - bar],
                    stroke: LineStyle {
                        width: stroke.width.max(2.0),
                        dash: Dash::Solid,
                        ..stroke
                    },
                },
            ]
        }
    }
}

/// The bend of each of `count` edges between the same two nodes, all measured in one
/// direction: 0 for a lone edge, then spread evenly on both sides.
pub fn parallel_bends(count: usize) -> Vec<f32> {
    if count <= 1 {
        return vec![0.0; count];
    }
    let middle = (count as f32 - 1.0) / 2.0;
    (0..count)
        .map(|i| (i as f32 - middle) * PARALLEL_SPACING)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::egui::Color32;

    fn node(x: f32, y: f32) -> NodeDrawing {
        super::super::nodes::test_node(x, y)
    }

    #[test]
    fn straight_edges_end_at_borders_with_a_head_at_the_target() {
        let shapes = edge_shapes(
            &node(0.0, 0.0),
            &node(300.0, 0.0),
            0.0,
            LineStyle::solid(2.0, Color32::BLUE),
            Head::Arrow,
        );
        let Shape::Curve { points, .. } = &shapes[0] else {
            panic!("first shape is the line")
        };
        assert_eq!(points[0], Pos2::new(50.0, 0.0));
        let Shape::Polygon { points: tri, .. } = &shapes[1] else {
            panic!("second shape is the head")
        };
        assert_eq!(tri[0], Pos2::new(250.0, 0.0));
        assert!(points[3].x < 250.0);
    }

    #[test]
    fn opposite_edges_bend_to_different_sides() {
        let (a, b) = (node(0.0, 0.0), node(300.0, 0.0));
        let style = LineStyle::solid(2.0, Color32::BLUE);
        let there = edge_shapes(&a, &b, 20.0, style, Head::Arrow);
        let back = edge_shapes(&b, &a, 20.0, style, Head::Arrow);
        let mid_y = |shapes: &[Shape]| match &shapes[0] {
            Shape::Curve { points, .. } => super::super::shapes::bezier_point(points, 0.5).y,
            _ => panic!(),
        };
        assert!(mid_y(&there) * mid_y(&back) < 0.0);
    }

    #[test]
    fn a_counted_edge_carries_its_count_in_a_box_on_its_middle() {
        let (a, b) = (node(0.0, 0.0), node(300.0, 0.0));
        let style = LineStyle::solid(2.0, Color32::BLUE);
        let plain = counted_edge_shapes(&a, &b, &Course::Arc(0.0), (style, Head::Arrow), None);
        assert_eq!(plain, edge_shapes(&a, &b, 0.0, style, Head::Arrow));
        let badge = CountBadge {
            count: 3,
            fill: Color32::WHITE,
            text: Color32::BLACK,
        };
        let counted =
            counted_edge_shapes(&a, &b, &Course::Arc(0.0), (style, Head::Arrow), Some(badge));
        assert_eq!(counted.len(), plain.len() + 2);
        let Some(Shape::Rect { rect, .. }) = counted.get(plain.len()) else {
            panic!("the badge's box follows the edge")
        };
        assert!(rect.contains(Pos2::new(150.0, 0.0)));
        assert!(matches!(counted.last(), Some(Shape::Text { text, .. }) if text == "×3"));
    }

    #[test]
    fn bends_spread_symmetrically() {
        assert_eq!(parallel_bends(1), [0.0]);
        assert_eq!(parallel_bends(2), [-11.0, 11.0]);
        assert_eq!(parallel_bends(3), [-22.0, 0.0, 22.0]);
    }
}
