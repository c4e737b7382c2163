//! `POST /api/documents`: the token check, per-item validation, limits, and stored documents
//! visible to the readers.

mod common;

use axum::http::StatusCode;
use common::{get_json, post_documents, server, server_with, TOKEN};
use kestrel_serve::{router, AppState, Limits, ServeConfig};
use serde_json::{json, Value};

fn bearer() -> String {
    format!("Bearer {TOKEN}")
}

fn new_article(id: &str) -> Value {
    json!({
        "id": id,
        "date": "2023-06-01",
        "source": "Test Gazette",
        "url": format!("https://gazette.example/{id}"),
        "title": "Ministers meet",
        "text": "India met Pakistan in Lahore on Thursday. Observers welcomed the meeting."
    })
}

#[tokio::test]
async fn without_a_configured_token_writes_are_forbidden() {
    let s = server();
    for authorization in [None, Some("Bearer anything"), Some("Bearer ")] {
        let message = post_documents(&s.router, authorization, new_article("a").to_string())
            .await
            .error(StatusCode::FORBIDDEN);
        assert!(message.contains("--write-token"), "{message}");
    }
}

#[tokio::test]
async fn a_missing_or_wrong_token_is_a_401() {
    let s = server_with(Some(TOKEN), Limits::default(), true);
    for authorization in [
        None,
        Some("Bearer wrong-token"),
        Some(&format!("Bearer {TOKEN}x")[..]),
        Some(TOKEN),
        Some(&format!("Basic {TOKEN}")[..]),
        Some("Bearer "),
    ] {
        let answer = post_documents(&s.router, authorization, new_article("a").to_string()).await;
        answer.error(StatusCode::UNAUTHORIZED);
        assert_eq!(answer.headers["www-authenticate"], "Bearer", "{authorization:?}");
    }
    let stats = get_json(&s.router, "/api/stats").await;
    assert_eq!(stats["documents"], common::articles().len(), "nothing was stored");
}

#[tokio::test]
async fn the_right_token_stores_documents_that_readers_then_see() {
    let s = server_with(Some(TOKEN), Limits::default(), true);
    let before = get_json(&s.router, "/api/stats").await;
    let answer = post_documents(&s.router, Some(&bearer()), new_article("gz-1").to_string()).await;
    assert_eq!(answer.status, StatusCode::OK);
    let result = answer.json();
    assert_eq!(
        result,
        json!({"documents": 1, "stored": 1, "duplicates": 0, "events": 1, "mentions": 1, "errors": []})
    );
    let page = get_json(&s.router, "/api/events?dyad=IND:PAK").await;
    let event = &page["events"][0];
    assert_eq!(event["doc_id"], "gz-1");
    assert_eq!(event["source_url"], "https://gazette.example/gz-1");
    let after = get_json(&s.router, "/api/stats").await;
    assert_eq!(after["documents"], before["documents"].as_u64().unwrap_or(0) + 1);
    // The scheme is read in any case; sending it again is a duplicate.
    let again = post_documents(
        &s.router,
        Some(&format!("bearer {TOKEN}")),
        new_article("gz-1").to_string(),
    )
    .await;
    assert_eq!(again.json()["duplicates"], 1);
    assert_eq!(again.json()["stored"], 0);
}

#[tokio::test]
async fn invalid_items_are_reported_and_the_others_stored() {
    let s = server_with(Some(TOKEN), Limits::default(), false);
    let body = json!([
        new_article("ok-1"),
        {"id": "no-text", "date": "2023-06-02"},
        {"id": "bad-date", "date": "June 2nd", "text": "Chile met Peru."},
        {"text": "Nobody's article."},
        {"id": "blank", "text": "   "},
        "not an object",
        {"id": 42, "date": "20230603", "text": "Brazil praised Argentina for the accord."}
    ]);
    let answer = post_documents(&s.router, Some(&bearer()), body.to_string()).await;
    assert_eq!(answer.status, StatusCode::OK);
    let result = answer.json();
    assert_eq!(result["documents"], 7);
    assert_eq!(result["stored"], 2);
    let errors = result["errors"].as_array().cloned().unwrap_or_default();
    let summary: Vec<(u64, Value)> = errors
        .iter()
        .map(|e| (e["index"].as_u64().unwrap_or(99), e["id"].clone()))
        .collect();
    assert_eq!(
        summary,
        [
            (1, json!("no-text")),
            (2, json!("bad-date")),
            (3, Value::Null),
            (4, json!("blank")),
            (5, Value::Null)
        ]
    );
    assert!(errors[0]["message"]
        .as_str()
        .is_some_and(|m| m.contains("missing \"text\"")));
    assert!(errors[1]["message"].as_str().is_some_and(|m| m.contains("June 2nd")));
    let stats = get_json(&s.router, "/api/stats").await;
    assert_eq!(stats["documents"], 2);
    let page = get_json(&s.router, "/api/events?dyad=BRA:ARG").await;
    assert_eq!(page["events"][0]["doc_id"], "42");
}

