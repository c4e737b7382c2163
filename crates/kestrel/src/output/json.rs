//! An event record as one line of compact JSON, byte for byte what `serde_json::to_writer`
//! makes of it (the tests check), for about a fifth of the instructions: serde_json writes
//! every key, and every string value, through its byte-at-a-time escaping loop, while here the
//! keys are constants and a string with nothing to escape (nearly all of them, including the
//! long `sentence_text`) is copied whole. Numbers, and the rare strings that need escaping, are
//! still written by serde_json itself.

use std::io;

use serde::Serialize;

use crate::record::{ActorRecord, AttributionRecord, EventRecord, PloverRecord, TriggerRecord};

/// Appends `record` to `out` as compact JSON, its fields in declaration order.
pub(super) fn write_event(out: &mut Vec<u8>, record: &EventRecord) -> io::Result<()> {
    let mut object = Object::open(out);
    string(object.key("doc_id"), &record.doc_id)?;
    serde_value(object.key("sentence"), &record.sentence)?;
    string(object.key("event_id"), &record.event_id)?;
    string(object.key("code"), &record.code)?;
    string(object.key("root"), &record.root)?;
    serde_value(object.key("quad_class"), &record.quad_class)?;
    serde_value(object.key("goldstein"), &record.goldstein)?;
    optional(object.key("plover"), record.plover.as_ref(), plover)?;
    actor(object.key("source"), &record.source)?;
    optional(object.key("target"), record.target.as_ref(), actor)?;
    trigger(object.key("trigger"), &record.trigger)?;
    optional(object.key("attribution"), record.attribution.as_ref(), attribution)?;
    string(object.key("modality"), &record.modality)?;
    optional(object.key("date"), record.date.as_ref(), string)?;
    optional(object.key("date_precision"), record.date_precision.as_ref(), string)?;
    string(object.key("sentence_text"), &record.sentence_text)?;
    serde_value(object.key("confidence"), &record.confidence)?;
    object.close();
    Ok(())
}

fn plover(out: &mut Vec<u8>, plover: &PloverRecord) -> io::Result<()> {
    let mut object = Object::open(out);
    string(object.key("event"), &plover.event)?;
    optional(object.key("mode"), plover.mode.as_ref(), string)?;
    strings(object.key("context"), &plover.context)?;
    object.close();
    Ok(())
}

fn actor(out: &mut Vec<u8>, actor: &ActorRecord) -> io::Result<()> {
    let mut object = Object::open(out);
    string(object.key("text"), &actor.text)?;
    string(object.key("code"), &actor.code)?;
    optional(object.key("country"), actor.country.as_ref(), string)?;
    strings(object.key("sectors"), &actor.sectors)?;
    optional(object.key("name"), actor.name.as_ref(), string)?;
    serde_value(object.key("span"), &actor.span)?;
    object.close();
    Ok(())
}

fn trigger(out: &mut Vec<u8>, trigger: &TriggerRecord) -> io::Result<()> {
    let mut object = Object::open(out);
    string(object.key("text"), &trigger.text)?;
    serde_value(object.key("span"), &trigger.span)?;
    object.close();
    Ok(())
}

fn attribution(out: &mut Vec<u8>, attribution: &AttributionRecord) -> io::Result<()> {
    let mut object = Object::open(out);
    string(object.key("text"), &attribution.text)?;
    string(object.key("code"), &attribution.code)?;
    serde_value(object.key("span"), &attribution.span)?;
    object.close();
    Ok(())
}

/// A JSON object being written: `{`, then `"key":value` pairs separated by commas, then `}`.
struct Object<'a> {
    out: &'a mut Vec<u8>,
    empty: bool,
}

