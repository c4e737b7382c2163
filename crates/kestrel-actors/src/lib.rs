//! Actors stage: the knowledge base of countries, organisations, role nouns and people, and the
//! resolution of noun phrases to CAMEO actor codes.
//!
//! [`ActorKb`] loads the data files; [`ActorKb::find_token_mentions`] finds every knowledge-base phrase
//! of a document in one pass; [`resolve_sentence`] turns a sentence's tokens and mentions into
//! [`NounPhrase`]s carrying resolved [`Actor`]s, keeping a [`DocContext`] for back-references.

mod code;
mod kb;
mod resolve;

pub use code::{ActorCode, Sector};
pub use kb::{
    ActorKb, DefaultFiles, Diagnostic, Entry, KbBuilder, Mention, Person, PersonRole, Role, RoleKind, Source,
};
pub use resolve::{
    may_name_actors, resolve_sentence, Actor, Conventions, DocContext, DocInput, NounPhrase, ResolveBuffers, Via,
};
