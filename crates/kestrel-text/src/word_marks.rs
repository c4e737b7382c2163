//! Function-word classes ("marks") that the tagger's contextual rules test: forms of "be",
//! "have", "get", "do", subject pronouns, particles ... Shared, through `#[path]`, by
//! `build.rs`, which stores each lexicon word's marks in the compiled word table (so a
//! single look-up per token yields its tags and its marks), and by the library, which
//! computes the marks of clitics ('re, 've, 'd ...) here since they are not looked up.
//! Standard library only.

/// A form of "be" (is, was, been, 're ...).
pub const BE: u16 = 1;
/// A form of "have" (has, had, 've, 'd).
pub const HAVE: u16 = 1 << 1;
/// A form of "get" (the get-passive).
pub const GET: u16 = 1 << 2;
/// do, does, did.
pub const DO: u16 = 1 << 3;
/// A pronoun that can be the subject of a finite verb.
pub const NOMINATIVE: u16 = 1 << 4;
/// After it, 's means "is"/"has" rather than a possessive ("it's", "that's").
pub const VERBAL_S_HOST: u16 = 1 << 5;
/// up, off, out, down, away, back.
pub const PARTICLE: u16 = 1 << 6;
pub const THAT: u16 = 1 << 7;
pub const THERE: u16 = 1 << 8;
pub const BY: u16 = 1 << 9;
pub const NOT: u16 = 1 << 10;
/// A verb that may take a clause without "that" ("said Russia attacks ...", "fear Iran
/// plans ..."): a name after it may be that clause's subject rather than its object.
pub const CLAUSE: u16 = 1 << 11;
/// "feel", "seem": a past form after it is a state ("felt threatened"), not an act.
pub const LINKING: u16 = 1 << 12;
/// A word that opens a time adverbial rather than an object ("kidnapped last month").
pub const TIME: u16 = 1 << 13;
/// A verb of demand, whose that-clause may take a bare base form ("demanded that the
/// president step down").
pub const MANDATIVE: u16 = 1 << 14;

/// The auxiliaries: a verb with one of these marks may lead a verb group ("has repeated").
pub const AUXILIARY: u16 = BE | HAVE | GET | DO;

/// The marks of a lower-cased word or clitic (0 for most words).
pub fn word_marks(word: &str) -> u16 {
    match word {
        "be" | "is" | "are" | "was" | "were" | "been" | "being" | "am" | "'re" | "’re" | "'m" | "’m" => BE,
        "have" | "has" | "had" | "having" | "'ve" | "’ve" | "'d" | "’d" => HAVE,
        "get" | "gets" | "got" | "gotten" | "getting" => GET,
        "do" | "does" | "did" => DO,
        "i" | "you" | "we" | "they" => NOMINATIVE,
        "he" | "she" | "it" => NOMINATIVE | VERBAL_S_HOST,
        "that" => THAT | VERBAL_S_HOST,
        "there" => THERE | VERBAL_S_HOST,
        "this" | "here" | "what" | "who" | "where" | "how" | "everyone" | "everything" | "nobody" | "nothing"
        | "someone" | "something" | "let" => VERBAL_S_HOST,
        "up" | "off" | "out" | "down" | "away" | "back" => PARTICLE,
        "by" => BY,
        "not" => NOT,
        "feel" | "feels" | "felt" => CLAUSE | LINKING,
        "feeling" | "seem" | "seems" | "seemed" => LINKING,
        "last" | "earlier" | "yesterday" => TIME,
        "say" | "says" | "said" | "saying" | "tell" | "tells" | "told" | "telling" | "claim" | "claims" | "claimed"
        | "believe" | "believes" | "believed" | "think" | "thinks" | "thought" | "fear" | "fears" | "feared"
        | "hope" | "hopes" | "hoped" | "expect" | "expects" | "expected" | "know" | "knows" | "knew" | "suggest"
        | "suggests" | "suggested" | "warn" | "warns" | "warned" | "argue" | "argues" | "argued" | "add" | "adds"
        | "added" | "note" | "notes" | "noted" | "suspect" | "suspects" | "suspected" | "confirm" | "confirms"
        | "confirmed" | "report" | "reports" | "reported" | "show" | "shows" | "showed" | "mean" | "means"
        | "meant" | "ensure" | "ensures" | "ensured" | "announce" | "announces" | "announced" | "acknowledge"
        | "acknowledges" | "acknowledged" | "admit" | "admits" | "admitted" | "deny" | "denies" | "denied"
        | "allege" | "alleges" | "alleged" | "assume" | "assumes" | "assumed" | "estimate" | "estimates"
        | "estimated" | "indicate" | "indicates" | "indicated" | "predict" | "predicts" | "predicted" | "guess"
        | "guessed" | "realise" | "realised" | "realize" | "realized" | "recall" | "recalls" | "recalled" | "wish"
        | "wished" | "worry" | "worried" => CLAUSE,
        "insist" | "insists" | "insisted" => CLAUSE | MANDATIVE,
        "demand" | "demands" | "demanded" | "demanding" | "urge" | "urges" | "urged" | "urging" | "ask" | "asks"
        | "asked" | "request" | "requests" | "requested" | "propose" | "proposes" | "proposed" | "recommend"
        | "recommends" | "recommended" | "require" | "requires" | "required" | "insisting" => MANDATIVE,
        _ => 0,
    }
}
