//! Text stage: sentence splitting, tokens with byte offsets, part-of-speech tags and lemmas.
//!
//! Everything here is pure and in-process: no parser service, no model files at run time.
//! The one entry point most callers need is [`analyze`], which turns a document into a
//! [`TextAnalysis`] (sentences, tokens, a lower-cased copy of the text with identical byte
//! offsets).
//!
//! The pipeline is tokenize (looking each word up in the lexicon once) → split sentences
//! (and find datelines) → tag. Each step is a single left-to-right pass over the document or
//! its tokens, so the whole is linear in the input. The word lists it relies on are data files under `data/text/`, embedded at compile
//! time: the part-of-speech lexicon is compiled by `build.rs` into a hash table read in place,
//! the small lists are indexed on first use (see [`warm_up`]).

pub mod datafile;
mod hash;
pub use hash::{FxHashMap, FxHasher};
mod lemma;
mod lexicon;
mod sentences;
mod table;
mod table_format;
mod tagger;
mod tokens;
mod word_filter;
mod word_marks;

pub use lemma::{noun_lemma, verb_lemma};
pub use table_format::load_padded;
pub use word_filter::WordFilter;

/// Part-of-speech tag, Penn Treebank style (the tag set of the embedded lexicon).
#[allow(clippy::upper_case_acronyms)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    /// Singular or mass noun.
    NN,
    NNS,
    NNP,
    NNPS,
    /// Personal pronoun (he, they, it).
    PRP,
    /// Possessive pronoun (his, its, their).
    PRPS,
    DT,
    PDT,
    JJ,
    JJR,
    JJS,
    RB,
    RBR,
    RBS,
    VB,
    VBD,
    VBG,
    VBN,
    VBP,
    VBZ,
    MD,
    /// Preposition or subordinating conjunction.
    IN,
    TO,
    CC,
    CD,
    /// Possessive ending ('s, ’s, ').
    POS,
    /// which, that (as relativiser/determiner).
    WDT,
    /// who, whom, what.
    WP,
    /// whose.
    WPS,
    /// when, where, why, how.
    WRB,
    /// Particle (off, up, out after a verb).
    RP,
    /// Existential there.
    EX,
    UH,
    FW,
    SYM,
    Comma,
    /// ; and :
    Colon,
    /// . ! ?
    Period,
    /// Any quotation mark, straight or curly, single or double.
    Quote,
    LParen,
    RParen,
    /// -, –, —
    Dash,
}

impl Tag {
    /// Every tag, in declaration order (`Tag::ALL[t as usize] == t`).
    pub const ALL: [Tag; 42] = [
        Tag::NN,
        Tag::NNS,
        Tag::NNP,
        Tag::NNPS,
        Tag::PRP,
        Tag::PRPS,
        Tag::DT,
        Tag::PDT,
        Tag::JJ,
        Tag::JJR,
        Tag::JJS,
        Tag::RB,
        Tag::RBR,
        Tag::RBS,
        Tag::VB,
        Tag::VBD,
        Tag::VBG,
        Tag::VBN,
        Tag::VBP,
        Tag::VBZ,
        Tag::MD,
        Tag::IN,
        Tag::TO,
        Tag::CC,
        Tag::CD,
        Tag::POS,
        Tag::WDT,
        Tag::WP,
        Tag::WPS,
        Tag::WRB,
        Tag::RP,
        Tag::EX,
        Tag::UH,
        Tag::FW,
        Tag::SYM,
        Tag::Comma,
        Tag::Colon,
        Tag::Period,
        Tag::Quote,
        Tag::LParen,
        Tag::RParen,
        Tag::Dash,
    ];

