//! Near-duplicate articles (wire copies, trimmed copies, light rewrites): word shingles, MinHash
//! signatures and locality-sensitive hashing bands.
//!
//! A document's normalised words ([`crate::words`]) are cut into overlapping shingles of
//! [`SHINGLE_WORDS`] words, each hashed to 64 bits. A signature keeps the number of distinct
//! shingles and, for each of [`SIGNATURE_LEN`] fixed hash functions, the smallest hash value over
//! the shingles; the share of positions where two signatures agree estimates the
//! Jaccard similarity of the two shingle sets ([`jaccard`]), and with the set sizes it gives the
//! share of the smaller set found in the larger one ([`containment`]). [`BANDS`] bands of
//! [`ROWS_PER_BAND`] values each give a key; two documents that agree on a whole band share its
//! key, which is what a store indexes to find candidates without comparing every pair.
//!
//! Same story ([`similarity`], the story score, and [`same_story`]): containment, because outlets trim wire
//! copy (a copy that keeps the first half of the wire story has Jaccard 0.5 but containment 1)
//! while two different stories of one outlet may share a stock background paragraph, which
//! raises Jaccard far more than containment. Pairs below [`STORY_MIN_JACCARD`] never count: a
//! brief several times shorter than the other article gives too noisy an estimate.
//!
//! Everything is fixed: the hash functions come from a constant seed, the values are written
//! little-endian, so a signature stored today compares correctly with one computed by a later
//! release on another platform (pinned by a test).

use std::collections::HashMap;
use std::fmt;

use crate::normalize::{fnv1a, hash_words, words, FNV_OFFSET};

/// Words per shingle. Three keeps copies and light rewrites close (they share most three-word
/// runs) while independent reports of one event, which share names and single words but few
/// runs of three, stay apart: on the multi-outlet set in `tests/`, pairs of different stories
/// stay below 0.1 Jaccard except two stories sharing a stock paragraph.
pub const SHINGLE_WORDS: usize = 3;
/// Hash functions per signature: the standard error of the Jaccard estimate is
/// sqrt(J(1-J)/128), at most 0.044.
pub const SIGNATURE_LEN: usize = 128;
/// LSH bands over the first `BANDS * ROWS_PER_BAND` (126) values. Two documents become
/// candidates with probability 1-(1-J^3)^42: 0.68 at J = 0.3, 0.93 at J = 0.4, 0.995 at J = 0.5,
/// while unrelated news articles (mean Jaccard 0.001 between the 300 articles of
/// lee_background.cor) almost never collide.
pub const BANDS: usize = 42;
pub const ROWS_PER_BAND: usize = 3;
/// The story score ([`similarity`]: estimated containment) at or above which two articles
/// are the same story. On the multi-outlet set, copies, trimmed copies and light rewrites score
/// 0.69 to 0.93; separately written reports of one event score 0 (their Jaccard is below
/// [`STORY_MIN_JACCARD`]); the one pair of different stories above 0.2 scores 0.61 and is merged:
/// two 90-word stories of one outlet ending with the same 40-word stock paragraph, a share of
/// boilerplate that full-length articles rarely reach.
pub const SAME_STORY_THRESHOLD: f64 = 0.6;
/// Estimated Jaccard similarity below which two articles are never the same story, whatever the
/// containment: a brief of a fifth of an article's length or less.
pub const STORY_MIN_JACCARD: f64 = 0.2;

/// Leading bytes of a serialised signature: a tag, the format version, the shingle width.
const MAGIC: &[u8; 3] = b"KMH";
const FORMAT_VERSION: u8 = 1;
const HEADER_LEN: usize = MAGIC.len() + 2;
/// Length of [`Signature::to_bytes`].
pub const SIGNATURE_BYTES: usize = HEADER_LEN + 4 + SIGNATURE_LEN * 4;

/// Seed of the hash functions: fixed forever (changing it invalidates every stored signature).
const SEED: u64 = 0x6b65_7374_7265_6c31; // "kestrel1"

