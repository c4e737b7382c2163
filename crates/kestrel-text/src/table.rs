//! The compiled part-of-speech word table, read in place from the binary.
//!
//! `build.rs` turns data/text/pos-lexicon.tsv into an open-addressing hash table (layout in
//! `table_format.rs`) that is embedded with `include_bytes!`. Opening it costs microseconds
//! (a header and a few dozen tag sets are decoded); a look-up hashes the word with
//! fixed-size loads and usually reads a single 16-byte slot, key included.

use crate::lexicon::TagSet;
use crate::table_format::{Key, HEADER_SIZE, INLINE_KEY, MAGIC, SLOT_SIZE};
use crate::Tag;

static COMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/word-table.bin"));

pub(crate) struct WordTable {
    /// log2 of the number of slots.
    bits: u32,
    slots: &'static [u8],
    long_keys: &'static [u8],
    tag_sets: Vec<TagSet>,
    len: usize,
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

impl WordTable {
    /// The table compiled into this binary (empty if it were unreadable).
    pub(crate) fn embedded() -> WordTable {
        WordTable::open(COMPILED).unwrap_or(WordTable {
            bits: 0,
            slots: &[],
            long_keys: &[],
            tag_sets: Vec::new(),
            len: 0,
        })
    }

    fn open(blob: &'static [u8]) -> Option<WordTable> {
        if blob.get(..4)? != MAGIC {
            return None;
        }
        let bits = u32_at(blob, 4)?;
        let tag_set_count = u32_at(blob, 8)? as usize;
        let len = u32_at(blob, 12)? as usize;
        if !(1..=32).contains(&bits) {
            return None;
        }
        let slots_start = HEADER_SIZE + tag_set_count * 8;
        let slots_end = slots_start + (1usize << bits) * SLOT_SIZE;
        let tag_sets = blob
            .get(HEADER_SIZE..slots_start)?
            .chunks_exact(8)
            .map(|chunk| {
                let mut word = [0u8; 8];
                word.copy_from_slice(chunk);
                TagSet::from_bits(u64::from_le_bytes(word))
            })
            .collect();
        Some(WordTable {
            bits,
            slots: blob.get(slots_start..slots_end)?,
            long_keys: blob.get(slots_end..)?,
            tag_sets,
            len,
        })
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Primary tag and tag set of `word`.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<(Tag, TagSet)> {
        let bytes = word.as_bytes();
        let key = Key::new(bytes)?;
        let slot_count = self.slots.len() / SLOT_SIZE;
        if slot_count == 0 {
            return None;
        }
        let mut position = key.home(self.bits);
        // The table is at most half full, so probing ends at an empty slot long before this
        // bound; the bound only guards against a damaged table.
        for _ in 0..slot_count {
            let start = position * SLOT_SIZE;
            let slot: &[u8; SLOT_SIZE] = self.slots.get(start..start + SLOT_SIZE)?.try_into().ok()?;
            let len = usize::from(slot[12]);
            if len == 0 {
                return None;
            }
            let head = u64::from_le_bytes([slot[0], slot[1], slot[2], slot[3], slot[4], slot[5], slot[6], slot[7]]);
            let tail = u32::from_le_bytes([slot[8], slot[9], slot[10], slot[11]]);
            if len == bytes.len() && head == key.head {
                let same = if len <= INLINE_KEY {
                    tail == key.tail
                } else {
                    let offset = tail as usize;
                    self.long_keys.get(offset..offset + len) == Some(bytes)
                };
                if same {
                    let primary = *Tag::ALL.get(usize::from(slot[13]))?;
                    let tag_set = usize::from(u16::from_le_bytes([slot[14], slot[15]]));
                    return Some((primary, *self.tag_sets.get(tag_set)?));
                }
            }
            position = (position + 1) & (slot_count - 1);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table_format::{load_padded, WORD_TAGS};

    #[test]
    fn word_tag_names_follow_the_tag_enum() {
        for (index, name) in WORD_TAGS.iter().enumerate() {
            assert_eq!(Tag::from_penn(name), Some(Tag::ALL[index]), "{name}");
            assert_eq!(Tag::ALL[index] as usize, index);
        }
    }

    #[test]
    fn padded_loads_match_a_plain_copy() {
        let text = b"abcdefghij";
        for len in 0..=8 {
            let mut expected = [0u8; 8];
            expected[..len].copy_from_slice(&text[..len]);
            assert_eq!(load_padded(&text[..len]), u64::from_le_bytes(expected), "{len}");
        }
    }

    #[test]
    fn embedded_table_finds_short_and_long_words() {
        let table = WordTable::embedded();
        assert!(table.len() > 50_000);
        for word in ["a", "the", "visit", "government", "international", "responsibilities"] {
            assert!(table.get(word).is_some(), "{word}");
        }
        for absent in ["", "zzyzx", "visitz", "responsibilitie", "Visit"] {
            assert!(table.get(absent).is_none(), "{absent}");
        }
        assert_eq!(table.get("visit").map(|(tag, _)| tag), Some(Tag::NN));
        assert!(table.get("visit").is_some_and(|(_, tags)| tags.contains(Tag::VB)));
    }
}
