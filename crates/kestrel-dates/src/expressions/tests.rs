use super::*;
use crate::event_date::Precision;

/// Wednesday 30 August 2023, the seed article's publication date.
fn seed_publication() -> Option<CivilDate> {
    CivilDate::parse("2023-08-30")
}

/// Each expression found as (span text, resolved date).
fn found(text: &str, publication: Option<CivilDate>) -> Vec<(String, String)> {
    find_dates(text, publication)
        .into_iter()
        .map(|expression| {
            (
                text[expression.start..expression.end].to_string(),
                expression.date.to_string(),
            )
        })
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(span, date)| (span.to_string(), date.to_string()))
        .collect()
}

fn assert_found(text: &str, expected: &[(&str, &str)]) {
    assert_eq!(found(text, seed_publication()), pairs(expected), "in {text:?}");
}

fn assert_none(text: &str) {
    assert_eq!(found(text, seed_publication()), pairs(&[]), "in {text:?}");
}

#[test]
fn seed_article_expressions() {
    assert_found(
        "Earlier this month, the U.S. imposed sanctions on three entities.",
        &[("Earlier this month", "2023-08")],
    );
    assert_found(
        "North Korea had reportedly delivered infantry rockets and missiles to Russia last year, leading to more.",
        &[("last year", "2022")],
    );
    assert_found(
        "The United States has raised alarms, the White House announced on Wednesday.",
        &[("Wednesday", "2023-08-30")],
    );
    assert_found(
        "Russia, whose military intervention in Ukraine in February 2022 has been met with strong opposition.",
        &[("February 2022", "2022-02")],
    );
    let precisions: Vec<Precision> =
        find_dates("Earlier this month and last year and on Wednesday", seed_publication())
            .iter()
            .map(|expression| expression.date.precision())
            .collect();
    assert_eq!(precisions, [Precision::Month, Precision::Year, Precision::Day]);
}

#[test]
fn days_relative_to_publication() {
    assert_found("He spoke today.", &[("today", "2023-08-30")]);
    assert_found("Yesterday, he spoke.", &[("Yesterday", "2023-08-29")]);
    assert_found("He will speak tomorrow.", &[("tomorrow", "2023-08-31")]);
    assert_found("Shelling hit Kyiv last night.", &[("last night", "2023-08-29")]);
    assert_found("He spoke this morning.", &[("this morning", "2023-08-30")]);
    assert_found("He will speak tonight.", &[("tonight", "2023-08-30")]);
    assert_found("They met the previous day.", &[("the previous day", "2023-08-29")]);
    assert_found("They had met the day before.", &[("the day before", "2023-08-29")]);
    assert_found(
        "They met the day before yesterday.",
        &[("the day before yesterday", "2023-08-28")],
    );
    assert_found("They met early Tuesday.", &[("early Tuesday", "2023-08-29")]);
}

#[test]
fn the_day_before_something_else_is_not_resolved() {
    assert_none("They met the day before the vote.");
}

#[test]
fn weekdays() {
    // Publication is itself a Wednesday.
    assert_found("on Wednesday", &[("Wednesday", "2023-08-30")]);
    assert_found("on Monday", &[("Monday", "2023-08-28")]);
    assert_found("on Thursday", &[("Thursday", "2023-08-24")]);
    assert_found("last Wednesday", &[("last Wednesday", "2023-08-23")]);
    assert_found("next Wednesday", &[("next Wednesday", "2023-09-06")]);
    assert_found("next Friday", &[("next Friday", "2023-09-01")]);
    assert_found("SATURDAY", &[("SATURDAY", "2023-08-26")]);
    assert_found("on Monday night", &[("Monday night", "2023-08-28")]);
    assert_found("late on Tuesday evening", &[("Tuesday evening", "2023-08-29")]);
    assert_found(
        "The talks on Wednesday, Aug. 23 ended.",
        &[("Wednesday, Aug. 23", "2023-08-23")],
    );
}

#[test]
fn months_and_years_relative_to_publication() {
    assert_found("this month", &[("this month", "2023-08")]);
    assert_found("last month", &[("last month", "2023-07")]);
    assert_found("next month", &[("next month", "2023-09")]);
    assert_found("the previous month", &[("the previous month", "2023-07")]);
    assert_found("earlier this year", &[("earlier this year", "2023")]);
    assert_found("this year", &[("this year", "2023")]);
    assert_found("late last year", &[("late last year", "2022")]);
    assert_found("next year", &[("next year", "2024")]);
    assert_found("last year's vote", &[("last year", "2022")]);
    // A period, not a date.
    assert_none("over the last year");
}

