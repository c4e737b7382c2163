use std::path::PathBuf;
use std::time::Duration;

use kestrel::input::Document;
use kestrel::{ActorRecord, AttributionRecord, EventRecord, TriggerRecord};
use kestrel_dates::CivilDate;

use super::*;

fn temp_store() -> (tempfile::TempDir, PathBuf, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kestrel.db");
    let store = Store::open(&path).expect("open new store");
    (dir, path, store)
}

fn document(id: &str, date: &str, outlet: &str, text: &str) -> Document {
    Document {
        id: id.into(),
        date: CivilDate::parse(date),
        text: text.into(),
        title: Some(format!("title of {id}")),
        url: Some(format!("https://{outlet}/{id}")),
        source: None,
    }
}

fn actor(code: &str) -> ActorRecord {
    ActorRecord {
        text: code.to_lowercase(),
        code: code.into(),
        country: code.get(..3).filter(|c| !c.starts_with("IGO")).map(Into::into),
        sectors: Vec::new(),
        name: None,
        span: [0, 1],
    }
}

/// A record as `kestrel code` writes it; `date` is the event date found in the text.
fn record(doc_id: &str, n: usize, source: &str, target: Option<&str>, code: &str, date: Option<&str>) -> EventRecord {
    let quad_class = match &code[..2] {
        "01" | "02" | "03" | "04" | "05" => 1,
        "06" | "07" | "08" => 2,
        "09" | "10" | "11" | "12" | "13" | "14" | "15" | "16" => 3,
        _ => 4,
    };
    EventRecord {
        doc_id: doc_id.into(),
        sentence: n,
        event_id: format!("{doc_id}-e{n}"),
        code: code.into(),
        root: code[..2].into(),
        quad_class,
        goldstein: if quad_class > 2 { -5.0 } else { 3.0 },
        plover: None,
        source: actor(source),
        target: target.map(actor),
        trigger: TriggerRecord {
            text: "met".into(),
            span: [2, 5],
        },
        attribution: None,
        modality: "asserted".into(),
        date: date.map(Into::into),
        date_precision: date.map(|_| "day".into()),
        sentence_text: format!("{source} and {} sentence {n} of {doc_id}", target.unwrap_or("nobody")),
        confidence: 0.9,
    }
}

const WIRE: &str = "Russia's defence minister Sergei Shoigu arrived in Pyongyang on Tuesday for talks with \
                    North Korean leader Kim Jong Un, the state news agency said, in a visit marking the \
                    seventieth anniversary of the armistice that ended the Korean War.";
const REWRITE: &str = "Russia's defence minister Sergei Shoigu arrived in Pyongyang on Tuesday for talks with \
                       North Korean leader Kim Jong Un, state media said, in a visit marking the seventieth \
                       anniversary of the armistice that ended the Korean War in 1953.";
const OTHER: &str = "Floods in southern Brazil forced thousands of families from their homes as rivers \
                     rose to record levels after a week of torrential rain across the region.";

#[test]
fn a_new_store_is_created_and_reopened() {
    let (_dir, path, store) = temp_store();
    assert_eq!(
        store.stats().unwrap(),
        Stats {
            documents: 0,
            sentences: 0,
            events: 0,
            mentions: 0,
            stories: 0
        }
    );
    drop(store);
    let again = Store::open_existing(&path).expect("reopen");
    let version: i64 = again.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let mode: String = again.conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
}

/// A reader (`kestrel stats`, the server) opening a store at the moment an ingest creates it:
/// both switch the new file to write-ahead logging, and SQLite answers one of them "locked" at
/// once, without waiting. Neither may fail.
#[test]
fn stores_opened_while_being_created_all_open() {
    let dir = tempfile::tempdir().unwrap();
    for round in 0..100 {
        let path = dir.path().join(format!("new-{round}.db"));
        let barrier = std::sync::Barrier::new(4);
        std::thread::scope(|scope| {
            let openers: Vec<_> = (0..4)
                .map(|_| {
                    scope.spawn(|| {
                        barrier.wait();
                        let store = Store::open(&path)?;
                        let mode: String = store
                            .conn
                            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
                            .expect("journal mode");
                        store.stats().map(|s| (s.documents, mode))
                    })
                })
                .collect();
            for opener in openers {
                let opened = opener.join().expect("no panic");
                assert!(
                    matches!(&opened, Ok((0, mode)) if mode == "wal"),
                    "round {round}: {opened:?}"
                );
            }
        });
    }
}

