//! Tokenizer: one pass over the bytes of the document.
//!
//! Words keep their internal hyphens, apostrophes (O'Brien), and periods when they are
//! abbreviations (U.S., a.m., Gen.) or numbers (3.5, 1,000, 4:00pm). Clitics are split off
//! ('s, ', n't, 're, 've, 'll, 'd, 'm). Every other non-space character is punctuation or
//! a symbol of its own. Offsets always fall on UTF-8 character boundaries: the scanner
//! steps over whole characters and only ever splits at ASCII bytes.

use crate::lexicon::{AbbreviationClass, Entry, Lexicon};
use crate::word_marks::word_marks;
use crate::Tag;

/// Token flags (bits of [`RawToken::flags`]).
pub(crate) mod flag {
    /// Whitespace (or the start of the text) precedes the token.
    pub(crate) const SPACE_BEFORE: u16 = 1;
    /// At least one line break precedes the token.
    pub(crate) const NEWLINE_BEFORE: u16 = 1 << 1;
    /// A blank line (two or more line breaks) precedes the token.
    pub(crate) const BLANK_LINE_BEFORE: u16 = 1 << 2;
    /// The first character is an upper-case letter.
    pub(crate) const CAPITALIZED: u16 = 1 << 3;
    /// At least two characters, upper-case letters and no lower-case ones (NATO, MOSCOW).
    pub(crate) const ALL_CAPS: u16 = 1 << 4;
    /// Contains a hyphen between word characters.
    pub(crate) const HYPHENATED: u16 = 1 << 5;
    /// Contains a digit.
    pub(crate) const HAS_DIGIT: u16 = 1 << 6;
    /// A quotation mark that opens a quotation.
    pub(crate) const OPENING: u16 = 1 << 7;
    /// A quotation mark that closes a quotation.
    pub(crate) const CLOSING: u16 = 1 << 8;
    /// "..." or "…".
    pub(crate) const ELLIPSIS: u16 = 1 << 9;
    /// The first character is a lower-case letter.
    pub(crate) const LOWERCASE_START: u16 = 1 << 10;
    /// Contains an apostrophe between word characters (O'Brien, o'clock).
    pub(crate) const APOSTROPHE_INSIDE: u16 = 1 << 11;
    /// A full stop (. ! ?) or a word ending with its abbreviation period: with an ellipsis,
    /// the tokens a sentence may end at (the splitter skips all others by their flags).
    pub(crate) const STOP: u16 = 1 << 12;
}

/// A clitic split off the preceding word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Clitic {
    /// 's: possessive or "is"/"has".
    S,
    /// A bare apostrophe after a plural: "the allies' plan".
    PluralPossessive,
    /// n't
    Not,
    /// 're, 've, 'm
    Auxiliary,
    /// 'll, 'd
    Modal,
}

// An explicit discriminant byte: every later step matches on the kind of every token, and a
// niche-packed layout would make each match decode the payload bytes first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Kind {
    Word,
    /// Starts with a digit.
    Number,
    /// A word that ends with its abbreviation period (U.S., Gen., a.m., W.).
    Abbreviation {
        class: AbbreviationClass,
        tag: Tag,
    },
    Clitic(Clitic),
    /// Punctuation and symbols: the tag is final.
    Mark(Tag),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawToken {
    pub(crate) start: u32,
    pub(crate) end: u32,
    pub(crate) kind: Kind,
    pub(crate) flags: u16,
    /// Function-word classes of a word or clitic (`word_marks.rs`), 0 for other tokens.
    pub(crate) marks: u16,
    /// The lexicon entry of a word (`None` for other tokens and unknown words). Kept in the
    /// token rather than in a vector of its own: one push per token, and the later passes
    /// read one array.
    pub(crate) entry: Option<Entry>,
}

impl RawToken {
    pub(crate) fn has(&self, flags: u16) -> bool {
        self.flags & flags != 0
    }

    pub(crate) fn is_word(&self) -> bool {
        matches!(self.kind, Kind::Word)
    }

    pub(crate) fn mark(&self) -> Option<Tag> {
        match self.kind {
            Kind::Mark(tag) => Some(tag),
            _ => None,
        }
    }

