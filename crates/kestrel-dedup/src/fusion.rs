//! Fusion of event mentions: when two coded events, usually from different articles, are the
//! same real-world event.
//!
//! Two mentions are the same event when all of these hold:
//! - **actors** ([`sources_compatible`], [`targets_compatible`]): codes equal, or one extends
//!   the other by whole role blocks (RUSGOV / RUSGOVMIL). Outlets name one actor at different
//!   depths ("Russia", "Moscow", "Russia's defence minister"), so exact codes would split most
//!   events, while siblings (RUSGOV / RUSOPP) are different actors. A bare country as source
//!   only extends to the blocks of `data/dedup/metonym-sectors.tsv`, the state and the people
//!   (RUS / RUSMIL, RUS / RUSCVL, not RUS / RUSOPP); as target it extends to any block. A missing
//!   target only matches a missing target. Direction matters: A→B and B→A are different events,
//!   as in CAMEO.
//! - **codes** ([`codes_compatible`]): same root, and one code equal to or more general than the
//!   other in the CAMEO tree (040 / 042, 19 / 190 / 193, 103 / 1031), never siblings (042 / 043).
//! - **dates** ([`day_span`]): the event date found in the text when there is one, else the
//!   publication date. Two dates from the text must overlap (the same day; a month or a year
//!   containing the day), so explicitly different days never fuse. When either side falls back
//!   on the publication date, the gap between them may be at most [`FUSION_WINDOW_DAYS`], and
//!   an event said to have happened (or not) is never joined by a report dated only by a
//!   publication day before the event's date: news does not precede its event. A mention with
//!   neither date fuses with nothing: without a date, every statement between two countries over
//!   years would become one event.
//! - **modality**: the same group in `data/dedup/modality-groups.tsv` (asserted, reported,
//!   alleged and hedged claims fuse; negated or denied never fuse with them; plans, requests
//!   and hypotheticals only with their own kind).

use std::collections::HashMap;
use std::sync::OnceLock;

use kestrel::EventRecord;
use kestrel_dates::{days_in_month, CivilDate, EventDate, Precision};

/// Days allowed between mentions when at least one is dated only by publication: a report
/// typically appears the day of the event or the day after, and a second outlet may follow a
/// day later still.
pub const FUSION_WINDOW_DAYS: i64 = 2;

/// What fusion compares of one mention. Codes are the strings of kestrel's output record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FusionKey {
    /// Source actor code (`RUSGOV`).
    pub source: String,
    /// Target actor code, if the event has one.
    pub target: Option<String>,
    /// CAMEO event code (`042`).
    pub code: String,
    /// Event date found in the text, at its precision.
    pub date: Option<EventDate>,
    /// Publication date of the document.
    pub published: Option<CivilDate>,
    /// `asserted`, `reported`, `negated`... as in kestrel's output.
    pub modality: String,
}

impl FusionKey {
    /// The key of a coded event from a document published on `published`.
    pub fn from_record(record: &EventRecord, published: Option<CivilDate>) -> FusionKey {
        FusionKey {
            source: record.source.code.clone(),
            target: record.target.as_ref().map(|t| t.code.clone()),
            code: record.code.clone(),
            date: record.date.as_deref().and_then(EventDate::parse),
            published,
            modality: record.modality.clone(),
        }
    }
}

/// The blocking key a store indexes: `source country|target country|root` (`RUS|PRK|04`, `-`
/// for no target). Mentions that can fuse always share it (compatible actors share their first
/// block, compatible codes their root), so a store compares a new mention only with events
/// under the same key, and among those only with events whose [`day_span`] lies within
/// [`FUSION_WINDOW_DAYS`] of its own.
pub fn candidate_key(key: &FusionKey) -> String {
    format!(
        "{}|{}|{}",
        first_block(&key.source),
        key.target.as_deref().map_or("-", first_block),
        code_root(&key.code)
    )
}

/// Whether two mentions are the same event (see the module documentation for the rules).
pub fn same_event(a: &FusionKey, b: &FusionKey) -> bool {
    fusion_distance(a, b).is_some()
}

