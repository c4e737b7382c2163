//! [`EventFilter`]: which fused events a query, an export, a timeline or the HTTP API wants,
//! and its translation into a parameterised SQL condition (no value is ever spliced into SQL).

use std::fmt;
use std::str::FromStr;

use kestrel_dates::CivilDate;
use rusqlite::types::Value;

use crate::error::StoreError;

/// Which fused events to read. Every field left `None` matches everything; the fields that
/// are set must all match.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventFilter {
    /// An actor code on either side. A code matches itself and the longer codes it begins by
    /// whole three-letter blocks (`USA` matches `USAGOV`, `RUSGOV` matches `RUSGOVMIL`), and a
    /// country code also matches every actor of that country.
    pub actor: Option<String>,
    /// Source and target, each matched like `actor`.
    pub dyad: Option<Dyad>,
    /// Exact CAMEO event code ("042").
    pub code: Option<String>,
    /// CAMEO root ("04"; "4" is read as "04").
    pub root: Option<String>,
    /// Quad class, 1 to 4.
    pub quad: Option<u8>,
    /// Events filed on or after this day (see `events.date` in the schema).
    pub since: Option<CivilDate>,
    /// Events filed on or before this day; undated events are left out.
    pub until: Option<CivilDate>,
    /// Modality ("asserted", "alleged", ...).
    pub modality: Option<String>,
    /// Actor code of the attributed speaker: the code and the codes it begins.
    pub attribution: Option<String>,
    /// Words that must all occur in one of the event's mention sentences (any case).
    pub text: Option<String>,
    pub limit: Option<usize>,
    /// Continue after the event this cursor was given for (see [`crate::Page`]).
    pub cursor: Option<String>,
}

/// A directed pair of actor codes, `SRC:TGT` on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dyad {
    pub source: String,
    pub target: String,
}

impl FromStr for Dyad {
    type Err = String;

    fn from_str(s: &str) -> Result<Dyad, String> {
        let (source, target) = s
            .split_once(':')
            .ok_or_else(|| format!("invalid dyad {s:?}: expected SOURCE:TARGET, e.g. USA:RUS"))?;
        let source = actor_code(source).map_err(|e| format!("invalid dyad {s:?}: {e}"))?;
        let target = actor_code(target).map_err(|e| format!("invalid dyad {s:?}: {e}"))?;
        Ok(Dyad { source, target })
    }
}

impl fmt::Display for Dyad {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.source, self.target)
    }
}

/// Upper-cases and checks an actor code: letters and digits only.
pub fn actor_code(code: &str) -> Result<String, String> {
    let code = code.trim().to_ascii_uppercase();
    if code.is_empty() || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(format!(
            "invalid actor code {code:?}: expected letters and digits, e.g. USAGOV"
        ));
    }
    Ok(code)
}

/// The periods of a timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Day,
    /// Monday to Sunday, named by its Monday.
    Week,
    Month,
}

impl FromStr for Period {
    type Err = String;

    fn from_str(s: &str) -> Result<Period, String> {
        match s.to_ascii_lowercase().as_str() {
            "day" => Ok(Period::Day),
            "week" => Ok(Period::Week),
            "month" => Ok(Period::Month),
            _ => Err(format!("invalid period {s:?}: expected day, week or month")),
        }
    }
}

impl Period {
    /// The SQL expression naming the period of the filing date in column `date`.
    pub(crate) fn sql(self, date: &str) -> String {
        match self {
            Period::Day => date.to_string(),
            // 'weekday 0' moves forward to the next Sunday (or stays on one); six days back
            // is the Monday of the week.
            Period::Week => format!("date({date}, 'weekday 0', '-6 days')"),
            Period::Month => format!("substr({date}, 1, 7)"),
        }
    }
}

/// Where to continue a query: after the event filed on `date` with this row id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cursor {
    pub date: String,
    pub rowid: i64,
}

impl Cursor {
    pub fn encode(&self) -> String {
        format!("{}~{}", self.date, self.rowid)
    }

