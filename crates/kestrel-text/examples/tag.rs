//! Tags text from standard input (or the files named as arguments) and prints one sentence
//! per line as `word/TAG` pairs, with `|` after a dateline. Reports on standard error how
//! long building the embedded lexicon took and the throughput of `analyze`.
//!
//!     cargo run --release -p kestrel-text --example tag < article.txt

use std::io::{Read, Write};
use std::time::Instant;

fn main() -> std::io::Result<()> {
    let started = Instant::now();
    let entries = kestrel_text::warm_up();
    let load_time = started.elapsed();

    let mut text = String::new();
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        std::io::stdin().read_to_string(&mut text)?;
    } else {
        for path in paths {
            text.push_str(&String::from_utf8_lossy(&std::fs::read(path)?));
            text.push('\n');
        }
    }

    let started = Instant::now();
    let analysis = kestrel_text::analyze(&text);
    let analyze_time = started.elapsed();

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for sentence in &analysis.sentences {
        for (offset, token) in analysis.sentence_tokens(sentence).iter().enumerate() {
            if offset > 0 {
                write!(out, " ")?;
            }
            if sentence.tokens.start + offset as u32 == sentence.body_start
                && sentence.body_start != sentence.tokens.start
            {
                write!(out, "| ")?;
            }
            write!(out, "{}/{}", token.text(&text), token.tag.as_penn())?;
        }
        writeln!(out)?;
    }
    out.flush()?;

    let seconds = analyze_time.as_secs_f64().max(1e-9);
    eprintln!(
        "lexicon: {entries} words in {:.2} ms; analyze: {} bytes, {} sentences, {} tokens in \
         {:.2} ms ({:.1} MB/s, {:.0} sentences/s)",
        load_time.as_secs_f64() * 1e3,
        text.len(),
        analysis.sentences.len(),
        analysis.tokens.len(),
        seconds * 1e3,
        text.len() as f64 / seconds / 1e6,
        analysis.sentences.len() as f64 / seconds,
    );
    Ok(())
}
