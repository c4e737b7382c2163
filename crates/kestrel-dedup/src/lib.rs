//! De-duplication for kestrel, at two levels, as pure algorithms (no storage):
//!
//! - [`story`]: near-duplicate articles (wire copies, trimmed copies, light rewrites) through
//!   word shingles, MinHash signatures and LSH band keys; [`StoryClusters`] is the in-memory
//!   reference of the clustering a store performs with an index of band keys.
//! - [`fusion`]: mentions of the same event across articles (compatible actors and codes, dates
//!   within a window, compatible modality); [`EventFusion`] is the in-memory reference of what a
//!   store does with an index of candidate keys.
//! - [`tfidf`]: topical similarity of articles (TF-IDF cosine), for comparing articles about
//!   the same subject written independently.
//! - `semantic` (cargo feature `semantic`): sentence embeddings of titles and leads with
//!   all-MiniLM-L6-v2 run by candle, loaded from a directory the user names.
//!
//! Typical store use:
//! ```
//! use kestrel_dedup::{band_keys, candidate_key, jaccard, same_event, same_story, signature, FusionKey};
//! let sig = signature("Russia's defence minister arrived in Pyongyang for talks on Tuesday.");
//! let bytes = sig.to_bytes(); // stored with the document
//! let keys = band_keys(&sig); // indexed: documents sharing a key are candidates
//! assert_eq!(keys.len(), kestrel_dedup::BANDS);
//! let stored = kestrel_dedup::Signature::from_bytes(&bytes).expect("our own bytes");
//! assert_eq!(jaccard(&sig, &stored), 1.0);
//! assert!(same_story(&sig, &stored)); // or similarity(..) >= SAME_STORY_THRESHOLD
//!
//! let key = FusionKey {
//!     source: "RUSGOVMIL".into(),
//!     target: Some("PRK".into()),
//!     code: "042".into(),
//!     date: None,
//!     published: kestrel_dates::CivilDate::new(2023, 7, 26),
//!     modality: "asserted".into(),
//! };
//! assert_eq!(candidate_key(&key), "RUS|PRK|04"); // indexed for events
//! assert!(same_event(&key, &key.clone()));
//! ```

pub mod fusion;
mod normalize;
#[cfg(feature = "semantic")]
pub mod semantic;
pub mod story;
pub mod tfidf;

pub use fusion::{
    candidate_key, codes_compatible, day_span, fusion_distance, modalities_compatible, same_event, sources_compatible,
    targets_compatible, EventFusion, FusionKey, FUSION_WINDOW_DAYS,
};
pub use normalize::{normalized_text_hash, words};
pub use story::{
    band_keys, containment, jaccard, same_story, signature, similarity, MinHasher, Signature, SignatureError,
    StoryClusters, BANDS, ROWS_PER_BAND, SAME_STORY_THRESHOLD, SHINGLE_WORDS, SIGNATURE_BYTES, SIGNATURE_LEN,
    STORY_MIN_JACCARD,
};
pub use tfidf::{cosine, TermVector, TfIdf};
