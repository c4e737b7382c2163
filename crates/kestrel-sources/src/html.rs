//! Main-text extraction from news pages.
//!
//! A page is parsed with html5ever into a plain tree ([`dom`]), then read in three passes over
//! that tree, all iterative so that no nesting depth can exhaust the stack:
//!
//! 1. *Content markers*: `<main>`, `role=main`, `itemprop=articleBody` and `<article>` elements
//!    that are not themselves marked as boilerplate; every ancestor of one is remembered.
//! 2. *Boilerplate and text statistics*: an element is boilerplate when its tag, ARIA role or a
//!    word of its class or id is listed in `data/sources/html.tsv` (navigation, menus, headers,
//!    footers, ads, share widgets, comments, related links, cookie banners...), or it is hidden;
//!    an element that contains a content marker is never boilerplate, so a page wrapper with a
//!    class such as "has-sidebar" keeps its article. For every other element the visible text
//!    below it is counted, and how much of that is link text.
//! 3. *Paragraphs*: the article container is the largest article body, `<article>` or
//!    `<main>` (in that order of trust), else the element whose paragraphs hold the most
//!    non-link text; its text is cut into paragraphs at block elements, skipping boilerplate,
//!    link lists (more link text than other text), the `<h1>` headline and label paragraphs
//!    ("Advertisement", "Read more: ...").
//!
//! Metadata comes from `<meta>` tags, `<link rel=canonical>`, JSON-LD and `<time>` (see
//! [`extract_html`]).

mod dom;
mod rules;

use std::collections::HashMap;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use kestrel_dates::CivilDate;
use url::Url;

use crate::dates::parse_publication_date;
use dom::{Dom, Edge, Element, NodeId, DOCUMENT};
use rules::PageRules;

/// What a news page says: its main text and metadata.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// The headline.
    pub title: Option<String>,
    /// The publication day, as the page writes it.
    pub date: Option<CivilDate>,
    /// The article's own address (canonical link, else `og:url`, else the address it was
    /// fetched from).
    pub url: Option<String>,
    /// The outlet's name (`og:site_name`, JSON-LD publisher).
    pub site: Option<String>,
    /// The main text: paragraphs in page order, separated by blank lines.
    pub text: String,
}

/// Fewer letters than this is not an article (an error page, a cookie wall, a video page).
pub(crate) const MIN_ARTICLE_LETTERS: usize = 60;

/// Extracts the main text and metadata of a news page.
///
/// `url` is where the page came from, if it was fetched: relative canonical links are
/// resolved against it, and it is the article's address when the page names none.
///
/// - title: `og:title`, `twitter:title` (and the other `title` keys of the rules file), else
///   JSON-LD `headline`, else the first `<h1>`, else `<title>` without a trailing " | Site";
/// - date: `article:published_time`, `og:…published_time`, `itemprop=datePublished` (and the
///   other `date` keys), else JSON-LD `datePublished`, else the first `<time datetime>` of the
///   article (or one with `pubdate`);
/// - url: `<link rel=canonical>`, else `og:url`, else `url`. A canonical address that is a
///   site's home page is ignored: some sites put it on every page.
///
/// Entities are decoded and the text is kept in Unicode; whitespace (including no-break
/// spaces) is collapsed and invisible characters (soft hyphens, zero-width spaces) removed.
///
/// Returns an error when the page has no article text.
pub fn extract_html(html: &str, url: Option<&str>) -> Result<Article, String> {
    if nested_deeper_than(html, MAX_NESTING_DEPTH) {
        return Err(format!(
            "markup nested more than {MAX_NESTING_DEPTH} levels deep; not read"
        ));
    }
    let rules = PageRules::embedded();
    let dom = Dom::parse(html);
    let page = Page::analyse(&dom, rules);
    let container = page.main_container();
    let text = page.paragraphs(container).join("\n\n");
    if letter_count(&text) < MIN_ARTICLE_LETTERS {
        return Err("no article text found in the page".to_string());
    }
    let metadata = Metadata::read(&page, container, url);
    Ok(Article {
        title: metadata.title,
        date: metadata.date,
        url: metadata.url,
        site: metadata.site,
        text,
    })
}

/// Real pages nest a few dozen elements deep (browsers stop nesting at 512). Deeper markup is
/// refused: the HTML parser takes time quadratic in the depth.
const MAX_NESTING_DEPTH: usize = 2000;

