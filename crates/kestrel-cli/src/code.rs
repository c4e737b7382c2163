//! `kestrel code`: read documents, code them in parallel, write one event per line.

use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use kestrel::input::{read_documents, Diagnostic, Document, InputFormat};
use kestrel::output::{OutputFormat, RecordWriter};
use kestrel::Coder;
use kestrel_dates::CivilDate;
use rayon::prelude::*;

use crate::dictionaries::DictionaryArgs;

#[derive(Clone, Copy, ValueEnum)]
enum InputFormatArg {
    Text,
    Jsonl,
    PetrarchXml,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormatArg {
    Jsonl,
    Tsv,
}

#[derive(clap::Args)]
pub struct CodeArgs {
    /// Input files; none or `-` reads stdin.
    inputs: Vec<PathBuf>,
    /// Input format; by default from the extension (.jsonl, .xml, else text).
    #[arg(long, value_enum)]
    input_format: Option<InputFormatArg>,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: OutputFormatArg,
    /// Publication date (YYYY-MM-DD) for documents that carry none.
    #[arg(long, value_parser = parse_date)]
    date: Option<CivilDate>,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    #[command(flatten)]
    dictionaries: DictionaryArgs,
}

pub fn parse_date(s: &str) -> Result<CivilDate, String> {
    CivilDate::parse(s).ok_or_else(|| format!("invalid date {s:?}: expected YYYY-MM-DD"))
}

/// Documents are coded in batches so memory stays bounded on large inputs while every
/// thread has work.
const BATCH: usize = 512;

/// Returns whether every input was read without errors.
pub fn run(args: CodeArgs) -> io::Result<bool> {
    if let Some(n) = args.threads {
        // Only fails if a global pool exists already, which cannot happen here.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global();
    }
    let loaded = args.dictionaries.load().map_err(|e| io::Error::other(e.to_string()))?;
    let coder: Coder = match &loaded {
        Some(d) => d.coder(),
        None => Coder::embedded(),
    };
    let stdout = io::stdout();
    let format = match args.format {
        OutputFormatArg::Jsonl => OutputFormat::Jsonl,
        OutputFormatArg::Tsv => OutputFormat::Tsv,
    };
    let mut writer = RecordWriter::new(BufWriter::new(stdout.lock()), format);
    let inputs = if args.inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.inputs.clone()
    };
    let mut clean = true;
    for path in &inputs {
        let (name, bytes) = match read_input(path) {
            Ok(x) => x,
            Err(e) => {
                eprintln!("kestrel: error: {}: {e}", path.display());
                clean = false;
                continue;
            }
        };
        let format = match args.input_format {
            Some(InputFormatArg::Text) => InputFormat::Text,
            Some(InputFormatArg::Jsonl) => InputFormat::Jsonl,
            Some(InputFormatArg::PetrarchXml) => InputFormat::PetrarchXml,
            None => InputFormat::from_path(path),
        };
        let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
        let mut failed_write: Option<io::Error> = None;
        read_documents(&name, &bytes, format, args.date, &mut |item| match item {
            Ok(doc) => {
                batch.push(doc);
                if batch.len() == BATCH && failed_write.is_none() {
                    if let Err(e) = code_batch(&coder, &mut batch, &mut writer) {
                        failed_write = Some(e);
                    }
                }
            }
            Err(d) => {
                clean &= report(&d);
            }
        });
        if let Some(e) = failed_write {
            return Err(e);
        }
        code_batch(&coder, &mut batch, &mut writer)?;
    }
    writer.flush()?;
    Ok(clean)
}

/// Print a diagnostic; returns false for errors.
pub fn report(d: &Diagnostic) -> bool {
    match d {
        Diagnostic::Warning { item, message } => {
            eprintln!("kestrel: warning: {item}: {message}");
            true
        }
        Diagnostic::Error { item, message } => {
            eprintln!("kestrel: error: {item}: {message}");
            false
        }
    }
}

/// Documents larger than this are coded on their own, streaming their events, so that memory
/// does not grow with the number of events of one huge document.
const LARGE_DOCUMENT: usize = 1 << 20;

/// Code a batch in parallel and write the events in input order.
fn code_batch<W: Write>(coder: &Coder, batch: &mut Vec<Document>, writer: &mut RecordWriter<W>) -> io::Result<()> {
    for run in batch.chunk_by(|a, b| (a.text.len() > LARGE_DOCUMENT) == (b.text.len() > LARGE_DOCUMENT)) {
        if run[0].text.len() > LARGE_DOCUMENT {
            for d in run {
                let mut result = Ok(());
                coder.code_each(d, |r| {
                    if result.is_ok() {
                        result = writer.write(&r);
                    }
                });
                result?;
            }
            continue;
        }
        let coded: Vec<_> = run.par_iter().map(|d| coder.code(d)).collect();
        for records in coded {
            for r in &records {
                writer.write(r)?;
            }
        }
    }
    batch.clear();
    Ok(())
}

pub fn read_input(path: &Path) -> io::Result<(String, Vec<u8>)> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        io::stdin().lock().read_to_end(&mut bytes)?;
        return Ok(("stdin".to_string(), bytes));
    }
    let name = path
        .file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    bytes = std::fs::read(path)?;
    Ok((name, bytes))
}
