//! The tables and indexes, created on first use and versioned with `PRAGMA user_version`.
//!
//! - `documents`: one row per stored article, unique by id and by normalised-text fingerprint.
//! - `stories`: clusters of near-duplicate articles; `story_bands` indexes each document's LSH
//!   band keys, under the week of its publication, to find candidates among the articles of
//!   the same and the neighbouring weeks.
//! - `events`: fused events: their representative (first) mention, whose record is the event's,
//!   the counts, and the columns the filters use, copied out of the record and indexed.
//! - `event_keys`: the names of each event's actors and dyads, which actor and dyad filters
//!   look up in date order.
//! - `mentions`: every coded event of every document, linked to its fused event and document;
//!   `mention_text` is a contentless full-text index of their sentences.
//! - `totals`, `actor_counts`, `dyad_counts`: the counts of `stats` and of the unfiltered
//!   `actors` and `dyads`, updated by every batch.
//!
//! Dates are `YYYY-MM-DD` text, so that comparing strings compares dates.
//! `span_start`/`span_end` are the days (since 1970-01-01) the representative mention's date
//! covers, which bound the events a new mention is compared with. `events.date` is the
//! day the event is filed under: its own date (the first day of the month or year for a coarser
//! date), else the publication date of its first article, else '' (unknown, sorted first).

use rusqlite::{Connection, TransactionBehavior};

use crate::error::StoreError;
use std::path::Path;

/// Bump when the tables change, and add the migration from the previous version to [`open`].
pub const SCHEMA_VERSION: i64 = 1;

const CREATE: &str = "
CREATE TABLE documents (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    text_hash INTEGER NOT NULL UNIQUE,
    date TEXT,
    title TEXT,
    url TEXT,
    outlet TEXT,
    sentences INTEGER NOT NULL,
    story INTEGER NOT NULL,
    signature BLOB NOT NULL,
    added TEXT NOT NULL
);
CREATE INDEX documents_story ON documents(story);

-- Apart from the metadata, so that counting and listing documents does not read every text.
CREATE TABLE document_texts (
    rowid INTEGER PRIMARY KEY,
    text TEXT NOT NULL
);

-- A story's id is the rowid of its first document.
CREATE TABLE stories (
    rowid INTEGER PRIMARY KEY,
    documents INTEGER NOT NULL
);

CREATE TABLE story_bands (
    week INTEGER NOT NULL,
    band INTEGER NOT NULL,
    document INTEGER NOT NULL,
    PRIMARY KEY (week, band, document)
) WITHOUT ROWID;

CREATE TABLE events (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    representative INTEGER NOT NULL REFERENCES mentions(rowid),
    fusion_key TEXT NOT NULL,
    date TEXT NOT NULL,
    event_date TEXT,
    published TEXT,
    span_start INTEGER,
    span_end INTEGER,
    source_code TEXT NOT NULL,
    source_country TEXT,
    target_code TEXT,
    target_country TEXT,
    code TEXT NOT NULL,
    root TEXT NOT NULL,
    quad INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    modality TEXT NOT NULL,
    attribution TEXT,
    num_mentions INTEGER NOT NULL,
    num_sources INTEGER NOT NULL,
    num_articles INTEGER NOT NULL,
    first_published TEXT,
    source_url TEXT,
    added TEXT NOT NULL
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_fusion ON events(fusion_key, span_start, span_end);
CREATE INDEX events_code ON events(code, date);
CREATE INDEX events_root ON events(root, date);

-- What actor and dyad filters look up, in date order: 'A:<name>' for each name of either actor
-- and 'D:<source name>><target name>' for each pair (names: the code, the codes made of its
-- leading three-letter blocks, the country).
CREATE TABLE event_keys (
    key TEXT NOT NULL,
    date TEXT NOT NULL,
    event INTEGER NOT NULL,
    PRIMARY KEY (key, date, event)
) WITHOUT ROWID;

CREATE TABLE mentions (
    rowid INTEGER PRIMARY KEY,
    -- Deferred: a new event's first mention is stored just before the event row.
    event INTEGER NOT NULL REFERENCES events(rowid) DEFERRABLE INITIALLY DEFERRED,
    document INTEGER NOT NULL REFERENCES documents(rowid),
    outlet TEXT,
    record TEXT NOT NULL
);
CREATE INDEX mentions_event ON mentions(event, document);
CREATE INDEX mentions_document ON mentions(document);

-- Events and mentions per actor code (either side, once per event) and per directed pair of
-- codes, kept by every batch: `actors` and `dyads` without a filter read these, not every event.
CREATE TABLE actor_counts (
    code TEXT PRIMARY KEY,
    events INTEGER NOT NULL,
    mentions INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE dyad_counts (
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    events INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (source, target)
) WITHOUT ROWID;

-- The counts `stats` reports, kept by each batch so that reading them costs nothing.
CREATE TABLE totals (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO totals (name, value) VALUES
    ('documents', 0), ('sentences', 0), ('events', 0), ('mentions', 0), ('stories', 0);

CREATE VIRTUAL TABLE mention_text USING fts5(sentence, content='', tokenize='unicode61');
";

/// Creates the tables on a new (empty) database, checks the version of an existing one.
/// A database that has tables but no kestrel version is refused, not modified.
pub fn prepare(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    let err = |e| StoreError::sqlite(path, e);
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(err)?;
    if version == SCHEMA_VERSION {
        return Ok(());
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            version,
        });
    }
    // Immediate: two processes creating the same new store serialise here, and the second
    // sees the first one's tables when it checks again.
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(err)?;
    let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(err)?;
    if version == SCHEMA_VERSION {
        return Ok(());
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            version,
        });
    }
    let tables: i64 = tx
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(err)?;
    if tables > 0 {
        return Err(StoreError::NotAStore {
            path: path.to_path_buf(),
        });
    }
    tx.execute_batch(CREATE).map_err(err)?;
    tx.pragma_update(None, "user_version", SCHEMA_VERSION).map_err(err)?;
    tx.commit().map_err(err)
}
