//! Files and directories: formats by extension and content, sorted recursive walks, and bad
//! inputs reported by name while the rest is read. No network: the feed here has no links.

use std::path::{Path, PathBuf};

use kestrel::input::{Diagnostic, Document, InputFormat};
use kestrel_dates::CivilDate;
use kestrel_sources::{collect, SourceOptions};

/// A directory under the system temporary directory, removed when dropped.
struct TempDirectory {
    path: PathBuf,
}

impl TempDirectory {
    fn new(name: &str) -> TempDirectory {
        let path = std::env::temp_dir().join(format!("kestrel-sources-files-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("create a temporary directory");
        TempDirectory { path }
    }

    fn write(&self, relative: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create a subdirectory");
        }
        std::fs::write(&path, contents).expect("write a file");
        path
    }
}

impl Drop for TempDirectory {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))).expect("fixture")
}

fn collect_all(inputs: &[String], options: &SourceOptions) -> Vec<Result<Document, Diagnostic>> {
    let mut outcomes = Vec::new();
    collect(inputs, options, &mut |outcome| outcomes.push(outcome));
    outcomes
}

/// One line per outcome: `doc <id>`, `warning <item>: <message>` or `error <item>: <message>`,
/// with the temporary directory written as `$DIR` (and JSON parser details, which are the JSON
/// reader's business, left out).
fn summary(outcomes: &[Result<Document, Diagnostic>], directory: &Path) -> Vec<String> {
    let root = directory.display().to_string();
    outcomes
        .iter()
        .map(|outcome| match outcome {
            Ok(document) => format!("doc {}", document.id),
            Err(Diagnostic::Warning { item, message }) => format!("warning {item}: {message}"),
            Err(Diagnostic::Error { item, message }) if message.starts_with("invalid JSON") => {
                format!("error {item}: invalid JSON")
            }
            Err(Diagnostic::Error { item, message }) => format!("error {item}: {message}"),
        })
        .map(|line| line.replace(&root, "$DIR"))
        .collect()
}

const WIRE_FEED: &str = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire Desk</title>
<item><guid isPermaLink="false">wire-0001</guid><pubDate>Mon, 04 Mar 2024 08:00:00 GMT</pubDate>
<description>Turkish and Greek coast guards held talks in Ankara on Monday about search and rescue cooperation in the Aegean Sea, both governments said.</description></item>
<item><guid isPermaLink="false">wire-0002</guid><description>Too short.</description></item>
</channel></rss>"#;

const PETRARCH: &str = r#"<Sentences>
<Sentence date="20200115" id="AFP-0001" source="AFP" sentence="True">
<Text>Egypt and Sudan signed a water agreement on Wednesday.</Text>
</Sentence>
</Sentences>"#;

