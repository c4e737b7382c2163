//! Splits text into the few token kinds the date patterns look at, with the
//! calendar vocabulary (month and weekday names, counting words, date units
//! and the function words around dates) classified once per word.

use crate::calendar::Weekday;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte offsets into the scanned text; always on char boundaries.
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// A word starting with a lowercase letter ("march", not "March").
    pub lowercase: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Word(Word),
    /// A plain run of ASCII digits (at most nine, so the value fits a `u32`).
    Number {
        value: u32,
        digits: u8,
    },
    /// "3rd", "21st": one or two digits and an English ordinal suffix.
    Ordinal(u32),
    /// Any single character that is neither whitespace nor alphanumeric.
    Punct(char),
    /// Everything else: mixed letters and digits ("G20"), formatted numbers
    /// ("1,000", "3.5"), very long digit runs, non-ASCII words.
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Word {
    Month {
        month: u8,
        /// "Aug", "Sept": only trusted when a day or year follows.
        abbreviated: bool,
        /// "May" and "March" are also an English verb/modal.
        ambiguous: bool,
    },
    Weekday(Weekday),
    /// "spring", "summer", "autumn" or "fall", "winter": the months of the northern
    /// hemisphere's season ("winter" runs from December to February).
    Season {
        first_month: u8,
        last_month: u8,
    },
    /// "one".."twelve", "a", "an".
    Count(u32),
    Unit(Unit),
    Keyword(Keyword),
    /// Any other word.
    Plain,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Month,
    Year,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Keyword {
    Today,
    Tonight,
    Yesterday,
    Tomorrow,
    Ago,
    This,
    Last,
    Next,
    Previous,
    /// "past", in "this past weekend".
    Past,
    /// "following", in "the following day".
    Following,
    The,
    Of,
    Before,
    /// "between" and "and", which make two years a period ("between 2003 and 2011").
    Between,
    And,
    Night,
    /// "weekend": Saturday and Sunday.
    Weekend,
    /// "morning", "afternoon", "evening".
    PartOfDay,
    /// "overnight": the night before publication, unless a day is named with it.
    Overnight,
    /// "Christmas" and "New" open the names of days of the year ("Christmas Eve", "New Year's
    /// Day"); "eve" closes some.
    Christmas,
    New,
    Eve,
    /// "early", "late", "mid": kept inside the span.
    Modifier,
    /// "earlier" and "later": modifiers that also narrow "this week" to its days before or
    /// after publication.
    Earlier,
    Later,
    /// Prepositions that make a following number or bare month a date
    /// ("in", "since", "during", "by", "from", "after"...).
    TimePreposition,
    /// "until", "till", "through": like [`Keyword::TimePreposition`], and they end a period
    /// ("2019 through 2021").
    Until,
    /// Prepositions that often, but not always, precede dates ("on", "at").
    WeakPreposition,
    /// "to": like [`Keyword::WeakPreposition`], and it ends a period ("2019 to 2021").
    To,
}

impl Word {
    /// Whether a date expression can be built around this word.
    const fn is_anchor(&self) -> bool {
        matches!(
            self,
            Word::Month { .. }
                | Word::Weekday(_)
                | Word::Season { .. }
                | Word::Unit(_)
                | Word::Keyword(
                    Keyword::Today
                        | Keyword::Tonight
                        | Keyword::Yesterday
                        | Keyword::Tomorrow
                        | Keyword::Night
                        | Keyword::Weekend
                        | Keyword::PartOfDay
                        | Keyword::Overnight
                        | Keyword::Christmas
                )
        )
    }
}

/// Whether `text` may contain a date expression: it has a digit or an
/// anchor word (a month, weekday or unit name, "today", "night"...). Cheaper
/// than tokenising; may answer `true` for texts without dates, never `false`
/// for texts with one.
pub(crate) fn may_contain_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut index = 0;
    while index < bytes.len() {
        let byte = bytes[index];
        if byte.is_ascii_digit() {
            return true;
        }
        if byte.is_ascii_alphabetic() {
            let start = index;
            while index < bytes.len() && bytes[index].is_ascii_alphabetic() {
                index += 1;
            }
            let word = &bytes[start..index];
            if ANCHOR_SHAPES.may_contain(word) && classify_word(word).is_anchor() {
                return true;
            }
        } else {
            index += 1;
        }
    }
    false
}