#[test]
fn a_missing_store_is_not_created_by_readers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing.db");
    let e = Store::open_existing(&path).err().expect("missing store");
    assert!(e.to_string().contains("missing.db"), "{e}");
    assert!(!path.exists());
}

#[test]
fn ingesting_the_same_documents_twice_changes_nothing() {
    let (_dir, _path, mut store) = temp_store();
    let batch = vec![
        (
            document("a", "2023-07-26", "reuters.com", WIRE),
            vec![record("a", 0, "RUSGOVMIL", Some("PRK"), "042", Some("2023-07-25"))],
        ),
        (
            document("b", "2023-07-26", "bbc.co.uk", OTHER),
            vec![record("b", 0, "BRA", None, "0233", None)],
        ),
    ];
    let first = store.ingest(&batch).unwrap();
    assert_eq!(first.documents, 2);
    assert_eq!(first.duplicates, 0);
    let stats = store.stats().unwrap();
    assert_eq!(
        (stats.documents, stats.events, stats.mentions, stats.stories),
        (2, 2, 2, 2)
    );
    assert!(stats.sentences >= 2);
    let second = store.ingest(&batch).unwrap();
    assert_eq!(second.documents, 0);
    assert_eq!(second.duplicates, 2);
    assert_eq!(store.stats().unwrap(), stats);
}

#[test]
fn the_same_text_under_another_id_is_stored_once() {
    let (_dir, _path, mut store) = temp_store();
    let shouted = WIRE.to_uppercase().replace(' ', "   ");
    let report = store
        .ingest(&[
            (document("a", "2023-07-26", "x.com", WIRE), Vec::new()),
            (document("b", "2023-07-27", "y.com", &shouted), Vec::new()),
        ])
        .unwrap();
    assert_eq!((report.documents, report.duplicates), (1, 1));
    assert!(store.contains(&document("c", "2023-07-28", "z.com", &shouted)).unwrap());
    assert!(store.contains(&document("a", "2023-07-28", "z.com", OTHER)).unwrap());
    assert!(!store.contains(&document("c", "2023-07-28", "z.com", OTHER)).unwrap());
}

