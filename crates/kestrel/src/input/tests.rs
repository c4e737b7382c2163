use super::*;

fn date(text: &str) -> Option<CivilDate> {
    Some(CivilDate::parse(text).expect("valid test date"))
}

/// Everything read from one input.
#[derive(Debug, Default)]
struct ReadOutcome {
    documents: Vec<Document>,
    diagnostics: Vec<Diagnostic>,
    /// Items in sink order: `Ok(document id)` or `Err(diagnostic item)`.
    order: Vec<Result<String, String>>,
}

fn read_documents_to_vecs(
    name: &str,
    bytes: &[u8],
    format: InputFormat,
    default_date: Option<CivilDate>,
) -> ReadOutcome {
    let mut outcome = ReadOutcome::default();
    read_documents(name, bytes, format, default_date, &mut |item| match item {
        Ok(document) => {
            outcome.order.push(Ok(document.id.clone()));
            outcome.documents.push(document);
        }
        Err(diagnostic) => {
            outcome.order.push(Err(diagnostic.item().to_string()));
            outcome.diagnostics.push(diagnostic);
        }
    });
    outcome
}

fn read(name: &str, bytes: &[u8], format: InputFormat) -> ReadOutcome {
    read_documents_to_vecs(name, bytes, format, date("2023-08-30"))
}

fn warning(item: &str, message: &str) -> Diagnostic {
    Diagnostic::warning(item, message)
}

/// Items and severities of the diagnostics, for compact assertions.
fn diagnostic_items(outcome: &ReadOutcome) -> Vec<(bool, &str)> {
    outcome
        .diagnostics
        .iter()
        .map(|diagnostic| (diagnostic.is_error(), diagnostic.item()))
        .collect()
}

/// A file under /work/shared (the sibling of the repository), if present.
fn shared_file(relative: &str) -> Option<Vec<u8>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(relative);
    match std::fs::read(&path) {
        Ok(bytes) => Some(bytes),
        Err(_) => {
            eprintln!("skipped: {} not found", path.display());
            None
        }
    }
}

/// One line of `size` bytes of prose.
fn huge_text(size: usize) -> String {
    "The talks resumed on Wednesday in Geneva. "
        .repeat(size / 42 + 1)
        .chars()
        .take(size)
        .collect()
}

// ---- formats and names ----

#[test]
fn format_from_path_and_name() {
    assert_eq!(InputFormat::from_path(Path::new("docs.jsonl")), InputFormat::Jsonl);
    assert_eq!(InputFormat::from_path(Path::new("a/b.NDJSON")), InputFormat::Jsonl);
    assert_eq!(
        InputFormat::from_path(Path::new("x.PETR.xml")),
        InputFormat::PetrarchXml
    );
    assert_eq!(InputFormat::from_path(Path::new("report.txt")), InputFormat::Text);
    assert_eq!(InputFormat::from_path(Path::new("README")), InputFormat::Text);
    for format in [InputFormat::Text, InputFormat::Jsonl, InputFormat::PetrarchXml] {
        assert_eq!(format.name().parse::<InputFormat>(), Ok(format));
        assert_eq!(format.to_string(), format.name());
    }
    assert_eq!("XML".parse::<InputFormat>(), Ok(InputFormat::PetrarchXml));
    assert!("csv".parse::<InputFormat>().is_err());
}

#[test]
fn diagnostics_display_severity_item_and_message() {
    assert_eq!(
        Diagnostic::error("docs.jsonl:17", "missing \"text\"").to_string(),
        "error: docs.jsonl:17: missing \"text\""
    );
    assert_eq!(
        warning("stdin", "empty input").to_string(),
        "warning: stdin: empty input"
    );
}

// ---- text ----

#[test]
fn text_input_is_one_document_named_after_the_input() {
    let outcome = read("report.txt", b"Kirby spoke.\nHe left.\n", InputFormat::Text);
    assert_eq!(
        outcome.documents,
        vec![Document {
            id: "report.txt".to_string(),
            date: date("2023-08-30"),
            text: "Kirby spoke.\nHe left.\n".to_string(),
            title: None,
            url: None,
            source: None,
        }]
    );
    assert!(outcome.diagnostics.is_empty());
}

#[test]
fn text_input_without_default_date_has_no_date() {
    let outcome = read_documents_to_vecs("stdin", b"Kirby spoke.", InputFormat::Text, None);
    assert_eq!(outcome.documents[0].date, None);
    assert_eq!(outcome.documents[0].id, "stdin");
}

