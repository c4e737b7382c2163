//! PETRARCH verb dictionaries (`CAMEO.2.0.txt`, `PETR.Validate.verbs.txt`).
//!
//! ```text
//! &CURRENCY                     <- synset, members on the `+` lines after it
//! +DOLLARS
//! --- ABANDON  [345]  ---       <- verb block with its default code
//! ABANDON                       <- verb; irregular forms in {..}; own code in [..]
//! KLM_NOP_+RST [002]            <- multi-word verb, `+` before the verb itself
//! - * NEW_&TIETYPES_RELATIONS [903]   <- pattern: `*` is the verb, `_` joins neighbours
//! - + * (TO {BANNED PARTIES}) $ [1722] <- $ source, + target, % compound, ^ skip a phrase
//! ~ a (a b Q) SAY = a b 138     <- transformation (verb within verb)
//! ```

use std::collections::HashMap;

use crate::lines::{dictionary_lines, split_code};
use crate::Diagnostic;

/// The code a block, verb or pattern gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerbCode {
    /// `---`: the verb is known but codes nothing by itself.
    Null,
    /// `###`: the sentence is not coded.
    Discard,
    Event(String),
    /// `a:b`: the event, and the reverse event coded when source and target swap
    /// (visit / receive a visit).
    Paired(String, String),
    /// `:b`: only the reverse event, the target acting on the source ("died during an
    /// operation" codes the operation's actor killing the subject).
    Reverse(String),
}

impl VerbCode {
    pub fn parse(s: &str) -> Option<VerbCode> {
        let s = s.trim();
        let ok = |c: &str| !c.is_empty() && c.len() <= 5 && c.chars().all(|ch| ch.is_ascii_alphanumeric());
        match s {
            // `+++` marks a code the dictionary writers left open.
            "---" | "+++" => Some(VerbCode::Null),
            "###" => Some(VerbCode::Discard),
            _ => match s.split_once(':') {
                Some((a, b)) if a.trim().is_empty() && ok(b.trim()) => Some(VerbCode::Reverse(b.trim().to_string())),
                Some((a, b)) if ok(a.trim()) && ok(b.trim()) => {
                    Some(VerbCode::Paired(a.trim().to_string(), b.trim().to_string()))
                }
                Some(_) => None,
                None => ok(s).then(|| VerbCode::Event(s.to_string())),
            },
        }
    }

    /// The event code, if the code gives one.
    pub fn event(&self) -> Option<&str> {
        match self {
            VerbCode::Event(c) | VerbCode::Paired(c, _) => Some(c),
            VerbCode::Null | VerbCode::Discard | VerbCode::Reverse(_) => None,
        }
    }
}

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Element {
    /// A word, lower-case.
    Word(String),
    /// A member of the named synset (name without `&`, upper-case).
    Synset(String),
    /// `*`: the verb.
    Verb,
    /// `$`: the source actor.
    Source,
    /// `+`: the target actor.
    Target,
    /// `%`: a compound actor that is both source and target.
    Compound,
    /// `^`: skip one noun phrase.
    Skip,
}

/// A pattern element and whether it must immediately follow the one before (`_`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub element: Element,
    pub joined: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// The items before the verb, in text order.
    pub before: Vec<Item>,
    /// The items after the verb, in text order (the first may be joined to the verb).
    pub after: Vec<Item>,
    /// Whether the first item of `before`'s end is joined to the verb (`IN_*`).
    pub verb_joined_before: bool,
    pub code: VerbCode,
    pub line: usize,
}

/// A verb of a block: one word, or several with one of them the verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verb {
    /// Lower-case words; `words[head]` is the verb itself.
    pub words: Vec<String>,
    pub head: usize,
    /// Irregular inflected forms of the head, lower-case.
    pub forms: Vec<String>,
    pub code: Option<VerbCode>,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbBlock {
    pub label: String,
    pub code: VerbCode,
    pub verbs: Vec<Verb>,
    pub patterns: Vec<Pattern>,
    pub line: usize,
}

#[derive(Debug, Clone, Default)]
pub struct VerbDictionary {
    pub blocks: Vec<VerbBlock>,
    /// Synset name (upper-case, without `&` or trailing `_`) -> member phrases (lower-case
    /// words; a member may itself be `&OTHER`, kept as an upper-case `&OTHER`).
    pub synsets: HashMap<String, Vec<Vec<String>>>,
    /// Transformation lines (`~ ...`), read but not applied: kestrel codes verb-in-verb
    /// structures with its own complement rules.
    pub transformations: Vec<(usize, String)>,
}

impl VerbDictionary {
    /// Constructs read but not used in coding, with how often they occur.
    pub fn unsupported(&self) -> Vec<(&'static str, usize)> {
        let mut out = Vec::new();
        if !self.transformations.is_empty() {
            out.push(("transformation (~) lines", self.transformations.len()));
        }
        out
    }

