//! Part-of-speech tagger: lexicon look-up, unknown-word guessing, then Brill-style
//! contextual rules for the ambiguities that matter to event coding (noun vs verb, past
//! tense vs participle, "that", "'s").
//!
//! Each token first gets its most likely tag and the set of tags it may take (from the
//! lexicon entry the tokenizer looked up, or its shape; capitalised words also from their
//! place in the sentence). One left-to-right pass over each sentence then chooses among those
//! options from the already-decided tags on the left and the provisional tags on the right.
//! Unambiguous words (most nouns, names, prepositions ...) are skipped by that pass.

use crate::lexicon::{Entry, Lexicon, TagSet};
use crate::tokens::{flag, Clitic, Kind, RawToken};
use crate::word_marks as mark;
use crate::{SentenceSpan, Tag, Token};

/// How far right the "is there another finite verb in this clause" check looks.
const CLAUSE_LOOKAHEAD: usize = 20;
/// How many adverbs may separate a verb from its auxiliary ("has not yet been").
const MAX_ADVERBS_SKIPPED: usize = 3;

const BASE_FORMS: TagSet = TagSet::of(&[Tag::VB, Tag::VBP]);
const NOUNS: TagSet = TagSet::of(&[Tag::NN, Tag::NNS]);
/// The nominal side of a noun/verb ambiguity.
const NOMINAL_OPTIONS: TagSet = TagSet::of(&[Tag::NN, Tag::NNS, Tag::JJ]);
/// The verb forms other than the gerund.
const FINITE_OR_PAST: TagSet = TagSet::of(&[Tag::VB, Tag::VBD, Tag::VBN, Tag::VBP, Tag::VBZ]);
/// Options that the contextual rules may act on: a word whose options include none of these
/// (and that is not "that", "there" or a particle) keeps its initial tag.
const MAY_CHANGE: TagSet = TagSet::of(&[Tag::VB, Tag::VBD, Tag::VBG, Tag::VBN, Tag::VBP, Tag::VBZ, Tag::JJ]);

/// What capital letters say in a sentence.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Casing {
    /// Ordinary prose: a capitalised word mid-sentence is a name.
    Normal,
    /// A Title Case headline: capitals carry no information, ALL-CAPS words are still names.
    Title,
    /// An ALL-CAPS sentence: nothing can be learnt from case.
    AllCaps,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Category {
    Verb,
    Nominal,
}

/// Tags the tokens of a document.
pub(crate) fn tag(tokens: &[RawToken], sentences: &[SentenceSpan], lower: &str, lexicon: &Lexicon) -> Vec<Token> {
    let (tagged, options) = tokens
        .iter()
        .map(|token| {
            let (tag, options) = context_free_tag(token, lower, lexicon);
            let token = Token {
                start: token.start,
                end: token.end,
                tag,
                opening: token.has(flag::OPENING),
            };
            (token, options)
        })
        .unzip();
    let mut tagger = Tagger {
        tokens,
        lower,
        lexicon,
        tagged,
        options,
    };
    for sentence in sentences {
        tagger.sentence(sentence);
    }
    tagger.tagged
}

/// The initial tag and tag options of a token, as far as they do not depend on its sentence:
/// capitalised words are tagged NNP here and again in context by [`Tagger::sentence`].
fn context_free_tag(token: &RawToken, lower: &str, lexicon: &Lexicon) -> (Tag, TagSet) {
    let only = |tag| (tag, TagSet::of(&[tag]));
    match token.kind {
        Kind::Mark(tag) => only(tag),
        Kind::Number => only(Tag::CD),
        Kind::Abbreviation { tag, .. } => only(tag),
        Kind::Clitic(Clitic::S) => (Tag::POS, TagSet::of(&[Tag::POS, Tag::VBZ])),
        Kind::Clitic(Clitic::PluralPossessive) => only(Tag::POS),
        Kind::Clitic(Clitic::Not) => only(Tag::RB),
        Kind::Clitic(Clitic::Auxiliary) => (Tag::VBP, BASE_FORMS),
        Kind::Clitic(Clitic::Modal) => only(Tag::MD),
        Kind::Word if token.has(CASED) => only(Tag::NNP),
        // Most words: what the lexicon or the word's shape says.
        Kind::Word => match token.entry {
            Some(entry) => (entry.primary, entry.tags),
            None => guess(lower.get(token.range()).unwrap_or(""), token.flags, lexicon),
        },
    }
}

/// Whether the contextual rules may change the tag of a token with these options: no rule
/// changes an unambiguous noun, name, preposition, punctuation mark ... (clitic 's may be
/// VBZ, so it passes).
fn may_change(token: &RawToken, options: TagSet) -> bool {
    options.intersects(MAY_CHANGE) || token.marks & (mark::THAT | mark::THERE | mark::PARTICLE) != 0
}

/// Flags of the words whose tag depends on their place in the sentence.
const CASED: u16 = flag::CAPITALIZED | flag::ALL_CAPS;

struct Tagger<'a> {
    tokens: &'a [RawToken],
    lower: &'a str,
    lexicon: &'a Lexicon,
    /// The output: each token with its tag (provisional until its sentence is tagged).
    tagged: Vec<Token>,
    /// Tags each token may take (includes its current tag).
    options: Vec<TagSet>,
}

/// Whether tagging a word uses its lexicon entry: names mid-sentence and ALL-CAPS words
/// are tagged NNP whatever the lexicon says (outside headlines).
fn uses_entry(token: &RawToken, initial: bool) -> bool {
    !token.has(flag::ALL_CAPS) && (initial || !token.has(flag::CAPITALIZED) || token.end - token.start == 1)
}

/// Prepositions that also open a clause ("after troops fired on the crowd").
/// Units of time that measure an activity: "weeks of fighting", "a night of shelling".
const SPANS_OF_TIME: [&str; 14] = [
    "hour", "hours", "day", "days", "night", "nights", "week", "weeks", "month", "months", "year", "years", "decade",
    "decades",
];

const SUBORDINATORS: [&str; 14] = [
    "after", "before", "since", "until", "till", "once", "as", "because", "while", "if", "although", "though",
    "unless", "whether",
];

fn ends_clause(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Comma | Tag::Colon | Tag::Period | Tag::CC | Tag::WDT | Tag::WP | Tag::Quote | Tag::LParen | Tag::Dash
    )
}

/// Tag of a word the lexicon does not know, from its shape and suffix.
#[cold]
fn guess(word: &str, flags: u16, lexicon: &Lexicon) -> (Tag, TagSet) {
    // A prefix with a hanging hyphen ("anti- Western") modifies what follows.
    if word.ends_with(['-', '\u{2010}', '\u{2011}']) {
        return (Tag::JJ, TagSet::of(&[Tag::JJ]));
    }
    if flags & flag::HYPHENATED != 0 {
        let last = word.rsplit(['-', '\u{2010}', '\u{2011}']).next().unwrap_or(word);
        if let Some(entry) = lexicon.word(last) {
            return match entry.primary {
                // "cease-fire" NN, "long-range" JJ before a noun: let context decide.
                Tag::NN | Tag::NNS => (entry.primary, TagSet::of(&[entry.primary, Tag::JJ])),
                Tag::VBN | Tag::VBD | Tag::VBG | Tag::JJ => (Tag::JJ, TagSet::of(&[Tag::JJ])),
                other => (other, TagSet::of(&[other])),
            };
        }
        return guess_by_suffix(last, flags);
    }
    guess_by_suffix(word, flags)
}

fn guess_by_suffix(word: &str, flags: u16) -> (Tag, TagSet) {
    let only = |tag| (tag, TagSet::of(&[tag]));
    let ends = |suffixes: &[&str]| suffixes.iter().any(|suffix| word.ends_with(suffix));
    if flags & flag::HAS_DIGIT != 0 {
        return only(Tag::NN);
    }
    let length = word.len();
    if length >= 5 && word.ends_with("ing") {
        (Tag::VBG, TagSet::of(&[Tag::VBG, Tag::NN, Tag::JJ]))
    } else if length >= 4 && word.ends_with("ed") {
        (Tag::VBD, TagSet::of(&[Tag::VBD, Tag::VBN, Tag::JJ]))
    } else if length >= 4 && word.ends_with("ly") {
        only(Tag::RB)
    } else if ends(&[
        "tion", "sion", "ment", "ness", "ity", "ism", "ship", "hood", "ance", "ence", "ist",
    ]) {
        only(Tag::NN)
    } else if ends(&[
        "ous", "ful", "ive", "able", "ible", "less", "ic", "ish", "ian", "ese", "al",
    ]) {
        only(Tag::JJ)
    } else if ends(&["ize", "ise", "ify"]) {
        (Tag::VB, BASE_FORMS)
    } else if length >= 3 && word.ends_with('s') && !ends(&["ss", "us", "is"]) {
        (Tag::NNS, TagSet::of(&[Tag::NNS, Tag::VBZ]))
    } else {
        only(Tag::NN)
    }
}

