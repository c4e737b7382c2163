//! The pipeline: text -> actors -> events -> records, for one document at a time.
//!
//! A [`Coder`] holds only read-only dictionaries, so one instance is shared by every thread.

use kestrel_actors::{
    may_name_actors, resolve_sentence, Actor, ActorKb, Conventions, DocContext, DocInput, ResolveBuffers,
};
use kestrel_dates::Precision;
use kestrel_events::{
    extract, is_verbal, quotation_speaker, CameoCode, CameoTable, Event, Lexicon, Modality, SentenceView,
};
use kestrel_petrarch::discards::{DiscardScope, Discards};
use kestrel_text::{analyze, SentenceSpan, Tag, TextAnalysis, Token};

use crate::input::Document;
use crate::record::{stable_hash, ActorRecord, AttributionRecord, EventRecord, PloverRecord, TriggerRecord};

/// The dictionaries a document is coded with.
#[derive(Clone, Copy)]
pub struct Coder<'a> {
    pub actors: &'a ActorKb,
    pub lexicon: &'a Lexicon,
    pub cameo: &'a CameoTable,
    /// Phrases that drop a sentence or a whole story (sports, entertainment, history).
    pub discards: Option<&'a Discards>,
    /// Whose conventions to code by where kestrel's and PETRARCH's differ.
    pub conventions: Conventions,
}

impl Coder<'static> {
    /// The coder with the dictionaries compiled into the binary.
    pub fn embedded() -> Coder<'static> {
        Coder {
            actors: ActorKb::embedded(),
            lexicon: Lexicon::embedded(),
            cameo: CameoTable::embedded(),
            discards: None,
            conventions: Conventions::Kestrel,
        }
    }
}

