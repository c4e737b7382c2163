//! The actor knowledge base: countries, organisations, role nouns and people, read from the
//! tab-separated files under `data/actors/` (formats in data/README.md).
//!
//! Every phrase of every file goes into one byte trie over lower-cased text. Mentions start at
//! token starts, so a search walks the trie from each token that may start a phrase and keeps
//! the longest phrase it passes: the whole search is one pass over the text, plus the few
//! bytes after each such token.

use std::sync::OnceLock;

use kestrel_dates::CivilDate;
use kestrel_text::{FxHashMap, TextAnalysis, Token, WordFilter, WordId};

use crate::code::{ActorCode, Sector};
pub use kestrel_text::datafile::Diagnostic;
use kestrel_text::datafile::{data_lines, fields};

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
    /// An official of a place (a governor, a mayor): unnamed, it belongs to where the
    /// sentence happens, like militants and police, not to the country acting in it.
    pub local: bool,
    /// A collective ("group", "movement", "militants") that, definite and unnamed, refers back
    /// to the organisation last named: "Hamas said the group had accepted".
    pub collective: bool,
    /// A machine that may be civil as well as military ("aircraft", "planes"): it names an
    /// actor only with its owner written in its phrase ("Israeli jets", "its aircraft"), never
    /// by reference to a country named elsewhere ("hijacked planes struck the towers").
    pub owned: bool,
    /// Others beside an actor ("allies", "partners"): they take an alliance's code ("NATO
    /// allies"), but a country's allies are not that country ("Ukraine's allies" name no one),
    /// and "the United States and its allies" is the United States.
    pub companion: bool,
    /// A code put before the actor's instead of after it: "MSF Arnor" is Arnor's MSF (NGOARN),
    /// as PETRARCH agents written `[NGO~]` say. Alone, the role is that code.
    pub prefix: Option<ActorCode>,
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
    /// A name that stands for several actors at once, each with its own code (an imported
    /// PETRARCH entry coded `[A/B]`).
    Several(u32),
}

/// One reading of a phrase: what it denotes and how it must be capitalised.
#[derive(Debug, Clone)]
struct Pattern {
    /// Byte offsets within the phrase whose letter must be upper-case in the text.
    capitals: Vec<u8>,
    /// `None` for a place that is no actor ("the Gulf of Oman"): it is matched, so that the
    /// country name inside it is not, and yields no mention.
    entry: Option<Entry>,
}

/// The loaded knowledge base.
pub struct ActorKb {
    trie: PhraseTrie,
    /// The first word of every phrase, with the trie node it leads to: a token that is none
    /// of these cannot start a mention, which spares the trie walk most tokens, and the walk
    /// of one that is starts after the word instead of reading its bytes again.
    first_words: FirstWords,
    /// Per phrase (trie phrase index), the entries it can denote (one phrase may name several
    /// things).
    patterns: Vec<Vec<Pattern>>,
    codes: Vec<ActorCode>,
    roles: Vec<Role>,
    people: Vec<Person>,
    several: Vec<Vec<ActorCode>>,
    /// Per country id, the other countries whose naming also lets its backrefs count ("the
    /// North" once South Korea is named).
    backref_partners: Vec<(u32, ActorCode)>,
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

/// Builder collecting phrases before the trie is built.
#[derive(Default)]
pub struct KbBuilder {
    /// Lower-cased phrase -> its slot in `patterns` (the trie's phrase index).
    index: FxHashMap<String, usize>,
    patterns: Vec<Vec<Pattern>>,
    codes: Vec<ActorCode>,
    roles: Vec<Role>,
    people: Vec<Person>,
    several: Vec<Vec<ActorCode>>,
    backref_partners: Vec<(u32, ActorCode)>,
    person_index: FxHashMap<String, u32>,
    pub diagnostics: Vec<Diagnostic>,
}

fn list(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty() && *s != "-")
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
    /// A builder holding the embedded default files, to which more entries can be added.
    pub fn with_defaults() -> KbBuilder {
        let mut b = KbBuilder::default();
        // Room in the index for the phrases of the files up front, so that it is not rebuilt a
        // dozen times as it grows: a phrase starts a line or follows a '|', and counting every
        // line and bar errs on the side of room.
        let sources = [
            DefaultFiles::COUNTRIES,
            DefaultFiles::ORGANIZATIONS,
            DefaultFiles::ROLES,
        ];
        let room = (sources.into_iter().chain(DefaultFiles::people()))
            .map(|src| memchr::memchr2_iter(b'\n', b'|', src.text.as_bytes()).count())
            .sum();
        b.index.reserve(room);
        b.countries(&DefaultFiles::COUNTRIES)
            .organizations(&DefaultFiles::ORGANIZATIONS)
            .roles(&DefaultFiles::ROLES);
        for src in DefaultFiles::people() {
            b.people(&src);
        }
        b
    }

