//! Phrase patterns around a verb (imported from PETRARCH verb dictionaries): words, word-set
//! members and actor slots that must occur in order before and after the verb.
//!
//! Matching is over tokens, not a parse: an item may start anywhere after the previous one
//! unless it is joined to it (`_` in the dictionary), and actor slots match whole noun phrases.
//! The search backtracks, so an early false start does not hide a later match.

use std::collections::HashSet;

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

/// The words of a sentence as patterns compare them: each token's lower-case form and its noun
/// and verb lemmas, computed once per sentence rather than once per comparison.
pub struct PatternWords {
    start: usize,
    forms: Vec<[String; 3]>,
    /// Every form of every token, to reject at once a pattern with a word the sentence lacks.
    present: HashSet<String>,
}

impl PatternWords {
    pub fn new(view: &SentenceView) -> PatternWords {
        let forms: Vec<[String; 3]> = view
            .range
            .clone()
            .map(|i| {
                let lower = view.lower(i);
                [
                    lower.to_string(),
                    noun_lemma(lower).into_owned(),
                    verb_lemma(lower).into_owned(),
                ]
            })
            .collect();
        let present = forms.iter().flatten().cloned().collect();
        PatternWords {
            start: view.range.start,
            forms,
            present,
        }
    }

    /// A dictionary word matches a token written the same, or with the same noun or verb
    /// lemma ("ties" for TIE, "has" for HAVE).
    fn matches(&self, at: usize, word: &str) -> bool {
        at.checked_sub(self.start)
            .and_then(|k| self.forms.get(k))
            .is_some_and(|f| f.iter().any(|form| form == word))
    }

    /// Whether every plain word of the pattern occurs somewhere in the sentence.
    fn may_match(&self, p: &PhrasePattern) -> bool {
        p.before.iter().chain(&p.after).all(|i| match &i.word {
            PatternWord::Word(w) => self.present.contains(w),
            _ => true,
        })
    }
}

/// The first phrase pattern of `patterns` that matches around verb group `g`.
pub fn find_match<'p>(
    view: &SentenceView,
    lex: &Lexicon,
    words: &PatternWords,
    g: &VerbGroup,
    patterns: &'p [PhrasePattern],
) -> Option<(&'p PhrasePattern, PatternMatch)> {
    let ctx = Context { view, lex, words };
    patterns.iter().filter(|p| words.may_match(p)).find_map(|p| {
        let mut m = PatternMatch::default();
        // Auxiliaries and adverbs of the verb group count as words before the verb ("did n't
        // clash" for `&NEGATVAUXVRB * ...`).
        let before_end = view.range.start.max(g.main);
        let before_ok = if p.before.is_empty() {
            true
        } else {
            let must_end = p.verb_joined_before.then_some(before_end);
            items_match(&ctx, &p.before, view.range.start, before_end, must_end, &mut m)
        };
        // A compound before the verb acts on itself ("Arnor and Gondor agreed"); after the
        // verb it is the set of targets ("agreed with Arnor and Gondor").
        let compound_before = m.compound.take();
        let after_ok =
            before_ok && (p.after.is_empty() || items_match(&ctx, &p.after, g.end, view.range.end, None, &mut m));
        if let Some(after) = m.compound.take() {
            m.target = Some(after);
        }
        m.compound = compound_before;
        after_ok.then_some((p, m))
    })
}

struct Context<'a> {
    view: &'a SentenceView<'a>,
    lex: &'a Lexicon,
    words: &'a PatternWords,
}

/// Whether `items` match in order within `from..hi`, each starting anywhere after the one
/// before it, or right at its end when joined (the first item after the verb is joined to the
/// verb), and the last ending at `must_end` when given.
fn items_match(
    ctx: &Context,
    items: &[PatternItem],
    from: usize,
    hi: usize,
    must_end: Option<usize>,
    m: &mut PatternMatch,
) -> bool {
    let Some((item, rest)) = items.split_first() else {
        return must_end.is_none_or(|e| e == from);
    };
    let starts = if item.joined {
        from..(from + 1).min(hi)
    } else {
        from..hi
    };
    for at in starts {
        let saved = *m;
        if let Some(end) = element_end(ctx, &item.word, at, hi, m) {
            if items_match(ctx, rest, end, hi, must_end, m) {
                return true;
            }
            *m = saved;
        }
    }
    false
}

/// Where the element starting at token `at` ends, if it matches there.
fn element_end(ctx: &Context, word: &PatternWord, at: usize, hi: usize, m: &mut PatternMatch) -> Option<usize> {
    let (view, lex) = (ctx.view, ctx.lex);
    if at >= hi {
        return None;
    }
    // PETRARCH codes a phrase by the actor named in it: "an anti- Gondor parade" is Gondor.
    let names_actor = |p: &kestrel_actors::NounPhrase| {
        p.is_actor()
            || p.modifiers
                .iter()
                .any(|m| m.code.country().is_some() || m.code.is_group())
    };
    let actor_phrase = || {
        view.phrase_at(at)
            .filter(|&p| names_actor(&view.phrases[p]) && view.phrases[p].tokens.start == at)
    };
    match word {
        PatternWord::Word(w) => ctx.words.matches(at, w).then_some(at + 1),
        PatternWord::Set(set) => (1..=MAX_SET_WORDS.min(hi - at)).rev().find_map(|n| {
            let words: Vec<&str> = (at..at + n).map(|i| view.lower(i)).collect();
            let joined = words.join(" ");
            let last_lemma = noun_lemma(words[n - 1]);
            let lemma_form = words[..n - 1]
                .iter()
                .copied()
                .chain([last_lemma.as_ref()])
                .collect::<Vec<_>>()
                .join(" ");
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
        // A phrase, or the rest of one after a word the pattern names ("their" in
        // `* THEIR ^ ABOUT +`).
        PatternWord::Skip => view.phrase_at(at).map(|p| view.phrases[p].tokens.end),
    }
}
