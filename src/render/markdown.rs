//! The `markdown` format: a summary table and the findings, for a pull-request or ticket comment.
//!
//! Every piece of document text is escaped, so a sentence that contains `*`, `|`, `<` or a backtick shows
//! as written instead of turning into markup; the differing claim is shown in bold inside the quoted
//! sentence. Targets CommonMark with GitHub's tables.

use std::io::{self, Write};

use super::{one_line, sentence_raw};
use crate::report::{DocumentInfo, Finding, Location, Report};

/// Writes the summary table, then one section per finding.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let s = &report.summary;
    writeln!(
        out,
        "### provcheck: {} against {}\n",
        code(&report.translation.path),
        code(&report.original.path)
    )?;
    writeln!(out, "| | original | translation |")?;
    writeln!(out, "|---|---|---|")?;
    writeln!(out, "| file | {} | {} |", code(&report.original.path), code(&report.translation.path))?;
    writeln!(
        out,
        "| language | {} | {} |",
        escape(&report.original.language),
        escape(&report.translation.language)
    )?;
    writeln!(out, "| sentences | {} | {} |", s.original_sentences, s.translation_sentences)?;
    writeln!(
        out,
        "| without counterpart | {} dropped | {} added |\n",
        s.dropped_sentences, s.added_sentences
    )?;
    writeln!(out, "| errors | warnings | infos | aligned beads | weak beads |")?;
    writeln!(out, "|---:|---:|---:|---:|---:|")?;
    writeln!(
        out,
        "| {} | {} | {} | {} | {} |",
        s.errors, s.warnings, s.infos, s.aligned_beads, s.low_confidence_beads
    )?;
    if report.findings.is_empty() {
        writeln!(out, "\nNo findings.")?;
        return Ok(());
    }
    writeln!(out, "\n#### Findings")?;
    for f in &report.findings {
        writeln!(out)?;
        finding(report, f, out)?;
    }
    Ok(())
}

fn finding(report: &Report, f: &Finding, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "**{}** {} {}: {}", f.severity, code(f.code), escape(f.rule), message(&f.message))?;
    for (loc, doc, side) in [
        (f.translation.as_ref(), &report.translation, "translation"),
        (f.original.as_ref(), &report.original, "original"),
    ] {
        let Some(loc) = loc else { continue };
        writeln!(
            out,
            "\n{side}, {}: {}",
            code(&format!("{}:{}:{}", doc.path, loc.line, loc.column)),
            message(&loc.label)
        )?;
        writeln!(out, "> {}", quote(doc, loc))?;
    }
    if let Some(help) = &f.help {
        writeln!(out, "\nhelp: {}", message(help))?;
    }
    if f.demoted {
        writeln!(out, "\nnote: the alignment here is weak, so this finding was demoted one level")?;
    }
    Ok(())
}

/// The sentence with the span in bold (an insertion point as `‸`).
fn quote(doc: &DocumentInfo, loc: &Location) -> String {
    let Some(raw) = sentence_raw(doc, loc.sentence) else { return escape(&loc.text) };
    let start = doc.sentences.get(loc.sentence).map_or(0, |s| s.span.start);
    let rel_start = loc.span.start.saturating_sub(start).min(raw.len());
    let rel_end = loc.span.end.saturating_sub(start).clamp(rel_start, raw.len());
    let (Some(before), Some(inside), Some(after)) =
        (raw.get(..rel_start), raw.get(rel_start..rel_end), raw.get(rel_end..))
    else {
        return escape(&one_line(raw));
    };
    let (before, inside, after) = (one_line(before), one_line(inside), one_line(after));
    let inside = if inside.trim().is_empty() {
        "‸".to_owned()
    } else if inside.len() == raw.len() {
        escape(&inside)
    } else {
        format!("**{}**", escape(inside.trim()))
    };
    format!("{}{inside}{}", escape(before.trim_start()), escape(after.trim_end()))
}

/// A message: text outside backticks is escaped, `claims` in backticks stay code spans.
fn message(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in one_line(text).split('`').enumerate() {
        if i % 2 == 1 { out.push_str(&code(part)) } else { out.push_str(&escape(part)) }
    }
    // An odd number of backticks leaves the last one unmatched: escape() already turned it into text.
    out
}

/// A code span that survives backticks inside (the fence is longer than any run inside).
pub fn code(text: &str) -> String {
    let text = one_line(text);
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Escapes text so CommonMark shows it literally: ASCII punctuation that can start markup gets a
/// backslash, and list or heading markers at the start are neutralised.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '!') {
            out.push('\\');
        }
        out.push(c);
    }
    // `- x`, `+ x`, `1. x` and `=` at the start of a line would become a list or a heading underline.
    let starts_block = out.starts_with(['-', '+', '='])
        || out.find(['.', ')']).is_some_and(|i| i > 0 && out[..i].bytes().all(|b| b.is_ascii_digit()));
    if starts_block {
        let split = out.find(['.', ')']).filter(|_| !out.starts_with(['-', '+', '='])).unwrap_or(0);
        out.insert(split, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("a *b* | <c> & d_e"), r"a \*b\* \| \<c\> \& d\_e");
        assert_eq!(escape("- item"), r"\- item");
        assert_eq!(escape("12. März"), r"12\. März");
        assert_eq!(escape("„Zitat“ – Иванов"), "„Zitat“ – Иванов");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x"), "`` `x ``");
        assert_eq!(message("number `200` became `300` *now*"), r"number `200` became `300` \*now\*");
    }
}
