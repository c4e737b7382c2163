//! Reading fused events: queries, streaming, one event with its mentions, timelines and the
//! most active actors and dyads.

use kestrel::EventRecord;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Row};

use crate::filter::{Cursor, Dyad, EventFilter, Period};
use crate::{ActorCount, DyadCount, FusedEvent, Mention, Page, Store, StoreError, TimelineRow};

/// The columns [`Store::fused_event`] reads, in its order, and the tables they come from: the
/// event's record is its representative mention's.
const EVENT_COLUMNS: &str = "e.rowid, e.date, e.id, e.num_mentions, e.num_sources, e.num_articles, \
                             e.first_published, e.source_url, e.added, rep.record";
const REPRESENTATIVE: &str = "JOIN mentions rep ON rep.rowid = e.representative";

impl Store {
    /// The events matching `f`, in filing order (date, then storage order), at most `f.limit`.
    pub fn query(&self, f: &EventFilter) -> Result<Vec<FusedEvent>, StoreError> {
        Ok(self.query_page(f)?.events)
    }

    /// Like [`Store::query`], with the cursor that continues after the last event when the
    /// page is full (set it as `f.cursor` for the next page).
    pub fn query_page(&self, f: &EventFilter) -> Result<Page, StoreError> {
        let mut events = Vec::new();
        let mut last = None;
        self.each_event(f, |cursor, event| {
            events.push(event);
            last = Some(cursor);
            Ok::<(), StoreError>(())
        })?;
        let full = f.limit.is_some_and(|limit| events.len() == limit && limit > 0);
        Ok(Page {
            events,
            next_cursor: last.filter(|_| full).map(|c| c.encode()),
        })
    }

    /// Hands every event matching `f` to `each`, in filing order, without holding them all in
    /// memory; stops at the first error of `each`.
    pub fn for_each_event<E: From<StoreError>>(
        &self,
        f: &EventFilter,
        mut each: impl FnMut(FusedEvent) -> Result<(), E>,
    ) -> Result<(), E> {
        self.each_event(f, |_, event| each(event))
    }

    fn each_event<E: From<StoreError>>(
        &self,
        f: &EventFilter,
        each: impl FnMut(Cursor, FusedEvent) -> Result<(), E>,
    ) -> Result<(), E> {
        self.limited(|| self.read_events(f, each))
    }

