//! Finding temporal expressions in English news text and resolving them to
//! dates against the publication date.
//!
//! The recogniser is a hand-written matcher over a light tokenisation (see
//! `tokens`). It favours precision: numbers and words that are only
//! sometimes dates ("May", "March", bare four-digit numbers) need context,
//! and numeric dates other than ISO `YYYY-MM-DD` (3/4/2021) are skipped as
//! ambiguous. Spans never include a leading preposition ("on Wednesday"
//! yields the span "Wednesday") but do include modifiers and determiners
//! ("Earlier this month", "late last year", "the previous day").
//!
//! A week has no single day: "last week" and "this week" resolve to the
//! month, else the year, that holds all seven days, and "next week" to
//! nothing. Deliberately not recognised: decades ("the 1990s"), vague counts
//! ("a few days ago"), numeric dates other than ISO, and years outside
//! 1900–2100.

mod tokens;

use crate::calendar::{CivilDate, Weekday};
use crate::event_date::EventDate;
use tokens::{Keyword, Kind, Token, Tokens, Unit, Word};

/// A temporal expression found in a text and the date it resolves to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TemporalExpression {
    /// Byte offsets of the expression in the scanned text (char boundaries).
    pub start: usize,
    pub end: usize,
    pub date: EventDate,
    /// The expression names no year ("on Friday", "in April", "Aug. 30") and was resolved
    /// to the last such day or month on or before publication (or a few days after, for a
    /// day): what is still to come means the next one.
    pub assumed_past: bool,
    /// The expression names a span of years ("between 2003 and 2011", "1979-1989"), which
    /// dates no single event; `date` is the year it starts.
    pub period: bool,
    /// The expression is a possessive ("Monday's attack", "February's vote"): it dates what the
    /// noun after it names.
    pub possessive: bool,
}

/// How far after the publication date a day named without a year ("Aug.
/// 30") may lie and still be read as this year's: news announces events a
/// few days ahead ("talks on Sept. 5" published Aug. 30).
const FUTURE_TOLERANCE_DAYS: i64 = 7;

/// Years accepted as dates; other four-digit numbers are quantities.
const YEAR_RANGE: std::ops::RangeInclusive<u32> = 1900..=2100;

/// The length in days of a span of time written `count unit` before "after" or "before" ("a
/// day after", "two weeks before"): `Some(Some(days))`. Months and years, and a plural unit
/// with no count ("days after", "weeks before"), are spans of no length in days: `Some(None)`.
/// Other words are no span (`None`): "last week after the attack" is a date.
pub fn span_days(count: &str, unit: &str) -> Option<Option<i64>> {
    let Word::Unit(unit_kind) = tokens::classify(unit) else {
        return None;
    };
    let counted = match tokens::classify(count) {
        Word::Count(n) => Some(i64::from(n)),
        _ => count.parse::<i64>().ok(),
    };
    if counted.is_none() && !unit.ends_with('s') {
        return None;
    }
    let days_per_unit = match unit_kind {
        Unit::Day => 1,
        Unit::Week => 7,
        Unit::Month | Unit::Year => return Some(None),
    };
    Some(counted.map(|n| n * days_per_unit))
}

/// The length in bytes of the date expression `text` opens with ("last month", "on
/// Thursday"), if it opens with one: where a noun phrase or a particle ends. Detection does
/// not depend on the publication date.
/// Expressions that name no single day, month or year ("last week") count too.
pub fn leading_date(text: &str) -> Option<usize> {
    // Most texts asked about open with a word no expression starts with ("former", "new"):
    // their first token settles it, without scanning or tokenising the rest.
    let first = Tokens::new(text).next()?;
    if first.start != 0 || !may_open_expression(first.kind) || !tokens::may_contain_date(text) {
        return None;
    }
    let tokens: Vec<Token> = Tokens::new(text).collect();
    let matcher = Matcher {
        tokens: &tokens,
        publication: CivilDate::new(2000, 1, 1),
        last_day_named: None,
    };
    let matched = matcher.match_at(0)?;
    tokens.get(matched.end - 1).map(|t| t.end)
}

