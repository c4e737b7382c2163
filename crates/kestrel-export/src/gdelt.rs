//! GDELT 2.0's event table: 61 tab-separated columns per event, no header row, in the order
//! and with the meaning of the GDELT 2.0 Event Codebook, so GDELT tooling reads the file.
//!
//! kestrel fills what it knows: dates, actor codes and names, country, known group,
//! religions and types split from the actor codes, the CAMEO event codes, QuadClass,
//! Goldstein, the fused counts, DATEADDED and SOURCEURL. It has no tone and no geography:
//! AvgTone and the geographic columns are left empty, with each Geo_Type 0 ("no location"),
//! as GDELT writes events it could not place.

use std::borrow::Cow;
use std::io::Write;

use kestrel::ActorRecord;
use kestrel_dates::CivilDate;

use crate::actor_parts::{split_actor, BlockTable};
use crate::time::{event_day, UtcTime};
use crate::{ExportError, ExportSummary, ExportWriter, FusedEvent};

/// The 61 column names of the GDELT 2.0 event table, in file order.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// GDELT's GlobalEventID is an integer; kestrel's event ids are strings. This is a stable
/// 53-bit hash (FNV-1a, 64 bits, folded) of the id: the same id always gives the same number,
/// and every value is exact in an int64 and in a double, so no reader rounds it.
pub fn global_event_id(id: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in id.as_bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    // Fold the high bits in rather than dropping them.
    (hash ^ (hash >> 53)) & ((1 << 53) - 1)
}

pub struct GdeltWriter<W: Write> {
    out: W,
    blocks: &'static BlockTable,
    written: u64,
}

impl<W: Write> GdeltWriter<W> {
    pub fn new(out: W) -> Self {
        GdeltWriter {
            out,
            blocks: BlockTable::embedded(),
            written: 0,
        }
    }
}

impl<W: Write> ExportWriter for GdeltWriter<W> {
    fn write(&mut self, event: &FusedEvent) -> Result<(), ExportError> {
        let fields = gdelt_fields(event, self.blocks);
        for (i, field) in fields.iter().enumerate() {
            if i > 0 {
                self.out.write_all(b"\t")?;
            }
            self.out.write_all(field.as_bytes())?;
        }
        self.out.write_all(b"\n")?;
        self.written += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<ExportSummary, ExportError> {
        self.out.flush()?;
        Ok(ExportSummary {
            written: self.written,
            skipped: 0,
        })
    }
}

/// GDELT fields may hold neither tabs nor line breaks.
fn clean(text: &str) -> Cow<'_, str> {
    if text.contains(['\t', '\n', '\r']) {
        Cow::Owned(text.replace(['\t', '\n', '\r'], " "))
    } else {
        Cow::Borrowed(text)
    }
}

/// The ten actor columns (Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code,
/// Religion2Code, Type1Code..Type3Code); all empty for a missing actor.
fn actor_fields<'a>(actor: Option<&'a ActorRecord>, blocks: &BlockTable, fields: &mut Vec<Cow<'a, str>>) {
    let Some(actor) = actor else {
        fields.extend(std::iter::repeat_n(Cow::Borrowed(""), 10));
        return;
    };
    let parts = split_actor(actor, blocks);
    fields.push(clean(&actor.code));
    // GDELT writes actor names in upper case (UNITED STATES, VLADIMIR PUTIN).
    let name = actor.name.as_deref().unwrap_or(&actor.text);
    fields.push(Cow::Owned(clean(name).to_uppercase()));
    fields.push(Cow::Borrowed(parts.country.unwrap_or("")));
    fields.push(Cow::Borrowed(parts.known_group.unwrap_or("")));
    // kestrel codes no ethnicity.
    fields.push(Cow::Borrowed(""));
    for i in 0..2 {
        fields.push(Cow::Borrowed(parts.religions.get(i).copied().unwrap_or("")));
    }
    for i in 0..3 {
        fields.push(Cow::Borrowed(parts.types.get(i).copied().unwrap_or("")));
    }
}

