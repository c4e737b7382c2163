//! The embedded word lists (data/text/*.tsv).
//!
//! The part-of-speech lexicon is compiled into a hash table at build time (see `table.rs`);
//! the small lists (irregular forms, abbreviations) are indexed once per process on first
//! use. Keys are `&'static str` slices of the embedded files.

use std::sync::OnceLock;

use crate::hash::FxHashMap;
use crate::table::WordTable;
use crate::{Tag, WordId};

const IRREGULAR_VERBS: &str = include_str!("../../../data/text/irregular-verbs.tsv");
const IRREGULAR_NOUNS: &str = include_str!("../../../data/text/irregular-nouns.tsv");
const ABBREVIATIONS: &str = include_str!("../../../data/text/abbreviations.tsv");

/// A set of tags, one bit per [`Tag`] variant.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub(crate) struct TagSet(u64);

impl TagSet {
    pub(crate) const EMPTY: TagSet = TagSet(0);
    pub(crate) const VERBS: TagSet = TagSet::of(&[Tag::VB, Tag::VBD, Tag::VBG, Tag::VBN, Tag::VBP, Tag::VBZ]);

    pub(crate) const fn from_bits(bits: u64) -> TagSet {
        TagSet(bits)
    }

    pub(crate) const fn of(tags: &[Tag]) -> TagSet {
        let mut bits = 0u64;
        let mut index = 0;
        while index < tags.len() {
            bits |= 1 << tags[index] as u8;
            index += 1;
        }
        TagSet(bits)
    }

    pub(crate) fn contains(self, tag: Tag) -> bool {
        self.0 & (1 << tag as u8) != 0
    }

    pub(crate) fn intersects(self, other: TagSet) -> bool {
        self.0 & other.0 != 0
    }

    pub(crate) fn is_subset_of(self, other: TagSet) -> bool {
        self.0 & !other.0 == 0
    }
}

/// What the lexicon knows about a word: its most frequent tag, every tag it may take and
/// its function-word marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) primary: Tag,
    /// Includes `primary`.
    pub(crate) tags: TagSet,
    /// Bits of `word_marks` (0 for most words).
    pub(crate) marks: u16,
    pub(crate) word: WordId,
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
    verb_bases: IrregularForms,
    /// Irregular or invariant plural -> singular.
    noun_singulars: IrregularForms,
}

/// A map from irregular forms to their lemmas, with a filter in front: the lemma functions
/// ask it about every verb and noun, and most words can be ruled out from their length and
/// first and last bytes without hashing them.
#[derive(Default)]
struct IrregularForms {
    /// One bit per [`IrregularForms::shape`] of a listed form.
    shapes: [u64; 16],
    forms: FxHashMap<&'static str, &'static str>,
}

impl IrregularForms {
    /// A bit index (below 1024) derived from the length and the first and last bytes.
    fn shape(word: &str) -> usize {
        let bytes = word.as_bytes();
        let first = usize::from(bytes.first().copied().unwrap_or(0));
        let last = usize::from(bytes.last().copied().unwrap_or(0));
        (first * 31 + last * 7 + bytes.len()) & 1023
    }

    fn may_contain(&self, word: &str) -> bool {
        let shape = Self::shape(word);
        self.shapes[shape / 64] & (1 << (shape % 64)) != 0
    }

    /// Adds a form unless it is already listed (the first lemma given for it wins).
    fn insert(&mut self, form: &'static str, lemma: &'static str) {
        let shape = Self::shape(form);
        self.shapes[shape / 64] |= 1 << (shape % 64);
        self.forms.entry(form).or_insert(lemma);
    }

    fn get(&self, form: &str) -> Option<&'static str> {
        if !self.may_contain(form) {
            return None;
        }
        self.forms.get(form).copied()
    }
}

/// The process-wide lexicon, built on first use.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::build)
}

