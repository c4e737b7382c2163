//! Readers for the dictionaries and validation records of PETRARCH 2 (and TABARI before it),
//! so that users can code with the dictionaries they already hold and score kestrel on the
//! peer's own test suite.
//!
//! Every reader is pure: text in, typed dictionary plus [`Diagnostic`]s out. A malformed line
//! is reported with its file and line and skipped; constructs kestrel reads but does not use
//! are counted by the caller (see [`verbs::VerbDictionary::unsupported`]).

pub mod actors;
pub mod agents;
pub mod discards;
pub mod import;
mod lines;
pub mod phrase;
pub mod validation;
pub mod verbs;

pub use kestrel_text::datafile::Diagnostic;
