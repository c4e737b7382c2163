//! Query and timeline latency on a store of at least a million fused events.
//!
//! ```text
//! cargo run --release -p kestrel-store --example bench_store -- [STORE] [EVENTS]
//! ```
//!
//! Generates the store at STORE (default `/tmp/kestrel-bench.db`) unless it already holds EVENTS
//! (default 1,000,000) fused events, through `Store::ingest_prepared` like `kestrel ingest`,
//! then prints the median latency of repeated runs of typical queries, timelines and
//! aggregates.
//!
//! The generated events follow the shape of news event data: actors drawn from a Zipf
//! distribution over countries (a few countries are in most events) with role blocks and some
//! international organisations, CAMEO roots in the proportions typical of GDELT (statements
//! and consultations most, mass violence least), dates over ten years, mostly asserted.
//! About one mention in six repeats an earlier event from another outlet, so fusion works
//! as in real ingest.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use kestrel::input::Document;
use kestrel::{ActorRecord, EventRecord, TriggerRecord};
use kestrel_dates::CivilDate;
use kestrel_store::{Dyad, EventFilter, Period, PreparedDocument, Store};

/// Countries ranked by how often they appear in news event data (roughly).
const COUNTRIES: &[&str] = &[
    "USA", "RUS", "CHN", "UKR", "ISR", "IRN", "GBR", "FRA", "DEU", "IND", "PAK", "AFG", "IRQ", "SYR", "TUR", "JPN",
    "PRK", "KOR", "SAU", "EGY", "PSE", "LBN", "NGA", "ZAF", "BRA", "MEX", "CAN", "AUS", "ITA", "ESP", "POL", "VEN",
    "COL", "YEM", "LBY", "SDN", "ETH", "KEN", "SOM", "MLI", "QAT", "ARE", "JOR", "IDN", "PHL", "MYS", "THA", "MMR",
    "BGD", "LKA", "NPL", "VNM", "TWN", "CUB", "ARG", "CHL", "PER", "BLR", "GEO", "ARM", "AZE", "KAZ", "SRB", "HUN",
];
const ORGANISATIONS: &[&str] = &["IGOUNO", "IGOWSTNAT", "IGOEUREEC", "IGOAFRAFU", "NGOHRI"];
/// Role blocks with their weights in thousandths; the rest of the time the bare country.
const ROLES: &[(&str, u32)] = &[
    ("GOV", 260),
    ("MIL", 90),
    ("COP", 30),
    ("OPP", 30),
    ("REB", 25),
    ("JUD", 20),
    ("LEG", 20),
    ("BUS", 20),
    ("CVL", 20),
    ("MED", 15),
    ("GOVMIL", 20),
];
/// CAMEO codes with weights in thousandths, quad class and Goldstein score.
const CODES: &[(&str, u32, u8, f64)] = &[
    ("010", 120, 1, 0.0),
    ("012", 40, 1, -0.1),
    ("013", 30, 1, 0.4),
    ("020", 40, 1, 3.0),
    ("023", 20, 1, 3.4),
    ("030", 30, 1, 4.0),
    ("036", 20, 1, 4.0),
    ("040", 90, 1, 1.0),
    ("042", 60, 1, 1.9),
    ("043", 50, 1, 2.8),
    ("046", 40, 1, 7.0),
    ("051", 50, 1, 3.4),
    ("057", 20, 1, 8.0),
    ("061", 20, 2, 6.4),
    ("071", 15, 2, 7.4),
    ("073", 15, 2, 7.4),
    ("080", 20, 2, 5.0),
    ("090", 20, 3, -2.0),
    ("100", 20, 3, -5.0),
    ("111", 30, 3, -2.0),
    ("112", 30, 3, -2.0),
    ("120", 30, 3, -4.0),
    ("130", 20, 3, -4.4),
    ("141", 20, 3, -6.5),
    ("150", 10, 4, -7.2),
    ("160", 10, 3, -4.0),
    ("173", 30, 4, -5.0),
    ("181", 10, 4, -9.0),
    ("183", 10, 4, -10.0),
    ("190", 40, 4, -10.0),
    ("193", 15, 4, -10.0),
    ("195", 10, 4, -10.0),
    ("202", 5, 4, -10.0),
];
const MODALITIES: &[(&str, u32)] = &[
    ("asserted", 700),
    ("reported", 150),
    ("alleged", 50),
    ("negated", 30),
    ("hedged", 30),
    ("intended", 20),
    ("requested", 20),
];
const OUTLETS: &[&str] = &["Reuters", "AFP", "AP", "BBC", "Xinhua", "Al Jazeera", "TASS", "DW"];
const WORDS: &[&str] = &[
    "talks",
    "border",
    "nuclear",
    "sanctions",
    "ceasefire",
    "election",
    "protest",
    "troops",
    "trade",
    "aid",
    "refugees",
    "missile",
    "summit",
    "agreement",
    "attack",
    "embassy",
    "oil",
    "gas",
    "court",
    "police",
];
/// Syllables of the filler words that make every generated article's wording its own, as real
/// articles' wording is (so that only retold events, not every article, look alike).
const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "di", "ga", "hu", "ji", "pe", "ro", "zu", "ba", "co", "fe", "li",
    "mo",
];
/// Filler words after each event sentence: with them an article is about 200 words.
const FILLER_WORDS: usize = 30;
/// Ten years of days from 2015-01-01.
const DAYS: i64 = 3652;
const MENTIONS_PER_DOCUMENT: usize = 5;
const DOCUMENTS_PER_BATCH: usize = 2000;
/// Runs per measured operation; the median is reported.
const RUNS: usize = 15;

