//! Storing coded documents: de-duplication of documents, story clustering and event fusion,
//! one transaction per batch.

use kestrel::input::Document;
use kestrel::EventRecord;
use kestrel_dates::CivilDate;
use kestrel_dedup::{band_keys, candidate_key, day_span, fusion_distance, normalized_text_hash, similarity};
use kestrel_dedup::{FusionKey, Signature, SAME_STORY_THRESHOLD};
use rayon::prelude::*;
use rusqlite::{params, OptionalExtension, Transaction, TransactionBehavior};

use crate::filter::event_keys;
use crate::{now_rfc3339, Store, StoreError};

/// The earlier documents sharing a band key with a new document and published in the same week
/// or the weeks just before and after (so always those within a week of it, sometimes up to two
/// weeks). Copies and rewrites of a story appear within days; looking only there keeps the
/// lookups in the recent, cached part of the index however large the store grows. The keys come
/// as one JSON array, so that one statement looks them all up.
const STORY_CANDIDATES_SQL: &str = "SELECT document FROM story_bands \
     WHERE week IN (?1 - 1, ?1, ?1 + 1) AND band IN (SELECT value FROM json_each(?2))";

/// At most this many candidates, the most recent, are compared with a new document: bounds the
/// work for texts that collide with very many others (boilerplate-only pages).
const MAX_STORY_CANDIDATES: usize = 256;

/// The week under which a document's band keys are filed: weeks since 1970, or, for an undated
/// document, a week far from every real one, so that undated documents are compared with each
/// other only.
fn story_week(date: Option<CivilDate>) -> i64 {
    date.map_or(i64::MIN / 2, |d| d.days_since_epoch().div_euclid(7))
}

/// The longest span a mention's date can cover (a leap year), which bounds how far back the
/// events a new mention can fuse with may start.
const LONGEST_SPAN_DAYS: i64 = 366;

/// What a call of [`Store::ingest`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IngestReport {
    /// Documents stored.
    pub documents: usize,
    /// Documents skipped: already stored (same id or same normalised text), or repeated
    /// within the batch.
    pub duplicates: usize,
    /// Sentences of the stored documents.
    pub sentences: usize,
    /// Mentions stored.
    pub mentions: usize,
    /// Fused events created.
    pub new_events: usize,
    /// Mentions fused into an event that already existed.
    pub fused: usize,
    /// Stories started.
    pub stories: usize,
    /// Stored documents that joined an existing story.
    pub story_copies: usize,
}

/// A coded document with everything the store derives from it that needs no database: the
/// sentence count, the fingerprint of its normalised text and its MinHash signature. Building
/// these is pure, so callers build them in parallel and keep the single writer's transaction
/// short.
#[derive(Debug, Clone)]
pub struct PreparedDocument {
    document: Document,
    records: Vec<EventRecord>,
    sentences: usize,
    text_hash: u64,
    signature: Signature,
}

impl PreparedDocument {
    pub fn new(document: Document, records: Vec<EventRecord>) -> PreparedDocument {
        let sentences = kestrel_text::analyze(&document.text).sentences.len();
        PreparedDocument {
            sentences,
            text_hash: normalized_text_hash(&document.text),
            signature: kestrel_dedup::signature(&document.text),
            document,
            records,
        }
    }

    pub fn document(&self) -> &Document {
        &self.document
    }

    pub fn records(&self) -> &[EventRecord] {
        &self.records
    }
}

/// The outlet of a document: its source, else the host of its URL without `www.`.
pub(crate) fn outlet(document: &Document) -> Option<String> {
    if let Some(source) = document.source.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        return Some(source.to_string());
    }
    url_host(document.url.as_deref()?)
}

fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next()?;
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    let host = if host_port.starts_with('[') {
        // An IPv6 literal keeps its colons.
        host_port
            .split_once(']')
            .map_or(host_port, |(h, _)| h)
            .trim_start_matches('[')
    } else {
        host_port.split(':').next().unwrap_or(host_port)
    };
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (!host.is_empty()).then(|| host.to_string())
}

/// A day count as the `YYYY-MM-DD` the `events.date` column files it under.
fn day_string(days: i64) -> String {
    CivilDate::from_days_since_epoch(days).to_string()
}

