//! Main-text extraction on news pages written by the team (tests/data/*.html): every article
//! paragraph is kept, in order, and none of the page furniture around it.

use kestrel_dates::CivilDate;
use kestrel_sources::{extract_html, Article};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn extract(name: &str, url: Option<&str>) -> Article {
    extract_html(&fixture(name), url).unwrap_or_else(|error| panic!("{name}: {error}"))
}

/// Asserts that `text` has every paragraph, in this order, and none of the boilerplate.
fn assert_text(text: &str, paragraphs: &[&str], boilerplate: &[&str]) {
    let mut from = 0;
    for paragraph in paragraphs {
        match text[from..].find(paragraph) {
            Some(offset) => from += offset + paragraph.len(),
            None => panic!("missing or out of order: {paragraph:?}\n--- text ---\n{text}"),
        }
    }
    for furniture in boilerplate {
        assert!(
            !text.contains(furniture),
            "boilerplate kept: {furniture:?}\n--- text ---\n{text}"
        );
    }
}

#[test]
fn meridian_herald_article_without_nav_ads_share_comments_or_footer() {
    let article = extract("meridian-herald.html", None);
    let paragraphs = [
        "Ukraine and Russia exchanged 190 prisoners of war on Tuesday in a swap brokered by the United Arab Emirates, the largest such exchange since the autumn.",
        "Ukraine’s coordination headquarters for prisoners said 95 Ukrainian soldiers had returned home",
        "“Every one of them is home thanks to patient work behind closed doors,” the Ukrainian president wrote",
        "The Russian defence ministry said its soldiers would be flown to Moscow for medical checks.",
        "Talks on further exchanges",
        "It was the sixth swap the Gulf state has helped to arrange since the start of the year.",
    ];
    let boilerplate = [
        "We use cookies",
        "Skip to main content",
        "World",
        "Search the Herald",
        "Advertisement",
        "Save 40%",
        "Olena Marsh",
        "Share",
        "Photograph",
        "Related",
        "Black Sea grain corridor",
        "Read more",
        "quiet mediators",
        "Morning Briefing",
        "inbox",
        "Comments",
        "quiet diplomacy still works",
        "Most read",
        "Central bank",
        "Doctors stunned",
        "All rights reserved",
        "dataLayer",
        "position: fixed",
    ];
    assert_text(&article.text, &paragraphs, &boilerplate);
    assert_eq!(article.text.split("\n\n").count(), paragraphs.len(), "{}", article.text);
    assert_eq!(
        article.title.as_deref(),
        Some("Ukraine and Russia swap 190 prisoners after Emirati mediation")
    );
    assert_eq!(article.date, CivilDate::parse("2024-03-05"));
    assert_eq!(
        article.url.as_deref(),
        Some("https://www.meridian-herald.example/world/europe/2024/03/05/prisoner-swap")
    );
    assert_eq!(article.site.as_deref(), Some("The Meridian Herald"));
}

#[test]
fn harbour_times_div_layout_with_json_ld_metadata() {
    let article = extract("harbour-times.html", None);
    let paragraphs = [
        "South Korea condemned North Korea on Wednesday for launching a ballistic missile",
        "outside Japan's exclusive economic zone.",
        "Japan’s government said it had lodged a protest through diplomatic channels in Beijing.",
        "\"This was a message aimed at the summit next month,\" said a researcher at a state-funded institute.",
        "The United States urged North Korea to return to talks without preconditions",
    ];
    let boilerplate = [
        "Home",
        "Log in",
        "Updated",
        "min read",
        "Facebook",
        "Copy link",
        "Story continues below advertisement",
        "China finally decides",
        "Another week, another missile",
        "Trending",
        "Exporters brace",
        "Advertising",
        "Terms",
    ];
    assert_text(&article.text, &paragraphs, &boilerplate);
    assert_eq!(article.text.split("\n\n").count(), paragraphs.len(), "{}", article.text);
    assert_eq!(
        article.title.as_deref(),
        Some("Seoul condemns North Korean missile launch, calls for UN meeting")
    );
    assert_eq!(
        article.date,
        CivilDate::parse("2023-11-21"),
        "the day as written, not UTC"
    );
    assert_eq!(article.site.as_deref(), Some("Harbour Times"));
    assert_eq!(article.url, None, "no canonical link and no fetch address");
}

#[test]
fn sahel_dispatch_microdata_body_inside_sidebar_classed_wrappers() {
    let article = extract(
        "sahel-dispatch.html",
        Some("https://saheldispatch.example/news/2022/01/31/mali-expels-ambassador?ref=rss"),
    );
    let paragraphs = [
        "Mali’s transitional government ordered the French ambassador to leave the country within 72 hours on Monday, after Paris criticised the military authorities as illegitimate.",
        "«hostile and outrageous»",
        "its training mission in Mali & would not abandon the region.",
        "Residents of Ségou and Kidal told reporters the news was greeted calmly.",
        "“We want peace and work,” she said.",
    ];
    let boilerplate = [
        "Front page",
        "Subscribe",
        "Published",
        "Share this",
        "Twitter",
        "Related",
        "ECOWAS",
        "thoughts on this story",
        "only understands firmness",
        "Leave a Reply",
        "Recent Posts",
        "Niger closes",
        "Proudly powered",
        "\u{a0}",
    ];
    assert_text(&article.text, &paragraphs, &boilerplate);
    assert_eq!(article.text.split("\n\n").count(), 4, "{}", article.text);
    assert_eq!(
        article.title.as_deref(),
        Some("Mali junta gives French ambassador 72 hours to leave")
    );
    assert_eq!(article.date, CivilDate::parse("2022-01-31"));
    assert_eq!(
        article.url.as_deref(),
        Some("https://saheldispatch.example/news/2022/01/31/mali-expels-ambassador"),
        "the relative canonical link, resolved against the fetch address"
    );
    assert_eq!(article.site.as_deref(), Some("Sahel Dispatch"));
}

#[test]
fn a_video_page_with_only_furniture_has_no_article_text() {
    let error = extract_html(&fixture("video-no-text.html"), None).unwrap_err();
    assert!(error.contains("no article text"), "{error}");
}
