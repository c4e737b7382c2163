use super::*;

const LEAD: &str = "The foreign ministers of Egypt and Jordan met in Cairo on Sunday to discuss the \
                    reopening of the border crossing, officials said.";

fn page(head: &str, body: &str) -> String {
    format!("<!doctype html><html><head>{head}</head><body>{body}</body></html>")
}

#[test]
fn paragraphs_are_kept_in_order_and_inline_markup_joined() {
    let html = page(
        "",
        &format!("<article><p>{LEAD}</p><p>They <b>agreed</b> to meet <i>again</i> in <a href='/amman'>Amman</a>.</p></article>"),
    );
    let article = extract_html(&html, None).expect("article");
    assert_eq!(article.text, format!("{LEAD}\n\nThey agreed to meet again in Amman."));
}

#[test]
fn boilerplate_inside_the_article_is_dropped() {
    let html = page(
        "",
        &format!(
            "<article><div class='shareTools'>Share on Chirper and elsewhere today</div><p>{LEAD}</p>\
             <div style='display: none'>Hidden teaser text that nobody sees on the page</div>\
             <p>Advertisement</p><ul><li><a href='/1'>First related story headline</a></li>\
             <li><a href='/2'>Second related story headline</a></li></ul><script>var x = 'code';</script></article>"
        ),
    );
    assert_eq!(extract_html(&html, None).expect("article").text, LEAD);
}

#[test]
fn a_wrapper_with_a_boilerplate_word_keeps_the_article_it_holds() {
    let html = page(
        "",
        &format!("<div class='layout has-sidebar'><main><p>{LEAD}</p></main><div class='sidebar'><p>{LEAD} Sidebar copy.</p></div></div>"),
    );
    assert_eq!(extract_html(&html, None).expect("article").text, LEAD);
}

#[test]
fn pages_without_article_markup_are_scored_by_their_paragraphs() {
    let html = page(
        "",
        &format!(
            "<div id='menu-bar'><a href='/'>Home</a></div><div class='x'><div class='y'><p>{LEAD}</p><p>{LEAD}</p></div>\
             <div class='z'>Short note here.</div></div>"
        ),
    );
    assert_eq!(
        extract_html(&html, None).expect("article").text,
        format!("{LEAD}\n\n{LEAD}")
    );
}

#[test]
fn a_page_without_text_is_an_error() {
    let html = page(
        "<title>Gallery</title>",
        "<nav><a href='/'>Home</a></nav><main><img src='a.jpg'></main>",
    );
    assert_eq!(
        extract_html(&html, None),
        Err("no article text found in the page".to_string())
    );
    assert!(extract_html("", None).is_err());
}

#[test]
fn metadata_comes_from_meta_tags_first() {
    let head = "<title>Old title | Nile Post</title>\
                <meta property='og:title' content='Egypt and Jordan discuss border &amp; trade'>\
                <meta property='og:site_name' content='Nile Post'>\
                <meta property='article:published_time' content='2021-07-04T23:30:00-04:00'>\
                <meta name='date' content='2021-07-09'>\
                <link rel='canonical' href='/world/egypt-jordan'>";
    let html = page(head, &format!("<article><h1>H1 title</h1><p>{LEAD}</p></article>"));
    let article = extract_html(&html, Some("https://nilepost.example/world/egypt-jordan?utm=feed")).expect("article");
    assert_eq!(
        article.title.as_deref(),
        Some("Egypt and Jordan discuss border & trade")
    );
    assert_eq!(article.site.as_deref(), Some("Nile Post"));
    assert_eq!(article.date, CivilDate::parse("2021-07-04"));
    assert_eq!(
        article.url.as_deref(),
        Some("https://nilepost.example/world/egypt-jordan")
    );
}

#[test]
fn title_falls_back_to_h1_then_to_the_title_element_without_the_site_name() {
    let body = format!("<article><p>{LEAD}</p></article>");
    let with_h1 = page("<title>T | Site</title>", &format!("<h1> Headline\n here </h1>{body}"));
    assert_eq!(
        extract_html(&with_h1, None).expect("article").title.as_deref(),
        Some("Headline here")
    );
    let head = "<title>Talks resume | Nile Post</title><meta property='og:site_name' content='Nile Post'>";
    let title_only = page(head, &body);
    assert_eq!(
        extract_html(&title_only, None).expect("article").title.as_deref(),
        Some("Talks resume")
    );
}

