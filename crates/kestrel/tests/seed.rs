//! The seed article (../shared/seed) against its gold: every required event found with the
//! right actors (country level), CAMEO root, attribution, modality and date; nothing the gold
//! marks non-factual coded as fact.

use std::path::PathBuf;

use kestrel::gold::{describe, judge, ActorLevel, CodeLevel, GoldDoc, GoldEvent};
use kestrel::input::{read_documents, InputFormat};
use kestrel::Coder;
use serde::Deserialize;

fn seed_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed")
}

#[derive(Deserialize)]
struct SeedLine {
    sentence: usize,
    #[serde(default)]
    events: Vec<GoldEvent>,
    #[serde(default)]
    optional: Vec<GoldEvent>,
    #[serde(default)]
    nonfactual: Vec<GoldEvent>,
}

#[test]
fn seed_article_meets_its_gold() {
    let dir = seed_dir();
    let Ok(article) = std::fs::read(dir.join("article.jsonl")) else {
        eprintln!("skipping: {} not found", dir.display());
        return;
    };
    let mut docs = Vec::new();
    read_documents("article.jsonl", &article, InputFormat::Jsonl, None, &mut |d| {
        docs.push(d.expect("seed document parses"))
    });
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];

    let gold_text = std::fs::read_to_string(dir.join("gold.jsonl")).expect("gold.jsonl readable");
    let mut gold = GoldDoc {
        id: doc.id.clone(),
        date: None,
        text: doc.text.clone(),
        tags: Vec::new(),
        events: Vec::new(),
        optional: Vec::new(),
        nonfactual: Vec::new(),
    };
    for line in gold_text.lines().filter(|l| !l.trim().is_empty()) {
        let s: SeedLine = serde_json::from_str(line).expect("gold line parses");
        let with_sentence = |v: Vec<GoldEvent>| {
            v.into_iter().map(move |e| GoldEvent {
                sentence: s.sentence,
                ..e
            })
        };
        gold.events.extend(with_sentence(s.events));
        gold.optional.extend(with_sentence(s.optional));
        gold.nonfactual.extend(with_sentence(s.nonfactual));
    }

    let produced = Coder::embedded().code(doc);
    let verdict = judge(&gold, &produced, ActorLevel::Country, CodeLevel::Root);
    let coded: Vec<String> = produced.iter().map(describe).collect();
    assert!(
        verdict.missing.is_empty() && verdict.factual_nonfactual.is_empty(),
        "missing: {:#?}\nnon-factual coded as fact: {:#?}\nproduced:\n{}",
        verdict.missing,
        verdict
            .factual_nonfactual
            .iter()
            .map(|e| describe(e))
            .collect::<Vec<_>>(),
        coded.join("\n")
    );
    // The dates of sentences 6 and 7 are part of their required events; check them explicitly.
    for (sentence, date) in [(6, "2023-08"), (7, "2022")] {
        assert!(
            produced
                .iter()
                .any(|e| e.sentence == sentence && e.date.as_deref() == Some(date)),
            "sentence {sentence} should have an event dated {date}:\n{}",
            coded.join("\n")
        );
    }
}
