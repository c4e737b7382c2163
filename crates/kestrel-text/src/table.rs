//! A compact open-addressing word table for the part-of-speech lexicon.
//!
//! Each slot is 16 bytes and holds the key itself (up to 12 bytes inline; longer keys keep a
//! reference plus their first 8 bytes), the key length, the primary tag and an index into a
//! small table of distinct tag sets. A hit therefore usually touches one cache line, which
//! matters because the analysis does one look-up per word; a general-purpose map with
//! `&str` keys needs three (control bytes, bucket, key text).

use crate::hash::FxHashMap;
use crate::lexicon::TagSet;
use crate::Tag;

const INLINE_KEY: usize = 12;
const PREFIX: usize = 8;
const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

#[derive(Clone, Copy, Default)]
#[repr(C, align(16))]
struct Slot {
    /// The key, zero-padded; for longer keys: index into `long_keys` (4 bytes, LE), then the
    /// key's first 8 bytes.
    key: [u8; INLINE_KEY],
    /// Key length; 0 marks an empty slot.
    len: u8,
    primary: u8,
    tag_set: u16,
}

pub(crate) struct WordTable {
    slots: Vec<Slot>,
    /// log2 of the number of slots.
    bits: u32,
    long_keys: Vec<&'static str>,
    tag_sets: Vec<TagSet>,
    tag_set_ids: FxHashMap<TagSet, u16>,
    len: usize,
}

/// A query key, zero-padded for fixed-size comparison.
struct Query<'a> {
    bytes: &'a [u8],
    padded: [u8; INLINE_KEY],
    hash: u64,
}

impl<'a> Query<'a> {
    fn new(bytes: &'a [u8]) -> Option<Self> {
        if bytes.is_empty() || bytes.len() > usize::from(u8::MAX) {
            return None;
        }
        let mut padded = [0u8; INLINE_KEY];
        let inline = bytes.len().min(INLINE_KEY);
        padded[..inline].copy_from_slice(&bytes[..inline]);
        Some(Query {
            bytes,
            padded,
            hash: hash(bytes),
        })
    }
}