#[test]
fn month_names_without_year() {
    assert_found("in February", &[("February", "2023-02")]);
    assert_found("in August", &[("August", "2023-08")]);
    assert_found("in September", &[("September", "2022-09")]);
    assert_found("last February", &[("last February", "2023-02")]);
    assert_found("last August", &[("last August", "2022-08")]);
    assert_found("next February", &[("next February", "2024-02")]);
    assert_found("in early March", &[("early March", "2023-03")]);
    assert_found("since mid-May", &[("mid-May", "2023-05")]);
    assert_found("February's vote", &[("February", "2023-02")]);
    assert_found("the end of June", &[("June", "2023-06")]);
}

#[test]
fn month_names_with_year() {
    assert_found("in February 2022", &[("February 2022", "2022-02")]);
    assert_found("February of 2022", &[("February of 2022", "2022-02")]);
    assert_found("in Feb. 2022", &[("Feb. 2022", "2022-02")]);
    assert_found("in May 2019", &[("May 2019", "2019-05")]);
    assert_found("in May last year", &[("May last year", "2022-05")]);
    assert_found("In February last year", &[("February last year", "2022-02")]);
    assert_found("on February 24 this year", &[("February 24 this year", "2023-02-24")]);
    assert_found("on 3 March next year", &[("3 March next year", "2024-03-03")]);
}

#[test]
fn days_with_month_names() {
    assert_found("on March 3, 2021", &[("March 3, 2021", "2021-03-03")]);
    assert_found("on March 3 2021", &[("March 3 2021", "2021-03-03")]);
    assert_found("3 March 2021", &[("3 March 2021", "2021-03-03")]);
    assert_found("the 3rd of March, 2021", &[("3rd of March, 2021", "2021-03-03")]);
    assert_found("on March 3", &[("March 3", "2023-03-03")]);
    assert_found("3 March", &[("3 March", "2023-03-03")]);
    assert_found("Aug. 30", &[("Aug. 30", "2023-08-30")]);
    assert_found("Aug 29th", &[("Aug 29th", "2023-08-29")]);
    assert_found("30 Aug.", &[("30 Aug.", "2023-08-30")]);
    // A few days after publication is an announced date of this year...
    assert_found("talks on Sept. 5", &[("Sept. 5", "2023-09-05")]);
    // ...further ahead is last year's.
    assert_found("on October 2", &[("October 2", "2022-10-02")]);
    assert_found("on May 5", &[("May 5", "2023-05-05")]);
    // 29 February resolves to the latest leap year.
    assert_found("on February 29", &[("February 29", "2020-02-29")]);
    // Impossible days are not dates.
    assert_none("on February 30, 2021");
    assert_none("on April 31");
}

#[test]
fn year_rollover_for_days_without_year() {
    let new_years_eve = CivilDate::parse("2023-12-30");
    assert_eq!(
        found("the summit on Jan. 4", new_years_eve),
        pairs(&[("Jan. 4", "2024-01-04")])
    );
    assert_eq!(
        found("the vote on December 28", new_years_eve),
        pairs(&[("December 28", "2023-12-28")])
    );
    let january = CivilDate::parse("2024-01-02");
    assert_eq!(found("in December", january), pairs(&[("December", "2023-12")]));
    assert_eq!(found("last month", january), pairs(&[("last month", "2023-12")]));
}

#[test]
fn ago() {
    assert_found("two days ago", &[("two days ago", "2023-08-28")]);
    assert_found("3 weeks ago", &[("3 weeks ago", "2023-08-09")]);
    assert_found("a week ago", &[("a week ago", "2023-08-23")]);
    assert_found("two months ago", &[("two months ago", "2023-06")]);
    assert_found("ten months ago", &[("ten months ago", "2022-10")]);
    assert_found("twelve years ago", &[("twelve years ago", "2011")]);
    assert_none("several days ago");
}