#[test]
fn byte_order_mark_is_ignored() {
    let outcome = read("bom.txt", b"\xEF\xBB\xBFKirby spoke.", InputFormat::Text);
    assert_eq!(outcome.documents[0].text, "Kirby spoke.");
}

#[test]
fn invalid_utf8_is_replaced_with_a_warning() {
    let outcome = read("latin1.txt", b"Caf\xe9 talks", InputFormat::Text);
    assert_eq!(outcome.documents[0].text, "Caf\u{FFFD} talks");
    assert_eq!(outcome.diagnostics, vec![warning("latin1.txt", INVALID_UTF8)]);
}

#[test]
fn empty_input_gives_no_document_and_a_warning() {
    for format in [InputFormat::Text, InputFormat::Jsonl, InputFormat::PetrarchXml] {
        for bytes in [&b""[..], b"  \n\t\r\n", b"\xEF\xBB\xBF"] {
            let outcome = read("stdin", bytes, format);
            assert!(outcome.documents.is_empty(), "{format}");
            assert_eq!(outcome.diagnostics, vec![warning("stdin", "empty input")]);
        }
    }
}

#[test]
fn binary_input_is_read_with_a_warning() {
    let mut bytes = vec![0u8; 64];
    bytes.extend_from_slice(b"\x89PNG\xff\xfe some text");
    let outcome = read("image.png", &bytes, InputFormat::Text);
    assert_eq!(outcome.documents.len(), 1);
    assert_eq!(
        diagnostic_items(&outcome),
        vec![(false, "image.png"), (false, "image.png")]
    );
    assert!(outcome.diagnostics[0].message().starts_with("looks binary"));
    assert_eq!(outcome.diagnostics[1].message(), INVALID_UTF8);
    // Binary data in the structured formats is reported, never a panic.
    for format in [InputFormat::Jsonl, InputFormat::PetrarchXml] {
        let outcome = read("image.png", &bytes, format);
        assert!(outcome.documents.is_empty());
        assert!(outcome.diagnostics[0].message().starts_with("looks binary"));
        assert!(outcome.diagnostics.len() >= 2, "{format}: {:?}", outcome.diagnostics);
    }
}

// ---- JSON Lines ----

#[test]
fn jsonl_reads_every_member() {
    let line = br#"{"id": "a1", "date": "2023-08-26", "text": "Kirby spoke.", "title": "T", "url": "https://example.org/a1", "source": "AP", "extra": [1]}"#;
    let outcome = read("docs.jsonl", line, InputFormat::Jsonl);
    assert_eq!(
        outcome.documents,
        vec![Document {
            id: "a1".to_string(),
            date: date("2023-08-26"),
            text: "Kirby spoke.".to_string(),
            title: Some("T".to_string()),
            url: Some("https://example.org/a1".to_string()),
            source: Some("AP".to_string()),
        }]
    );
    assert!(outcome.diagnostics.is_empty());
}

#[test]
fn jsonl_defaults_for_missing_id_and_date_and_skips_blank_lines() {
    let input = b"\n{\"text\": \"First.\"}\r\n\n  \n{\"id\": 42, \"text\": \"Second.\", \"date\": null}\n";
    let outcome = read("docs.jsonl", input, InputFormat::Jsonl);
    let ids: Vec<&str> = outcome.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["docs.jsonl:2", "42"]);
    assert!(outcome.documents.iter().all(|d| d.date == date("2023-08-30")));
    assert_eq!(outcome.documents[0].title, None);
    assert!(outcome.diagnostics.is_empty());
}

#[test]
fn jsonl_bad_lines_are_errors_and_other_lines_are_still_read() {
    let input = concat!(
        "{\"id\": \"ok1\", \"text\": \"Fine.\"}\n",
        "{\"id\": \"broken\", \"text\": \"Unterminated\n",
        "{\"id\": \"no-text\"}\n",
        "[\"not\", \"an\", \"object\"]\n",
        "{\"text\": 12}\n",
        "{\"id\": [1], \"text\": \"Bad id.\"}\n",
        "{\"id\": \"ok2\", \"text\": \"Also fine.\"}",
    );
    let outcome = read("docs.jsonl", input.as_bytes(), InputFormat::Jsonl);
    let ids: Vec<&str> = outcome.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["ok1", "ok2"]);
    assert_eq!(
        diagnostic_items(&outcome),
        vec![
            (true, "docs.jsonl:2"),
            (true, "docs.jsonl:3"),
            (true, "docs.jsonl:4"),
            (true, "docs.jsonl:5"),
            (true, "docs.jsonl:6"),
        ]
    );
    let messages: Vec<&str> = outcome.diagnostics.iter().map(Diagnostic::message).collect();
    assert!(messages[0].starts_with("invalid JSON: "), "{}", messages[0]);
    assert!(messages[0].contains(" at column "), "{}", messages[0]);
    assert_eq!(messages[1], "missing \"text\"");
    assert_eq!(messages[2], "expected a JSON object, found an array");
    assert_eq!(messages[3], "\"text\" must be a string, found a number");
    assert_eq!(messages[4], "\"id\" must be a string or a number, found an array");
}

