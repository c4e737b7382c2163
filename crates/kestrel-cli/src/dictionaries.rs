//! The `--petrarch-*` flags shared by `kestrel code` and `kestrel eval`.

use std::path::PathBuf;

use kestrel::dictionaries::{Dictionaries, DictionaryFiles, UnreadableFile};

#[derive(clap::Args, Clone, Default)]
pub struct DictionaryArgs {
    /// PETRARCH verb dictionary (e.g. CAMEO.2.0.txt); repeatable.
    #[arg(long = "petrarch-verbs", value_name = "FILE")]
    verbs: Vec<PathBuf>,
    /// PETRARCH actor dictionary (e.g. Phoenix.Countries.actors.txt); repeatable.
    #[arg(long = "petrarch-actors", value_name = "FILE")]
    actors: Vec<PathBuf>,
    /// PETRARCH agent dictionary (e.g. Phoenix.agents.txt); repeatable.
    #[arg(long = "petrarch-agents", value_name = "FILE")]
    agents: Vec<PathBuf>,
    /// PETRARCH discard list (e.g. Phoenix.discards.txt); repeatable.
    #[arg(long = "petrarch-discards", value_name = "FILE")]
    discards: Vec<PathBuf>,
    /// Code with the imported dictionaries only, not kestrel's own.
    #[arg(long)]
    only_imported: bool,
}

impl DictionaryArgs {
    /// The imported dictionaries, or `None` when no file is named. Malformed lines and the
    /// constructs kestrel does not use are reported on stderr, once each.
    pub fn load(&self) -> Result<Option<Dictionaries>, UnreadableFile> {
        let files = DictionaryFiles {
            verbs: self.verbs.clone(),
            actors: self.actors.clone(),
            agents: self.agents.clone(),
            discards: self.discards.clone(),
            only_imported: self.only_imported,
        };
        if files.is_empty() {
            if self.only_imported {
                eprintln!(
                    "kestrel: warning: --only-imported without any --petrarch-* file; using kestrel's own dictionaries"
                );
            }
            return Ok(None);
        }
        let dicts = Dictionaries::load(&files)?;
        for d in &dicts.diagnostics {
            eprintln!("kestrel: warning: {d}");
        }
        for (what, n) in &dicts.report.unsupported {
            eprintln!("kestrel: note: {n} {what} read but not used");
        }
        let r = &dicts.report;
        eprintln!(
            "kestrel: imported {} actors, {} dated actors, {} agents, {} verbs, {} patterns in {:.0} ms",
            r.actors,
            r.people,
            r.agents,
            r.verbs,
            r.patterns,
            dicts.load_time.as_secs_f64() * 1000.0
        );
        Ok(Some(dicts))
    }
}
