//! From tokens and knowledge-base mentions to noun phrases with resolved actors.
//!
//! A sentence is cut into noun phrases (runs of determiners, adjectives, nouns, numbers and
//! possessives). Each phrase's mentions are combined into one actor ("Russian Defense Minister
//! Sergei Shoigu" -> RUSGOVMIL, named), then neighbouring phrases are joined: compounds ("Russia
//! and North Korea"), lists, appositions ("Ivan Petrov, Russia's deputy foreign minister") and
//! "of" groups ("a delegation of Russian officials"). Back-references ("the spokesperson", "he",
//! "Kirby", "the North") are resolved against a [`DocContext`] carried through the document.

use std::ops::Range;

use kestrel_dates::CivilDate;
use kestrel_text::{SentenceSpan, Tag, TextAnalysis, Token};

use crate::code::{ActorCode, Sector};
use crate::kb::{names_base, ActorKb, Entry, Mention, RoleKind};

/// How an actor was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// Named in the phrase itself.
    Direct,
    /// A back-reference resolved from earlier in the document.
    Reference,
    /// Named in the phrase by a seat of government standing for it ("the Kremlin", "Kyiv"):
    /// the government, except where the sentence makes the seat a place ("an attack on Kyiv").
    Seat,
}

/// One resolved actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub code: ActorCode,
    /// A person's name, when the actor is a named individual.
    pub name: Option<String>,
    /// Byte span in the document of the words that name this actor.
    pub span: (usize, usize),
    pub via: Via,
}

/// A noun phrase of a sentence. Token indices are absolute (into `TextAnalysis::tokens`).
#[derive(Debug, Clone)]
pub struct NounPhrase {
    pub tokens: Range<usize>,
    /// The head noun (last token of the phrase proper).
    pub head: usize,
    /// The actors the phrase denotes (several for a compound). Empty for a thing ("missiles").
    pub actors: Vec<Actor>,
    /// Actors modifying a non-actor head: "Russian missiles", "Shoigu's visit".
    pub modifiers: Vec<Actor>,
    /// The phrase is a possessor ("Moscow's" in "Moscow's pursuit").
    pub possessive: bool,
}

impl NounPhrase {
    pub fn is_actor(&self) -> bool {
        !self.actors.is_empty()
    }
}

/// What a document has named so far, for back-references.
#[derive(Debug, Default, Clone)]
pub struct DocContext {
    /// Named people, most recent last, with the role labels they were introduced with.
    people: Vec<(Actor, Vec<String>)>,
    /// Countries the document has named, most recent last: by name, demonym or seat, or
    /// through the first named person's role.
    countries: Vec<ActorCode>,
    /// The first person named in the last sentence that named one: news usually opens a
    /// sentence with its subject, so a following "he" or "she" refers to that person.
    leading_person: Option<Actor>,
    /// Countries of the actors named with a sector ("Israeli forces" gives ISR for MIL),
    /// most recent last.
    sector_countries: Vec<(Sector, ActorCode)>,
    /// Organisations the document has named, most recent last.
    organizations: Vec<ActorCode>,
}

impl DocContext {
    /// Remember a named person as the most recent one, keeping the roles they were given
    /// earlier ("John Kirby, the spokesperson" stays a spokesperson when later called "Kirby").
    fn remember_person(&mut self, actor: &Actor, mut roles: Vec<String>) {
        if let Some(k) = self.people.iter().position(|(a, _)| a.name == actor.name) {
            let (_, old) = self.people.remove(k);
            roles.extend(old.into_iter().filter(|r| !roles.contains(r)).collect::<Vec<_>>());
        }
        self.people.push((actor.clone(), roles));
    }

    /// Remember the country of an actor named with sectors as the last one of each sector.
    fn remember_sectors(&mut self, code: &ActorCode) {
        let Some(country) = code.country_code() else { return };
        for sector in code.sectors() {
            self.sector_countries.retain(|(s, _)| *s != sector);
            self.sector_countries.push((sector, country.clone()));
        }
    }

    /// The country of the last actor named with one of `sectors`: "Israeli forces arrested
    /// 15 Palestinians, the army said" is Israel's army, not the last country named.
    fn by_sector(&self, sectors: &[Sector]) -> Option<&ActorCode> {
        self.sector_countries
            .iter()
            .rev()
            .find(|(s, _)| sectors.contains(s))
            .map(|(_, country)| country)
    }

    /// Remember an organisation as the most recent one named.
    fn remember_organization(&mut self, code: &ActorCode) {
        self.organizations.retain(|c| c != code);
        self.organizations.push(code.clone());
    }

    /// The last organisation named, of `country` if given, and an armed group if `armed`.
    fn organization_for(&self, country: Option<&str>, armed: bool) -> Option<&ActorCode> {
        self.organizations.iter().rev().find(|c| {
            country.is_none_or(|country| c.country() == Some(country))
                && (!armed || is_armed_group(c) || c.as_str().starts_with("IMG"))
        })
    }

    /// Remember a country as the most recent one named.
    fn remember_country(&mut self, code: &ActorCode) {
        self.countries.retain(|c| c != code);
        self.countries.push(code.clone());
    }

    /// The last person introduced with a role of the same head noun: "the spokesman" finds
    /// someone introduced as "government spokesman".
    fn by_role(&self, label: &str) -> Option<&Actor> {
        let head = |l: &str| l.rsplit(' ').next().unwrap_or(l).to_string();
        let wanted = head(label);
        self.people
            .iter()
            .rev()
            .find(|(_, roles)| roles.iter().any(|r| head(r) == wanted))
            .map(|(a, _)| a)
    }

    fn by_surname(&self, word: &str) -> Option<&Actor> {
        self.people.iter().rev().map(|(a, _)| a).find(|a| {
            a.name
                .as_deref()
                .and_then(|n| n.split_whitespace().last())
                .is_some_and(|last| last.eq_ignore_ascii_case(word))
        })
    }

    fn last_person(&self) -> Option<&Actor> {
        self.people.last().map(|(a, _)| a)
    }

    /// Whether the document has named a person a pronoun or a surname may refer to.
    fn names_someone(&self) -> bool {
        self.leading_person.is_some() || !self.people.is_empty()
    }
}

/// Whose coding conventions to follow where kestrel and PETRARCH 2 disagree.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Conventions {
    /// kestrel's own: "the government" is the government of the country the story is about,
    /// and a reporting verb is coded only when it reports no event of its own.
    #[default]
    Kestrel,
    /// PETRARCH 2's: an agent named without a country has none ("a senior official" is
    /// `---GOV`), and a reporting verb that its dictionary codes is an event of its own
    /// ("a senior official said" is `---GOV` 023 with no target) beside what it reports.
    Petrarch,
}

/// Inputs shared by every sentence of one document.
pub struct DocInput<'a> {
    pub kb: &'a ActorKb,
    pub text: &'a str,
    pub analysis: &'a TextAnalysis,
    /// All mentions of the document, sorted by start.
    pub mentions: &'a [Mention],
    /// Publication date: people's roles are read on this day.
    pub date: Option<CivilDate>,
    pub conventions: Conventions,
}

/// Tokens that can be part of a noun phrase.
fn is_nominal(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::DT
            | Tag::PDT
            | Tag::PRPS
            | Tag::JJ
            | Tag::JJR
            | Tag::JJS
            | Tag::NN
            | Tag::NNS
            | Tag::NNP
            | Tag::NNPS
            | Tag::CD
            | Tag::POS
            | Tag::FW
    )
}

/// What "it" or "them" at token `i` (not the sentence's first) stands for, where that can be
/// told: as the object of a participle closing the main clause ("Saudi Arabia cut ties with
/// Qatar, accusing it of supporting terrorism"), the last actor named; as the whole object of
/// another verb or a preposition, [`object_referent`]. Followed by a verb, it is the subject of
/// a clause ("saying it would retaliate"), which is not resolved here.
fn neuter_referent<'p>(b: &Builder, phrases: &'p [NounPhrase], i: usize, end: usize) -> Option<&'p Actor> {
    let next = (i + 1 < end).then(|| b.tag(i + 1));
    if b.tag(i - 1) == Tag::VBG && i >= b.first_token + 2 && b.tag(i - 2) == Tag::Comma {
        let subject_of_clause = next.is_some_and(|t| t.is_verb() || t == Tag::MD);
        return phrases
            .iter()
            .flat_map(|p| &p.actors)
            .next_back()
            .filter(|_| !subject_of_clause);
    }
    // The whole object: not the subject of a clause ("informed them they were").
    let whole_object =
        next.is_none_or(|t| t.is_punctuation() || matches!(t, Tag::IN | Tag::TO | Tag::RB | Tag::RBR | Tag::CC));
    let governed = b.tag(i - 1).is_verb() || matches!(b.tag(i - 1), Tag::IN | Tag::TO);
    (governed && whole_object)
        .then(|| object_referent(b, phrases, i))
        .flatten()
}

/// What "it" or "them" at token `i`, the object of a verb or a preposition, stands for: the
/// last actor named before it other than the doer ("If Iran attacks Israel, the United States
/// will help defend it": Israel; "Russia invaded Ukraine and annexed it": Ukraine), else of the
/// doer's country but another actor. The doer is
/// the actor right before the verb ("the United States will help defend"), else the sentence's
/// first. With no other actor named, "it" is a thing ("Iran seized a tanker and released it");
/// nor is it a place named as where something happened.
fn object_referent<'p>(b: &Builder, phrases: &'p [NounPhrase], i: usize) -> Option<&'p Actor> {
    let verb_start = (b.first_token..i)
        .rev()
        .find(|&k| !(b.tag(k).is_verb() || matches!(b.tag(k), Tag::MD | Tag::RB | Tag::TO | Tag::IN)))
        .map_or(b.first_token, |k| k + 1);
    // Where things happen ("in Gaza City") is no one "it" stands for.
    let named = || {
        phrases
            .iter()
            .filter(|p| p.tokens.end <= verb_start && !locative_before(b.doc, b.first_token, p.tokens.start))
            .flat_map(|p| &p.actors)
    };
    let doer = phrases
        .iter()
        .rev()
        .find(|p| p.tokens.end == verb_start && p.is_actor())
        .and_then(|p| p.actors.first())
        .or_else(|| named().next())?;
    // Of the doer's own country, another actor will do: "the Somali gunmen who seized two aid
    // workers released them".
    named()
        .rfind(|a| a.code.base() != doer.code.base())
        .or_else(|| named().rfind(|a| a.code != doer.code))
}

/// Land, sea and air a country holds, and the sites its forces hold: "its airspace" is its
/// owner's, as "Pakistani airspace" is Pakistan's, and so are "their positions".
const HOLDINGS: [&str; 18] = [
    "airspace",
    "territory",
    "waters",
    "skies",
    "soil",
    "zone",
    "border",
    "borders",
    "position",
    "positions",
    "base",
    "bases",
    "outpost",
    "outposts",
    "facility",
    "facilities",
    "installation",
    "installations",
];

