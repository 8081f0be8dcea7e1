//! Chinese, Japanese and Korean text needs a font that has its glyphs. eframe finds one among
//! the system fonts when there is one; when there is none, the text would show as boxes, so
//! the app says so once in the status line.

use crate::model::Map;
use crate::scene::text::is_wide;
use eframe::egui::{self, FontId};

/// The status message shown when CJK text cannot be drawn.
pub const NO_CJK_FONT: &str = "No font for Chinese, Japanese or Korean text was found, so such \
     text shows as boxes: install one (for example the fonts-noto-cjk package) and restart";

/// The first CJK character in the map's text, if any.
pub fn first_cjk_char(map: &Map) -> Option<char> {
    let texts = map
        .claims()
        .flat_map(|c| [c.label.as_str(), c.text.as_str()])
        .chain(map.actors().flat_map(|a| {
            std::iter::once(a.name.as_str()).chain(a.aliases.iter().map(String::as_str))
        }))
        .chain(
            map.stances()
                .flat_map(|s| std::iter::once(s.quote.as_str()).chain(s.translation.as_deref())),
        )
        .chain(
            map.sources()
                .flat_map(|s| [s.title.as_str(), s.publisher.as_str()]),
        );
    texts.flat_map(str::chars).find(|&c| is_wide(c))
}

/// Remembers whether the check was made.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CjkCheck {
    checked_generation: Option<u64>,
    done: bool,
}

impl CjkCheck {
    /// Checks once, as soon as the map holds CJK text, whether a font can draw it. Returns the
    /// message to show when none can.
    pub fn check(&mut self, ctx: &egui::Context, map: &Map, generation: u64) -> Option<String> {
        if self.done || self.checked_generation == Some(generation) {
            return None;
        }
        self.checked_generation = Some(generation);
        let c = first_cjk_char(map)?;
        self.done = true;
        let drawable = ctx.fonts_mut(|fonts| fonts.has_glyph(&FontId::proportional(14.0), c));
        (!drawable).then(|| NO_CJK_FONT.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_map_has_chinese_text() {
        let map = crate::example::example_map().unwrap();
        assert!(first_cjk_char(&map).is_some());
        assert_eq!(first_cjk_char(&Map::new("plain")), None);
    }

    #[test]
    fn without_a_cjk_font_the_check_says_so_once() {
        // egui's built-in fonts have no CJK glyphs.
        let ctx = egui::Context::default();
        let mut output = ctx.run_ui(Default::default(), |_| {});
        output.textures_delta.clear();
        let map = crate::example::example_map().unwrap();
        let mut check = CjkCheck::default();
        assert_eq!(check.check(&ctx, &map, 0).as_deref(), Some(NO_CJK_FONT));
        assert_eq!(check.check(&ctx, &map, 1), None);
    }
}
