//! Dictionary phrases: words joined by `_` or spaces that must follow one another in the text.
//! A trailing `_` marks an exact phrase, for which no plural is generated.

/// A phrase, lower-cased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    pub words: Vec<String>,
    /// Written with a trailing `_`: match only as written, no generated plural.
    pub exact: bool,
}

impl Phrase {
    /// `None` for a phrase with no words.
    pub fn parse(s: &str) -> Option<Phrase> {
        let s = s.trim();
        let words: Vec<String> = s
            .split(|c: char| c == '_' || c.is_whitespace())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        (!words.is_empty()).then(|| Phrase {
            exact: s.ends_with('_'),
            words,
        })
    }

    /// The phrase as text, words separated by single spaces.
    pub fn text(&self) -> String {
        self.words.join(" ")
    }

    /// The phrase with its last word in the plural, unless it is exact.
    pub fn plural(&self) -> Option<String> {
        if self.exact {
            return None;
        }
        let (last, head) = self.words.split_last()?;
        let mut words: Vec<&str> = head.iter().map(String::as_str).collect();
        let p = plural(last);
        words.push(&p);
        Some(words.join(" "))
    }
}

/// The regular English plural of a noun.
pub fn plural(word: &str) -> String {
    let b = word.as_bytes();
    let vowel = |c: u8| b"aeiou".contains(&c);
    if word.ends_with('y') && b.len() > 1 && !vowel(b[b.len() - 2]) {
        format!("{}ies", &word[..word.len() - 1])
    } else if ["s", "x", "z", "ch", "sh"].iter().any(|e| word.ends_with(e)) {
        format!("{word}es")
    } else {
        format!("{word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_words_and_reads_the_exact_marker() {
        let p = Phrase::parse("ARNOR_").unwrap();
        assert_eq!(p.words, ["arnor"]);
        assert!(p.exact);
        assert_eq!(p.plural(), None);
        let p = Phrase::parse("HAMAS_MILITARY_COMMAND").unwrap();
        assert_eq!(p.text(), "hamas military command");
        assert_eq!(p.plural().as_deref(), Some("hamas military commands"));
        assert!(Phrase::parse(" _ ").is_none());
    }

    #[test]
    fn regular_plurals() {
        assert_eq!(plural("ministry"), "ministries");
        assert_eq!(plural("day"), "days");
        assert_eq!(plural("church"), "churches");
        assert_eq!(plural("official"), "officials");
    }
}
