//! The one real check of similarity: the 50 news articles of lee.cor against the mean human
//! similarity judgements of lee-similarities0-1.txt (../shared/corpora, read at run time;
//! skipped when absent). The figure is the Pearson correlation over the 1,225 pairs of
//! different articles.

use std::path::{Path, PathBuf};

use kestrel_dedup::{cosine, jaccard, signature, MinHasher, TfIdf};

fn corpora() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora")
}

/// A corpus file: one article per line, Latin-1 (every byte is its own code point).
fn articles(path: &Path) -> Option<Vec<String>> {
    let bytes = std::fs::read(path).ok()?;
    let text: String = bytes.iter().map(|&b| char::from(b)).collect();
    Some(
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string)
            .collect(),
    )
}

/// The upper triangle of the 50x50 judgement matrix, row by row.
fn judgements(path: &Path, n: usize) -> Option<Vec<f64>> {
    let text = std::fs::read_to_string(path).ok()?;
    let rows: Vec<Vec<f64>> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split_whitespace().filter_map(|v| v.parse().ok()).collect())
        .collect();
    assert_eq!(rows.len(), n, "{}: rows", path.display());
    let mut out = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row.len(), n, "{}: row {}", path.display(), i + 1);
        out.extend_from_slice(&row[i + 1..]);
    }
    Some(out)
}

fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let cov: f64 = x.iter().zip(y).map(|(a, b)| (a - mx) * (b - my)).sum();
    let vx: f64 = x.iter().map(|a| (a - mx) * (a - mx)).sum();
    let vy: f64 = y.iter().map(|b| (b - my) * (b - my)).sum();
    cov / (vx * vy).sqrt()
}

/// The score of every pair (i < j), in the order of [`judgements`].
fn pairwise(n: usize, score: impl Fn(usize, usize) -> f64) -> Vec<f64> {
    (0..n)
        .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
        .map(|(i, j)| score(i, j))
        .collect()
}

#[test]
fn similarity_correlates_with_human_judgements_on_lee_cor() {
    let dir = corpora();
    let (Some(docs), Some(background)) = (
        articles(&dir.join("lee.cor")),
        articles(&dir.join("lee_background.cor")),
    ) else {
        eprintln!("skipped: {} not found", dir.display());
        return;
    };
    assert_eq!(docs.len(), 50);
    let human = judgements(&dir.join("lee-similarities0-1.txt"), docs.len()).expect("judgements next to lee.cor");
    assert_eq!(human.len(), 1225);

    // Story similarity: MinHash estimate of the Jaccard similarity of 3-word shingles.
    let signatures: Vec<_> = docs.iter().map(|d| signature(d)).collect();
    let minhash = pearson(
        &pairwise(docs.len(), |i, j| jaccard(&signatures[i], &signatures[j])),
        &human,
    );
    // The same on single words, for comparison.
    let words = MinHasher::with_shingle_words(1);
    let word_signatures: Vec<_> = docs.iter().map(|d| words.signature(d)).collect();
    let minhash_words = pearson(
        &pairwise(docs.len(), |i, j| jaccard(&word_signatures[i], &word_signatures[j])),
        &human,
    );
    // Topical similarity: TF-IDF cosine, document frequencies from the 50 articles alone and
    // from them plus the 300 articles of lee_background.cor.
    let tfidf = |corpus: &[&String]| {
        let mut model = TfIdf::new();
        for d in corpus {
            model.add_document(d);
        }
        let vectors: Vec<_> = docs.iter().map(|d| model.vector(d)).collect();
        pearson(&pairwise(docs.len(), |i, j| cosine(&vectors[i], &vectors[j])), &human)
    };
    let tfidf_self = tfidf(&docs.iter().collect::<Vec<_>>());
    let tfidf_background = tfidf(&docs.iter().chain(&background).collect::<Vec<_>>());
    println!(
        "lee.cor Pearson r with human judgements (1225 pairs): MinHash Jaccard 3-word shingles {minhash:.3}, \
         single words {minhash_words:.3}; TF-IDF cosine (idf from lee.cor) {tfidf_self:.3}, \
         (idf from lee.cor + lee_background.cor) {tfidf_background:.3}"
    );
    // Floors a little under the measured 0.283, 0.263, 0.531 and 0.592: MinHash's 128 values
    // resolve Jaccard only to 1/128, coarse for unrelated articles (mostly below 0.02), so it
    // follows the judgements loosely; TF-IDF is the lexical measure of topical similarity.
    assert!(minhash > 0.25, "MinHash r = {minhash:.3}");
    assert!(minhash_words > 0.22, "MinHash words r = {minhash_words:.3}");
    assert!(tfidf_self > 0.5, "TF-IDF r = {tfidf_self:.3}");
    assert!(tfidf_background > 0.55, "TF-IDF background r = {tfidf_background:.3}");
}

/// The semantic mode on the same pairs: cosine of all-MiniLM-L6-v2 embeddings of each article
/// (its first 256 word pieces). Needs `--features semantic` and the model directory in
/// `KESTREL_MINILM_DIR` (config.json, tokenizer.json, model.safetensors); skipped otherwise.
#[cfg(feature = "semantic")]
#[test]
fn semantic_similarity_correlates_with_human_judgements_on_lee_cor() {
    use kestrel_dedup::semantic::{embedding_cosine, SemanticModel};

    let Some(model_dir) = std::env::var_os("KESTREL_MINILM_DIR") else {
        eprintln!("skipped: KESTREL_MINILM_DIR not set");
        return;
    };
    let dir = corpora();
    let Some(docs) = articles(&dir.join("lee.cor")) else {
        eprintln!("skipped: {} not found", dir.display());
        return;
    };
    let human = judgements(&dir.join("lee-similarities0-1.txt"), docs.len()).expect("judgements next to lee.cor");
    let model = SemanticModel::load(Path::new(&model_dir)).unwrap_or_else(|e| panic!("{e}"));
    let embeddings: Vec<Vec<f32>> = docs
        .iter()
        .map(|d| model.embed(d).unwrap_or_else(|e| panic!("{e}")))
        .collect();
    let r = pearson(
        &pairwise(docs.len(), |i, j| embedding_cosine(&embeddings[i], &embeddings[j])),
        &human,
    );
    println!("lee.cor Pearson r with human judgements (1225 pairs): all-MiniLM-L6-v2 cosine {r:.3}");
    // Paraphrases are closer than unrelated text.
    let a = model
        .embed("Russia's defence minister arrived in Pyongyang for talks.")
        .expect("embeds");
    let b = model
        .embed("Moscow's defence chief landed in North Korea for negotiations.")
        .expect("embeds");
    let c = model
        .embed("The central bank raised interest rates to fight inflation.")
        .expect("embeds");
    assert!(embedding_cosine(&a, &b) > embedding_cosine(&a, &c) + 0.2);
    // Measured 0.656.
    assert!(r > 0.6, "semantic r = {r:.3}");
}
