//! The actor knowledge base: countries, organisations, role nouns and people, read from the
//! tab-separated files under `data/actors/` (formats in data/README.md).
//!
//! Every phrase of every file becomes one pattern of a single Aho-Corasick automaton over the
//! lower-cased document, so finding all actor mentions costs one pass over the text.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use kestrel_dates::CivilDate;

use crate::code::{ActorCode, Sector};

/// Where a problem was found: file name and 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// How a role noun refers: to one person, to a group, or to an institution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleKind {
    Person,
    Group,
    Org,
}

#[derive(Debug, Clone)]
pub struct Role {
    /// The role's first phrase, used to match back-references ("the spokesperson").
    pub label: String,
    pub sectors: Vec<Sector>,
    pub kind: RoleKind,
}

/// One period of a person's career.
#[derive(Debug, Clone)]
pub struct PersonRole {
    pub code: ActorCode,
    pub from: CivilDate,
    /// Inclusive; `None` while still in office.
    pub to: Option<CivilDate>,
}

#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub roles: Vec<PersonRole>,
}

impl Person {
    /// The role held on `date`, or with no date the most recent one; a date outside every role
    /// gives `None` (the caller decides what a former office-holder is).
    pub fn role_on(&self, date: Option<CivilDate>) -> Option<&PersonRole> {
        match date {
            Some(d) => self
                .roles
                .iter()
                .filter(|r| r.from <= d && r.to.is_none_or(|to| d <= to))
                .max_by_key(|r| r.from),
            None => self.roles.iter().max_by_key(|r| r.from),
        }
    }

    /// The code of the role closest in time to `date` (for former or future office-holders).
    pub fn nearest_role(&self, date: CivilDate) -> Option<&PersonRole> {
        self.roles.iter().min_by_key(|r| {
            let end = r.to.unwrap_or(CivilDate {
                year: 9999,
                month: 12,
                day: 31,
            });
            if date < r.from {
                r.from.days_since_epoch() - date.days_since_epoch()
            } else {
                (date.days_since_epoch() - end.days_since_epoch()).max(0)
            }
        })
    }
}

/// What a matched phrase denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A country or region by name ("Russia").
    Country(u32),
    /// A country adjective or demonym ("Russian", "Russians").
    Demonym(u32),
    /// A capital or seat of government standing for the government ("the Kremlin").
    Seat(u32),
    /// A short name that refers back to a country already named ("the North").
    Backref(u32),
    /// An organisation with its own code ("NATO").
    Org(u32),
    /// A role noun ("defence minister").
    Role(u32),
    /// A named person ("Sergei Shoigu").
    Person(u32),
}

/// One Aho-Corasick pattern: the phrase and what it may denote.
#[derive(Debug, Clone)]
struct Pattern {
    /// Byte offsets within the phrase whose letter must be upper-case in the text.
    capitals: Vec<u8>,
    entry: Entry,
}

/// The loaded knowledge base.
pub struct ActorKb {
    automaton: AhoCorasick,
    /// The first word of every phrase: a token that is none of these cannot start a mention,
    /// which spares the automaton most tokens.
    first_words: std::collections::HashSet<String, std::hash::BuildHasherDefault<kestrel_text::FxHasher>>,
    /// Per automaton pattern, the entries it can denote (one phrase may name several things).
    patterns: Vec<Vec<Pattern>>,
    codes: Vec<ActorCode>,
    roles: Vec<Role>,
    people: Vec<Person>,
}

/// One data file handed to the loader.
pub struct Source<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

/// The embedded default files.
pub struct DefaultFiles;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/people_files.rs"));
}

impl DefaultFiles {
    pub const COUNTRIES: Source<'static> = Source {
        name: "data/actors/countries.tsv",
        text: include_str!("../../../data/actors/countries.tsv"),
    };
    pub const ORGANIZATIONS: Source<'static> = Source {
        name: "data/actors/organizations.tsv",
        text: include_str!("../../../data/actors/organizations.tsv"),
    };
    pub const ROLES: Source<'static> = Source {
        name: "data/actors/roles.tsv",
        text: include_str!("../../../data/actors/roles.tsv"),
    };
    pub fn people() -> impl Iterator<Item = Source<'static>> {
        embedded::PEOPLE_FILES.iter().map(|(name, text)| Source { name, text })
    }
}

