//! kestrel-dates: calendar arithmetic and temporal expressions.
//!
//! - [`CivilDate`] and [`Weekday`]: plain Gregorian dates with day
//!   arithmetic, parsing (`YYYY-MM-DD`, `YYYYMMDD`) and weekdays.
//! - [`EventDate`] and [`Precision`]: a date known to the day, the month or
//!   the year, written "2023-08-26", "2023-08" or "2023".
//! - [`find_dates`]: finds expressions such as "earlier this month", "last
//!   year", "on Wednesday" or "in February 2022" in a sentence and resolves
//!   them against the publication date.
//!
//! The crate has no dependencies and never panics on any input.

mod calendar;
mod event_date;
mod expressions;

pub use calendar::{days_in_month, CivilDate, Weekday};
pub use event_date::{EventDate, Precision};
pub use expressions::{find_dates, leading_date, span_days, TemporalExpression};
