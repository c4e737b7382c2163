//! `kestrel ingest`: read documents from files, directories, feeds and addresses, code them in
//! parallel and store them, one transaction per batch.
//!
//! Three threads: the reader expands the inputs (`kestrel_sources::collect`), this thread codes
//! batches with rayon, and the writer owns the store and commits batches in input order. The
//! reader may run ahead by a bounded amount of text, so that on most inputs the total is known
//! early and the progress bar can show the time left.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use kestrel::input::{Diagnostic, Document, InputFormat};
use kestrel::Coder;
use kestrel_dates::CivilDate;
use kestrel_sources::{collect, SourceOptions};
use kestrel_store::{PreparedDocument, Store, StoreError, DEFAULT_BUSY_TIMEOUT};
use rayon::prelude::*;

use crate::code::{parse_date, report};

#[derive(clap::Args)]
pub struct IngestArgs {
    /// Files, directories (recursively), feeds, http(s) addresses; `-` reads stdin.
    #[arg(required = true)]
    inputs: Vec<String>,
    /// The store (created on first use).
    #[arg(long, default_value = "kestrel.db")]
    db: PathBuf,
    /// Print nothing but errors.
    #[arg(long)]
    quiet: bool,
    /// Publication date (YYYY-MM-DD) for documents that carry none.
    #[arg(long, value_parser = parse_date)]
    date: Option<CivilDate>,
    /// Read every file in this format (text, jsonl, petrarch-xml) instead of guessing.
    #[arg(long, value_parser = parse_input_format)]
    input_format: Option<InputFormat>,
    /// Worker threads for coding (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Documents per transaction: a crash loses at most the batch being written.
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u32).range(1..))]
    batch_size: u32,
    /// Seconds to wait for another process writing to the store before giving up on a batch.
    #[arg(long, default_value_t = 10.0)]
    busy_timeout: f64,
}

fn parse_input_format(s: &str) -> Result<InputFormat, String> {
    s.parse()
}

/// How much document text the reader may hold ahead of the coder. Inputs smaller than this are
/// read at once, so their total is known from the start.
const READ_AHEAD_BYTES: usize = 256 << 20;

/// Returns whether every item was read and stored; `Err` when the store cannot be opened.
pub fn run(args: IngestArgs) -> Result<bool, StoreError> {
    if let Some(n) = args.threads {
        // Only fails if a global pool exists already, which cannot happen here.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global();
    }
    let started = Instant::now();
    let mut store = Store::open(&args.db)?;
    store.set_busy_timeout(Duration::try_from_secs_f64(args.busy_timeout).unwrap_or(DEFAULT_BUSY_TIMEOUT))?;
    let reader = Store::open(&args.db)?;
    let initial = store.stats()?;
    let show_progress = !args.quiet && std::io::stderr().is_terminal();
    let bar = progress_bar(show_progress);

    let budget = Arc::new(ReadAhead::new(READ_AHEAD_BYTES));
    let produced = Arc::new(AtomicUsize::new(0));
    let reading_done = Arc::new(AtomicBool::new(false));
    let (item_tx, item_rx) = mpsc::channel::<Result<Document, Diagnostic>>();
    let options = SourceOptions {
        default_date: args.date,
        input_format: args.input_format,
        ..SourceOptions::default()
    };
    let inputs = args.inputs.clone();
    let reader_thread = {
        let (budget, produced, reading_done) = (budget.clone(), produced.clone(), reading_done.clone());
        thread::spawn(move || {
            collect(&inputs, &options, &mut |item| {
                if let Ok(doc) = &item {
                    budget.take(doc.text.len());
                    produced.fetch_add(1, Ordering::Relaxed);
                }
                // The receiver only goes away when the run is over.
                let _ = item_tx.send(item);
            });
            reading_done.store(true, Ordering::Release);
        })
    };

    let events = Arc::new(AtomicU64::new(initial.events));
    let store_failed = Arc::new(AtomicBool::new(false));
    let (batch_tx, batch_rx) = mpsc::sync_channel::<Vec<PreparedDocument>>(1);
    let writer_thread = {
        let (bar, events, store_failed) = (bar.clone(), events.clone(), store_failed.clone());
        thread::spawn(move || {
            let mut totals = Totals::default();
            for batch in batch_rx {
                if store_failed.load(Ordering::Acquire) {
                    continue;
                }
                match store.ingest_prepared(&batch) {
                    Ok(r) => {
                        totals.add(&r);
                        events.fetch_add(r.new_events as u64, Ordering::Relaxed);
                    }
                    Err(e) => {
                        totals.failed += batch.len();
                        bar.suspend(|| eprintln!("kestrel: error: {e} ({})", batch_items(&batch)));
                        // A store that is not one, or is damaged, will refuse every batch.
                        if matches!(
                            e,
                            StoreError::Corrupt { .. } | StoreError::NotAStore { .. } | StoreError::NewerSchema { .. }
                        ) {
                            store_failed.store(true, Ordering::Release);
                        }
                    }
                }
                bar.inc(batch.len() as u64);
                bar.set_message(format!("{} events", events.load(Ordering::Relaxed)));
            }
            // Planner statistics for the queries that follow; a failure only costs speed.
            let _ = store.optimize();
            totals
        })
    };

    let mut coding = Coding {
        coder: Coder::embedded(),
        reader,
        bar: bar.clone(),
        batch_tx,
        already_stored: 0,
    };
    let batch_size = args.batch_size as usize;
    let mut clean = true;
    let mut pending: Vec<Document> = Vec::with_capacity(batch_size);
    let mut total_shown = false;
    for item in item_rx.iter() {
        match item {
            Ok(doc) => {
                budget.give(doc.text.len());
                pending.push(doc);
                if pending.len() >= batch_size && !coding.send(std::mem::take(&mut pending)) {
                    break;
                }
            }
            Err(d) => clean &= bar.suspend(|| report(&d)),
        }
        if store_failed.load(Ordering::Acquire) {
            break;
        }
        if !total_shown && reading_done.load(Ordering::Acquire) {
            total_shown = true;
            show_total(&bar, produced.load(Ordering::Relaxed));
        }
    }
    if !store_failed.load(Ordering::Acquire) && !pending.is_empty() {
        coding.send(pending);
    }
    let already_stored = coding.already_stored;
    // Closing the channel ends the writer.
    drop(coding);
    let totals = writer_thread.join().unwrap_or_default();
    let store_failed = store_failed.load(Ordering::Acquire);
    // Once the channel is drained the reader has finished; after a store failure it is not
    // waited for (it may still be fetching) and ends with the process.
    if !store_failed {
        let _ = reader_thread.join();
    }
    bar.finish_and_clear();
    if show_progress {
        let new_events = events.load(Ordering::Relaxed).saturating_sub(initial.events);
        print_summary(&totals, already_stored, new_events, started.elapsed());
    }
    Ok(clean && totals.failed == 0 && !store_failed)
}

