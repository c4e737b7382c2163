//! Coding with PETRARCH dictionaries: reading the files a user names, adding them to kestrel's
//! embedded dictionaries (or replacing those), and handing out a [`Coder`] over the result.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use kestrel_actors::{ActorKb, Conventions, KbBuilder};
use kestrel_events::{CameoTable, Lexicon};
use kestrel_petrarch::discards::Discards;
use kestrel_petrarch::import::{add_actors, add_agents, add_verbs, ImportReport};
use kestrel_petrarch::Diagnostic;

use crate::Coder;

/// The dictionary files to import, by kind.
#[derive(Debug, Clone, Default)]
pub struct DictionaryFiles {
    pub verbs: Vec<PathBuf>,
    pub actors: Vec<PathBuf>,
    pub agents: Vec<PathBuf>,
    pub discards: Vec<PathBuf>,
    /// Code with the imported dictionaries alone, not kestrel's own.
    pub only_imported: bool,
}

impl DictionaryFiles {
    pub fn is_empty(&self) -> bool {
        self.verbs.is_empty() && self.actors.is_empty() && self.agents.is_empty() && self.discards.is_empty()
    }
}

/// Dictionaries built from kestrel's defaults and imported files.
pub struct Dictionaries {
    /// PETRARCH's conventions when its dictionaries are coded with alone, else kestrel's.
    pub conventions: Conventions,
    pub actors: ActorKb,
    pub lexicon: Lexicon,
    pub discards: Option<Discards>,
    pub report: ImportReport,
    /// Malformed lines of the imported files, with file and line.
    pub diagnostics: Vec<Diagnostic>,
    /// Wall time spent reading and building.
    pub load_time: Duration,
}

/// A dictionary file that could not be read at all.
#[derive(Debug)]
pub struct UnreadableFile {
    pub path: PathBuf,
    pub error: std::io::Error,
}

impl std::fmt::Display for UnreadableFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.error)
    }
}

impl std::error::Error for UnreadableFile {}

fn read(path: &PathBuf) -> Result<(String, String), UnreadableFile> {
    let bytes = std::fs::read(path).map_err(|error| UnreadableFile {
        path: path.clone(),
        error,
    })?;
    // PETRARCH dictionaries are mostly ASCII but some carry Latin-1 names; keep what can be
    // read rather than refusing the file.
    Ok((path.display().to_string(), String::from_utf8_lossy(&bytes).into_owned()))
}

impl Dictionaries {
    pub fn load(files: &DictionaryFiles) -> Result<Dictionaries, UnreadableFile> {
        let started = Instant::now();
        let mut report = ImportReport::default();
        let mut diagnostics = Vec::new();
        let mut kb = if files.only_imported {
            KbBuilder::default()
        } else {
            KbBuilder::with_defaults()
        };
        let (mut lexicon, _) = if files.only_imported {
            Lexicon::load_grammar_only()
        } else {
            Lexicon::load_defaults()
        };
        for path in &files.actors {
            let (name, text) = read(path)?;
            let (dict, diags) = kestrel_petrarch::actors::read_actors(&name, &text);
            diagnostics.extend(diags);
            add_actors(&mut kb, &dict, &mut report);
        }
        for path in &files.agents {
            let (name, text) = read(path)?;
            let (dict, diags) = kestrel_petrarch::agents::read_agents(&name, &text);
            diagnostics.extend(diags);
            add_agents(&mut kb, &dict, &mut report);
        }
        for path in &files.verbs {
            let (name, text) = read(path)?;
            let (dict, diags) = kestrel_petrarch::verbs::read_verbs(&name, &text);
            diagnostics.extend(diags);
            add_verbs(&mut lexicon, &dict, &mut report);
        }
        let mut discards: Option<Discards> = None;
        for path in &files.discards {
            let (name, text) = read(path)?;
            let (d, diags) = Discards::read(&name, &text);
            diagnostics.extend(diags);
            discards = Some(match discards.take() {
                Some(before) => before.merge(d),
                None => d,
            });
        }
        let (actors, kb_diags) = kb.build();
        diagnostics.extend(kb_diags);
        Ok(Dictionaries {
            conventions: if files.only_imported {
                Conventions::Petrarch
            } else {
                Conventions::Kestrel
            },
            actors,
            lexicon,
            discards,
            report,
            diagnostics,
            load_time: started.elapsed(),
        })
    }

    pub fn coder(&self) -> Coder<'_> {
        Coder {
            actors: &self.actors,
            lexicon: &self.lexicon,
            cameo: CameoTable::embedded(),
            discards: self.discards.as_ref(),
            conventions: self.conventions,
        }
    }
}