/// `None` when the mentions are not the same event, else the gap in days between their dates
/// (0 when they overlap). When a mention could join several events, the one at the smallest
/// distance is meant (ties: the earliest event).
pub fn fusion_distance(a: &FusionKey, b: &FusionKey) -> Option<i64> {
    if !codes_compatible(&a.code, &b.code)
        || !sources_compatible(&a.source, &b.source)
        || !targets_compatible(a.target.as_deref(), b.target.as_deref())
        || !modalities_compatible(&a.modality, &b.modality)
    {
        return None;
    }
    let (a_start, a_end) = day_span(a)?;
    let (b_start, b_end) = day_span(b)?;
    let gap = (b_start.days_since_epoch() - a_end.days_since_epoch())
        .max(a_start.days_since_epoch() - b_end.days_since_epoch())
        .max(0);
    match (a.date.is_some(), b.date.is_some()) {
        (true, true) => (gap == 0).then_some(0),
        (false, false) => (gap <= FUSION_WINDOW_DAYS).then_some(gap),
        // One side is dated by its publication day only; both modalities share one timing.
        (a_from_text, _) => {
            let (published, dated_start) = if a_from_text {
                (b_start, a_start)
            } else {
                (a_start, b_start)
            };
            let after_the_report = dated_start > published && modality_timing(&a.modality) == Timing::Past;
            (gap <= FUSION_WINDOW_DAYS && !after_the_report).then_some(gap)
        }
    }
}

/// The days the mention's date covers, first and last: the event date from the text (one day,
/// a whole month or a whole year) or else the publication day; `None` without either.
pub fn day_span(key: &FusionKey) -> Option<(CivilDate, CivilDate)> {
    let Some(date) = key.date else {
        return key.published.map(|d| (d, d));
    };
    match date.precision() {
        Precision::Day => date.civil_date().map(|d| (d, d)),
        Precision::Month => {
            let month = date.month?;
            Some((
                CivilDate::new(date.year, month, 1)?,
                CivilDate::new(date.year, month, days_in_month(date.year, month))?,
            ))
        }
        Precision::Year => Some((CivilDate::new(date.year, 1, 1)?, CivilDate::new(date.year, 12, 31)?)),
    }
}

/// Same root, and one code an ancestor of (or equal to) the other in the CAMEO tree. A
/// three-digit code ending in 0 is the root's own "not specified" code, so 040 is the parent
/// of 042; a four-digit code's parent is its first three digits.
pub fn codes_compatible(a: &str, b: &str) -> bool {
    let (pa, pb) = (cameo_path(a), cameo_path(b));
    match (pa, pb) {
        (Some(pa), Some(pb)) => pa.iter().zip(&pb).all(|(x, y)| x == y),
        // Not a CAMEO code: only itself.
        _ => a == b,
    }
}

/// The ancestors of a CAMEO code, most general first, ending with the code itself, in
/// canonical form: "04" and "040" both give ["04"]; "042" gives ["04", "042"]; "1031" gives
/// ["10", "103", "1031"]. `None` for anything that is not 2 to 4 ASCII digits.
fn cameo_path(code: &str) -> Option<Vec<&str>> {
    if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut path = vec![&code[..2]];
    if code.len() >= 3 && !(code.len() == 3 && code.ends_with('0')) {
        path.push(&code[..3]);
    }
    if code.len() == 4 {
        path.push(code);
    }
    Some(path)
}

fn code_root(code: &str) -> &str {
    match cameo_path(code) {
        Some(_) => &code[..2],
        None => code,
    }
}

/// Whether two source actor codes can name the same actor: equal, or the longer extends the
/// shorter by whole three-letter blocks, where a one-block code (a bare country or region) only
/// extends to the blocks of `data/dedup/metonym-sectors.tsv`: a country acting is its state or
/// its people (RUS / RUSGOV, RUS / RUSCVL), not its opposition or businesses (RUS / RUSOPP).
/// Codes that are not whole blocks match only themselves.
pub fn sources_compatible(a: &str, b: &str) -> bool {
    match block_extension(a, b) {
        Some(Extension::Equal | Extension::OfGroup) => true,
        Some(Extension::OfCountry(block)) => rules().metonym_sectors.iter().any(|s| s == block),
        None => false,
    }
}