/// Estimates, without parsing, whether elements nest deeper than `limit`: start tags of
/// elements that need an end tag count one level down, end tags one up; void elements,
/// elements whose end tag may be left out (`p`, `li`, `td`...), comments and the contents
/// of `script`, `style`, `textarea` and `title` are passed over.
fn nested_deeper_than(html: &str, limit: usize) -> bool {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut position = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[position..]) {
        position += offset + 1;
        let rest = &bytes[position..];
        if rest.starts_with(b"!--") {
            position += find(rest, b"-->").map_or(rest.len(), |end| end + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_bytes = &rest[usize::from(closing)..];
        let name_length = name_bytes
            .iter()
            .take_while(|byte| byte.is_ascii_alphanumeric())
            .count();
        let name = name_bytes[..name_length].to_ascii_lowercase();
        match name.as_slice() {
            b"" => {}
            b"script" | b"style" | b"textarea" | b"title" if !closing => {
                let end_tag = [b"</".as_slice(), &name].concat();
                position += find_ignore_case(rest, &end_tag).unwrap_or(rest.len());
            }
            b"area" | b"base" | b"br" | b"col" | b"embed" | b"hr" | b"img" | b"input" | b"link" | b"meta"
            | b"source" | b"track" | b"wbr" | b"param" | b"keygen" | b"p" | b"li" | b"dt" | b"dd" | b"option"
            | b"optgroup" | b"tr" | b"td" | b"th" | b"thead" | b"tbody" | b"tfoot" | b"colgroup" | b"caption"
            | b"rb" | b"rt" | b"rtc" | b"rp" | b"html" | b"head" | b"body" => {}
            _ if closing => depth = depth.saturating_sub(1),
            _ => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
        }
    }
    false
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}

fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
}

/// The text of an HTML fragment (a feed item's content or summary), or of plain text,
/// boilerplate dropped, paragraphs separated by blank lines.
pub(crate) fn fragment_text(fragment: &str) -> String {
    let dom = Dom::parse(fragment);
    let page = Page::analyse(&dom, PageRules::embedded());
    page.paragraphs(DOCUMENT).join("\n\n")
}

pub(crate) fn letter_count(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphabetic()).count()
}

/// Decodes the bytes of a page: a byte-order mark wins, then the charset of the HTTP content
/// type, then a `charset` declared near the start of the page; without any, UTF-8, or
/// windows-1252 (what browsers assume for English pages) when the bytes are not UTF-8.
pub(crate) fn decode_page(bytes: &[u8], content_type: Option<&str>) -> String {
    /// Browsers look for a `<meta charset>` in the first 1024 bytes; some pages put it later.
    const CHARSET_SNIFF_BYTES: usize = 4096;
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        return text.into_owned();
    }
    let declared = content_type
        .and_then(|content_type| charset_label(content_type.as_bytes()))
        .or_else(|| charset_label(&bytes[..bytes.len().min(CHARSET_SNIFF_BYTES)]))
        .and_then(Encoding::for_label)
        // A page cannot really be UTF-16 if it declares so in ASCII (the HTML standard's rule).
        .filter(|encoding| encoding.is_ascii_compatible());
    match declared {
        Some(encoding) if encoding != UTF_8 => encoding.decode_without_bom_handling(bytes).0.into_owned(),
        Some(_) => String::from_utf8_lossy(bytes).into_owned(),
        None => match std::str::from_utf8(bytes) {
            Ok(text) => text.to_string(),
            Err(_) => WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
        },
    }
}

/// The value after the first `charset=` (any case, optional quotes and spaces).
fn charset_label(bytes: &[u8]) -> Option<&[u8]> {
    const KEY: &[u8] = b"charset";
    let start = bytes
        .windows(KEY.len())
        .position(|window| window.eq_ignore_ascii_case(KEY))?
        + KEY.len();
    let rest = &bytes[start..];
    let rest = rest.trim_ascii_start().strip_prefix(b"=")?.trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let length = rest
        .iter()
        .position(|&byte| !(byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b':' | b'.')))
        .unwrap_or(rest.len());
    (length > 0).then(|| &rest[..length])
}

/// Letters below an element, and how many of them are inside links.
#[derive(Clone, Copy, Debug, Default)]
struct TextStats {
    letters: usize,
    link_letters: usize,
}

impl TextStats {
    fn non_link_letters(&self) -> usize {
        self.letters - self.link_letters
    }

    /// More of the text is link text than not: a menu or a list of related stories.
    fn is_link_list(&self) -> bool {
        self.letters > 0 && self.link_letters * 2 > self.letters
    }
}

