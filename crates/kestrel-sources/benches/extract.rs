//! HTML extraction speed on the team's news pages (tests/data/*.html).
//!
//! `cargo bench -p kestrel-sources --bench extract` reports the time per page and the
//! throughput in page bytes per second.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use kestrel_sources::extract_html;

const PAGES: &[&str] = &["meridian-herald.html", "harbour-times.html", "sahel-dispatch.html"];

fn extract(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract_html");
    for name in PAGES {
        let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
        let Ok(html) = std::fs::read_to_string(&path) else {
            eprintln!("skipping {path}: not readable");
            continue;
        };
        group.throughput(Throughput::Bytes(html.len() as u64));
        group.bench_function(*name, |b| b.iter(|| extract_html(&html, None)));
    }
    group.finish();
}

criterion_group!(benches, extract);
criterion_main!(benches);
