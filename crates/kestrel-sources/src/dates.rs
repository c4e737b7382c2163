//! Publication dates as pages and feeds write them.

use chrono::{DateTime, Datelike, Utc};
use kestrel_dates::{find_dates, CivilDate};

/// Reads the calendar day of a publication date: ISO 8601 (`2024-03-05`,
/// `2024-03-05T10:00:00+02:00`, `2024/03/05`, `20240305`) or English prose and RFC 2822
/// (`March 5, 2024`, `Tue, 05 Mar 2024 10:00:00 GMT`).
///
/// The day is the one written, in the writer's time zone, not converted to UTC: a story
/// dated late on the 5th in New York is about the 5th.
pub(crate) fn parse_publication_date(text: &str) -> Option<CivilDate> {
    let text = text.trim();
    if let Some(date) = parse_iso_prefix(text) {
        return Some(date);
    }
    find_dates(text, None)
        .into_iter()
        .find_map(|expression| expression.date.civil_date())
}

/// `YYYY-MM-DD`, `YYYY/MM/DD` or `YYYYMMDD`, alone or followed by a time.
fn parse_iso_prefix(text: &str) -> Option<CivilDate> {
    if let Some(date) = CivilDate::parse(text) {
        return Some(date);
    }
    let head = text.get(..10)?;
    let rest = text.get(10..)?;
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    CivilDate::parse(&head.replace('/', "-"))
}

/// The UTC day of a feed timestamp (feed-rs gives feed times in UTC).
pub(crate) fn date_of_timestamp(time: &DateTime<Utc>) -> Option<CivilDate> {
    let month = u8::try_from(time.month()).ok()?;
    let day = u8::try_from(time.day()).ok()?;
    CivilDate::new(time.year(), month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Option<CivilDate> {
        CivilDate::parse(text)
    }

    #[test]
    fn iso_dates_and_timestamps_keep_the_written_day() {
        assert_eq!(parse_publication_date("2024-03-05"), date("2024-03-05"));
        assert_eq!(
            parse_publication_date(" 2024-03-05T23:30:00-05:00 "),
            date("2024-03-05")
        );
        assert_eq!(parse_publication_date("2024/03/05 10:00"), date("2024-03-05"));
        assert_eq!(parse_publication_date("20240305"), date("2024-03-05"));
    }

    #[test]
    fn prose_and_rfc_2822_dates_are_read() {
        assert_eq!(parse_publication_date("March 5, 2024"), date("2024-03-05"));
        assert_eq!(
            parse_publication_date("Tue, 05 Mar 2024 10:00:00 GMT"),
            date("2024-03-05")
        );
    }

    #[test]
    fn unreadable_or_partial_dates_give_none() {
        assert_eq!(parse_publication_date(""), None);
        assert_eq!(parse_publication_date("yesterday"), None);
        assert_eq!(parse_publication_date("2024-13-45T00:00"), None);
        assert_eq!(parse_publication_date("March 2024"), None);
    }
}