/// The MinHash signature of one document.
#[derive(Clone, PartialEq, Eq)]
pub struct Signature {
    shingle_words: u8,
    /// Distinct shingles in the document (saturating).
    shingles: u32,
    /// `u32::MAX` everywhere for a document without words.
    mins: [u32; SIGNATURE_LEN],
}

/// Why bytes could not be read back as a [`Signature`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureError {
    /// Not [`SIGNATURE_BYTES`] long.
    Length(usize),
    /// Wrong tag or an unknown format version.
    Format,
}

impl fmt::Display for SignatureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignatureError::Length(n) => write!(f, "signature has {n} bytes, expected {SIGNATURE_BYTES}"),
            SignatureError::Format => write!(f, "not a kestrel MinHash signature (tag or version)"),
        }
    }
}

impl std::error::Error for SignatureError {}

impl Signature {
    /// True for a document without a single word: it resembles nothing, not even another empty
    /// document, and has no band keys.
    pub fn is_empty(&self) -> bool {
        self.mins.iter().all(|&m| m == u32::MAX)
    }

    /// The minimum hash values, for inspection and tests.
    pub fn values(&self) -> &[u32; SIGNATURE_LEN] {
        &self.mins
    }

    /// Distinct shingles of the document.
    pub fn shingle_count(&self) -> u32 {
        self.shingles
    }

    /// [`SIGNATURE_BYTES`] bytes: "KMH", format version, shingle width, then the shingle count
    /// and the values as little-endian u32.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(SIGNATURE_BYTES);
        out.extend_from_slice(MAGIC);
        out.push(FORMAT_VERSION);
        out.push(self.shingle_words);
        out.extend_from_slice(&self.shingles.to_le_bytes());
        for m in &self.mins {
            out.extend_from_slice(&m.to_le_bytes());
        }
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Signature, SignatureError> {
        if bytes.len() != SIGNATURE_BYTES {
            return Err(SignatureError::Length(bytes.len()));
        }
        let (header, values) = bytes.split_at(HEADER_LEN);
        if &header[..MAGIC.len()] != MAGIC || header[MAGIC.len()] != FORMAT_VERSION || header[MAGIC.len() + 1] == 0 {
            return Err(SignatureError::Format);
        }
        let mut numbers = values
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]));
        let shingles = numbers.next().unwrap_or_default();
        let mut mins = [0u32; SIGNATURE_LEN];
        for (m, value) in mins.iter_mut().zip(numbers) {
            *m = value;
        }
        Ok(Signature {
            shingle_words: header[MAGIC.len() + 1],
            shingles,
            mins,
        })
    }
}

impl fmt::Debug for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Signature")
            .field("shingle_words", &self.shingle_words)
            .field("shingles", &self.shingles)
            .field("first", &&self.mins[..4])
            .finish_non_exhaustive()
    }
}

/// Computes signatures. [`MinHasher::new`] is the configuration every stored signature uses;
/// [`MinHasher::with_shingle_words`] exists for experiments (signatures of different widths never
/// match).
#[derive(Clone, Debug)]
pub struct MinHasher {
    shingle_words: usize,
    seeds: [u64; SIGNATURE_LEN],
}

impl Default for MinHasher {
    fn default() -> MinHasher {
        MinHasher::new()
    }
}

impl MinHasher {
    pub fn new() -> MinHasher {
        MinHasher::with_shingle_words(SHINGLE_WORDS)
    }

    /// A hasher over shingles of `k` words (at least 1, at most 255).
    pub fn with_shingle_words(k: usize) -> MinHasher {
        let mut state = SEED;
        let seeds = std::array::from_fn(|_| splitmix64(&mut state));
        MinHasher {
            shingle_words: k.clamp(1, usize::from(u8::MAX)),
            seeds,
        }
    }