/// Builder collecting phrases before the automaton is compiled.
#[derive(Default)]
pub struct KbBuilder {
    phrases: Vec<String>,
    index: std::collections::HashMap<String, usize>,
    patterns: Vec<Vec<Pattern>>,
    codes: Vec<ActorCode>,
    roles: Vec<Role>,
    people: Vec<Person>,
    person_index: std::collections::HashMap<String, u32>,
    pub diagnostics: Vec<Diagnostic>,
}

fn fields(line: &str) -> Vec<&str> {
    line.split('\t').map(str::trim).collect()
}

fn list(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty() && *s != "-")
}

/// Data lines of a file with their 1-based numbers (comments and blank lines skipped).
fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

fn parse_date(s: &str) -> Option<CivilDate> {
    let s = s.trim();
    if s.len() == 7 {
        CivilDate::parse(&format!("{s}-01"))
    } else {
        CivilDate::parse(s)
    }
}

/// The last day of a `YYYY-MM` month (an end bound written with month precision is inclusive).
fn parse_end_date(s: &str) -> Option<CivilDate> {
    let start = parse_date(s)?;
    if s.trim().len() != 7 {
        return Some(start);
    }
    let next = if start.month == 12 {
        CivilDate {
            year: start.year + 1,
            month: 1,
            day: 1,
        }
    } else {
        CivilDate {
            month: start.month + 1,
            ..start
        }
    };
    Some(next.add_days(-1))
}

