//! The kestrel store: coded documents, their event mentions, fused events and stories in one
//! SQLite file.
//!
//! - [`Store::open`] creates the file on first use (write-ahead logging, a busy timeout,
//!   `synchronous=NORMAL`) and checks the schema version of an existing one.
//! - [`Store::ingest`] stores a batch of coded documents in one transaction: a document seen
//!   before (same id, or the same normalised text) is skipped, the others join a story of
//!   near-duplicates and each of their events is fused with the stored mentions of the same
//!   event (the algorithms of `kestrel-dedup`). A batch is stored whole or not at all, so a
//!   process killed at any moment leaves whole documents only, and running it again stores each
//!   remaining document once.
//! - [`Store::query`], [`Store::query_page`], [`Store::for_each_event`], [`Store::timeline`],
//!   [`Store::actors`] and [`Store::dyads`] read fused events through an [`EventFilter`].

mod error;
mod filter;
mod ingest;
mod read;
mod schema;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use kestrel::EventRecord;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

pub use error::StoreError;
pub use filter::{actor_code, Dyad, EventFilter, Period};
pub use ingest::{IngestReport, PreparedDocument};
pub use schema::SCHEMA_VERSION;

/// How long a statement waits for another process's write lock before giving up with
/// [`StoreError::Locked`].
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Virtual-machine steps between two checks of a read's deadline: about a millisecond of work,
/// so the check costs nothing and a read stops soon after its deadline.
const PROGRESS_STEPS: std::ffi::c_int = 10_000;

/// An open store. One writer at a time (SQLite's rule); readers in other processes or threads
/// open their own `Store` and see every committed batch.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// How long one read may run before it is stopped with [`StoreError::TimedOut`].
    time_limit: Option<Duration>,
}

/// One fused event: its representative mention and what the fusion counted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FusedEvent {
    /// Stable: the `event_id` of its first mention.
    pub id: String,
    /// The representative (first) mention, in the schema of `kestrel code`.
    pub record: EventRecord,
    /// Mentions fused into this event, several per article when an article repeats it.
    pub num_mentions: u32,
    /// Distinct outlets among the articles (the document's source, else its URL's host;
    /// articles with neither count together as one unknown outlet).
    pub num_sources: u32,
    /// Distinct articles.
    pub num_articles: u32,
    /// YYYY-MM-DD of the earliest article.
    pub first_published: Option<String>,
    /// URL of the first article.
    pub source_url: Option<String>,
    /// When the event was first stored (RFC 3339, UTC).
    pub added: String,
}

/// One mention of a fused event, with the article it comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    pub doc_id: String,
    /// Byte offset of the mention's sentence in the article's text, so that the record's
    /// spans (offsets into the article) can be made relative to `record.sentence_text`;
    /// `None` when the sentence cannot be found in the stored text.
    pub sentence_offset: Option<usize>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub record: EventRecord,
}

/// What the store holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub documents: u64,
    pub sentences: u64,
    /// Fused events.
    pub events: u64,
    /// Coded event mentions (one per record of `kestrel code`).
    pub mentions: u64,
    pub stories: u64,
}

/// A page of [`Store::query_page`]: the events and, when the limit was reached, the cursor
/// that continues after the last of them.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub events: Vec<FusedEvent>,
    pub next_cursor: Option<String>,
}

/// One period of [`Store::timeline`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineRow {
    /// `YYYY-MM-DD` for a day, the Monday `YYYY-MM-DD` starting a week, `YYYY-MM` for a month.
    pub period: String,
    pub events: u64,
    /// Fused events per quad class: verbal cooperation, material cooperation, verbal conflict,
    /// material conflict.
    pub quad: [u64; 4],
    /// Sum of the Goldstein scores of the fused events (each event once, however many
    /// mentions it has).
    pub goldstein: f64,
    pub mentions: u64,
}

/// An actor code with its activity, from [`Store::actors`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorCount {
    pub code: String,
    /// Fused events with the actor as source or target.
    pub events: u64,
    pub mentions: u64,
}

/// A directed source-target pair with its activity, from [`Store::dyads`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DyadCount {
    pub source: String,
    pub target: String,
    pub events: u64,
    pub mentions: u64,
}

/// Switches `conn` to write-ahead logging. Reading the mode back is what makes SQLite read the
/// header: a file that is not a database fails here, before anything is written.
///
/// Two connections switching the same new file at once (a reader opening a store that an
/// ingest is creating) make SQLite answer one of them BUSY at once, without calling the busy
/// handler; the other finishes within moments, so the loser retries for as long as the busy
/// timeout would have waited.
fn enable_write_ahead_log(conn: &Connection) -> rusqlite::Result<()> {
    let deadline = Instant::now() + DEFAULT_BUSY_TIMEOUT;
    loop {
        match conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get::<_, String>(0)) {
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) && Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(2));
            }
            result => return result.map(drop),
        }
    }
}