/// Whether two targets can be the same: both missing, or codes equal or one extending the other
/// by whole blocks. Unlike a source, a bare country as target extends to any block: what is done
/// to a country is done to something in it, so "struck Gaza" and "struck a refugee camp in Gaza"
/// (PSE / PSEREF), or "sanctions on Russia" and "on Russian companies" (RUS / RUSBUS), may
/// report one event.
pub fn targets_compatible(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => block_extension(a, b).is_some(),
        (None, None) => true,
        _ => false,
    }
}

/// How the longer of two actor codes extends the shorter.
enum Extension<'a> {
    Equal,
    /// The shorter is a bare country or region; the block that follows it.
    OfCountry(&'a str),
    /// The shorter has two blocks or more (RUSGOV / RUSGOVMIL).
    OfGroup,
}

fn block_extension<'a>(a: &'a str, b: &'a str) -> Option<Extension<'a>> {
    if a == b {
        return Some(Extension::Equal);
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() || !is_block_code(short) || !is_block_code(long) || !long.starts_with(short) {
        return None;
    }
    Some(if short.len() == BLOCK {
        Extension::OfCountry(&long[BLOCK..2 * BLOCK])
    } else {
        Extension::OfGroup
    })
}

/// Whether two modalities are in the same group of `data/dedup/modality-groups.tsv`; a
/// modality not in the file matches only itself.
pub fn modalities_compatible(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let groups = &rules().modality_groups;
    match (groups.get(a), groups.get(b)) {
        (Some((ga, _)), Some((gb, _))) => ga == gb,
        _ => false,
    }
}

/// Whether events of a modality can lie after the report (see `data/dedup/modality-groups.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Timing {
    /// Said to have happened or not: on or before the publication day.
    Past,
    /// Plans, requests, hypotheticals: any time.
    Open,
}

fn modality_timing(modality: &str) -> Timing {
    rules()
        .modality_groups
        .get(modality)
        .map_or(Timing::Open, |(_, timing)| *timing)
}

const BLOCK: usize = 3;

fn is_block_code(code: &str) -> bool {
    code.len().is_multiple_of(BLOCK) && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// The first role block (the country, region or organisation type), or the whole code when it
/// is not made of blocks.
fn first_block(code: &str) -> &str {
    if is_block_code(code) {
        &code[..BLOCK]
    } else {
        code
    }
}

/// The fusion rules from `data/dedup/`.
struct FusionRules {
    /// Modality -> (group, timing).
    modality_groups: HashMap<String, (String, Timing)>,
    metonym_sectors: Vec<String>,
}

const MODALITY_GROUPS: (&str, &str) = (
    "data/dedup/modality-groups.tsv",
    include_str!("../../../data/dedup/modality-groups.tsv"),
);
const METONYM_SECTORS: (&str, &str) = (
    "data/dedup/metonym-sectors.tsv",
    include_str!("../../../data/dedup/metonym-sectors.tsv"),
);

fn rules() -> &'static FusionRules {
    static RULES: OnceLock<FusionRules> = OnceLock::new();
    // The files are compiled in and checked by a test, so the problems list is empty.
    RULES.get_or_init(|| load_rules(&mut Vec::new()))
}

/// Parses the embedded rule files; malformed lines are skipped and described in `problems`
/// (file and line).
fn load_rules(problems: &mut Vec<String>) -> FusionRules {
    let mut modality_groups = HashMap::new();
    for (line_no, fields) in data_lines(MODALITY_GROUPS, 3, problems) {
        let timing = match fields[2] {
            "past" => Timing::Past,
            "open" => Timing::Open,
            other => {
                problems.push(format!(
                    "{}:{line_no}: timing {other:?} is not past or open",
                    MODALITY_GROUPS.0
                ));
                continue;
            }
        };
        if modality_groups
            .insert(fields[0].to_string(), (fields[1].to_string(), timing))
            .is_some()
        {
            problems.push(format!("{}:{line_no}: modality listed twice", MODALITY_GROUPS.0));
        }
    }
    let mut metonym_sectors = Vec::new();
    for (line_no, fields) in data_lines(METONYM_SECTORS, 2, problems) {
        if fields[0].len() == BLOCK && is_block_code(fields[0]) {
            metonym_sectors.push(fields[0].to_string());
        } else {
            problems.push(format!("{}:{line_no}: not a three-letter block", METONYM_SECTORS.0));
        }
    }
    FusionRules {
        modality_groups,
        metonym_sectors,
    }
}