#[test]
fn near_duplicate_articles_share_a_story() {
    let (_dir, _path, mut store) = temp_store();
    let report = store
        .ingest(&[
            (document("a", "2023-07-26", "x.com", WIRE), Vec::new()),
            (document("b", "2023-07-26", "y.com", OTHER), Vec::new()),
            (document("c", "2023-07-26", "z.com", REWRITE), Vec::new()),
        ])
        .unwrap();
    assert_eq!(report.story_copies, 1);
    assert_eq!(store.stats().unwrap().stories, 2);
    let stories: Vec<(String, i64)> = store
        .conn
        .prepare("SELECT id, story FROM documents ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(stories[0].1, stories[2].1, "{stories:?}");
    assert_ne!(stories[0].1, stories[1].1, "{stories:?}");
}

#[test]
fn mentions_of_one_event_across_outlets_are_fused_and_counted() {
    let (_dir, _path, mut store) = temp_store();
    let meeting = |doc: &str, n: usize, code: &str| record(doc, n, "RUSGOVMIL", Some("PRK"), code, Some("2023-07-25"));
    store
        .ingest(&[
            // Two mentions in one article, a second article from the same outlet, a third
            // article from another outlet, dated only by publication the next day.
            (
                document("a", "2023-07-25", "reuters.com", "one"),
                vec![meeting("a", 0, "040"), meeting("a", 2, "042")],
            ),
            (
                document("b", "2023-07-25", "reuters.com", "two"),
                vec![meeting("b", 0, "042")],
            ),
            (
                document("c", "2023-07-26", "kcna.kp", "three"),
                vec![record("c", 0, "RUSGOV", Some("PRK"), "042", None)],
            ),
        ])
        .unwrap();
    let stats = store.stats().unwrap();
    assert_eq!((stats.events, stats.mentions), (1, 4));
    let events = store.query(&EventFilter::default()).unwrap();
    let e = &events[0];
    assert_eq!(e.id, "a-e0");
    assert_eq!((e.num_mentions, e.num_articles, e.num_sources), (4, 3, 2));
    assert_eq!(e.first_published.as_deref(), Some("2023-07-25"));
    assert_eq!(e.source_url.as_deref(), Some("https://reuters.com/a"));
    assert_eq!(e.record.code, "040");
    let (fused, mentions) = store.event("a-e0").unwrap().expect("stored event");
    assert_eq!(&fused, e);
    let docs: Vec<&str> = mentions.iter().map(|m| m.doc_id.as_str()).collect();
    assert_eq!(docs, ["a", "a", "b", "c"]);
    assert_eq!(mentions[3].outlet.as_deref(), Some("kcna.kp"));
    assert_eq!(mentions[3].published.as_deref(), Some("2023-07-26"));
    assert_eq!(mentions[1].title.as_deref(), Some("title of a"));
    assert!(store.event("nope").unwrap().is_none());
}

#[test]
fn look_alike_events_stay_apart() {
    let (_dir, _path, mut store) = temp_store();
    store
        .ingest(&[(
            document("a", "2023-07-30", "x.com", "a"),
            vec![
                record("a", 0, "USA", Some("CHN"), "042", Some("2023-07-25")),
                // Another day given in the text.
                record("a", 1, "USA", Some("CHN"), "042", Some("2023-07-27")),
                // Sibling code.
                record("a", 2, "USA", Some("CHN"), "043", Some("2023-07-25")),
                // Reversed direction.
                record("a", 3, "CHN", Some("USA"), "042", Some("2023-07-25")),
                // Different target.
                record("a", 4, "USA", Some("JPN"), "042", Some("2023-07-25")),
            ],
        )])
        .unwrap();
    assert_eq!(store.stats().unwrap().events, 5);
    // A mention dated only by a publication far from the event date does not fuse either.
    store
        .ingest(&[(
            document("b", "2023-08-30", "y.com", "b"),
            vec![record("b", 0, "USA", Some("CHN"), "042", None)],
        )])
        .unwrap();
    assert_eq!(store.stats().unwrap().events, 6);
}

/// A store of six events for the filter tests.
fn filter_store() -> (tempfile::TempDir, Store) {
    let (dir, _path, mut store) = temp_store();
    let mut attributed = record("d", 0, "USAGOV", Some("RUS"), "112", Some("2023-03-02"));
    attributed.attribution = Some(AttributionRecord {
        text: "officials".into(),
        code: "UKRGOV".into(),
        span: [0, 1],
    });
    attributed.modality = "reported".into();
    attributed.sentence_text = "Washington accused Moscow of nuclear blackmail".into();
    store
        .ingest(&[
            (
                document("a", "2023-01-10", "x.com", "a"),
                vec![
                    record("a", 0, "USA", Some("RUS"), "042", Some("2023-01-09")),
                    record("a", 1, "RUSMIL", Some("UKR"), "190", Some("2023-01-10")),
                ],
            ),
            (
                document("b", "2023-01-31", "x.com", "b"),
                vec![record("b", 0, "USAGOV", Some("RUSGOV"), "036", Some("2023-01-31"))],
            ),
            (
                document("c", "2023-02-01", "x.com", "c"),
                vec![record("c", 0, "RUS", Some("USA"), "173", Some("2023-02-01"))],
            ),
            (document("d", "2023-03-02", "x.com", "d"), vec![attributed]),
            (
                document("e", "2023-03-05", "x.com", "e"),
                vec![record("e", 0, "IGOUNO", None, "010", None)],
            ),
        ])
        .unwrap();
    (dir, store)
}

fn ids(store: &Store, f: &EventFilter) -> Vec<String> {
    store.query(f).unwrap().into_iter().map(|e| e.id).collect()
}

#[test]
fn filters_select_the_events_they_name() {
    let (_dir, store) = filter_store();
    let all = ids(&store, &EventFilter::default());
    assert_eq!(all, ["a-e0", "a-e1", "b-e0", "c-e0", "d-e0", "e-e0"], "filing order");
    let f = |f: EventFilter| ids(&store, &f);
    let none = EventFilter::default();
    // A country matches all its actors, on either side.
    assert_eq!(
        f(EventFilter {
            actor: Some("usa".into()),
            ..none.clone()
        }),
        ["a-e0", "b-e0", "c-e0", "d-e0"]
    );
    assert_eq!(
        f(EventFilter {
            actor: Some("USAGOV".into()),
            ..none.clone()
        }),
        ["b-e0", "d-e0"]
    );
    assert_eq!(
        f(EventFilter {
            dyad: Some("USA:RUS".parse().unwrap()),
            ..none.clone()
        }),
        ["a-e0", "b-e0", "d-e0"]
    );
    assert_eq!(
        f(EventFilter {
            dyad: Some("RUS:USA".parse().unwrap()),
            ..none.clone()
        }),
        ["c-e0"]
    );
    assert_eq!(
        f(EventFilter {
            code: Some("190".into()),
            ..none.clone()
        }),
        ["a-e1"]
    );
    assert_eq!(
        f(EventFilter {
            root: Some("4".into()),
            ..none.clone()
        }),
        ["a-e0"]
    );
    assert_eq!(
        f(EventFilter {
            quad: Some(4),
            ..none.clone()
        }),
        ["a-e1", "c-e0"]
    );
    assert_eq!(
        f(EventFilter {
            since: CivilDate::parse("2023-01-31"),
            until: CivilDate::parse("2023-03-02"),
            ..none.clone()
        }),
        ["b-e0", "c-e0", "d-e0"]
    );
    assert_eq!(
        f(EventFilter {
            modality: Some("Reported".into()),
            ..none.clone()
        }),
        ["d-e0"]
    );
    assert_eq!(
        f(EventFilter {
            attribution: Some("UKR".into()),
            ..none.clone()
        }),
        ["d-e0"]
    );
    assert_eq!(
        f(EventFilter {
            text: Some("NUCLEAR moscow".into()),
            ..none.clone()
        }),
        ["d-e0"]
    );
    assert!(f(EventFilter {
        text: Some("nuclear paris".into()),
        ..none.clone()
    })
    .is_empty());
    // An event dated by nothing in the text is filed under its publication day.
    assert_eq!(
        f(EventFilter {
            since: CivilDate::parse("2023-03-05"),
            ..none.clone()
        }),
        ["e-e0"]
    );
    // Filters combine.
    assert_eq!(
        f(EventFilter {
            actor: Some("RUS".into()),
            quad: Some(4),
            since: CivilDate::parse("2023-01-11"),
            ..none
        }),
        ["c-e0"]
    );
}

#[test]
fn pages_continue_where_the_cursor_left_off() {
    let (_dir, store) = filter_store();
    let mut f = EventFilter {
        limit: Some(4),
        ..EventFilter::default()
    };
    let first = store.query_page(&f).unwrap();
    assert_eq!(first.events.len(), 4);
    f.cursor = first.next_cursor.clone();
    assert!(f.cursor.is_some());
    let second = store.query_page(&f).unwrap();
    let got: Vec<&str> = first
        .events
        .iter()
        .chain(&second.events)
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(got, ["a-e0", "a-e1", "b-e0", "c-e0", "d-e0", "e-e0"]);
    assert_eq!(second.next_cursor, None, "the last page is not full");
}

#[test]
fn streaming_visits_every_event_and_stops_on_error() {
    let (_dir, store) = filter_store();
    let mut seen = 0;
    store
        .for_each_event(&EventFilter::default(), |_| {
            seen += 1;
            Ok::<(), StoreError>(())
        })
        .unwrap();
    assert_eq!(seen, 6);
    #[derive(Debug)]
    enum Stop {
        Full,
        Store,
    }
    impl From<StoreError> for Stop {
        fn from(_: StoreError) -> Stop {
            Stop::Store
        }
    }
    let mut seen = 0;
    let result = store.for_each_event(&EventFilter::default(), |_| {
        seen += 1;
        if seen == 2 {
            Err(Stop::Full)
        } else {
            Ok(())
        }
    });
    assert!(matches!(result, Err(Stop::Full)));
    assert_eq!(seen, 2);
}

#[test]
fn timelines_count_quad_classes_per_period() {
    let (_dir, store) = filter_store();
    let dyad: Dyad = "USA:RUS".parse().unwrap();
    let by_month = store
        .timeline(Some(&dyad), Period::Month, &EventFilter::default())
        .unwrap();
    assert_eq!(
        by_month,
        [
            TimelineRow {
                period: "2023-01".into(),
                events: 2,
                quad: [2, 0, 0, 0],
                goldstein: 6.0,
                mentions: 2
            },
            TimelineRow {
                period: "2023-03".into(),
                events: 1,
                quad: [0, 0, 1, 0],
                goldstein: -5.0,
                mentions: 1
            },
        ]
    );
    let by_week = store
        .timeline(Some(&dyad), Period::Week, &EventFilter::default())
        .unwrap();
    // 2023-01-09 and 2023-01-31 are Mondays/Tuesdays of different weeks; 2023-03-02 a Thursday.
    let periods: Vec<&str> = by_week.iter().map(|r| r.period.as_str()).collect();
    assert_eq!(periods, ["2023-01-09", "2023-01-30", "2023-02-27"]);
    let by_day = store
        .timeline(Some(&dyad), Period::Day, &EventFilter::default())
        .unwrap();
    assert_eq!(by_day.len(), 3);
    assert_eq!(by_day[0].period, "2023-01-09");
    // Without a dyad or any other filter: every event, the undated one under its article's day.
    let everything = store.timeline(None, Period::Month, &EventFilter::default()).unwrap();
    let counts: Vec<(&str, u64)> = everything.iter().map(|r| (r.period.as_str(), r.events)).collect();
    assert_eq!(counts, [("2023-01", 3), ("2023-02", 1), ("2023-03", 2)]);
}

#[test]
fn most_active_actors_and_dyads() {
    let (_dir, store) = filter_store();
    let actors = store.actors(&EventFilter::default(), 3).unwrap();
    let codes: Vec<(&str, u64)> = actors.iter().map(|a| (a.code.as_str(), a.events)).collect();
    assert_eq!(codes, [("RUS", 3), ("USA", 2), ("USAGOV", 2)]);
    let dyads = store
        .dyads(
            &EventFilter {
                actor: Some("USA".into()),
                ..EventFilter::default()
            },
            10,
        )
        .unwrap();
    let pairs: Vec<(&str, &str)> = dyads.iter().map(|d| (d.source.as_str(), d.target.as_str())).collect();
    assert_eq!(
        pairs,
        [("RUS", "USA"), ("USA", "RUS"), ("USAGOV", "RUS"), ("USAGOV", "RUSGOV")]
    );
    // The counts kept by ingest agree with counting the events.
    let every_dated = EventFilter {
        since: CivilDate::parse("1900-01-01"),
        ..EventFilter::default()
    };
    assert_eq!(
        store.actors(&every_dated, 50).unwrap(),
        store.actors(&EventFilter::default(), 50).unwrap()
    );
    assert_eq!(
        store.dyads(&every_dated, 50).unwrap(),
        store.dyads(&EventFilter::default(), 50).unwrap()
    );
}

#[test]
fn kept_counts_follow_fusion() {
    let (_dir, _path, mut store) = temp_store();
    let meeting = |doc: &str| record(doc, 0, "USA", Some("USA"), "040", Some("2023-07-25"));
    store
        .ingest(&[
            (document("a", "2023-07-25", "x.com", "a"), vec![meeting("a")]),
            (document("b", "2023-07-25", "y.com", "b"), vec![meeting("b")]),
        ])
        .unwrap();
    let actors = store.actors(&EventFilter::default(), 10).unwrap();
    assert_eq!(
        actors,
        [ActorCount {
            code: "USA".into(),
            events: 1,
            mentions: 2
        }]
    );
    let dyads = store.dyads(&EventFilter::default(), 10).unwrap();
    assert_eq!((dyads[0].events, dyads[0].mentions), (1, 2));
    let every_dated = EventFilter {
        since: CivilDate::parse("1900-01-01"),
        ..EventFilter::default()
    };
    assert_eq!(store.actors(&every_dated, 10).unwrap(), actors);
    assert_eq!(store.dyads(&every_dated, 10).unwrap(), dyads);
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("garbage.db");
    let garbage: Vec<u8> = (0..8192u32).map(|i| (i * 7 + 3) as u8).collect();
    std::fs::write(&path, &garbage).unwrap();
    let e = Store::open(&path).err().expect("garbage refused");
    assert!(matches!(e, StoreError::Corrupt { .. }), "{e:?}");
    assert!(e.to_string().contains("garbage.db"), "{e}");
    assert_eq!(std::fs::read(&path).unwrap(), garbage);
}

#[test]
fn a_database_of_another_program_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    let other = rusqlite::Connection::open(&path).unwrap();
    other
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    drop(other);
    let e = Store::open(&path).err().expect("refused");
    assert!(matches!(e, StoreError::NotAStore { .. }), "{e:?}");
    let other = rusqlite::Connection::open(&path).unwrap();
    let tables: i64 = other
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tables, 1);
}

