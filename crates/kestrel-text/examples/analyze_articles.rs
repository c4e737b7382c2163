//! Analyses each line (article) of a file, as the pipeline does, a number of times; for
//! instruction-count profiling of `analyze` (run it under callgrind).
//!
//!     cargo build --release -p kestrel-text --example analyze_articles
//!     valgrind --tool=callgrind target/release/examples/analyze_articles corpus.cor 1

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: analyze_articles FILE [REPETITIONS]");
        return Ok(());
    };
    let repetitions: usize = args.next().and_then(|count| count.parse().ok()).unwrap_or(1);
    let text = String::from_utf8_lossy(&std::fs::read(path)?).into_owned();
    kestrel_text::warm_up();
    let mut sentences = 0;
    for _ in 0..repetitions {
        for article in text.lines() {
            sentences += kestrel_text::analyze(article).sentences.len();
        }
    }
    eprintln!("{sentences} sentences");
    Ok(())
}
