//! A shallow grammar over tagged tokens and resolved noun phrases: verb groups (auxiliaries,
//! negation, modals, voice), clause boundaries, and each verb's subject, object and
//! prepositional phrases. It is deliberately local and linear: good enough for the clause
//! shapes of news prose without a full parse.

use std::borrow::Cow;
use std::ops::Range;

use kestrel_actors::{Actor, NounPhrase, Via};
use kestrel_text::{verb_lemma, Tag, TextAnalysis, Token};

/// One sentence, with its noun phrases, seen by the event extractor.
pub struct SentenceView<'a> {
    pub text: &'a str,
    pub analysis: &'a TextAnalysis,
    /// Absolute token range of the sentence body (after any dateline).
    pub range: Range<usize>,
    pub phrases: &'a [NounPhrase],
    /// Per token of `range`, the index of the noun phrase containing it.
    phrase_at: Vec<Option<usize>>,
    /// Who did the last deed (not words) the document told before this sentence: a later
    /// "condemned the launches" judges them.
    pub earlier_doers: &'a [Actor],
}

impl<'a> SentenceView<'a> {
    pub fn new(text: &'a str, analysis: &'a TextAnalysis, range: Range<usize>, phrases: &'a [NounPhrase]) -> Self {
        let mut phrase_at = vec![None; range.len()];
        for (k, p) in phrases.iter().enumerate() {
            for t in p.tokens.clone() {
                if let Some(slot) = t.checked_sub(range.start).and_then(|i| phrase_at.get_mut(i)) {
                    *slot = Some(k);
                }
            }
        }
        SentenceView {
            text,
            analysis,
            range,
            phrases,
            phrase_at,
            earlier_doers: &[],
        }
    }

    /// This view with the doers of the document's last deed before the sentence.
    pub fn with_earlier_doers(self, earlier_doers: &'a [Actor]) -> Self {
        SentenceView { earlier_doers, ..self }
    }

    pub fn token(&self, i: usize) -> &Token {
        &self.analysis.tokens[i]
    }
    pub fn tag(&self, i: usize) -> Tag {
        self.analysis.tokens[i].tag
    }
    pub fn lower(&self, i: usize) -> &'a str {
        self.analysis.lower_of(&self.analysis.tokens[i])
    }
    /// Whether token `i`, lower-cased, is `word`: its length is compared before its text is
    /// sliced out, which rules out most tokens of a scan for one word.
    pub fn lower_is(&self, i: usize, word: &str) -> bool {
        let t = &self.analysis.tokens[i];
        (t.end - t.start) as usize == word.len() && self.lower(i) == word
    }
    pub fn phrase_at(&self, i: usize) -> Option<usize> {
        i.checked_sub(self.range.start)
            .and_then(|k| self.phrase_at.get(k).copied().flatten())
    }
    pub fn span(&self, toks: Range<usize>) -> (usize, usize) {
        (
            self.token(toks.start).start as usize,
            self.token(toks.end - 1).end as usize,
        )
    }

    /// Clause boundaries: punctuation, relative pronouns, complementisers and subordinators.
    pub fn is_boundary(&self, i: usize) -> bool {
        match self.tag(i) {
            Tag::Comma | Tag::Colon | Tag::Period | Tag::Dash | Tag::LParen | Tag::RParen | Tag::Quote => true,
            Tag::WDT | Tag::WP | Tag::WPS | Tag::WRB => true,
            _ => {
                matches!(
                    self.lower(i),
                    "that" | "because" | "although" | "though" | "while" | "whereas" | "if" | "unless" | "but"
                ) && self.phrase_at(i).is_none()
            }
        }
    }

    /// The closing quotation mark of the quotation token `i` stands in, if it stands in one: the
    /// last mark before it in the sentence opens one ([`Token::opening`]).
    pub fn quotation_end(&self, i: usize) -> Option<usize> {
        let mark = (self.range.start..i).rev().find(|&k| self.tag(k) == Tag::Quote)?;
        self.token(mark)
            .opening
            .then(|| (i + 1..self.range.end).find(|&k| self.tag(k) == Tag::Quote && !self.token(k).opening))
            .flatten()
    }

    /// The comma that closes what precedes token `i`: right before it, or before a quotation
    /// mark right before it ("\"Russia attacked Kyiv,\" Zelenskiy said"). Never the sentence's
    /// first token.
    pub fn closing_comma(&self, i: usize) -> Option<usize> {
        let quote = i > self.range.start && self.tag(i - 1) == Tag::Quote;
        i.checked_sub(1 + usize::from(quote))
            .filter(|&c| c > self.range.start && self.tag(c) == Tag::Comma)
    }

    /// The end (exclusive) of the clause that contains token `i`: the next punctuation mark.
    pub fn clause_end(&self, i: usize) -> usize {
        (i + 1..self.range.end)
            .find(|&k| {
                matches!(
                    self.tag(k),
                    Tag::Comma | Tag::Colon | Tag::Period | Tag::Dash | Tag::RParen
                )
            })
            .unwrap_or(self.range.end)
    }
}