/// The code of a mention that may own what "its" or "their" opens: a country, demonym, seat
/// or organisation.
fn owner_code<'k>(kb: &'k ActorKb, m: &Mention) -> Option<&'k ActorCode> {
    match m.entry {
        Entry::Country(id) | Entry::Demonym(id) | Entry::Seat(id) | Entry::Org(id) => Some(kb.code(id)),
        _ => None,
    }
}

fn is_noun(tag: Tag) -> bool {
    matches!(tag, Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS | Tag::CD | Tag::FW)
}

/// The parts of one phrase's actor, gathered before the code is assembled.
#[derive(Default)]
struct Parts<'k> {
    /// Country, seat or organisation codes, in order.
    bases: Vec<(ActorCode, bool)>,
    sectors: Vec<Sector>,
    /// Role labels, borrowed from the knowledge base (copied only for a person remembered).
    roles: Vec<&'k str>,
    person_role: Option<RoleKind>,
    /// A role is an official of a place ([`crate::kb::Role::local`]).
    local_role: bool,
    /// The last role named is a collective ([`crate::kb::Role::collective`]).
    collective_role: bool,
    /// The last role named needs its owner in the phrase ([`crate::kb::Role::owned`]).
    owned_role: bool,
    /// The last role named is others beside an actor ([`crate::kb::Role::companion`]).
    companion_role: bool,
    /// A role's code that goes before the actor's ([`crate::kb::Role::prefix`]).
    prefix: Option<ActorCode>,
    person: Option<(ActorCode, String)>,
    /// People named before `person` in the same phrase, side by side ("the Biden-Xi summit").
    earlier_people: Vec<(ActorCode, String)>,
    /// An unknown capitalised name following a role or country ("Ambassador Linda X"), empty
    /// if none. While the parts are collected, the unknown capitalised words so far, joined by
    /// spaces: the phrases of a sentence share its room.
    name: String,
    /// The phrase's head is a role or actor word rather than a thing.
    head_is_actor: bool,
}

impl Parts<'_> {
    /// Empties the parts for the next phrase, keeping the lists' room: one `Parts` serves
    /// every phrase of a sentence. Every field is named, so a new one cannot be forgotten.
    fn clear(&mut self) {
        let Parts {
            bases,
            sectors,
            roles,
            person_role,
            local_role,
            collective_role,
            owned_role,
            companion_role,
            prefix,
            person,
            earlier_people,
            name,
            head_is_actor,
        } = self;
        bases.clear();
        sectors.clear();
        roles.clear();
        *person_role = None;
        *local_role = false;
        *collective_role = false;
        *owned_role = false;
        *companion_role = false;
        *prefix = None;
        *person = None;
        earlier_people.clear();
        name.clear();
        *head_is_actor = false;
    }

    /// "the United Nations World Food Program", "Lebanese Hezbollah", "the US Federal
    /// Reserve": a body named beside the organisation or country it belongs to (whose code
    /// begins its own) is that body alone, not two actors side by side. A base named twice
    /// counts once.
    fn drop_enclosing_bases(&mut self) {
        let mut i = 0;
        while i < self.bases.len() {
            let general = self.bases[i].0.as_str();
            let enclosed = self.bases.iter().enumerate().any(|(j, (code, _))| {
                let code = code.as_str();
                j != i && code.starts_with(general) && (code.len() > general.len() || j < i)
            });
            if enclosed {
                self.bases.remove(i);
            } else {
                i += 1;
            }
        }
    }

    /// Whether the parts name any actor that [`Parts::base_actors`] or
    /// [`Parts::people_side_by_side`] give: most things ("the talks", "missiles") name none,
    /// and need no span worked out for them.
    fn names_modifiers(&self) -> bool {
        !self.bases.is_empty() || !self.earlier_people.is_empty()
    }

    /// The unknown name of the actor, if the parts give one.
    fn name(&self) -> Option<String> {
        (!self.name.is_empty()).then(|| self.name.clone())
    }

    /// The people of a phrase naming two or more side by side, as actors.
    fn people_side_by_side(&self, span: (usize, usize)) -> Vec<Actor> {
        if self.earlier_people.is_empty() {
            return Vec::new();
        }
        self.earlier_people
            .iter()
            .chain(&self.person)
            .map(|(code, name)| Actor {
                code: code.clone(),
                name: Some(name.clone()),
                span,
                via: Via::Direct,
            })
            .collect()
    }

    /// One actor per country, seat or organisation named, a seat standing for its government.
    fn base_actors(&self, span: (usize, usize)) -> Vec<Actor> {
        self.bases
            .iter()
            .map(|(code, seat)| Actor {
                code: if *seat {
                    code.with_sectors(&[Sector::GOV])
                } else {
                    code.clone()
                },
                name: None,
                span,
                via: Via::Direct,
            })
            .collect()
    }
}

/// Rebels, insurgents and other armed groups outside a state's forces.
fn is_armed_group(code: &ActorCode) -> bool {
    code.sectors().any(is_armed_sector)
}

fn is_armed_sector(sector: Sector) -> bool {
    matches!(sector, Sector::REB | Sector::UAF | Sector::INS)
}

struct Builder<'a, 'b> {
    doc: &'b DocInput<'a>,
    tokens: &'a [Token],
    /// Per token (absolute index), the range of mentions overlapping it.
    mention_of: Vec<Range<usize>>,
    first_token: usize,
    /// The first country the sentence names, else the country of its first organisation
    /// that has one ("Taliban fighters clashed with government forces": Afghanistan's).
    sentence_country: Option<ActorCode>,
    /// The country of the first place the sentence says it happens in ("in Benghazi", "near
    /// the Syrian border").
    sentence_place: Option<ActorCode>,
}

impl<'a, 'b> Builder<'a, 'b> {
    /// Whether roles said of an actor with this code leave the code as it is: an
    /// organisation's, or one naming a single body ("Hamas gunmen" are PSEREBHMS). PETRARCH's
    /// conventions append agents to any code but an organisation's ("activists of Gonzo GMO"
    /// are GONGMOOPP).
    fn keeps_code(&self, code: &ActorCode) -> bool {
        match self.doc.conventions {
            Conventions::Kestrel => code.names_body(),
            Conventions::Petrarch => code.is_group(),
        }
    }

    /// The builder of `sentence`, its mention ranges written into `mention_of` (cleared first).
    fn new(doc: &'b DocInput<'a>, sentence: &SentenceSpan, mut mention_of: Vec<Range<usize>>) -> Self {
        let range = sentence.tokens.start as usize..sentence.tokens.end as usize;
        let tokens = &doc.analysis.tokens[..];
        mention_of.clear();
        mention_of.reserve(range.len());
        let mut m = doc
            .mentions
            .partition_point(|m| m.end <= tokens.get(range.start).map_or(0, |t| t.start as usize));
        for t in &tokens[range.clone()] {
            while m < doc.mentions.len() && doc.mentions[m].end <= t.start as usize {
                m += 1;
            }
            let mut e = m;
            while e < doc.mentions.len() && (doc.mentions[e].start) < t.end as usize {
                e += 1;
            }
            mention_of.push(m..e);
        }
        // The mentions overlapping the sentence, in order: the tokens' ranges run on from one
        // another, so they make up one run of the document's mentions.
        let sentence_mentions = mention_of
            .first()
            .zip(mention_of.last())
            .and_then(|(first, last)| doc.mentions.get(first.start..last.end))
            .unwrap_or(&[]);
        let country_id = |m: &Mention| match m.entry {
            Entry::Country(id) | Entry::Demonym(id) | Entry::Seat(id) if !names_base(doc.text.as_bytes(), m.end) => {
                Some(id)
            }
            _ => None,
        };
        // The token a mention starts at, if it starts at one (not after a hyphen inside one).
        let token_at = |start: usize| {
            let t = range.start + tokens[range.clone()].partition_point(|t| (t.start as usize) < start);
            (t < range.end && tokens[t].start as usize == start).then_some(t)
        };
        let sentence_place = sentence_mentions
            .iter()
            .find_map(|m| match m.entry {
                Entry::Country(id) | Entry::Seat(id) => {
                    let t = token_at(m.start)?;
                    locative_before(doc, range.start, t).then_some(id)
                }
                _ => None,
            })
            .and_then(|id| doc.kb.code(id).country_code());
        let sentence_country = sentence_mentions
            .iter()
            .find_map(country_id)
            .map(|id| doc.kb.code(id).clone())
            .or_else(|| {
                sentence_mentions.iter().find_map(|m| match m.entry {
                    Entry::Org(id) => doc.kb.code(id).country_code(),
                    _ => None,
                })
            });
        Builder {
            doc,
            tokens,
            mention_of,
            first_token: range.start,
            sentence_country,
            sentence_place,
        }
    }

    /// The countries, demonyms, seats and organisations the sentence names before token `tok`,
    /// in order: those that may own what "its" or "their" opens.
    fn owners_before(&self, tok: usize) -> impl Iterator<Item = &'a ActorCode> + Clone + use<'a> {
        let kb = self.doc.kb;
        self.mentions_in(self.first_token..tok)
            .iter()
            .filter_map(move |m| owner_code(kb, m))
    }

