//! A language tag for text whose file does not say: only where the script tells it plainly
//! (Japanese kana, Korean hangul, Chinese characters in their simplified or traditional
//! forms). Anything else is left for the analyst to fill in.

use encoding_rs::Encoding;

/// Characters common in Chinese text whose simplified and traditional forms differ, as
/// (simplified, traditional) pairs.
const CHINESE_FORMS: [(char, char); 16] = [
    ('们', '們'),
    ('这', '這'),
    ('个', '個'),
    ('为', '為'),
    ('会', '會'),
    ('来', '來'),
    ('说', '說'),
    ('时', '時'),
    ('国', '國'),
    ('对', '對'),
    ('发', '發'),
    ('关', '關'),
    ('与', '與'),
    ('总', '總'),
    ('罗', '羅'),
    ('东', '東'),
];

/// The language of `text` as a BCP 47 tag (`ja`, `ko`, `zh-Hans`, `zh-Hant`), when its script
/// or the legacy `encoding` it came in says so.
pub fn guess_language(text: &str, encoding: &'static Encoding) -> Option<String> {
    let by_encoding = match encoding.name() {
        "Big5" => Some("zh-Hant"),
        "GBK" | "gb18030" => Some("zh-Hans"),
        "Shift_JIS" | "EUC-JP" | "ISO-2022-JP" => Some("ja"),
        "EUC-KR" => Some("ko"),
        _ => None,
    };
    if let Some(tag) = by_encoding {
        return Some(tag.to_owned());
    }
    let (mut kana, mut hangul, mut han, mut simplified, mut traditional) = (0, 0, 0, 0, 0);
    for c in text.chars().take(200_000) {
        match c {
            '\u{3040}'..='\u{30FF}' => kana += 1,
            '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' => hangul += 1,
            '\u{4E00}'..='\u{9FFF}' => {
                han += 1;
                if CHINESE_FORMS.iter().any(|&(s, _)| s == c) {
                    simplified += 1;
                } else if CHINESE_FORMS.iter().any(|&(_, t)| t == c) {
                    traditional += 1;
                }
            }
            _ => {}
        }
    }
    let tag = if kana > 10 {
        "ja"
    } else if hangul > 10 {
        "ko"
    } else if han > 10 && traditional > simplified {
        "zh-Hant"
    } else if han > 10 && simplified > traditional {
        "zh-Hans"
    } else if han > 10 {
        "zh"
    } else {
        return None;
    };
    Some(tag.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::UTF_8;

    #[test]
    fn scripts_tell_the_language() {
        let hant = "俄羅斯總統普京與美國總統拜登12月7日舉行視頻會晤，這是兩國關係的大事。";
        let hans = "俄罗斯总统普京与美国总统拜登12月7日举行视频会晤，这是两国关系的大事。";
        assert_eq!(guess_language(hant, UTF_8).as_deref(), Some("zh-Hant"));
        assert_eq!(guess_language(hans, UTF_8).as_deref(), Some("zh-Hans"));
        assert_eq!(
            guess_language(
                "プーチン大統領とバイデン大統領はオンラインで会談した",
                UTF_8
            )
            .as_deref(),
            Some("ja")
        );
        assert_eq!(guess_language("Putin and Biden spoke", UTF_8), None);
        assert_eq!(
            guess_language("abc", encoding_rs::BIG5).as_deref(),
            Some("zh-Hant")
        );
    }
}
