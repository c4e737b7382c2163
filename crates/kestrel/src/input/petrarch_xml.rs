//! PETRARCH XML input: `<Sentence id=".." date="YYYYMMDD" source=".."><Text>
//! ..</Text><Parse>..</Parse></Sentence>` records.
//!
//! `<Sentence>` elements are read wherever they are (PETRARCH's validation
//! files wrap them in `<Validation><Sentences>` next to `<Config>`,
//! `<EventCoding>` and comments); everything but the sentence's `id`,
//! `date`, `source` and `<Text>` is ignored. The text, wrapped over lines
//! in PETRARCH files, is whitespace-normalised. Malformed XML ends reading
//! with an error; the documents read before it are kept.

use std::borrow::Cow;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::{parse_document_date, unreadable_date, Diagnostic, Document, Sink, INVALID_UTF8};
use kestrel_dates::CivilDate;

pub(super) fn read(name: &str, bytes: &[u8], default_date: Option<CivilDate>, sink: &mut Sink) {
    let mut reader = Reader::from_reader(bytes);
    let mut lines = LineCounter::new(bytes);
    let mut sentence: Option<SentenceBuilder> = None;
    let mut sentences_seen = 0usize;
    loop {
        let event_start = reader.buffer_position();
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(error) => {
                let line = lines.line_at(reader.error_position());
                let skipped = if sentence.is_some() {
                    "; the <Sentence> being read is skipped"
                } else {
                    ""
                };
                sink(Err(Diagnostic::error(
                    format!("{name}:{line}"),
                    format!("malformed XML: {error}{skipped}; reading stopped"),
                )));
                return;
            }
        };
        match (&mut sentence, event) {
            (None, Event::Start(start)) if start.local_name().as_ref() == b"Sentence" => {
                let item = format!("{name}:{}", lines.line_at(event_start));
                sentences_seen += 1;
                sentence = Some(SentenceBuilder::new(item, &start));
            }
            (None, Event::Empty(start)) if start.local_name().as_ref() == b"Sentence" => {
                let item = format!("{name}:{}", lines.line_at(event_start));
                sentences_seen += 1;
                sink(Err(Diagnostic::error(item, "<Sentence> without <Text>")));
            }
            (Some(builder), Event::Start(start)) => {
                builder.depth += 1;
                if builder.depth == 1 && start.local_name().as_ref() == b"Text" {
                    builder.in_text = true;
                    builder.text_seen = true;
                }
            }
            (Some(builder), Event::End(_)) if builder.depth > 0 => {
                builder.depth -= 1;
                if builder.depth == 0 {
                    builder.in_text = false;
                }
            }
            (Some(_), Event::End(_)) => {
                if let Some(builder) = sentence.take() {
                    builder.finish(default_date, sink);
                }
            }
            (Some(builder), Event::Text(text)) if builder.in_text => {
                let raw = builder.decode(&text[..]);
                match quick_xml::escape::unescape(&raw) {
                    Ok(unescaped) => builder.text.push_str(&unescaped),
                    Err(error) => {
                        builder
                            .warnings
                            .push(format!("could not unescape the text ({error}); kept as written"));
                        builder.text.push_str(&raw);
                    }
                }
            }
            (Some(builder), Event::CData(data)) if builder.in_text => {
                let raw = builder.decode(&data[..]);
                builder.text.push_str(&raw);
            }
            (_, Event::Eof) => break,
            _ => {}
        }
    }
    if let Some(builder) = sentence {
        sink(Err(Diagnostic::error(
            builder.item,
            "input ends inside this <Sentence>; skipped",
        )));
    } else if sentences_seen == 0 {
        sink(Err(Diagnostic::warning(name, "no <Sentence> elements found")));
    }
}

