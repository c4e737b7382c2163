//! The read endpoints over the test articles: every parameter, paging, evidence with
//! highlights, and news text handed over unchanged.

mod common;

use std::collections::BTreeSet;

use common::{all_events, get_json, server};
use kestrel_dates::CivilDate;
use serde_json::Value;

fn strings(events: &[Value], field: &str) -> Vec<String> {
    events
        .iter()
        .map(|e| e[field].as_str().unwrap_or_default().to_string())
        .collect()
}

fn events_of(page: &Value) -> Vec<Value> {
    page["events"].as_array().cloned().unwrap_or_default()
}

#[tokio::test]
async fn health_and_stats_count_the_store() {
    let s = server();
    let health = get_json(&s.router, "/healthz").await;
    let stats = get_json(&s.router, "/api/stats").await;
    assert_eq!(health["status"], "ok");
    assert_eq!(health["documents"], common::articles().len());
    assert_eq!(health["documents"], stats["documents"]);
    assert_eq!(health["events"], stats["events"]);
    let events = all_events(&s.router).await;
    assert_eq!(stats["events"], events.len());
    let mentions: u64 = events.iter().map(|e| e["num_mentions"].as_u64().unwrap_or(0)).sum();
    assert_eq!(stats["mentions"], mentions);
    for key in ["sentences", "stories"] {
        assert!(stats[key].as_u64().is_some_and(|n| n > 0), "{stats}");
    }
}

#[tokio::test]
async fn events_have_the_record_schema_and_the_fusion_counts() {
    let s = server();
    let events = all_events(&s.router).await;
    assert!(events.len() >= 10, "{}", events.len());
    let record_fields = [
        "doc_id",
        "sentence",
        "event_id",
        "code",
        "root",
        "quad_class",
        "goldstein",
        "plover",
        "source",
        "target",
        "trigger",
        "attribution",
        "modality",
        "date",
        "date_precision",
        "sentence_text",
        "confidence",
    ];
    let fused_fields = [
        "id",
        "num_mentions",
        "num_sources",
        "num_articles",
        "first_published",
        "source_url",
        "added",
    ];
    for e in &events {
        let keys: BTreeSet<&str> = e
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        let expected: BTreeSet<&str> = record_fields.iter().chain(&fused_fields).copied().collect();
        assert_eq!(keys, expected);
    }
    // Two outlets reported the Geneva meeting: one event, two mentions from two sources.
    let geneva = get_json(&s.router, "/api/events?text=Geneva").await;
    let geneva = events_of(&geneva);
    assert_eq!(geneva.len(), 1, "{geneva:?}");
    assert_eq!(geneva[0]["num_mentions"], 2);
    assert_eq!(geneva[0]["num_sources"], 2);
    assert_eq!(geneva[0]["first_published"], "2023-01-10");
    assert_eq!(geneva[0]["source_url"], "https://wire.example/2023/01/10/talks");
}

#[tokio::test]
async fn every_filter_narrows_to_matching_events() {
    let s = server();
    let all = all_events(&s.router).await;
    type Check = fn(&Value) -> bool;
    let cases: [(&str, Check); 12] = [
        ("actor=prk", |e| {
            e["source"]["code"] == "PRK" || e["target"]["code"] == "PRK"
        }),
        ("dyad=USA:PRK", |e| {
            e["source"]["code"] == "USA" && e["target"]["code"] == "PRK"
        }),
        ("code=190", |e| e["code"] == "190"),
        ("root=4", |e| e["root"] == "04"),
        ("quad=4", |e| e["quad_class"] == 4),
        ("since=2023-03-20", |e| {
            e["first_published"].as_str() >= Some("2023-03-20")
        }),
        ("until=2023-02-14", |e| {
            e["first_published"].as_str() <= Some("2023-02-14")
        }),
        ("since=2023-02-01&until=2023-03-31", |e| {
            let d = e["first_published"].as_str();
            d >= Some("2023-02-01") && d <= Some("2023-03-31")
        }),
        ("modality=denied", |e| e["modality"] == "denied"),
        ("attribution=JPN", |e| e["attribution"]["code"] == "JPN"),
        ("text=border", |e| {
            e["sentence_text"].as_str().is_some_and(|t| t.contains("border"))
        }),
        ("actor=USA&quad=1", |e| {
            e["quad_class"] == 1 && (e["source"]["code"] == "USA" || e["target"]["code"] == "USA")
        }),
    ];
    for (query, check) in cases {
        let got = events_of(&get_json(&s.router, &format!("/api/events?{query}&limit=1000")).await);
        let expected: Vec<&Value> = all.iter().filter(|e| check(e)).collect();
        assert!(!got.is_empty(), "{query} matched nothing");
        assert_eq!(got.len(), expected.len(), "{query}");
        assert!(got.iter().all(check), "{query}: {got:?}");
    }
}

