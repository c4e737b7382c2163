//! The embedded word lists (data/text/*.tsv), indexed once per process.
//!
//! Keys are `&'static str` slices of the embedded files, so building the index allocates
//! only the hash tables themselves.

use std::sync::OnceLock;

use crate::hash::FxHashMap;
use crate::table::WordTable;
use crate::Tag;

const POS_LEXICON: &str = include_str!("../../../data/text/pos-lexicon.tsv");
const IRREGULAR_VERBS: &str = include_str!("../../../data/text/irregular-verbs.tsv");
const IRREGULAR_NOUNS: &str = include_str!("../../../data/text/irregular-nouns.tsv");
const ABBREVIATIONS: &str = include_str!("../../../data/text/abbreviations.tsv");

/// A set of tags, one bit per [`Tag`] variant.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub(crate) struct TagSet(u64);

impl TagSet {
    pub(crate) const EMPTY: TagSet = TagSet(0);
    pub(crate) const VERBS: TagSet = TagSet::of(&[
        Tag::VB,
        Tag::VBD,
        Tag::VBG,
        Tag::VBN,
        Tag::VBP,
        Tag::VBZ,
    ]);

    pub(crate) const fn of(tags: &[Tag]) -> TagSet {
        let mut bits = 0u64;
        let mut index = 0;
        while index < tags.len() {
            bits |= 1 << tags[index] as u8;
            index += 1;
        }
        TagSet(bits)
    }

    pub(crate) fn with(self, tag: Tag) -> TagSet {
        TagSet(self.0 | 1 << tag as u8)
    }

    pub(crate) fn union(self, other: TagSet) -> TagSet {
        TagSet(self.0 | other.0)
    }

    pub(crate) fn contains(self, tag: Tag) -> bool {
        self.0 & (1 << tag as u8) != 0
    }

    pub(crate) fn intersects(self, other: TagSet) -> bool {
        self.0 & other.0 != 0
    }
}

/// What the lexicon knows about a word: its most frequent tag and every tag it may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) primary: Tag,
    /// Includes `primary`.
    pub(crate) tags: TagSet,
}

/// How an abbreviation's final period interacts with sentence ends
/// (see data/text/abbreviations.tsv).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AbbreviationClass {
    /// Before a name (Mr., Gen.): never ends a sentence.
    Title,
    /// Never ends a sentence (e.g., vs.).
    Inner,
    /// Jan., Aug.: ends a sentence only before a common sentence starter.
    Month,
    /// No., Art.: an abbreviation only before a number.
    Numeric,
    /// U.S., Inc., a.m.: ends a sentence before a common sentence starter.
    Any,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Abbreviation {
    pub(crate) class: AbbreviationClass,
    pub(crate) tag: Tag,
}

pub(crate) struct Lexicon {
    words: WordTable,
    abbreviations: FxHashMap<&'static str, Abbreviation>,
    /// Irregular inflected verb form -> base form.
    verb_bases: FxHashMap<&'static str, &'static str>,
    /// Irregular or invariant plural -> singular.
    noun_singulars: FxHashMap<&'static str, &'static str>,
}

/// The process-wide lexicon, built on first use.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::build)
}

