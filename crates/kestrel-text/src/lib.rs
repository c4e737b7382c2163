//! Text stage: sentence splitting, tokens with byte offsets, part-of-speech tags and lemmas.
//!
//! Everything here is pure and in-process: no parser service, no model files at run time.
//! The one entry point most callers need is [`analyze`], which turns a document into a
//! [`TextAnalysis`] (sentences, tokens, a lower-cased copy of the text with identical byte
//! offsets).

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
