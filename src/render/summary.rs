//! The closing summary of a run over many pairs: how many pairs, findings by rule and severity, the
//! worst articles, and the pairs that failed. Text (after the `full` reports) and Markdown (before the
//! `markdown` reports).

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::Style;
use super::markdown::{code, escape};
use crate::report::{Report, Severity};

/// One pair of the run: its report, or why it could not be checked.
#[derive(Debug)]
pub struct PairRow<'a> {
    pub original: &'a str,
    pub translation: &'a str,
    pub result: Result<&'a Report, &'a str>,
}

/// How many worst articles the table lists.
pub const WORST: usize = 10;

struct Totals<'a> {
    pairs: usize,
    failed: usize,
    with_findings: usize,
    /// (code, rule) → [errors, warnings, infos]
    by_rule: BTreeMap<(&'a str, &'a str), [usize; 3]>,
    total: [usize; 3],
    /// (counts, translation) of pairs with findings, worst first.
    worst: Vec<([usize; 3], &'a str)>,
}

fn slot(s: Severity) -> usize {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

fn totals<'a>(rows: &[PairRow<'a>]) -> Totals<'a> {
    let mut t = Totals {
        pairs: rows.len(),
        failed: 0,
        with_findings: 0,
        by_rule: BTreeMap::new(),
        total: [0; 3],
        worst: Vec::new(),
    };
    for row in rows {
        match row.result {
            Err(_) => t.failed += 1,
            Ok(report) => {
                let mut counts = [0; 3];
                for f in &report.findings {
                    counts[slot(f.severity)] += 1;
                    t.total[slot(f.severity)] += 1;
                    t.by_rule.entry((f.code, f.rule)).or_insert([0; 3])[slot(f.severity)] += 1;
                }
                if !report.findings.is_empty() {
                    t.with_findings += 1;
                    t.worst.push((counts, row.translation));
                }
            }
        }
    }
    t.worst.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    t.worst.truncate(WORST);
    t
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The closing table as text.
pub fn text(rows: &[PairRow<'_>], style: &Style, out: &mut dyn Write) -> io::Result<()> {
    let t = totals(rows);
    let bold = |s: &str| style.paint(style.bold(), s);
    writeln!(
        out,
        "{} {} ({} with findings, {} failed)",
        bold("checked:"),
        plural(t.pairs, "pair", "pairs"),
        t.with_findings,
        t.failed
    )?;
    writeln!(
        out,
        "{} {}, {}, {}",
        bold("result: "),
        plural(t.total[0], "error", "errors"),
        plural(t.total[1], "warning", "warnings"),
        plural(t.total[2], "info", "infos")
    )?;
    let width = t
        .by_rule
        .keys()
        .map(|(c, r)| c.len() + 1 + r.chars().count())
        .chain(t.worst.iter().map(|(_, p)| p.chars().count()))
        .max()
        .unwrap_or(0)
        .max(14);
    let head = |first: &str| format!("{first:<width$}  {:>6} {:>8} {:>5}", "errors", "warnings", "infos");
    if !t.by_rule.is_empty() {
        writeln!(out, "\n{}", bold(&head("by rule")))?;
        for ((code, rule), c) in &t.by_rule {
            let name = format!("{code} {rule}");
            writeln!(out, "{name:<width$}  {:>6} {:>8} {:>5}", c[0], c[1], c[2])?;
        }
    }
    if !t.worst.is_empty() {
        writeln!(out, "\n{}", bold(&head("worst articles")))?;
        for (c, path) in &t.worst {
            writeln!(out, "{path:<width$}  {:>6} {:>8} {:>5}", c[0], c[1], c[2])?;
        }
    }
    let failed: Vec<_> = rows.iter().filter_map(|r| r.result.err().map(|e| (r.translation, e))).collect();
    if !failed.is_empty() {
        writeln!(out, "\n{}", bold("failed"))?;
        // The error names the file it is about.
        for (_, e) in failed {
            writeln!(out, "{e}")?;
        }
    }
    Ok(())
}

/// The closing table as Markdown.
pub fn markdown(rows: &[PairRow<'_>], out: &mut dyn Write) -> io::Result<()> {
    let t = totals(rows);
    writeln!(
        out,
        "### provcheck: {} ({} with findings, {} failed)\n",
        plural(t.pairs, "pair", "pairs"),
        t.with_findings,
        t.failed
    )?;
    writeln!(out, "| | errors | warnings | infos |\n|---|---:|---:|---:|")?;
    writeln!(out, "| **all pairs** | {} | {} | {} |", t.total[0], t.total[1], t.total[2])?;
    for ((c, r), n) in &t.by_rule {
        writeln!(out, "| {} {} | {} | {} | {} |", code(c), escape(r), n[0], n[1], n[2])?;
    }
    if !t.worst.is_empty() {
        writeln!(out, "\n| worst articles | errors | warnings | infos |\n|---|---:|---:|---:|")?;
        for (n, path) in &t.worst {
            writeln!(out, "| {} | {} | {} | {} |", code(path), n[0], n[1], n[2])?;
        }
    }
    let failed: Vec<_> = rows.iter().filter_map(|r| r.result.err().map(|e| (r.translation, e))).collect();
    if !failed.is_empty() {
        writeln!(out, "\n**failed**\n")?;
        for (_, e) in failed {
            writeln!(out, "- {}", escape(e))?;
        }
    }
    Ok(())
}