/// An iterator over the tokens of a text, skipping whitespace.
pub(crate) struct Tokens<'a> {
    text: &'a str,
    position: usize,
}

impl<'a> Tokens<'a> {
    pub fn new(text: &'a str) -> Tokens<'a> {
        Tokens { text, position: 0 }
    }

    /// Consumes an alphanumeric run starting at ASCII alphanumeric `start`.
    fn alphanumeric_run(&mut self, start: usize) -> Token {
        let bytes = self.text.as_bytes();
        let skip = |mut at: usize, accept: fn(&u8) -> bool| {
            while at < bytes.len() && accept(&bytes[at]) {
                at += 1;
            }
            at
        };
        // One pass: leading digits, then letters, then anything alphanumeric
        // (which makes the run mixed, like "G20" or "4x4").
        let digits_end = skip(start, u8::is_ascii_digit);
        let letters_end = skip(digits_end, u8::is_ascii_alphabetic);
        let mut end = skip(letters_end, u8::is_ascii_alphanumeric);
        let mut kind = if end != letters_end {
            Kind::Other
        } else if digits_end == end {
            self.number(&bytes[start..end])
        } else if digits_end == start {
            Kind::Word(classify_word(&bytes[start..end]))
        } else {
            ordinal(&bytes[start..digits_end], &bytes[digits_end..end])
        };
        // A run continuing with a non-ASCII letter ("Mayé") is a foreign word.
        if bytes.get(end).is_some_and(|byte| !byte.is_ascii()) {
            let continues_word = self.text[end..].chars().next().is_some_and(char::is_alphanumeric);
            if continues_word {
                end = self.skip_alphanumeric(end);
                kind = Kind::Other;
            }
        }
        // Digit groups joined by ',' or '.' ("1,000", "3.5") form one number
        // that is never part of a date.
        if matches!(kind, Kind::Number { .. }) {
            let grouped_end = skip_digit_groups(bytes, end);
            if grouped_end != end {
                end = grouped_end;
                kind = Kind::Other;
            }
        }
        self.position = end;
        Token {
            start,
            end,
            kind,
            lowercase: bytes[start].is_ascii_lowercase(),
        }
    }

    fn number(&self, digits: &[u8]) -> Kind {
        if digits.len() > 9 {
            return Kind::Other;
        }
        let value = digits
            .iter()
            .fold(0u32, |value, &digit| value * 10 + u32::from(digit - b'0'));
        Kind::Number {
            value,
            // At most nine, checked above.
            digits: digits.len() as u8,
        }
    }

    /// Returns the end of the alphanumeric (any script) run starting at `from`.
    fn skip_alphanumeric(&self, from: usize) -> usize {
        self.text[from..]
            .char_indices()
            .find(|&(_, c)| !c.is_alphanumeric())
            .map_or(self.text.len(), |(offset, _)| from + offset)
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let bytes = self.text.as_bytes();
        loop {
            let start = self.position;
            let &byte = bytes.get(start)?;
            if byte.is_ascii_alphanumeric() {
                return Some(self.alphanumeric_run(start));
            }
            if byte.is_ascii() {
                self.position += 1;
                if byte.is_ascii_whitespace() {
                    continue;
                }
                return Some(Token {
                    start,
                    end: start + 1,
                    kind: Kind::Punct(char::from(byte)),
                    lowercase: false,
                });
            }
            // `position` only ever advances by whole chars, so it is a char boundary.
            let c = self.text[start..].chars().next()?;
            self.position += c.len_utf8();
            if c.is_whitespace() {
                continue;
            }
            if c.is_alphanumeric() {
                self.position = self.skip_alphanumeric(self.position);
                return Some(Token {
                    start,
                    end: self.position,
                    kind: Kind::Other,
                    lowercase: c.is_lowercase(),
                });
            }
            return Some(Token {
                start,
                end: self.position,
                kind: Kind::Punct(c),
                lowercase: false,
            });
        }
    }
}

/// Returns the end of any `(,|.)digits` groups following a number at `end`.
fn skip_digit_groups(bytes: &[u8], mut end: usize) -> usize {
    while end + 1 < bytes.len() && matches!(bytes[end], b',' | b'.') && bytes[end + 1].is_ascii_digit() {
        end += 1;
        while end < bytes.len() && bytes[end].is_ascii_digit() {
            end += 1;
        }
    }
    end
}

fn ordinal(digits: &[u8], suffix: &[u8]) -> Kind {
    let is_ordinal_suffix = [b"st", b"nd", b"rd", b"th"]
        .iter()
        .any(|known| suffix.eq_ignore_ascii_case(*known));
    if digits.len() > 2 || !is_ordinal_suffix {
        return Kind::Other;
    }
    let value = digits
        .iter()
        .fold(0u32, |value, &digit| value * 10 + u32::from(digit - b'0'));
    Kind::Ordinal(value)
}

const fn month(month: u8, abbreviated: bool) -> Word {
    Word::Month {
        month,
        abbreviated,
        ambiguous: (month == 3 || month == 5) && !abbreviated,
    }
}

const fn season(first_month: u8, last_month: u8) -> Word {
    Word::Season {
        first_month,
        last_month,
    }
}

const fn keyword(keyword: Keyword) -> Word {
    Word::Keyword(keyword)
}

/// The calendar vocabulary, lowercase. This is the grammar of English date
/// expressions rather than tunable data, so it lives with the code.
const VOCABULARY: &[(&str, Word)] = &[
    ("january", month(1, false)),
    ("jan", month(1, true)),
    ("february", month(2, false)),
    ("feb", month(2, true)),
    ("march", month(3, false)),
    ("mar", month(3, true)),
    ("april", month(4, false)),
    ("apr", month(4, true)),
    ("may", month(5, false)),
    ("june", month(6, false)),
    ("jun", month(6, true)),
    ("july", month(7, false)),
    ("jul", month(7, true)),
    ("august", month(8, false)),
    ("aug", month(8, true)),
    ("september", month(9, false)),
    ("sep", month(9, true)),
    ("sept", month(9, true)),
    ("october", month(10, false)),
    ("oct", month(10, true)),
    ("november", month(11, false)),
    ("nov", month(11, true)),
    ("december", month(12, false)),
    ("dec", month(12, true)),
    ("monday", Word::Weekday(Weekday::Monday)),
    ("tuesday", Word::Weekday(Weekday::Tuesday)),
    ("wednesday", Word::Weekday(Weekday::Wednesday)),
    ("thursday", Word::Weekday(Weekday::Thursday)),
    ("friday", Word::Weekday(Weekday::Friday)),
    ("saturday", Word::Weekday(Weekday::Saturday)),
    ("sunday", Word::Weekday(Weekday::Sunday)),
    ("spring", season(3, 5)),
    ("summer", season(6, 8)),
    ("autumn", season(9, 11)),
    ("fall", season(9, 11)),
    ("winter", season(12, 2)),
    ("a", Word::Count(1)),
    ("an", Word::Count(1)),
    ("one", Word::Count(1)),
    ("two", Word::Count(2)),
    ("three", Word::Count(3)),
    ("four", Word::Count(4)),
    ("five", Word::Count(5)),
    ("six", Word::Count(6)),
    ("seven", Word::Count(7)),
    ("eight", Word::Count(8)),
    ("nine", Word::Count(9)),
    ("ten", Word::Count(10)),
    ("eleven", Word::Count(11)),
    ("twelve", Word::Count(12)),
    ("day", Word::Unit(Unit::Day)),
    ("days", Word::Unit(Unit::Day)),
    ("week", Word::Unit(Unit::Week)),
    ("weeks", Word::Unit(Unit::Week)),
    ("month", Word::Unit(Unit::Month)),
    ("months", Word::Unit(Unit::Month)),
    ("year", Word::Unit(Unit::Year)),
    ("years", Word::Unit(Unit::Year)),
    ("today", keyword(Keyword::Today)),
    ("tonight", keyword(Keyword::Tonight)),
    ("yesterday", keyword(Keyword::Yesterday)),
    ("tomorrow", keyword(Keyword::Tomorrow)),
    ("ago", keyword(Keyword::Ago)),
    ("this", keyword(Keyword::This)),
    ("last", keyword(Keyword::Last)),
    ("next", keyword(Keyword::Next)),
    ("previous", keyword(Keyword::Previous)),
    ("past", keyword(Keyword::Past)),
    ("following", keyword(Keyword::Following)),
    ("the", keyword(Keyword::The)),
    ("of", keyword(Keyword::Of)),
    ("before", keyword(Keyword::Before)),
    ("between", keyword(Keyword::Between)),
    ("and", keyword(Keyword::And)),
    ("night", keyword(Keyword::Night)),
    ("weekend", keyword(Keyword::Weekend)),
    ("morning", keyword(Keyword::PartOfDay)),
    ("afternoon", keyword(Keyword::PartOfDay)),
    ("evening", keyword(Keyword::PartOfDay)),
    ("overnight", keyword(Keyword::Overnight)),
    ("christmas", keyword(Keyword::Christmas)),
    ("new", keyword(Keyword::New)),
    ("eve", keyword(Keyword::Eve)),
    ("early", keyword(Keyword::Modifier)),
    ("late", keyword(Keyword::Modifier)),
    ("mid", keyword(Keyword::Modifier)),
    ("earlier", keyword(Keyword::Earlier)),
    ("later", keyword(Keyword::Later)),
    ("in", keyword(Keyword::TimePreposition)),
    ("since", keyword(Keyword::TimePreposition)),
    ("until", keyword(Keyword::Until)),
    ("till", keyword(Keyword::Until)),
    ("during", keyword(Keyword::TimePreposition)),
    ("throughout", keyword(Keyword::TimePreposition)),
    ("through", keyword(Keyword::Until)),
    ("by", keyword(Keyword::TimePreposition)),
    ("from", keyword(Keyword::TimePreposition)),
    ("after", keyword(Keyword::TimePreposition)),
    ("on", keyword(Keyword::WeakPreposition)),
    ("to", keyword(Keyword::To)),
    ("at", keyword(Keyword::WeakPreposition)),
];

// Word classification runs on every word of every sentence, so the
// vocabulary is an open-addressing hash table built at compile time: a
// lookup is one multiplication and usually one comparison. Most words are
// not in the vocabulary, and their shape (length, first and last letter)
// tells so before the hash is computed.

/// The longest vocabulary word ("throughout").
const LONGEST_WORD: usize = longest_word();

const fn longest_word() -> usize {
    let mut longest = 0;
    let mut entry = 0;
    while entry < VOCABULARY.len() {
        if VOCABULARY[entry].0.len() > longest {
            longest = VOCABULARY[entry].0.len();
        }
        entry += 1;
    }
    longest
}

/// The shapes of a set of vocabulary words: which (length, first letter,
/// last letter) triples they have. A word of another shape is not in the
/// set; two table reads rule out most words of a sentence.
struct WordShapes {
    /// `last_letters[length][first]` has bit `k` set for last letter `b'a' + k`.
    last_letters: [[u32; 26]; LONGEST_WORD + 1],
}

static VOCABULARY_SHAPES: WordShapes = WordShapes::of_vocabulary(false);
/// The shapes of the anchor words (see [`Word::is_anchor`]).
static ANCHOR_SHAPES: WordShapes = WordShapes::of_vocabulary(true);

impl WordShapes {
    /// The shapes of the vocabulary, or of its anchor words only.
    const fn of_vocabulary(anchors_only: bool) -> WordShapes {
        let mut last_letters = [[0u32; 26]; LONGEST_WORD + 1];
        let mut entry = 0;
        while entry < VOCABULARY.len() {
            let (word, class) = VOCABULARY[entry];
            if !anchors_only || class.is_anchor() {
                let word = word.as_bytes();
                let (Some(first), Some(last)) = (letter_index(word[0]), letter_index(word[word.len() - 1])) else {
                    panic!("vocabulary words are lowercase letters");
                };
                last_letters[word.len()][first] |= 1 << last;
            }
            entry += 1;
        }
        WordShapes { last_letters }
    }

