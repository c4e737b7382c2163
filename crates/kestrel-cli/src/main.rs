//! The `kestrel` command line: a thin layer over the `kestrel` crate.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod allocator;
mod code;
mod dictionaries;
mod eval;
mod export;
mod ingest;
mod query;
mod serve;
mod stats;
mod timeline;

/// mimalloc (see `allocator` for why, and why not through the `mimalloc` crate).
#[global_allocator]
static ALLOCATOR: allocator::Mimalloc = allocator::Mimalloc;

#[derive(Parser)]
#[command(
    name = "kestrel",
    version,
    about = "English news text in, coded political events out"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code documents and write one event per line to stdout.
    Code(code::CodeArgs),
    /// Score coding against a gold file and list the misses and extras.
    Eval(eval::EvalArgs),
    /// Code documents and store them (idempotent; a killed run can simply be started again).
    Ingest(ingest::IngestArgs),
    /// Print what a store holds as one JSON object.
    Stats(stats::StatsArgs),
    /// List fused events of a store.
    Query(query::QueryArgs),
    /// Per period, a dyad's events by quad class and their Goldstein sum.
    Timeline(timeline::TimelineArgs),
    /// Write a store's fused events to a file: jsonl, csv, gdelt, plover or parquet.
    Export(export::ExportArgs),
    /// Serve the JSON API and the web dashboard over a store.
    Serve(serve::ServeArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Ingest(args) => match ingest::run(args) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::from(1),
            Err(e) => {
                eprintln!("kestrel: error: {e}");
                ExitCode::from(2)
            }
        },
        Command::Stats(args) => exit_on_error(stats::run(args)),
        Command::Query(args) => exit_on_error(query::run(args)),
        Command::Timeline(args) => exit_on_error(timeline::run(args)),
        Command::Export(args) => exit_on_error(export::run(args)),
        Command::Serve(args) => exit_on_error(serve::run(args)),
        Command::Eval(args) => match eval::run(args) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::from(1),
            Err(e) => {
                eprintln!("kestrel: {e}");
                ExitCode::from(2)
            }
        },
        Command::Code(args) => match code::run(args) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::from(1),
            Err(e) => {
                eprintln!("kestrel: {e}");
                ExitCode::from(2)
            }
        },
    }
}

/// Success, or the error on stderr and exit status 2.
fn exit_on_error<E: std::fmt::Display>(result: Result<(), E>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kestrel: error: {e}");
            ExitCode::from(2)
        }
    }
}