#[test]
fn a_store_from_a_later_version_is_refused() {
    let (_dir, path, store) = temp_store();
    store
        .conn
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(store);
    let e = Store::open(&path).err().expect("refused");
    assert!(matches!(e, StoreError::NewerSchema { .. }), "{e:?}");
}

#[test]
fn a_locked_store_fails_the_batch_and_keeps_what_was_stored() {
    let (_dir, path, mut store) = temp_store();
    store
        .ingest(&[(document("a", "2023-07-26", "x.com", WIRE), Vec::new())])
        .unwrap();
    let before = store.stats().unwrap();
    let holder = rusqlite::Connection::open(&path).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    store.set_busy_timeout(Duration::from_millis(50)).unwrap();
    let e = store
        .ingest(&[(
            document("b", "2023-07-26", "y.com", OTHER),
            vec![record("b", 0, "BRA", None, "0233", None)],
        )])
        .expect_err("locked");
    assert!(matches!(e, StoreError::Locked { .. }), "{e:?}");
    assert!(e.to_string().contains("kestrel.db"), "{e}");
    // Readers still read while the writer waits.
    assert_eq!(store.stats().unwrap(), before);
    holder.execute_batch("ROLLBACK").unwrap();
    let report = store
        .ingest(&[(document("b", "2023-07-26", "y.com", OTHER), Vec::new())])
        .unwrap();
    assert_eq!(report.documents, 1);
    assert_eq!(store.stats().unwrap().documents, 2);
}