    /// The hashed shingles of `text`, sorted and without repeats. A text shorter than one
    /// shingle is a single shingle of all its words; a text without words has none.
    pub fn shingles(&self, text: &str) -> Vec<u64> {
        let words = words(text);
        let k = self.shingle_words.min(words.len());
        if k == 0 {
            return Vec::new();
        }
        let mut out: Vec<u64> = words
            .windows(k)
            .map(|w| hash_words(w.iter().map(String::as_str)))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    pub fn signature(&self, text: &str) -> Signature {
        let mut mins = [u32::MAX; SIGNATURE_LEN];
        let shingles = self.shingles(text);
        for &shingle in &shingles {
            for (m, seed) in mins.iter_mut().zip(&self.seeds) {
                // The high half of a full 64-bit mix: 32 bits make accidental equality
                // (1 in 4 billion per position) negligible at half the storage.
                let h = (fmix64(shingle ^ seed) >> 32) as u32;
                if h < *m {
                    *m = h;
                }
            }
        }
        Signature {
            // The constructor clamps the width to 1..=255.
            shingle_words: u8::try_from(self.shingle_words).unwrap_or(u8::MAX),
            shingles: u32::try_from(shingles.len()).unwrap_or(u32::MAX),
            mins,
        }
    }
}

/// The signature of `text` with the standard configuration ([`MinHasher::new`]).
pub fn signature(text: &str) -> Signature {
    MinHasher::new().signature(text)
}

/// The [`BANDS`] LSH keys of a signature: documents sharing any key are candidates for the same
/// story. Each key hashes the band's number with its values, so keys of different bands never
/// collide by construction and one index column holds them all. Empty for an empty document.
/// (A store with signed 64-bit integers can keep `key as i64`: the cast is lossless.)
pub fn band_keys(sig: &Signature) -> Vec<u64> {
    if sig.is_empty() {
        return Vec::new();
    }
    sig.mins
        .chunks_exact(ROWS_PER_BAND)
        .take(BANDS)
        .enumerate()
        .map(|(band, rows)| {
            let mut h = fnv1a([sig.shingle_words, band as u8], FNV_OFFSET);
            for r in rows {
                h = fnv1a(r.to_le_bytes(), h);
            }
            h
        })
        .collect()
}

/// Estimated Jaccard similarity (0..=1) of the two documents' shingle sets. 0 when either is
/// empty or they were computed with different shingle widths.
pub fn jaccard(a: &Signature, b: &Signature) -> f64 {
    if a.shingle_words != b.shingle_words || a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let equal = a.mins.iter().zip(&b.mins).filter(|(x, y)| x == y).count();
    equal as f64 / SIGNATURE_LEN as f64
}

/// Estimated share (0..=1) of the smaller document's shingles found in the larger one, from the
/// Jaccard estimate J and the set sizes: |A∩B| = J(|A|+|B|)/(1+J). 0 when either is empty or the
/// shingle widths differ.
pub fn containment(a: &Signature, b: &Signature) -> f64 {
    let estimate = jaccard(a, b);
    let smaller = a.shingles.min(b.shingles);
    if estimate == 0.0 || smaller == 0 {
        return 0.0;
    }
    let common = estimate * (f64::from(a.shingles) + f64::from(b.shingles)) / (1.0 + estimate);
    (common / f64::from(smaller)).min(1.0)
}

/// The story score (0..=1): [`containment`], or 0 when the Jaccard estimate is below
/// [`STORY_MIN_JACCARD`]. Articles scoring at least [`SAME_STORY_THRESHOLD`] are the same story;
/// among several such, the highest score is the closest. (For the Jaccard estimate itself, see
/// [`jaccard`].)
pub fn similarity(a: &Signature, b: &Signature) -> f64 {
    if jaccard(a, b) < STORY_MIN_JACCARD {
        return 0.0;
    }
    containment(a, b)
}

/// Whether two articles are the same story: [`similarity`] at least
/// [`SAME_STORY_THRESHOLD`].
pub fn same_story(a: &Signature, b: &Signature) -> bool {
    similarity(a, b) >= SAME_STORY_THRESHOLD
}

/// In-memory story clustering, the reference for what a store does with an index of band keys:
/// each new document joins the story of the earlier document with the highest
/// [`similarity`] among those sharing a band key, if that one is the same story (ties go
/// to the earliest), and otherwise starts a new story.
#[derive(Debug, Default)]
pub struct StoryClusters {
    by_band_key: HashMap<u64, Vec<usize>>,
    /// Signature and story number of each document, in insertion order.
    docs: Vec<(Signature, usize)>,
    stories: usize,
}

impl StoryClusters {
    pub fn new() -> StoryClusters {
        StoryClusters::default()
    }

