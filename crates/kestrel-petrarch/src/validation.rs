//! PETRARCH validation records (`PETR.UnitTest.records.xml`): an `<Environment>` naming the
//! dictionaries and categories, then `<Config option value>` elements that change options for
//! the records after them, and `<Sentence id category date>` records with their expected
//! `<EventCoding>`s and `<Text>`. Parses are ignored: kestrel needs none.

use std::collections::BTreeMap;

use kestrel_dates::CivilDate;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::Diagnostic;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Environment {
    pub verbfile: Option<String>,
    pub actorfiles: Vec<String>,
    pub agentfile: Option<String>,
    pub discardfile: Option<String>,
    /// Categories to run; empty means all.
    pub include: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpectedEvent {
    pub source: String,
    pub target: String,
    pub code: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    Events(Vec<ExpectedEvent>),
    /// `noevents="True"`.
    NoEvents,
    /// `error="..."`: a discard or an input error is expected, so no events.
    Error(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub id: String,
    pub category: String,
    pub date: Option<CivilDate>,
    /// Whitespace-normalised.
    pub text: String,
    pub expected: Expected,
    /// The `<Config>` options in force for this record (lower-case names and values).
    pub options: BTreeMap<String, String>,
    pub line: usize,
}

impl Record {
    /// PETRARCH's `require_dyad` (default true): an event needs both a source and a target.
    pub fn require_dyad(&self) -> bool {
        self.options.get("require_dyad").is_none_or(|v| v != "false")
    }
}

#[derive(Debug, Clone, Default)]
pub struct Suite {
    pub environment: Environment,
    pub records: Vec<Record>,
}

impl Suite {
    /// The records of the included categories.
    pub fn included(&self) -> impl Iterator<Item = &Record> {
        self.records
            .iter()
            .filter(|r| self.environment.include.is_empty() || self.environment.include.contains(&r.category))
    }
}

/// Whether `bytes` look like a validation file rather than plain PETRARCH input.
pub fn is_validation(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1 << 16)];
    memchr_find(head, b"<Validation").is_some() || memchr_find(head, b"<EventCoding").is_some()
}

fn memchr_find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[derive(Default)]
struct Pending {
    id: String,
    category: String,
    date: Option<CivilDate>,
    text: String,
    events: Vec<ExpectedEvent>,
    no_events: bool,
    error: Option<String>,
    line: usize,
}

/// Reads a validation file. Malformed XML stops reading with a diagnostic; the records read
/// before it are kept.
pub fn read_suite(name: &str, bytes: &[u8]) -> (Suite, Vec<Diagnostic>) {
    let mut suite = Suite::default();
    let mut diags = Vec::new();
    let mut reader = Reader::from_reader(bytes);
    let line_at = |pos: u64| {
        bytes[..(pos as usize).min(bytes.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    };
    let mut options: BTreeMap<String, String> = BTreeMap::new();
    let mut current: Option<Pending> = None;
    let mut env_field: Option<Vec<u8>> = None;
    let mut in_env = false;
    let mut in_text = false;
    loop {
        let pos = reader.buffer_position();
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                diags.push(Diagnostic::new(
                    name,
                    line_at(reader.error_position()),
                    format!("malformed XML: {e}; reading stopped"),
                ));
                break;
            }
        };
        match event {
            Event::Start(ref s) | Event::Empty(ref s) => {
                let empty = matches!(event, Event::Empty(_));
                let tag = s.local_name().as_ref().to_vec();
                match tag.as_slice() {
                    b"Environment" => in_env = true,
                    b"Config" => {
                        let (o, v) = (attr(s, b"option"), attr(s, b"value"));
                        if let (Some(o), Some(v)) = (o, v) {
                            options.insert(o.to_lowercase(), v.to_lowercase());
                        } else {
                            diags.push(Diagnostic::new(name, line_at(pos), "<Config> without option and value"));
                        }
                    }
                    b"Sentence" => {
                        let line = line_at(pos);
                        let id = attr(s, b"id").unwrap_or_else(|| format!("line-{line}"));
                        let date = attr(s, b"date").and_then(|d| crate::actors::parse_date(&d));
                        if attr(s, b"date").is_some() && date.is_none() {
                            diags.push(Diagnostic::new(name, line, format!("record {id}: unreadable date")));
                        }
                        current = Some(Pending {
                            id,
                            category: attr(s, b"category").unwrap_or_default(),
                            date,
                            line,
                            ..Pending::default()
                        });
                    }
                    b"EventCoding" => {
                        if let Some(p) = current.as_mut() {
                            if attr(s, b"noevents").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
                                p.no_events = true;
                            } else if let Some(e) = attr(s, b"error") {
                                p.error = Some(e);
                            } else {
                                let code = |k: &[u8]| attr(s, k).map(|v| v.trim().to_string());
                                match (code(b"sourcecode"), code(b"targetcode"), code(b"eventcode")) {
                                    (Some(source), Some(target), Some(code)) => {
                                        p.events.push(ExpectedEvent { source, target, code })
                                    }
                                    _ => diags.push(Diagnostic::new(
                                        name,
                                        line_at(pos),
                                        format!("record {}: incomplete <EventCoding>", p.id),
                                    )),
                                }
                            }
                        }
                    }
                    b"Text" if current.is_some() && !empty => in_text = true,
                    _ if in_env && !empty => env_field = Some(tag),
                    _ => {}
                }
            }
            Event::Text(t) => {
                let raw = String::from_utf8_lossy(&t);
                let text = quick_xml::escape::unescape(&raw)
                    .map(|c| c.into_owned())
                    .unwrap_or_else(|_| raw.into_owned());
                if in_text {
                    if let Some(p) = current.as_mut() {
                        p.text.push_str(&text);
                        p.text.push(' ');
                    }
                } else if let Some(field) = env_field.as_deref() {
                    let value = text.trim().to_string();
                    let env = &mut suite.environment;
                    match field {
                        b"Verbfile" => env.verbfile = Some(value),
                        b"Actorfile" => env.actorfiles.push(value),
                        b"Agentfile" => env.agentfile = Some(value),
                        b"Discardfile" => env.discardfile = Some(value),
                        b"Include" => {
                            env.include = value
                                .split_whitespace()
                                .filter(|c| *c != "valid")
                                .map(str::to_string)
                                .collect()
                        }
                        _ => {}
                    }
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"Text" => in_text = false,
                b"Environment" => in_env = false,
                b"Sentence" => {
                    if let Some(p) = current.take() {
                        let expected = match (p.error, p.no_events) {
                            (Some(e), _) => Expected::Error(e),
                            (None, true) => Expected::NoEvents,
                            (None, false) => Expected::Events(p.events),
                        };
                        suite.records.push(Record {
                            id: p.id,
                            category: p.category,
                            date: p.date,
                            text: p.text.split_whitespace().collect::<Vec<_>>().join(" "),
                            expected,
                            options: options.clone(),
                            line: p.line,
                        });
                    }
                }
                _ => env_field = None,
            },
            Event::Eof => break,
            _ => {}
        }
    }
    (suite, diags)
}

