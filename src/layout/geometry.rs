//! Plain 2-D geometry for layouts: node boxes, segment intersection and segment–box tests.
//! Kept free of any UI types so layouts run anywhere (tests, benchmarks, worker threads).

use crate::model::Point;

/// Width and height of a node's box, in map units.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Size {
    /// Width.
    pub w: f32,
    /// Height.
    pub h: f32,
}

impl Size {
    /// A size from width and height.
    pub const fn new(w: f32, h: f32) -> Self {
        Size { w, h }
    }
}

/// An axis-aligned box given by its centre and size, as nodes are positioned.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NodeBox {
    /// The centre.
    pub centre: Point,
    /// The size.
    pub size: Size,
}

impl NodeBox {
    /// A box centred on `centre`.
    pub fn new(centre: Point, size: Size) -> Self {
        NodeBox { centre, size }
    }

    /// Left edge.
    pub fn left(&self) -> f32 {
        self.centre.x - self.size.w / 2.0
    }

    /// Right edge.
    pub fn right(&self) -> f32 {
        self.centre.x + self.size.w / 2.0
    }

    /// Top edge (y grows downwards).
    pub fn top(&self) -> f32 {
        self.centre.y - self.size.h / 2.0
    }

    /// Bottom edge.
    pub fn bottom(&self) -> f32 {
        self.centre.y + self.size.h / 2.0
    }

    /// Whether two boxes come closer than `gap` (a gap of 0 means they share area).
    pub fn too_close(&self, other: &NodeBox, gap: f32) -> bool {
        let (dx, dy) = self.shortfall(other, gap);
        dx > 0.0 && dy > 0.0
    }

    /// How far the boxes would have to move apart along x and along y to stand `gap` apart;
    /// both are positive exactly when the boxes are too close.
    pub fn shortfall(&self, other: &NodeBox, gap: f32) -> (f32, f32) {
        let need_x = (self.size.w + other.size.w) / 2.0 + gap;
        let need_y = (self.size.h + other.size.h) / 2.0 + gap;
        (
            need_x - (self.centre.x - other.centre.x).abs(),
            need_y - (self.centre.y - other.centre.y).abs(),
        )
    }

    /// Whether the segment `a`–`b` passes through the box shrunk by `inset` on every side.
    pub fn hit_by_segment(&self, a: Point, b: Point, inset: f32) -> bool {
        let (x0, x1) = (self.left() + inset, self.right() - inset);
        let (y0, y1) = (self.top() + inset, self.bottom() - inset);
        if x0 > x1 || y0 > y1 {
            return false;
        }
        clip_segment(a, b, Point::new(x0, y0), Point::new(x1, y1)).is_some()
    }
}

/// The part of the segment `a`–`b` inside the box from `min` to `max`, as the parameters
/// `(t0, t1)` (0 at `a`, 1 at `b`) where it enters and leaves; `None` when it misses the box.
/// Liang–Barsky clipping: the segment meets the box when the entry parameter does not exceed
/// the exit parameter.
pub fn clip_segment(a: Point, b: Point, min: Point, max: Point) -> Option<(f32, f32)> {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let mut t0 = 0.0_f32;
    let mut t1 = 1.0_f32;
    for (p, q) in [
        (-dx, a.x - min.x),
        (dx, max.x - a.x),
        (-dy, a.y - min.y),
        (dy, max.y - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let r = q / p;
            if p < 0.0 {
                t0 = t0.max(r);
            } else {
                t1 = t1.min(r);
            }
        }
    }
    (t0 <= t1).then_some((t0, t1))
}

/// Which side of the line `a`→`b` the point `c` lies on: 1 left, -1 right, 0 on the line.
fn orientation(a: Point, b: Point, c: Point) -> i8 {
    let cross =
        f64::from(b.x - a.x) * f64::from(c.y - a.y) - f64::from(b.y - a.y) * f64::from(c.x - a.x);
    // Relative tolerance: coordinates are f32, so products carry about 1e-7 relative error.
    let scale = f64::from(
        (b.x - a.x).abs().max((b.y - a.y).abs()) * (c.x - a.x).abs().max((c.y - a.y).abs()),
    );
    if cross.abs() <= scale * 1e-9 {
        0
    } else if cross > 0.0 {
        1
    } else {
        -1
    }
}

/// Whether `c`, known to be on the line through `a` and `b`, lies within the segment.
fn within(a: Point, b: Point, c: Point) -> bool {
    a.x.min(b.x) <= c.x && c.x <= a.x.max(b.x) && a.y.min(b.y) <= c.y && c.y <= a.y.max(b.y)
}

