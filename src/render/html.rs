//! The `html` format: one self-contained page for an editor (no network, no external files).
//!
//! The two articles side by side in aligned rows (one row per bead), a third column with the findings of
//! that row; dropped and added sentences show as hatched gaps on the side that lacks them; the spans a
//! finding points at are highlighted in both columns. A summary and filters (severity, rule, "only rows
//! with findings") sit at the top; the filters are a few lines of inline JavaScript and can be preset
//! from the address (`report.html#severity=error&rule=number-changed&only`). Without JavaScript the page
//! shows everything.
//!
//! Escaping: every piece of text from the documents or the findings goes through [`escape`]; the only
//! markup is written here, and the embedded CSS and JavaScript are constants.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use crate::report::{DocumentInfo, Finding, Location, Report, Severity};

const STYLE: &str = include_str!("html/style.css");
const SCRIPT: &str = include_str!("html/filter.js");

/// Writes the page.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(page(report).as_bytes())
}

/// Escapes text for HTML element content and double- or single-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A message: escaped, with `claims` in backticks as `<code>`.
fn message(text: &str) -> String {
    let parts: Vec<&str> = text.split('`').collect();
    // With an odd number of backticks the last one has no partner and stays a backtick.
    let paired = if parts.len() % 2 == 1 { parts.len() } else { parts.len() - 1 };
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 1 && i < paired {
            let _ = write!(out, "<code>{}</code>", escape(part));
        } else {
            if i >= paired && i > 0 {
                out.push('`');
            }
            out.push_str(&escape(part));
        }
    }
    out
}

/// Where each finding is shown: the row of the bead holding its original sentence (so a dropped
/// sentence's finding sits beside the gap), else the bead holding its translation sentence.
fn placements(report: &Report) -> (Vec<Vec<usize>>, Vec<usize>) {
    let mut orig_bead = vec![usize::MAX; report.original.sentences.len()];
    let mut trans_bead = vec![usize::MAX; report.translation.sentences.len()];
    for (b, bead) in report.beads.iter().enumerate() {
        for o in &bead.original {
            if let Some(slot) = orig_bead.get_mut(o.0) {
                *slot = b;
            }
        }
        for t in &bead.translation {
            if let Some(slot) = trans_bead.get_mut(t.0) {
                *slot = b;
            }
        }
    }
    let mut rows = vec![Vec::new(); report.beads.len()];
    let mut unplaced = Vec::new();
    for (i, f) in report.findings.iter().enumerate() {
        let bead = f
            .original
            .as_ref()
            .and_then(|l| orig_bead.get(l.sentence).copied())
            .filter(|&b| b != usize::MAX)
            .or_else(|| {
                f.translation
                    .as_ref()
                    .and_then(|l| trans_bead.get(l.sentence).copied())
                    .filter(|&b| b != usize::MAX)
            });
        match bead.and_then(|b| rows.get_mut(b)) {
            Some(row) => row.push(i),
            None => unplaced.push(i),
        }
    }
    (rows, unplaced)
}