/// A parsed page with its boilerplate marked and its text counted.
struct Page<'a> {
    dom: &'a Dom,
    rules: &'a PageRules,
    /// By node: the text below every element outside boilerplate. Boilerplate elements,
    /// everything inside them, and nodes that are no elements have `None`.
    stats: Vec<Option<TextStats>>,
}

impl<'a> Page<'a> {
    fn analyse(dom: &'a Dom, rules: &'a PageRules) -> Page<'a> {
        let holds_content = content_marker_ancestors(dom, rules);
        let mut stats = vec![None; dom.len()];
        // Open elements with their running counts: a stack, so deep pages need no recursion.
        let mut open: Vec<(NodeId, TextStats)> = Vec::new();
        let mut skipped: Option<NodeId> = None;
        let mut link_depth = 0usize;
        for edge in dom.traverse(DOCUMENT) {
            match edge {
                Edge::Open(node) => {
                    if skipped.is_some() {
                        continue;
                    }
                    if let Some(element) = dom.element(node) {
                        if is_boilerplate(element, rules) && !holds_content[node] {
                            skipped = Some(node);
                            continue;
                        }
                        if element.name() == "a" {
                            link_depth += 1;
                        }
                        open.push((node, TextStats::default()));
                    } else if let (Some(text), Some((_, counts))) = (dom.text(node), open.last_mut()) {
                        let letters = letter_count(text);
                        counts.letters += letters;
                        if link_depth > 0 {
                            counts.link_letters += letters;
                        }
                    }
                }
                Edge::Close(node) => {
                    if let Some(skipped_node) = skipped {
                        if skipped_node == node {
                            skipped = None;
                        }
                        continue;
                    }
                    let Some(element) = dom.element(node) else {
                        continue;
                    };
                    if element.name() == "a" {
                        link_depth = link_depth.saturating_sub(1);
                    }
                    if let Some((closed, counts)) = open.pop() {
                        stats[closed] = Some(counts);
                        if let Some((_, parent)) = open.last_mut() {
                            parent.letters += counts.letters;
                            parent.link_letters += counts.link_letters;
                        }
                    }
                }
            }
        }
        Page { dom, rules, stats }
    }

    fn stats_of(&self, node: NodeId) -> Option<TextStats> {
        self.stats.get(node).copied().flatten()
    }

    fn letters_below(&self, node: NodeId) -> usize {
        self.stats_of(node).map_or(0, |stats| stats.non_link_letters())
    }

    /// The element holding the article: the largest article body, `<article>` or `<main>`
    /// with enough text, else the best-scored paragraph parent, else the whole page.
    fn main_container(&self) -> NodeId {
        let kept_elements = || {
            self.dom
                .descendants(DOCUMENT)
                .filter(|&node| self.stats_of(node).is_some())
                .filter_map(|node| self.dom.element(node).map(|element| (node, element)))
        };
        let marker_kinds: [fn(&Element) -> bool; 3] = [is_article_body, |e| e.name() == "article", is_main];
        for is_kind in marker_kinds {
            let largest = kept_elements()
                .filter(|(_, element)| is_kind(element))
                .map(|(node, _)| node)
                .max_by_key(|&node| (self.letters_below(node), std::cmp::Reverse(node)));
            if let Some(node) = largest.filter(|&node| self.letters_below(node) >= MIN_ARTICLE_LETTERS) {
                return node;
            }
        }
        self.best_scored_container().unwrap_or(DOCUMENT)
    }

    /// The element whose paragraphs hold the most text: each paragraph's non-link letters
    /// count fully for its parent and half for its grandparent, so the element that directly
    /// holds the run of article paragraphs wins over both a single paragraph and the page.
    fn best_scored_container(&self) -> Option<NodeId> {
        /// Shorter paragraphs (captions, datelines, buttons) say little about where the text is.
        const MIN_PARAGRAPH_LETTERS: usize = 20;
        let mut scores = vec![0usize; self.dom.len()];
        for node in 0..self.dom.len() {
            let (Some(element), Some(stats)) = (self.dom.element(node), self.stats_of(node)) else {
                continue;
            };
            let letters = if matches!(element.name(), "p" | "pre" | "blockquote") {
                stats.non_link_letters()
            } else if is_block(element.name()) {
                // Text written straight into a div or cell, without <p>.
                self.dom
                    .children(node)
                    .iter()
                    .filter_map(|&child| self.dom.text(child))
                    .map(letter_count)
                    .sum()
            } else {
                0
            };
            if letters < MIN_PARAGRAPH_LETTERS {
                continue;
            }
            let mut ancestors = self
                .dom
                .ancestors(node)
                .filter(|&ancestor| self.dom.element(ancestor).is_some());
            if let Some(parent) = ancestors.next() {
                scores[parent] += letters;
            }
            if let Some(grandparent) = ancestors.next() {
                scores[grandparent] += letters / 2;
            }
        }
        // The highest score; the earliest node among equals.
        let (best, score) = scores
            .iter()
            .enumerate()
            .max_by_key(|&(node, score)| (*score, std::cmp::Reverse(node)))?;
        (*score > 0).then_some(best)
    }

    /// The paragraphs of the article in `container`, whitespace collapsed.
    fn paragraphs(&self, container: NodeId) -> Vec<String> {
        let mut paragraphs = Vec::new();
        let mut current = String::new();
        let mut skipped: Option<NodeId> = None;
        for edge in self.dom.traverse(container) {
            match edge {
                Edge::Open(node) => {
                    if skipped.is_some() {
                        continue;
                    }
                    if let Some(element) = self.dom.element(node) {
                        let name = element.name();
                        let leaves_out = match self.stats_of(node) {
                            None => true,
                            Some(_) if node == container => false,
                            Some(stats) => name == "h1" || (is_block(name) && stats.is_link_list()),
                        };
                        if leaves_out {
                            skipped = Some(node);
                        }
                        if is_block(name) || name == "br" {
                            self.end_paragraph(&mut current, &mut paragraphs);
                        }
                    } else if let Some(text) = self.dom.text(node) {
                        current.push_str(text);
                    }
                }
                Edge::Close(node) => {
                    if let Some(skipped_node) = skipped {
                        if skipped_node == node {
                            skipped = None;
                        }
                        continue;
                    }
                    if self.dom.element(node).is_some_and(|element| is_block(element.name())) {
                        self.end_paragraph(&mut current, &mut paragraphs);
                    }
                }
            }
        }
        self.end_paragraph(&mut current, &mut paragraphs);
        paragraphs
    }

    fn end_paragraph(&self, current: &mut String, paragraphs: &mut Vec<String>) {
        let paragraph = clean_text(current);
        current.clear();
        if !paragraph.is_empty() && !self.rules.is_boilerplate_paragraph(&paragraph) {
            paragraphs.push(paragraph);
        }
    }
}