#[test]
fn dates_fall_back_to_json_ld_then_time_elements() {
    let body = format!("<article><time datetime='2020-02-02'>2 Feb</time><p>{LEAD}</p></article>");
    let json_ld =
        "<script type='application/ld+json'>[{\"@type\":\"NewsArticle\",\"datePublished\":\"2020-01-15\"}]</script>";
    assert_eq!(
        extract_html(&page(json_ld, &body), None).expect("article").date,
        CivilDate::parse("2020-01-15")
    );
    assert_eq!(
        extract_html(&page("", &body), None).expect("article").date,
        CivilDate::parse("2020-02-02")
    );
    let no_date = page("", &format!("<article><p>{LEAD}</p></article>"));
    assert_eq!(extract_html(&no_date, None).expect("article").date, None);
}

#[test]
fn home_page_canonicals_are_ignored_for_the_fetch_address() {
    let html = page(
        "<link rel='canonical' href='https://nilepost.example/'>",
        &format!("<p>{LEAD}</p>"),
    );
    let article = extract_html(&html, Some("https://nilepost.example/a/1")).expect("article");
    assert_eq!(article.url.as_deref(), Some("https://nilepost.example/a/1"));
    assert_eq!(extract_html(&html, None).expect("article").url, None);
}

#[test]
fn text_is_cleaned_of_invisible_characters_and_kept_in_unicode() {
    let html = page(
        "",
        &format!("<article><p>{LEAD}</p><p>Ségou&nbsp;and Kidal\u{00AD}\u{200B} — “calm”&#8230;</p></article>"),
    );
    let text = extract_html(&html, None).expect("article").text;
    assert!(text.ends_with("Ségou and Kidal — “calm”…"), "{text}");
}

#[test]
fn fragments_and_plain_text_give_their_text() {
    assert_eq!(fragment_text("<p>One &amp; two</p><p>Three</p>"), "One & two\n\nThree");
    assert_eq!(fragment_text("Just words,  spaced."), "Just words, spaced.");
}

#[test]
fn pages_are_decoded_by_bom_header_meta_or_fallback() {
    assert_eq!(decode_page(b"\xEF\xBB\xBFcaf\xC3\xA9", None), "café");
    assert_eq!(decode_page(b"caf\xE9", Some("text/html; charset=ISO-8859-1")), "café");
    assert_eq!(
        decode_page(b"<meta charset=\"windows-1252\">caf\xE9", None),
        "<meta charset=\"windows-1252\">café"
    );
    assert_eq!(decode_page(b"caf\xC3\xA9", None), "café");
    assert_eq!(decode_page(b"caf\xE9 \x93quoted\x94", None), "café “quoted”");
    assert_eq!(decode_page(b"<meta charset=utf-16>ok", None), "<meta charset=utf-16>ok");
}

#[test]
fn deeply_nested_pages_are_read_without_recursion() {
    // 1800 levels: within the limit, deep enough to overflow a small stack if walked recursively.
    let depth = 900;
    let html = format!("{}{LEAD}{}", "<div><span>".repeat(depth), "</span></div>".repeat(depth));
    let result = std::thread::Builder::new()
        .stack_size(128 * 1024)
        .spawn(move || extract_html(&html, None).map(|article| article.text))
        .expect("thread")
        .join()
        .expect("no stack overflow");
    assert_eq!(result, Ok(LEAD.to_string()));
}

#[test]
fn absurdly_deep_markup_is_refused() {
    let html = format!("{}{LEAD}", "<div>".repeat(MAX_NESTING_DEPTH + 1));
    assert!(extract_html(&html, None).unwrap_err().contains("nested more than"));
    let flat = format!("{}{LEAD}", "<p>".repeat(10 * MAX_NESTING_DEPTH));
    assert!(extract_html(&flat, None).is_ok(), "unclosed paragraphs do not nest");
    let balanced = format!(
        "<script>{}</script>{}<p>{LEAD}</p>",
        "'<div>'+".repeat(3 * MAX_NESTING_DEPTH),
        "<div></div>".repeat(3 * MAX_NESTING_DEPTH)
    );
    assert!(
        extract_html(&balanced, None).is_ok(),
        "scripts and closed elements do not count"
    );
}