/// The non-comment lines of a tab-separated file with exactly `width` non-empty fields, with
/// their 1-based line numbers.
fn data_lines<'a>(
    (name, text): (&str, &'a str),
    width: usize,
    problems: &mut Vec<String>,
) -> Vec<(usize, Vec<&'a str>)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() == width && fields.iter().all(|f| !f.trim().is_empty()) {
            out.push((i + 1, fields));
        } else {
            problems.push(format!("{name}:{}: expected {width} tab-separated fields", i + 1));
        }
    }
    out
}

/// In-memory event fusion, the reference for what a store does with [`candidate_key`]: each new
/// mention joins the event at the smallest [`fusion_distance`] among the events under its
/// candidate key (ties: the earliest event), compared through the event's first mention, its
/// representative; otherwise it starts a new event.
#[derive(Debug, Default)]
pub struct EventFusion {
    by_candidate_key: HashMap<String, Vec<usize>>,
    /// The first mention of each event.
    representatives: Vec<FusionKey>,
}

impl EventFusion {
    pub fn new() -> EventFusion {
        EventFusion::default()
    }

    /// Adds a mention and returns its event number (0, 1, 2... in order of first appearance).
    pub fn add(&mut self, key: FusionKey) -> usize {
        let bucket = self.by_candidate_key.entry(candidate_key(&key)).or_default();
        let best = bucket
            .iter()
            .filter_map(|&event| fusion_distance(&key, &self.representatives[event]).map(|d| (d, event)))
            .min();
        match best {
            Some((_, event)) => event,
            None => {
                let event = self.representatives.len();
                bucket.push(event);
                self.representatives.push(key);
                event
            }
        }
    }