    pub fn decode(s: &str) -> Result<Cursor, StoreError> {
        let bad = || StoreError::InvalidFilter(format!("invalid cursor {s:?}"));
        let (date, rowid) = s.rsplit_once('~').ok_or_else(bad)?;
        if !date.is_empty() && CivilDate::parse(date).is_none() {
            return Err(bad());
        }
        Ok(Cursor {
            date: date.to_string(),
            rowid: rowid.parse().map_err(|_| bad())?,
        })
    }
}

/// A query over fused events: the tables, the condition with its parameters in order, and the
/// columns that order events by filing date.
///
/// A filter naming an actor or a dyad is driven by `event_keys k`, whose rows for that key are
/// already in date order: the first page of the events of a busy actor reads a page of keys, not
/// every event of the actor. Without one, `events e` is read through its date index.
#[derive(Debug)]
pub(crate) struct Condition {
    pub from: &'static str,
    pub sql: String,
    pub params: Vec<Value>,
    /// The filing date and the row id of the event, in the driving table.
    pub date: &'static str,
    pub rowid: &'static str,
}

impl Condition {
    /// Adds a clause that must hold too, with its parameters.
    pub fn and(&mut self, sql: &str, params: impl IntoIterator<Item = Value>) {
        if !self.sql.is_empty() {
            self.sql.push_str(" AND ");
        }
        self.sql.push_str(sql);
        self.params.extend(params);
    }

    /// `WHERE ...` or nothing.
    pub fn where_clause(&self) -> String {
        if self.sql.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.sql)
        }
    }

    /// `ORDER BY` filing date, then storage order.
    pub fn order(&self) -> String {
        format!("ORDER BY {}, {}", self.date, self.rowid)
    }
}

impl EventFilter {
    /// The same filter over all its events: aggregates (timelines, most-active lists) count
    /// every match, not one page.
    pub(crate) fn unpaged(&self) -> EventFilter {
        EventFilter {
            limit: None,
            cursor: None,
            ..self.clone()
        }
    }

    /// The query selecting this filter's events; the cursor is included, the limit is not.
    pub(crate) fn condition(&self) -> Result<Condition, StoreError> {
        let invalid = StoreError::InvalidFilter;
        let actor = self.actor.as_deref().map(actor_code).transpose().map_err(invalid)?;
        let dyad = match &self.dyad {
            Some(d) => Some((
                actor_code(&d.source).map_err(invalid)?,
                actor_code(&d.target).map_err(invalid)?,
            )),
            None => None,
        };
        let driving_key = match (&dyad, &actor) {
            (Some((source, target)), _) => Some(dyad_key(source, target)),
            (None, Some(actor)) => Some(actor_key(actor)),
            (None, None) => None,
        };
        let mut c = match driving_key {
            // CROSS JOIN keeps the keys the outer loop, so rows come in their index order.
            Some(key) => {
                let mut c = Condition {
                    from: "event_keys k CROSS JOIN events e ON e.rowid = k.event",
                    sql: String::new(),
                    params: Vec::new(),
                    date: "k.date",
                    rowid: "k.event",
                };
                c.and("k.key = ?", [Value::Text(key)]);
                c
            }
            None => Condition {
                from: "events e",
                sql: String::new(),
                params: Vec::new(),
                date: "e.date",
                rowid: "e.rowid",
            },
        };
        // An actor along with a dyad: the dyad drives, the actor is checked.
        if let (Some(actor), Some(_)) = (&actor, &dyad) {
            c.and(
                "e.rowid IN (SELECT event FROM event_keys WHERE key = ?)",
                [Value::Text(actor_key(actor))],
            );
        }
        if let Some(code) = &self.code {
            let code = code.trim();
            if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(invalid(format!(
                    "invalid event code {code:?}: expected digits, e.g. 042"
                )));
            }
            c.and("e.code = ?", [Value::Text(code.to_string())]);
        }
        if let Some(root) = &self.root {
            c.and("e.root = ?", [Value::Text(normalise_root(root).map_err(invalid)?)]);
        }
        if let Some(quad) = self.quad {
            if !(1..=4).contains(&quad) {
                return Err(invalid(format!("invalid quad class {quad}: expected 1 to 4")));
            }
            c.and("e.quad = ?", [Value::Integer(i64::from(quad))]);
        }
        let date = c.date;
        if let Some(since) = self.since {
            c.and(&format!("{date} >= ?"), [Value::Text(since.to_string())]);
        }
        if let Some(until) = self.until {
            c.and(
                &format!("{date} <= ? AND {date} != ''"),
                [Value::Text(until.to_string())],
            );
        }
        if let Some(modality) = &self.modality {
            c.and("e.modality = ?", [Value::Text(modality.trim().to_ascii_lowercase())]);
        }
        if let Some(attribution) = &self.attribution {
            let code = actor_code(attribution).map_err(invalid)?;
            let hi = prefix_upper_bound(&code);
            c.and(
                "(e.attribution >= ? AND e.attribution < ?)",
                [Value::Text(code), Value::Text(hi)],
            );
        }
        if let Some(text) = &self.text {
            let query = fts_query(text).map_err(invalid)?;
            c.and(
                "e.rowid IN (SELECT m.event FROM mentions m WHERE m.rowid IN \
                 (SELECT rowid FROM mention_text WHERE mention_text MATCH ?))",
                [Value::Text(query)],
            );
        }
        if let Some(cursor) = &self.cursor {
            let cursor = Cursor::decode(cursor)?;
            c.and(
                &format!("({date}, {}) > (?, ?)", c.rowid),
                [Value::Text(cursor.date), Value::Integer(cursor.rowid)],
            );
        }
        Ok(c)
    }
}