    /// The first owner named before token `tok`: "its forces", "their fighters" belong to it.
    fn owner_before(&self, tok: usize) -> Option<&'a ActorCode> {
        self.owners_before(tok).next()
    }

    /// The owner of "its airspace", "their positions": the first owner named before token
    /// `tok`, other than the last one when that one acts on the holding, a verb other than a
    /// reporting one lying between them ("Pakistan said Indian jets violated its airspace",
    /// "Israel said Hezbollah fired at its positions"). A speaker owns what it reports on
    /// ("the Kurdish militia said its positions were shelled"); with one owner named and
    /// acting there is none: "Russian jets violated its airspace" is not Russia's.
    fn holding_owner(&self, tok: usize) -> Option<&'a ActorCode> {
        let mut owners = self.owners_before(tok);
        let kb = self.doc.kb;
        let last_named = (self.first_token..tok)
            .rev()
            .find(|&t| self.mentions(t).iter().any(|m| owner_code(kb, m).is_some()))?;
        let acts = (last_named + 1..tok).any(|t| self.tag(t).is_verb() && !kestrel_text::takes_clause(self.lower(t)));
        if !acts {
            return owners.next();
        }
        let actor = owners.clone().last()?;
        owners.find(|c| c.base() != actor.base())
    }

    /// Whether the phrase `toks` is the speaker of a reporting clause closing the sentence:
    /// after a comma, before a reporting verb in the past or "-s" form with no other verb
    /// after it ("..., the army said.", "..., the ministry said in a statement.").
    fn is_trailing_speaker(&self, toks: &Range<usize>) -> bool {
        let end = self.first_token + self.mention_of.len();
        toks.start > self.first_token
            && self.tag(toks.start - 1) == Tag::Comma
            && toks.end < end
            && matches!(self.tag(toks.end), Tag::VBD | Tag::VBZ)
            && kestrel_text::takes_clause(self.lower(toks.end))
            && (toks.end + 1..end).all(|t| !self.tag(t).is_verb())
    }

    fn mentions(&self, tok: usize) -> &'a [Mention] {
        let r = &self.mention_of[tok - self.first_token];
        &self.doc.mentions[r.clone()]
    }

    /// The mentions overlapping tokens `toks`, each once and in order: the tokens' ranges run
    /// on from one another, so they make up one run of the document's mentions.
    fn mentions_in(&self, toks: Range<usize>) -> &'a [Mention] {
        if toks.is_empty() {
            return &[];
        }
        let first = &self.mention_of[toks.start - self.first_token];
        let last = &self.mention_of[toks.end - 1 - self.first_token];
        self.doc.mentions.get(first.start..last.end).unwrap_or(&[])
    }

    fn word(&self, tok: usize) -> &'a str {
        self.tokens[tok].text(self.doc.text)
    }

    fn lower(&self, tok: usize) -> &'a str {
        self.doc.analysis.lower_of(&self.tokens[tok])
    }

    /// Whether token `tok`, lower-cased, is `word`: the length is compared before the text is
    /// sliced out, which settles most tokens.
    fn lower_is(&self, tok: usize, word: &str) -> bool {
        let t = &self.tokens[tok];
        (t.end - t.start) as usize == word.len() && self.lower(tok) == word
    }

    fn tag(&self, tok: usize) -> Tag {
        self.tokens[tok].tag
    }

    fn span(&self, toks: Range<usize>) -> (usize, usize) {
        // Leading determiners are not part of the actor's name.
        let mut s = toks.start;
        while s + 1 < toks.end && matches!(self.tag(s), Tag::DT | Tag::PDT) {
            s += 1;
        }
        let mut e = toks.end;
        while e > s + 1 && self.tag(e - 1) == Tag::POS {
            e -= 1;
        }
        (self.tokens[s].start as usize, self.tokens[e - 1].end as usize)
    }

    /// Tokens `start..` forming one nominal run (mention tokens always count as nominal).
    fn nominal_run(&self, start: usize, end: usize) -> usize {
        // Most tokens open no run (verbs, prepositions, punctuation): only a nominal word, a
        // mention, a currency sign or a participle passes the tests below as a run's first
        // token, and the rest are settled here without them.
        let opens = |tag: Tag| is_nominal(tag) || matches!(tag, Tag::SYM | Tag::VBN | Tag::VBG | Tag::VBD);
        if start >= end || (!opens(self.tag(start)) && self.mentions(start).is_empty()) {
            return start;
        }
        if let Some(noun) = self.noun_after_date(start, end) {
            return noun;
        }
        let mut i = start;
        while i < end {
            let tag = self.tag(i);
            let in_mention = !self.mentions(i).is_empty();
            // The noun it modifies may come after adjectives ("improved economic relations").
            let noun_follows = || {
                (i + 1..end)
                    .find(|&k| self.tag(k) != Tag::JJ)
                    .is_some_and(|k| is_noun(self.tag(k)))
            };
            let participle_adjective = || {
                matches!(tag, Tag::VBN | Tag::VBG | Tag::VBD)
                    && noun_follows()
                    && ((i > start && matches!(self.tag(i - 1), Tag::DT | Tag::JJ | Tag::PRPS | Tag::POS | Tag::CD))
                    // "release detained nationals": a past participle right after a verb that is
                    // not an auxiliary (a gerund there is a complement: "continue supporting")
                    || (i == start && i > 0 && tag != Tag::VBG && is_main_verb_before(self, i))
                    // ", pledging continued support"
                    || (i == start && i > 0 && tag == Tag::VBN && self.tag(i - 1) == Tag::VBG))
            };
            // A word right after a possessive is its head noun whatever the tagger said
            // ("North Korea's launch of a missile").
            let possessed =
                || i > start && self.tag(i - 1) == Tag::POS && matches!(tag, Tag::VB | Tag::VBP | Tag::VBZ | Tag::VBD);
            // "complete, full diplomatic ties": a comma between two plain adjectives
            // coordinates them inside one phrase (not a list of actors named by demonyms).
            // "awful and evil minister" likewise with "and" or "or", and so does "and" between
            // two plain nouns modifying a third ("the death and injury toll").
            let and_or = tag == Tag::CC && matches!(self.lower(i), "and" | "or");
            let plain = |k: usize| self.mentions(k).is_empty();
            let modifier_nouns = || {
                and_or
                    && i > start
                    && i + 2 < end
                    && self.tag(i - 1) == Tag::NN
                    && self.tag(i + 1) == Tag::NN
                    && matches!(self.tag(i + 2), Tag::NN | Tag::NNS)
                    && plain(i + 2)
            };
            let coordinating = || {
                (tag == Tag::Comma || and_or)
                    && i > start
                    && i + 1 < end
                    && ((self.tag(i - 1) == Tag::JJ && self.tag(i + 1) == Tag::JJ) || modifier_nouns())
                    && plain(i - 1)
                    && plain(i + 1)
            };
            // "its sixth and most powerful nuclear test", "a new and massive attack": "and"
            // or "or" after a plain adjective, before graded adjectives of the same noun.
            let coordinating_graded = || {
                and_or
                    && i > start
                    && matches!(self.tag(i - 1), Tag::JJ | Tag::JJR | Tag::JJS)
                    && plain(i - 1)
                    && self.adjectives_then_noun(i + 1, end)
            };
            // "its most powerful nuclear test", "far larger drills": an adverb grading the
            // adjectives of the phrase's noun.
            let degree_adverb = || {
                matches!(tag, Tag::RB | Tag::RBR | Tag::RBS)
                    && i > start
                    && !in_mention
                    && self.adjectives_then_noun(i + 1, end)
            };
            // "a new $425 million aid package": a currency sign before its amount; "100%
            // tariffs": a percent sign after one.
            let currency = || {
                tag == Tag::SYM
                    && ((i + 1 < end && self.tag(i + 1) == Tag::CD)
                        || (i > start && self.tag(i - 1) == Tag::CD && self.lower(i) == "%"))
            };
            // "held joint drills last month": a temporal expression after the head noun ends
            // the phrase. Checked only where one can start, an adjective right after a noun.
            if tag == Tag::JJ && i > start && is_noun(self.tag(i - 1)) && !in_mention && self.starts_date(i, end) {
                break;
            }
            // "a charge Baku denied.", "an accusation Moscow rejected": a name after a common
            // noun, whose verb closes the clause with no object, is the subject of a relative
            // clause on that noun, not its name.
            if in_mention
                && tag == Tag::NNP
                && i > start
                && matches!(self.tag(i - 1), Tag::NN | Tag::NNS)
                && plain(i - 1)
            {
                let name_end = (i..end).find(|&k| self.mentions(k).is_empty()).unwrap_or(end);
                let verb = name_end < end && matches!(self.tag(name_end), Tag::VBD | Tag::VBZ | Tag::VBP);
                let closes = || {
                    name_end + 1 == end
                        || matches!(
                            self.tag(name_end + 1),
                            Tag::Comma | Tag::Period | Tag::Colon | Tag::Dash
                        )
                };
                if verb && closes() {
                    break;
                }
            }
            // "a \"terrorist state\"", "the North's \"primary foe\"": a quote opening after a
            // determiner or a possessive is inside the phrase.
            let quoted = || {
                tag == Tag::Quote
                    && i > start
                    && matches!(self.tag(i - 1), Tag::DT | Tag::PRPS | Tag::POS)
                    && i + 1 < end
                    && is_nominal(self.tag(i + 1))
            };
            // Most tokens of a run are nominal: the other tests are made only for the rest.
            if is_nominal(tag)
                || in_mention
                || currency()
                || degree_adverb()
                || participle_adjective()
                || possessed()
                || coordinating()
                || coordinating_graded()
                || quoted()
            {
                // A determiner or possessive pronoun starts a new phrase unless it follows a
                // possessive ("Russia's the" never happens; "its" after a noun does), also when
                // it opens a name ("called South Korea the North's foe").
                let opens_mention = || {
                    self.mentions(i)
                        .first()
                        .is_some_and(|m| m.start == self.tokens[i].start as usize)
                };
                if i > start
                    && matches!(tag, Tag::DT | Tag::PDT | Tag::PRPS)
                    && (!in_mention || opens_mention())
                    && self.tag(i - 1) != Tag::POS
                {
                    break;
                }
                i += 1;
            } else {
                break;
            }
        }
        i
    }

    /// A temporal expression ("last month", "next week") starts at token `i`, within `..end`.
    fn starts_date(&self, i: usize, end: usize) -> bool {
        self.date_end(i, end).is_some()
    }

    /// The token after a temporal expression starting at token `i` and lasting at most three
    /// tokens, within `..end`.
    fn date_end(&self, i: usize, end: usize) -> Option<usize> {
        let last = (i + 3).min(end) - 1;
        let from = self.tokens[i].start as usize;
        let length = kestrel_dates::leading_date(self.doc.text.get(from..self.tokens[last].end as usize)?)?;
        (i..=last)
            .find(|&k| self.tokens[k].end as usize >= from + length)
            .map(|k| k + 1)
    }

    /// "said on Tuesday Juan Perez had ...", "said last Wednesday police had ...": a date
    /// opening a run ends before the noun after it, which starts a phrase of its own.
    fn noun_after_date(&self, start: usize, end: usize) -> Option<usize> {
        let may_open_date =
            matches!(self.tag(start), Tag::NNP | Tag::JJ) && start + 1 < end && is_noun(self.tag(start + 1));
        if !may_open_date {
            return None;
        }
        self.date_end(start, end).filter(|&k| k < end && is_noun(self.tag(k)))
    }

    /// Tokens `from..` are adjectives (and degree adverbs: "most powerful") outside any
    /// mention, followed by a common noun.
    fn adjectives_then_noun(&self, from: usize, end: usize) -> bool {
        let mut k = from;
        while k < end && self.mentions(k).is_empty() {
            match self.tag(k) {
                Tag::JJ | Tag::JJR | Tag::JJS | Tag::RBS | Tag::RBR => k += 1,
                Tag::NN | Tag::NNS => return k > from,
                _ => return false,
            }
        }
        false
    }

    /// The parts of the phrase `toks`, into `parts` (cleared first).
    fn collect_parts(&self, toks: Range<usize>, ctx: &DocContext, parts: &mut Parts<'a>) {
        parts.clear();
        let mut last_mention: Option<Mention> = None;
        let mut after_title = false;
        // Whether the token before is part of a seat of government ("Kabul" in "a Kabul hotel").
        let mut after_seat = false;
        for i in toks.clone() {
            let ms = self.mentions(i);
            let follows_seat = std::mem::replace(&mut after_seat, false);
            if ms.is_empty() {
                let tag = self.tag(i);
                // "a Kabul hotel", "the Beijing Olympics": a capital naming where a thing is
                // stands for its country, not for the government seated there.
                if follows_seat && matches!(tag, Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS) {
                    if let Some(base) = parts.bases.last_mut() {
                        base.1 = false;
                    }
                }
                if matches!(tag, Tag::NNP | Tag::NNPS) && self.tokens[i].is_capitalized(self.doc.text) {
                    // A capitalised word outside the knowledge base: a name after a title, or a
                    // surname already introduced.
                    if !after_title && parts.name.is_empty() {
                        if let Some(actor) = ctx.by_surname(self.word(i)) {
                            parts.person = Some((actor.code.clone(), actor.name.clone().unwrap_or_default()));
                            parts.head_is_actor = true;
                            continue;
                        }
                    }
                    if !parts.name.is_empty() {
                        parts.name.push(' ');
                    }
                    parts.name.push_str(self.word(i));
                } else if is_noun(tag) {
                    parts.name.clear();
                    parts.head_is_actor = false;
                }
                continue;
            }
            for m in ms {
                after_seat |= matches!(m.entry, Entry::Seat(_));
                if last_mention == Some(*m) {
                    continue;
                }
                last_mention = Some(*m);
                let kb = self.doc.kb;
                match m.entry {
                    Entry::Country(id) | Entry::Demonym(id) => {
                        parts.bases.push((kb.code(id).clone(), false));
                        after_title = true;
                        parts.head_is_actor = !matches!(m.entry, Entry::Demonym(_)) || self.is_plural_demonym(m, i);
                    }
                    Entry::Backref(id) => {
                        if kb.backref_holds(id, &ctx.countries) {
                            parts.bases.push((kb.code(id).clone(), false));
                            parts.head_is_actor = true;
                        }
                    }
                    Entry::Seat(id) => {
                        parts.bases.push((kb.code(id).clone(), true));
                        parts.head_is_actor = true;
                        after_title = true;
                    }
                    Entry::Several(id) => {
                        parts.bases.extend(kb.several(id).iter().map(|c| (c.clone(), false)));
                        parts.head_is_actor = true;
                        after_title = true;
                    }
                    Entry::Org(id) => {
                        parts.bases.push((kb.code(id).clone(), false));
                        parts.head_is_actor = true;
                        after_title = true;
                    }
                    Entry::Role(id) => {
                        let role = kb.role(id);
                        for s in &role.sectors {
                            if !parts.sectors.contains(s) {
                                parts.sectors.push(*s);
                            }
                        }
                        parts.roles.push(&role.label);
                        parts.local_role |= role.local;
                        parts.collective_role = role.collective;
                        parts.owned_role = role.owned;
                        parts.companion_role = role.companion;
                        if role.prefix.is_some() {
                            parts.prefix.clone_from(&role.prefix);
                        }
                        if role.kind == RoleKind::Person || parts.person_role.is_none() {
                            parts.person_role = Some(role.kind);
                        }
                        parts.head_is_actor = true;
                        after_title = true;
                        parts.name.clear();
                    }
                    Entry::Person(id) => {
                        let person = kb.person(id);
                        let code = match person.role_on(self.doc.date) {
                            Some(r) => r.code.clone(),
                            None => former_code(person, self.doc.date),
                        };
                        let code = self.titled(code, toks.start..i);
                        if let Some(earlier) = parts.person.replace((code, person.name.clone())) {
                            if earlier.1 != person.name {
                                parts.earlier_people.push(earlier);
                            }
                        }
                        parts.head_is_actor = true;
                        parts.name.clear();
                    }
                }
            }
        }
        if parts.person.is_none() && !parts.name.is_empty() && (after_title || !parts.roles.is_empty()) {
            parts.head_is_actor = true;
        } else {
            parts.name.clear();
        }
        parts.drop_enclosing_bases();
    }

    /// "opposition leader Morgan Tsvangirai", "President Donald Trump": the title written
    /// before a known person (the person roles in `before`) says what they were in the events
    /// told where their dated roles say nothing of the date (a story looking back) or
    /// something else altogether (a role the knowledge base lacks). A title that agrees in
    /// part ("Defence Minister" of a government member) adds nothing; a "former" title says
    /// nothing of then; a code naming a body ("Hamas") keeps it.
    fn titled(&self, code: ActorCode, before: Range<usize>) -> ActorCode {
        let Some(country) = code.country_code().filter(|_| !code.names_body()) else {
            return code;
        };
        let mut title: Vec<Sector> = Vec::new();
        for m in self.mentions_in(before.clone()) {
            // "the Tamil Tiger leader Velupillai Prabhakaran": a title held in a movement
            // outside the state is no office of the state's.
            if let Entry::Org(id) = m.entry {
                if self.doc.kb.code(id).is_outside_state() {
                    return code;
                }
            }
            if let Entry::Role(id) = m.entry {
                let role = self.doc.kb.role(id);
                if role.kind == RoleKind::Person {
                    for s in &role.sectors {
                        if !title.contains(s) {
                            title.push(*s);
                        }
                    }
                }
            }
        }
        let former = before.clone().any(|k| {
            let word = self.lower(k);
            word == "former" || word == "ex" || word.starts_with("ex-")
        });
        let agrees = code.sectors().any(|s| title.contains(&s));
        if title.is_empty() || former || agrees {
            return code;
        }
        country.with_sectors(&title)
    }

    /// "Russians" names people; "Russian" modifies what follows unless it ends the phrase.
    fn is_plural_demonym(&self, m: &Mention, tok: usize) -> bool {
        let word = &self.doc.text[m.start..m.end];
        word.ends_with('s') || self.next_is_phrase_end(tok)
    }

    fn next_is_phrase_end(&self, tok: usize) -> bool {
        self.tokens
            .get(tok + 1)
            .is_none_or(|t| !is_nominal(t.tag) || t.tag == Tag::POS)
    }

    /// "the two leaders", "both ministers": a group role of no country, counted as two, refers
    /// back to the last two people named with different codes.
    fn the_two(&self, toks: Range<usize>, parts: &Parts<'_>, ctx: &DocContext) -> Option<Vec<Actor>> {
        let counted_two = toks.len() >= 2
            && match self.lower(toks.start) {
                "both" => true,
                "the" => toks.len() >= 3 && self.lower(toks.start + 1) == "two",
                _ => false,
            };
        let bare_group = parts.person_role == Some(RoleKind::Group)
            && parts.bases.is_empty()
            && parts.person.is_none()
            && parts.prefix.is_none();
        if !counted_two || !bare_group {
            return None;
        }
        let span = self.span(toks);
        let mut pair: Vec<Actor> = Vec::with_capacity(2);
        for (a, _) in ctx.people.iter().rev() {
            if pair.iter().all(|p| p.code != a.code) {
                pair.push(Actor {
                    span,
                    via: Via::Reference,
                    ..a.clone()
                });
            }
            if pair.len() == 2 {
                return Some(pair);
            }
        }
        None
    }

    /// "the group", "the militant group", "the Palestinian movement": a definite collective
    /// with no name of its own refers back to the organisation last named, of the country a
    /// demonym in it names, and armed if its role is.
    fn collective_reference(&self, toks: &Range<usize>, parts: &Parts<'_>, ctx: &DocContext) -> Option<Actor> {
        // Every phrase comes here: the role flag rules out nearly all of them before any scan.
        if !parts.collective_role || parts.prefix.is_some() || !matches!(self.lower(toks.start), "the" | "this") {
            return None;
        }
        let plain_role = parts.sectors.iter().all(|s| is_armed_sector(*s) || *s == Sector::RAD);
        let unknown_name = || {
            (toks.start + 1..toks.end).any(|t| {
                self.tokens[t].is_capitalized(self.doc.text) && self.mention_of[t - self.first_token].is_empty()
            })
        };
        if !plain_role || unknown_name() {
            return None;
        }
        let country = match parts.bases.as_slice() {
            [] => None,
            [(code, false)] if code.country().is_some() && code.sectors().next().is_none() => code.country(),
            _ => return None,
        };
        let armed = parts.sectors.iter().any(|s| is_armed_sector(*s));
        ctx.organization_for(country, armed).map(|org| Actor {
            code: org.clone(),
            name: None,
            span: self.span(toks.clone()),
            via: Via::Reference,
        })
    }

    /// Assemble one actor from a phrase's parts, or use a back-reference.
    fn actor(&self, toks: Range<usize>, parts: &Parts<'_>, ctx: &DocContext) -> Option<Actor> {
        let span = self.span(toks.clone());
        if let Some((code, name)) = &parts.person {
            return Some(Actor {
                code: code.clone(),
                name: Some(name.clone()),
                span,
                via: Via::Direct,
            });
        }
        if let Some(org) = self.collective_reference(&toks, parts, ctx) {
            return Some(org);
        }
        if let Some((base, seat)) = parts.bases.last() {
            // A seat stands for the government only when nothing else says who acts: a
            // "Moscow court" is RUSJUD, "Tehran police" IRNCOP, and "Kremlin critics" oppose
            // the government seated there.
            let seat_government = (*seat && parts.sectors.is_empty()).then_some(Sector::GOV);
            // An armed group's gunmen, fighters and forces are the group itself ("Taliban
            // gunmen", "Hezbollah forces" are AFGREB, LBNREB); its leader is of the group, not
            // of a government, as `ActorCode::with_sectors` has it.
            let armed = is_armed_group(base);
            let sectors = seat_government
                .iter()
                .chain(&parts.sectors)
                .filter(|s| !(armed && (is_armed_sector(**s) || **s == Sector::MIL)));
            let code = if self.keeps_code(base) {
                base.clone()
            } else {
                base.with_sectors(sectors)
            };
            let code = match &parts.prefix {
                Some(prefix) => code.after_prefix(prefix),
                None => code,
            };
            return Some(Actor {
                code,
                name: parts.name(),
                span,
                via: if *seat && parts.sectors.is_empty() && parts.prefix.is_none() {
                    Via::Seat
                } else {
                    Via::Direct
                },
            });
        }
        // "MSF" alone: the prefix is the actor.
        if let Some(prefix) = &parts.prefix {
            return Some(Actor {
                code: prefix.with_sectors(&parts.sectors),
                name: parts.name(),
                span,
                via: Via::Direct,
            });
        }
        // A role without a country: "the spokesperson" refers back to a named person.
        if parts.person_role == Some(RoleKind::Person) {
            let definite = matches!(self.lower(toks.start), "the" | "this" | "that");
            if definite {
                if let Some(a) = parts.roles.iter().rev().find_map(|r| ctx.by_role(r)) {
                    return Some(Actor {
                        span,
                        via: Via::Reference,
                        ..a.clone()
                    });
                }
            }
            if parts.sectors.is_empty() {
                // "Indonesian police arrested three militants, a spokesman said": an unnamed
                // speaker reporting the sentence's news speaks for the country it opens with.
                let reporting = self
                    .sentence_country
                    .as_ref()
                    .filter(|_| self.is_trailing_speaker(&toks));
                return reporting.map(|c| Actor {
                    code: c.clone(),
                    name: parts.name(),
                    span,
                    via: Via::Reference,
                });
            }
        }
        // "the government", "militants": the country the story is about so far, else the
        // first one this sentence names. "its forces", "their fighters" usually belong to the
        // sentence's first-named country or organisation.
        let possessive_pronoun = self.tag(toks.start) == Tag::PRPS;
        // With no country or body in the phrase, a machine without its owner ("hijacked
        // planes") and companions ("allies") name no one.
        if (parts.owned_role && !possessive_pronoun) || parts.companion_role {
            return None;
        }
        let owner = if self.doc.conventions == Conventions::Petrarch {
            None
        } else if possessive_pronoun {
            self.owner_before(toks.start)
                .or(ctx.countries.last())
                .or(self.sentence_country.as_ref())
        } else {
            // The country last named with the same role comes first ("Israeli forces arrested
            // 15 Palestinians, the army said"), then the last country named.
            // Unnamed militants, police and opposition are usually local: where the sentence
            // happens says more about them than a country named as their target ("militants
            // stormed the U.S. consulate in Benghazi", "opposition supporters marched through
            // Nairobi"), and so are the people something happens to ("killed 20 people at a
            // wedding in Yemen"). Captives and travellers are not: hostages "in Gaza" are
            // Israelis (roles.tsv marks which roles are local).
            let local = parts.local_role
                || parts
                    .sectors
                    .iter()
                    .any(|s| matches!(*s, Sector::REB | Sector::UAF | Sector::INS | Sector::COP | Sector::OPP));
            let place = self.sentence_place.as_ref().filter(|_| local);
            // "Egypt summoned Ethiopia's ambassador, the foreign ministry said": a speaker
            // reporting the sentence's news speaks for the country it opens with, even when
            // the role was last named for another ("Ethiopia's ambassador"). A governor or
            // mayor speaks for the place attacked ("Russian drones attacked Odesa, the
            // regional governor said"), and an army as often for the side attacked: for
            // forces the same role named earlier still comes first.
            let reporting = self
                .sentence_country
                .as_ref()
                .filter(|_| !local && self.is_trailing_speaker(&toks));
            let same_role = ctx.by_sector(&parts.sectors);
            let military = parts.sectors.contains(&Sector::MIL);
            let (first, second) = if military {
                (same_role, reporting)
            } else {
                (reporting, same_role)
            };
            // A role marked local in the data takes the place before the last country named;
            // unnamed fighters and police named after a country seldom belong to the place
            // their shots were aimed "at" ("militants fired rockets at Sderot").
            let (near, far) = if parts.local_role {
                (place, ctx.countries.last())
            } else {
                (ctx.countries.last(), place)
            };
            first.or(second).or(near).or(far).or(self.sentence_country.as_ref())
        };
        let code = match owner {
            Some(c) if self.keeps_code(c) => Some(c.clone()),
            Some(c) if !parts.sectors.is_empty() => Some(c.with_sectors(&parts.sectors)),
            _ => ActorCode::from_sectors(&parts.sectors),
        };
        code.map(|code| Actor {
            code,
            name: parts.name(),
            span,
            via: if owner.is_some() { Via::Reference } else { Via::Direct },
        })
    }
}

