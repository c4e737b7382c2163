//! Phrase patterns around a verb (imported from PETRARCH verb dictionaries): words, word-set
//! members and actor slots that must occur in order before and after the verb.
//!
//! Matching is over tokens, not a parse: an item may start anywhere after the previous one
//! unless it is joined to it (`_` in the dictionary), and actor slots match whole noun phrases.
//! The search backtracks, so an early false start does not hide a later match.

use kestrel_text::{noun_lemma, verb_lemma};

use crate::grammar::{SentenceView, VerbGroup};
use crate::lexicon::{Lexicon, PatternItem, PatternWord, PhrasePattern};

/// The noun phrases a matched pattern assigns to actor roles.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PatternMatch {
    pub source: Option<usize>,
    pub target: Option<usize>,
    /// A compound phrase before the verb, whose actors act on each other.
    pub compound: Option<usize>,
}

/// Longest word-set member tried, in words.
const MAX_SET_WORDS: usize = 4;

/// The first phrase pattern of `patterns` that matches around verb group `g`.
pub fn find_match<'p>(
    view: &SentenceView,
    lex: &Lexicon,
    g: &VerbGroup,
    patterns: &'p [PhrasePattern],
) -> Option<(&'p PhrasePattern, PatternMatch)> {
    patterns.iter().find_map(|p| {
        let mut m = PatternMatch::default();
        // Auxiliaries and adverbs of the verb group count as words before the verb ("did n't
        // clash" for `&NEGATVAUXVRB * ...`).
        let before_end = view.range.start.max(g.main);
        let before_ok = if p.before.is_empty() {
            true
        } else {
            let must_end = p.verb_joined_before.then_some(before_end);
            items_match(view, lex, &p.before, view.range.start, before_end, must_end, &mut m)
        };
        // A compound before the verb acts on itself ("Arnor and Gondor agreed"); after the
        // verb it is the set of targets ("agreed with Arnor and Gondor").
        let compound_before = m.compound.take();
        let after_ok = before_ok
            && (p.after.is_empty() || items_match(view, lex, &p.after, g.end, view.range.end, None, &mut m));
        if let Some(after) = m.compound.take() {
            m.target = Some(after);
        }
        m.compound = compound_before;
        after_ok.then_some((p, m))
    })
}

/// Whether `items` match in order within `from..hi`, each starting anywhere after the one
/// before it, or right at its end when joined (the first item after the verb is joined to the
/// verb), and the last ending at `must_end` when given.
fn items_match(
    view: &SentenceView,
    lex: &Lexicon,
    items: &[PatternItem],
    from: usize,
    hi: usize,
    must_end: Option<usize>,
    m: &mut PatternMatch,
) -> bool {
    let Some((item, rest)) = items.split_first() else {
        return must_end.is_none_or(|e| e == from);
    };
    let starts = if item.joined { from..(from + 1).min(hi) } else { from..hi };
    for at in starts {
        let saved = *m;
        if let Some(end) = element_end(view, lex, &item.word, at, hi, m) {
            if items_match(view, lex, rest, end, hi, must_end, m) {
                return true;
            }
            *m = saved;
        }
    }
    false
}

/// Where the element starting at token `at` ends, if it matches there.
fn element_end(view: &SentenceView, lex: &Lexicon, word: &PatternWord, at: usize, hi: usize, m: &mut PatternMatch) -> Option<usize> {
    if at >= hi {
        return None;
    }
    let actor_phrase = || view.phrase_at(at).filter(|&p| view.phrases[p].is_actor() && view.phrases[p].tokens.start == at);
    match word {
        PatternWord::Word(w) => word_matches(view.lower(at), w).then_some(at + 1),
        PatternWord::Set(set) => (1..=MAX_SET_WORDS.min(hi - at)).rev().find_map(|n| {
            let words: Vec<&str> = (at..at + n).map(|i| view.lower(i)).collect();
            let joined = words.join(" ");
            let last_lemma = noun_lemma(words[n - 1]);
            let lemma_form = words[..n - 1].iter().copied().chain([last_lemma.as_ref()]).collect::<Vec<_>>().join(" ");
            (lex.in_set(*set, &joined) || lex.in_set(*set, &lemma_form)).then_some(at + n)
        }),
        PatternWord::Source => actor_phrase().map(|p| {
            m.source = Some(p);
            view.phrases[p].tokens.end
        }),
        PatternWord::Target => actor_phrase().map(|p| {
            m.target = Some(p);
            view.phrases[p].tokens.end
        }),
        PatternWord::Compound => actor_phrase().filter(|&p| view.phrases[p].actors.len() > 1).map(|p| {
            m.compound = Some(p);
            view.phrases[p].tokens.end
        }),
        PatternWord::Skip => view
            .phrase_at(at)
            .filter(|&p| view.phrases[p].tokens.start == at)
            .map(|p| view.phrases[p].tokens.end),
    }
}

/// A dictionary word matches a token written the same, or with the same noun or verb lemma
/// ("ties" for TIE, "has" for HAVE).
fn word_matches(token: &str, word: &str) -> bool {
    token == word || noun_lemma(token) == word || verb_lemma(token) == word
}