#[test]
fn years() {
    assert_found("in 2019", &[("2019", "2019")]);
    assert_found("since 2014", &[("2014", "2014")]);
    assert_found("2019's floods", &[("2019", "2019")]);
    assert_found("the end of 2019.", &[("2019", "2019")]);
    assert_found("mid-2019", &[("mid-2019", "2019")]);
    assert_found("In 2019 elections were held", &[("2019", "2019")]);
    assert_found("in 2019 and 2021", &[("2019", "2019"), ("2021", "2021")]);
    assert_found("(2008)", &[("2008", "2008")]);
}

/// Each expression found as (span text, whether it is a period).
fn periods(text: &str) -> Vec<(&str, bool)> {
    find_dates(text, seed_publication())
        .into_iter()
        .map(|expression| (&text[expression.start..expression.end], expression.period))
        .collect()
}

#[test]
fn spans_of_years_are_periods() {
    for (text, span) in [
        ("US troops fought in Iraq between 2003 and 2011.", "2003 and 2011"),
        ("The Soviet Union occupied Afghanistan in 1979-1989.", "1979-1989"),
        ("during the 1979–1989 war", "1979–1989"),
        ("from 2001 to 2021", "2001 to 2021"),
        ("from 2006 until 2009", "2006 until 2009"),
        ("2016 through 2018", "2016 through 2018"),
    ] {
        assert_eq!(periods(text), [(span, true)], "in {text:?}");
    }
    // A period starts in its first year; neither end is read as a date of its own.
    assert_found("from 1999 to 2008", &[("1999 to 2008", "1999")]);
    assert_eq!(
        periods("He ruled from 1999 to 2008 and again in 2012."),
        [("1999 to 2008", true), ("2012", false)]
    );
    // "to", "until", "till", "through", a dash and "between ... and" join two years, "from" and
    // a bare "and" do not.
    assert_eq!(periods("in 2019 and 2021"), [("2019", false), ("2021", false)]);
    assert_found(
        "Rates rose in 2019 from 2018 levels.",
        &[("2019", "2019"), ("2018", "2018")],
    );
}

#[test]
fn several_days_of_one_month_date_to_the_month() {
    assert_found("Talks were held on May 6-7 in Beijing.", &[("May 6-7", "2023-05")]);
    assert_found("on the night of 6-7 May", &[("6-7 May", "2023-05")]);
    assert_found("from March 3–5, 2021", &[("March 3–5, 2021", "2021-03")]);
    // Published 30 August 2023: days still to come are this year's, as for one day.
    assert_found("the Sept. 4-6 summit", &[("Sept. 4-6", "2023-09")]);
    // Not a range of days: a score, or days in the wrong order.
    assert_found("on May 6-2", &[("May 6", "2023-05-06")]);
    assert_none("on February 30-31, 2021");
}

#[test]
fn quantities_are_not_years() {
    assert_none("1,000 people died");
    assert_none("some 2000 troops");
    assert_none("a crowd of 2000 people");
    assert_none("it cost $2019");
    assert_none("a rise of 2019%");
    assert_none("in 1850");
    assert_none("3000 km away");
    assert_none("the 2000 soldiers");
}

#[test]
fn ambiguous_words_need_context() {
    assert_none("Investigators may have missed it.");
    assert_none("They may 5 times a year refuse.");
    assert_none("Protesters march through the city.");
    assert_none("Thousands march on the capital.");
    assert_none("The deal could mar relations.");
    assert_none("Theresa May said.");
    assert_found("in May", &[("May", "2023-05")]);
    assert_found("last March", &[("last March", "2023-03")]);
    assert_found("in March", &[("March", "2023-03")]);
    // Abbreviations are only trusted with a day or a year.
    assert_none("Jan said in Dec that");
}

#[test]
fn numeric_dates() {
    assert_found("on 2023-08-30.", &[("2023-08-30", "2023-08-30")]);
    assert_found("(2022-02-24)", &[("2022-02-24", "2022-02-24")]);
    assert_none("on 2023-02-30");
    assert_none("on 3/3");
    assert_none("on 3/4/2021");
    assert_none("at 20:19 local time");
}

#[test]
fn absolute_expressions_resolve_without_publication() {
    assert_eq!(
        found("in February 2022, on March 3, 2021, in 2019 and 2023-08-30", None),
        pairs(&[
            ("February 2022", "2022-02"),
            ("March 3, 2021", "2021-03-03"),
            ("2019", "2019"),
            ("2023-08-30", "2023-08-30"),
        ])
    );
    assert_eq!(
        found(
            "yesterday, on Wednesday, last year, in February, Aug. 30, two days ago",
            None
        ),
        pairs(&[])
    );
}