/// By node: whether it is a content marker or has one below it.
fn content_marker_ancestors(dom: &Dom, rules: &PageRules) -> Vec<bool> {
    let mut holds_content = vec![false; dom.len()];
    for node in 0..dom.len() {
        let Some(element) = dom.element(node) else {
            continue;
        };
        let is_marker = is_article_body(element)
            || is_main(element)
            || (element.name() == "article" && !has_boilerplate_class(element, rules));
        if is_marker {
            for marked in std::iter::once(node).chain(dom.ancestors(node)) {
                if std::mem::replace(&mut holds_content[marked], true) {
                    break;
                }
            }
        }
    }
    holds_content
}

fn is_article_body(element: &Element) -> bool {
    element.attr("itemprop").is_some_and(|itemprop| {
        itemprop
            .split_ascii_whitespace()
            .any(|value| value.eq_ignore_ascii_case("articleBody"))
    })
}

fn is_main(element: &Element) -> bool {
    element.name() == "main"
        || element
            .attr("role")
            .is_some_and(|role| role.trim().eq_ignore_ascii_case("main"))
}

fn has_boilerplate_class(element: &Element, rules: &PageRules) -> bool {
    let class = element
        .attr("class")
        .is_some_and(|class| rules.has_boilerplate_word(class));
    class || element.id().is_some_and(|id| rules.has_boilerplate_word(id))
}

/// Whether an element is page furniture by its tag, role, class or id, or is hidden. (The
/// caller keeps it anyway when it contains the article.)
fn is_boilerplate(element: &Element, rules: &PageRules) -> bool {
    let name = element.name();
    if matches!(name, "html" | "body") {
        return false;
    }
    if rules.tags.contains(name) || element.attr("hidden").is_some() {
        return true;
    }
    if element
        .attr("aria-hidden")
        .is_some_and(|value| value.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if element.attr("style").is_some_and(hides) {
        return true;
    }
    let role = element.attr("role").is_some_and(|role| {
        role.split_ascii_whitespace()
            .any(|value| rules.roles.contains(&value.to_ascii_lowercase()))
    });
    role || has_boilerplate_class(element, rules)
}

/// An inline style that hides the element.
fn hides(style: &str) -> bool {
    let compact: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    compact.contains("display:none") || compact.contains("visibility:hidden")
}

/// Elements that start and end a paragraph of text.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "figure"
            | "address"
            | "hr"
            | "details"
            | "summary"
            | "center"
            | "body"
            | "html"
    )
}

