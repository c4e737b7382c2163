//! CSV: one row per fused event with the main columns, RFC 4180 quoting, a header row.

use std::io::Write;

use crate::{ExportError, ExportSummary, ExportWriter, FusedEvent};

/// The CSV columns, in order. List values (`plover_context`) are joined with `;`.
pub const CSV_COLUMNS: [&str; 30] = [
    "id",
    "date",
    "date_precision",
    "code",
    "root",
    "quad_class",
    "goldstein",
    "plover_event",
    "plover_mode",
    "plover_context",
    "source",
    "source_name",
    "source_text",
    "target",
    "target_name",
    "target_text",
    "trigger",
    "modality",
    "attribution",
    "attribution_text",
    "confidence",
    "num_mentions",
    "num_sources",
    "num_articles",
    "first_published",
    "source_url",
    "added",
    "doc_id",
    "sentence",
    "sentence_text",
];

pub struct CsvWriter<W: Write> {
    out: csv::Writer<W>,
    header_written: bool,
    written: u64,
}

impl<W: Write> CsvWriter<W> {
    pub fn new(out: W) -> Self {
        CsvWriter {
            out: csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(out),
            header_written: false,
            written: 0,
        }
    }

    fn write_header(&mut self) -> Result<(), ExportError> {
        if !self.header_written {
            self.out.write_record(CSV_COLUMNS)?;
            self.header_written = true;
        }
        Ok(())
    }
}

impl<W: Write> ExportWriter for CsvWriter<W> {
    fn write(&mut self, event: &FusedEvent) -> Result<(), ExportError> {
        self.write_header()?;
        let r = &event.record;
        let plover = r.plover.as_ref();
        let target = r.target.as_ref();
        let attribution = r.attribution.as_ref();
        let row: [&str; 30] = [
            &event.id,
            r.date.as_deref().unwrap_or(""),
            r.date_precision.as_deref().unwrap_or(""),
            &r.code,
            &r.root,
            &r.quad_class.to_string(),
            &r.goldstein.to_string(),
            plover.map_or("", |p| p.event.as_str()),
            plover.and_then(|p| p.mode.as_deref()).unwrap_or(""),
            &plover.map(|p| p.context.join(";")).unwrap_or_default(),
            &r.source.code,
            r.source.name.as_deref().unwrap_or(""),
            &r.source.text,
            target.map_or("", |t| t.code.as_str()),
            target.and_then(|t| t.name.as_deref()).unwrap_or(""),
            target.map_or("", |t| t.text.as_str()),
            &r.trigger.text,
            &r.modality,
            attribution.map_or("", |a| a.code.as_str()),
            attribution.map_or("", |a| a.text.as_str()),
            &r.confidence.to_string(),
            &event.num_mentions.to_string(),
            &event.num_sources.to_string(),
            &event.num_articles.to_string(),
            event.first_published.as_deref().unwrap_or(""),
            event.source_url.as_deref().unwrap_or(""),
            &event.added,
            &r.doc_id,
            &r.sentence.to_string(),
            &r.sentence_text,
        ];
        self.out.write_record(row)?;
        self.written += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<ExportSummary, ExportError> {
        // An export of no events still says what its columns are.
        self.write_header()?;
        self.out.flush()?;
        Ok(ExportSummary {
            written: self.written,
            skipped: 0,
        })
    }
}
