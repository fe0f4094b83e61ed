//! The `full` format: rustc-style diagnostics quoting both documents, then a summary.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use super::Style;
use crate::report::{DocumentInfo, Finding, Location, Report};

/// Writes every finding and the summary.
pub fn render(report: &Report, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    for f in &report.findings {
        finding(report, f, style, out)?;
        writeln!(out)?;
    }
    if !report.diffs.is_empty() {
        diffs(report, style, out)?;
        writeln!(out)?;
    }
    summary(report, style, out)
}

/// The word diff of a same-language pair: one block per edited bead, one line per edit.
pub fn diffs(report: &Report, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    use crate::diff::EditKind;
    let edits: usize = report.diffs.iter().map(|d| d.edits.len()).sum();
    let touching: usize = report.diffs.iter().flat_map(|d| &d.edits).filter(|e| e.touches_claim()).count();
    writeln!(
        out,
        "{} {edits} edit{} in {} aligned bead{}, {touching} touching a claim",
        style.paint(style.bold(), "word diff (same language):"),
        if edits == 1 { "" } else { "s" },
        report.diffs.len(),
        if report.diffs.len() == 1 { "" } else { "s" },
    )?;
    let red = anstyle::Style::new().fg_color(Some(anstyle::AnsiColor::Red.into()));
    let green = anstyle::Style::new().fg_color(Some(anstyle::AnsiColor::Green.into()));
    let joined = |spans: &[crate::diff::DiffSpan]| {
        spans.iter().map(|s| s.text.replace(['\n', '\r'], " ")).collect::<Vec<_>>().join(" … ")
    };
    for d in &report.diffs {
        let Some(bead) = report.beads.get(d.bead) else { continue };
        let list = |v: Vec<usize>| v.iter().map(|i| (i + 1).to_string()).collect::<Vec<_>>().join("+");
        writeln!(
            out,
            "  {} original {} → translation {}",
            style.paint(style.gutter(), "@@"),
            list(bead.original.iter().map(|i| i.0).collect()),
            list(bead.translation.iter().map(|i| i.0).collect()),
        )?;
        for e in &d.edits {
            let (mark, text) = match e.kind {
                EditKind::Delete => ("-", style.paint(red, &format!("[-{}-]", joined(&e.original)))),
                EditKind::Insert => ("+", style.paint(green, &format!("{{+{}+}}", joined(&e.translation)))),
                EditKind::Replace => (
                    "~",
                    format!(
                        "{} {}",
                        style.paint(red, &format!("[-{}-]", joined(&e.original))),
                        style.paint(green, &format!("{{+{}+}}", joined(&e.translation)))
                    ),
                ),
            };
            let (doc, first) = match e.translation.first() {
                Some(s) => (&report.translation, s),
                None => match e.original.first() {
                    Some(s) => (&report.original, s),
                    None => continue,
                },
            };
            let (line, col) = super::line_col(&doc.raw, first.span.start);
            let claims = if e.claims.is_empty() {
                String::new()
            } else {
                format!(
                    "  {}",
                    style.paint(
                        style.severity(crate::report::Severity::Warning),
                        &format!("touches: {}", e.claims.join(", "))
                    )
                )
            };
            writeln!(out, "    {mark} {text}  {}:{line}:{col}{claims}", doc.path)?;
        }
    }
    Ok(())
}

/// One finding: the header, the translation location (primary), the original (evidence), help.
pub fn finding(report: &Report, f: &Finding, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    let sev = style.paint(style.severity(f.severity), &format!("{}[{}]", f.severity, f.code));
    writeln!(out, "{sev}{} {}", style.paint(style.bold(), ":"), style.paint(style.bold(), &f.message))?;
    let gutter = [f.translation.as_ref(), f.original.as_ref()]
        .iter()
        .flatten()
        .map(|l| l.line.to_string().len())
        .max()
        .unwrap_or(1);
    let pad = " ".repeat(gutter);
    let bar = style.paint(style.gutter(), "|");
    let mut first = true;
    for (loc, doc, primary) in
        [(f.translation.as_ref(), &report.translation, true), (f.original.as_ref(), &report.original, false)]
    {
        let Some(loc) = loc else { continue };
        let arrow = if first { "-->" } else { ":::" };
        let arrow_pad = if first { pad.clone() } else { format!("{pad} ") };
        writeln!(
            out,
            "{arrow_pad}{} {}:{}:{}",
            style.paint(style.gutter(), arrow),
            doc.path,
            loc.line,
            loc.column
        )?;
        writeln!(out, "{pad} {bar}")?;
        quote(doc, loc, primary, f, style, gutter, out)?;
        first = false;
    }
    if let Some(help) = &f.help {
        writeln!(
            out,
            "{pad} {} {}: {help}",
            style.paint(style.gutter(), "="),
            style.paint(style.bold(), "help")
        )?;
    }
    if f.demoted {
        writeln!(
            out,
            "{pad} {} {}: the alignment here is weak, so this finding was demoted one level",
            style.paint(style.gutter(), "="),
            style.paint(style.bold(), "note")
        )?;
    }
    Ok(())
}