/// Collapses whitespace (no-break spaces included) to single spaces, trims, and removes
/// characters that are invisible in print (soft hyphens, zero-width spaces, word joiners, byte
/// order marks) and control characters.
fn clean_text(raw: &str) -> String {
    let mut cleaned = String::with_capacity(raw.len());
    let mut space_pending = false;
    for c in raw.chars() {
        if c.is_whitespace() {
            space_pending = !cleaned.is_empty();
        } else if matches!(c, '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}') || c.is_control() {
            continue;
        } else {
            if space_pending {
                cleaned.push(' ');
                space_pending = false;
            }
            cleaned.push(c);
        }
    }
    cleaned
}

/// The headline, date, address and outlet of a page.
#[derive(Default)]
struct Metadata {
    title: Option<String>,
    date: Option<CivilDate>,
    url: Option<String>,
    site: Option<String>,
}

/// What JSON-LD says about the article: the first object with a headline or a
/// publication date.
#[derive(Default)]
struct LinkedData {
    headline: Option<String>,
    date_published: Option<String>,
    publisher: Option<String>,
}

impl Metadata {
    fn read(page: &Page<'_>, container: NodeId, fetch_url: Option<&str>) -> Metadata {
        let (dom, rules) = (page.dom, page.rules);
        let mut values: HashMap<String, String> = HashMap::new();
        let mut canonical: Option<String> = None;
        let mut title_element: Option<String> = None;
        let mut first_h1: Option<String> = None;
        let mut linked_data = LinkedData::default();
        for node in dom.descendants(DOCUMENT) {
            let Some(element) = dom.element(node) else {
                continue;
            };
            match element.name() {
                "meta" => {
                    if let Some(content) = element.attr("content") {
                        for key in ["property", "name", "itemprop"]
                            .into_iter()
                            .filter_map(|a| element.attr(a))
                        {
                            remember(&mut values, key, content);
                        }
                    }
                }
                "link" if canonical.is_none() => {
                    let is_canonical = element.attr("rel").is_some_and(|rel| {
                        rel.split_ascii_whitespace()
                            .any(|value| value.eq_ignore_ascii_case("canonical"))
                    });
                    if is_canonical {
                        canonical = element.attr("href").map(str::to_string);
                    }
                }
                "title" if title_element.is_none() => title_element = Some(element_text(dom, node)),
                "h1" if first_h1.is_none() => first_h1 = Some(element_text(dom, node)),
                "script" => {
                    let is_json_ld = element
                        .attr("type")
                        .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"));
                    if is_json_ld {
                        read_linked_data(&dom.text_below(node), &mut linked_data);
                    }
                }
                _ => {
                    // Microdata on ordinary elements: <time itemprop="datePublished" datetime=..>.
                    // Only the keys looked up below: an articleBody is not copied.
                    let itemprop = element.attr("itemprop").filter(|itemprop| {
                        let key = itemprop.trim().to_ascii_lowercase();
                        [&rules.title_keys, &rules.date_keys, &rules.url_keys, &rules.site_keys]
                            .iter()
                            .any(|keys| keys.contains(&key))
                    });
                    if let Some(itemprop) = itemprop {
                        let value = element.attr("content").or_else(|| element.attr("datetime"));
                        match value {
                            Some(value) => remember(&mut values, itemprop, value),
                            None => remember(&mut values, itemprop, &element_text(dom, node)),
                        }
                    }
                }
            }
        }
        let meta = |keys: &[String]| keys.iter().find_map(|key| values.get(key)).cloned();
        let site = meta(&rules.site_keys).or(linked_data.publisher).and_then(non_empty);
        let article_h1 = dom
            .descendants(container)
            .find(|&node| dom.element(node).is_some_and(|element| element.name() == "h1"))
            .map(|node| element_text(dom, node));
        let title = meta(&rules.title_keys)
            .map(|title| clean_text(&title))
            .or(linked_data.headline.map(|headline| clean_text(&headline)))
            .and_then(non_empty)
            .or_else(|| article_h1.and_then(non_empty))
            .or_else(|| first_h1.and_then(non_empty))
            .or_else(|| {
                title_element
                    .map(|title| without_site_suffix(&title, site.as_deref()))
                    .and_then(non_empty)
            });
        let date = rules
            .date_keys
            .iter()
            .filter_map(|key| values.get(key))
            .chain(linked_data.date_published.as_ref())
            .find_map(|value| parse_publication_date(value))
            .or_else(|| time_element_date(dom, container).or_else(|| time_element_date(dom, DOCUMENT)));
        let base = fetch_url.and_then(|url| Url::parse(url).ok());
        let url = canonical
            .into_iter()
            .chain(rules.url_keys.iter().filter_map(|key| values.get(key).cloned()))
            .find_map(|candidate| article_address(&candidate, base.as_ref()))
            .or_else(|| base.filter(is_web_address).map(String::from));
        Metadata { title, date, url, site }
    }
}

