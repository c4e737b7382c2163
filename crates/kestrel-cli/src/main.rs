//! The `kestrel` command line: a thin layer over the `kestrel` crate.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod code;
mod dictionaries;
mod eval;

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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
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