    /// The Penn Treebank spelling of the tag (`PRP$`, `,`, `-LRB-` ...).
    pub fn as_penn(self) -> &'static str {
        match self {
            Tag::Comma => ",",
            Tag::Colon => ":",
            Tag::Period => ".",
            Tag::Quote => "\"",
            Tag::LParen => "-LRB-",
            Tag::RParen => "-RRB-",
            Tag::Dash => "-",
            word_tag => table_format::WORD_TAGS.get(word_tag as usize).copied().unwrap_or("?"),
        }
    }

    /// Parses a Penn Treebank word tag as written in the lexicon (`NN`, `PRP$`, `WP$` ...).
    /// Punctuation tags are not accepted: the tokenizer assigns those.
    pub fn from_penn(name: &str) -> Option<Tag> {
        Some(match name {
            "NN" => Tag::NN,
            "NNS" => Tag::NNS,
            "NNP" => Tag::NNP,
            "NNPS" => Tag::NNPS,
            "PRP" => Tag::PRP,
            "PRP$" => Tag::PRPS,
            "DT" => Tag::DT,
            "PDT" => Tag::PDT,
            "JJ" => Tag::JJ,
            "JJR" => Tag::JJR,
            "JJS" => Tag::JJS,
            "RB" => Tag::RB,
            "RBR" => Tag::RBR,
            "RBS" => Tag::RBS,
            "VB" => Tag::VB,
            "VBD" => Tag::VBD,
            "VBG" => Tag::VBG,
            "VBN" => Tag::VBN,
            "VBP" => Tag::VBP,
            "VBZ" => Tag::VBZ,
            "MD" => Tag::MD,
            "IN" => Tag::IN,
            "TO" => Tag::TO,
            "CC" => Tag::CC,
            "CD" => Tag::CD,
            "POS" => Tag::POS,
            "WDT" => Tag::WDT,
            "WP" => Tag::WP,
            "WP$" => Tag::WPS,
            "WRB" => Tag::WRB,
            "RP" => Tag::RP,
            "EX" => Tag::EX,
            "UH" => Tag::UH,
            "FW" => Tag::FW,
            "SYM" => Tag::SYM,
            _ => return None,
        })
    }

    /// Any verb form (VB, VBD, VBG, VBN, VBP, VBZ); modals are [`Tag::MD`], not verbs.
    pub fn is_verb(self) -> bool {
        matches!(self, Tag::VB | Tag::VBD | Tag::VBG | Tag::VBN | Tag::VBP | Tag::VBZ)
    }

    /// A verb that carries tense (VBD, VBP, VBZ) or a modal: the head of a finite clause.
    pub fn is_finite_verb(self) -> bool {
        matches!(self, Tag::VBD | Tag::VBP | Tag::VBZ | Tag::MD)
    }

    /// Common or proper noun, singular or plural.
    pub fn is_noun(self) -> bool {
        matches!(self, Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS)
    }

    /// Plural common or proper noun.
    pub fn is_plural_noun(self) -> bool {
        matches!(self, Tag::NNS | Tag::NNPS)
    }

    /// Proper noun (NNP, NNPS).
    pub fn is_proper(self) -> bool {
        matches!(self, Tag::NNP | Tag::NNPS)
    }

    /// Adjective, including comparatives and superlatives.
    pub fn is_adjective(self) -> bool {
        matches!(self, Tag::JJ | Tag::JJR | Tag::JJS)
    }

    /// Adverb, including comparatives and superlatives.
    pub fn is_adverb(self) -> bool {
        matches!(self, Tag::RB | Tag::RBR | Tag::RBS)
    }

    /// Determiner or predeterminer (the, a, this, all).
    pub fn is_determiner(self) -> bool {
        matches!(self, Tag::DT | Tag::PDT)
    }

    /// Personal, possessive or wh- pronoun.
    pub fn is_pronoun(self) -> bool {
        matches!(self, Tag::PRP | Tag::PRPS | Tag::WP | Tag::WPS)
    }

    /// Wh- word (which, who, whose, when ...), also "that" as a relativiser.
    pub fn is_wh(self) -> bool {
        matches!(self, Tag::WDT | Tag::WP | Tag::WPS | Tag::WRB)
    }

    /// A word that can open a noun phrase: determiner, possessive, adjective, number, noun.
    pub fn starts_noun_phrase(self) -> bool {
        self.is_determiner() || self.is_adjective() || self.is_noun() || matches!(self, Tag::PRPS | Tag::CD | Tag::WPS)
    }

    /// Punctuation token (comma, colon, period, quote, parenthesis, dash).
    pub fn is_punctuation(self) -> bool {
        matches!(
            self,
            Tag::Comma | Tag::Colon | Tag::Period | Tag::Quote | Tag::LParen | Tag::RParen | Tag::Dash
        )
    }
}

/// One token: a byte range of the document and its part-of-speech tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub tag: Tag,
    /// A quotation mark that opens a quotation, judged by its spacing (or its shape: “); false
    /// for a closing mark and for every other token.
    pub opening: bool,
}