#[tokio::test]
async fn pages_are_disjoint_and_cover_every_event() {
    let s = server();
    let all = strings(&all_events(&s.router).await, "id");
    let mut seen = Vec::new();
    let mut uri = "/api/events?limit=3".to_string();
    let mut pages = 0;
    loop {
        let page = get_json(&s.router, &uri).await;
        let events = events_of(&page);
        assert!(events.len() <= 3);
        seen.extend(strings(&events, "id"));
        pages += 1;
        match page["next_cursor"].as_str() {
            Some(cursor) => uri = format!("/api/events?limit=3&cursor={cursor}"),
            None => break,
        }
        assert!(pages <= all.len(), "paging does not end");
    }
    assert_eq!(seen, all, "pages in order, each event once");
    assert!(pages >= all.len() / 3);
    // The default page is 50 events.
    assert_eq!(
        events_of(&get_json(&s.router, "/api/events").await).len(),
        all.len().min(50)
    );
}

#[tokio::test]
async fn an_event_comes_with_every_mention_and_highlights_that_cut_the_sentence() {
    let s = server();
    let mut highlighted = 0;
    let mut roles = BTreeSet::new();
    for event in all_events(&s.router).await {
        let id = event["id"].as_str().unwrap_or_default();
        let evidence = get_json(&s.router, &format!("/api/events/{id}")).await;
        assert_eq!(evidence["event"], event);
        let mentions = evidence["mentions"].as_array().cloned().unwrap_or_default();
        assert_eq!(mentions.len() as u64, event["num_mentions"].as_u64().unwrap_or(0));
        for m in &mentions {
            for key in ["doc_id", "outlet", "url", "title", "published"] {
                assert!(m[key].is_string(), "{key}: {m}");
            }
            let record = &m["record"];
            let sentence: Vec<char> = record["sentence_text"].as_str().unwrap_or_default().chars().collect();
            for h in m["highlights"].as_array().cloned().unwrap_or_default() {
                let role = h["role"].as_str().unwrap_or_default().to_string();
                let (start, end) = (
                    h["start"].as_u64().unwrap_or(0) as usize,
                    h["end"].as_u64().unwrap_or(0) as usize,
                );
                assert!(start < end && end <= sentence.len(), "{h}");
                let cut: String = sentence[start..end].iter().collect();
                assert_eq!(
                    cut,
                    record[&role]["text"].as_str().unwrap_or_default(),
                    "{role} in {record}"
                );
                highlighted += 1;
                roles.insert(role);
            }
        }
    }
    assert!(highlighted >= 30, "{highlighted}");
    assert_eq!(
        roles,
        BTreeSet::from(["attribution", "source", "target", "trigger"].map(String::from))
    );
}

#[tokio::test]
async fn highlights_count_characters_not_bytes() {
    let s = server();
    let events = events_of(&get_json(&s.router, "/api/events?dyad=DEU:IRL").await);
    let id = events[0]["id"].as_str().unwrap_or_default();
    let evidence = get_json(&s.router, &format!("/api/events/{id}")).await;
    let mention = &evidence["mentions"][0];
    let sentence = mention["record"]["sentence_text"].as_str().unwrap_or_default();
    assert!(
        sentence.starts_with("Après la réunion, Germany praised Ireland"),
        "{sentence}"
    );
    let source = mention["highlights"]
        .as_array()
        .and_then(|hs| hs.iter().find(|h| h["role"] == "source"))
        .cloned()
        .unwrap_or_default();
    // "Après la réunion, " is 18 characters and 20 bytes.
    assert_eq!(source["start"], 18);
    assert_eq!(source["end"], 25);
}

#[tokio::test]
async fn news_text_is_returned_unchanged_as_json_strings() {
    let s = server();
    let page = get_json(&s.router, "/api/events?dyad=FRA:RUS").await;
    let event = &events_of(&page)[0];
    let sentence = event["sentence_text"].as_str().unwrap_or_default();
    assert_eq!(sentence, "<script>alert(1)</script> France condemned Russia on Monday.");
    let id = event["id"].as_str().unwrap_or_default();
    let answer = common::get(&s.router, &format!("/api/events/{id}")).await;
    // Escaping is the dashboard's job; the API sends JSON (with nosniff), never HTML.
    assert!(String::from_utf8_lossy(&answer.body).contains("<script>alert(1)</script>"));
    assert_eq!(answer.headers["x-content-type-options"], "nosniff");
    let evidence = answer.json();
    assert_eq!(evidence["mentions"][0]["title"], "<script>alert(1)</script> Summit");
}