fn is_verb(tag: Tag) -> bool {
    matches!(tag, Tag::VB | Tag::VBD | Tag::VBG | Tag::VBN | Tag::VBP | Tag::VBZ)
}

fn is_be_or_get(lower: &str) -> bool {
    matches!(
        lower,
        "be" | "is"
            | "are"
            | "was"
            | "were"
            | "been"
            | "being"
            | "am"
            | "'s"
            | "’s"
            | "get"
            | "gets"
            | "got"
            | "gotten"
            | "getting"
    )
}

/// Phrase `p` is a time ("last month", "yesterday", "this week"), not a participant ("last
/// year's coup" is a thing).
fn is_time_phrase(view: &SentenceView, p: usize) -> bool {
    let phrase = &view.phrases[p];
    let start = phrase.tokens.start;
    // A phrase opening with a determiner or a common noun is a time only when its head names
    // one; that test is cheap, and reading a date is not.
    let may_be_time = match view.tag(start) {
        Tag::JJ => true,
        Tag::DT | Tag::NN => matches!(
            view.lower(phrase.head),
            "yesterday"
                | "today"
                | "tonight"
                | "overnight"
                | "day"
                | "week"
                | "weekend"
                | "month"
                | "year"
                | "morning"
                | "afternoon"
                | "evening"
                | "night"
        ),
        _ => false,
    };
    phrase.actors.is_empty()
        && may_be_time
        && phrase.tokens.clone().all(|t| view.tag(t) != Tag::POS)
        && starts_date(view, start)
}

/// Phrase `p` begins with a date or time ("Monday" of "on Monday", "March 3").
pub fn is_dated(view: &SentenceView, p: usize) -> bool {
    starts_date(view, view.phrases[p].tokens.start)
}

/// Whether a temporal expression starts at token `i` ("Thursday", "March 3", "last week").
fn starts_date(view: &SentenceView, i: usize) -> bool {
    if i >= view.range.end {
        return false;
    }
    let from = view.token(i).start as usize;
    let to = view.token(view.clause_end(i) - 1).end as usize;
    view.text
        .get(from..to.max(from))
        .and_then(kestrel_dates::leading_date)
        .is_some()
}

fn is_auxiliary(lower: &str) -> bool {
    is_be_or_get(lower)
        || matches!(
            lower,
            "have" | "has" | "had" | "having" | "do" | "does" | "did" | "'ve" | "'d"
        )
}

/// How a verb group stands in its clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Finite,
    /// "to supply"
    Infinitive,
    /// "supplying" without an auxiliary
    Gerund,
    /// "involved" without an auxiliary (reduced relative or fronted participle)
    Participle,
}