/// Quotes the sentence a location is in, with the span underlined.
fn quote(
    doc: &DocumentInfo,
    loc: &Location,
    primary: bool,
    f: &Finding,
    style: &Style,
    gutter: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let pad = " ".repeat(gutter);
    let bar = style.paint(style.gutter(), "|");
    let Some(sentence) = doc.sentences.get(loc.sentence) else { return Ok(()) };
    let raw = doc.raw.get(sentence.span.clone()).unwrap_or(&sentence.text);
    let rel_start = loc.span.start.saturating_sub(sentence.span.start).min(raw.len());
    let rel_end = loc.span.end.saturating_sub(sentence.span.start).clamp(rel_start, raw.len());
    let (Some(before), Some(inside), Some(after)) =
        (raw.get(..rel_start), raw.get(rel_start..rel_end), raw.get(rel_end..))
    else {
        return Ok(());
    };
    let flat = |s: &str| s.replace(['\n', '\r', '\t'], " ");
    let (before, inside, after) = fit(&flat(before), &flat(inside), &flat(after), style.width);
    let marker = if primary { '^' } else { '-' };
    let marks = marker.to_string().repeat(inside.width().max(1));
    let line_no = format!("{:>gutter$}", sentence.line);
    writeln!(out, "{} {bar} {before}{inside}{after}", style.paint(style.gutter(), &line_no))?;
    let mark_style = if primary { style.severity(f.severity) } else { style.gutter() };
    writeln!(
        out,
        "{pad} {bar} {}{} {}",
        " ".repeat(before.width()),
        style.paint(mark_style, &marks),
        style.paint(mark_style, &loc.label)
    )?;
    Ok(())
}

/// Shortens a sentence around its span so the line stays within `width` columns.
fn fit(before: &str, inside: &str, after: &str, width: usize) -> (String, String, String) {
    let total = before.width() + inside.width() + after.width();
    if total <= width {
        return (before.to_owned(), inside.to_owned(), after.to_owned());
    }
    let inside = if inside.width() > width.saturating_sub(10) {
        let keep: String = take_width(inside, width.saturating_sub(11));
        format!("{keep}…")
    } else {
        inside.to_owned()
    };
    let room = width.saturating_sub(inside.width()) / 2;
    let before = if before.width() > room {
        let chars: Vec<char> = before.chars().collect();
        let mut w = 0;
        let mut start = chars.len();
        while start > 0 && w + 1 < room {
            start -= 1;
            w += unicode_width::UnicodeWidthChar::width(chars[start]).unwrap_or(0);
        }
        format!("…{}", chars[start..].iter().collect::<String>())
    } else {
        before.to_owned()
    };
    let room_after = width.saturating_sub(inside.width() + before.width());
    let after = if after.width() > room_after {
        format!("{}…", take_width(after, room_after.saturating_sub(1)))
    } else {
        after.to_owned()
    };
    (before, inside, after)
}

fn take_width(s: &str, width: usize) -> String {
    let mut w = 0;
    s.chars()
        .take_while(|c| {
            w += unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
            w <= width
        })
        .collect()
}

/// The closing summary.
pub fn summary(report: &Report, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    let s = &report.summary;
    writeln!(
        out,
        "{} {} ({}, {} sentences) → {} ({}, {} sentences)",
        style.paint(style.bold(), "checked:"),
        report.original.path,
        report.original.language,
        s.original_sentences,
        report.translation.path,
        report.translation.language,
        s.translation_sentences
    )?;
    writeln!(
        out,
        "{} {} aligned, {} dropped, {} added, {} weak",
        style.paint(style.bold(), "beads:  "),
        s.aligned_beads,
        s.dropped_sentences,
        s.added_sentences,
        s.low_confidence_beads
    )?;
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let errors = plural(s.errors, "error", "errors");
    let warnings = plural(s.warnings, "warning", "warnings");
    let infos = plural(s.infos, "info", "infos");
    let result = if s.errors + s.warnings + s.infos == 0 {
        "no findings".to_owned()
    } else {
        format!(
            "{}, {}, {}",
            if s.errors > 0 {
                style.paint(style.severity(crate::report::Severity::Error), &errors)
            } else {
                errors
            },
            if s.warnings > 0 {
                style.paint(style.severity(crate::report::Severity::Warning), &warnings)
            } else {
                warnings
            },
            infos
        )
    };
    writeln!(out, "{} {result}", style.paint(style.bold(), "result: "))
}