impl Store {
    /// Stores a batch of coded documents in one transaction: all of them or, on error, none.
    /// Documents already stored (same id, or the same normalised text) are skipped.
    pub fn ingest(&mut self, docs: &[(Document, Vec<EventRecord>)]) -> Result<IngestReport, StoreError> {
        let prepared: Vec<PreparedDocument> = docs
            .par_iter()
            .map(|(doc, records)| PreparedDocument::new(doc.clone(), records.clone()))
            .collect();
        self.ingest_prepared(&prepared)
    }

    /// [`Store::ingest`] for documents prepared beforehand (in parallel, by the caller).
    pub fn ingest_prepared(&mut self, docs: &[PreparedDocument]) -> Result<IngestReport, StoreError> {
        let path = self.path.clone();
        let err = |e| StoreError::sqlite(&path, e);
        let added = now_rfc3339();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let mut report = IngestReport::default();
        let mut sentences = Vec::new();
        for doc in docs {
            store_document(&tx, doc, &added, &mut report, &mut sentences).map_err(err)?;
        }
        index_sentences(&tx, &sentences).map_err(err)?;
        add_to_totals(&tx, &report).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(report)
    }

    /// Whether a document with this id or the same normalised text is stored already.
    pub fn contains(&self, document: &Document) -> Result<bool, StoreError> {
        known(&self.conn, &document.id, normalized_text_hash(&document.text) as i64).map_err(|e| self.error(e))
    }
}

fn known(conn: &rusqlite::Connection, id: &str, text_hash: i64) -> rusqlite::Result<bool> {
    let mut stmt = conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM documents WHERE id = ?1) \
             OR EXISTS (SELECT 1 FROM documents WHERE text_hash = ?2)",
    )?;
    stmt.query_row(params![id, text_hash], |r| r.get(0))
}

