//! Properties that must hold for any input, and a run over real news prose.

use kestrel_text::{analyze, word_id, TextAnalysis};
use proptest::prelude::*;

/// Checks the structural invariants of an analysis of `text`.
fn check_invariants(text: &str, analysis: &TextAnalysis) {
    assert_eq!(analysis.lower.len(), text.len());
    assert_eq!(analysis.lower, text.to_ascii_lowercase());
    let mut previous_end = 0;
    for token in &analysis.tokens {
        let (start, end) = (token.start as usize, token.end as usize);
        assert!(start < end, "empty token at {start}");
        assert!(end <= text.len(), "token past the end");
        assert!(start >= previous_end, "tokens overlap or are out of order");
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        assert!(!token.text(text).is_empty());
        previous_end = end;
    }
    // A word id is the token's own word, which runs to the token's end: the mention search
    // takes it for the first word of a phrase.
    assert_eq!(analysis.words.len(), analysis.tokens.len());
    for (token, word) in analysis.tokens.iter().zip(&analysis.words) {
        if let Some(word) = *word {
            let lower = analysis.lower_of(token);
            assert_eq!(word_id(lower.as_bytes()), Some(word), "{lower}");
            assert!(!lower.contains(['-', '\'', '\u{2019}', ' ']), "{lower}");
        }
    }
    let mut next_token = 0;
    for sentence in &analysis.sentences {
        let range = sentence.tokens.clone();
        assert!(range.start < range.end, "empty sentence");
        assert_eq!(range.start, next_token, "sentences must cover the tokens in order");
        assert!(range.end as usize <= analysis.tokens.len());
        assert!(sentence.body_start >= range.start && sentence.body_start < range.end);
        let tokens = analysis.sentence_tokens(sentence);
        assert_eq!(sentence.start, tokens[0].start);
        assert_eq!(sentence.end, tokens[tokens.len() - 1].end);
        next_token = range.end;
    }
    assert_eq!(next_token as usize, analysis.tokens.len());
}

#[test]
fn words_are_known_single_words() {
    let text = "The well-known O'Brien visited Zzyzxville, she said.";
    let analysis = analyze(text);
    let known: Vec<(&str, bool)> = analysis
        .tokens
        .iter()
        .zip(&analysis.words)
        .map(|(token, word)| (token.text(text), word.is_some()))
        .collect();
    assert_eq!(
        known,
        [
            ("The", true),
            ("well-known", false),
            ("O'Brien", false),
            ("visited", true),
            ("Zzyzxville", false),
            (",", false),
            ("she", true),
            ("said", true),
            (".", false)
        ]
    );
    check_invariants(text, &analysis);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_string_is_analysed_consistently(text in any::<String>()) {
        check_invariants(&text, &analyze(&text));
    }

    #[test]
    fn news_like_strings_are_analysed_consistently(
        text in r#"([A-Za-z]{1,8}|U\.S\.|Gen\.|\.\.\.|[ \n]{1,3}|[.,;:!?'"()\-]|’s|n't|[0-9][0-9.,:]{0,4}|“|”|—|…){0,60}"#
    ) {
        check_invariants(&text, &analyze(&text));
    }

    #[test]
    fn lemmas_never_panic(word in any::<String>()) {
        let _ = kestrel_text::verb_lemma(&word);
        let _ = kestrel_text::noun_lemma(&word);
    }
}

#[test]
fn pathological_inputs() {
    let long_word = "x".repeat(1 << 20);
    let dots = ".".repeat(100_000);
    let apostrophes = "'".repeat(10_000);
    let no_spaces = "U.S.".repeat(10_000);
    let mixed = "a-".repeat(50_000);
    let many_sentences = "Go. ".repeat(50_000);
    let newlines = "\n".repeat(10_000) + "x" + &"\r\n".repeat(10_000);
    let quotes_after_abbreviation = "in the U.S. ".to_string() + &"\"".repeat(200_000);
    let nested_brackets = "(".repeat(100_000) + &")".repeat(100_000);
    for text in [
        "",
        " ",
        "\u{0}",
        "\u{FEFF}",
        "'",
        "’s",
        "n't",
        "-",
        "U.S.",
        "No.",
        "...",
        long_word.as_str(),
        dots.as_str(),
        apostrophes.as_str(),
        no_spaces.as_str(),
        mixed.as_str(),
        many_sentences.as_str(),
        newlines.as_str(),
        quotes_after_abbreviation.as_str(),
        nested_brackets.as_str(),
    ] {
        check_invariants(text, &analyze(text));
    }
    assert_eq!(analyze(&many_sentences).sentences.len(), 50_000);
}

#[test]
fn real_news_corpus() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora/lee_background.cor"
    );
    let Ok(bytes) = std::fs::read(path) else {
        eprintln!("skipped: {path} not found");
        return;
    };
    let text = String::from_utf8_lossy(&bytes);
    let analysis = analyze(&text);
    check_invariants(&text, &analysis);
    let sentences = analysis.sentences.len();
    assert!(
        (2_000..=4_500).contains(&sentences),
        "{sentences} sentences in lee_background"
    );
    // 300 articles, one per line: every line starts a sentence.
    let lines = text.lines().filter(|line| !line.trim().is_empty()).count();
    assert!(lines >= 290, "{lines} lines");
    let line_starts = analysis
        .sentences
        .iter()
        .filter(|s| s.start == 0 || text.as_bytes()[s.start as usize - 1] == b'\n')
        .count();
    assert_eq!(line_starts, lines);
    // Most tokens are words that the lexicon or rules tag as something other than NN.
    let verbs = analysis.tokens.iter().filter(|t| t.tag.is_verb()).count();
    assert!(verbs * 10 > analysis.tokens.len(), "{verbs} verbs");
}
