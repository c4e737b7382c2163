//! Binary layout of the compiled word table. Shared, through `#[path]`, by `build.rs` (which
//! compiles data/text/pos-lexicon.tsv into it at build time) and by the library (which reads
//! it in place from the binary: no parsing or hashing at start-up). Standard library only.
//!
//! Layout, all integers little-endian:
//! - header: the magic bytes `KTWT`, then `u32` values: log2 of the slot count, the number
//!   of tag sets, the number of words;
//! - word classes: one `u64` per distinct triple of a primary tag, a tag set and
//!   function-word marks: bits below [`PRIMARY_SHIFT`] are the tags (bit = index in
//!   [`WORD_TAGS`]), the byte from it the primary tag's index, the bits from
//!   [`MARKS_SHIFT`] up the word's marks (`word_marks.rs`);
//! - slots, [`SLOT_SIZE`] bytes each, open addressing with linear probing: key bytes 0..8
//!   (`u64`, zero-padded), key bytes 8..12 (`u32`) or, for keys longer than
//!   [`INLINE_KEY`], the offset of the key in the long-key area (`u32`), key length (`u8`,
//!   0 = empty slot), a zero byte, word-class index (`u16`);
//! - long-key area: the bytes of the keys longer than [`INLINE_KEY`].

pub const MAGIC: &[u8; 4] = b"KTWT";
pub const HEADER_SIZE: usize = 16;
pub const SLOT_SIZE: usize = 16;
/// Keys up to this many bytes are stored in their slot.
pub const INLINE_KEY: usize = 12;
/// Longest key the table can hold.
pub const MAX_KEY: usize = 255;
/// Position of the primary tag's index in a word-class `u64` (tags fit in the bits below).
pub const PRIMARY_SHIFT: u32 = 40;
/// Position of the function-word marks in a word-class `u64`.
pub const MARKS_SHIFT: u32 = 48;

/// Penn word tags in the declaration order of `kestrel_text::Tag` (index = discriminant).
pub const WORD_TAGS: [&str; 35] = [
    "NN", "NNS", "NNP", "NNPS", "PRP", "PRP$", "DT", "PDT", "JJ", "JJR", "JJS", "RB", "RBR", "RBS", "VB", "VBD", "VBG",
    "VBN", "VBP", "VBZ", "MD", "IN", "TO", "CC", "CD", "POS", "WDT", "WP", "WP$", "WRB", "RP", "EX", "UH", "FW", "SYM",
];

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// Up to 8 bytes as a little-endian word, zero-padded, using fixed-size loads only (no
/// `memcpy` call, and no bounds checks, on the look-up path).
#[inline]
pub fn load_padded(bytes: &[u8]) -> u64 {
    if let Some(word) = bytes.first_chunk::<8>() {
        return u64::from_le_bytes(*word);
    }
    if let (Some(low), Some(high)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        // Two overlapping 4-byte loads; the overlapping bytes are equal, so OR is exact.
        let shift = (bytes.len() - 4) * 8;
        return u64::from(u32::from_le_bytes(*low)) | u64::from(u32::from_le_bytes(*high)) << shift;
    }
    match *bytes {
        [a] => u64::from(a),
        [a, b] => u64::from(a) | u64::from(b) << 8,
        [a, b, c] => u64::from(a) | u64::from(b) << 8 | u64::from(c) << 16,
        _ => 0,
    }
}

#[inline]
fn mix(state: u64, word: u64) -> u64 {
    (state.rotate_left(5) ^ word).wrapping_mul(SEED)
}

/// A key split into the words stored in a slot, with its hash.
#[derive(Clone, Copy, Debug)]
pub struct Key {
    /// Bytes 0..8, zero-padded.
    pub head: u64,
    /// Bytes 8..12, zero-padded (only meaningful for inline keys).
    pub tail: u32,
    pub hash: u64,
}

impl Key {
    /// `None` for empty keys and keys longer than [`MAX_KEY`].
    // Always inlined: it is most of a look-up, and a call costs a third as much again.
    #[inline(always)]
    pub fn new(bytes: &[u8]) -> Option<Key> {
        let len = bytes.len();
        if len == 0 || len > MAX_KEY {
            return None;
        }
        let head = load_padded(&bytes[..len.min(8)]);
        let middle = if len > 8 {
            load_padded(&bytes[8..len.min(16)])
        } else {
            0
        };
        let mut hash = mix(mix(len as u64, head), middle);
        if len > 16 {
            for chunk in bytes[16..].chunks(8) {
                hash = mix(hash, load_padded(chunk));
            }
        }
        Some(Key {
            head,
            tail: middle as u32,
            hash,
        })
    }

    /// Home slot in a table of `1 << bits` slots.
    #[inline]
    pub fn home(&self, bits: u32) -> usize {
        (self.hash >> (64 - bits)) as usize
    }
}
