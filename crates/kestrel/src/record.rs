//! The output record: one coded event, in the schema `kestrel code` writes (a contract read by
//! everything downstream: store, API, exports).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PloverRecord {
    pub event: String,
    pub mode: Option<String>,
    pub context: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorRecord {
    pub text: String,
    pub code: String,
    pub country: Option<String>,
    pub sectors: Vec<String>,
    pub name: Option<String>,
    pub span: [usize; 2],
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TriggerRecord {
    pub text: String,
    pub span: [usize; 2],
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttributionRecord {
    pub text: String,
    pub code: String,
    pub span: [usize; 2],
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    pub doc_id: String,
    /// 0-based sentence index within the document.
    pub sentence: usize,
    /// Stable: the same input gives the same id.
    pub event_id: String,
    pub code: String,
    pub root: String,
    pub quad_class: u8,
    pub goldstein: f64,
    pub plover: Option<PloverRecord>,
    pub source: ActorRecord,
    pub target: Option<ActorRecord>,
    pub trigger: TriggerRecord,
    pub attribution: Option<AttributionRecord>,
    pub modality: String,
    pub date: Option<String>,
    pub date_precision: Option<String>,
    pub sentence_text: String,
    pub confidence: f64,
}

/// FNV-1a, 64 bits: a stable hash for event ids that does not depend on the platform or on
/// the standard library's randomised hasher.
pub(crate) fn stable_hash(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in *part {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        // Separator so that ("ab", "c") and ("a", "bc") differ.
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_hash_is_fixed_and_separates_parts() {
        assert_eq!(stable_hash(&[b"doc", b"1"]), stable_hash(&[b"doc", b"1"]));
        assert_ne!(stable_hash(&[b"ab", b"c"]), stable_hash(&[b"a", b"bc"]));
        // Pinned value: ids must not change between releases.
        assert_eq!(stable_hash(&[b"doc"]), 0xdc47_8167_61f4_4abe);
    }
}
