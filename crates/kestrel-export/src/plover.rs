//! PLOVER JSON lines: one event record per line with the field names of the PLOVER manual
//! (chapter 6, tables 6.1 to 6.5): `id`, `date`, `actor`, `recipient`, `event`, `mode`,
//! `context`, `event_text`, `quad_code`, `event_scale`, `text`, `text_info`, `cite_info`,
//! `coder`, `coded_date`, `coded_time`; entities with `code`, `sector`, `entity_text`,
//! `identifier_text`, `religion`. kestrel adds named fields of its own after them, as the manual
//! invites (`cameo_code`, `goldstein`, `modality`, the fused counts...). Fields kestrel has no
//! value for are left out; kestrel has no geolocation, so there is no `event_loc`.
//!
//! PLOVER dropped CAMEO roots 01 and 02 (statements and appeals): such events have no PLOVER
//! category and are left out of the file, counted in [`ExportSummary::skipped`].

use std::collections::HashMap;
use std::io::Write;
use std::sync::OnceLock;

use kestrel::ActorRecord;
use kestrel_text::datafile::{data_lines, Diagnostic};
use serde::Serialize;

use crate::actor_parts::{split_actor, BlockTable};
use crate::time::{event_day, iso_day, published_day, UtcTime};
use crate::{ExportError, ExportSummary, ExportWriter, FusedEvent, CODER};

const SCALE_FILE: &str = "data/export/plover-scale.tsv";
const ACTORS_FILE: &str = "data/export/plover-actors.tsv";

/// PLOVER's quad category of each event type and conflict-cooperation score of each event
/// type and mode.
#[derive(Debug, Default)]
pub(crate) struct PloverScale {
    quad: HashMap<String, u8>,
    /// Keyed by (event, mode); the event type's own score under mode "-".
    score: HashMap<(String, String), f64>,
}

impl PloverScale {
    pub fn parse(name: &str, text: &str) -> (PloverScale, Vec<Diagnostic>) {
        let mut table = PloverScale::default();
        let mut diagnostics = Vec::new();
        for (line_number, line) in data_lines(text) {
            let fields: Vec<&str> = line.split('\t').collect();
            let parsed = match fields.as_slice() {
                [event, mode, quad, score] => quad
                    .parse::<u8>()
                    .ok()
                    .filter(|q| (1..=4).contains(q))
                    .zip(score.parse::<f64>().ok().filter(|s| (-10.0..=10.0).contains(s)))
                    .map(|(quad, score)| (*event, *mode, quad, score)),
                _ => None,
            };
            let Some((event, mode, quad, score)) = parsed else {
                diagnostics.push(Diagnostic::new(
                    name,
                    line_number,
                    "expected event, mode, quad_code 1-4, score -10..10",
                ));
                continue;
            };
            if table.quad.insert(event.to_string(), quad).is_some_and(|q| q != quad) {
                diagnostics.push(Diagnostic::new(
                    name,
                    line_number,
                    format!("{event} has two quad codes"),
                ));
            }
            if table
                .score
                .insert((event.to_string(), mode.to_string()), score)
                .is_some()
            {
                diagnostics.push(Diagnostic::new(
                    name,
                    line_number,
                    format!("{event} {mode} is listed twice"),
                ));
            }
        }
        for event in table.quad.keys() {
            if !table.score.contains_key(&(event.clone(), "-".to_string())) {
                diagnostics.push(Diagnostic::new(name, 0, format!("{event} has no `-` row")));
            }
        }
        (table, diagnostics)
    }

    pub fn embedded() -> &'static PloverScale {
        static TABLE: OnceLock<PloverScale> = OnceLock::new();
        TABLE.get_or_init(|| PloverScale::parse(SCALE_FILE, include_str!("../../../data/export/plover-scale.tsv")).0)
    }

    pub fn quad_code(&self, event: &str) -> Option<u8> {
        self.quad.get(event).copied()
    }

    /// The score of the event with its mode, or of the event type when the mode has none.
    pub fn score(&self, event: &str, mode: Option<&str>) -> Option<f64> {
        let lookup = |mode: &str| self.score.get(&(event.to_string(), mode.to_string())).copied();
        mode.and_then(lookup).or_else(|| lookup("-"))
    }
}

/// How CAMEO actor codes become PLOVER entity codes and sectors.
#[derive(Debug, Default)]
pub(crate) struct PloverActors {
    /// (CAMEO prefix, PLOVER code), longest prefix first.
    groups: Vec<(String, String)>,
    sectors: HashMap<String, String>,
}