    /// Whether `word` (ASCII, any case) may be one of the set: `false` is
    /// certain, `true` is not.
    fn may_contain(&self, word: &[u8]) -> bool {
        let (Some(&first), Some(&last)) = (word.first(), word.last()) else {
            return false;
        };
        let (Some(first), Some(last)) = (letter_index(first), letter_index(last)) else {
            return false;
        };
        self.last_letters
            .get(word.len())
            .is_some_and(|by_first| by_first[first] & (1 << last) != 0)
    }
}

/// The position of an ASCII letter in the alphabet, in either case.
const fn letter_index(byte: u8) -> Option<usize> {
    match byte.to_ascii_lowercase() {
        letter @ b'a'..=b'z' => Some((letter - b'a') as usize),
        _ => None,
    }
}

/// Words are packed into a `u128` key, one byte per letter.
const MAX_KEY_LETTERS: usize = 16;
const TABLE_SLOTS: usize = 256;
type Table = [Option<(u128, Word)>; TABLE_SLOTS];
static VOCABULARY_TABLE: Table = build_table();

/// The lowercase letters of `word` as a number (`word` has at most
/// [`MAX_KEY_LETTERS`] ASCII letters, so distinct words get distinct keys).
const fn word_key(word: &[u8]) -> u128 {
    let mut key = 0u128;
    let mut index = 0;
    while index < word.len() {
        key = (key << 8) | word[index].to_ascii_lowercase() as u128;
        index += 1;
    }
    key
}

const fn home_slot(key: u128) -> usize {
    // Fibonacci hashing: the top 8 bits of a multiplication by 2^128/phi.
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835) >> 120) as usize
}

