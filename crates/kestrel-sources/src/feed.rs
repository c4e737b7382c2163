//! RSS and Atom feeds: every item becomes a document, from its linked page when that can be
//! fetched and read, else from the feed's own text for the item.

use feed_rs::model::{Entry, Feed};
use kestrel::input::{Diagnostic, Document, Sink};
use kestrel_dates::CivilDate;
use url::Url;

use crate::dates::date_of_timestamp;
use crate::fetch::Fetcher;
use crate::html::{decode_page, extract_html, fragment_text, letter_count, Article, MIN_ARTICLE_LETTERS};
use crate::sniff::{sniff_markup, Markup};

/// Reads the feed `name` (a path or the address it was fetched from; `base` resolves relative
/// item links) and hands over one document or diagnostic per item, in feed order.
pub(crate) fn read_feed(
    name: &str,
    bytes: &[u8],
    base: Option<&str>,
    default_date: Option<CivilDate>,
    fetcher: &mut Fetcher,
    sink: &mut Sink,
) {
    let parser = feed_rs::parser::Builder::new().base_uri(base).build();
    let feed = match parser.parse(bytes) {
        Ok(feed) => feed,
        Err(error) => {
            sink(Err(Diagnostic::error(
                name,
                format!("not a readable RSS or Atom feed: {error}"),
            )));
            return;
        }
    };
    if feed.entries.is_empty() {
        sink(Err(Diagnostic::warning(name, "the feed has no items")));
        return;
    }
    let outlet = outlet_name(&feed, base);
    for (index, entry) in feed.entries.iter().enumerate() {
        let item = FeedItem::new(entry, base);
        let item_name = item.link.clone().unwrap_or_else(|| format!("{name}#{}", index + 1));
        match item.document(entry, outlet.as_deref(), default_date, fetcher, &item_name) {
            Ok((document, warning)) => {
                if let Some(message) = warning {
                    sink(Err(Diagnostic::warning(&item_name, message)));
                }
                sink(Ok(document));
            }
            Err(message) => sink(Err(Diagnostic::error(&item_name, message))),
        }
    }
}

/// The outlet of a feed's items: the feed's title, else the host of its site or address.
fn outlet_name(feed: &Feed, base: Option<&str>) -> Option<String> {
    let title = feed
        .title
        .as_ref()
        .map(|title| fragment_text(&title.content))
        .filter(|title| !title.is_empty());
    title.or_else(|| {
        feed.links
            .iter()
            .map(|link| link.href.as_str())
            .chain(base)
            .find_map(|address| Url::parse(address).ok()?.host_str().map(str::to_string))
    })
}

/// What a feed says about one item.
struct FeedItem {
    /// The item's page, absolute http(s).
    link: Option<String>,
    /// The item's own text (content, else summary), markup removed.
    text: String,
    title: Option<String>,
    date: Option<CivilDate>,
}

impl FeedItem {
    fn new(entry: &Entry, base: Option<&str>) -> FeedItem {
        let link = entry
            .links
            .iter()
            .filter(|link| {
                link.rel
                    .as_deref()
                    .is_none_or(|rel| rel.eq_ignore_ascii_case("alternate"))
            })
            .chain(&entry.links)
            .find_map(|link| web_address(&link.href, base));
        let content = entry.content.as_ref().and_then(|content| content.body.as_deref());
        let summary = entry.summary.as_ref().map(|summary| summary.content.as_str());
        let content_text = content.map(fragment_text).unwrap_or_default();
        let summary_text = summary.map(fragment_text).unwrap_or_default();
        let text = if letter_count(&content_text) >= letter_count(&summary_text) {
            content_text
        } else {
            summary_text
        };
        FeedItem {
            link,
            text,
            title: entry
                .title
                .as_ref()
                .map(|title| fragment_text(&title.content))
                .filter(|title| !title.is_empty()),
            date: entry.published.or(entry.updated).as_ref().and_then(date_of_timestamp),
        }
    }

    /// The item's document, with a warning when the feed's text stood in for the page.
    fn document(
        &self,
        entry: &Entry,
        outlet: Option<&str>,
        default_date: Option<CivilDate>,
        fetcher: &mut Fetcher,
        item_name: &str,
    ) -> Result<(Document, Option<String>), String> {
        let id = self.link.clone().unwrap_or_else(|| entry.id.clone());
        let page = match &self.link {
            Some(link) => fetch_article(link, fetcher),
            None => Err("the item has no http(s) link".to_string()),
        };
        let has_own_text = letter_count(&self.text) >= MIN_ARTICLE_LETTERS;
        match page {
            Ok(article) => Ok((
                Document {
                    id,
                    date: article.date.or(self.date).or(default_date),
                    text: article.text,
                    title: article.title.or_else(|| self.title.clone()),
                    url: article.url.or_else(|| self.link.clone()),
                    source: outlet.map(str::to_string),
                },
                None,
            )),
            Err(problem) if has_own_text => Ok((
                Document {
                    id,
                    date: self.date.or(default_date),
                    text: self.text.clone(),
                    title: self.title.clone(),
                    url: self.link.clone(),
                    source: outlet.map(str::to_string),
                },
                Some(format!("{problem}; used the feed's own text for the item")),
            )),
            Err(problem) => Err(format!(
                "{problem}, and the feed gives too little text for the item{}",
                if item_name == id {
                    String::new()
                } else {
                    format!(" (id {id})")
                }
            )),
        }
    }
}

/// Fetches an item's page and extracts its article.
fn fetch_article(link: &str, fetcher: &mut Fetcher) -> Result<Article, String> {
    let fetched = fetcher.get(link)?;
    let content_type = fetched.content_type.as_deref().unwrap_or_default().to_ascii_lowercase();
    let looks_html =
        content_type.is_empty() || content_type.contains("html") || sniff_markup(&fetched.body) == Markup::Html;
    if !looks_html {
        return Err(format!("the link is not a web page ({content_type})"));
    }
    let html = decode_page(&fetched.body, fetched.content_type.as_deref());
    extract_html(&html, Some(&fetched.url))
}

/// `href` made absolute against `base`, if it is an http(s) address.
fn web_address(href: &str, base: Option<&str>) -> Option<String> {
    let href = href.trim();
    let url = match base.and_then(|base| Url::parse(base).ok()) {
        Some(base) => base.join(href).ok()?,
        None => Url::parse(href).ok()?,
    };
    (matches!(url.scheme(), "http" | "https") && url.host().is_some()).then(|| url.to_string())
}