    /// Number of events so far.
    pub fn events(&self) -> usize {
        self.representatives.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> CivilDate {
        CivilDate::parse(s).expect("test date")
    }

    fn key(source: &str, target: Option<&str>, code: &str, date: Option<&str>, published: &str) -> FusionKey {
        FusionKey {
            source: source.into(),
            target: target.map(Into::into),
            code: code.into(),
            date: date.and_then(EventDate::parse),
            published: CivilDate::parse(published),
            modality: "asserted".into(),
        }
    }

    #[test]
    fn rule_files_parse_cleanly() {
        let mut problems = Vec::new();
        let rules = load_rules(&mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(rules.modality_groups.len(), 9);
        assert!(rules.metonym_sectors.iter().any(|s| s == "GOV"));
        let mut bad = Vec::new();
        let lines = data_lines(("x.tsv", "# c\n\na\tb\nonly\n\tb\n"), 2, &mut bad);
        assert_eq!(lines, [(3, vec!["a", "b"])]);
        assert_eq!(
            bad,
            [
                "x.tsv:4: expected 2 tab-separated fields",
                "x.tsv:5: expected 2 tab-separated fields"
            ]
        );
    }

    #[test]
    fn codes_follow_the_cameo_tree() {
        assert!(codes_compatible("042", "042"));
        assert!(codes_compatible("040", "042"));
        assert!(codes_compatible("04", "043"));
        assert!(codes_compatible("103", "1031"));
        assert!(codes_compatible("10", "1031"));
        assert!(codes_compatible("100", "1031"));
        assert!(!codes_compatible("042", "043"));
        assert!(!codes_compatible("1031", "1032"));
        assert!(!codes_compatible("1031", "104"));
        assert!(!codes_compatible("190", "180"));
        assert!(!codes_compatible("abc", "abd"));
        assert!(codes_compatible("abc", "abc"));
        assert!(!codes_compatible("", "04"));
    }

    #[test]
    fn actors_extend_by_blocks_and_source_countries_only_to_state_and_people() {
        assert!(sources_compatible("RUS", "RUS"));
        assert!(sources_compatible("RUS", "RUSGOV"));
        assert!(sources_compatible("RUSGOVMIL", "RUS"));
        assert!(sources_compatible("RUSGOV", "RUSGOVMIL"));
        assert!(sources_compatible("RUS", "RUSMIL"));
        assert!(!sources_compatible("RUS", "RUSOPP"));
        assert!(!sources_compatible("RUS", "RUSBUS"));
        assert!(sources_compatible("GEO", "GEOCVL"));
        assert!(!sources_compatible("RUSMIL", "RUSGOVMIL"));
        assert!(!sources_compatible("RUSGOV", "RUSOPP"));
        assert!(!sources_compatible("RUS", "PRK"));
        assert!(!sources_compatible("RUS", "RUSS"));
        assert!(!sources_compatible("", "RUS"));
        assert!(sources_compatible("IGOUNO", "IGOUNOKID"));
        assert!(!sources_compatible("IGO", "IGOUNO"));
        // Targets: a country extends to any block; siblings and other countries stay apart.
        assert!(targets_compatible(Some("PSE"), Some("PSEREF")));
        assert!(targets_compatible(Some("RUSBUS"), Some("RUS")));
        assert!(!targets_compatible(Some("PSEREF"), Some("PSEREBHMS")));
        assert!(!targets_compatible(Some("RUS"), Some("UKR")));
        assert!(!targets_compatible(Some("RUS"), None));
        assert!(targets_compatible(None, None));
    }

    #[test]
    fn dates_fuse_within_the_window_unless_both_are_explicit() {
        let a = key("RUS", Some("PRK"), "042", Some("2023-09-13"), "2023-09-13");
        // Publication date one and two days later: same event.
        assert_eq!(
            fusion_distance(&a, &key("RUS", Some("PRK"), "042", None, "2023-09-14")),
            Some(1)
        );
        assert_eq!(
            fusion_distance(&a, &key("RUS", Some("PRK"), "042", None, "2023-09-15")),
            Some(2)
        );
        assert!(!same_event(&a, &key("RUS", Some("PRK"), "042", None, "2023-09-16")));
        // Explicit different days never fuse, whatever the publication dates.
        assert!(!same_event(
            &a,
            &key("RUS", Some("PRK"), "042", Some("2023-09-14"), "2023-09-13")
        ));
        // A month or a year contains the day.
        assert!(same_event(
            &a,
            &key("RUS", Some("PRK"), "042", Some("2023-09"), "2023-09-30")
        ));
        assert!(same_event(
            &a,
            &key("RUS", Some("PRK"), "042", Some("2023"), "2023-12-30")
        ));
        assert!(!same_event(
            &a,
            &key("RUS", Some("PRK"), "042", Some("2023-10"), "2023-10-02")
        ));
        // A report published before the event's day is not about it, unless the event is
        // a plan (which lies ahead by nature).
        let later = key("RUS", Some("PRK"), "042", Some("2023-09-14"), "2023-09-14");
        let report_before = key("RUS", Some("PRK"), "042", None, "2023-09-13");
        assert!(!same_event(&later, &report_before));
        assert!(!same_event(&report_before, &later));
        let plan = |k: &FusionKey| FusionKey {
            modality: "intended".into(),
            ..k.clone()
        };
        assert_eq!(fusion_distance(&plan(&later), &plan(&report_before)), Some(1));
        // Without any date, nothing fuses.
        let undated = FusionKey {
            published: None,
            ..key("RUS", Some("PRK"), "042", None, "")
        };
        assert!(!same_event(&undated, &undated.clone()));
        assert_eq!(day_span(&undated), None);
        assert_eq!(
            day_span(&key("RUS", None, "042", Some("2024-02"), "2024-03-01")),
            Some((day("2024-02-01"), day("2024-02-29")))
        );
    }

    #[test]
    fn actors_codes_and_modality_must_agree() {
        let a = key("RUSGOV", Some("PRK"), "042", None, "2023-09-13");
        assert!(same_event(&a, &key("RUS", Some("PRKGOV"), "040", None, "2023-09-13")));
        assert!(!same_event(&a, &key("PRK", Some("RUSGOV"), "042", None, "2023-09-13")));
        assert!(!same_event(&a, &key("RUSGOV", Some("CHN"), "042", None, "2023-09-13")));
        assert!(!same_event(&a, &key("RUSGOV", None, "042", None, "2023-09-13")));
        assert!(!same_event(&a, &key("RUSGOV", Some("PRK"), "043", None, "2023-09-13")));
        let with_modality = |m: &str| FusionKey {
            modality: m.into(),
            ..a.clone()
        };
        assert!(same_event(&a, &with_modality("reported")));
        assert!(same_event(&a, &with_modality("hedged")));
        assert!(!same_event(&a, &with_modality("negated")));
        assert!(!same_event(&a, &with_modality("denied")));
        assert!(!same_event(&a, &with_modality("intended")));
        assert!(same_event(&with_modality("denied"), &with_modality("negated")));
        assert!(same_event(&with_modality("unknown"), &with_modality("unknown")));
        assert!(!same_event(&with_modality("unknown"), &a));
    }

    #[test]
    fn candidate_keys_block_on_countries_and_root() {
        assert_eq!(
            candidate_key(&key("RUSGOVMIL", Some("PRK"), "0421", None, "2023-09-13")),
            "RUS|PRK|04"
        );
        assert_eq!(candidate_key(&key("RUS", None, "190", None, "2023-09-13")), "RUS|-|19");
        assert_eq!(
            candidate_key(&key("odd", Some("x"), "zz", None, "2023-09-13")),
            "odd|x|zz"
        );
        // Everything that fuses shares the key.
        let a = key("RUSGOV", Some("PRK"), "042", None, "2023-09-13");
        let b = key("RUS", Some("PRKGOV"), "040", Some("2023-09-12"), "2023-09-13");
        assert!(same_event(&a, &b));
        assert_eq!(candidate_key(&a), candidate_key(&b));
    }

    #[test]
    fn fusion_joins_the_nearest_event() {
        let mut fusion = EventFusion::new();
        let monday = key("RUS", Some("PRK"), "040", Some("2023-09-11"), "2023-09-11");
        let thursday = key("RUS", Some("PRK"), "040", Some("2023-09-14"), "2023-09-14");
        assert_eq!(fusion.add(monday.clone()), 0);
        assert_eq!(fusion.add(thursday), 1);
        // Published Friday without a date: nearer Thursday.
        assert_eq!(fusion.add(key("RUS", Some("PRK"), "042", None, "2023-09-15")), 1);
        // Published Wednesday: within two days of both, but Thursday's event had not happened.
        assert_eq!(fusion.add(key("RUSGOV", Some("PRK"), "04", None, "2023-09-13")), 0);
        assert_eq!(
            fusion.add(key("RUS", Some("UKR"), "040", Some("2023-09-11"), "2023-09-11")),
            2
        );
        assert_eq!(fusion.add(monday), 0);
        assert_eq!(fusion.events(), 3);
    }

    #[test]
    fn from_record_reads_the_output_fields() {
        let json = r#"{"doc_id":"d","sentence":0,"event_id":"e","code":"042","root":"04","quad_class":1,
            "goldstein":1.9,"plover":null,
            "source":{"text":"Russia","code":"RUS","country":"RUS","sectors":[],"name":null,"span":[0,6]},
            "target":{"text":"North Korea","code":"PRK","country":"PRK","sectors":[],"name":null,"span":[12,23]},
            "trigger":{"text":"visited","span":[7,14]},"attribution":null,"modality":"asserted",
            "date":"2023-09","date_precision":"month","sentence_text":"Russia visited North Korea.","confidence":0.9}"#;
        let record: EventRecord = serde_json::from_str(json).expect("valid record");
        let k = FusionKey::from_record(&record, CivilDate::new(2023, 9, 30));
        assert_eq!(k.source, "RUS");
        assert_eq!(k.target.as_deref(), Some("PRK"));
        assert_eq!(k.code, "042");
        assert_eq!(k.date, EventDate::month(2023, 9));
        assert_eq!(k.modality, "asserted");
    }
}
