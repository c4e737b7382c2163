//! Agent dictionaries: generic role nouns and the role code they add to an actor.
//!
//! ```text
//! !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON     <- substitution set
//! PRESIDENT [~GOV]                              <- ~XXX appends the role to the actor's code
//! HUMAN_RIGHTS_BODY  [NGO~]                     <- XXX~ puts it before the actor's code
//! ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]   <- irregular plural; `{}` means none
//! CONGRESS!PERSON! [~LEG]                       <- one phrase per member of the set
//! ```

use std::collections::HashMap;

use crate::lines::{dictionary_lines, split_code};
use crate::phrase::Phrase;
use crate::Diagnostic;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentEntry {
    /// Every phrase the entry matches, lower-case, plurals included.
    pub phrases: Vec<String>,
    /// Role code put before the actor's code (`XXX~`).
    pub prefix: String,
    /// Role code put after the actor's code (`~XXX`).
    pub suffix: String,
    pub line: usize,
}

#[derive(Debug, Clone, Default)]
pub struct AgentDictionary {
    pub entries: Vec<AgentEntry>,
}

/// Reads one agent dictionary; `name` names the file in diagnostics.
pub fn read_agents(name: &str, text: &str) -> (AgentDictionary, Vec<Diagnostic>) {
    let mut dict = AgentDictionary::default();
    let mut diags = Vec::new();
    let mut sets: HashMap<String, Vec<String>> = HashMap::new();
    for (n, line) in dictionary_lines(text) {
        let line = line.trim();
        if line.starts_with('!') {
            if let Some((set, members)) = line.split_once('=') {
                let members = members
                    .split(',')
                    .map(|m| m.trim().to_string())
                    .filter(|m| !m.is_empty());
                sets.insert(set.trim().to_string(), members.collect());
                continue;
            }
        }
        let (head, code) = split_code(line);
        let Some(code) = code else {
            diags.push(Diagnostic::new(name, n, format!("agent {line:?} has no [code]")));
            continue;
        };
        let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        let (prefix, suffix) = match code.split_once('~') {
            Some((p, s)) => (p.to_ascii_uppercase(), s.to_ascii_uppercase()),
            None => {
                diags.push(Diagnostic::new(name, n, format!("agent code [{code}] has no ~")));
                continue;
            }
        };
        if !crate::actors::valid_code(&format!("{prefix}{suffix}")) {
            diags.push(Diagnostic::new(name, n, format!("invalid agent code [{code}]")));
            continue;
        }
        let (phrase, plurals) = match (head.find('{'), head.rfind('}')) {
            (Some(open), Some(close)) if close > open => (&head[..open], Some(&head[open + 1..close])),
            _ => (head, None),
        };
        let mut phrases = Vec::new();
        let variants = substitute(phrase.trim(), &sets);
        // A substitution set lists its own plurals (MAN, MEN).
        let substituted = variants.len() > 1;
        for variant in variants {
            let Some(p) = Phrase::parse(&variant) else { continue };
            phrases.push(p.text());
            if plurals.is_none() && !substituted {
                phrases.extend(p.plural());
            }
        }
        for irregular in plurals.into_iter().flat_map(str::split_whitespace) {
            phrases.extend(Phrase::parse(irregular).map(|p| p.text()));
        }
        if phrases.is_empty() {
            diags.push(Diagnostic::new(name, n, "agent with no phrase"));
            continue;
        }
        if let Some(unknown) = phrases.iter().find(|p| p.contains('!')) {
            diags.push(Diagnostic::new(
                name,
                n,
                format!("unknown substitution set in {unknown:?}"),
            ));
            continue;
        }
        dict.entries.push(AgentEntry {
            phrases,
            prefix,
            suffix,
            line: n,
        });
    }
    (dict, diags)
}

/// Every phrase `phrase` stands for once its `!SET!` markers are replaced by their members.
fn substitute(phrase: &str, sets: &HashMap<String, Vec<String>>) -> Vec<String> {
    let Some(start) = phrase.find('!') else {
        return vec![phrase.to_string()];
    };
    let Some(len) = phrase[start + 1..].find('!') else {
        return vec![phrase.to_string()];
    };
    let marker = &phrase[start..start + len + 2];
    match sets.get(marker) {
        Some(members) => members
            .iter()
            .flat_map(|m| substitute(&phrase.replacen(marker, m, 1), sets))
            .collect(),
        None => vec![phrase.to_string()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_roles_plurals_and_substitutions() {
        let text = "!PERSON! = MAN, MEN\nPRESIDENT [~GOV]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\nMEDIA {} [~MED]\nHUMAN_RIGHTS_BODY  [NGO~]\nCONGRESS!PERSON! [~LEG]\nPOLICE {} [ ~COP]\n";
        let (d, diags) = read_agents("g.txt", text);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(d.entries[0].phrases, ["president", "presidents"]);
        assert_eq!(d.entries[0].suffix, "GOV");
        assert_eq!(d.entries[1].phrases, ["attorney general", "attorneys general"]);
        assert_eq!(d.entries[2].phrases, ["media"]);
        assert_eq!(
            (d.entries[3].prefix.as_str(), d.entries[3].suffix.as_str()),
            ("NGO", "")
        );
        assert_eq!(d.entries[4].phrases, ["congressman", "congressmen"]);
        assert_eq!(d.entries[5].suffix, "COP");
    }

    #[test]
    fn bad_agent_lines_are_reported() {
        let (d, diags) = read_agents("g.txt", "NOCODE\nX [GOV]\nY [~G-V]\n!NOPE! [~GOV]\nOK [~GOV]\n");
        assert_eq!(d.entries.len(), 1);
        assert_eq!(diags.iter().map(|d| d.line).collect::<Vec<_>>(), vec![1, 2, 3, 4]);
    }
}
