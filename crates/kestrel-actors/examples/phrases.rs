//! Resolves the noun phrases of text from standard input, read as one document, and prints
//! each sentence's phrases with the actors they denote (`=`) or that modify them (`~`). The
//! optional argument is the publication date (YYYY-MM-DD) people's roles are read on.
//!
//!     echo "Russia's defence minister visited Pyongyang." | \
//!         cargo run --release -p kestrel-actors --example phrases -- 2023-07-26

use std::io::{Read, Write};

use kestrel_actors::{resolve_sentence, ActorKb, Conventions, DocContext, DocInput, ResolveBuffers};
use kestrel_dates::CivilDate;

fn main() -> std::io::Result<()> {
    let date = std::env::args().nth(1).and_then(|d| CivilDate::parse(&d));
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let kb = ActorKb::embedded();
    let analysis = kestrel_text::analyze(&text);
    let mentions = kb.find_token_mentions(&text, &analysis);
    let input = DocInput {
        kb,
        text: &text,
        analysis: &analysis,
        mentions: &mentions,
        date,
        conventions: Conventions::Kestrel,
    };
    let mut ctx = DocContext::default();
    let mut buffers = ResolveBuffers::default();
    let mut out = std::io::stdout().lock();
    for (n, sentence) in analysis.sentences.iter().enumerate() {
        writeln!(out, "sentence {n}")?;
        for phrase in resolve_sentence(&input, sentence, &mut ctx, &mut buffers) {
            let (Some(first), Some(last)) = (
                analysis.tokens.get(phrase.tokens.start),
                analysis.tokens.get(phrase.tokens.end.saturating_sub(1)),
            ) else {
                continue;
            };
            let words = &text[first.start as usize..last.end as usize];
            let codes = |actors: &[kestrel_actors::Actor]| {
                actors.iter().map(|a| a.code.to_string()).collect::<Vec<_>>().join(" ")
            };
            write!(out, "  [{words}]")?;
            if phrase.is_actor() {
                write!(out, " = {}", codes(&phrase.actors))?;
            }
            if !phrase.modifiers.is_empty() {
                write!(out, " ~ {}", codes(&phrase.modifiers))?;
            }
            writeln!(out)?;
        }
    }
    Ok(())
}
