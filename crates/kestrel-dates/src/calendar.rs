//! Proleptic Gregorian calendar arithmetic on plain dates.
//!
//! Dates are converted to a day count relative to 1970-01-01 with Howard
//! Hinnant's `days_from_civil` / `civil_from_days` algorithms
//! (<https://howardhinnant.github.io/date_algorithms.html>, public domain),
//! which are exact for every year an `i32` can hold when computed in `i64`.

use std::fmt;

/// A calendar day in the proleptic Gregorian calendar.
///
/// Fields are public for pattern matching and literals in tests; values built
/// through [`CivilDate::new`] or [`CivilDate::parse`] are always valid dates.
/// Ordering is chronological (year, then month, then day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// A day of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

/// Days from 1970-01-01 to the first and the last representable dates; day
/// arithmetic saturates at these bounds instead of overflowing the year.
const MIN_DAY_NUMBER: i64 = days_from_civil(i32::MIN as i64, 1, 1);
const MAX_DAY_NUMBER: i64 = days_from_civil(i32::MAX as i64, 12, 31);

impl CivilDate {
    /// Builds a date if `month` is 1–12 and `day` exists in that month.
    pub fn new(year: i32, month: u8, day: u8) -> Option<CivilDate> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(CivilDate { year, month, day })
    }

    /// Parses `YYYY-MM-DD` or `YYYYMMDD` (exactly four year digits).
    /// Returns `None` for anything else, including impossible dates such as
    /// `2023-02-29`.
    pub fn parse(s: &str) -> Option<CivilDate> {
        let bytes = s.as_bytes();
        let (year, month, day) = match bytes.len() {
            10 if bytes[4] == b'-' && bytes[7] == b'-' => (&bytes[0..4], &bytes[5..7], &bytes[8..10]),
            8 => (&bytes[0..4], &bytes[4..6], &bytes[6..8]),
            _ => return None,
        };
        let year = parse_digits(year)?;
        let month = parse_digits(month)?;
        let day = parse_digits(day)?;
        CivilDate::new(
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// Number of days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(&self) -> i64 {
        days_from_civil(i64::from(self.year), self.month, self.day)
    }

    /// The date `days` days after 1970-01-01, saturating at the first and
    /// last dates whose year fits in an `i32`.
    pub fn from_days_since_epoch(days: i64) -> CivilDate {
        let (year, month, day) = civil_from_days(days.clamp(MIN_DAY_NUMBER, MAX_DAY_NUMBER));
        // The clamp keeps the year within i32, so the fallback is unreachable.
        let year = i32::try_from(year).unwrap_or(if year < 0 { i32::MIN } else { i32::MAX });
        CivilDate { year, month, day }
    }

    /// The date `n` days later (earlier for negative `n`), saturating at the
    /// representable range.
    pub fn add_days(&self, n: i64) -> CivilDate {
        CivilDate::from_days_since_epoch(self.days_since_epoch().saturating_add(n))
    }

    pub fn weekday(&self) -> Weekday {
        // 1970-01-01 was a Thursday, index 3 counting Monday as 0.
        let index = (self.days_since_epoch() + 3).rem_euclid(7);
        Weekday::from_monday_index(index)
    }

    pub fn is_leap_year(year: i32) -> bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }
}

/// Number of days in `month` (1–12) of `year`; 0 for an invalid month.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if CivilDate::is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Weekday {
    const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// 0 for Monday up to 6 for Sunday.
    pub fn days_from_monday(&self) -> i64 {
        *self as i64
    }

    fn from_monday_index(index: i64) -> Weekday {
        Weekday::ALL[index.rem_euclid(7) as usize]
    }

    /// The English name, e.g. "Wednesday".
    pub fn name(&self) -> &'static str {
        match self {
            Weekday::Monday => "Monday",
            Weekday::Tuesday => "Tuesday",
            Weekday::Wednesday => "Wednesday",
            Weekday::Thursday => "Thursday",
            Weekday::Friday => "Friday",
            Weekday::Saturday => "Saturday",
            Weekday::Sunday => "Sunday",
        }
    }
}