#[test]
fn several_expressions_in_order_without_overlap() {
    assert_found(
        "On Monday, officials said troops arrived in 2019 and left last month.",
        &[("Monday", "2023-08-28"), ("2019", "2019"), ("last month", "2023-07")],
    );
}

#[test]
fn offsets_are_bytes_in_non_ascii_text() {
    let text = "Kyiv’s mayor — on Wednesday — said “last year” was hard.";
    assert_eq!(
        found(text, seed_publication()),
        pairs(&[("Wednesday", "2023-08-30"), ("last year", "2022")])
    );
}

#[test]
fn text_without_dates() {
    assert_none("");
    assert_none("The United States has raised alarms regarding the negotiations.");
    assert_none("Kirby revealed that North Korea had reportedly delivered rockets.");
}

#[test]
fn leading_dates_end_where_the_expression_ends() {
    let text = "last Wednesday Abu Nidal";
    assert_eq!(leading_date(text).map(|end| &text[..end]), Some("last Wednesday"));
    let text = "Tuesday night rebels";
    assert_eq!(leading_date(text).map(|end| &text[..end]), Some("Tuesday night"));
    // A time of no single day, month or year is still a time.
    let text = "last week rebels";
    assert_eq!(leading_date(text).map(|end| &text[..end]), Some("last week"));
    assert_eq!(leading_date("rebels last week"), None);
    assert_eq!(leading_date("Juan Perez"), None);
}

#[test]
fn a_week_dates_to_the_month_or_year_that_holds_it() {
    // Published Wednesday 30 August 2023: this week is 28 August to 3 September.
    assert_found("The talks ended last week.", &[("last week", "2023-08")]);
    assert_none("They meet next week.");
    assert_found("Talks began this week.", &[("this week", "2023")]);
    // Published Wednesday 4 January 2023: last week, 26 December to 1 January, spans two years.
    let new_year = CivilDate::new(2023, 1, 4);
    assert_eq!(found("Fighting resumed last week.", new_year), pairs(&[]));
    assert_eq!(
        found("Talks began this week.", new_year),
        pairs(&[("this week", "2023-01")])
    );
}

#[test]
fn a_weekday_in_a_named_week_is_that_day_of_the_week() {
    // Published Wednesday 30 August 2023: last week is 21 to 27 August.
    assert_found(
        "Troops withdrew on Friday last week.",
        &[("Friday last week", "2023-08-25")],
    );
    assert_found(
        "They met on Monday of last week.",
        &[("Monday of last week", "2023-08-21")],
    );
    assert_found(
        "Talks opened on Tuesday this week.",
        &[("Tuesday this week", "2023-08-29")],
    );
    assert_found("He arrives on Friday next week.", &[("Friday next week", "2023-09-08")]);
    assert_found(
        "Rebels struck on Saturday night last week.",
        &[("Saturday night last week", "2023-08-26")],
    );
    // "Friday, last week's talks..." names two times.
    assert_found(
        "He spoke on Friday, last week's talks having failed.",
        &[("Friday", "2023-08-25"), ("last week", "2023-08")],
    );
}

#[test]
fn a_season_dates_to_its_year() {
    // Published 30 August 2023: last summer is the one before this one, last spring is over.
    assert_found("Troops clashed last summer.", &[("last summer", "2022")]);
    assert_found("Police arrested them last spring.", &[("last spring", "2023")]);
    assert_found("Talks failed last fall.", &[("last fall", "2022")]);
    assert_found("Rebels took the town this spring.", &[("this spring", "2023")]);
    assert_none("They will meet next summer.");
    assert_none("Fighting stopped last winter.");
    // "fall" and "spring" are words of their own without "this", "last" or "next".
    assert_none("Prices may fall in the spring.");
    // Published 15 December 2023: the last autumn is over.
    assert_eq!(
        found("Protests began last autumn.", CivilDate::new(2023, 12, 15)),
        pairs(&[("last autumn", "2023")])
    );
}

