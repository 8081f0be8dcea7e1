//! AIF JSON, the Argument Interchange Format as OVA and AIFdb write it: claims as I-nodes,
//! relations as RA (supports) and CA (attacks) nodes between them, and each stance's quote as
//! a locution (an L-node spoken by its actor, a participant) joined to its claim by an
//! illocutionary YA node: Agreeing for support, Disagreeing for opposition, Default
//! Illocuting otherwise.
//!
//! What AIF has no place for (claim labels beside their texts, actor kinds and camps, exact
//! positions, translations, sources, canvas positions) travels in one extra top-level object,
//! `"stancemap"`, which AIF readers pass over and stancemap reads back, so a map exported and
//! imported again is the same map.

mod export;
mod extension;
mod import;

pub use export::to_aif_json;
pub use import::read_aif;

/// The illocution a stance of this polarity is written with.
pub(crate) fn illocution(polarity: crate::model::Polarity) -> &'static str {
    match polarity {
        crate::model::Polarity::Support => "Agreeing",
        crate::model::Polarity::Oppose => "Disagreeing",
        crate::model::Polarity::Neutral => "Default Illocuting",
    }
}
