//! Events stage: the CAMEO table, the event lexicon, a shallow clause grammar, and the
//! extraction of coded events with attribution, modality and date from one sentence.

mod cameo;
mod extract;
mod grammar;
mod lexicon;
mod modality;
mod patterns;

pub use cameo::{CameoCode, CameoTable, Plover};
pub use extract::{extract, is_verbal, quotation_speaker, Event};
pub use grammar::SentenceView;
pub use lexicon::{Diagnostic, Governor, GovernorPos, Lexicon, PatternItem, PatternWord, PhrasePattern};
pub use modality::Modality;