impl Tagger<'_> {
    fn word(&self, index: usize) -> &str {
        self.tokens
            .get(index)
            .and_then(|token| self.lower.get(token.range()))
            .unwrap_or("")
    }

    /// Whether the token follows a span of time and "of" ("weeks of fighting", "a day of
    /// shelling"): what fills that span is a noun, the activity, not a verb with a subject.
    fn after_span_of(&self, index: usize, body: usize) -> bool {
        index >= body + 2 && self.word(index - 1) == "of" && SPANS_OF_TIME.contains(&self.word(index - 2))
    }

    fn tag_at(&self, index: usize, end: usize) -> Option<Tag> {
        (index < end).then(|| self.tagged[index].tag)
    }

    fn sentence(&mut self, sentence: &SentenceSpan) {
        let start = sentence.tokens.start as usize;
        let body = sentence.body_start as usize;
        let end = sentence.tokens.end as usize;
        let casing = self.casing(body, end);
        let tokens = self.tokens;
        for (index, token) in (start..end).zip(&tokens[start..end]) {
            if token.is_word() && token.has(CASED) {
                let initial = index >= body && self.is_initial(index, body);
                let (tag, options) = self.cased_word_tag(index, end, initial, casing);
                self.tagged[index].tag = tag;
                self.options[index] = options;
            }
        }
        // Most tokens are left as they are: find the others with a tight scan over the
        // sentence's tokens and options, and apply the rules to those alone.
        let mut index = body;
        while let Some(offset) = tokens[index..end]
            .iter()
            .zip(&self.options[index..end])
            .position(|(token, &options)| may_change(token, options))
        {
            index += offset;
            self.contextual(index, body, end);
            index += 1;
        }
    }

    /// The lexicon entry of a token (`None` for other tokens and unknown words).
    fn entry(&self, index: usize) -> Option<Entry> {
        self.tokens.get(index).and_then(|token| token.entry)
    }

    /// The function-word marks of a token.
    fn mark_bits(&self, index: usize) -> u16 {
        self.tokens.get(index).map_or(0, |token| token.marks)
    }

    /// The tag options of a token (empty for tokens of sentences not tagged yet).
    fn options_of(&self, index: usize) -> TagSet {
        self.options.get(index).copied().unwrap_or(TagSet::EMPTY)
    }

    fn has_mark(&self, index: usize, marks: u16) -> bool {
        self.mark_bits(index) & marks != 0
    }

    /// Recognises ALL-CAPS and Title Case headlines, where capitals say nothing about names.
    fn casing(&self, body: usize, end: usize) -> Casing {
        let mut words = 0;
        let mut all_caps = 0;
        let mut capitalized = 0;
        for (index, token) in self.tokens.iter().enumerate().take(end).skip(body) {
            if !token.is_word() || token.end - token.start < 2 {
                continue;
            }
            words += 1;
            if token.has(flag::ALL_CAPS) {
                all_caps += 1;
            } else if token.has(flag::CAPITALIZED) {
                capitalized += 1;
            } else if token.has(flag::LOWERCASE_START) {
                let function_word = self
                    .entry(index)
                    .is_some_and(|entry| matches!(entry.primary, Tag::DT | Tag::IN | Tag::CC | Tag::TO));
                if !function_word {
                    return Casing::Normal;
                }
            }
        }
        let ends_with_full_stop = self.tokens[body..end]
            .last()
            .is_some_and(|token| token.mark() == Some(Tag::Period));
        if words >= 2 && all_caps == words {
            Casing::AllCaps
        } else if capitalized + all_caps >= 3 && words <= 20 && !ends_with_full_stop {
            Casing::Title
        } else {
            Casing::Normal
        }
    }

    /// First word of the sentence body, or of a quotation or bracket, or after a colon.
    fn is_initial(&self, index: usize, body: usize) -> bool {
        if index == body {
            return true;
        }
        let previous = &self.tokens[index - 1];
        match previous.kind {
            Kind::Mark(Tag::Quote) => previous.has(flag::OPENING),
            Kind::Mark(Tag::LParen | Tag::Colon) => true,
            _ => false,
        }
    }

    /// Tag and options of a capitalised or ALL-CAPS word.
    fn cased_word_tag(&self, index: usize, end: usize, initial: bool, casing: Casing) -> (Tag, TagSet) {
        let token = self.tokens[index];
        let proper = (Tag::NNP, TagSet::of(&[Tag::NNP]));
        if token.has(flag::ALL_CAPS) && casing != Casing::AllCaps {
            return proper; // NATO, US, MOSCOW
        }
        let entry = if uses_entry(&token, initial) || casing != Casing::Normal {
            self.entry(index)
        } else {
            return proper; // a name mid-sentence
        };
        let initial = initial || casing != Casing::Normal;
        let capitalized = token.has(flag::CAPITALIZED);
        if capitalized {
            return match entry {
                // "I" stays a pronoun; other capitalised words mid-sentence are names.
                Some(entry) if !initial && entry.primary == Tag::PRP => (entry.primary, entry.tags),
                _ if !initial => proper,
                Some(entry) => {
                    let next = self.tokens.get(index + 1).filter(|_| index + 1 < end);
                    let next_capitalized = next.is_some_and(|next| next.is_word() && next.has(flag::CAPITALIZED));
                    // A following name mid-sentence (never initial: this word precedes it)
                    // counts as a name, whatever the lexicon says.
                    let next_primary = next
                        .filter(|next| next.is_word() && uses_entry(next, false))
                        .and_then(|_| self.entry(index + 1))
                        .map(|next| next.primary);
                    let coordinated_name = next_primary == Some(Tag::CC)
                        && self
                            .tokens
                            .get(index + 2)
                            .is_some_and(|after| index + 2 < end && after.is_word() && after.has(flag::CAPITALIZED));
                    // A sentence-initial singular noun that is also a name is read as the
                    // name when a verb or another name follows ("China will ...", "Turkey
                    // and Iran ...", "New York"), not otherwise ("Today, ...").
                    let name = entry.tags.contains(Tag::NNP)
                        && matches!(entry.primary, Tag::NN | Tag::NNS)
                        && (next_capitalized
                            || coordinated_name
                            || (entry.primary == Tag::NN && next_primary.is_some_and(Tag::is_finite_verb)));
                    if name {
                        proper
                    } else {
                        (entry.primary, entry.tags)
                    }
                }
                None if token.has(flag::HYPHENATED) && !token.has(flag::ALL_CAPS) => {
                    let (tag, options) = guess(self.word(index), token.flags, self.lexicon);
                    if tag == Tag::JJ {
                        (tag, options)
                    } else {
                        proper
                    }
                }
                None => proper,
            };
        }
        match entry {
            Some(entry) => (entry.primary, entry.tags),
            None => guess(self.word(index), token.flags, self.lexicon),
        }
    }

    /// The closest token left of `index` that is not an adverb (within the sentence body).
    fn left(&self, index: usize, body: usize) -> Option<usize> {
        let mut candidate = index.checked_sub(1)?;
        let mut skipped = 0;
        while candidate >= body {
            if !self.tagged[candidate].tag.is_adverb() || skipped == MAX_ADVERBS_SKIPPED {
                return Some(candidate);
            }
            skipped += 1;
            candidate = candidate.checked_sub(1)?;
        }
        None
    }

    /// Applies the contextual rules to a token for which [`may_change`] holds.
    fn contextual(&mut self, index: usize, body: usize, end: usize) {
        let marks = self.mark_bits(index);
        let options = self.options[index];
        let token = self.tokens[index];
        match token.kind {
            Kind::Word => {}
            Kind::Clitic(Clitic::S) => {
                self.tagged[index].tag = self.clitic_s(index, body, end);
                return;
            }
            _ => return,
        }
        let previous = (index > body).then(|| self.tagged[index - 1].tag);
        let after_determiner = matches!(previous, Some(Tag::DT | Tag::PRPS | Tag::POS));
        if marks & mark::THAT != 0 {
            self.tagged[index].tag = self.that(index, body, end);
            return;
        }
        if marks & mark::THERE != 0 {
            let next_is_verb =
                index + 1 < end && (self.has_mark(index + 1, mark::BE) || self.tagged[index + 1].tag == Tag::MD);
            if next_is_verb {
                self.tagged[index].tag = Tag::EX;
            }
            return;
        }
        if marks & mark::PARTICLE != 0 && previous.is_some_and(Tag::is_verb) {
            self.tagged[index].tag = Tag::RP;
            return;
        }
        let current = self.tagged[index].tag;
        // "demanded that the president step down", "insisted that the military hand over
        // power": after "that" following a verb of demand, a base form right after the
        // clause's subject is its verb (news would write "steps" or "stepped" otherwise), and
        // an adjective heading that subject is a noun.
        if options.contains(Tag::VB) && options.intersects(NOMINAL_OPTIONS) && self.after_mandative_subject(index, body)
        {
            if self.tagged[index - 1].tag == Tag::JJ {
                self.tagged[index - 1].tag = Tag::NN;
            }
            self.tagged[index].tag = Tag::VB;
            return;
        }
        let mut category = if current.is_verb() {
            Category::Verb
        } else {
            Category::Nominal
        };
        // A word that may be a verb or a noun/adjective ("visit", "attacks").
        if options.intersects(TagSet::VERBS) && options.intersects(NOMINAL_OPTIONS) {
            if let Some(evidence) = self.category_evidence(index, body, end) {
                category = evidence;
            }
        } else if matches!(current, Tag::IN | Tag::RB)
            && options.contains(Tag::VB)
            && self.closed_class_verb(index, body, end)
        {
            category = Category::Verb; // "would like to", "to back Ukraine"
        } else if matches!(current, Tag::VB | Tag::VBZ)
            && !options.intersects(NOMINAL_OPTIONS)
            && !options.intersects(TagSet::of(&[Tag::VBD, Tag::VBN, Tag::VBG]))
            && !options.contains(if current == Tag::VB { Tag::VBZ } else { Tag::VB })
            && ((after_determiner && self.word(index - 1) != "that")
                || (current == Tag::VB && self.heads_before_finite_verb(index, body, end)))
        {
            // "condemned the launch and said", "Pyongyang's launches": right after a determiner
            // other than "that", a possessive or "its", a word the lexicon knows only as a base
            // or "-s" form heads the noun phrase.
            self.tagged[index].tag = if current == Tag::VB { Tag::NN } else { Tag::NNS };
            return;
        } else if current == Tag::VB
            && !options.intersects(NOMINAL_OPTIONS)
            && !options.intersects(TagSet::of(&[Tag::VBZ, Tag::VBD, Tag::VBN, Tag::VBG]))
            && (self.after_singular_determiner(index, body)
                || self
                    .before_modifiers(index, body, 2, TagSet::of(&[Tag::JJ]))
                    .is_some_and(|d| self.tagged[d].tag == Tag::IN))
            && self
                .tag_at(index + 1, end)
                .is_none_or(|next| matches!(next, Tag::IN | Tag::TO) || next.is_punctuation())
        {
            // "in a phone call", "asked for financial help to cope": a word the lexicon knows
            // only as a base form heads a noun phrase after "a" or a preposition and its
            // modifiers, before a preposition or stop.
            self.tagged[index].tag = Tag::NN;
            return;
        } else if current == Tag::VBZ
            && !options.intersects(NOMINAL_OPTIONS)
            && self.after_finite_lexical_verb(index, body)
        {
            // "rejected calls from Washington": the lexicon knows some plurals only as verbs,
            // and no "-s" form directly follows a finite verb.
            self.tagged[index].tag = Tag::NNS;
            return;
        }
        let mut tag = match category {
            Category::Verb if options.intersects(TagSet::VERBS) => self.verb_form(index, body, end),
            Category::Verb => current,
            Category::Nominal if current.is_verb() => [Tag::NNS, Tag::NN, Tag::JJ]
                .into_iter()
                .find(|&tag| options.contains(tag))
                .unwrap_or(current),
            Category::Nominal => current,
        };
        let next = self.tag_at(index + 1, end);
        // The determiner of an adjective's phrase, right before it or before its modifiers.
        let determiner = (tag == Tag::JJ)
            .then(|| {
                if after_determiner {
                    Some(index - 1)
                } else {
                    self.determiner_before_modifiers(index, body)
                }
            })
            .flatten();
        if let Some(determiner) = determiner {
            // "the military said", "the Israeli military said", "Pakistan's army chief met",
            // "the Thai military deposed the prime minister": an adjective heading its noun
            // phrase is a noun, also before a past form not yet told from a participle when an
            // object opens after it (not a noun it modifies: "the new elected parliament") and
            // the phrase is definite ("a radical armed Islamist group" is one phrase).
            // A following word that may be a noun is the head instead ("his frequent travels").
            let next_may_be_noun = index + 1 < end && self.options_of(index + 1).intersects(NOUNS);
            let definite = !matches!(self.word(determiner), "a" | "an");
            let heads = match next {
                None => true,
                Some(next) => {
                    let past = next == Tag::VBN
                        && definite
                        && self.options_of(index + 1).contains(Tag::VBD)
                        && match self.tag_at(index + 2, end) {
                            Some(Tag::DT | Tag::PRPS | Tag::NNP | Tag::CD) => true,
                            // "The Myanmar military seized power": a bare noun after the past
                            // form is its object when the clause has no other finite verb.
                            Some(Tag::NN | Tag::NNS | Tag::JJ) => !self.clause_verb_follows(index + 1, end),
                            _ => false,
                        };
                    ((next.is_finite_verb() || past) && !next_may_be_noun)
                        || matches!(next, Tag::POS | Tag::Period | Tag::Comma)
                }
            };
            if heads {
                tag = Tag::NN;
            }
        } else if tag == Tag::VBG
            && (after_determiner || previous.is_some_and(Tag::is_adjective) || self.after_span_of(index, body))
        {
            // "the fighting", "heavy shelling", "weeks of fighting" (but "the growing tension"
            // stays VBG).
            if !next.is_some_and(|next| next.is_noun() || next.is_adjective()) {
                tag = Tag::NN;
            }
        } else if tag == Tag::VBG
            && index == body
            && next == Some(Tag::IN)
            && self.past_or_present_verb_before_break(index, end)
        {
            // "Shelling by Russian forces killed two", "Fighting between rebels and the army
            // has displaced thousands": a gerund opening the sentence before a preposition,
            // with its clause's finite verb still to come, is the subject ("Speaking at a
            // briefing, Kirby said" reaches a comma first).
            tag = Tag::NN;
        } else if tag == Tag::VB
            && index == body
            && next.is_some_and(Tag::is_noun)
            && self.past_or_present_verb_before_break(index, end)
        {
            // "Polish farmers blocked the border", "Free elections were held": a base form
            // opening the sentence before a noun, with the clause's finite verb still to come,
            // modifies that noun; news opens no clause with an imperative.
            tag = Tag::JJ;
        } else if matches!(tag, Tag::VBN | Tag::VBD)
            && after_determiner
            && !next.is_some_and(|next| next.is_noun() || next.is_adjective())
        {
            // "a set of resolutions", "the accused denied": a past form after a determiner with
            // no noun to modify heads the noun phrase ("the proposed deal" stays VBN).
            tag = Tag::NN;
        } else if matches!(tag, Tag::VBN | Tag::VBD)
            && next.is_some_and(|next| next.is_noun() || next.is_adjective())
            && match previous {
                Some(Tag::IN | Tag::TO) => true,
                Some(Tag::VBD | Tag::VBZ | Tag::VBP) => self.mark_bits(index - 1) & mark::AUXILIARY == 0,
                _ => false,
            }
        {
            // "in repeated air raids", "subjected to forced labour", "faced renewed attacks": a
            // past form between a preposition or a lexical verb and a noun modifies the noun.
            tag = Tag::JJ;
        } else if matches!(tag, Tag::VBN | Tag::VBD) && index > body && self.has_mark(index - 1, mark::LINKING) {
            // "residents should not feel threatened", "officials seemed surprised": a state
            // of mind, not an act.
            tag = Tag::JJ;
        } else if tag == Tag::NN
            && options.contains(Tag::JJ)
            && token.has(flag::HYPHENATED)
            && next.is_some_and(Tag::is_noun)
        {
            tag = Tag::JJ; // "long-range missiles"
        }
        self.tagged[index].tag = tag;
    }

    /// Whether the "-ing" word at `index`, right after a preposition, takes an object as a
    /// gerund: "accused Iran of arming rebels", "by funding the militia", "for training
    /// Ukrainian pilots". A plain noun after it makes a compound ("in training camps"), unless
    /// the preposition follows a name or pronoun, as "of" after the accused does, or a
    /// participle ("was accused of smuggling arms").
    fn gerund_object_follows(&self, index: usize, body: usize, end: usize) -> bool {
        // "accused Iran of smuggling arms", "was accused of smuggling arms"
        let accused_before =
            index >= body + 2 && matches!(self.tagged[index - 2].tag, Tag::NNP | Tag::NNPS | Tag::PRP | Tag::VBN);
        self.determined_object_follows(index, end)
            || (accused_before && matches!(self.tag_at(index + 1, end), Some(Tag::NN | Tag::NNS | Tag::JJ)))
    }

    /// Whether the token after `index` opens a noun phrase that can only be an object: a
    /// determiner, pronoun, name or number.
    fn determined_object_follows(&self, index: usize, end: usize) -> bool {
        matches!(
            self.tag_at(index + 1, end),
            Some(Tag::DT | Tag::PDT | Tag::PRP | Tag::PRPS | Tag::NNP | Tag::NNPS | Tag::CD)
        )
    }

    /// Whether token `index` follows the subject of a that-clause of a verb of demand: "that"
    /// after a word marked MANDATIVE, then a short noun phrase ending in a singular noun or an
    /// adjective ("demanded that the military", "urged that Israel").
    fn after_mandative_subject(&self, index: usize, body: usize) -> bool {
        if index < body + 3 || !matches!(self.tagged[index - 1].tag, Tag::NN | Tag::NNP | Tag::JJ) {
            return false;
        }
        for t in (body + 1..index - 1).rev().take(4) {
            if self.has_mark(t, mark::THAT) {
                return self.has_mark(t - 1, mark::MANDATIVE);
            }
            if !matches!(
                self.tagged[t].tag,
                Tag::DT | Tag::JJ | Tag::NN | Tag::NNP | Tag::NNPS | Tag::PRPS | Tag::POS | Tag::CD
            ) {
                return false;
            }
        }
        false
    }

    /// Evidence for reading a noun/verb-ambiguous word as a verb or as a noun.
    fn category_evidence(&self, index: usize, body: usize, end: usize) -> Option<Category> {
        let current = self.tagged[index].tag;
        let options = self.options[index];
        // "Rebels in the east have killed": an auxiliary before a participle is a verb,
        // whatever precedes it.
        if self.has_mark(index, mark::AUXILIARY)
            && index + 1 < end
            && self.options_of(index + 1).intersects(TagSet::of(&[Tag::VBN, Tag::VBD]))
        {
            return Some(Category::Verb);
        }
        // "Calls are growing", "as calls grew for": an "-s" form right before a word that can
        // only be a finite verb is that verb's plural subject; no finite verb directly
        // follows another.
        if current == Tag::VBZ && options.contains(Tag::NNS) && index + 1 < end {
            let next = self.options_of(index + 1);
            let finite = TagSet::of(&[Tag::VBD, Tag::VBP, Tag::VBZ, Tag::MD]);
            let only_verb = TagSet::of(&[Tag::VB, Tag::VBD, Tag::VBN, Tag::VBP, Tag::VBZ, Tag::MD]);
            if next.intersects(finite) && next.is_subset_of(only_verb) {
                return Some(Category::Nominal);
            }
        }
        // "a truce brokered by Qatar": a participle between a noun and "by" is a reduced
        // passive, even for a word the lexicon knows first as an adjective.
        if options.contains(Tag::VBN)
            && index > body
            && self.tagged[index - 1].tag.is_noun()
            && self.word(index + 1) == "by"
        {
            return Some(Category::Verb);
        }
        // A noun whose only verb form is "-ing" ("arming", "funding", "bombing") is a gerund
        // after a preposition, with its object, a participle with its object after plural
        // doers or opening a clause ("soldiers bombing the village", ", kidnapping two
        // leaders"), or a progressive after "be" ("is planning to"); not a finite verb after
        // a name ("US bombing of Kandahar").
        if current == Tag::NN && options.contains(Tag::VBG) && !options.intersects(FINITE_OR_PAST) {
            let gerund = index > body
                && match self.tagged[index - 1].tag {
                    Tag::IN => self.gerund_object_follows(index, body, end),
                    Tag::NNS | Tag::NNPS => self.determined_object_follows(index, end),
                    Tag::Comma => {
                        self.determined_object_follows(index, end)
                            || matches!(self.tag_at(index + 1, end), Some(Tag::NN | Tag::NNS | Tag::JJ))
                    }
                    _ => false,
                };
            let progressive = self.left(index, body).is_some_and(|left| self.has_mark(left, mark::BE));
            return Some(if gerund || progressive {
                Category::Verb
            } else {
                Category::Nominal
            });
        }
        // "met visiting Russian President Vladimir Putin", "talks with visiting Cambodian
        // leaders": a participle the lexicon also knows as an adjective, after "with" or a
        // finite verb, modifies the names that follow ("after visiting Beijing" is a gerund).
        if current == Tag::VBG
            && options.contains(Tag::JJ)
            && matches!(self.tag_at(index + 1, end), Some(Tag::NNP | Tag::NNPS | Tag::JJ))
            && index > body
            && (self.word(index - 1) == "with" || self.after_finite_lexical_verb(index, body))
        {
            return Some(Category::Nominal);
        }
        if index > body {
            match self.tagged[index - 1].tag {
                // "after meeting Putin": a gerund after a preposition stays a verb form.
                Tag::IN if current == Tag::VBG => return None,
                Tag::DT
                | Tag::PDT
                | Tag::PRPS
                | Tag::POS
                | Tag::JJ
                | Tag::JJR
                | Tag::JJS
                | Tag::CD
                | Tag::WPS
                | Tag::IN => return Some(Category::Nominal),
                _ => {}
            }
        }
        // "a Hamas attack", "a Palestinian state": a base form after "a" and the words modifying
        // its noun heads that noun phrase, for a singular subject never takes a base form.
        if !options.intersects(TagSet::of(&[Tag::VBZ, Tag::VBD, Tag::VBN, Tag::VBG]))
            && self.after_singular_determiner(index, body)
        {
            return Some(Category::Nominal);
        }
        // "condemned the Hamas attack on Israel": after "the" and singular modifiers, a base
        // form before a preposition heads the noun phrase too; a plural subject there ("the
        // police attack on ...") would read the same way, as the noun.
        if !options.intersects(TagSet::of(&[Tag::VBZ, Tag::VBD, Tag::VBN, Tag::VBG]))
            && self.tag_at(index + 1, end) == Some(Tag::IN)
            && self.after_modifiers_of(index, body, &["the"])
        {
            return Some(Category::Nominal);
        }
        let left = self.left(index, body)?;
        let left_tag = self.tagged[left].tag;
        let verb_if = |condition: bool| Some(if condition { Category::Verb } else { Category::Nominal });
        // "fired tear gas", "launched attack drones", "rejected demands for talks": no base or
        // "-s" form directly follows a finite lexical verb.
        if self.after_finite_lexical_verb(index, body)
            && !options.intersects(TagSet::of(&[Tag::VBD, Tag::VBN, Tag::VBG]))
            && (!options.contains(Tag::VBZ) || options.contains(Tag::NNS))
        {
            return Some(Category::Nominal);
        }
        match left_tag {
            Tag::TO | Tag::MD => return verb_if(options.contains(Tag::VB)),
            Tag::CC => {
                let before = self.left(left, body)?;
                let conjunct = self.tagged[before].tag;
                return if conjunct.is_verb() {
                    Some(Category::Verb)
                } else if conjunct.is_noun() {
                    Some(Category::Nominal)
                } else {
                    None
                };
            }
            Tag::WDT | Tag::WP if !self.has_mark(left, mark::THAT) => return Some(Category::Verb),
            Tag::WDT => {
                let next_is_verb = self
                    .tag_at(index + 1, end)
                    .is_some_and(|next| next.is_verb() || next == Tag::MD);
                return verb_if(!next_is_verb);
            }
            _ => {}
        }
        if self.has_mark(left, mark::DO) {
            return verb_if(options.contains(Tag::VB));
        }
        if self.has_mark(left, mark::BE) {
            return verb_if(options.intersects(TagSet::of(&[Tag::VBN, Tag::VBG])));
        }
        if self.has_mark(left, mark::HAVE) {
            return verb_if(options.contains(Tag::VBN));
        }
        if left_tag == Tag::PRP && self.has_mark(left, mark::NOMINATIVE) {
            return Some(Category::Verb);
        }
        // "soldiers shot and killed two teenagers", "gunmen shot dead a policeman", "forces
        // shot down a jet": a past form after a noun, coordinated with another past form,
        // followed by "dead" or by a particle and its object, is that noun's verb (a finite
        // verb follows it, so the subject test below would miss it).
        if matches!(left_tag, Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS) && options.contains(Tag::VBD) {
            let coordinated_past =
                index + 2 < end && self.word(index + 1) == "and" && self.options[index + 2].contains(Tag::VBD);
            let particle_and_object = index + 2 < end
                && self.has_mark(index + 1, mark::PARTICLE)
                && matches!(
                    self.tagged[index + 2].tag,
                    Tag::DT | Tag::CD | Tag::NNP | Tag::PRPS | Tag::JJ | Tag::NN | Tag::NNS
                );
            if coordinated_past || particle_and_object || (index + 1 < end && self.word(index + 1) == "dead") {
                return Some(Category::Verb);
            }
        }
        // Subject-verb-object: "Russia attacks Ukraine", "the U.S. sanctions Russia". A
        // determiner opening a span of time ("missile tests this year") opens no object.
        let next = self.tag_at(index + 1, end)?;
        let time_adjunct = next == Tag::DT && index + 2 < end && SPANS_OF_TIME.contains(&self.word(index + 2));
        let takes_object = !time_adjunct
            && matches!(
                next,
                Tag::DT | Tag::PDT | Tag::PRPS | Tag::PRP | Tag::NNP | Tag::NNPS | Tag::CD
            );
        let object_or_adjunct = takes_object
            || matches!(
                next,
                Tag::IN | Tag::TO | Tag::JJ | Tag::NN | Tag::NNS | Tag::RB | Tag::VBG
            );
        // Adjectives whose only verb reading is a base form ("last year", "close to") are
        // left alone; "travelled" (JJ VBD VBN) is not, nor is one before a determiner, which
        // no adjective precedes in its noun phrase ("Fornost and Gondor welcome a resumption").
        let determiner_next = matches!(next, Tag::DT | Tag::PDT | Tag::PRPS);
        if current.is_adjective()
            && !determiner_next
            && !options.intersects(TagSet::of(&[Tag::VBD, Tag::VBN, Tag::VBZ]))
        {
            return None;
        }
        // "abandoned an anti- Western rally on Saturday": a name between a determiner with
        // adjectives and the word before a preposition modifies that word, inside an object.
        if matches!(left_tag, Tag::NNP | Tag::NNPS) && next == Tag::IN && self.in_modified_object(left, body) {
            return Some(Category::Nominal);
        }
        // "struck Hamas targets in Gaza": names right after a verb that takes no clause open
        // its object, so the word after them is the object's head, not a second verb.
        if matches!(left_tag, Tag::NNP | Tag::NNPS) && self.names_follow_object_verb(left, body) {
            return Some(Category::Nominal);
        }
        // "captured two Turkish engineers near Kirkuk": names after a number modify the noun
        // the number counts; no "-s" verb agrees with a counted subject.
        if matches!(left_tag, Tag::NNP | Tag::NNPS) && options.contains(Tag::NNS) {
            let before = self.before_names(left, body);
            if before < left && self.tagged[before].tag == Tag::CD {
                return Some(Category::Nominal);
            }
        }
        // "a batch of F-16 jets to Ukraine", "the transfer of Iranian drones to Russia": after
        // "of" and names, a plural that takes no object ends the "of" phrase, which only
        // rarely holds a subject ("the head of Hamas visits Cairo" has an object).
        if matches!(left_tag, Tag::NNP | Tag::NNPS) && options.contains(Tag::NNS) && !takes_object {
            let before = self.before_names(left, body);
            if before < left && self.tagged[before].tag == Tag::IN && self.word(before) == "of" {
                return Some(Category::Nominal);
            }
        }
        // "a European Union aid package", "Shahed attack drones": a singular name takes no
        // base form as its verb, so a noun-or-base-form word after one modifies or heads a
        // noun ("Iran, US hold talks": names in a list may be a plural subject).
        if left_tag == Tag::NNP && !options.intersects(TagSet::of(&[Tag::VBZ, Tag::VBD, Tag::VBN, Tag::VBG])) {
            let before = self.before_names(left, body);
            // Names inside a prepositional phrase ("officials in Kyiv fear") are not the subject,
            // unless the phrase is part of a verb's object ("protest against EU trade policy",
            // "supplied Russia with hundreds of Shahed attack drones").
            let listed_or_inside = matches!(self.tagged[before].tag, Tag::CC | Tag::Comma | Tag::IN | Tag::TO);
            let after_verb_phrase = self.tagged[before].tag == Tag::IN && self.phrase_is_governed(before, body, false);
            if (!listed_or_inside || after_verb_phrase) && before < left {
                return Some(Category::Nominal);
            }
        }
        // "Sudanese troops shot two protesters": a noun after the word that may also be a past
        // form ("shot") is the verb of the phrase the word ends, not the word's object.
        let next_is_past_form = next == Tag::NN && self.options[index + 1].contains(Tag::VBD);
        let subject = match left_tag {
            Tag::NNP | Tag::NNPS => object_or_adjunct && !next_is_past_form,
            Tag::NN | Tag::NNS => takes_object,
            _ => false,
        };
        (subject && !self.finite_verb_follows(index, end)).then_some(Category::Verb)
    }

    /// The determiner or possessive before one or two adjectives, names or nouns that end
    /// right before `index` ("the Israeli", "its new", "the army chief").
    fn determiner_before_modifiers(&self, index: usize, body: usize) -> Option<usize> {
        self.before_modifiers(index, body, 2, TagSet::of(&[Tag::JJ, Tag::NNP, Tag::NN]))
            .filter(|&d| matches!(self.tagged[d].tag, Tag::DT | Tag::PRPS | Tag::POS))
    }

    /// Whether a base form after a determiner and its singular modifiers heads their noun
    /// phrase as the subject of the finite verb right after it ("North Korea's missile launch
    /// prompted"). No subject takes a base form as its verb there; a subjunctive ("demanded
    /// that the army stop selling") has an object or complement of its own.
    fn heads_before_finite_verb(&self, index: usize, body: usize, end: usize) -> bool {
        let modifiers = TagSet::of(&[Tag::JJ, Tag::JJR, Tag::JJS, Tag::NNP, Tag::NN]);
        self.before_modifiers(index, body, 3, modifiers)
            .is_some_and(|d| matches!(self.tagged[d].tag, Tag::DT | Tag::PRPS | Tag::POS) && self.word(d) != "that")
            && self
                .tag_at(index + 1, end)
                .is_some_and(|next| next.is_finite_verb() || next == Tag::MD)
    }

    /// Whether one to three singular nouns, names or adjectives right before `index` follow a
    /// singular determiner ("a", "an", "another", "each", "every").
    fn after_singular_determiner(&self, index: usize, body: usize) -> bool {
        self.after_modifiers_of(index, body, &["a", "an", "another", "each", "every"])
    }

    /// Whether one to three singular nouns, names or adjectives right before `index` follow
    /// one of `determiners`.
    fn after_modifiers_of(&self, index: usize, body: usize, determiners: &[&str]) -> bool {
        self.before_modifiers(index, body, 3, TagSet::of(&[Tag::NN, Tag::NNP, Tag::JJ]))
            .is_some_and(|d| self.tagged[d].tag == Tag::DT && determiners.contains(&self.word(d)))
    }

    /// The token before a run of one to `longest` tokens tagged with `modifiers` that ends
    /// right before `index`, if there is such a run and a token of the body before it.
    fn before_modifiers(&self, index: usize, body: usize, longest: usize, modifiers: TagSet) -> Option<usize> {
        let mut i = index;
        while i > body && index - i < longest && modifiers.contains(self.tagged[i - 1].tag) {
            i -= 1;
        }
        (i < index && i > body).then(|| i - 1)
    }

    /// The token before the run of names ending at `name` (`body` if the run opens the
    /// sentence body).
    fn before_names(&self, name: usize, body: usize) -> usize {
        let mut i = name;
        while i > body && matches!(self.tagged[i].tag, Tag::NNP | Tag::NNPS) {
            i -= 1;
        }
        i
    }

    /// Whether the names ending at `name` directly follow a finite verb that takes an object
    /// but no bare clause ("struck", not "said" or "fear").
    fn names_follow_object_verb(&self, name: usize, body: usize) -> bool {
        let i = self.before_names(name, body);
        i < name
            && matches!(self.tagged[i].tag, Tag::VBD | Tag::VBZ | Tag::VBP)
            && self.mark_bits(i) & (mark::CLAUSE | mark::AUXILIARY) == 0
    }

    /// Whether the names ending at `name` follow a determiner and adjectives ("an anti-
    /// Western"), after a finite verb of the same clause: they open that verb's object.
    fn in_modified_object(&self, name: usize, body: usize) -> bool {
        let mut i = self.before_names(name, body);
        if !self.tagged[i].tag.is_adjective() {
            return false;
        }
        while i > body && self.tagged[i].tag.is_adjective() {
            i -= 1;
        }
        if !matches!(self.tagged[i].tag, Tag::DT | Tag::PRPS) {
            return false;
        }
        (body..i)
            .rev()
            .take_while(|&k| !ends_clause(self.tagged[k].tag))
            .any(|k| self.tagged[k].tag.is_finite_verb())
    }

    /// Whether a preposition or adverb that may be a verb ("like", "back", "near") is one
    /// here: only right after "to", a modal, "do" or a subject pronoun, and not before
    /// another verb ("will not even start").
    fn closed_class_verb(&self, index: usize, body: usize, end: usize) -> bool {
        let Some(left) = self.left(index, body) else {
            return false;
        };
        let Some(next) = self.tag_at(index + 1, end) else {
            return false;
        };
        if next.is_verb() || next == Tag::MD || next.is_adverb() || next.is_punctuation() {
            return false;
        }
        let takes_object = matches!(
            next,
            Tag::DT | Tag::PDT | Tag::PRP | Tag::PRPS | Tag::NNP | Tag::NNPS | Tag::TO | Tag::CD
        );
        match self.tagged[left].tag {
            Tag::TO | Tag::MD => true,
            _ if self.has_mark(left, mark::DO) => takes_object,
            Tag::PRP => self.has_mark(left, mark::NOMINATIVE) && takes_object,
            _ => false,
        }
    }

    /// Whether the clause after `index` already has a finite verb (so `index` is not one).
    fn finite_verb_follows(&self, index: usize, end: usize) -> bool {
        // A participle that may be a past tense ("officers brought in") counts too.
        self.clause_ahead_has(
            index,
            end,
            |k| {
                let tag = self.tagged[k].tag;
                tag.is_finite_verb() || (tag == Tag::VBN && self.options_of(k).contains(Tag::VBD))
            },
            |_| false,
        )
    }

    /// Whether a token after `index` and before the end of its clause (a clause mark, "that",
    /// or a token `opens_clause` accepts) is one `found` accepts, looking at most
    /// `CLAUSE_LOOKAHEAD` tokens ahead.
    fn clause_ahead_has(
        &self,
        index: usize,
        end: usize,
        found: impl Fn(usize) -> bool,
        opens_clause: impl Fn(usize) -> bool,
    ) -> bool {
        let limit = end.min(index + 1 + CLAUSE_LOOKAHEAD);
        for next in index + 1..limit {
            if found(next) {
                return true;
            }
            if ends_clause(self.tagged[next].tag) || opens_clause(next) || self.has_mark(next, mark::THAT) {
                return false;
            }
        }
        false
    }

    /// Chooses the verb form of a word read as a verb.
    fn verb_form(&self, index: usize, body: usize, end: usize) -> Tag {
        let current = self.tagged[index].tag;
        let options = self.options[index];
        let left = self.left(index, body);
        let left_tag = left.map(|left| self.tagged[left].tag);
        let left_marks = left.map_or(0, |left| self.mark_bits(left));
        let after_auxiliary_do = matches!(left_tag, Some(Tag::TO | Tag::MD)) || left_marks & mark::DO != 0;
        if options.contains(Tag::VB) && after_auxiliary_do {
            return Tag::VB;
        }
        // "it's been", "Russia's been": a clitic 's read as "is"/"has".
        let verbal_s =
            left.is_some_and(|left| left_tag == Some(Tag::VBZ) && self.tokens[left].kind == Kind::Clitic(Clitic::S));
        let after_be = left_marks & mark::BE != 0 || verbal_s;
        if options.contains(Tag::VBN) && (after_be || left_marks & (mark::HAVE | mark::GET) != 0) {
            return Tag::VBN;
        }
        // A gerund whose only verb form is "-ing" ("of arming rebels"; "arming" is first a noun).
        if options.contains(Tag::VBG) && (after_be || current == Tag::VBG || !options.intersects(FINITE_OR_PAST)) {
            return Tag::VBG;
        }
        if options.contains(Tag::VBZ) {
            return Tag::VBZ;
        }
        match (options.contains(Tag::VBD), options.contains(Tag::VBN)) {
            (true, true) => return self.past_form(index, body, end),
            (true, false) => return Tag::VBD,
            (false, true) => return Tag::VBN,
            (false, false) => {}
        }
        if options.intersects(BASE_FORMS) {
            let subject = matches!(left_tag, Some(Tag::NNS | Tag::NNPS | Tag::NNP | Tag::WDT | Tag::WP))
                || (left_tag == Some(Tag::PRP) && left_marks & mark::NOMINATIVE != 0);
            return if subject {
                Tag::VBP
            } else if index == body {
                Tag::VB
            } else if current.is_verb() {
                current
            } else {
                Tag::VBP
            };
        }
        current
    }

    /// VBD or VBN for a form that can be either ("visited", "met", "accused").
    fn past_form(&self, index: usize, body: usize, end: usize) -> Tag {
        let left = self.left(index, body);
        let left_tag = left.map(|left| self.tagged[left].tag);
        let left_marks = left.map_or(0, |left| self.mark_bits(left));
        let next_tag = self.tag_at(index + 1, end);
        let previous = (index > body).then(|| self.tagged[index - 1].tag);
        let participle = left_marks & (mark::HAVE | mark::BE | mark::GET) != 0
            // "missiles fired by Russia"
            || (index + 1 < end && self.has_mark(index + 1, mark::BY))
            // "Asked about the talks, he said ..."
            || (index == body && matches!(next_tag, Some(Tag::IN | Tag::Comma)))
            // "Navalny, accused of extremism, ..."
            || (previous == Some(Tag::Comma) && next_tag == Some(Tag::IN))
            // "the proposed deal"
            || matches!(previous, Some(Tag::DT | Tag::PRPS | Tag::POS));
        if participle {
            return Tag::VBN;
        }
        // ", pledging continued support": a participle clause's verb takes an object, which a
        // past form right after it modifies.
        let after_clause_participle = left_tag == Some(Tag::VBG)
            && left.is_some_and(|l| l > body && self.tagged[l - 1].tag == Tag::Comma)
            && next_tag.is_some_and(Tag::is_noun);
        if after_clause_participle {
            return Tag::VBN;
        }
        // "the soldiers killed in the attack were buried", "mourned the people killed in a
        // fire", "the families of soldiers killed in the attack protested", "would not allow
        // a woman sentenced to death to be executed": after a noun and before a preposition,
        // a past form whose clause has its finite verb elsewhere is a reduced relative.
        // ("Troops fired on protesters" has no other finite verb and stays VBD.)
        // "to" counts as a preposition ("sentenced to death"), not before an infinitive
        // ("refused to say"); so does the start of a time adverbial ("freed a businessman
        // kidnapped last month"), which no object starts.
        let preposition_next = match next_tag {
            Some(Tag::IN) => true,
            Some(Tag::TO) => index + 2 < end && !self.options_of(index + 2).contains(Tag::VB),
            Some(_) => index + 1 < end && self.has_mark(index + 1, mark::TIME),
            None => false,
        };
        let reduced_relative = left_tag.is_some_and(Tag::is_noun)
            && preposition_next
            && !self.has_mark(index + 1, mark::THAT)
            && left.is_some_and(|noun| {
                // ", a senior official said on Saturday": a reporting verb after a comma phrase
                // is that phrase's own verb, not a participle of an apposition.
                let through_apposition = !self.has_mark(index, mark::CLAUSE);
                self.phrase_is_governed(noun, body, through_apposition) || self.clause_verb_follows(index, end)
            });
        if reduced_relative {
            return Tag::VBN;
        }
        match left_tag {
            Some(tag) if tag.is_noun() || matches!(tag, Tag::PRP | Tag::WDT | Tag::WP | Tag::EX) => Tag::VBD,
            // "China's envoy, Fu Cong, criticised U.S. arms sales": after the comma closing an
            // apposition, a past form taking an object is the clause's verb (a participle set
            // off by commas takes none).
            Some(Tag::Comma)
                if matches!(
                    next_tag,
                    Some(Tag::DT | Tag::PDT | Tag::PRPS | Tag::NNP | Tag::NNPS | Tag::CD)
                ) =>
            {
                Tag::VBD
            }
            Some(Tag::CC) => {
                // "were killed and wounded", "attacked and destroyed": same form as the
                // first conjunct.
                let conjunct = left.and_then(|cc| self.left(cc, body)).map(|i| self.tagged[i].tag);
                match conjunct {
                    Some(Tag::VBN) => Tag::VBN,
                    _ => Tag::VBD,
                }
            }
            _ if self.tagged[index].tag == Tag::VBN => Tag::VBN,
            _ => Tag::VBD,
        }
    }

    /// Whether the noun phrase ending at `noun` belongs to a verb's object (so is not a clause
    /// subject): the nearest verb before it in its clause is a main clause's verb that takes
    /// no bare clause ("mourned", not "said", nor "who gathered"), and only the object's own
    /// words and prepositions that open no clause ("for the families of", not "after") come
    /// between. A determiner right after a noun opens a clause's subject ("tankers its forces
    /// seized"), not more of the object. With `through_apposition`, an apposition set off by a
    /// comma after a noun is part of the object too.
    fn phrase_is_governed(&self, noun: usize, body: usize, through_apposition: bool) -> bool {
        let mut i = noun;
        while i > body {
            i -= 1;
            let tag = self.tagged[i].tag;
            if tag.is_verb() {
                return self.governs_object(i, body);
            }
            if matches!(tag, Tag::DT | Tag::PRPS) && i > body && self.tagged[i - 1].tag.is_noun() {
                return false;
            }
            // "released the mayor of Nablus, a member of Hamas jailed in 2007": an apposition,
            // a determined phrase after a noun and a comma, belongs to the phrase before it.
            let apposition = through_apposition
                && tag == Tag::Comma
                && i > body
                && self.tagged[i - 1].tag.is_noun()
                && self.tagged[i + 1].tag == Tag::DT;
            let inside = tag.starts_noun_phrase()
                || tag == Tag::POS
                || apposition
                || (matches!(tag, Tag::IN | Tag::TO) && !SUBORDINATORS.contains(&self.word(i)));
            if !inside {
                return false;
            }
        }
        false
    }

    /// Whether the verb at `verb` heads a main clause and may take an object but no bare
    /// clause: not "said", not a relative clause's verb ("who gathered"), and not a bare
    /// participle with no auxiliary.
    fn governs_object(&self, verb: usize, body: usize) -> bool {
        if self.has_mark(verb, mark::CLAUSE) {
            return false;
        }
        let mut before = verb;
        let mut auxiliaries = 0;
        while before > body {
            let k = before - 1;
            let is_auxiliary =
                self.tagged[k].tag == Tag::MD || self.has_mark(k, mark::BE | mark::HAVE | mark::GET | mark::DO);
            if !(is_auxiliary || self.tagged[k].tag.is_adverb()) {
                break;
            }
            auxiliaries += usize::from(is_auxiliary);
            before = k;
        }
        let relative = before > body && matches!(self.tagged[before - 1].tag, Tag::WDT | Tag::WP);
        !relative && (self.tagged[verb].tag != Tag::VBN || auxiliaries > 0)
    }

    /// Whether the word before `index` is a finite lexical verb (auxiliaries aside), other
    /// than "help", "let" and "make", which take a bare verb ("helped broker a deal"), and
    /// other than a relative clause's verb, after which the main verb may follow ("a man who
    /// surrendered says").
    fn after_finite_lexical_verb(&self, index: usize, body: usize) -> bool {
        self.left(index, body).is_some_and(|left| {
            matches!(self.tagged[left].tag, Tag::VBD | Tag::VBZ | Tag::VBP)
                && self.mark_bits(left) & mark::AUXILIARY == 0
                && !self
                    .left(left, body)
                    .is_some_and(|before| matches!(self.tagged[before].tag, Tag::WDT | Tag::WP))
                && !matches!(
                    self.word(left),
                    "help" | "helps" | "helped" | "let" | "lets" | "make" | "makes" | "made"
                )
        })
    }

    /// Whether a word that is or may be a past tense, a present "-s" form or a modal follows
    /// `index` before a comma, colon, dash, quotation or relative pronoun. Later words still
    /// have their lexicon tags here: "killed" is listed as a participle first, and a plural
    /// noun that may be a verb ("forces", "reports") does not count.
    fn past_or_present_verb_before_break(&self, index: usize, end: usize) -> bool {
        (index + 1..end.min(index + 1 + CLAUSE_LOOKAHEAD))
            .take_while(|&k| self.tagged[k].tag == Tag::CC || !ends_clause(self.tagged[k].tag))
            .any(|k| match self.tagged[k].tag {
                Tag::VBD | Tag::VBZ | Tag::MD => true,
                Tag::VBN => self.options[k].contains(Tag::VBD),
                _ => false,
            })
    }

    /// Whether a finite verb or modal follows `index` in its clause, before any subordinate
    /// clause opens ("killed in the attack were buried", "killed in the attack protested").
    fn clause_verb_follows(&self, index: usize, end: usize) -> bool {
        self.clause_ahead_has(
            index,
            end,
            |k| {
                let tag = self.tagged[k].tag;
                tag == Tag::MD || tag.is_finite_verb()
            },
            |k| {
                let tag = self.tagged[k].tag;
                tag == Tag::WRB || (tag == Tag::IN && SUBORDINATORS.contains(&self.word(k)))
            },
        )
    }

    /// 's after a pronoun or before a participle is "is"/"has"; otherwise a possessive.
    fn clitic_s(&self, index: usize, body: usize, end: usize) -> Tag {
        let verbal_host =
            index > body && (self.tagged[index - 1].tag == Tag::PRP || self.has_mark(index - 1, mark::VERBAL_S_HOST));
        let next = self.tag_at(index + 1, end);
        // "North Korea's alleged transfer", "China's growing influence": a participle between
        // 's and a noun modifies that noun, and the 's is a possessive.
        let modifies_noun = matches!(self.tag_at(index + 2, end), Some(Tag::NN | Tag::NNS | Tag::JJ));
        let verbal_next = (matches!(next, Some(Tag::VBG | Tag::VBN)) && !modifies_noun)
            || (index + 1 < end && self.has_mark(index + 1, mark::NOT));
        if verbal_host || verbal_next {
            Tag::VBZ
        } else {
            Tag::POS
        }
    }

    /// "that" as a determiner ("that country", "like that") or a relativiser /
    /// complementizer ("said that Russia ...", "missiles that hit Kyiv").
    fn that(&self, index: usize, body: usize, end: usize) -> Tag {
        let Some(next) = self.tag_at(index + 1, end) else {
            return Tag::DT;
        };
        if index == body || next.is_punctuation() {
            return Tag::DT;
        }
        if !matches!(next, Tag::NN | Tag::NNS | Tag::JJ) {
            return Tag::WDT;
        }
        let previous = self.tagged[index - 1].tag;
        // "an occupation that cost ...": after a noun, a word that may be a verb starts a
        // relative clause.
        if matches!(previous, Tag::NN | Tag::NNS) && self.options_of(index + 1).intersects(TagSet::VERBS) {
            return Tag::WDT;
        }
        // "that country": a determiner unless the noun phrase is followed by a finite verb
        // and "that" follows a verb or noun ("believes that talks will resume").
        let after_noun_phrase = (index + 1..end.min(index + 6))
            .find(|&i| !matches!(self.tagged[i].tag, Tag::NN | Tag::NNS | Tag::NNP | Tag::JJ));
        let clause_follows = after_noun_phrase.is_some_and(|i| self.tagged[i].tag.is_finite_verb());
        let introduces_clause = previous.is_verb() || previous.is_noun() || previous == Tag::Comma;
        if clause_follows && introduces_clause {
            Tag::WDT
        } else {
            Tag::DT
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Tag};

    /// The tag of the `occurrence`-th (0-based) token whose text is `word`.
    fn tag_of_nth(text: &str, word: &str, occurrence: usize) -> Tag {
        let analysis = analyze(text);
        let tokens: Vec<_> = analysis
            .tokens
            .iter()
            .filter(|token| token.text(text) == word)
            .collect();
        match tokens.get(occurrence) {
            Some(token) => token.tag,
            None => panic!("{word:?} #{occurrence} not in {text:?}"),
        }
    }

    fn tag_of(text: &str, word: &str) -> Tag {
        tag_of_nth(text, word, 0)
    }

    fn assert_tags(text: &str, expected: &[(&str, Tag)]) {
        for &(word, tag) in expected {
            assert_eq!(tag_of(text, word), tag, "{word:?} in {text:?}");
        }
    }

    #[test]
    fn participles_after_have_and_be() {
        assert_tags(
            "The president has visited Kyiv and had not yet met Zelensky.",
            &[("has", Tag::VBZ), ("visited", Tag::VBN), ("met", Tag::VBN)],
        );
        assert_tags(
            "Sanctions were imposed on Moscow after troops had been killed.",
            &[("were", Tag::VBD), ("imposed", Tag::VBN), ("killed", Tag::VBN)],
        );
        assert_tags(
            "Two soldiers are being held and one got arrested.",
            &[("held", Tag::VBN), ("arrested", Tag::VBN)],
        );
        assert_tags("It's been a long year.", &[("'s", Tag::VBZ), ("been", Tag::VBN)]);
    }

    #[test]
    fn past_tense_after_a_subject() {
        assert_tags(
            "Russia imposed sanctions and the president met Putin.",
            &[("imposed", Tag::VBD), ("met", Tag::VBD), ("sanctions", Tag::NNS)],
        );
        assert_tags("He travelled to Kyiv.", &[("travelled", Tag::VBD)]);
        assert_tags(
            "Officials said the army fled.",
            &[("said", Tag::VBD), ("fled", Tag::VBD)],
        );
    }

    #[test]
    fn reduced_relatives_and_agents() {
        assert_tags(
            "Navalny, accused of extremism, was jailed.",
            &[("accused", Tag::VBN), ("jailed", Tag::VBN)],
        );
        assert_tags(
            "Missiles fired by Russia hit the city.",
            &[("fired", Tag::VBN), ("hit", Tag::VBD)],
        );
        assert_tags("They agreed to a truce brokered by Qatar.", &[("brokered", Tag::VBN)]);
        // Before a preposition, a past form after a noun is a participle when its clause has
        // a finite verb elsewhere: later, or governing the noun.
        assert_tags(
            "Three soldiers killed in the attack were buried.",
            &[("killed", Tag::VBN), ("were", Tag::VBD)],
        );
        assert_tags("Peru mourned the people killed in a fire.", &[("killed", Tag::VBN)]);
        assert_tags(
            "The number of civilians killed in strikes has risen.",
            &[("killed", Tag::VBN)],
        );
        assert_tags(
            "Israel freed 20 of the men seized in the raid.",
            &[("seized", Tag::VBN)],
        );
        assert_tags(
            "Officials said talks with Iran resumed on Monday.",
            &[("resumed", Tag::VBD)],
        );
        assert_tags(
            "The families of soldiers killed in the attack protested.",
            &[("killed", Tag::VBN), ("protested", Tag::VBD)],
        );
        assert_tags(
            "He would not allow a woman sentenced to death to be executed.",
            &[("sentenced", Tag::VBN)],
        );
        assert_tags(
            "Troops fired on protesters after police arrested students.",
            &[("fired", Tag::VBD), ("arrested", Tag::VBD)],
        );
        assert_tags(
            "Police freed a businessman kidnapped last month.",
            &[("kidnapped", Tag::VBN)],
        );
        assert_tags("Rebels kidnapped a businessman last month.", &[("kidnapped", Tag::VBD)]);
        assert_tags(
            "Protesters marched to parliament and police fired.",
            &[("marched", Tag::VBD)],
        );
        assert_tags(
            "The official refused to say what tactics the group would use.",
            &[("refused", Tag::VBD)],
        );
        assert_tags("Troops fired on protesters in the capital.", &[("fired", Tag::VBD)]);
        assert_tags(
            "Residents should not feel threatened by the troops.",
            &[("threatened", Tag::JJ)],
        );
        assert_tags("Officials said troops fired on protesters.", &[("fired", Tag::VBD)]);
        assert_tags("It rained after troops fired on protesters.", &[("fired", Tag::VBD)]);
        assert_tags(
            "Romendacil arrived in Gondor since protests were crushed.",
            &[("arrived", Tag::VBD)],
        );
        assert_tags(
            "Protesters who gathered outside the embassy clashed with police.",
            &[("clashed", Tag::VBD)],
        );
        assert_tags(
            "Iran kept two tankers its forces seized in the Gulf.",
            &[("seized", Tag::VBD)],
        );
        assert_tags("Israel has freed prisoners held in Ofer.", &[("held", Tag::VBN)]);
        assert_tags(
            "Asked about the talks, Lavrov declined.",
            &[("Asked", Tag::VBN), ("declined", Tag::VBD)],
        );
    }

    #[test]
    fn past_forms_before_a_noun_after_a_preposition_or_lexical_verb_are_adjectives() {
        assert_tags("The city was pounded in repeated air raids.", &[("repeated", Tag::JJ)]);
        assert_tags("They were subjected to forced labour.", &[("forced", Tag::JJ)]);
        assert_tags("Kyiv faced renewed attacks.", &[("renewed", Tag::JJ)]);
        // An auxiliary keeps the verb group: "has repeated calls" is a present perfect.
        assert_tags("Russia has repeated calls for talks.", &[("repeated", Tag::VBN)]);
        assert_tags("Militants killed 40 soldiers.", &[("killed", Tag::VBD)]);
    }

    #[test]
    fn visiting_before_a_visitor_modifies_it() {
        assert_tags(
            "Xi met visiting Russian President Vladimir Putin.",
            &[("visiting", Tag::JJ)],
        );
        assert_tags(
            "Li held talks with visiting Cambodian leaders.",
            &[("visiting", Tag::JJ)],
        );
        assert_tags("He left after visiting Beijing.", &[("visiting", Tag::VBG)]);
        assert_tags("Putin is visiting North Korea.", &[("visiting", Tag::VBG)]);
    }

    #[test]
    fn a_plural_after_of_and_names_ends_the_of_phrase() {
        assert_tags(
            "Denmark delivered a batch of F-16 jets to Ukraine.",
            &[("jets", Tag::NNS)],
        );
        assert_tags("The head of Hamas visits Cairo.", &[("visits", Tag::VBZ)]);
    }

    #[test]
    fn ing_nouns_are_gerunds_with_an_object_after_a_preposition_or_after_be() {
        assert_tags("Morocco accused Iran of arming rebels.", &[("arming", Tag::VBG)]);
        assert_tags("They were accused of funding the militia.", &[("funding", Tag::VBG)]);
        assert_tags("Hamas is now planning to attack.", &[("planning", Tag::VBG)]);
        assert_tags("Militants met in training camps.", &[("training", Tag::NN)]);
        assert_tags("The bombing of the embassy killed ten.", &[("bombing", Tag::NN)]);
        assert_tags(
            "They died in earlier US bombing of the airport.",
            &[("bombing", Tag::NN)],
        );
        assert_tags("Sanctions hit North Korean trading companies.", &[("trading", Tag::NN)]);
    }

    #[test]
    fn ing_nouns_are_participles_with_an_object_after_plural_doers_or_a_comma() {
        assert_tags("Jets struck the town, bombing a hospital.", &[("bombing", Tag::VBG)]);
        assert_tags(
            "Gunmen raided a village, kidnapping children.",
            &[("kidnapping", Tag::VBG)],
        );
        assert_tags("Soldiers bombing the village were filmed.", &[("bombing", Tag::VBG)]);
        assert_tags("Troops closed the border crossing on Monday.", &[("crossing", Tag::NN)]);
        assert_tags("Egypt opened the Rafah crossing to trucks.", &[("crossing", Tag::NN)]);
        assert_tags("Troops crossing the border were killed.", &[("crossing", Tag::VBG)]);
    }

    #[test]
    fn nouns_after_determiners_possessives_and_adjectives() {
        assert_tags("The talks resumed.", &[("talks", Tag::NNS), ("resumed", Tag::VBD)]);
        assert_tags("Its sanctions hurt.", &[("sanctions", Tag::NNS)]);
        assert_tags("Putin made a visit to Beijing.", &[("visit", Tag::NN)]);
        assert_tags(
            "Shoigu’s visit to Pyongyang worried Seoul.",
            &[("’s", Tag::POS), ("visit", Tag::NN), ("worried", Tag::VBD)],
        );
        assert_tags(
            "Washington sent military assistance and two attacks followed.",
            &[("assistance", Tag::NN), ("attacks", Tag::NNS)],
        );
        assert_tags("The military said it would respond.", &[("military", Tag::NN)]);
        assert_tags("The Israeli military said Hamas attacked.", &[("military", Tag::NN)]);
        assert_tags("The Israeli military presence grew.", &[("military", Tag::JJ)]);
        assert_tags("Calls are growing.", &[("Calls", Tag::NNS)]);
        // A verb of demand's that-clause may hold a bare base form; other clauses do not.
        assert_tags(
            "Protesters demanded that the president step down.",
            &[("president", Tag::NN), ("step", Tag::VB)],
        );
        assert_tags(
            "They insisted that the military hand over power.",
            &[("military", Tag::NN), ("hand", Tag::VB)],
        );
        assert_tags("He said that the border trade grew.", &[("trade", Tag::NN)]);
        assert_tags(
            "Iran was accused of smuggling arms to Yemen.",
            &[("smuggling", Tag::VBG)],
        );
        assert_tags("Houthis attacked shipping in the Red Sea.", &[("shipping", Tag::NN)]);
        assert_tags("North Korea conducted missile tests this year.", &[("tests", Tag::NNS)]);
        assert_tags("Russia attacks Ukraine this week.", &[("attacks", Tag::VBZ)]);
        assert_tags("The president calls for calm.", &[("calls", Tag::VBZ)]);
        assert_tags(
            "The Myanmar military seized power.",
            &[("military", Tag::NN), ("seized", Tag::VBD)],
        );
        assert_tags(
            "The new elected parliament met on Monday.",
            &[("new", Tag::JJ), ("elected", Tag::VBN)],
        );
        assert_tags("The fighting continued.", &[("fighting", Tag::NN)]);
        assert_tags(
            "Pyongyang's latest missile launch prompted a protest.",
            &[("launch", Tag::NN), ("prompted", Tag::VBD)],
        );
        assert_tags("The army launches attacks.", &[("launches", Tag::VBZ)]);
        assert_tags("They signed a truce after weeks of fighting.", &[("fighting", Tag::NN)]);
        assert_tags(
            "They accused the rebels of shelling the town.",
            &[("shelling", Tag::VBG)],
        );
        assert_tags("Israel condemned a Hamas attack on Sunday.", &[("attack", Tag::NN)]);
        assert_tags("Iran condemned the Hamas attack on Israel.", &[("attack", Tag::NN)]);
        assert_tags(
            "He visited Kyiv, pledging continued support.",
            &[("continued", Tag::VBN)],
        );
        assert_tags("Police fired tear gas at protesters.", &[("tear", Tag::NN)]);
        assert_tags(
            "Spain recognised a Palestinian state on Tuesday.",
            &[("state", Tag::NN)],
        );
        assert_tags("A Russian drone attacks Kyiv.", &[("attacks", Tag::VBZ)]);
    }

    #[test]
    fn base_verbs_after_to_modals_and_do() {
        assert_tags("Biden plans to visit Kyiv.", &[("plans", Tag::VBZ), ("visit", Tag::VB)]);
        assert_tags("China will visit the region.", &[("visit", Tag::VB)]);
        assert_tags("Russia did not attack the city.", &[("attack", Tag::VB)]);
        assert_tags("They don't attack civilians.", &[("attack", Tag::VB), ("n't", Tag::RB)]);
        assert_tags("Iran can't supply drones.", &[("ca", Tag::MD), ("supply", Tag::VB)]);
        assert_tags("They attack at night.", &[("attack", Tag::VBP)]);
        assert_tags("We would like to visit.", &[("like", Tag::VB)]);
        assert_tags(
            "A force like this will not even start.",
            &[("like", Tag::IN), ("even", Tag::RB)],
        );
        assert_tags("Allies vowed to back Kyiv.", &[("back", Tag::VB)]);
    }

    #[test]
    fn present_tense_verbs_between_names() {
        assert_tags("Russia attacks Ukraine.", &[("attacks", Tag::VBZ)]);
        assert_tags(
            "Kishida condemned the launch and said Pyongyang's launches must stop.",
            &[("launch", Tag::NN), ("said", Tag::VBD), ("launches", Tag::NNS)],
        );
        assert_tags(
            "The rebels captured two Turkish engineers near Kirkuk.",
            &[("engineers", Tag::NNS)],
        );
        assert_tags("The U.S. sanctions Russia.", &[("sanctions", Tag::VBZ)]);
        assert_tags("Iran warns Israel against a strike.", &[("warns", Tag::VBZ)]);
        assert_tags("Moscow supplies arms to the rebels.", &[("supplies", Tag::VBZ)]);
        // A name after a verb opens its object; after a verb taking a clause, its subject.
        assert_tags("Israel struck Hamas targets in Gaza.", &[("targets", Tag::NNS)]);
        assert_tags(
            "The army shelled Taliban positions near Kandahar.",
            &[("positions", Tag::NNS)],
        );
        assert_tags("Officials fear Russia plans to attack Kharkiv.", &[("plans", Tag::VBZ)]);
        assert_tags("He said Russia attacks Ukraine every day.", &[("attacks", Tag::VBZ)]);
        // Another finite verb in the clause makes the ambiguous word a noun.
        assert_tags(
            "U.S. sanctions on Russia have hurt its economy.",
            &[("sanctions", Tag::NNS), ("hurt", Tag::VBN)],
        );
        assert_tags(
            "Peace talks with Iran resumed on Monday.",
            &[("talks", Tag::NNS), ("resumed", Tag::VBD)],
        );
    }

    #[test]
    fn that_which_who_and_to() {
        assert_tags(
            "He said that Russia would respond to the missiles that hit Kyiv.",
            &[("that", Tag::WDT), ("to", Tag::TO), ("hit", Tag::VBD)],
        );
        assert_eq!(
            tag_of_nth("He said that Russia would hit the missiles that hit Kyiv.", "that", 1),
            Tag::WDT
        );
        assert_tags("Troops left that country.", &[("that", Tag::DT)]);
        assert_tags("In that country, nothing changed.", &[("that", Tag::DT)]);
        assert_tags("Nobody expected that.", &[("that", Tag::DT)]);
        assert_tags(
            "He believes that talks will resume.",
            &[("that", Tag::WDT), ("talks", Tag::NNS)],
        );
        assert_tags(
            "Who attacked the convoy, which was carrying aid?",
            &[("Who", Tag::WP), ("which", Tag::WDT), ("attacked", Tag::VBD)],
        );
        assert_tags("There were protests.", &[("There", Tag::EX)]);
    }

    #[test]
    fn capitalisation() {
        assert_tags(
            "Earlier, Moscow said Lavrov and NATO met in the US.",
            &[
                ("Earlier", Tag::RBR),
                ("Moscow", Tag::NNP),
                ("Lavrov", Tag::NNP),
                ("NATO", Tag::NNP),
                ("US", Tag::NNP),
            ],
        );
        assert_tags("Reports say talks failed.", &[("Reports", Tag::NNS)]);
        assert_tags("Speaking to reporters, he left.", &[("Speaking", Tag::VBG)]);
        assert_tags("Speaking at a briefing, he left.", &[("Speaking", Tag::VBG)]);
        assert_tags("Shelling by the army killed two.", &[("Shelling", Tag::NN)]);
        assert_tags("Israel rejected calls for a ceasefire.", &[("calls", Tag::NNS)]);
        assert_tags("Pakistan's army chief met Afghan officials.", &[("chief", Tag::NN)]);
        assert_tags("Ukrainian forces shot down a Russian jet.", &[("shot", Tag::VBD)]);
        assert_tags(
            "The Thai military deposed Prime Minister Yingluck.",
            &[("military", Tag::NN), ("deposed", Tag::VBD)],
        );
        assert_tags(
            "The new elected parliament met.",
            &[("new", Tag::JJ), ("elected", Tag::VBN)],
        );
        assert_tags(
            "A radical armed group attacked the town.",
            &[("radical", Tag::JJ), ("armed", Tag::VBN)],
        );
        assert_tags("Polish farmers blocked the border.", &[("Polish", Tag::JJ)]);
        assert_tags("Protect civilians in Gaza, the UN said.", &[("Protect", Tag::VB)]);
        assert_tags("Russia rejected demands for talks.", &[("demands", Tag::NNS)]);
        assert_tags(
            "Rebels in the east have killed dozens.",
            &[("have", Tag::VBP), ("killed", Tag::VBN)],
        );
        assert_tags(
            "Fighting between rebels and troops has displaced thousands.",
            &[("Fighting", Tag::NN)],
        );
        assert_tags("He said: \"We will respond.\"", &[("We", Tag::PRP)]);
        assert_tags("Later I left.", &[("I", Tag::PRP)]);
        assert_tags("Zorblax visited Kyiv.", &[("Zorblax", Tag::NNP)]);
        assert_tags(
            "MOSCOW (Reuters) - Russia said it would respond.",
            &[("MOSCOW", Tag::NNP), ("Reuters", Tag::NNP), ("said", Tag::VBD)],
        );
        // Headlines: capitals say nothing, so words are looked up in lower case.
        assert_tags(
            "RUSSIA ATTACKS UKRAINE",
            &[("RUSSIA", Tag::NNP), ("ATTACKS", Tag::VBZ), ("UKRAINE", Tag::NNP)],
        );
        assert_tags(
            "Russia Attacks Ukraine With Drones",
            &[("Attacks", Tag::VBZ), ("With", Tag::IN), ("Drones", Tag::NNS)],
        );
    }

    #[test]
    fn unknown_words_by_suffix() {
        assert_tags(
            "They were glorbing and the blarfication was snorfly and frumpish.",
            &[
                ("glorbing", Tag::VBG),
                ("blarfication", Tag::NN),
                ("snorfly", Tag::RB),
                ("frumpish", Tag::JJ),
            ],
        );
        assert_tags(
            "The zorbments flarbed.",
            &[("zorbments", Tag::NNS), ("flarbed", Tag::VBD)],
        );
    }

    #[test]
    fn particles_and_possessive_clitics() {
        assert_tags(
            "Troops carried out attacks and the allies' plan failed.",
            &[("out", Tag::RP), ("'", Tag::POS), ("attacks", Tag::NNS)],
        );
        assert_tags("Russia's war continued.", &[("'s", Tag::POS), ("war", Tag::NN)]);
        // A participle between 's and its noun: a possessive; before an object: "has".
        assert_tags("Iran's alleged supply of drones", &[("'s", Tag::POS)]);
        assert_tags("Russia's seized the port.", &[("'s", Tag::VBZ)]);
    }

    #[test]
    fn a_past_form_after_an_apposition_takes_its_object() {
        assert_tags(
            "China's envoy, Fu Cong, criticised U.S. arms sales.",
            &[("criticised", Tag::VBD), ("arms", Tag::NNS)],
        );
        assert_tags("Navalny, accused of extremism, died.", &[("accused", Tag::VBN)]);
    }

    #[test]
    fn a_past_form_coordinated_with_another_or_before_dead_is_a_verb() {
        assert_tags(
            "Soldiers shot and killed two men.",
            &[("shot", Tag::VBD), ("killed", Tag::VBD)],
        );
        assert_tags("Gunmen shot dead a policeman.", &[("shot", Tag::VBD)]);
        assert_tags(
            "Sudanese troops shot two protesters.",
            &[("troops", Tag::NNS), ("shot", Tag::VBD)],
        );
        // A noun coordinated with a noun stays a noun.
        assert_tags("The shot and the shell hit the house.", &[("shot", Tag::NN)]);
    }

    #[test]
    fn a_singular_name_takes_no_base_form_verb() {
        assert_tags("Hungary blocked a European Union aid package.", &[("aid", Tag::NN)]);
        assert_tags("Iran sent Shahed attack drones.", &[("attack", Tag::NN)]);
        // Names in a list, or inside a prepositional phrase, leave the verb alone.
        assert_tags("Iran, US hold talks.", &[("hold", Tag::VBP)]);
        assert_tags("Officials in Kyiv fear an offensive.", &[("fear", Tag::VBP)]);
        // A prepositional phrase after its verb holds no subject, nor one inside its object.
        assert_tags("Farmers protested against EU trade policy.", &[("trade", Tag::NN)]);
        assert_tags(
            "Iran has supplied Russia with hundreds of Shahed attack drones.",
            &[("attack", Tag::NN)],
        );
    }

    #[test]
    fn a_base_form_after_a_and_its_modifiers_heads_the_noun_phrase() {
        assert_tags("He spoke in a phone call.", &[("call", Tag::NN)]);
        assert_tags("Moldova asked for financial help to cope.", &[("help", Tag::NN)]);
        assert_tags("They will call a vote.", &[("call", Tag::VB)]);
    }
}