const fn build_table() -> Table {
    assert!(VOCABULARY.len() < TABLE_SLOTS / 2, "vocabulary table too full");
    let mut table: Table = [None; TABLE_SLOTS];
    let mut entry = 0;
    while entry < VOCABULARY.len() {
        let (word, class) = VOCABULARY[entry];
        assert!(word.len() <= MAX_KEY_LETTERS, "vocabulary word too long");
        let key = word_key(word.as_bytes());
        let mut slot = home_slot(key);
        while let Some((taken, _)) = table[slot] {
            assert!(taken != key, "duplicate vocabulary word");
            slot = (slot + 1) % TABLE_SLOTS;
        }
        table[slot] = Some((key, class));
        entry += 1;
    }
    table
}

/// The class of a lower-case word ("two" is a count, "weeks" a unit).
pub(crate) fn classify(word: &str) -> Word {
    classify_word(word.as_bytes())
}

fn classify_word(word: &[u8]) -> Word {
    // Also keeps `word` within the MAX_KEY_LETTERS that `word_key` needs.
    if !VOCABULARY_SHAPES.may_contain(word) {
        return Word::Plain;
    }
    let key = word_key(word);
    let mut slot = home_slot(key);
    // The table is at most half full, so probing reaches an empty slot.
    loop {
        match VOCABULARY_TABLE[slot] {
            None => return Word::Plain,
            Some((known, class)) if known == key => return class,
            Some(_) => slot = (slot + 1) % TABLE_SLOTS,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn kinds(text: &str) -> Vec<Kind> {
        Tokens::new(text).map(|token| token.kind).collect()
    }

    #[test]
    fn numbers_ordinals_and_formatted_numbers() {
        assert_eq!(
            kinds("1,000 3.5 2019 3rd 21ST 4x4 1234567890"),
            vec![
                Kind::Other,
                Kind::Other,
                Kind::Number { value: 2019, digits: 4 },
                Kind::Ordinal(3),
                Kind::Ordinal(21),
                Kind::Other,
                Kind::Other,
            ]
        );
        // A sentence-final full stop does not join the number.
        assert_eq!(
            kinds("2019."),
            vec![Kind::Number { value: 2019, digits: 4 }, Kind::Punct('.')]
        );
    }

    #[test]
    fn words_are_classified_case_insensitively() {
        assert_eq!(
            kinds("AUGUST may Wednesday ago"),
            vec![
                Kind::Word(Word::Month {
                    month: 8,
                    abbreviated: false,
                    ambiguous: false
                }),
                Kind::Word(Word::Month {
                    month: 5,
                    abbreviated: false,
                    ambiguous: true
                }),
                Kind::Word(Word::Weekday(Weekday::Wednesday)),
                Kind::Word(Word::Keyword(Keyword::Ago)),
            ]
        );
    }

    #[test]
    fn every_vocabulary_word_is_found() {
        for &(word, class) in VOCABULARY {
            assert_eq!(classify_word(word.as_bytes()), class, "{word}");
            assert_eq!(classify_word(word.to_uppercase().as_bytes()), class, "{word}");
        }
        assert_eq!(classify_word(b"mayday"), Word::Plain);
        assert_eq!(classify_word(b"abcdefghijklmnopq"), Word::Plain);
    }

    #[test]
    fn offsets_respect_non_ascii_text() {
        let text = "Mayé’s «2019»\u{a0}tomorrow";
        let tokens: Vec<Token> = Tokens::new(text).collect();
        assert_eq!(tokens[0].kind, Kind::Other);
        assert_eq!(&text[tokens[0].start..tokens[0].end], "Mayé");
        assert_eq!(tokens[1].kind, Kind::Punct('’'));
        assert_eq!(&text[tokens[4].start..tokens[4].end], "2019");
        let last = tokens.last().expect("tokens");
        assert_eq!(&text[last.start..last.end], "tomorrow");
    }

    fn has_anchor_token(text: &str) -> bool {
        Tokens::new(text).any(|token| match token.kind {
            Kind::Number { .. } | Kind::Ordinal(_) => true,
            Kind::Word(word) => word.is_anchor(),
            Kind::Punct(_) | Kind::Other => false,
        })
    }

    fn vocabulary_text() -> impl Strategy<Value = String> {
        let words: Vec<&str> = VOCABULARY.iter().map(|(word, _)| *word).collect();
        let piece = prop_oneof![prop::sample::select(words).prop_map(str::to_string), "\\PC{0,3}"];
        prop::collection::vec(piece, 0..8).prop_map(|pieces| pieces.join(""))
    }

    proptest! {
        #[test]
        fn prefilter_never_misses_an_anchor(text in vocabulary_text()) {
            prop_assert!(!has_anchor_token(&text) || may_contain_date(&text));
        }
    }

    #[test]
    fn prefilter_rejects_text_without_date_words() {
        assert!(!may_contain_date("The United States has raised alarms."));
        assert!(may_contain_date("It happened on Monday."));
        assert!(may_contain_date("Some 20 people."));
    }
}