/// Whether token `t` starts a place phrase: a locative preposition ("in", "near", "outside")
/// stands before it, past a determiner and adjectives ("in northern Mali", "near the Syrian
/// border").
fn locative_before(doc: &DocInput, sentence_start: usize, t: usize) -> bool {
    let tokens = &doc.analysis.tokens;
    let mut k = t;
    while k > sentence_start {
        k -= 1;
        match tokens[k].tag {
            Tag::DT | Tag::JJ => continue,
            // "in northwest Pakistan": a compass point the tagger reads as an adverb.
            Tag::RB if is_compass_point(doc.analysis.lower_of(&tokens[k])) => continue,
            Tag::IN => {
                return matches!(
                    doc.analysis.lower_of(&tokens[k]),
                    "in" | "near" | "outside" | "across" | "inside" | "at" | "through" | "over"
                )
            }
            _ => return false,
        }
    }
    false
}

fn is_compass_point(word: &str) -> bool {
    matches!(
        word,
        "north" | "south" | "east" | "west" | "northeast" | "northwest" | "southeast" | "southwest"
    )
}

/// The token before `i` is a verb other than an auxiliary ("release detained ...", not "has
/// detained ...").
fn is_main_verb_before(b: &Builder, i: usize) -> bool {
    let prev = i - 1;
    matches!(b.tag(prev), Tag::VB | Tag::VBP | Tag::VBZ | Tag::VBD)
        && !matches!(
            b.lower(prev),
            "has"
                | "have"
                | "had"
                | "was"
                | "were"
                | "is"
                | "are"
                | "be"
                | "am"
                | "get"
                | "got"
                | "gets"
                | "did"
                | "does"
                | "do"
        )
}