#[derive(Debug, Clone)]
pub struct VerbGroup<'a> {
    /// First token (auxiliary or main verb).
    pub start: usize,
    pub main: usize,
    /// Exclusive end, after any particle of the lemma.
    pub end: usize,
    /// A slice of the sentence or of the lexicon where it can be ("visit" of "visited", "be"
    /// of "was"); owned when spelled otherwise ("carry" of "carried") or joined with
    /// particles ("call on").
    pub lemma: Cow<'a, str>,
    pub passive: bool,
    pub negated: bool,
    /// Tokens of the group that are modals or adverbs ("might", "reportedly").
    pub markers: Vec<usize>,
    pub form: Form,
}

/// Find the verb groups of a sentence. `has_lemma` says whether a lemma with particles
/// ("call on") is known, so particles join the verb only when they make a known entry.
pub fn verb_groups<'a>(
    view: &SentenceView<'a>,
    has_lemma: impl Fn(&str) -> bool,
    max_particles: usize,
) -> Vec<VerbGroup<'a>> {
    let mut groups = Vec::new();
    // A lemma with particles being tried: one buffer for every group of the sentence.
    let mut candidate = String::new();
    let mut i = view.range.start;
    let end = view.range.end;
    while i < end {
        let tag = view.tag(i);
        let starts = (is_verb(tag) || tag == Tag::MD) && view.phrase_at(i).is_none();
        if !starts {
            i += 1;
            continue;
        }
        let start = i;
        let mut main = i;
        let mut markers = Vec::new();
        let mut negated = false;
        let mut j = i;
        while j < end {
            let t = view.tag(j);
            if (is_verb(t) || t == Tag::MD) && view.phrase_at(j).is_none() {
                // Only auxiliaries chain: "had visited" is one group, "denied supplying" two.
                if j > start && !(view.tag(main) == Tag::MD || is_auxiliary(view.lower(main))) {
                    break;
                }
                if t == Tag::MD {
                    markers.push(j);
                }
                main = j;
                j += 1;
            } else if matches!(t, Tag::RB | Tag::RBR | Tag::RBS)
                && j + 1 < end
                && (is_verb(view.tag(j + 1)) || matches!(view.tag(j + 1), Tag::RB))
                && (view.tag(main) == Tag::MD || is_auxiliary(view.lower(main)))
            {
                if matches!(view.lower(j), "not" | "n't" | "never") {
                    negated = true;
                }
                markers.push(j);
                j += 1;
            } else {
                break;
            }
        }
        // A form of "be" or "get" among the auxiliaries before the main verb.
        let main_lower = view.lower(main);
        let passive =
            view.tag(main) == Tag::VBN && (start..main).any(|k| is_verb(view.tag(k)) && is_be_or_get(view.lower(k)));
        let mut lemma = verb_lemma(main_lower);
        let mut group_end = main + 1;
        // Particles: "call on", "carry out", "step up". The candidate is only written once a
        // particle follows: most verbs have none.
        candidate.clear();
        // "blew himself up": a reflexive object may stand between the verb and its particle.
        let reflexive = main + 2 < end && matches!(view.lower(main + 1), "himself" | "herself" | "themselves");
        let first_particle = main + 1 + usize::from(reflexive);
        for k in 0..max_particles {
            let p = first_particle + k;
            if p >= end || !matches!(view.tag(p), Tag::RP | Tag::IN | Tag::RB | Tag::TO) {
                break;
            }
            if candidate.is_empty() {
                // Room for the particles too, so that the candidate is allocated once.
                candidate.reserve(lemma.len() + 16);
                candidate.push_str(&lemma);
            }
            candidate.push(' ');
            candidate.push_str(view.lower(p));
            // "agreed on Thursday to ...": a preposition before a date is not a particle.
            if has_lemma(&candidate) && !starts_date(view, p + 1) {
                lemma = Cow::Owned(candidate.clone());
                group_end = p + 1;
            }
        }
        let has_aux = main > start;
        let form = if start > view.range.start && view.tag(start - 1) == Tag::TO {
            Form::Infinitive
        } else if !has_aux && view.tag(main) == Tag::VBG {
            Form::Gerund
        } else if !has_aux && view.tag(main) == Tag::VBN {
            Form::Participle
        } else {
            Form::Finite
        };
        groups.push(VerbGroup {
            start,
            main,
            end: group_end,
            lemma,
            passive,
            negated,
            markers,
            form,
        });
        i = group_end.max(j);
    }
    groups
}

