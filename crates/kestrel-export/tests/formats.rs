//! Every export format written to a file and read back: the GDELT table column by column,
//! PLOVER records field by field, Parquet through the parquet crate's reader, CSV through a
//! CSV reader and JSON lines back into the record schema.

use std::fs::{self, File};
use std::io::BufWriter;
use std::path::PathBuf;

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int32Type, Int64Type, TimestampMicrosecondType};
use arrow_array::{Array, RecordBatch};
use arrow_schema::{DataType, TimeUnit};
use kestrel::{ActorRecord, AttributionRecord, EventRecord, PloverRecord, TriggerRecord};
use kestrel_export::{
    global_event_id, ExportFormat, ExportSummary, FusedEvent, CODER, CSV_COLUMNS, GDELT_COLUMNS, ROW_GROUP_ROWS,
};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::Value;

fn actor(text: &str, code: &str, country: Option<&str>, sectors: &[&str], name: Option<&str>) -> ActorRecord {
    ActorRecord {
        text: text.to_string(),
        code: code.to_string(),
        country: country.map(str::to_string),
        sectors: sectors.iter().map(|s| s.to_string()).collect(),
        name: name.map(str::to_string),
        span: [0, text.len()],
    }
}

/// A Russian air strike on Ukraine's army, told by three articles from two outlets.
fn strike() -> FusedEvent {
    FusedEvent {
        id: "wire-1:0:0".to_string(),
        record: EventRecord {
            doc_id: "wire-1".to_string(),
            sentence: 0,
            event_id: "wire-1:0:0".to_string(),
            code: "195".to_string(),
            root: "19".to_string(),
            quad_class: 4,
            goldstein: -10.0,
            plover: Some(PloverRecord {
                event: "ASSAULT".to_string(),
                mode: Some("aerial".to_string()),
                context: vec!["military".to_string()],
            }),
            source: actor(
                "Russia's defence minister",
                "RUSGOVMIL",
                Some("RUS"),
                &["GOV", "MIL"],
                Some("Sergei Shoigu"),
            ),
            target: Some(actor("Ukrainian troops", "UKRMIL", Some("UKR"), &["MIL"], None)),
            trigger: TriggerRecord {
                text: "ordered air strikes".to_string(),
                span: [26, 45],
            },
            attribution: Some(AttributionRecord {
                text: "officials said".to_string(),
                code: "UKRGOV".to_string(),
                span: [80, 94],
            }),
            modality: "reported".to_string(),
            date: Some("2024-03-05".to_string()),
            date_precision: Some("day".to_string()),
            sentence_text: "Russia's defence minister ordered air strikes on Ukrainian troops, officials said."
                .to_string(),
            confidence: 0.87,
        },
        num_mentions: 3,
        num_sources: 2,
        num_articles: 3,
        first_published: Some("2024-03-06".to_string()),
        source_url: Some("https://news.example/strike".to_string()),
        added: "2024-03-06T10:15:30.25+01:00".to_string(),
    }
}

/// The UN easing sanctions on Hamas "in March": a month-precision date, no URL, and names
/// with characters every format must escape.
fn easing() -> FusedEvent {
    FusedEvent {
        id: "desk-7:4:1".to_string(),
        record: EventRecord {
            doc_id: "desk-7".to_string(),
            sentence: 4,
            event_id: "desk-7:4:1".to_string(),
            code: "0831".to_string(),
            root: "08".to_string(),
            quad_class: 2,
            goldstein: 5.0,
            plover: Some(PloverRecord {
                event: "CONCEDE".to_string(),
                mode: None,
                context: vec!["economic".to_string(), "diplomatic".to_string()],
            }),
            source: actor("the U.N.", "IGOUNO", None, &[], Some("United Nations")),
            target: Some(actor(
                "Hamas,\t\"fighters\"\n",
                "PSEREBHMS",
                Some("PSE"),
                &["REB", "HMS"],
                None,
            )),
            trigger: TriggerRecord {
                text: "eased".to_string(),
                span: [9, 14],
            },
            attribution: None,
            modality: "asserted".to_string(),
            date: Some("2024-03".to_string()),
            date_precision: Some("month".to_string()),
            sentence_text: "The U.N. eased curbs on \"Hamas\", the group said,\nlater.".to_string(),
            confidence: 0.5,
        },
        num_mentions: 1,
        num_sources: 1,
        num_articles: 1,
        first_published: Some("2024-04-02".to_string()),
        source_url: None,
        added: "2024-04-02T23:59:59Z".to_string(),
    }
}