impl KbBuilder {
    fn diag(&mut self, file: &str, line: usize, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic {
            file: file.to_string(),
            line,
            message: message.into(),
        });
    }

    fn add_phrase(&mut self, phrase: &str, entry: Entry) {
        let phrase = phrase.trim();
        if phrase.is_empty() {
            return;
        }
        let capitals = phrase
            .bytes()
            .enumerate()
            .filter(|(_, b)| b.is_ascii_uppercase())
            .filter_map(|(i, _)| u8::try_from(i).ok())
            .collect();
        let key = phrase.to_ascii_lowercase();
        let slot = match self.index.get(&key) {
            Some(&i) => i,
            None => {
                self.phrases.push(key.clone());
                self.patterns.push(Vec::new());
                self.index.insert(key, self.phrases.len() - 1);
                self.phrases.len() - 1
            }
        };
        let pattern = Pattern { capitals, entry };
        if !self.patterns[slot]
            .iter()
            .any(|p| p.entry == pattern.entry && p.capitals == pattern.capitals)
        {
            self.patterns[slot].push(pattern);
        }
    }

    fn add_code(&mut self, file: &str, line: usize, code: &str) -> Option<u32> {
        match ActorCode::parse(code) {
            Some(c) => {
                self.codes.push(c);
                u32::try_from(self.codes.len() - 1).ok()
            }
            None => {
                self.diag(file, line, format!("invalid actor code {code:?}"));
                None
            }
        }
    }

    /// `code<TAB>names<TAB>adjectives<TAB>seats<TAB>backrefs`
    pub fn countries(&mut self, src: &Source) -> &mut Self {
        for (n, line) in data_lines(src.text) {
            let f = fields(line);
            if f.len() < 2 {
                self.diag(src.name, n, "expected at least code and names");
                continue;
            }
            let Some(id) = self.add_code(src.name, n, f[0]) else {
                continue;
            };
            for p in list(f[1]) {
                self.add_phrase(p, Entry::Country(id));
            }
            for p in f.get(2).map(|s| list(s)).into_iter().flatten() {
                self.add_phrase(p, Entry::Demonym(id));
            }
            for p in f.get(3).map(|s| list(s)).into_iter().flatten() {
                self.add_phrase(p, Entry::Seat(id));
            }
            for p in f.get(4).map(|s| list(s)).into_iter().flatten() {
                self.add_phrase(p, Entry::Backref(id));
            }
        }
        self
    }

    /// `code<TAB>names`
    pub fn organizations(&mut self, src: &Source) -> &mut Self {
        for (n, line) in data_lines(src.text) {
            let f = fields(line);
            if f.len() < 2 {
                self.diag(src.name, n, "expected code and names");
                continue;
            }
            let Some(id) = self.add_code(src.name, n, f[0]) else {
                continue;
            };
            for p in list(f[1]) {
                self.add_phrase(p, Entry::Org(id));
            }
        }
        self
    }

    /// `phrases<TAB>sectors<TAB>kind`
    pub fn roles(&mut self, src: &Source) -> &mut Self {
        for (n, line) in data_lines(src.text) {
            let f = fields(line);
            if f.len() < 2 {
                self.diag(src.name, n, "expected phrases and sectors");
                continue;
            }
            let mut sectors = Vec::new();
            let mut bad = false;
            for s in f[1].split_whitespace().filter(|s| *s != "-") {
                match Sector::parse(s) {
                    Some(sec) => sectors.push(sec),
                    None => bad = true,
                }
            }
            if bad {
                self.diag(src.name, n, format!("invalid sector list {:?}", f[1]));
                continue;
            }
            let kind = match f.get(2).copied().unwrap_or("group") {
                "person" => RoleKind::Person,
                "org" => RoleKind::Org,
                "group" | "-" | "" => RoleKind::Group,
                other => {
                    self.diag(src.name, n, format!("unknown role kind {other:?}"));
                    RoleKind::Group
                }
            };
            let Some(label) = list(f[0]).next() else {
                self.diag(src.name, n, "no phrase");
                continue;
            };
            self.roles.push(Role {
                label: label.to_ascii_lowercase(),
                sectors,
                kind,
            });
            let Ok(id) = u32::try_from(self.roles.len() - 1) else {
                continue;
            };
            for p in list(f[0]) {
                self.add_phrase(p, Entry::Role(id));
            }
        }
        self
    }

    /// `name<TAB>aliases<TAB>code<TAB>from<TAB>to<TAB>role`
    pub fn people(&mut self, src: &Source) -> &mut Self {
        for (n, line) in data_lines(src.text) {
            let f = fields(line);
            if f.len() < 5 {
                self.diag(src.name, n, "expected name, aliases, code, from, to, role");
                continue;
            }
            let Some(code) = ActorCode::parse(f[2]) else {
                self.diag(src.name, n, format!("invalid actor code {:?}", f[2]));
                continue;
            };
            let Some(from) = parse_date(f[3]) else {
                self.diag(src.name, n, format!("invalid start date {:?}", f[3]));
                continue;
            };
            let to = match f[4] {
                "" | "-" => None,
                s => match parse_end_date(s) {
                    Some(d) => Some(d),
                    None => {
                        self.diag(src.name, n, format!("invalid end date {s:?}"));
                        continue;
                    }
                },
            };
            let name = f[0].to_string();
            let id = match self.person_index.get(&name) {
                Some(&id) => id,
                None => {
                    self.people.push(Person {
                        name: name.clone(),
                        roles: Vec::new(),
                    });
                    let Ok(id) = u32::try_from(self.people.len() - 1) else {
                        continue;
                    };
                    self.person_index.insert(name.clone(), id);
                    id
                }
            };
            self.people[id as usize].roles.push(PersonRole { code, from, to });
            self.add_phrase(&name, Entry::Person(id));
            for alias in list(f[1]) {
                self.add_phrase(alias, Entry::Person(id));
            }
        }
        self
    }

    pub fn build(self) -> (ActorKb, Vec<Diagnostic>) {
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .start_kind(StartKind::Anchored)
            .build(&self.phrases)
            .unwrap_or_else(|_| AhoCorasick::new(std::iter::empty::<&str>()).expect("empty automaton builds"));
        let first_words = self.phrases.iter().map(|p| first_word(p).to_string()).collect();
        (
            ActorKb {
                automaton,
                first_words,
                patterns: self.patterns,
                codes: self.codes,
                roles: self.roles,
                people: self.people,
            },
            self.diagnostics,
        )
    }
}