/// Data lines of an embedded file: no comments, no blank lines.
fn data_lines(file: &'static str) -> impl Iterator<Item = &'static str> {
    crate::datafile::lines(file)
        .map(|line| line.trim_end_matches('\r'))
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut lexicon = Lexicon {
            words: WordTable::embedded(),
            abbreviations: FxHashMap::default(),
            verb_bases: IrregularForms::default(),
            noun_singulars: IrregularForms::default(),
        };
        for line in data_lines(IRREGULAR_VERBS) {
            let mut columns = line.split('\t');
            let Some(base) = columns.next() else {
                continue;
            };
            for form in columns.flat_map(|column| column.split(',')).map(str::trim) {
                if !form.is_empty() && form != base {
                    lexicon.verb_bases.insert(form, base);
                }
            }
        }
        for line in data_lines(IRREGULAR_NOUNS) {
            if let Some((plural, singular)) = line.split_once('\t') {
                lexicon.noun_singulars.insert(plural, singular.trim());
            }
        }
        for line in data_lines(ABBREVIATIONS) {
            if let Some((abbreviation, class, tag)) = parse_abbreviation_line(line) {
                lexicon.abbreviations.insert(abbreviation, Abbreviation { class, tag });
            }
        }
        lexicon
    }

    /// Looks up an ASCII-lower-cased word.
    #[inline(always)]
    pub(crate) fn word(&self, lower: &str) -> Option<Entry> {
        self.words.get(lower.as_bytes())
    }

    /// Looks up an ASCII-lower-cased word given as bytes (a slice of a document that need not
    /// be checked for character boundaries).
    #[inline(always)]
    pub(crate) fn word_bytes(&self, lower: &[u8]) -> Option<Entry> {
        self.words.get(lower)
    }

    /// Looks up a lower-cased abbreviation, final period included ("gen.").
    pub(crate) fn abbreviation(&self, lower: &str) -> Option<Abbreviation> {
        self.abbreviations.get(lower).copied()
    }

    pub(crate) fn irregular_verb_base(&self, form: &str) -> Option<&'static str> {
        self.verb_bases.get(form)
    }

    pub(crate) fn irregular_noun_singular(&self, plural: &str) -> Option<&'static str> {
        self.noun_singulars.get(plural)
    }

    /// Whether the lexicon knows `word` as a base-form verb.
    pub(crate) fn is_verb_base(&self, word: &[u8]) -> bool {
        self.word_bytes(word).is_some_and(|e| e.tags.contains(Tag::VB))
    }

    /// Whether the lexicon knows `word` as a singular common noun.
    pub(crate) fn is_singular_noun(&self, word: &[u8]) -> bool {
        self.word_bytes(word).is_some_and(|e| e.tags.contains(Tag::NN))
    }

    pub(crate) fn word_count(&self) -> usize {
        self.words.len()
    }

    pub(crate) fn word_id_bound(&self) -> usize {
        self.words.slot_count()
    }
}

fn parse_abbreviation_line(line: &'static str) -> Option<(&'static str, AbbreviationClass, Tag)> {
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
    use crate::word_marks::{self, word_marks};

    const POS_LEXICON: &str = include_str!("../../../data/text/pos-lexicon.tsv");

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
        let mut plurals = std::collections::HashSet::new();
        for line in data_lines(IRREGULAR_NOUNS) {
            assert_eq!(line.split('\t').count(), 2, "{line:?}");
            // Each plural has one singular (`IrregularForms` keeps the first one listed).
            assert!(plurals.insert(line.split('\t').next()), "{line:?}");
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
        assert_eq!(lexicon.irregular_noun_singular("sanctions"), None);
        assert_eq!(lexicon.irregular_verb_base("'s"), Some("be"));
        assert_eq!(lexicon.irregular_verb_base("visited"), None);
        let general = lexicon.abbreviation("gen.").expect("gen.");
        assert_eq!(general.class, AbbreviationClass::Title);
    }

    #[test]
    fn every_word_carries_its_function_word_marks() {
        let lexicon = lexicon();
        for line in data_lines(POS_LEXICON) {
            let word = line.split('\t').next().unwrap_or_default();
            let entry = lexicon.word(word).expect("listed words are in the table");
            assert_eq!(entry.marks, word_marks(word), "{word}");
        }
        assert_eq!(lexicon.word("was").map(|entry| entry.marks), Some(word_marks::BE));
        assert_eq!(
            lexicon.word("that").map(|entry| entry.marks),
            Some(word_marks::THAT | word_marks::VERBAL_S_HOST)
        );
        assert_eq!(lexicon.word("visit").map(|entry| entry.marks), Some(0));
        assert_eq!(lexicon.word_bytes(b"visit"), lexicon.word("visit"));
    }
}
