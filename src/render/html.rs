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

/// Writes the page for one pair.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(page(&[report]).as_bytes())
}

/// Writes one page for many pairs: the totals and filters on top, then a section per pair.
pub fn render_many(reports: &[&Report], out: &mut dyn Write) -> io::Result<()> {
    out.write_all(page(reports).as_bytes())
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

fn page(reports: &[&Report]) -> String {
    let mut h = String::new();
    let title = match reports {
        [one] => format!("provcheck: {} against {}", one.translation.path, one.original.path),
        _ => format!("provcheck: {} pairs", reports.len()),
    };
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"provcheck {}\">\n<title>{}</title>\n\
         <style>\n{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        escape(&title),
    );
    header(reports, &mut h);
    h.push_str("<main>\n");
    for (k, report) in reports.iter().enumerate() {
        if reports.len() == 1 {
            pair_table(report, "", &mut h);
        } else {
            let _ = write!(
                h,
                "<section class=\"pair-section\" id=\"pair-{k}\">\n<h2>{} <code>{}</code> against <code>{}</code></h2>\n",
                k + 1,
                escape(&report.translation.path),
                escape(&report.original.path)
            );
            summary_list(&[report], &mut h);
            notes_list(report, &mut h);
            pair_table(report, &format!("p{k}-"), &mut h);
            h.push_str("</section>\n");
        }
    }
    let _ = write!(h, "</main>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n");
    h
}