/// The coding stage: skips documents stored by an earlier run, codes the others in parallel
/// and hands the batch to the writer.
struct Coding {
    coder: Coder<'static>,
    /// A second connection, reading what the writer has committed.
    reader: Store,
    bar: ProgressBar,
    batch_tx: mpsc::SyncSender<Vec<PreparedDocument>>,
    already_stored: usize,
}

impl Coding {
    /// Returns false when the writer has stopped.
    fn send(&mut self, docs: Vec<Document>) -> bool {
        // A document the reader cannot check is coded anyway: the writer checks again.
        let (known, new): (Vec<Document>, Vec<Document>) =
            docs.into_iter().partition(|d| self.reader.contains(d).unwrap_or(false));
        self.already_stored += known.len();
        self.bar.inc(known.len() as u64);
        let coder = self.coder;
        let prepared: Vec<PreparedDocument> = new
            .into_par_iter()
            .map(|d| {
                let records = coder.code(&d);
                PreparedDocument::new(d, records)
            })
            .collect();
        self.batch_tx.send(prepared).is_ok()
    }
}

/// What the writer stored.
#[derive(Default)]
struct Totals {
    documents: usize,
    duplicates: usize,
    sentences: usize,
    mentions: usize,
    failed: usize,
}

impl Totals {
    fn add(&mut self, r: &kestrel_store::IngestReport) {
        self.documents += r.documents;
        self.duplicates += r.duplicates;
        self.sentences += r.sentences;
        self.mentions += r.mentions;
    }
}

/// Names the documents of a batch that was not stored: the first and last ids.
fn batch_items(batch: &[PreparedDocument]) -> String {
    match (batch.first(), batch.last()) {
        (Some(first), Some(last)) if batch.len() > 1 => format!(
            "{} documents not stored, {} .. {}",
            batch.len(),
            first.document().id,
            last.document().id
        ),
        (Some(only), _) => format!("document {} not stored", only.document().id),
        _ => "empty batch".to_string(),
    }
}

fn progress_bar(visible: bool) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
    if visible {
        bar.set_draw_target(ProgressDrawTarget::stderr());
        bar.set_style(style("{spinner} {human_pos} documents  {rate}  {msg}  {elapsed}"));
        bar.set_message("0 events");
        bar.enable_steady_tick(Duration::from_millis(200));
    }
    bar
}

/// Once every input has been read, the bar knows its length and can tell the time left.
fn show_total(bar: &ProgressBar, total: usize) {
    bar.set_length(total as u64);
    bar.set_style(style(
        "{bar:30} {human_pos}/{human_len} documents  {rate}  {msg}  ETA {eta}",
    ));
}

/// A bar style with `{rate}`, documents per second rounded to a whole number.
fn style(template: &str) -> ProgressStyle {
    ProgressStyle::with_template(template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .with_key("rate", |state: &ProgressState, out: &mut dyn std::fmt::Write| {
            let _ = write!(out, "{:.0}/s", state.per_sec());
        })
}

fn print_summary(totals: &Totals, already_stored: usize, new_events: u64, elapsed: Duration) {
    let seconds = elapsed.as_secs_f64().max(1e-9);
    eprintln!(
        "kestrel: {} documents stored ({} already there), {} sentences, {} mentions, {} new events; \
         {:.1} s, {:.0} documents/s, {:.0} sentences/s",
        totals.documents,
        already_stored + totals.duplicates,
        totals.sentences,
        totals.mentions,
        new_events,
        seconds,
        totals.documents as f64 / seconds,
        totals.sentences as f64 / seconds,
    );
}

/// Bounds the text the reader holds ahead of the coder: the reader takes a document's size
/// before handing it over and waits while the budget is spent; the coder gives it back.
struct ReadAhead {
    used: Mutex<usize>,
    freed: Condvar,
    limit: usize,
}

impl ReadAhead {
    fn new(limit: usize) -> ReadAhead {
        ReadAhead {
            used: Mutex::new(0),
            freed: Condvar::new(),
            limit,
        }
    }

    /// Waits until `bytes` fit (a document larger than the limit passes when nothing else is
    /// held).
    fn take(&self, bytes: usize) {
        let mut used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        while *used > 0 && *used + bytes > self.limit {
            used = self.freed.wait(used).unwrap_or_else(|e| e.into_inner());
        }
        *used += bytes;
    }

    fn give(&self, bytes: usize) {
        let mut used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        *used = used.saturating_sub(bytes);
        self.freed.notify_all();
    }
}