impl Coder<'_> {
    /// Code one document: its events in sentence order, then by position.
    pub fn code(&self, doc: &Document) -> Vec<EventRecord> {
        let mut out = Vec::new();
        self.code_each(doc, |r| out.push(r));
        out
    }

    /// Code one document, handing each event over as soon as its sentence is done, so that a
    /// huge document needs no memory for its events.
    pub fn code_each(&self, doc: &Document, emit: impl FnMut(EventRecord)) {
        self.code_in_segments(doc, MAX_SEGMENT, emit);
    }

    /// [`Coder::code_each`] with segments of at most `max_segment` bytes.
    fn code_in_segments(&self, doc: &Document, max_segment: usize, mut emit: impl FnMut(EventRecord)) {
        let text = doc.text.as_str();
        if self.discards.and_then(|d| d.check(text)) == Some(DiscardScope::Story) {
            return;
        }
        // Back-references reach across segments; sentence numbers and spans are the document's.
        let mut ctx = DocContext::default();
        let mut earlier_doers = Vec::new();
        let mut start = 0;
        let mut first_sentence = 0;
        while start < text.len() {
            let segment = Segment::at(text, start, max_segment);
            let coded = self.code_segment(doc, &segment, first_sentence, &mut ctx, &mut earlier_doers, &mut emit);
            first_sentence += coded.sentences;
            start = coded.next_start;
        }
    }

    /// Code the whole sentences of one segment; returns how many it coded and where the next
    /// segment starts.
    fn code_segment(
        &self,
        doc: &Document,
        segment: &Segment,
        first_sentence: usize,
        ctx: &mut DocContext,
        earlier_doers: &mut Vec<Actor>,
        emit: &mut impl FnMut(EventRecord),
    ) -> SegmentCoded {
        let text = segment.text;
        let analysis = analyze(text);
        // A segment that stops short of the document's end may cut its last sentence: that
        // sentence is left to the next segment, which starts with it. A segment of one
        // sentence (a run-on text without stops) is coded whole.
        let (sentences, next_start) = match analysis.sentences.split_last() {
            Some((last, before)) if !segment.reaches_end && !before.is_empty() => {
                (before, segment.offset + last.start as usize)
            }
            _ => (&analysis.sentences[..], segment.offset + text.len()),
        };
        let mentions = self.actors.find_token_mentions(text, &analysis);
        let input = DocInput {
            kb: self.actors,
            text,
            analysis: &analysis,
            mentions: &mentions,
            date: doc.date,
            conventions: self.conventions,
        };
        let mut quotation = OpenQuotation::default();
        let mut buffers = ResolveBuffers::default();
        let mut record_each = |held: Vec<(usize, &str, Event)>| {
            for (index, sentence_text, event) in held {
                let event = shifted(event, segment.offset);
                if let Some(r) = self.record(doc, first_sentence + index, sentence_text, event) {
                    emit(r);
                }
            }
        };
        for (index, sentence) in sentences.iter().enumerate() {
            let whole = text
                .get(sentence.start as usize..sentence.end as usize)
                .unwrap_or_default();
            if self.discards.is_some_and(|d| d.check(whole).is_some()) {
                continue;
            }
            for window in windows(&analysis, sentence) {
                // The text of the window: the whole sentence, except in run-on text.
                let sentence_text = text.get(window.start as usize..window.end as usize).unwrap_or_default();
                let tokens = &analysis.tokens[window.tokens.start as usize..window.tokens.end as usize];
                let closes = quotation.read(text, tokens);
                if !may_name_actors(&input, &window, ctx) {
                    if closes || quotation.is_long() {
                        record_each(quotation.claim(None));
                    }
                    continue;
                }
                let phrases = resolve_sentence(&input, &window, ctx, &mut buffers);
                let range = window.body_start as usize..window.tokens.end as usize;
                let view = SentenceView::new(text, &analysis, range, phrases).with_earlier_doers(earlier_doers);
                let events = extract(&view, self.lexicon, doc.date, self.conventions);
                let speaker = closes.then(|| quotation_speaker(&view)).flatten();
                // The doers of the last sentence's first deed (its main clause's, in news) stand
                // for a later "the attack", "the launches".
                if let Some(first) = events.iter().find(|e| !is_verbal(&e.code) && e.modality.is_factual()) {
                    earlier_doers.clear();
                    for e in events.iter().filter(|e| e.trigger == first.trigger) {
                        if !earlier_doers.iter().any(|a| a.code == e.source.code) {
                            earlier_doers.push(e.source.clone());
                        }
                    }
                }
                if closes || quotation.is_long() {
                    record_each(quotation.claim(speaker.as_ref()));
                }
                let coded = events.into_iter().map(|e| (index, sentence_text, e)).collect();
                if quotation.open {
                    quotation.held.extend(coded);
                } else {
                    record_each(coded);
                }
            }
        }
        record_each(quotation.claim(None));
        SegmentCoded {
            sentences: sentences.len(),
            next_start,
        }
    }

    fn record(&self, doc: &Document, sentence: usize, sentence_text: &str, e: Event) -> Option<EventRecord> {
        // Imported dictionaries may use codes outside CAMEO (PETRARCH's validation set has
        // WEIS codes): such events keep their code, with QuadClass 0 and no Goldstein value.
        let unknown;
        let cameo = match self.cameo.get(&e.code) {
            Some(c) => c,
            None => {
                unknown = CameoCode {
                    code: e.code.clone(),
                    name: String::new(),
                    goldstein: 0.0,
                    quad_class: 0,
                    plover: None,
                };
                &unknown
            }
        };
        // "The chief executive says women ...": with no country or organisation on either side
        // an event tells an analyst nothing about who acted.
        // PETRARCH codes them anyway, as an agent of no known country ("---GOV").
        let placed = |a: &Actor| a.code.country().is_some() || a.code.is_group();
        if self.conventions == Conventions::Kestrel
            && !placed(&e.source)
            && e.target.as_ref().is_none_or(|t| !placed(t))
        {
            return None;
        }
        // An intention or a consultation needs a counterpart: "speaking at a briefing" is not
        // a meeting, and "plans to launch a satellite" is no intent towards anyone.
        if e.target.is_none() && matches!(cameo.root(), "03" | "04") {
            return None;
        }
        let source = actor_record(&doc.text, &e.source);
        let target = e.target.as_ref().map(|t| actor_record(&doc.text, t));
        let event_id = format!(
            "{:016x}",
            stable_hash(&[
                doc.id.as_bytes(),
                &sentence.to_le_bytes(),
                &e.trigger.0.to_le_bytes(),
                e.code.as_bytes(),
                source.code.as_bytes(),
                target.as_ref().map_or(&b""[..], |t| t.code.as_bytes()),
            ])
        );
        Some(EventRecord {
            doc_id: doc.id.clone(),
            sentence,
            event_id,
            root: cameo.root().to_string(),
            quad_class: cameo.quad_class,
            goldstein: cameo.goldstein,
            plover: cameo.plover.as_ref().map(|p| PloverRecord {
                event: p.event.clone(),
                mode: p.mode.clone(),
                context: p.context.clone(),
            }),
            code: e.code,
            source,
            target,
            trigger: TriggerRecord {
                text: slice(&doc.text, e.trigger),
                span: [e.trigger.0, e.trigger.1],
            },
            attribution: e.attribution.as_ref().map(|a| AttributionRecord {
                text: slice(&doc.text, a.span),
                code: a.code.to_string(),
                span: [a.span.0, a.span.1],
            }),
            modality: e.modality.as_str().to_string(),
            date: e.date.map(|d| d.to_string()),
            date_precision: e.date.map(|d| {
                match d.precision() {
                    Precision::Day => "day",
                    Precision::Month => "month",
                    Precision::Year => "year",
                }
                .to_string()
            }),
            sentence_text: sentence_text.to_string(),
            confidence: e.confidence,
        })
    }
}