/// The aligned rows of one pair; `prefix` keeps ids unique on a page with many pairs.
fn pair_table(report: &Report, prefix: &str, h: &mut String) {
    let o = &report.original;
    let t = &report.translation;
    let (rows, unplaced) = placements(report);
    h.push_str("<table class=\"pair\">\n<thead><tr><th class=\"n\">#</th>");
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
    let (edits_o, edits_t) = (edits(report, o, true), edits(report, t, false));
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
        let ids: Vec<String> = rows[b].iter().map(|i| format!("{prefix}{i}")).collect();
        let mut classes = vec!["row", kind];
        if bead.low_confidence {
            classes.push("weak");
        }
        if new_para {
            classes.push("para");
        }
        let _ = write!(
            h,
            "<tr class=\"{}\" id=\"{prefix}bead-{b}\" data-f=\"{}\"><td class=\"n\" title=\"bead {b}, score {:.2}{}\">{}</td>",
            classes.join(" "),
            ids.join(" "),
            bead.score,
            if bead.low_confidence { ", weak alignment" } else { "" },
            b + 1
        );
        let cells = [
            (
                o,
                "orig",
                bead.original.iter().map(|i| i.0).collect::<Vec<_>>(),
                &marks_o,
                &edits_o,
                GAP_ORIGINAL,
            ),
            (t, "trans", bead.translation.iter().map(|i| i.0).collect(), &marks_t, &edits_t, GAP_TRANSLATION),
        ];
        for (doc, class, sentences, marks, edits, gap) in cells {
            side_cell(h, Cell { doc, class, prefix, sentences: &sentences, marks, edits, gap }, report);
        }
        h.push_str("<td class=\"notes\">");
        for &i in &rows[b] {
            finding(report, i, prefix, h);
        }
        h.push_str("</td></tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
    if !unplaced.is_empty() {
        h.push_str("<section class=\"unplaced\">\n<h3>Findings outside the aligned rows</h3>\n");
        for &i in &unplaced {
            finding(report, i, prefix, h);
        }
        h.push_str("</section>\n");
    }
}

const GAP_ORIGINAL: &str = "no original sentence: added by the translation";
const GAP_TRANSLATION: &str = "missing from the translation: dropped";

fn header(reports: &[&Report], h: &mut String) {
    h.push_str("<header>\n<h1>provcheck report</h1>\n");
    match reports {
        [one] => {
            let (o, t, s) = (&one.original, &one.translation, &one.summary);
            let _ = writeln!(
                h,
                "<p class=\"docs\">original <b>{}</b> ({}, {} sentences) → translation <b>{}</b> ({}, {} \
                 sentences)</p>",
                escape(&o.path),
                escape(&o.language),
                s.original_sentences,
                escape(&t.path),
                escape(&t.language),
                s.translation_sentences,
            );
        }
        _ => {
            let _ = writeln!(h, "<p class=\"docs\">{} pairs</p>", reports.len());
        }
    }
    summary_list(reports, h);
    let findings = || reports.iter().flat_map(|r| r.findings.iter());
    h.push_str("<form id=\"filters\">\n<fieldset><legend>severity</legend>");
    for sev in [Severity::Error, Severity::Warning, Severity::Info] {
        let n = findings().filter(|f| f.severity == sev).count();
        let _ = write!(
            h,
            "<label><input type=\"checkbox\" name=\"severity\" value=\"{sev}\" checked> {sev} ({n})</label>"
        );
    }
    h.push_str("</fieldset>\n<fieldset><legend>rule</legend>");
    let mut by_rule: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for f in findings() {
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
    let total = findings().count();
    let _ = write!(
        h,
        "</fieldset>\n<label><input type=\"checkbox\" id=\"only-findings\"> only rows with findings</label>\n\
         <output id=\"shown\">{total} of {total} findings shown</output>\n</form>\n"
    );
    if let [one] = reports {
        notes_list(one, h);
    }
    h.push_str("</header>\n");
}

/// The counts of one or many pairs.
fn summary_list(reports: &[&Report], h: &mut String) {
    let sum = |f: fn(&crate::report::Summary) -> usize| reports.iter().map(|r| f(&r.summary)).sum::<usize>();
    let (errors, warnings, infos) = (sum(|s| s.errors), sum(|s| s.warnings), sum(|s| s.infos));
    h.push_str("<ul class=\"summary\">");
    for (n, what, class) in [
        (errors, plural(errors, "error", "errors"), "sev-error"),
        (warnings, plural(warnings, "warning", "warnings"), "sev-warning"),
        (infos, plural(infos, "info", "infos"), "sev-info"),
        (sum(|s| s.aligned_beads), "aligned".to_owned(), "beads"),
        (sum(|s| s.dropped_sentences), "dropped".to_owned(), "beads"),
        (sum(|s| s.added_sentences), "added".to_owned(), "beads"),
        (sum(|s| s.low_confidence_beads), "weak".to_owned(), "beads"),
    ] {
        let _ = write!(h, "<li class=\"{class}\"><span class=\"num\">{n}</span>{what}</li>");
    }
    let edits: Vec<&crate::diff::Edit> =
        reports.iter().flat_map(|r| r.diffs.iter().flat_map(|d| &d.edits)).collect();
    if !edits.is_empty() {
        let touching = edits.iter().filter(|e| e.touches_claim()).count();
        let _ = write!(
            h,
            "<li class=\"edits\" title=\"same language: a word diff of each aligned row\"><span class=\"num\">{}</span>{} ({touching} touching a claim)</li>",
            edits.len(),
            plural(edits.len(), "edit", "edits")
        );
    }
    h.push_str("</ul>\n");
}

fn notes_list(report: &Report, h: &mut String) {
    if !report.notes.is_empty() {
        h.push_str("<ul class=\"notes-list\">");
        for n in &report.notes {
            let _ = write!(h, "<li>note: {}</li>", escape(n));
        }
        h.push_str("</ul>\n");
    }
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

/// Per sentence, the words a same-language diff marks: (start, end) relative to the sentence's raw text,
/// and whether the edit touches a claim.
type Edits = Vec<Vec<(usize, usize, bool)>>;

fn edits(report: &Report, doc: &DocumentInfo, original: bool) -> Edits {
    let mut out: Edits = vec![Vec::new(); doc.sentences.len()];
    for e in report.diffs.iter().flat_map(|d| &d.edits) {
        let spans = if original { &e.original } else { &e.translation };
        for span in spans {
            let Some(sentence) = doc.sentences.get(span.sentence) else { continue };
            let start = span.span.start.saturating_sub(sentence.span.start);
            let end = span.span.end.saturating_sub(sentence.span.start).min(sentence.span.len());
            if start < end
                && let Some(list) = out.get_mut(span.sentence)
            {
                list.push((start, end, e.touches_claim()));
            }
        }
    }
    out
}

/// One side of a row: its document, sentences and highlights, or the gap text when it has none.
struct Cell<'a> {
    doc: &'a DocumentInfo,
    class: &'a str,
    prefix: &'a str,
    sentences: &'a [usize],
    marks: &'a Marks,
    edits: &'a Edits,
    gap: &'a str,
}

fn side_cell(h: &mut String, c: Cell<'_>, report: &Report) {
    let Cell { doc, class, prefix, sentences, marks, edits, gap } = c;
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
            "<span class=\"s\" id=\"{prefix}{class}-{i}\" title=\"sentence {}, line {}\"><span class=\"sn\">{}</span>",
            i + 1,
            s.line,
            i + 1
        );
        let raw = doc.raw.get(s.span.clone()).unwrap_or(&s.text);
        let marks = marks.get(i).map_or(&[][..], Vec::as_slice);
        let edits = edits.get(i).map_or(&[][..], Vec::as_slice);
        let edit_class = if class == "orig" { "del" } else { "ins" };
        highlighted(h, raw, Layers { marks, edits, edit_class }, report, prefix);
        h.push_str("</span>");
    }
    h.push_str("</td>");
}