    /// Adds an actor with a fixed code under `phrases` (matched case-insensitively when written
    /// in lower case): a bare three-letter code is read as a country, anything longer as an
    /// organisation.
    pub fn add_actor<'p>(&mut self, phrases: impl IntoIterator<Item = &'p str>, code: ActorCode) {
        let country = code.as_str().len() == 3 && code.country().is_some();
        self.codes.push(code);
        let Ok(id) = u32::try_from(self.codes.len() - 1) else {
            return;
        };
        let entry = if country { Entry::Country(id) } else { Entry::Org(id) };
        for p in phrases {
            self.add_phrase(p, entry);
        }
    }

    /// Adds a name that stands for several actors (`codes`), each coded in its own events.
    pub fn add_several<'p>(&mut self, phrases: impl IntoIterator<Item = &'p str>, mut codes: Vec<ActorCode>) {
        if codes.len() < 2 {
            if let Some(code) = codes.pop() {
                self.add_actor(phrases, code);
            }
            return;
        }
        self.several.push(codes);
        let Ok(id) = u32::try_from(self.several.len() - 1) else {
            return;
        };
        for p in phrases {
            self.add_phrase(p, Entry::Several(id));
        }
    }

    /// Adds a person whose code depends on the date (`roles`; the first phrase is the name).
    pub fn add_person<'p>(&mut self, phrases: impl IntoIterator<Item = &'p str>, roles: Vec<PersonRole>) {
        let mut phrases = phrases.into_iter();
        let Some(name) = phrases.next() else {
            return;
        };
        self.people.push(Person {
            name: name.to_string(),
            roles,
        });
        let Ok(id) = u32::try_from(self.people.len() - 1) else {
            return;
        };
        self.add_phrase(name, Entry::Person(id));
        for p in phrases {
            self.add_phrase(p, Entry::Person(id));
        }
    }

    /// Adds a role noun: `phrases` add `sectors` to the actor they attach to.
    pub fn add_role<'p>(&mut self, phrases: impl IntoIterator<Item = &'p str>, sectors: Vec<Sector>, kind: RoleKind) {
        self.add_prefixed_role(phrases, None, sectors, kind);
    }

    /// Adds a role noun that may also put a code before its actor's (see [`Role::prefix`]).
    pub fn add_prefixed_role<'p>(
        &mut self,
        phrases: impl IntoIterator<Item = &'p str>,
        prefix: Option<ActorCode>,
        sectors: Vec<Sector>,
        kind: RoleKind,
    ) {
        let mut phrases = phrases.into_iter().peekable();
        let Some(label) = phrases.peek().map(|p| p.to_ascii_lowercase()) else {
            return;
        };
        self.roles.push(Role {
            label,
            sectors,
            kind,
            local: false,
            collective: false,
            owned: false,
            companion: false,
            prefix,
        });
        let Ok(id) = u32::try_from(self.roles.len() - 1) else {
            return;
        };
        for p in phrases {
            self.add_phrase(p, Entry::Role(id));
        }
    }

    fn diag(&mut self, file: &str, line: usize, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic {
            file: file.to_string(),
            line,
            message: message.into(),
        });
    }

    fn add_phrase(&mut self, phrase: &str, entry: impl Into<Option<Entry>>) {
        let phrase = phrase.trim();
        if phrase.is_empty() {
            return;
        }
        let entry = entry.into();
        // News text writes "People’s", "al-Qa’ida", "Côte d’Ivoire" with the typographic
        // apostrophe as often as with the straight one that data files use.
        self.add_phrase_as_written(phrase, entry);
        if phrase.contains('\'') {
            self.add_phrase_as_written(&phrase.replace('\'', "\u{2019}"), entry);
        }
    }

    fn add_phrase_as_written(&mut self, phrase: &str, entry: Option<Entry>) {
        // A phrase is often given again with the same entry (a person's names on each of their
        // roles): the capitals are collected only for a new pattern.
        let capitals = || {
            phrase
                .bytes()
                .enumerate()
                .filter(|(_, b)| b.is_ascii_uppercase())
                .filter_map(|(i, _)| u8::try_from(i).ok())
        };
        let next = self.patterns.len();
        let slot = *self.index.entry(phrase.to_ascii_lowercase()).or_insert(next);
        if slot == next {
            self.patterns.push(Vec::new());
        }
        let patterns = &mut self.patterns[slot];
        if !patterns
            .iter()
            .any(|p| p.entry == entry && p.capitals.iter().copied().eq(capitals()))
        {
            patterns.push(Pattern {
                capitals: capitals().collect(),
                entry,
            });
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

    /// `code<TAB>names<TAB>adjectives<TAB>seats<TAB>backrefs`; a backref written `@CODE` names a
    /// partner country instead of a phrase; a row coded `-` lists places that are no actor
    /// (seas, gulfs, straits), matched only to keep the country names inside them unread.
    pub fn countries(&mut self, src: &Source) -> &mut Self {
        for (n, line) in data_lines(src.text) {
            let f = fields(line);
            if f.len() < 2 {
                self.diag(src.name, n, "expected at least code and names");
                continue;
            }
            if f[0] == "-" {
                for p in list(f[1]) {
                    self.add_phrase(p, None);
                }
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
                match p.strip_prefix('@') {
                    Some(partner) => match ActorCode::parse(partner) {
                        Some(code) => self.backref_partners.push((id, code)),
                        None => self.diag(src.name, n, format!("invalid backref partner {p:?}")),
                    },
                    None => self.add_phrase(p, Entry::Backref(id)),
                }
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
            let mut kind_words = f.get(2).copied().unwrap_or("group").split_whitespace();
            let kind = match kind_words.next().unwrap_or("group") {
                "person" => RoleKind::Person,
                "org" => RoleKind::Org,
                "group" | "-" | "" => RoleKind::Group,
                other => {
                    self.diag(src.name, n, format!("unknown role kind {other:?}"));
                    RoleKind::Group
                }
            };
            let (mut local, mut collective, mut owned, mut companion) = (false, false, false, false);
            for flag in kind_words {
                match flag {
                    "local" => local = true,
                    "collective" => collective = true,
                    "owned" => owned = true,
                    "companion" => companion = true,
                    other => self.diag(src.name, n, format!("unknown role flag {other:?}")),
                }
            }
            let Some(label) = list(f[0]).next() else {
                self.diag(src.name, n, "no phrase");
                continue;
            };
            self.roles.push(Role {
                label: label.to_ascii_lowercase(),
                sectors,
                kind,
                local,
                collective,
                owned,
                companion,
                prefix: None,
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
            let name = f[0];
            let id = match self.person_index.get(name) {
                Some(&id) => id,
                None => {
                    self.people.push(Person {
                        name: name.to_string(),
                        roles: Vec::new(),
                    });
                    let Ok(id) = u32::try_from(self.people.len() - 1) else {
                        continue;
                    };
                    self.person_index.insert(name.to_string(), id);
                    id
                }
            };
            self.people[id as usize].roles.push(PersonRole { code, from, to });
            self.add_phrase(name, Entry::Person(id));
            for alias in list(f[1]) {
                self.add_phrase(alias, Entry::Person(id));
            }
        }
        self
    }

    pub fn build(self) -> (ActorKb, Vec<Diagnostic>) {
        let mut phrases = vec![String::new(); self.patterns.len()];
        for (phrase, slot) in self.index {
            phrases[slot] = phrase;
        }
        let trie = PhraseTrie::new(&phrases);
        let first_words = FirstWords::new(&trie, phrases.iter().map(|p| first_word(p.as_bytes())));
        (
            ActorKb {
                trie,
                first_words,
                patterns: self.patterns,
                codes: self.codes,
                roles: self.roles,
                people: self.people,
                several: self.several,
                backref_partners: self.backref_partners,
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
        KB.get_or_init(|| KbBuilder::with_defaults().build().0)
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
    /// Whether a backref of country `id` ("the North") counts in a document that has named
    /// `named`: the country itself, or one of its listed partners, must be among them.
    pub fn backref_holds(&self, id: u32, named: &[ActorCode]) -> bool {
        let code = self.code(id);
        named.contains(code)
            || self
                .backref_partners
                .iter()
                .any(|(of, partner)| *of == id && named.contains(partner))
    }
    /// The codes of an [`Entry::Several`].
    pub fn several(&self, id: u32) -> &[ActorCode] {
        &self.several[id as usize]
    }

    /// Every knowledge-base phrase of an analysed document (see [`ActorKb::find_mentions`]);
    /// `analysis` is `kestrel_text::analyze(text)`.
    pub fn find_token_mentions(&self, text: &str, analysis: &TextAnalysis) -> Vec<Mention> {
        // PETRARCH's texts join the words of a name with '_' ("Dol_Amroth"): a phrase
        // matches across one as across a space (same length, so offsets stay shared). The
        // whole document is searched for one, with `memchr`'s vectorised scan: news has none.
        let lower = if memchr::memchr(b'_', analysis.lower.as_bytes()).is_some() {
            std::borrow::Cow::Owned(analysis.lower.replace('_', " "))
        } else {
            std::borrow::Cow::Borrowed(analysis.lower.as_str())
        };
        self.find_mentions(text, &lower, &analysis.tokens, &analysis.words)
    }

    /// Every knowledge-base phrase in `text` that starts at a token start and ends at a token
    /// end, longest first, without overlaps. `tokens` are in order, and `words` gives per token
    /// the lexicon word it is if it is one word ([`TextAnalysis::words`]); `lower` is `text`
    /// with ASCII letters lower-cased.
    pub fn find_mentions(&self, text: &str, lower: &str, tokens: &[Token], words: &[Option<WordId>]) -> Vec<Mention> {
        let bytes = text.as_bytes();
        let mut out: Vec<Mention> = Vec::new();
        let mut covered = 0;
        // Whether a token from `first` on ends at byte `at`. Tokens do not overlap, so none
        // before the phrase's first token can, and a phrase spans a few tokens: a scan from its
        // first token settles it sooner than a search of the whole document.
        let is_end = |first: usize, at: usize| {
            tokens
                .get(first..)
                .unwrap_or_default()
                .iter()
                .take_while(|t| (t.start as usize) < at)
                .any(|t| t.end as usize == at)
        };
        // A phrase starting at `s`, inside token `first`, with a first word of `word_length`
        // bytes, which lead to `node`.
        let try_at = |first: usize, s: usize, word_length: usize, node: u32, out: &mut Vec<Mention>| -> Option<usize> {
            let after_word = lower.as_bytes().get(s + word_length..)?;
            let (length, phrase) = self.trie.longest_from(node, word_length, after_word)?;
            let e = s + length;
            if !(is_end(first, e) || hyphen_joined(bytes, e, false)) {
                return None;
            }
            // Among the entries of one phrase, the first whose capitals match wins: data files
            // are read countries, organisations, roles, people, in that order of precedence.
            let p = self.patterns.get(phrase)?.iter().find(|p| {
                p.capitals
                    .iter()
                    .all(|&i| bytes.get(s + i as usize).is_some_and(|b| b.is_ascii_uppercase()))
            })?;
            if let Some(entry) = p.entry {
                out.push(Mention {
                    start: s,
                    end: e,
                    entry,
                });
            }
            Some(e)
        };
        let lower_bytes = lower.as_bytes();
        for (index, token) in tokens.iter().enumerate() {
            let (s, e) = (token.start as usize, token.end as usize);
            if s < covered {
                continue;
            }
            // A token the lexicon knows as one word is its own first word, and nothing follows
            // it inside the token: its id gives the trie node, without a scan or a hash.
            if let Some(word) = words.get(index).copied().flatten() {
                if let Some(node) = self.first_words.node_after_word(word) {
                    if let Some(end) = try_at(index, s, e - s, node, &mut out) {
                        covered = end;
                    }
                }
                continue;
            }
            // Try the token's start, then after each hyphen joining capitalised words
            // ("Russia-North Korea talks").
            let mut at = s;
            while let Some(rest) = lower_bytes.get(at..e) {
                let word = first_word(rest);
                if let Some(node) = self.first_words.node_after(word) {
                    if let Some(end) = try_at(index, at, word.len(), node, &mut out) {
                        covered = end;
                        if end >= e {
                            break;
                        }
                    }
                }
                // A first word that is the whole rest of the token leaves no hyphen to look
                // past (most tokens): skip the scan for one.
                if word.len() == rest.len() {
                    break;
                }
                let from = covered.max(at);
                match lower_bytes.get(from..e).and_then(|w| w.iter().position(|&b| b == b'-')) {
                    Some(k) if hyphen_joined(bytes, from + k + 1, true) => at = from + k + 1,
                    _ => break,
                }
            }
        }
        out
    }
}

/// A phrase's first word, up to a space, apostrophe or hyphen (tokens split "People's" the
/// same way). Scans bytes: every separator is ASCII or starts with the byte 0xE2 (’).
fn first_word(phrase: &[u8]) -> &[u8] {
    let end = phrase
        .iter()
        .enumerate()
        .position(|(i, &b)| {
            matches!(b, b' ' | b'\'' | b'-') || (b == 0xE2 && phrase.get(i + 1..i + 3) == Some(&[0x80, 0x99][..]))
        })
        .unwrap_or(phrase.len());
    &phrase[..end]
}

/// A byte trie of the lower-cased phrases. Nodes are laid out breadth-first, so the children
/// of a node are a contiguous run of `nodes` sorted by byte: one step of a walk reads one or
/// two cache lines (the run) instead of chasing an edge list and then the child.
struct PhraseTrie {
    /// The root is node 0.
    nodes: Vec<TrieNode>,
}

#[derive(Clone, Copy)]
struct TrieNode {
    /// Index of the phrase that ends here, or [`NO_PHRASE`].
    phrase: u32,
    /// The node's children: `nodes[first_child..first_child + child_count]`.
    first_child: u32,
    child_count: u16,
    /// The byte that leads from the parent to this node.
    byte: u8,
}

const NO_PHRASE: u32 = u32::MAX;
/// Nodes with more children than this are searched by bisection rather than a scan.
const LINEAR_CHILDREN: usize = 8;

impl PhraseTrie {
    fn new(phrases: &[String]) -> PhraseTrie {
        // In sorted order the phrases below any node are one contiguous run sharing the node's
        // prefix, with the phrase ending at the node (if any) first. Walking the runs
        // breadth-first gives the layout directly, without a child map per node.
        // (first eight bytes, phrase, index) triples: most comparisons are settled by the first
        // field, one integer comparison where comparing the bytes calls `memcmp`, and its order
        // never contradicts the phrases' (equal prefixes leave it to the bytes). Ties (a phrase
        // given twice) keep the lower index first, which then wins.
        let mut sorted: Vec<(u64, &[u8], u32)> = phrases
            .iter()
            .map(|p| (sort_prefix(p.as_bytes()), p.as_bytes()))
            .zip(0..)
            .map(|((prefix, phrase), index)| (prefix, phrase, index))
            .collect();
        sorted.sort_unstable();
        let bytes = |k: usize| sorted[k].1;
        // One node per distinct prefix: each phrase adds those not shared with the phrase
        // before it. Counted first, so that the two big vectors are allocated once.
        let node_count = 1
            + sorted.first().map_or(0, |(_, first, _)| first.len())
            + sorted
                .windows(2)
                .map(|pair| pair[1].1.len() - common_prefix(pair[0].1, pair[1].1))
                .sum::<usize>();
        // Per node in breadth-first order: its run of `sorted`, its depth and its byte.
        let mut queue = Vec::with_capacity(node_count);
        queue.push((0..sorted.len(), 0usize, 0u8));
        let mut nodes = Vec::with_capacity(node_count);
        let mut cursor = 0;
        while let Some((run, depth, byte)) = queue.get(cursor).cloned() {
            let mut k = run.start;
            let mut phrase = NO_PHRASE;
            while k < run.end && bytes(k).len() == depth {
                if phrase == NO_PHRASE {
                    phrase = sorted[k].2;
                }
                k += 1;
            }
            let first_child = queue.len();
            while k < run.end {
                let child_byte = bytes(k)[depth];
                let child_start = k;
                while k < run.end && bytes(k)[depth] == child_byte {
                    k += 1;
                }
                queue.push((child_start..k, depth + 1, child_byte));
            }
            nodes.push(TrieNode {
                phrase,
                first_child: first_child as u32,
                child_count: (queue.len() - first_child) as u16,
                byte,
            });
            cursor += 1;
        }
        PhraseTrie { nodes }
    }

    /// The child of `node` reached by `byte`, with its index.
    #[inline]
    fn child(&self, node: &TrieNode, byte: u8) -> Option<(u32, &TrieNode)> {
        let first = node.first_child as usize;
        let run = self.nodes.get(first..first + usize::from(node.child_count))?;
        let offset = if run.len() <= LINEAR_CHILDREN {
            run.iter().position(|child| child.byte == byte)?
        } else {
            run.binary_search_by_key(&byte, |child| child.byte).ok()?
        };
        Some((node.first_child + offset as u32, run.get(offset)?))
    }

    /// The index of the node that `prefix` leads to from the root, if some phrase starts
    /// with it.
    fn node_after(&self, prefix: &[u8]) -> Option<u32> {
        let mut node = (0, self.nodes.first()?);
        for &byte in prefix {
            node = self.child(node.1, byte)?;
        }
        Some(node.0)
    }

    /// The longest phrase that goes on from node `start`, reached by the `depth` bytes before
    /// `text`, through a prefix of `text`: its length in bytes (`depth` included) and its
    /// index. Only phrases of at least one byte count.
    #[inline]
    fn longest_from(&self, start: u32, depth: usize, text: &[u8]) -> Option<(usize, usize)> {
        let mut node = self.nodes.get(start as usize)?;
        let mut longest = (depth > 0 && node.phrase != NO_PHRASE).then_some((depth, node.phrase as usize));
        for (depth, &byte) in (depth + 1..).zip(text) {
            let Some((_, child)) = self.child(node, byte) else {
                break;
            };
            node = child;
            if node.phrase != NO_PHRASE {
                longest = Some((depth, node.phrase as usize));
            }
        }
        longest
    }
}

/// The first eight bytes of a phrase as a big-endian integer, zero-padded: a phrase that sorts
/// before another never has a greater one.
fn sort_prefix(phrase: &[u8]) -> u64 {
    let mut head = [0; 8];
    let n = phrase.len().min(8);
    head[..n].copy_from_slice(&phrase[..n]);
    u64::from_be_bytes(head)
}

/// The length of the longest common prefix of `a` and `b`.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// The set of phrase first words, with a filter in front: most tokens start no phrase, and
/// the filter rejects them without probing the hash set and comparing bytes.
struct FirstWords {
    filter: WordFilter,
    /// Each first word, with the index of the trie node its bytes lead to.
    nodes: std::collections::HashMap<Box<[u8]>, u32, std::hash::BuildHasherDefault<kestrel_text::FxHasher>>,
    /// The same nodes by the lexicon's id of the first word, for the words the lexicon knows.
    by_word: FxHashMap<WordId, u32>,
    /// Bit `id` is set for the ids in `by_word`: most tokens the lexicon knows start no
    /// phrase, and a clear bit says so without a probe. (A table of nodes by id would answer
    /// at once too, but clearing one the size of the lexicon costs more than it saves.)
    word_bits: Vec<u64>,
}

impl FirstWords {
    /// The first words of the phrases of `trie`.
    fn new<'a>(trie: &PhraseTrie, words: impl IntoIterator<Item = &'a [u8]>) -> FirstWords {
        let mut set = FirstWords {
            filter: WordFilter::default(),
            nodes: Default::default(),
            by_word: FxHashMap::default(),
            word_bits: vec![0; kestrel_text::word_id_bound().div_ceil(64)],
        };
        // Room for a first word per phrase, the most there can be, so that the maps are not
        // rebuilt as they grow.
        let words = words.into_iter();
        set.nodes.reserve(words.size_hint().0);
        set.by_word.reserve(words.size_hint().0);
        for word in words {
            // Most phrases share their first word with others: copy and walk each word once.
            if set.nodes.contains_key(word) {
                continue;
            }
            if let Some(node) = trie.node_after(word) {
                set.filter.insert(word);
                set.nodes.insert(word.into(), node);
                if let Some(id) = kestrel_text::word_id(word) {
                    set.by_word.insert(id, node);
                    set.word_bits[id.index() / 64] |= 1 << (id.index() % 64);
                }
            }
        }
        set
    }

    /// The trie node after `word`, if it is the first word of a phrase.
    #[inline]
    fn node_after(&self, word: &[u8]) -> Option<u32> {
        if !self.filter.may_contain(word) {
            return None;
        }
        self.nodes.get(word).copied()
    }

    /// [`FirstWords::node_after`] for a word of the lexicon, by its id.
    #[inline]
    fn node_after_word(&self, word: WordId) -> Option<u32> {
        let bits = self.word_bits.get(word.index() / 64)?;
        if bits & (1 << (word.index() % 64)) == 0 {
            return None;
        }
        self.by_word.get(&word).copied()
    }
}

/// A match may also start or end at a hyphen joining two capitalised words ("Russia-North Korea
/// talks", "U.S.-China"), but not inside "pro-Russian" or "Anti-American", even opening a
/// sentence. It may end before "-led", "-run" and the other [`OWNER_PARTICIPLES`]: "Saudi-led
/// forces" are the leader's, "the Hamas-run health ministry" is Hamas's ("Iran-backed
/// militias" are not Iran's).
fn hyphen_joined(bytes: &[u8], at: usize, is_start: bool) -> bool {
    if is_start {
        if at < 2 || bytes[at - 1] != b'-' || !bytes.get(at).is_some_and(u8::is_ascii_uppercase) {
            return false;
        }
        let word = before_word(&bytes[..at - 1]);
        word.first().is_some_and(u8::is_ascii_uppercase)
            && !word.eq_ignore_ascii_case(b"pro")
            && !word.eq_ignore_ascii_case(b"anti")
    } else {
        if bytes.get(at) != Some(&b'-') {
            return false;
        }
        if bytes.get(at + 1).is_some_and(u8::is_ascii_uppercase) {
            return true;
        }
        // Only now, after a hyphen: most matches end at a space.
        let named = || before_word(&bytes[..at]).first().is_some_and(u8::is_ascii_uppercase);
        OWNER_PARTICIPLES.iter().any(|&(word, any_case)| {
            let end = at + 1 + word.len();
            bytes.get(at + 1..end) == Some(word.as_bytes())
                && !bytes.get(end).is_some_and(u8::is_ascii_alphabetic)
                && (any_case || named())
        })
    }
}

/// Whether the mention ending at byte `end` only says where what follows is based
/// ("Pakistan-based militants", "a UK-based monitor"): the place names the owner, but the story
/// is no more about it than about any address.
pub(crate) fn names_base(bytes: &[u8], end: usize) -> bool {
    let word_end = end + 1 + BASED.len();
    bytes.get(end) == Some(&b'-')
        && bytes.get(end + 1..word_end) == Some(BASED.as_bytes())
        && !bytes.get(word_end).is_some_and(u8::is_ascii_alphabetic)
}

/// The word (letters and dots) that `before` ends with.
fn before_word(before: &[u8]) -> &[u8] {
    let len = before
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphabetic() || **b == b'.')
        .count();
    &before[before.len() - len..]
}

/// The owner participle that says only where something is ([`names_base`]).
const BASED: &str = "based";

/// Participles after a hyphen that make the actor before it the owner of what follows, and
/// whether a role noun owns too: "Saudi-led forces", "military-led talks", "the Hamas-run
/// ministry", "Taliban-controlled districts", "a British-flagged tanker", "a Greek-owned
/// ship", "Pakistan-based militants", but "military-ruled Myanmar" is Myanmar's and
/// "state-owned firms" nobody's.
const OWNER_PARTICIPLES: [(&str, bool); 8] = [
    ("led", true),
    (BASED, false),
    ("run", false),
    ("controlled", false),
    ("held", false),
    ("ruled", false),
    ("flagged", false),
    ("owned", false),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(list: &[&str]) -> Vec<String> {
        list.iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn trie_finds_the_longest_phrase_at_the_start() {
        let trie = PhraseTrie::new(&phrases(&["north", "north korea", "north korean", "nato", "n"]));
        let longest_at = |text: &[u8]| trie.longest_from(0, 0, text);
        assert_eq!(longest_at(b"north korean army"), Some((12, 2)));
        assert_eq!(longest_at(b"north korea's"), Some((11, 1)));
        assert_eq!(longest_at(b"north kor"), Some((5, 0)));
        assert_eq!(longest_at(b"nat"), Some((1, 4)));
        assert_eq!(longest_at(b"russia"), None);
        assert_eq!(longest_at(b""), None);
        assert_eq!(PhraseTrie::new(&[]).longest_from(0, 0, b"north"), None);
    }

    #[test]
    fn trie_walks_on_from_the_node_after_a_word() {
        let trie = PhraseTrie::new(&phrases(&["north", "north korea", "north korean", "nato", "n"]));
        let north = trie.node_after(b"north").expect("a phrase starts with north");
        assert_eq!(trie.longest_from(north, 5, b" korean army"), Some((12, 2)));
        assert_eq!(trie.longest_from(north, 5, b" kor"), Some((5, 0)));
        assert_eq!(trie.longest_from(north, 5, b""), Some((5, 0)));
        let nat = trie.node_after(b"nat").expect("a phrase starts with nat");
        assert_eq!(trie.longest_from(nat, 3, b"ional"), None);
        assert_eq!(trie.node_after(b"south"), None);
        assert_eq!(trie.node_after(b"northern"), None);
    }

    #[test]
    fn first_words_stop_at_spaces_apostrophes_and_hyphens() {
        assert_eq!(first_word(b"people's army"), b"people");
        assert_eq!(first_word("people’s army".as_bytes()), b"people");
        assert_eq!(first_word(b"al-qaeda"), b"al");
        assert_eq!(first_word(b"kremlin"), b"kremlin");
        let trie = PhraseTrie::new(&phrases(&["north korea", "al-qaeda"]));
        let words = FirstWords::new(&trie, [&b"north"[..], b"al"]);
        assert_eq!(words.node_after(b"north"), trie.node_after(b"north"));
        assert_eq!(words.node_after(b"al"), trie.node_after(b"al"));
        assert!(words.node_after(b"north").is_some() && words.node_after(b"al").is_some());
        assert_eq!(words.node_after(b"nort"), None);
        assert_eq!(words.node_after(b"south"), None);
    }

    /// The texts of the mentions found in `text` with a knowledge base of `countries` rows.
    fn country_mentions<'t>(countries: &str, text: &'t str) -> Vec<&'t str> {
        let mut builder = KbBuilder::default();
        builder.countries(&Source {
            name: "countries.tsv",
            text: countries,
        });
        let (kb, diagnostics) = builder.build();
        assert!(diagnostics.is_empty());
        let analysis = kestrel_text::analyze(text);
        kb.find_token_mentions(text, &analysis)
            .iter()
            .map(|m| &text[m.start..m.end])
            .collect()
    }

    #[test]
    fn mentions_start_and_end_at_tokens() {
        let found = country_mentions(
            "PRK\tNorth Korea\tNorth Korean\nRUS\tRussia\tRussian\n",
            "Russia-North Korea talks; North Koreans and Russiaville.",
        );
        assert_eq!(found, ["Russia", "North Korea"]);
        let found = country_mentions(
            "RUS\tRussia\tRussian\nUSA\tUnited States\tAmerican\n",
            "Pro-Russian rebels and anti-American crowds met Anti-American protesters. U.S.-Russian talks.",
        );
        assert_eq!(found, ["Russian"]);
        let found = country_mentions(
            "SAU\tSaudi Arabia\tSaudi\nIRN\tIran\tIranian\n",
            "Saudi-led forces fought Iran-backed militias, Saudi-leds and Iranian-ledgers.",
        );
        assert_eq!(found, ["Saudi"]);
        let found = country_mentions(
            "SAU\tSaudi Arabia\tSaudi\nIRN\tIran\tIranian\n",
            "The Iranian-run ministry and Saudi-controlled towns; Iran-runners.",
        );
        assert_eq!(found, ["Iranian", "Saudi"]);
        let found = country_mentions(
            "GBR\tUnited Kingdom\tBritish\nIRN\tIran\tIranian\n",
            "A British-flagged tanker, an Iranian-owned ship and Iranian-made drones.",
        );
        assert_eq!(found, ["British", "Iranian"]);
        let found = country_mentions(
            "PAK\tPakistan\tPakistani\nGBR\tUnited Kingdom|UK\tBritish\n",
            "Pakistan-based militants and a UK-based monitor; Pakistan-basedness.",
        );
        assert_eq!(found, ["Pakistan", "UK"]);
    }

    #[test]
    fn a_base_is_named_only_before_based() {
        let text = b"Pakistan-based militants, UK-basedness, Iran-backed";
        assert!(names_base(text, 8));
        assert!(!names_base(text, 28));
        assert!(!names_base(text, 44));
    }

    #[test]
    fn places_that_are_no_actor_hide_the_country_names_inside_them() {
        let found = country_mentions(
            "OMN\tOman\tOmani\n-\tGulf of Oman\t-\t-\t-\n",
            "An Omani ship sailed from Oman into the Gulf of Oman.",
        );
        assert_eq!(found, ["Omani", "Oman"]);
    }

    #[test]
    fn a_role_may_be_marked_local_collective_owned_or_companion() {
        let mut builder = KbBuilder::default();
        builder.roles(&Source {
            name: "roles.tsv",
            text: "mayor\tGOV\tperson local\nminister\tGOV\tperson\nsheriff\tCOP\tperson nearby\ngroup\t-\tgroup collective\njets\tMIL\tgroup owned\nallies\t-\tgroup companion\n",
        });
        let (kb, diagnostics) = builder.build();
        let flags: Vec<(&str, [bool; 4])> = kb
            .roles
            .iter()
            .map(|r| (r.label.as_str(), [r.local, r.collective, r.owned, r.companion]))
            .collect();
        assert_eq!(
            flags,
            [
                ("mayor", [true, false, false, false]),
                ("minister", [false; 4]),
                ("sheriff", [false; 4]),
                ("group", [false, true, false, false]),
                ("jets", [false, false, true, false]),
                ("allies", [false, false, false, true])
            ]
        );
        let messages: Vec<(usize, &str)> = diagnostics.iter().map(|d| (d.line, d.message.as_str())).collect();
        assert_eq!(messages, [(3, "unknown role flag \"nearby\"")]);
    }

    #[test]
    fn embedded_files_load_without_diagnostics() {
        let (_, diagnostics) = KbBuilder::with_defaults().build();
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
    }

    /// The code a name carries on `date` (`YYYY-MM-DD`), read from the embedded files.
    fn code_on(name: &str, date: &str) -> Option<String> {
        let kb = ActorKb::embedded();
        let analysis = kestrel_text::analyze(name);
        let mention = kb.find_token_mentions(name, &analysis).into_iter().next()?;
        let Entry::Person(id) = mention.entry else {
            return None;
        };
        let role = kb.person(id).role_on(CivilDate::parse(date))?;
        Some(role.code.to_string())
    }

    #[test]
    fn people_carry_the_code_of_their_role_on_the_date() {
        // A rebel leader who joined, then fought, the government.
        assert_eq!(code_on("Hemedti", "2020-06-01").as_deref(), Some("SDNGOV"));
        assert_eq!(code_on("Hemedti", "2024-06-01").as_deref(), Some("SDNREB"));
        // An insurgent leader whose movement took power.
        assert_eq!(
            code_on("Hibatullah Akhundzada", "2019-01-01").as_deref(),
            Some("AFGREB")
        );
        assert_eq!(code_on("Akhundzada", "2022-01-01").as_deref(), Some("AFGGOV"));
        // A defence minister who became president; al-Qaeda's leader by the organisation's code.
        assert_eq!(code_on("Sisi", "2013-08-01").as_deref(), Some("EGYGOVMIL"));
        assert_eq!(code_on("el-Sisi", "2015-08-01").as_deref(), Some("EGYGOV"));
        assert_eq!(code_on("Osama bin Laden", "2001-10-01").as_deref(), Some("IMGMUSALQ"));
        // Out of office: no role on that date.
        assert_eq!(code_on("Musharraf", "2012-01-01"), None);
    }
}
