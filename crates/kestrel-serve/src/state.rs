//! What every request shares: a pool of store readers, the single writer, the coder and the
//! limits.
//!
//! A `Store` is `Send` but not `Sync`: each reader is owned by one blocking task at a time
//! (taken out of the idle list, handed back after the read), so no connection is ever used by
//! two threads at once. A semaphore bounds the readers open at once; a request that waits longer
//! than the query time for one is refused as busy rather than queued without end.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use kestrel::Coder;
use kestrel_store::{Store, StoreError};
use tokio::sync::Semaphore;

use crate::config::{Limits, ServeConfig};
use crate::error::ApiError;

/// The shared state of a server; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    shared: Arc<Shared>,
}

struct Shared {
    readers: ReaderPool,
    /// `None` when no write token is configured: writes are refused.
    writes: Option<Arc<Writes>>,
    coder: Coder<'static>,
    limits: Limits,
}

/// What `POST /api/documents` needs.
pub(crate) struct Writes {
    pub token: String,
    /// Writes are serialised through this one connection (SQLite has one writer anyway).
    pub store: Mutex<Store>,
}

impl AppState {
    /// Opens the store of `config`: the writer first when writes are enabled (which creates
    /// the file on first use), then one reader, so a missing or foreign file fails here rather
    /// than on the first request. Also builds the coder's dictionaries. A blank token enables
    /// nothing (it would let an empty `Bearer` in).
    pub fn open(config: ServeConfig) -> Result<AppState, StoreError> {
        let ServeConfig {
            db,
            write_token,
            limits,
        } = config;
        let writes = match write_token.filter(|token| !token.trim().is_empty()) {
            Some(token) => {
                let mut store = Store::open(&db)?;
                // A POST waits for another process's write lock no longer than a read may run.
                store.set_busy_timeout(limits.query_time)?;
                Some(Arc::new(Writes {
                    token,
                    store: Mutex::new(store),
                }))
            }
            None => None,
        };
        let readers = ReaderPool::new(db, &limits)?;
        Ok(AppState {
            shared: Arc::new(Shared {
                readers,
                writes,
                coder: Coder::embedded(),
                limits,
            }),
        })
    }

    pub(crate) fn limits(&self) -> &Limits {
        &self.shared.limits
    }

    pub(crate) fn coder(&self) -> Coder<'static> {
        self.shared.coder
    }

    pub(crate) fn writes(&self) -> Option<&Arc<Writes>> {
        self.shared.writes.as_ref()
    }

    /// Runs `work` with a reader of its own on a blocking thread.
    pub(crate) async fn read<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let permits = self.shared.readers.permits.clone();
        let permit = tokio::time::timeout(self.shared.limits.query_time, permits.acquire_owned())
            .await
            .map_err(|_| ApiError::busy())?
            .map_err(|_| ApiError::busy())?;
        let shared = self.shared.clone();
        blocking(move || {
            let _permit = permit;
            let store = shared.readers.take()?;
            let result = work(&store);
            shared.readers.give_back(store);
            result
        })
        .await
    }
}

/// Runs `work` on tokio's blocking threads, so store and coding work never stalls the threads
/// that serve connections.
pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|_| ApiError::internal("the request's worker stopped unexpectedly"))?
}

/// Locks a mutex whose holder may have panicked: the data guarded here (idle connections, the
/// writer between transactions) is whole whatever happened to the holder.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

struct ReaderPool {
    db: PathBuf,
    query_time: Duration,
    idle: Mutex<Vec<Store>>,
    /// One permit per reader that may be open at once.
    permits: Arc<Semaphore>,
}

impl ReaderPool {
    fn new(db: PathBuf, limits: &Limits) -> Result<ReaderPool, StoreError> {
        let pool = ReaderPool {
            db,
            query_time: limits.query_time,
            idle: Mutex::new(Vec::new()),
            permits: Arc::new(Semaphore::new(limits.max_readers.max(1))),
        };
        let first = pool.open()?;
        pool.give_back(first);
        Ok(pool)
    }

    fn open(&self) -> Result<Store, StoreError> {
        let mut store = Store::open_existing(&self.db)?;
        store.set_query_time_limit(Some(self.query_time));
        Ok(store)
    }

    /// An idle reader, or a new one (the caller holds a permit, so the cap holds).
    fn take(&self) -> Result<Store, StoreError> {
        let idle = lock(&self.idle).pop();
        match idle {
            Some(store) => Ok(store),
            None => self.open(),
        }
    }

    fn give_back(&self, store: Store) {
        lock(&self.idle).push(store);
    }
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use axum::http::StatusCode;

    use super::*;

    fn state(max_readers: usize, query_time: Duration) -> (tempfile::TempDir, AppState) {
        let dir = tempfile::tempdir().expect("temporary directory");
        let db = dir.path().join("k.db");
        drop(Store::open(&db).expect("new store"));
        let limits = Limits {
            max_readers,
            query_time,
            ..Limits::default()
        };
        let state = AppState::open(ServeConfig {
            db,
            write_token: None,
            limits,
        })
        .expect("open");
        (dir, state)
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn concurrent_reads_share_at_most_the_cap_of_connections() {
        let (_dir, state) = state(3, Duration::from_secs(30));
        let reads: Vec<_> = (0..40)
            .map(|_| {
                let state = state.clone();
                tokio::spawn(async move {
                    state
                        .read(|store| {
                            std::thread::sleep(Duration::from_millis(2));
                            Ok(store.stats()?.documents)
                        })
                        .await
                })
            })
            .collect();
        for read in reads {
            assert_eq!(read.await.expect("task").expect("read"), 0);
        }
        let idle = lock(&state.shared.readers.idle).len();
        assert!((1..=3).contains(&idle), "{idle} connections");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_request_waiting_longer_than_the_query_time_is_told_the_server_is_busy() {
        let (_dir, state) = state(1, Duration::from_millis(100));
        let holder = state.clone();
        let slow = tokio::spawn(async move {
            holder
                .read(|_| {
                    std::thread::sleep(Duration::from_millis(600));
                    Ok(())
                })
                .await
        });
        // Let the slow read take the only reader.
        tokio::time::sleep(Duration::from_millis(50)).await;
        let started = Instant::now();
        let refused = state.read(|store| Ok(store.stats()?.events)).await;
        assert_eq!(refused.map_err(|e| e.status), Err(StatusCode::SERVICE_UNAVAILABLE));
        assert!(started.elapsed() < Duration::from_millis(500));
        assert!(slow.await.expect("task").is_ok());
        // Free again.
        assert_eq!(state.read(|store| Ok(store.stats()?.events)).await.ok(), Some(0));
    }
}