    pub(crate) fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

const LOWER: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 4;
const SPACE: u8 = 8;
const ALNUM: u8 = LOWER | UPPER | DIGIT;

/// Character classes of ASCII bytes; bytes >= 0x80 are 0 (decoded separately).
static CLASSES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = match byte as u8 {
            b'a'..=b'z' => LOWER,
            b'A'..=b'Z' => UPPER,
            b'0'..=b'9' => DIGIT,
            // Control characters count as whitespace.
            0..=b' ' | 0x7f => SPACE,
            _ => 0,
        };
        byte += 1;
    }
    table
};

#[inline]
fn class(byte: u8) -> u8 {
    CLASSES[byte as usize]
}

/// A `u64` with `byte` in each of its eight bytes.
const fn in_every_byte(byte: u8) -> u64 {
    u64::from_le_bytes([byte; 8])
}

/// How many of the eight bytes of `chunk` (read little-endian: the first byte lowest) are ASCII
/// lower-case letters before the first that is not.
#[inline]
fn lowercase_prefix(chunk: u64) -> usize {
    // Per byte below 0x80, bit 7 of the first sum is set from b'a' up and bit 7 of the second
    // beyond b'z'; bit 7 of `chunk` itself marks the other bytes. A byte >= 0xE1 carries into
    // the byte above it, but is marked itself, so the lowest marked byte is exact.
    let from_a = chunk.wrapping_add(in_every_byte(0x80 - b'a'));
    let beyond_z = chunk.wrapping_add(in_every_byte(0x80 - b'z' - 1));
    let not_lower = (!from_a | beyond_z | chunk) & in_every_byte(0x80);
    not_lower.trailing_zeros() as usize / 8
}

fn char_at(text: &str, index: usize) -> Option<char> {
    text.get(index..)?.chars().next()
}

/// Marks that continue a word without starting one (combining accents, joiners).
fn is_word_mark(ch: char) -> bool {
    matches!(ch,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{200C}' | '\u{200D}' | '\u{00AD}')
}

/// Invisible format characters treated as whitespace between tokens.
fn is_invisible(ch: char) -> bool {
    matches!(ch, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}')
}

fn is_hyphen_char(ch: char) -> bool {
    matches!(ch, '-' | '\u{2010}' | '\u{2011}')
}

fn is_apostrophe_char(ch: char) -> bool {
    matches!(ch, '\'' | '\u{2019}' | '\u{02BC}')
}

/// The tokens of `text` (whose ASCII-lower-cased copy is `lower`), each with its lexicon
/// entry.
///
/// Each word is looked up once, as it is found: the sentence splitter and the tagger read
/// the entries instead of hashing the word again.
pub(crate) fn tokenize(text: &str, lower: &str, lexicon: &Lexicon) -> Vec<RawToken> {
    // Roughly one token per five bytes of news prose.
    let capacity = text.len() / 5 + 16;
    let mut tokenizer = Tokenizer {
        text,
        bytes: text.as_bytes(),
        lower,
        lexicon,
        tokens: Vec::with_capacity(capacity),
        pending: flag::SPACE_BEFORE,
        newlines: 0,
        single_quote_open: false,
    };
    tokenizer.run();
    tokenizer.tokens
}

struct Tokenizer<'a> {
    text: &'a str,
    bytes: &'a [u8],
    lower: &'a str,
    lexicon: &'a Lexicon,
    tokens: Vec<RawToken>,
    /// Whitespace flags collected since the last token.
    pending: u16,
    newlines: u32,
    /// An opening single quote awaits its closing one (a trailing ' is then not possessive).
    single_quote_open: bool,
}

/// Result of looking at an apostrophe inside a word.
enum Apostrophe {
    /// Part of the word (O'Brien): continue scanning at this index.
    Continue(usize),
    /// The word ends at `word_end`; a clitic spans `clitic_start..clitic_end`.
    Split {
        word_end: usize,
        clitic_start: usize,
        clitic_end: usize,
        clitic: Clitic,
    },
    /// The word ends here; the apostrophe is a quotation mark.
    Stop,
}

