//! Dates and times as the export formats need them: the day an event is written under, and
//! the moment it was stored (RFC 3339 in the store, UTC in every export).

use kestrel_dates::{CivilDate, EventDate};

use crate::FusedEvent;

/// The day an event is exported under: its own date when known to the day; the first day of
/// its month or year when only those are known (the precision is exported beside it where
/// the format has room); else the day of the earliest article.
pub(crate) fn event_day(event: &FusedEvent) -> Option<CivilDate> {
    if let Some(date) = event.record.date.as_deref().and_then(EventDate::parse) {
        return CivilDate::new(date.year, date.month.unwrap_or(1), date.day.unwrap_or(1));
    }
    published_day(event)
}

/// The day of the earliest article, if the store knows it.
pub(crate) fn published_day(event: &FusedEvent) -> Option<CivilDate> {
    event.first_published.as_deref().and_then(CivilDate::parse)
}

/// `YYYY-MM-DD`.
pub(crate) fn iso_day(day: CivilDate) -> String {
    format!("{:04}-{:02}-{:02}", day.year, day.month, day.day)
}

/// Days since 1970-01-01, as Arrow's Date32 counts them.
pub(crate) fn date32(day: CivilDate) -> Option<i32> {
    i32::try_from(day.days_since_epoch()).ok()
}

const SECONDS_PER_DAY: i64 = 86_400;

/// A moment in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct UtcTime {
    pub date: CivilDate,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    pub microsecond: u32,
}

impl UtcTime {
    /// Reads an RFC 3339 timestamp (`2024-03-05T14:07:09Z`, `2024-03-05T15:07:09.25+01:00`;
    /// a space or a lower-case `t`/`z` accepted) and converts it to UTC. Leap seconds are
    /// read as the last second of their minute.
    pub fn parse_rfc3339(text: &str) -> Option<UtcTime> {
        let text = text.trim();
        let date = CivilDate::parse(text.get(..10)?)?;
        let rest = text.get(10..)?;
        let rest = rest.strip_prefix(['T', 't', ' '])?;
        let hour = two_digits(rest.get(0..2)?)?;
        let minute = two_digits(rest.get(3..5)?)?;
        let second = two_digits(rest.get(6..8)?)?;
        if rest.get(2..3)? != ":" || rest.get(5..6)? != ":" || hour > 23 || minute > 59 || second > 60 {
            return None;
        }
        let mut rest = rest.get(8..)?;
        let mut microsecond = 0u32;
        if let Some(fraction) = rest.strip_prefix('.') {
            let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return None;
            }
            // Only the first six digits count; more precision than a microsecond is dropped.
            for (i, b) in fraction.bytes().take(digits.min(6)).enumerate() {
                microsecond += u32::from(b - b'0') * 10u32.pow(5 - i as u32);
            }
            rest = fraction.get(digits..)?;
        }
        let offset_seconds: i64 = match rest {
            "Z" | "z" => 0,
            _ => {
                let sign = match rest.get(0..1)? {
                    "+" => 1,
                    "-" => -1,
                    _ => return None,
                };
                if rest.len() != 6 || rest.get(3..4)? != ":" {
                    return None;
                }
                let hours = two_digits(rest.get(1..3)?)?;
                let minutes = two_digits(rest.get(4..6)?)?;
                if hours > 23 || minutes > 59 {
                    return None;
                }
                sign * (i64::from(hours) * 3600 + i64::from(minutes) * 60)
            }
        };
        let local = date.days_since_epoch() * SECONDS_PER_DAY
            + i64::from(hour) * 3600
            + i64::from(minute) * 60
            + i64::from(second.min(59));
        let utc = local - offset_seconds;
        let seconds_of_day = utc.rem_euclid(SECONDS_PER_DAY);
        Some(UtcTime {
            date: CivilDate::from_days_since_epoch(utc.div_euclid(SECONDS_PER_DAY)),
            hour: (seconds_of_day / 3600) as u8,
            minute: (seconds_of_day % 3600 / 60) as u8,
            second: (seconds_of_day % 60) as u8,
            microsecond,
        })
    }

    /// Microseconds since 1970-01-01T00:00:00Z, as Arrow's timestamps count them.
    pub fn unix_micros(&self) -> i64 {
        let seconds = self.date.days_since_epoch() * SECONDS_PER_DAY
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second);
        seconds
            .saturating_mul(1_000_000)
            .saturating_add(i64::from(self.microsecond))
    }

    /// GDELT's DATEADDED form, `YYYYMMDDHHMMSS`.
    pub fn gdelt(&self) -> String {
        format!(
            "{:04}{:02}{:02}{:02}{:02}{:02}",
            self.date.year, self.date.month, self.date.day, self.hour, self.minute, self.second
        )
    }

    /// ISO 8601 time of day in UTC, `HH:MM:SSZ`.
    pub fn iso_time(&self) -> String {
        format!("{:02}:{:02}:{:02}Z", self.hour, self.minute, self.second)
    }
}

fn two_digits(text: &str) -> Option<u8> {
    (text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok())?
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> UtcTime {
        UtcTime::parse_rfc3339(text).unwrap_or_else(|| panic!("{text} should parse"))
    }

    #[test]
    fn reads_utc_and_converts_offsets() {
        let t = utc("2024-03-05T14:07:09Z");
        assert_eq!(t.gdelt(), "20240305140709");
        assert_eq!(t.iso_time(), "14:07:09Z");
        assert_eq!(utc("2024-03-05T15:07:09+01:00"), t);
        // An offset that crosses midnight moves the date, across a year end too.
        assert_eq!(utc("2024-01-01T01:30:00+02:00").gdelt(), "20231231233000");
        assert_eq!(utc("2023-12-31T22:00:00-03:00").gdelt(), "20240101010000");
    }

    #[test]
    fn keeps_microseconds_and_counts_from_the_epoch() {
        let t = utc("1970-01-02T00:00:01.5Z");
        assert_eq!(t.microsecond, 500_000);
        assert_eq!(t.unix_micros(), 86_401_500_000);
        assert_eq!(utc("2024-03-05 14:07:09.123456789z").microsecond, 123_456);
    }

    #[test]
    fn rejects_what_is_not_rfc_3339() {
        for bad in [
            "",
            "2024-03-05",
            "2024-03-05T14:07",
            "2024-03-05T25:00:00Z",
            "2024-02-30T10:00:00Z",
            "2024-03-05T14:07:09",
            "2024-03-05T14:07:09+0100",
            "2024-03-05T14:07:09.Z",
            "2024-03-05T14:07:09Zjunk",
            "2024-03-05T14:07:09ü",
        ] {
            assert_eq!(UtcTime::parse_rfc3339(bad), None, "{bad}");
        }
    }
}