#[test]
fn a_weekend_dates_to_the_month_or_year_that_holds_it() {
    // Published Wednesday 30 August 2023: the last weekend was 26-27 August.
    assert_found(
        "Rebels attacked the town over the weekend.",
        &[("the weekend", "2023-08")],
    );
    assert_found("Police arrested him last weekend.", &[("last weekend", "2023-08")]);
    assert_found(
        "Police arrested him this past weekend.",
        &[("this past weekend", "2023-08")],
    );
    assert_none("Police arrested him in the past week.");
    assert_none("They will meet this weekend.");
    assert_none("They will meet next weekend.");
    assert_none("They met on the weekend before the vote.");
    // Published Saturday 2 September 2023: the weekend is the one begun that day.
    let saturday = CivilDate::new(2023, 9, 2);
    assert_eq!(
        found(
            "Talks began over the weekend, this weekend and this past weekend.",
            saturday
        ),
        pairs(&[
            ("the weekend", "2023-09"),
            ("this weekend", "2023-09"),
            ("this past weekend", "2023-09")
        ])
    );
    // Published Monday 1 April 2024: 30-31 March.
    assert_eq!(
        found("Protests spread over the weekend.", CivilDate::new(2024, 4, 1)),
        pairs(&[("the weekend", "2024-03")])
    );
    // Published Tuesday 3 September 2024: 31 August and 1 September are in two months.
    assert_eq!(
        found("Fighting resumed over the weekend.", CivilDate::new(2024, 9, 3)),
        pairs(&[("the weekend", "2024")])
    );
}

#[test]
fn dates_without_a_year_are_marked_as_assumed_past() {
    let text = "on Friday, in April, on Sept. 2, last Friday, in April 2022, this Friday, yesterday";
    let marked: Vec<(&str, bool)> = find_dates(text, seed_publication())
        .into_iter()
        .map(|e| (&text[e.start..e.end], e.assumed_past))
        .collect();
    assert_eq!(
        marked,
        [
            ("Friday", true),
            ("April", true),
            ("Sept. 2", true),
            ("last Friday", false),
            ("April 2022", false),
            ("this Friday", true),
            ("yesterday", false),
        ]
    );
}

#[test]
fn only_the_kinds_leading_date_lets_through_open_an_expression() {
    let openers = [
        "former",
        "rebels",
        "G20",
        "1,000",
        "(",
        "of",
        "in",
        "ago",
        "night",
        "morning",
        "week",
        "previous",
        "before",
        "on",
        "early",
        "last",
        "the",
        "2019",
        "3rd",
        "two",
        "Monday",
        "March",
        "today",
        "overnight",
        "Christmas",
        "New",
    ];
    let rests = [
        "",
        " day",
        " days ago",
        " previous day",
        " day before yesterday",
        "-March 3, 2021",
        " 3, 2021",
        " of March 2021",
        " this year",
        " Wednesday",
        " week",
        " night",
        " 2021",
        " Day",
        " Eve",
        " Year's Day",
    ];
    for opener in openers {
        for rest in rests {
            let text = format!("{opener}{rest}");
            let tokens: Vec<Token> = Tokens::new(&text).collect();
            let matcher = Matcher {
                tokens: &tokens,
                publication: CivilDate::new(2023, 8, 30),
                last_day_named: None,
            };
            let matched = matcher.match_at(0).is_some();
            assert!(may_open_expression(tokens[0].kind) || !matched, "{text}");
        }
    }
}

#[test]
fn a_span_before_after_or_before_is_counted_in_days() {
    assert_eq!(span_days("a", "day"), Some(Some(1)));
    assert_eq!(span_days("two", "weeks"), Some(Some(14)));
    assert_eq!(span_days("3", "days"), Some(Some(3)));
    // No length in days: "days after", "two months after".
    assert_eq!(span_days("just", "days"), Some(None));
    assert_eq!(span_days("two", "months"), Some(None));
    // "last week after the attack" is a date, not a span; "the vote" no span at all.
    assert_eq!(span_days("last", "week"), None);
    assert_eq!(span_days("the", "vote"), None);
}

