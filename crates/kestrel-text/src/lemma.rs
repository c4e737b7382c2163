//! Lemmatizer for verbs and nouns: irregular tables (data/text/irregular-*.tsv) first, then
//! suffix rules whose candidates are checked against the lexicon ("stopped" -> "stop" only
//! because "stop" is a known verb and "stopp" is not).

use std::borrow::Cow;

use crate::lexicon::{lexicon, Lexicon};

/// Longest word whose suffix-rule candidates are checked against the lexicon; longer words
/// fall back to the default rule without a look-up.
const MAX_CHECKED_LEN: usize = 64;

/// A candidate lemma: a prefix of the word plus an optional ASCII ending ("carr" + "y").
#[derive(Clone, Copy)]
struct Candidate<'a> {
    stem: &'a str,
    ending: &'static str,
}

impl<'a> Candidate<'a> {
    fn new(stem: &'a str, ending: &'static str) -> Self {
        Candidate { stem, ending }
    }

    /// Checks the candidate against the lexicon without allocating.
    fn is_known(self, known: impl Fn(&[u8]) -> bool) -> bool {
        let length = self.stem.len() + self.ending.len();
        if self.stem.is_empty() || length > MAX_CHECKED_LEN {
            return false;
        }
        if self.ending.is_empty() {
            return known(self.stem.as_bytes());
        }
        let mut buffer = [0u8; MAX_CHECKED_LEN];
        buffer[..self.stem.len()].copy_from_slice(self.stem.as_bytes());
        buffer[self.stem.len()..length].copy_from_slice(self.ending.as_bytes());
        known(&buffer[..length])
    }

    fn into_cow(self) -> Cow<'a, str> {
        if self.ending.is_empty() {
            Cow::Borrowed(self.stem)
        } else {
            Cow::Owned(format!("{}{}", self.stem, self.ending))
        }
    }
}

/// The first candidate the lexicon knows, else `fallback`.
fn pick<'a>(
    candidates: &[Candidate<'a>],
    fallback: Candidate<'a>,
    known: impl Fn(&[u8]) -> bool + Copy,
) -> Cow<'a, str> {
    candidates
        .iter()
        .find(|candidate| candidate.is_known(known))
        .copied()
        .unwrap_or(fallback)
        .into_cow()
}

