//! `kestrel serve`: the HTTP API and web dashboard over a store (crate `kestrel-serve`).

use std::path::PathBuf;

use kestrel_serve::{Limits, ServeConfig, ServeError};

/// Read when `--write-token` is not given, so the token need not appear in the process list.
const TOKEN_VARIABLE: &str = "KESTREL_WRITE_TOKEN";

#[derive(clap::Args)]
pub struct ServeArgs {
    /// The store.
    #[arg(long, default_value = "kestrel.db")]
    db: PathBuf,
    /// Address to listen on, HOST:PORT; port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: String,
    /// Enables POST /api/documents for requests with `Authorization: Bearer TOKEN` (default:
    /// the KESTREL_WRITE_TOKEN environment variable; without either, writes are refused).
    #[arg(long)]
    write_token: Option<String>,
}

/// Why `kestrel serve` stopped.
#[derive(Debug)]
pub enum ServeCommandError {
    EmptyToken,
    Serve(ServeError),
}

impl std::fmt::Display for ServeCommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ServeCommandError::EmptyToken => {
                write!(
                    f,
                    "the write token is empty: give a non-empty --write-token or {TOKEN_VARIABLE}"
                )
            }
            ServeCommandError::Serve(e) => write!(f, "{e}"),
        }
    }
}

pub fn run(args: ServeArgs) -> Result<(), ServeCommandError> {
    let write_token = args.write_token.or_else(|| std::env::var(TOKEN_VARIABLE).ok());
    if write_token.as_deref().is_some_and(|t| t.trim().is_empty()) {
        return Err(ServeCommandError::EmptyToken);
    }
    let writes = if write_token.is_some() { "enabled" } else { "disabled" };
    let config = ServeConfig {
        db: args.db.clone(),
        write_token,
        limits: Limits::default(),
    };
    kestrel_serve::run(config, &args.addr, |addr| {
        eprintln!(
            "kestrel: serving {} on http://{addr}/ (writes {writes}); Ctrl-C stops",
            args.db.display()
        );
    })
    .map_err(ServeCommandError::Serve)
}
