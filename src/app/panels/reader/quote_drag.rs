//! A quote dragged out of the reader: what is carried (egui's drag-and-drop payload, which
//! egui drops on Escape or on release), and the small label that follows the pointer while it
//! is carried.

use crate::model::{Map, NodeId, SourceId};
use eframe::egui::{self, Context, Id, Order, vec2};
use std::ops::Range;
use std::sync::Arc;

/// How many characters of the quote the label following the pointer shows.
const PREVIEW_CHARS: usize = 40;

/// The selection being dragged from the reader onto the canvas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteDrag {
    /// The source whose text it comes from.
    pub source: SourceId,
    /// Where it is in that text.
    pub range: Range<usize>,
    /// Its start, for the label that follows the pointer.
    pub preview: String,
}

impl QuoteDrag {
    /// The drag of `range` of `source`'s `text`.
    pub fn new(source: SourceId, text: &str, range: Range<usize>) -> Self {
        let quote = text.get(range.clone()).unwrap_or("");
        QuoteDrag {
            source,
            range,
            preview: shortened(quote, PREVIEW_CHARS),
        }
    }

    /// Starts carrying this quote (until the button is released or Escape pressed).
    pub fn start(self, ctx: &Context) {
        egui::DragAndDrop::set_payload(ctx, self);
    }

    /// The quote being carried, if one is.
    pub fn carried(ctx: &Context) -> Option<Arc<QuoteDrag>> {
        egui::DragAndDrop::payload::<QuoteDrag>(ctx)
    }

    /// Stops carrying the quote and returns it (when it is dropped on something).
    pub fn take(ctx: &Context) -> Option<Arc<QuoteDrag>> {
        egui::DragAndDrop::take_payload::<QuoteDrag>(ctx)
    }
}

/// What dropping the quote on `node` does, e.g. "Drop to code it for the actor Joe Biden".
pub fn drop_hint(map: &Map, node: NodeId) -> String {
    match node {
        NodeId::Actor(a) => format!(
            "Drop to code it for the actor {}",
            map.actor(a).map_or("?", |a| a.name.as_str())
        ),
        NodeId::Claim(c) => format!(
            "Drop to code it on the claim “{}”",
            map.claim(c).map_or("?", |c| c.label.as_str())
        ),
    }
}

/// While a quote is carried, shows its start beside the pointer and what a drop there does:
/// `target` is the node under the pointer, if the quote can be dropped on one.
pub fn show_carried(ctx: &Context, map: &Map, target: Option<NodeId>) {
    let Some(quote) = QuoteDrag::carried(ctx) else {
        return;
    };
    let Some(pointer) = ctx.input(|i| i.pointer.latest_pos()) else {
        return;
    };
    egui::Area::new(Id::unique("carried quote"))
        .order(Order::Tooltip)
        .interactable(false)
        .fixed_pos(pointer + vec2(16.0, 18.0))
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(320.0);
                ui.label(format!("“{}”", quote.preview));
                match target {
                    Some(node) => ui.strong(drop_hint(map, node)),
                    None => ui.weak("Drop on an actor or a claim to code it; Esc cancels"),
                };
            });
        });
}

/// `text` on one line, cut to `max` characters with an ellipsis.
pub fn shortened(text: &str, max: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        let cut: String = one_line.chars().take(max).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preview_is_the_quote_on_one_line_cut_with_an_ellipsis() {
        let source = Map::new("t").id_allocator().source();
        let text = "Putin said:\nNATO must not expand further east, under any circumstances.";
        let drag = QuoteDrag::new(source, text, 12..text.len());
        assert_eq!(drag.preview, "NATO must not expand further east, under…");
        assert_eq!(drag.range, 12..text.len());
        assert_eq!(shortened("普京  說", 10), "普京 說");
        // A range outside the text previews nothing rather than failing.
        assert_eq!(QuoteDrag::new(source, text, 500..600).preview, "");
    }
}
