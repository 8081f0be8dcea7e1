//! Which way an edge runs between its nodes: one arc (straight, or bent aside), or a line
//! through waypoints with rounded corners, for edges that must wind between boxes no arc
//! clears (see [`super::waypoints`]).

use super::edges::{Head, edge_shapes, head_depth, head_length, head_shapes};
use super::nodes::{NodeDrawing, border_point};
use super::shapes::{LineStyle, Shape};
use eframe::egui::{Pos2, Vec2};
use std::sync::Arc;

/// The way an edge runs from its start node to its end node.
#[derive(Debug, Clone, PartialEq)]
pub enum Course {
    /// One curve bent sideways by this many map units (0: a straight line; positive bends to
    /// the left of the direction of travel).
    Arc(f32),
    /// A line through these points, in order, its corners rounded off by at most `radius`
    /// map units. The line leaves the start node's border toward the first point and meets
    /// the end node's border coming from the last.
    Through {
        /// The waypoints, in map units.
        points: Arc<[Pos2]>,
        /// The largest corner rounding, in map units (0: sharp corners).
        radius: f32,
    },
}

impl Default for Course {
    fn default() -> Self {
        Course::Arc(0.0)
    }
}

impl Course {
    /// The bend of an arc; 0 for a line through waypoints.
    pub fn bend(&self) -> f32 {
        match self {
            Course::Arc(bend) => *bend,
            Course::Through { .. } => 0.0,
        }
    }
}

/// The shapes of one edge from `from` to `to` along `course`: its line (one curve, or one per
/// straight stretch and rounded corner) and its head.
pub fn course_shapes(
    from: &NodeDrawing,
    to: &NodeDrawing,
    course: &Course,
    stroke: LineStyle,
    head: Head,
) -> Vec<Shape> {
    let (points, radius) = match course {
        Course::Arc(bend) => return edge_shapes(from, to, *bend, stroke, head),
        Course::Through { points, radius } => (points, *radius),
    };
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return edge_shapes(from, to, 0.0, stroke, head);
    };
    let start = border_point(from.rect, from.outline, *first);
    let end = border_point(to.rect, to.outline, *last);
    let dir = unit(end - *last);
    let head_len = head_length(stroke.width);
    // Stop the line where the head begins, as a single arc does.
    let line_end = end - dir * head_len * head_depth(head);
    let mut line: Vec<Pos2> = Vec::with_capacity(points.len() + 2);
    line.push(start);
    line.extend(points.iter().copied());
    line.push(line_end);
    let mut shapes: Vec<Shape> = rounded_line(&line, radius)
        .into_iter()
        .map(|points| Shape::Curve { points, stroke })
        .collect();
    shapes.extend(head_shapes(end, dir, head_len, stroke, head));
    shapes
}

/// The unit vector along `v`, or along x when `v` has no length.
fn unit(v: Vec2) -> Vec2 {
    let n = v.normalized();
    if n.x.is_finite() && n.y.is_finite() {
        n
    } else {
        Vec2::X
    }
}

/// The cubic curves of the polyline through `points` with each corner replaced by a curve
/// that starts and ends up to `radius` before and after it (less on short stretches).
/// Straight stretches are curves with their control points on the line.
pub fn rounded_line(points: &[Pos2], radius: f32) -> Vec<[Pos2; 4]> {
    let straight = |a: Pos2, b: Pos2| [a, a + (b - a) / 3.0, a + (b - a) * (2.0 / 3.0), b];
    let mut curves = Vec::with_capacity(points.len() * 2);
    let Some(&first) = points.first() else {
        return curves;
    };
    let mut cursor = first;
    for corner in points.windows(3) {
        let &[before, at, after] = corner else {
            continue;
        };
        let (into, out) = (at - before, after - at);
        let r = radius
            .min(into.length() / 2.0)
            .min(out.length() / 2.0)
            .max(0.0);
        let (a, b) = (at - unit(into) * r, at + unit(out) * r);
        if a != cursor {
            curves.push(straight(cursor, a));
        }
        if r > 0.0 {
            // A quadratic curve with its control point on the corner, as a cubic.
            curves.push([a, a + (at - a) * (2.0 / 3.0), b + (at - b) * (2.0 / 3.0), b]);
        }
        cursor = b;
    }
    if let Some(&last) = points.last()
        && (last != cursor || curves.is_empty())
    {
        curves.push(straight(cursor, last));
    }
    curves
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::shapes::{bezier_point, curves};
    use eframe::egui::Color32;

    fn node(x: f32, y: f32) -> NodeDrawing {
        super::super::nodes::test_node(x, y)
    }

    #[test]
    fn a_rounded_line_joins_up_and_keeps_near_its_corners() {
        let points = [
            Pos2::new(0.0, 0.0),
            Pos2::new(100.0, 0.0),
            Pos2::new(100.0, 100.0),
        ];
        let curves = rounded_line(&points, 10.0);
        // Straight, corner, straight.
        assert_eq!(curves.len(), 3);
        assert_eq!(curves[0][0], points[0]);
        assert_eq!(curves[2][3], points[2]);
        for pair in curves.windows(2) {
            assert_eq!(pair[0][3], pair[1][0], "the pieces join");
        }
        // The corner is cut by a few units, not more.
        let middle = bezier_point(&curves[1], 0.5);
        let cut = (Pos2::new(100.0, 0.0) - middle).length();
        assert!(cut > 1.0 && cut < 5.0, "{cut}");
        // No rounding: two straight pieces meeting at the corner.
        let sharp = rounded_line(&points, 0.0);
        assert_eq!(sharp.len(), 2);
        assert_eq!(sharp[0][3], Pos2::new(100.0, 0.0));
    }

    #[test]
    fn an_edge_through_waypoints_leaves_and_meets_the_borders_toward_them() {
        let (a, b) = (node(0.0, 0.0), node(400.0, 0.0));
        let course = Course::Through {
            points: Arc::from([Pos2::new(0.0, 100.0), Pos2::new(400.0, 100.0)]),
            radius: 12.0,
        };
        let stroke = LineStyle::solid(2.0, Color32::BLUE);
        let shapes = course_shapes(&a, &b, &course, stroke, Head::Arrow);
        let line: Vec<_> = curves(&shapes).collect();
        assert!(line.len() >= 3);
        // Leaves the start box downward, from its bottom border (the test box is 100 × 40).
        assert_eq!(line[0].0[0], Pos2::new(0.0, 20.0));
        // The head's tip is on the end box's bottom border, pointing up.
        let tip = shapes.iter().find_map(|s| match s {
            Shape::Polygon { points, .. } => points.first().copied(),
            _ => None,
        });
        assert_eq!(tip, Some(Pos2::new(400.0, 20.0)));
        // An arc is drawn as before.
        assert_eq!(
            course_shapes(&a, &b, &Course::Arc(30.0), stroke, Head::Arrow),
            edge_shapes(&a, &b, 30.0, stroke, Head::Arrow)
        );
    }
}