/// SplitMix64: a fixed, dependency-free pseudo-random sequence.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Index in 0..n with probability proportional to 1/(rank+1) (Zipf, exponent 1).
    fn zipf(&mut self, n: usize) -> usize {
        let harmonic: f64 = (1..=n).map(|k| 1.0 / k as f64).sum();
        let mut target = self.unit() * harmonic;
        for k in 0..n {
            target -= 1.0 / (k + 1) as f64;
            if target <= 0.0 {
                return k;
            }
        }
        n - 1
    }

    fn weighted<T: Copy>(&mut self, items: &[(T, u32)], total: u32) -> Option<T> {
        let mut pick = (self.next() % u64::from(total)) as u32;
        for &(item, weight) in items {
            if pick < weight {
                return Some(item);
            }
            pick -= weight;
        }
        None
    }
}

fn actor(rng: &mut Random) -> ActorRecord {
    if rng.below(100) < 5 {
        let code = ORGANISATIONS[rng.zipf(ORGANISATIONS.len())];
        return ActorRecord {
            text: code.to_lowercase(),
            code: code.to_string(),
            country: None,
            sectors: vec!["IGO".to_string()],
            name: None,
            span: [0, 1],
        };
    }
    let country = COUNTRIES[rng.zipf(COUNTRIES.len())];
    let role = rng.weighted(ROLES, 1000).unwrap_or("");
    ActorRecord {
        text: country.to_lowercase(),
        code: format!("{country}{role}"),
        country: Some(country.to_string()),
        sectors: role
            .as_bytes()
            .chunks(3)
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .collect(),
        name: None,
        span: [0, 1],
    }
}

fn record(rng: &mut Random, doc_id: &str, sentence: usize, published: CivilDate) -> EventRecord {
    let source = actor(rng);
    let target = (rng.below(100) < 85)
        .then(|| actor(rng))
        .filter(|t| t.code != source.code);
    let total: u32 = CODES.iter().map(|c| c.1).sum();
    let pick = rng.weighted(&CODES.iter().map(|c| ((c.0, c.2, c.3), c.1)).collect::<Vec<_>>(), total);
    let (code, quad_class, goldstein) = pick.unwrap_or(("010", 1, 0.0));
    let modality = rng.weighted(MODALITIES, 1000).unwrap_or("asserted");
    // Most events are dated in the text a day or two before publication.
    let date = (rng.below(100) < 70).then(|| published.add_days(-(rng.below(3) as i64)).to_string());
    let words: Vec<&str> = (0..3).map(|_| WORDS[rng.below(WORDS.len())]).collect();
    let sentence_text = format!(
        "{} and {} {} over {}",
        source.text,
        target.as_ref().map_or("others", |t| t.text.as_str()),
        code,
        words.join(" ")
    );
    EventRecord {
        doc_id: doc_id.to_string(),
        sentence,
        event_id: format!("{doc_id}.{sentence}"),
        code: code.to_string(),
        root: code[..2].to_string(),
        quad_class,
        goldstein,
        plover: None,
        source,
        target,
        trigger: TriggerRecord {
            text: "said".into(),
            span: [0, 4],
        },
        attribution: None,
        modality: modality.to_string(),
        date_precision: date.as_ref().map(|_| "day".to_string()),
        date,
        sentence_text,
        confidence: 0.9,
    }
}

