//! The `github` format: GitHub Actions workflow commands, one a finding, so findings show up as annotations
//! on a pull request (`::error file=…,line=…,col=…,title=CODE rule::message`).
//!
//! Severities map to `error`, `warning` and `notice`. The message carries the original's sentence as
//! evidence on a second line. Escaping follows the runner's rules: in the message `%`, `\r` and `\n`
//! are percent-encoded; in properties `:` and `,` are too, since they delimit the command.

use std::io::{self, Write};

use super::{line_col, one_line, sentence_raw};
use crate::report::{DocumentInfo, Location, Report, Severity};

/// Writes one workflow command per finding.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for f in &report.findings {
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut props = Vec::new();
        let primary = match (&f.translation, &f.original) {
            (Some(l), _) => Some((l, &report.translation)),
            (None, Some(l)) => Some((l, &report.original)),
            (None, None) => None,
        };
        match primary {
            Some((loc, doc)) => props.extend(position(loc, doc)),
            None => props.push(("file", report.translation.path.clone())),
        }
        props.push(("title", format!("{} {}", f.code, f.rule)));
        let props: Vec<String> = props.iter().map(|(k, v)| format!("{k}={}", escape_property(v))).collect();

        let mut message = f.message.clone();
        if let (Some(_), Some(o)) = (&f.translation, &f.original)
            && let Some(sentence) = sentence_raw(&report.original, o.sentence)
        {
            message.push_str(&format!(
                "\noriginal ({}:{}): {}",
                report.original.path,
                o.line,
                one_line(sentence).trim()
            ));
        }
        if let Some(help) = &f.help {
            message.push_str(&format!("\nhelp: {help}"));
        }
        if f.demoted {
            message.push_str("\nnote: the alignment here is weak, so this finding was demoted one level");
        }
        writeln!(out, "::{command} {}::{}", props.join(","), escape_data(&message))?;
    }
    Ok(())
}

fn position(loc: &Location, doc: &DocumentInfo) -> Vec<(&'static str, String)> {
    let (end_line, end_col) = line_col(&doc.raw, loc.span.end);
    let mut props = vec![("file", doc.path.clone()), ("line", loc.line.to_string())];
    // GitHub accepts a column range only on a single line.
    if end_line == loc.line {
        props.push(("col", loc.column.to_string()));
        if end_col > loc.column {
            props.push(("endColumn", end_col.to_string()));
        }
    } else {
        props.push(("endLine", end_line.to_string()));
    }
    props
}

/// Escapes a command's message (data).
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a command's property value.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_runner_expects() {
        assert_eq!(escape_data("50% of a\r\nb"), "50%25 of a%0D%0Ab");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