/// The code of someone outside any dated role: their country, as an elite (ELI).
fn former_code(person: &crate::kb::Person, date: Option<CivilDate>) -> ActorCode {
    let role = match date {
        Some(d) => person.nearest_role(d),
        None => person.roles.first(),
    };
    let base = role.map(|r| r.code.base().to_string()).unwrap_or_default();
    match ActorCode::parse(&base) {
        Some(c) if c.is_group() => c,
        Some(c) => c.with_sectors(&[Sector::ELI]),
        None => ActorCode::parse("ELI").expect("ELI is a valid code"),
    }
}

/// Whether [`resolve_sentence`] can find an actor in `sentence`: some knowledge-base mention
/// overlaps its body, or, once the document has named a person, it has a pronoun for a person
/// ("he", "him", ...) or a capitalised name that may be the surname of a person named earlier.
/// (A sentence without a mention names no one itself, so before the document has named
/// anyone its pronouns refer to no one.) When it cannot, resolving the sentence finds no actor
/// and leaves `ctx` as it was, and no event can be coded from it (every event needs an actor),
/// so a caller may skip the sentence: most sentences of news name no one, and this check is
/// a fraction of the cost of resolving them.
pub fn may_name_actors(doc: &DocInput, sentence: &SentenceSpan, ctx: &DocContext) -> bool {
    let tokens = doc
        .analysis
        .tokens
        .get(sentence.body_start as usize..sentence.tokens.end as usize)
        .unwrap_or(&[]);
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return false;
    };
    // Mentions are sorted by start and do not overlap, so their ends are sorted too.
    let after_start = doc.mentions.partition_point(|m| m.end <= first.start as usize);
    if doc
        .mentions
        .get(after_start)
        .is_some_and(|m| m.start < last.end as usize)
    {
        return true;
    }
    if !ctx.names_someone() {
        return false;
    }
    tokens.iter().any(|t| match t.tag {
        Tag::PRP => is_person_pronoun(doc.analysis.lower_of(t)),
        Tag::NNP | Tag::NNPS => t.is_capitalized(doc.text) && ctx.by_surname(t.text(doc.text)).is_some(),
        _ => false,
    })
}

/// The pronouns `resolve_sentence` resolves to a person; `may_name_actors` must let
/// through every sentence holding one.
fn is_person_pronoun(lower: &str) -> bool {
    matches!(lower, "he" | "she" | "him" | "her")
}

/// The lists [`resolve_sentence`] works in, kept from one sentence to the next so that they
/// are allocated once a document rather than once a sentence.
#[derive(Default)]
pub struct ResolveBuffers<'a> {
    /// The phrases of the sentence last resolved.
    phrases: Vec<NounPhrase>,
    /// The phrases joined, which then trade places with `phrases`.
    joined: Vec<NounPhrase>,
    /// Per token of the sentence, the range of mentions overlapping it ([`Builder`]).
    mention_of: Vec<Range<usize>>,
    /// The parts of the phrase being resolved.
    parts: Parts<'a>,
}