impl Tokenizer<'_> {
    fn run(&mut self) {
        let bytes = self.bytes;
        let mut index = 0;
        while let Some(&byte) = bytes.get(index) {
            // Bytes >= 0x80 have class 0, so ASCII letters and digits alone start a word here;
            // most tokens are words, so they are told apart first.
            let byte_class = class(byte);
            if byte_class & ALNUM != 0 {
                index = self.word(index, byte_class);
            } else if byte == b' ' {
                // The commonest byte between tokens, and never a line break.
                self.pending |= flag::SPACE_BEFORE;
                index += 1;
            } else if byte < 0x80 {
                if byte_class & SPACE != 0 {
                    let line_break = byte == b'\n' || (byte == b'\r' && bytes.get(index + 1) != Some(&b'\n'));
                    self.whitespace(line_break);
                    index += 1;
                } else {
                    index = self.ascii_mark(index);
                }
            } else {
                index = self.non_ascii(index);
            }
        }
    }

    /// Scans the whitespace or token at `index`, which starts with a non-ASCII character;
    /// returns the index after it.
    fn non_ascii(&mut self, index: usize) -> usize {
        let Some(ch) = char_at(self.text, index) else {
            return self.bytes.len();
        };
        if ch.is_whitespace() || is_invisible(ch) {
            self.whitespace(matches!(ch, '\u{2028}' | '\u{2029}' | '\u{0085}'));
            index + ch.len_utf8()
        } else if ch.is_alphanumeric() {
            let first = if ch.is_uppercase() {
                UPPER
            } else if ch.is_lowercase() {
                LOWER
            } else {
                0
            };
            self.word(index, first)
        } else {
            self.unicode_mark(index, ch)
        }
    }

    fn whitespace(&mut self, line_break: bool) {
        self.pending |= flag::SPACE_BEFORE;
        if line_break {
            self.newlines += 1;
            self.pending |= flag::NEWLINE_BEFORE;
            if self.newlines >= 2 {
                self.pending |= flag::BLANK_LINE_BEFORE;
            }
            self.single_quote_open = false;
        }
    }

    /// Pushes a token that is not a [`Kind::Word`] (words go through
    /// [`Tokenizer::push_word`], which looks them up).
    fn push(&mut self, start: usize, end: usize, kind: Kind, flags: u16) {
        let marks = match kind {
            Kind::Clitic(_) => word_marks(self.lower.get(start..end).unwrap_or("")),
            _ => 0,
        };
        self.push_entry(start, end, kind, flags, None, marks);
    }

    /// Pushes a token with its lexicon entry and function-word marks.
    fn push_entry(&mut self, start: usize, end: usize, kind: Kind, flags: u16, entry: Option<Entry>, marks: u16) {
        self.tokens.push(RawToken {
            start: start as u32,
            end: end as u32,
            kind,
            flags: flags | self.pending,
            marks,
            entry,
        });
        self.pending = 0;
        self.newlines = 0;
    }

    /// Whether a word character (letter, digit, combining mark) starts at `index`.
    fn word_char_at(&self, index: usize) -> bool {
        match self.bytes.get(index) {
            None => false,
            Some(&byte) if byte < 0x80 => class(byte) & ALNUM != 0,
            Some(_) => char_at(self.text, index).is_some_and(|ch| ch.is_alphanumeric() || is_word_mark(ch)),
        }
    }

    /// Scans word characters from `index`; returns the index after them and `seen` with the
    /// letter classes met (LOWER, UPPER, DIGIT) added.
    #[inline]
    fn word_run(&self, mut index: usize, mut seen: u8) -> (usize, u8) {
        let bytes = self.bytes;
        loop {
            // Lower-case letters, most of the bytes of a word: eight at a time while eight
            // bytes of text are left.
            if let Some(chunk) = bytes.get(index..).and_then(<[u8]>::first_chunk::<8>) {
                let run = lowercase_prefix(u64::from_le_bytes(*chunk));
                if run > 0 {
                    seen |= LOWER;
                    index += run;
                    if run == 8 {
                        continue;
                    }
                }
            }
            // Then one byte: another letter or digit, or the end of the run.
            let Some(&byte) = bytes.get(index) else {
                return (index, seen);
            };
            // Bytes >= 0x80 have class 0, so ASCII letters and digits alone take this branch.
            let byte_class = class(byte);
            if byte_class & ALNUM != 0 {
                seen |= byte_class;
                index += 1;
                continue;
            }
            if byte < 0x80 {
                return (index, seen);
            }
            match char_at(self.text, index) {
                Some(ch) if ch.is_alphanumeric() || is_word_mark(ch) => {
                    if ch.is_uppercase() {
                        seen |= UPPER;
                    } else if ch.is_lowercase() {
                        seen |= LOWER;
                    }
                    index += ch.len_utf8();
                }
                _ => return (index, seen),
            }
        }
    }

    /// Scans a word, number or abbreviation starting at `start` and pushes it (with any
    /// clitic). `first` is the letter class of its first character (LOWER, UPPER or DIGIT for
    /// an ASCII digit, 0 for other characters), found by the caller. Returns the index after
    /// what it consumed.
    fn word(&mut self, start: usize, first: u8) -> usize {
        let bytes = self.bytes;
        let byte_at = |i: usize| bytes.get(i).copied().unwrap_or(b' ');
        let mut index = start;
        // Start of the current period-separated segment, for "U.S."-style chains.
        let mut segment_start = start;
        // The single-letter segments so far of a "U.S."-style chain (1 before the first
        // period), 0 once the word is no such chain.
        let mut chain_segments = 1;
        // Letter classes seen, and the flags of hyphens and apostrophes inside the word, for the
        // token's shape flags.
        let mut seen = 0u8;
        let mut inner = 0u16;
        loop {
            (index, seen) = self.word_run(index, seen);
            // Most words end at a space or ASCII punctuation: decode only non-ASCII stops.
            let ch = match bytes.get(index) {
                None => break,
                Some(&byte) if byte < 0x80 => {
                    if class(byte) & SPACE != 0 {
                        break;
                    }
                    char::from(byte)
                }
                Some(_) => match char_at(self.text, index) {
                    Some(ch) => ch,
                    None => break,
                },
            };
            let previous = byte_at(index - 1);
            let next = byte_at(index + 1);
            match ch {
                _ if is_hyphen_char(ch) => {
                    let after = index + ch.len_utf8();
                    if !self.word_char_at(after) {
                        // "anti- Western", "pre- and post-war": a prefix whose hyphen is left
                        // hanging before a space keeps it, as one modifier word.
                        if previous.is_ascii_alphabetic() && byte_at(after) == b' ' && self.word_char_at(after + 1) {
                            index = after;
                            inner |= flag::HYPHENATED;
                        }
                        break;
                    }
                    index += ch.len_utf8();
                    segment_start = index;
                    // "then-U.S.", "anti-U.N.": a letter-period chain may start after the hyphen.
                    chain_segments = 1;
                    inner |= flag::HYPHENATED;
                }
                '.' => {
                    let segment_is_letter = index - segment_start == 1 && previous.is_ascii_alphabetic();
                    if previous.is_ascii_digit() && next.is_ascii_digit() {
                        index += 1;
                        chain_segments = 0;
                    } else if chain_segments > 0
                        && segment_is_letter
                        && next.is_ascii_alphabetic()
                        && byte_at(index + 2) == b'.'
                    {
                        index += 1;
                        segment_start = index;
                        chain_segments += 1;
                    } else if previous.is_ascii_lowercase() && next.is_ascii_lowercase() {
                        // Domain names: bbc.co.uk
                        index += 1;
                        segment_start = index;
                        chain_segments = 0;
                    } else if let Some(end) = self.abbreviation_end(start, index, segment_start, chain_segments) {
                        if byte_at(end) == b'-' && self.word_char_at(end + 1) {
                            // "U.S.-led": the abbreviation starts a hyphenated word.
                            index = end + 1;
                            segment_start = index;
                            chain_segments = 0;
                            inner |= flag::HYPHENATED;
                        } else {
                            let kind = self.abbreviation_kind(start, end);
                            self.push_word(start, end, kind, first, seen, inner | flag::STOP);
                            return end;
                        }
                    } else {
                        break;
                    }
                }
                ',' if previous.is_ascii_digit()
                    && bytes
                        .get(index + 1..index + 4)
                        .is_some_and(|digits| digits.iter().all(u8::is_ascii_digit))
                    && !byte_at(index + 4).is_ascii_digit() =>
                {
                    index += 1;
                    chain_segments = 0;
                }
                ':' if previous.is_ascii_digit() && next.is_ascii_digit() && byte_at(index + 2).is_ascii_digit() => {
                    index += 1;
                    chain_segments = 0;
                }
                '/' if previous.is_ascii_digit() && next.is_ascii_digit() => {
                    index += 1;
                    chain_segments = 0;
                }
                '&' if previous.is_ascii_uppercase() && next.is_ascii_uppercase() => {
                    index += 1;
                    chain_segments = 0;
                }
                _ if is_apostrophe_char(ch) => match self.apostrophe(start, index, ch.len_utf8()) {
                    Apostrophe::Continue(after) => {
                        index = after;
                        chain_segments = 0;
                        inner |= flag::APOSTROPHE_INSIDE;
                    }
                    Apostrophe::Split {
                        word_end,
                        clitic_start,
                        clitic_end,
                        clitic,
                    } => {
                        self.push_word(start, word_end, Kind::Word, first, seen, inner);
                        self.push(clitic_start, clitic_end, Kind::Clitic(clitic), 0);
                        return clitic_end;
                    }
                    Apostrophe::Stop => break,
                },
                _ => break,
            }
        }
        self.push_word(start, index, Kind::Word, first, seen, inner);
        index
    }

    /// When the word `start..period` is followed by an abbreviation period (at `period`),
    /// returns the end of the abbreviation including that period.
    fn abbreviation_end(
        &self,
        start: usize,
        period: usize,
        segment_start: usize,
        chain_segments: usize,
    ) -> Option<usize> {
        let bytes = self.bytes;
        if bytes.get(period + 1) == Some(&b'.') {
            return None; // "etc..." ends with an ellipsis
        }
        let end = period + 1;
        let last_segment_is_letter = period - segment_start == 1 && bytes[segment_start].is_ascii_alphabetic();
        if chain_segments >= 2 && last_segment_is_letter {
            return Some(end); // U.S., a.m., e.g.
        }
        if period - start == 1 && bytes[start].is_ascii_uppercase() {
            return Some(end); // an initial: George W. Bush
        }
        let abbreviation = self.lexicon.abbreviation(self.lower.get(start..end)?)?;
        if abbreviation.class == AbbreviationClass::Numeric {
            let next = bytes[end..].iter().find(|byte| !byte.is_ascii_whitespace());
            if !next.is_some_and(u8::is_ascii_digit) {
                return None; // "He said no."
            }
        }
        Some(end)
    }

    fn abbreviation_kind(&self, start: usize, end: usize) -> Kind {
        let listed = self
            .lower
            .get(start..end)
            .and_then(|lower| self.lexicon.abbreviation(lower));
        match listed {
            Some(abbreviation) => Kind::Abbreviation {
                class: abbreviation.class,
                tag: abbreviation.tag,
            },
            None => Kind::Abbreviation {
                class: AbbreviationClass::Any,
                tag: Tag::NNP,
            },
        }
    }

    /// Decides what an apostrophe at `at` (of `len` bytes) inside the word starting at
    /// `start` is.
    fn apostrophe(&mut self, start: usize, at: usize, len: usize) -> Apostrophe {
        let bytes = self.bytes;
        let after = at + len;
        let letters_end = after
            + bytes[after..]
                .iter()
                .take_while(|byte| byte.is_ascii_alphabetic())
                .count();
        if letters_end > after {
            if self.word_char_at(letters_end) {
                return Apostrophe::Continue(after);
            }
            let split = |word_end: usize, clitic| Apostrophe::Split {
                word_end,
                clitic_start: word_end,
                clitic_end: letters_end,
                clitic,
            };
            return match self.lower.get(after..letters_end).unwrap_or("") {
                "s" => split(at, Clitic::S),
                "t" if at - 1 > start && matches!(bytes[at - 1], b'n' | b'N') => split(at - 1, Clitic::Not),
                "re" | "ve" | "m" => split(at, Clitic::Auxiliary),
                "ll" | "d" => split(at, Clitic::Modal),
                _ => Apostrophe::Continue(after),
            };
        }
        if self.word_char_at(after) {
            return Apostrophe::Continue(after); // a digit or non-ASCII letter follows
        }
        if matches!(bytes[at - 1], b's' | b'S') && !self.single_quote_open {
            return Apostrophe::Split {
                word_end: at,
                clitic_start: at,
                clitic_end: after,
                clitic: Clitic::PluralPossessive,
            };
        }
        Apostrophe::Stop
    }

    /// Pushes a word with its shape flags; `first` is the letter class of its first character
    /// and `seen` holds the letter classes it contains.
    // Inlined into `word` (once per word): the call would cost as much as the work.
    #[inline(always)]
    fn push_word(&mut self, start: usize, end: usize, kind: Kind, first: u8, seen: u8, flags: u16) {
        let mut flags = flags;
        if first & UPPER != 0 {
            flags |= flag::CAPITALIZED;
        } else if first & LOWER != 0 {
            flags |= flag::LOWERCASE_START;
        }
        if seen & UPPER != 0 && seen & LOWER == 0 && end - start >= 2 {
            flags |= flag::ALL_CAPS;
        }
        if seen & DIGIT != 0 {
            flags |= flag::HAS_DIGIT;
        }
        match kind {
            Kind::Word if first & DIGIT != 0 => self.push(start, end, Kind::Number, flags),
            Kind::Word => {
                let entry = self
                    .lower
                    .as_bytes()
                    .get(start..end)
                    .and_then(|word| self.lexicon.word_bytes(word));
                let marks = entry.map_or(0, |entry| entry.marks);
                self.push_entry(start, end, kind, flags, entry, marks);
            }
            other => self.push(start, end, other, flags),
        }
    }

    /// Whether a quotation mark ending at `after` opens a quotation, judged by spacing.
    fn quote_opens(&self, after: usize) -> bool {
        let space_before = self.pending & flag::SPACE_BEFORE != 0
            || self.tokens.last().is_some_and(|last| {
                matches!(last.kind, Kind::Mark(Tag::LParen | Tag::Dash))
                    || (matches!(last.kind, Kind::Mark(Tag::Quote)) && last.has(flag::OPENING))
            });
        let space_after = match self.bytes.get(after) {
            None => true,
            Some(&byte) if byte < 0x80 => class(byte) & SPACE != 0,
            Some(_) => char_at(self.text, after).is_some_and(char::is_whitespace),
        };
        space_before && !space_after
    }

    fn push_quote(&mut self, start: usize, end: usize, opens: bool, single: bool) {
        if single {
            self.single_quote_open = opens;
        }
        let flags = if opens { flag::OPENING } else { flag::CLOSING };
        self.push(start, end, Kind::Mark(Tag::Quote), flags);
    }

    /// Length of the run of `byte` starting at `start`.
    fn run_of(&self, start: usize, byte: u8) -> usize {
        self.bytes[start..].iter().take_while(|&&other| other == byte).count()
    }

    fn ascii_mark(&mut self, start: usize) -> usize {
        let bytes = self.bytes;
        let byte = bytes[start];
        let single = |tag| (start + 1, Kind::Mark(tag), 0);
        let (end, kind, flags) = match byte {
            b'.' | b'!' | b'?' => {
                let length = bytes[start..]
                    .iter()
                    .take_while(|byte| matches!(byte, b'.' | b'!' | b'?'))
                    .count();
                let run = &bytes[start..start + length];
                if length >= 3 && run.iter().all(|&byte| byte == b'.') {
                    (start + length, Kind::Mark(Tag::Colon), flag::ELLIPSIS)
                } else {
                    (start + length, Kind::Mark(Tag::Period), flag::STOP)
                }
            }
            b',' => single(Tag::Comma),
            b';' | b':' => single(Tag::Colon),
            b'(' | b'[' | b'{' => single(Tag::LParen),
            b')' | b']' | b'}' => single(Tag::RParen),
            b'-' => (start + self.run_of(start, b'-'), Kind::Mark(Tag::Dash), 0),
            b'&' => single(Tag::CC),
            b'"' => {
                let opens = self.quote_opens(start + 1);
                self.push_quote(start, start + 1, opens, false);
                return start + 1;
            }
            b'`' => {
                let end = start + self.run_of(start, b'`');
                self.push_quote(start, end, true, end - start == 1);
                return end;
            }
            b'\'' => {
                if bytes.get(start + 1) == Some(&b'\'') {
                    self.push_quote(start, start + 2, false, false);
                    return start + 2;
                }
                let opens = self.quote_opens(start + 1);
                self.push_quote(start, start + 1, opens, true);
                return start + 1;
            }
            _ => (start + self.run_of(start, byte), Kind::Mark(Tag::SYM), 0),
        };
        self.push(start, end, kind, flags);
        end
    }

    fn unicode_mark(&mut self, start: usize, ch: char) -> usize {
        let end = start + ch.len_utf8();
        match ch {
            '\u{201C}' | '\u{201E}' | '\u{00AB}' | '\u{2039}' => self.push_quote(start, end, true, false),
            '\u{201D}' | '\u{00BB}' | '\u{203A}' => self.push_quote(start, end, false, false),
            '\u{2018}' | '\u{201A}' => self.push_quote(start, end, true, true),
            '\u{2019}' | '\u{02BC}' => {
                let opens = self.quote_opens(end);
                self.push_quote(start, end, opens, true);
            }
            '\u{2010}'..='\u{2015}' | '\u{2043}' => {
                let mut dash_end = end;
                while let Some(next) = char_at(self.text, dash_end) {
                    if !matches!(next, '\u{2010}'..='\u{2015}' | '-') {
                        break;
                    }
                    dash_end += next.len_utf8();
                }
                self.push(start, dash_end, Kind::Mark(Tag::Dash), 0);
                return dash_end;
            }
            '\u{2026}' => self.push(start, end, Kind::Mark(Tag::Colon), flag::ELLIPSIS),
            _ => self.push(start, end, Kind::Mark(Tag::SYM), 0),
        }
        end
    }
}

