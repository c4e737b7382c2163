//! The event lexicon: verb and noun patterns mapped to CAMEO codes, word sets, modality
//! governors and complement refinements, read from `data/events/*.tsv` (formats documented in
//! each file's header and in data/README.md).

use kestrel_actors::{Actor, Sector};
use kestrel_text::{FxHashMap, WordFilter};
use std::sync::OnceLock;

pub use kestrel_text::datafile::Diagnostic;
pub(crate) use kestrel_text::datafile::{data_lines, fields};

/// Where a pattern's target comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    /// The actor in the direct object.
    Object,
    /// The actor in a prepositional phrase headed by this word.
    Prep(String),
    /// The actor in the first prepositional phrase that has one.
    AnyPrep,
}

/// A constraint on the object phrase: its nouns, or whom it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectConstraint {
    Any,
    /// Index into [`Lexicon::sets`].
    Set(usize),
    /// `@PERSON`: the phrase names a person ("captured Saddam Hussein").
    Person,
    /// `@ACTOR`: the phrase is an actor itself, not a thing an actor modifies ("called the
    /// German chancellor", not "called Mugabe's rule illegitimate").
    Actor,
    /// `@PLACE`: the phrase names a place: a seat of government or a country with no role
    /// ("seized Kabul", "seized Crimea").
    Place,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flags {
    /// Symmetric: a compound subject gives events both ways.
    pub recip: bool,
    /// Takes an infinitival complement that refines the code.
    pub comp: bool,
    /// A light verb: an event noun as object gives the code.
    pub light: bool,
    /// A statement verb whose that-clause is coded on its own.
    pub say: bool,
    /// A noun coded only as the object of a light verb.
    pub light_only: bool,
    /// A verb row that applies only when one of its target slots names an actor; otherwise
    /// the verb's later rows are tried ("fired missiles at Kyiv" is an attack, "fired a
    /// missile into the sea" a show of force).
    pub targeted: bool,
    /// A light verb whose subject undergoes the event its object names: the event's source is
    /// the verb's target slot and its target the subject ("drew criticism from the EU").
    pub undergo: bool,
    /// A verb coded by its means: with "by V-ing" after it ("retaliated by raising tariffs",
    /// "responded by expelling diplomats"), the gerund's own event stands for it.
    pub means: bool,
}

/// A complements.tsv row: the code a governing event takes from its complement's code.
#[derive(Debug, Clone)]
pub struct ComplementRule {
    pub governing: String,
    pub complement: String,
    pub result: String,
    /// The row applies only when every target of the complement has this role block.
    pub target_sector: Option<Sector>,
}

#[derive(Debug, Clone)]
pub struct VerbPattern {
    pub object: ObjectConstraint,
    /// The constraint on the doer: the active subject or the passive "by" agent ("the army
    /// ousted the president" is a coup, "parliament ousted the speaker" is not).
    pub subject: ObjectConstraint,
    pub code: String,
    /// The code of the same event seen from the target ("receive a visit" for "visit"), coded
    /// too with source and target swapped.
    pub reverse: Option<String>,
    pub targets: Vec<Slot>,
    pub flags: Flags,
    /// The row codes only this inflected form of the verb, lower-case: a dictionary that
    /// lists "left" apart from "leave" means the form.
    pub form: Option<String>,
}

#[derive(Debug, Clone)]
pub struct NounPattern {
    /// The constraint on the noun's "of" phrase ("transfer of &ARMS": "the transfer of
    /// missiles", not "the transfer of power").
    pub object: ObjectConstraint,
    pub code: String,
    pub targets: Vec<Slot>,
    pub flags: Flags,
}

/// One position of a phrase pattern (imported from PETRARCH verb dictionaries).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternWord {
    /// A word, lower-case, matched as written or by its lemma.
    Word(String),
    /// A member (possibly several words) of the set with this index into [`Lexicon::sets`].
    Set(usize),
    /// A noun phrase naming the source actor.
    Source,
    /// A noun phrase naming the target actor.
    Target,
    /// A compound noun phrase whose actors act on each other.
    Compound,
    /// Any one noun phrase.
    Skip,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternItem {
    pub word: PatternWord,
    /// Must start right where the previous item ends.
    pub joined: bool,
}