/// A plain statement: CAMEO 010, which PLOVER has no category for; no target, no dates.
fn statement() -> FusedEvent {
    FusedEvent {
        id: "note-3:2:0".to_string(),
        record: EventRecord {
            doc_id: "note-3".to_string(),
            sentence: 2,
            event_id: "note-3:2:0".to_string(),
            code: "010".to_string(),
            root: "01".to_string(),
            quad_class: 1,
            goldstein: 0.0,
            plover: None,
            source: actor("police", "COP", None, &["COP"], None),
            target: None,
            trigger: TriggerRecord {
                text: "said".to_string(),
                span: [7, 11],
            },
            attribution: None,
            modality: "asserted".to_string(),
            date: None,
            date_precision: None,
            sentence_text: "Police said nothing.".to_string(),
            confidence: 0.3,
        },
        num_mentions: 1,
        num_sources: 1,
        num_articles: 1,
        first_published: None,
        source_url: None,
        added: "not a timestamp".to_string(),
    }
}

fn output_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("kestrel-export-{name}"))
}

fn export(format: ExportFormat, events: &[FusedEvent], name: &str) -> (PathBuf, ExportSummary) {
    let path = output_path(name);
    let file = File::create(&path).expect("create output");
    let mut writer = format.writer(BufWriter::new(file)).expect("writer");
    for event in events {
        writer.write(event).expect("write event");
    }
    (path, writer.finish().expect("finish"))
}

fn gdelt_field<'a>(fields: &[&'a str], column: &str) -> &'a str {
    let index = GDELT_COLUMNS
        .iter()
        .position(|c| *c == column)
        .unwrap_or_else(|| panic!("no GDELT column {column}"));
    fields[index]
}

