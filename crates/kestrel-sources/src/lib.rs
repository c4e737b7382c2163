//! Where kestrel's documents come from: files, directories, standard input, web pages and
//! RSS/Atom feeds, local or fetched over HTTP(S).
//!
//! [`collect`] expands its inputs and hands every document, and every diagnostic about what it
//! could not read, to a sink as it goes, in a stable order:
//!
//! - `-` is standard input;
//! - an `http://` or `https://` address is fetched (see [`FetchOptions`]);
//! - a directory is walked recursively in sorted order, skipping hidden entries (names
//!   starting with `.`), symbolic links to directories, and files whose extension is not one
//!   of the document types below (each skip of a file is a warning);
//! - anything else is a file.
//!
//! What an input holds is decided by its extension, then by its content (and, for a fetched
//! address, by its content type): `.jsonl`/`.ndjson` JSON Lines and `.xml` PETRARCH XML (read by
//! [`kestrel::input::read_documents`]), `.html`/`.htm` pages (one document, the main text, see
//! [`extract_html`]), `.rss`/`.atom` feeds and any input whose root element is `<rss>`,
//! `<feed>` or `<rdf:RDF>` (so a feed saved as `.xml` or served from `/rss` is a feed),
//! anything else text. [`SourceOptions::input_format`] forces one of kestrel's formats for
//! every file and standard input.
//!
//! Each feed item becomes a document: its link is fetched and its article extracted; when
//! that fails, the item's own content or summary stands in if it has enough text (with a
//! warning), else the item is an error naming its link. The item's date comes from the page,
//! else from the feed; its outlet is the feed's title, else the feed's host.
//!
//! Document ids: a feed item's link (its guid when it has no link); a page's canonical address
//! (else the address it was fetched from, else the file path); for kestrel's own formats, what
//! `read_documents` gives.
//!
//! Nothing here panics on any input, and one bad input never stops the others: every problem
//! is a [`Diagnostic`] naming the file, address or feed item.

mod dates;
mod feed;
mod fetch;
mod html;
mod sniff;

use std::io::Read;
use std::path::{Path, PathBuf};

pub use fetch::FetchOptions;
pub use html::{extract_html, Article};
use kestrel::input::{read_documents, Diagnostic, Document, InputFormat, Sink};
use kestrel_dates::CivilDate;

use fetch::Fetcher;
use sniff::{input_kind, InputKind};

/// How inputs are read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceOptions {
    /// Publication date of documents that give none.
    pub default_date: Option<CivilDate>,
    /// Read every file and standard input in this format, whatever its extension or content.
    /// Addresses are always sniffed.
    pub input_format: Option<InputFormat>,
    pub fetch: FetchOptions,
}

/// Extensions of the files taken from a directory (files named on the command line are read
/// whatever their extension; files without an extension are taken too).
const DOCUMENT_EXTENSIONS: &[&str] = &[
    "txt", "text", "jsonl", "ndjson", "xml", "html", "htm", "xhtml", "rss", "atom",
];

/// Expands inputs (paths, directories, `-` for stdin, http(s) URLs) and hands over every
/// document or diagnostic, in input order. See the crate documentation. No inputs give
/// nothing: a caller that wants standard input by default passes `-`.
pub fn collect(inputs: &[String], opts: &SourceOptions, sink: &mut dyn FnMut(Result<Document, Diagnostic>)) {
    let mut collector = Collector {
        options: opts,
        fetcher: Fetcher::new(&opts.fetch),
    };
    for input in inputs {
        if input == "-" {
            collector.read_stdin(sink);
        } else if is_web_address(input) {
            collector.read_address(input, sink);
        } else {
            collector.read_path(Path::new(input), true, sink);
        }
    }
}

fn is_web_address(input: &str) -> bool {
    let lowered = input.get(..8).unwrap_or(input).to_ascii_lowercase();
    lowered.starts_with("http://") || lowered.starts_with("https://")
}

struct Collector<'a> {
    options: &'a SourceOptions,
    fetcher: Fetcher,
}

