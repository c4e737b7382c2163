//! Bad requests get clear JSON errors with the right status; every response, errors and
//! dashboard files included, carries the security headers.

mod common;

use axum::body::Body;
use axum::http::{header, Method, StatusCode};
use common::{get, request, send, server};
use kestrel_serve::{Endpoint, SECURITY_HEADERS};

#[tokio::test]
async fn bad_values_are_400s_naming_the_parameter_and_the_value() {
    let s = server();
    for (uri, name, value) in [
        ("/api/events?actor=U%24A", "actor", "U$A"),
        ("/api/events?dyad=USAPRK", "dyad", "USAPRK"),
        ("/api/events?code=4", "code", "4"),
        ("/api/events?root=x1", "root", "x1"),
        ("/api/events?quad=0", "quad", "0"),
        ("/api/events?since=2023-13-01", "since", "2023-13-01"),
        ("/api/events?until=tomorrow", "until", "tomorrow"),
        ("/api/events?modality=likely", "modality", "likely"),
        ("/api/events?attribution=J%20P", "attribution", "J P"),
        ("/api/events?limit=-1", "limit", "-1"),
        ("/api/events?cursor=page2", "cursor", "page2"),
        ("/api/timeline?by=year", "by", "year"),
        ("/api/timeline?dyad=USA:", "dyad", "USA:"),
        ("/api/actors?limit=many", "limit", "many"),
        ("/api/dyads?quad=9", "quad", "9"),
    ] {
        let message = get(&s.router, uri).await.error(StatusCode::BAD_REQUEST);
        assert!(message.contains(name) && message.contains(value), "{uri}: {message}");
    }
}

#[tokio::test]
async fn a_limit_above_the_maximum_is_a_400() {
    let s = server();
    for uri in [
        "/api/events?limit=1001",
        "/api/actors?limit=5000",
        "/api/dyads?limit=1001",
    ] {
        let message = get(&s.router, uri).await.error(StatusCode::BAD_REQUEST);
        assert!(
            message.contains("limit") && message.contains("1000"),
            "{uri}: {message}"
        );
    }
}

#[tokio::test]
async fn unknown_and_repeated_parameters_are_400s() {
    let s = server();
    for (uri, expected) in [
        ("/api/events?actr=USA", "unknown parameter \"actr\""),
        ("/api/events?by=day", "unknown parameter \"by\""),
        ("/api/timeline?limit=5", "unknown parameter \"limit\""),
        ("/api/actors?cursor=x", "unknown parameter \"cursor\""),
        ("/healthz?verbose=1", "takes no parameters"),
        ("/api/stats?x", "takes no parameters"),
        ("/openapi.json?v=2", "takes no parameters"),
        ("/api/events?quad=1&quad=2", "more than once"),
    ] {
        let message = get(&s.router, uri).await.error(StatusCode::BAD_REQUEST);
        assert!(message.contains(expected), "{uri}: {message}");
    }
    let message = get(&s.router, "/api/events?since=2023-05-01&until=2023-01-01")
        .await
        .error(StatusCode::BAD_REQUEST);
    assert!(message.contains("since") && message.contains("until"), "{message}");
}

#[tokio::test]
async fn undecodable_paths_and_queries_are_json_400s() {
    let s = server();
    // Not UTF-8 once percent-decoded: the router's own rejection, made JSON.
    let message = get(&s.router, "/api/events/%FF%FE")
        .await
        .error(StatusCode::BAD_REQUEST);
    assert!(!message.is_empty());
    let message = get(&s.router, "/api/events?actor=%FF")
        .await
        .error(StatusCode::BAD_REQUEST);
    assert!(message.contains("actor"), "{message}");
}