/// Finds the temporal expressions of `text` that resolve to a date, in text
/// order and without overlaps.
///
/// Absolute expressions ("in February 2022", "March 3, 2021", "in 2019",
/// "2023-08-30") resolve on their own; relative ones ("yesterday", "on
/// Wednesday", "last year", "in February", "Aug. 30", "two days ago") need
/// `publication` and are left out without it. Resolution rules:
/// - a weekday is the most recent such day on or before publication ("last
///   Wednesday": strictly before, "next Wednesday": strictly after);
/// - a month without year is the most recent such month on or before the
///   publication month ("last February": strictly before, "next": after);
/// - a day without year is the most recent such day not after publication
///   plus seven days (news announces dates a few days ahead);
/// - "N days/weeks ago" has day precision, "N months ago" month precision,
///   "N years ago" year precision;
/// - "last week" and "this week" (Monday to Sunday) are the month holding the
///   whole week, else its year, else no date; so is "the weekend" or "this past
///   weekend" (the last one begun by publication), "last weekend" or "this weekend";
///   "earlier this week" holds only the week's days before publication, "later this
///   week" those after;
/// - "last summer" is the year of the last summer over by publication, "this
///   summer" the publication year (a winter spans two years: no date);
/// - "Friday last week" is the Friday of that week;
/// - "the next day" and "the following day" are the day after the last day named
///   before them, and no date without one; "the previous day" and "the day before"
///   the day before it, else before publication;
/// - "Christmas Day", "Christmas Eve", "New Year's Day" and "New Year's Eve" are days
///   without year, like "December 25";
/// - "overnight" is the night before publication: the month, else the year, holding the
///   day before and publication (with a day named after it, "overnight into Sunday", that
///   day is the date);
/// - several days of a month ("May 6-7", "6-7 May") are their month;
/// - a span of years ("between 2003 and 2011") is marked
///   [`TemporalExpression::period`].
///
/// A weekday, month or day resolved to the past this way is marked
/// [`TemporalExpression::assumed_past`], for callers that know the event is
/// still to come.
pub fn find_dates(text: &str, publication: Option<CivilDate>) -> Vec<TemporalExpression> {
    // Most sentences contain no date word at all: find that out with a
    // quick scan before tokenising.
    if !tokens::may_contain_date(text) {
        return Vec::new();
    }
    let tokens: Vec<Token> = Tokens::new(text).collect();
    let mut matcher = Matcher {
        tokens: &tokens,
        publication,
        last_day_named: None,
    };
    let mut found = Vec::new();
    let mut index = 0;
    while index < tokens.len() {
        match matcher.match_at(index) {
            Some(matched) => {
                if let Some(date) = matched.date {
                    if let (Some(month), Some(day)) = (date.month, date.day) {
                        matcher.last_day_named =
                            CivilDate::new(date.year, month, day).map(|d| (d, matched.assumed_past));
                    }
                    found.push(TemporalExpression {
                        start: tokens[index].start,
                        end: tokens[matched.end - 1].end,
                        date,
                        assumed_past: matched.assumed_past,
                        period: matched.period,
                        possessive: matcher.is_possessive_ending(matched.end),
                    });
                }
                index = matched.end;
            }
            None => index += 1,
        }
    }
    found
}

/// Whether an expression can start with a token of this kind: the kinds
/// [`Matcher::match_at`] and [`Matcher::core`] act on (a modifier opens "early
/// this month"), except the names of feasts, which need a preposition before them.
fn may_open_expression(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Word(
            Word::Keyword(
                Keyword::Modifier
                    | Keyword::Earlier
                    | Keyword::Later
                    | Keyword::Today
                    | Keyword::Tonight
                    | Keyword::Yesterday
                    | Keyword::Tomorrow
                    | Keyword::This
                    | Keyword::Last
                    | Keyword::Next
                    | Keyword::The
                    | Keyword::Overnight
            ) | Word::Count(_)
                | Word::Weekday(_)
                | Word::Month { .. }
        ) | Kind::Number { .. }
            | Kind::Ordinal(_)
    )
}

/// A recognised expression: `end` is the index of the first token after it.
/// `date` is `None` for a well-formed expression naming an impossible day
/// ("February 30, 2021"), which is consumed so that its parts are not
/// matched on their own.
struct Match {
    end: usize,
    date: Option<EventDate>,
    /// The expression names no year or week and was taken to be the last such day or month
    /// on or before publication ([`TemporalExpression::assumed_past`]).
    assumed_past: bool,
    /// [`TemporalExpression::period`].
    period: bool,
}

/// What precedes a candidate expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Context {
    /// "in", "since", "during", "early", "mid-"...: strongly suggests a date.
    Strong,
    /// "on", "of", "to", "at".
    Weak,
    None,
}

/// Which occurrence of a weekday or month relative to publication is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Occurrence {
    OnOrBefore,
    Before,
    After,
    /// "this February": the one in the publication year.
    SameYear,
}

struct Matcher<'a> {
    tokens: &'a [Token],
    publication: Option<CivilDate>,
    /// The last day named before the tokens matched, which "the next day" follows, and
    /// whether it was [`Match::assumed_past`].
    last_day_named: Option<(CivilDate, bool)>,
}

