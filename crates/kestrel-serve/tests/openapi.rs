//! `openapi.json` against the server: the same routes and methods, the same parameters (every
//! documented one accepted with its example, an undocumented one refused), and real answers
//! that match the documented schemas.

mod common;

use std::collections::BTreeSet;

use axum::body::Body;
use axum::http::StatusCode;
use axum::Router;
use common::{all_events, get, get_json, post_documents, request, send, server, server_with, TOKEN};
use kestrel_serve::{Endpoint, Limits, OPENAPI};
use serde_json::{json, Value};

fn document() -> Value {
    serde_json::from_str(OPENAPI).expect("openapi.json is JSON")
}

/// Follows a local `$ref` ("#/components/...").
fn resolve<'a>(doc: &'a Value, value: &'a Value) -> &'a Value {
    match value["$ref"].as_str() {
        Some(reference) => {
            let target = doc
                .pointer(reference.trim_start_matches('#'))
                .unwrap_or_else(|| panic!("dangling $ref {reference}"));
            resolve(doc, target)
        }
        None => value,
    }
}

/// (method, path) of every documented operation.
fn operations(doc: &Value) -> BTreeSet<(String, String)> {
    let mut ops = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("path item").keys() {
            ops.insert((method.to_ascii_uppercase(), path.clone()));
        }
    }
    ops
}

fn operation(doc: &Value, endpoint: Endpoint) -> &Value {
    &doc["paths"][endpoint.path()][endpoint.method().as_str().to_ascii_lowercase()]
}

/// The documented query parameters of an operation, with their examples.
fn query_parameters(doc: &Value, op: &Value) -> Vec<(String, Value)> {
    op["parameters"]
        .as_array()
        .expect("parameters listed")
        .iter()
        .map(|p| resolve(doc, p))
        .filter(|p| p["in"] == "query")
        .map(|p| (p["name"].as_str().expect("name").to_string(), p["example"].clone()))
        .collect()
}

/// Checks `value` against an OpenAPI 3.0 schema: types, nullable, required and documented
/// properties (an undocumented one is an error), items, enums and bounds.
fn check(doc: &Value, schema: &Value, value: &Value, at: &str) -> Result<(), String> {
    let schema = resolve(doc, schema);
    if value.is_null() {
        return if schema["nullable"] == true {
            Ok(())
        } else {
            Err(format!("{at}: null where the schema does not allow it"))
        };
    }
    if let Some(parts) = schema["allOf"].as_array() {
        let mut merged = json!({"type": "object", "properties": {}, "required": []});
        for part in parts {
            let part = resolve(doc, part);
            for (name, property) in part["properties"].as_object().into_iter().flatten() {
                merged["properties"][name] = property.clone();
            }
            if let (Some(all), Some(required)) = (merged["required"].as_array_mut(), part["required"].as_array()) {
                all.extend(required.iter().cloned());
            }
        }
        return check(doc, &merged, value, at);
    }
    if let Some(options) = schema["oneOf"].as_array() {
        let matching = options.iter().filter(|o| check(doc, o, value, at).is_ok()).count();
        return if matching == 1 {
            Ok(())
        } else {
            Err(format!("{at}: matches {matching} of the oneOf schemas"))
        };
    }
    if let Some(allowed) = schema["enum"].as_array() {
        if !allowed.contains(value) {
            return Err(format!("{at}: {value} not in {allowed:?}"));
        }
    }
    match schema["type"].as_str() {
        Some("object") => {
            let object = value
                .as_object()
                .ok_or_else(|| format!("{at}: not an object: {value}"))?;
            for name in schema["required"].as_array().into_iter().flatten() {
                let name = name.as_str().unwrap_or_default();
                if !object.contains_key(name) {
                    return Err(format!("{at}: missing {name}"));
                }
            }
            if let Some(properties) = schema["properties"].as_object() {
                for (name, v) in object {
                    let property = properties
                        .get(name)
                        .ok_or_else(|| format!("{at}: undocumented property {name}"))?;
                    check(doc, property, v, &format!("{at}.{name}"))?;
                }
            }
            Ok(())
        }
        Some("array") => {
            let items = value.as_array().ok_or_else(|| format!("{at}: not an array"))?;
            let n = items.len() as u64;
            if schema["minItems"].as_u64().is_some_and(|min| n < min)
                || schema["maxItems"].as_u64().is_some_and(|max| n > max)
            {
                return Err(format!("{at}: {n} items"));
            }
            items
                .iter()
                .enumerate()
                .try_for_each(|(i, item)| check(doc, &schema["items"], item, &format!("{at}[{i}]")))
        }
        Some("string") if !value.is_string() => Err(format!("{at}: not a string: {value}")),
        Some("integer") if !(value.is_i64() || value.is_u64()) => Err(format!("{at}: not an integer: {value}")),
        Some("integer" | "number") => {
            let n = value.as_f64().ok_or_else(|| format!("{at}: not a number: {value}"))?;
            if schema["minimum"].as_f64().is_some_and(|min| n < min)
                || schema["maximum"].as_f64().is_some_and(|max| n > max)
            {
                return Err(format!("{at}: {n} out of bounds"));
            }
            Ok(())
        }
        Some("boolean") if !value.is_boolean() => Err(format!("{at}: not a boolean")),
        _ => Ok(()),
    }
}

