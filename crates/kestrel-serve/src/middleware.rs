//! What wraps every response: error answers made JSON whatever produced them (the router's own
//! 404 and 405, an extractor's rejection), and the security headers.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

/// Sent with every response: scripts, styles and everything else only from this server, no
/// plugins, no framing, no MIME sniffing, no referrer leaving for the articles' sites.
pub const SECURITY_HEADERS: [(&str, &str); 4] = [
    (
        "content-security-policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
         object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    ),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
    ("x-frame-options", "DENY"),
];

/// Longest plain-text error body (an extractor's rejection) kept as the JSON message.
const MAX_PLAIN_MESSAGE: usize = 1024;

pub async fn security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    for (name, value) in SECURITY_HEADERS {
        headers.insert(HeaderName::from_static(name), HeaderValue::from_static(value));
    }
    response
}

/// Rewrites an error response that is not JSON into the API's JSON error.
pub async fn json_errors(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let response = next.run(request).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let (parts, body) = response.into_parts();
    let message = match status {
        StatusCode::NOT_FOUND => format!("no such resource: {path}"),
        // The router adds the Allow header after this layer has run.
        StatusCode::METHOD_NOT_ALLOWED => {
            format!("method {method} is not allowed on {path}; the Allow header lists those that are")
        }
        _ => plain_message(body)
            .await
            .unwrap_or_else(|| status.canonical_reason().unwrap_or("error").to_string()),
    };
    let mut json = ApiError::new(status, message).into_response();
    // Keep what the original said beyond its body (WWW-Authenticate, Retry-After...).
    for (name, value) in &parts.headers {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            json.headers_mut().insert(name.clone(), value.clone());
        }
    }
    json
}

/// A short UTF-8 body as a message.
async fn plain_message(body: Body) -> Option<String> {
    let bytes = axum::body::to_bytes(body, MAX_PLAIN_MESSAGE).await.ok()?;
    let text = String::from_utf8(bytes.to_vec()).ok()?;
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}