impl Matcher<'_> {
    fn kind(&self, index: usize) -> Option<Kind> {
        self.tokens.get(index).map(|token| token.kind)
    }

    fn word(&self, index: usize) -> Option<Word> {
        match self.kind(index)? {
            Kind::Word(word) => Some(word),
            _ => None,
        }
    }

    fn keyword(&self, index: usize) -> Option<Keyword> {
        match self.word(index)? {
            Word::Keyword(keyword) => Some(keyword),
            _ => None,
        }
    }

    fn is_lowercase_word(&self, index: usize) -> bool {
        self.tokens.get(index).is_some_and(|token| token.lowercase)
    }

    fn is_punct(&self, index: usize, expected: char) -> bool {
        self.kind(index) == Some(Kind::Punct(expected))
    }

    /// Whether the token at `index` is "early", "late", "mid", "earlier" or "later".
    fn is_modifier(&self, index: usize) -> bool {
        matches!(
            self.keyword(index),
            Some(Keyword::Modifier | Keyword::Earlier | Keyword::Later)
        )
    }

    /// Whether the token at `index` is the possessive ending "'s" (or "’s") of the token before
    /// it.
    fn is_possessive_ending(&self, index: usize) -> bool {
        let apostrophe = self.is_punct(index, '\'') || self.is_punct(index, '’');
        let single_letter_s = self.tokens.get(index + 1).is_some_and(|token| {
            token.end - token.start == 1 && token.lowercase && token.kind == Kind::Word(Word::Plain)
        });
        apostrophe
            && index > 0
            && self.touches_next(index - 1)
            && self.touches_next(index)
            && single_letter_s
            && self.ends_word(index + 1)
    }

    /// Whether the token at `index` is "day", not "days" ("the next day", "Christmas Day").
    fn is_singular_day(&self, index: usize) -> bool {
        self.word(index) == Some(Word::Unit(Unit::Day))
            && self
                .tokens
                .get(index)
                .is_some_and(|token| token.end - token.start == "day".len())
    }

    /// Whether the token at `index` is not followed directly by a letter or digit.
    fn ends_word(&self, index: usize) -> bool {
        !self.touches_next(index) || matches!(self.kind(index + 1), Some(Kind::Punct(_)))
    }

    /// Whether tokens `left` and `left + 1` touch (no space between them).
    fn touches_next(&self, left: usize) -> bool {
        match (self.tokens.get(left), self.tokens.get(left + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// Whether the token at `index` is punctuation or the end of the text.
    fn ends_phrase(&self, index: usize) -> bool {
        matches!(self.kind(index), None | Some(Kind::Punct(_)))
    }

    fn context_before(&self, index: usize) -> Context {
        let Some(before) = index.checked_sub(1) else {
            return Context::None;
        };
        // "mid-2019", "late-March"
        if self.is_punct(before, '-') && self.touches_next(before) {
            return if before.checked_sub(1).is_some_and(|i| self.is_modifier(i)) {
                Context::Strong
            } else {
                Context::None
            };
        }
        if self.is_modifier(before) {
            return Context::Strong;
        }
        match self.keyword(before) {
            Some(Keyword::TimePreposition | Keyword::Until | Keyword::Before) => Context::Strong,
            Some(Keyword::WeakPreposition | Keyword::To | Keyword::Of) => Context::Weak,
            _ => Context::None,
        }
    }

    fn match_at(&self, index: usize) -> Option<Match> {
        if self.is_modifier(index) {
            let mut core = index + 1;
            if self.is_punct(core, '-') && self.touches_next(index) && self.touches_next(core) {
                core += 1;
            }
            if let Some(matched) = self.core(core, Context::Strong) {
                return Some(matched);
            }
        }
        self.core(index, self.context_before(index))
    }

    /// Matches an expression whose first token is at `index`.
    fn core(&self, index: usize, context: Context) -> Option<Match> {
        let at = |days: i64| {
            let date = EventDate::day(self.publication?.add_days(days));
            Some(Match {
                end: index + 1,
                date: Some(date),
                assumed_past: false,
                period: false,
            })
        };
        match self.kind(index)? {
            Kind::Word(Word::Keyword(keyword)) => match keyword {
                Keyword::Today | Keyword::Tonight => at(0),
                Keyword::Yesterday => at(-1),
                Keyword::Tomorrow => at(1),
                Keyword::This | Keyword::Last | Keyword::Next => self.deictic(index, keyword),
                Keyword::The => self.the_previous(index),
                Keyword::Christmas | Keyword::New => self.holiday(index, context),
                Keyword::Overnight => self.overnight(index),
                _ => None,
            },
            Kind::Word(Word::Count(count)) => self.ago(index, count),
            Kind::Word(Word::Weekday(weekday)) => self.weekday(index, weekday),
            Kind::Word(Word::Month { .. }) => self.month_first(index, context),
            Kind::Number { value, digits } => (digits <= 4)
                .then(|| self.ago(index, value))
                .flatten()
                .or_else(|| self.iso_date(index))
                .or_else(|| self.day_first(index))
                .or_else(|| self.year(index, context)),
            Kind::Ordinal(_) => self.day_first(index),
            _ => None,
        }
    }

    /// "this month", "last year", "next February", "last Wednesday",
    /// "last night", "this morning".
    fn deictic(&self, index: usize, keyword: Keyword) -> Option<Match> {
        // "the last year", "the next month" mean a period, not a date.
        let after_the = index
            .checked_sub(1)
            .is_some_and(|before| self.keyword(before) == Some(Keyword::The));
        if after_the {
            return None;
        }
        let offset: i32 = match keyword {
            Keyword::Last => -1,
            Keyword::Next => 1,
            _ => 0,
        };
        let occurrence = match keyword {
            Keyword::Last => Occurrence::Before,
            Keyword::Next => Occurrence::After,
            _ => Occurrence::SameYear,
        };
        let publication = self.publication?;
        // "this past weekend": the weekend just gone, as "the weekend" is.
        if keyword == Keyword::This
            && self.keyword(index + 1) == Some(Keyword::Past)
            && self.keyword(index + 2) == Some(Keyword::Weekend)
        {
            return Some(Match {
                end: index + 3,
                date: last_weekend_begun(publication),
                assumed_past: false,
                period: false,
            });
        }
        let end = index + 2;
        // "this Wednesday" is taken as the one on or before publication.
        let assumed_past = keyword == Keyword::This && matches!(self.word(index + 1), Some(Word::Weekday(_)));
        let date = match self.word(index + 1)? {
            Word::Unit(Unit::Month) => shift_month(publication, i64::from(offset))?,
            Word::Unit(Unit::Year) => EventDate::year(publication.year.checked_add(offset)?),
            Word::Keyword(Keyword::Night) if keyword == Keyword::Last => EventDate::day(publication.add_days(-1)),
            Word::Keyword(Keyword::PartOfDay | Keyword::Night) if keyword == Keyword::This => {
                EventDate::day(publication)
            }
            Word::Weekday(weekday) => {
                let occurrence = match occurrence {
                    Occurrence::SameYear => Occurrence::OnOrBefore,
                    other => other,
                };
                EventDate::day(weekday_occurrence(publication, weekday, occurrence))
            }
            Word::Month {
                month,
                abbreviated: false,
                ambiguous,
            } if !(ambiguous && self.is_lowercase_word(index + 1)) => month_occurrence(publication, month, occurrence)?,
            // "last summer" names months; they are in one year unless the season is winter.
            // A season still to come ("next summer") is no date of an event that happened.
            Word::Season {
                first_month,
                last_month,
            } => {
                let year = match keyword {
                    _ if first_month > last_month => None,
                    Keyword::This => Some(publication.year),
                    Keyword::Last if last_month < publication.month => Some(publication.year),
                    Keyword::Last => publication.year.checked_sub(1),
                    _ => None,
                };
                return Some(Match {
                    end,
                    date: year.map(EventDate::year),
                    assumed_past: false,
                    period: false,
                });
            }
            // "last weekend" names two days; it is in the month, else the year, that holds both.
            Word::Keyword(Keyword::Weekend) => {
                return Some(Match {
                    end,
                    date: weekend(publication, i64::from(offset)),
                    assumed_past: false,
                    period: false,
                });
            }
            // "last week" names no day; it is in the month, else the year, that holds all of it.
            // "next week" is a time still to come, which no event that happened is dated by.
            // "earlier this week" holds only its days before publication, "later this week"
            // those after (when there are any).
            Word::Unit(Unit::Week) => {
                let monday = week_monday(publication, i64::from(offset));
                let sunday = monday.add_days(6);
                let modifier = index.checked_sub(1).and_then(|before| self.keyword(before));
                let (first, last) = match modifier {
                    Some(Keyword::Earlier) if offset == 0 && publication > monday => (monday, publication.add_days(-1)),
                    Some(Keyword::Later) if offset == 0 && publication < sunday => (publication.add_days(1), sunday),
                    _ => (monday, sunday),
                };
                return Some(Match {
                    end,
                    date: (offset <= 0).then(|| enclosing_period(first, last)).flatten(),
                    assumed_past: false,
                    period: false,
                });
            }
            _ => return None,
        };
        Some(Match {
            end,
            date: Some(date),
            assumed_past,
            period: false,
        })
    }

    /// "the previous day|month|year", "the day before yesterday", "the day
    /// before" (at the end of a phrase: "the day before the vote" is relative
    /// to the vote), "the weekend", "the next day" and "the following day" (after
    /// the last day named before; with none, no date).
    fn the_previous(&self, index: usize) -> Option<Match> {
        if matches!(self.keyword(index + 1), Some(Keyword::Next | Keyword::Following))
            && self.is_singular_day(index + 2)
        {
            return Some(Match {
                end: index + 3,
                date: self.last_day_named.map(|(day, _)| EventDate::day(day.add_days(1))),
                assumed_past: self.last_day_named.is_some_and(|(_, assumed_past)| assumed_past),
                period: false,
            });
        }
        let publication = self.publication?;
        if self.keyword(index + 1) == Some(Keyword::Weekend) {
            // "the weekend before the vote", "the weekend of 6-7 May" are dated by what follows.
            if matches!(self.keyword(index + 2), Some(Keyword::Before | Keyword::Of)) {
                return None;
            }
            return Some(Match {
                end: index + 2,
                date: last_weekend_begun(publication),
                assumed_past: true,
                period: false,
            });
        }
        let date = match (self.word(index + 1)?, self.word(index + 2)?) {
            (Word::Keyword(Keyword::Previous), Word::Unit(unit)) => match unit {
                Unit::Day => EventDate::day(self.day_counted_from(publication).add_days(-1)),
                Unit::Month => shift_month(publication, -1)?,
                Unit::Year => EventDate::year(publication.year.checked_sub(1)?),
                Unit::Week => return None,
            },
            (Word::Unit(Unit::Day), Word::Keyword(Keyword::Before))
                if self.keyword(index + 3) == Some(Keyword::Yesterday) =>
            {
                return Some(Match {
                    end: index + 4,
                    date: Some(EventDate::day(publication.add_days(-2))),
                    assumed_past: false,
                    period: false,
                });
            }
            (Word::Unit(Unit::Day), Word::Keyword(Keyword::Before)) if self.ends_phrase(index + 3) => {
                EventDate::day(self.day_counted_from(publication).add_days(-1))
            }
            _ => return None,
        };
        Some(Match {
            end: index + 3,
            date: Some(date),
            assumed_past: false,
            period: false,
        })
    }

    /// "Christmas Day", "Christmas Eve", "New Year's Day", "New Year's Eve" (capitalised, as
    /// names are; "a new year" is none), with the year that may follow. Only after a
    /// preposition of time: the feast names an occasion too ("walk to Bethlehem for Christmas
    /// Eve Mass", "New Year's Eve celebrations").
    fn holiday(&self, index: usize, context: Context) -> Option<Match> {
        if self.is_lowercase_word(index) || context == Context::None {
            return None;
        }
        let (day_word, new_year) = match self.keyword(index)? {
            Keyword::Christmas => (index + 1, false),
            Keyword::New => {
                let year_possessive = self.word(index + 1) == Some(Word::Unit(Unit::Year))
                    && !self.is_lowercase_word(index + 1)
                    && self.is_possessive_ending(index + 2);
                if !year_possessive {
                    return None;
                }
                (index + 4, true)
            }
            _ => return None,
        };
        let singular_day = self.is_singular_day(day_word);
        let (month, day) = match (self.word(day_word)?, new_year) {
            (Word::Unit(Unit::Day), false) if singular_day => (12, 25),
            (Word::Keyword(Keyword::Eve), false) => (12, 24),
            (Word::Unit(Unit::Day), true) if singular_day => (1, 1),
            (Word::Keyword(Keyword::Eve), true) => (12, 31),
            _ => return None,
        };
        self.day_of_month(month, day, false, day_word + 1)
    }

    /// "overnight": the night that ended on the publication day, which has no single date
    /// but lies in the month, else the year, holding both of its days. A day named right
    /// after it ("overnight Sunday", "overnight into Sunday", "overnight on Tuesday") dates
    /// the night instead: only the word is consumed then, and it resolves to nothing.
    fn overnight(&self, index: usize) -> Option<Match> {
        let linked = matches!(self.word(index + 1), Some(Word::Plain | Word::Keyword(_)));
        let day_at = index + 1 + usize::from(linked);
        let names_a_day = matches!(self.word(day_at), Some(Word::Weekday(_)));
        let publication = self.publication?;
        Some(Match {
            end: index + 1,
            date: (!names_a_day)
                .then(|| enclosing_period(publication.add_days(-1), publication))
                .flatten(),
            assumed_past: false,
            period: false,
        })
    }

    /// The day "the previous day" is counted from: the last day named before, else
    /// publication.
    fn day_counted_from(&self, publication: CivilDate) -> CivilDate {
        self.last_day_named.map_or(publication, |(day, _)| day)
    }

    /// "two days ago", "3 weeks ago", "a year ago".
    fn ago(&self, index: usize, count: u32) -> Option<Match> {
        let Some(Word::Unit(unit)) = self.word(index + 1) else {
            return None;
        };
        if self.keyword(index + 2) != Some(Keyword::Ago) {
            return None;
        }
        let publication = self.publication?;
        let count = i64::from(count);
        let date = match unit {
            Unit::Day => EventDate::day(publication.add_days(-count)),
            Unit::Week => EventDate::day(publication.add_days(-7 * count)),
            Unit::Month => shift_month(publication, -count)?,
            Unit::Year => EventDate::year(i32::try_from(i64::from(publication.year) - count).ok()?),
        };
        Some(Match {
            end: index + 3,
            date: Some(date),
            assumed_past: false,
            period: false,
        })
    }

    /// "Wednesday" (optionally followed by a full date: "Wednesday, Aug. 30"), "Tuesday
    /// night", "Friday last week".
    fn weekday(&self, index: usize, weekday: Weekday) -> Option<Match> {
        let date_start = index + 1 + usize::from(self.is_punct(index + 1, ','));
        let full_date = self
            .month_first(date_start, Context::Strong)
            .or_else(|| self.day_first(date_start))
            .filter(|matched| matched.date.is_some_and(|date| date.day.is_some()));
        if let Some(matched) = full_date {
            return Some(matched);
        }
        let publication = self.publication?;
        // "Tuesday night", "Friday morning": the part of the day belongs to the date.
        let part_of_day = matches!(
            self.word(index + 1),
            Some(Word::Keyword(Keyword::PartOfDay | Keyword::Night))
        );
        let after_day = index + 1 + usize::from(part_of_day);
        // "Friday last week", "Monday of this week": the day in the week named, which need not
        // be the most recent such day.
        let week_at = after_day + usize::from(self.keyword(after_day) == Some(Keyword::Of));
        if let Some(offset) = self.week_offset(week_at) {
            let monday = week_monday(publication, offset);
            return Some(Match {
                end: week_at + 2,
                date: Some(EventDate::day(monday.add_days(weekday.days_from_monday()))),
                assumed_past: false,
                period: false,
            });
        }
        Some(Match {
            end: after_day,
            date: Some(EventDate::day(weekday_occurrence(
                publication,
                weekday,
                Occurrence::OnOrBefore,
            ))),
            assumed_past: true,
            period: false,
        })
    }

    /// A month name first: "March 3", "Aug. 30, 2021", "February 2022",
    /// "February of 2022", or (with context) "in February".
    fn month_first(&self, index: usize, context: Context) -> Option<Match> {
        let Some(Word::Month {
            month,
            abbreviated,
            ambiguous,
        }) = self.word(index)
        else {
            return None;
        };
        if (abbreviated || ambiguous) && self.is_lowercase_word(index) {
            return None;
        }
        let mut next = index + 1;
        if abbreviated && self.is_punct(next, '.') && self.touches_next(index) {
            next += 1;
        }
        if let Some(first_day) = self.day_number(next) {
            let range = self.day_range_end(next, first_day);
            let (day, after_day) = range.unwrap_or((first_day, next + 1));
            return self.day_of_month(month, day, range.is_some(), after_day);
        }
        let year_at = next + usize::from(self.keyword(next) == Some(Keyword::Of));
        if let Some((year, end)) = self.explicit_year(year_at) {
            return Some(Match {
                end,
                date: EventDate::month(year, month),
                assumed_past: false,
                period: false,
            });
        }
        // A bare month name needs context: "in February", "February's".
        let trusted = match context {
            Context::Strong => !abbreviated,
            Context::Weak => !abbreviated && !ambiguous,
            Context::None => self.is_possessive_ending(next) && !abbreviated && !ambiguous,
        };
        if !trusted {
            return None;
        }
        Some(Match {
            end: next,
            date: month_occurrence(self.publication?, month, Occurrence::OnOrBefore),
            assumed_past: true,
            period: false,
        })
    }

    /// A day number first: "3 March", "3rd of March 2021", "30 Aug.", "6-7 May".
    fn day_first(&self, index: usize) -> Option<Match> {
        let first_day = self.day_number(index)?;
        let range = self.day_range_end(index, first_day);
        let (day, mut next) = range.unwrap_or((first_day, index + 1));
        if matches!(self.kind(next - 1), Some(Kind::Ordinal(_))) && self.keyword(next) == Some(Keyword::Of) {
            next += 1;
        }
        let Some(Word::Month {
            month,
            abbreviated,
            ambiguous,
        }) = self.word(next)
        else {
            return None;
        };
        if (abbreviated || ambiguous) && self.is_lowercase_word(next) {
            return None;
        }
        let mut after_month = next + 1;
        if abbreviated && self.is_punct(after_month, '.') && self.touches_next(next) {
            after_month += 1;
        }
        self.day_of_month(month, day, range.is_some(), after_month)
    }

    /// The day `day` of `month` (the last of several days when `several_days`), with the year
    /// that may follow at `after`: "March 3, 2021", "3 March last year", or else the most
    /// recent such day. Several days ("May 6-7") have no single day and date to their month.
    fn day_of_month(&self, month: u8, day: u8, several_days: bool, after: usize) -> Option<Match> {
        let precise = |date: CivilDate| {
            if several_days {
                EventDate::month(date.year, date.month)
            } else {
                Some(EventDate::day(date))
            }
        };
        let year_at = after + usize::from(self.is_punct(after, ','));
        if let Some((year, end)) = self.explicit_year(year_at) {
            return Some(Match {
                end,
                date: CivilDate::new(year, month, day).and_then(precise),
                assumed_past: false,
                period: false,
            });
        }
        Some(Match {
            end: after,
            date: recent_day(self.publication?, month, day).and_then(precise),
            assumed_past: true,
            period: false,
        })
    }

    /// The last day of a range of days opening with `first_day` at `index` ("6-7" in "6-7
    /// May", "May 6-7") and the index after it.
    fn day_range_end(&self, index: usize, first_day: u8) -> Option<(u8, usize)> {
        let dash = index + 1;
        let joined = matches!(self.kind(dash), Some(Kind::Punct('-' | '–')))
            && self.touches_next(index)
            && self.touches_next(dash);
        if !joined {
            return None;
        }
        let last_day = self.day_number(dash + 1).filter(|&day| day > first_day)?;
        Some((last_day, dash + 2))
    }

    /// The index after the second year of a period opening with the year at `index`:
    /// "1979-1989", "2019 to 2021", "between 2003 and 2011".
    fn year_range_end(&self, index: usize) -> Option<usize> {
        let connector = index + 1;
        let joined = match self.kind(connector)? {
            Kind::Punct('-' | '–') => true,
            Kind::Word(Word::Keyword(Keyword::Until | Keyword::To)) => true,
            Kind::Word(Word::Keyword(Keyword::And)) => index
                .checked_sub(1)
                .is_some_and(|before| self.keyword(before) == Some(Keyword::Between)),
            _ => false,
        };
        (joined && self.year_number(connector + 1).is_some()).then_some(connector + 2)
    }

    /// "2023-08-30".
    fn iso_date(&self, index: usize) -> Option<Match> {
        let number = |i: usize, width: u8| match self.kind(i) {
            Some(Kind::Number { value, digits }) if digits == width => Some(value),
            _ => None,
        };
        let year = number(index, 4)?;
        let joined = (index..index + 4).all(|i| self.touches_next(i))
            && self.is_punct(index + 1, '-')
            && self.is_punct(index + 3, '-');
        if !joined {
            return None;
        }
        let month = number(index + 2, 2)?;
        let day = number(index + 4, 2)?;
        // "2023-08-30-1" is an identifier, not a date.
        if self.touches_next(index + 4) && !self.ends_phrase(index + 5) {
            return None;
        }
        let date = CivilDate::new(
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        );
        Some(Match {
            end: index + 5,
            date: date.map(EventDate::day),
            assumed_past: false,
            period: false,
        })
    }

    /// A four-digit year standing alone: "in 2019", "2019's", "since 2014",
    /// "(2019)". Quantities ("2000 troops", "$2019", "2019%") are skipped; periods
    /// ("2003-2011") are one expression.
    fn year(&self, index: usize, context: Context) -> Option<Match> {
        let year = self.year_number(index)?;
        if let Some(before) = index.checked_sub(1) {
            let money_or_numbering = matches!(
                self.kind(before),
                Some(Kind::Punct('$' | '£' | '€' | '#' | '/' | '.' | ':' | '+'))
            );
            if money_or_numbering && self.touches_next(before) {
                return None;
            }
        }
        // "2019%", "2019/20", "20:19"; tokens touching a number are punctuation.
        let quantity_suffix = matches!(self.kind(index + 1), Some(Kind::Punct('%' | '/' | ':' | '+')));
        if quantity_suffix && self.touches_next(index) {
            return None;
        }
        // A period dates no single event: it is consumed whole, so that neither end is read as
        // an event's date.
        if let Some(end) = self.year_range_end(index) {
            return Some(Match {
                end,
                date: Some(EventDate::year(year)),
                assumed_past: false,
                period: true,
            });
        }
        // "2019 troops" is a quantity, "in 2019 elections were held" a year.
        // "2019 and 2020" are years again.
        let followed_by_lowercase_word = self.is_lowercase_word(index + 1);
        let another_year_follows = self.year_number(index + 2).is_some();
        if followed_by_lowercase_word && !another_year_follows && context != Context::Strong {
            return None;
        }
        Some(Match {
            end: index + 1,
            date: Some(EventDate::year(year)),
            assumed_past: false,
            period: false,
        })
    }

    /// "last week", "this week" or "next week" at `index`: how many weeks from the
    /// publication week it names.
    fn week_offset(&self, index: usize) -> Option<i64> {
        let offset = match self.keyword(index)? {
            Keyword::This => 0,
            Keyword::Last => -1,
            Keyword::Next => 1,
            _ => return None,
        };
        (self.word(index + 1)? == Word::Unit(Unit::Week)).then_some(offset)
    }

    /// A day of the month at `index`: 1–31, one or two digits, or an ordinal.
    fn day_number(&self, index: usize) -> Option<u8> {
        let value = match self.kind(index)? {
            Kind::Number { value, digits } if digits <= 2 => value,
            Kind::Ordinal(value) => value,
            _ => return None,
        };
        // "March 3:30" is a time; "March 3,000" never reaches here (one token).
        if self.touches_next(index) && self.is_punct(index + 1, ':') {
            return None;
        }
        u8::try_from(value).ok().filter(|day| (1..=31).contains(day))
    }

    /// A year after a month or day: a four-digit year, or "this year", "last
    /// year", "next year" ("in May last year"). Returns the year and the
    /// index after it.
    fn explicit_year(&self, index: usize) -> Option<(i32, usize)> {
        if let Some(year) = self.year_number(index) {
            return Some((year, index + 1));
        }
        let offset = match self.keyword(index)? {
            Keyword::This => 0,
            Keyword::Last => -1,
            Keyword::Next => 1,
            _ => return None,
        };
        if self.word(index + 1)? != Word::Unit(Unit::Year) {
            return None;
        }
        Some((self.publication?.year.checked_add(offset)?, index + 2))
    }

    /// A year 1900–2100 written with four digits at `index`.
    fn year_number(&self, index: usize) -> Option<i32> {
        match self.kind(index)? {
            Kind::Number { value, digits: 4 } if YEAR_RANGE.contains(&value) => i32::try_from(value).ok(),
            _ => None,
        }
    }
}

/// The month, else the year, that holds every day from `first` to `last`.
fn enclosing_period(first: CivilDate, last: CivilDate) -> Option<EventDate> {
    if first.year != last.year {
        None
    } else if first.month != last.month {
        Some(EventDate::year(first.year))
    } else {
        EventDate::month(first.year, first.month)
    }
}

/// The Monday of the week (Monday to Sunday) `offset` weeks from the publication week.
fn week_monday(publication: CivilDate, offset: i64) -> CivilDate {
    publication.add_days(7 * offset - publication.weekday().days_from_monday())
}

/// The month, else the year, holding the Saturday and Sunday of the week `offset` weeks from
/// the publication week, if that Saturday is not after publication.
fn weekend(publication: CivilDate, offset: i64) -> Option<EventDate> {
    let saturday = week_monday(publication, offset).add_days(Weekday::Saturday.days_from_monday());
    if saturday > publication {
        return None;
    }
    enclosing_period(saturday, saturday.add_days(1))
}

/// The month, else the year, holding the last weekend begun by publication.
fn last_weekend_begun(publication: CivilDate) -> Option<EventDate> {
    let this_week_begun = publication.weekday().days_from_monday() >= Weekday::Saturday.days_from_monday();
    weekend(publication, if this_week_begun { 0 } else { -1 })
}

/// The month `offset` months from the publication month.
fn shift_month(publication: CivilDate, offset: i64) -> Option<EventDate> {
    let index = i64::from(publication.year) * 12 + i64::from(publication.month - 1) + offset;
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    // rem_euclid(12) + 1 is always 1..=12.
    EventDate::month(year, index.rem_euclid(12) as u8 + 1)
}

fn weekday_occurrence(publication: CivilDate, weekday: Weekday, occurrence: Occurrence) -> CivilDate {
    let back = (publication.weekday().days_from_monday() - weekday.days_from_monday()).rem_euclid(7);
    match occurrence {
        Occurrence::OnOrBefore | Occurrence::SameYear => publication.add_days(-back),
        Occurrence::Before => publication.add_days(-if back == 0 { 7 } else { back }),
        Occurrence::After => {
            let forward = (7 - back).rem_euclid(7);
            publication.add_days(if forward == 0 { 7 } else { forward })
        }
    }
}

fn month_occurrence(publication: CivilDate, month: u8, occurrence: Occurrence) -> Option<EventDate> {
    let year = publication.year;
    let year = match occurrence {
        Occurrence::SameYear => year,
        Occurrence::OnOrBefore if month <= publication.month => year,
        Occurrence::Before if month < publication.month => year,
        Occurrence::OnOrBefore | Occurrence::Before => year.checked_sub(1)?,
        Occurrence::After if month > publication.month => year,
        Occurrence::After => year.checked_add(1)?,
    };
    EventDate::month(year, month)
}

/// The most recent `month`/`day` not after publication plus the tolerance.
/// Looks back up to eight years so that 29 February finds a leap year.
fn recent_day(publication: CivilDate, month: u8, day: u8) -> Option<CivilDate> {
    let latest = publication.add_days(FUTURE_TOLERANCE_DAYS);
    (-8..=1)
        .rev()
        .filter_map(|offset| CivilDate::new(publication.year.checked_add(offset)?, month, day))
        .find(|candidate| *candidate <= latest)
}

#[cfg(test)]
mod tests;