/// What to draw over a sentence: the findings' spans and the same-language diff's words.
struct Layers<'a> {
    marks: &'a [(usize, usize, usize)],
    edits: &'a [(usize, usize, bool)],
    /// `del` in the original, `ins` in the translation.
    edit_class: &'a str,
}

/// The sentence with each highlighted stretch in a `<mark>` naming the findings that cover it, and each
/// edited word (same-language pairs) in a `<span class="edit">` inside it.
fn highlighted(h: &mut String, raw: &str, layers: Layers<'_>, report: &Report, prefix: &str) {
    let Layers { marks, edits, edit_class } = layers;
    let mut cuts: Vec<usize> = vec![0, raw.len()];
    for &(s, e) in
        marks.iter().map(|m| (m.0, m.1)).chain(edits.iter().map(|e| (e.0, e.1))).collect::<Vec<_>>().iter()
    {
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
        let edit =
            edits.iter().filter(|&&(s, e, _)| s <= a && b <= e).map(|&(_, _, t)| t).reduce(|x, y| x || y);
        let mut inner = escape(piece);
        if let Some(touches) = edit {
            let (class, title) = match (edit_class, touches) {
                ("del", true) => ("del touch", "removed by the edit, which touches a claim"),
                ("del", false) => ("del", "removed by the edit"),
                (_, true) => ("ins touch", "added by the edit, which touches a claim"),
                (_, false) => ("ins", "added by the edit"),
            };
            inner = format!("<span class=\"edit {class}\" title=\"{title}\">{inner}</span>");
        }
        if covering.is_empty() {
            h.push_str(&inner);
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
        let ids: Vec<String> = covering.iter().map(|i| format!("{prefix}{i}")).collect();
        let _ = write!(
            h,
            "<mark class=\"claim sev-{worst}\" data-f=\"{}\" title=\"{}\">{inner}</mark>",
            ids.join(" "),
            escape(&titles.join("\n")),
        );
    }
}

fn finding(report: &Report, i: usize, prefix: &str, h: &mut String) {
    let Some(f) = report.findings.get(i) else { return };
    let _ = write!(
        h,
        "<div class=\"finding sev-{}\" id=\"{prefix}finding-{i}\" data-f=\"{prefix}{i}\" data-severity=\"{}\" data-rule=\"{}\">\
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
