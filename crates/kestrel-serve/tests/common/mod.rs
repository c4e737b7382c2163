//! A server over a store built in a temporary directory from the team-written articles of
//! `tests/data/articles.jsonl`, and requests sent to its router in-process.

#![allow(dead_code)] // Each test binary uses its own part of this module.

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use kestrel::input::{read_documents, Document, InputFormat};
use kestrel::Coder;
use kestrel_serve::{router, AppState, Limits, ServeConfig};
use kestrel_store::Store;
use serde_json::Value;
use tempfile::TempDir;
use tower::ServiceExt;

pub const ARTICLES: &str = include_str!("../data/articles.jsonl");
pub const TOKEN: &str = "test-token-7f3a";

/// A router over its own store; the directory lives as long as the server.
pub struct Server {
    pub router: Router,
    pub dir: TempDir,
}

pub fn articles() -> Vec<Document> {
    let mut docs = Vec::new();
    read_documents(
        "articles.jsonl",
        ARTICLES.as_bytes(),
        InputFormat::Jsonl,
        None,
        &mut |item| {
            docs.push(item.expect("test articles read cleanly"));
        },
    );
    docs
}

/// A server over the test articles, without writes.
pub fn server() -> Server {
    server_with(None, Limits::default(), true)
}

/// A server with a write token and limits of the test's choosing, its store holding the test
/// articles or nothing.
pub fn server_with(write_token: Option<&str>, limits: Limits, with_articles: bool) -> Server {
    let dir = tempfile::tempdir().expect("temporary directory");
    let db = dir.path().join("kestrel.db");
    let mut store = Store::open(&db).expect("new store");
    if with_articles {
        let coder = Coder::embedded();
        let coded: Vec<_> = articles()
            .into_iter()
            .map(|doc| {
                let records = coder.code(&doc);
                (doc, records)
            })
            .collect();
        store.ingest(&coded).expect("ingest the test articles");
    }
    drop(store);
    let config = ServeConfig {
        db,
        write_token: write_token.map(str::to_string),
        limits,
    };
    Server {
        router: router(AppState::open(config).expect("open the store")),
        dir,
    }
}

/// An answer: status, headers and the body as bytes.
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    /// The body as JSON; fails the test when it is not.
    pub fn json(&self) -> Value {
        assert_eq!(
            self.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()),
            Some("application/json"),
            "status {}",
            self.status
        );
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("body is not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    /// The message of a JSON error with `status`; fails the test on any other answer.
    pub fn error(&self, status: StatusCode) -> String {
        assert_eq!(self.status, status, "{}", String::from_utf8_lossy(&self.body));
        let json = self.json();
        assert_eq!(json["error"]["status"], status.as_u16(), "{json}");
        let message = json["error"]["message"].as_str().unwrap_or_default().to_string();
        assert!(!message.is_empty(), "{json}");
        message
    }
}

pub async fn send(router: &Router, request: Request<Body>) -> Answer {
    let response = router.clone().oneshot(request).await.expect("the router never fails");
    let status = response.status();
    let headers = response.headers().clone();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("read the body")
        .to_vec();
    Answer { status, headers, body }
}

pub async fn get(router: &Router, uri: &str) -> Answer {
    send(router, request(Method::GET, uri, Body::empty())).await
}

/// GET that must succeed with JSON.
pub async fn get_json(router: &Router, uri: &str) -> Value {
    let answer = get(router, uri).await;
    assert_eq!(
        answer.status,
        StatusCode::OK,
        "{uri}: {}",
        String::from_utf8_lossy(&answer.body)
    );
    answer.json()
}

pub fn request(method: Method, uri: &str, body: Body) -> Request<Body> {
    Request::builder()
        .method(method)
        .uri(uri)
        .body(body)
        .expect("a valid request")
}

/// POST /api/documents with a JSON body and, if given, an Authorization header.
pub async fn post_documents(router: &Router, authorization: Option<&str>, body: impl Into<Body>) -> Answer {
    let mut builder = Request::builder()
        .method(Method::POST)
        .uri("/api/documents")
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(value) = authorization {
        builder = builder.header(header::AUTHORIZATION, value);
    }
    send(router, builder.body(body.into()).expect("a valid request")).await
}

/// Every event of the store, in one page.
pub async fn all_events(router: &Router) -> Vec<Value> {
    let page = get_json(router, "/api/events?limit=1000").await;
    assert_eq!(page["next_cursor"], Value::Null);
    page["events"].as_array().cloned().unwrap_or_default()
}