/// When the tokens right before `object_start` are a relative pronoun and its clause's verb
/// ("who ambushed", "that had seized"), the phrase the relative clause describes.
fn relative_clause_antecedent(view: &SentenceView, object_start: usize) -> Option<usize> {
    // Back over the clause's verb group: its verbs, modals and adverbs.
    let in_verb_group =
        |k: usize| matches!(view.tag(k), Tag::RB | Tag::MD) || (is_verb(view.tag(k)) && view.phrase_at(k).is_none());
    let mut k = object_start;
    while k > view.range.start && in_verb_group(k - 1) {
        k -= 1;
    }
    if k == object_start || k <= view.range.start + 1 || !matches!(view.tag(k - 1), Tag::WDT | Tag::WP) {
        return None;
    }
    let mut a = k - 2;
    if view.tag(a) == Tag::Comma && a > view.range.start {
        a -= 1;
    }
    view.phrase_at(a)
}

/// What stands left of a verb as its subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// A noun phrase (actor or not), by index.
    Phrase(usize),
    /// Nothing in the clause: the subject is inherited (control, coordination, participles).
    Missing,
}

/// The subject of a verb group within its own clause.
pub fn subject_of(view: &SentenceView, g: &VerbGroup) -> Subject {
    // A bare participle right after a phrase modifies it, wherever the phrase stands ("the
    // families of soldiers killed in the attack"): its own clause starts there.
    if g.form == Form::Participle && g.start > view.range.start {
        if let Some(p) = view.phrase_at(g.start - 1).filter(|&p| !view.phrases[p].possessive) {
            return Subject::Phrase(p);
        }
    }
    // "after meeting Wong", "accused Kyiv of shelling": a gerund after a preposition has no
    // subject of its own; what stands before the preposition is an object or another verb's.
    if g.form == Form::Gerund && g.start > view.range.start && view.tag(g.start - 1) == Tag::IN {
        return Subject::Missing;
    }
    // "with Egypt and Qatar acting as mediators": in an absolute "with" clause the phrase
    // right before the gerund is its subject.
    if g.form == Form::Gerund && g.start > view.range.start {
        if let Some(p) = view.phrase_at(g.start - 1) {
            let before = view.phrases[p].tokens.start;
            if before > view.range.start && view.lower(before - 1) == "with" && !view.phrases[p].possessive {
                return Subject::Phrase(p);
            }
        }
    }
    let mut i = g.start;
    while i > view.range.start {
        i -= 1;
        let tag = view.tag(i);
        if let Some(p) = view.phrase_at(i) {
            let phrase = &view.phrases[p];
            let before = phrase.tokens.start;
            // A phrase inside a prepositional phrase is not the subject: skip it and its
            // preposition and keep looking for the phrase it attaches to.
            if before > view.range.start
                && matches!(view.tag(before - 1), Tag::IN | Tag::TO)
                && view.lower(before - 1) != "that"
                && !opens_subordinate_clause(view, before - 1, phrase.tokens.end == g.start)
                && !is_approximate_quantity(view, before)
            {
                i = before - 1;
                continue;
            }
            // "the gunmen who seized two aid workers last month released them": a time phrase
            // is no subject; keep looking left.
            if is_time_phrase(view, p) {
                i = before;
                continue;
            }
            if phrase.possessive {
                return Subject::Missing;
            }
            // "The militants who ambushed an army convoy killed ...": the phrase is the object
            // of a relative clause; the verb's subject is what the clause describes.
            if let Some(antecedent) = relative_clause_antecedent(view, before) {
                return Subject::Phrase(antecedent);
            }
            return Subject::Phrase(counted_phrase(view, p));
        }
        match tag {
            Tag::RB | Tag::RBR | Tag::MD => continue,
            // Relative pronoun: the antecedent is the phrase just before it.
            Tag::WDT | Tag::WP if i > view.range.start => {
                let mut k = i - 1;
                if view.tag(k) == Tag::Comma && k > view.range.start {
                    k -= 1;
                }
                return view.phrase_at(k).map_or(Subject::Missing, Subject::Phrase);
            }
            // "Kim Yo Jong, the sister of ..., condemned": skip a parenthetical set off by
            // commas (an apposition or relative clause) to the phrase it describes.
            Tag::Comma => match parenthetical_head(view, i) {
                Some(p) => return Subject::Phrase(p),
                None => return Subject::Missing,
            },
            // "Two guides - in which ... died - have denied": before a finite verb, an aside
            // between dashes is skipped whole; the subject is before it. (A participle after
            // an aside, "- condemning the Government", takes the clause's subject.)
            Tag::Dash if g.form == Form::Finite => {
                match opening_mark(view, i, Tag::Dash, &[Tag::Colon, Tag::Period, Tag::Quote]) {
                    Some(opening) => i = opening,
                    None => return Subject::Missing,
                }
            }
            _ if view.is_boundary(i) => return Subject::Missing,
            // "an email sent by Afroz had mentioned", "militants backed by Iran attacked": a
            // participle right after a noun phrase, with no auxiliary of its own, is a reduced
            // relative clause; the finite verb's subject is the phrase it modifies.
            Tag::VBN if g.form == Form::Finite && i > view.range.start && view.phrase_at(i - 1).is_some() => continue,
            // "civilians imprisoned for acting against Moscow were released": a gerund after a
            // preposition belongs to that prepositional phrase.
            Tag::VBG if g.form == Form::Finite && i > view.range.start && view.tag(i - 1) == Tag::IN => continue,
            // A verb between: we are its object or a second verb; inherit.
            t if is_verb(t) || t == Tag::CC || t == Tag::TO => return Subject::Missing,
            _ => continue,
        }
    }
    Subject::Missing
}

