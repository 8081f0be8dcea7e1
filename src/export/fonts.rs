//! Fonts for exported pictures: which families a picture names, the font database the PNG
//! renderer uses, and which characters no installed font can draw.
//!
//! resvg on its own maps the generic `sans-serif` to Arial and silently leaves out text when
//! that font is missing, so pictures name their families explicitly, the database maps the
//! generic names to a font that is actually installed, and characters no font covers are
//! reported rather than dropped without a word.

use crate::model::Map;
use resvg::usvg::{self, fontdb};
use skrifa::MetadataProvider;
use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

/// Latin sans-serif families, named first. DejaVu Sans is on nearly every Linux system, so
/// an SVG looks the same in other viewers there as the PNG does; its letters run up to about
/// 6 % wider than the scene's width estimates, which the padding inside nodes absorbs.
/// Elsewhere Arial takes over, which is narrower.
const LATIN_FAMILIES: [&str; 3] = ["DejaVu Sans", "Liberation Sans", "Arial"];

/// CJK families in Noto's naming, Simplified Chinese first; reordered by the map's language.
/// They come after the Latin families: their Latin punctuation (quotes, ellipsis) is
/// full-width, which looks wrong in English text.
const CJK_FAMILIES: [&str; 4] = [
    "Noto Sans CJK SC",
    "Noto Sans CJK TC",
    "Noto Sans CJK JP",
    "Noto Sans CJK KR",
];

/// The font families a picture of `map` asks for, most preferred first: the Latin families,
/// then the CJK ones, then the generic `sans-serif`. Among the CJK families the one matching
/// the map's sources' language comes first, so Traditional Chinese text gets Traditional
/// glyph forms.
pub fn families_for(map: &Map) -> Vec<&'static str> {
    let preferred = map
        .sources()
        .filter_map(|s| s.language.as_deref())
        .find_map(cjk_family_for_language);
    let mut families: Vec<&'static str> = LATIN_FAMILIES.to_vec();
    families.extend(preferred);
    families.extend(CJK_FAMILIES.iter().filter(|f| Some(**f) != preferred));
    families.push("sans-serif");
    families
}

/// The Noto CJK family for a BCP 47 language tag, if it is a CJK language.
fn cjk_family_for_language(tag: &str) -> Option<&'static str> {
    let tag = tag.to_ascii_lowercase();
    let has = |part: &str| tag.split(['-', '_']).any(|p| p == part);
    if tag.starts_with("zh") {
        if has("hant") || has("tw") || has("hk") || has("mo") {
            Some("Noto Sans CJK TC")
        } else {
            Some("Noto Sans CJK SC")
        }
    } else if tag.starts_with("ja") {
        Some("Noto Sans CJK JP")
    } else if tag.starts_with("ko") {
        Some("Noto Sans CJK KR")
    } else {
        None
    }
}

/// A font database for rendering pictures.
#[derive(Debug, Clone)]
pub struct Fonts {
    db: Arc<fontdb::Database>,
}

impl Fonts {
    /// The fonts installed on this computer, loaded once and shared.
    pub fn system() -> Arc<Fonts> {
        static SYSTEM: OnceLock<Arc<Fonts>> = OnceLock::new();
        SYSTEM
            .get_or_init(|| {
                let mut db = fontdb::Database::new();
                db.load_system_fonts();
                Arc::new(Fonts::from_database(db))
            })
            .clone()
    }

    /// Only the installed fonts of the given families: a computer where the others are
    /// missing (tests use it to check what happens without a CJK font).
    pub fn system_subset(families: &[&str]) -> Fonts {
        let system = Fonts::system();
        let mut db = fontdb::Database::new();
        for face in system.db.faces() {
            if face
                .families
                .iter()
                .any(|(name, _)| families.contains(&name.as_str()))
            {
                db.push_face_info(face.clone());
            }
        }
        Fonts::from_database(db)
    }

    /// Fonts from a database, with the generic families mapped to installed fonts.
    pub fn from_database(mut db: fontdb::Database) -> Fonts {
        let installed = |family: &str| {
            db.faces()
                .any(|face| face.families.iter().any(|(name, _)| name == family))
        };
        let sans = LATIN_FAMILIES
            .iter()
            .chain(CJK_FAMILIES.iter())
            .find(|f| installed(f))
            .map(|f| (*f).to_owned())
            .or_else(|| {
                db.faces()
                    .find_map(|face| face.families.first().map(|(name, _)| name.clone()))
            });
        if let Some(sans) = sans {
            // usvg falls back to the serif family as a last resort; make that a sans too.
            db.set_sans_serif_family(sans.clone());
            db.set_serif_family(sans);
        }
        Fonts { db: Arc::new(db) }
    }