#[test]
fn coded_documents_round_trip_through_the_store() {
    let (_dir, _path, mut store) = temp_store();
    let coder = kestrel::Coder::embedded();
    let doc = Document {
        id: "real".into(),
        date: CivilDate::parse("2023-08-30"),
        text: "Russia accused Ukraine of attacking Moscow on Tuesday. The United States condemned North Korea.".into(),
        title: None,
        url: None,
        source: Some("Reuters".into()),
    };
    let records = coder.code(&doc);
    assert!(!records.is_empty());
    store.ingest(&[(doc, records.clone())]).unwrap();
    let stats = store.stats().unwrap();
    assert_eq!(stats.sentences, 2);
    assert_eq!(stats.mentions, records.len() as u64);
    let (event, mentions) = store.event(&records[0].event_id).unwrap().expect("stored");
    assert_eq!(event.record, records[0]);
    assert_eq!(mentions[0].record, records[0]);
    assert_eq!(mentions[0].outlet.as_deref(), Some("Reuters"));
    // Each mention knows where its sentence starts, so spans can be shown within it.
    for (record, mention) in records.iter().zip(&mentions).filter(|(r, _)| r.event_id == event.id) {
        let offset = mention.sentence_offset.expect("sentence found in the stored text");
        let [start, end] = record.trigger.span;
        assert_eq!(
            record.sentence_text.get(start - offset..end - offset),
            Some(record.trigger.text.as_str())
        );
    }
    let second = records
        .iter()
        .find(|r| r.sentence == 1)
        .expect("an event in the second sentence");
    let (_, mentions) = store.event(&second.event_id).unwrap().expect("stored");
    assert_eq!(mentions[0].sentence_offset, Some(55));
}

