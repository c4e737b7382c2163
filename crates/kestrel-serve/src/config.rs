//! What a server is started with: the store, the write token and the limits that keep one
//! client from exhausting it.

use std::path::PathBuf;
use std::time::Duration;

/// How `kestrel serve` is configured.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// The store file.
    pub db: PathBuf,
    /// The bearer token `POST /api/documents` requires; `None` refuses every write.
    pub write_token: Option<String>,
    pub limits: Limits,
}

/// Bounds on what one request may ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest request body (the documents of a POST).
    pub max_body_bytes: usize,
    /// Largest `limit` a list endpoint accepts.
    pub max_page: usize,
    /// `limit` of a list endpoint that names none.
    pub default_page: usize,
    /// A read running longer is stopped (504); a request waiting longer than this for a free
    /// reader is refused as busy (503).
    pub query_time: Duration,
    /// Most documents in one POST.
    pub max_documents_per_request: usize,
    /// Most store connections reading at once; more requests wait for one to be free.
    pub max_readers: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        // SQLite reads are CPU work: more readers than a few per core only queue in the kernel
        // instead of in the pool, where a request can give up after the query time.
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Limits {
            max_body_bytes: 8 << 20,
            max_page: 1000,
            default_page: 50,
            query_time: Duration::from_secs(5),
            max_documents_per_request: 1000,
            max_readers: (cores * 2).clamp(2, 16),
        }
    }
}
