//! `kestrel ingest`, `stats`, `query` and `timeline` run as a user runs them: the built binary
//! on files in a temporary directory.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use kestrel_store::Store;

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

const COUNTRIES: [&str; 10] = [
    "Russia", "Ukraine", "China", "Japan", "Iran", "Israel", "France", "Germany", "India", "Pakistan",
];
const VERBS: [&str; 6] = ["accused", "condemned", "praised", "threatened", "criticised", "met"];
const OUTLETS: [&str; 4] = ["Reuters", "AFP", "Xinhua", "BBC"];

/// `n` distinct news documents as JSON lines. Each group of four is one event told by four
/// outlets (a wire story with a line of its own in each copy), so that stories cluster and
/// mentions fuse; the groups differ in actors, verbs and days.
fn generated_documents(n: usize) -> String {
    let mut out = String::new();
    for i in 0..n {
        let group = i / OUTLETS.len();
        let a = COUNTRIES[group % COUNTRIES.len()];
        let b = COUNTRIES[(group / COUNTRIES.len() + 1 + group) % COUNTRIES.len()];
        let b = if a == b { "the United States" } else { b };
        let verb = VERBS[(group / 3) % VERBS.len()];
        let text = format!(
            "{a} {verb} {b} on Tuesday. The United States {verb2} {a} over the dispute. \
             Officials said report {i} was the {i}th statement this season.",
            verb2 = VERBS[(group / 7) % VERBS.len()],
        );
        let doc = serde_json::json!({
            "id": format!("gen-{i}"),
            "date": format!("2023-03-{:02}", 1 + group % 28),
            "text": text,
            "source": OUTLETS[i % OUTLETS.len()],
            "url": format!("https://news.example/{i}"),
        });
        out.push_str(&doc.to_string());
        out.push('\n');
    }
    out
}

fn write_input(dir: &Path, name: &str, contents: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write input");
    path
}