    /// These fonts with the faces that will draw `texts` (each with whether it is bold) read
    /// into memory: the first installed of `families`, and each later one that covers
    /// characters the earlier ones lack, in regular and, if needed, bold.
    pub fn prepared_for<'t>(
        &self,
        families: &[&str],
        texts: impl IntoIterator<Item = (&'t str, bool)>,
    ) -> Fonts {
        let mut bold = false;
        let mut left: Vec<char> = texts
            .into_iter()
            .flat_map(|(text, is_bold)| {
                bold |= is_bold;
                text.chars()
            })
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .collect::<BTreeSet<char>>()
            .into_iter()
            .collect();
        let mut keep = Vec::new();
        for family in families {
            let Some(regular) = query(&self.db, family, 400) else {
                continue;
            };
            let covered = has_chars(&self.db, regular, &left);
            if keep.is_empty() || covered.contains(&true) {
                keep.push(regular);
                if let Some(heavy) = query(&self.db, family, 700).filter(|_| bold) {
                    keep.push(heavy);
                }
                let mut covered = covered.into_iter();
                left.retain(|_| !covered.next().unwrap_or(false));
            }
            if left.is_empty() {
                break;
            }
        }
        Fonts::from_database(super::font_files::with_faces_in_memory(&self.db, &keep))
    }

    /// Whether no fonts at all are available.
    pub fn is_empty(&self) -> bool {
        self.db.is_empty()
    }

