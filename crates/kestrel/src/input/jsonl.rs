//! JSON Lines input: one document object per line.
//!
//! `{"id": "...", "date": "YYYY-MM-DD", "text": "...", "title": "...",
//! "url": "...", "source": "..."}`; only `text` is required. A missing `id`
//! becomes `<name>:<line>`, a missing date the default date. Blank lines are
//! skipped; other members are ignored.

use serde_json::{Map, Value};

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
    let value: Value = serde_json::from_str(line).map_err(|error| {
        // Each record is one line, so only the column is informative.
        let message = error.to_string().replace(" at line 1 column ", " at column ");
        format!("invalid JSON: {message}")
    })?;
    let Value::Object(mut record) = value else {
        return Err(format!("expected a JSON object, found {}", json_type(&value)));
    };
    let text = match record.remove("text") {
        Some(Value::String(text)) => text,
        None | Some(Value::Null) => return Err("missing \"text\"".to_string()),
        Some(other) => return Err(format!("\"text\" must be a string, found {}", json_type(&other))),
    };
    let id = match record.remove("id") {
        None | Some(Value::Null) => item.to_string(),
        Some(Value::String(id)) if id.trim().is_empty() => item.to_string(),
        Some(Value::String(id)) => id,
        Some(Value::Number(number)) => number.to_string(),
        Some(other) => {
            return Err(format!(
                "\"id\" must be a string or a number, found {}",
                json_type(&other)
            ))
        }
    };
    let date = match record.remove("date") {
        None | Some(Value::Null) => default_date,
        Some(Value::String(date)) if date.trim().is_empty() => default_date,
        Some(Value::String(date)) => parse_document_date(&date).or_else(|| {
            sink(Err(unreadable_date(item, &date)));
            None
        }),
        // 20230830 written as a number.
        Some(Value::Number(number)) => {
            let date = number.to_string();
            CivilDate::parse(&date).or_else(|| {
                sink(Err(unreadable_date(item, &date)));
                None
            })
        }
        Some(other) => {
            sink(Err(Diagnostic::warning(
                item,
                format!(
                    "\"date\" must be a string, found {}; document kept without a date",
                    json_type(&other)
                ),
            )));
            None
        }
    };
    Ok(Document {
        id,
        date,
        text,
        title: optional_string(&mut record, "title", item, sink),
        url: optional_string(&mut record, "url", item, sink),
        source: optional_string(&mut record, "source", item, sink),
    })
}

/// An optional string member; any other type is ignored with a warning.
fn optional_string(record: &mut Map<String, Value>, key: &str, item: &str, sink: &mut Sink) -> Option<String> {
    match record.remove(key)? {
        Value::String(value) => Some(value),
        Value::Null => None,
        other => {
            sink(Err(Diagnostic::warning(
                item,
                format!("{key:?} must be a string, found {}; ignored", json_type(&other)),
            )));
            None
        }
    }
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