#[test]
fn gdelt_table_parses_back_column_by_column() {
    let (path, summary) = export(
        ExportFormat::Gdelt,
        &[strike(), easing(), statement()],
        "events.gdelt.tsv",
    );
    assert_eq!(summary, ExportSummary { written: 3, skipped: 0 });
    let text = fs::read_to_string(&path).expect("read back");
    let lines: Vec<&str> = text.split_terminator('\n').collect();
    assert_eq!(lines.len(), 3, "one line per event, no header");
    let rows: Vec<Vec<&str>> = lines.iter().map(|l| l.split('\t').collect()).collect();
    for row in &rows {
        assert_eq!(row.len(), 61, "GDELT 2.0 has 61 columns: {row:?}");
    }

    // Every column of the strike, in file order.
    let strike_id = global_event_id("wire-1:0:0").to_string();
    let expected_strike = [
        ("GlobalEventID", strike_id.as_str()),
        ("Day", "20240305"),
        ("MonthYear", "202403"),
        ("Year", "2024"),
        ("FractionDate", "2024.1781"),
        ("Actor1Code", "RUSGOVMIL"),
        ("Actor1Name", "SERGEI SHOIGU"),
        ("Actor1CountryCode", "RUS"),
        ("Actor1KnownGroupCode", ""),
        ("Actor1EthnicCode", ""),
        ("Actor1Religion1Code", ""),
        ("Actor1Religion2Code", ""),
        ("Actor1Type1Code", "GOV"),
        ("Actor1Type2Code", "MIL"),
        ("Actor1Type3Code", ""),
        ("Actor2Code", "UKRMIL"),
        ("Actor2Name", "UKRAINIAN TROOPS"),
        ("Actor2CountryCode", "UKR"),
        ("Actor2KnownGroupCode", ""),
        ("Actor2EthnicCode", ""),
        ("Actor2Religion1Code", ""),
        ("Actor2Religion2Code", ""),
        ("Actor2Type1Code", "MIL"),
        ("Actor2Type2Code", ""),
        ("Actor2Type3Code", ""),
        ("IsRootEvent", "1"),
        ("EventCode", "195"),
        ("EventBaseCode", "195"),
        ("EventRootCode", "19"),
        ("QuadClass", "4"),
        ("GoldsteinScale", "-10"),
        ("NumMentions", "3"),
        ("NumSources", "2"),
        ("NumArticles", "3"),
        ("AvgTone", ""),
        ("Actor1Geo_Type", "0"),
        ("Actor1Geo_FullName", ""),
        ("Actor1Geo_CountryCode", ""),
        ("Actor1Geo_ADM1Code", ""),
        ("Actor1Geo_ADM2Code", ""),
        ("Actor1Geo_Lat", ""),
        ("Actor1Geo_Long", ""),
        ("Actor1Geo_FeatureID", ""),
        ("Actor2Geo_Type", "0"),
        ("Actor2Geo_FullName", ""),
        ("Actor2Geo_CountryCode", ""),
        ("Actor2Geo_ADM1Code", ""),
        ("Actor2Geo_ADM2Code", ""),
        ("Actor2Geo_Lat", ""),
        ("Actor2Geo_Long", ""),
        ("Actor2Geo_FeatureID", ""),
        ("ActionGeo_Type", "0"),
        ("ActionGeo_FullName", ""),
        ("ActionGeo_CountryCode", ""),
        ("ActionGeo_ADM1Code", ""),
        ("ActionGeo_ADM2Code", ""),
        ("ActionGeo_Lat", ""),
        ("ActionGeo_Long", ""),
        ("ActionGeo_FeatureID", ""),
        ("DATEADDED", "20240306091530"),
        ("SOURCEURL", "https://news.example/strike"),
    ];
    assert_eq!(expected_strike.len(), 61);
    for (i, (column, value)) in expected_strike.iter().enumerate() {
        assert_eq!(GDELT_COLUMNS[i], *column, "column {} is out of GDELT's order", i + 1);
        assert_eq!(rows[0][i], *value, "strike, column {column}");
    }
    // GlobalEventID is numeric, as GDELT's is.
    assert!(gdelt_field(&rows[0], "GlobalEventID").parse::<i64>().is_ok());

    // The easing: an organisation, a known group, a month-precision date, no URL.
    let easing = &rows[1];
    for (column, value) in [
        ("Day", "20240301"),
        ("MonthYear", "202403"),
        ("Year", "2024"),
        ("FractionDate", "2024.1671"),
        ("Actor1Code", "IGOUNO"),
        ("Actor1Name", "UNITED NATIONS"),
        ("Actor1CountryCode", ""),
        ("Actor1KnownGroupCode", "UNO"),
        ("Actor1Type1Code", "IGO"),
        ("Actor2Code", "PSEREBHMS"),
        // No canonical name: the text, upper case, tabs and line breaks made spaces.
        ("Actor2Name", "HAMAS, \"FIGHTERS\" "),
        ("Actor2CountryCode", "PSE"),
        ("Actor2KnownGroupCode", "HMS"),
        ("Actor2Type1Code", "REB"),
        ("Actor2Type2Code", ""),
        ("IsRootEvent", "0"),
        ("EventCode", "0831"),
        ("EventBaseCode", "083"),
        ("EventRootCode", "08"),
        ("QuadClass", "2"),
        ("GoldsteinScale", "5"),
        ("DATEADDED", "20240402235959"),
        ("SOURCEURL", "desk-7"),
    ] {
        assert_eq!(gdelt_field(easing, column), value, "easing, column {column}");
    }

    // The statement: no dates at all, no second actor, an added time that is not RFC 3339.
    let statement = &rows[2];
    for column in ["Day", "MonthYear", "Year", "FractionDate", "DATEADDED"] {
        assert_eq!(gdelt_field(statement, column), "", "statement, column {column}");
    }
    for column in &GDELT_COLUMNS[15..25] {
        assert_eq!(gdelt_field(statement, column), "", "statement, column {column}");
    }
    assert_eq!(gdelt_field(statement, "Actor1Code"), "COP");
    assert_eq!(gdelt_field(statement, "Actor1CountryCode"), "");
    assert_eq!(gdelt_field(statement, "Actor1Type1Code"), "COP");
    assert_eq!(gdelt_field(statement, "EventBaseCode"), "010");
    assert_eq!(gdelt_field(statement, "SOURCEURL"), "note-3");
}