    /// Every phrase of a synset, with nested synsets expanded (cycles cut).
    pub fn synset_members(&self, name: &str) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        let mut seen = Vec::new();
        self.expand(name, &mut out, &mut seen);
        out
    }

    fn expand(&self, name: &str, out: &mut Vec<Vec<String>>, seen: &mut Vec<String>) {
        if seen.iter().any(|s| s == name) {
            return;
        }
        seen.push(name.to_string());
        for member in self.synsets.get(name).into_iter().flatten() {
            match member.first().and_then(|w| w.strip_prefix('&')) {
                Some(inner) if member.len() == 1 => self.expand(&synset_name(inner), out, seen),
                _ => out.push(member.clone()),
            }
        }
    }
}

fn synset_name(s: &str) -> String {
    s.trim()
        .trim_start_matches('&')
        .trim_end_matches('_')
        .to_ascii_uppercase()
}

/// Reads one verb dictionary; `name` names the file in diagnostics.
pub fn read_verbs(name: &str, text: &str) -> (VerbDictionary, Vec<Diagnostic>) {
    let mut dict = VerbDictionary::default();
    let mut diags = Vec::new();
    let mut synset: Option<String> = None;
    for (n, line) in dictionary_lines(text) {
        let line = line.trim();
        if let Some(member) = line.strip_prefix('+').filter(|_| synset.is_some()) {
            let words = member
                .split(|c: char| c == '_' || c.is_whitespace())
                .filter(|w| !w.is_empty())
                .map(|w| {
                    if w.starts_with('&') {
                        w.to_ascii_uppercase()
                    } else {
                        w.to_lowercase()
                    }
                })
                .collect::<Vec<_>>();
            if let (Some(set), false) = (synset.as_ref(), words.is_empty()) {
                dict.synsets.entry(set.clone()).or_default().push(words);
            }
            continue;
        }
        synset = None;
        if let Some(set) = line.strip_prefix('&') {
            let set = synset_name(set);
            if set.is_empty() {
                diags.push(Diagnostic::new(name, n, "synset with no name"));
            } else {
                dict.synsets.entry(set.clone()).or_default();
                synset = Some(set);
            }
        } else if line.starts_with("---") {
            match read_block_header(line) {
                Some((label, code)) => dict.blocks.push(VerbBlock {
                    label,
                    code,
                    verbs: Vec::new(),
                    patterns: Vec::new(),
                    line: n,
                }),
                None => diags.push(Diagnostic::new(name, n, format!("invalid verb block header {line:?}"))),
            }
        } else if let Some(t) = line.strip_prefix('~') {
            dict.transformations.push((n, t.trim().to_string()));
        } else if let Some(p) = line.strip_prefix('-') {
            let Some(block) = dict.blocks.last_mut() else {
                diags.push(Diagnostic::new(name, n, "pattern outside any verb block"));
                continue;
            };
            match read_pattern(p, n) {
                Ok(pattern) => block.patterns.push(pattern),
                Err(e) => diags.push(Diagnostic::new(name, n, e)),
            }
        } else {
            let Some(block) = dict.blocks.last_mut() else {
                diags.push(Diagnostic::new(
                    name,
                    n,
                    format!("verb {line:?} outside any verb block"),
                ));
                continue;
            };
            match read_verb(line, n) {
                Ok(verb) => block.verbs.push(verb),
                Err(e) => diags.push(Diagnostic::new(name, n, e)),
            }
        }
    }
    (dict, diags)
}

/// `--- LABEL [code] ---`
fn read_block_header(line: &str) -> Option<(String, VerbCode)> {
    let inner = line.trim().trim_start_matches('-').trim_end_matches('-').trim();
    let (label, code) = split_code(inner);
    let label = label.trim_end_matches('_').trim().to_string();
    let code = VerbCode::parse(code?)?;
    (!label.is_empty()).then_some((label, code))
}

/// `WORD {FORMS} [code]`, `A_+B [code]` or `+A_B`.
fn read_verb(line: &str, n: usize) -> Result<Verb, String> {
    let (head, code) = split_code(line);
    let code = match code {
        Some(c) => Some(VerbCode::parse(c).ok_or_else(|| format!("invalid verb code [{c}]"))?),
        None => None,
    };
    let (phrase, forms) = match (head.find('{'), head.rfind('}')) {
        (Some(open), Some(close)) if close > open => (&head[..open], &head[open + 1..close]),
        (None, None) => (head, ""),
        _ => return Err(format!("unbalanced braces in verb {line:?}")),
    };
    let mut words = Vec::new();
    let mut verb_at = None;
    for w in phrase
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        let w = match w.strip_prefix('+') {
            Some(rest) => {
                verb_at = Some(words.len());
                rest
            }
            None => w,
        };
        if !w.is_empty() {
            words.push(w.to_lowercase());
        }
    }
    if words.is_empty() {
        return Err(format!("no verb in {line:?}"));
    }
    Ok(Verb {
        head: verb_at.unwrap_or(0).min(words.len() - 1),
        words,
        forms: forms.split_whitespace().map(str::to_lowercase).collect(),
        code,
        line: n,
    })
}

