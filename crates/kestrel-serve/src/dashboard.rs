//! The dashboard: every file of `assets/` is compiled in (no CDN, works offline) and served
//! under `/assets/`, the HTML shell is served for every dashboard page (the script routes on
//! the path), and each file carries an ETag so that a browser revalidates cheaply and never
//! runs a stale script after an upgrade. build.rs lists the files, so adding one (a script
//! module, say) needs no change here.

use std::sync::LazyLock;

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::state::AppState;

/// Every file of `assets/` as `(URL path, content type, body)`, sorted by path.
const FILES: &[(&str, &str, &[u8])] = &include!(concat!(env!("OUT_DIR"), "/assets.rs"));

/// A file compiled into the binary.
struct Asset {
    /// Where it is served, `/assets/...`.
    path: &'static str,
    body: &'static [u8],
    content_type: &'static str,
    /// A quoted hash of the body.
    etag: String,
}

impl Asset {
    fn new(path: &'static str, content_type: &'static str, body: &'static [u8]) -> Asset {
        Asset {
            path,
            body,
            content_type,
            etag: format!("\"{:016x}\"", fnv1a(body)),
        }
    }
}

static ASSETS: LazyLock<Vec<Asset>> = LazyLock::new(|| {
    FILES
        .iter()
        .map(|&(path, content_type, body)| Asset::new(path, content_type, body))
        .collect()
});

/// The HTML shell of every page.
const SHELL_PATH: &str = "/assets/index.html";

/// The pages of the dashboard; each is answered with the HTML shell.
const PAGES: [&str; 5] = [
    "/",
    "/dyad/{source}/{target}",
    "/event/{id}",
    "/actor/{code}",
    "/search",
];

/// The compiled-in file served at `path`.
fn asset(path: &str) -> Option<&'static Asset> {
    ASSETS.iter().find(|asset| asset.path == path)
}

/// A route per file and per page; any other `/assets/...` path is the router's 404, which the
/// middleware turns into the API's JSON error.
pub fn routes() -> Router<AppState> {
    let mut router = Router::new();
    for file in ASSETS.iter() {
        router = router.route(
            file.path,
            get(move |headers: HeaderMap| async move { serve(file, &headers) }),
        );
    }
    let shell = asset(SHELL_PATH).expect("assets/index.html is compiled in");
    for page in PAGES {
        router = router.route(
            page,
            get(move |headers: HeaderMap| async move { serve(shell, &headers) }),
        );
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
        let asset = Asset::new("/assets/a.css", "text/css", b"body {}");
        assert_eq!(asset.etag, format!("\"{:016x}\"", fnv1a(b"body {}")));
        assert_eq!(asset.etag.len(), 18);
        assert_ne!(Asset::new("/assets/a.css", "text/css", b"body { }").etag, asset.etag);
    }

    #[test]
    fn a_current_copy_is_not_sent_again() {
        let script = asset("/assets/app.js").expect("the entry script is compiled in");
        let mut request = HeaderMap::new();
        request.insert(header::IF_NONE_MATCH, HeaderValue::from_str(&script.etag).unwrap());
        let response = serve(script, &request);
        assert_eq!(response.status(), StatusCode::NOT_MODIFIED);
        let response = serve(script, &HeaderMap::new());
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            response.headers()[header::CONTENT_TYPE],
            "text/javascript; charset=utf-8"
        );
    }

    #[test]
    fn files_are_served_with_their_types() {
        for (path, content_type) in [
            ("/assets/index.html", "text/html; charset=utf-8"),
            ("/assets/app.css", "text/css; charset=utf-8"),
            ("/assets/app.js", "text/javascript; charset=utf-8"),
            ("/assets/pages/overview.js", "text/javascript; charset=utf-8"),
        ] {
            let file = asset(path).unwrap_or_else(|| panic!("{path} is compiled in"));
            assert_eq!(file.content_type, content_type, "{path}");
        }
        assert!(asset("/assets/missing.js").is_none());
    }

    /// A module the browser cannot load stops the whole dashboard, so every `/assets/` path
    /// named in a quoted string of a file (the shell's script and style sheet, each module's
    /// imports) must be served; and every file but the shell must be named somewhere, or it
    /// is dead weight.
    #[test]
    fn the_files_reference_each_other_and_nothing_else() {
        let mut referenced = std::collections::BTreeSet::new();
        for file in ASSETS.iter() {
            let text = std::str::from_utf8(file.body).expect("text assets");
            for (start, _) in text.match_indices("/assets/") {
                let Some(quote) = text[..start].chars().next_back().filter(|c| *c == '\'' || *c == '"') else {
                    continue;
                };
                let length = text[start..].find(quote).expect("a closing quote");
                let path = &text[start..start + length];
                assert!(asset(path).is_some(), "{} names {path}, which is not served", file.path);
                referenced.insert(path);
            }
        }
        for file in ASSETS.iter().filter(|file| file.path != SHELL_PATH) {
            assert!(referenced.contains(file.path), "nothing loads {}", file.path);
        }
    }
}