/// Generates documents until the store holds `events` fused events.
fn generate(store: &mut Store, events: u64) {
    let mut rng = Random(0x6b65_7374_7265_6c32);
    let start = CivilDate::new(2015, 1, 1).unwrap_or(CivilDate {
        year: 2015,
        month: 1,
        day: 1,
    });
    let mut recent: Vec<EventRecord> = Vec::new();
    let mut doc_number = 0usize;
    let began = Instant::now();
    loop {
        let stored = store.stats().map(|s| s.events).unwrap_or(0);
        if stored >= events {
            break;
        }
        let batch: Vec<PreparedDocument> = (0..DOCUMENTS_PER_BATCH)
            .map(|_| {
                doc_number += 1;
                let id = format!("bench-{doc_number}");
                // Documents arrive roughly in date order, as a daily ingest does.
                let day = (doc_number as i64 * DAYS / (events as i64 / 4)).min(DAYS - 1);
                let published = start.add_days(day);
                let records: Vec<EventRecord> = (0..MENTIONS_PER_DOCUMENT)
                    .map(|n| {
                        // One mention in six retells a recent event in another outlet's words.
                        if !recent.is_empty() && rng.below(6) == 0 {
                            let mut again = recent[rng.below(recent.len())].clone();
                            again.doc_id = id.clone();
                            again.sentence = n;
                            again.event_id = format!("{id}.{n}");
                            again
                        } else {
                            record(&mut rng, &id, n, published)
                        }
                    })
                    .collect();
                recent.extend(records.iter().cloned());
                if recent.len() > 2000 {
                    recent.drain(..1000);
                }
                let text = records
                    .iter()
                    .map(|r| {
                        let filler: Vec<String> = (0..FILLER_WORDS)
                            .map(|_| {
                                (0..3)
                                    .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                                    .collect::<String>()
                            })
                            .collect();
                        format!("{}, {}", r.sentence_text, filler.join(" "))
                    })
                    .collect::<Vec<_>>()
                    .join(". ");
                let document = Document {
                    id: id.clone(),
                    date: Some(published),
                    text: format!("{text}. Report {doc_number}."),
                    title: None,
                    url: Some(format!("https://news.example/{doc_number}")),
                    source: Some(OUTLETS[rng.below(OUTLETS.len())].to_string()),
                };
                PreparedDocument::new(document, records)
            })
            .collect();
        if let Err(e) = store.ingest_prepared(&batch) {
            eprintln!("bench_store: {e}");
            std::process::exit(1);
        }
        if doc_number.is_multiple_of(DOCUMENTS_PER_BATCH * 20) {
            eprintln!("  {doc_number} documents, {:.0} s", began.elapsed().as_secs_f64());
        }
    }
    let elapsed = began.elapsed().as_secs_f64();
    if let Ok(s) = store.stats() {
        eprintln!(
            "generated {} documents, {} mentions, {} fused events in {elapsed:.0} s ({:.0} mentions/s into the store)",
            s.documents,
            s.mentions,
            s.events,
            s.mentions as f64 / elapsed
        );
    }
    if let Err(e) = store.optimize() {
        eprintln!("bench_store: {e}");
    }
}

/// Median wall time of `RUNS` runs of `f`, and what the last run returned.
fn median<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut times = Vec::with_capacity(RUNS);
    let mut last = None;
    for _ in 0..RUNS {
        let t = Instant::now();
        last = Some(f());
        times.push(t.elapsed());
    }
    times.sort();
    // RUNS > 0, so there is a last value.
    (times[RUNS / 2], last.unwrap_or_else(|| unreachable!()))
}