/// Words that count what their "of" phrase names ("thousands of people", "dozens of soldiers").
const QUANTITIES: [&str; 12] = [
    "thousands",
    "hundreds",
    "dozens",
    "scores",
    "millions",
    "tens",
    "thousand",
    "hundred",
    "dozen",
    "handful",
    "number",
    "majority",
];

/// "Thousands of people rallied", "hundreds of thousands of demonstrators marched": a subject
/// that only counts stands for the people its "of" phrase names. After a verb the count is
/// that verb's object ("struck hundreds of Hezbollah targets"), and what follows it a noun
/// the tagger may have read as a verb.
fn counted_phrase(view: &SentenceView, p: usize) -> usize {
    let start = view.phrases[p].tokens.start;
    if start > view.range.start && is_verb(view.tag(start - 1)) {
        return p;
    }
    what_is_counted(view, p)
}

/// What phrase `p` counts, through its "of" phrases ("30 of 35 drones", "hundreds of
/// thousands of people"), or `p` itself when it counts nothing.
pub fn what_is_counted(view: &SentenceView, p: usize) -> usize {
    let mut p = p;
    // Each step moves right, so the chain ends; the bound only guards against odd input.
    for _ in 0..4 {
        let phrase = &view.phrases[p];
        let of = phrase.tokens.end;
        let counts = !phrase.is_actor()
            && is_quantity_word(view, phrase.head)
            && of + 1 < view.range.end
            && view.lower(of) == "of";
        match view.phrase_at(of + 1).filter(|_| counts) {
            Some(q) if view.phrases[q].tokens.start == of + 1 => p = q,
            _ => break,
        }
    }
    p
}

/// Whether phrase `p` is what a quantity before it counts: "thousands of Iraqis", "dozens of
/// Palestinians" are people, not the country.
pub fn is_counted(view: &SentenceView, p: usize) -> bool {
    let start = view.phrases[p].tokens.start;
    start >= view.range.start + 2 && view.lower_is(start - 1, "of") && is_quantity_word(view, start - 2)
}