#[test]
fn plover_records_have_the_manual_fields() {
    let (path, summary) = export(
        ExportFormat::Plover,
        &[strike(), statement(), easing()],
        "events.plover.jsonl",
    );
    // The statement (CAMEO 010) has no PLOVER category and is left out.
    assert_eq!(summary, ExportSummary { written: 2, skipped: 1 });
    let text = fs::read_to_string(&path).expect("read back");
    let records: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect();
    assert_eq!(records.len(), 2);

    let strike = &records[0];
    let expected = serde_json::json!({
        "id": "wire-1:0:0",
        "date": "2024-03-05",
        "actor": [{
            "code": "RUS",
            "sector": "GOVMIL",
            "entity_text": "Russia's defence minister",
            "identifier_text": "Sergei Shoigu",
            "cameo_code": "RUSGOVMIL"
        }],
        "recipient": [{
            "code": "UKR",
            "sector": "MIL",
            "entity_text": "Ukrainian troops",
            "cameo_code": "UKRMIL"
        }],
        "event": ["ASSAULT"],
        "mode": ["aerial"],
        "context": ["military"],
        "event_text": ["ordered air strikes"],
        "quad_code": 4,
        "event_scale": -9.5,
        "text": "Russia's defence minister ordered air strikes on Ukrainian troops, officials said.",
        "text_info": {"sequence": 0},
        "cite_info": {"citation": "wire-1", "url": "https://news.example/strike", "coder": CODER},
        "coder": CODER,
        "coded_date": "2024-03-06",
        "coded_time": "09:15:30Z",
        "date_precision": "day",
        "cameo_code": "195",
        "goldstein": -10.0,
        "modality": "reported",
        "attribution": "UKRGOV",
        "confidence": 0.87,
        "num_mentions": 3,
        "num_sources": 2,
        "num_articles": 3,
        "published": "2024-03-06"
    });
    assert_eq!(strike, &expected);

    let easing = &records[1];
    assert_eq!(easing["id"], "desk-7:4:1");
    // A month-precision date is written as the month's first day, its precision beside it.
    assert_eq!(easing["date"], "2024-03-01");
    assert_eq!(easing["date_precision"], "month");
    // The UN is PLOVER's own international actor UNO; an organisation has no sector.
    assert_eq!(easing["actor"][0]["code"], "UNO");
    assert!(easing["actor"][0].get("sector").is_none());
    assert_eq!(easing["recipient"][0]["code"], "PSE");
    assert_eq!(easing["recipient"][0]["sector"], "REB");
    assert_eq!(easing["recipient"][0]["entity_text"], "Hamas,\t\"fighters\"\n");
    assert_eq!(easing["event"], serde_json::json!(["CONCEDE"]));
    assert_eq!(easing["mode"], serde_json::json!([]));
    assert_eq!(easing["context"], serde_json::json!(["economic", "diplomatic"]));
    // CONCEDE is verbal cooperation in PLOVER, although CAMEO's 08 is material cooperation.
    assert_eq!(easing["quad_code"], 1);
    assert_eq!(easing["event_scale"], 4.5);
    assert_eq!(easing["cite_info"]["citation"], "desk-7");
    assert!(easing["cite_info"].get("url").is_none());
    assert!(easing.get("attribution").is_none());
    assert!(easing.get("event_loc").is_none());
}