#[cfg(test)]
mod tests {
    use super::{lowercase_prefix, tokenize, Kind};
    use crate::lexicon::lexicon;
    use crate::word_marks::{word_marks, BE};
    use crate::{analyze, Tag};

    #[test]
    fn words_come_with_their_lexicon_entries_and_marks() {
        let text = "The U.S. said it's been 3 Days; they're VISITING Kyiv-bound Zorblax.";
        let lower = text.to_ascii_lowercase();
        let tokens = tokenize(text, &lower, lexicon());
        for token in &tokens {
            let entry = &token.entry;
            let word = &lower[token.range()];
            match token.kind {
                Kind::Word => {
                    assert_eq!(*entry, lexicon().word(word), "{word}");
                    assert_eq!(token.marks, word_marks(word), "{word}");
                }
                Kind::Clitic(_) => {
                    assert_eq!(*entry, None, "{word}");
                    assert_eq!(token.marks, word_marks(word), "{word}");
                }
                _ => assert_eq!((*entry, token.marks), (None, 0), "{word}"),
            }
        }
        assert!(tokens
            .iter()
            .any(|token| &lower[token.range()] == "'re" && token.marks == BE));
        assert!(tokens.iter().filter(|token| token.entry.is_some()).count() >= 6);
    }

    #[test]
    fn lowercase_prefix_counts_leading_lowercase_letters() {
        // Every byte value at every place, after lower-case letters and before bytes that
        // carry when added to (0xFF).
        for place in 0..8 {
            for byte in 0..=255u8 {
                let mut chunk = [0xFFu8; 8];
                chunk[..place].fill(b'm');
                chunk[place] = byte;
                let expected = if byte.is_ascii_lowercase() { place + 1 } else { place };
                assert_eq!(lowercase_prefix(u64::from_le_bytes(chunk)), expected, "{place} {byte}");
            }
        }
        assert_eq!(lowercase_prefix(u64::from_le_bytes(*b"abcdwxyz")), 8);
        assert_eq!(lowercase_prefix(u64::from_le_bytes(*b"said Kim")), 4);
    }