#[tokio::test]
async fn unknown_events_and_routes_are_404s() {
    let s = server();
    let message = get(&s.router, "/api/events/no-such-event")
        .await
        .error(StatusCode::NOT_FOUND);
    assert!(message.contains("no-such-event"), "{message}");
    for uri in ["/api/nothing", "/api/events/a/b", "/api", "/favicon.ico", "/dyad/USA"] {
        let message = get(&s.router, uri).await.error(StatusCode::NOT_FOUND);
        assert!(message.contains(uri), "{uri}: {message}");
    }
}

#[tokio::test]
async fn wrong_methods_are_405s_that_say_what_is_allowed() {
    let s = server();
    for (method, uri, allowed) in [
        (Method::POST, "/api/events", "GET,HEAD"),
        (Method::DELETE, "/api/events/x", "GET,HEAD"),
        (Method::GET, "/api/documents", "POST"),
        (Method::PUT, "/healthz", "GET,HEAD"),
    ] {
        let answer = send(&s.router, request(method.clone(), uri, Body::empty())).await;
        let message = answer.error(StatusCode::METHOD_NOT_ALLOWED);
        assert!(message.contains(method.as_str()) && message.contains(uri), "{message}");
        assert_eq!(answer.headers[header::ALLOW], allowed, "{uri}");
    }
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let s = server();
    let mut uris: Vec<String> = Endpoint::ALL
        .iter()
        .filter(|e| e.method() == Method::GET && !e.path().contains('{'))
        .map(|e| e.path().to_string())
        .collect();
    uris.extend(
        [
            "/",
            "/dyad/USA/PRK?by=week",
            "/event/abc",
            "/actor/USA",
            "/search?text=x",
            "/assets/app.js",
            "/assets/app.css",
            "/api/events?quad=7",
            "/api/events/none",
            "/nowhere",
        ]
        .map(String::from),
    );
    for uri in &uris {
        let answer = get(&s.router, uri).await;
        for (name, value) in SECURITY_HEADERS {
            assert_eq!(
                answer.headers.get(name).and_then(|v| v.to_str().ok()),
                Some(value),
                "{name} on {uri}"
            );
        }
    }
    let answer = send(&s.router, request(Method::PATCH, "/api/stats", Body::empty())).await;
    assert!(answer.headers.contains_key("content-security-policy"));
    let answer = common::post_documents(&s.router, None, "[]").await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    assert!(answer.headers.contains_key("content-security-policy"));
}

#[tokio::test]
async fn dashboard_pages_get_the_html_shell_and_assets_their_types() {
    let s = server();
    let shell = get(&s.router, "/").await;
    assert_eq!(shell.status, StatusCode::OK);
    assert_eq!(shell.headers[header::CONTENT_TYPE], "text/html; charset=utf-8");
    for page in [
        "/dyad/USA/PRK?since=2023-01-01",
        "/event/e1",
        "/actor/USA",
        "/search?text=talks",
    ] {
        let answer = get(&s.router, page).await;
        assert_eq!(answer.status, StatusCode::OK, "{page}");
        assert_eq!(answer.body, shell.body, "{page}");
    }
    for (uri, content_type) in [
        ("/assets/app.js", "text/javascript; charset=utf-8"),
        ("/assets/app.css", "text/css; charset=utf-8"),
    ] {
        let answer = get(&s.router, uri).await;
        assert_eq!(answer.status, StatusCode::OK);
        assert_eq!(answer.headers[header::CONTENT_TYPE], content_type);
        assert_eq!(answer.headers[header::CACHE_CONTROL], "no-cache");
        let etag = answer.headers[header::ETAG].clone();
        let revalidate = axum::http::Request::builder()
            .uri(uri)
            .header(header::IF_NONE_MATCH, etag)
            .body(Body::empty())
            .expect("request");
        let answer = send(&s.router, revalidate).await;
        assert_eq!(answer.status, StatusCode::NOT_MODIFIED, "{uri}");
        assert!(answer.body.is_empty());
    }
}

#[tokio::test]
async fn head_requests_are_answered_without_a_body() {
    let s = server();
    let answer = send(&s.router, request(Method::HEAD, "/healthz", Body::empty())).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(answer.body.is_empty());
}
