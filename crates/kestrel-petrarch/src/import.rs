//! From PETRARCH dictionaries to kestrel's own: actors and agents into the actor knowledge
//! base, verbs and their patterns into the event lexicon.
//!
//! What kestrel cannot use is counted in an [`ImportReport`] and reported once, never dropped
//! in silence.

use std::collections::BTreeMap;

use kestrel_actors::{ActorCode, KbBuilder, PersonRole, RoleKind, Sector};
use kestrel_dates::CivilDate;
use kestrel_events::{Lexicon, PatternItem, PatternWord, PhrasePattern};
use kestrel_text::verb_lemma;

use crate::actors::ActorDictionary;
use crate::agents::AgentDictionary;
use crate::verbs::{Element, Pattern, VerbCode, VerbDictionary};

/// What an import added, and what it could not use.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub actors: usize,
    pub people: usize,
    pub agents: usize,
    pub verbs: usize,
    pub patterns: usize,
    /// Construct -> how many times it was met and skipped.
    pub unsupported: BTreeMap<String, usize>,
}

impl ImportReport {
    fn skip(&mut self, what: &str) {
        *self.unsupported.entry(what.to_string()).or_default() += 1;
    }
}

/// The earliest date a dictionary period can mean (an open start).
const DAWN: CivilDate = CivilDate {
    year: 1,
    month: 1,
    day: 1,
};

/// The codes of a dictionary code: several joined by `/` name an actor that stands for all of
/// them. `---` and unreadable codes give none.
fn import_codes(code: &str) -> Vec<ActorCode> {
    code.split('/').filter_map(ActorCode::parse_imported).collect()
}

/// The code kestrel keeps where it needs one: the first of several joined by `/` (a person's
/// dated role has one code).
fn import_code(code: &str, report: &mut ImportReport) -> Option<ActorCode> {
    let mut codes = import_codes(code).into_iter();
    let first = codes.next()?;
    if codes.next().is_some() {
        report.skip("dated actor codes after the first of a/b (first kept)");
    }
    Some(first)
}

/// Adds the entries of actor dictionaries to a knowledge-base builder.
pub fn add_actors(kb: &mut KbBuilder, dict: &ActorDictionary, report: &mut ImportReport) {
    for entry in &dict.entries {
        let phrases: Vec<String> = entry.phrases.iter().map(|p| p.text()).collect();
        let phrase_refs = phrases.iter().map(String::as_str);
        if entry.dated.is_empty() {
            let codes = entry.code.as_deref().map(import_codes).unwrap_or_default();
            if codes.is_empty() {
                // `---`: named so that it is not read as anything else, but coded as nothing.
                report.skip("actors coded --- (not coded)");
            } else {
                kb.add_several(phrase_refs, codes);
                report.actors += 1;
            }
            continue;
        }
        let mut roles: Vec<PersonRole> = Vec::new();
        if let Some(code) = entry.code.as_deref().and_then(|c| import_code(c, report)) {
            // The undated code holds whenever no dated one does: dated roles start later, and
            // the latest-starting role in force wins.
            roles.push(PersonRole {
                code,
                from: DAWN,
                to: None,
            });
        }
        for d in &entry.dated {
            match import_code(&d.code, report) {
                Some(code) => roles.push(PersonRole {
                    code,
                    from: d.from.unwrap_or(DAWN),
                    to: d.to,
                }),
                None => report.skip("dated codes --- (not coded)"),
            }
        }
        if roles.is_empty() {
            continue;
        }
        kb.add_person(phrase_refs, roles);
        report.people += 1;
    }
}