impl Collector<'_> {
    fn read_stdin(&mut self, sink: &mut Sink) {
        let mut bytes = Vec::new();
        match std::io::stdin().lock().read_to_end(&mut bytes) {
            Ok(_) => self.read_bytes("stdin", None, &bytes, sink),
            Err(error) => sink(Err(Diagnostic::error("stdin", format!("cannot read: {error}")))),
        }
    }

    fn read_address(&mut self, address: &str, sink: &mut Sink) {
        match self.fetcher.get(address) {
            Ok(fetched) => {
                let extension = Path::new(fetched.url.split(['?', '#']).next().unwrap_or_default())
                    .extension()
                    .and_then(|extension| extension.to_str())
                    .map(str::to_ascii_lowercase);
                let kind = input_kind(extension.as_deref(), fetched.content_type.as_deref(), &fetched.body);
                self.read_as(
                    kind,
                    address,
                    Some(&fetched.url),
                    fetched.content_type.as_deref(),
                    &fetched.body,
                    sink,
                );
            }
            Err(message) => sink(Err(Diagnostic::error(address, message))),
        }
    }

    /// Reads a file, or walks a directory. `named` is whether the user named this path (rather
    /// than it being found in a directory).
    fn read_path(&mut self, path: &Path, named: bool, sink: &mut Sink) {
        let name = path.display().to_string();
        let metadata = match std::fs::metadata(path) {
            Ok(metadata) => metadata,
            Err(error) => {
                sink(Err(Diagnostic::error(&name, format!("cannot read: {error}"))));
                return;
            }
        };
        if metadata.is_dir() {
            self.read_directory(path, sink);
            return;
        }
        let extension = path
            .extension()
            .map(|extension| extension.to_string_lossy().to_ascii_lowercase());
        if !named {
            if let Some(extension) = &extension {
                if !DOCUMENT_EXTENSIONS.contains(&extension.as_str()) {
                    sink(Err(Diagnostic::warning(
                        &name,
                        format!("skipped: .{extension} is not a document type kestrel reads"),
                    )));
                    return;
                }
            }
        }
        match std::fs::read(path) {
            Ok(bytes) => self.read_bytes(&name, extension.as_deref(), &bytes, sink),
            Err(error) => sink(Err(Diagnostic::error(&name, format!("cannot read: {error}")))),
        }
    }

    /// Reads the entries of a directory in sorted order, depth first.
    fn read_directory(&mut self, directory: &Path, sink: &mut Sink) {
        let name = directory.display().to_string();
        let entries = match std::fs::read_dir(directory) {
            Ok(entries) => entries,
            Err(error) => {
                sink(Err(Diagnostic::error(&name, format!("cannot read directory: {error}"))));
                return;
            }
        };
        let mut paths: Vec<(PathBuf, bool)> = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => {
                    if entry.file_name().to_string_lossy().starts_with('.') {
                        continue;
                    }
                    // Links to directories are not followed: they can make cycles.
                    let is_linked_directory = entry.file_type().is_ok_and(|file_type| file_type.is_symlink())
                        && std::fs::metadata(entry.path()).is_ok_and(|metadata| metadata.is_dir());
                    paths.push((entry.path(), is_linked_directory));
                }
                Err(error) => sink(Err(Diagnostic::error(
                    &name,
                    format!("cannot read directory entry: {error}"),
                ))),
            }
        }
        paths.sort();
        for (path, is_linked_directory) in paths {
            if is_linked_directory {
                let message = "skipped: symbolic link to a directory";
                sink(Err(Diagnostic::warning(path.display().to_string(), message)));
            } else {
                // Recursion depth is the directory depth, which the file system bounds.
                self.read_path(&path, false, sink);
            }
        }
    }

    /// Reads the bytes of a file or of standard input.
    fn read_bytes(&mut self, name: &str, extension: Option<&str>, bytes: &[u8], sink: &mut Sink) {
        let kind = match self.options.input_format {
            Some(format) => InputKind::Documents(format),
            None => input_kind(extension, None, bytes),
        };
        self.read_as(kind, name, None, None, bytes, sink);
    }

    /// Reads one input as `kind`. `url` and `content_type` are given when it was fetched.
    fn read_as(
        &mut self,
        kind: InputKind,
        name: &str,
        url: Option<&str>,
        content_type: Option<&str>,
        bytes: &[u8],
        sink: &mut Sink,
    ) {
        let default_date = self.options.default_date;
        match kind {
            InputKind::Documents(format) => read_documents(name, bytes, format, default_date, sink),
            InputKind::Feed => feed::read_feed(name, bytes, url, default_date, &mut self.fetcher, sink),
            InputKind::Html => {
                let html = html::decode_page(bytes, content_type);
                match extract_html(&html, url) {
                    Ok(article) => sink(Ok(Document {
                        id: article.url.clone().unwrap_or_else(|| name.to_string()),
                        date: article.date.or(default_date),
                        text: article.text,
                        title: article.title,
                        url: article.url,
                        source: article.site,
                    })),
                    Err(message) => sink(Err(Diagnostic::error(name, message))),
                }
            }
        }
    }
}