#[test]
fn parquet_reads_back_with_typed_columns() {
    let (path, summary) = export(
        ExportFormat::Parquet,
        &[strike(), easing(), statement()],
        "events.parquet",
    );
    assert_eq!(summary.written, 3);
    let builder = ParquetRecordBatchReaderBuilder::try_new(File::open(&path).expect("open")).expect("a Parquet file");
    assert_eq!(builder.metadata().file_metadata().num_rows(), 3);
    assert_eq!(builder.metadata().file_metadata().created_by(), Some(CODER));
    let batches: Vec<RecordBatch> = builder
        .build()
        .expect("reader")
        .collect::<Result<_, _>>()
        .expect("batches");
    assert_eq!(batches.len(), 1);
    let batch = &batches[0];
    let schema = batch.schema();
    let column = |name: &str| {
        batch
            .column_by_name(name)
            .unwrap_or_else(|| panic!("no column {name}"))
            .clone()
    };
    let strings = |name: &str| -> Vec<Option<String>> {
        column(name)
            .as_string::<i32>()
            .iter()
            .map(|v| v.map(str::to_string))
            .collect()
    };
    let string_lists = |name: &str| -> Vec<Option<Vec<String>>> {
        let lists = column(name);
        let lists = lists.as_list::<i32>();
        (0..lists.len())
            .map(|i| {
                (!lists.is_null(i)).then(|| {
                    lists
                        .value(i)
                        .as_string::<i32>()
                        .iter()
                        .map(|v| v.unwrap_or_default().to_string())
                        .collect()
                })
            })
            .collect()
    };
    let some = |s: &str| Some(s.to_string());

    assert_eq!(
        schema.field_with_name("date").expect("date").data_type(),
        &DataType::Date32
    );
    assert_eq!(
        schema.field_with_name("added").expect("added").data_type(),
        &DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into()))
    );
    assert_eq!(
        strings("id"),
        [some("wire-1:0:0"), some("desk-7:4:1"), some("note-3:2:0")]
    );
    assert_eq!(strings("code"), [some("195"), some("0831"), some("010")]);
    assert_eq!(strings("source_code"), [some("RUSGOVMIL"), some("IGOUNO"), some("COP")]);
    assert_eq!(
        strings("source_name"),
        [some("Sergei Shoigu"), some("United Nations"), None]
    );
    assert_eq!(strings("target_code"), [some("UKRMIL"), some("PSEREBHMS"), None]);
    assert_eq!(strings("target_text")[1], some("Hamas,\t\"fighters\"\n"));
    assert_eq!(strings("plover_event"), [some("ASSAULT"), some("CONCEDE"), None]);
    assert_eq!(strings("plover_mode"), [some("aerial"), None, None]);
    assert_eq!(strings("date_precision"), [some("day"), some("month"), None]);
    assert_eq!(strings("attribution"), [some("UKRGOV"), None, None]);
    assert_eq!(strings("source_url"), [some("https://news.example/strike"), None, None]);
    assert_eq!(
        strings("sentence_text")[1],
        some("The U.N. eased curbs on \"Hamas\", the group said,\nlater.")
    );
    assert_eq!(
        string_lists("plover_context"),
        [
            Some(vec!["military".to_string()]),
            Some(vec!["economic".to_string(), "diplomatic".to_string()]),
            None
        ]
    );
    assert_eq!(
        string_lists("source_sectors"),
        [
            Some(vec!["GOV".to_string(), "MIL".to_string()]),
            Some(vec![]),
            Some(vec!["COP".to_string()])
        ]
    );
    assert_eq!(string_lists("target_sectors")[2], None);

    let dates = column("date");
    let dates = dates.as_primitive::<Date32Type>();
    // 2024-03-05 and 2024-03-01 as days since 1970-01-01; the statement has no date.
    assert_eq!((dates.value(0), dates.value(1), dates.is_null(2)), (19787, 19783, true));
    let published = column("published");
    let published = published.as_primitive::<Date32Type>();
    assert_eq!(
        (published.value(0), published.value(1), published.is_null(2)),
        (19788, 19815, true)
    );
    let added = column("added");
    let added = added.as_primitive::<TimestampMicrosecondType>();
    // 2024-03-06T09:15:30.25Z.
    assert_eq!(added.value(0), 1_709_716_530_250_000);
    assert!(added.is_null(2), "an unreadable time is null, not made up");

    let quad = column("quad_class");
    assert_eq!(quad.as_primitive::<Int32Type>().values().to_vec(), [4, 2, 1]);
    let goldstein = column("goldstein");
    assert_eq!(
        goldstein.as_primitive::<Float64Type>().values().to_vec(),
        [-10.0, 5.0, 0.0]
    );
    let confidence = column("confidence");
    assert_eq!(
        confidence.as_primitive::<Float64Type>().values().to_vec(),
        [0.87, 0.5, 0.3]
    );
    for (name, values) in [
        ("num_mentions", [3, 1, 1]),
        ("num_sources", [2, 1, 1]),
        ("num_articles", [3, 1, 1]),
        ("sentence", [0, 4, 2]),
    ] {
        assert_eq!(
            column(name).as_primitive::<Int64Type>().values().to_vec(),
            values,
            "{name}"
        );
    }
}

#[test]
fn parquet_streams_in_row_groups() {
    let base = strike();
    let events = (0..ROW_GROUP_ROWS + 10).map(|i| {
        let mut event = base.clone();
        event.id = format!("ev-{i}");
        event.num_mentions = i as u32;
        event
    });
    let path = output_path("many.parquet");
    let mut writer = ExportFormat::Parquet
        .writer(BufWriter::new(File::create(&path).expect("create")))
        .expect("writer");
    for event in events {
        writer.write(&event).expect("write");
    }
    assert_eq!(writer.finish().expect("finish").written, ROW_GROUP_ROWS as u64 + 10);

    let builder = ParquetRecordBatchReaderBuilder::try_new(File::open(&path).expect("open")).expect("a Parquet file");
    let row_groups: Vec<i64> = builder.metadata().row_groups().iter().map(|g| g.num_rows()).collect();
    assert_eq!(row_groups, [ROW_GROUP_ROWS as i64, 10]);
    let mut total = 0i64;
    let mut last_id = String::new();
    for batch in builder.build().expect("reader") {
        let batch = batch.expect("batch");
        let mentions = batch.column_by_name("num_mentions").expect("num_mentions").clone();
        total += mentions.as_primitive::<Int64Type>().values().iter().sum::<i64>();
        let ids = batch.column_by_name("id").expect("id").clone();
        last_id = ids.as_string::<i32>().value(batch.num_rows() - 1).to_string();
    }
    let n = (ROW_GROUP_ROWS + 10) as i64;
    assert_eq!(total, n * (n - 1) / 2, "every row read back once");
    assert_eq!(last_id, format!("ev-{}", n - 1));
}

