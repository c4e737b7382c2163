//! `POST /api/documents`: the bearer token check, the body (one document object or an array of
//! them, the `kestrel code --input-format jsonl` line shape), the check of each item, coding
//! and one transaction through the single writer.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use http_body_util::LengthLimitError;
use kestrel::input::{document_from_json, json_type, Document};
use kestrel_store::PreparedDocument;
use serde::Serialize;
use serde_json::Value;

use crate::api::{to_json, JsonBody};
use crate::error::ApiError;
use crate::params::parse_query;
use crate::routes::Endpoint;
use crate::state::{blocking, lock, AppState, Writes};

/// What a POST did.
#[derive(Debug, Serialize)]
struct IngestResult {
    /// Items in the request.
    documents: usize,
    stored: usize,
    /// Already stored (same id or same normalised text), or repeated in the request.
    duplicates: usize,
    /// Fused events created.
    events: usize,
    mentions: usize,
    errors: Vec<ItemError>,
}

/// Why one item of the request was not stored.
#[derive(Debug, Serialize)]
struct ItemError {
    index: usize,
    id: Option<String>,
    message: String,
}

/// Item errors listed in a 422 message when no item was valid.
const ERRORS_IN_MESSAGE: usize = 5;

pub async fn post(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    body: Body,
) -> Result<JsonBody, ApiError> {
    // The token first: a client without one learns nothing about the request.
    let writes = authorize(&state, &headers)?;
    parse_query(raw.as_deref(), Endpoint::Documents.params(), state.limits())?;
    let limits = state.limits().clone();
    let bytes = axum::body::to_bytes(body, limits.max_body_bytes).await.map_err(|e| {
        match e.into_inner().downcast::<LengthLimitError>() {
            Ok(_) => ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("request body larger than {} bytes", limits.max_body_bytes),
            ),
            Err(e) => ApiError::bad_request(format!("cannot read the request body: {e}")),
        }
    })?;
    let items = match serde_json::from_slice::<Value>(&bytes) {
        Ok(Value::Array(items)) => items,
        Ok(item @ Value::Object(_)) => vec![item],
        Ok(other) => {
            return Err(ApiError::bad_request(format!(
                "expected a document object or an array of them, found {}",
                json_type(&other)
            )))
        }
        Err(e) => return Err(ApiError::bad_request(format!("request body is not JSON: {e}"))),
    };
    if items.len() > limits.max_documents_per_request {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "{} documents in one request; at most {} are accepted",
                items.len(),
                limits.max_documents_per_request
            ),
        ));
    }
    let count = items.len();
    let mut docs = Vec::with_capacity(count);
    let mut errors = Vec::new();
    for (index, item) in items.into_iter().enumerate() {
        match document(item) {
            Ok(doc) => docs.push(doc),
            Err((id, message)) => errors.push(ItemError { index, id, message }),
        }
    }
    if docs.is_empty() && !errors.is_empty() {
        return Err(nothing_valid(&errors));
    }
    let coder = state.coder();
    blocking(move || {
        let prepared: Vec<PreparedDocument> = docs
            .into_iter()
            .map(|doc| {
                let records = coder.code(&doc);
                PreparedDocument::new(doc, records)
            })
            .collect();
        let report = lock(&writes.store).ingest_prepared(&prepared)?;
        to_json(&IngestResult {
            documents: count,
            stored: report.documents,
            duplicates: report.duplicates,
            events: report.new_events,
            mentions: report.mentions,
            errors,
        })
    })
    .await
}

/// The writer, unless writes are disabled or the request does not carry the token.
fn authorize(state: &AppState, headers: &HeaderMap) -> Result<Arc<Writes>, ApiError> {
    let Some(writes) = state.writes() else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "writes are disabled: start kestrel serve with --write-token",
        ));
    };
    let unauthorized = |message: &str| ApiError::new(StatusCode::UNAUTHORIZED, message);
    let value = headers
        .get(header::AUTHORIZATION)
        .ok_or_else(|| unauthorized("missing Authorization: Bearer token"))?;
    let token = value
        .to_str()
        .ok()
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim())
        .ok_or_else(|| unauthorized("expected Authorization: Bearer TOKEN"))?;
    if constant_time_eq(token.as_bytes(), writes.token.as_bytes()) {
        Ok(writes.clone())
    } else {
        Err(unauthorized("wrong token"))
    }
}

/// Compares a given token with the expected one in a time that depends only on the expected
/// token's length, so that timing does not tell how much of a guess was right.
fn constant_time_eq(given: &[u8], expected: &[u8]) -> bool {
    let mut difference = u8::from(given.len() != expected.len());
    for (i, &e) in expected.iter().enumerate() {
        difference |= e ^ given.get(i).copied().unwrap_or(!e);
    }
    std::hint::black_box(difference) == 0
}

