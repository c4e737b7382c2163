//! Feeds and pages fetched from a local HTTP server that each test starts on 127.0.0.1.
//!
//! The server serves the fixtures of tests/data (with `{{BASE}}` replaced by its own address),
//! answers 404 for unknown paths, serves a "feed" that is not XML, and has a slow endpoint that
//! answers only after the client's timeout. It accepts a bounded number of connections and
//! dies with the test process.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use kestrel::input::{Diagnostic, Document};
use kestrel_dates::CivilDate;
use kestrel_sources::{collect, FetchOptions, SourceOptions};

/// How long the slow endpoint waits before answering: well past the client timeout below.
const SLOW_ANSWER: Duration = Duration::from_secs(4);
const CLIENT_TIMEOUT: Duration = Duration::from_millis(800);
/// The server stops accepting after this many connections.
const MAX_CONNECTIONS: usize = 64;

#[derive(Clone, Debug)]
struct Request {
    path: String,
    user_agent: String,
    arrived: Instant,
}

struct TestServer {
    base: String,
    requests: Arc<Mutex<Vec<Request>>>,
}

impl TestServer {
    fn start() -> TestServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a local port");
        let base = format!("http://{}", listener.local_addr().expect("local address"));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let (server_base, server_requests) = (base.clone(), Arc::clone(&requests));
        thread::spawn(move || {
            for stream in listener.incoming().take(MAX_CONNECTIONS).flatten() {
                let (base, requests) = (server_base.clone(), Arc::clone(&server_requests));
                thread::spawn(move || serve(stream, &base, &requests));
            }
        });
        TestServer { base, requests }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn requests(&self) -> Vec<Request> {
        self.requests.lock().expect("request log").clone()
    }
}

fn serve(mut stream: TcpStream, base: &str, requests: &Mutex<Vec<Request>>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut head = Vec::new();
    let mut buffer = [0u8; 1024];
    while !head.windows(4).any(|window| window == b"\r\n\r\n") && head.len() < 16 * 1024 {
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => return,
            Ok(read) => head.extend_from_slice(&buffer[..read]),
        }
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
    let user_agent = head
        .lines()
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.eq_ignore_ascii_case("user-agent")
                .then(|| value.trim().to_string())
        })
        .unwrap_or_default();
    requests.lock().expect("request log").push(Request {
        path: path.clone(),
        user_agent,
        arrived: Instant::now(),
    });
    let (status, content_type, body) = route(&path, base);
    let header = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream
        .write_all(header.as_bytes())
        .and_then(|()| stream.write_all(&body));
}

fn route(path: &str, base: &str) -> (&'static str, &'static str, Vec<u8>) {
    let fixture = |name: &str| {
        let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(path)
            .ok()
            .map(|text| text.replace("{{BASE}}", base).into_bytes())
    };
    let found = match path {
        "/feeds/world.rss" => fixture("world-feed.rss").map(|body| ("application/rss+xml", body)),
        "/feeds/region.atom" => fixture("region-feed.atom").map(|body| ("application/atom+xml", body)),
        // A feed address served with a feed's content type and no extension: sniffed.
        "/rss" => fixture("region-feed.atom").map(|body| ("text/xml", body)),
        "/feeds/broken.rss" => Some((
            "application/rss+xml",
            b"Service temporarily unavailable. Please try again later.".to_vec(),
        )),
        _ if path.starts_with("/slow/") => {
            thread::sleep(SLOW_ANSWER);
            fixture("meridian-herald.html").map(|body| ("text/html", body))
        }
        _ => path
            .strip_prefix("/articles/")
            .and_then(fixture)
            .map(|body| ("text/html; charset=utf-8", body)),
    };
    match found {
        Some((content_type, body)) => ("200 OK", content_type, body),
        None => ("404 Not Found", "text/plain", b"not found".to_vec()),
    }
}

fn options(per_host_delay: Duration) -> SourceOptions {
    SourceOptions {
        default_date: None,
        input_format: None,
        fetch: FetchOptions {
            connect_timeout: CLIENT_TIMEOUT,
            timeout: CLIENT_TIMEOUT,
            per_host_delay,
            ..FetchOptions::default()
        },
    }
}

fn collect_all(inputs: &[String], options: &SourceOptions) -> Vec<Result<Document, Diagnostic>> {
    let mut outcomes = Vec::new();
    collect(inputs, options, &mut |outcome| outcomes.push(outcome));
    outcomes
}