/// Adds agents (role nouns) to a knowledge-base builder. An agent that puts its code before the
/// actor's (`NGO~`) prefixes the actor it attaches to, and stands alone as that code.
pub fn add_agents(kb: &mut KbBuilder, dict: &AgentDictionary, report: &mut ImportReport) {
    for entry in &dict.entries {
        let phrases = entry.phrases.iter().map(String::as_str);
        if !entry.prefix.is_empty() {
            let sectors: Option<Vec<Sector>> = entry
                .suffix
                .as_bytes()
                .chunks(3)
                .map(|c| std::str::from_utf8(c).ok().and_then(Sector::parse))
                .collect();
            match (ActorCode::parse_imported(&entry.prefix), sectors) {
                (Some(prefix), Some(sectors)) => {
                    kb.add_prefixed_role(phrases, Some(prefix), sectors, RoleKind::Group);
                    report.agents += 1;
                }
                _ => report.skip("agents with an unreadable role code"),
            }
            continue;
        }
        let sectors: Option<Vec<Sector>> = entry
            .suffix
            .as_bytes()
            .chunks(3)
            .map(|c| std::str::from_utf8(c).ok().and_then(Sector::parse))
            .collect();
        match sectors {
            Some(sectors) if !sectors.is_empty() => {
                kb.add_role(phrases, sectors, RoleKind::Group);
                report.agents += 1;
            }
            _ => report.skip("agents with an unreadable role code"),
        }
    }
}

/// Adds verbs, their codes and patterns, and the synsets they use, to a lexicon.
pub fn add_verbs(lex: &mut Lexicon, dict: &VerbDictionary, report: &mut ImportReport) {
    for name in dict.synsets.keys() {
        let members = dict.synset_members(name).into_iter().map(|words| words.join(" "));
        lex.add_set(&set_name(name), members);
    }
    for (what, n) in dict.unsupported() {
        *report.unsupported.entry(what.to_string()).or_default() += n;
    }
    // Verbs the dictionary lists in their base form: an inflected form listed on its own
    // ("LEFT" beside "LEAVE") is a separate entry for that form alone.
    let base_forms: std::collections::HashSet<String> = dict
        .blocks
        .iter()
        .flat_map(|b| &b.verbs)
        .filter_map(|v| v.words.first())
        .map(|w| w.to_ascii_lowercase())
        .filter(|w| verb_lemma(w) == w.as_str())
        .collect();
    for block in &dict.blocks {
        let patterns: Vec<(PhrasePattern, &Pattern)> = block
            .patterns
            .iter()
            .filter_map(|p| match convert_pattern(lex, p) {
                Ok(c) => Some((c, p)),
                Err(what) => {
                    report.skip(what);
                    None
                }
            })
            .collect();
        for verb in &block.verbs {
            let code = verb.code.as_ref().unwrap_or(&block.code);
            if verb.head != 0 {
                add_verb_after_words(lex, verb, code, &patterns, report);
                continue;
            }
            let particles = &verb.words[1..];
            let lemmas = form_lemmas(&verb.words[0], &verb.forms, particles);
            let word = verb.words[0].to_ascii_lowercase();
            let lemma_of_word = verb_lemma(&word);
            let form = (verb.forms.is_empty()
                && lemma_of_word != word.as_str()
                && base_forms.contains(lemma_of_word.as_ref()))
            .then_some(word.as_str());
            for lemma in &lemmas {
                match code {
                    VerbCode::Event(c) => lex.add_verb(lemma, c, None, form),
                    VerbCode::Paired(c, reverse) => lex.add_verb(lemma, c, Some(reverse), form),
                    VerbCode::Reverse(_) => report.skip("verbs coded with a reverse code only (:b)"),
                    VerbCode::Null | VerbCode::Discard => {}
                }
                for (p, _) in &patterns {
                    lex.add_phrase_pattern(lemma, p.clone());
                }
            }
            report.verbs += 1;
        }
        report.patterns += patterns.len();
    }
}

