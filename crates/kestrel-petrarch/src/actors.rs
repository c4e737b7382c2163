//! PETRARCH actor dictionaries (`Phoenix.*.actors.txt`, `PETR.Validate.actors.txt`).
//!
//! ```text
//! GOLLUM            <- primary phrase; a [CODE] may follow on the same line
//! +SMEAGOL          <- synonym
//! \t[HOB < 950601]  <- date-restricted code (tab or space first): <D, >D, D-D, inclusive
//! ```

use kestrel_dates::CivilDate;

use crate::lines::{dictionary_lines, split_code};
use crate::phrase::Phrase;
use crate::Diagnostic;

/// A code valid in a period (bounds inclusive; `None` is open).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    pub code: String,
    pub from: Option<CivilDate>,
    pub to: Option<CivilDate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorEntry {
    /// The primary phrase first, then its synonyms.
    pub phrases: Vec<Phrase>,
    /// The undated code, if any.
    pub code: Option<String>,
    pub dated: Vec<DatedCode>,
    /// Line of the primary phrase.
    pub line: usize,
}

impl ActorEntry {
    /// The code on `date`: a dated code whose period holds it, else the undated code.
    pub fn code_on(&self, date: Option<CivilDate>) -> Option<&str> {
        let dated = date.and_then(|d| {
            self.dated
                .iter()
                .find(|c| c.from.is_none_or(|f| f <= d) && c.to.is_none_or(|t| d <= t))
        });
        dated.map(|c| c.code.as_str()).or(self.code.as_deref())
    }
}

#[derive(Debug, Clone, Default)]
pub struct ActorDictionary {
    pub entries: Vec<ActorEntry>,
}

