//! Sentence splitting and dateline detection over the token stream.
//!
//! One left-to-right pass: a sentence ends at a line break that closes a paragraph or a
//! heading, or at a full stop / abbreviation period / ellipsis (plus any closing quotes and
//! brackets) when what follows can start a sentence. Each decision looks at a bounded
//! number of neighbouring tokens, so the pass is linear.

use crate::lexicon::AbbreviationClass;
use crate::tokens::{flag, Kind, RawToken};
use crate::{SentenceSpan, Tag};

/// How strongly a token ends a sentence.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Terminal {
    /// . ! ?: ends the sentence unless a lower-case word or punctuation follows.
    FullStop,
    /// Ellipsis or abbreviation period: ends the sentence only before a common sentence
    /// starter ("in the U.S. The president said").
    Weak,
}

/// Most tokens a dateline ("WASHINGTON, Aug. 30 (AP) --") may span, dash included.
const DATELINE_MAX_TOKENS: usize = 16;

/// Splits `tokens` into sentences.
pub(crate) fn split(tokens: &[RawToken]) -> Vec<SentenceSpan> {
    let mut sentences = Vec::with_capacity(tokens.len() / 20 + 1);
    let mut start = 0;
    let mut index = 0;
    // Only a token after a line break or a terminal can end a sentence: skip the others in a
    // tight scan.
    while let Some(offset) = tokens
        .get(index..)
        .and_then(|rest| rest.iter().position(may_end_sentence))
    {
        index += offset;
        if index > start && tokens[index].has(flag::NEWLINE_BEFORE) && line_break_ends_sentence(tokens, index) {
            sentences.push(span(tokens, start, index));
            start = index;
        }
        let Some(terminal) = terminal(tokens, index) else {
            index += 1;
            continue;
        };
        let mut next = index + 1;
        while next < tokens.len() && !tokens[next].has(flag::NEWLINE_BEFORE) && is_closer(&tokens[next]) {
            next += 1;
        }
        let ends = next == tokens.len()
            || tokens[next].has(flag::NEWLINE_BEFORE)
            || match terminal {
                Terminal::FullStop => can_start_sentence(&tokens[next]),
                Terminal::Weak => is_sentence_starter(tokens, next),
            };
        if ends {
            sentences.push(span(tokens, start, next));
            start = next;
        }
        index = next;
    }
    if start < tokens.len() {
        sentences.push(span(tokens, start, tokens.len()));
    }
    sentences
}

fn span(tokens: &[RawToken], start: usize, end: usize) -> SentenceSpan {
    let body_start = dateline_end(tokens, start, end).unwrap_or(start);
    SentenceSpan {
        start: tokens[start].start,
        end: tokens[end - 1].end,
        tokens: start as u32..end as u32,
        body_start: body_start as u32,
    }
}

/// Whether a sentence may end before the token (after a line break) or at it (a possible
/// [`Terminal`]).
fn may_end_sentence(token: &RawToken) -> bool {
    token.has(flag::NEWLINE_BEFORE | flag::STOP | flag::ELLIPSIS)
}

fn terminal(tokens: &[RawToken], index: usize) -> Option<Terminal> {
    let token = &tokens[index];
    match token.kind {
        Kind::Mark(Tag::Period) => Some(Terminal::FullStop),
        Kind::Mark(Tag::Colon) if token.has(flag::ELLIPSIS) => Some(Terminal::Weak),
        Kind::Abbreviation { class, .. } => match class {
            AbbreviationClass::Title | AbbreviationClass::Inner | AbbreviationClass::Numeric => None,
            AbbreviationClass::Month if tokens.get(index + 1).is_some_and(|next| next.kind == Kind::Number) => None,
            AbbreviationClass::Month | AbbreviationClass::Any => Some(Terminal::Weak),
        },
        _ => None,
    }
}

/// Closing quotes and brackets that belong to the sentence before them.
fn is_closer(token: &RawToken) -> bool {
    match token.kind {
        Kind::Mark(Tag::RParen) => true,
        Kind::Mark(Tag::Quote) => token.has(flag::CLOSING) || !token.has(flag::SPACE_BEFORE | flag::OPENING),
        _ => false,
    }
}

/// After a full stop: anything but a lower-case word or continuing punctuation.
fn can_start_sentence(token: &RawToken) -> bool {
    match token.kind {
        Kind::Word => !token.has(flag::LOWERCASE_START),
        Kind::Clitic(_) => false,
        Kind::Mark(tag) => {
            !matches!(tag, Tag::Comma | Tag::Colon | Tag::Period | Tag::RParen | Tag::Quote)
                || (tag == Tag::Quote && token.has(flag::OPENING))
        }
        Kind::Number | Kind::Abbreviation { .. } => true,
    }
}

