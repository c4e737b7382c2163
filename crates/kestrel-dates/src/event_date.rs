//! Dates of events, known to the day, the month or only the year.

use std::fmt;

use crate::calendar::CivilDate;

/// How precisely an [`EventDate`] is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Day,
    Month,
    Year,
}

/// A date known to the day ("2023-08-26"), the month ("2023-08") or the
/// year ("2023"). A `day` is only present together with a `month`; values
/// built through the constructors or [`EventDate::parse`] are always valid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EventDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl EventDate {
    pub fn day(date: CivilDate) -> EventDate {
        EventDate {
            year: date.year,
            month: Some(date.month),
            day: Some(date.day),
        }
    }

    /// A month-precision date; `None` if `month` is not 1–12.
    pub fn month(year: i32, month: u8) -> Option<EventDate> {
        (1..=12).contains(&month).then_some(EventDate {
            year,
            month: Some(month),
            day: None,
        })
    }

    pub fn year(year: i32) -> EventDate {
        EventDate {
            year,
            month: None,
            day: None,
        }
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            (None, _) => Precision::Year,
        }
    }

    /// The exact day, when the precision is [`Precision::Day`].
    pub fn civil_date(&self) -> Option<CivilDate> {
        CivilDate::new(self.year, self.month?, self.day?)
    }

    /// Parses the [`Display`](fmt::Display) forms "YYYY", "YYYY-MM" and
    /// "YYYY-MM-DD" (four-digit years).
    pub fn parse(s: &str) -> Option<EventDate> {
        let bytes = s.as_bytes();
        let four_digit_year = |text: &str| {
            (text.len() == 4 && text.bytes().all(|byte| byte.is_ascii_digit()))
                .then(|| text.parse::<i32>().ok())
                .flatten()
        };
        match bytes.len() {
            4 => four_digit_year(s).map(EventDate::year),
            7 if bytes[4] == b'-' => {
                let month = s.get(5..7)?;
                if !month.bytes().all(|byte| byte.is_ascii_digit()) {
                    return None;
                }
                EventDate::month(four_digit_year(s.get(..4)?)?, month.parse().ok()?)
            }
            10 => CivilDate::parse(s).map(EventDate::day),
            _ => None,
        }
    }
}

impl From<CivilDate> for EventDate {
    fn from(date: CivilDate) -> EventDate {
        EventDate::day(date)
    }
}

impl fmt::Display for EventDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
            if let Some(day) = self.day {
                write!(f, "-{day:02}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_follows_precision() {
        let day = EventDate::day(CivilDate::new(2023, 8, 26).expect("valid"));
        assert_eq!(day.to_string(), "2023-08-26");
        assert_eq!(day.precision(), Precision::Day);
        let month = EventDate::month(2023, 8).expect("valid month");
        assert_eq!(month.to_string(), "2023-08");
        assert_eq!(month.precision(), Precision::Month);
        let year = EventDate::year(2023);
        assert_eq!(year.to_string(), "2023");
        assert_eq!(year.precision(), Precision::Year);
    }

    #[test]
    fn parse_round_trips_display() {
        for text in ["2023", "2023-08", "2023-08-26", "1999-12-31"] {
            let parsed = EventDate::parse(text).expect(text);
            assert_eq!(parsed.to_string(), text);
        }
        for bad in [
            "23",
            "2023-13",
            "2023-8",
            "2023-08-32",
            "abcd",
            "2023-0a",
            "2023-08-26x",
        ] {
            assert_eq!(EventDate::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn civil_date_only_for_day_precision() {
        let day = CivilDate::new(2022, 2, 24).expect("valid");
        assert_eq!(EventDate::day(day).civil_date(), Some(day));
        assert_eq!(EventDate::month(2022, 2).and_then(|d| d.civil_date()), None);
        assert_eq!(EventDate::month(2022, 0), None);
    }
}