/// A quotation running over several sentences ("\"Russia attacked Kyiv overnight. We will
/// respond,\" Zelenskiy said."): the events of its sentences wait for the one that closes it,
/// whose speaker claims them. A quotation is followed within one segment.
#[derive(Default)]
struct OpenQuotation<'t> {
    /// A quotation opened and not yet closed.
    open: bool,
    /// The events of the sentences inside it: sentence index, sentence text, event.
    held: Vec<(usize, &'t str, Event)>,
    /// How many sentences it has run over.
    sentences: usize,
}

/// The most sentences a quotation is followed over: a mark left unclosed by mistake must not
/// hand the rest of a story to the next speaker.
const MAX_QUOTED_SENTENCES: usize = 6;

impl<'t> OpenQuotation<'t> {
    /// Reads the double quotation marks of a sentence's `tokens`; whether one closes a
    /// quotation opened in an earlier sentence. (Single marks are apostrophes as often as
    /// quotations, and nest inside double ones.) A paragraph continuing a quotation opens
    /// again without having closed it.
    fn read(&mut self, text: &str, tokens: &[Token]) -> bool {
        let was_open = self.open;
        let mut closed = false;
        for t in tokens.iter().filter(|t| t.tag == Tag::Quote) {
            if !matches!(t.text(text), "\"" | "\u{201c}" | "\u{201d}") {
                continue;
            }
            closed |= !t.opening;
            self.open = t.opening;
        }
        self.sentences += usize::from(self.open);
        was_open && closed
    }

    fn is_long(&self) -> bool {
        self.sentences >= MAX_QUOTED_SENTENCES
    }

    /// The events held, the claims among them (asserted or hedged, with no speaker of their
    /// own) now reported by `speaker`; the quotation is over.
    fn claim(&mut self, speaker: Option<&Actor>) -> Vec<(usize, &'t str, Event)> {
        self.open = false;
        self.sentences = 0;
        let mut held = std::mem::take(&mut self.held);
        if let Some(speaker) = speaker {
            for (_, _, e) in &mut held {
                if e.attribution.is_none() && matches!(e.modality, Modality::Asserted | Modality::Hedged) {
                    e.attribution = Some(speaker.clone());
                    e.modality = Modality::Reported;
                }
            }
        }
        held
    }
}

/// Longest stretch of a document analysed at once, in bytes. News articles are far shorter
/// and are one segment; a huge document (a book, a dump on one line) is coded segment by
/// segment, so that the memory it needs is bounded by this size rather than its own.
const MAX_SEGMENT: usize = 1 << 20;

/// A stretch of a document analysed at once, cut at a character boundary.
struct Segment<'t> {
    text: &'t str,
    /// Byte offset of `text` in the document.
    offset: usize,
    /// Whether the segment runs to the end of the document.
    reaches_end: bool,
}

