//! The dashboard: its files are compiled in (no CDN, works offline), the HTML shell is served
//! for every dashboard page (the script routes on the path), and each file carries an ETag so
//! that a browser revalidates cheaply and never runs a stale script after an upgrade.

use std::sync::LazyLock;

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::state::AppState;

/// A file compiled into the binary.
struct Asset {
    body: &'static [u8],
    content_type: &'static str,
    /// A quoted hash of the body.
    etag: String,
}

impl Asset {
    fn new(body: &'static [u8], content_type: &'static str) -> Asset {
        Asset {
            body,
            content_type,
            etag: format!("\"{:016x}\"", fnv1a(body)),
        }
    }
}

static INDEX: LazyLock<Asset> =
    LazyLock::new(|| Asset::new(include_bytes!("../assets/index.html"), "text/html; charset=utf-8"));
static SCRIPT: LazyLock<Asset> =
    LazyLock::new(|| Asset::new(include_bytes!("../assets/app.js"), "text/javascript; charset=utf-8"));
static STYLE: LazyLock<Asset> =
    LazyLock::new(|| Asset::new(include_bytes!("../assets/app.css"), "text/css; charset=utf-8"));

/// The pages of the dashboard; each is answered with the HTML shell.
const PAGES: [&str; 5] = [
    "/",
    "/dyad/{source}/{target}",
    "/event/{id}",
    "/actor/{code}",
    "/search",
];

/// Where the script and the style sheet are served.
const SCRIPT_PATH: &str = "/assets/app.js";
const STYLE_PATH: &str = "/assets/app.css";

pub fn routes() -> Router<AppState> {
    let mut router = Router::new()
        .route(
            SCRIPT_PATH,
            get(|headers: HeaderMap| async move { serve(&SCRIPT, &headers) }),
        )
        .route(
            STYLE_PATH,
            get(|headers: HeaderMap| async move { serve(&STYLE, &headers) }),
        );
    for page in PAGES {
        router = router.route(page, get(|headers: HeaderMap| async move { serve(&INDEX, &headers) }));
    }
    router
}

/// The file, or 304 when the browser's copy is current.
fn serve(asset: &Asset, request: &HeaderMap) -> Response {
    let cached = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|tag| tag.trim() == asset.etag));
    let mut response = if cached {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        asset.body.into_response()
    };
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(asset.content_type));
    if let Ok(etag) = HeaderValue::from_str(&asset.etag) {
        headers.insert(header::ETAG, etag);
    }
    // Revalidate every time: the files are small and a 304 costs nothing.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// FNV-1a, 64 bits: enough to tell two versions of a file apart.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags_are_quoted_hashes_of_the_content() {
        let asset = Asset::new(b"body {}", "text/css");
        assert_eq!(asset.etag, format!("\"{:016x}\"", fnv1a(b"body {}")));
        assert_eq!(asset.etag.len(), 18);
        assert_ne!(Asset::new(b"body { }", "text/css").etag, asset.etag);
    }

    #[test]
    fn a_current_copy_is_not_sent_again() {
        let mut request = HeaderMap::new();
        request.insert(header::IF_NONE_MATCH, HeaderValue::from_str(&SCRIPT.etag).unwrap());
        let response = serve(&SCRIPT, &request);
        assert_eq!(response.status(), StatusCode::NOT_MODIFIED);
        let response = serve(&SCRIPT, &HeaderMap::new());
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            response.headers()[header::CONTENT_TYPE],
            "text/javascript; charset=utf-8"
        );
    }
}
