//! Suppression: waiver comments an editor leaves in the translation, and baselines of known findings.
//!
//! In: a [`Report`] (with the translation's raw text and sentence spans) and, for baselines, a baseline
//! file's content. Out: the same report with the suppressed findings removed, the summary recounted and a
//! note saying how many were suppressed and why. Nothing here decides what is wrong; it only forgets
//! what an editor has already accepted.
//!
//! **Waivers.** `<!-- provcheck: allow number-changed, TP301 -->` (a Markdown/HTML comment; rule names,
//! codes or code prefixes, separated by commas or spaces) waives those rules on one sentence of the
//! translation: the sentence the comment is inside; else the sentence that ends on the same line just
//! before it; else (a comment on a line of its own) the next sentence. A finding that points at an
//! insertion point (a dropped sentence) is also waived by a comment right after the sentence before it.
//!
//! **Baselines.** A baseline lists findings by fingerprint: the rule code and the texts involved (both
//! sentences and both spans, white space folded), never line numbers, so edits elsewhere in the article
//! do not make an old finding new; editing the sentence itself does (for a dropped sentence: the
//! original's sentence, not its neighbour in the translation). Counts matter: a baseline holding
//! one `number-changed` on a sentence suppresses one such finding, not two.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::{DocumentInfo, Finding, Location, Report, Severity};
use crate::compare;

/// A waiver comment found in the translation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Waiver {
    /// Raw byte range of the comment.
    pub span: Range<usize>,
    /// 1-based line of the comment.
    pub line: usize,
    /// The rules as written.
    pub rules: Vec<String>,
    /// The sentence it waives findings on.
    pub sentence: Option<usize>,
    /// The sentence that ends just before the comment on its line (for insertion points).
    pub after: Option<usize>,
}

impl Waiver {
    fn covers(&self, f: &Finding) -> bool {
        let Some(loc) = &f.translation else { return false };
        let on_sentence =
            self.sentence == Some(loc.sentence) || (loc.span.is_empty() && self.after == Some(loc.sentence));
        on_sentence && self.rules.iter().any(|k| rule_matches(k, f.code, f.rule))
    }
}

fn rule_matches(key: &str, code: &str, name: &str) -> bool {
    key == name || code.to_ascii_lowercase().starts_with(&key.to_ascii_lowercase())
}

/// Finds the waiver comments in a document and the sentences they apply to.
pub fn waivers(doc: &DocumentInfo) -> Vec<Waiver> {
    let raw = doc.raw.as_str();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = raw.get(from..).and_then(|r| r.find("<!--")).map(|i| from + i) {
        let Some(close) = raw.get(open + 4..).and_then(|r| r.find("-->")).map(|i| open + 4 + i + 3) else {
            break;
        };
        from = close;
        let body = raw.get(open + 4..close - 3).unwrap_or("").trim();
        let Some(rest) = body.strip_prefix("provcheck:") else { continue };
        let Some(list) = rest.trim_start().strip_prefix("allow") else { continue };
        if !list.is_empty() && !list.starts_with(char::is_whitespace) {
            continue;
        }
        let rules: Vec<String> =
            list.split([',', ' ', '\t', '\n', '\r']).filter(|s| !s.is_empty()).map(str::to_owned).collect();
        let line = raw[..open].matches('\n').count() + 1;
        let inside = doc.sentences.iter().position(|s| s.span.start <= open && close <= s.span.end);
        let after = doc
            .sentences
            .iter()
            .rposition(|s| s.span.end <= open)
            .filter(|&i| raw.get(doc.sentences[i].span.end..open).is_some_and(|gap| !gap.contains('\n')));
        let next = doc.sentences.iter().position(|s| s.span.start >= close);
        let sentence = inside.or(after).or(next);
        out.push(Waiver { span: open..close, line, rules, sentence, after });
    }
    out
}

