//! The `sarif` format: SARIF 2.1.0, the interchange format code-scanning services read (GitHub code
//! scanning among them).
//!
//! One run, tool `provcheck`, with a rule descriptor for each rule that has a finding (code as `id`, name,
//! summary, documentation as help text, default severity as the default level). Each finding is a result
//! whose location is the translation (the original when the translation has none) and whose related
//! location is the original. Columns count Unicode code points (`columnKind`). Hand-written with
//! `serde_json`: the subset we emit is small, and the schema test (`tests/render.rs`) pins it.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::{line_col, sentence_raw};
use crate::compare::Rule;
use crate::report::{DocumentInfo, Finding, Location, Report, Severity};

/// The schema URI written into the log.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Writes the report as a SARIF log, with rule metadata taken from `rules`.
pub fn render(report: &Report, rules: &[&Rule], out: &mut dyn Write) -> io::Result<()> {
    render_many(&[report], rules, out)
}

/// Writes many reports as one SARIF log (one run, every pair's results in order).
pub fn render_many(reports: &[&Report], rules: &[&Rule], out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &to_value(reports, rules)).map_err(io::Error::other)?;
    writeln!(out)
}

/// The SARIF log as a JSON value.
pub fn to_value(reports: &[&Report], rules: &[&Rule]) -> Value {
    // Descriptors for the rules that have findings, in code order; results point at them by index.
    let mut codes: Vec<(&str, &str)> =
        reports.iter().flat_map(|r| r.findings.iter()).map(|f| (f.code, f.rule)).collect();
    codes.sort_unstable();
    codes.dedup_by(|a, b| a.0 == b.0);
    let descriptors: Vec<Value> = codes
        .iter()
        .map(|&(code, name)| match rules.iter().find(|r| r.code == code) {
            Some(rule) => descriptor(rule),
            None => json!({ "id": code, "name": name }),
        })
        .collect();
    let results: Vec<Value> = reports
        .iter()
        .flat_map(|report| report.findings.iter().map(move |f| (report, f)))
        .map(|(report, f)| {
            let index = codes.iter().position(|&(c, _)| c == f.code).unwrap_or(0);
            result(report, f, index)
        })
        .collect();
    json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "provcheck",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": descriptors,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

fn descriptor(rule: &Rule) -> Value {
    let doc = rule_doc(rule);
    json!({
        "id": rule.code,
        "name": rule.name,
        "shortDescription": { "text": rule.summary },
        "fullDescription": { "text": rule.summary },
        "help": { "text": doc, "markdown": doc },
        "defaultConfiguration": { "level": level(rule.severity) },
    })
}

/// The rule's documentation without the one-space indent doc comments carry.
pub fn rule_doc(rule: &Rule) -> String {
    let lines: Vec<&str> = rule.doc.lines().map(|l| l.strip_prefix(' ').unwrap_or(l)).collect();
    lines.join("\n").trim().to_owned()
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn result(report: &Report, f: &Finding, rule_index: usize) -> Value {
    let mut locations = Vec::new();
    let mut related = Vec::new();
    match (&f.translation, &f.original) {
        (Some(t), original) => {
            locations.push(json!({ "physicalLocation": physical(&report.translation, t) }));
            if let Some(o) = original {
                related.push(json!({
                    "id": 1,
                    "physicalLocation": physical(&report.original, o),
                    "message": { "text": format!("original: {}", o.label) },
                }));
            }
        }
        (None, Some(o)) => locations.push(json!({ "physicalLocation": physical(&report.original, o) })),
        (None, None) => locations.push(json!({
            "physicalLocation": { "artifactLocation": { "uri": uri(&report.translation.path) } }
        })),
    }
    let mut message = f.message.clone();
    if let Some(help) = &f.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    let mut value = json!({
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": level(f.severity),
        "message": { "text": message },
        "locations": locations,
        "properties": { "rule": f.rule, "demoted": f.demoted },
    });
    if !related.is_empty()
        && let Some(map) = value.as_object_mut()
    {
        map.insert("relatedLocations".to_owned(), Value::Array(related));
    }
    value
}

fn physical(doc: &DocumentInfo, loc: &Location) -> Value {
    let (end_line, end_column) = line_col(&doc.raw, loc.span.end);
    let mut region = json!({
        "startLine": loc.line,
        "startColumn": loc.column,
        "endLine": end_line,
        "endColumn": end_column.max(if end_line == loc.line { loc.column } else { 1 }),
        "byteOffset": loc.span.start,
        "byteLength": loc.span.len(),
    });
    if let Some(map) = region.as_object_mut() {
        if !loc.text.is_empty() {
            map.insert("snippet".to_owned(), json!({ "text": loc.text }));
        }
        if !loc.label.is_empty() {
            map.insert("message".to_owned(), json!({ "text": loc.label }));
        }
    }
    let mut value = json!({ "artifactLocation": { "uri": uri(&doc.path) }, "region": region });
    if let Some(sentence) = sentence_raw(doc, loc.sentence)
        && let Some(map) = value.as_object_mut()
    {
        map.insert("contextRegion".to_owned(), context_region(doc, loc.sentence, sentence));
    }
    value
}

/// The whole sentence around a span, so viewers can show it.
fn context_region(doc: &DocumentInfo, index: usize, text: &str) -> Value {
    let span = doc.sentences.get(index).map_or(0..0, |s| s.span.clone());
    let (start_line, start_column) = line_col(&doc.raw, span.start);
    let (end_line, end_column) = line_col(&doc.raw, span.end);
    json!({
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
        "snippet": { "text": text },
    })
}

/// A path as a URI reference: relative paths stay relative (resolved against the checkout by viewers),
/// absolute ones become `file://` URIs; anything outside the unreserved set is percent-encoded.
pub fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::new();
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("news/story.de.md"), "news/story.de.md");
        assert_eq!(uri("/tmp/a b/Straße.md"), "file:///tmp/a%20b/Stra%C3%9Fe.md");
        assert_eq!(uri("<stdin>"), "%3Cstdin%3E");
    }
}