#[tokio::test]
async fn a_request_without_any_valid_item_is_a_422() {
    let s = server_with(Some(TOKEN), Limits::default(), false);
    let message = post_documents(&s.router, Some(&bearer()), json!({"id": "x", "text": ""}).to_string())
        .await
        .error(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        message.contains("document 0 (id \"x\")") && message.contains("empty \"text\""),
        "{message}"
    );
    // An empty array stores nothing and is no error.
    let answer = post_documents(&s.router, Some(&bearer()), "[]").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.json()["documents"], 0);
}

#[tokio::test]
async fn a_body_that_is_not_documents_is_a_400() {
    let s = server_with(Some(TOKEN), Limits::default(), false);
    for (body, expected) in [
        ("{\"id\": ", "not JSON"),
        ("", "not JSON"),
        ("42", "found a number"),
        ("\"text\"", "found a string"),
    ] {
        let message = post_documents(&s.router, Some(&bearer()), body)
            .await
            .error(StatusCode::BAD_REQUEST);
        assert!(message.contains(expected), "{body}: {message}");
    }
}

#[tokio::test]
async fn bodies_and_batches_above_the_limits_are_413s() {
    let limits = Limits {
        max_body_bytes: 2048,
        max_documents_per_request: 2,
        ..Limits::default()
    };
    let s = server_with(Some(TOKEN), limits, false);
    let big = json!({"id": "big", "text": "word ".repeat(1000)}).to_string();
    let message = post_documents(&s.router, Some(&bearer()), big)
        .await
        .error(StatusCode::PAYLOAD_TOO_LARGE);
    assert!(message.contains("2048"), "{message}");
    let three = json!([new_article("a"), new_article("b"), new_article("c")]).to_string();
    let message = post_documents(&s.router, Some(&bearer()), three)
        .await
        .error(StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        message.contains("3 documents") && message.contains("at most 2"),
        "{message}"
    );
    let stats = get_json(&s.router, "/api/stats").await;
    assert_eq!(stats["documents"], 0);
}

#[tokio::test]
async fn writes_create_a_missing_store_and_reads_alone_refuse_one() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let db = dir.path().join("new.db");
    let config = |token: Option<&str>| ServeConfig {
        db: db.clone(),
        write_token: token.map(str::to_string),
        limits: Limits::default(),
    };
    let refused = AppState::open(config(None))
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(refused.contains("no such store"), "{refused}");
    // A blank token enables nothing, so the store is still not created.
    assert!(AppState::open(config(Some("  "))).is_err());
    let state = AppState::open(config(Some(TOKEN))).expect("a new store");
    let health = get_json(&router(state), "/healthz").await;
    assert_eq!(health, json!({"status": "ok", "events": 0, "documents": 0}));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_posts_are_all_stored() {
    let s = server_with(Some(TOKEN), Limits::default(), false);
    let countries = [
        ("Chile", "Peru"),
        ("Egypt", "Sudan"),
        ("Kenya", "Uganda"),
        ("Norway", "Sweden"),
    ];
    let posts: Vec<_> = countries
        .iter()
        .enumerate()
        .map(|(i, (a, b))| {
            let router = s.router.clone();
            let body = json!({"id": format!("c-{i}"), "date": "2023-06-01", "text": format!("{a} praised {b} for the accord.")});
            tokio::spawn(async move { post_documents(&router, Some(&bearer()), body.to_string()).await })
        })
        .collect();
    for post in posts {
        let answer = post.await.expect("task");
        assert_eq!(answer.status, StatusCode::OK);
        assert_eq!(answer.json()["stored"], 1);
    }
    let stats = get_json(&s.router, "/api/stats").await;
    assert_eq!(stats["documents"], 4);
    assert_eq!(stats["events"], 4);
}