/// Words that must surround a verb, in order, for the verb to take a code: `before` in the
/// clause before it, `after` in the rest of the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhrasePattern {
    pub before: Vec<PatternItem>,
    pub after: Vec<PatternItem>,
    /// The last item of `before` must end right before the verb.
    pub verb_joined_before: bool,
    /// `None`: the pattern recognises the phrase but codes nothing.
    pub code: Option<String>,
    /// As [`VerbPattern::reverse`].
    pub reverse: Option<String>,
    /// The code is for the target acting on the source (source and target swap).
    pub swapped: bool,
}

impl PhrasePattern {
    /// More items: more specific, tried first.
    pub fn len(&self) -> usize {
        self.before.len() + self.after.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// How a governing word changes the factuality of the events in its scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Governor {
    Report,
    Hedge,
    Allege,
    Deny,
    Request,
    Intend,
    /// Tried, not known to be done: intended, but no stated intention of its own ("tried to
    /// storm the base" is an attempted attack, not a threat to attack).
    Attempt,
    Hypothetical,
    Negate,
}

impl Governor {
    fn parse(s: &str) -> Option<Governor> {
        Some(match s {
            "report" => Governor::Report,
            "hedge" => Governor::Hedge,
            "allege" => Governor::Allege,
            "deny" => Governor::Deny,
            "request" => Governor::Request,
            "intend" => Governor::Intend,
            "attempt" => Governor::Attempt,
            "hypothetical" | "fear" => Governor::Hypothetical,
            "negate" => Governor::Negate,
            _ => return None,
        })
    }
}

/// The part of speech a governor entry applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GovernorPos {
    Verb,
    Adverb,
    Modal,
    Noun,
    Adjective,
    Preposition,
    Conjunction,
    Determiner,
}

impl GovernorPos {
    fn parse(s: &str) -> Option<GovernorPos> {
        Some(match s {
            "verb" => GovernorPos::Verb,
            "adv" => GovernorPos::Adverb,
            "modal" => GovernorPos::Modal,
            "noun" => GovernorPos::Noun,
            "adj" => GovernorPos::Adjective,
            "prep" => GovernorPos::Preposition,
            "conj" => GovernorPos::Conjunction,
            "det" => GovernorPos::Determiner,
            _ => return None,
        })
    }
}

/// The modality governors by word. The coder asks for nearly every adverb, noun, adjective,
/// preposition and conjunction of a sentence, and few are governors: a [`WordFilter`] turns
/// most of those away before the map is hashed.
#[derive(Debug, Default)]
struct Governors {
    filter: WordFilter,
    /// Word -> (part of speech, governor) entries.
    entries: FxHashMap<String, Vec<(GovernorPos, Governor)>>,
}

impl Governors {
    fn add(&mut self, word: String, pos: GovernorPos, governor: Governor) {
        self.filter.insert(word.as_bytes());
        self.entries.entry(word).or_default().push((pos, governor));
    }

    fn get(&self, word: &str, pos: GovernorPos) -> Option<Governor> {
        if !self.filter.may_contain(word.as_bytes()) {
            return None;
        }
        self.entries
            .get(word)
            .and_then(|v| v.iter().find(|(p, _)| *p == pos))
            .map(|(_, g)| *g)
    }
}

/// The whole lexicon.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Verb lemma (with particles, space-separated) -> patterns in file order.
    pub verbs: FxHashMap<String, Vec<VerbPattern>>,
    /// Longest particle sequence of any verb entry, in words.
    pub max_particles: usize,
    /// Noun (or compound) -> patterns, rows constraining their "of" phrase first, in file order.
    pub nouns: FxHashMap<String, Vec<NounPattern>>,
    /// Multiword nouns, by their last word: ("strike" -> ["air strike"]).
    pub noun_compounds: FxHashMap<String, Vec<String>>,
    /// Every key of `nouns` and `noun_compounds` (filled with them by `load_nouns`): the
    /// coder asks about the head of nearly every phrase, and few head an event.
    noun_keys: WordFilter,
    /// Set name ("&ARMS") -> index in `sets`; the coder looks some up for every phrase it
    /// tests, so with the fast hash of the other maps.
    pub set_names: FxHashMap<String, usize>,
    /// Filled through `add_set` and `load_synsets` only, which keep `set_words` up to date.
    sets: Vec<std::collections::HashSet<String, std::hash::BuildHasherDefault<kestrel_text::FxHasher>>>,
    /// Every member of every set: the coder asks about each noun of a phrase for every row
    /// constraining it, and most are in no set.
    set_words: WordFilter,
    /// The modality governors of modality.tsv, by word.
    governors: Governors,
    /// complements.tsv rows, most specific first.
    pub complements: Vec<ComplementRule>,
    /// Verb lemma -> phrase patterns, most specific first (see [`Lexicon::add_phrase_pattern`]).
    pub phrase_patterns: FxHashMap<String, Vec<PhrasePattern>>,
}