impl Token {
    /// The token's text in `doc` (the document it was produced from; empty if `doc` is a
    /// different, shorter text).
    pub fn text<'a>(&self, doc: &'a str) -> &'a str {
        doc.get(self.start as usize..self.end as usize).unwrap_or("")
    }

    /// Whether the token starts with an upper-case letter.
    pub fn is_capitalized(&self, doc: &str) -> bool {
        self.text(doc).chars().next().is_some_and(char::is_uppercase)
    }
}

/// A word of the embedded part-of-speech lexicon, by its place in the compiled table: one
/// word, one id. Ids are below [`word_id_bound`], so a table indexed by them stands in for a
/// hash map keyed by the word's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct WordId(u32);

impl WordId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// The id of an ASCII-lower-cased word, if the lexicon knows it.
pub fn word_id(lower: &[u8]) -> Option<WordId> {
    lexicon::lexicon().word_bytes(lower).map(|entry| entry.word)
}

/// A bound on every [`WordId`]'s index.
pub fn word_id_bound() -> usize {
    lexicon::lexicon().word_id_bound()
}

/// One sentence of a [`TextAnalysis`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceSpan {
    /// Byte range of the sentence, without surrounding whitespace.
    pub start: u32,
    pub end: u32,
    /// Index range into [`TextAnalysis::tokens`].
    pub tokens: std::ops::Range<u32>,
    /// Index of the first token after a dateline prefix such as "MOSCOW (Reuters) -";
    /// equal to `tokens.start` when the sentence has no dateline.
    pub body_start: u32,
}

/// The result of [`analyze`].
#[derive(Debug, Clone, Default)]
pub struct TextAnalysis {
    /// The document with ASCII letters lower-cased: byte offsets are the original's.
    pub lower: String,
    pub sentences: Vec<SentenceSpan>,
    pub tokens: Vec<Token>,
    /// Per token, the lexicon word it is, if it is one and has no hyphen or apostrophe inside
    /// ("o'clock" and "well-known" are `None`, like names the lexicon lacks and punctuation):
    /// the tokenizer looked each word up, and later stages find what they know about a word
    /// by its id instead of scanning and hashing its text again.
    pub words: Vec<Option<WordId>>,
}

impl TextAnalysis {
    /// The lower-cased text of a token of this analysis.
    pub fn lower_of(&self, t: &Token) -> &str {
        t.text(&self.lower)
    }

    /// The tokens of a sentence of this analysis.
    pub fn sentence_tokens(&self, s: &SentenceSpan) -> &[Token] {
        self.tokens
            .get(s.tokens.start as usize..s.tokens.end as usize)
            .unwrap_or(&[])
    }
}

/// Splits `text` into sentences and tagged tokens.
///
/// Never panics. Offsets are `u32`: a document longer than 4 GiB is analysed up to the last
/// character boundary before that limit (its `lower` still covers the whole text).
pub fn analyze(text: &str) -> TextAnalysis {
    let lexicon = lexicon::lexicon();
    let lower = text.to_ascii_lowercase();
    let analysed = prefix_within_u32(text);
    let analysed_lower = &lower[..analysed.len()];
    let raw_tokens = tokens::tokenize(analysed, analysed_lower, lexicon);
    let sentences = sentences::split(&raw_tokens);
    let tokens = tagger::tag(&raw_tokens, &sentences, analysed_lower, lexicon);
    let words = raw_tokens
        .iter()
        .map(|token| {
            let one_word = !token.has(tokens::flag::HYPHENATED | tokens::flag::APOSTROPHE_INSIDE);
            token.entry.filter(|_| one_word).map(|entry| entry.word)
        })
        .collect();
    TextAnalysis {
        lower,
        tokens,
        sentences,
        words,
    }
}

/// Whether a lower-case word is a verb that takes a clause ("said", "told", "warned",
/// "confirmed" ...): after a speaker, it reports.
pub fn takes_clause(word: &str) -> bool {
    word_marks::word_marks(word) & word_marks::CLAUSE != 0
}

/// Opens the embedded lexicon now instead of on the first call of [`analyze`] or a lemma
/// function. Returns the number of words in the part-of-speech lexicon. Takes well under a
/// millisecond, once per process.
pub fn warm_up() -> usize {
    lexicon::lexicon().word_count()
}

/// The longest prefix of `text` whose byte offsets fit in a `u32`, cut at a char boundary.
fn prefix_within_u32(text: &str) -> &str {
    let limit = u32::MAX as usize;
    if text.len() <= limit {
        return text;
    }
    let mut cut = limit;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    &text[..cut]
}