/// The `event_keys` key of the events with an actor on either side.
fn actor_key(actor: &str) -> String {
    format!("A:{actor}")
}

/// The `event_keys` key of the events from `source` to `target`.
fn dyad_key(source: &str, target: &str) -> String {
    format!("D:{source}>{target}")
}

/// What an actor filter can name to match this actor: the code and each shorter code made of
/// its leading three-letter blocks (RUSGOVMIL: RUS, RUSGOV, RUSGOVMIL), and its country.
fn actor_names<'a>(code: &'a str, country: Option<&'a str>) -> Vec<&'a str> {
    let mut names = Vec::new();
    if code.len().is_multiple_of(3) && code.bytes().all(|b| b.is_ascii_alphanumeric()) {
        names.extend((3..=code.len()).step_by(3).map(|end| &code[..end]));
    } else {
        names.push(code);
    }
    if let Some(country) = country {
        if !names.contains(&country) {
            names.push(country);
        }
    }
    names
}

/// The `event_keys` keys of an event with these actors (code and country): one per name of
/// either actor (see [`actor_names`]) and one per pair of a source name and a target name.
pub(crate) fn event_keys(source: (&str, Option<&str>), target: Option<(&str, Option<&str>)>) -> Vec<String> {
    let sources = actor_names(source.0, source.1);
    let targets = target.map_or_else(Vec::new, |(code, country)| actor_names(code, country));
    let mut keys: Vec<String> = sources.iter().chain(&targets).map(|a| actor_key(a)).collect();
    keys.sort_unstable();
    keys.dedup();
    for s in &sources {
        keys.extend(targets.iter().map(|t| dyad_key(s, t)));
    }
    keys
}

/// The smallest string above every code starting with `code` (codes are letters and digits,
/// all below '~').
fn prefix_upper_bound(code: &str) -> String {
    format!("{code}~")
}

/// "4" → "04"; a root is two digits.
fn normalise_root(root: &str) -> Result<String, String> {
    let root = root.trim();
    match root.len() {
        1 | 2 if root.bytes().all(|b| b.is_ascii_digit()) => Ok(format!("{root:0>2}")),
        _ => Err(format!("invalid CAMEO root {root:?}: expected two digits, e.g. 04")),
    }
}