fn report(name: &str, time: Duration, rows: usize) {
    println!("{name:<58} {:>9.2} ms  {rows:>8} rows", time.as_secs_f64() * 1000.0);
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = PathBuf::from(args.next().unwrap_or_else(|| "/tmp/kestrel-bench.db".to_string()));
    let events: u64 = args.next().and_then(|n| n.parse().ok()).unwrap_or(1_000_000);
    let mut store = match Store::open(&path) {
        Ok(store) => store,
        Err(e) => {
            eprintln!("bench_store: {e}");
            std::process::exit(1);
        }
    };
    generate(&mut store, events);
    let stats = store.stats().ok();
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!(
        "store: {} ({:.0} MiB), {stats:?}",
        path.display(),
        size as f64 / (1 << 20) as f64
    );

    let (t, s) = median(|| store.stats());
    report("stats", t, usize::from(s.is_ok()));
    let date = |s: &str| CivilDate::parse(s);
    let dyad = |s: &str| s.parse::<Dyad>().ok();
    let queries: Vec<(&str, EventFilter)> = vec![
        (
            "query --actor USA --limit 100",
            EventFilter {
                actor: Some("USA".into()),
                limit: Some(100),
                ..EventFilter::default()
            },
        ),
        (
            "query --actor NPL --limit 100 (rare country)",
            EventFilter {
                actor: Some("NPL".into()),
                limit: Some(100),
                ..EventFilter::default()
            },
        ),
        (
            "query --actor RUSMIL --since 2022-02-24 --limit 100",
            EventFilter {
                actor: Some("RUSMIL".into()),
                since: date("2022-02-24"),
                limit: Some(100),
                ..EventFilter::default()
            },
        ),
        (
            "query --dyad USA:RUS --limit 100",
            EventFilter {
                dyad: dyad("USA:RUS"),
                limit: Some(100),
                ..EventFilter::default()
            },
        ),
        (
            "query --dyad ISR:PSE --quad 4 (all)",
            EventFilter {
                dyad: dyad("ISR:PSE"),
                quad: Some(4),
                ..EventFilter::default()
            },
        ),
        (
            "query --root 19 --since 2023-01-01 --until 2023-03-31 (all)",
            EventFilter {
                root: Some("19".into()),
                since: date("2023-01-01"),
                until: date("2023-03-31"),
                ..EventFilter::default()
            },
        ),
        (
            "query --code 042 --limit 100",
            EventFilter {
                code: Some("042".into()),
                limit: Some(100),
                ..EventFilter::default()
            },
        ),
        (
            "query --text \"nuclear ceasefire\" --limit 100",
            EventFilter {
                text: Some("nuclear ceasefire".into()),
                limit: Some(100),
                ..EventFilter::default()
            },
        ),
        (
            "query --actor SYR --quad 4 --modality asserted --limit 100",
            EventFilter {
                actor: Some("SYR".into()),
                quad: Some(4),
                modality: Some("asserted".into()),
                limit: Some(100),
                ..EventFilter::default()
            },
        ),
        (
            "query --since 2024-12-01 --limit 100",
            EventFilter {
                since: date("2024-12-01"),
                limit: Some(100),
                ..EventFilter::default()
            },
        ),
    ];
    for (name, filter) in &queries {
        let (t, rows) = median(|| store.query(filter).map(|e| e.len()).unwrap_or(0));
        report(name, t, rows);
    }
    // The 50th page of 100 through the cursor.
    let mut page = EventFilter {
        actor: Some("USA".into()),
        limit: Some(100),
        ..EventFilter::default()
    };
    for _ in 0..49 {
        page.cursor = store.query_page(&page).ok().and_then(|p| p.next_cursor);
    }
    let (t, rows) = median(|| store.query_page(&page).map(|p| p.events.len()).unwrap_or(0));
    report("query --actor USA --limit 100, page 50 by cursor", t, rows);

    for (name, pair, by) in [
        ("timeline --dyad USA:RUS --by month", "USA:RUS", Period::Month),
        ("timeline --dyad USA:CHN --by week", "USA:CHN", Period::Week),
        ("timeline --dyad ISR:PSE --by day", "ISR:PSE", Period::Day),
        ("timeline --dyad NPL:IND --by month (rare)", "NPL:IND", Period::Month),
    ] {
        let Some(pair) = dyad(pair) else { continue };
        let (t, rows) = median(|| {
            store
                .timeline(Some(&pair), by, &EventFilter::default())
                .map(|r| r.len())
                .unwrap_or(0)
        });
        report(name, t, rows);
    }
    let (t, rows) = median(|| store.actors(&EventFilter::default(), 20).map(|r| r.len()).unwrap_or(0));
    report("actors (top 20 over all events)", t, rows);
    let (t, rows) = median(|| {
        store
            .dyads(
                &EventFilter {
                    actor: Some("UKR".into()),
                    ..EventFilter::default()
                },
                20,
            )
            .map(|r| r.len())
            .unwrap_or(0)
    });
    report("dyads --actor UKR (top 20)", t, rows);
    // Streaming every event, as an export does; fewer runs, it reads the whole store.
    let t = Instant::now();
    let mut rows = 0usize;
    let streamed = store.for_each_event(&EventFilter::default(), |_| {
        rows += 1;
        Ok::<(), kestrel_store::StoreError>(())
    });
    if let Err(e) = streamed {
        eprintln!("bench_store: {e}");
    }
    report("for_each_event over the whole store (one run)", t.elapsed(), rows);
}
