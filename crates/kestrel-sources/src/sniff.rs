//! Deciding what an input is: a feed, an HTML page, or documents in one of kestrel's formats.

use kestrel::input::InputFormat;

/// How an input is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum InputKind {
    /// RSS or Atom: every item becomes a document.
    Feed,
    /// A web page: its main text becomes one document.
    Html,
    /// Read by `kestrel::input::read_documents`.
    Documents(InputFormat),
}

/// What the first element of some markup is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Markup {
    /// Root `<rss>`, `<feed>` or `<rdf:RDF>`.
    Feed,
    /// `<!DOCTYPE html>`, `<html>`, or a page without it starting with `<head>`, `<body>`,
    /// `<meta>`, `<div>`, `<p>`... (common HTML elements).
    Html,
    /// Some other XML root element.
    OtherXml,
    /// Not markup.
    None,
}

/// Decides how to read an input from its extension (lower-cased, without the dot), the
/// content type it was served with, and its first bytes.
///
/// The extension decides for `.jsonl`/`.ndjson`, `.txt`, `.rss`/`.atom` and `.html`/`.htm`;
/// otherwise the content is sniffed, so a feed saved as `.xml` or served from `/rss` is read as a
/// feed. Other XML is PETRARCH XML; anything else, text.
pub(crate) fn input_kind(extension: Option<&str>, content_type: Option<&str>, bytes: &[u8]) -> InputKind {
    match extension {
        Some("jsonl" | "ndjson") => return InputKind::Documents(InputFormat::Jsonl),
        Some("txt" | "text") => return InputKind::Documents(InputFormat::Text),
        Some("rss" | "atom") => return InputKind::Feed,
        Some("html" | "htm" | "xhtml") => return InputKind::Html,
        _ => {}
    }
    let content_type = content_type.map(str::to_ascii_lowercase).unwrap_or_default();
    match sniff_markup(bytes) {
        Markup::Feed => InputKind::Feed,
        Markup::Html => InputKind::Html,
        _ if content_type.contains("rss") || content_type.contains("atom") => InputKind::Feed,
        _ if content_type.contains("html") => InputKind::Html,
        Markup::OtherXml => InputKind::Documents(InputFormat::PetrarchXml),
        Markup::None if extension == Some("xml") || content_type.contains("xml") => {
            InputKind::Documents(InputFormat::PetrarchXml)
        }
        Markup::None => InputKind::Documents(InputFormat::Text),
    }
}

/// Looks at the first element of `bytes`, past a byte-order mark, whitespace, the XML
/// declaration, processing instructions, comments and a doctype.
pub(crate) fn sniff_markup(bytes: &[u8]) -> Markup {
    /// Prologs longer than this (huge comments) are not worth reading through.
    const SNIFF_BYTES: usize = 64 * 1024;
    let mut rest = &bytes[..bytes.len().min(SNIFF_BYTES)];
    rest = rest.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(rest);
    loop {
        rest = rest.trim_ascii_start();
        if rest.starts_with(b"<?") {
            rest = after(rest, b"?>");
        } else if rest.starts_with(b"<!--") {
            rest = after(rest, b"-->");
        } else if starts_with_ignore_case(rest, b"<!doctype") {
            let doctype = &rest[..rest.iter().position(|&b| b == b'>').unwrap_or(rest.len())];
            if doctype.windows(4).any(|window| window.eq_ignore_ascii_case(b"html")) {
                return Markup::Html;
            }
            rest = after(rest, b">");
        } else {
            break;
        }
    }
    let Some(tag) = rest.strip_prefix(b"<") else {
        return Markup::None;
    };
    let name_length = tag
        .iter()
        .position(|&b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'))
        .unwrap_or(tag.len());
    let name = tag[..name_length].to_ascii_lowercase();
    let local_name = name.rsplit(|&b| b == b':').next().unwrap_or_default();
    match local_name {
        b"rss" | b"feed" | b"rdf" => Markup::Feed,
        b"html" | b"head" | b"body" | b"meta" | b"title" | b"link" | b"script" | b"style" | b"div" | b"p"
        | b"article" | b"main" | b"section" | b"header" | b"nav" | b"h1" | b"h2" | b"table" | b"span" | b"a" => {
            Markup::Html
        }
        b"" => Markup::None,
        _ if local_name[0].is_ascii_alphabetic() => Markup::OtherXml,
        _ => Markup::None,
    }
}

/// What follows the first `end` in `bytes` (nothing if there is none).
fn after<'a>(bytes: &'a [u8], end: &[u8]) -> &'a [u8] {
    match bytes.windows(end.len()).position(|window| window == end) {
        Some(position) => &bytes[position + end.len()..],
        None => &[],
    }
}

fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_roots_are_recognised_past_prologs() {
        let rss = b"\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- generated -->\n<rss version=\"2.0\"><channel/></rss>";
        assert_eq!(sniff_markup(rss), Markup::Feed);
        assert_eq!(
            sniff_markup(b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Markup::Feed
        );
        assert_eq!(sniff_markup(b"<rdf:RDF xmlns:rdf=\"x\">"), Markup::Feed);
    }

    #[test]
    fn html_and_other_xml_and_text_are_told_apart() {
        assert_eq!(sniff_markup(b"<!DOCTYPE html><title>x</title>"), Markup::Html);
        assert_eq!(sniff_markup(b"  <HTML lang=en>"), Markup::Html);
        assert_eq!(sniff_markup(b"<meta charset=utf-8><p>Text"), Markup::Html);
        assert_eq!(sniff_markup(b"<Sentences><Sentence id=\"1\">"), Markup::OtherXml);
        assert_eq!(sniff_markup(b"Russia said on Monday..."), Markup::None);
        assert_eq!(sniff_markup(b"< 3 apples"), Markup::None);
        assert_eq!(sniff_markup(b"<?xml never closed"), Markup::None);
        assert_eq!(sniff_markup(b""), Markup::None);
    }

    #[test]
    fn extension_then_content_decides() {
        let rss = b"<rss><channel/></rss>";
        assert_eq!(input_kind(Some("xml"), None, rss), InputKind::Feed);
        assert_eq!(
            input_kind(Some("xml"), None, b"<Sentences/>"),
            InputKind::Documents(InputFormat::PetrarchXml)
        );
        assert_eq!(input_kind(Some("rss"), None, b"not xml at all"), InputKind::Feed);
        assert_eq!(
            input_kind(Some("txt"), None, b"<html>"),
            InputKind::Documents(InputFormat::Text)
        );
        assert_eq!(input_kind(None, Some("application/rss+xml"), b"oops"), InputKind::Feed);
        assert_eq!(
            input_kind(None, Some("text/html; charset=utf-8"), b"hello"),
            InputKind::Html
        );
        assert_eq!(
            input_kind(None, None, b"plain words"),
            InputKind::Documents(InputFormat::Text)
        );
        assert_eq!(
            input_kind(Some("jsonl"), None, rss),
            InputKind::Documents(InputFormat::Jsonl)
        );
    }
}
