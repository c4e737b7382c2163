//! `kestrel serve`: a JSON API and a web dashboard over a kestrel store.
//!
//! Module map:
//! - `config`: [`ServeConfig`] (store, write token) and [`Limits`] (body, page, query time,
//!   documents per request, readers).
//! - `state`: [`AppState`], the shared pool of store readers (one connection per blocking task
//!   at a time), the single writer and the coder.
//! - `routes`: [`Endpoint`], the one list of API routes with their methods and accepted
//!   parameters; the router is built from it and the tests hold it against `openapi.json`.
//! - `params`: query strings into an `EventFilter`; a bad value or an unknown parameter is a
//!   400 naming it.
//! - `api`: the read handlers; `documents`: `POST /api/documents` (token, items, coding).
//! - `responses`: the JSON shapes (event, mention with highlights in characters).
//! - `error`: [`ApiError`], every error as `{"error": {"status", "message"}}`.
//! - `middleware`: JSON for any error response, security headers on every response.
//! - `dashboard`: the compiled-in `assets/` and the HTML shell of the dashboard pages.
//!
//! Store and coding work runs on tokio's blocking threads; the connection threads only parse,
//! wait and send.

mod api;
mod config;
mod dashboard;
mod documents;
mod error;
mod middleware;
mod params;
mod responses;
mod routes;
mod state;

use std::fmt;
use std::io;
use std::net::SocketAddr;

use axum::Router;
use kestrel_store::StoreError;
use tokio::net::TcpListener;

pub use api::OPENAPI;
pub use config::{Limits, ServeConfig};
pub use error::ApiError;
pub use middleware::SECURITY_HEADERS;
pub use params::Param;
pub use routes::Endpoint;
pub use state::AppState;

/// The whole application: the API endpoints, the dashboard, JSON errors and security headers.
pub fn router(state: AppState) -> Router {
    let mut router = dashboard::routes();
    for endpoint in Endpoint::ALL {
        router = router.route(endpoint.path(), endpoint.handler());
    }
    router
        .layer(axum::middleware::from_fn(middleware::json_errors))
        .layer(axum::middleware::map_response(middleware::security_headers))
        .with_state(state)
}

/// Serves on `listener` until Ctrl-C or SIGTERM, then lets the requests in flight finish.
pub async fn serve(state: AppState, listener: TcpListener) -> io::Result<()> {
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown_signal())
        .await
}

/// Why a server could not start or stopped.
#[derive(Debug)]
pub enum ServeError {
    Store(StoreError),
    Listen { addr: String, error: io::Error },
    Io(io::Error),
}

impl fmt::Display for ServeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ServeError::Store(e) => write!(f, "{e}"),
            ServeError::Listen { addr, error } => write!(f, "cannot listen on {addr}: {error}"),
            ServeError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ServeError {}

/// Opens the store, listens on `addr` (`host:port`; port 0 picks a free one), tells
/// `listening` the address it got, and serves until Ctrl-C or SIGTERM. Blocks.
pub fn run(config: ServeConfig, addr: &str, listening: impl FnOnce(SocketAddr)) -> Result<(), ServeError> {
    let state = AppState::open(config).map_err(ServeError::Store)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(ServeError::Io)?;
    runtime.block_on(async {
        let listen_error = |error| ServeError::Listen {
            addr: addr.to_string(),
            error,
        };
        let listener = TcpListener::bind(addr).await.map_err(listen_error)?;
        listening(listener.local_addr().map_err(listen_error)?);
        serve(state, listener).await.map_err(ServeError::Io)
    })
}

/// Resolves at the first Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let interrupt = async {
        // Without a handler the process still ends on Ctrl-C, only less gracefully.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}