    fn texts(text: &str) -> Vec<&str> {
        analyze(text).tokens.iter().map(|token| token.text(text)).collect()
    }

    #[test]
    fn a_hanging_hyphen_stays_on_its_prefix() {
        assert_eq!(
            texts("pro- and anti-government rallies, an anti- Western march - and more"),
            vec![
                "pro-",
                "and",
                "anti-government",
                "rallies",
                ",",
                "an",
                "anti-",
                "Western",
                "march",
                "-",
                "and",
                "more"
            ]
        );
    }

    #[test]
    fn words_keep_hyphens_and_abbreviation_periods() {
        assert_eq!(
            texts("Linda Thomas-Greenfield called the long-range, pro-Russian U.S.-led plan"),
            vec![
                "Linda",
                "Thomas-Greenfield",
                "called",
                "the",
                "long-range",
                ",",
                "pro-Russian",
                "U.S.-led",
                "plan"
            ]
        );
        // An abbreviation after a hyphen keeps its periods; a word after one ends at its stop.
        assert_eq!(
            texts("then-U.S. envoy, anti-U.N. mood, a Plan-B."),
            vec!["then-U.S.", "envoy", ",", "anti-U.N.", "mood", ",", "a", "Plan-B", "."]
        );
        assert_eq!(
            texts("The U.S. and U.N. met at 4 p.m. with Gen. Smith, e.g. here."),
            vec![
                "The", "U.S.", "and", "U.N.", "met", "at", "4", "p.m.", "with", "Gen.", "Smith", ",", "e.g.", "here",
                "."
            ]
        );
    }

