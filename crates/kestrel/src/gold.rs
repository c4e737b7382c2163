//! kestrel's gold format (documents with the events a careful coder must produce) and the
//! matching of coded events against it. Used by the golden tests, the seed test and
//! evaluation. The format is documented in tests/golden/README.md.

use serde::{Deserialize, Serialize};

use crate::input::Document;
use crate::record::EventRecord;
use kestrel_dates::CivilDate;

/// One expected event.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GoldEvent {
    #[serde(default)]
    pub sentence: usize,
    /// Acceptable source codes.
    pub src: Vec<String>,
    /// Acceptable target codes; empty means the target is not checked, and `---` stands for
    /// no target (as PETRARCH writes it).
    #[serde(default)]
    pub tgt: Vec<String>,
    /// Acceptable CAMEO codes.
    pub codes: Vec<String>,
    #[serde(default)]
    pub attribution: Option<String>,
    #[serde(default)]
    pub modality: Option<String>,
    /// A prefix of the expected date ("2022", "2023-08", "2023-08-30").
    #[serde(default)]
    pub date: Option<String>,
}

/// One gold document.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldDoc {
    pub id: String,
    #[serde(default)]
    pub date: Option<String>,
    pub text: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub events: Vec<GoldEvent>,
    #[serde(default)]
    pub optional: Vec<GoldEvent>,
    #[serde(default)]
    pub nonfactual: Vec<GoldEvent>,
}

impl GoldDoc {
    pub fn document(&self) -> Document {
        Document {
            id: self.id.clone(),
            date: self.date.as_deref().and_then(CivilDate::parse),
            text: self.text.clone(),
            title: None,
            url: None,
            source: None,
        }
    }

    /// Actor codes are compared exactly when the document is tagged `role-exact`.
    pub fn actor_level(&self) -> ActorLevel {
        if self.tags.iter().any(|t| t == "role-exact") {
            ActorLevel::Exact
        } else {
            ActorLevel::Country
        }
    }
}

/// How closely actor codes must agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorLevel {
    Exact,
    /// The country (first three letters), or the organisation (first six for IGO/NGO codes).
    Country,
}

/// How closely event codes must agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeLevel {
    /// The produced code is one of the listed codes.
    Listed,
    /// The produced code's root is the root of a listed code.
    Root,
}

/// The part of an actor code compared at country level: the country, or the six letters of an
/// organisation code.
/// A gold file's code for "no actor".
pub(crate) const NO_ACTOR: &str = "---";

pub(crate) fn base(code: &str) -> &str {
    let n = if ["IGO", "NGO", "MNC", "IMG"].iter().any(|p| code.starts_with(p)) {
        6
    } else {
        3
    };
    // `get`: a code from a gold file may hold any character.
    code.get(..n).unwrap_or(code)
}

pub fn actor_matches(produced: &str, gold: &[String], level: ActorLevel) -> bool {
    gold.iter().any(|g| match level {
        ActorLevel::Exact => g == produced,
        ActorLevel::Country => base(g) == base(produced),
    })
}

fn code_matches(produced: &str, gold: &[String], level: CodeLevel) -> bool {
    gold.iter().any(|g| match level {
        CodeLevel::Listed => g == produced,
        CodeLevel::Root => g.get(..2) == produced.get(..2),
    })
}