fn page(report: &Report) -> String {
    let mut h = String::new();
    let o = &report.original;
    let t = &report.translation;
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"provcheck {}\">\n<title>provcheck: {} against {}</title>\n\
         <style>\n{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        escape(&t.path),
        escape(&o.path),
    );
    header(report, &mut h);
    let (rows, unplaced) = placements(report);
    h.push_str("<main>\n<table class=\"pair\">\n<thead><tr><th class=\"n\">#</th>");
    for (doc, side) in [(o, "original"), (t, "translation")] {
        let _ = write!(
            h,
            "<th class=\"{}\">{side} <code>{}</code> ({})</th>",
            if side == "original" { "orig" } else { "trans" },
            escape(&doc.path),
            escape(&doc.language)
        );
    }
    h.push_str("<th class=\"notes\">findings</th></tr></thead>\n<tbody>\n");
    let marks_o = marks(report, o, |f| f.original.as_ref());
    let marks_t = marks(report, t, |f| f.translation.as_ref());
    let mut last_para = (usize::MAX, usize::MAX);
    for (b, bead) in report.beads.iter().enumerate() {
        let kind = match (bead.original.is_empty(), bead.translation.is_empty()) {
            (false, true) => "dropped",
            (true, false) => "added",
            _ => "aligned",
        };
        let para = (
            bead.original.first().and_then(|i| o.sentences.get(i.0)).map_or(last_para.0, |s| s.paragraph),
            bead.translation.first().and_then(|i| t.sentences.get(i.0)).map_or(last_para.1, |s| s.paragraph),
        );
        let new_para = b > 0 && (para.0 != last_para.0 || para.1 != last_para.1);
        last_para = para;
        let ids: Vec<String> = rows[b].iter().map(ToString::to_string).collect();
        let mut classes = vec!["row", kind];
        if bead.low_confidence {
            classes.push("weak");
        }
        if new_para {
            classes.push("para");
        }
        let _ = write!(
            h,
            "<tr class=\"{}\" id=\"bead-{b}\" data-f=\"{}\"><td class=\"n\" title=\"bead {b}, score {:.2}{}\">{}</td>",
            classes.join(" "),
            ids.join(" "),
            bead.score,
            if bead.low_confidence { ", weak alignment" } else { "" },
            b + 1
        );
        side_cell(
            &mut h,
            o,
            "orig",
            bead.original.iter().map(|i| i.0),
            &marks_o,
            report,
            "no original sentence: added by the translation",
        );
        side_cell(
            &mut h,
            t,
            "trans",
            bead.translation.iter().map(|i| i.0),
            &marks_t,
            report,
            "missing from the translation: dropped",
        );
        h.push_str("<td class=\"notes\">");
        for &i in &rows[b] {
            finding(report, i, &mut h);
        }
        h.push_str("</td></tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
    if !unplaced.is_empty() {
        h.push_str("<section class=\"unplaced\">\n<h2>Findings outside the aligned rows</h2>\n");
        for &i in &unplaced {
            finding(report, i, &mut h);
        }
        h.push_str("</section>\n");
    }
    let _ = write!(h, "</main>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n");
    h
}

fn header(report: &Report, h: &mut String) {
    let s = &report.summary;
    let o = &report.original;
    let t = &report.translation;
    let _ = write!(
        h,
        "<header>\n<h1>provcheck report</h1>\n<p class=\"docs\">original <b>{}</b> ({}, {} sentences) → \
         translation <b>{}</b> ({}, {} sentences)</p>\n<ul class=\"summary\">",
        escape(&o.path),
        escape(&o.language),
        s.original_sentences,
        escape(&t.path),
        escape(&t.language),
        s.translation_sentences,
    );
    for (n, what, class) in [
        (s.errors, plural(s.errors, "error", "errors"), "sev-error"),
        (s.warnings, plural(s.warnings, "warning", "warnings"), "sev-warning"),
        (s.infos, plural(s.infos, "info", "infos"), "sev-info"),
        (s.aligned_beads, "aligned".to_owned(), "beads"),
        (s.dropped_sentences, "dropped".to_owned(), "beads"),
        (s.added_sentences, "added".to_owned(), "beads"),
        (s.low_confidence_beads, "weak".to_owned(), "beads"),
    ] {
        let _ = write!(h, "<li class=\"{class}\"><span class=\"num\">{n}</span>{what}</li>");
    }
    h.push_str("</ul>\n<form id=\"filters\">\n<fieldset><legend>severity</legend>");
    for sev in [Severity::Error, Severity::Warning, Severity::Info] {
        let n = report.findings.iter().filter(|f| f.severity == sev).count();
        let _ = write!(
            h,
            "<label><input type=\"checkbox\" name=\"severity\" value=\"{sev}\" checked> {sev} ({n})</label>"
        );
    }
    h.push_str("</fieldset>\n<fieldset><legend>rule</legend>");
    let mut by_rule: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for f in &report.findings {
        *by_rule.entry((f.code, f.rule)).or_default() += 1;
    }
    if by_rule.is_empty() {
        h.push_str("<span class=\"none\">no findings</span>");
    }
    for ((code, rule), n) in &by_rule {
        let _ = write!(
            h,
            "<label><input type=\"checkbox\" name=\"rule\" value=\"{}\" checked> <code>{}</code> {} ({n})</label>",
            escape(rule),
            escape(code),
            escape(rule)
        );
    }
    let total = report.findings.len();
    let _ = write!(
        h,
        "</fieldset>\n<label><input type=\"checkbox\" id=\"only-findings\"> only rows with findings</label>\n\
         <output id=\"shown\">{total} of {total} findings shown</output>\n</form>\n"
    );
    if !report.notes.is_empty() {
        h.push_str("<ul class=\"notes-list\">");
        for n in &report.notes {
            let _ = write!(h, "<li>note: {}</li>", escape(n));
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</header>\n");
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 { one.to_owned() } else { many.to_owned() }
}

/// Per sentence, the spans to highlight: (start, end) relative to the sentence's raw text, and the
/// finding. Insertion points (empty spans) are left out; the gap row shows them.
type Marks = Vec<Vec<(usize, usize, usize)>>;

fn marks(report: &Report, doc: &DocumentInfo, pick: impl Fn(&Finding) -> Option<&Location>) -> Marks {
    let mut out: Marks = vec![Vec::new(); doc.sentences.len()];
    for (i, f) in report.findings.iter().enumerate() {
        let Some(loc) = pick(f) else { continue };
        if loc.span.is_empty() {
            continue;
        }
        let Some(sentence) = doc.sentences.get(loc.sentence) else { continue };
        let start = loc.span.start.saturating_sub(sentence.span.start);
        let end = loc.span.end.saturating_sub(sentence.span.start).min(sentence.span.len());
        if start < end
            && let Some(list) = out.get_mut(loc.sentence)
        {
            list.push((start, end, i));
        }
    }
    out
}

fn side_cell(
    h: &mut String,
    doc: &DocumentInfo,
    class: &str,
    sentences: impl Iterator<Item = usize>,
    marks: &Marks,
    report: &Report,
    gap: &str,
) {
    let sentences: Vec<usize> = sentences.collect();
    if sentences.is_empty() {
        let _ = write!(h, "<td class=\"side {class} gap\"><span class=\"gap-label\">{gap}</span></td>");
        return;
    }
    let _ = write!(h, "<td class=\"side {class}\" lang=\"{}\">", escape(&doc.language));
    for (k, &i) in sentences.iter().enumerate() {
        let Some(s) = doc.sentences.get(i) else { continue };
        if k > 0 {
            h.push(' ');
        }
        let _ = write!(
            h,
            "<span class=\"s\" id=\"{class}-{i}\" title=\"sentence {}, line {}\"><span class=\"sn\">{}</span>",
            i + 1,
            s.line,
            i + 1
        );
        let raw = doc.raw.get(s.span.clone()).unwrap_or(&s.text);
        highlighted(h, raw, marks.get(i).map_or(&[][..], Vec::as_slice), report);
        h.push_str("</span>");
    }
    h.push_str("</td>");
}

/// The sentence with each highlighted stretch in a `<mark>` naming the findings that cover it.
fn highlighted(h: &mut String, raw: &str, marks: &[(usize, usize, usize)], report: &Report) {
    let mut cuts: Vec<usize> = vec![0, raw.len()];
    for &(s, e, _) in marks {
        cuts.push(s.min(raw.len()));
        cuts.push(e.min(raw.len()));
    }
    cuts.retain(|&c| raw.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let Some(piece) = raw.get(a..b) else { continue };
        let covering: Vec<usize> =
            marks.iter().filter(|&&(s, e, _)| s <= a && b <= e).map(|&(_, _, f)| f).collect();
        if covering.is_empty() {
            h.push_str(&escape(piece));
            continue;
        }
        let worst = covering
            .iter()
            .filter_map(|&f| report.findings.get(f))
            .map(|f| f.severity)
            .max()
            .unwrap_or(Severity::Info);
        let titles: Vec<String> = covering
            .iter()
            .filter_map(|&f| report.findings.get(f))
            .map(|f| format!("{} {}", f.code, f.message))
            .collect();
        let ids: Vec<String> = covering.iter().map(ToString::to_string).collect();
        let _ = write!(
            h,
            "<mark class=\"claim sev-{worst}\" data-f=\"{}\" title=\"{}\">{}</mark>",
            ids.join(" "),
            escape(&titles.join("\n")),
            escape(piece)
        );
    }
}

fn finding(report: &Report, i: usize, h: &mut String) {
    let Some(f) = report.findings.get(i) else { return };
    let _ = write!(
        h,
        "<div class=\"finding sev-{}\" id=\"finding-{i}\" data-f=\"{i}\" data-severity=\"{}\" data-rule=\"{}\">\
         <p><span class=\"sev\">{}</span> <code>{}</code> <span class=\"rule\">{}</span></p>\
         <p class=\"msg\">{}</p>",
        f.severity,
        f.severity,
        escape(f.rule),
        f.severity,
        escape(f.code),
        escape(f.rule),
        message(&f.message)
    );
    if let Some(help) = &f.help {
        let _ = write!(h, "<p class=\"help\">help: {}</p>", message(help));
    }
    if f.demoted {
        h.push_str("<p class=\"demoted\">demoted one level: the alignment here is weak</p>");
    }
    let mut wheres = Vec::new();
    for (loc, doc, side) in
        [(&f.translation, &report.translation, "translation"), (&f.original, &report.original, "original")]
    {
        if let Some(l) = loc {
            let label = if l.label.is_empty() { String::new() } else { format!(": {}", message(&l.label)) };
            wheres.push(format!(
                "<span title=\"{}\">{side} {}:{}</span>{label}",
                escape(&doc.path),
                l.line,
                l.column
            ));
        }
    }
    if !wheres.is_empty() {
        let _ = write!(h, "<p class=\"where\">{}</p>", wheres.join("<br>"));
    }
    h.push_str("</div>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_that_could_be_markup() {
        assert_eq!(
            escape(r#"<script>"a" & 'b'</script>"#),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
        assert_eq!(
            message("the number `200` became `<300>`"),
            "the number <code>200</code> became <code>&lt;300&gt;</code>"
        );
        assert_eq!(message("odd ` tick"), "odd ` tick");
    }
}