#[test]
fn jsonl_records_read_directly_follow_the_general_rules() {
    // Shapes the direct reading of plain records must leave to the general reader: an array
    // with one slot per member, a member given twice (the last one counts), an unknown member.
    let input = concat!(
        "[\"An array.\", null, null, null, null, null]\n",
        "{\"id\": \"twice\", \"text\": \"First.\", \"text\": \"Second.\"}\n",
        "{\"id\": \"extra\", \"text\": \"Extra.\", \"lang\": \"en\"}\n",
        "{\"id\": \" \", \"text\": \"Blank id.\", \"date\": \"\"}\n",
    );
    let outcome = read("docs.jsonl", input.as_bytes(), InputFormat::Jsonl);
    let read: Vec<(&str, &str)> = outcome
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.text.as_str()))
        .collect();
    assert_eq!(
        read,
        [("twice", "Second."), ("extra", "Extra."), ("docs.jsonl:4", "Blank id.")]
    );
    assert_eq!(outcome.documents[2].date, date("2023-08-30"));
    let messages: Vec<&str> = outcome.diagnostics.iter().map(Diagnostic::message).collect();
    assert_eq!(messages, ["expected a JSON object, found an array"]);
}

#[test]
fn jsonl_bad_date_is_a_warning_and_leaves_the_date_empty() {
    let input = concat!(
        "{\"id\": \"a\", \"date\": \"30/08/2023\", \"text\": \"x\"}\n",
        "{\"id\": \"b\", \"date\": \"2023-02-30\", \"text\": \"x\"}\n",
        "{\"id\": \"c\", \"date\": true, \"text\": \"x\"}\n",
    );
    let outcome = read("docs.jsonl", input.as_bytes(), InputFormat::Jsonl);
    assert_eq!(outcome.documents.len(), 3);
    assert!(outcome.documents.iter().all(|d| d.date.is_none()));
    assert_eq!(
        diagnostic_items(&outcome),
        vec![
            (false, "docs.jsonl:1"),
            (false, "docs.jsonl:2"),
            (false, "docs.jsonl:3")
        ]
    );
    assert!(outcome.diagnostics[0].message().contains("\"30/08/2023\""));
}

