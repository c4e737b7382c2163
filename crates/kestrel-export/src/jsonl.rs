//! JSON lines: each line is the representative mention's record, in the schema of
//! `kestrel code`, with the fused event's id and counts beside its fields; a reader of
//! `kestrel code` output reads these lines too.

use std::io::Write;

use kestrel::EventRecord;
use serde::Serialize;

use crate::{ExportError, ExportSummary, ExportWriter, FusedEvent};

#[derive(Serialize)]
struct JsonEvent<'a> {
    id: &'a str,
    #[serde(flatten)]
    record: &'a EventRecord,
    num_mentions: u32,
    num_sources: u32,
    num_articles: u32,
    first_published: Option<&'a str>,
    source_url: Option<&'a str>,
    added: &'a str,
}

pub struct JsonlWriter<W: Write> {
    out: W,
    written: u64,
}

impl<W: Write> JsonlWriter<W> {
    pub fn new(out: W) -> Self {
        JsonlWriter { out, written: 0 }
    }
}

impl<W: Write> ExportWriter for JsonlWriter<W> {
    fn write(&mut self, event: &FusedEvent) -> Result<(), ExportError> {
        let line = JsonEvent {
            id: &event.id,
            record: &event.record,
            num_mentions: event.num_mentions,
            num_sources: event.num_sources,
            num_articles: event.num_articles,
            first_published: event.first_published.as_deref(),
            source_url: event.source_url.as_deref(),
            added: &event.added,
        };
        serde_json::to_writer(&mut self.out, &line)?;
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
