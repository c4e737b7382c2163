//! `kestrel query`: list fused events of a store, filtered, as a table, JSON lines or CSV.

use std::fmt;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use clap::ValueEnum;
use kestrel_dates::CivilDate;
use kestrel_store::{Dyad, EventFilter, FusedEvent, Store, StoreError};

use crate::code::parse_date;

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Jsonl,
    Csv,
}

impl ListFormat {
    /// The format asked for, else a table on a terminal and JSON lines otherwise.
    pub fn or_default(format: Option<ListFormat>) -> ListFormat {
        format.unwrap_or(if io::stdout().is_terminal() {
            ListFormat::Table
        } else {
            ListFormat::Jsonl
        })
    }
}

/// The filters shared by `query`, `timeline` and `export`.
#[derive(clap::Args, Clone)]
pub struct FilterArgs {
    /// Actor code on either side; a country code matches every actor of that country.
    #[arg(long)]
    pub actor: Option<String>,
    /// Directed source and target, e.g. USA:RUS.
    #[arg(long, value_parser = parse_dyad)]
    pub dyad: Option<Dyad>,
    /// Exact CAMEO event code, e.g. 042.
    #[arg(long, conflicts_with_all = ["root", "quad"])]
    pub code: Option<String>,
    /// CAMEO root, e.g. 04.
    #[arg(long, conflicts_with = "quad")]
    pub root: Option<String>,
    /// Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    pub quad: Option<u8>,
    /// Events on or after this day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub since: Option<CivilDate>,
    /// Events on or before this day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub until: Option<CivilDate>,
    /// Modality: asserted, reported, alleged, negated...
    #[arg(long)]
    pub modality: Option<String>,
    /// Actor code of the attributed speaker.
    #[arg(long)]
    pub attribution: Option<String>,
    /// Words that must all occur in a sentence reporting the event.
    #[arg(long)]
    pub text: Option<String>,
    /// At most this many events.
    #[arg(long)]
    pub limit: Option<usize>,
}

impl FilterArgs {
    pub fn filter(&self) -> EventFilter {
        EventFilter {
            actor: self.actor.clone(),
            dyad: self.dyad.clone(),
            code: self.code.clone(),
            root: self.root.clone(),
            quad: self.quad,
            since: self.since,
            until: self.until,
            modality: self.modality.clone(),
            attribution: self.attribution.clone(),
            text: self.text.clone(),
            limit: self.limit,
            cursor: None,
        }
    }
}

pub fn parse_dyad(s: &str) -> Result<Dyad, String> {
    s.parse()
}

#[derive(clap::Args)]
pub struct QueryArgs {
    /// The store.
    #[arg(long, default_value = "kestrel.db")]
    db: PathBuf,
    #[command(flatten)]
    filters: FilterArgs,
    /// Output format (default: table on a terminal, else jsonl).
    #[arg(long, value_enum)]
    format: Option<ListFormat>,
}

/// A table on a terminal without `--limit` shows this many events.
const TABLE_DEFAULT_LIMIT: usize = 100;

/// Why a listing stopped.
#[derive(Debug)]
pub enum ListError {
    Store(StoreError),
    Output(io::Error),
}

impl From<StoreError> for ListError {
    fn from(e: StoreError) -> ListError {
        ListError::Store(e)
    }
}

impl From<io::Error> for ListError {
    fn from(e: io::Error) -> ListError {
        ListError::Output(e)
    }
}

impl fmt::Display for ListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ListError::Store(e) => e.fmt(f),
            ListError::Output(e) => write!(f, "stdout: {e}"),
        }
    }
}

