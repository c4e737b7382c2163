//! Reading input documents: plain text, JSON Lines and PETRARCH XML.
//!
//! [`read_documents`] takes the raw bytes of one input (a file or stdin) and
//! hands every document it reads, and every diagnostic about what it could
//! not read, to a sink in input order (a warning about a document comes
//! just before it). Reading never fails as a whole and never panics: a bad
//! record is reported and skipped, and the rest of the input is still read.
//!
//! Policies shared by all formats:
//! - invalid UTF-8 is replaced with U+FFFD and reported as a warning naming
//!   the document;
//! - an empty (or whitespace-only) input gives no document and the warning
//!   "empty input";
//! - input with NUL bytes near its start is reported as "looks binary" but
//!   still read;
//! - a leading UTF-8 byte-order mark is ignored;
//! - a document without a date gets the caller's default date (the CLI's
//!   `--date`); a date that is present but unreadable is a warning and the
//!   document is kept with no date, since the default date would misdate it.
//!
//! Diagnostics name the item they are about: the input name for whole-input
//! problems ("report.txt"), and `<name>:<line>` for a JSON line or a
//! PETRARCH `<Sentence>` ("docs.jsonl:17", "stdin:3").

mod jsonl;
mod petrarch_xml;

pub use jsonl::{document_from_json, json_type, FieldProblem, JsonDocument};

use std::borrow::Cow;
use std::fmt;
use std::path::Path;
use std::str::FromStr;

use kestrel_dates::CivilDate;

/// One input document: a news story or a single sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub id: String,
    /// Publication date, used to resolve relative dates in the text.
    pub date: Option<CivilDate>,
    pub text: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    /// The whole input is one document.
    Text,
    /// One JSON object per line: `{"id", "date", "text", "title", "url", "source"}`.
    Jsonl,
    /// PETRARCH `<Sentence id=".." date="YYYYMMDD"><Text>..</Text>..</Sentence>` records.
    PetrarchXml,
}

impl InputFormat {
    /// Guesses the format from a file extension: `.jsonl`/`.ndjson` → JSON
    /// Lines, `.xml` → PETRARCH XML, anything else → text.
    pub fn from_path(path: &Path) -> InputFormat {
        let extension = path
            .extension()
            .and_then(|extension| extension.to_str())
            .unwrap_or_default();
        if extension.eq_ignore_ascii_case("jsonl") || extension.eq_ignore_ascii_case("ndjson") {
            InputFormat::Jsonl
        } else if extension.eq_ignore_ascii_case("xml") {
            InputFormat::PetrarchXml
        } else {
            InputFormat::Text
        }
    }

    /// The name accepted by [`FromStr`]: "text", "jsonl" or "petrarch-xml".
    pub fn name(&self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Jsonl => "jsonl",
            InputFormat::PetrarchXml => "petrarch-xml",
        }
    }
}

impl FromStr for InputFormat {
    type Err = String;

    /// Parses "text", "jsonl" or "petrarch-xml" (also "xml"), any case.
    fn from_str(name: &str) -> Result<InputFormat, String> {
        match name.to_ascii_lowercase().as_str() {
            "text" | "txt" => Ok(InputFormat::Text),
            "jsonl" | "ndjson" => Ok(InputFormat::Jsonl),
            "petrarch-xml" | "xml" => Ok(InputFormat::PetrarchXml),
            _ => Err(format!(
                "unknown input format {name:?} (expected text, jsonl or petrarch-xml)"
            )),
        }
    }
}

impl fmt::Display for InputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A problem found while reading. `item` names the input, line or record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Diagnostic {
    /// The item was read, perhaps partly repaired (e.g. invalid UTF-8).
    Warning { item: String, message: String },
    /// The item could not be read and was skipped.
    Error { item: String, message: String },
}

impl Diagnostic {
    pub fn warning(item: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::Warning {
            item: item.into(),
            message: message.into(),
        }
    }

    pub fn error(item: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::Error {
            item: item.into(),
            message: message.into(),
        }
    }

    pub fn item(&self) -> &str {
        match self {
            Diagnostic::Warning { item, .. } | Diagnostic::Error { item, .. } => item,
        }
    }