/// A number or a word that counts ("dozens", "thousands") at token `i`.
fn is_quantity_word(view: &SentenceView, i: usize) -> bool {
    QUANTITIES.contains(&view.lower(i)) || view.tag(i) == Tag::CD
}

/// "over 1,000 US Marines", "more than 300 people": a number after a word of approximation
/// tagged as a preposition is the start of a noun phrase, not a prepositional phrase.
fn is_approximate_quantity(view: &SentenceView, phrase_start: usize) -> bool {
    view.tag(phrase_start) == Tag::CD && approximation_before(view, phrase_start) > 0
}

/// How many tokens right before `number` approximate it ("at least", "up to", "about",
/// "more than"), with a currency sign between them ("at least $2 billion"), 0 if none.
fn approximation_before(view: &SentenceView, number: usize) -> usize {
    let sign = usize::from(number > view.range.start && view.tag(number - 1) == Tag::SYM);
    let word = |back: usize| {
        number
            .checked_sub(back + sign)
            .filter(|&k| k >= view.range.start)
            .map_or("", |k| view.lower(k))
    };
    let words = match (word(2), word(1)) {
        ("at", "least" | "most") | ("up", "to") => 2,
        (
            _,
            "over" | "about" | "around" | "nearly" | "almost" | "under" | "than" | "some" | "roughly" | "approximately",
        ) => 1,
        _ => 0,
    };
    if words == 0 {
        0
    } else {
        words + sign
    }
}

/// Words tagged IN that may open a clause: prepositions that double as conjunctions, and the
/// conjunctions proper ("vowed to retaliate if the United States sold more weapons").
const SUBORDINATORS: [&str; 14] = [
    "after", "before", "since", "until", "till", "once", "if", "unless", "because", "although", "though", "whereas",
    "while", "as",
];

/// Whether the word at `i` opens a subordinate clause rather than a prepositional phrase: it
/// can, the phrase after it runs right up to a verb (`verb_next`), and it starts the sentence
/// or follows a finite verb ("restored ties five years after crowds burned ..."), so that it
/// does not attach to a subject still waiting for its verb ("talks after the vote collapsed").
fn opens_subordinate_clause(view: &SentenceView, i: usize, verb_next: bool) -> bool {
    verb_next
        && SUBORDINATORS.contains(&view.lower(i))
        // "countries such as Iran have", "Britain as well as France condemned": "as" inside a
        // comparison or a list opens no clause.
        && !(i > view.range.start && matches!(view.lower(i - 1), "such" | "well" | "known" | "same"))
        && (i == view.range.start
            || (view.range.start..i).any(|k| matches!(view.tag(k), Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD)))
}

/// For a comma closing a parenthetical (", the sister of X," / ", which launched strikes,"),
/// the phrase before the opening comma, if it is the start of the clause's subject.
fn parenthetical_head(view: &SentenceView, closing: usize) -> Option<usize> {
    let opening = opening_mark(view, closing, Tag::Comma, &[Tag::Colon, Tag::Period])?;
    let mut head = view.phrase_at(opening.checked_sub(1)?)?;
    // "China's ambassador to the United Nations, Fu Cong, criticised": a phrase inside a
    // prepositional phrase stands for the one it attaches to, unless only the inner one names
    // an actor ("The head of the U.N. nuclear watchdog, Rafael Grossi, visited").
    let mut start = view.phrases[head].tokens.start;
    for _ in 0..3 {
        let attached = start > view.range.start + 1
            && matches!(view.tag(start - 1), Tag::IN | Tag::TO)
            && matches!(view.lower(start - 1), "to" | "of" | "for" | "at" | "in");
        let Some(outer) = attached.then(|| view.phrase_at(start - 2)).flatten() else {
            break;
        };
        // An outer role whose country is only guessed from context ("The leader of the
        // Hezbollah movement") gives way to the actor named inside.
        let named = |p: &NounPhrase| {
            p.actors.iter().any(|a| a.via != Via::Reference)
                || (!p.is_actor()
                    && p.modifiers
                        .iter()
                        .any(|m| m.code.country().is_some() || m.code.is_group()))
        };
        if named(&view.phrases[outer]) || !named(&view.phrases[head]) {
            head = outer;
        }
        start = view.phrases[outer].tokens.start;
    }
    let phrase = &view.phrases[head];
    // A subject whose country is only guessed from context is no better than none.
    let guessed = !phrase.actors.iter().any(|a| a.via != Via::Reference);
    if start < phrase.tokens.start && guessed {
        return None;
    }
    let starts_clause = start == view.range.start
        || matches!(view.tag(start - 1), Tag::Comma | Tag::Quote)
        || view.lower(start - 1) == "that";
    // "The Prime Minister, John Howard, has revealed": a role whose country is only guessed
    // stands for the person the apposition names.
    let named = view.phrase_at(opening + 1).filter(|&q| {
        let apposition = &view.phrases[q];
        apposition.tokens.end == closing && apposition.actors.iter().any(|a| a.name.is_some())
    });
    let head = match named {
        Some(person) if guessed && !phrase.actors.is_empty() => person,
        _ => head,
    };
    (starts_clause && !phrase.possessive).then_some(head)
}