/// Checks an answer against the schema documented for its status.
fn check_answer(doc: &Value, op: &Value, status: StatusCode, body: &Value, what: &str) {
    let response = resolve(doc, &op["responses"][status.as_str()]);
    let schema = &response["content"]["application/json"]["schema"];
    assert!(schema.is_object(), "{what}: status {status} is not documented");
    if let Err(e) = check(doc, schema, body, what) {
        let body = body.to_string();
        panic!(
            "{what} does not match its schema: {e}\n{}",
            &body[..body.len().min(2000)]
        );
    }
}

/// A request to `endpoint` with `query`, a real event id for `{id}`.
async fn call(router: &Router, endpoint: Endpoint, event_id: &str, query: &str) -> common::Answer {
    let path = endpoint.path().replace("{id}", event_id);
    let uri = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    send(router, request(endpoint.method(), &uri, Body::empty())).await
}

#[test]
fn the_document_is_openapi_3_with_every_schema() {
    let doc = document();
    assert!(
        doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")),
        "{}",
        doc["openapi"]
    );
    assert!(doc["info"]["title"].is_string() && doc["info"]["version"].is_string());
    for name in [
        "Event",
        "EventRecord",
        "Mention",
        "Highlight",
        "TimelineRow",
        "ActorCount",
        "DyadCount",
        "Stats",
        "IngestResult",
        "Error",
    ] {
        assert!(doc["components"]["schemas"][name].is_object(), "schema {name}");
    }
}

#[test]
fn documented_operations_are_the_routes() {
    let doc = document();
    let routes: BTreeSet<(String, String)> = Endpoint::ALL
        .iter()
        .map(|e| (e.method().to_string(), e.path().to_string()))
        .collect();
    assert_eq!(operations(&doc), routes);
    for endpoint in Endpoint::ALL {
        let documented: BTreeSet<String> = query_parameters(&doc, operation(&doc, endpoint))
            .into_iter()
            .map(|(name, _)| name)
            .collect();
        let accepted: BTreeSet<String> = endpoint.params().iter().map(|p| p.name().to_string()).collect();
        assert_eq!(documented, accepted, "{}", endpoint.path());
    }
}

#[tokio::test]
async fn every_documented_operation_answers_as_documented() {
    let doc = document();
    let s = server_with(Some(TOKEN), Limits::default(), true);
    let events = all_events(&s.router).await;
    let event_id = events[0]["id"].as_str().unwrap_or_default().to_string();
    let served = get_json(&s.router, "/openapi.json").await;
    assert_eq!(served, doc);
    for endpoint in Endpoint::ALL {
        let op = operation(&doc, endpoint);
        let what = format!("{} {}", endpoint.method(), endpoint.path());
        let answer = if endpoint == Endpoint::Documents {
            let body = json!([{"id": "oa-1", "date": "2023-07-01", "text": "Chile praised Peru."}, {"id": "oa-2"}]);
            post_documents(&s.router, Some(&format!("Bearer {TOKEN}")), body.to_string()).await
        } else {
            call(&s.router, endpoint, &event_id, "").await
        };
        assert_eq!(
            answer.status,
            StatusCode::OK,
            "{what}: {}",
            String::from_utf8_lossy(&answer.body)
        );
        if endpoint != Endpoint::OpenApi {
            check_answer(&doc, op, answer.status, &answer.json(), &what);
        }
        // Errors are documented too.
        let bad = call(&s.router, endpoint, &event_id, "undocumented=1").await;
        let status = if endpoint == Endpoint::Documents {
            // The token is checked first: here there is none.
            StatusCode::UNAUTHORIZED
        } else {
            StatusCode::BAD_REQUEST
        };
        bad.error(status);
        check_answer(&doc, op, status, &bad.json(), &format!("{what} error"));
    }
    let missing = get(&s.router, "/api/events/missing").await;
    check_answer(
        &doc,
        operation(&doc, Endpoint::Event),
        StatusCode::NOT_FOUND,
        &missing.json(),
        "404",
    );
}

#[tokio::test]
async fn every_documented_query_parameter_is_accepted_with_its_example() {
    let doc = document();
    let s = server();
    let event_id = all_events(&s.router).await[0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let mut tried = 0;
    for endpoint in Endpoint::ALL {
        let op = operation(&doc, endpoint);
        for (name, example) in query_parameters(&doc, op) {
            let value = match &example {
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                other => panic!("{name} of {} has no usable example: {other}", endpoint.path()),
            };
            let answer = call(&s.router, endpoint, &event_id, &format!("{name}={value}")).await;
            assert_eq!(
                answer.status,
                StatusCode::OK,
                "{} {name}={value}: {}",
                endpoint.path(),
                String::from_utf8_lossy(&answer.body)
            );
            check_answer(
                &doc,
                op,
                answer.status,
                &answer.json(),
                &format!("{} {name}", endpoint.path()),
            );
            tried += 1;
        }
    }
    assert_eq!(tried, 12 + 11 + 11 + 11);
}
