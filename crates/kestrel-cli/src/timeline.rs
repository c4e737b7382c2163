//! `kestrel timeline`: per day, week or month, the fused events of a dyad (or of the whole
//! store) by quad class and their Goldstein sum.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use clap::ValueEnum;
use kestrel_dates::CivilDate;
use kestrel_store::{Dyad, EventFilter, Period, Store, TimelineRow};

use crate::code::parse_date;
use crate::query::{ignore_closed_pipe, parse_dyad, write_aligned, write_csv_row, ListError, ListFormat};

#[derive(Clone, Copy, ValueEnum)]
enum PeriodArg {
    Day,
    Week,
    Month,
}

#[derive(clap::Args)]
pub struct TimelineArgs {
    /// Directed source and target, e.g. USA:RUS; a country code matches all its actors.
    /// Without it, every dated event counts.
    #[arg(long, value_parser = parse_dyad)]
    dyad: Option<Dyad>,
    /// The store.
    #[arg(long, default_value = "kestrel.db")]
    db: PathBuf,
    /// Period length; weeks run Monday to Sunday and are named by their Monday.
    #[arg(long, value_enum, default_value = "month")]
    by: PeriodArg,
    /// Events on or after this day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    since: Option<CivilDate>,
    /// Events on or before this day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    until: Option<CivilDate>,
    /// Output format (default: table on a terminal, else jsonl).
    #[arg(long, value_enum)]
    format: Option<ListFormat>,
}

const COLUMNS: [&str; 8] = [
    "period",
    "events",
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
    "goldstein",
    "mentions",
];

pub fn run(args: TimelineArgs) -> Result<(), ListError> {
    let store = Store::open_existing(&args.db)?;
    let by = match args.by {
        PeriodArg::Day => Period::Day,
        PeriodArg::Week => Period::Week,
        PeriodArg::Month => Period::Month,
    };
    let filter = EventFilter {
        since: args.since,
        until: args.until,
        ..EventFilter::default()
    };
    let rows = store.timeline(args.dyad.as_ref(), by, &filter)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let written = write_rows(&mut out, &rows, ListFormat::or_default(args.format)).and_then(|()| out.flush());
    ignore_closed_pipe(written.map_err(ListError::from))
}

fn write_rows<W: Write>(out: &mut W, rows: &[TimelineRow], format: ListFormat) -> io::Result<()> {
    match format {
        ListFormat::Jsonl => {
            for row in rows {
                serde_json::to_writer(&mut *out, row)?;
                out.write_all(b"\n")?;
            }
            Ok(())
        }
        ListFormat::Csv => {
            write_csv_row(out, &COLUMNS)?;
            for row in rows {
                write_csv_row(out, &cells(row))?;
            }
            Ok(())
        }
        ListFormat::Table => {
            let cells: Vec<Vec<String>> = rows.iter().map(cells).collect();
            write_aligned(
                out,
                &["PERIOD", "EVENTS", "Q1", "Q2", "Q3", "Q4", "GOLDSTEIN", "MENTIONS"],
                &cells,
            )
        }
    }
}

fn cells(row: &TimelineRow) -> Vec<String> {
    vec![
        row.period.clone(),
        row.events.to_string(),
        row.quad[0].to_string(),
        row.quad[1].to_string(),
        row.quad[2].to_string(),
        row.quad[3].to_string(),
        format!("{:.1}", row.goldstein),
        row.mentions.to_string(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_written_in_each_format() {
        let rows = [TimelineRow {
            period: "2023-01".into(),
            events: 3,
            quad: [1, 0, 0, 2],
            goldstein: -17.0,
            mentions: 5,
        }];
        let mut csv = Vec::new();
        write_rows(&mut csv, &rows, ListFormat::Csv).unwrap();
        assert_eq!(
            String::from_utf8(csv).unwrap(),
            "period,events,verbal_cooperation,material_cooperation,verbal_conflict,material_conflict,goldstein,mentions\r\n\
             2023-01,3,1,0,0,2,-17.0,5\r\n"
        );
        let mut jsonl = Vec::new();
        write_rows(&mut jsonl, &rows, ListFormat::Jsonl).unwrap();
        assert_eq!(
            String::from_utf8(jsonl).unwrap(),
            "{\"period\":\"2023-01\",\"events\":3,\"quad\":[1,0,0,2],\"goldstein\":-17.0,\"mentions\":5}\n"
        );
    }
}