/// For a `mark` (comma, dash) closing an aside, the same mark opening it, within 25 tokens and
/// with none of `stops` between them.
fn opening_mark(view: &SentenceView, closing: usize, mark: Tag, stops: &[Tag]) -> Option<usize> {
    const LONGEST: usize = 25;
    (closing.saturating_sub(LONGEST).max(view.range.start)..closing)
        .rev()
        .find(|&k| view.tag(k) == mark || stops.contains(&view.tag(k)))
        .filter(|&k| view.tag(k) == mark)
}

/// What follows a verb: its direct object and prepositional phrases, up to the clause end.
#[derive(Debug, Clone, Default)]
pub struct Complements<'a> {
    pub object: Option<usize>,
    /// A second noun phrase right after the object: what is given to it ("gave Hezbollah an
    /// ultimatum", "sent Kyiv missiles").
    pub second_object: Option<usize>,
    /// (preposition, phrase index), in order; the preposition is the sentence's own
    /// lower-cased word (no copy: most verbs have some).
    pub preps: Vec<(&'a str, usize)>,
    /// "to V" right after the object (or the verb): the infinitive's first token.
    pub infinitive: Option<usize>,
    /// The first token after "that" when a that-clause follows.
    pub that_clause: Option<usize>,
    /// Tokens scanned: the clause material after the verb.
    pub end: usize,
}

/// Participles that say whose their noun is, before "to" ("assets belonging to", "ships linked
/// to").
const OWNED_BY: [&str; 4] = ["belonging", "linked", "tied", "connected"];

/// Participles that work as prepositions ("concerns regarding the talks").
const PARTICIPIAL_PREPOSITIONS: [&str; 6] = [
    "regarding",
    "concerning",
    "including",
    "following",
    "involving",
    "targeting",
];

/// Whether phrase `p` ranks what it names: "the worst flooding", "the first country", "the
/// only leader".
fn is_ranked(view: &SentenceView, p: usize) -> bool {
    view.phrases[p]
        .tokens
        .clone()
        .any(|k| view.tag(k) == Tag::JJS || matches!(view.lower(k), "first" | "last" | "only" | "next"))
}