    pub fn message(&self) -> &str {
        match self {
            Diagnostic::Warning { message, .. } | Diagnostic::Error { message, .. } => message,
        }
    }

    pub fn is_error(&self) -> bool {
        matches!(self, Diagnostic::Error { .. })
    }
}

/// "warning: docs.jsonl:17: message" / "error: docs.jsonl:17: message".
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = if self.is_error() { "error" } else { "warning" };
        write!(f, "{severity}: {}: {}", self.item(), self.message())
    }
}

/// Receives, in input order, each document read (`Ok`) and each
/// diagnostic (`Err`, a warning or an error).
pub type Sink<'a> = dyn FnMut(Result<Document, Diagnostic>) + 'a;

/// Message of the warning given when invalid UTF-8 was replaced.
const INVALID_UTF8: &str = "invalid UTF-8 replaced with U+FFFD";

/// How much of the input is searched for NUL bytes (as git does) to decide
/// whether it looks binary.
const BINARY_SNIFF_BYTES: usize = 8000;

/// Reads the documents of one input.
///
/// `name` names the input in document ids and diagnostics ("stdin" for
/// standard input); `default_date` is the date of documents that do not
/// give one. Documents and diagnostics go to `sink` as they are read. See
/// the module documentation for the policies on bad input.
pub fn read_documents(name: &str, bytes: &[u8], format: InputFormat, default_date: Option<CivilDate>, sink: &mut Sink) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        sink(Err(Diagnostic::warning(name, "empty input")));
        return;
    }
    let sniffed = &bytes[..bytes.len().min(BINARY_SNIFF_BYTES)];
    if memchr::memchr(0, sniffed).is_some() {
        sink(Err(Diagnostic::warning(
            name,
            "looks binary (contains NUL bytes); read as text anyway",
        )));
    }
    match format {
        InputFormat::Text => read_text(name, bytes, default_date, sink),
        InputFormat::Jsonl => jsonl::read(name, bytes, default_date, sink),
        InputFormat::PetrarchXml => petrarch_xml::read(name, bytes, default_date, sink),
    }
}

fn read_text(name: &str, bytes: &[u8], default_date: Option<CivilDate>, sink: &mut Sink) {
    let text = decode_lossy(bytes, name, sink).into_owned();
    sink(Ok(Document {
        id: name.to_string(),
        date: default_date,
        text,
        title: None,
        url: None,
        source: None,
    }));
}

/// Decodes UTF-8, replacing invalid sequences and warning about `item` if
/// there were any. Valid input is borrowed, not copied.
fn decode_lossy<'a>(bytes: &'a [u8], item: &str, sink: &mut Sink) -> Cow<'a, str> {
    // Valid input (nearly all) is checked by the standard library's word-at-a-time validator,
    // several times faster than the lossy decoder's byte-by-byte walk.
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Cow::Borrowed(text);
    }
    let text = String::from_utf8_lossy(bytes);
    if let Cow::Owned(_) = text {
        sink(Err(Diagnostic::warning(item, INVALID_UTF8)));
    }
    text
}

/// Parses a document date: `YYYY-MM-DD`, `YYYYMMDD`, or an ISO 8601
/// timestamp starting with a date (`2023-08-30T14:05:00Z`), whose time is
/// ignored.
fn parse_document_date(text: &str) -> Option<CivilDate> {
    let text = text.trim();
    if let Some(date) = CivilDate::parse(text) {
        return Some(date);
    }
    let (date, time) = (text.get(..10)?, text.get(10..)?);
    if time.starts_with(['T', 't', ' ']) {
        CivilDate::parse(date)
    } else {
        None
    }
}

/// What is wrong with a date that is present but unreadable.
fn unreadable_date(date: &str) -> String {
    // A runaway value (a whole article in "date") is shown abbreviated.
    const SHOWN_CHARS: usize = 40;
    let mut shown: String = date.chars().take(SHOWN_CHARS).collect();
    if shown.len() < date.len() {
        shown.push('…');
    }
    format!("unreadable date {shown:?} (expected YYYY-MM-DD or YYYYMMDD)")
}

#[cfg(test)]
mod tests;
