//! What every tab-separated data file of the project shares: comment and blank lines are
//! skipped, and a problem is reported with its file and 1-based line.

/// A problem in a data file, with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl Diagnostic {
    pub fn new(file: &str, line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// The lines of `text` as `str::lines` cuts them, but with any '\r' before a '\n' kept
/// (callers trim it): the line ends are found with `memchr`'s vectorised search, as start-up
/// reads every data file line by line.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut newlines = memchr::memchr_iter(b'\n', text.as_bytes());
    let mut start = 0;
    std::iter::from_fn(move || {
        // A '\n' is ASCII, so every cut is a char boundary.
        let end = newlines.next().or((start < text.len()).then_some(text.len()))?;
        let line = &text[start..end];
        start = end + 1;
        Some(line)
    })
}

/// Data lines with their 1-based numbers; comments (`#`) and blank lines skipped.
pub fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    lines(text)
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

/// The tab-separated fields of a data line, trimmed. The list has room for the fields of the
/// widest file (the CAMEO table's seven) from the start, rather than growing to them.
pub fn fields(line: &str) -> Vec<&str> {
    let mut fields = Vec::with_capacity(8);
    // A byte scan: fields are short, and a char searcher's set-up per field cost more than the
    // scan (start-up reads every data line). A tab is ASCII, so each cut is a char boundary.
    let mut start = 0;
    for (at, &byte) in line.as_bytes().iter().enumerate() {
        if byte == b'\t' {
            fields.push(trimmed(&line[start..at]));
            start = at + 1;
        }
    }
    fields.push(trimmed(&line[start..]));
    fields
}

/// `field.trim()`, settled by the end bytes in the common case: a field that starts and ends
/// with a visible ASCII character has nothing to trim, and `trim` would decode both ends.
fn trimmed(field: &str) -> &str {
    let visible = |byte: Option<&u8>| byte.is_some_and(u8::is_ascii_graphic);
    if visible(field.as_bytes().first()) && visible(field.as_bytes().last()) {
        field
    } else {
        field.trim()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_cut_as_str_lines_cuts_them() {
        for text in ["", "a", "a\n", "a\nb", "\n\na\r\n\nb\n", "a\r\nb\r", "\n"] {
            let trimmed: Vec<_> = lines(text).map(|l| l.trim_end_matches('\r')).collect();
            let expected: Vec<_> = text.lines().map(|l| l.trim_end_matches('\r')).collect();
            assert_eq!(trimmed, expected, "{text:?}");
        }
    }

    #[test]
    fn skips_comments_and_blanks_and_keeps_line_numbers() {
        let lines: Vec<_> = data_lines("# head\n\nRUS\tRussia\r\n  # note\nUSA\tUnited States\n").collect();
        assert_eq!(lines, vec![(3, "RUS\tRussia"), (5, "USA\tUnited States")]);
        assert_eq!(Diagnostic::new("f.tsv", 3, "bad").to_string(), "f.tsv:3: bad");
    }

    #[test]
    fn fields_are_split_at_tabs_and_trimmed() {
        assert_eq!(
            fields("RUS\t Russia |Russian Federation \t\t-"),
            ["RUS", "Russia |Russian Federation", "", "-"]
        );
        assert_eq!(fields(""), [""]);
        // Trimmed as `str::trim` trims: any Unicode whitespace, no other control character.
        assert_eq!(fields("\u{a0}x\u{2009}\t\x0by\x0b\t\u{1}"), ["x", "y", "\u{1}"]);
    }
}