    /// Adds a document and returns its story number (0, 1, 2... in order of first appearance).
    pub fn add(&mut self, sig: Signature) -> usize {
        let keys = band_keys(&sig);
        let mut candidates: Vec<usize> = keys
            .iter()
            .filter_map(|k| self.by_band_key.get(k))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<(f64, usize)> = None;
        for doc in candidates {
            let (other, story) = &self.docs[doc];
            let s = similarity(&sig, other);
            let better = match best {
                Some((b, _)) => s > b,
                None => true,
            };
            if s >= SAME_STORY_THRESHOLD && better {
                best = Some((s, *story));
            }
        }
        let story = best.map_or_else(
            || {
                self.stories += 1;
                self.stories - 1
            },
            |(_, story)| story,
        );
        let doc = self.docs.len();
        for k in keys {
            self.by_band_key.entry(k).or_default().push(doc);
        }
        self.docs.push((sig, story));
        story
    }

    /// Number of stories so far.
    pub fn stories(&self) -> usize {
        self.stories
    }
}

/// SplitMix64 (Steele, Lea and Flood, 2014; public domain reference code): the fixed sequence
/// of seeds.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    fmix64_splitmix(*state)
}

fn fmix64_splitmix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// MurmurHash3's 64-bit finaliser (public domain): every input bit affects every output bit, so
/// `fmix64(x ^ seed)` behaves as an independent hash function per seed.
fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^ (k >> 33)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "Russia's defence minister Sergei Shoigu arrived in Pyongyang on Tuesday for talks \
        with North Korean officials on military cooperation, state media said. Shoigu was greeted at \
        the airport by his North Korean counterpart and is expected to attend a military parade.";

    #[test]
    fn identical_and_reformatted_copies_are_identical() {
        let a = signature(WIRE);
        let b = signature(&WIRE.to_uppercase().replace(", ", " , "));
        assert_eq!(jaccard(&a, &b), 1.0);
        assert!(same_story(&a, &b));
        assert_eq!(band_keys(&a), band_keys(&b));
        assert_eq!(band_keys(&a).len(), BANDS);
    }

    #[test]
    fn unrelated_texts_are_far_apart() {
        let a = signature(WIRE);
        let b = signature(
            "Heavy rain flooded parts of the city overnight, closing schools and roads while \
             emergency crews pumped water from basements and the weather service warned of more storms.",
        );
        assert!(jaccard(&a, &b) < 0.05, "{}", jaccard(&a, &b));
        assert!(!same_story(&a, &b));
        let keys_b = band_keys(&b);
        assert!(band_keys(&a).iter().all(|k| !keys_b.contains(k)));
    }

    #[test]
    fn estimate_tracks_true_jaccard() {
        let hasher = MinHasher::new();
        let a_text: String = (0..200).map(|i| format!("w{i} ")).collect();
        let b_text: String = (100..300).map(|i| format!("w{i} ")).collect();
        let a = hasher.shingles(&a_text);
        let b = hasher.shingles(&b_text);
        let common = a.iter().filter(|x| b.binary_search(x).is_ok()).count();
        let exact = common as f64 / (a.len() + b.len() - common) as f64;
        let estimate = jaccard(&hasher.signature(&a_text), &hasher.signature(&b_text));
        // 3 standard errors of a 128-value estimate.
        assert!((estimate - exact).abs() < 0.13, "estimate {estimate}, exact {exact}");
    }

    #[test]
    fn trimmed_copies_are_contained() {
        let long: String = (0..300).map(|i| format!("w{i} ")).collect();
        let half: String = (0..150).map(|i| format!("w{i} ")).collect();
        let (a, b) = (signature(&long), signature(&half));
        assert_eq!((a.shingle_count(), b.shingle_count()), (298, 148));
        // True Jaccard 148/298, containment 1.
        assert!((jaccard(&a, &b) - 0.497).abs() < 0.13, "{}", jaccard(&a, &b));
        assert!(containment(&a, &b) > 0.8, "{}", containment(&a, &b));
        assert_eq!(containment(&a, &b), containment(&b, &a));
        assert!(same_story(&a, &b));
        // A brief of a tenth of the article: too little to judge.
        let brief: String = (0..30).map(|i| format!("w{i} ")).collect();
        assert_eq!(similarity(&a, &signature(&brief)), 0.0);
        assert_eq!(containment(&a, &signature("")), 0.0);
    }

    #[test]
    fn empty_and_short_texts() {
        let empty = signature(" ... ");
        assert!(empty.is_empty());
        assert!(band_keys(&empty).is_empty());
        assert_eq!(jaccard(&empty, &empty), 0.0);
        // Shorter than a shingle: one shingle of all words.
        let short = signature("Putin");
        assert!(!short.is_empty());
        assert_eq!(jaccard(&short, &signature("putin!")), 1.0);
    }

    #[test]
    fn bytes_round_trip_and_reject_garbage() {
        let sig = signature(WIRE);
        let bytes = sig.to_bytes();
        assert_eq!(bytes.len(), SIGNATURE_BYTES);
        assert_eq!(Signature::from_bytes(&bytes), Ok(sig));
        assert_eq!(
            Signature::from_bytes(&bytes[1..]),
            Err(SignatureError::Length(SIGNATURE_BYTES - 1))
        );
        let mut bad = bytes.clone();
        bad[0] = b'X';
        assert_eq!(Signature::from_bytes(&bad), Err(SignatureError::Format));
        let mut bad_version = bytes;
        bad_version[3] = 99;
        assert_eq!(Signature::from_bytes(&bad_version), Err(SignatureError::Format));
        assert_eq!(Signature::from_bytes(&[]), Err(SignatureError::Length(0)));
    }

    #[test]
    fn widths_never_mix() {
        let two = MinHasher::with_shingle_words(2).signature(WIRE);
        assert_eq!(jaccard(&two, &signature(WIRE)), 0.0);
        assert_eq!(
            MinHasher::with_shingle_words(0).signature(WIRE),
            MinHasher::with_shingle_words(1).signature(WIRE)
        );
    }

    #[test]
    fn values_are_pinned() {
        // Stored signatures and band keys must not change between releases or platforms.
        let sig = MinHasher::with_shingle_words(3).signature("Kim Jong Un met Vladimir Putin in Vladivostok");
        assert_eq!(&sig.values()[..4], &[314832804, 88867768, 389803799, 376192847]);
        assert_eq!(band_keys(&sig)[0], 10935994420636739928);
        assert_eq!(sig.shingle_count(), 6);
    }

    #[test]
    fn clusters_join_copies_and_separate_others() {
        let mut clusters = StoryClusters::new();
        assert_eq!(clusters.add(signature(WIRE)), 0);
        assert_eq!(clusters.add(signature("Protesters marched through the capital on Sunday demanding new elections and the release of jailed opposition leaders.")), 1);
        assert_eq!(
            clusters.add(signature(&format!("{WIRE} The visit lasts three days."))),
            0
        );
        assert_eq!(clusters.add(signature("")), 2);
        assert_eq!(clusters.stories(), 3);
    }
}