/// Resolve the noun phrases of one sentence, updating the document context; the phrases live
/// in `buffers` until the next sentence is resolved.
pub fn resolve_sentence<'r, 'a>(
    doc: &DocInput<'a>,
    sentence: &SentenceSpan,
    ctx: &mut DocContext,
    buffers: &'r mut ResolveBuffers<'a>,
) -> &'r [NounPhrase] {
    let b = Builder::new(doc, sentence, std::mem::take(&mut buffers.mention_of));
    let end = sentence.tokens.end as usize;
    let phrases = &mut buffers.phrases;
    phrases.clear();
    // Room for a phrase every other token: growing the list was a large share of the stage.
    phrases.reserve((end - sentence.body_start as usize).div_ceil(2));
    let parts = &mut buffers.parts;
    let mut i = sentence.body_start as usize;
    while i < end {
        let tag = b.tag(i);
        // "he"/"she": the first person named earlier in this sentence, else the leading
        // person of the sentence before, else the last person named.
        // "him"/"her" are rarely their own clause's subject: "Russia charged Gershkovich ...,
        // accusing him of spying" refers to the last person named in the sentence.
        // "it"/"them": [`neuter_referent`].
        let person = tag == Tag::PRP && is_person_pronoun(b.lower(i));
        let referent = if person {
            let mut named = phrases.iter().flat_map(|p| &p.actors).filter(|a| a.name.is_some());
            let in_sentence = if matches!(b.lower(i), "him" | "her") {
                named.next_back()
            } else {
                named.next()
            };
            in_sentence.or(ctx.leading_person.as_ref()).or(ctx.last_person())
        } else if tag == Tag::PRP && matches!(b.lower(i), "it" | "them") && i > sentence.body_start as usize {
            neuter_referent(&b, phrases, i, end)
        } else {
            None
        };
        if person || referent.is_some() {
            if let Some(a) = referent.cloned() {
                let span = (b.tokens[i].start as usize, b.tokens[i].end as usize);
                phrases.push(NounPhrase {
                    tokens: i..i + 1,
                    head: i,
                    actors: vec![Actor {
                        span,
                        via: Via::Reference,
                        ..a
                    }],
                    modifiers: Vec::new(),
                    possessive: false,
                });
            }
            i += 1;
            continue;
        }
        let run_end = b.nominal_run(i, end);
        if run_end == i {
            i += 1;
            continue;
        }
        // Split the run at possessives: "Russia's defence minister" is one actor, "Moscow's
        // pursuit" is a possessor actor and a thing.
        let mut seg_start = i;
        let mut possessors: Vec<Actor> = Vec::new();
        // The last possessor names no country of its own: a role whose country is a guess
        // from context ("a children's hospital in Kherson" is not the guessed country's).
        let mut possessor_guessed = false;
        for j in i..run_end {
            let last = j + 1 == run_end;
            if b.tag(j) == Tag::POS || last {
                let seg = seg_start..j + 1;
                b.collect_parts(seg.clone(), ctx, parts);
                let is_pos = b.tag(j) == Tag::POS;
                if is_pos {
                    if let Some(a) = b.actor(seg.clone(), parts, ctx) {
                        possessors.push(a);
                        possessor_guessed = parts.bases.is_empty() && parts.person.is_none() && parts.prefix.is_none();
                    }
                    seg_start = j + 1;
                    continue;
                }
                let head = j;
                // "Russia's defence minister": the possessor gives the country of a role.
                // PETRARCH codes a phrase by the first actor it names, so there the possessor
                // also outranks a country named after the role.
                let first_actor_wins = doc.conventions == Conventions::Petrarch && !parts.sectors.is_empty();
                if (parts.bases.is_empty() || first_actor_wins) && parts.person.is_none() && parts.head_is_actor {
                    // "Ukraine's allies" are other countries, unnamed: neither Ukraine nor
                    // Ukraine's ("Afghan allies" are Afghans).
                    if parts.companion_role && possessors.last().is_some_and(|p| p.code.country().is_some()) {
                        possessors.clear();
                    }
                    if let Some(p) = possessors.last().filter(|_| !possessor_guessed) {
                        // A body or an armed group keeps its whole code ("NATO's secretary
                        // general", "Hezbollah's leader"); of a country, a government or a
                        // person, the country is the base its role's sectors are added to
                        // ("Maduro's opponents" are VENOPP).
                        let owner = if p.code.names_body() || is_armed_group(&p.code) {
                            p.code.clone()
                        } else {
                            ActorCode::parse(p.code.base()).unwrap_or_else(|| p.code.clone())
                        };
                        parts.bases.clear();
                        parts.bases.push((owner, false));
                        possessors.pop();
                    }
                }
                let mut phrase = NounPhrase {
                    tokens: i..seg.end,
                    head,
                    actors: Vec::new(),
                    modifiers: std::mem::take(&mut possessors),
                    possessive: false,
                };
                if parts.head_is_actor {
                    if parts.bases.len() > 1 && parts.sectors.is_empty() && parts.person.is_none() {
                        // "the Russia-North Korea talks" style: several countries side by side.
                        phrase.actors = parts.base_actors(b.span(seg.clone()));
                    } else if let Some(pair) = b.the_two(seg.clone(), parts, ctx) {
                        phrase.actors = pair;
                    } else if let Some(a) = b.actor(seg.clone(), parts, ctx) {
                        phrase.actors.push(a);
                    }
                } else if doc.conventions == Conventions::Petrarch && !parts.bases.is_empty() {
                    // PETRARCH codes a thing by the actor named in it, roles included ("the
                    // Calenardhon government issue" is CALGOV).
                    phrase.modifiers.extend(b.actor(seg.clone(), parts, ctx));
                } else if parts.names_modifiers() {
                    // A thing modified by actors: "Russian missiles", "North Korean arms",
                    // "the Biden-Xi summit".
                    let span = b.span(seg.clone());
                    phrase.modifiers.extend(parts.base_actors(span));
                    phrase.modifiers.extend(parts.people_side_by_side(span));
                } else if b.tag(i) == Tag::PRPS && HOLDINGS.contains(&b.lower(head)) {
                    phrase.modifiers.extend(b.holding_owner(i).map(|code| Actor {
                        code: code.clone(),
                        name: None,
                        span: b.span(seg.clone()),
                        via: Via::Reference,
                    }));
                }
                remember(doc, &b, parts, &phrase, ctx);
                phrases.push(phrase);
                seg_start = j + 1;
            }
        }
        // A run ending in a possessive with nothing after it ("Russia's" before a verb form).
        if !possessors.is_empty() {
            let head = run_end - 1;
            phrases.push(NounPhrase {
                tokens: i..run_end,
                head,
                actors: Vec::new(),
                modifiers: possessors,
                possessive: true,
            });
        }
        i = run_end;
    }
    join_phrases(&b, phrases, &mut buffers.joined);
    if let Some(a) = phrases
        .iter()
        .flat_map(|p| &p.actors)
        .find(|a| a.name.is_some() && a.via == Via::Direct)
    {
        ctx.leading_person = Some(a.clone());
    }
    buffers.mention_of = b.mention_of;
    &buffers.phrases
}

/// Record what a phrase names for later back-references.
fn remember(doc: &DocInput, b: &Builder, parts: &Parts<'_>, phrase: &NounPhrase, ctx: &mut DocContext) {
    // Each mention once, though it may span several tokens: remembering a country moves it to
    // the end of the list, so remembering it again right away changes nothing.
    for m in b.mentions_in(phrase.tokens.clone()) {
        if names_base(doc.text.as_bytes(), m.end) {
            continue;
        }
        match m.entry {
            Entry::Country(id) | Entry::Demonym(id) | Entry::Seat(id) => ctx.remember_country(doc.kb.code(id)),
            Entry::Org(id) => ctx.remember_organization(doc.kb.code(id)),
            _ => {}
        }
    }
    for a in &phrase.actors {
        if a.via == Via::Direct {
            ctx.remember_sectors(&a.code);
        }
        let is_person = a.name.is_some() || parts.person_role == Some(RoleKind::Person);
        if is_person && a.via == Via::Direct {
            ctx.remember_person(a, parts.roles.iter().map(|r| r.to_string()).collect());
            // Before any country is named, a named person's country is the story's: "Rishi
            // Sunak criticised the government" is Britain's. Once countries are named, people
            // quoted from elsewhere do not move the story.
            if ctx.countries.is_empty() {
                if let Some(country) = a.code.country_code() {
                    ctx.remember_country(&country);
                }
            }
        }
    }
}

/// Join neighbouring phrases: compounds and lists joined by "and"/"or", appositions set off
/// by commas, and "X of Y" groups.
fn join_phrases(b: &Builder, phrases: &mut Vec<NounPhrase>, out: &mut Vec<NounPhrase>) {
    // The phrases are joined into `out`, which then trades places with them: both lists keep
    // their room for the next sentence.
    out.clear();
    out.reserve(phrases.len());
    let mut k = 0;
    while k < phrases.len() {
        // Moved out, not copied: later joins read only the tokens of a phrase already taken
        // (the gap before the next one), so those stay in place.
        let hollow = NounPhrase {
            tokens: phrases[k].tokens.clone(),
            head: phrases[k].head,
            actors: Vec::new(),
            modifiers: Vec::new(),
            possessive: phrases[k].possessive,
        };
        let mut cur = std::mem::replace(&mut phrases[k], hollow);
        k += 1;
        while let Some(next) = phrases.get(k) {
            let gap = cur.tokens.end..next.tokens.start;
            let gap_is = |words: &[&str]| tokens_are(b, gap.clone(), words);
            // "a delegation of Russian officials", "the president of Russia", "a spokesperson
            // for India's foreign ministry"
            // "soldiers from Gondor", "lawmakers in Kyiv": role nouns of no country take the
            // country they come from or sit in.
            // A country only guessed from context ("the ambassadors" take the sentence's first
            // country) gives way to the one the phrase names.
            let named_country =
                |a: &Actor| a.via != Via::Reference && (a.code.country().is_some() || a.code.is_group());
            // A possessive pronoun names the owner ("its troops in Syria" are not Syria's).
            let owned = b.tag(cur.tokens.start) == Tag::PRPS;
            let countryless_role =
                cur.is_actor() && !owned && cur.actors.iter().all(|a| a.name.is_none() && !named_country(a));
            // "inspectors from the IAEA", "a delegation from China": a role that adds no
            // sector belongs to the body it comes from, unless the phrase is a verb's object
            // or has an owner ("recalled its team from Doha": the place it leaves).
            let sent_from =
                gap_is(&["from"]) && !owned && (cur.tokens.start == 0 || !is_main_verb_before(b, cur.tokens.start));
            // "militants loyal to the Islamic State group", "fighters linked to al-Qaeda": a
            // role of no country belongs to the one it is loyal or tied to.
            // The tagger may leave the adjective inside the phrase ("militants loyal").
            let tie = |word: &str, prep: &str| {
                gap_is(&[word, prep]) || (gap_is(&[prep]) && b.lower(cur.tokens.end - 1) == word)
            };
            let tied_to =
                || tie("loyal", "to") || tie("linked", "to") || tie("affiliated", "with") || tie("allied", "with");
            let joins = gap_is(&["of"])
                || ((gap_is(&["for"]) || sent_from) && is_bare_role(b, &cur))
                || (countryless_role && (gap_is(&["from"]) || gap_is(&["in"]) || tied_to()));
            // PETRARCH codes a phrase by the actor named in it ("soldiers from Gondor wire").
            let coded_by_modifier;
            let next = if !next.is_actor()
                && b.doc.conventions == Conventions::Petrarch
                && next.modifiers.iter().any(named_country)
            {
                coded_by_modifier = NounPhrase {
                    actors: next.modifiers.clone(),
                    modifiers: Vec::new(),
                    ..next.clone()
                };
                &coded_by_modifier
            } else {
                next
            };
            // "allies of Ukraine" are other countries, unnamed; "allies of NATO" are NATO.
            let companions_of_country =
                || is_companion(b, &cur) && next.actors.iter().any(|a| a.code.country().is_some());
            if joins && next.is_actor() && !cur.possessive && !companions_of_country() {
                let cur_has_country = cur.actors.iter().any(named_country);
                if !cur_has_country && (cur.is_actor() || is_bare_role(b, &cur)) {
                    // "lawmakers and officials in Kyiv": each role of a compound goes with the
                    // place; a bare role ("a delegation of") adds none.
                    let mut roles: Vec<Vec<Sector>> = Vec::new();
                    for a in &cur.actors {
                        let sectors: Vec<Sector> = a.code.sectors().collect();
                        if !roles.contains(&sectors) {
                            roles.push(sectors);
                        }
                    }
                    if roles.is_empty() {
                        roles.push(Vec::new());
                    }
                    // "the ambassadors of France, Germany and Italy": the role goes to every
                    // member of a list.
                    let (next, after) = try_list(b, phrases, next, k).unwrap_or_else(|| (next.clone(), k + 1));
                    let start = b.tokens[cur.tokens.start].start as usize;
                    // "activists in Kinshasa", "lawmakers in Kyiv": a seat of government after
                    // "in" is where they are, not the government they belong to.
                    let located = gap_is(&["in"]);
                    cur.actors = roles
                        .iter()
                        .flat_map(|sectors| {
                            next.actors.iter().map(move |a| Actor {
                                code: if a.name.is_some() || b.keeps_code(&a.code) {
                                    a.code.clone()
                                } else if let Some(country) =
                                    a.code.country_code().filter(|_| located && a.via == Via::Seat)
                                {
                                    country.with_sectors(sectors)
                                } else {
                                    a.code.with_sectors(sectors)
                                },
                                span: (start, a.span.1),
                                // "people in Jerusalem" are people, not the seat standing for a
                                // government.
                                via: if a.via == Via::Seat { Via::Direct } else { a.via },
                                ..a.clone()
                            })
                        })
                        .collect();
                    let mut seen: Vec<ActorCode> = Vec::new();
                    cur.actors.retain(|a| {
                        let fresh = !seen.contains(&a.code);
                        if fresh {
                            seen.push(a.code.clone());
                        }
                        fresh
                    });
                    cur.tokens.end = next.tokens.end;
                    cur.head = next.head;
                    k = after;
                    continue;
                }
            }
            // Compounds and lists: "A and B", "A, B and C", "A, B, and C", "the North Korean and
            // Russian missions".
            if cur.is_actor() || is_bare_demonym(b, &cur) {
                if let Some((joined, used)) = try_list(b, phrases, &cur, k - 1) {
                    cur = joined;
                    k = used;
                    continue;
                }
            }
            // "The United States and its allies", "Iran and six world powers": companions
            // named after an actor add no one to it.
            if cur.is_actor() && gap_is(&["and"]) && !next.is_actor() && is_companion(b, next) {
                cur.tokens.end = next.tokens.end;
                k += 1;
                continue;
            }
            // Apposition: "Ivan Petrov, Russia's deputy foreign minister,".
            if gap_is(&[","]) && next.is_actor() && !cur.is_actor() && is_name_only(b, &cur) {
                let after = next.tokens.end;
                let closes = b
                    .tokens
                    .get(after)
                    .is_none_or(|t| matches!(t.tag, Tag::Comma | Tag::Period));
                if closes {
                    let name = cur.tokens.clone().map(|t| b.word(t)).collect::<Vec<_>>().join(" ");
                    cur.actors = next
                        .actors
                        .iter()
                        .map(|a| Actor {
                            name: a.name.clone().or(Some(name.clone())),
                            span: (
                                b.tokens[cur.tokens.start].start as usize,
                                b.tokens[cur.tokens.end - 1].end as usize,
                            ),
                            ..a.clone()
                        })
                        .collect();
                    k += 1;
                }
            }
            break;
        }
        out.push(cur);
    }
    std::mem::swap(phrases, out);
}