/// A capitalised word that usually starts sentences rather than continuing names: a
/// determiner, pronoun, preposition, conjunction, adverb ... ("The", "He", "In", "But").
/// An opening quote before such a word counts too.
fn is_sentence_starter(tokens: &[RawToken], mut index: usize) -> bool {
    let Some(mut token) = tokens.get(index) else {
        return true;
    };
    if token.mark() == Some(Tag::Quote) && token.has(flag::OPENING) {
        index += 1;
        match tokens.get(index) {
            Some(quoted) => token = quoted,
            None => return false,
        }
    }
    if !token.is_word() || !token.has(flag::CAPITALIZED) || token.has(flag::ALL_CAPS) {
        return false;
    }
    token.entry.is_some_and(|entry| {
        matches!(
            entry.primary,
            Tag::DT
                | Tag::PDT
                | Tag::PRP
                | Tag::PRPS
                | Tag::IN
                | Tag::CC
                | Tag::WRB
                | Tag::WP
                | Tag::WDT
                | Tag::WPS
                | Tag::EX
                | Tag::RB
                | Tag::RBR
                | Tag::MD
                | Tag::TO
                | Tag::UH
        )
    })
}

/// A single line break ends a sentence (a heading, a paragraph of one line) unless the text
/// visibly runs on: the next line starts in lower case, or the line ends with a comma or a
/// function word that needs a continuation. A blank line always ends the sentence.
fn line_break_ends_sentence(tokens: &[RawToken], index: usize) -> bool {
    let token = &tokens[index];
    if token.has(flag::BLANK_LINE_BEFORE) {
        return true;
    }
    if token.has(flag::LOWERCASE_START) || matches!(token.kind, Kind::Clitic(_)) {
        return false;
    }
    let previous = &tokens[index - 1];
    match previous.kind {
        Kind::Mark(Tag::Comma) => false,
        Kind::Word => !previous
            .entry
            .is_some_and(|entry| matches!(entry.primary, Tag::DT | Tag::IN | Tag::CC | Tag::TO | Tag::PRPS)),
        _ => true,
    }
}

