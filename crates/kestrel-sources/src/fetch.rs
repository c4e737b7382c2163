//! Fetching pages and feeds over HTTP(S), politely: one request at a time, a minimum delay
//! between requests to the same host, timeouts, a size limit and a user agent naming kestrel.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use ureq::{Agent, ResponseExt};
use url::Url;

/// How pages and feeds are fetched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FetchOptions {
    /// Longest wait for a connection (name resolution, TCP and TLS set-up).
    pub connect_timeout: Duration,
    /// Longest time for a whole request, from connecting to the last byte of the body
    /// (redirects included); a server that stops sending fails the request.
    pub timeout: Duration,
    /// Minimum time between the end of one request to a host and the start of the next.
    pub per_host_delay: Duration,
    /// The `User-Agent` header.
    pub user_agent: String,
    /// Bodies larger than this are refused.
    pub max_body_bytes: u64,
}

impl Default for FetchOptions {
    fn default() -> FetchOptions {
        FetchOptions {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            per_host_delay: Duration::from_secs(1),
            user_agent: concat!(
                "kestrel/",
                env!("CARGO_PKG_VERSION"),
                " (political event coder; news reader)"
            )
            .to_string(),
            max_body_bytes: 10 * 1024 * 1024,
        }
    }
}

/// A response body with what is needed to read it.
#[derive(Debug)]
pub(crate) struct Fetched {
    /// The address the body came from, after redirects.
    pub url: String,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

/// Fetches one request at a time, keeping each host's last request time.
pub(crate) struct Fetcher {
    options: FetchOptions,
    /// Made on first use: most runs read only files.
    agent: Option<Agent>,
    last_request: HashMap<String, Instant>,
}

/// What kestrel accepts: pages first, then feeds.
const ACCEPT: &str = "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, \
                      application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

/// Redirects beyond this many fail the request.
const MAX_REDIRECTS: u32 = 5;

impl Fetcher {
    pub fn new(options: &FetchOptions) -> Fetcher {
        Fetcher {
            options: options.clone(),
            agent: None,
            last_request: HashMap::new(),
        }
    }

    /// Fetches `address` (http or https). The error says what went wrong, for a diagnostic
    /// naming the address.
    pub fn get(&mut self, address: &str) -> Result<Fetched, String> {
        let url = Url::parse(address).map_err(|error| format!("not a valid address: {error}"))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(format!("cannot fetch {} addresses (only http and https)", url.scheme()));
        }
        let host = match (url.host_str(), url.port_or_known_default()) {
            (Some(host), Some(port)) => format!("{host}:{port}"),
            (Some(host), None) => host.to_string(),
            (None, _) => return Err("the address has no host".to_string()),
        };
        self.wait_for_turn(&host);
        let result = self.request(url.as_str());
        self.last_request.insert(host, Instant::now());
        result
    }

    /// Sleeps until `per_host_delay` has passed since the last request to `host` ended.
    fn wait_for_turn(&self, host: &str) {
        if let Some(last) = self.last_request.get(host) {
            let elapsed = last.elapsed();
            if elapsed < self.options.per_host_delay {
                std::thread::sleep(self.options.per_host_delay - elapsed);
            }
        }
    }

    fn request(&mut self, address: &str) -> Result<Fetched, String> {
        let options = &self.options;
        let agent = self.agent.get_or_insert_with(|| {
            let config = Agent::config_builder()
                .timeout_connect(Some(options.connect_timeout))
                .timeout_global(Some(options.timeout))
                .user_agent(options.user_agent.as_str())
                .max_redirects(MAX_REDIRECTS)
                .http_status_as_error(true)
                .build();
            Agent::new_with_config(config)
        });
        let mut response = agent
            .get(address)
            .header("Accept", ACCEPT)
            .call()
            .map_err(|error| describe(error, options))?;
        let url = response.get_uri().to_string();
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|value| value.to_str().ok())
            .map(str::to_string);
        let body = response
            .body_mut()
            .with_config()
            .limit(options.max_body_bytes)
            .read_to_vec()
            .map_err(|error| describe(error, options))?;
        Ok(Fetched {
            url,
            content_type,
            body,
        })
    }
}

/// A fetch error in words.
fn describe(error: ureq::Error, options: &FetchOptions) -> String {
    match error {
        ureq::Error::Timeout(ureq::Timeout::Connect | ureq::Timeout::Resolve) => format!(
            "timed out connecting (after {:.1} s)",
            options.connect_timeout.as_secs_f64()
        ),
        ureq::Error::Timeout(_) => format!(
            "timed out (no complete answer within {:.1} s)",
            options.timeout.as_secs_f64()
        ),
        ureq::Error::StatusCode(status) => format!("the server answered HTTP {status}"),
        ureq::Error::HostNotFound => "host not found".to_string(),
        ureq::Error::ConnectionFailed => "connection failed".to_string(),
        ureq::Error::BodyExceedsLimit(limit) => format!("larger than the {limit}-byte limit"),
        ureq::Error::TooManyRedirects => format!("more than {MAX_REDIRECTS} redirects"),
        ureq::Error::Io(error) => format!("fetch failed: {error}"),
        other => format!("fetch failed: {other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_are_fetched() {
        let mut fetcher = Fetcher::new(&FetchOptions::default());
        assert!(fetcher
            .get("ftp://example.org/x")
            .unwrap_err()
            .contains("only http and https"));
        assert!(fetcher.get("not a url").unwrap_err().contains("not a valid address"));
        assert!(
            fetcher.agent.is_none(),
            "no client is made for addresses that are refused"
        );
    }

    #[test]
    fn the_default_user_agent_names_kestrel() {
        assert!(FetchOptions::default().user_agent.starts_with("kestrel/"));
    }
}