/// Keeps the first value seen for a (lower-cased) metadata key.
fn remember(values: &mut HashMap<String, String>, key: &str, value: &str) {
    for key in key.split_ascii_whitespace() {
        values
            .entry(key.to_ascii_lowercase())
            .or_insert_with(|| value.trim().to_string());
    }
}

fn non_empty(text: String) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// The text of an element, whitespace collapsed.
fn element_text(dom: &Dom, node: NodeId) -> String {
    clean_text(&dom.text_below(node))
}

/// Date of the page's `<time>`: one marked `pubdate`, else the first with a readable
/// `datetime`.
fn time_element_date(dom: &Dom, scope: NodeId) -> Option<CivilDate> {
    let times: Vec<&Element> = dom
        .descendants(scope)
        .filter_map(|node| dom.element(node))
        .filter(|element| element.name() == "time")
        .collect();
    let datetime = |element: &&Element| element.attr("datetime").and_then(parse_publication_date);
    times
        .iter()
        .filter(|element| element.attr("pubdate").is_some())
        .find_map(datetime)
        .or_else(|| times.iter().find_map(datetime))
}

/// `title` without a trailing " | Site" (or " - Site", " – Site", " — Site").
fn without_site_suffix(title: &str, site: Option<&str>) -> String {
    let title = clean_text(title);
    let Some(site) = site.map(clean_text).filter(|site| !site.is_empty()) else {
        return title;
    };
    for separator in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        let suffix = format!("{separator}{site}");
        if title.len() > suffix.len() && title.to_lowercase().ends_with(&suffix.to_lowercase()) {
            let cut = title.len() - suffix.len();
            if let Some(head) = title.get(..cut) {
                return head.to_string();
            }
        }
    }
    title
}

/// An address given by the page for itself, made absolute; `None` unless it is http(s) and
/// more than a site's home page.
fn article_address(candidate: &str, base: Option<&Url>) -> Option<String> {
    let candidate = candidate.trim();
    let url = match base {
        Some(base) => base.join(candidate).ok()?,
        None => Url::parse(candidate).ok()?,
    };
    let is_home_page = matches!(url.path(), "" | "/") && url.query().is_none();
    (is_web_address(&url) && !is_home_page).then(|| url.to_string())
}

fn is_web_address(url: &Url) -> bool {
    matches!(url.scheme(), "http" | "https") && url.host().is_some()
}

/// Reads the JSON-LD of one `<script>`: objects are searched breadth-first (through arrays and
/// `@graph`) for the first with a `headline` or `datePublished`. Unreadable JSON is ignored.
fn read_linked_data(json: &str, found: &mut LinkedData) {
    if found.headline.is_some() || found.date_published.is_some() {
        return;
    }
    let Ok(value) = serde_json::from_str::<serde_json::Value>(json) else {
        return;
    };
    let mut queue = std::collections::VecDeque::from([&value]);
    while let Some(value) = queue.pop_front() {
        match value {
            serde_json::Value::Array(items) => queue.extend(items),
            serde_json::Value::Object(object) => {
                let text = |key: &str| object.get(key).and_then(serde_json::Value::as_str).map(str::to_string);
                let headline = text("headline");
                let date_published = text("datePublished");
                if headline.is_some() || date_published.is_some() {
                    found.headline = headline;
                    found.date_published = date_published;
                    found.publisher = match object.get("publisher") {
                        Some(serde_json::Value::Object(publisher)) => publisher
                            .get("name")
                            .and_then(serde_json::Value::as_str)
                            .map(str::to_string),
                        Some(serde_json::Value::String(name)) => Some(name.clone()),
                        _ => None,
                    };
                    return;
                }
                queue.extend(object.values().filter(|value| value.is_array() || value.is_object()));
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests;
