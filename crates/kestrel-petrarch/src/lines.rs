//! The line conventions every PETRARCH dictionary shares: `#` comments (anywhere on a line),
//! `<!-- ... -->` comment blocks that may span lines, and blank lines.

/// Each meaningful line with its 1-based number, comments removed and trailing space trimmed.
/// Leading white space is kept: it is significant in actor files (date-restricted codes).
pub fn dictionary_lines(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut in_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let raw = raw.trim_end_matches('\r');
        // The line without its `<!-- -->` parts, which may open or close on other lines.
        let mut kept = String::new();
        let mut rest = raw;
        loop {
            if in_comment {
                match rest.find("-->") {
                    Some(end) => {
                        in_comment = false;
                        rest = &rest[end + 3..];
                    }
                    None => break,
                }
            }
            match rest.find("<!--") {
                Some(start) => {
                    kept.push_str(&rest[..start]);
                    in_comment = true;
                    rest = &rest[start + 4..];
                }
                None => {
                    kept.push_str(rest);
                    break;
                }
            }
        }
        let line = match kept.find('#') {
            Some(hash) => &kept[..hash],
            None => &kept[..],
        };
        let line = line.trim_end();
        if !line.trim().is_empty() {
            out.push((i + 1, line.to_string()));
        }
    }
    out
}

/// Splits `TEXT [CODE] rest` into the text before the first bracket and that bracket's
/// content, without the `?` dictionary writers leave on codes they doubt.
pub fn split_code(line: &str) -> (&str, Option<&str>) {
    match line.find('[') {
        Some(open) => match line[open..].find(']') {
            Some(len) => (
                line[..open].trim(),
                Some(line[open + 1..open + len].trim().trim_end_matches('?')),
            ),
            None => (line.trim(), None),
        },
        None => (line.trim(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_both_comment_styles_and_keeps_line_numbers() {
        let text =
            "<!-- head\n still head -->\nARNOR [ARN] # note\n\n<!-- one line --> GONDOR [GON]\n\t[HOB < 950601]\n";
        assert_eq!(
            dictionary_lines(text),
            vec![
                (3, "ARNOR [ARN]".to_string()),
                (5, " GONDOR [GON]".to_string()),
                (6, "\t[HOB < 950601]".to_string())
            ]
        );
    }

    #[test]
    fn splits_codes() {
        assert_eq!(split_code("ARNOR_  [ARN]"), ("ARNOR_", Some("ARN")));
        assert_eq!(split_code("ENT"), ("ENT", None));
        assert_eq!(
            split_code("--- DELAY [120]  [031:031]  ---"),
            ("--- DELAY", Some("120"))
        );
        assert_eq!(split_code("--- REPORT  [025?] ---"), ("--- REPORT", Some("025")));
    }
}