/// Whether `code` is an actor code as the dictionaries write it: letters and digits ("ARN",
/// "PSEREBHMS", "G77"), several such codes joined by `/` (one actor with several codes), or
/// `---` (known but deliberately not coded).
pub fn valid_code(code: &str) -> bool {
    code == "---"
        || code
            .split('/')
            .all(|c| !c.is_empty() && c.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A date as the dictionaries write it: `YYMMDD` or `YYYYMMDD`. Two-digit years up to 30 are
/// read as 20xx, the rest as 19xx.
pub fn parse_date(s: &str) -> Option<CivilDate> {
    let s = s.trim();
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (year, rest) = match s.len() {
        6 => {
            let yy: i32 = s[..2].parse().ok()?;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        8 => (s[..4].parse().ok()?, &s[4..]),
        _ => return None,
    };
    CivilDate::parse(&format!("{year:04}-{}-{}", &rest[..2], &rest[2..]))
}

/// `CODE <D`, `CODE >D` or `CODE D-D`.
fn parse_dated(inner: &str) -> Option<DatedCode> {
    let inner = inner.trim();
    let split = inner.find(|c: char| c.is_whitespace() || c == '<' || c == '>' || c.is_ascii_digit())?;
    let code = inner[..split].trim().to_ascii_uppercase();
    let range: String = inner[split..].chars().filter(|c| !c.is_whitespace()).collect();
    if !valid_code(&code) {
        return None;
    }
    let (from, to) = if let Some(d) = range.strip_prefix('<') {
        (None, Some(parse_date(d)?))
    } else if let Some(d) = range.strip_prefix('>') {
        (Some(parse_date(d)?), None)
    } else {
        let (a, b) = range.split_once('-')?;
        (Some(parse_date(a)?), Some(parse_date(b)?))
    };
    Some(DatedCode { code, from, to })
}

/// Reads one actor dictionary; `name` names the file in diagnostics.
pub fn read_actors(name: &str, text: &str) -> (ActorDictionary, Vec<Diagnostic>) {
    let mut dict = ActorDictionary::default();
    let mut diags = Vec::new();
    let mut current: Option<ActorEntry> = None;
    for (n, line) in dictionary_lines(text) {
        let indented = line.starts_with(|c: char| c.is_whitespace());
        let body = line.trim();
        if indented && body.starts_with('[') {
            let (_, inner) = split_code(body);
            let Some(entry) = current.as_mut() else {
                diags.push(Diagnostic::new(name, n, "dated code with no actor before it"));
                continue;
            };
            match inner {
                Some(inner) if inner.contains(|c: char| c.is_ascii_digit()) => match parse_dated(inner) {
                    Some(d) => entry.dated.push(d),
                    None => diags.push(Diagnostic::new(name, n, format!("invalid dated code [{inner}]"))),
                },
                Some(inner) if valid_code(inner) => entry.code = Some(inner.to_ascii_uppercase()),
                _ => diags.push(Diagnostic::new(name, n, format!("invalid code line {body:?}"))),
            }
            continue;
        }
        // `NAME [CODE]`, or `NAME [CODE 950701-951231][CODE2 951205-991006]` with its dated
        // codes on the same line.
        let (phrase_text, _) = split_code(body);
        let mut code = None;
        let mut dated = Vec::new();
        let mut bad = None;
        for inner in bracket_groups(body) {
            if inner.contains(|c: char| c.is_ascii_digit())
                && inner.contains(|c: char| c.is_whitespace() || c == '<' || c == '>' || c == '-')
            {
                match parse_dated(inner) {
                    Some(d) => dated.push(d),
                    None => bad = Some(format!("invalid dated code [{inner}]")),
                }
            } else if valid_code(inner) {
                code = Some(inner.to_ascii_uppercase());
            } else {
                bad = Some(format!("invalid actor code [{inner}]"));
            }
        }
        if let Some(message) = bad {
            diags.push(Diagnostic::new(name, n, message));
            continue;
        }
        if let Some(synonym) = phrase_text.strip_prefix('+') {
            let Some(entry) = current.as_mut() else {
                diags.push(Diagnostic::new(name, n, "synonym with no actor before it"));
                continue;
            };
            match Phrase::parse(synonym) {
                Some(p) => entry.phrases.push(p),
                None => diags.push(Diagnostic::new(name, n, "empty synonym")),
            }
            continue;
        }
        let Some(phrase) = Phrase::parse(phrase_text) else {
            diags.push(Diagnostic::new(name, n, format!("no phrase in {body:?}")));
            continue;
        };
        if let Some(done) = current.take() {
            finish(name, done, &mut dict, &mut diags);
        }
        current = Some(ActorEntry {
            phrases: vec![phrase],
            code,
            dated,
            line: n,
        });
    }
    if let Some(done) = current.take() {
        finish(name, done, &mut dict, &mut diags);
    }
    (dict, diags)
}

/// The contents of every `[...]` of a line, in order.
fn bracket_groups(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let Some(len) = rest[open..].find(']') else { break };
        out.push(rest[open + 1..open + len].trim());
        rest = &rest[open + len + 1..];
    }
    out
}

fn finish(name: &str, entry: ActorEntry, dict: &mut ActorDictionary, diags: &mut Vec<Diagnostic>) {
    if entry.code.is_none() && entry.dated.is_empty() {
        diags.push(Diagnostic::new(
            name,
            entry.line,
            format!("actor {:?} has no code", entry.phrases[0].text()),
        ));
        return;
    }
    dict.entries.push(entry);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> CivilDate {
        CivilDate::parse(s).unwrap()
    }

    #[test]
    fn reads_synonyms_and_dated_codes() {
        let text = "JAVIER_SOLANA_\t[IGOEUREEC 950701-951231][IGOWSTNAT 951205-991006] # CoEU\nGOLLUM  # pas\n+SMEAGOL\n+SLINKER\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n#\t[AAA950601-990815]\n\t[HOBREB > 990816]\nENT \n\t[ENT]\nGONDOR [GON]\n+MINAS_TIRITH\n";
        let (mut d, diags) = read_actors("a.txt", text);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(d.entries.len(), 4);
        let solana = d.entries.remove(0);
        assert_eq!(solana.code_on(Some(date("1998-01-01"))), Some("IGOWSTNAT"));
        assert_eq!(solana.code_on(Some(date("1995-08-01"))), Some("IGOEUREEC"));
        let g = &d.entries[0];
        assert_eq!(g.phrases.len(), 3);
        assert_eq!(g.code_on(Some(date("1994-01-01"))), Some("HOB"));
        assert_eq!(g.code_on(Some(date("1995-06-01"))), Some("HOB"), "bounds are inclusive");
        assert_eq!(g.code_on(Some(date("1997-01-01"))), Some("HOBGOV"));
        assert_eq!(g.code_on(Some(date("2005-01-01"))), Some("HOBREB"));
        assert_eq!(d.entries[1].code.as_deref(), Some("ENT"));
        assert_eq!(d.entries[2].phrases[1].text(), "minas tirith");
    }

    #[test]
    fn bad_lines_are_reported_with_their_number_and_skipped() {
        let text = "ARNOR [ARN]\n\t[HOB 95x601]\nNOCODE\nOK [OKK]\n+\n";
        let (d, diags) = read_actors("a.txt", text);
        assert_eq!(d.entries.len(), 2);
        let lines: Vec<usize> = diags.iter().map(|d| d.line).collect();
        assert_eq!(lines, vec![2, 3, 5]);
    }

    #[test]
    fn two_digit_years_pivot() {
        assert_eq!(parse_date("090120"), Some(date("2009-01-20")));
        assert_eq!(parse_date("950601"), Some(date("1995-06-01")));
        assert_eq!(parse_date("20170120"), Some(date("2017-01-20")));
        assert_eq!(parse_date("9506"), None);
    }
}