fn hash(bytes: &[u8]) -> u64 {
    let mut state = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        state = (state.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(SEED);
    }
    let rest = chunks.remainder();
    let mut word = [0u8; 8];
    word[..rest.len()].copy_from_slice(rest);
    (state.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(SEED)
}

impl WordTable {
    /// A table with room for `capacity` words at a load factor of at most one half.
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        let bits = (capacity.max(8) * 2).next_power_of_two().trailing_zeros();
        WordTable {
            slots: vec![Slot::default(); 1 << bits],
            bits,
            long_keys: Vec::new(),
            tag_sets: Vec::new(),
            tag_set_ids: FxHashMap::default(),
            len: 0,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    #[inline]
    fn home(&self, hash: u64) -> usize {
        (hash >> (64 - self.bits)) as usize
    }

    #[inline]
    fn matches(&self, slot: &Slot, query: &Query) -> bool {
        if usize::from(slot.len) != query.bytes.len() {
            return false;
        }
        if query.bytes.len() <= INLINE_KEY {
            return slot.key == query.padded;
        }
        slot.key[4..] == query.padded[..PREFIX] && {
            let index = u32::from_le_bytes([slot.key[0], slot.key[1], slot.key[2], slot.key[3]]);
            self.long_keys
                .get(index as usize)
                .is_some_and(|key| key.as_bytes() == query.bytes)
        }
    }

    /// Index of the slot holding `query`, or of the empty slot where it would go.
    #[inline]
    fn position(&self, query: &Query) -> usize {
        let mask = self.slots.len() - 1;
        let mut position = self.home(query.hash);
        loop {
            let slot = &self.slots[position];
            if slot.len == 0 || self.matches(slot, query) {
                return position;
            }
            position = (position + 1) & mask;
        }
    }

    /// Primary tag and tag set of `key`.
    #[inline]
    pub(crate) fn get(&self, key: &str) -> Option<(Tag, TagSet)> {
        let query = Query::new(key.as_bytes())?;
        let slot = &self.slots[self.position(&query)];
        if slot.len == 0 {
            return None;
        }
        let primary = *Tag::ALL.get(usize::from(slot.primary))?;
        let tags = *self.tag_sets.get(usize::from(slot.tag_set))?;
        Some((primary, tags))
    }

    fn intern(&mut self, tags: TagSet) -> u16 {
        if let Some(&id) = self.tag_set_ids.get(&tags) {
            return id;
        }
        let id = self.tag_sets.len() as u16;
        self.tag_sets.push(tags);
        self.tag_set_ids.insert(tags, id);
        id
    }

    /// Inserts `key` or, when present, adds `tags` to its tag set (keeping its primary tag).
    /// Keys longer than 255 bytes are ignored.
    pub(crate) fn insert_or_extend(&mut self, key: &'static str, primary: Tag, tags: TagSet) {
        let Some(query) = Query::new(key.as_bytes()) else {
            return;
        };
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let position = self.position(&query);
        if self.slots[position].len != 0 {
            let existing = self.tag_sets[usize::from(self.slots[position].tag_set)];
            self.slots[position].tag_set = self.intern(existing.union(tags));
            return;
        }
        let mut slot = Slot {
            key: query.padded,
            len: key.len() as u8,
            primary: primary as u8,
            tag_set: self.intern(tags.with(primary)),
        };
        if key.len() > INLINE_KEY {
            let index = self.long_keys.len() as u32;
            self.long_keys.push(key);
            slot.key[..4].copy_from_slice(&index.to_le_bytes());
            slot.key[4..].copy_from_slice(&query.padded[..PREFIX]);
        }
        self.slots[position] = slot;
        self.len += 1;
    }

    /// Rewrites every tag set with `change` (e.g. to make VB and VBP interchangeable).
    pub(crate) fn map_tag_sets(&mut self, change: impl Fn(TagSet) -> TagSet) {
        for tags in &mut self.tag_sets {
            *tags = change(*tags);
        }
        // Interning stays valid for new insertions only if ids still map 1:1; rebuild.
        self.tag_set_ids = self
            .tag_sets
            .iter()
            .enumerate()
            .map(|(id, tags)| (*tags, id as u16))
            .collect();
    }

    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        self.bits += 1;
        self.slots = vec![Slot::default(); 1 << self.bits];
        let mask = self.slots.len() - 1;
        for slot in old.into_iter().filter(|slot| slot.len != 0) {
            let key_hash = if usize::from(slot.len) <= INLINE_KEY {
                hash(&slot.key[..usize::from(slot.len)])
            } else {
                let index = u32::from_le_bytes([slot.key[0], slot.key[1], slot.key[2], slot.key[3]]);
                hash(self.long_keys[index as usize].as_bytes())
            };
            let mut position = self.home(key_hash);
            while self.slots[position].len != 0 {
                position = (position + 1) & mask;
            }
            self.slots[position] = slot;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_short_and_long_keys_and_extends_tags() {
        let mut table = WordTable::with_capacity(2);
        let words = [
            "a",
            "visit",
            "twelve-chars",
            "thirteen-char",
            "internationalisation",
            "internationalisations",
        ];
        for word in words {
            table.insert_or_extend(word, Tag::NN, TagSet::EMPTY);
        }
        assert_eq!(table.len(), words.len());
        for word in words {
            assert_eq!(table.get(word).map(|(tag, _)| tag), Some(Tag::NN), "{word}");
        }
        for absent in ["", "b", "visits", "internationalisatio", "thirteen-chas"] {
            assert!(table.get(absent).is_none(), "{absent}");
        }
        table.insert_or_extend("visit", Tag::VB, TagSet::of(&[Tag::VB]));
        let (primary, tags) = table.get("visit").expect("visit");
        assert_eq!(primary, Tag::NN);
        assert!(tags.contains(Tag::VB) && tags.contains(Tag::NN));
        assert_eq!(table.len(), words.len());
    }
}