/// GDELT's FractionDate: the year plus the share of it gone by at that day, day of year / 365,
/// four decimals, at most .9999 (GDELT writes 2015.1342 for 18 February 2015).
fn fraction_date(day: CivilDate) -> String {
    let day_of_year = day.days_since_epoch()
        - CivilDate {
            year: day.year,
            month: 1,
            day: 1,
        }
        .days_since_epoch()
        + 1;
    let fraction = (day_of_year as f64 / 365.0).min(0.9999);
    format!("{:.4}", f64::from(day.year) + fraction)
}

/// The 61 fields of one event, in [`GDELT_COLUMNS`] order.
pub(crate) fn gdelt_fields<'a>(event: &'a FusedEvent, blocks: &BlockTable) -> Vec<Cow<'a, str>> {
    let r = &event.record;
    let mut fields: Vec<Cow<'a, str>> = Vec::with_capacity(GDELT_COLUMNS.len());
    fields.push(Cow::Owned(global_event_id(&event.id).to_string()));
    match event_day(event) {
        Some(day) => {
            fields.push(Cow::Owned(format!("{:04}{:02}{:02}", day.year, day.month, day.day)));
            fields.push(Cow::Owned(format!("{:04}{:02}", day.year, day.month)));
            fields.push(Cow::Owned(format!("{:04}", day.year)));
            fields.push(Cow::Owned(fraction_date(day)));
        }
        None => fields.extend(std::iter::repeat_n(Cow::Borrowed(""), 4)),
    }
    actor_fields(Some(&r.source), blocks, &mut fields);
    actor_fields(r.target.as_ref(), blocks, &mut fields);
    // GDELT marks events of a document's lead paragraph as root events; kestrel's lead is
    // its first sentence.
    fields.push(Cow::Borrowed(if r.sentence == 0 { "1" } else { "0" }));
    fields.push(clean(&r.code));
    // The three-digit level of the code ("025" for "0251"); a two-digit code is its own base.
    fields.push(clean(r.code.get(..3).unwrap_or(&r.code)));
    fields.push(clean(&r.root));
    fields.push(Cow::Owned(r.quad_class.to_string()));
    fields.push(Cow::Owned(r.goldstein.to_string()));
    fields.push(Cow::Owned(event.num_mentions.to_string()));
    fields.push(Cow::Owned(event.num_sources.to_string()));
    fields.push(Cow::Owned(event.num_articles.to_string()));
    // AvgTone: kestrel measures no tone.
    fields.push(Cow::Borrowed(""));
    // Actor1Geo, Actor2Geo, ActionGeo: type 0 (no location), the other seven empty.
    for _ in 0..3 {
        fields.push(Cow::Borrowed("0"));
        fields.extend(std::iter::repeat_n(Cow::Borrowed(""), 7));
    }
    fields.push(Cow::Owned(
        UtcTime::parse_rfc3339(&event.added)
            .map(|t| t.gdelt())
            .unwrap_or_default(),
    ));
    // GDELT's SOURCEURL holds the URL or, for sources without one, a citation: the document id.
    fields.push(clean(event.source_url.as_deref().unwrap_or(&r.doc_id)));
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fraction_date_matches_gdelt() {
        let day = |y, m, d| CivilDate::new(y, m, d).expect("valid date");
        assert_eq!(fraction_date(day(2015, 2, 18)), "2015.1342");
        assert_eq!(fraction_date(day(2013, 4, 1)), "2013.2493");
        assert_eq!(fraction_date(day(2016, 12, 31)), "2016.9999");
    }

    #[test]
    fn global_event_ids_are_stable_and_53_bits() {
        assert_eq!(global_event_id("ev-1"), global_event_id("ev-1"));
        assert_ne!(global_event_id("ev-1"), global_event_id("ev-2"));
        for id in ["", "a", "doc-1:0:3", "ünïcode"] {
            assert!(global_event_id(id) < (1 << 53), "{id}");
        }
        // Pinned: exports must keep their ids between releases.
        assert_eq!(global_event_id("doc"), 0xf_3f18_f474_79e0);
    }
}
