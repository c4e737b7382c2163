//! `kestrel eval`: code the sentences of a gold file and score the events against it.
//!
//! Two gold formats are read: PETRARCH validation XML (`<Validation>` records with
//! `<EventCoding sourcecode targetcode eventcode>`) and kestrel's own gold JSON lines
//! ([`crate::gold`]). Both become [`Case`]s; scoring matches produced and expected events one
//! to one at three levels (exact codes; country-level actors; country-level actors and CAMEO
//! root).

use std::collections::BTreeMap;

use kestrel_petrarch::validation::{is_validation, read_suite, Expected};
use serde::Serialize;

use crate::gold::{base, GoldDoc, NO_ACTOR};
use crate::input::Document;
use crate::{Coder, EventRecord};

/// One expected event. Empty `tgt` is not checked; `---` stands for no target.
#[derive(Debug, Clone, PartialEq)]
pub struct ExpectedEvent {
    pub sentence: Option<usize>,
    pub src: Vec<String>,
    pub tgt: Vec<String>,
    pub codes: Vec<String>,
}

/// One gold document with what must (and may) be coded from it.
#[derive(Debug, Clone)]
pub struct Case {
    pub id: String,
    pub categories: Vec<String>,
    pub document: Document,
    pub expected: Vec<ExpectedEvent>,
    /// Events that may be produced without counting against precision.
    pub optional: Vec<ExpectedEvent>,
    /// PETRARCH's `require_dyad`: events without a target are not coded.
    pub require_dyad: bool,
}

/// Reads a gold file in either format; warnings name the item they concern.
pub fn read_gold(name: &str, bytes: &[u8]) -> (Vec<Case>, Vec<String>) {
    if is_validation(bytes) {
        let (suite, diags) = read_suite(name, bytes);
        let warnings = diags.iter().map(ToString::to_string).collect();
        let cases = suite
            .included()
            .map(|r| Case {
                id: r.id.clone(),
                categories: vec![r.category.clone()],
                document: Document {
                    id: r.id.clone(),
                    date: r.date,
                    text: r.text.clone(),
                    title: None,
                    url: None,
                    source: None,
                },
                expected: match &r.expected {
                    Expected::Events(events) => events
                        .iter()
                        .map(|e| ExpectedEvent {
                            sentence: None,
                            src: vec![e.source.clone()],
                            tgt: vec![e.target.clone()],
                            codes: vec![e.code.clone()],
                        })
                        .collect(),
                    Expected::NoEvents | Expected::Error(_) => Vec::new(),
                },
                optional: Vec::new(),
                require_dyad: r.require_dyad(),
            })
            .collect();
        return (cases, warnings);
    }
    let mut cases = Vec::new();
    let mut warnings = Vec::new();
    let text = String::from_utf8_lossy(bytes);
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let doc: GoldDoc = match serde_json::from_str(line) {
            Ok(d) => d,
            Err(e) => {
                warnings.push(format!("{name}:{}: {e}", n + 1));
                continue;
            }
        };
        let convert = |events: &[crate::gold::GoldEvent]| {
            events
                .iter()
                .map(|g| ExpectedEvent {
                    sentence: Some(g.sentence),
                    src: g.src.clone(),
                    tgt: g.tgt.clone(),
                    codes: g.codes.clone(),
                })
                .collect::<Vec<_>>()
        };
        let mut optional = convert(&doc.optional);
        optional.extend(convert(&doc.nonfactual));
        cases.push(Case {
            id: doc.id.clone(),
            categories: doc.tags.clone(),
            document: doc.document(),
            expected: convert(&doc.events),
            optional,
            require_dyad: false,
        });
    }
    (cases, warnings)
}

/// How closely a produced event must agree with an expected one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Source, target and event code as written.
    Exact,
    /// Actors at country (or organisation) level; event code as written.
    Country,
    /// Actors at country level; CAMEO root only.
    Root,
}

