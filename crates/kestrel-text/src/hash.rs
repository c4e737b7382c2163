//! A small, fast, non-cryptographic hasher for the word tables (the Fx hash used inside
//! rustc). Keys are our own embedded word lists, so hash flooding is not a concern, and
//! SipHash would cost more than the whole lookup on short words.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::table_format::load_padded;

pub type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // Fixed-size loads: a variable-length copy into a buffer is a `memcpy` call, which
            // costs more than the rest of hashing a short word.
            self.add(load_padded(rest) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    #[inline]
    fn write_usize(&mut self, value: usize) {
        self.add(value as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_finds_inserted_keys_of_any_length() {
        let words = ["a", "to", "sanctions", "pro-russian", "internationalisation"];
        let mut map = FxHashMap::default();
        for (index, word) in words.iter().enumerate() {
            map.insert(*word, index);
        }
        for (index, word) in words.iter().enumerate() {
            assert_eq!(map.get(word), Some(&index));
        }
        assert_eq!(map.get("sanction"), None);
    }

    #[test]
    fn padded_tail_hashes_like_a_zero_filled_word() {
        let text = b"abcdefghijklmnopqrstu";
        for len in 0..=text.len() {
            let bytes = &text[..len];
            let mut expected = FxHasher::default();
            let mut chunks = bytes.chunks(8);
            for chunk in &mut chunks {
                let mut word = [0u8; 8];
                word[..chunk.len()].copy_from_slice(chunk);
                let tag = if chunk.len() < 8 { (chunk.len() as u64) << 59 } else { 0 };
                expected.add(u64::from_le_bytes(word) ^ tag);
            }
            let mut hasher = FxHasher::default();
            hasher.write(bytes);
            assert_eq!(hasher.finish(), expected.finish(), "{len}");
        }
    }
}