impl<'a> Object<'a> {
    fn open(out: &'a mut Vec<u8>) -> Object<'a> {
        out.push(b'{');
        Object { out, empty: true }
    }

    /// Writes the next key (a plain identifier: nothing to escape) and returns the buffer for
    /// its value. Inlined, so that the copy of the constant name is a few moves, not a call.
    #[inline]
    fn key(&mut self, name: &str) -> &mut Vec<u8> {
        if !self.empty {
            self.out.push(b',');
        }
        self.empty = false;
        self.out.push(b'"');
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(b"\":");
        self.out
    }

    fn close(self) {
        self.out.push(b'}');
    }
}

/// A JSON string: copied between quotes when no byte needs escaping, else escaped by serde_json.
fn string(out: &mut Vec<u8>, text: &String) -> io::Result<()> {
    // serde_json escapes exactly the control characters, '"' and '\'. The fold has no early
    // exit, so the compiler checks many bytes per instruction; the strings are short.
    let needs_escape = text.bytes().fold(false, |found, byte| {
        found | (byte < 0x20) | (byte == b'"') | (byte == b'\\')
    });
    if needs_escape {
        return serde_value(out, text);
    }
    out.push(b'"');
    out.extend_from_slice(text.as_bytes());
    out.push(b'"');
    Ok(())
}

fn strings(out: &mut Vec<u8>, texts: &[String]) -> io::Result<()> {
    out.push(b'[');
    for (index, text) in texts.iter().enumerate() {
        if index > 0 {
            out.push(b',');
        }
        string(out, text)?;
    }
    out.push(b']');
    Ok(())
}

/// `null`, or the value as `write` writes it.
fn optional<T>(out: &mut Vec<u8>, value: Option<&T>, write: fn(&mut Vec<u8>, &T) -> io::Result<()>) -> io::Result<()> {
    match value {
        Some(value) => write(out, value),
        None => {
            out.extend_from_slice(b"null");
            Ok(())
        }
    }
}

/// A value written by serde_json: numbers, spans, strings that need escaping.
fn serde_value<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> io::Result<()> {
    serde_json::to_writer(out, value)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        // Mostly plain text, with the characters that need escaping (and some that do not,
        // like DEL and non-ASCII) often enough to meet every branch.
        prop_oneof!["[ -~]{0,20}", "[a-z\"\\\\\u{0}-\u{1f}\u{7f}é€😀 ]{0,12}", "\\PC{0,8}",]
    }

    fn span() -> impl Strategy<Value = [usize; 2]> {
        (any::<usize>(), 0usize..1000).prop_map(|(start, end)| [start, end])
    }

    fn actor_record() -> impl Strategy<Value = ActorRecord> {
        (
            text(),
            text(),
            proptest::option::of(text()),
            prop::collection::vec(text(), 0..3),
            proptest::option::of(text()),
            span(),
        )
            .prop_map(|(text, code, country, sectors, name, span)| ActorRecord {
                text,
                code,
                country,
                sectors,
                name,
                span,
            })
    }

    fn event_record() -> impl Strategy<Value = EventRecord> {
        let plover = (
            text(),
            proptest::option::of(text()),
            prop::collection::vec(text(), 0..3),
        )
            .prop_map(|(event, mode, context)| PloverRecord { event, mode, context });
        let trigger = (text(), span()).prop_map(|(text, span)| TriggerRecord { text, span });
        let attribution =
            (text(), text(), span()).prop_map(|(text, code, span)| AttributionRecord { text, code, span });
        let head = (
            text(),
            any::<usize>(),
            text(),
            text(),
            text(),
            any::<u8>(),
            any::<f64>(),
        );
        let parts = (
            proptest::option::of(plover),
            actor_record(),
            proptest::option::of(actor_record()),
            trigger,
            proptest::option::of(attribution),
        );
        let tail = (
            text(),
            proptest::option::of(text()),
            proptest::option::of(text()),
            text(),
            any::<f64>(),
        );
        (head, parts, tail).prop_map(
            |(
                (doc_id, sentence, event_id, code, root, quad_class, goldstein),
                (plover, source, target, trigger, attribution),
                (modality, date, date_precision, sentence_text, confidence),
            )| EventRecord {
                doc_id,
                sentence,
                event_id,
                code,
                root,
                quad_class,
                goldstein,
                plover,
                source,
                target,
                trigger,
                attribution,
                modality,
                date,
                date_precision,
                sentence_text,
                confidence,
            },
        )
    }

    proptest! {
        #[test]
        fn matches_serde_json(record in event_record()) {
            let mut written = Vec::new();
            write_event(&mut written, &record).expect("writing to a Vec");
            let expected = serde_json::to_vec(&record).expect("serialising a record");
            prop_assert_eq!(String::from_utf8_lossy(&written), String::from_utf8_lossy(&expected));
        }
    }
}