    #[test]
    fn numbers_are_single_tokens() {
        assert_eq!(
            texts("1,000 troops, 3.5 percent, $1.2 billion at 4:00pm in 2022 on 9/11 (10%)."),
            vec![
                "1,000", "troops", ",", "3.5", "percent", ",", "$", "1.2", "billion", "at", "4:00pm", "in", "2022",
                "on", "9/11", "(", "10", "%", ")", "."
            ]
        );
        let analysis = analyze("1,000 3.5 2022");
        assert!(analysis.tokens.iter().all(|token| token.tag == Tag::CD));
    }

    #[test]
    fn clitics_are_split_with_honest_offsets() {
        assert_eq!(
            texts("Shoigu’s visit and Russia's plan didn't work; the allies' troops can't."),
            vec![
                "Shoigu", "’s", "visit", "and", "Russia", "'s", "plan", "did", "n't", "work", ";", "the", "allies",
                "'", "troops", "ca", "n't", "."
            ]
        );
        let analysis = analyze("Shoigu’s visit didn't happen");
        let tags: Vec<Tag> = analysis.tokens.iter().map(|token| token.tag).collect();
        assert_eq!(tags[1], Tag::POS);
        assert_eq!(tags[4], Tag::RB);
        assert_eq!(
            texts("They're sure we'll go, I'm told, you've seen O'Brien"),
            vec![
                "They", "'re", "sure", "we", "'ll", "go", ",", "I", "'m", "told", ",", "you", "'ve", "seen", "O'Brien"
            ]
        );
    }