impl PloverActors {
    pub fn parse(name: &str, text: &str) -> (PloverActors, Vec<Diagnostic>) {
        let mut table = PloverActors::default();
        let mut diagnostics = Vec::new();
        let upper = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_uppercase());
        for (line_number, line) in data_lines(text) {
            match line.split('\t').collect::<Vec<_>>().as_slice() {
                ["group", cameo, plover] if upper(cameo) && upper(plover) => {
                    table.groups.push((cameo.to_string(), plover.to_string()));
                }
                ["sector", cameo, plover] if cameo.len() == 3 && upper(cameo) && plover.len() == 3 && upper(plover) => {
                    table.sectors.insert(cameo.to_string(), plover.to_string());
                }
                _ => diagnostics.push(Diagnostic::new(
                    name,
                    line_number,
                    "expected `group` or `sector`, a CAMEO code and a PLOVER code in upper case",
                )),
            }
        }
        table.groups.sort_by_key(|(cameo, _)| std::cmp::Reverse(cameo.len()));
        (table, diagnostics)
    }

    pub fn embedded() -> &'static PloverActors {
        static TABLE: OnceLock<PloverActors> = OnceLock::new();
        TABLE.get_or_init(|| PloverActors::parse(ACTORS_FILE, include_str!("../../../data/export/plover-actors.tsv")).0)
    }

    fn group(&self, code: &str) -> Option<&str> {
        self.groups
            .iter()
            .find(|(cameo, _)| code.starts_with(cameo.as_str()))
            .map(|(_, plover)| plover.as_str())
    }

    fn sector<'a>(&'a self, cameo: &'a str) -> &'a str {
        self.sectors.get(cameo).map_or(cameo, String::as_str)
    }
}

/// PLOVER's information object for entities (table 6.2), plus the full CAMEO code.
#[derive(Serialize)]
struct Entity<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sector: Option<String>,
    entity_text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    identifier_text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    religion: Option<&'a str>,
    cameo_code: &'a str,
}

/// PLOVER's information object for text (table 6.3).
#[derive(Serialize)]
struct TextInfo {
    sequence: usize,
}

/// PLOVER's information object for citations (table 6.5).
#[derive(Serialize)]
struct CiteInfo<'a> {
    citation: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    coder: &'static str,
}

/// One PLOVER record (table 6.1), then kestrel's own fields.
#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    actor: [Entity<'a>; 1],
    recipient: Vec<Entity<'a>>,
    event: [&'a str; 1],
    mode: Vec<&'a str>,
    context: &'a [String],
    event_text: [&'a str; 1],
    quad_code: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    event_scale: Option<f64>,
    text: &'a str,
    text_info: TextInfo,
    cite_info: CiteInfo<'a>,
    coder: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    coded_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    coded_time: Option<String>,
    // kestrel's fields beyond PLOVER's.
    #[serde(skip_serializing_if = "Option::is_none")]
    date_precision: Option<&'a str>,
    cameo_code: &'a str,
    goldstein: f64,
    modality: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    attribution: Option<&'a str>,
    confidence: f64,
    num_mentions: u32,
    num_sources: u32,
    num_articles: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
}

pub struct PloverWriter<W: Write> {
    out: W,
    blocks: &'static BlockTable,
    scale: &'static PloverScale,
    actors: &'static PloverActors,
    summary: ExportSummary,
}

impl<W: Write> PloverWriter<W> {
    pub fn new(out: W) -> Self {
        PloverWriter {
            out,
            blocks: BlockTable::embedded(),
            scale: PloverScale::embedded(),
            actors: PloverActors::embedded(),
            summary: ExportSummary::default(),
        }
    }

    fn entity<'a>(&self, actor: &'a ActorRecord) -> Entity<'a> {
        let actors: &'static PloverActors = self.actors;
        let parts = split_actor(actor, self.blocks);
        let group = actors.group(&actor.code);
        // An organisation's prefix (IGO, NGO...) is its entity code, not a sector.
        let prefix = actor.code.get(..3);
        let mut sectors: Vec<&str> = Vec::new();
        for (i, block) in parts.types.iter().enumerate() {
            if i == 0 && group.is_some() && prefix == Some(*block) {
                continue;
            }
            let sector = actors.sector(block);
            if !sectors.contains(&sector) {
                sectors.push(sector);
            }
        }
        // PLOVER's sector is "3- or 6-char": at most the first two.
        sectors.truncate(2);
        Entity {
            code: group.or(parts.country),
            sector: (!sectors.is_empty()).then(|| sectors.concat()),
            entity_text: &actor.text,
            identifier_text: actor.name.as_deref(),
            religion: parts.religions.first().copied(),
            cameo_code: &actor.code,
        }
    }
}