#[tokio::test]
async fn timelines_group_the_matching_events_by_period() {
    let s = server();
    let all = all_events(&s.router).await;
    let t = get_json(&s.router, "/api/timeline?dyad=usa:prk").await;
    assert_eq!(t["dyad"], "USA:PRK");
    assert_eq!(t["by"], "month");
    let periods = t["periods"].as_array().cloned().unwrap_or_default();
    let months: Vec<&str> = periods.iter().filter_map(|p| p["period"].as_str()).collect();
    assert_eq!(months, ["2023-01", "2023-02"]);
    for p in &periods {
        let quad_sum: u64 = p["quad"]
            .as_array()
            .map_or(0, |q| q.iter().filter_map(Value::as_u64).sum());
        assert_eq!(Some(quad_sum), p["events"].as_u64(), "{p}");
    }
    let usa_prk = all
        .iter()
        .filter(|e| e["source"]["code"] == "USA" && e["target"]["code"] == "PRK")
        .count() as u64;
    let counted: u64 = periods.iter().filter_map(|p| p["events"].as_u64()).sum();
    assert_eq!(counted, usa_prk);
    // Without a dyad: every event, here by day and by week.
    let by_day = get_json(&s.router, "/api/timeline?by=day").await;
    assert_eq!(by_day["dyad"], Value::Null);
    assert_eq!(by_day["by"], "day");
    let days = by_day["periods"].as_array().cloned().unwrap_or_default();
    let counted: u64 = days.iter().filter_map(|p| p["events"].as_u64()).sum();
    assert_eq!(counted, all.len() as u64);
    assert!(days.iter().any(|p| p["period"] == "2023-03-20"));
    let goldstein: f64 = days.iter().filter_map(|p| p["goldstein"].as_f64()).sum();
    let expected: f64 = all.iter().filter_map(|e| e["goldstein"].as_f64()).sum();
    assert!((goldstein - expected).abs() < 1e-9);
    // Weeks are named by their Monday: the material conflicts of the articles, filed under
    // their own date or their article's, fall in the weeks computed here from those dates.
    let weeks = get_json(&s.router, "/api/timeline?by=week&quad=4").await;
    let names: Vec<&str> = weeks["periods"]
        .as_array()
        .map_or_else(Vec::new, |ps| ps.iter().filter_map(|p| p["period"].as_str()).collect());
    let mut expected: Vec<String> = all
        .iter()
        .filter(|e| e["quad_class"] == 4)
        .filter_map(|e| e["date"].as_str().or(e["first_published"].as_str()))
        .filter_map(CivilDate::parse)
        .map(|d| d.add_days(-d.weekday().days_from_monday()).to_string())
        .collect();
    expected.dedup();
    assert!(!expected.is_empty(), "the articles report material conflict");
    assert_eq!(names, expected);
}

#[tokio::test]
async fn actors_and_dyads_rank_the_most_active() {
    let s = server();
    let all = all_events(&s.router).await;
    let actors = get_json(&s.router, "/api/actors").await;
    let actors = actors["actors"].as_array().cloned().unwrap_or_default();
    assert!(actors.len() >= 6);
    for a in &actors {
        let code = a["code"].as_str().unwrap_or_default();
        let involved = all
            .iter()
            .filter(|e| e["source"]["code"] == code || e["target"]["code"] == code)
            .count() as u64;
        assert_eq!(a["events"].as_u64(), Some(involved), "{a}");
    }
    let counts: Vec<u64> = actors.iter().filter_map(|a| a["events"].as_u64()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    let top2 = get_json(&s.router, "/api/actors?limit=2").await;
    assert_eq!(top2["actors"].as_array().map(Vec::len), Some(2));
    assert_eq!(top2["actors"][0], actors[0]);

    let dyads = get_json(&s.router, "/api/dyads?limit=3").await;
    let dyads = dyads["dyads"].as_array().cloned().unwrap_or_default();
    assert_eq!(dyads.len(), 3);
    assert_eq!(
        (dyads[0]["source"].as_str(), dyads[0]["target"].as_str()),
        (Some("PRK"), Some("KOR"))
    );
    // An actor's counterparts.
    let usa = get_json(&s.router, "/api/dyads?actor=USA").await;
    let usa = usa["dyads"].as_array().cloned().unwrap_or_default();
    assert!(usa.len() >= 3);
    assert!(
        usa.iter().all(|d| d["source"] == "USA" || d["target"] == "USA"),
        "{usa:?}"
    );
    let conflict = get_json(&s.router, "/api/actors?quad=4&since=2023-04-01").await;
    let codes: Vec<&str> = conflict["actors"]
        .as_array()
        .map_or_else(Vec::new, |a| a.iter().filter_map(|x| x["code"].as_str()).collect());
    assert_eq!(codes, ["KOR", "PRK"]);
}
