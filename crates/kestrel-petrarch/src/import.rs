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

/// The code kestrel keeps for a dictionary code: the first of several joined by `/` (kestrel
/// gives an actor one code).
fn import_code(code: &str, report: &mut ImportReport) -> Option<ActorCode> {
    let mut codes = code.split('/');
    let first = codes.next()?;
    if codes.next().is_some() {
        report.skip("actor codes after the first of a/b (first kept)");
    }
    ActorCode::parse_imported(first)
}

/// Adds the entries of actor dictionaries to a knowledge-base builder.
pub fn add_actors(kb: &mut KbBuilder, dict: &ActorDictionary, report: &mut ImportReport) {
    for entry in &dict.entries {
        let phrases: Vec<String> = entry.phrases.iter().map(|p| p.text()).collect();
        let phrase_refs = phrases.iter().map(String::as_str);
        if entry.dated.is_empty() {
            match entry.code.as_deref().and_then(|c| import_code(c, report)) {
                Some(code) => {
                    kb.add_actor(phrase_refs, code);
                    report.actors += 1;
                }
                // `---`: named so that it is not read as anything else, but coded as nothing.
                None => report.skip("actors coded --- (not coded)"),
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
/// actor's (`NGO~`) and adds nothing after stands alone as that code.
pub fn add_agents(kb: &mut KbBuilder, dict: &AgentDictionary, report: &mut ImportReport) {
    for entry in &dict.entries {
        let phrases = entry.phrases.iter().map(String::as_str);
        if !entry.prefix.is_empty() {
            match ActorCode::parse_imported(&format!("{}{}", entry.prefix, entry.suffix)) {
                Some(code) if entry.suffix.is_empty() => {
                    kb.add_actor(phrases, code);
                    report.agents += 1;
                }
                _ => report.skip("agents with both a prefix and a suffix code"),
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
            if verb.head != 0 {
                report.skip("multi-word verbs with words before the verb");
                continue;
            }
            let particles = &verb.words[1..];
            let code = verb.code.as_ref().unwrap_or(&block.code);
            // The verb's lemma as kestrel computes it from each form the dictionary lists, so
            // that irregular forms ("sped") find the block too.
            let mut lemmas: Vec<String> = Vec::new();
            for form in std::iter::once(&verb.words[0]).chain(&verb.forms) {
                let lemma = std::iter::once(verb_lemma(form).into_owned())
                    .chain(particles.iter().cloned())
                    .collect::<Vec<_>>()
                    .join(" ");
                if !lemmas.contains(&lemma) {
                    lemmas.push(lemma);
                }
            }
            for lemma in &lemmas {
                match code {
                    VerbCode::Event(c) => lex.add_verb(lemma, c, None),
                    VerbCode::Paired(c, reverse) => lex.add_verb(lemma, c, Some(reverse)),
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

/// The lexicon's name for an imported synset (kept apart from kestrel's own sets).
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