/// A reader that closed the pipe early (`kestrel query | head`) has what it wanted.
pub fn ignore_closed_pipe(result: Result<(), ListError>) -> Result<(), ListError> {
    match result {
        Err(ListError::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

pub fn run(args: QueryArgs) -> Result<(), ListError> {
    let store = Store::open_existing(&args.db)?;
    let mut filter = args.filters.filter();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = match ListFormat::or_default(args.format) {
        ListFormat::Table => {
            let limited = filter.limit.is_none();
            filter.limit = Some(filter.limit.unwrap_or(TABLE_DEFAULT_LIMIT));
            let events = store.query(&filter)?;
            let full = events.len() == TABLE_DEFAULT_LIMIT;
            write_table(&mut out, &events).map_err(ListError::from).map(|()| {
                if limited && full {
                    eprintln!("kestrel: the first {TABLE_DEFAULT_LIMIT} events; --limit shows more");
                }
            })
        }
        ListFormat::Jsonl => store.for_each_event(&filter, |e| {
            serde_json::to_writer(&mut out, &e).map_err(io::Error::from)?;
            out.write_all(b"\n").map_err(ListError::from)
        }),
        ListFormat::Csv => {
            write_csv_row(&mut out, &CSV_HEADER)?;
            store.for_each_event(&filter, |e| {
                write_csv_row(&mut out, &csv_fields(&e)).map_err(ListError::from)
            })
        }
    };
    ignore_closed_pipe(result.and_then(|()| out.flush().map_err(ListError::from)))
}

/// The day an event is shown under: its own date, else the first article's.
fn shown_date(e: &FusedEvent) -> &str {
    e.record.date.as_deref().or(e.first_published.as_deref()).unwrap_or("")
}

const CSV_HEADER: [&str; 16] = [
    "id",
    "date",
    "source",
    "target",
    "code",
    "root",
    "quad_class",
    "goldstein",
    "modality",
    "attribution",
    "num_mentions",
    "num_sources",
    "num_articles",
    "first_published",
    "source_url",
    "sentence",
];

fn csv_fields(e: &FusedEvent) -> [String; 16] {
    let r = &e.record;
    [
        e.id.clone(),
        shown_date(e).to_string(),
        r.source.code.clone(),
        r.target.as_ref().map(|t| t.code.clone()).unwrap_or_default(),
        r.code.clone(),
        r.root.clone(),
        r.quad_class.to_string(),
        r.goldstein.to_string(),
        r.modality.clone(),
        r.attribution.as_ref().map(|a| a.code.clone()).unwrap_or_default(),
        e.num_mentions.to_string(),
        e.num_sources.to_string(),
        e.num_articles.to_string(),
        e.first_published.clone().unwrap_or_default(),
        e.source_url.clone().unwrap_or_default(),
        r.sentence_text.clone(),
    ]
}

/// One CSV line (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled.
pub fn write_csv_row<W: Write, S: AsRef<str>>(out: &mut W, fields: &[S]) -> io::Result<()> {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        let field = field.as_ref();
        if field.contains([',', '"', '\n', '\r']) {
            write!(out, "\"{}\"", field.replace('"', "\"\""))?;
        } else {
            out.write_all(field.as_bytes())?;
        }
    }
    out.write_all(b"\r\n")
}

/// Longest sentence excerpt in a table row, in characters.
const TABLE_SENTENCE_CHARS: usize = 60;

fn write_table<W: Write>(out: &mut W, events: &[FusedEvent]) -> io::Result<()> {
    let header = [
        "DATE", "SOURCE", "TARGET", "CODE", "Q", "GOLD", "MENT", "SRC", "ART", "ID", "SENTENCE",
    ];
    let rows: Vec<Vec<String>> = events
        .iter()
        .map(|e| {
            let r = &e.record;
            vec![
                shown_date(e).to_string(),
                r.source.code.clone(),
                r.target.as_ref().map_or_else(|| "-".to_string(), |t| t.code.clone()),
                r.code.clone(),
                r.quad_class.to_string(),
                format!("{:.1}", r.goldstein),
                e.num_mentions.to_string(),
                e.num_sources.to_string(),
                e.num_articles.to_string(),
                e.id.clone(),
                excerpt(&r.sentence_text, TABLE_SENTENCE_CHARS),
            ]
        })
        .collect();
    write_aligned(out, &header, &rows)
}

/// The text on one line, cut to `max` characters with an ellipsis.
fn excerpt(text: &str, max: usize) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        return one_line;
    }
    let mut cut: String = one_line.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// Columns padded to their widest cell, two spaces apart; the last column is not padded.
pub fn write_aligned<W: Write>(out: &mut W, header: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    for row in std::iter::once(&header).chain(rows) {
        let last = row.len().saturating_sub(1);
        for (i, (cell, width)) in row.iter().zip(&widths).enumerate() {
            if i == last {
                writeln!(out, "{cell}")?;
            } else {
                write!(out, "{cell}{}  ", " ".repeat(width - cell.chars().count()))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_only_what_needs_it() {
        let mut out = Vec::new();
        write_csv_row(&mut out, &["plain", "a,b", "say \"no\"", "two\nlines", ""]).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "plain,\"a,b\",\"say \"\"no\"\"\",\"two\nlines\",\r\n"
        );
    }

    #[test]
    fn tables_align_columns() {
        let mut out = Vec::new();
        write_aligned(
            &mut out,
            &["A", "BB", "C"],
            &[vec!["xyz".into(), "1".into(), "last".into()]],
        )
        .unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "A    BB  C\nxyz  1   last\n");
    }

    #[test]
    fn excerpts_fit_one_line() {
        assert_eq!(excerpt("a\n  b", 10), "a b");
        assert_eq!(excerpt("abcdefghij", 5), "abcd…");
    }
}
