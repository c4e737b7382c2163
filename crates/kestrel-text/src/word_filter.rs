//! A one-bit-per-hash filter in front of a word set or map: most words looked up in a small
//! dictionary (phrase first words, modality governors) are not in it, and a clear bit rejects
//! them without hashing the whole word, probing the table and comparing bytes.

use crate::table_format::load_padded;

/// log2 of the number of bits: 8 KiB, so the filter stays in the L1 cache while a few
/// thousand words leave most of its bits clear.
const FILTER_BITS: u32 = 16;

/// The filter bits of a set of words. A clear bit means "not in the set"; a set bit means
/// "maybe", to be confirmed by the exact look-up it guards.
#[derive(Debug, Clone)]
pub struct WordFilter {
    /// Bit `bit_of(w)` is set for every word `w` inserted.
    bits: Vec<u64>,
}

impl Default for WordFilter {
    fn default() -> Self {
        WordFilter {
            bits: vec![0; (1 << FILTER_BITS) / 64],
        }
    }
}

/// The bit of a word, from its length and first eight bytes (words that share both share a
/// bit, which only costs them the exact check). The bytes are read with fixed-size loads, so
/// that no variable-length copy is needed.
#[inline]
fn bit_of(word: &[u8]) -> usize {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let head = load_padded(&word[..word.len().min(8)]);
    let hash = (head ^ (word.len() as u64).rotate_right(5)).wrapping_mul(SEED);
    (hash >> (64 - FILTER_BITS)) as usize
}

impl WordFilter {
    pub fn insert(&mut self, word: &[u8]) {
        let bit = bit_of(word);
        self.bits[bit / 64] |= 1 << (bit % 64);
    }

    /// False only for words never inserted.
    #[inline]
    pub fn may_contain(&self, word: &[u8]) -> bool {
        let bit = bit_of(word);
        self.bits
            .get(bit / 64)
            .is_some_and(|bits| bits & (1 << (bit % 64)) != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserted_words_pass_and_most_others_do_not() {
        let mut filter = WordFilter::default();
        let words = ["not", "if", "without", "reportedly", "internationally-recognised"];
        for word in words {
            filter.insert(word.as_bytes());
        }
        for word in words {
            assert!(filter.may_contain(word.as_bytes()), "{word}");
        }
        let others = ["", "no", "of", "the", "reported", "internationally-recognise", "withou"];
        let passing = others.iter().filter(|w| filter.may_contain(w.as_bytes())).count();
        assert_eq!(passing, 0, "{others:?}");
    }

    #[test]
    fn an_empty_filter_passes_nothing() {
        let filter = WordFilter::default();
        assert!(!filter.may_contain(b"a") && !filter.may_contain(b""));
    }
}