/// The text of a pattern line after its leading `-`.
fn read_pattern(text: &str, n: usize) -> Result<Pattern, String> {
    let (body, code) = split_code(text);
    let code_text = code.ok_or("pattern has no [code]")?;
    let code = VerbCode::parse(code_text).ok_or_else(|| format!("invalid pattern code [{code_text}]"))?;
    let mut items: Vec<Item> = Vec::new();
    for chunk in body.split_whitespace() {
        // Groups only bound phrases; their words are matched in order like the rest.
        let chunk = chunk.trim_matches(|c| matches!(c, '{' | '}' | '(' | ')'));
        for (i, part) in chunk.split('_').enumerate() {
            let part = part.trim_matches(|c| matches!(c, '{' | '}' | '(' | ')'));
            if part.is_empty() {
                continue;
            }
            let element = match part {
                "*" => Element::Verb,
                "$" => Element::Source,
                "+" => Element::Target,
                "%" => Element::Compound,
                "^" => Element::Skip,
                s if s.starts_with('&') => Element::Synset(synset_name(s)),
                s if s
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '\'' | '-' | '.' | ',')) =>
                {
                    Element::Word(s.to_lowercase())
                }
                s => return Err(format!("unreadable pattern element {s:?}")),
            };
            items.push(Item { element, joined: i > 0 });
        }
    }
    let Some(verb) = items.iter().position(|i| i.element == Element::Verb) else {
        return Err("pattern has no verb (*)".into());
    };
    if items.iter().filter(|i| i.element == Element::Verb).count() > 1 {
        return Err("pattern has more than one verb (*)".into());
    }
    let after = items.split_off(verb + 1);
    let verb_item = items.pop().ok_or("pattern has no verb (*)")?;
    Ok(Pattern {
        before: items,
        after,
        verb_joined_before: verb_item.joined,
        code,
        line: n,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "&TIETYPES\n+MILITARY\n+ECONOMIC\n\n&ACCORDSYN\n+&TIETYPES\n+CLOSER\n\n--- ABANDON  [345]  ---\nABANDON    # pas\n+ABC_DEF_GHI\nKLM_NOP_+RST [002]\n- * NEW_&TIETYPES_RELATIONS [903] #  -PAS\n- IN_*  [075]\n- * (TO {BANNED PARTIES}) $   [1722]\n\n--- ADMIT  [013:012] ---\nADMIT\nBAN {BANS BANNED}\n- % * [030:030]\n~ a (a b Q) SAY = a b 138\n";

    #[test]
    fn reads_blocks_verbs_patterns_and_synsets() {
        let (d, diags) = read_verbs("v.txt", SAMPLE);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(d.blocks.len(), 2);
        let b = &d.blocks[0];
        assert_eq!((b.label.as_str(), &b.code), ("ABANDON", &VerbCode::Event("345".into())));
        assert_eq!(b.verbs.len(), 3);
        assert_eq!(
            (b.verbs[1].words.join(" "), b.verbs[1].head),
            ("abc def ghi".to_string(), 0)
        );
        assert_eq!(
            (b.verbs[2].words.join(" "), b.verbs[2].head),
            ("klm nop rst".to_string(), 2)
        );
        assert_eq!(b.verbs[2].code, Some(VerbCode::Event("002".into())));
        let p = &b.patterns[0];
        assert!(p.before.is_empty());
        assert_eq!(p.after.len(), 3);
        assert_eq!(p.after[1].element, Element::Synset("TIETYPES".into()));
        assert!(p.after[1].joined && !p.after[0].joined);
        assert!(b.patterns[1].verb_joined_before);
        let pp = &b.patterns[2];
        assert_eq!(
            pp.after.iter().map(|i| i.element.clone()).collect::<Vec<_>>(),
            vec![
                Element::Word("to".into()),
                Element::Word("banned".into()),
                Element::Word("parties".into()),
                Element::Source
            ]
        );
        assert_eq!(d.blocks[1].code, VerbCode::Paired("013".into(), "012".into()));
        assert_eq!(d.blocks[1].verbs[1].forms, ["bans", "banned"]);
        assert_eq!(d.blocks[1].patterns[0].before[0].element, Element::Compound);
        assert_eq!(d.transformations.len(), 1);
        let members = d.synset_members("ACCORDSYN");
        assert_eq!(
            members,
            vec![
                vec!["military".to_string()],
                vec!["economic".into()],
                vec!["closer".into()]
            ]
        );
    }

    #[test]
    fn malformed_lines_are_reported_and_skipped() {
        let text = "- * ORPHAN [010]\n--- BROKEN ---\n--- GOOD [010] ---\nGOOD\n- * NO CODE\n- * @@ [010]\n- TWO * * [010]\n- * FINE [011]\nBAD {OPEN\n";
        let (d, diags) = read_verbs("v.txt", text);
        assert_eq!(diags.iter().map(|d| d.line).collect::<Vec<_>>(), vec![1, 2, 5, 6, 7, 9]);
        assert_eq!(d.blocks.len(), 1);
        assert_eq!(d.blocks[0].patterns.len(), 1);
    }
}