/// The parts of a `<Sentence>` read so far.
struct SentenceBuilder {
    /// `<name>:<line>` of the start tag.
    item: String,
    id: Option<String>,
    date: Option<String>,
    source: Option<String>,
    text: String,
    /// Depth of the current element below the `<Sentence>` (0: directly in it).
    depth: usize,
    in_text: bool,
    text_seen: bool,
    invalid_utf8: bool,
    attribute_error: Option<String>,
    warnings: Vec<String>,
}

impl SentenceBuilder {
    fn new(item: String, start: &BytesStart) -> SentenceBuilder {
        let mut builder = SentenceBuilder {
            item,
            id: None,
            date: None,
            source: None,
            text: String::new(),
            depth: 0,
            in_text: false,
            text_seen: false,
            invalid_utf8: false,
            attribute_error: None,
            warnings: Vec::new(),
        };
        for attribute in start.attributes() {
            let attribute = match attribute {
                Ok(attribute) => attribute,
                Err(error) => {
                    builder.attribute_error = Some(format!("malformed attribute: {error}"));
                    break;
                }
            };
            let raw = builder.decode(&attribute.value[..]);
            let value = match quick_xml::escape::unescape(&raw) {
                Ok(value) => value.into_owned(),
                Err(_) => raw.into_owned(),
            };
            match attribute.key.local_name().as_ref() {
                b"id" => builder.id = Some(value),
                b"date" => builder.date = Some(value),
                b"source" => builder.source = Some(value),
                _ => {}
            }
        }
        builder
    }

    /// Decodes raw bytes as UTF-8, remembering if anything was replaced.
    fn decode<'a>(&mut self, bytes: &'a [u8]) -> Cow<'a, str> {
        let decoded = String::from_utf8_lossy(bytes);
        if matches!(decoded, Cow::Owned(_)) {
            self.invalid_utf8 = true;
        }
        decoded
    }

    fn finish(self, default_date: Option<CivilDate>, sink: &mut Sink) {
        let item = self.item;
        if let Some(message) = self.attribute_error {
            sink(Err(Diagnostic::error(item, message)));
            return;
        }
        if !self.text_seen {
            sink(Err(Diagnostic::error(item, "<Sentence> without <Text>")));
            return;
        }
        if self.invalid_utf8 {
            sink(Err(Diagnostic::warning(item.as_str(), INVALID_UTF8)));
        }
        for warning in self.warnings {
            sink(Err(Diagnostic::warning(item.as_str(), warning)));
        }
        let date = match self.date {
            None => default_date,
            Some(date) if date.trim().is_empty() => default_date,
            Some(date) => parse_document_date(&date).or_else(|| {
                sink(Err(Diagnostic::warning(
                    &item,
                    format!("{}; document kept without a date", unreadable_date(&date)),
                )));
                None
            }),
        };
        sink(Ok(Document {
            id: self
                .id
                .filter(|id| !id.trim().is_empty())
                .unwrap_or_else(|| item.clone()),
            date,
            text: normalise_whitespace(&self.text),
            title: None,
            url: None,
            source: self.source,
        }));
    }
}

/// Collapses every run of whitespace to one space and trims the ends.
fn normalise_whitespace(text: &str) -> String {
    let mut normalised = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !normalised.is_empty() {
            normalised.push(' ');
        }
        normalised.push_str(word);
    }
    normalised
}

/// Turns byte positions into 1-based line numbers. Positions are asked for
/// in increasing order, so counting newlines is linear over the input.
struct LineCounter<'a> {
    bytes: &'a [u8],
    counted_up_to: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> LineCounter<'a> {
        LineCounter {
            bytes,
            counted_up_to: 0,
            line: 1,
        }
    }

    fn line_at(&mut self, position: u64) -> usize {
        let position = usize::try_from(position).unwrap_or(usize::MAX).min(self.bytes.len());
        if position < self.counted_up_to {
            // Not expected; recount from the start rather than answer wrongly.
            self.counted_up_to = 0;
            self.line = 1;
        }
        self.line += memchr::memchr_iter(b'\n', &self.bytes[self.counted_up_to..position]).count();
        self.counted_up_to = position;
        self.line
    }
}