impl fmt::Display for Weekday {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Parses a run of ASCII digits (at most 9, so it fits in a `u32`).
fn parse_digits(digits: &[u8]) -> Option<u32> {
    if digits.is_empty() || digits.len() > 9 {
        return None;
    }
    digits.iter().try_fold(0u32, |value, &byte| {
        byte.is_ascii_digit().then(|| value * 10 + u32::from(byte - b'0'))
    })
}

const fn days_from_civil(year: i64, month: u8, day: u8) -> i64 {
    let month = month as i64;
    let day = day as i64;
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let shifted_month = if month > 2 { month - 3 } else { month + 9 };
    let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    // Both values are provably in range (1..=31 and 1..=12).
    let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u8;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    } as u8;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u8, day: u8) -> CivilDate {
        CivilDate::new(year, month, day).expect("valid test date")
    }

    #[test]
    fn known_weekdays() {
        assert_eq!(date(2023, 8, 30).weekday(), Weekday::Wednesday);
        assert_eq!(date(1970, 1, 1).weekday(), Weekday::Thursday);
        assert_eq!(date(2000, 1, 1).weekday(), Weekday::Saturday);
        assert_eq!(date(1969, 7, 20).weekday(), Weekday::Sunday);
        assert_eq!(date(2024, 2, 29).weekday(), Weekday::Thursday);
        assert_eq!(date(1900, 1, 1).weekday(), Weekday::Monday);
        assert_eq!(date(2100, 12, 31).weekday(), Weekday::Friday);
        assert_eq!(date(-1, 12, 31).weekday(), Weekday::Friday);
    }

    #[test]
    fn epoch_day_numbers() {
        assert_eq!(date(1970, 1, 1).days_since_epoch(), 0);
        assert_eq!(date(1969, 12, 31).days_since_epoch(), -1);
        assert_eq!(date(2000, 3, 1).days_since_epoch(), 11_017);
        assert_eq!(CivilDate::from_days_since_epoch(19_599), date(2023, 8, 30));
    }

    #[test]
    fn add_days_crosses_months_years_and_leap_days() {
        assert_eq!(date(2023, 8, 30).add_days(-1), date(2023, 8, 29));
        assert_eq!(date(2023, 8, 31).add_days(1), date(2023, 9, 1));
        assert_eq!(date(2023, 12, 31).add_days(1), date(2024, 1, 1));
        assert_eq!(date(2024, 2, 28).add_days(1), date(2024, 2, 29));
        assert_eq!(date(2023, 2, 28).add_days(1), date(2023, 3, 1));
        assert_eq!(date(2023, 8, 30).add_days(-365), date(2022, 8, 30));
        assert_eq!(date(2000, 1, 1).add_days(36_525), date(2100, 1, 1));
    }

    #[test]
    fn add_days_saturates_instead_of_overflowing() {
        assert_eq!(date(2023, 1, 1).add_days(i64::MAX), date(i32::MAX, 12, 31));
        assert_eq!(date(2023, 1, 1).add_days(i64::MIN), date(i32::MIN, 1, 1));
    }

    #[test]
    fn parse_accepts_both_forms_and_rejects_impossible_dates() {
        assert_eq!(CivilDate::parse("2023-08-30"), Some(date(2023, 8, 30)));
        assert_eq!(CivilDate::parse("20230830"), Some(date(2023, 8, 30)));
        assert_eq!(CivilDate::parse("19950101"), Some(date(1995, 1, 1)));
        assert_eq!(CivilDate::parse("2024-02-29"), Some(date(2024, 2, 29)));
        for bad in [
            "2023-02-29",
            "1900-02-29",
            "2023-13-01",
            "2023-00-10",
            "2023-08-00",
            "2023-08-32",
            "2023/08/30",
            "2023-8-30",
            "23-08-30",
            "2023083",
            "+0230830",
            "２０２３0830",
            "",
            "2023-08-30T10:00",
            " 2023-08-30",
        ] {
            assert_eq!(CivilDate::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn display_is_iso() {
        assert_eq!(date(2023, 8, 3).to_string(), "2023-08-03");
        assert_eq!(date(987, 1, 2).to_string(), "0987-01-02");
    }

    #[test]
    fn leap_years_and_month_lengths() {
        assert!(CivilDate::is_leap_year(2000));
        assert!(CivilDate::is_leap_year(2024));
        assert!(!CivilDate::is_leap_year(1900));
        assert!(!CivilDate::is_leap_year(2023));
        assert_eq!(days_in_month(2023, 2), 28);
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2023, 4), 30);
        assert_eq!(days_in_month(2023, 13), 0);
    }

    #[test]
    fn weekday_names() {
        assert_eq!(Weekday::Friday.to_string(), "Friday");
        assert_eq!(Weekday::Sunday.days_from_monday(), 6);
    }
}