pub fn complements_of<'a>(view: &SentenceView<'a>, from: usize) -> Complements<'a> {
    let mut c = Complements::default();
    let mut i = from;
    let end = view.range.end;
    let mut pending_prep: Option<&str> = None;
    while i < end {
        let tag = view.tag(i);
        if let Some(p) = view.phrase_at(i) {
            // "on behalf of X" names whom the subject speaks for, not a participant.
            if view.lower_is(view.phrases[p].head, "behalf") {
                pending_prep = None;
                i = view.phrases[p].tokens.end;
                if i < end && view.lower(i) == "of" {
                    i += 1;
                    if let Some(q) = view.phrase_at(i) {
                        i = view.phrases[q].tokens.end;
                    }
                }
                continue;
            }
            match pending_prep.take() {
                Some(prep) => c.preps.push((prep, p)),
                // "a businessman kidnapped last month": a time phrase is no object.
                None if c.object.is_none() && c.preps.is_empty() && !is_time_phrase(view, p) => c.object = Some(p),
                None if c.second_object.is_none()
                    && c.preps.is_empty()
                    && c.object.is_some_and(|o| {
                        let (end, start) = (view.phrases[o].tokens.end, view.phrases[p].tokens.start);
                        end == start || (end + 1 == start && view.tag(end) == Tag::Quote)
                    }) =>
                {
                    c.second_object = Some(p)
                }
                None => {}
            }
            i = view.phrases[p].tokens.end;
            continue;
        }
        if view.lower_is(i, "that") {
            c.that_clause = Some(i + 1);
            break;
        }
        // "cordoned off the roads leading into Mordor", "troops stationed in Syria": a
        // participle right after the object, before a preposition, is a reduced relative
        // clause; its prepositional phrases still describe the object.
        let after_object = c.object.is_some_and(|o| view.phrases[o].tokens.end == i) && pending_prep.is_none();
        if after_object && matches!(tag, Tag::VBG | Tag::VBN) && i + 1 < end && matches!(view.tag(i + 1), Tag::IN) {
            i += 1;
            continue;
        }
        // "froze assets belonging to Russian oligarchs", "attacking ships linked to Israel":
        // what belongs or is linked to someone is theirs, as what is "of" them.
        if after_object && OWNED_BY.contains(&view.lower(i)) && i + 1 < end && view.lower_is(i + 1, "to") {
            pending_prep = Some("of");
            i += 2;
            continue;
        }
        // "called Bush \"the devil\"": a quoted second object opens right after the first.
        if after_object && tag == Tag::Quote && c.second_object.is_none() && view.phrase_at(i + 1).is_some() {
            i += 1;
            continue;
        }
        if tag == Tag::VBG && PARTICIPIAL_PREPOSITIONS.contains(&view.lower(i)) {
            pending_prep = Some(view.lower(i));
            i += 1;
            continue;
        }
        match tag {
            Tag::TO if i + 1 < end && matches!(view.tag(i + 1), Tag::VB | Tag::VBP) => {
                // "evacuated residents in the worst flooding to hit Europe": after a ranked
                // phrase in a prepositional phrase, the infinitive says what that phrase did.
                let ranked_before = c
                    .preps
                    .last()
                    .is_some_and(|&(_, q)| view.phrases[q].tokens.end == i && is_ranked(view, q));
                if c.infinitive.is_none() && !ranked_before {
                    c.infinitive = Some(i + 1);
                }
                break;
            }
            // "to about 200,000 people", "for over 300": a preposition between a preposition
            // and a number approximates the number; the first one heads the phrase.
            Tag::IN if pending_prep.is_some() && i + 1 < end && view.tag(i + 1) == Tag::CD => {}
            // "killed at least 40 soldiers", "provide Ukraine with at least 40 billion euros":
            // the words before a number approximate it; the number heads the object or the
            // pending preposition's phrase.
            // ("more than 40": "more" is the object already, and "than" attaches the number.)
            Tag::IN
                if (c.object.is_none() || pending_prep.is_some())
                    && (i + 1..(i + 4).min(end))
                        .any(|n| view.tag(n) == Tag::CD && approximation_before(view, n) == n - i) => {}
            // "air strikes inside Iran": "inside" fills every slot "in" does.
            Tag::IN | Tag::TO => {
                pending_prep = Some(match view.lower(i) {
                    "inside" => "in",
                    word => word,
                })
            }
            Tag::RB | Tag::RP | Tag::CC => {}
            Tag::VBG if pending_prep.is_some() => break,
            _ if view.is_boundary(i) => break,
            t if is_verb(t) || t == Tag::MD => break,
            _ => {}
        }
        i += 1;
    }
    c.end = i;
    c
}