#[test]
fn csv_round_trips_with_rfc_4180_quoting() {
    let (path, summary) = export(ExportFormat::Csv, &[strike(), easing(), statement()], "events.csv");
    assert_eq!(summary.written, 3);
    let bytes = fs::read(&path).expect("read back");
    assert!(
        bytes.windows(2).any(|w| w == b"\r\n"),
        "RFC 4180 ends records with CRLF"
    );
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let header: Vec<String> = reader.headers().expect("header").iter().map(str::to_string).collect();
    assert_eq!(header, CSV_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("records");
    assert_eq!(rows.len(), 3);
    let field = |row: usize, column: &str| {
        let index = CSV_COLUMNS.iter().position(|c| *c == column).expect("column");
        rows[row].get(index).expect("field").to_string()
    };
    assert_eq!(field(0, "id"), "wire-1:0:0");
    assert_eq!(field(0, "source"), "RUSGOVMIL");
    assert_eq!(field(0, "target"), "UKRMIL");
    assert_eq!(field(0, "goldstein"), "-10");
    assert_eq!(field(0, "plover_context"), "military");
    assert_eq!(field(0, "num_sources"), "2");
    assert_eq!(field(0, "added"), "2024-03-06T10:15:30.25+01:00");
    // Commas, quotes, tabs and line breaks survive quoting.
    assert_eq!(field(1, "target_text"), "Hamas,\t\"fighters\"\n");
    assert_eq!(
        field(1, "sentence_text"),
        "The U.N. eased curbs on \"Hamas\", the group said,\nlater."
    );
    assert_eq!(field(1, "plover_context"), "economic;diplomatic");
    assert_eq!(field(1, "date"), "2024-03");
    assert_eq!(field(2, "target"), "");
    assert_eq!(field(2, "plover_event"), "");
}

#[test]
fn empty_exports_are_well_formed() {
    let (path, summary) = export(ExportFormat::Csv, &[], "empty.csv");
    assert_eq!(summary, ExportSummary::default());
    let header = fs::read_to_string(&path).expect("read back");
    assert_eq!(header.trim_end(), CSV_COLUMNS.join(","));

    let (path, _) = export(ExportFormat::Parquet, &[], "empty.parquet");
    let builder = ParquetRecordBatchReaderBuilder::try_new(File::open(&path).expect("open")).expect("a Parquet file");
    assert_eq!(builder.metadata().file_metadata().num_rows(), 0);
    assert!(builder.schema().field_with_name("sentence_text").is_ok());

    for format in [ExportFormat::Jsonl, ExportFormat::Gdelt, ExportFormat::Plover] {
        let (path, _) = export(format, &[], &format!("empty.{format}"));
        assert_eq!(fs::read(&path).expect("read back"), b"", "{format}");
    }
}

#[test]
fn jsonl_is_the_record_schema_plus_counts() {
    let events = [strike(), easing(), statement()];
    let (path, _) = export(ExportFormat::Jsonl, &events, "events.jsonl");
    let text = fs::read_to_string(&path).expect("read back");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    for (line, event) in lines.iter().zip(&events) {
        // A reader of `kestrel code` output gets the record back unchanged.
        let record: EventRecord = serde_json::from_str(line).expect("record schema");
        assert_eq!(&record, &event.record);
        let value: Value = serde_json::from_str(line).expect("JSON");
        assert_eq!(value["id"], event.id.as_str());
        assert_eq!(value["num_mentions"], event.num_mentions);
        assert_eq!(value["num_sources"], event.num_sources);
        assert_eq!(value["num_articles"], event.num_articles);
        assert_eq!(value["added"], event.added.as_str());
    }
    let first: Value = serde_json::from_str(lines[0]).expect("JSON");
    assert_eq!(first["first_published"], "2024-03-06");
    assert_eq!(first["source_url"], "https://news.example/strike");
    let last: Value = serde_json::from_str(lines[2]).expect("JSON");
    assert_eq!(last["first_published"], Value::Null);
}