    fn read_events<E: From<StoreError>>(
        &self,
        f: &EventFilter,
        mut each: impl FnMut(Cursor, FusedEvent) -> Result<(), E>,
    ) -> Result<(), E> {
        let condition = f.condition()?;
        let mut params = condition.params.clone();
        let limit = match f.limit {
            Some(limit) => {
                params.push(sql_limit(limit));
                "LIMIT ?"
            }
            None => "",
        };
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM {} {REPRESENTATIVE} {} {} {limit}",
            condition.from,
            condition.where_clause(),
            condition.order()
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.error(e))?;
        let mut rows = stmt.query(params_from_iter(params)).map_err(|e| self.error(e))?;
        while let Some(row) = rows.next().map_err(|e| self.error(e))? {
            let (cursor, event) = self.fused_event(row)?;
            each(cursor, event)?;
        }
        Ok(())
    }

    /// Reads a row of [`EVENT_COLUMNS`].
    fn fused_event(&self, row: &Row) -> Result<(Cursor, FusedEvent), StoreError> {
        let get = |e| self.error(e);
        let id: String = row.get(2).map_err(get)?;
        let json: String = row.get(9).map_err(get)?;
        let record = serde_json::from_str(&json).map_err(|e| StoreError::BadRecord {
            path: self.path.clone(),
            event: id.clone(),
            message: e.to_string(),
        })?;
        let count = |i| -> Result<u32, StoreError> {
            let n: i64 = row.get(i).map_err(get)?;
            Ok(u32::try_from(n).unwrap_or(u32::MAX))
        };
        let cursor = Cursor {
            rowid: row.get(0).map_err(get)?,
            date: row.get(1).map_err(get)?,
        };
        let event = FusedEvent {
            id,
            record,
            num_mentions: count(3)?,
            num_sources: count(4)?,
            num_articles: count(5)?,
            first_published: row.get(6).map_err(get)?,
            source_url: row.get(7).map_err(get)?,
            added: row.get(8).map_err(get)?,
        };
        Ok((cursor, event))
    }

    /// One fused event by id, with all its mentions in storage order.
    pub fn event(&self, id: &str) -> Result<Option<(FusedEvent, Vec<Mention>)>, StoreError> {
        self.limited(|| self.read_event(id))
    }

    fn read_event(&self, id: &str) -> Result<Option<(FusedEvent, Vec<Mention>)>, StoreError> {
        let sql = format!("SELECT {EVENT_COLUMNS} FROM events e {REPRESENTATIVE} WHERE e.id = ?");
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.error(e))?;
        let mut rows = stmt.query([id]).map_err(|e| self.error(e))?;
        let Some(row) = rows.next().map_err(|e| self.error(e))? else {
            return Ok(None);
        };
        let (cursor, event) = self.fused_event(row)?;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT d.id, d.outlet, d.url, d.title, d.date, m.record, t.text FROM mentions m \
                 JOIN documents d ON d.rowid = m.document \
                 LEFT JOIN document_texts t ON t.rowid = d.rowid \
                 WHERE m.event = ? ORDER BY m.rowid",
            )
            .map_err(|e| self.error(e))?;
        let mut rows = stmt.query([cursor.rowid]).map_err(|e| self.error(e))?;
        let mut mentions = Vec::new();
        while let Some(row) = rows.next().map_err(|e| self.error(e))? {
            let get = |e| self.error(e);
            let json: String = row.get(5).map_err(get)?;
            let record: EventRecord = serde_json::from_str(&json).map_err(|e| StoreError::BadRecord {
                path: self.path.clone(),
                event: id.to_string(),
                message: e.to_string(),
            })?;
            let text: Option<String> = row.get(6).map_err(get)?;
            mentions.push(Mention {
                sentence_offset: text.and_then(|text| sentence_offset(&text, &record)),
                doc_id: row.get(0).map_err(get)?,
                outlet: row.get(1).map_err(get)?,
                url: row.get(2).map_err(get)?,
                title: row.get(3).map_err(get)?,
                published: row.get(4).map_err(get)?,
                record,
            });
        }
        Ok(Some((event, mentions)))
    }

    /// Per period, the dated events of `dyad` (which replaces any dyad in `f`; `None` keeps
    /// the filter's) that also match the rest of `f`: counts per quad class and the Goldstein
    /// sum. The limit and cursor of `f` are ignored. Periods without events are left out.
    pub fn timeline(&self, dyad: Option<&Dyad>, by: Period, f: &EventFilter) -> Result<Vec<TimelineRow>, StoreError> {
        self.limited(|| self.read_timeline(dyad, by, f))
    }

    fn read_timeline(&self, dyad: Option<&Dyad>, by: Period, f: &EventFilter) -> Result<Vec<TimelineRow>, StoreError> {
        let mut f = f.unpaged();
        if let Some(dyad) = dyad {
            f.dyad = Some(dyad.clone());
        }
        let mut condition = f.condition()?;
        let dated = format!("{} != ''", condition.date);
        condition.and(&dated, []);
        let period = by.sql(condition.date);
        let sql = format!(
            "SELECT {period} AS period, count(*), sum(e.quad = 1), sum(e.quad = 2), sum(e.quad = 3), \
             sum(e.quad = 4), total(e.goldstein), sum(e.num_mentions) FROM {} {} \
             GROUP BY period ORDER BY period",
            condition.from,
            condition.where_clause()
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.error(e))?;
        let mut rows = stmt
            .query(params_from_iter(condition.params))
            .map_err(|e| self.error(e))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(|e| self.error(e))? {
            let get = |e| self.error(e);
            let n = |i| -> Result<u64, StoreError> {
                let n: i64 = row.get(i).map_err(get)?;
                Ok(u64::try_from(n).unwrap_or(0))
            };
            out.push(TimelineRow {
                period: row.get(0).map_err(get)?,
                events: n(1)?,
                quad: [n(2)?, n(3)?, n(4)?, n(5)?],
                goldstein: row.get(6).map_err(get)?,
                mentions: n(7)?,
            });
        }
        Ok(out)
    }

    /// The `limit` actor codes in most events matching `f` (as source or target, once per event),
    /// most active first, ties by code. The limit and cursor of `f` are ignored.
    pub fn actors(&self, f: &EventFilter, limit: usize) -> Result<Vec<ActorCount>, StoreError> {
        self.limited(|| self.read_actors(f, limit))
    }

    fn read_actors(&self, f: &EventFilter, limit: usize) -> Result<Vec<ActorCount>, StoreError> {
        let f = f.unpaged();
        let limit = sql_limit(limit);
        let (sql, params) = if f == EventFilter::default() {
            let sql = "SELECT code, events, mentions FROM actor_counts ORDER BY events DESC, code LIMIT ?".to_string();
            (sql, vec![limit])
        } else {
            let condition = f.condition()?;
            let where_clause = condition.where_clause();
            let target_clause = if condition.sql.is_empty() {
                "WHERE".to_string()
            } else {
                format!("{where_clause} AND")
            };
            let from = condition.from;
            let sql = format!(
                "SELECT code, count(*) AS n, sum(mentions) FROM ( \
                   SELECT e.source_code AS code, e.num_mentions AS mentions FROM {from} {where_clause} \
                   UNION ALL \
                   SELECT e.target_code, e.num_mentions FROM {from} {target_clause} \
                     e.target_code IS NOT NULL AND e.target_code != e.source_code \
                 ) GROUP BY code ORDER BY n DESC, code LIMIT ?"
            );
            let mut params = condition.params.clone();
            params.extend(condition.params);
            params.push(limit);
            (sql, params)
        };
        self.counted_rows(&sql, params, |row| {
            Ok(ActorCount {
                code: row.get(0)?,
                events: count(row.get(1)?),
                mentions: count(row.get(2)?),
            })
        })
    }

    /// The `limit` directed source-target pairs with most events matching `f`, most active
    /// first, ties by codes. The limit and cursor of `f` are ignored.
    pub fn dyads(&self, f: &EventFilter, limit: usize) -> Result<Vec<DyadCount>, StoreError> {
        self.limited(|| self.read_dyads(f, limit))
    }

    fn read_dyads(&self, f: &EventFilter, limit: usize) -> Result<Vec<DyadCount>, StoreError> {
        let f = f.unpaged();
        let limit = sql_limit(limit);
        let (sql, params) = if f == EventFilter::default() {
            let sql = "SELECT source, target, events, mentions FROM dyad_counts \
                       ORDER BY events DESC, source, target LIMIT ?"
                .to_string();
            (sql, vec![limit])
        } else {
            let mut condition = f.condition()?;
            condition.and("e.target_code IS NOT NULL", []);
            let sql = format!(
                "SELECT e.source_code, e.target_code, count(*) AS n, sum(e.num_mentions) FROM {} {} \
                 GROUP BY e.source_code, e.target_code ORDER BY n DESC, e.source_code, e.target_code LIMIT ?",
                condition.from,
                condition.where_clause()
            );
            let mut params = condition.params;
            params.push(limit);
            (sql, params)
        };
        self.counted_rows(&sql, params, |row| {
            Ok(DyadCount {
                source: row.get(0)?,
                target: row.get(1)?,
                events: count(row.get(2)?),
                mentions: count(row.get(3)?),
            })
        })
    }

    /// Runs a counting query and builds one value per row (the most-active lists).
    fn counted_rows<T>(
        &self,
        sql: &str,
        params: Vec<Value>,
        build: impl Fn(&Row) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, StoreError> {
        let mut stmt = self.conn.prepare(sql).map_err(|e| self.error(e))?;
        let mut rows = stmt.query(params_from_iter(params)).map_err(|e| self.error(e))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(|e| self.error(e))? {
            out.push(build(row).map_err(|e| self.error(e))?);
        }
        Ok(out)
    }
}

/// Where the mention's sentence starts in its article: the occurrence of the sentence text
/// that contains the trigger (a sentence may occur more than once in an article).
fn sentence_offset(text: &str, record: &EventRecord) -> Option<usize> {
    let sentence = record.sentence_text.as_str();
    if sentence.is_empty() {
        return None;
    }
    let [start, end] = record.trigger.span;
    text.match_indices(sentence)
        .map(|(offset, _)| offset)
        .find(|&offset| offset <= start && end <= offset + sentence.len())
}

/// A row limit as a SQL value (SQLite integers are signed).
fn sql_limit(limit: usize) -> Value {
    Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX))
}

/// A SQL count as an unsigned number (SQLite has only signed integers).
fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}
