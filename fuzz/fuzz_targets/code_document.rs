//! Any bytes, decoded lossily, through the text stage and the whole coder: no panic, and every
//! reported span inside the document on character boundaries.
#![no_main]

use kestrel::input::Document;
use kestrel::Coder;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let analysis = kestrel_text::analyze(&text);
    for s in &analysis.sentences {
        assert!(s.start <= s.end && (s.end as usize) <= text.len());
    }
    let doc = Document {
        id: "fuzz".into(),
        date: kestrel_dates::CivilDate::new(2023, 8, 30),
        text,
        title: None,
        url: None,
        source: None,
    };
    for e in Coder::embedded().code(&doc) {
        for span in [
            Some(e.trigger.span),
            Some(e.source.span),
            e.target.as_ref().map(|t| t.span),
        ]
        .into_iter()
        .flatten()
        {
            assert!(span[0] <= span[1] && span[1] <= doc.text.len());
            assert!(doc.text.is_char_boundary(span[0]) && doc.text.is_char_boundary(span[1]));
        }
    }
});