/// A role that adds no sector and takes its actor from what follows: "a delegation of Russian
/// officials", "a spokesperson for the ministry" (roles.tsv rows with sectors `-`).
fn is_bare_role(b: &Builder, p: &NounPhrase) -> bool {
    p.actors.is_empty() && head_roles(b, p).any(|role| role.sectors.is_empty() && role.prefix.is_none())
}

/// A phrase headed by others beside an actor ([`crate::kb::Role::companion`]): "its allies".
fn is_companion(b: &Builder, p: &NounPhrase) -> bool {
    head_roles(b, p).any(|role| role.companion)
}

/// The roles the head word of phrase `p` is a mention of.
fn head_roles<'a>(b: &Builder<'a, '_>, p: &NounPhrase) -> impl Iterator<Item = &'a crate::kb::Role> {
    let kb = b.doc.kb;
    b.mentions(p.head).iter().filter_map(move |m| match m.entry {
        Entry::Role(id) => Some(kb.role(id)),
        _ => None,
    })
}

fn is_name_only(b: &Builder, p: &NounPhrase) -> bool {
    p.tokens.clone().all(|t| matches!(b.tag(t), Tag::NNP | Tag::NNPS))
}

/// "the North Korean" before "and Russian missions": a demonym standing in for a shared head.
fn is_bare_demonym(b: &Builder, p: &NounPhrase) -> bool {
    !p.modifiers.is_empty()
        && p.tokens
            .clone()
            .all(|t| !b.mentions(t).is_empty() || matches!(b.tag(t), Tag::DT | Tag::JJ | Tag::NNP))
}

/// Whether the tokens `gap` are exactly `words` (lower-cased), compared in place.
fn tokens_are(b: &Builder, gap: Range<usize>, words: &[&str]) -> bool {
    gap.len() == words.len() && gap.zip(words).all(|(t, w)| b.lower_is(t, w))
}

/// Join the list starting at phrase `first`, whose phrase so far is `head` (phrase `first`
/// itself, or what was already joined up to it: "U.S. and British warplanes and warships");
/// returns the joined phrase and the index after it.
fn try_list(b: &Builder, phrases: &[NounPhrase], head: &NounPhrase, first: usize) -> Option<(NounPhrase, usize)> {
    // Whether phrase `k` continues the list: Some(true) after a conjunction, Some(false)
    // after a comma.
    let continues = |k: usize| -> Option<bool> {
        let next = phrases.get(k)?;
        // Most phrases name no actor: rule them out before comparing the words between.
        if !(next.is_actor() || is_bare_demonym(b, next)) {
            return None;
        }
        let prev = &phrases[k - 1];
        let gap = prev.tokens.end..next.tokens.start;
        let gap_is = |words: &[&str]| tokens_are(b, gap.clone(), words);
        let is_comma = gap_is(&[","]);
        // "... in Gaza City, and the Israeli army bombed them": after a comma and "and", a
        // second phrase that a verb follows opens a clause of its own (in a list of three the
        // comma comes before).
        let opens_clause = || {
            k == first + 1
                && (next.tokens.end..b.first_token + b.mention_of.len())
                    .find(|&t| !matches!(b.tag(t), Tag::RB))
                    .is_some_and(|t| matches!(b.tag(t), Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD))
        };
        let is_conj = gap_is(&["and"])
            || gap_is(&["or"])
            || gap_is(&["nor"])
            || ((gap_is(&[",", "and"]) || gap_is(&[",", "or"])) && !opens_clause())
            || gap_is(&["as", "well", "as"]);
        (is_comma || is_conj).then_some(is_conj)
    };
    // Most phrases start no list: decide that before copying anything.
    continues(first + 1)?;
    // The members, each a phrase or a role joined to the "of" phrase after it.
    let mut members: Vec<NounPhrase> = vec![head.clone()];
    let mut k = first + 1;
    let mut saw_conj = false;
    while let Some(is_conj) = continues(k) {
        let next = &phrases[k];
        k += 1;
        // "Ukraine and the government of Moldova": a member that is a role of no country
        // belongs to the actor of the "of" phrase after it.
        match phrases.get(k).filter(|of| role_of(b, next, of)) {
            Some(of) => {
                members.push(with_role_of(b, next, of));
                k += 1;
            }
            None => members.push(next.clone()),
        }
        if is_conj {
            saw_conj = true;
            break;
        }
    }
    if !saw_conj || members.len() < 2 {
        return None;
    }
    // The last member's role words apply to bare demonyms before it, and so do those of a
    // demonym and its role to a bare country before them ("U.S. and Philippine troops",
    // "American and British warplanes").
    let last = members.last()?;
    let shared: Vec<Sector> = last
        .actors
        .first()
        .map(|a| a.code.sectors().collect())
        .unwrap_or_default();
    let role_of_demonym = !shared.is_empty()
        && last.actors.iter().all(|a| a.name.is_none())
        && last
            .tokens
            .clone()
            .take(2)
            .any(|t| b.mentions(t).iter().any(|m| matches!(m.entry, Entry::Demonym(_))));
    let (end, head_token) = (last.tokens.end, last.head);
    let mut joined = head.clone();
    joined.actors.clear();
    for p in &members {
        if p.is_actor() && role_of_demonym && is_bare_country(b, p) {
            joined.actors.extend(p.actors.iter().map(|a| Actor {
                code: a.code.with_sectors(&shared),
                ..a.clone()
            }));
        } else if p.is_actor() {
            joined.actors.extend(p.actors.iter().cloned());
        } else {
            joined.actors.extend(p.modifiers.iter().map(|a| Actor {
                code: if b.keeps_code(&a.code) {
                    a.code.clone()
                } else {
                    a.code.with_sectors(&shared)
                },
                ..a.clone()
            }));
        }
    }
    joined.modifiers.clear();
    joined.tokens.end = end;
    joined.head = head_token;
    Some((joined, k))
}

/// A phrase that only names a country, as a name or demonym with no role ("U.S.",
/// "American"): one actor of no sector, every token inside a country mention.
fn is_bare_country(b: &Builder, p: &NounPhrase) -> bool {
    matches!(p.actors.as_slice(), [a] if a.name.is_none() && a.code.sectors().next().is_none() && !a.code.is_group())
        && p.tokens.clone().all(|t| {
            b.tag(t) == Tag::DT
                || b.mentions(t)
                    .iter()
                    .any(|m| matches!(m.entry, Entry::Country(_) | Entry::Demonym(_)))
        })
}

/// Whether `role` names a role of no known country ("the government") and `of` follows it
/// after "of" naming whose it is ("of Moldova").
fn role_of(b: &Builder, role: &NounPhrase, of: &NounPhrase) -> bool {
    let countryless = role.is_actor()
        && role
            .actors
            .iter()
            .all(|a| a.name.is_none() && !a.code.is_group() && (a.via == Via::Reference || a.code.country().is_none()));
    countryless && of.is_actor() && tokens_are(b, role.tokens.end..of.tokens.start, &["of"])
}