#[test]
fn reads_stop_at_the_time_limit() {
    let (_dir, _path, mut store) = temp_store();
    // Events on distinct days never fuse: enough rows that every read below runs many
    // thousands of SQLite steps.
    let records: Vec<EventRecord> = (0..3000)
        .map(|n| {
            let day = CivilDate::from_days_since_epoch(11_000 + n as i64).to_string();
            record("big", n, "USAGOV", Some("RUS"), "042", Some(&day))
        })
        .collect();
    store
        .ingest(&[(document("big", "2030-01-01", "x.com", "big"), records)])
        .unwrap();
    store.set_query_time_limit(Some(Duration::ZERO));
    let timed_out = |r: Result<(), StoreError>| matches!(r, Err(StoreError::TimedOut { .. }));
    let everything = EventFilter::default();
    let actor = EventFilter {
        actor: Some("USA".into()),
        ..EventFilter::default()
    };
    assert!(timed_out(store.query(&everything).map(drop)));
    assert!(timed_out(store.actors(&actor, 10).map(drop)));
    assert!(timed_out(store.dyads(&actor, 10).map(drop)));
    assert!(timed_out(store.timeline(None, Period::Day, &actor).map(drop)));
    let message = store.query(&actor).map(drop).unwrap_err().to_string();
    assert!(message.contains("time limit"), "{message}");
    // Lifting the limit lets the same reads finish, on the same connection.
    store.set_query_time_limit(None);
    assert_eq!(store.query(&everything).unwrap().len(), 3000);
    store.set_query_time_limit(Some(Duration::from_secs(60)));
    assert_eq!(store.timeline(None, Period::Day, &actor).unwrap().len(), 3000);
}

#[test]
fn added_is_rfc3339() {
    let now = now_rfc3339();
    assert_eq!(now.len(), 20, "{now}");
    assert!(CivilDate::parse(&now[..10]).is_some(), "{now}");
    assert_eq!(&now[10..11], "T");
    assert!(now.ends_with('Z'));
}

#[test]
fn stories_gather_copies_published_within_a_week() {
    let (_dir, _path, mut store) = temp_store();
    store
        .ingest(&[
            (document("a", "2023-07-26", "x.com", WIRE), Vec::new()),
            // Seven days later.
            (document("b", "2023-08-02", "y.com", REWRITE), Vec::new()),
            // The same wording months later is a new story.
            (
                document("c", "2023-11-20", "z.com", &format!("{REWRITE} Again.")),
                Vec::new(),
            ),
        ])
        .unwrap();
    assert_eq!(store.stats().unwrap().stories, 2);
}
