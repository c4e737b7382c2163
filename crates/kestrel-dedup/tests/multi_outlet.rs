//! Story clustering and event fusion on the team's multi-outlet set (tests/data/README.md):
//! the documents are coded with the embedded coder, clustered and fused in file order and in
//! reverse order, and scored pairwise against the expected story ids and event labels.

use std::collections::{HashMap, HashSet};

use kestrel::input::Document;
use kestrel::{Coder, EventRecord};
use kestrel_dates::CivilDate;
use kestrel_dedup::{jaccard, signature, similarity, EventFusion, FusionKey, StoryClusters};
use serde::Deserialize;

const DOCUMENTS: &str = include_str!("data/multi-outlet.jsonl");
const EVENTS: &str = include_str!("data/multi-outlet-events.tsv");

#[derive(Deserialize)]
struct TestDocument {
    id: String,
    date: String,
    source: String,
    title: String,
    text: String,
    story: String,
    events: Vec<String>,
}

/// One expected event: which coded events of a document that lists it are its mentions.
struct Label {
    source: String,
    /// `None` for an event without a target.
    target: Option<String>,
    root: String,
    /// True for an event the text says did not happen (`negative`), false for `factual`.
    negative: bool,
}

impl Label {
    fn matches(&self, record: &EventRecord) -> bool {
        let target_matches = match (&self.target, &record.target) {
            (None, None) => true,
            (Some(label), Some(actor)) => actor.code.starts_with(label.as_str()),
            _ => false,
        };
        let modality_matches = match record.modality.as_str() {
            "asserted" | "reported" | "alleged" | "hedged" => !self.negative,
            "negated" | "denied" => self.negative,
            _ => false,
        };
        record.source.code.starts_with(&self.source) && target_matches && record.root == self.root && modality_matches
    }
}

fn load() -> (Vec<TestDocument>, HashMap<String, Label>) {
    let docs: Vec<TestDocument> = DOCUMENTS
        .lines()
        .enumerate()
        .map(|(i, line)| serde_json::from_str(line).unwrap_or_else(|e| panic!("multi-outlet.jsonl:{}: {e}", i + 1)))
        .collect();
    let mut labels = HashMap::new();
    for (i, line) in EVENTS.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 7, "multi-outlet-events.tsv:{}: seven fields", i + 1);
        assert!(
            matches!(fields[4], "factual" | "negative"),
            "multi-outlet-events.tsv:{}: modality",
            i + 1
        );
        let label = Label {
            source: fields[1].to_string(),
            target: (fields[2] != "-").then(|| fields[2].to_string()),
            root: fields[3].to_string(),
            negative: fields[4] == "negative",
        };
        assert!(
            labels.insert(fields[0].to_string(), label).is_none(),
            "label {} twice",
            fields[0]
        );
    }
    (docs, labels)
}

/// Precision and recall of "same cluster" over all pairs of items, from the gold and predicted
/// cluster of each item (pairs excluded by `skip` are not counted).
#[derive(Debug, Default, Clone, Copy)]
struct PairScore {
    true_pos: usize,
    false_pos: usize,
    false_neg: usize,
}

impl PairScore {
    fn of<G: Eq, P: Eq>(items: &[(G, P)], skip: impl Fn(usize, usize) -> bool) -> PairScore {
        let mut score = PairScore::default();
        for i in 0..items.len() {
            for j in i + 1..items.len() {
                if skip(i, j) {
                    continue;
                }
                let gold = items[i].0 == items[j].0;
                let predicted = items[i].1 == items[j].1;
                match (gold, predicted) {
                    (true, true) => score.true_pos += 1,
                    (false, true) => score.false_pos += 1,
                    (true, false) => score.false_neg += 1,
                    (false, false) => {}
                }
            }
        }
        score
    }

    fn precision(&self) -> f64 {
        self.true_pos as f64 / (self.true_pos + self.false_pos).max(1) as f64
    }

    fn recall(&self) -> f64 {
        self.true_pos as f64 / (self.true_pos + self.false_neg).max(1) as f64
    }
}

struct Outcome {
    stories: PairScore,
    events: PairScore,
    /// (document, label) pairs the coder found no mention for.
    missed: Vec<(String, String)>,
    labelled: usize,
    /// Wrongly fused or split mention pairs, for the report.
    errors: Vec<String>,
}

