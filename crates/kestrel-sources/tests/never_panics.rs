//! Property tests: no input makes extraction or reading panic.

use kestrel_sources::{collect, extract_html, SourceOptions};
use proptest::prelude::*;

/// Pieces of news pages, broken and whole, for tag soup.
const PIECES: &[&str] = &[
    "<!DOCTYPE html>",
    "<html>",
    "<head>",
    "</head>",
    "<body class='has-sidebar'>",
    "<article>",
    "</article>",
    "<main>",
    "<div class='share-bar'>",
    "<div itemprop='articleBody'>",
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<br>",
    "<h1>",
    "</h1>",
    "<a href='/x'>",
    "<a href='http://[::1'>",
    "</a>",
    "<nav>",
    "</nav>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<table><tr><td>",
    "<template>",
    "<svg><foreignObject>",
    "<time datetime='2024-02-30'>",
    "<time datetime='2024-03-05T10:00:00Z' pubdate>",
    "<meta property='article:published_time' content='",
    "<meta property='og:title' content='",
    "<meta property='og:url' content='",
    "<link rel='canonical' href='",
    "'>",
    "<script type='application/ld+json'>{\"@graph\":[{\"datePublished\":",
    "\"2023-11-21\"}]}",
    "[[[[[[[[",
    "<title>",
    "</title>",
    "&amp;",
    "&#xD800;",
    "&#1114112;",
    "&nbsp;",
    "\u{00AD}\u{200B}",
    "Ségou",
    "Advertisement",
    "Read more:",
    " The foreign ministers of Egypt and Jordan met in Cairo on Sunday to discuss the border. ",
    "\0",
];

fn tag_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn extract_html_never_panics_on_any_string(html in any::<String>(), url in proptest::option::of(".{0,40}")) {
        let _ = extract_html(&html, url.as_deref());
    }

    #[test]
    fn extract_html_never_panics_on_tag_soup(html in tag_soup()) {
        match extract_html(&html, Some("https://example.org/a/b?c=d")) {
            Ok(article) => prop_assert!(!article.text.trim().is_empty()),
            Err(message) => prop_assert!(!message.is_empty()),
        }
    }

    #[test]
    fn reading_any_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400),
                                      extension in prop::sample::select(&["html", "rss", "atom", "xml", "txt", "jsonl", "bin"][..])) {
        let path = std::env::temp_dir().join(format!("kestrel-sources-proptest-{}.{extension}", std::process::id()));
        std::fs::write(&path, &bytes).expect("write a temporary file");
        let mut outcomes = 0usize;
        collect(&[path.display().to_string()], &SourceOptions::default(), &mut |_| outcomes += 1);
        let _ = std::fs::remove_file(&path);
        prop_assert!(outcomes >= 1, "every input gives a document or a diagnostic");
    }
}
