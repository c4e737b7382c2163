//! JSON Lines input: one document object per line.
//!
//! `{"id": "...", "date": "YYYY-MM-DD", "text": "...", "title": "...",
//! "url": "...", "source": "..."}`; only `text` is required. A missing `id`
//! becomes `<name>:<line>`, a missing date the default date. Blank lines are
//! skipped; other members are ignored.

use serde::Deserialize;
use serde_json::Value;

use super::{decode_lossy, parse_document_date, unreadable_date, Diagnostic, Document, Sink};
use kestrel_dates::CivilDate;

pub(super) fn read(name: &str, bytes: &[u8], default_date: Option<CivilDate>, sink: &mut Sink) {
    let mut line_start = 0;
    let line_ends = memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
    for (line_index, line_end) in line_ends.enumerate() {
        let line = &bytes[line_start..line_end];
        line_start = line_end + 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let item = format!("{name}:{}", line_index + 1);
        let text = decode_lossy(line, &item, sink);
        let record = read_record(&text, &item, default_date, sink);
        sink(record.map_err(|message| Diagnostic::error(item, message)));
    }
}

/// Reads one line's record; warnings go to `sink`, and an `Err` is the
/// message of the error that makes the record unusable.
fn read_record(line: &str, item: &str, default_date: Option<CivilDate>, sink: &mut Sink) -> Result<Document, String> {
    if let Some(document) = read_plain_record(line, item, default_date) {
        return Ok(document);
    }
    let value: Value = serde_json::from_str(line).map_err(|error| {
        // Each record is one line, so only the column is informative.
        let message = error.to_string().replace(" at line 1 column ", " at column ");
        format!("invalid JSON: {message}")
    })?;
    let read = document_from_json(value, item, default_date)?;
    for problem in read.problems {
        // A file cannot be corrected and sent again: keep the document, say what was left out.
        let consequence = match problem.field {
            "date" => "document kept without a date",
            _ => "ignored",
        };
        sink(Err(Diagnostic::warning(
            item,
            format!("{}; {consequence}", problem.message),
        )));
    }
    Ok(read.document)
}

/// A record whose members are all known and all strings or null: the shape of nearly every
/// line, read straight into its fields instead of through a [`Value`] tree.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlainRecord {
    text: Option<String>,
    id: Option<String>,
    date: Option<String>,
    title: Option<String>,
    url: Option<String>,
    source: Option<String>,
}

/// The document of a line that is a [`PlainRecord`] with a text and with a readable date or
/// none; `None` for every other line, which [`document_from_json`] then reads (and reports on)
/// exactly as before.
fn read_plain_record(line: &str, fallback_id: &str, default_date: Option<CivilDate>) -> Option<Document> {
    // serde would also read a struct from an array, which is no record.
    if !line.trim_start_matches([' ', '\t', '\r', '\n']).starts_with('{') {
        return None;
    }
    let record: PlainRecord = serde_json::from_str(line).ok()?;
    let text = record.text?;
    let id = match record.id {
        Some(id) if !id.trim().is_empty() => id,
        _ => fallback_id.to_string(),
    };
    let date = match record.date {
        Some(date) if !date.trim().is_empty() => Some(parse_document_date(&date)?),
        _ => default_date,
    };
    Some(Document {
        id,
        date,
        text,
        title: record.title,
        url: record.url,
        source: record.source,
    })
}

/// A document read from its JSON object, with the members it had to leave out.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonDocument {
    pub document: Document,
    pub problems: Vec<FieldProblem>,
}

/// A member that is present but unreadable (a date that is not one, a title that is a number).
#[derive(Debug, Clone, PartialEq)]
pub struct FieldProblem {
    /// The member's name: "date", "title", "url" or "source".
    pub field: &'static str,
    pub message: String,
}

/// Reads a document from its JSON object, the shape of a JSON Lines record, for every reader of
/// JSON documents (files, the HTTP API). Only `text` is required: a missing `id` becomes
/// `fallback_id`, a missing date `default_date`. Members present but unreadable are left out
/// and listed in `problems`; whether that is a warning or a refusal is the caller's choice.
/// Other members are ignored.
pub fn document_from_json(
    value: Value,
    fallback_id: &str,
    default_date: Option<CivilDate>,
) -> Result<JsonDocument, String> {
    let Value::Object(mut record) = value else {
        return Err(format!("expected a JSON object, found {}", json_type(&value)));
    };
    let text = match record.remove("text") {
        Some(Value::String(text)) => text,
        None | Some(Value::Null) => return Err("missing \"text\"".to_string()),
        Some(other) => return Err(format!("\"text\" must be a string, found {}", json_type(&other))),
    };
    let id = match record.remove("id") {
        None | Some(Value::Null) => fallback_id.to_string(),
        Some(Value::String(id)) if id.trim().is_empty() => fallback_id.to_string(),
        Some(Value::String(id)) => id,
        Some(Value::Number(number)) => number.to_string(),
        Some(other) => {
            return Err(format!(
                "\"id\" must be a string or a number, found {}",
                json_type(&other)
            ))
        }
    };
    let mut problems = Vec::new();
    let mut unreadable_date = |date: &str| {
        problems.push(FieldProblem {
            field: "date",
            message: unreadable_date(date),
        });
        None
    };
    let date = match record.remove("date") {
        None | Some(Value::Null) => default_date,
        Some(Value::String(date)) if date.trim().is_empty() => default_date,
        Some(Value::String(date)) => parse_document_date(&date).or_else(|| unreadable_date(&date)),
        // 20230830 written as a number.
        Some(Value::Number(number)) => {
            let date = number.to_string();
            CivilDate::parse(&date).or_else(|| unreadable_date(&date))
        }
        Some(other) => {
            problems.push(FieldProblem {
                field: "date",
                message: format!("\"date\" must be a string, found {}", json_type(&other)),
            });
            None
        }
    };
    let mut optional_string = |key: &'static str| match record.remove(key)? {
        Value::String(value) => Some(value),
        Value::Null => None,
        other => {
            problems.push(FieldProblem {
                field: key,
                message: format!("{key:?} must be a string, found {}", json_type(&other)),
            });
            None
        }
    };
    let document = Document {
        id,
        date,
        text,
        title: optional_string("title"),
        url: optional_string("url"),
        source: optional_string("source"),
    };
    Ok(JsonDocument { document, problems })
}

/// The kind of a JSON value, for messages ("found a number").
pub fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