fn is_vowel(byte: u8) -> bool {
    matches!(byte, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// "stopp" -> "stop", "travell" -> "travel": the stem without a doubled final consonant.
fn undoubled(stem: &str) -> Option<&str> {
    let bytes = stem.as_bytes();
    let length = bytes.len();
    (length >= 3 && bytes[length - 1] == bytes[length - 2] && !is_vowel(bytes[length - 1])).then(|| &stem[..length - 1])
}

/// Base form of a lower-cased verb form: "visited" -> "visit", "travelled" -> "travel",
/// "supplying" -> "supply", "made" -> "make", "was" -> "be", "urges" -> "urge",
/// "carried" -> "carry". A hyphenated verb inflects its last part: "test-fired" -> "test-fire",
/// "re-elected" -> "re-elect". Words that are not inflected verb forms come back unchanged.
pub fn verb_lemma(lower: &str) -> Cow<'_, str> {
    let lexicon = lexicon();
    if let Some(base) = lexicon.irregular_verb_base(lower) {
        return Cow::Borrowed(base);
    }
    if let Some(hyphen) = lower.rfind('-').filter(|&h| h > 0 && h + 1 < lower.len()) {
        let (head, last) = (&lower[..=hyphen], &lower[hyphen + 1..]);
        return match verb_lemma(last) {
            Cow::Borrowed(base) if base == last => Cow::Borrowed(lower),
            base => Cow::Owned(format!("{head}{base}")),
        };
    }
    let known = |word: &[u8]| lexicon.is_verb_base(word);
    if let Some(stem) = lower.strip_suffix("ied").filter(|stem| stem.len() >= 2) {
        return pick(
            &[Candidate::new(stem, "y"), Candidate::new(stem, "ie")],
            Candidate::new(stem, "y"),
            known,
        );
    }
    if let Some(stem) = lower.strip_suffix("ed").filter(|stem| stem.len() >= 2) {
        return past_or_gerund_lemma(lower, stem, lexicon);
    }
    if let Some(stem) = lower.strip_suffix("ing").filter(|stem| stem.len() >= 2) {
        if !stem.bytes().any(is_vowel) && !stem.ends_with('y') {
            return Cow::Borrowed(lower); // "bring", "thing", "sing"
        }
        return past_or_gerund_lemma(lower, stem, lexicon);
    }
    if let Some(stem) = lower.strip_suffix("ies").filter(|stem| stem.len() >= 2) {
        return pick(
            &[Candidate::new(stem, "y"), Candidate::new(stem, "ie")],
            Candidate::new(stem, "y"),
            known,
        );
    }
    if lower.len() > 2 && lower.ends_with('s') && !lower.ends_with("ss") && !lower.ends_with("us") {
        let without_s = &lower[..lower.len() - 1];
        let without_es = lower.strip_suffix("es").unwrap_or(without_s);
        return s_form_lemma(without_s, without_es, known);
    }
    Cow::Borrowed(lower)
}

/// Lemma of an -ed or -ing form with the given stem ("stopp", "impos", "visit").
fn past_or_gerund_lemma<'a>(lower: &'a str, stem: &'a str, lexicon: &Lexicon) -> Cow<'a, str> {
    let known = |word: &[u8]| lexicon.is_verb_base(word);
    let mut candidates = [Candidate::new(stem, ""); 3];
    let mut count = 1;
    if let Some(single) = undoubled(stem) {
        candidates[count] = Candidate::new(single, "");
        count += 1;
    }
    // "imposed" -> "impose", "making" -> "make"; for -ed the "e" is the one before "d".
    let with_e = match lower.strip_suffix('d') {
        Some(without_d) if lower.ends_with("ed") => Candidate::new(without_d, ""),
        _ => Candidate::new(stem, "e"),
    };
    candidates[count] = with_e;
    count += 1;
    // A single final consonant after a single vowel was not doubled, so the "e" belongs to the
    // verb: "fired" is "fire" and "hoped" is "hope", though "fir" and "hop" are words too
    // ("hopped" is "hop").
    if ends_consonant_vowel_consonant(stem) && Candidate::new(stem, "e").is_known(known) {
        candidates[..count].rotate_right(1);
    }
    let fallback = match undoubled(stem) {
        Some(single) if !stem.ends_with("ll") && !stem.ends_with("ss") => Candidate::new(single, ""),
        _ if needs_silent_e(stem) => with_e,
        _ => Candidate::new(stem, ""),
    };
    pick(&candidates[..count], fallback, known)
}

/// "fir", "stat", "hop": consonant, one vowel, then a consonant that English doubles.
fn ends_consonant_vowel_consonant(stem: &str) -> bool {
    match stem.as_bytes() {
        [.., c1, v, c2] => !is_vowel(*c1) && is_vowel(*v) && !is_vowel(*c2) && !matches!(c2, b'w' | b'x' | b'y'),
        _ => false,
    }
}

/// Stems that do not end English words without a final "e": "argu", "serv", "forc",
/// "handl", "mobilis".
fn needs_silent_e(stem: &str) -> bool {
    match stem.as_bytes() {
        [.., b'u' | b'v' | b'c' | b'z'] | [.., b'i', b's'] => true,
        [.., consonant, b'l'] => !is_vowel(*consonant) && *consonant != b'l',
        _ => false,
    }
}

/// Lemma of an -s form: "urges" -> "urge", "watches" -> "watch". Stems that take "-es"
/// ("pass", "tax") are tried first, so "passes" is "pass" even though "passe" is a word.
fn s_form_lemma<'a>(without_s: &'a str, without_es: &'a str, known: impl Fn(&[u8]) -> bool + Copy) -> Cow<'a, str> {
    let (first, second) = if needs_es(without_es) {
        (without_es, without_s)
    } else {
        (without_s, without_es)
    };
    pick(
        &[Candidate::new(first, ""), Candidate::new(second, "")],
        Candidate::new(first, ""),
        known,
    )
}

/// Stems whose plural or 3rd-person form takes "-es": "watch", "crash", "tax", "buzz".
fn needs_es(stem: &str) -> bool {
    ["ss", "x", "z", "ch", "sh"].iter().any(|ending| stem.ends_with(ending))
}

/// Singular of a lower-cased noun: "sanctions" -> "sanction", "countries" -> "country",
/// "crises" -> "crisis", "forces" -> "force", "people" -> "people", "arms" -> "arms".
/// Words that are not plural come back unchanged.
pub fn noun_lemma(lower: &str) -> Cow<'_, str> {
    let lexicon = lexicon();
    if let Some(singular) = lexicon.irregular_noun_singular(lower) {
        return Cow::Borrowed(singular);
    }
    let known = |word: &[u8]| lexicon.is_singular_noun(word);
    let singular_endings = ["ss", "us", "is", "ous"];
    if lower.len() <= 3 || !lower.ends_with('s') || singular_endings.iter().any(|ending| lower.ends_with(ending)) {
        return Cow::Borrowed(lower);
    }
    if let Some(stem) = lower.strip_suffix("ies") {
        return pick(
            &[Candidate::new(stem, "y"), Candidate::new(stem, "ie")],
            Candidate::new(stem, "y"),
            known,
        );
    }
    let without_s = &lower[..lower.len() - 1];
    match lower.strip_suffix("es") {
        Some(without_es) => s_form_lemma(without_s, without_es, known),
        None => Cow::Borrowed(without_s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_lemmas() {
        let cases = [
            ("visited", "visit"),
            ("fired", "fire"),
            ("test-fired", "test-fire"),
            ("re-elected", "re-elect"),
            ("co-sponsoring", "co-sponsor"),
            ("re-", "re-"),
            ("hoped", "hope"),
            ("hopped", "hop"),
            ("stated", "state"),
            ("travelled", "travel"),
            ("traveled", "travel"),
            ("supplying", "supply"),
            ("made", "make"),
            ("making", "make"),
            ("was", "be"),
            ("were", "be"),
            ("is", "be"),
            ("has", "have"),
            ("had", "have"),
            ("urges", "urge"),
            ("imposed", "impose"),
            ("imposing", "impose"),
            ("stopped", "stop"),
            ("stopping", "stop"),
            ("met", "meet"),
            ("sought", "seek"),
            ("fled", "flee"),
            ("carried", "carry"),
            ("carries", "carry"),
            ("agreed", "agree"),
            ("visits", "visit"),
            ("watches", "watch"),
            ("passes", "pass"),
            ("goes", "go"),
            ("tied", "tie"),
            ("died", "die"),
            ("killed", "kill"),
            ("needed", "need"),
            ("severed", "sever"),
            ("used", "use"),
            ("planned", "plan"),
            ("called", "call"),
            ("sanctioned", "sanction"),
            ("accused", "accuse"),
            ("said", "say"),
            ("bring", "bring"),
            ("attack", "attack"),
            ("ca", "can"),
            ("criticised", "criticise"),
            ("criticized", "criticize"),
            ("destabilised", "destabilise"),
        ];
        for (form, lemma) in cases {
            assert_eq!(verb_lemma(form), lemma, "verb_lemma({form:?})");
        }
    }

    #[test]
    fn unknown_verbs_use_spelling_rules() {
        assert_eq!(verb_lemma("zorbled"), "zorble");
        assert_eq!(verb_lemma("frobbed"), "frob");
        assert_eq!(verb_lemma("glarving"), "glarve");
        assert_eq!(verb_lemma("zorbalised"), "zorbalise");
    }

    #[test]
    fn noun_lemmas() {
        let cases = [
            ("sanctions", "sanction"),
            ("talks", "talk"),
            ("missiles", "missile"),
            ("munitions", "munition"),
            ("countries", "country"),
            ("allies", "ally"),
            ("forces", "force"),
            ("crises", "crisis"),
            ("people", "people"),
            ("arms", "arms"),
            ("news", "news"),
            ("troops", "troop"),
            ("taxes", "tax"),
            ("crashes", "crash"),
            ("churches", "church"),
            ("headaches", "headache"),
            ("women", "woman"),
            ("crisis", "crisis"),
            ("status", "status"),
            ("country", "country"),
            ("movies", "movie"),
            ("lives", "life"),
            ("objectives", "objective"),
        ];
        for (form, lemma) in cases {
            assert_eq!(noun_lemma(form), lemma, "noun_lemma({form:?})");
        }
    }

    #[test]
    fn lemmas_never_panic_on_odd_input() {
        for word in ["", "s", "'s", "ed", "ing", "ies", "éed", "naïveties", "🙂s", "ßing"] {
            let _ = verb_lemma(word);
            let _ = noun_lemma(word);
        }
        assert_eq!(verb_lemma("visited"), Cow::Borrowed("visit"));
        assert!(matches!(verb_lemma("visited"), Cow::Borrowed(_)));
    }
}