#[test]
fn a_directory_is_walked_in_sorted_order_with_every_format() {
    let directory = TempDirectory::new("walk");
    directory.write("README", "Notes without an extension are read as text.");
    directory.write(
        "a-docs.jsonl",
        "{\"id\":\"j1\",\"date\":\"2024-01-02\",\"text\":\"Chile recalled its ambassador.\"}\n{broken\n",
    );
    directory.write("b-herald.html", fixture("meridian-herald.html"));
    directory.write("c-video.html", fixture("video-no-text.html"));
    directory.write("d-wire.xml", WIRE_FEED);
    directory.write("e-sentences.xml", PETRARCH);
    directory.write("f-photo.png", b"\x89PNG\r\n\x1a\n");
    directory.write(".hidden.txt", "Never read.");
    directory.write("sub/z-notes.txt", "Peru and Bolivia reopened a border crossing.");
    directory.write("sub/.git/config", "[core]");
    let options = SourceOptions {
        default_date: CivilDate::parse("2024-06-30"),
        ..SourceOptions::default()
    };
    let outcomes = collect_all(&[directory.path.display().to_string()], &options);
    assert_eq!(
        summary(&outcomes, &directory.path),
        [
            "doc $DIR/README",
            "doc j1",
            "error $DIR/a-docs.jsonl:2: invalid JSON",
            "doc https://www.meridian-herald.example/world/europe/2024/03/05/prisoner-swap",
            "error $DIR/c-video.html: no article text found in the page",
            "warning $DIR/d-wire.xml#1: the item has no http(s) link; used the feed's own text for the item",
            "doc wire-0001",
            "error $DIR/d-wire.xml#2: the item has no http(s) link, and the feed gives too little text for the item (id wire-0002)",
            "doc AFP-0001",
            "warning $DIR/f-photo.png: skipped: .png is not a document type kestrel reads",
            "doc $DIR/sub/z-notes.txt",
        ]
    );
    let documents: Vec<&Document> = outcomes.iter().filter_map(|outcome| outcome.as_ref().ok()).collect();
    let by_id = |id: &str| *documents.iter().find(|document| document.id.ends_with(id)).expect(id);
    assert_eq!(by_id("README").date, CivilDate::parse("2024-06-30"), "the default date");
    assert_eq!(
        by_id("prisoner-swap").date,
        CivilDate::parse("2024-03-05"),
        "the page's date"
    );
    let wire = by_id("wire-0001");
    assert_eq!(wire.source.as_deref(), Some("Wire Desk"));
    assert_eq!(wire.date, CivilDate::parse("2024-03-04"));
    assert!(wire
        .text
        .starts_with("Turkish and Greek coast guards held talks in Ankara"));
    assert_eq!(by_id("AFP-0001").date, CivilDate::parse("2020-01-15"));
}

#[test]
fn unreadable_inputs_are_named_and_the_rest_is_read() {
    let directory = TempDirectory::new("unreadable");
    let notes = directory.write("notes.txt", "Kenya and Somalia restored diplomatic ties.");
    let missing = directory.path.join("missing.html");
    let inputs = [missing.display().to_string(), notes.display().to_string()];
    let outcomes = collect_all(&inputs, &SourceOptions::default());
    assert_eq!(outcomes.len(), 2);
    match &outcomes[0] {
        Err(diagnostic) => {
            assert!(diagnostic.is_error());
            assert_eq!(diagnostic.item(), inputs[0]);
            assert!(diagnostic.message().starts_with("cannot read:"), "{diagnostic}");
        }
        Ok(document) => panic!("unexpected document {}", document.id),
    }
    assert_eq!(
        outcomes[1].as_ref().map(|document| document.text.as_str()),
        Ok("Kenya and Somalia restored diplomatic ties.")
    );
}

#[test]
fn named_files_are_read_whatever_their_extension_and_a_forced_format_wins() {
    let directory = TempDirectory::new("forced");
    let export = directory.write("export.dat", "{\"id\":\"d1\",\"text\":\"Fiji joined the talks.\"}\n");
    let as_text = collect_all(&[export.display().to_string()], &SourceOptions::default());
    assert_eq!(
        summary(&as_text, &directory.path),
        ["doc $DIR/export.dat"],
        "an unknown extension is text"
    );

    let options = SourceOptions {
        input_format: Some(InputFormat::Jsonl),
        ..SourceOptions::default()
    };
    let as_jsonl = collect_all(&[export.display().to_string()], &options);
    assert_eq!(summary(&as_jsonl, &directory.path), ["doc d1"]);
}

#[test]
fn a_feed_that_is_not_xml_is_an_error_naming_it() {
    let directory = TempDirectory::new("not-xml");
    let feed = directory.write("latest.rss", "<<<< this is not a feed >>>>");
    let page = directory.write("page.htm", fixture("sahel-dispatch.html"));
    let outcomes = collect_all(
        &[feed.display().to_string(), page.display().to_string()],
        &SourceOptions::default(),
    );
    let lines = summary(&outcomes, &directory.path);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[0].starts_with("error $DIR/latest.rss: not a readable RSS or Atom feed"),
        "{lines:?}"
    );
    assert_eq!(
        lines[1], "doc $DIR/page.htm",
        "a relative canonical link cannot be resolved in a file"
    );
}