/// A multi-word verb with words before the verb itself ("WIRE_+TAP"): the verb codes only
/// right after those words, so they become the end of every pattern's words before the verb,
/// and the verb's own code a pattern of those words alone.
fn add_verb_after_words(
    lex: &mut Lexicon,
    verb: &crate::verbs::Verb,
    code: &VerbCode,
    patterns: &[(PhrasePattern, &Pattern)],
    report: &mut ImportReport,
) {
    let (code, reverse, swapped) = match code {
        VerbCode::Event(c) => (Some(c.clone()), None, false),
        VerbCode::Paired(c, r) => (Some(c.clone()), Some(r.clone()), false),
        VerbCode::Reverse(r) => (Some(r.clone()), None, true),
        VerbCode::Null | VerbCode::Discard => (None, None, false),
    };
    let own = PhrasePattern {
        before: Vec::new(),
        after: Vec::new(),
        verb_joined_before: true,
        code,
        reverse,
        swapped,
    };
    let head = &verb.words[verb.head];
    let particles = &verb.words[verb.head + 1..];
    // The words before the verb, each right after the one before and the last right before
    // the verb; the first joined to a pattern's own words only if the pattern joined those
    // to the verb.
    let words_before = |joined_first: bool| {
        verb.words[..verb.head]
            .iter()
            .enumerate()
            .map(move |(i, w)| PatternItem {
                word: PatternWord::Word(w.clone()),
                joined: i > 0 || joined_first,
            })
    };
    let lemmas = form_lemmas(head, &verb.forms, particles);
    for lemma in &lemmas {
        for p in patterns.iter().map(|(p, _)| p).chain([&own]) {
            let mut before = p.before.clone();
            before.extend(words_before(p.verb_joined_before && !p.before.is_empty()));
            lex.add_phrase_pattern(
                lemma,
                PhrasePattern {
                    before,
                    verb_joined_before: true,
                    ..p.clone()
                },
            );
        }
    }
    report.verbs += 1;
}

/// The lexicon's name for an imported synset (kept apart from kestrel's own sets).
/// The lemmas of a dictionary verb as kestrel computes them from its head word and each
/// form the dictionary lists (so that irregular forms such as "sped" find the block too),
/// followed by its particles; without repeats.
fn form_lemmas(head: &str, forms: &[String], particles: &[String]) -> Vec<String> {
    let mut lemmas: Vec<String> = Vec::new();
    for form in std::iter::once(head).chain(forms.iter().map(String::as_str)) {
        let lemma = std::iter::once(verb_lemma(form).into_owned())
            .chain(particles.iter().cloned())
            .collect::<Vec<_>>()
            .join(" ");
        if !lemmas.contains(&lemma) {
            lemmas.push(lemma);
        }
    }
    lemmas
}

fn set_name(name: &str) -> String {
    format!("&PETRARCH:{name}")
}

