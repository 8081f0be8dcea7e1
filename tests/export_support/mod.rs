//! Helpers shared by the export tests: decoding PNGs and measuring ink.

// Each test file uses some of the helpers, and they index pixels directly on purpose.
#![allow(dead_code, clippy::indexing_slicing, clippy::expect_used)]

use eframe::egui::Rect;
use stancemap::export::ExportOptions;
use stancemap::model::Date;

/// A decoded picture as straight RGBA.
pub struct Decoded {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
    /// Whether the file stored an alpha channel.
    pub has_alpha: bool,
}

impl Decoded {
    /// The RGBA value at a pixel.
    pub fn pixel(&self, x: u32, y: u32) -> [u8; 4] {
        let i = ((y * self.width + x) * 4) as usize;
        [
            self.rgba[i],
            self.rgba[i + 1],
            self.rgba[i + 2],
            self.rgba[i + 3],
        ]
    }

    /// How many pixels in `area` differ from `background` by more than `threshold` (sum of
    /// the channel differences).
    pub fn ink(&self, area: Rect, background: [u8; 4], threshold: u32) -> usize {
        let x0 = area.min.x.max(0.0) as u32;
        let y0 = area.min.y.max(0.0) as u32;
        let x1 = (area.max.x.ceil() as u32).min(self.width);
        let y1 = (area.max.y.ceil() as u32).min(self.height);
        let mut count = 0;
        for y in y0..y1 {
            for x in x0..x1 {
                let p = self.pixel(x, y);
                let diff: u32 = (0..4).map(|i| p[i].abs_diff(background[i]) as u32).sum();
                if diff > threshold {
                    count += 1;
                }
            }
        }
        count
    }
}

impl Decoded {
    /// How many pixels in `area` differ between two pictures of the same size by more than
    /// `threshold` (sum of the channel differences).
    pub fn differing(&self, other: &Decoded, area: Rect, threshold: u32) -> usize {
        assert_eq!((self.width, self.height), (other.width, other.height));
        let mut count = 0;
        for y in area.min.y.max(0.0) as u32..(area.max.y as u32).min(self.height) {
            for x in area.min.x.max(0.0) as u32..(area.max.x as u32).min(self.width) {
                let (a, b) = (self.pixel(x, y), other.pixel(x, y));
                let diff: u32 = (0..4).map(|i| a[i].abs_diff(b[i]) as u32).sum();
                count += usize::from(diff > threshold);
            }
        }
        count
    }
}

/// Decodes PNG bytes into RGBA.
pub fn decode_png(bytes: &[u8]) -> Decoded {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().expect("a PNG header");
    let mut buffer = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut buffer).expect("a PNG frame");
    buffer.truncate(info.buffer_size());
    assert_eq!(info.bit_depth, png::BitDepth::Eight);
    let (rgba, has_alpha) = match info.color_type {
        png::ColorType::Rgba => (buffer, true),
        png::ColorType::Rgb => (
            buffer
                .chunks(3)
                .flat_map(|c| [c[0], c[1], c[2], 255])
                .collect(),
            false,
        ),
        other => panic!("unexpected colour type {other:?}"),
    };
    Decoded {
        width: info.width,
        height: info.height,
        rgba,
        has_alpha,
    }
}

/// Export options with a fixed export date, so outputs are reproducible.
pub fn options() -> ExportOptions {
    ExportOptions::new(Date::constant(2026, 1, 2))
}

/// The text of every `<text>` element of an SVG (with its `<tspan>`s), in document order.
pub fn svg_texts(svg: &str) -> Vec<String> {
    let doc = resvg::usvg::roxmltree::Document::parse(svg).expect("well-formed SVG");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            n.descendants()
                .filter(|d| d.is_text())
                .filter_map(|d| d.text())
                .collect()
        })
        .collect()
}

/// The background colour of a light export, as RGBA.
pub fn light_background() -> [u8; 4] {
    let c = stancemap::scene::Style::new(stancemap::scene::Theme::Light).background;
    [c.r(), c.g(), c.b(), 255]
}