    /// Parsing options for usvg that use these fonts and, for characters the first family
    /// lacks, try `families` in order before any other installed font.
    pub fn usvg_options(&self, families: &[&'static str]) -> usvg::Options<'static> {
        let order: Vec<&'static str> = families.to_vec();
        let fallback_order = order.clone();
        usvg::Options {
            fontdb: self.db.clone(),
            font_family: order.first().copied().unwrap_or("sans-serif").to_owned(),
            font_resolver: usvg::FontResolver {
                select_font: Box::new(move |font, db| {
                    (usvg::FontResolver::default_font_selector())(font, db)
                        .or_else(|| first_installed(db, &order, font.weight()))
                        .or_else(|| db.faces().next().map(|face| face.id))
                }),
                select_fallback: Box::new(move |c, used, db| {
                    let base_weight = used
                        .first()
                        .and_then(|id| db.face(*id))
                        .map_or(400, |face| face.weight.0);
                    fallback_order
                        .iter()
                        .filter_map(|family| query(db, family, base_weight))
                        .find(|id| !used.contains(id) && has_chars(db, *id, &[c]) == [true])
                        .or_else(|| (usvg::FontResolver::default_fallback_selector())(c, used, db))
                }),
            },
            ..usvg::Options::default()
        }
    }

    /// The characters of `texts` that no font here can draw, sorted and without repeats.
    /// Spaces and control characters need no glyph and are never reported.
    pub fn missing_glyphs<'t>(&self, texts: impl IntoIterator<Item = &'t str>) -> Vec<char> {
        let needed: BTreeSet<char> = texts
            .into_iter()
            .flat_map(str::chars)
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .collect();
        let mut missing: Vec<char> = needed.into_iter().collect();
        for face in self.db.faces() {
            if missing.is_empty() {
                break;
            }
            let covered = has_chars(&self.db, face.id, &missing);
            let mut covered = covered.into_iter();
            missing.retain(|_| !covered.next().unwrap_or(false));
        }
        missing
    }
}

/// The first of `families` that is installed, at about `weight`.
fn first_installed(db: &fontdb::Database, families: &[&str], weight: u16) -> Option<fontdb::ID> {
    families.iter().find_map(|family| query(db, family, weight))
}

/// The face of a named family closest to a weight.
fn query(db: &fontdb::Database, family: &str, weight: u16) -> Option<fontdb::ID> {
    let families = [match family {
        "sans-serif" => fontdb::Family::SansSerif,
        name => fontdb::Family::Name(name),
    }];
    db.query(&fontdb::Query {
        families: &families,
        weight: fontdb::Weight(weight),
        ..fontdb::Query::default()
    })
}

/// For each character, whether the face has a glyph for it (all `false` if the face cannot
/// be read).
fn has_chars(db: &fontdb::Database, id: fontdb::ID, chars: &[char]) -> Vec<bool> {
    db.with_face_data(id, |data, index| {
        let font = skrifa::FontRef::from_index(data, index).ok()?;
        let charmap = font.charmap();
        Some(chars.iter().map(|c| charmap.map(*c).is_some()).collect())
    })
    .flatten()
    .unwrap_or_else(|| vec![false; chars.len()])
}

/// A warning naming characters no installed font can draw, for stderr or the status line.
pub fn missing_glyphs_warning(missing: &[char]) -> Option<String> {
    if missing.is_empty() {
        return None;
    }
    const SHOWN: usize = 20;
    let listed: Vec<String> = missing
        .iter()
        .take(SHOWN)
        .map(|c| format!("{c} (U+{:04X})", u32::from(*c)))
        .collect();
    let more = missing.len().saturating_sub(SHOWN);
    let more = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    Some(format!(
        "no installed font has {} {}{more}; on this computer {} show as empty boxes or \
         gaps (install a font that covers {}, e.g. Debian's fonts-noto-cjk for Chinese, Japanese \
         and Korean)",
        if missing.len() == 1 {
            "the character"
        } else {
            "the characters"
        },
        listed.join(", "),
        if missing.len() == 1 {
            "it will"
        } else {
            "they will"
        },
        if missing.len() == 1 { "it" } else { "them" },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edit, Source};

    fn map_in(language: Option<&str>) -> Map {
        let mut map = Map::new("t");
        let id = map.id_allocator().source();
        map.apply(Edit::AddSource(Source {
            language: language.map(str::to_owned),
            ..Source::new(id, "s", "p")
        }))
        .unwrap();
        map
    }

    #[test]
    fn the_sources_language_picks_the_cjk_variant() {
        let first_cjk = |language| families_for(&map_in(Some(language)))[3];
        assert_eq!(first_cjk("zh-Hant"), "Noto Sans CJK TC");
        assert_eq!(first_cjk("zh-TW"), "Noto Sans CJK TC");
        assert_eq!(first_cjk("zh-Hans"), "Noto Sans CJK SC");
        assert_eq!(first_cjk("ja"), "Noto Sans CJK JP");
        let plain = families_for(&map_in(Some("en")));
        assert_eq!(
            plain[..4],
            [
                "DejaVu Sans",
                "Liberation Sans",
                "Arial",
                "Noto Sans CJK SC"
            ]
        );
        assert_eq!(plain.last(), Some(&"sans-serif"));
        assert!(plain.contains(&"DejaVu Sans"));
        // Every family is named once.
        let unique: BTreeSet<_> = plain.iter().collect();
        assert_eq!(unique.len(), plain.len());
    }

    #[test]
    fn an_empty_database_misses_every_visible_character() {
        let fonts = Fonts::from_database(fontdb::Database::new());
        assert!(fonts.is_empty());
        assert_eq!(
            fonts.missing_glyphs(["a b\tc", "北a"]),
            ['a', 'b', 'c', '北']
        );
    }

    /// The families of the faces held in memory.
    fn in_memory(fonts: &Fonts) -> Vec<(String, u16)> {
        fonts
            .db
            .faces()
            .filter(|f| matches!(f.source, fontdb::Source::Binary(_)))
            .map(|f| (f.families[0].0.clone(), f.weight.0))
            .collect()
    }

    #[test]
    #[ignore = "needs DejaVu Sans and a CJK font (apt install fonts-dejavu-core fonts-noto-cjk)"]
    fn only_the_faces_a_picture_needs_are_read_into_memory() {
        crate::testing::needs::font_family("DejaVu Sans", "fonts-dejavu-core");
        crate::testing::needs::cjk_font();
        let system = Fonts::system();
        let families = families_for(&map_in(Some("zh-Hant")));
        let latin = system.prepared_for(&families, [("NATO", false)]);
        assert_eq!(in_memory(&latin), [("DejaVu Sans".to_owned(), 400)]);
        let mixed = system.prepared_for(&families, [("NATO", true), ("北約", false)]);
        let faces = in_memory(&mixed);
        assert!(
            faces.contains(&("DejaVu Sans".to_owned(), 700)),
            "{faces:?}"
        );
        assert!(
            faces
                .iter()
                .any(|(family, _)| family.starts_with("Noto Sans CJK")),
            "{faces:?}"
        );
        assert!(mixed.missing_glyphs(["NATO 北約"]).is_empty());
    }

    #[test]
    fn warnings_name_the_characters_with_their_code_points() {
        assert_eq!(missing_glyphs_warning(&[]), None);
        let warning = missing_glyphs_warning(&['北', '約']).unwrap();
        assert!(warning.contains("北 (U+5317), 約 (U+7D04)"), "{warning}");
        let many: Vec<char> = ('一'..='丿').take(47).collect();
        assert!(
            missing_glyphs_warning(&many)
                .unwrap()
                .contains("and 27 more")
        );
    }
}
