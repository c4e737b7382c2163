//! Throughput of `analyze` on real news prose (lee_background.cor: 300 articles, 360 KB),
//! plus the cost of opening the embedded lexicon. Skips when the corpus is not there.
//!
//!     cargo bench -p kestrel-text --bench analyze

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use std::time::Instant;

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpora/lee_background.cor"
);

fn analyze_corpus(c: &mut Criterion) {
    // The first call opens the lexicon; time it once, outside the measured loop.
    let started = Instant::now();
    let words = kestrel_text::warm_up();
    eprintln!(
        "lexicon: {words} words opened in {:.3} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    let Ok(bytes) = std::fs::read(CORPUS) else {
        eprintln!("skipped: {CORPUS} not found");
        return;
    };
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let sentences = kestrel_text::analyze(&text).sentences.len();
    eprintln!("corpus: {} bytes, {sentences} sentences", text.len());

    let mut group = c.benchmark_group("analyze");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("lee_background bytes", |b| {
        b.iter(|| kestrel_text::analyze(black_box(&text)))
    });
    group.throughput(Throughput::Elements(sentences as u64));
    group.bench_function("lee_background sentences", |b| {
        b.iter(|| kestrel_text::analyze(black_box(&text)))
    });
    // The pipeline analyses one article at a time: the same text, one call per line.
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("lee_background per article", |b| {
        b.iter(|| {
            for article in text.lines() {
                black_box(kestrel_text::analyze(black_box(article)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, analyze_corpus);
criterion_main!(benches);