/// Removes the findings the translation's waiver comments allow; notes what was waived and any waiver
/// that names no rule.
pub fn apply_waivers(report: &mut Report) {
    let waivers = waivers(&report.translation);
    if waivers.is_empty() {
        return;
    }
    for w in &waivers {
        for k in &w.rules {
            if !compare::RULES.iter().any(|r| rule_matches(k, r.code, r.name)) {
                report.notes.push(format!(
                    "{}:{}: the waiver names no rule `{k}` (see `provcheck rules`)",
                    report.translation.path, w.line
                ));
            }
        }
        if w.rules.is_empty() {
            report.notes.push(format!(
                "{}:{}: the waiver names no rule; write `<!-- provcheck: allow RULE -->`",
                report.translation.path, w.line
            ));
        }
    }
    let before = report.findings.len();
    report.findings.retain(|f| !waivers.iter().any(|w| w.covers(f)));
    let waived = before - report.findings.len();
    if waived > 0 {
        report.notes.push(format!(
            "{}: {waived} finding{} waived by comments in the translation",
            report.translation.path,
            if waived == 1 { "" } else { "s" }
        ));
    }
    recount(report);
}

/// Recomputes the severity counts of the summary after findings were removed.
pub fn recount(report: &mut Report) {
    let count = |s: Severity| report.findings.iter().filter(|f| f.severity == s).count();
    report.summary.errors = count(Severity::Error);
    report.summary.warnings = count(Severity::Warning);
    report.summary.infos = count(Severity::Info);
}

/// The version of the baseline file format.
pub const BASELINE_VERSION: u32 = 1;

/// A baseline file: known findings, by translation and fingerprint.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<BaselineEntry>,
}

/// One known finding. Only `translation`, `code` and `fingerprint` are matched; `message` and `text` are
/// there for the people reading the file in a review.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
pub struct BaselineEntry {
    /// The translation's path, relative to the baseline file's folder where possible.
    pub translation: String,
    pub code: String,
    pub fingerprint: String,
    pub message: String,
    /// The translation's sentence (or the original's, for a finding without a translation location).
    pub text: String,
}

