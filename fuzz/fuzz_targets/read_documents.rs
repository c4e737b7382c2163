//! Any bytes as JSONL and as PETRARCH XML: the readers report problems, never panic.
#![no_main]

use kestrel::input::{read_documents, InputFormat};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for format in [InputFormat::Jsonl, InputFormat::PetrarchXml, InputFormat::Text] {
        read_documents("fuzz", data, format, None, &mut |_| {});
    }
});