pub const LEVELS: [Level; 3] = [Level::Exact, Level::Country, Level::Root];

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub expected: usize,
    pub produced: usize,
    pub matched: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.produced)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.expected)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, other: Counts) {
        self.expected += other.expected;
        self.produced += other.produced;
        self.matched += other.matched;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// An expected event that was not produced, or a produced one that was not expected (at the
/// exact level).
#[derive(Debug, Clone, Serialize)]
pub struct Discrepancy {
    pub id: String,
    pub categories: Vec<String>,
    /// `SOURCE TARGET CODE`.
    pub event: String,
    pub text: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub cases: usize,
    pub levels: BTreeMap<Level, Counts>,
    /// Exact-level counts per category.
    pub categories: BTreeMap<String, Counts>,
    pub misses: Vec<Discrepancy>,
    pub extras: Vec<Discrepancy>,
}

/// The code an actor is compared by: `---` for none, `---` before a code with no country
/// ("---GOV", as PETRARCH writes a government of unknown country).
pub fn comparable(code: Option<&str>) -> String {
    match code {
        None => NO_ACTOR.to_string(),
        Some(c) => match kestrel_actors::ActorCode::parse(c) {
            Some(a) if a.country().is_none() && !a.is_group() => format!("{NO_ACTOR}{c}"),
            _ => c.to_string(),
        },
    }
}

fn matches(e: &EventRecord, x: &ExpectedEvent, level: Level) -> bool {
    let actor = |produced: &str, gold: &[String]| {
        gold.iter().any(|g| match level {
            Level::Exact => g == produced,
            Level::Country | Level::Root => base(g) == base(produced),
        })
    };
    let src = comparable(Some(&e.source.code));
    let tgt = comparable(e.target.as_ref().map(|t| t.code.as_str()));
    let code = x.codes.iter().any(|c| match level {
        Level::Exact | Level::Country => *c == e.code,
        Level::Root => c.get(..2) == e.code.get(..2),
    });
    x.sentence.is_none_or(|s| s == e.sentence)
        && actor(&src, &x.src)
        && (x.tgt.is_empty() || actor(&tgt, &x.tgt))
        && code
}

/// One-to-one matching of produced with expected events; returns the matched flags of both.
fn pair(produced: &[EventRecord], expected: &[ExpectedEvent], level: Level) -> (Vec<bool>, Vec<bool>) {
    let mut used = vec![false; produced.len()];
    let mut found = vec![false; expected.len()];
    for (k, x) in expected.iter().enumerate() {
        if let Some(i) = (0..produced.len()).find(|&i| !used[i] && matches(&produced[i], x, level)) {
            used[i] = true;
            found[k] = true;
        }
    }
    (used, found)
}

fn describe_expected(x: &ExpectedEvent) -> String {
    let tgt = if x.tgt.is_empty() {
        "*".to_string()
    } else {
        x.tgt.join("|")
    };
    format!("{} {} {}", x.src.join("|"), tgt, x.codes.join("|"))
}

fn describe_produced(e: &EventRecord) -> String {
    format!(
        "{} {} {} ({:?})",
        comparable(Some(&e.source.code)),
        comparable(e.target.as_ref().map(|t| t.code.as_str())),
        e.code,
        e.trigger.text
    )
}

/// Scores one case's produced events, adding to `report`.
pub fn score(report: &mut Report, case: &Case, produced: &[EventRecord]) {
    report.cases += 1;
    for level in LEVELS {
        let (used, found) = pair(produced, &case.expected, level);
        // Produced events that only match an optional event are neither right nor wrong.
        let (optional_used, _) = pair(produced, &case.optional, level);
        let counted = used.iter().zip(&optional_used).filter(|(u, o)| **u || !**o).count();
        let counts = Counts {
            expected: case.expected.len(),
            produced: counted,
            matched: found.iter().filter(|f| **f).count(),
        };
        report.levels.entry(level).or_default().add(counts);
        if level != Level::Exact {
            continue;
        }
        for c in &case.categories {
            report.categories.entry(c.clone()).or_default().add(counts);
        }
        let text = &case.document.text;
        for (x, _) in case.expected.iter().zip(&found).filter(|(_, f)| !**f) {
            report.misses.push(Discrepancy {
                id: case.id.clone(),
                categories: case.categories.clone(),
                event: describe_expected(x),
                text: text.clone(),
            });
        }
        for (i, e) in produced.iter().enumerate() {
            if !used[i] && !optional_used[i] {
                report.extras.push(Discrepancy {
                    id: case.id.clone(),
                    categories: case.categories.clone(),
                    event: describe_produced(e),
                    text: e.sentence_text.clone(),
                });
            }
        }
    }
}

/// Codes every case and scores it.
pub fn evaluate(coder: &Coder, cases: &[Case]) -> Report {
    let mut report = Report::default();
    for case in cases {
        let mut produced = coder.code(&case.document);
        if case.require_dyad {
            produced.retain(|e| e.target.is_some());
        }
        score(&mut report, case, &produced);
    }
    report
}

/// The report as text: levels, categories, then misses and extras with their sentences.
pub fn render(report: &Report) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let line = |out: &mut String, name: &str, c: &Counts| {
        let _ = writeln!(
            out,
            "{name:<12} {:>6} {:>8} {:>7} {:>9.1}% {:>6.1}% {:>6.1}%",
            c.expected,
            c.produced,
            c.matched,
            100.0 * c.precision(),
            100.0 * c.recall(),
            100.0 * c.f1()
        );
    };
    let _ = writeln!(out, "{} cases", report.cases);
    let _ = writeln!(
        out,
        "{:<12} {:>6} {:>8} {:>7} {:>10} {:>7} {:>7}",
        "level", "gold", "coded", "matched", "precision", "recall", "F1"
    );
    for (level, c) in &report.levels {
        let name = match level {
            Level::Exact => "exact",
            Level::Country => "country",
            Level::Root => "root",
        };
        line(&mut out, name, c);
    }
    if !report.categories.is_empty() {
        let _ = writeln!(out, "\nper category (exact)");
        for (cat, c) in &report.categories {
            line(&mut out, cat, c);
        }
    }
    for (title, list) in [("missed", &report.misses), ("extra", &report.extras)] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{title} ({})", list.len());
        for d in list {
            let _ = writeln!(
                out,
                "  {} [{}] {}\n      {}",
                d.id,
                d.categories.join(","),
                d.event,
                d.text
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_without_country_compare_as_petrarch_writes_them() {
        assert_eq!(comparable(None), "---");
        assert_eq!(comparable(Some("GOV")), "---GOV");
        assert_eq!(comparable(Some("USAGOV")), "USAGOV");
        assert_eq!(comparable(Some("IGOUNO")), "IGOUNO");
    }

    #[test]
    fn scores_a_validation_record_at_each_level() {
        let xml = r#"<Validation><Sentences>
<Sentence date="20230901" id="T-1" category="DEMO"><EventCoding sourcecode="RUSGOV" targetcode="PRK" eventcode="042"/><Text>The Russian government visited North Korea.</Text></Sentence>
<Sentence date="20230901" id="T-2" category="NONE"><EventCoding noevents="True"/><Text>It rained.</Text></Sentence>
</Sentences></Validation>"#;
        let (cases, warnings) = read_gold("t.xml", xml.as_bytes());
        assert!(warnings.is_empty());
        assert_eq!(cases.len(), 2);
        let report = evaluate(&Coder::embedded(), &cases);
        let exact = report.levels[&Level::Exact];
        assert_eq!(exact.expected, 1);
        assert_eq!(report.levels[&Level::Root].matched, 1, "{}", render(&report));
        assert_eq!(report.categories["NONE"].produced, 0);
        assert!(render(&report).contains("per category"));
    }

    #[test]
    fn counts_are_one_to_one() {
        let c = Counts {
            expected: 4,
            produced: 2,
            matched: 2,
        };
        assert_eq!(c.precision(), 1.0);
        assert_eq!(c.recall(), 0.5);
        assert!((c.f1() - 2.0 / 3.0).abs() < 1e-9);
    }
}
