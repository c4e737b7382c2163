//! The CAMEO event-code table: names, Goldstein values, QuadClass and the PLOVER crosswalk,
//! read from `data/events/cameo.tsv`.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::lexicon::{data_lines, fields, Diagnostic};

/// The PLOVER equivalent of a CAMEO code.
#[derive(Debug, Clone, PartialEq)]
pub struct Plover {
    pub event: String,
    pub mode: Option<String>,
    pub context: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CameoCode {
    pub code: String,
    pub name: String,
    pub goldstein: f64,
    pub quad_class: u8,
    pub plover: Option<Plover>,
}

impl CameoCode {
    /// The two-digit root ("04" for "042").
    pub fn root(&self) -> &str {
        &self.code[..2.min(self.code.len())]
    }
}

#[derive(Debug, Default)]
pub struct CameoTable {
    codes: HashMap<String, CameoCode>,
}

fn dash_none(s: &str) -> Option<&str> {
    (!s.is_empty() && s != "-").then_some(s)
}

impl CameoTable {
    pub fn parse(name: &str, text: &str) -> (CameoTable, Vec<Diagnostic>) {
        let mut table = CameoTable::default();
        let mut diags = Vec::new();
        for (n, line) in data_lines(text) {
            let f = fields(line);
            let parsed = (f.len() >= 4)
                .then(|| Some((f[2].parse::<f64>().ok()?, f[3].parse::<u8>().ok()?)))
                .flatten();
            let Some((goldstein, quad_class)) = parsed else {
                diags.push(Diagnostic::new(name, n, "expected code, name, goldstein, quad_class"));
                continue;
            };
            let plover = f.get(4).copied().and_then(dash_none).map(|event| Plover {
                event: event.to_string(),
                mode: f.get(5).copied().and_then(dash_none).map(str::to_string),
                context: f
                    .get(6)
                    .copied()
                    .and_then(dash_none)
                    .map(|c| {
                        c.split(',')
                            .map(|s| s.trim().to_string())
                            .filter(|s| !s.is_empty())
                            .collect()
                    })
                    .unwrap_or_default(),
            });
            table.codes.insert(
                f[0].to_string(),
                CameoCode {
                    code: f[0].to_string(),
                    name: f[1].to_string(),
                    goldstein,
                    quad_class,
                    plover,
                },
            );
        }
        (table, diags)
    }

    /// The table compiled into the binary.
    pub fn embedded() -> &'static CameoTable {
        static TABLE: OnceLock<CameoTable> = OnceLock::new();
        TABLE.get_or_init(|| {
            CameoTable::parse("data/events/cameo.tsv", include_str!("../../../data/events/cameo.tsv")).0
        })
    }

    pub fn get(&self, code: &str) -> Option<&CameoCode> {
        self.codes.get(code)
    }

    pub fn contains(&self, code: &str) -> bool {
        self.codes.contains_key(code)
    }

    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_table_has_every_root_with_values() {
        let t = CameoTable::embedded();
        for root in 1..=20 {
            let r = format!("{root:02}");
            assert!(t.contains(&r), "root {r} missing");
        }
        let visit = t.get("042").expect("042 present");
        assert_eq!(visit.quad_class, 1);
        assert!((visit.goldstein - 1.9).abs() < 1e-6);
        assert_eq!(visit.plover.as_ref().map(|p| p.event.as_str()), Some("CONSULT"));
        assert_eq!(t.get("190").map(|c| c.quad_class), Some(4));
        assert!(t.len() > 300);
    }

    #[test]
    fn malformed_rows_are_reported_with_their_line() {
        let (t, d) = CameoTable::parse("x.tsv", "# c\n042\tMake a visit\t1.9\t1\tCONSULT\tvisit\t-\nbad row\n");
        assert!(t.contains("042"));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].line, 3);
    }
}
