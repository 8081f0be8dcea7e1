//! How one line of a source's text is laid out: the stances' quotes on a background in their
//! position's colour, the actors' names underlined.

use crate::model::{Polarity, Position};
use crate::quotes::{Highlight, Mention};
use crate::scene::{Style, Theme};
use eframe::egui::{Color32, FontId, Stroke, TextFormat, text::LayoutJob};
use std::ops::Range;

/// The reader's font and colours.
#[derive(Debug, Clone, PartialEq)]
pub struct Look {
    /// The text's font.
    pub font: FontId,
    /// The text's colour.
    pub text: Color32,
    /// The colour names of actors are underlined in.
    pub mention: Color32,
    /// The map's style, for the stance colours.
    pub style: Style,
}

impl Look {
    /// The reader's look in a light or dark theme.
    pub fn new(dark: bool, text: Color32, mention: Color32) -> Self {
        Look {
            font: FontId::proportional(15.0),
            text,
            mention,
            style: Style::new(if dark { Theme::Dark } else { Theme::Light }),
        }
    }

    /// The background of a quote held with `position`: the stance colour, stronger for
    /// strongly held positions.
    pub fn highlight(&self, position: Position) -> Color32 {
        let c = self.style.stance_colour(position.polarity());
        let alpha = match (position.polarity(), position.strength()) {
            (Polarity::Neutral, _) => 60,
            (_, 2) => 110,
            _ => 70,
        };
        Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), alpha)
    }
}

/// The layout of `span` of `text`, wrapped at `width`, with the highlights and mentions that
/// touch it marked (where quotes overlap, the one starting last shows).
pub fn line_job(
    text: &str,
    span: Range<usize>,
    highlights: &[&Highlight],
    mentions: &[&Mention],
    look: &Look,
    width: f32,
) -> LayoutJob {
    let mut cuts = vec![span.start, span.end];
    let inside = |at: usize| at > span.start && at < span.end;
    for range in highlights
        .iter()
        .map(|h| &h.range)
        .chain(mentions.iter().map(|m| &m.range))
    {
        cuts.extend(
            [range.start, range.end]
                .into_iter()
                .filter(|&at| inside(at)),
        );
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    for pair in cuts.windows(2) {
        let [a, b] = [pair.first().copied(), pair.get(1).copied()].map(|x| x.unwrap_or(0));
        let Some(piece) = text.get(a..b) else {
            continue;
        };
        let covers = |r: &Range<usize>| r.start <= a && r.end >= b;
        let mut format = TextFormat::simple(look.font.clone(), look.text);
        if let Some(h) = highlights.iter().rev().find(|h| covers(&h.range)) {
            format.background = look.highlight(h.position);
        }
        if mentions.iter().any(|m| covers(&m.range)) {
            format.underline = Stroke::new(1.5, look.mention);
        }
        job.append(piece, 0.0, format);
    }
    if job.sections.is_empty() {
        // An empty line still takes a row.
        job.append("", 0.0, TextFormat::simple(look.font.clone(), look.text));
    }
    job
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorId, StanceId};

    #[test]
    fn quotes_and_names_become_their_own_sections() {
        let text = "普京說北約不得東擴。";
        let quote = text.find("北約").unwrap()..text.find("。").unwrap();
        let h = Highlight {
            range: quote.clone(),
            stance: StanceId(1),
            position: Position::StronglySupports,
        };
        let m = Mention {
            range: 0..6,
            actor: ActorId(2),
        };
        let look = Look::new(false, Color32::BLACK, Color32::BLUE);
        let job = line_job(text, 0..text.len(), &[&h], &[&m], &look, 300.0);
        let pieces: Vec<&str> = job
            .sections
            .iter()
            .map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0])
            .collect();
        assert_eq!(pieces, vec!["普京", "說", "北約不得東擴", "。"]);
        assert_eq!(job.sections[0].format.underline.width, 1.5);
        assert_eq!(
            job.sections[2].format.background,
            look.highlight(Position::StronglySupports)
        );
        assert_eq!(job.sections[1].format.background, Color32::TRANSPARENT);
    }
}
