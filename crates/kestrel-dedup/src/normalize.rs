//! Text normalisation shared by shingling and the document fingerprint: what counts as "the same
//! words" when outlets copy each other.

/// The words of `text`, lower-cased, with punctuation stripped.
///
/// A word is a maximal run of alphanumeric characters; apostrophes inside a word are dropped
/// rather than splitting it ("Russia's" and "Russias" are one word, as typewriter and curly
/// apostrophes are), every other non-alphanumeric character separates words. So typography,
/// case and punctuation differences between copies of one wire story do not count.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            current.extend(c.to_lowercase());
        } else if is_apostrophe(c) && !current.is_empty() {
            // Inside a word: skip it. A leading or trailing quote mark ends up a separator
            // through the emptiness check or the next non-alphanumeric character.
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}')
}

/// FNV-1a over 64 bits: a hash that depends on nothing but the bytes (not the platform, not the
/// standard library's randomised hasher), so stored values stay valid across releases.
pub(crate) fn fnv1a(bytes: impl IntoIterator<Item = u8>, mut state: u64) -> u64 {
    for b in bytes {
        state ^= u64::from(b);
        state = state.wrapping_mul(FNV_PRIME);
    }
    state
}

pub(crate) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// A stable hash of a sequence of words, with a separator after each so that ("ab", "c") and
/// ("a", "bc") differ.
pub(crate) fn hash_words<'a>(words: impl IntoIterator<Item = &'a str>) -> u64 {
    let mut h = FNV_OFFSET;
    for w in words {
        h = fnv1a(w.bytes(), h);
        h = fnv1a([0xff], h);
    }
    h
}

/// The fingerprint of a document's normalised text: equal for texts that differ only in case,
/// punctuation and spacing. The store keeps it unique to store every text once.
pub fn normalized_text_hash(text: &str) -> u64 {
    let words = words(text);
    hash_words(words.iter().map(String::as_str))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lower_cased_and_stripped_of_punctuation() {
        assert_eq!(
            words("Russia's “defence” minister, Sergei SHOIGU -- arrived (in Pyongyang)."),
            [
                "russias",
                "defence",
                "minister",
                "sergei",
                "shoigu",
                "arrived",
                "in",
                "pyongyang"
            ]
        );
        assert_eq!(words("Russia’s"), words("Russia's"));
        assert_eq!(words("'quoted' text"), ["quoted", "text"]);
        assert_eq!(words("Straße 2023-09-13"), ["straße", "2023", "09", "13"]);
        assert!(words("  -- ... ").is_empty());
        assert!(words("").is_empty());
    }

    #[test]
    fn fingerprint_ignores_case_punctuation_and_spacing() {
        let a = normalized_text_hash("Kim Jong Un met Vladimir Putin.");
        assert_eq!(a, normalized_text_hash("kim  jong un met\nvladimir putin"));
        assert_ne!(a, normalized_text_hash("Kim Jong Un met Vladimir Putin again."));
        // Pinned: stored fingerprints must not change between releases.
        assert_eq!(normalized_text_hash(""), FNV_OFFSET);
        assert_eq!(normalized_text_hash("Kim Jong-Un"), 15762660956189212314);
        assert_ne!(hash_words(["ab", "c"]), hash_words(["a", "bc"]));
    }
}
