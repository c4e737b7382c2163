//! `kestrel export`: write the fused events of a store, filtered like `kestrel query`, as
//! JSON lines, CSV, a GDELT 2.0 event table, PLOVER JSON lines or Parquet.

use std::fmt;
use std::fs::{self, File};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use kestrel_export::{ExportError, ExportFormat, ExportSummary};
use kestrel_store::{Store, StoreError};

use crate::query::FilterArgs;

#[derive(clap::Args)]
pub struct ExportArgs {
    /// The store.
    #[arg(long, default_value = "kestrel.db")]
    db: PathBuf,
    /// Output format: jsonl, csv, gdelt (GDELT 2.0 event table), plover (PLOVER JSON lines) or parquet.
    #[arg(long, value_parser = parse_format)]
    format: ExportFormat,
    #[command(flatten)]
    filters: FilterArgs,
    /// Output file; `-` writes to stdout.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: PathBuf,
}

fn parse_format(name: &str) -> Result<ExportFormat, String> {
    ExportFormat::parse(name).ok_or_else(|| {
        let names: Vec<&str> = ExportFormat::ALL.iter().map(|f| f.name()).collect();
        format!("unknown format {name:?}: expected one of {}", names.join(", "))
    })
}

#[derive(Debug)]
pub enum ExportRunError {
    Store(StoreError),
    /// Writing the output failed; `output` names the file (or stdout).
    Output {
        output: String,
        error: ExportError,
    },
}

impl From<StoreError> for ExportRunError {
    fn from(e: StoreError) -> Self {
        ExportRunError::Store(e)
    }
}

impl fmt::Display for ExportRunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportRunError::Store(e) => e.fmt(f),
            ExportRunError::Output { output, error } => write!(f, "{output}: {error}"),
        }
    }
}

/// Where the events go: stdout, or a file written under a temporary name and renamed into
/// place only when complete, so a failed export never leaves a truncated file behind that
/// looks finished.
enum Destination {
    Stdout,
    File { path: PathBuf, partial: PathBuf },
}

impl Destination {
    fn new(output: &Path) -> Destination {
        if output == Path::new("-") {
            return Destination::Stdout;
        }
        let mut partial = output.as_os_str().to_owned();
        partial.push(".partial");
        Destination::File {
            path: output.to_path_buf(),
            partial: PathBuf::from(partial),
        }
    }

    fn name(&self) -> String {
        match self {
            Destination::Stdout => "stdout".to_string(),
            Destination::File { path, .. } => path.display().to_string(),
        }
    }

    fn open(&self) -> io::Result<Box<dyn Write + Send>> {
        Ok(match self {
            Destination::Stdout => Box::new(BufWriter::new(io::stdout())),
            Destination::File { partial, .. } => Box::new(BufWriter::new(File::create(partial)?)),
        })
    }

    fn commit(&self) -> io::Result<()> {
        match self {
            Destination::Stdout => Ok(()),
            Destination::File { path, partial } => fs::rename(partial, path),
        }
    }

    fn discard(&self) {
        if let Destination::File { partial, .. } = self {
            // Best effort: the error being reported matters more than a leftover file.
            let _ = fs::remove_file(partial);
        }
    }
}

pub fn run(args: ExportArgs) -> Result<(), ExportRunError> {
    let started = Instant::now();
    let store = Store::open_existing(&args.db)?;
    let filter = args.filters.filter();
    let destination = Destination::new(&args.output);
    let output = destination.name();
    let output_error = |error: ExportError| ExportRunError::Output {
        output: output.clone(),
        error,
    };
    let result = destination
        .open()
        .map_err(|e| output_error(ExportError::Io(e)))
        .and_then(|out| args.format.writer(out).map_err(output_error))
        .and_then(|mut writer| {
            store.for_each_event(&filter, |event| writer.write(&event).map_err(output_error))?;
            writer.finish().map_err(output_error)
        })
        .and_then(|summary| {
            destination.commit().map_err(|e| output_error(ExportError::Io(e)))?;
            Ok(summary)
        });
    match result {
        Ok(summary) => {
            report(&summary, args.format, &output, started);
            Ok(())
        }
        // A reader that closed the pipe early (`kestrel export -o - | head`) has what it wanted.
        Err(ExportRunError::Output {
            error: ExportError::Io(e),
            ..
        }) if matches!(destination, Destination::Stdout) && e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => {
            destination.discard();
            Err(e)
        }
    }
}

/// One line on stderr: always when events were left out, else only on a terminal.
fn report(summary: &ExportSummary, format: ExportFormat, output: &str, started: Instant) {
    if summary.skipped > 0 {
        eprintln!(
            "kestrel: {} events have no {format} form and were left out (PLOVER has no category for CAMEO roots 01 and 02)",
            summary.skipped
        );
    }
    if io::stderr().is_terminal() {
        let seconds = started.elapsed().as_secs_f64();
        eprintln!(
            "kestrel: {} events written to {output} ({format}) in {seconds:.1} s",
            summary.written
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_by_name() {
        assert_eq!(parse_format("gdelt"), Ok(ExportFormat::Gdelt));
        assert_eq!(parse_format("Parquet"), Ok(ExportFormat::Parquet));
        let error = parse_format("xlsx").unwrap_err();
        assert!(error.contains("jsonl, csv, gdelt, plover, parquet"), "{error}");
    }

    #[test]
    fn files_are_written_under_a_partial_name_first() {
        match Destination::new(Path::new("out/events.tsv")) {
            Destination::File { path, partial } => {
                assert_eq!(path, Path::new("out/events.tsv"));
                assert_eq!(partial, Path::new("out/events.tsv.partial"));
            }
            Destination::Stdout => panic!("a path is a file"),
        }
        assert!(matches!(Destination::new(Path::new("-")), Destination::Stdout));
    }
}
