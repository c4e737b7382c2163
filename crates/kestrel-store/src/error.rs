//! Errors of the store. Every error names the database file it is about, so that a message on
//! its own tells the user which store is locked, corrupt or unreadable.

use std::fmt;
use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

#[derive(Debug)]
pub enum StoreError {
    /// The file is not a SQLite database, or its pages are damaged.
    Corrupt { path: PathBuf, message: String },
    /// Another process holds the write lock for longer than the busy timeout.
    Locked { path: PathBuf },
    /// A SQLite database, but not one written by kestrel (it has tables of its own).
    NotAStore { path: PathBuf },
    /// Written by a later kestrel with a schema this build does not know.
    NewerSchema { path: PathBuf, version: i64 },
    /// A read ran longer than the time limit set with `Store::set_query_time_limit`.
    TimedOut { path: PathBuf },
    /// A filter that cannot be applied (bad cursor, empty code...). Not about a file.
    InvalidFilter(String),
    /// Any other SQLite failure (disk full, permission denied...).
    Sqlite { path: PathBuf, message: String },
    /// A stored event record that does not read back (damaged or hand-edited row).
    BadRecord {
        path: PathBuf,
        event: String,
        message: String,
    },
}

impl StoreError {
    /// Classifies a SQLite error on the database at `path`.
    pub(crate) fn sqlite(path: &Path, e: rusqlite::Error) -> StoreError {
        let path = path.to_path_buf();
        match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
                path,
                message: e.to_string(),
            },
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Locked { path },
            // Only the deadline of `Store::limited` interrupts statements.
            Some(ErrorCode::OperationInterrupted) => StoreError::TimedOut { path },
            _ => StoreError::Sqlite {
                path,
                message: e.to_string(),
            },
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Corrupt { path, message } => write!(
                f,
                "{}: corrupt or not a database ({message}); the file was left untouched",
                path.display()
            ),
            StoreError::Locked { path } => write!(
                f,
                "{}: database is locked by another process (gave up after the busy timeout)",
                path.display()
            ),
            StoreError::NotAStore { path } => write!(
                f,
                "{}: a SQLite database with tables of its own, not a kestrel store; the file was left untouched",
                path.display()
            ),
            StoreError::NewerSchema { path, version } => write!(
                f,
                "{}: store schema version {version} is newer than this kestrel knows ({}); upgrade kestrel",
                path.display(),
                crate::schema::SCHEMA_VERSION
            ),
            StoreError::TimedOut { path } => write!(
                f,
                "{}: the query ran longer than the time limit and was stopped; narrow it (dates, actors, codes)",
                path.display()
            ),
            StoreError::InvalidFilter(message) => write!(f, "invalid filter: {message}"),
            StoreError::Sqlite { path, message } => write!(f, "{}: {message}", path.display()),
            StoreError::BadRecord { path, event, message } => {
                write!(
                    f,
                    "{}: event {event}: stored record unreadable: {message}",
                    path.display()
                )
            }
        }
    }
}

impl std::error::Error for StoreError {}