fn document(outcome: &Result<Document, Diagnostic>) -> &Document {
    match outcome {
        Ok(document) => document,
        Err(diagnostic) => panic!("expected a document, got {diagnostic}"),
    }
}

/// Asserts an error or warning naming `item` whose message contains `words`.
fn assert_diagnostic(outcome: &Result<Document, Diagnostic>, error: bool, item: &str, words: &str) {
    match outcome {
        Err(diagnostic) => {
            assert_eq!(diagnostic.is_error(), error, "{diagnostic}");
            assert_eq!(diagnostic.item(), item, "{diagnostic}");
            assert!(diagnostic.message().contains(words), "{diagnostic}");
        }
        Ok(document) => panic!("expected a diagnostic about {item}, got document {}", document.id),
    }
}

fn date(text: &str) -> Option<CivilDate> {
    CivilDate::parse(text)
}

#[test]
fn rss_items_become_documents_from_their_pages_politely() {
    let server = TestServer::start();
    let delay = Duration::from_millis(150);
    let outcomes = collect_all(&[server.url("/feeds/world.rss")], &options(delay));
    assert_eq!(outcomes.len(), 7, "{outcomes:#?}");

    let herald = document(&outcomes[0]);
    assert_eq!(herald.id, server.url("/articles/meridian-herald.html"), "the item link");
    assert!(herald.text.starts_with("Ukraine and Russia exchanged 190 prisoners"));
    assert!(!herald.text.contains("cookies") && !herald.text.contains("Comments"));
    assert_eq!(
        herald.title.as_deref(),
        Some("Ukraine and Russia swap 190 prisoners after Emirati mediation"),
        "the page's title"
    );
    assert_eq!(herald.date, date("2024-03-05"));
    assert_eq!(
        herald.url.as_deref(),
        Some("https://www.meridian-herald.example/world/europe/2024/03/05/prisoner-swap"),
        "the page's canonical address"
    );
    assert_eq!(
        herald.source.as_deref(),
        Some("Meridian Herald – World"),
        "the feed's title"
    );

    let harbour = document(&outcomes[1]);
    assert_eq!(harbour.date, date("2023-11-21"), "the page's date wins over the feed's");
    assert_eq!(
        harbour.url.as_deref(),
        Some(server.url("/articles/harbour-times.html").as_str())
    );

    let sahel = document(&outcomes[2]);
    assert_eq!(
        sahel.url.as_deref(),
        Some(server.url("/news/2022/01/31/mali-expels-ambassador").as_str()),
        "relative canonical resolved against the fetched address"
    );

    let missing = server.url("/missing/germany-poland-pact");
    assert_diagnostic(&outcomes[3], false, &missing, "HTTP 404");
    let pact = document(&outcomes[4]);
    assert_eq!(pact.id, missing);
    assert_eq!(
        pact.text,
        "The interior ministers of Germany and Poland signed an agreement in Warsaw on Thursday to set up \
         joint police patrols along their shared border, their ministries said."
    );
    assert_eq!(pact.date, date("2024-03-07"), "the feed's date");
    assert_eq!(
        pact.title.as_deref(),
        Some("Germany and Poland sign border security pact")
    );

    assert_diagnostic(&outcomes[5], true, &server.url("/slow/story"), "timed out");
    assert_diagnostic(
        &outcomes[6],
        true,
        &server.url("/articles/video-no-text.html"),
        "no article text",
    );

    let requests = server.requests();
    assert_eq!(requests.len(), 7, "the feed and each item's page, once: {requests:#?}");
    assert!(requests
        .iter()
        .all(|request| request.user_agent.starts_with("kestrel/")));
    for pair in requests.windows(2) {
        let gap = pair[1].arrived.duration_since(pair[0].arrived);
        assert!(
            gap >= delay,
            "{} followed {} after only {gap:?}",
            pair[1].path,
            pair[0].path
        );
    }
}

