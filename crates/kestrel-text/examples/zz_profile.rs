fn main() {
    let t = std::time::Instant::now();
    let n = std::hint::black_box(kestrel_text::warm_up());
    eprintln!("warm {:?} {n}", t.elapsed());
}
