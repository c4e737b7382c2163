//! Topical similarity of whole articles: TF-IDF weighted word vectors and their cosine.
//!
//! Where MinHash over shingles recognises copies, this recognises articles about the same
//! subject in different words: a word weighs more the more often the article uses it
//! (sublinearly, 1 + ln tf) and the fewer articles of a reference corpus contain it
//! (ln((N + 1) / (df + 1)), so a word found everywhere weighs nothing and a word the corpus has
//! never seen weighs most). Words are those of [`crate::words`]; no stop list is needed, since
//! function words are in every article and the inverse document frequency removes them.

use std::collections::HashMap;

use crate::normalize::words;

/// Document frequencies of the words of a reference corpus.
#[derive(Debug, Default, Clone)]
pub struct TfIdf {
    document_frequency: HashMap<String, u32>,
    documents: u32,
}

/// An L2-normalised TF-IDF vector: (word, weight) sorted by word.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct TermVector {
    terms: Vec<(String, f64)>,
}

impl TfIdf {
    pub fn new() -> TfIdf {
        TfIdf::default()
    }

    /// Counts the distinct words of one more corpus document.
    pub fn add_document(&mut self, text: &str) {
        let mut distinct = words(text);
        distinct.sort_unstable();
        distinct.dedup();
        for word in distinct {
            *self.document_frequency.entry(word).or_default() += 1;
        }
        self.documents = self.documents.saturating_add(1);
    }

    /// Documents counted so far.
    pub fn documents(&self) -> u32 {
        self.documents
    }

    fn idf(&self, word: &str) -> f64 {
        let df = self.document_frequency.get(word).copied().unwrap_or(0);
        ((f64::from(self.documents) + 1.0) / (f64::from(df) + 1.0)).ln()
    }

    /// The weighted, normalised vector of `text`; empty when no word carries weight.
    pub fn vector(&self, text: &str) -> TermVector {
        let mut counts: HashMap<String, u32> = HashMap::new();
        for word in words(text) {
            *counts.entry(word).or_default() += 1;
        }
        let mut terms: Vec<(String, f64)> = counts
            .into_iter()
            .map(|(word, tf)| {
                let weight = (1.0 + f64::from(tf).ln()) * self.idf(&word);
                (word, weight)
            })
            .filter(|(_, weight)| *weight > 0.0)
            .collect();
        let norm = terms.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        if norm == 0.0 {
            return TermVector::default();
        }
        for (_, w) in &mut terms {
            *w /= norm;
        }
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        TermVector { terms }
    }
}

impl TermVector {
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The (word, weight) pairs, sorted by word.
    pub fn terms(&self) -> &[(String, f64)] {
        &self.terms
    }
}

/// Cosine similarity of two vectors (0..=1, as weights are non-negative); 0 if either is empty.
pub fn cosine(a: &TermVector, b: &TermVector) -> f64 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.terms.len() && j < b.terms.len() {
        match a.terms[i].0.cmp(&b.terms[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a.terms[i].1 * b.terms[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot.clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> TfIdf {
        let mut m = TfIdf::new();
        for text in [
            "Russia and North Korea held talks on military cooperation.",
            "North Korea fired a ballistic missile into the sea.",
            "The central bank raised interest rates to curb inflation.",
            "Floods closed the roads and the schools in the north.",
        ] {
            m.add_document(text);
        }
        m
    }

    #[test]
    fn same_subject_in_other_words_scores_above_another_subject() {
        let m = model();
        assert_eq!(m.documents(), 4);
        let talks = m.vector("Moscow and Pyongyang discussed military cooperation during talks.");
        let talks_again = m.vector("Military cooperation talks between Russia and North Korea continued.");
        let rates = m.vector("Interest rates rose again as the bank fought inflation.");
        assert!(cosine(&talks, &talks_again) > 0.2, "{}", cosine(&talks, &talks_again));
        assert!(cosine(&talks, &talks_again) > 3.0 * cosine(&talks, &rates));
        assert!((cosine(&talks, &talks) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn empty_and_weightless_texts() {
        let m = model();
        assert!(m.vector("").is_empty());
        // A word in every corpus document weighs nothing; an unseen word weighs most.
        let mut corpus = TfIdf::new();
        corpus.add_document("the the talks");
        corpus.add_document("the");
        assert!(corpus.vector("the").is_empty());
        let v = corpus.vector("the talks missile");
        assert_eq!(v.terms().len(), 2);
        assert!(v.terms()[0].1 > v.terms()[1].1, "{v:?}");
        assert_eq!(cosine(&m.vector(""), &m.vector("talks")), 0.0);
        let v = m.vector("talks talks missile");
        let norm: f64 = v.terms().iter().map(|(_, w)| w * w).sum();
        assert!((norm - 1.0).abs() < 1e-9);
        assert!(v.terms().windows(2).all(|p| p[0].0 < p[1].0));
    }
}
