//! End-to-end throughput on real news: ../shared/corpora/lee_background.cor (300 ABC articles,
//! one per line), coded with the embedded default dictionaries, raw text in and JSON out.
//!
//! `cargo bench -p kestrel --bench pipeline` reports time per pass over the corpus for each
//! stage; sentences per second = sentences in the corpus (printed first) / time per pass.

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use kestrel::input::Document;
use kestrel::Coder;

/// The allocator the `kestrel` binary uses, so that the benchmark measures what users run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn corpus() -> Option<Vec<Document>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora/lee_background.cor");
    let text = std::fs::read_to_string(path).ok()?;
    Some(
        text.lines()
            .enumerate()
            .map(|(i, line)| Document {
                id: format!("lee-{i}"),
                date: kestrel_dates::CivilDate::parse("2002-01-01"),
                text: line.to_string(),
                title: None,
                url: None,
                source: None,
            })
            .collect(),
    )
}

fn pipeline(c: &mut Criterion) {
    let Some(docs) = corpus() else {
        eprintln!("skipping: ../shared/corpora/lee_background.cor not found");
        return;
    };
    let coder = Coder::embedded();
    let sentences: usize = docs
        .iter()
        .map(|d| kestrel_text::analyze(&d.text).sentences.len())
        .sum();
    eprintln!("lee_background: {} documents, {sentences} sentences", docs.len());
    let mut group = c.benchmark_group("lee_background");
    group.throughput(Throughput::Elements(sentences as u64));
    group.sample_size(20);
    group.bench_function("text", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| kestrel_text::analyze(&d.text).tokens.len())
                .sum::<usize>()
        })
    });
    group.bench_function("code_to_json", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(1 << 20);
            for d in &docs {
                for r in coder.code(d) {
                    serde_json::to_writer(&mut out, &r).expect("serialise to memory");
                    out.push(b'\n');
                }
            }
            out.len()
        })
    });
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
