//! Discard lists: phrases that drop a sentence, or with a leading `+` the whole story
//! (sports results, entertainment, history). Matched case-insensitively as substrings.

use crate::lines::dictionary_lines;
use crate::Diagnostic;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Discards {
    /// Lower-case phrases that discard the sentence they occur in.
    pub sentence: Vec<String>,
    /// Lower-case phrases that discard the whole story.
    pub story: Vec<String>,
}

/// What a discard phrase found in a text drops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiscardScope {
    Sentence,
    Story,
}

impl Discards {
    pub fn read(name: &str, text: &str) -> (Discards, Vec<Diagnostic>) {
        let mut d = Discards::default();
        let mut diags = Vec::new();
        for (n, line) in dictionary_lines(text) {
            let line = line.trim();
            let (list, phrase) = match line.strip_prefix('+') {
                Some(p) => (&mut d.story, p.trim()),
                None => (&mut d.sentence, line),
            };
            // Phrases are written with `_` or spaces between words.
            let phrase = phrase.replace('_', " ").to_lowercase();
            if phrase.trim().is_empty() {
                diags.push(Diagnostic::new(name, n, "empty discard phrase"));
                continue;
            }
            list.push(phrase.trim().to_string());
        }
        (d, diags)
    }

    pub fn extend(&mut self, other: Discards) {
        self.sentence.extend(other.sentence);
        self.story.extend(other.story);
    }

    /// The widest scope a phrase in `text` discards, if any. A phrase matches from the start of
    /// a word (so "baseball" finds "baseballs" but not "mlbaseball").
    pub fn check(&self, text: &str) -> Option<DiscardScope> {
        let lower = text.to_lowercase();
        if self.story.iter().any(|p| contains_words(&lower, p)) {
            Some(DiscardScope::Story)
        } else if self.sentence.iter().any(|p| contains_words(&lower, p)) {
            Some(DiscardScope::Sentence)
        } else {
            None
        }
    }
}

/// `phrase` occurs in `text` starting at a word boundary.
fn contains_words(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase)
        .any(|(i, _)| text[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn story_and_sentence_discards() {
        let (d, diags) = Discards::read("d.txt", "# c\nMONTHS LATER\n+Manchester United   # pas\nBASEBALL\n+\n");
        assert_eq!(diags.len(), 1);
        assert_eq!(d.check("Manchester United won."), Some(DiscardScope::Story));
        assert_eq!(d.check("Months later, talks resumed."), Some(DiscardScope::Sentence));
        assert_eq!(d.check("The baseballs were red."), Some(DiscardScope::Sentence));
        assert_eq!(d.check("Ex-baseball, not mlbaseball."), Some(DiscardScope::Sentence));
        assert_eq!(d.check("mlbaseball"), None, "phrases start at a word");
        assert_eq!(d.check("Talks resumed."), None);
    }
}