#[test]
fn christmas_and_new_year_are_days_without_a_year() {
    // Published Wednesday 30 August 2023.
    assert_found(
        "Gunmen attacked a church on Christmas Day and a market on New Year's Eve.",
        &[("Christmas Day", "2022-12-25"), ("New Year's Eve", "2022-12-31")],
    );
    assert_found(
        "Rockets hit Kyiv on New Year’s Day and on Christmas Eve 2019.",
        &[("New Year’s Day", "2023-01-01"), ("Christmas Eve 2019", "2019-12-24")],
    );
    // Published 2 January 2023: New Year's Eve was two days before.
    assert_eq!(
        found("Missiles struck Kyiv on New Year's Eve.", CivilDate::new(2023, 1, 2)),
        pairs(&[("New Year's Eve", "2022-12-31")])
    );
    let marked: Vec<bool> = find_dates("on Christmas Day", seed_publication())
        .iter()
        .map(|e| e.assumed_past)
        .collect();
    assert_eq!(marked, [true]);
    // Not the names of days: a market, a season, a new year.
    assert_none("Police guarded a Christmas market.");
    assert_none("Trade fell over the Christmas days.");
    assert_none("The new year began quietly.");
    assert_none("Officials met ahead of the New Year holiday.");
    assert_none("Crowds bought fireworks for New Year's Eve celebrations.");
    assert_none("Christmas Day passed quietly.");
}

#[test]
fn overnight_is_the_night_before_publication() {
    // Published Wednesday 30 August 2023: the night of 29-30 August.
    assert_found("Russian drones attacked Odesa overnight.", &[("overnight", "2023-08")]);
    assert_found("An overnight strike hit Kyiv.", &[("overnight", "2023-08")]);
    // Published Friday 1 September 2023: the night spans two months.
    assert_eq!(
        found("Drones attacked Odesa overnight.", CivilDate::new(2023, 9, 1)),
        pairs(&[("overnight", "2023")])
    );
    // A day named with it is the date.
    assert_found(
        "Drones attacked Odesa overnight into Sunday.",
        &[("Sunday", "2023-08-27")],
    );
    assert_found("Drones attacked Odesa overnight Monday.", &[("Monday", "2023-08-28")]);
}

#[test]
fn a_possessive_expression_is_marked() {
    let text = "condemned Monday's attack and February’s vote, on Tuesday, in 2019's election, the Monday 's";
    let marked: Vec<(&str, bool)> = find_dates(text, seed_publication())
        .into_iter()
        .map(|e| (&text[e.start..e.end], e.possessive))
        .collect();
    assert_eq!(
        marked,
        [
            ("Monday", true),
            ("February", true),
            ("Tuesday", false),
            ("2019", true),
            ("Monday", false),
        ]
    );
}

#[test]
fn the_next_day_follows_the_day_named_before() {
    // Published Wednesday 30 August 2023.
    assert_found(
        "The army bombed Nyala on Monday and rebels attacked El Fasher the next day.",
        &[("Monday", "2023-08-28"), ("the next day", "2023-08-29")],
    );
    assert_found(
        "Talks opened on Aug. 3, 2021 and collapsed the following day.",
        &[("Aug. 3, 2021", "2021-08-03"), ("the following day", "2021-08-04")],
    );
    // A day is needed: a month or nothing before dates nothing.
    assert_none("Rebels attacked El Fasher the next day.");
    assert_found(
        "Rebels attacked in August and again the next day.",
        &[("August", "2023-08")],
    );
    assert_none("Fighting continued over the following days.");
    assert_found(
        "Israel struck Gaza on Monday after rockets were fired the previous day.",
        &[("Monday", "2023-08-28"), ("the previous day", "2023-08-27")],
    );
    assert_found(
        "Rockets were fired the previous day.",
        &[("the previous day", "2023-08-29")],
    );
    let marked: Vec<bool> = find_dates("on Friday and the next day", seed_publication())
        .iter()
        .map(|e| e.assumed_past)
        .collect();
    assert_eq!(marked, [true, true]);
}

#[test]
fn earlier_and_later_this_week_hold_only_their_days() {
    // Published Tuesday 1 March 2011: the week runs from 28 February to 6 March.
    let tuesday = CivilDate::new(2011, 3, 1);
    assert_eq!(
        found("Troops fired on protesters this week.", tuesday),
        pairs(&[("this week", "2011")])
    );
    assert_eq!(
        found("Troops fired on protesters earlier this week.", tuesday),
        pairs(&[("earlier this week", "2011-02")])
    );
    assert_eq!(
        found("The envoy will visit later this week.", tuesday),
        pairs(&[("later this week", "2011-03")])
    );
    // Published Monday 28 August 2023: no day of the week is before publication, so the
    // whole week stands.
    assert_eq!(
        found(
            "Troops fired on protesters earlier this week.",
            CivilDate::new(2023, 8, 28)
        ),
        pairs(&[("earlier this week", "2023")])
    );
}