#[test]
fn jsonl_accepts_compact_numeric_and_timestamp_dates() {
    let input = concat!(
        "{\"date\": \"20230829\", \"text\": \"x\"}\n",
        "{\"date\": 20230828, \"text\": \"x\"}\n",
        "{\"date\": \"2023-08-27T14:05:00Z\", \"text\": \"x\"}\n",
        "{\"date\": \"2023-08-26 09:00\", \"text\": \"x\"}\n",
    );
    let outcome = read("docs.jsonl", input.as_bytes(), InputFormat::Jsonl);
    let dates: Vec<String> = outcome
        .documents
        .iter()
        .map(|d| d.date.map(|date| date.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(dates, ["2023-08-29", "2023-08-28", "2023-08-27", "2023-08-26"]);
    assert!(outcome.diagnostics.is_empty());
}

#[test]
fn jsonl_wrong_optional_member_types_are_ignored_with_warnings() {
    let input = br#"{"text": "x", "title": 3, "url": null, "source": {"name": "AP"}}"#;
    let outcome = read("docs.jsonl", input, InputFormat::Jsonl);
    assert_eq!(outcome.documents.len(), 1);
    assert_eq!(outcome.documents[0].title, None);
    assert_eq!(outcome.documents[0].source, None);
    assert_eq!(
        diagnostic_items(&outcome),
        vec![(false, "docs.jsonl:1"), (false, "docs.jsonl:1")]
    );
}

#[test]
fn jsonl_invalid_utf8_names_the_line() {
    let input = b"{\"text\": \"ok\"}\n{\"text\": \"Caf\xe9\"}\n";
    let outcome = read("stdin", input, InputFormat::Jsonl);
    assert_eq!(outcome.documents[1].text, "Caf\u{FFFD}");
    assert_eq!(outcome.diagnostics, vec![warning("stdin:2", INVALID_UTF8)]);
    // The warning about a document comes just before it.
    assert_eq!(
        outcome.order,
        [
            Ok("stdin:1".to_string()),
            Err("stdin:2".to_string()),
            Ok("stdin:2".to_string())
        ]
    );
}

#[test]
fn jsonl_seed_article() {
    let Some(bytes) = shared_file("seed/article.jsonl") else {
        return;
    };
    let outcome = read_documents_to_vecs("article.jsonl", &bytes, InputFormat::Jsonl, None);
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    assert_eq!(outcome.documents.len(), 1);
    let article = &outcome.documents[0];
    assert_eq!(article.id, "seed-2023-08-30");
    assert_eq!(article.date, date("2023-08-30"));
    assert_eq!(
        article.title.as_deref(),
        Some("US raises alarm over Russia-North Korea arms negotiations")
    );
    assert_eq!(article.text.lines().count(), 12);
}

// ---- PETRARCH XML ----

#[test]
fn petrarch_sentences_anywhere_with_normalised_text() {
    let input = r#"<?xml version="1.0"?>
<!-- header <Sentence id="commented-out"><Text>no</Text></Sentence> -->
<Validation>
<Config option="x" value="y"></Config>
<Sentences>
<Sentence date = "19950101" id ="DEMO-00" source="AFP" sentence="true">
<!-- a comment -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor is about to restore   full diplomatic
  ties with Gondor &amp; Rohan.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Group><Sentence><Text><![CDATA[Kirby <said> so.]]></Text></Sentence></Group>
</Sentences>
</Validation>
"#;
    let outcome = read("unit.xml", input.as_bytes(), InputFormat::PetrarchXml);
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    assert_eq!(
        outcome.documents,
        vec![
            Document {
                id: "DEMO-00".to_string(),
                date: date("1995-01-01"),
                text: "Arnor is about to restore full diplomatic ties with Gondor & Rohan.".to_string(),
                title: None,
                url: None,
                source: Some("AFP".to_string()),
            },
            Document {
                id: "unit.xml:15".to_string(),
                date: date("2023-08-30"),
                text: "Kirby <said> so.".to_string(),
                title: None,
                url: None,
                source: None,
            },
        ]
    );
}

#[test]
fn petrarch_bad_date_and_bad_records() {
    let input = concat!(
        "<Sentences>\n",
        "<Sentence id=\"a\" date=\"1995-13-01\"><Text>Bad date.</Text></Sentence>\n",
        "<Sentence id=\"b\"><Parse>(ROOT)</Parse></Sentence>\n",
        "<Sentence id=\"c\"/>\n",
        "<Sentence id=\"d\" date=\"19950102\"><Text>Caf\u{e9} &nbsp; ok.</Text></Sentence>\n",
        "</Sentences>\n",
    );
    let outcome = read("recs.xml", input.as_bytes(), InputFormat::PetrarchXml);
    let ids: Vec<&str> = outcome.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "d"]);
    assert_eq!(outcome.documents[0].date, None);
    assert_eq!(outcome.documents[1].text, "Café &nbsp; ok.");
    assert_eq!(
        diagnostic_items(&outcome),
        vec![
            (false, "recs.xml:2"),
            (true, "recs.xml:3"),
            (true, "recs.xml:4"),
            (false, "recs.xml:5"),
        ]
    );
    assert!(outcome.diagnostics[0].message().starts_with("unreadable date"));
    assert_eq!(outcome.diagnostics[1].message(), "<Sentence> without <Text>");
    assert!(outcome.diagnostics[3].message().contains("kept as written"));
}

#[test]
fn petrarch_invalid_utf8_names_the_sentence() {
    let input = b"<Sentences>\n<Sentence id=\"x\">\n<Text>Caf\xe9</Text></Sentence></Sentences>";
    let outcome = read("l1.xml", input, InputFormat::PetrarchXml);
    assert_eq!(outcome.documents[0].text, "Caf\u{FFFD}");
    assert_eq!(outcome.diagnostics, vec![warning("l1.xml:2", INVALID_UTF8)]);
}

#[test]
fn petrarch_malformed_xml_keeps_the_documents_read_before() {
    let input = concat!(
        "<Sentences>\n",
        "<Sentence id=\"first\"><Text>One.</Text></Sentence>\n",
        "<Sentence id=\"second\"><Text>Two.</Txt></Sentence>\n",
        "<Sentence id=\"third\"><Text>Three.</Text></Sentence>\n",
        "</Sentences>\n",
    );
    let outcome = read("bad.xml", input.as_bytes(), InputFormat::PetrarchXml);
    let ids: Vec<&str> = outcome.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["first"]);
    assert_eq!(diagnostic_items(&outcome), vec![(true, "bad.xml:3")]);
    assert!(outcome.diagnostics[0].message().starts_with("malformed XML"));
}

