//! Property tests: `find_dates` and the calendar arithmetic hold their
//! invariants on arbitrary input.

use kestrel_dates::{find_dates, CivilDate, Weekday};
use proptest::prelude::*;

fn any_date() -> impl Strategy<Value = CivilDate> {
    (-5000i32..5000, 1u8..=12, 1u8..=31)
        .prop_filter_map("valid date", |(year, month, day)| CivilDate::new(year, month, day))
}

/// Text mixing date vocabulary, numbers, punctuation and non-ASCII
/// characters, so that the matcher's deeper paths are exercised.
fn dateish_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("in".to_string()),
        Just("on".to_string()),
        Just("last".to_string()),
        Just("the".to_string()),
        Just("previous".to_string()),
        Just("day".to_string()),
        Just("before".to_string()),
        Just("mid".to_string()),
        Just("May".to_string()),
        Just("Feb.".to_string()),
        Just("Wednesday".to_string()),
        Just("ago".to_string()),
        Just("two".to_string()),
        Just("years".to_string()),
        Just("-".to_string()),
        Just(",".to_string()),
        Just("’s".to_string()),
        (0u32..3000).prop_map(|n| n.to_string()),
        "\\PC{0,4}",
    ];
    prop::collection::vec((piece, prop_oneof![Just(""), Just(" ")]), 0..16)
        .prop_map(|pieces| pieces.into_iter().map(|(piece, separator)| piece + separator).collect())
}

fn check_offsets(text: &str, publication: Option<CivilDate>) -> Result<(), TestCaseError> {
    let found = find_dates(text, publication);
    let mut previous_end = 0;
    for expression in &found {
        prop_assert!(expression.start < expression.end);
        prop_assert!(expression.end <= text.len());
        prop_assert!(text.is_char_boundary(expression.start));
        prop_assert!(text.is_char_boundary(expression.end));
        prop_assert!(expression.start >= previous_end, "overlap in {:?}", text);
        previous_end = expression.end;
    }
    Ok(())
}

proptest! {
    #[test]
    fn find_dates_offsets_are_valid_for_any_string(
        text in "\\PC{0,80}",
        publication in proptest::option::of(any_date()),
    ) {
        check_offsets(&text, publication)?;
    }

    #[test]
    fn find_dates_offsets_are_valid_for_dateish_text(
        text in dateish_text(),
        publication in proptest::option::of(any_date()),
    ) {
        check_offsets(&text, publication)?;
    }

    #[test]
    fn day_numbers_round_trip(date in any_date()) {
        prop_assert_eq!(CivilDate::from_days_since_epoch(date.days_since_epoch()), date);
        prop_assert_eq!(date.add_days(1).add_days(-1), date);
        prop_assert!(date.add_days(1) > date);
    }

    #[test]
    fn weekdays_repeat_every_seven_days(date in any_date(), weeks in -1000i64..1000) {
        prop_assert_eq!(date.add_days(7 * weeks).weekday(), date.weekday());
        let next: Weekday = date.add_days(1).weekday();
        prop_assert_eq!(next.days_from_monday(), (date.weekday().days_from_monday() + 1) % 7);
    }

    #[test]
    fn parse_round_trips_display(date in any_date().prop_filter("four-digit year", |d| (0..=9999).contains(&d.year))) {
        prop_assert_eq!(CivilDate::parse(&date.to_string()), Some(date));
        let compact = date.to_string().replace('-', "");
        prop_assert_eq!(CivilDate::parse(&compact), Some(date));
    }
}

/// Real news prose: every expression found in the Lee corpus (when the
/// shared corpora are present) has valid offsets.
#[test]
fn lee_corpus_offsets_are_valid() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora/lee_background.cor"
    );
    let Ok(corpus) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {path} not found");
        return;
    };
    let publication = CivilDate::parse("2023-08-30");
    let mut total = 0;
    for line in corpus.lines() {
        check_offsets(line, publication).expect("valid offsets");
        total += find_dates(line, publication).len();
    }
    assert!(total > 100, "the corpus mentions many dates, found {total}");
}
