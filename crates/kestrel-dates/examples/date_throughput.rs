//! Measures `find_dates` on real news prose and lists what it finds.
//!
//! Usage: `cargo run --release -p kestrel-dates --example date_throughput -- FILE [--list]`
//! with one article per line (e.g. shared/corpora/lee_background.cor). Each
//! article is split into rough sentences at ". " so that the figure matches
//! the per-sentence calls the pipeline makes.

use std::time::Instant;

use kestrel_dates::{find_dates, CivilDate};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: date_throughput FILE [--list]");
        std::process::exit(2);
    };
    let list = args.next().as_deref() == Some("--list");
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("{path}: {error}");
            std::process::exit(1);
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    let sentences: Vec<&str> = text
        .lines()
        .flat_map(|line| line.split_inclusive(". "))
        .filter(|sentence| !sentence.trim().is_empty())
        .collect();
    let publication = CivilDate::parse("2023-08-30");

    if list {
        for sentence in &sentences {
            for expression in find_dates(sentence, publication) {
                println!(
                    "{}\t{}\t{}",
                    expression.date,
                    &sentence[expression.start..expression.end],
                    sentence.trim()
                );
            }
        }
        return;
    }

    // The machine is shared: report the best of several repetitions.
    const ROUNDS: usize = 20;
    const REPETITIONS: usize = 5;
    let calls = (ROUNDS * sentences.len()) as f64;
    let bytes_scanned = (ROUNDS * sentences.iter().map(|s| s.len()).sum::<usize>()) as f64;
    let best_of = |work: &dyn Fn(&str) -> usize| {
        (0..REPETITIONS)
            .map(|_| {
                let started = Instant::now();
                let mut total = 0;
                for _ in 0..ROUNDS {
                    for sentence in &sentences {
                        total += work(std::hint::black_box(sentence));
                    }
                }
                std::hint::black_box(total);
                started.elapsed().as_nanos() as f64
            })
            .fold(f64::INFINITY, f64::min)
    };
    let find = best_of(&|sentence| find_dates(sentence, publication).len());
    // For scale: the cost of merely splitting the same text into words.
    let split = best_of(&|sentence| sentence.split_whitespace().count());
    let found: usize = sentences.iter().map(|s| find_dates(s, publication).len()).sum();
    println!(
        "{} sentences, {found} expressions: find_dates {:.0} ns/sentence ({:.2} ns/byte); split_whitespace {:.0} ns/sentence",
        sentences.len(),
        find / calls,
        find / bytes_scanned,
        split / calls,
    );
}