/// Data lines of an embedded file: no comments, no blank lines.
fn data_lines(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(|line| line.trim_end_matches('\r'))
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut lexicon = Lexicon {
            words: WordTable::with_capacity(60 * 1024),
            abbreviations: FxHashMap::default(),
            verb_bases: FxHashMap::default(),
            noun_singulars: FxHashMap::default(),
        };
        for line in data_lines(POS_LEXICON) {
            if let Some((word, entry)) = parse_lexicon_line(line) {
                lexicon.words.insert_or_extend(word, entry.primary, entry.tags);
            }
        }
        lexicon.add_irregular_verbs();
        // Base forms are VB after to/modals and VBP after a subject: let rules choose.
        let base_forms = TagSet::of(&[Tag::VB, Tag::VBP]);
        lexicon.words.map_tag_sets(|tags| {
            if tags.intersects(base_forms) {
                tags.union(base_forms)
            } else {
                tags
            }
        });
        for line in data_lines(IRREGULAR_NOUNS) {
            if let Some((plural, singular)) = line.split_once('\t') {
                lexicon.noun_singulars.insert(plural, singular.trim());
            }
        }
        for line in data_lines(ABBREVIATIONS) {
            if let Some((abbreviation, class, tag)) = parse_abbreviation_line(line) {
                lexicon
                    .abbreviations
                    .insert(abbreviation, Abbreviation { class, tag });
            }
        }
        lexicon
    }

    /// Adds the irregular verbs' forms to the word table (past forms may be VBD, participles
    /// VBN) and indexes them for the lemmatizer.
    fn add_irregular_verbs(&mut self) {
        for line in data_lines(IRREGULAR_VERBS) {
            let mut columns = line.split('\t');
            let Some(base) = columns.next() else {
                continue;
            };
            let base_entry = self.word(base);
            self.add_tag(base, Tag::VB);
            let column_tags = [Some(Tag::VBD), Some(Tag::VBN), None];
            for (column, tag) in columns.zip(column_tags) {
                for form in column.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                    if form != base {
                        self.verb_bases.entry(form).or_insert(base);
                    }
                    match (tag, base_entry) {
                        (Some(tag), _) => self.add_tag(form, tag),
                        // Other forms ("ca" in "can't") behave like their base (a modal),
                        // unless the lexicon knows them already ("is", "has").
                        (None, Some(entry)) if self.word(form).is_none() => {
                            self.words.insert_or_extend(form, entry.primary, entry.tags)
                        }
                        (None, _) => {}
                    }
                }
            }
        }
    }

    fn add_tag(&mut self, word: &'static str, tag: Tag) {
        self.words
            .insert_or_extend(word, tag, TagSet::EMPTY.with(tag));
    }

    /// Looks up an ASCII-lower-cased word.
    #[inline]
    pub(crate) fn word(&self, lower: &str) -> Option<Entry> {
        let (primary, tags) = self.words.get(lower)?;
        Some(Entry { primary, tags })
    }

    /// Looks up a lower-cased abbreviation, final period included ("gen.").
    pub(crate) fn abbreviation(&self, lower: &str) -> Option<Abbreviation> {
        self.abbreviations.get(lower).copied()
    }

    pub(crate) fn irregular_verb_base(&self, form: &str) -> Option<&'static str> {
        self.verb_bases.get(form).copied()
    }

    pub(crate) fn irregular_noun_singular(&self, plural: &str) -> Option<&'static str> {
        self.noun_singulars.get(plural).copied()
    }

    /// Whether the lexicon knows `word` as a base-form verb.
    pub(crate) fn is_verb_base(&self, word: &str) -> bool {
        self.word(word).is_some_and(|e| e.tags.contains(Tag::VB))
    }

    /// Whether the lexicon knows `word` as a singular common noun.
    pub(crate) fn is_singular_noun(&self, word: &str) -> bool {
        self.word(word).is_some_and(|e| e.tags.contains(Tag::NN))
    }

    pub(crate) fn word_count(&self) -> usize {
        self.words.len()
    }
}

fn parse_lexicon_line(line: &'static str) -> Option<(&'static str, Entry)> {
    let (word, tag_names) = line.split_once('\t')?;
    let mut tags = tag_names.split(' ').filter_map(Tag::from_penn);
    let primary = tags.next()?;
    let tags = tags.fold(TagSet::EMPTY.with(primary), TagSet::with);
    Some((word, Entry { primary, tags }))
}

fn parse_abbreviation_line(
    line: &'static str,
) -> Option<(&'static str, AbbreviationClass, Tag)> {
    let mut columns = line.split('\t');
    let abbreviation = columns.next()?;
    let class = match columns.next()? {
        "title" => AbbreviationClass::Title,
        "inner" => AbbreviationClass::Inner,
        "month" => AbbreviationClass::Month,
        "numeric" => AbbreviationClass::Numeric,
        "any" => AbbreviationClass::Any,
        _ => return None,
    };
    let tag = Tag::from_penn(columns.next()?.trim())?;
    Some((abbreviation, class, tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_line_parses() {
        for line in data_lines(POS_LEXICON) {
            let (word, tags) = line.split_once('\t').expect("word<TAB>tags");
            assert!(!word.is_empty() && word == word.to_ascii_lowercase(), "{line}");
            for tag in tags.split(' ') {
                assert!(Tag::from_penn(tag).is_some(), "bad tag in {line:?}");
            }
        }
        for line in data_lines(ABBREVIATIONS) {
            assert!(parse_abbreviation_line(line).is_some(), "{line:?}");
        }
        for line in data_lines(IRREGULAR_NOUNS) {
            assert_eq!(line.split('\t').count(), 2, "{line:?}");
        }
        for line in data_lines(IRREGULAR_VERBS) {
            let columns = line.split('\t').count();
            assert!((3..=4).contains(&columns), "{line:?}");
        }
    }

    #[test]
    fn lexicon_has_derived_and_irregular_tags() {
        let lexicon = lexicon();
        assert!(lexicon.word_count() > 50_000);
        let visit = lexicon.word("visit").expect("visit");
        assert_eq!(visit.primary, Tag::NN);
        assert!(visit.tags.contains(Tag::VB) && visit.tags.contains(Tag::VBP));
        let met = lexicon.word("met").expect("met");
        assert!(met.tags.contains(Tag::VBD) && met.tags.contains(Tag::VBN));
        let was = lexicon.word("was").expect("was");
        assert!(!was.tags.contains(Tag::VBN));
        assert_eq!(lexicon.word("ca").map(|e| e.primary), Some(Tag::MD));
        assert_eq!(lexicon.irregular_verb_base("sought"), Some("seek"));
        assert_eq!(lexicon.irregular_noun_singular("crises"), Some("crisis"));
        let general = lexicon.abbreviation("gen.").expect("gen.");
        assert_eq!(general.class, AbbreviationClass::Title);
    }
}