/// An FTS5 query requiring every word: each is quoted (inner quotes doubled), so no word is
/// read as FTS syntax.
fn fts_query(words: &str) -> Result<String, String> {
    let quoted: Vec<String> = words
        .split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    if quoted.is_empty() {
        return Err("empty --text".to_string());
    }
    Ok(quoted.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dyads_parse_and_upper_case() {
        let d: Dyad = "usa:RUSGOV".parse().unwrap();
        assert_eq!(d.source, "USA");
        assert_eq!(d.target, "RUSGOV");
        assert_eq!(d.to_string(), "USA:RUSGOV");
        assert!("USA".parse::<Dyad>().is_err());
        assert!("USA:".parse::<Dyad>().is_err());
        assert!("US A:RUS".parse::<Dyad>().is_err());
    }

    #[test]
    fn periods_parse() {
        assert_eq!("Week".parse::<Period>(), Ok(Period::Week));
        assert!("year".parse::<Period>().is_err());
    }

    #[test]
    fn cursors_round_trip_and_reject_garbage() {
        let c = Cursor {
            date: "2023-08-30".into(),
            rowid: 42,
        };
        assert_eq!(Cursor::decode(&c.encode()).unwrap(), c);
        let undated = Cursor {
            date: String::new(),
            rowid: 7,
        };
        assert_eq!(Cursor::decode(&undated.encode()).unwrap(), undated);
        assert!(Cursor::decode("2023-08-30").is_err());
        assert!(Cursor::decode("yesterday~3").is_err());
        assert!(Cursor::decode("2023-08-30~x").is_err());
    }

    #[test]
    fn words_are_quoted_for_full_text_search() {
        assert_eq!(fts_query("nuclear  talks").unwrap(), "\"nuclear\" \"talks\"");
        assert_eq!(fts_query("a\"b OR").unwrap(), "\"a\"\"b\" \"OR\"");
        assert!(fts_query("   ").is_err());
    }

    #[test]
    fn events_are_keyed_by_every_name_of_their_actors() {
        assert_eq!(
            event_keys(("RUSGOVMIL", Some("RUS")), Some(("UKR", Some("UKR")))),
            [
                "A:RUS",
                "A:RUSGOV",
                "A:RUSGOVMIL",
                "A:UKR",
                "D:RUS>UKR",
                "D:RUSGOV>UKR",
                "D:RUSGOVMIL>UKR"
            ]
        );
        // Both sides of one country: the actor key once.
        assert_eq!(
            event_keys(("USAGOV", Some("USA")), Some(("USA", Some("USA")))),
            ["A:USA", "A:USAGOV", "D:USA>USA", "D:USAGOV>USA"]
        );
        assert_eq!(event_keys(("IGOUNO", None), None), ["A:IGO", "A:IGOUNO"]);
        // Not made of blocks: the code as it is, and the country.
        assert_eq!(event_keys(("X1", Some("FRA")), None), ["A:FRA", "A:X1"]);
    }

    #[test]
    fn roots_are_two_digits() {
        assert_eq!(normalise_root("4").unwrap(), "04");
        assert_eq!(normalise_root("19").unwrap(), "19");
        assert!(normalise_root("190").is_err());
        assert!(normalise_root("x").is_err());
    }

    #[test]
    fn invalid_filters_are_errors_not_panics() {
        for f in [
            EventFilter {
                quad: Some(5),
                ..EventFilter::default()
            },
            EventFilter {
                actor: Some("U S".into()),
                ..EventFilter::default()
            },
            EventFilter {
                code: Some("04a".into()),
                ..EventFilter::default()
            },
            EventFilter {
                cursor: Some("nonsense".into()),
                ..EventFilter::default()
            },
        ] {
            assert!(matches!(f.condition(), Err(StoreError::InvalidFilter(_))), "{f:?}");
        }
    }
}