#[test]
fn petrarch_truncated_input_is_an_error() {
    let input = "<Sentences>\n<Sentence id=\"ok\"><Text>One.</Text></Sentence>\n<Sentence id=\"cut\"><Text>Tw";
    let outcome = read("cut.xml", input.as_bytes(), InputFormat::PetrarchXml);
    let ids: Vec<&str> = outcome.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["ok"]);
    assert_eq!(diagnostic_items(&outcome), vec![(true, "cut.xml:3")]);
}

#[test]
fn petrarch_without_sentences_warns() {
    let outcome = read("other.xml", b"<root><item>x</item></root>", InputFormat::PetrarchXml);
    assert!(outcome.documents.is_empty());
    assert_eq!(
        outcome.diagnostics,
        vec![warning("other.xml", "no <Sentence> elements found")]
    );
    let outcome = read("plain.xml", b"just some words", InputFormat::PetrarchXml);
    assert!(outcome.documents.is_empty());
    assert_eq!(outcome.diagnostics.len(), 1);
}

#[test]
fn petrarch_gigaword_sample() {
    let Some(bytes) = shared_file("peers/petrarch2/text/GigaWord.sample.PETR.xml") else {
        return;
    };
    let outcome = read_documents_to_vecs("GigaWord.sample.PETR.xml", &bytes, InputFormat::PetrarchXml, None);
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    assert_eq!(outcome.documents.len(), 76);
    let first = &outcome.documents[0];
    assert_eq!(first.id, "AFP0808020625_4");
    assert_eq!(first.date, date("2008-08-04"));
    assert_eq!(first.source.as_deref(), Some("AFP"));
    assert_eq!(
        first.text,
        "The stopover came as the US leader prepared to attend the Beijing Olympics, an \
         event which will test his vow to keep politics out of the Games."
    );
    assert!(outcome
        .documents
        .iter()
        .all(|d| d.date.is_some() && !d.text.contains('\n')));
    // Nine test records have an empty <Text>: kept as empty documents.
    let empty: Vec<&str> = outcome
        .documents
        .iter()
        .filter(|d| d.text.is_empty())
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(empty.len(), 9);
    assert!(empty.iter().all(|id| id.starts_with("TEST_")));
}

#[test]
fn petrarch_unit_test_records() {
    let Some(bytes) = shared_file("peers/petrarch2/text/PETR.UnitTest.records.xml") else {
        return;
    };
    let outcome = read_documents_to_vecs("PETR.UnitTest.records.xml", &bytes, InputFormat::PetrarchXml, None);
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    assert_eq!(outcome.documents.len(), 284);
    let first = &outcome.documents[0];
    assert_eq!(first.id, "DEMO-00");
    assert_eq!(first.date, date("1995-01-01"));
    assert_eq!(
        first.text,
        "Arnor is about to restore full diplomatic ties with Gondor almost five years after \
         crowds trashed its embassy."
    );
    assert!(outcome.documents.iter().any(|d| d.text.contains("full &TIETYPE ties")));
}

// ---- size ----

/// 50 MB on one line in every format: reading is linear, so this takes
/// about as long as copying the input a few times.
#[test]
fn fifty_megabyte_single_line_documents() {
    const SIZE: usize = 50 * 1024 * 1024;
    let text = huge_text(SIZE);

    let outcome = read("big.txt", text.as_bytes(), InputFormat::Text);
    assert_eq!(outcome.documents[0].text.len(), SIZE);

    let line = format!("{{\"id\": \"big\", \"text\": \"{text}\"}}");
    let outcome = read("big.jsonl", line.as_bytes(), InputFormat::Jsonl);
    assert!(outcome.diagnostics.is_empty());
    assert_eq!(outcome.documents[0].text.len(), SIZE);

    let xml = format!("<Sentences><Sentence id=\"big\"><Text>{text}</Text></Sentence></Sentences>");
    let outcome = read("big.xml", xml.as_bytes(), InputFormat::PetrarchXml);
    assert!(outcome.diagnostics.is_empty());
    // Normalisation drops the trailing space of the repeated sentence.
    assert_eq!(outcome.documents[0].text, text.trim_end());
}