/// The fingerprint of a finding: FNV-1a (64 bit, written out here so it never changes with a library
/// version) over the code and the folded texts of both locations and their sentences.
pub fn fingerprint(report: &Report, f: &Finding) -> String {
    let mut parts = vec![f.code.to_owned()];
    for (loc, doc) in [(&f.translation, &report.translation), (&f.original, &report.original)] {
        match loc {
            // An insertion point (where a dropped sentence would go) says nothing about the finding:
            // its neighbour may be edited freely.
            Some(l) if l.span.is_empty() => parts.extend([String::new(), String::new()]),
            Some(l) => {
                parts.push(fold(&l.text));
                parts.push(fold(&sentence_text(doc, l)));
            }
            None => parts.extend([String::new(), String::new()]),
        }
    }
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in &parts {
        for b in part.bytes().chain(std::iter::once(0x1f)) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

fn sentence_text(doc: &DocumentInfo, loc: &Location) -> String {
    doc.sentences.get(loc.sentence).map(|s| s.text.clone()).unwrap_or_default()
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Baseline {
    /// A baseline of every finding in `reports`; `key` gives each report's translation key (its path
    /// relative to the baseline file).
    pub fn from_reports<'a>(reports: impl IntoIterator<Item = (&'a Report, String)>) -> Baseline {
        let mut findings = Vec::new();
        for (report, key) in reports {
            for f in &report.findings {
                let text = match (&f.translation, &f.original) {
                    (Some(l), _) => sentence_text(&report.translation, l),
                    (None, Some(l)) => sentence_text(&report.original, l),
                    (None, None) => String::new(),
                };
                findings.push(BaselineEntry {
                    translation: key.clone(),
                    code: f.code.to_owned(),
                    fingerprint: fingerprint(report, f),
                    message: f.message.clone(),
                    text,
                });
            }
        }
        findings.sort();
        Baseline { version: BASELINE_VERSION, findings }
    }

    /// Parses a baseline file.
    pub fn parse(text: &str) -> Result<Baseline, String> {
        let b: Baseline = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if b.version != BASELINE_VERSION {
            return Err(format!("unsupported baseline version {} (expected {BASELINE_VERSION})", b.version));
        }
        Ok(b)
    }

    /// The file's content: pretty JSON, entries sorted, a final newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// How many findings of each (translation, fingerprint) the baseline knows.
    pub fn counts(&self) -> BTreeMap<(String, String), usize> {
        let mut m = BTreeMap::new();
        for e in &self.findings {
            *m.entry((e.translation.clone(), e.fingerprint.clone())).or_insert(0) += 1;
        }
        m
    }
}

/// Removes from `report` the findings `counts` still holds for translation `key`, consuming them;
/// returns how many were removed and recounts the summary.
pub fn apply_baseline(
    report: &mut Report,
    key: &str,
    counts: &mut BTreeMap<(String, String), usize>,
) -> usize {
    let prints: Vec<String> = report.findings.iter().map(|f| fingerprint(report, f)).collect();
    let mut keep = Vec::new();
    let mut removed = 0;
    for (f, print) in std::mem::take(&mut report.findings).into_iter().zip(prints) {
        match counts.get_mut(&(key.to_owned(), print)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                removed += 1;
            }
            _ => keep.push(f),
        }
    }
    report.findings = keep;
    recount(report);
    removed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::SentenceInfo;

    fn doc(raw: &str, sentences: &[&str]) -> DocumentInfo {
        let mut from = 0;
        let sentences = sentences
            .iter()
            .enumerate()
            .map(|(index, s)| {
                let start = from + raw[from..].find(s).expect("sentence");
                from = start + s.len();
                SentenceInfo { index, paragraph: 0, text: s.to_string(), span: start..from, line: 1 }
            })
            .collect();
        DocumentInfo {
            path: "t.md".into(),
            language: "en".into(),
            language_source: "given".into(),
            sentences,
            raw: raw.into(),
        }
    }

    #[test]
    fn waivers_find_their_sentence() {
        let raw = "One has 3. <!-- provcheck: allow number-changed, TP301 --> Two.\n\
                   <!-- provcheck: allow hedge-dropped -->\nThree <!-- provcheck: allow TP5 --> here.\n\
                   <!-- other comment --> <!-- provcheck:allowance x -->\n";
        let d = doc(raw, &["One has 3.", "Two.", "Three <!-- provcheck: allow TP5 --> here."]);
        let w = waivers(&d);
        assert_eq!(w.len(), 3, "{w:?}");
        assert_eq!(
            (w[0].rules.clone(), w[0].sentence, w[0].after),
            (vec!["number-changed".into(), "TP301".into()], Some(0), Some(0))
        );
        assert_eq!((w[1].sentence, w[1].after, w[1].line), (Some(2), None, 2), "own line: the next sentence");
        assert_eq!(
            (w[2].sentence, w[2].rules.clone()),
            (Some(2), vec!["TP5".to_owned()]),
            "inside the sentence"
        );
    }

    #[test]
    fn fingerprints_ignore_positions_and_spacing() {
        let d = doc("x\n\nA has 3.", &["A has 3."]);
        let loc = |doc: &DocumentInfo| Location {
            sentence: 0,
            span: doc.sentences[0].span.clone(),
            text: "3".into(),
            line: 3,
            column: 7,
            label: String::new(),
        };
        let f = Finding {
            code: "TP101",
            rule: "number-changed",
            severity: Severity::Error,
            message: "m".into(),
            translation: Some(loc(&d)),
            original: None,
            help: None,
            demoted: false,
        };
        let report = |d: DocumentInfo| Report {
            version: 1,
            original: d.clone(),
            translation: d,
            beads: vec![],
            claims: vec![],
            findings: vec![f.clone()],
            diffs: vec![],
            summary: Default::default(),
            notes: vec![],
        };
        let a = fingerprint(&report(d.clone()), &f);
        let moved = doc("more text above\n\nx\n\nA  has\n3.", &["A  has\n3."]);
        assert_eq!(a, fingerprint(&report(moved), &f));
        let edited = doc("A has 4.", &["A has 4."]);
        assert_ne!(a, fingerprint(&report(edited), &f));
        assert_eq!(a.len(), 16);
    }
}