fn store_document<'a>(
    tx: &Transaction,
    doc: &'a PreparedDocument,
    added: &str,
    report: &mut IngestReport,
    sentences: &mut Vec<(i64, &'a str)>,
) -> rusqlite::Result<()> {
    let d = &doc.document;
    // Stored as SQLite's signed integer; the cast keeps all 64 bits.
    let text_hash = doc.text_hash as i64;
    if known(tx, &d.id, text_hash)? {
        report.duplicates += 1;
        return Ok(());
    }
    let rowid = next_rowid(tx, "documents")?;
    // As SQLite's signed integers; the cast keeps all 64 bits.
    let bands: Vec<i64> = band_keys(&doc.signature).into_iter().map(|k| k as i64).collect();
    let bands = serde_json::to_string(&bands).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    let week = story_week(d.date);
    let story = match find_story(tx, &doc.signature, week, &bands)? {
        Some(story) => {
            tx.prepare_cached("UPDATE stories SET documents = documents + 1 WHERE rowid = ?")?
                .execute([story])?;
            report.story_copies += 1;
            story
        }
        None => {
            tx.prepare_cached("INSERT INTO stories (rowid, documents) VALUES (?, 1)")?
                .execute([rowid])?;
            report.stories += 1;
            rowid
        }
    };
    let outlet = outlet(d);
    let published = d.date.map(|date| date.to_string());
    tx.prepare_cached(
        "INSERT INTO documents (rowid, id, text_hash, date, title, url, outlet, sentences, story, signature, added) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?
    .execute(params![
        rowid,
        d.id,
        text_hash,
        published,
        d.title,
        d.url,
        outlet,
        i64::try_from(doc.sentences).unwrap_or(i64::MAX),
        story,
        doc.signature.to_bytes(),
        added,
    ])?;
    tx.prepare_cached("INSERT INTO document_texts (rowid, text) VALUES (?, ?)")?
        .execute(params![rowid, d.text])?;
    tx.prepare_cached(
        "INSERT OR IGNORE INTO story_bands (week, band, document) SELECT ?1, value, ?2 FROM json_each(?3)",
    )?
    .execute(params![week, rowid, bands])?;
    let article = Article {
        rowid,
        date: d.date,
        url: d.url.as_deref(),
        outlet: outlet.as_deref(),
    };
    for record in &doc.records {
        let mention = store_mention(tx, &article, record, added, report)?;
        sentences.push((mention, record.sentence_text.as_str()));
    }
    report.documents += 1;
    report.sentences += doc.sentences;
    Ok(())
}

/// The row id the next row of `table` gets. (A bare `max(rowid)`: SQLite reads it from the end
/// of the table only when nothing wraps it.)
fn next_rowid(tx: &Transaction, table: &'static str) -> rusqlite::Result<i64> {
    let last: Option<i64> = tx
        .prepare_cached(&format!("SELECT max(rowid) FROM {table}"))?
        .query_row([], |r| r.get(0))?;
    Ok(last.unwrap_or(0) + 1)
}

/// The story of the most similar earlier document among the candidates (see
/// [`STORY_CANDIDATES_SQL`]), if it is similar enough (ties: the earliest document), as
/// `kestrel_dedup::StoryClusters` does.
fn find_story(tx: &Transaction, signature: &Signature, week: i64, bands: &str) -> rusqlite::Result<Option<i64>> {
    // A document sharing several keys comes once per key: sorted and deduplicated here, which
    // costs less than SQL's DISTINCT and ORDER BY on temporary trees.
    let mut candidates: Vec<i64> = tx
        .prepare_cached(STORY_CANDIDATES_SQL)?
        .query_map(params![week, bands], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    candidates.sort_unstable();
    candidates.dedup();
    let recent = candidates.len().saturating_sub(MAX_STORY_CANDIDATES);
    let mut read = tx.prepare_cached("SELECT signature, story FROM documents WHERE rowid = ?")?;
    let mut best: Option<(f64, i64)> = None;
    for rowid in &candidates[recent..] {
        let (bytes, story): (Vec<u8>, i64) = read.query_row([rowid], |r| Ok((r.get(0)?, r.get(1)?)))?;
        // A signature that does not read back (a damaged row) is no candidate.
        let Ok(other) = Signature::from_bytes(&bytes) else {
            continue;
        };
        let s = similarity(signature, &other);
        if s >= SAME_STORY_THRESHOLD && best.is_none_or(|(b, _)| s > b) {
            best = Some((s, story));
        }
    }
    Ok(best.map(|(_, story)| story))
}

/// The document a mention comes from.
struct Article<'a> {
    rowid: i64,
    date: Option<CivilDate>,
    url: Option<&'a str>,
    outlet: Option<&'a str>,
}

/// Stores one mention and returns its row id. It joins the nearest stored event it is the same
/// event as (`kestrel_dedup::fusion_distance`, ties: the earliest event), else a new event.
fn store_mention(
    tx: &Transaction,
    article: &Article,
    record: &EventRecord,
    added: &str,
    report: &mut IngestReport,
) -> rusqlite::Result<i64> {
    let key = FusionKey::from_record(record, article.date);
    let span = day_span(&key).map(|(start, end)| (start.days_since_epoch(), end.days_since_epoch()));
    let fusion_key = candidate_key(&key);
    let json = serde_json::to_string(record).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    let existing = match span {
        Some(span) => find_event(tx, &fusion_key, &key, span)?,
        None => None,
    };
    let event = match &existing {
        Some(stored) => {
            add_to_event(tx, stored, article)?;
            report.fused += 1;
            stored.rowid
        }
        None => next_rowid(tx, "events")?,
    };
    let mention: i64 = tx
        .prepare_cached("INSERT INTO mentions (event, document, outlet, record) VALUES (?, ?, ?, ?) RETURNING rowid")?
        .query_row(params![event, article.rowid, article.outlet, json], |r| r.get(0))?;
    if existing.is_none() {
        let new = NewEvent {
            rowid: event,
            representative: mention,
            key: &key,
            fusion_key: &fusion_key,
            span,
        };
        new_event(tx, &new, record, article, added)?;
        report.new_events += 1;
    }
    report.mentions += 1;
    Ok(mention)
}

/// Counts a batch in the totals `stats` reads.
fn add_to_totals(tx: &Transaction, report: &IngestReport) -> rusqlite::Result<()> {
    let mut add = tx.prepare_cached("UPDATE totals SET value = value + ? WHERE name = ?")?;
    for (name, n) in [
        ("documents", report.documents),
        ("sentences", report.sentences),
        ("events", report.new_events),
        ("mentions", report.mentions),
        ("stories", report.stories),
    ] {
        add.execute(params![i64::try_from(n).unwrap_or(i64::MAX), name])?;
    }
    Ok(())
}

/// Adds the mentions' sentences to the full-text index, in one statement at the end of the
/// batch: FTS5 writes its pending terms to disk at every statement savepoint of a transaction
/// that has written to it, so inserting them one by one among the other writes would flush
/// after each statement.
fn index_sentences(tx: &Transaction, sentences: &[(i64, &str)]) -> rusqlite::Result<()> {
    if sentences.is_empty() {
        return Ok(());
    }
    let json = serde_json::to_string(sentences).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    tx.execute(
        "INSERT INTO mention_text (rowid, sentence) SELECT value ->> 0, value ->> 1 FROM json_each(?)",
        [json],
    )?;
    Ok(())
}

/// The stored event a mention with `key` and day `span` joins, if any.
/// A stored event a mention joins: its row and its representative's key.
struct StoredEvent {
    rowid: i64,
    key: FusionKey,
}

fn find_event(
    tx: &Transaction,
    fusion_key: &str,
    key: &FusionKey,
    span: (i64, i64),
) -> rusqlite::Result<Option<StoredEvent>> {
    // A stored span overlapping [start - window, end + window] starts at most the longest
    // span length before it.
    let window = kestrel_dedup::FUSION_WINDOW_DAYS;
    let low = span.0 - window - LONGEST_SPAN_DAYS;
    let high = span.1 + window;
    let mut stmt = tx.prepare_cached(
        "SELECT rowid, source_code, target_code, code, event_date, published, modality FROM events \
         WHERE fusion_key = ?1 AND span_start BETWEEN ?2 AND ?3 AND span_end >= ?4 ORDER BY rowid",
    )?;
    let mut rows = stmt.query(params![fusion_key, low, high, span.0 - window])?;
    let mut best: Option<(i64, StoredEvent)> = None;
    while let Some(row) = rows.next()? {
        let event_date: Option<String> = row.get(4)?;
        let published: Option<String> = row.get(5)?;
        let stored = FusionKey {
            source: row.get(1)?,
            target: row.get(2)?,
            code: row.get(3)?,
            date: event_date.as_deref().and_then(kestrel_dates::EventDate::parse),
            published: published.as_deref().and_then(CivilDate::parse),
            modality: row.get(6)?,
        };
        if let Some(distance) = fusion_distance(key, &stored) {
            if best.as_ref().is_none_or(|(d, _)| distance < *d) {
                let rowid = row.get(0)?;
                best = Some((distance, StoredEvent { rowid, key: stored }));
            }
        }
    }
    Ok(best.map(|(_, event)| event))
}

/// Counts one more mention of `event` from `article`.
fn add_to_event(tx: &Transaction, stored: &StoredEvent, article: &Article) -> rusqlite::Result<()> {
    let event = stored.rowid;
    let new_article: bool = tx
        .prepare_cached("SELECT NOT EXISTS (SELECT 1 FROM mentions WHERE event = ? AND document = ?)")?
        .query_row(params![event, article.rowid], |r| r.get(0))?;
    let new_outlet: bool = tx
        .prepare_cached("SELECT NOT EXISTS (SELECT 1 FROM mentions WHERE event = ? AND outlet IS ?)")?
        .query_row(params![event, article.outlet], |r| r.get(0))?;
    tx.prepare_cached(
        "UPDATE events SET num_mentions = num_mentions + 1, num_articles = num_articles + ?2, \
         num_sources = num_sources + ?3, \
         first_published = CASE WHEN ?4 IS NOT NULL AND (first_published IS NULL OR ?4 < first_published) \
                                THEN ?4 ELSE first_published END \
         WHERE rowid = ?1",
    )?
    .execute(params![
        event,
        i64::from(new_article),
        i64::from(new_outlet),
        article.date.map(|d| d.to_string())
    ])?;
    let (source, target) = (&stored.key.source, stored.key.target.as_ref());
    tx.prepare_cached("UPDATE actor_counts SET mentions = mentions + 1 WHERE code IN (?, ?)")?
        .execute(params![source, target])?;
    if let Some(target) = target {
        tx.prepare_cached("UPDATE dyad_counts SET mentions = mentions + 1 WHERE source = ? AND target = ?")?
            .execute([source, target])?;
    }
    Ok(())
}

/// A fused event about to be stored with its first mention.
struct NewEvent<'a> {
    rowid: i64,
    /// The row of the first mention, whose record is the event's.
    representative: i64,
    key: &'a FusionKey,
    fusion_key: &'a str,
    span: Option<(i64, i64)>,
}

