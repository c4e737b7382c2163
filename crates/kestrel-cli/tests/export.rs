//! `kestrel export` run as a user runs it: the built binary on a store it ingested itself.

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn kestrel(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kestrel"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run kestrel")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const DOCUMENTS: &str = r#"{"id":"a1","date":"2023-03-07","source":"Wire","url":"https://news.example/a1","text":"Russia accused Ukraine of shelling the plant. Officials said China praised Japan on Tuesday."}
{"id":"a2","date":"2023-03-08","source":"Desk","url":"https://news.example/a2","text":"Israeli troops attacked Hamas fighters in Gaza. Iran condemned Israel."}
{"id":"a3","date":"2023-03-09","source":"Wire","text":"France and Germany met in Berlin. India threatened Pakistan with sanctions."}
"#;

/// A store holding the three documents above; returns the number of events it holds.
fn ingested_store(dir: &Path) -> (String, u64) {
    let input = dir.join("docs.jsonl");
    std::fs::write(&input, DOCUMENTS).expect("write input");
    let db = dir.join("kestrel.db").display().to_string();
    let out = kestrel(&["ingest", "--db", &db, &input.display().to_string()]);
    assert!(out.status.success(), "ingest failed: {}", text(&out.stderr));
    let out = kestrel(&["stats", "--db", &db]);
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stats JSON");
    let events = stats["events"].as_u64().expect("events count");
    assert!(events >= 4, "the documents should give several events, got {events}");
    (db, events)
}

#[test]
fn every_format_exports_every_event() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (db, events) = ingested_store(dir.path());
    for format in ["jsonl", "csv", "gdelt", "plover", "parquet"] {
        let output = dir.path().join(format!("events.{format}"));
        let out = kestrel(&[
            "export",
            "--db",
            &db,
            "--format",
            format,
            "-o",
            &output.display().to_string(),
        ]);
        assert!(out.status.success(), "{format}: {}", text(&out.stderr));
        let bytes = std::fs::read(&output).expect("the export file");
        assert!(
            !dir.path().join(format!("events.{format}.partial")).exists(),
            "{format}: the partial file is renamed into place"
        );
        let content = text(&bytes);
        match format {
            "jsonl" => assert_eq!(content.lines().count() as u64, events),
            // A header, then one record per event (no sentence here has a line break).
            "csv" => assert_eq!(content.lines().count() as u64, events + 1),
            "gdelt" => {
                assert_eq!(content.lines().count() as u64, events);
                assert!(content.lines().all(|l| l.split('\t').count() == 61), "61 columns");
            }
            "plover" => {
                // Statements and appeals (CAMEO 01, 02) have no PLOVER category: left out, and said so.
                let written = content.lines().count() as u64;
                let skipped = events - written;
                if skipped > 0 {
                    assert!(
                        text(&out.stderr).contains(&format!("{skipped} events")),
                        "{}",
                        text(&out.stderr)
                    );
                }
                for line in content.lines() {
                    let record: serde_json::Value = serde_json::from_str(line).expect("JSON");
                    assert!(record["event"][0].is_string() && record["actor"][0]["cameo_code"].is_string());
                }
            }
            "parquet" => {
                assert!(
                    bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"),
                    "Parquet magic at both ends"
                );
            }
            _ => unreachable!(),
        }
    }
}

#[test]
fn filters_are_the_query_filters() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (db, _) = ingested_store(dir.path());
    let query = kestrel(&["query", "--db", &db, "--quad", "4", "--format", "jsonl"]);
    assert!(query.status.success(), "{}", text(&query.stderr));
    let expected = text(&query.stdout).lines().count();
    assert!(expected > 0, "the store has material conflict events");

    let out = kestrel(&["export", "--db", &db, "--format", "gdelt", "--quad", "4", "-o", "-"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let rows: Vec<Vec<String>> = text(&out.stdout)
        .lines()
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect();
    assert_eq!(rows.len(), expected);
    // QuadClass is GDELT's 30th column.
    assert!(rows.iter().all(|r| r[29] == "4"), "{rows:?}");

    let out = kestrel(&["export", "--db", &db, "--format", "csv", "--limit", "2", "-o", "-"]);
    assert_eq!(text(&out.stdout).lines().count(), 3, "a header and two events");
}

#[test]
fn errors_name_the_store_or_the_file_and_leave_nothing_behind() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("missing.db").display().to_string();
    let out = kestrel(&["export", "--db", &missing, "--format", "csv", "-o", "x.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("missing.db"), "{}", text(&out.stderr));

    let (db, _) = ingested_store(dir.path());
    let unwritable = dir.path().join("no-such-dir").join("events.tsv");
    let out = kestrel(&[
        "export",
        "--db",
        &db,
        "--format",
        "gdelt",
        "-o",
        &unwritable.display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("events.tsv"), "{}", text(&out.stderr));

    let out = kestrel(&["export", "--db", &db, "--format", "xlsx", "-o", "x"]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("gdelt"), "{}", text(&out.stderr));
}
