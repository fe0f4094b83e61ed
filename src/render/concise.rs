//! The `concise` format: one line a finding, `path:line:col: CODE message`, for editors' quick-fix lists
//! and `grep`. The location is the translation's (where the editor acts); a finding without one points at
//! the original, and one with neither at the translation's file alone.

use std::io::{self, Write};

use super::one_line;
use crate::report::Report;

/// Writes one line per finding and nothing else.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for f in &report.findings {
        let place = match (&f.translation, &f.original) {
            (Some(l), _) => format!("{}:{}:{}", report.translation.path, l.line, l.column),
            (None, Some(l)) => format!("{}:{}:{}", report.original.path, l.line, l.column),
            (None, None) => report.translation.path.clone(),
        };
        writeln!(out, "{place}: {} {}", f.code, one_line(&f.message))?;
    }
    Ok(())
}