fn stats(db: &Path) -> serde_json::Value {
    let out = kestrel(&["stats", "--db", &db.display().to_string()]);
    assert!(out.status.success(), "stats failed: {}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("stats is one JSON object")
}

#[test]
fn ingesting_the_same_input_twice_leaves_stats_identical() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_input(dir.path(), "docs.jsonl", &generated_documents(40));
    let db = dir.path().join("kestrel.db");
    let (db_arg, input_arg) = (db.display().to_string(), input.display().to_string());
    let first = kestrel(&["ingest", "--db", &db_arg, &input_arg]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    // Piped: nothing but errors, and there were none.
    assert!(
        first.stdout.is_empty() && first.stderr.is_empty(),
        "{}",
        text(&first.stderr)
    );
    let once = stats(&db);
    for key in ["documents", "sentences", "events", "mentions", "stories"] {
        assert!(once[key].as_u64().is_some(), "stats lack {key}: {once}");
    }
    assert_eq!(once["documents"], 40);
    assert_eq!(once["sentences"], 120);
    assert!(
        once["events"].as_u64() < once["mentions"].as_u64(),
        "mentions fuse: {once}"
    );
    assert!(
        once["stories"].as_u64() < once["documents"].as_u64(),
        "copies cluster: {once}"
    );
    let second = kestrel(&["ingest", "--db", &db_arg, &input_arg]);
    assert!(second.status.success(), "{}", text(&second.stderr));
    assert_eq!(stats(&db), once);
}

#[test]
fn a_killed_ingest_run_again_stores_every_document_exactly_once() {
    const DOCUMENTS: usize = 3000;
    let dir = tempfile::tempdir().unwrap();
    let input = write_input(dir.path(), "docs.jsonl", &generated_documents(DOCUMENTS));
    let input_arg = input.display().to_string();
    let db = dir.path().join("killed.db");
    let db_arg = db.display().to_string();
    let mut child = Command::new(env!("CARGO_BIN_EXE_kestrel"))
        .args(["ingest", "--quiet", "--batch-size", "50", "--db", &db_arg, &input_arg])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(dir.path().join("ingest.err")).unwrap())
        .spawn()
        .expect("spawn kestrel ingest");
    // Wait for the first committed batch, then SIGKILL in the middle of the run.
    let mut stored_at_kill = 0;
    let mut exited = None;
    for _ in 0..60_000 {
        if let Ok(store) = Store::open_existing(&db) {
            if let Ok(s) = store.stats() {
                stored_at_kill = s.documents;
                if stored_at_kill > 0 {
                    break;
                }
            }
        }
        exited = child.try_wait().expect("poll child");
        if exited.is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().expect("kill -9");
    child.wait().expect("reap");
    let after_kill = Store::open_existing(&db).expect("store survives").stats().unwrap();
    assert!(
        stored_at_kill > 0,
        "no batch was committed before the kill; ingest exited with {exited:?}: {}",
        std::fs::read_to_string(dir.path().join("ingest.err")).unwrap_or_default()
    );
    assert!(
        (after_kill.documents as usize) < DOCUMENTS,
        "the run finished before it was killed; nothing was tested"
    );
    assert_eq!(after_kill.documents % 50, 0, "whole batches only: {after_kill:?}");

    let rerun = kestrel(&["ingest", "--quiet", "--batch-size", "50", "--db", &db_arg, &input_arg]);
    assert!(rerun.status.success(), "{}", text(&rerun.stderr));
    let resumed = Store::open_existing(&db).unwrap().stats().unwrap();
    assert_eq!(resumed.documents as usize, DOCUMENTS);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (rows, ids): (i64, i64) = conn
        .query_row("SELECT count(*), count(DISTINCT id) FROM documents", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((rows, ids), (DOCUMENTS as i64, DOCUMENTS as i64));
    let orphans: i64 = conn
        .query_row(
            "SELECT count(*) FROM mentions WHERE document NOT IN (SELECT rowid FROM documents) \
             OR event NOT IN (SELECT rowid FROM events)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0);

    // Exactly what one uninterrupted run stores.
    let clean_db = dir.path().join("clean.db");
    let clean_arg = clean_db.display().to_string();
    let clean = kestrel(&[
        "ingest",
        "--quiet",
        "--batch-size",
        "50",
        "--db",
        &clean_arg,
        &input_arg,
    ]);
    assert!(clean.status.success(), "{}", text(&clean.stderr));
    assert_eq!(Store::open_existing(&clean_db).unwrap().stats().unwrap(), resumed);
}

#[test]
fn unreadable_inputs_are_named_and_the_rest_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_input(dir.path(), "docs.jsonl", &generated_documents(5));
    let missing = dir.path().join("missing.jsonl");
    let db = dir.path().join("kestrel.db");
    let out = kestrel(&[
        "ingest",
        "--db",
        &db.display().to_string(),
        &missing.display().to_string(),
        &input.display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(1), "an item failed");
    let stderr = text(&out.stderr);
    assert!(stderr.contains("missing.jsonl"), "{stderr}");
    assert_eq!(stats(&db)["documents"], 5);
}

#[test]
fn a_corrupt_store_is_named_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_input(dir.path(), "docs.jsonl", &generated_documents(3));
    let db = dir.path().join("broken.db");
    let garbage = b"this is not a database, but it is somebody's file\n".repeat(200);
    std::fs::write(&db, &garbage).unwrap();
    let out = kestrel(&[
        "ingest",
        "--db",
        &db.display().to_string(),
        &input.display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("broken.db") && stderr.contains("corrupt"), "{stderr}");
    assert_eq!(std::fs::read(&db).unwrap(), garbage);
    let out = kestrel(&["stats", "--db", &db.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("broken.db"));
}

#[test]
fn a_locked_store_is_named_and_keeps_what_it_had() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("busy.db");
    let (db_arg, first, second) = (
        db.display().to_string(),
        write_input(dir.path(), "first.jsonl", &generated_documents(3)),
        write_input(dir.path(), "second.jsonl", &generated_documents(6)),
    );
    assert!(kestrel(&["ingest", "--db", &db_arg, &first.display().to_string()])
        .status
        .success());
    let before = stats(&db);
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let out = kestrel(&[
        "ingest",
        "--busy-timeout",
        "0.2",
        "--db",
        &db_arg,
        &second.display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("busy.db") && stderr.contains("locked"), "{stderr}");
    assert!(stderr.contains("gen-3"), "names the documents not stored: {stderr}");
    holder.execute_batch("ROLLBACK").unwrap();
    assert_eq!(stats(&db), before);
}

#[test]
fn a_missing_store_is_an_error_for_readers() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nothing.db");
    for command in ["stats", "query"] {
        let out = kestrel(&[command, "--db", &db.display().to_string()]);
        assert_eq!(out.status.code(), Some(2));
        assert!(text(&out.stderr).contains("nothing.db"));
    }
    assert!(!db.exists());
}

/// A store of the 40 generated documents, for the readers.
fn sample_store(dir: &Path) -> String {
    let input = write_input(dir, "docs.jsonl", &generated_documents(40));
    let db = dir.join("kestrel.db").display().to_string();
    let out = kestrel(&["ingest", "--db", &db, &input.display().to_string()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    db
}

fn jsonl(out: &Output) -> Vec<serde_json::Value> {
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

#[test]
fn query_filters_and_formats() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_store(dir.path());
    // Piped, the default format is JSON lines of fused events.
    let all = jsonl(&kestrel(&["query", "--db", &db]));
    assert_eq!(all.len() as u64, stats(Path::new(&db))["events"].as_u64().unwrap());
    let russia = jsonl(&kestrel(&["query", "--db", &db, "--actor", "RUS"]));
    assert!(!russia.is_empty());
    for e in &russia {
        let r = &e["record"];
        assert!(
            r["source"]["country"] == "RUS" || r["target"]["country"] == "RUS",
            "{e}"
        );
    }
    let dyad = jsonl(&kestrel(&["query", "--db", &db, "--dyad", "USA:RUS", "--quad", "3"]));
    assert!(!dyad.is_empty());
    for e in &dyad {
        assert_eq!(e["record"]["source"]["code"].as_str().map(|c| &c[..3]), Some("USA"));
        assert_eq!(e["record"]["target"]["country"], "RUS");
        assert_eq!(e["record"]["quad_class"], 3);
    }
    let limited = jsonl(&kestrel(&[
        "query",
        "--db",
        &db,
        "--since",
        "2023-03-05",
        "--limit",
        "3",
    ]));
    assert_eq!(limited.len(), 3);
    for e in &limited {
        let date = e["record"]["date"]
            .as_str()
            .or(e["first_published"].as_str())
            .unwrap_or("");
        assert!(date >= "2023-03-05", "{e}");
    }
    let worded = jsonl(&kestrel(&["query", "--db", &db, "--text", "dispute"]));
    assert!(!worded.is_empty());
    let csv = kestrel(&["query", "--db", &db, "--root", "11", "--format", "csv"]);
    assert!(csv.status.success());
    let csv = text(&csv.stdout);
    let mut lines = csv.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("id,date,source,target,code,root,quad_class"));
    assert!(lines.all(|l| l.split(',').nth(5) == Some("11")), "{csv}");
    let table = kestrel(&[
        "query", "--db", &db, "--actor", "RUS", "--limit", "2", "--format", "table",
    ]);
    let table = text(&table.stdout);
    assert!(table.starts_with("DATE"), "{table}");
    assert_eq!(table.lines().count(), 3);
    let bad = kestrel(&["query", "--db", &db, "--code", "04x"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("04x"));
}

#[test]
fn timelines_by_period() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_store(dir.path());
    let events = jsonl(&kestrel(&["query", "--db", &db, "--dyad", "USA:RUS"]));
    let rows = jsonl(&kestrel(&[
        "timeline", "--db", &db, "--dyad", "USA:RUS", "--by", "week",
    ]));
    assert!(!rows.is_empty());
    let total: u64 = rows.iter().map(|r| r["events"].as_u64().unwrap()).sum();
    assert_eq!(total as usize, events.len(), "every dated event once");
    for row in &rows {
        let quads: u64 = row["quad"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q.as_u64().unwrap())
            .sum();
        assert_eq!(quads, row["events"].as_u64().unwrap());
    }
    let monthly = kestrel(&["timeline", "--db", &db, "--dyad", "USA:RUS", "--format", "csv"]);
    let monthly = text(&monthly.stdout);
    assert!(monthly.starts_with("period,events,verbal_cooperation"), "{monthly}");
    assert!(monthly.contains("\r\n2023-03,"), "{monthly}");
    let bad = kestrel(&["timeline", "--db", &db, "--dyad", "USA"]);
    assert_eq!(bad.status.code(), Some(2));
}
