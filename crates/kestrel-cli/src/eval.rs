//! `kestrel eval`: score coding against a gold file (PETRARCH validation XML or kestrel gold
//! JSON lines).

use std::path::PathBuf;

use kestrel::eval::{evaluate, read_gold, render};
use kestrel::Coder;

use crate::dictionaries::DictionaryArgs;

#[derive(clap::Args)]
pub struct EvalArgs {
    /// Gold file: PETRARCH validation XML or kestrel gold JSONL.
    gold: PathBuf,
    #[command(flatten)]
    dictionaries: DictionaryArgs,
    /// Print the report as one JSON object.
    #[arg(long)]
    json: bool,
}

pub fn run(args: EvalArgs) -> Result<bool, Box<dyn std::error::Error>> {
    let bytes = std::fs::read(&args.gold).map_err(|e| format!("{}: {e}", args.gold.display()))?;
    let name = args.gold.display().to_string();
    let (cases, warnings) = read_gold(&name, &bytes);
    for w in &warnings {
        eprintln!("kestrel: warning: {w}");
    }
    let loaded = args.dictionaries.load()?;
    let coder: Coder = match &loaded {
        Some(d) => d.coder(),
        None => Coder::embedded(),
    };
    let report = evaluate(&coder, &cases);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", render(&report));
    }
    Ok(warnings.is_empty())
}