/// The role of `role` given to each actor of `of`: "the government of Moldova" is MDAGOV.
fn with_role_of(b: &Builder, role: &NounPhrase, of: &NounPhrase) -> NounPhrase {
    let sectors: Vec<Sector> = role
        .actors
        .first()
        .map(|a| a.code.sectors().collect())
        .unwrap_or_default();
    let start = b.tokens[role.tokens.start].start as usize;
    NounPhrase {
        tokens: role.tokens.start..of.tokens.end,
        head: of.head,
        actors: of
            .actors
            .iter()
            .map(|a| Actor {
                code: if a.name.is_some() || b.keeps_code(&a.code) {
                    a.code.clone()
                } else {
                    a.code.with_sectors(&sectors)
                },
                span: (start, a.span.1),
                ..a.clone()
            })
            .collect(),
        modifiers: Vec::new(),
        possessive: of.possessive,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kestrel_text::analyze;

    /// For every sentence of `text`: whether `may_name_actors` let it through, whether
    /// resolving it found any actor, and whether resolving it changed the context.
    fn check_sentences(text: &str) -> Vec<(bool, bool, bool)> {
        with_input(text, |input| {
            let mut ctx = DocContext::default();
            let mut buffers = ResolveBuffers::default();
            input
                .analysis
                .sentences
                .iter()
                .map(|s| {
                    let may = may_name_actors(input, s, &ctx);
                    let before = format!("{ctx:?}");
                    let phrases = resolve_sentence(input, s, &mut ctx, &mut buffers);
                    let found = phrases.iter().any(|p| p.is_actor() || !p.modifiers.is_empty());
                    (may, found, format!("{ctx:?}") != before)
                })
                .collect()
        })
    }

    /// `f` applied to `text` analysed, with its mentions in the embedded knowledge base.
    fn with_input<R>(text: &str, f: impl FnOnce(&DocInput) -> R) -> R {
        let kb = ActorKb::embedded();
        let analysis = analyze(text);
        let mentions = kb.find_token_mentions(text, &analysis);
        f(&DocInput {
            kb,
            text,
            analysis: &analysis,
            mentions: &mentions,
            date: CivilDate::parse("2024-03-01"),
            conventions: Conventions::Kestrel,
        })
    }

    /// The phrases of the first sentence of `text`, resolved without context, with the text
    /// each covers.
    fn first_sentence_phrases(text: &str) -> Vec<(String, NounPhrase)> {
        with_input(text, |input| {
            let tokens = &input.analysis.tokens;
            let mut buffers = ResolveBuffers::default();
            resolve_sentence(
                input,
                &input.analysis.sentences[0],
                &mut DocContext::default(),
                &mut buffers,
            )
            .iter()
            .cloned()
            .map(|p| {
                let span = tokens[p.tokens.start].start as usize..tokens[p.tokens.end - 1].end as usize;
                (text[span].to_string(), p)
            })
            .collect()
        })
    }

    /// The codes of the actors (or else the modifying actors) of each phrase naming any.
    fn phrase_codes(text: &str) -> Vec<Vec<String>> {
        first_sentence_phrases(text)
            .iter()
            .map(|(_, p)| if p.is_actor() { &p.actors } else { &p.modifiers })
            .filter(|actors| !actors.is_empty())
            .map(|actors| actors.iter().map(|a| a.code.to_string()).collect())
            .collect()
    }

    #[test]
    fn a_body_named_beside_its_parent_is_the_body_alone() {
        assert_eq!(
            phrase_codes("The United Nations World Food Programme left."),
            [["IGOUNOWFP"]]
        );
        assert_eq!(phrase_codes("Lebanese Hezbollah fired rockets."), [["LBNREB"]]);
        // Two countries side by side stay two actors.
        assert_eq!(phrase_codes("The Russia-North Korea talks ended."), [["RUS", "PRK"]]);
    }

    #[test]
    fn allies_are_an_alliance_or_nationals_but_never_the_country_they_stand_by() {
        assert_eq!(phrase_codes("NATO allies met."), [["IGOWSTNAT"]]);
        assert_eq!(phrase_codes("Afghan allies met."), [["AFG"]]);
        assert!(phrase_codes("Ukraine's allies met.").is_empty());
        let of_ukraine = first_sentence_phrases("Allies of Ukraine met.");
        assert_eq!(of_ukraine[0].0, "Allies");
        assert!(!of_ukraine[0].1.is_actor());
        assert_eq!(
            phrase_codes("The United States and its allies met Iran."),
            [["USA"], ["IRN"]]
        );
        let joined = first_sentence_phrases("The United States and its allies met Iran.");
        assert_eq!(joined[0].0, "The United States and its allies");
    }

    #[test]
    fn a_machine_names_its_owner_only_when_its_phrase_names_one() {
        assert_eq!(phrase_codes("Israeli jets struck."), [["ISRMIL"]]);
        assert_eq!(phrase_codes("Russia said its aircraft struck."), [["RUS"], ["RUSMIL"]]);
        assert!(phrase_codes("Hijacked planes struck.").is_empty());
    }

    #[test]
    fn an_unnamed_force_is_of_the_country_last_named_with_its_sector() {
        // The last country named is Palestine's, but the army is the one that arrested.
        assert_eq!(
            phrase_codes("Israeli forces arrested 15 Palestinians, the army said."),
            [["ISRMIL"], ["PSE"], ["ISRMIL"]]
        );
    }

    #[test]
    fn a_leaders_critics_and_opponents_are_the_opposition_of_the_country() {
        assert_eq!(phrase_codes("Maduro's opponents met."), [["VENOPP"]]);
        assert_eq!(phrase_codes("Kremlin critics left."), [["RUSOPP"]]);
    }

    #[test]
    fn people_named_side_by_side_both_modify_the_thing() {
        assert_eq!(phrase_codes("The Biden-Xi summit ended."), [["USAGOV", "CHNGOV"]]);
    }

    #[test]
    fn a_speaker_closing_the_sentence_is_of_the_country_it_opens_with() {
        // Ethiopia's ambassador is the last government role named before the speaker.
        assert_eq!(
            phrase_codes("Egypt summoned Ethiopia's ambassador, the foreign ministry said."),
            [["EGY"], ["ETHGOV"], ["EGYGOV"]]
        );
        assert_eq!(
            phrase_codes("Israel struck targets in Lebanon, the army said in a statement."),
            [["ISR"], ["LBN"], ["ISRMIL"]]
        );
        // Not when a verb follows the speaker's: "the army" is the subject of a clause.
        assert_eq!(
            phrase_codes("After Israel struck Lebanon, the army launched an offensive."),
            [["ISR"], ["LBN"], ["LBNMIL"]]
        );
    }

    #[test]
    fn a_possessor_that_is_a_body_or_an_armed_group_gives_its_whole_code() {
        assert_eq!(
            phrase_codes("NATO's secretary general criticised Russia."),
            [["IGOWSTNAT"], ["RUS"]]
        );
        // An armed group's leader is of the group, not of a government.
        assert_eq!(
            phrase_codes("Hezbollah's leader threatened Israel."),
            [["LBNREB"], ["ISR"]]
        );
        assert_eq!(phrase_codes("Russia's defence minister left."), [["RUSGOVMIL"]]);
    }

    #[test]
    fn an_armed_groups_gunmen_are_the_group() {
        assert_eq!(phrase_codes("Taliban gunmen stormed a compound."), [["AFGREB"]]);
    }

    #[test]
    fn an_unnamed_spokesman_closing_the_sentence_speaks_for_its_first_country() {
        assert_eq!(
            phrase_codes("Thai police arrested four insurgents, a spokesman said."),
            [["THACOP"], ["THAREB"], ["THA"]]
        );
        // Not closing the sentence, a spokesman names no one.
        assert_eq!(
            phrase_codes("A spokesman said Thai police arrested four insurgents."),
            [["THACOP"], ["THAREB"]]
        );
    }

    #[test]
    fn it_and_them_after_a_closing_participle_are_the_last_actor_named() {
        assert_eq!(
            phrase_codes("Saudi Arabia cut ties with Qatar, accusing it of terrorism."),
            [["SAU"], ["QAT"], ["QAT"]]
        );
        // Followed by a verb, "it" is the subject of a clause: not resolved here.
        assert_eq!(
            phrase_codes("Pakistan imposed sanctions on India, saying it would retaliate."),
            [["PAK"], ["IND"]]
        );
    }

    #[test]
    fn it_and_them_as_an_object_are_the_last_actor_other_than_the_doer() {
        assert_eq!(
            phrase_codes("If Iran attacks Israel, the United States will help defend it."),
            [["IRN"], ["ISR"], ["USA"], ["ISR"]]
        );
        // The doer of a coordinated verb is the sentence's first actor; a place is no referent.
        assert_eq!(
            phrase_codes("Hamas fighters ambushed Israeli troops in Gaza City, and the Israeli army bombed them."),
            [["PSEREBHMS"], ["ISRMIL"], ["PSE"], ["ISRMIL"], ["PSEREBHMS"]]
        );
        // With no one else named, "it" is a thing.
        assert_eq!(phrase_codes("Iran seized a tanker and released it."), [["IRN"]]);
    }

    #[test]
    fn officials_of_a_place_and_protesters_belong_to_where_it_happens() {
        assert_eq!(
            phrase_codes("Russian drones struck Odesa, the regional governor said."),
            [["RUSMIL"], ["UKR"], ["UKRGOV"]]
        );
        assert_eq!(
            phrase_codes("Protesters set fire to the French embassy in Niamey."),
            [["NERCVL"], ["FRAGOV"], ["NERGOV"]]
        );
    }

    #[test]
    fn a_date_before_a_name_is_no_part_of_it() {
        // Without the split "Tuesday Juan Perez" is one phrase inside "on ...", and the
        // reported clause takes the speaker as its subject.
        let phrases = first_sentence_phrases("The army said on Tuesday Juan Perez had fled.");
        let texts: Vec<&str> = phrases.iter().map(|(text, _)| text.as_str()).collect();
        assert_eq!(texts, ["The army", "Tuesday", "Juan Perez"]);
    }

    #[test]
    fn a_skipped_sentence_names_no_actor_and_leaves_the_context_alone() {
        let text = "The weather was mild. Sergei Lavrov arrived in Ankara on Monday. \
                    Talks lasted for hours. Lavrov praised the hosts. He then left. \
                    Crowds cheered him. Nothing else happened. The ministry said little.";
        let seen = check_sentences(text);
        assert_eq!(seen.len(), 8);
        for (k, &(may, found, changed)) in seen.iter().enumerate() {
            if !may {
                assert!(!found && !changed, "sentence {k} was skipped but resolves to {seen:?}");
            }
        }
        let may: Vec<bool> = seen.iter().map(|s| s.0).collect();
        // No mention in 0, 2 and 6; a KB name in 1, a surname already named in 3, "he" in
        // 4, "him" in 5, a role noun in 7.
        assert_eq!(may, [false, true, false, true, true, true, false, true]);
    }

    #[test]
    fn a_pronoun_before_anyone_is_named_refers_to_no_one() {
        let text = "He was late. The talks began. Sergei Lavrov arrived in Ankara. He then left.";
        let seen = check_sentences(text);
        for (k, &(may, found, changed)) in seen.iter().enumerate() {
            if !may {
                assert!(!found && !changed, "sentence {k} was skipped but resolves to {seen:?}");
            }
        }
        // Only once Lavrov is named can "he" refer to someone.
        let may: Vec<bool> = seen.iter().map(|s| s.0).collect();
        assert_eq!(may, [false, false, true, true]);
        assert!(seen[3].1, "'he' after Lavrov is named resolves to him: {seen:?}");
    }

    #[test]
    fn no_sentence_of_real_news_is_skipped_that_would_name_an_actor() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/corpora/lee_background.cor"
        );
        let Ok(corpus) = std::fs::read_to_string(path) else {
            eprintln!("skipping: {path} not found");
            return;
        };
        let mut skipped = 0;
        for (line, text) in corpus.lines().enumerate() {
            for (k, (may, found, changed)) in check_sentences(text).into_iter().enumerate() {
                assert!(
                    may || !(found || changed),
                    "line {line}, sentence {k}: skipped but names an actor"
                );
                skipped += usize::from(!may);
            }
        }
        assert!(skipped > 0, "no sentence of the corpus was skipped");
    }
}