    #[test]
    fn punctuation_tokens_and_tags() {
        let text = "He said: \u{201C}No\u{201D} \u{2014} (again) - 'fine' -- ok... \"yes\"";
        let analysis = analyze(text);
        let pairs: Vec<(&str, Tag)> = analysis
            .tokens
            .iter()
            .map(|token| (token.text(text), token.tag))
            .filter(|(_, tag)| tag.is_punctuation())
            .collect();
        assert_eq!(
            pairs,
            vec![
                (":", Tag::Colon),
                ("\u{201C}", Tag::Quote),
                ("\u{201D}", Tag::Quote),
                ("\u{2014}", Tag::Dash),
                ("(", Tag::LParen),
                (")", Tag::RParen),
                ("-", Tag::Dash),
                ("'", Tag::Quote),
                ("'", Tag::Quote),
                ("--", Tag::Dash),
                ("...", Tag::Colon),
                ("\"", Tag::Quote),
                ("\"", Tag::Quote),
            ]
        );
    }

    #[test]
    fn odd_input_is_tokenized_without_splitting_characters() {
        let text = "Émile 🙂 naïve\u{0301} \u{0007}\u{FEFF}Zürich…こんにちは 😀😀 x\u{200D}y";
        let analysis = analyze(text);
        for token in &analysis.tokens {
            assert!(text.is_char_boundary(token.start as usize));
            assert!(text.is_char_boundary(token.end as usize));
            assert!(token.start < token.end);
        }
        let words = texts(text);
        assert!(words.contains(&"Émile"));
        assert!(words.contains(&"naïve\u{0301}"));
        assert!(words.contains(&"Zürich"));
        assert!(words.contains(&"🙂"));
        assert!(!words.iter().any(|word| word.contains('\u{0007}')));
        let long_word = "a".repeat(100_000);
        assert_eq!(texts(&long_word), vec![long_word.as_str()]);
    }
}