fn new_event(
    tx: &Transaction,
    new: &NewEvent,
    record: &EventRecord,
    article: &Article,
    added: &str,
) -> rusqlite::Result<()> {
    let id = unused_event_id(tx, &record.event_id)?;
    let published = new.key.published.map(|d| d.to_string());
    let date = new.span.map_or_else(String::new, |(start, _)| day_string(start));
    tx.prepare_cached(
        "INSERT INTO events (rowid, id, representative, fusion_key, date, event_date, published, span_start, \
         span_end, source_code, source_country, target_code, target_country, code, root, quad, goldstein, \
         modality, attribution, num_mentions, num_sources, num_articles, first_published, source_url, added) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, 1, ?, ?, ?)",
    )?
    .execute(params![
        new.rowid,
        id,
        new.representative,
        new.fusion_key,
        date,
        record.date,
        published,
        new.span.map(|s| s.0),
        new.span.map(|s| s.1),
        record.source.code,
        record.source.country,
        record.target.as_ref().map(|t| &t.code),
        record.target.as_ref().and_then(|t| t.country.as_ref()),
        record.code,
        record.root,
        record.quad_class,
        record.goldstein,
        record.modality,
        record.attribution.as_ref().map(|a| &a.code),
        published,
        article.url,
        added,
    ])?;
    let keys = event_keys(
        (&record.source.code, record.source.country.as_deref()),
        record.target.as_ref().map(|t| (t.code.as_str(), t.country.as_deref())),
    );
    let keys = serde_json::to_string(&keys).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    tx.prepare_cached("INSERT OR IGNORE INTO event_keys (key, date, event) SELECT value, ?, ? FROM json_each(?)")?
        .execute(params![date, new.rowid, keys])?;
    let mut count_actor = tx.prepare_cached(
        "INSERT INTO actor_counts (code, events, mentions) VALUES (?, 1, 1) \
         ON CONFLICT (code) DO UPDATE SET events = events + 1, mentions = mentions + 1",
    )?;
    count_actor.execute([&record.source.code])?;
    if let Some(target) = record.target.as_ref().filter(|t| t.code != record.source.code) {
        count_actor.execute([&target.code])?;
    }
    if let Some(target) = &record.target {
        tx.prepare_cached(
            "INSERT INTO dyad_counts (source, target, events, mentions) VALUES (?, ?, 1, 1) \
             ON CONFLICT (source, target) DO UPDATE SET events = events + 1, mentions = mentions + 1",
        )?
        .execute([&record.source.code, &target.code])?;
    }
    Ok(())
}