/// The embedded default data files.
pub struct DefaultFiles;

impl DefaultFiles {
    pub const SYNSETS: (&'static str, &'static str) = (
        "data/events/synsets.tsv",
        include_str!("../../../data/events/synsets.tsv"),
    );
    pub const VERBS: (&'static str, &'static str) =
        ("data/events/verbs.tsv", include_str!("../../../data/events/verbs.tsv"));
    pub const NOUNS: (&'static str, &'static str) =
        ("data/events/nouns.tsv", include_str!("../../../data/events/nouns.tsv"));
    pub const MODALITY: (&'static str, &'static str) = (
        "data/events/modality.tsv",
        include_str!("../../../data/events/modality.tsv"),
    );
    pub const COMPLEMENTS: (&'static str, &'static str) = (
        "data/events/complements.tsv",
        include_str!("../../../data/events/complements.tsv"),
    );
}

fn parse_slots(s: &str) -> Vec<Slot> {
    s.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty() && *s != "-")
        .map(|s| {
            if s == "obj" {
                Slot::Object
            } else {
                Slot::Prep(s.to_ascii_lowercase())
            }
        })
        .collect()
}

fn parse_flags(s: &str) -> Result<Flags, String> {
    let mut f = Flags::default();
    for flag in s.split(',').map(str::trim).filter(|s| !s.is_empty() && *s != "-") {
        match flag {
            "recip" => f.recip = true,
            "comp" => f.comp = true,
            "light" => f.light = true,
            "say" => f.say = true,
            "light-only" => f.light_only = true,
            "targeted" => f.targeted = true,
            "undergo" => f.undergo = true,
            "means" => f.means = true,
            other => return Err(format!("unknown flag {other:?}")),
        }
    }
    Ok(f)
}