#[test]
fn atom_feed_saved_as_xml_is_sniffed_and_items_without_links_use_their_content() {
    let server = TestServer::start();
    let directory = TempDirectory::new("atom");
    let path = directory.path.join("region.xml");
    let feed = std::fs::read_to_string(format!("{}/tests/data/region-feed.atom", env!("CARGO_MANIFEST_DIR")))
        .expect("fixture")
        .replace("{{BASE}}", &server.base);
    std::fs::write(&path, feed).expect("write the feed");
    let outcomes = collect_all(&[path.display().to_string()], &options(Duration::ZERO));
    assert_eq!(outcomes.len(), 3, "{outcomes:#?}");

    let mali = document(&outcomes[0]);
    assert_eq!(mali.id, server.url("/articles/sahel-dispatch.html"));
    assert!(mali
        .text
        .starts_with("Mali’s transitional government ordered the French ambassador"));
    assert_eq!(mali.date, date("2022-01-31"));
    assert_eq!(mali.source.as_deref(), Some("Sahel Dispatch"));

    let item = format!("{}#2", path.display());
    assert_diagnostic(&outcomes[1], false, &item, "no http(s) link; used the feed's own text");
    let patrols = document(&outcomes[2]);
    assert_eq!(patrols.id, "tag:saheldispatch.example,2022:joint-patrols", "the guid");
    assert!(patrols
        .text
        .starts_with("The defence ministers of Niger and Burkina Faso agreed"));
    assert_eq!(patrols.date, date("2022-02-01"), "the entry's update time");
    assert_eq!(patrols.url, None);
}

#[test]
fn a_feed_address_without_extension_is_sniffed() {
    let server = TestServer::start();
    let outcomes = collect_all(&[server.url("/rss")], &options(Duration::ZERO));
    let documents: Vec<&str> = outcomes
        .iter()
        .filter_map(|o| o.as_ref().ok())
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(
        documents,
        [
            server.url("/articles/sahel-dispatch.html").as_str(),
            "tag:saheldispatch.example,2022:joint-patrols"
        ]
    );
}

#[test]
fn bad_inputs_are_named_and_the_rest_of_the_run_continues() {
    let server = TestServer::start();
    let inputs = [
        server.url("/feeds/broken.rss"),
        server.url("/slow/page.html"),
        server.url("/articles/video-no-text.html"),
        server.url("/nowhere.html"),
        server.url("/articles/meridian-herald.html"),
    ];
    let outcomes = collect_all(&inputs, &options(Duration::ZERO));
    assert_eq!(outcomes.len(), 5, "{outcomes:#?}");
    assert_diagnostic(&outcomes[0], true, &inputs[0], "not a readable RSS or Atom feed");
    assert_diagnostic(&outcomes[1], true, &inputs[1], "timed out");
    assert_diagnostic(&outcomes[2], true, &inputs[2], "no article text");
    assert_diagnostic(&outcomes[3], true, &inputs[3], "HTTP 404");
    let herald = document(&outcomes[4]);
    assert_eq!(
        herald.id, "https://www.meridian-herald.example/world/europe/2024/03/05/prisoner-swap",
        "a page's id is its canonical address"
    );
    assert_eq!(herald.source.as_deref(), Some("The Meridian Herald"), "og:site_name");
}

#[test]
fn oversized_bodies_are_refused() {
    let server = TestServer::start();
    let mut options = options(Duration::ZERO);
    options.fetch.max_body_bytes = 1024;
    let address = server.url("/articles/meridian-herald.html");
    let outcomes = collect_all(std::slice::from_ref(&address), &options);
    assert_eq!(outcomes.len(), 1);
    assert_diagnostic(&outcomes[0], true, &address, "1024-byte limit");
}

#[test]
fn an_address_nobody_listens_on_is_a_named_error() {
    // Bind then drop a listener: the port is free, so connecting is refused at once.
    let address = {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        format!("http://{}/feed.rss", listener.local_addr().expect("address"))
    };
    let outcomes = collect_all(std::slice::from_ref(&address), &options(Duration::ZERO));
    assert_eq!(outcomes.len(), 1);
    match &outcomes[0] {
        Err(diagnostic) => {
            assert!(diagnostic.is_error());
            assert_eq!(diagnostic.item(), address);
        }
        Ok(document) => panic!("unexpected document {}", document.id),
    }
}

/// A directory under the system temporary directory, removed when dropped.
struct TempDirectory {
    path: PathBuf,
}

impl TempDirectory {
    fn new(name: &str) -> TempDirectory {
        let path = std::env::temp_dir().join(format!("kestrel-sources-http-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("create a temporary directory");
        TempDirectory { path }
    }
}

impl Drop for TempDirectory {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}