/// A phrase of the knowledge base found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub entry: Entry,
}

impl ActorKb {
    /// The knowledge base built from the embedded default files (built once per process).
    pub fn embedded() -> &'static ActorKb {
        static KB: OnceLock<ActorKb> = OnceLock::new();
        KB.get_or_init(|| {
            let mut b = KbBuilder::default();
            b.countries(&DefaultFiles::COUNTRIES)
                .organizations(&DefaultFiles::ORGANIZATIONS)
                .roles(&DefaultFiles::ROLES);
            for src in DefaultFiles::people() {
                b.people(&src);
            }
            b.build().0
        })
    }

    pub fn code(&self, id: u32) -> &ActorCode {
        &self.codes[id as usize]
    }
    pub fn role(&self, id: u32) -> &Role {
        &self.roles[id as usize]
    }
    pub fn person(&self, id: u32) -> &Person {
        &self.people[id as usize]
    }

    /// Every knowledge-base phrase in `text` that starts at a token start and ends at a token
    /// end, longest first, without overlaps. `tokens` are (start, end) byte ranges in order;
    /// `lower` is `text` with ASCII letters lower-cased.
    pub fn find_mentions(
        &self,
        text: &str,
        lower: &str,
        tokens: impl IntoIterator<Item = (usize, usize)>,
        is_end: impl Fn(usize) -> bool,
    ) -> Vec<Mention> {
        let bytes = text.as_bytes();
        let mut out: Vec<Mention> = Vec::new();
        let mut covered = 0;
        let try_at = |s: usize, out: &mut Vec<Mention>| -> Option<usize> {
            let m = self
                .automaton
                .find(Input::new(lower).span(s..lower.len()).anchored(Anchored::Yes))?;
            let e = m.end();
            if !(is_end(e) || hyphen_joined(bytes, e, false)) {
                return None;
            }
            // Among the entries of one phrase, the first whose capitals match wins: data files
            // are read countries, organisations, roles, people, in that order of precedence.
            let p = self.patterns.get(m.pattern().as_usize())?.iter().find(|p| {
                p.capitals
                    .iter()
                    .all(|&i| bytes.get(s + i as usize).is_some_and(|b| b.is_ascii_uppercase()))
            })?;
            out.push(Mention {
                start: s,
                end: e,
                entry: p.entry,
            });
            Some(e)
        };
        for (s, e) in tokens {
            if s < covered {
                continue;
            }
            // Try the token's start, then after each hyphen joining capitalised words
            // ("Russia-North Korea talks").
            let mut at = s;
            while let Some(rest) = lower.get(at..e) {
                if self.first_words.contains(first_word(rest)) {
                    if let Some(end) = try_at(at, &mut out) {
                        covered = end;
                        if end >= e {
                            break;
                        }
                    }
                }
                let from = covered.max(at);
                match lower.get(from..e).and_then(|w| w.find('-')) {
                    Some(k) if hyphen_joined(bytes, from + k + 1, true) => at = from + k + 1,
                    _ => break,
                }
            }
        }
        out
    }
}

/// A phrase's first word, up to a space or apostrophe (tokens split "People's" the same way).
fn first_word(phrase: &str) -> &str {
    phrase.split([' ', '\'', '’', '-']).next().unwrap_or(phrase)
}

/// A match may also start or end at a hyphen joining two capitalised words ("Russia-North Korea
/// talks", "U.S.-China"), but not inside "pro-Russian".
fn hyphen_joined(bytes: &[u8], at: usize, is_start: bool) -> bool {
    if is_start {
        at >= 2
            && bytes[at - 1] == b'-'
            && bytes.get(at).is_some_and(u8::is_ascii_uppercase)
            && bytes[..at - 1]
                .iter()
                .rev()
                .take_while(|b| b.is_ascii_alphabetic() || **b == b'.')
                .last()
                .is_some_and(u8::is_ascii_uppercase)
    } else {
        bytes.get(at) == Some(&b'-') && bytes.get(at + 1).is_some_and(u8::is_ascii_uppercase)
    }
}
