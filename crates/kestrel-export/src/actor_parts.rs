//! CAMEO actor codes split the way GDELT and PLOVER columns want them: country, known group,
//! religions and types, using the block kinds of `data/export/cameo-actor-blocks.tsv`.

use std::collections::HashMap;
use std::sync::OnceLock;

use kestrel::ActorRecord;
use kestrel_text::datafile::{data_lines, Diagnostic};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BlockKind {
    Type,
    Religion,
    Region,
}

/// The kinds of CAMEO blocks that do not name an organisation.
#[derive(Debug, Default)]
pub(crate) struct BlockTable {
    kinds: HashMap<String, BlockKind>,
}

const BLOCKS_FILE: &str = "data/export/cameo-actor-blocks.tsv";

impl BlockTable {
    pub fn parse(name: &str, text: &str) -> (BlockTable, Vec<Diagnostic>) {
        let mut table = BlockTable::default();
        let mut diagnostics = Vec::new();
        for (line_number, line) in data_lines(text) {
            let fields: Vec<&str> = line.split('\t').collect();
            let kind = match fields.get(1).copied() {
                Some("type") => BlockKind::Type,
                Some("religion") => BlockKind::Religion,
                Some("region") => BlockKind::Region,
                _ => {
                    diagnostics.push(Diagnostic::new(
                        name,
                        line_number,
                        "expected block, kind (type, religion or region), meaning",
                    ));
                    continue;
                }
            };
            let block = fields[0];
            if block.len() != 3 || !block.bytes().all(|b| b.is_ascii_uppercase()) {
                diagnostics.push(Diagnostic::new(
                    name,
                    line_number,
                    format!("{block:?} is not three upper-case letters"),
                ));
                continue;
            }
            if table.kinds.insert(block.to_string(), kind).is_some() {
                diagnostics.push(Diagnostic::new(name, line_number, format!("{block} is listed twice")));
            }
        }
        (table, diagnostics)
    }

    /// The table compiled into the binary.
    pub fn embedded() -> &'static BlockTable {
        static TABLE: OnceLock<BlockTable> = OnceLock::new();
        TABLE.get_or_init(|| {
            BlockTable::parse(BLOCKS_FILE, include_str!("../../../data/export/cameo-actor-blocks.tsv")).0
        })
    }

    fn kind(&self, block: &str) -> Option<BlockKind> {
        self.kinds.get(block).copied()
    }
}

/// An actor code taken apart. Every part borrows from the actor record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ActorParts<'a> {
    pub country: Option<&'a str>,
    /// The organisation the code names (UNO in IGOUNO, HMS in PSEREBHMS).
    pub known_group: Option<&'a str>,
    pub religions: Vec<&'a str>,
    pub types: Vec<&'a str>,
}

/// Splits `actor.code`: the country (when the code starts with it) comes first; every later
/// 3-letter block is a type, a religion, a region (dropped) or, when listed nowhere, an
/// organisation. The last organisation block is the most specific, so it is the known group.
pub(crate) fn split_actor<'a>(actor: &'a ActorRecord, blocks: &BlockTable) -> ActorParts<'a> {
    let code = actor.code.as_str();
    let country = actor
        .country
        .as_deref()
        .filter(|c| c.len() == 3 && code.starts_with(*c));
    let rest = if country.is_some() { &code[3..] } else { code };
    let mut parts = ActorParts {
        country,
        ..ActorParts::default()
    };
    let mut start = 0;
    while let Some(block) = rest.get(start..start + 3) {
        start += 3;
        match blocks.kind(block) {
            Some(BlockKind::Type) => parts.types.push(block),
            Some(BlockKind::Religion) => parts.religions.push(block),
            Some(BlockKind::Region) => {}
            None if block.bytes().all(|b| b.is_ascii_uppercase()) => parts.known_group = Some(block),
            None => {}
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(code: &str, country: Option<&str>) -> ActorRecord {
        ActorRecord {
            text: String::new(),
            code: code.to_string(),
            country: country.map(str::to_string),
            sectors: Vec::new(),
            name: None,
            span: [0, 0],
        }
    }

    #[test]
    fn embedded_table_is_clean() {
        let (table, diagnostics) =
            BlockTable::parse(BLOCKS_FILE, include_str!("../../../data/export/cameo-actor-blocks.tsv"));
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(table.kind("GOV"), Some(BlockKind::Type));
        assert_eq!(table.kind("IGO"), Some(BlockKind::Type));
        assert_eq!(table.kind("MUS"), Some(BlockKind::Religion));
        assert_eq!(table.kind("WST"), Some(BlockKind::Region));
        assert_eq!(table.kind("UNO"), None);
    }

    #[test]
    fn reports_bad_lines_with_their_number() {
        let (table, diagnostics) =
            BlockTable::parse("t.tsv", "# c\nGOV\ttype\tx\nGO\ttype\tx\nMIL\tcolour\nGOV\ttype\ty\n");
        let lines: Vec<usize> = diagnostics.iter().map(|d| d.line).collect();
        assert_eq!(lines, [3, 4, 5]);
        assert_eq!(table.kind("GOV"), Some(BlockKind::Type));
    }

    #[test]
    fn splits_country_types_groups_and_religions() {
        let blocks = BlockTable::embedded();
        let rus = actor("RUSGOVMIL", Some("RUS"));
        assert_eq!(
            split_actor(&rus, blocks),
            ActorParts {
                country: Some("RUS"),
                known_group: None,
                religions: vec![],
                types: vec!["GOV", "MIL"]
            }
        );
        let hamas = actor("PSEREBHMS", Some("PSE"));
        let parts = split_actor(&hamas, blocks);
        assert_eq!(
            (parts.country, parts.known_group, parts.types),
            (Some("PSE"), Some("HMS"), vec!["REB"])
        );

        let nato = actor("IGOWSTNAT", None);
        let parts = split_actor(&nato, blocks);
        assert_eq!(
            (parts.country, parts.known_group, parts.types),
            (None, Some("NAT"), vec!["IGO"])
        );

        let jemaah = actor("IMGSEAMUSJMA", None);
        let parts = split_actor(&jemaah, blocks);
        assert_eq!(parts.known_group, Some("JMA"));
        assert_eq!(parts.religions, ["MUS"]);
        assert_eq!(parts.types, ["IMG"]);

        // Police of unknown country: no country, one type.
        let police = actor("COP", None);
        assert_eq!(split_actor(&police, blocks).types, ["COP"]);
    }

    #[test]
    fn never_panics_on_odd_codes() {
        let blocks = BlockTable::embedded();
        for code in ["", "R", "RUSG", "rusgov", "ÜÜÜGOV", "RU€GOV", "USA"] {
            let a = actor(code, Some("USA"));
            let _ = split_actor(&a, blocks);
        }
        // A country that is not the code's prefix is not trusted as one.
        let a = actor("GOV", Some("USA"));
        assert_eq!(split_actor(&a, blocks).country, None);
    }
}
