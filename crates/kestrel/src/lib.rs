//! kestrel: English news text in, coded political events out.
//!
//! This crate ties the stages together: [`input`] reads documents, [`Coder`] runs
//! text -> actors -> events on each, [`EventRecord`] is the output schema, and [`output`]
//! writes records as JSON lines or TSV.

mod coder;
pub mod dictionaries;
pub mod eval;
pub mod gold;
pub mod input;
pub mod output;
mod record;

pub use coder::Coder;
pub use record::{ActorRecord, AttributionRecord, EventRecord, PloverRecord, TriggerRecord};