/// Where two segments meet, if they do: the crossing point, or for segments that overlap
/// along a line, the first point of the overlap. Touching counts as meeting.
pub fn segment_meeting(a: Point, b: Point, c: Point, d: Point) -> Option<Point> {
    let (o1, o2) = (orientation(c, d, a), orientation(c, d, b));
    let (o3, o4) = (orientation(a, b, c), orientation(a, b, d));
    if o1 * o2 < 0 && o3 * o4 < 0 {
        // A proper crossing: solve a + t (b - a) on the line c–d.
        let (rx, ry) = (f64::from(b.x - a.x), f64::from(b.y - a.y));
        let (sx, sy) = (f64::from(d.x - c.x), f64::from(d.y - c.y));
        let denom = rx * sy - ry * sx;
        let t = (f64::from(c.x - a.x) * sy - f64::from(c.y - a.y) * sx) / denom;
        return Some(Point::new(
            (f64::from(a.x) + t * rx) as f32,
            (f64::from(a.y) + t * ry) as f32,
        ));
    }
    // Touching or collinear: report the smallest shared endpoint, so that every counting
    // scheme names the same point for the same pair.
    let mut shared: Option<Point> = None;
    let mut consider = |p: Point| {
        let smaller = shared.is_none_or(|s| (p.x, p.y) < (s.x, s.y));
        if smaller {
            shared = Some(p);
        }
    };
    if o1 == 0 && within(c, d, a) {
        consider(a);
    }
    if o2 == 0 && within(c, d, b) {
        consider(b);
    }
    if o3 == 0 && within(a, b, c) {
        consider(c);
    }
    if o4 == 0 && within(a, b, d) {
        consider(d);
    }
    shared
}

/// Whether two segments meet (cross, touch or overlap).
pub fn segments_meet(a: Point, b: Point, c: Point, d: Point) -> bool {
    segment_meeting(a, b, c, d).is_some()
}

/// Distance between two points.
pub fn distance(a: Point, b: Point) -> f32 {
    (a.x - b.x).hypot(a.y - b.y)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: f32, y: f32) -> Point {
        Point::new(x, y)
    }

    #[test]
    fn crossing_segments_meet_at_their_crossing_point() {
        let m = segment_meeting(p(0.0, 0.0), p(10.0, 10.0), p(0.0, 10.0), p(10.0, 0.0));
        assert_eq!(m, Some(p(5.0, 5.0)));
    }

    #[test]
    fn parallel_and_distant_segments_do_not_meet() {
        assert!(!segments_meet(
            p(0.0, 0.0),
            p(10.0, 0.0),
            p(0.0, 1.0),
            p(10.0, 1.0)
        ));
        assert!(!segments_meet(
            p(0.0, 0.0),
            p(1.0, 1.0),
            p(5.0, 0.0),
            p(6.0, -3.0)
        ));
    }

    #[test]
    fn touching_and_overlapping_segments_meet() {
        // An end touching the middle of another segment.
        assert_eq!(
            segment_meeting(p(0.0, 0.0), p(10.0, 0.0), p(5.0, 0.0), p(5.0, 7.0)),
            Some(p(5.0, 0.0))
        );
        // Collinear overlap: the first point of the overlap.
        assert_eq!(
            segment_meeting(p(0.0, 0.0), p(0.0, 10.0), p(0.0, 4.0), p(0.0, 20.0)),
            Some(p(0.0, 4.0))
        );
        // Collinear but apart.
        assert!(!segments_meet(
            p(0.0, 0.0),
            p(0.0, 3.0),
            p(0.0, 4.0),
            p(0.0, 9.0)
        ));
    }

    #[test]
    fn boxes_know_when_they_are_too_close() {
        let a = NodeBox::new(p(0.0, 0.0), Size::new(100.0, 40.0));
        let b = NodeBox::new(p(110.0, 0.0), Size::new(100.0, 40.0));
        assert!(!a.too_close(&b, 0.0));
        assert!(a.too_close(&b, 20.0));
        let c = NodeBox::new(p(50.0, 39.0), Size::new(100.0, 40.0));
        assert!(a.too_close(&c, 0.0));
        assert!(!a.too_close(&c, -2.0));
    }

    #[test]
    fn segments_through_boxes_are_found() {
        let b = NodeBox::new(p(0.0, 0.0), Size::new(100.0, 40.0));
        assert!(b.hit_by_segment(p(-200.0, 0.0), p(200.0, 5.0), 2.0));
        assert!(!b.hit_by_segment(p(-200.0, 30.0), p(200.0, 30.0), 2.0));
        // Grazing the edge does not count once the box is shrunk a little.
        assert!(!b.hit_by_segment(p(-200.0, 20.0), p(200.0, 20.0), 2.0));
        assert!(b.hit_by_segment(p(-10.0, 0.0), p(10.0, 0.0), 2.0));
    }
}