fn nothing_valid(errors: &[ItemError]) -> ApiError {
    let mut listed: Vec<String> = errors
        .iter()
        .take(ERRORS_IN_MESSAGE)
        .map(|e| match &e.id {
            Some(id) => format!("document {} (id {id:?}): {}", e.index, e.message),
            None => format!("document {}: {}", e.index, e.message),
        })
        .collect();
    if errors.len() > ERRORS_IN_MESSAGE {
        listed.push(format!("and {} more", errors.len() - ERRORS_IN_MESSAGE));
    }
    ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        format!("no valid document: {}", listed.join("; ")),
    )
}

/// One item of the body as a document, read like a JSON Lines record but strictly: `id` is
/// required (a stored document is found again by it, and a generated one would differ between
/// two posts of the same article) and a member that a file reader would leave out with a
/// warning is refused, since the client can correct it and send the item again. `Err` carries
/// the item's id when it has a readable one, and the reason.
fn document(item: Value) -> Result<Document, (Option<String>, String)> {
    let id = match item.get("id") {
        Some(Value::String(id)) if !id.trim().is_empty() => Some(id.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let fail = |message: String| (id.clone(), message);
    if !item.is_object() {
        return Err(fail(format!("expected a document object, found {}", json_type(&item))));
    }
    if id.is_none() {
        return Err(fail("missing \"id\": a non-empty string or a number".to_string()));
    }
    let read = document_from_json(item, "", None).map_err(fail)?;
    if let Some(problem) = read.problems.into_iter().next() {
        return Err(fail(problem.message));
    }
    if read.document.text.trim().is_empty() {
        return Err(fail("empty \"text\"".to_string()));
    }
    Ok(read.document)
}

#[cfg(test)]
mod tests {
    use kestrel_dates::CivilDate;
    use serde_json::json;

    use super::*;

    #[test]
    fn tokens_compare_whole() {
        assert!(constant_time_eq(b"s3cret", b"s3cret"));
        assert!(!constant_time_eq(b"s3cre", b"s3cret"));
        assert!(!constant_time_eq(b"s3crets", b"s3cret"));
        assert!(!constant_time_eq(b"s3creT", b"s3cret"));
        assert!(!constant_time_eq(b"", b"s3cret"));
    }

    #[test]
    fn items_are_read_like_json_lines() {
        let doc = document(json!({"id": 7, "date": "2023-08-30T10:00:00Z", "text": "Hi.", "title": "T", "extra": 1}))
            .unwrap();
        assert_eq!(doc.id, "7");
        assert_eq!(doc.date.map(|d| d.to_string()).as_deref(), Some("2023-08-30"));
        assert_eq!(doc.title.as_deref(), Some("T"));
        assert_eq!(
            document(json!({"id": "a", "date": 20230830, "text": "x"}))
                .unwrap()
                .date,
            CivilDate::parse("2023-08-30")
        );
        assert_eq!(document(json!({"id": "a", "text": "x"})).unwrap().date, None);
    }

    #[test]
    fn bad_items_say_why_and_keep_their_id() {
        for (item, id, message) in [
            (json!({"id": "a"}), Some("a"), "missing \"text\""),
            (json!({"id": "a", "text": "  "}), Some("a"), "empty \"text\""),
            (json!({"id": "a", "text": 3}), Some("a"), "\"text\" must be a string"),
            (
                json!({"id": "a", "text": "x", "date": "30/08/2023"}),
                Some("a"),
                "unreadable date \"30/08/2023\"",
            ),
            (
                json!({"id": "a", "text": "x", "date": true}),
                Some("a"),
                "\"date\" must be a string",
            ),
            (
                json!({"id": "a", "text": "x", "url": 5}),
                Some("a"),
                "\"url\" must be a string",
            ),
            (json!({"text": "x"}), None, "missing \"id\""),
            (json!(["x"]), None, "expected a document object"),
        ] {
            let (got_id, got) = document(item.clone()).unwrap_err();
            assert_eq!(got_id.as_deref(), id, "{item}");
            assert!(got.contains(message), "{item}: {got}");
        }
    }

    #[test]
    fn a_request_without_valid_items_lists_the_first_errors() {
        let errors: Vec<ItemError> = (0..7)
            .map(|index| ItemError {
                index,
                id: Some(format!("d{index}")),
                message: "missing \"text\"".into(),
            })
            .collect();
        let e = nothing_valid(&errors);
        assert_eq!(e.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(e.message.contains("document 4 (id \"d4\")") && !e.message.contains("d5"));
        assert!(e.message.ends_with("and 2 more"), "{}", e.message);
    }
}