/// If the sentence `start..end` opens with a dateline ("MOSCOW (Reuters) -",
/// "WASHINGTON, Aug 30 (AP) --", "SEOUL, March 3 -"), returns the index of the first token
/// after its dash.
fn dateline_end(tokens: &[RawToken], start: usize, end: usize) -> Option<usize> {
    let first = &tokens[start];
    let at_line_start = start == 0 || first.has(flag::NEWLINE_BEFORE);
    if !at_line_start || !first.is_word() || !first.has(flag::CAPITALIZED) {
        return None;
    }
    let place_in_capitals = first.has(flag::ALL_CAPS) && first.end - first.start >= 3;
    let mut has_agency = false;
    let limit = end.min(start + DATELINE_MAX_TOKENS);
    let mut index = start + 1;
    while index < limit {
        let token = &tokens[index];
        match token.kind {
            Kind::Word if token.has(flag::CAPITALIZED) => {}
            Kind::Number | Kind::Abbreviation { .. } => {}
            Kind::Mark(Tag::Comma | Tag::SYM) => {}
            Kind::Mark(Tag::LParen) => {
                // (Reuters), (AP), (AFP), (Xinhua): capitalised words up to the bracket.
                let close = (index + 1..limit).find(|&inner| tokens[inner].mark() == Some(Tag::RParen))?;
                let agency = &tokens[index + 1..close];
                if agency.is_empty()
                    || !agency
                        .iter()
                        .all(|t| t.has(flag::CAPITALIZED) || t.mark() == Some(Tag::Dash))
                {
                    return None;
                }
                has_agency = true;
                index = close;
            }
            Kind::Mark(Tag::Dash) => {
                let is_dateline = (place_in_capitals || has_agency) && index + 1 < end;
                return is_dateline.then_some(index + 1);
            }
            _ => return None,
        }
        index += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::analyze;

    fn sentences(text: &str) -> Vec<&str> {
        let analysis = analyze(text);
        analysis
            .sentences
            .iter()
            .map(|s| &text[s.start as usize..s.end as usize])
            .collect()
    }

    fn body(text: &str) -> Vec<String> {
        let analysis = analyze(text);
        analysis
            .sentences
            .iter()
            .map(|s| {
                let first = &analysis.tokens[s.body_start as usize];
                text[first.start as usize..s.end as usize].to_string()
            })
            .collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            sentences("Russia said it would respond. Ukraine denied it! Why? Nobody knows."),
            vec![
                "Russia said it would respond.",
                "Ukraine denied it!",
                "Why?",
                "Nobody knows."
            ]
        );
    }

    #[test]
    fn abbreviations_do_not_split() {
        let text = "U.S. Secretary of State Antony Blinken met U.N. officials and Gen. Mark \
                    Milley, Lt. Col. Smith, Sgt. Jones, Gov. Abbott, Sen. Graham, Rep. Smith, \
                    Dr. Fauci, Mr. and Mrs. Brown, Ms. Lee of Acme Inc. and Foo Corp. in St. \
                    Petersburg on Aug. 30 at 4 p.m. local time.";
        assert_eq!(sentences(text), vec![text]);
        let months = "The deal was signed on Jan. 5, Feb. 6, Sept. 7, Oct. 8, Nov. 9 and Dec. 10 \
                      by No. 10 officials vs. the E.U. negotiators, U.K. diplomats etc. in 2022.";
        assert_eq!(sentences(months), vec![months]);
    }

    #[test]
    fn initials_and_numbers_do_not_split() {
        let text = "George W. Bush met J. Smith as prices rose 3.5 percent to $1.2 billion at \
                    4:00pm on the 1,000th day.";
        assert_eq!(sentences(text), vec![text]);
    }

    #[test]
    fn abbreviation_at_sentence_end_before_a_starter_splits() {
        assert_eq!(
            sentences("Troops were sent to the U.S. The president said so."),
            vec!["Troops were sent to the U.S.", "The president said so."]
        );
        assert_eq!(
            sentences("The talks ended at 5 p.m. He left soon after."),
            vec!["The talks ended at 5 p.m.", "He left soon after."]
        );
        assert_eq!(
            sentences("He met U.S. President Joe Biden."),
            vec!["He met U.S. President Joe Biden."]
        );
    }

    #[test]
    fn quotations() {
        assert_eq!(
            sentences("\"We will respond,\" he said. Then he left."),
            vec!["\"We will respond,\" he said.", "Then he left."]
        );
        assert_eq!(
            sentences("He said: \"We will respond.\" Then he left."),
            vec!["He said: \"We will respond.\"", "Then he left."]
        );
        assert_eq!(
            sentences("He said: “We will respond.” Then he left."),
            vec!["He said: “We will respond.”", "Then he left."]
        );
        assert_eq!(
            sentences("\"Why?\" he asked. \"Because we can,\" she said."),
            vec!["\"Why?\" he asked.", "\"Because we can,\" she said."]
        );
        assert_eq!(
            sentences("He left. \"We will respond,\" she said."),
            vec!["He left.", "\"We will respond,\" she said."]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            sentences("We waited... and waited. I don't know… Maybe tomorrow."),
            vec!["We waited... and waited.", "I don't know…", "Maybe tomorrow."]
        );
        assert_eq!(
            sentences("Talks with ... Putin resumed."),
            vec!["Talks with ... Putin resumed."]
        );
    }

    #[test]
    fn line_breaks() {
        assert_eq!(
            sentences("Russia warns Ukraine\nMoscow said on Monday it would act.\n\nNew paragraph"),
            vec![
                "Russia warns Ukraine",
                "Moscow said on Monday it would act.",
                "New paragraph"
            ]
        );
        // A hard-wrapped line that visibly continues is not split.
        assert_eq!(
            sentences("The minister met the\nPresident and\ndiscussed trade."),
            vec!["The minister met the\nPresident and\ndiscussed trade."]
        );
    }

    #[test]
    fn datelines() {
        assert_eq!(
            body("MOSCOW (Reuters) - Russia said it would respond."),
            vec!["Russia said it would respond."]
        );
        assert_eq!(
            body("WASHINGTON, Aug 30 (AP) -- The White House said."),
            vec!["The White House said."]
        );
        assert_eq!(
            body("WASHINGTON, Aug. 30 (AP) — The White House said."),
            vec!["The White House said."]
        );
        assert_eq!(body("SEOUL, March 3 - North Korea fired."), vec!["North Korea fired."]);
        assert_eq!(
            body("Headline here\nKYIV, Ukraine (AP) - Russian forces advanced."),
            vec!["Headline here", "Russian forces advanced."]
        );
        let analysis = analyze("MOSCOW (Reuters) - Russia said it would respond.");
        assert_eq!(analysis.sentences.len(), 1);
        let no_dateline = analyze("Russia - a big country - said it would respond.");
        let sentence = &no_dateline.sentences[0];
        assert_eq!(sentence.body_start, sentence.tokens.start);
    }
}
