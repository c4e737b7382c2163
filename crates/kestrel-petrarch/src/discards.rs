//! Discard lists: phrases that drop a sentence, or with a leading `+` the whole story
//! (sports results, entertainment, history). Matched case-insensitively as substrings.

use aho_corasick::AhoCorasick;

use crate::lines::dictionary_lines;
use crate::Diagnostic;

/// A discard list, with every phrase in one automaton so that a sentence is scanned once
/// whatever the number of phrases.
#[derive(Debug, Clone)]
pub struct Discards {
    /// Lower-case phrases that discard the sentence they occur in.
    sentence: Vec<String>,
    /// Lower-case phrases that discard the whole story.
    story: Vec<String>,
    /// Story phrases first, then sentence phrases; `None` when there are none.
    automaton: Option<AhoCorasick>,
}

impl Default for Discards {
    fn default() -> Self {
        Discards::new(Vec::new(), Vec::new())
    }
}

/// What a discard phrase found in a text drops.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DiscardScope {
    Sentence,
    Story,
}

impl Discards {
    pub fn new(sentence: Vec<String>, story: Vec<String>) -> Discards {
        let phrases = story.iter().chain(&sentence);
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(phrases)
            .ok()
            .filter(|_| !(story.is_empty() && sentence.is_empty()));
        Discards {
            sentence,
            story,
            automaton,
        }
    }

    pub fn read(name: &str, text: &str) -> (Discards, Vec<Diagnostic>) {
        let mut sentence = Vec::new();
        let mut story = Vec::new();
        let mut diags = Vec::new();
        for (n, line) in dictionary_lines(text) {
            let line = line.trim();
            let (list, phrase) = match line.strip_prefix('+') {
                Some(p) => (&mut story, p.trim()),
                None => (&mut sentence, line),
            };
            // Phrases are written with `_` or spaces between words.
            let phrase = phrase.replace('_', " ").to_lowercase();
            if phrase.trim().is_empty() {
                diags.push(Diagnostic::new(name, n, "empty discard phrase"));
                continue;
            }
            list.push(phrase.trim().to_string());
        }
        (Discards::new(sentence, story), diags)
    }

    /// Both lists together.
    pub fn merge(self, other: Discards) -> Discards {
        let mut sentence = self.sentence;
        let mut story = self.story;
        sentence.extend(other.sentence);
        story.extend(other.story);
        Discards::new(sentence, story)
    }

    pub fn len(&self) -> usize {
        self.sentence.len() + self.story.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The widest scope a phrase in `text` discards, if any. A phrase matches from the start of
    /// a word (so "baseball" finds "baseballs" but not "mlbaseball").
    pub fn check(&self, text: &str) -> Option<DiscardScope> {
        let automaton = self.automaton.as_ref()?;
        let bytes = text.as_bytes();
        automaton
            .find_overlapping_iter(text)
            .filter(|m| m.start() == 0 || !bytes[m.start() - 1].is_ascii_alphanumeric())
            .map(|m| {
                if m.pattern().as_usize() < self.story.len() {
                    DiscardScope::Story
                } else {
                    DiscardScope::Sentence
                }
            })
            .max()
    }
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
