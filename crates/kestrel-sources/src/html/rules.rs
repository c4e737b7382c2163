//! The page-reading rules of `data/sources/html.tsv`: which elements and paragraphs are
//! boilerplate, and which `<meta>` keys hold the headline, date, address and outlet.

use std::collections::HashSet;
use std::sync::OnceLock;

use kestrel_text::datafile::{data_lines, Diagnostic};

/// Where the embedded rules come from, for diagnostics.
const EMBEDDED_NAME: &str = "data/sources/html.tsv";
const EMBEDDED_TEXT: &str = include_str!("../../../../data/sources/html.tsv");

/// The rules, all lower-cased.
#[derive(Debug, Default)]
pub(crate) struct PageRules {
    pub tags: HashSet<String>,
    pub roles: HashSet<String>,
    pub class_words: HashSet<String>,
    pub phrases: HashSet<String>,
    pub prefixes: Vec<String>,
    pub title_keys: Vec<String>,
    pub date_keys: Vec<String>,
    pub url_keys: Vec<String>,
    pub site_keys: Vec<String>,
}

impl PageRules {
    /// The rules compiled into the crate.
    pub fn embedded() -> &'static PageRules {
        static RULES: OnceLock<PageRules> = OnceLock::new();
        // The embedded file is checked by a test, so its diagnostics are empty.
        RULES.get_or_init(|| PageRules::parse(EMBEDDED_NAME, EMBEDDED_TEXT).0)
    }

    /// Reads rules from the text of a rules file; bad lines are reported and skipped.
    pub fn parse(name: &str, text: &str) -> (PageRules, Vec<Diagnostic>) {
        let mut rules = PageRules::default();
        let mut diagnostics = Vec::new();
        for (line_number, line) in data_lines(text) {
            let Some((kind, value)) = line.split_once('\t') else {
                diagnostics.push(Diagnostic::new(name, line_number, "expected kind<TAB>value"));
                continue;
            };
            let value = value.trim().to_lowercase();
            if value.is_empty() || value.contains('\t') {
                diagnostics.push(Diagnostic::new(name, line_number, "expected one non-empty value"));
                continue;
            }
            match kind.trim() {
                "tag" => drop(rules.tags.insert(value)),
                "role" => drop(rules.roles.insert(value)),
                "class" => drop(rules.class_words.insert(value)),
                "phrase" => drop(rules.phrases.insert(value)),
                "prefix" => rules.prefixes.push(value),
                "title" => rules.title_keys.push(value),
                "date" => rules.date_keys.push(value),
                "url" => rules.url_keys.push(value),
                "site" => rules.site_keys.push(value),
                other => diagnostics.push(Diagnostic::new(name, line_number, format!("unknown kind {other:?}"))),
            }
        }
        (rules, diagnostics)
    }

    /// Whether a class or id attribute value has a boilerplate word.
    pub fn has_boilerplate_word(&self, attribute: &str) -> bool {
        attribute_words(attribute).any(|word| self.class_words.contains(&word))
    }

    /// Whether a paragraph (whitespace already collapsed) is a label such as "Advertisement".
    pub fn is_boilerplate_paragraph(&self, paragraph: &str) -> bool {
        /// Paragraphs at least this long are text even when they start like a label.
        const SHORT_PARAGRAPH_BYTES: usize = 120;
        let lowered = paragraph.to_lowercase();
        let bare = lowered.trim_matches(|c: char| !c.is_alphanumeric());
        if self.phrases.contains(bare) {
            return true;
        }
        lowered.len() < SHORT_PARAGRAPH_BYTES && self.prefixes.iter().any(|prefix| lowered.starts_with(prefix.as_str()))
    }
}

/// The lower-cased words of a class or id value: split at anything not alphanumeric and where a
/// lower-case letter is followed by an upper-case one ("shareBar" → "share", "bar").
fn attribute_words(attribute: &str) -> impl Iterator<Item = String> + '_ {
    attribute
        .split(|c: char| !c.is_alphanumeric())
        .flat_map(split_camel_case)
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
}

fn split_camel_case(word: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut previous_lower = false;
    for (index, c) in word.char_indices() {
        if c.is_uppercase() && previous_lower {
            parts.push(&word[start..index]);
            start = index;
        }
        previous_lower = c.is_lowercase();
    }
    parts.push(&word[start..]);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_rules_are_clean_and_complete() {
        let (rules, diagnostics) = PageRules::parse(EMBEDDED_NAME, EMBEDDED_TEXT);
        assert_eq!(diagnostics, Vec::new());
        assert!(rules.tags.contains("script") && rules.tags.contains("nav"));
        assert!(rules.roles.contains("navigation"));
        assert_eq!(
            rules.date_keys.first().map(String::as_str),
            Some("article:published_time")
        );
        assert_eq!(rules.title_keys.first().map(String::as_str), Some("og:title"));
    }

    #[test]
    fn bad_lines_are_reported_with_their_line() {
        let (rules, diagnostics) = PageRules::parse("t.tsv", "# c\ntag\tnav\nnonsense\nshape\tround\n");
        assert!(rules.tags.contains("nav"));
        let lines: Vec<usize> = diagnostics.iter().map(|d| d.line).collect();
        assert_eq!(lines, vec![3, 4]);
    }

    #[test]
    fn class_words_split_at_separators_and_case_changes() {
        let rules = PageRules::parse("t.tsv", "class\tshare\nclass\tad\n").0;
        assert!(rules.has_boilerplate_word("article-share"));
        assert!(rules.has_boilerplate_word("shareBar"));
        assert!(rules.has_boilerplate_word("top_ad slot"));
        assert!(!rules.has_boilerplate_word("shared-header"));
        assert!(!rules.has_boilerplate_word("heading"));
        assert!(!rules.has_boilerplate_word("lead"));
    }

    #[test]
    fn label_paragraphs_are_recognised() {
        let rules = PageRules::parse("t.tsv", "phrase\tadvertisement\nprefix\tread more:\n").0;
        assert!(rules.is_boilerplate_paragraph("ADVERTISEMENT"));
        assert!(rules.is_boilerplate_paragraph("- Advertisement -"));
        assert!(rules.is_boilerplate_paragraph("Read more: Talks stall in Geneva"));
        assert!(!rules.is_boilerplate_paragraph("The advertisement was pulled after protests."));
        let long = format!("Read more: {}", "words ".repeat(30));
        assert!(!rules.is_boilerplate_paragraph(&long));
    }
}