/// The record's event id, or, in the unlikely case that it is taken (two documents whose ids
/// hash alike), the id with the first free `-N` suffix: a collision must not fail the batch.
fn unused_event_id(tx: &Transaction, event_id: &str) -> rusqlite::Result<String> {
    let mut exists = tx.prepare_cached("SELECT 1 FROM events WHERE id = ?")?;
    if exists.query_row([event_id], |_| Ok(())).optional()?.is_none() {
        return Ok(event_id.to_string());
    }
    let mut n = 2u64;
    loop {
        let candidate = format!("{event_id}-{n}");
        if exists.query_row([&candidate], |_| Ok(())).optional()?.is_none() {
            return Ok(candidate);
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(source: Option<&str>, url: Option<&str>) -> Document {
        Document {
            id: "d".into(),
            date: None,
            text: String::new(),
            title: None,
            url: url.map(Into::into),
            source: source.map(Into::into),
        }
    }

    #[test]
    fn outlet_is_the_source_else_the_url_host() {
        assert_eq!(
            outlet(&doc(Some("Reuters"), Some("https://x.org/a"))).as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            outlet(&doc(None, Some("https://www.BBC.co.uk/news/1?x#y"))).as_deref(),
            Some("bbc.co.uk")
        );
        assert_eq!(
            outlet(&doc(Some("  "), Some("http://user@host.example:8080/p"))).as_deref(),
            Some("host.example")
        );
        assert_eq!(outlet(&doc(None, Some("http://[::1]:8080/p"))).as_deref(), Some("::1"));
        assert_eq!(outlet(&doc(None, None)), None);
        assert_eq!(outlet(&doc(None, Some("https:///nohost"))), None);
    }
}
