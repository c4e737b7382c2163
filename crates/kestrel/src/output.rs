//! Writing event records: JSON lines (the full schema) or TSV (the main fields, for a terminal).

use std::io::{self, Write};

use crate::record::EventRecord;

mod json;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Jsonl,
    Tsv,
}

/// The TSV columns, in order.
pub const TSV_HEADER: &str = "doc_id\tsentence\tcode\tsource\ttarget\tmodality\tattribution\tdate\ttrigger\tconfidence";

/// Writes records one per line; TSV gets a header before the first record.
pub struct RecordWriter<W: Write> {
    out: W,
    format: OutputFormat,
    header_written: bool,
    /// The JSON line being written, reused from record to record: a record is written in
    /// dozens of small pieces, each a plain append here, and `out` gets one write.
    line: Vec<u8>,
}

/// TSV fields may not contain tabs or newlines.
fn tsv_field(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(['\t', '\n', '\r']) {
        s.replace(['\t', '\n', '\r'], " ").into()
    } else {
        s.into()
    }
}

impl<W: Write> RecordWriter<W> {
    pub fn new(out: W, format: OutputFormat) -> Self {
        RecordWriter {
            out,
            format,
            header_written: false,
            line: Vec::new(),
        }
    }

    pub fn write(&mut self, r: &EventRecord) -> io::Result<()> {
        match self.format {
            OutputFormat::Jsonl => {
                self.line.clear();
                json::write_event(&mut self.line, r)?;
                self.line.push(b'\n');
                self.out.write_all(&self.line)
            }
            OutputFormat::Tsv => {
                if !self.header_written {
                    writeln!(self.out, "{TSV_HEADER}")?;
                    self.header_written = true;
                }
                writeln!(
                    self.out,
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{:.2}",
                    tsv_field(&r.doc_id),
                    r.sentence,
                    r.code,
                    r.source.code,
                    r.target.as_ref().map_or("", |t| t.code.as_str()),
                    r.modality,
                    r.attribution.as_ref().map_or("", |a| a.code.as_str()),
                    r.date.as_deref().unwrap_or(""),
                    tsv_field(&r.trigger.text),
                    r.confidence
                )
            }
        }
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