fn convert_pattern(lex: &Lexicon, p: &Pattern) -> Result<PhrasePattern, &'static str> {
    let items = |items: &[crate::verbs::Item]| -> Result<Vec<PatternItem>, &'static str> {
        items
            .iter()
            .map(|i| {
                let word = match &i.element {
                    Element::Word(w) => PatternWord::Word(w.clone()),
                    Element::Synset(s) => PatternWord::Set(
                        *lex.set_names
                            .get(&set_name(s))
                            .ok_or("patterns naming an undefined synset")?,
                    ),
                    Element::Source => PatternWord::Source,
                    Element::Target => PatternWord::Target,
                    Element::Compound => PatternWord::Compound,
                    Element::Skip => PatternWord::Skip,
                    Element::Verb => return Err("patterns with a second verb"),
                };
                Ok(PatternItem { word, joined: i.joined })
            })
            .collect()
    };
    let (code, reverse, swapped) = match &p.code {
        VerbCode::Event(c) => (Some(c.clone()), None, false),
        VerbCode::Paired(c, r) => (Some(c.clone()), Some(r.clone()), false),
        VerbCode::Reverse(r) => (Some(r.clone()), None, true),
        VerbCode::Null => (None, None, false),
        VerbCode::Discard => return Err("patterns with the discard code ###"),
    };
    Ok(PhrasePattern {
        before: items(&p.before)?,
        after: items(&p.after)?,
        verb_joined_before: p.verb_joined_before,
        code,
        reverse,
        swapped,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::read_actors;
    use crate::agents::read_agents;
    use crate::verbs::read_verbs;
    use kestrel_actors::{resolve_sentence, Conventions, DocContext, DocInput, ResolveBuffers};

    /// The codes of the actors each noun phrase of `text` resolves to.
    fn phrase_codes(kb: &kestrel_actors::ActorKb, text: &str) -> Vec<Vec<String>> {
        let analysis = kestrel_text::analyze(text);
        let mentions = kb.find_token_mentions(text, &analysis);
        let input = DocInput {
            kb,
            text,
            analysis: &analysis,
            mentions: &mentions,
            date: None,
            conventions: Conventions::Kestrel,
        };
        let mut ctx = DocContext::default();
        let mut buffers = ResolveBuffers::default();
        let mut codes = Vec::new();
        for s in &analysis.sentences {
            let phrases = resolve_sentence(&input, s, &mut ctx, &mut buffers);
            codes.extend(
                phrases
                    .iter()
                    .filter(|p| p.is_actor())
                    .map(|p| p.actors.iter().map(|a| a.code.to_string()).collect()),
            );
        }
        codes
    }

    #[test]
    fn several_codes_and_prefix_agents_resolve_as_the_dictionaries_say() {
        let (actors, _) = read_actors("a.txt", "THE_SHIRE  [FRO/BIL]\nARNOR  [ARN]\n");
        let (agents, _) = read_agents("g.txt", "MSF {}  [NGO~]\nDIPLOMAT [~GOV]\n");
        let mut kb = KbBuilder::default();
        let mut report = ImportReport::default();
        add_actors(&mut kb, &actors, &mut report);
        add_agents(&mut kb, &agents, &mut report);
        assert!(report.unsupported.is_empty(), "{:?}", report.unsupported);
        let (kb, _) = kb.build();
        assert_eq!(phrase_codes(&kb, "The Shire protested."), [["FRO", "BIL"]]);
        assert_eq!(phrase_codes(&kb, "An MSF Arnor diplomat protested."), [["NGOARNGOV"]]);
        assert_eq!(phrase_codes(&kb, "MSF protested."), [["NGO"]]);
    }

    /// A lexicon holding only the verbs of the PETRARCH verb file `text`, and the import report.
    fn imported_verbs(text: &str) -> (Lexicon, ImportReport) {
        let (verbs, _) = read_verbs("v.txt", text);
        let mut lex = Lexicon::default();
        let mut report = ImportReport::default();
        add_verbs(&mut lex, &verbs, &mut report);
        (lex, report)
    }

    #[test]
    fn words_before_a_verb_end_each_of_its_patterns() {
        let (lex, report) =
            imported_verbs("--- SEIZE  [171] ---\nSEIZE\nWIRE_+TAP {WIRE_+TAPPED}\n- WILL NOT * [081]\n");
        assert!(report.unsupported.is_empty(), "{:?}", report.unsupported);
        assert!(!lex.verbs.contains_key("tap"), "the verb alone is not coded");
        let words = |p: &PhrasePattern| -> Vec<String> {
            p.before
                .iter()
                .map(|i| match &i.word {
                    PatternWord::Word(w) => format!("{w}{}", if i.joined { "_" } else { "" }),
                    other => format!("{other:?}"),
                })
                .collect()
        };
        let tap = &lex.phrase_patterns["tap"];
        assert_eq!(tap.len(), 2);
        assert_eq!(words(&tap[0]), ["will", "not", "wire"]);
        assert_eq!(tap[0].code.as_deref(), Some("081"));
        assert_eq!(words(&tap[1]), ["wire"]);
        assert_eq!(tap[1].code.as_deref(), Some("171"));
        assert!(tap.iter().all(|p| p.verb_joined_before));
    }

    #[test]
    fn an_inflected_form_with_its_own_block_codes_that_form_only() {
        let (lex, _) = imported_verbs("--- LEAVE  [012] ---\nLEAVE\n\n--- LEFT  [032:033]  ---\nLEFT\n");
        let rows = &lex.verbs["leave"];
        assert_eq!(rows[0].form.as_deref(), Some("left"));
        assert_eq!(rows[0].code, "032");
        assert_eq!(rows[1].form, None);
    }
}
