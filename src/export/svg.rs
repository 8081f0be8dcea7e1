//! Writing a picture as SVG: every scene shape becomes one element, text stays text (so it can
//! be selected and searched) with its font families named, and everything is escaped so any
//! label makes a well-formed file.

use super::picture::{Layer, Picture};
use crate::scene::{Align, LineStyle, Shape};
use eframe::egui::{Color32, Rect};
use std::fmt::{self, Write};

/// Where a text line's baseline sits below the top of its line, in multiples of the font
/// size: the middle of the line (0.65) plus about half the height of capitals and
/// ideographs, so text sits centred in the line the scene measured for it.
const BASELINE: f32 = 1.0;

/// Text is set at this share of the scene's font size. The scene sizes boxes with width
/// estimates for typical sans-serif fonts (the canvas's font is narrower still); DejaVu Sans,
/// the Latin font pictures name first, runs up to 6 % wider, which would push long labels
/// against their box borders.
const FONT_FIT: f32 = 0.94;

/// Shortest dash pattern drawn as dashes, in pixels per repeat.
const MIN_DASH_PERIOD: f32 = 3.0;

/// The picture as an SVG document.
pub fn to_svg(picture: &Picture<'_>) -> String {
    let mut out = String::with_capacity(
        4096 + 400 * picture.layers.iter().map(|l| l.items.len()).sum::<usize>(),
    );
    // Writing to a String cannot fail.
    let _ = write_svg(picture, None, &mut out);
    out
}

/// A band of pixel rows, `top..bottom`: only drawings that reach into it are written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rows {
    /// First row, in pixels.
    pub top: f32,
    /// One past the last row, in pixels.
    pub bottom: f32,
}

/// Writes the picture as SVG. With `rows`, drawings wholly outside those rows are left out
/// (the PNG renderer draws a large picture in bands this way); the document keeps the whole
/// picture's size and coordinates.
pub fn write_svg(picture: &Picture<'_>, rows: Option<Rows>, out: &mut impl Write) -> fmt::Result {
    let (w, h) = (picture.width, picture.height);
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family=""#
    )?;
    for (i, family) in picture.font_families.iter().enumerate() {
        if i > 0 {
            out.write_str(", ")?;
        }
        if family.contains(' ') {
            write!(out, "'{family}'")?;
        } else {
            out.write_str(family)?;
        }
    }
    out.write_str("\">\n<title>")?;
    escape(&picture.title, out)?;
    out.write_str("</title>\n")?;
    if let Some(background) = picture.background {
        write!(out, r#"<rect width="{w}" height="{h}""#)?;
        paint("fill", background, out)?;
        out.write_str("/>\n")?;
    }
    for (index, layer) in picture.layers.iter().enumerate() {
        write_layer(layer, index, rows, out)?;
    }
    out.write_str("</svg>\n")
}

