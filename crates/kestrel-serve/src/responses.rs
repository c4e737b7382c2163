//! The JSON shapes of the API's answers (see `openapi.json`), borrowing from what the store
//! returned, and the highlights of a mention's sentence.

use kestrel::EventRecord;
use kestrel_store::{FusedEvent, Mention, Period};
use serde::Serialize;

/// A fused event: the record of its representative mention, in the schema of `kestrel code`,
/// with the fused id and what the fusion counted.
#[derive(Serialize)]
pub struct EventJson<'a> {
    pub id: &'a str,
    #[serde(flatten)]
    pub record: &'a EventRecord,
    pub num_mentions: u32,
    pub num_sources: u32,
    pub num_articles: u32,
    pub first_published: Option<&'a str>,
    pub source_url: Option<&'a str>,
    pub added: &'a str,
}

impl<'a> From<&'a FusedEvent> for EventJson<'a> {
    fn from(e: &'a FusedEvent) -> EventJson<'a> {
        EventJson {
            id: &e.id,
            record: &e.record,
            num_mentions: e.num_mentions,
            num_sources: e.num_sources,
            num_articles: e.num_articles,
            first_published: e.first_published.as_deref(),
            source_url: e.source_url.as_deref(),
            added: &e.added,
        }
    }
}

/// One article's mention of an event, with where its actors and trigger are in its sentence.
#[derive(Serialize)]
pub struct MentionJson<'a> {
    pub doc_id: &'a str,
    pub outlet: Option<&'a str>,
    pub url: Option<&'a str>,
    pub title: Option<&'a str>,
    pub published: Option<&'a str>,
    pub record: &'a EventRecord,
    pub highlights: Vec<Highlight>,
}

impl<'a> From<&'a Mention> for MentionJson<'a> {
    fn from(m: &'a Mention) -> MentionJson<'a> {
        MentionJson {
            doc_id: &m.doc_id,
            outlet: m.outlet.as_deref(),
            url: m.url.as_deref(),
            title: m.title.as_deref(),
            published: m.published.as_deref(),
            record: &m.record,
            highlights: m
                .sentence_offset
                .map_or_else(Vec::new, |offset| highlights(&m.record, offset)),
        }
    }
}

/// What a highlighted part of a sentence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Source,
    Target,
    Trigger,
    Attribution,
}

/// A part of `record.sentence_text`, in characters (Unicode scalar values), so that a browser
/// can cut `Array.from(sentence)` without knowing UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Highlight {
    pub role: Role,
    pub start: usize,
    pub end: usize,
}

/// The highlights of a record whose sentence starts at byte `sentence_offset` of its article.
/// The record's spans are byte offsets into the article; a span outside the sentence (an actor
/// resolved from an earlier sentence) or not on character boundaries is left out.
pub fn highlights(record: &EventRecord, sentence_offset: usize) -> Vec<Highlight> {
    let sentence = record.sentence_text.as_str();
    let spans = [
        (Role::Source, Some(record.source.span)),
        (Role::Target, record.target.as_ref().map(|t| t.span)),
        (Role::Trigger, Some(record.trigger.span)),
        (Role::Attribution, record.attribution.as_ref().map(|a| a.span)),
    ];
    spans
        .into_iter()
        .filter_map(|(role, span)| {
            let [start, end] = span?;
            let start = start.checked_sub(sentence_offset)?;
            let end = end.checked_sub(sentence_offset)?;
            if start >= end {
                return None;
            }
            // `get` is None past the end or off a character boundary.
            sentence.get(start..end)?;
            Some(Highlight {
                role,
                start: sentence.get(..start)?.chars().count(),
                end: sentence.get(..end)?.chars().count(),
            })
        })
        .collect()
}

/// The name of a period as the API reads and writes it.
pub fn period_name(by: Period) -> &'static str {
    match by {
        Period::Day => "day",
        Period::Week => "week",
        Period::Month => "month",
    }
}

#[cfg(test)]
mod tests {
    use kestrel::{ActorRecord, AttributionRecord, TriggerRecord};

    use super::*;

    fn actor(text: &str, code: &str, span: [usize; 2]) -> ActorRecord {
        ActorRecord {
            text: text.into(),
            code: code.into(),
            country: None,
            sectors: Vec::new(),
            name: None,
            span,
        }
    }

    /// "Earlier text. Él dijo: Francia criticó a Alemania." with the sentence at byte 14.
    fn record() -> EventRecord {
        let sentence = "Él dijo: Francia criticó a Alemania.";
        let offset = 14;
        let at = |word: &str| {
            let start = sentence.find(word).unwrap_or(0) + offset;
            [start, start + word.len()]
        };
        EventRecord {
            doc_id: "d".into(),
            sentence: 1,
            event_id: "e".into(),
            code: "111".into(),
            root: "11".into(),
            quad_class: 3,
            goldstein: -2.0,
            plover: None,
            source: actor("Francia", "FRA", at("Francia")),
            target: Some(actor("Alemania", "DEU", at("Alemania"))),
            trigger: TriggerRecord {
                text: "criticó".into(),
                span: at("criticó"),
            },
            // The speaker is in the earlier sentence: no highlight.
            attribution: Some(AttributionRecord {
                text: "Earlier".into(),
                code: "XXX".into(),
                span: [0, 7],
            }),
            modality: "reported".into(),
            date: None,
            date_precision: None,
            sentence_text: sentence.into(),
            confidence: 0.9,
        }
    }

    #[test]
    fn highlights_are_character_offsets_into_the_sentence() {
        let r = record();
        let hs = highlights(&r, 14);
        let chars: Vec<char> = r.sentence_text.chars().collect();
        let cut = |h: &Highlight| chars[h.start..h.end].iter().collect::<String>();
        let roles: Vec<Role> = hs.iter().map(|h| h.role).collect();
        assert_eq!(roles, [Role::Source, Role::Target, Role::Trigger]);
        assert_eq!(cut(&hs[0]), "Francia");
        assert_eq!(cut(&hs[1]), "Alemania");
        assert_eq!(cut(&hs[2]), "criticó");
        // "Él" is two bytes but one character.
        assert_eq!(hs[0].start, r.sentence_text.find("Francia").unwrap_or(0) - 1);
    }

    #[test]
    fn spans_outside_the_sentence_or_off_boundaries_are_left_out() {
        let r = record();
        // With a wrong offset every span falls short of or past the sentence.
        assert!(highlights(&r, 10_000).is_empty());
        let mut r = record();
        // Inside "É" (bytes 14..16).
        r.trigger.span = [15, 17];
        assert!(!highlights(&r, 14).iter().any(|h| h.role == Role::Trigger));
    }
}
