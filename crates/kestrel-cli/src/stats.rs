//! `kestrel stats`: what a store holds, as one JSON object.

use std::path::PathBuf;

use kestrel_store::{Store, StoreError};

#[derive(clap::Args)]
pub struct StatsArgs {
    /// The store.
    #[arg(long, default_value = "kestrel.db")]
    db: PathBuf,
}

pub fn run(args: StatsArgs) -> Result<(), StoreError> {
    let stats = Store::open_existing(&args.db)?.stats()?;
    // Serialising a struct of integers cannot fail.
    println!("{}", serde_json::to_string(&stats).unwrap_or_default());
    Ok(())
}
