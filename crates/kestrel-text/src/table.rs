//! The compiled part-of-speech word table, read in place from the binary.
//!
//! `build.rs` turns data/text/pos-lexicon.tsv into an open-addressing hash table (layout in
//! `table_format.rs`) that is embedded with `include_bytes!`. Opening it costs microseconds
//! (a header and the word classes are decoded); a look-up hashes the word with
//! fixed-size loads and usually reads a single 16-byte slot, key included.

use crate::lexicon::{Entry, TagSet};
use crate::table_format::{Key, HEADER_SIZE, INLINE_KEY, MAGIC, MARKS_SHIFT, PRIMARY_SHIFT, SLOT_SIZE};
use crate::{Tag, WordId};

static COMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/word-table.bin"));

pub(crate) struct WordTable {
    /// log2 of the number of slots.
    bits: u32,
    slots: &'static [[u8; SLOT_SIZE]],
    long_keys: &'static [u8],
    /// Each word class, decoded once when the table is opened.
    classes: Vec<WordClass>,
    len: usize,
}

/// What the lexicon says of the words of a class.
#[derive(Clone, Copy)]
struct WordClass {
    primary: Tag,
    tags: TagSet,
    marks: u16,
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
            classes: Vec::new(),
            len: 0,
        })
    }

    fn open(blob: &'static [u8]) -> Option<WordTable> {
        if blob.get(..4)? != MAGIC {
            return None;
        }
        let bits = u32_at(blob, 4)?;
        let class_count = u32_at(blob, 8)? as usize;
        let len = u32_at(blob, 12)? as usize;
        if !(1..=32).contains(&bits) {
            return None;
        }
        let slots_start = HEADER_SIZE + class_count * 8;
        let slots_end = slots_start + (1usize << bits) * SLOT_SIZE;
        let classes = blob
            .get(HEADER_SIZE..slots_start)?
            .chunks_exact(8)
            .map(|chunk| {
                let mut word = [0u8; 8];
                word.copy_from_slice(chunk);
                let class = u64::from_le_bytes(word);
                Some(WordClass {
                    primary: *Tag::ALL.get(((class >> PRIMARY_SHIFT) & 0xff) as usize)?,
                    tags: TagSet::from_bits(class & ((1 << PRIMARY_SHIFT) - 1)),
                    marks: (class >> MARKS_SHIFT) as u16,
                })
            })
            .collect::<Option<_>>()?;
        Some(WordTable {
            bits,
            slots: blob.get(slots_start..slots_end)?.as_chunks().0,
            long_keys: blob.get(slots_end..)?,
            classes,
            len,
        })
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The number of slots: every word's [`WordId`] is below it.
    pub(crate) fn slot_count(&self) -> usize {
        self.slots.len()
    }

    /// Primary tag, tag set and function-word marks of `word`.
    // Always inlined: the call overhead (saving and restoring registers) would be a fifth of
    // a look-up, and there are few call sites.
    #[inline(always)]
    pub(crate) fn get(&self, bytes: &[u8]) -> Option<Entry> {
        let key = Key::new(bytes)?;
        let mask = self.slots.len().wrapping_sub(1);
        // Bytes 8..13 of a slot holding this word, if it is stored inline: key bytes 8..12
        // and the length.
        let inline_rest = u64::from(key.tail) | (bytes.len() as u64) << 32;
        let mut position = key.home(self.bits);
        // The table is at most half full, so probing ends at an empty slot long before this
        // bound; the bound only guards against a damaged table.
        for _ in 0..self.slots.len() {
            let slot = self.slots.get(position)?;
            let head = u64::from_le_bytes([slot[0], slot[1], slot[2], slot[3], slot[4], slot[5], slot[6], slot[7]]);
            let rest = u64::from_le_bytes([slot[8], slot[9], slot[10], slot[11], slot[12], 0, 0, 0]);
            let found = head == key.head
                && if bytes.len() <= INLINE_KEY {
                    rest == inline_rest
                } else {
                    self.long_key_matches(slot, bytes)
                };
            if found {
                return self.entry(slot, position);
            }
            if slot[12] == 0 {
                return None; // an empty slot ends the probe sequence
            }
            position = (position + 1) & mask;
        }
        None
    }

    /// Whether a slot holds `bytes`, a key too long to be stored inline.
    #[cold]
    fn long_key_matches(&self, slot: &[u8; SLOT_SIZE], bytes: &[u8]) -> bool {
        let offset = u32::from_le_bytes([slot[8], slot[9], slot[10], slot[11]]) as usize;
        usize::from(slot[12]) == bytes.len() && self.long_keys.get(offset..offset + bytes.len()) == Some(bytes)
    }

    /// The entry stored in slot `position`.
    #[inline]
    fn entry(&self, slot: &[u8; SLOT_SIZE], position: usize) -> Option<Entry> {
        let class = self
            .classes
            .get(usize::from(u16::from_le_bytes([slot[14], slot[15]])))?;
        Some(Entry {
            primary: class.primary,
            tags: class.tags,
            marks: class.marks,
            word: WordId(position as u32),
        })
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
            assert!(table.get(word.as_bytes()).is_some(), "{word}");
        }
        for absent in ["", "zzyzx", "visitz", "responsibilitie", "Visit"] {
            assert!(table.get(absent.as_bytes()).is_none(), "{absent}");
        }
        assert_eq!(table.get(b"visit").map(|entry| entry.primary), Some(Tag::NN));
        assert!(table.get(b"visit").is_some_and(|entry| entry.tags.contains(Tag::VB)));
    }
}