impl Store {
    /// Opens the store at `path`, creating the file and its tables on first use.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE)
    }

    /// Opens an existing store; a missing file is an error rather than a new empty store (what
    /// a reader such as `kestrel stats` wants).
    pub fn open_existing(path: &Path) -> Result<Store, StoreError> {
        if !path.exists() {
            return Err(StoreError::Sqlite {
                path: path.to_path_buf(),
                message: "no such store (create one with `kestrel ingest`)".to_string(),
            });
        }
        Store::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
    }

    fn open_with_flags(path: &Path, flags: OpenFlags) -> Result<Store, StoreError> {
        let err = |e| StoreError::sqlite(path, e);
        let flags = flags | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags).map_err(err)?;
        conn.busy_timeout(DEFAULT_BUSY_TIMEOUT).map_err(err)?;
        enable_write_ahead_log(&conn).map_err(err)?;
        // In WAL mode NORMAL still never corrupts the database; a power cut may lose the last
        // transactions, which a re-run of the ingest stores again.
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(err)?;
        // 128 MiB of page cache (the default is 2): ingest looks up and inserts ids, text
        // fingerprints and events all over their indexes, and a cache that holds the hot pages
        // saves most reads.
        conn.pragma_update(None, "cache_size", -131_072).map_err(err)?;
        // Checkpoint the write-ahead log every 40 MB rather than 4: index pages rewritten by
        // consecutive batches are then copied into the database once, not once per batch.
        conn.pragma_update(None, "wal_autocheckpoint", 10_000).map_err(err)?;
        schema::prepare(&mut conn, path)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            time_limit: None,
        })
    }

    /// The file this store lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Changes how long a statement waits for another writer before [`StoreError::Locked`].
    pub fn set_busy_timeout(&mut self, timeout: Duration) -> Result<(), StoreError> {
        self.conn.busy_timeout(timeout).map_err(|e| self.error(e))
    }

    /// Stops any read of this store (query, page, event, timeline, most-active lists, stats)
    /// that runs longer than `limit` with [`StoreError::TimedOut`]; `None` lets reads run to
    /// the end. A server sets it so that one broad filter cannot hold a worker for long.
    pub fn set_query_time_limit(&mut self, limit: Option<Duration>) {
        self.time_limit = limit;
    }

    /// Runs one read under the time limit: SQLite calls the progress handler every few
    /// thousand virtual-machine steps, and the read is interrupted once the deadline passed.
    fn limited<T>(&self, read: impl FnOnce() -> T) -> T {
        let Some(limit) = self.time_limit else {
            return read();
        };
        let deadline = Instant::now() + limit;
        self.conn
            .progress_handler(PROGRESS_STEPS, Some(move || Instant::now() >= deadline));
        let out = read();
        self.conn.progress_handler(0, None::<fn() -> bool>);
        out
    }

    /// Counts of what the store holds.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        self.limited(|| self.read_stats())
    }

    fn read_stats(&self) -> Result<Stats, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT name, value FROM totals")
            .map_err(|e| self.error(e))?;
        let mut rows = stmt.query([]).map_err(|e| self.error(e))?;
        let mut stats = Stats {
            documents: 0,
            sentences: 0,
            events: 0,
            mentions: 0,
            stories: 0,
        };
        while let Some(row) = rows.next().map_err(|e| self.error(e))? {
            let name: String = row.get(0).map_err(|e| self.error(e))?;
            let value: i64 = row.get(1).map_err(|e| self.error(e))?;
            let value = u64::try_from(value).unwrap_or(0);
            match name.as_str() {
                "documents" => stats.documents = value,
                "sentences" => stats.sentences = value,
                "events" => stats.events = value,
                "mentions" => stats.mentions = value,
                "stories" => stats.stories = value,
                _ => {}
            }
        }
        Ok(stats)
    }

    /// Updates the query planner's statistics where they are stale; cheap, worth calling after
    /// a large ingest.
    pub fn optimize(&self) -> Result<(), StoreError> {
        self.conn.execute_batch("PRAGMA optimize").map_err(|e| self.error(e))
    }

    fn error(&self, e: rusqlite::Error) -> StoreError {
        StoreError::sqlite(&self.path, e)
    }
}

/// The current time as RFC 3339 in UTC, to the second.
fn now_rfc3339() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let seconds = i64::try_from(seconds).unwrap_or(i64::MAX);
    let date = kestrel_dates::CivilDate::from_days_since_epoch(seconds.div_euclid(86_400));
    let time = seconds.rem_euclid(86_400);
    format!("{date}T{:02}:{:02}:{:02}Z", time / 3600, time % 3600 / 60, time % 60)
}

#[cfg(test)]
mod tests;