/// Whether `e` is the gold event `g`, comparing dyad and code (and, when `full`, the
/// attribution, modality and date the gold gives).
pub fn event_matches(e: &EventRecord, g: &GoldEvent, actors: ActorLevel, codes: CodeLevel, full: bool) -> bool {
    let target_ok = g.tgt.is_empty()
        || match &e.target {
            Some(t) => actor_matches(&t.code, &g.tgt, actors),
            None => g.tgt.iter().any(|t| t == NO_ACTOR),
        };
    let dyad = e.sentence == g.sentence
        && actor_matches(&e.source.code, &g.src, actors)
        && target_ok
        && code_matches(&e.code, &g.codes, codes);
    if !dyad || !full {
        return dyad;
    }
    let attribution_ok = g.attribution.as_ref().is_none_or(|a| {
        e.attribution
            .as_ref()
            .is_some_and(|ea| actor_matches(&ea.code, std::slice::from_ref(a), ActorLevel::Country))
    });
    let modality_ok = g.modality.as_ref().is_none_or(|m| *m == e.modality);
    let date_ok = g
        .date
        .as_ref()
        .is_none_or(|d| e.date.as_ref().is_some_and(|ed| ed.starts_with(d.as_str())));
    attribution_ok && modality_ok && date_ok
}

/// The outcome of comparing a document's coded events with its gold.
#[derive(Debug, Default)]
pub struct Verdict<'a> {
    /// Required events not produced.
    pub missing: Vec<&'a GoldEvent>,
    /// Produced events that match nothing the gold lists.
    pub extras: Vec<&'a EventRecord>,
    /// Produced events the gold marks non-factual, coded as factual.
    pub factual_nonfactual: Vec<&'a EventRecord>,
    /// Required events found.
    pub found: usize,
}

impl Verdict<'_> {
    pub fn passed(&self) -> bool {
        self.missing.is_empty() && self.extras.is_empty() && self.factual_nonfactual.is_empty()
    }
}

pub fn judge<'a>(gold: &'a GoldDoc, produced: &'a [EventRecord], actors: ActorLevel, codes: CodeLevel) -> Verdict<'a> {
    let mut v = Verdict::default();
    for g in &gold.events {
        if produced.iter().any(|e| event_matches(e, g, actors, codes, true)) {
            v.found += 1;
        } else {
            v.missing.push(g);
        }
    }
    for e in produced {
        let nonfactual = gold
            .nonfactual
            .iter()
            .any(|g| event_matches(e, g, ActorLevel::Country, CodeLevel::Root, false));
        if nonfactual && matches!(e.modality.as_str(), "asserted" | "reported" | "alleged") {
            v.factual_nonfactual.push(e);
            continue;
        }
        let listed = gold
            .events
            .iter()
            .chain(&gold.optional)
            .any(|g| event_matches(e, g, ActorLevel::Country, CodeLevel::Root, false));
        if !listed && !nonfactual {
            v.extras.push(e);
        }
    }
    v
}

/// A one-line summary of a produced event, for failure messages.
pub fn describe(e: &EventRecord) -> String {
    format!(
        "s{} {} {}->{} modality={} attribution={} date={} trigger={:?}",
        e.sentence,
        e.code,
        e.source.code,
        e.target.as_ref().map_or("-", |t| t.code.as_str()),
        e.modality,
        e.attribution.as_ref().map_or("-", |a| a.code.as_str()),
        e.date.as_deref().unwrap_or("-"),
        e.trigger.text
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Document;
    use crate::Coder;

    #[test]
    fn a_dash_target_matches_only_an_event_without_one() {
        let doc = Document {
            id: "t".to_string(),
            date: kestrel_dates::CivilDate::parse("2024-01-01"),
            text: "Russia attacked Ukraine. Russia attacked the town.".to_string(),
            title: None,
            url: None,
            source: None,
        };
        let events = Coder::embedded().code(&doc);
        let gold = |sentence: usize, tgt: &str| GoldEvent {
            sentence,
            src: vec!["RUS".to_string()],
            tgt: vec![tgt.to_string()],
            codes: vec!["190".to_string()],
            attribution: None,
            modality: None,
            date: None,
        };
        let found = |g: GoldEvent| {
            events
                .iter()
                .any(|e| event_matches(e, &g, ActorLevel::Country, CodeLevel::Listed, false))
        };
        assert!(found(gold(0, "UKR")));
        assert!(!found(gold(0, NO_ACTOR)));
        assert!(found(gold(1, NO_ACTOR)));
        assert!(!found(gold(1, "UKR")));
    }
}
