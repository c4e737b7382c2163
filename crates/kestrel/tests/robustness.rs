//! No input may panic the coder, and every span it reports lies inside the document on
//! character boundaries.

use kestrel::input::Document;
use kestrel::Coder;
use proptest::prelude::*;

fn doc(text: String) -> Document {
    Document {
        id: "fuzz".to_string(),
        date: kestrel_dates::CivilDate::parse("2024-02-29"),
        text,
        title: None,
        url: None,
        source: None,
    }
}

fn check(text: String) {
    let d = doc(text);
    for e in Coder::embedded().code(&d) {
        for span in [
            Some(e.trigger.span),
            Some(e.source.span),
            e.target.as_ref().map(|t| t.span),
            e.attribution.as_ref().map(|a| a.span),
        ]
        .into_iter()
        .flatten()
        {
            assert!(
                span[0] <= span[1] && span[1] <= d.text.len(),
                "span {span:?} outside the text"
            );
            assert!(d.text.is_char_boundary(span[0]) && d.text.is_char_boundary(span[1]));
        }
        assert!((0.0..=1.0).contains(&e.confidence));
    }
}

/// Words that exercise every stage: actors, verbs, governors, dates, punctuation and quotes.
const VOCABULARY: &[&str] = &[
    "Russia",
    "North Korea",
    "the U.S.",
    "U.N.",
    "Kim Jong Un",
    "Shoigu",
    "’s",
    "'s",
    "the",
    "and",
    ",",
    ".",
    "\"",
    "“",
    "”",
    "said",
    "urged",
    "to",
    "supply",
    "missiles",
    "attacked",
    "was",
    "shelled",
    "by",
    "not",
    "might",
    "allegedly",
    "reportedly",
    "according",
    "that",
    "which",
    "who",
    "on Wednesday",
    "last year",
    "in February 2022",
    "talks",
    "with",
    "between",
    "visit",
    "sanctions on",
    "MOSCOW (Reuters) -",
    "\n",
    "Mr.",
    "Jan.",
    "3.5",
    "-",
    "—",
    "(",
    ")",
    "he",
    "the spokesperson",
    "denied",
    "plans",
    "if",
    "its",
    "forces",
    "police",
    "arrested",
    "protesters",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        check(text);
    }

    #[test]
    fn news_like_word_salad_never_panics(words in proptest::collection::vec(proptest::sample::select(VOCABULARY), 0..80)) {
        check(words.join(" "));
    }
}

/// Inputs the word-salad property once found panicking, kept so that they are tried on
/// every run.
#[test]
fn word_salad_that_once_panicked() {
    // A participle ending the text right after its noun: nothing follows it to read.
    check("forces Russia 3.5 arrested".to_string());
    // A name after a noun ending the text: no verb follows it to close a relative clause.
    check("plans Russia".to_string());
}

#[test]
fn empty_binary_and_control_input() {
    check(String::new());
    check("\0\0\0\u{1}\u{7f}".repeat(1000));
    check(String::from_utf8_lossy(&[0xff, 0xfe, b'R', b'u', 0xc3]).into_owned());
}

#[test]
fn long_single_line_document_is_coded() {
    // One line without sentence breaks: the coder must not go quadratic or stop.
    let sentence = "Russia attacked Ukraine and North Korea supplied missiles to Russia, the U.S. said; ";
    let text = sentence.repeat(3_000);
    let d = doc(text);
    let events = Coder::embedded().code(&d);
    assert!(!events.is_empty());
}