fn write_layer(
    layer: &Layer<'_>,
    index: usize,
    rows: Option<Rows>,
    out: &mut impl Write,
) -> fmt::Result {
    let pad = 4.0 + 4.0 * layer.transform.scaling;
    let wanted = |bounds: Rect| {
        rows.is_none_or(|r| bounds.max.y + pad >= r.top && bounds.min.y - pad <= r.bottom)
    };
    let mut drawings = layer
        .items
        .iter()
        .filter(|d| wanted(layer.pixel_bounds(d)))
        .peekable();
    if drawings.peek().is_none() {
        return Ok(());
    }
    if let Some(clip) = layer.clip {
        write!(out, r#"<clipPath id="clip{index}"><rect"#)?;
        rect_attributes(clip, out)?;
        write!(
            out,
            r#"/></clipPath>
<g clip-path="url(#clip{index})">"#
        )?;
    }
    let t = layer.transform;
    // One pixel, in the layer's units.
    let thinnest = 1.0 / t.scaling.max(f32::EPSILON);
    write!(
        out,
        r#"<g transform="matrix({} 0 0 {} {} {})">"#,
        Num(t.scaling),
        Num(t.scaling),
        Num(t.translation.x),
        Num(t.translation.y)
    )?;
    out.write_char('\n')?;
    for drawing in drawings {
        for shape in drawing.shapes.iter() {
            write_shape(shape, thinnest, out)?;
        }
    }
    out.write_str("</g>\n")?;
    if layer.clip.is_some() {
        out.write_str("</g>\n")?;
    }
    Ok(())
}

/// Writes one scene shape as one SVG element. Lines thinner than `thinnest` are drawn that
/// wide and fainter in proportion, as the canvas (egui) draws lines thinner than a pixel;
/// it is also much faster to rasterise than a sub-pixel hairline.
pub fn write_shape(shape: &Shape, thinnest: f32, out: &mut impl Write) -> fmt::Result {
    match shape {
        Shape::Rect {
            rect,
            radius,
            fill,
            stroke,
        } => {
            out.write_str("<rect")?;
            rect_attributes(*rect, out)?;
            let radius = radius.min(rect.width() / 2.0).min(rect.height() / 2.0);
            if radius > 0.0 {
                write!(out, r#" rx="{}""#, Num(radius))?;
            }
            paint("fill", *fill, out)?;
            line(stroke, thinnest, out)?;
        }
        Shape::Ellipse {
            center,
            radius,
            fill,
            stroke,
        } => {
            write!(
                out,
                r#"<ellipse cx="{}" cy="{}" rx="{}" ry="{}""#,
                Num(center.x),
                Num(center.y),
                Num(radius.x),
                Num(radius.y)
            )?;
            paint("fill", *fill, out)?;
            line(stroke, thinnest, out)?;
        }
        Shape::Polygon {
            points,
            fill,
            stroke,
        } => {
            out.write_str("<polygon")?;
            point_list(points, out)?;
            paint("fill", *fill, out)?;
            line(stroke, thinnest, out)?;
        }
        Shape::Polyline { points, stroke } => {
            out.write_str("<polyline")?;
            point_list(points, out)?;
            out.write_str(r#" fill="none""#)?;
            line(stroke, thinnest, out)?;
        }
        Shape::Curve { points, stroke } if is_straight(points) => {
            // Straight edges are written as lines: the same drawing, and far cheaper to
            // rasterise than a cubic.
            let [a, _, _, d] = points;
            write!(
                out,
                r#"<path d="M{} {}L{} {}" fill="none""#,
                Num(a.x),
                Num(a.y),
                Num(d.x),
                Num(d.y)
            )?;
            line(stroke, thinnest, out)?;
        }
        Shape::Curve { points, stroke } => {
            let [a, b, c, d] = points;
            write!(
                out,
                r#"<path d="M{} {}C{} {} {} {} {} {}" fill="none""#,
                Num(a.x),
                Num(a.y),
                Num(b.x),
                Num(b.y),
                Num(c.x),
                Num(c.y),
                Num(d.x),
                Num(d.y)
            )?;
            line(stroke, thinnest, out)?;
        }
        Shape::Text {
            anchor,
            align,
            text,
            size,
            colour,
            bold,
        } => {
            write!(
                out,
                r#"<text x="{}" y="{}" font-size="{}""#,
                Num(anchor.x),
                Num(anchor.y + size * BASELINE),
                Num(size * FONT_FIT)
            )?;
            if *align == Align::Center {
                out.write_str(r#" text-anchor="middle""#)?;
            }
            if *bold {
                out.write_str(r#" font-weight="bold""#)?;
            }
            paint("fill", *colour, out)?;
            out.write_char('>')?;
            escape(text, out)?;
            return out.write_str("</text>\n");
        }
    }
    out.write_str("/>\n")
}

/// Whether a cubic's control points lie on the line from its start to its end (within a
/// hundredth of a unit) and between them, so the curve is that line.
fn is_straight(points: &[eframe::egui::Pos2; 4]) -> bool {
    let [a, b, c, d] = *points;
    let chord = d - a;
    let length = chord.length();
    if length < 1e-3 {
        return false;
    }
    let on_line = |p: eframe::egui::Pos2| {
        let v = p - a;
        let along = v.dot(chord) / length;
        (chord.x * v.y - chord.y * v.x).abs() / length < 0.01 && (0.0..=length).contains(&along)
    };
    on_line(b) && on_line(c)
}

fn rect_attributes(rect: Rect, out: &mut impl Write) -> fmt::Result {
    write!(
        out,
        r#" x="{}" y="{}" width="{}" height="{}""#,
        Num(rect.min.x),
        Num(rect.min.y),
        Num(rect.width()),
        Num(rect.height())
    )
}

fn point_list(points: &[eframe::egui::Pos2], out: &mut impl Write) -> fmt::Result {
    out.write_str(r#" points=""#)?;
    for (i, p) in points.iter().enumerate() {
        if i > 0 {
            out.write_char(' ')?;
        }
        write!(out, "{},{}", Num(p.x), Num(p.y))?;
    }
    out.write_char('"')
}

/// `fill="#rrggbb"` (with an opacity when not opaque), or `fill="none"`.
fn paint(attribute: &str, colour: Color32, out: &mut impl Write) -> fmt::Result {
    let [r, g, b, a] = colour.to_srgba_unmultiplied();
    if a == 0 {
        return write!(out, r#" {attribute}="none""#);
    }
    write!(out, r##" {attribute}="#{r:02x}{g:02x}{b:02x}""##)?;
    if a < 255 {
        write!(
            out,
            r#" {attribute}-opacity="{}""#,
            Num(f32::from(a) / 255.0)
        )?;
    }
    Ok(())
}

/// Stroke attributes; nothing for an invisible line (SVG strokes nothing by default).
///
/// `thinnest` is one pixel in the shape's units. A dash pattern that repeats within
/// [`MIN_DASH_PERIOD`] pixels cannot be seen (it only flickers into moiré), so such a line is
/// drawn solid and fainter by the share of it the dashes cover; that also spares the renderer
/// thousands of tiny dashes on a large map drawn small.
fn line(stroke: &LineStyle, thinnest: f32, out: &mut impl Write) -> fmt::Result {
    if !stroke.is_visible() {
        return Ok(());
    }
    let mut opacity = 1.0;
    let dashes = stroke.dash.pattern().filter(|(dash, gap)| {
        let period = (dash + gap) * stroke.width;
        if period >= MIN_DASH_PERIOD * thinnest {
            true
        } else {
            opacity *= dash / (dash + gap);
            false
        }
    });
    let width = if stroke.width < thinnest {
        opacity *= stroke.width / thinnest;
        thinnest
    } else {
        stroke.width
    };
    paint("stroke", stroke.colour.gamma_multiply(opacity), out)?;
    write!(out, r#" stroke-width="{}""#, Num(width))?;
    if let Some((dash, gap)) = dashes {
        write!(
            out,
            r#" stroke-dasharray="{} {}""#,
            Num(dash * stroke.width),
            Num(gap * stroke.width)
        )?;
    }
    Ok(())
}

/// Writes text for element content or attribute values: markup characters become entities,
/// and characters XML cannot hold at all (most control characters) are left out.
pub fn escape(text: &str, out: &mut impl Write) -> fmt::Result {
    for c in text.chars() {
        match c {
            '&' => out.write_str("&amp;")?,
            '<' => out.write_str("&lt;")?,
            '>' => out.write_str("&gt;")?,
            '"' => out.write_str("&quot;")?,
            '\'' => out.write_str("&apos;")?,
            '\t' | '\n' | '\r' => out.write_char(' ')?,
            c if u32::from(c) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.write_char(c)?,
        }
    }
    Ok(())
}

/// A coordinate written with at most two decimals and no trailing zeros.
struct Num(f32);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rounded = (self.0 * 100.0).round() / 100.0;
        if !rounded.is_finite() {
            f.write_str("0")
        } else if rounded == 0.0 {
            // Also turns -0 into 0.
            f.write_str("0")
        } else {
            write!(f, "{rounded}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::Dash;
    use eframe::egui::{Pos2, Vec2};

    fn svg_of(shape: &Shape) -> String {
        let mut out = String::new();
        write_shape(shape, 0.5, &mut out).unwrap();
        out
    }

    #[test]
    fn straight_curves_are_written_as_lines() {
        let stroke = LineStyle::solid(2.0, Color32::BLACK);
        let straight = [
            Pos2::new(0.0, 0.0),
            Pos2::new(10.0, 5.0),
            Pos2::new(20.0, 10.0),
            Pos2::new(30.0, 15.0),
        ];
        assert!(
            svg_of(&Shape::Curve {
                points: straight,
                stroke
            })
            .contains(r#"d="M0 0L30 15""#)
        );
        let bent = [straight[0], Pos2::new(10.0, 9.0), straight[2], straight[3]];
        assert!(
            svg_of(&Shape::Curve {
                points: bent,
                stroke
            })
            .contains("C10 9 20 10 30 15")
        );
    }

    #[test]
    fn lines_thinner_than_a_pixel_are_a_fainter_pixel() {
        let mut out = String::new();
        let thin = LineStyle::solid(0.25, Color32::from_rgb(0, 0, 255));
        line(&thin, 0.5, &mut out).unwrap();
        assert_eq!(
            out,
            r##" stroke="#0000ff" stroke-opacity="0.5" stroke-width="0.5""##
        );
    }

    #[test]
    fn dashes_too_fine_to_see_become_a_fainter_solid_line() {
        let dotted = LineStyle {
            width: 2.0,
            colour: Color32::from_rgb(0, 0, 255),
            dash: Dash::Dotted,
        };
        // At 1 px per unit the dots repeat every 6 px: drawn as dots.
        let mut out = String::new();
        line(&dotted, 1.0, &mut out).unwrap();
        assert!(out.contains("stroke-dasharray=\"2.4 3.6\""), "{out}");
        // At a quarter of that they would repeat every 1.5 px: a solid line, 40 % opaque.
        let mut out = String::new();
        line(&dotted, 4.0, &mut out).unwrap();
        assert!(!out.contains("dasharray"), "{out}");
        assert!(
            out.contains("stroke-opacity=\"0.2\" stroke-width=\"4\""),
            "{out}"
        );
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(Num(1.0).to_string(), "1");
        assert_eq!(Num(-0.001).to_string(), "0");
        assert_eq!(Num(12.3456).to_string(), "12.35");
        assert_eq!(Num(f32::NAN).to_string(), "0");
    }

    #[test]
    fn markup_in_labels_is_escaped_and_control_characters_dropped() {
        let mut out = String::new();
        escape("R&D <b>\"x\" 'y'\u{1}\u{7}北", &mut out).unwrap();
        assert_eq!(out, "R&amp;D &lt;b&gt;&quot;x&quot; &apos;y&apos;北");
    }

    #[test]
    fn text_is_written_as_text_with_its_alignment() {
        let svg = svg_of(&Shape::Text {
            anchor: Pos2::new(10.0, 20.0),
            align: Align::Center,
            text: "NATO & Russia".into(),
            size: 13.0,
            colour: Color32::from_rgb(0x1b, 0x1f, 0x24),
            bold: true,
        });
        assert_eq!(
            svg,
            "<text x=\"10\" y=\"33\" font-size=\"12.22\" text-anchor=\"middle\" \
             font-weight=\"bold\" fill=\"#1b1f24\">NATO &amp; Russia</text>\n"
        );
    }

    #[test]
    fn dashes_scale_with_the_line_and_transparent_fills_are_none() {
        let svg = svg_of(&Shape::Rect {
            rect: Rect::from_min_size(Pos2::ZERO, Vec2::new(40.0, 10.0)),
            radius: 8.0,
            fill: Color32::TRANSPARENT,
            stroke: LineStyle {
                width: 2.0,
                colour: Color32::from_rgba_unmultiplied(255, 0, 0, 128),
                dash: Dash::Dashed,
            },
        });
        assert_eq!(
            svg,
            "<rect x=\"0\" y=\"0\" width=\"40\" height=\"10\" rx=\"5\" fill=\"none\" \
             stroke=\"#ff0000\" stroke-opacity=\"0.5\" stroke-width=\"2\" \
             stroke-dasharray=\"8 5\"/>\n"
        );
    }
}