impl<'t> Segment<'t> {
    /// The segment of `document` that starts at `offset` (a character boundary) and is at
    /// most `max_len` bytes long, but at least one character.
    fn at(document: &'t str, offset: usize, max_len: usize) -> Segment<'t> {
        let mut end = (offset + max_len).min(document.len());
        while !document.is_char_boundary(end) {
            end -= 1;
        }
        if end <= offset {
            end = document
                .get(offset..)
                .and_then(|rest| rest.chars().next())
                .map_or(document.len(), |ch| offset + ch.len_utf8());
        }
        Segment {
            text: document.get(offset..end).unwrap_or_default(),
            offset,
            reaches_end: end == document.len(),
        }
    }
}

/// What coding a segment did: how many sentences it coded and where the next one starts.
struct SegmentCoded {
    sentences: usize,
    next_start: usize,
}

/// Longest stretch of tokens coded at once. News sentences stay far below it; run-on text
/// (tables, lists, a document without stops) is cut into windows at punctuation so that
/// coding time stays linear in the input.
const MAX_WINDOW: usize = 160;

/// The windows of a sentence, produced one at a time (no list per sentence).
fn windows<'s>(analysis: &'s TextAnalysis, sentence: &'s SentenceSpan) -> impl Iterator<Item = SentenceSpan> + 's {
    let (start, end) = (sentence.body_start as usize, sentence.tokens.end as usize);
    let whole = (end - start <= MAX_WINDOW).then(|| sentence.clone());
    let tokens = &analysis.tokens;
    // A short sentence is its own single window; a long one is cut from `from` on.
    let mut from = if whole.is_some() { end } else { start };
    let cuts = std::iter::from_fn(move || {
        if from >= end {
            return None;
        }
        let limit = (from + MAX_WINDOW).min(end);
        let cut = if limit == end {
            end
        } else {
            (from + MAX_WINDOW / 2..limit)
                .rev()
                .find(|&i| matches!(tokens[i].tag, Tag::Comma | Tag::Colon | Tag::Period))
                .map_or(limit, |i| i + 1)
        };
        let window = SentenceSpan {
            start: tokens[from].start,
            end: tokens[cut - 1].end,
            tokens: from as u32..cut as u32,
            body_start: from as u32,
        };
        from = cut;
        Some(window)
    });
    whole.into_iter().chain(cuts)
}

/// An event of a segment with its spans moved to the document's offsets.
fn shifted(mut event: Event, offset: usize) -> Event {
    let shift = |span: &mut (usize, usize)| {
        span.0 += offset;
        span.1 += offset;
    };
    shift(&mut event.trigger);
    shift(&mut event.source.span);
    if let Some(target) = &mut event.target {
        shift(&mut target.span);
    }
    if let Some(attribution) = &mut event.attribution {
        shift(&mut attribution.span);
    }
    event
}

fn slice(text: &str, span: (usize, usize)) -> String {
    text.get(span.0..span.1).unwrap_or_default().to_string()
}

fn actor_record(text: &str, a: &Actor) -> ActorRecord {
    ActorRecord {
        text: slice(text, a.span),
        code: a.code.to_string(),
        country: a.code.country().map(str::to_string),
        sectors: a.code.sectors().map(|s| s.as_str().to_string()).collect(),
        name: a.name.clone(),
        span: [a.span.0, a.span.1],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(text: &str) -> Document {
        Document {
            id: "segments".to_string(),
            date: kestrel_dates::CivilDate::parse("2024-03-06"),
            text: text.to_string(),
            title: None,
            url: None,
            source: None,
        }
    }

    #[test]
    fn a_document_coded_in_segments_gives_the_events_of_one_piece() {
        let text = "Russian Defence Minister Sergei Shoigu visited Pyongyang on Wednesday. \
                    He met North Korean leader Kim Jong Un.\n\n\
                    The United States imposed sanctions on three entities on Thursday. \
                    Washington accused Moscow of buying artillery shells from North Korea. \
                    Über-long “quotes” — Ukraine’s army shelled Russian positions near Kharkiv. \
                    Israel struck Hamas targets in Gaza, the army said.";
        let coder = Coder::embedded();
        let doc = document(text);
        let whole = coder.code(&doc);
        assert!(whole.len() >= 6, "{whole:#?}");
        assert!(whole.iter().any(|r| r.sentence == 5), "{whole:#?}");
        // Segments shorter than a sentence (which is then cut), longer than the longest
        // sentence (84 bytes), and cut inside multi-byte characters.
        for max_segment in [1, 40, 75, 101, 150, 333] {
            let mut segmented = Vec::new();
            coder.code_in_segments(&doc, max_segment, |r| segmented.push(r));
            if max_segment > 84 {
                assert_eq!(segmented, whole, "segments of {max_segment} bytes");
            }
            for r in &segmented {
                assert_eq!(
                    &text[r.trigger.span[0]..r.trigger.span[1]],
                    r.trigger.text,
                    "{max_segment}"
                );
                assert!(r.sentence_text.contains(&r.trigger.text), "{max_segment}: {r:?}");
            }
        }
    }

    /// The sentence, modality and attribution of each event of `text`.
    fn claims(text: &str) -> Vec<(usize, String, Option<String>)> {
        Coder::embedded()
            .code(&document(text))
            .into_iter()
            .map(|r| (r.sentence, r.modality, r.attribution.map(|a| a.code)))
            .collect()
    }

    #[test]
    fn a_quotation_over_several_sentences_is_its_speakers_claim() {
        let reported = |sentence| (sentence, "reported".to_string(), Some("UKRGOV".to_string()));
        // Closed in the next sentence, and continued in a new paragraph that opens again.
        assert_eq!(
            claims("\"Russia attacked Kyiv overnight. We will respond,\" Zelenskiy said."),
            [reported(0)]
        );
        assert_eq!(
            claims("\"Russia attacked Kyiv overnight.\n\n\"We will respond,\" Zelenskiy said."),
            [reported(0)]
        );
        // Never closed, or closed only after more sentences than a quotation runs over: the
        // writer's own.
        let asserted = |sentence| (sentence, "asserted".to_string(), None);
        assert_eq!(
            claims("\"Russia attacked Kyiv overnight. We will respond."),
            [asserted(0)]
        );
        let long = format!(
            "\"Russia attacked Kyiv overnight. {}We will respond,\" Zelenskiy said.",
            "The night was long. ".repeat(MAX_QUOTED_SENTENCES)
        );
        assert_eq!(claims(&long), [asserted(0)]);
    }

    /// The code and date of each event of `text`, published 2024-03-06.
    fn dates(text: &str) -> Vec<(String, Option<String>)> {
        Coder::embedded()
            .code(&document(text))
            .into_iter()
            .map(|r| (r.code, r.date))
            .collect()
    }

    #[test]
    fn a_date_bounding_a_period_is_not_the_events_date() {
        assert_eq!(
            dates("Blinken visited Israel on his fifth trip to the region since October."),
            [("042".to_string(), None)]
        );
        assert_eq!(
            dates("Biden met Xi before Tuesday's vote."),
            [("040".to_string(), None)]
        );
        assert_eq!(
            dates("Biden met Xi on Tuesday."),
            [("040".to_string(), Some("2024-03-05".to_string()))]
        );
    }

    /// The code, source and target codes of each event of `text`, published 2024-03-06.
    fn dyads(text: &str) -> Vec<(String, String, Option<String>)> {
        Coder::embedded()
            .code(&document(text))
            .into_iter()
            .map(|r| (r.code, r.source.code, r.target.map(|t| t.code)))
            .collect()
    }

    #[test]
    fn a_deed_named_by_its_noun_alone_is_the_last_one_told() {
        let dyad =
            |code: &str, source: &str, target: Option<&str>| (code.into(), source.into(), target.map(Into::into));
        assert_eq!(
            dyads("North Korea fired two ballistic missiles. Japan condemned the launches."),
            [dyad("150", "PRK", None), dyad("111", "JPN", Some("PRK"))]
        );
        // One's own deed is not whom one's judgement is aimed at.
        assert_eq!(
            dyads("Japan test-fired two ballistic missiles. Japan condemned the launches."),
            [dyad("150", "JPN", None), dyad("111", "JPN", None)]
        );
    }

    #[test]
    fn a_thing_in_a_capital_is_in_its_country_not_the_governments() {
        let dyad = |code: &str, source: &str, target: &str| (code.into(), source.into(), Some(target.into()));
        assert_eq!(
            dyads("Bangladeshi police dispersed a sit-in in Dhaka."),
            [dyad("175", "BGDCOP", "BGD")]
        );
        // A protest at a policy is still aimed at the government, wherever it is held.
        assert_eq!(
            dyads("French workers protested against the pension reform in Paris."),
            [dyad("141", "FRALAB", "FRAGOV")]
        );
        // What a capital's government does or is given is the government's.
        assert_eq!(
            dyads("Russia accused Kyiv of shelling the plant."),
            [dyad("1123", "RUS", "UKRGOV")]
        );
    }

    #[test]
    fn a_month_named_without_a_year_is_past_unless_the_event_is_still_to_come() {
        assert_eq!(
            dates("Putin will visit North Korea in June, the Kremlin said."),
            [("036".to_string(), None)]
        );
        assert_eq!(
            dates("Putin visited North Korea in June, the Kremlin said."),
            [("042".to_string(), Some("2023-06".to_string()))]
        );
    }
}