fn attr(s: &BytesStart, key: &[u8]) -> Option<String> {
    s.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .map(|a| {
            let raw = String::from_utf8_lossy(&a.value).into_owned();
            quick_xml::escape::unescape(&raw).map(|c| c.into_owned()).unwrap_or(raw)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<Validation><Environment><Verbfile>v.txt</Verbfile><Actorfile>a.txt</Actorfile>
<Include>valid DEMO ACTOR</Include><Config option="stop_on_error" value="True"></Config></Environment>
<Sentences>
<Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
<!-- comment -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor is about to restore
full ties &amp; more.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Config option="require_dyad" value="FALSE"></Config>
<Sentence date="19950101" id="ACTOR-01" category="ACTOR"><EventCoding noevents = "True"></EventCoding><Text>Nothing.</Text></Sentence>
<Sentence date="19950101" id="ERROR-01" category="ERROR"><EventCoding error="storydiscard"/><Text>Golf.</Text></Sentence>
</Sentences></Validation>"#;

    #[test]
    fn reads_environment_records_and_options() {
        let (s, diags) = read_suite("t.xml", SAMPLE.as_bytes());
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(s.environment.verbfile.as_deref(), Some("v.txt"));
        assert_eq!(s.environment.include, ["DEMO", "ACTOR"]);
        assert_eq!(s.records.len(), 3);
        let r = &s.records[0];
        assert_eq!(r.text, "Arnor is about to restore full ties & more.");
        assert_eq!(
            r.expected,
            Expected::Events(vec![ExpectedEvent {
                source: "ARN".into(),
                target: "GON".into(),
                code: "064".into()
            }])
        );
        assert!(r.require_dyad());
        assert!(!s.records[1].require_dyad());
        assert_eq!(s.records[1].expected, Expected::NoEvents);
        assert_eq!(s.records[2].expected, Expected::Error("storydiscard".into()));
        assert_eq!(s.included().count(), 2);
        assert!(is_validation(SAMPLE.as_bytes()));
    }

    #[test]
    fn malformed_xml_keeps_what_was_read() {
        let text = SAMPLE.replace("<Text>Golf.</Text></Sentence>", "<Text>Golf.</Text></Sentense>");
        let (s, diags) = read_suite("t.xml", text.as_bytes());
        assert_eq!(s.records.len(), 2);
        assert_eq!(diags.len(), 1);
    }
}