/// Codes, clusters and fuses the documents in the given order and scores the result.
fn evaluate(
    docs: &[&TestDocument],
    labels: &HashMap<String, Label>,
    coded: &HashMap<&str, Vec<EventRecord>>,
) -> Outcome {
    let mut clusters = StoryClusters::new();
    let mut story_items = Vec::new();
    let mut fusion = EventFusion::new();
    // (label, fused event, document index, description) of every labelled mention.
    let mut mentions: Vec<(String, usize, usize, String)> = Vec::new();
    let mut missed = Vec::new();
    let mut labelled = 0;
    for (doc_index, doc) in docs.iter().enumerate() {
        story_items.push((doc.story.as_str(), clusters.add(signature(&doc.text))));
        let published = CivilDate::parse(&doc.date);
        let records = &coded[doc.id.as_str()];
        let mut found: HashSet<&str> = HashSet::new();
        for record in records {
            let event = fusion.add(FusionKey::from_record(record, published));
            let matching: Vec<&String> = doc
                .events
                .iter()
                .filter(|l| labels[l.as_str()].matches(record))
                .collect();
            assert!(
                matching.len() <= 1,
                "{}: {record:?} matches several labels {matching:?}",
                doc.id
            );
            if let Some(label) = matching.first() {
                found.insert(label.as_str());
                let description = format!(
                    "{} {}>{} {} {} {:?} {}",
                    doc.id,
                    record.source.code,
                    record.target.as_ref().map_or("-", |t| t.code.as_str()),
                    record.code,
                    record.modality,
                    record.date,
                    record.trigger.text
                );
                mentions.push((label.to_string(), event, doc_index, description));
            }
        }
        for label in &doc.events {
            labelled += 1;
            if !found.contains(label.as_str()) {
                missed.push((doc.id.clone(), label.clone()));
            }
        }
    }
    let pairs: Vec<(&str, usize)> = mentions.iter().map(|(l, e, _, _)| (l.as_str(), *e)).collect();
    // Pairs within one article are not scored: the issue is fusion across articles.
    let events = PairScore::of(&pairs, |i, j| mentions[i].2 == mentions[j].2);
    let mut errors = Vec::new();
    for i in 0..mentions.len() {
        for j in i + 1..mentions.len() {
            let (a, b) = (&mentions[i], &mentions[j]);
            if a.2 != b.2 && (a.0 == b.0) != (a.1 == b.1) {
                let kind = if a.0 == b.0 { "split" } else { "wrongly fused" };
                errors.push(format!("{kind}: [{}] {}  /  [{}] {}", a.0, a.3, b.0, b.3));
            }
        }
    }
    Outcome {
        stories: PairScore::of(&story_items, |_, _| false),
        events,
        missed,
        labelled,
        errors,
    }
}

#[test]
fn fusion_and_story_clustering_on_the_multi_outlet_set() {
    let (docs, labels) = load();
    assert!(docs.len() >= 40, "the set has {} documents", docs.len());
    let mut ids = HashSet::new();
    for doc in &docs {
        assert!(ids.insert(doc.id.as_str()), "duplicate id {}", doc.id);
        assert!(
            !doc.source.is_empty() && !doc.title.is_empty(),
            "{}: outlet and title",
            doc.id
        );
        assert!(CivilDate::parse(&doc.date).is_some(), "{}: date {}", doc.id, doc.date);
        for label in &doc.events {
            assert!(labels.contains_key(label), "{}: unknown label {label}", doc.id);
        }
    }
    let coder = Coder::embedded();
    let coded: HashMap<&str, Vec<EventRecord>> = docs
        .iter()
        .map(|d| {
            let document = Document {
                id: d.id.clone(),
                date: CivilDate::parse(&d.date),
                text: d.text.clone(),
                title: Some(d.title.clone()),
                url: None,
                source: Some(d.source.clone()),
            };
            (d.id.as_str(), coder.code(&document))
        })
        .collect();

    // The margin of the story threshold: similarities within and across expected stories.
    let signatures: Vec<_> = docs.iter().map(|d| signature(&d.text)).collect();
    let mut lowest_same = (f64::MAX, String::new());
    let mut highest_different = (f64::MIN, String::new());
    for i in 0..docs.len() {
        for j in i + 1..docs.len() {
            let s = similarity(&signatures[i], &signatures[j]);
            let pair = format!("{} / {}", docs[i].id, docs[j].id);
            if docs[i].story == docs[j].story {
                let estimate = jaccard(&signatures[i], &signatures[j]);
                println!("same story: score {s:.3}, Jaccard {estimate:.3}: {pair}");
                if s < lowest_same.0 {
                    lowest_same = (s, pair);
                }
            } else if s > highest_different.0 {
                highest_different = (s, pair);
            }
        }
    }
    println!("story score: lowest within a story {lowest_same:?}; highest across stories {highest_different:?}");

    let forward: Vec<&TestDocument> = docs.iter().collect();
    let backward: Vec<&TestDocument> = docs.iter().rev().collect();
    for (order, sequence) in [("file order", &forward), ("reverse order", &backward)] {
        let outcome = evaluate(sequence, &labels, &coded);
        let coverage = 1.0 - outcome.missed.len() as f64 / outcome.labelled as f64;
        println!(
            "{order}: stories P {:.3} R {:.3} ({:?}); events P {:.3} R {:.3} ({:?}); labelled mentions found {:.3} \
             ({} of {} document-event pairs missed: {:?})",
            outcome.stories.precision(),
            outcome.stories.recall(),
            outcome.stories,
            outcome.events.precision(),
            outcome.events.recall(),
            outcome.events,
            coverage,
            outcome.missed.len(),
            outcome.labelled,
            outcome.missed
        );
        for error in &outcome.errors {
            println!("  {error}");
        }
        // Floors under the measured figures (file order / reverse order): coverage 1.000 / 1.000,
        // stories P 0.929 / 0.917 and R 0.929 / 0.786, events P 1.000 / 0.969 and
        // R 0.993 / 0.948. Since the coder reads "accusing them" in E07 ("imposed sanctions on
        // Russian companies, accusing them of ..."), E07 holds a US accusation of Russian
        // companies on the day of E26's accusation of Russia: a bare country as target
        // extends to any block, so E26's first mention joins E07's accusation and E26 splits.
        // Telling them apart needs what is alleged, which fusion keys do not hold.
        assert!(coverage >= 0.95, "{order}: coder coverage {coverage:.3}");
        assert!(outcome.stories.precision() >= 0.9, "{order}: story precision");
        assert!(outcome.stories.recall() >= 0.75, "{order}: story recall");
        assert!(outcome.events.precision() >= 0.95, "{order}: fusion precision");
        assert!(outcome.events.recall() >= 0.94, "{order}: fusion recall");
    }
}