impl<W: Write> ExportWriter for PloverWriter<W> {
    fn write(&mut self, event: &FusedEvent) -> Result<(), ExportError> {
        let r = &event.record;
        let Some(plover) = r.plover.as_ref() else {
            self.summary.skipped += 1;
            return Ok(());
        };
        let mode = plover.mode.as_deref();
        let added = UtcTime::parse_rfc3339(&event.added);
        let record = Record {
            id: &event.id,
            date: event_day(event).map(iso_day),
            actor: [self.entity(&r.source)],
            recipient: r.target.iter().map(|t| self.entity(t)).collect(),
            event: [&plover.event],
            mode: mode.into_iter().collect(),
            context: &plover.context,
            event_text: [&r.trigger.text],
            quad_code: self.scale.quad_code(&plover.event).unwrap_or(r.quad_class),
            event_scale: self.scale.score(&plover.event, mode),
            text: &r.sentence_text,
            text_info: TextInfo { sequence: r.sentence },
            cite_info: CiteInfo {
                citation: &r.doc_id,
                url: event.source_url.as_deref(),
                coder: CODER,
            },
            coder: CODER,
            coded_date: added.map(|t| iso_day(t.date)),
            coded_time: added.map(|t| t.iso_time()),
            date_precision: r.date_precision.as_deref(),
            cameo_code: &r.code,
            goldstein: r.goldstein,
            modality: &r.modality,
            attribution: r.attribution.as_ref().map(|a| a.code.as_str()),
            confidence: r.confidence,
            num_mentions: event.num_mentions,
            num_sources: event.num_sources,
            num_articles: event.num_articles,
            published: published_day(event).map(iso_day),
        };
        serde_json::to_writer(&mut self.out, &record)?;
        self.out.write_all(b"\n")?;
        self.summary.written += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<ExportSummary, ExportError> {
        self.out.flush()?;
        Ok(self.summary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_tables_are_clean() {
        let (scale, diagnostics) =
            PloverScale::parse(SCALE_FILE, include_str!("../../../data/export/plover-scale.tsv"));
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        // The sixteen PLOVER event types, each with its quad category.
        assert_eq!(scale.quad.len(), 16);
        assert_eq!(scale.quad_code("CONCEDE"), Some(1));
        assert_eq!(scale.quad_code("ASSAULT"), Some(4));
        assert_eq!(scale.score("CONSULT", Some("visit")), Some(4.0));
        // A mode without a score of its own takes its event type's.
        assert_eq!(scale.score("ASSAULT", Some("massacre")), Some(-9.0));
        assert_eq!(scale.score("CONSULT", None), Some(2.5));
        assert_eq!(scale.score("FLY", None), None);

        let (actors, diagnostics) =
            PloverActors::parse(ACTORS_FILE, include_str!("../../../data/export/plover-actors.tsv"));
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(actors.group("IGOUNOREFHCR"), Some("UNO"));
        assert_eq!(actors.group("IGOEUREEC"), Some("EUR"));
        assert_eq!(actors.group("IGOWSTNAT"), Some("IGO"));
        assert_eq!(actors.group("USAGOV"), None);
        assert_eq!(actors.sector("MED"), "JRN");
        assert_eq!(actors.sector("GOV"), "GOV");
    }

    #[test]
    fn bad_table_lines_are_reported() {
        let (_, diagnostics) = PloverScale::parse(
            "s.tsv",
            "AGREE\t-\t1\t2.5\nAGREE\tx\t2\t1\nFOO\t-\t5\t1\nBAR\tx\t1\t1\n",
        );
        let lines: Vec<usize> = diagnostics.iter().map(|d| d.line).collect();
        // Line 2: a second quad code; line 3: quad 5; BAR has no `-` row (line 0: the file).
        assert_eq!(lines, [2, 3, 0]);
        let (_, diagnostics) = PloverActors::parse("a.tsv", "group\tIGO\tIGO\nsector\tMEDX\tJRN\ncolour\tA\tB\n");
        assert_eq!(diagnostics.iter().map(|d| d.line).collect::<Vec<_>>(), [2, 3]);
    }
}