fn is_code(s: &str) -> bool {
    (2..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

impl Lexicon {
    /// The lexicon built from the embedded default files (once per process).
    pub fn embedded() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon::load_defaults().0)
    }

    /// Load every default file, returning the problems found (used by tests and `--check`).
    pub fn load_defaults() -> (Lexicon, Vec<Diagnostic>) {
        let mut lex = Lexicon::default();
        let mut diags = Vec::new();
        lex.load_synsets(DefaultFiles::SYNSETS, &mut diags);
        lex.load_verbs(DefaultFiles::VERBS, &mut diags);
        lex.load_nouns(DefaultFiles::NOUNS, &mut diags);
        lex.load_modality(DefaultFiles::MODALITY, &mut diags);
        lex.load_complements(DefaultFiles::COMPLEMENTS, &mut diags);
        (lex, diags)
    }

    /// The lexicon without kestrel's own event words (verbs, nouns, complement refinements):
    /// word sets and modality governors only, for coding with imported dictionaries alone.
    pub fn load_grammar_only() -> (Lexicon, Vec<Diagnostic>) {
        let mut lex = Lexicon::default();
        let mut diags = Vec::new();
        lex.load_synsets(DefaultFiles::SYNSETS, &mut diags);
        lex.load_modality(DefaultFiles::MODALITY, &mut diags);
        (lex, diags)
    }

    /// Adds (or replaces) a word set; members may be several words, space-separated.
    pub fn add_set(&mut self, name: &str, members: impl IntoIterator<Item = String>) -> usize {
        let set: std::collections::HashSet<_, _> = members.into_iter().map(|m| m.to_lowercase()).collect();
        for member in &set {
            self.set_words.insert(member.as_bytes());
        }
        match self.set_names.get(name) {
            Some(&i) => {
                self.sets[i] = set;
                i
            }
            None => {
                self.sets.push(set);
                self.set_names.insert(name.to_string(), self.sets.len() - 1);
                self.sets.len() - 1
            }
        }
    }

    /// Adds a verb with a default code, whose target is its object or the actor of a
    /// prepositional phrase after it. Load modality governors first: they mark reporting verbs.
    /// Adds a verb code; `form` restricts it to one inflected form, and such rows are tried
    /// before the verb's other rows.
    pub fn add_verb(&mut self, lemma: &str, code: &str, reverse: Option<&str>, form: Option<&str>) {
        self.max_particles = self.max_particles.max(lemma.split(' ').count() - 1);
        // A reporting verb ("say") codes the statement only when it reports no other event.
        let say = self.governor(lemma, GovernorPos::Verb) == Some(Governor::Report);
        let rows = self.verbs.entry(lemma.to_string()).or_default();
        let at = if form.is_some() {
            rows.partition_point(|r| r.form.is_some())
        } else {
            rows.len()
        };
        rows.insert(
            at,
            VerbPattern {
                object: ObjectConstraint::Any,
                subject: ObjectConstraint::Any,
                code: code.to_string(),
                reverse: reverse.map(str::to_string),
                targets: vec![Slot::Object, Slot::AnyPrep],
                flags: Flags {
                    say,
                    ..Flags::default()
                },
                form: form.map(str::to_ascii_lowercase),
            },
        );
    }

    /// Adds a phrase pattern to a verb, keeping the verb's patterns most specific first.
    pub fn add_phrase_pattern(&mut self, lemma: &str, pattern: PhrasePattern) {
        self.max_particles = self.max_particles.max(lemma.split(' ').count() - 1);
        let list = self.phrase_patterns.entry(lemma.to_string()).or_default();
        let at = list.partition_point(|p| p.len() >= pattern.len());
        list.insert(at, pattern);
    }

    /// `&NAME<TAB>word|word`
    pub fn load_synsets(&mut self, (name, text): (&str, &str), diags: &mut Vec<Diagnostic>) {
        for (n, line) in data_lines(text) {
            let f = fields(line);
            if f.len() < 2 || !f[0].starts_with('&') {
                diags.push(Diagnostic::new(name, n, "expected &NAME and a |-separated word list"));
                continue;
            }
            // A second set of the same name would silently replace the first for every row.
            if self.set_names.contains_key(f[0]) {
                diags.push(Diagnostic::new(name, n, format!("set {} is defined twice", f[0])));
                continue;
            }
            let words = f[1].split('|').map(str::trim).filter(|w| !w.is_empty());
            self.add_set(f[0], words.map(str::to_string));
        }
    }

    fn parse_object(&self, s: &str) -> Result<ObjectConstraint, String> {
        match s {
            "" | "-" => Ok(ObjectConstraint::Any),
            "@PERSON" => Ok(ObjectConstraint::Person),
            "@ACTOR" => Ok(ObjectConstraint::Actor),
            "@PLACE" => Ok(ObjectConstraint::Place),
            s if s.starts_with('&') => self
                .set_names
                .get(s)
                .map(|&i| ObjectConstraint::Set(i))
                .ok_or_else(|| format!("unknown set {s}")),
            _ => Err(format!("constraint must be -, &SET, @PERSON or @ACTOR, got {s:?}")),
        }
    }

    /// `lemma<TAB>object<TAB>code<TAB>target<TAB>flags<TAB>subject`
    pub fn load_verbs(&mut self, (name, text): (&str, &str), diags: &mut Vec<Diagnostic>) {
        for (n, line) in data_lines(text) {
            let f = fields(line);
            if f.len() < 3 {
                diags.push(Diagnostic::new(
                    name,
                    n,
                    "expected lemma, object, code[, target, flags, subject]",
                ));
                continue;
            }
            let constraints = self
                .parse_object(f[1])
                .and_then(|object| Ok((object, self.parse_object(f.get(5).copied().unwrap_or("-"))?)));
            let (object, subject) = match constraints {
                Ok(o) => o,
                Err(e) => {
                    diags.push(Diagnostic::new(name, n, e));
                    continue;
                }
            };
            if !is_code(f[2]) {
                diags.push(Diagnostic::new(name, n, format!("invalid CAMEO code {:?}", f[2])));
                continue;
            }
            let flags = match parse_flags(f.get(4).copied().unwrap_or("-")) {
                Ok(fl) => fl,
                Err(e) => {
                    diags.push(Diagnostic::new(name, n, e));
                    continue;
                }
            };
            let lemma = f[0]
                .to_ascii_lowercase()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            self.max_particles = self.max_particles.max(lemma.split(' ').count() - 1);
            self.verbs.entry(lemma).or_default().push(VerbPattern {
                object,
                subject,
                code: f[2].to_string(),
                reverse: None,
                targets: parse_slots(f.get(3).copied().unwrap_or("-")),
                flags,
                form: None,
            });
        }
        // Rows with an object or subject constraint are tried before unconstrained rows of the
        // same verb.
        for rows in self.verbs.values_mut() {
            rows.sort_by_key(|r| r.object == ObjectConstraint::Any && r.subject == ObjectConstraint::Any);
        }
    }

    /// `noun<TAB>code<TAB>target<TAB>flags`, where `noun` may end in `of &SET`.
    pub fn load_nouns(&mut self, (name, text): (&str, &str), diags: &mut Vec<Diagnostic>) {
        for (n, line) in data_lines(text) {
            let f = fields(line);
            if f.len() < 2 || !is_code(f[1]) {
                diags.push(Diagnostic::new(name, n, "expected noun and a CAMEO code"));
                continue;
            }
            let flags = match parse_flags(f.get(3).copied().unwrap_or("-")) {
                Ok(fl) => fl,
                Err(e) => {
                    diags.push(Diagnostic::new(name, n, e));
                    continue;
                }
            };
            let mut words: Vec<&str> = f[0].split_whitespace().collect();
            let object = match words.as_slice() {
                [.., _, of, set] if of.eq_ignore_ascii_case("of") && set.starts_with('&') => {
                    match self.parse_object(set) {
                        Ok(o) => {
                            words.truncate(words.len() - 2);
                            o
                        }
                        Err(e) => {
                            diags.push(Diagnostic::new(name, n, e));
                            continue;
                        }
                    }
                }
                _ if words.iter().any(|w| w.starts_with('&')) => {
                    diags.push(Diagnostic::new(name, n, "a set must follow the noun as `of &SET`"));
                    continue;
                }
                _ => ObjectConstraint::Any,
            };
            let noun = words.join(" ").to_ascii_lowercase();
            self.noun_keys.insert(noun.as_bytes());
            if let Some((_, last)) = noun.rsplit_once(' ') {
                self.noun_keys.insert(last.as_bytes());
                let compounds = self.noun_compounds.entry(last.to_string()).or_default();
                if !compounds.contains(&noun) {
                    compounds.push(noun.clone());
                }
            }
            self.nouns.entry(noun).or_default().push(NounPattern {
                object,
                code: f[1].to_string(),
                targets: parse_slots(f.get(2).copied().unwrap_or("-")),
                flags,
            });
        }
        for v in self.noun_compounds.values_mut() {
            // Longest compound first.
            v.sort_by_key(|c| std::cmp::Reverse(c.len()));
        }
        // Rows with an "of" constraint are tried before unconstrained rows of the same noun.
        for rows in self.nouns.values_mut() {
            rows.sort_by_key(|r| r.object == ObjectConstraint::Any);
        }
    }

    /// `word<TAB>pos<TAB>modality`
    pub fn load_modality(&mut self, (name, text): (&str, &str), diags: &mut Vec<Diagnostic>) {
        for (n, line) in data_lines(text) {
            let f = fields(line);
            let parsed = (f.len() >= 3)
                .then(|| Some((GovernorPos::parse(f[1])?, Governor::parse(f[2])?)))
                .flatten();
            match parsed {
                Some((pos, gov)) => self.governors.add(f[0].to_ascii_lowercase(), pos, gov),
                None => diags.push(Diagnostic::new(
                    name,
                    n,
                    "expected word, pos (verb|adv|modal|noun|adj|prep|conj) and modality",
                )),
            }
        }
    }

    /// `governing<TAB>complement<TAB>result[<TAB>target role block]`
    pub fn load_complements(&mut self, (name, text): (&str, &str), diags: &mut Vec<Diagnostic>) {
        for (n, line) in data_lines(text) {
            let f = fields(line);
            if f.len() < 3
                || !f[..3]
                    .iter()
                    .all(|c| is_code(c) || (c.len() == 1 && c.bytes().all(|b| b.is_ascii_digit())))
            {
                diags.push(Diagnostic::new(name, n, "expected three CAMEO code prefixes"));
                continue;
            }
            let target_sector = match f.get(3) {
                None => None,
                Some(block) => match Sector::parse(block) {
                    Some(sector) => Some(sector),
                    None => {
                        diags.push(Diagnostic::new(name, n, "expected a three-letter role block"));
                        continue;
                    }
                },
            };
            self.complements.push(ComplementRule {
                governing: f[0].to_string(),
                complement: f[1].to_string(),
                result: f[2].to_string(),
                target_sector,
            });
        }
        // Most specific first; a row that constrains the target before one that does not.
        self.complements.sort_by_key(|r| {
            std::cmp::Reverse(2 * (r.governing.len() + r.complement.len()) + usize::from(r.target_sector.is_some()))
        });
    }

    pub fn in_set(&self, set: usize, lemma: &str) -> bool {
        self.set_words.may_contain(lemma.as_bytes()) && self.sets.get(set).is_some_and(|s| s.contains(lemma))
    }

    /// False for a lemma that is neither a noun of `nouns` nor the last word of a compound:
    /// it heads no nominal event.
    pub fn may_head_noun_event(&self, lemma: &str) -> bool {
        self.noun_keys.may_contain(lemma.as_bytes())
    }

    pub fn governor(&self, word: &str, pos: GovernorPos) -> Option<Governor> {
        self.governors.get(word, pos)
    }

    /// The refined code of a governing event given its complement's code.
    pub fn refine(&self, governing: &str, complement: &str) -> Option<&str> {
        self.refine_for_targets(governing, complement, &[])
    }

    /// [`Lexicon::refine`] knowing the complement's targets, which rows constraining the
    /// target's role block need ("accused X of killing civilians" is about human rights).
    pub fn refine_for_targets(&self, governing: &str, complement: &str, targets: &[Actor]) -> Option<&str> {
        self.complements
            .iter()
            .find(|r| {
                governing.starts_with(r.governing.as_str())
                    && complement.starts_with(r.complement.as_str())
                    && r.target_sector.is_none_or(|sector| {
                        !targets.is_empty() && targets.iter().all(|a| a.code.sectors().any(|s| s == sector))
                    })
            })
            .map(|r| r.result.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cameo::CameoTable;

    #[test]
    fn default_files_load_cleanly_and_use_known_codes() {
        let (lex, diags) = Lexicon::load_defaults();
        assert!(diags.is_empty(), "problems in the default lexicon: {diags:#?}");
        let cameo = CameoTable::embedded();
        for (lemma, rows) in &lex.verbs {
            for r in rows {
                assert!(cameo.contains(&r.code), "verb {lemma}: unknown code {}", r.code);
            }
        }
        for (noun, rows) in &lex.nouns {
            for p in rows {
                assert!(cameo.contains(&p.code), "noun {noun}: unknown code {}", p.code);
            }
        }
        assert!(lex.verbs.len() > 150, "only {} verbs", lex.verbs.len());
    }

    #[test]
    fn governors_are_found_by_word_and_part_of_speech() {
        let mut lex = Lexicon::default();
        let mut diags = Vec::new();
        lex.load_modality(
            (
                "modality.tsv",
                "Not\tadv\tnegate\nplan\tverb\tintend\nplan\tnoun\tintend\n",
            ),
            &mut diags,
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(lex.governor("not", GovernorPos::Adverb), Some(Governor::Negate));
        assert_eq!(lex.governor("plan", GovernorPos::Verb), Some(Governor::Intend));
        assert_eq!(lex.governor("plan", GovernorPos::Noun), Some(Governor::Intend));
        assert_eq!(lex.governor("not", GovernorPos::Modal), None);
        assert_eq!(lex.governor("plans", GovernorPos::Noun), None);
        assert_eq!(lex.governor("Not", GovernorPos::Adverb), None);
    }

    #[test]
    fn every_root_has_a_verb_or_noun() {
        let lex = Lexicon::embedded();
        for root in 1..=20 {
            let r = format!("{root:02}");
            let has = lex.verbs.values().flatten().any(|p| p.code.starts_with(&r))
                || lex.nouns.values().flatten().any(|p| p.code.starts_with(&r));
            assert!(has, "no pattern for root {r}");
        }
    }

    #[test]
    fn malformed_lines_are_reported_and_the_rest_loads() {
        let mut lex = Lexicon::default();
        let mut d = Vec::new();
        lex.load_synsets(("s.tsv", "&ARMS\tmissile|rocket\n"), &mut d);
        lex.load_verbs(
            (
                "v.tsv",
                "supply\t&ARMS\t072\tto\t-\nsupply\t&NOPE\t072\tto\t-\nvisit\t-\t042\tobj\t-\nbad\n",
            ),
            &mut d,
        );
        assert_eq!(d.iter().map(|d| d.line).collect::<Vec<_>>(), vec![2, 4]);
        assert_eq!(lex.verbs["supply"].len(), 1);
        assert_eq!(lex.verbs["visit"][0].targets, vec![Slot::Object]);
    }

    #[test]
    fn a_set_defined_twice_is_reported_and_the_first_stands() {
        let mut lex = Lexicon::default();
        let mut d = Vec::new();
        lex.load_synsets(("s.tsv", "&ARMS\tmissile|rocket\n&ARMS\ttank\n"), &mut d);
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].line, d[0].message.as_str()), (2, "set &ARMS is defined twice"));
        let arms = &lex.sets[lex.set_names["&ARMS"]];
        assert!(arms.contains("missile") && !arms.contains("tank"));
    }

    #[test]
    fn verb_rows_may_constrain_their_doer_and_are_tried_first() {
        let mut lex = Lexicon::default();
        let mut d = Vec::new();
        lex.load_synsets(("s.tsv", "&TROOPS\tarmy|soldier\n"), &mut d);
        lex.load_verbs(
            (
                "v.tsv",
                "oust\t-\t174\tobj\t-\noust\t@ACTOR\t180\tobj\t-\t&TROOPS\noust\t-\t180\tobj\t-\t&NOPE\n",
            ),
            &mut d,
        );
        assert_eq!(d.iter().map(|d| d.line).collect::<Vec<_>>(), vec![3]);
        let rows = &lex.verbs["oust"];
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].code, "180");
        assert_eq!(rows[0].object, ObjectConstraint::Actor);
        assert_eq!(rows[0].subject, ObjectConstraint::Set(lex.set_names["&TROOPS"]));
        assert_eq!(rows[1].subject, ObjectConstraint::Any);
    }

    #[test]
    fn noun_rows_may_constrain_their_of_phrase() {
        let mut lex = Lexicon::default();
        let mut d = Vec::new();
        lex.load_synsets(("s.tsv", "&ARMS\tmissile|rocket\n"), &mut d);
        lex.load_nouns(
            (
                "n.tsv",
                "transfer\t070\tto\t-\ntransfer of &ARMS\t072\tto\t-\nsale of &NOPE\t072\tto\t-\nsale &ARMS\t072\n",
            ),
            &mut d,
        );
        assert_eq!(d.iter().map(|d| d.line).collect::<Vec<_>>(), vec![3, 4]);
        let rows = &lex.nouns["transfer"];
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].code, "072");
        assert!(matches!(rows[0].object, ObjectConstraint::Set(_)));
        assert_eq!(rows[1].object, ObjectConstraint::Any);
        assert!(!lex.nouns.contains_key("sale"));
    }

    #[test]
    fn most_specific_complement_rule_wins() {
        let mut lex = Lexicon::default();
        let mut d = Vec::new();
        lex.load_complements(("c.tsv", "02\t07\t023\n02\t072\t0232\n"), &mut d);
        assert_eq!(lex.refine("020", "072"), Some("0232"));
        assert_eq!(lex.refine("020", "071"), Some("023"));
        assert_eq!(lex.refine("010", "072"), None);
    }

    #[test]
    fn a_complement_rule_may_require_the_targets_role() {
        let mut lex = Lexicon::default();
        let mut d = Vec::new();
        lex.load_complements(("c.tsv", "112\t19\t1123\n112\t19\t1122\tCVL\n"), &mut d);
        assert!(d.is_empty(), "{d:?}");
        let actor = |code: &str| Actor {
            code: kestrel_actors::ActorCode::parse(code).expect("valid code"),
            name: None,
            span: (0, 0),
            via: kestrel_actors::Via::Direct,
        };
        assert_eq!(lex.refine_for_targets("112", "190", &[actor("ETHCVL")]), Some("1122"));
        assert_eq!(lex.refine_for_targets("112", "190", &[actor("UKRMIL")]), Some("1123"));
        assert_eq!(lex.refine("112", "190"), Some("1123"));
        lex.load_complements(("c.tsv", "112\t19\t1122\tcivilians\n"), &mut d);
        assert_eq!(d.len(), 1);
    }
}
