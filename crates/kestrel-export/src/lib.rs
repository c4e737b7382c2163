//! Writers of fused events in the formats the field already reads: JSON lines (the record
//! schema plus fusion counts), CSV (the main columns), GDELT 2.0's event table, PLOVER JSON
//! lines and Parquet.
//!
//! Every writer streams: [`ExportWriter::write`] takes one event at a time and holds at most
//! one Parquet row group in memory, so an export of millions of events runs in constant
//! memory. [`ExportWriter::finish`] flushes and closes the output.

use std::fmt;
use std::io::{self, Write};

mod actor_parts;
mod csv_format;
mod gdelt;
mod jsonl;
mod parquet_format;
mod plover;
mod time;

pub use csv_format::{CsvWriter, CSV_COLUMNS};
pub use gdelt::{global_event_id, GdeltWriter, GDELT_COLUMNS};
pub use jsonl::JsonlWriter;
/// The events every writer takes: the store's fused events.
pub use kestrel_store::FusedEvent;
pub use parquet_format::{parquet_schema, ParquetWriter, ROW_GROUP_ROWS};
pub use plover::PloverWriter;

/// Who coded the events, as PLOVER's `coder` field and Parquet's metadata name it.
pub const CODER: &str = concat!("kestrel ", env!("CARGO_PKG_VERSION"));

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Jsonl,
    Csv,
    Gdelt,
    Plover,
    Parquet,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 5] = [
        ExportFormat::Jsonl,
        ExportFormat::Csv,
        ExportFormat::Gdelt,
        ExportFormat::Plover,
        ExportFormat::Parquet,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::Csv => "csv",
            ExportFormat::Gdelt => "gdelt",
            ExportFormat::Plover => "plover",
            ExportFormat::Parquet => "parquet",
        }
    }

    pub fn parse(name: &str) -> Option<ExportFormat> {
        ExportFormat::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name))
    }

    /// A streaming writer of this format over `out`. Text formats are not buffered here:
    /// give a `BufWriter` for files.
    pub fn writer<W: Write + Send + 'static>(self, out: W) -> Result<Box<dyn ExportWriter>, ExportError> {
        Ok(match self {
            ExportFormat::Jsonl => Box::new(JsonlWriter::new(out)),
            ExportFormat::Csv => Box::new(CsvWriter::new(out)),
            ExportFormat::Gdelt => Box::new(GdeltWriter::new(out)),
            ExportFormat::Plover => Box::new(PloverWriter::new(out)),
            ExportFormat::Parquet => Box::new(ParquetWriter::new(out)?),
        })
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A writer that takes fused events one at a time.
pub trait ExportWriter {
    fn write(&mut self, event: &FusedEvent) -> Result<(), ExportError>;
    /// Writes what is buffered, closes the format (Parquet's footer) and flushes the output.
    fn finish(self: Box<Self>) -> Result<ExportSummary, ExportError>;
}

/// What an export wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportSummary {
    /// Events written.
    pub written: u64,
    /// Events the format cannot hold, left out: in PLOVER, events of CAMEO roots 01 and 02,
    /// which PLOVER dropped.
    pub skipped: u64,
}

#[derive(Debug)]
pub enum ExportError {
    Io(io::Error),
    Csv(csv::Error),
    Json(serde_json::Error),
    Parquet(parquet::errors::ParquetError),
    Arrow(arrow_schema::ArrowError),
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::Io(e) => write!(f, "write failed: {e}"),
            ExportError::Csv(e) => write!(f, "CSV: {e}"),
            ExportError::Json(e) => write!(f, "JSON: {e}"),
            ExportError::Parquet(e) => write!(f, "Parquet: {e}"),
            ExportError::Arrow(e) => write!(f, "Arrow: {e}"),
        }
    }
}

impl std::error::Error for ExportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ExportError::Io(e) => Some(e),
            ExportError::Csv(e) => Some(e),
            ExportError::Json(e) => Some(e),
            ExportError::Parquet(e) => Some(e),
            ExportError::Arrow(e) => Some(e),
        }
    }
}

impl From<io::Error> for ExportError {
    fn from(e: io::Error) -> Self {
        ExportError::Io(e)
    }
}

impl From<csv::Error> for ExportError {
    fn from(e: csv::Error) -> Self {
        ExportError::Csv(e)
    }
}

impl From<serde_json::Error> for ExportError {
    fn from(e: serde_json::Error) -> Self {
        ExportError::Json(e)
    }
}

impl From<parquet::errors::ParquetError> for ExportError {
    fn from(e: parquet::errors::ParquetError) -> Self {
        ExportError::Parquet(e)
    }
}

impl From<arrow_schema::ArrowError> for ExportError {
    fn from(e: arrow_schema::ArrowError) -> Self {
        ExportError::Arrow(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip() {
        for format in ExportFormat::ALL {
            assert_eq!(ExportFormat::parse(format.name()), Some(format));
        }
        assert_eq!(ExportFormat::parse("GDELT"), Some(ExportFormat::Gdelt));
        assert_eq!(ExportFormat::parse("xml"), None);
    }
}
