//! `kestrel serve` as a user runs it: the built binary on a free port, spoken to over plain
//! TCP, stopped with SIGTERM.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Sends one HTTP/1.1 request and returns the whole answer (the server closes after it).
fn http(addr: &str, method: &str, path: &str, headers: &str, body: &str) -> String {
    let mut stream = TcpStream::connect(addr).expect("connect to the server");
    stream.set_read_timeout(Some(Duration::from_secs(30))).expect("timeout");
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n{headers}Content-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).expect("send");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("read the answer");
    answer
}

/// The server process, killed if the test fails before stopping it.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        if matches!(self.0.try_wait(), Ok(None)) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

/// The JSON body of an answer.
fn body_json(answer: &str) -> serde_json::Value {
    let body = answer.split_once("\r\n\r\n").map_or("", |(_, body)| body);
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {answer}"))
}

/// Waits for the line announcing the address and returns `host:port`.
fn announced_address(child: &mut Child) -> String {
    let stderr = child.stderr.take().expect("piped stderr");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        let Ok(line) = rx.recv_timeout(left) else { break };
        if let Some((_, rest)) = line.split_once("http://") {
            return rest.split('/').next().unwrap_or_default().to_string();
        }
    }
    panic!("kestrel serve did not announce its address");
}

#[test]
fn serve_answers_on_a_free_port_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let db = dir.path().join("served.db");
    let child = Command::new(env!("CARGO_BIN_EXE_kestrel"))
        .args(["serve", "--db", &db.display().to_string(), "--addr", "127.0.0.1:0"])
        // The token from the environment, as a user keeps it off the command line.
        .env("KESTREL_WRITE_TOKEN", "cli-test-token")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start kestrel serve");
    let mut server = Server(child);
    let addr = announced_address(&mut server.0);
    assert!(addr.starts_with("127.0.0.1:") && !addr.ends_with(":0"), "{addr}");

    let health = http(&addr, "GET", "/healthz", "", "");
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    assert_eq!(
        body_json(&health),
        serde_json::json!({"status": "ok", "events": 0, "documents": 0})
    );
    assert!(health
        .to_ascii_lowercase()
        .contains("content-security-policy: default-src 'self'"));

    let doc = r#"{"id": "cli-1", "date": "2023-05-02", "text": "France praised Germany for the accord."}"#;
    let json = "Content-Type: application/json\r\n";
    let refused = http(&addr, "POST", "/api/documents", json, doc);
    assert!(refused.starts_with("HTTP/1.1 401"), "{refused}");
    let auth = format!("{json}Authorization: Bearer cli-test-token\r\n");
    let stored = http(&addr, "POST", "/api/documents", &auth, doc);
    assert!(stored.starts_with("HTTP/1.1 200"), "{stored}");
    assert_eq!(body_json(&stored)["stored"], 1);

    let pid = server.0.id().to_string();
    let signalled = Command::new("kill").args(["-TERM", &pid]).status().expect("run kill");
    assert!(signalled.success());
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = server.0.try_wait().expect("wait for kestrel serve") {
            break status;
        }
        assert!(Instant::now() < deadline, "kestrel serve did not stop on SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "graceful shutdown exits 0: {status}");
}

#[test]
fn serve_refuses_a_missing_store_without_writes() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let db = dir.path().join("absent.db");
    let out = Command::new(env!("CARGO_BIN_EXE_kestrel"))
        .args(["serve", "--db", &db.display().to_string(), "--addr", "127.0.0.1:0"])
        .env_remove("KESTREL_WRITE_TOKEN")
        .stdin(Stdio::null())
        .output()
        .expect("run kestrel serve");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no such store"), "{stderr}");
    assert!(!db.exists());
}
