fn main() {
    let t = std::time::Instant::now();
    let n = std::hint::black_box(kestrel_text::warm_up());
    eprintln!("warm {:?} {n}", t.elapsed());
    let text = std::fs::read_to_string("/work/shared/corpora/lee_background.cor").unwrap();
    let reps: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(40);
    let mut best = f64::MAX;
    let mut sentences = 0;
    for _ in 0..reps {
        let t = std::time::Instant::now();
        sentences = std::hint::black_box(kestrel_text::analyze(&text)).sentences.len();
        best = best.min(t.elapsed().as_secs_f64());
    }
    eprintln!("best {:.1} MB/s {:.0} sentences/s", text.len() as f64 / best / 1e6, sentences as f64 / best);
}
