//! Findings and reports: the one data model every renderer draws from.
//!
//! In: the documents, their sentences, the alignment, the claims and the findings the rules produced.
//! Out: a [`Report`], plain data in a fixed order (findings sorted by translation position, then
//! original position, then code), serialisable as the JSON wire format (see `docs/json-format.md`).
//! This module must not print or colour anything.

pub mod suppress;

use std::ops::Range;

use serde::Serialize;

use crate::align::Bead;
use crate::claims::SentenceClaims;

/// The version of the JSON report format. Bump on any incompatible change.
pub const FORMAT_VERSION: u32 = 1;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; never fails a run by default.
    Info,
    /// Probably a problem; the editor should check.
    Warning,
    /// Near-certain: the translation dropped, added or altered a claim.
    Error,
}

impl Severity {
    /// The lowercase name, as in the JSON and the text report.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// One step down (error → warning → info), used when the alignment behind a finding is weak.
    pub fn demoted(self) -> Severity {
        match self {
            Severity::Error => Severity::Warning,
            _ => Severity::Info,
        }
    }

    /// Parses `error`, `warning` or `info`.
    pub fn parse(s: &str) -> Option<Severity> {
        match s.to_ascii_lowercase().as_str() {
            "error" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a finding points in one document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Location {
    /// 0-based sentence index in that document.
    pub sentence: usize,
    /// Byte range in the raw file (what the user wrote), possibly empty (an insertion point).
    pub span: Range<usize>,
    /// The text of the span (empty for an insertion point).
    pub text: String,
    /// 1-based line and column (in characters) of the span's start in the raw file.
    pub line: usize,
    pub column: usize,
    /// A short label for the span: what is there, or what is missing.
    pub label: String,
}

/// One thing the translation dropped, added or altered.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// Rule code, e.g. `TP101`.
    pub code: &'static str,
    /// Rule name, e.g. `number-mismatch`.
    pub rule: &'static str,
    pub severity: Severity,
    /// Lowercase, no trailing period, claims in backticks.
    pub message: String,
    /// The primary location: the translation, where the editor acts. For something dropped, an empty
    /// span where the missing text would go.
    pub translation: Option<Location>,
    /// The evidence: the aligned original, if there is one.
    pub original: Option<Location>,
    /// An optional suggestion.
    pub help: Option<String>,
    /// True when the finding was demoted because its alignment is weak.
    pub demoted: bool,
}

/// A document as the report shows it.
#[derive(Clone, Debug, Serialize)]
pub struct DocumentInfo {
    /// The path as given, or `<stdin>`.
    pub path: String,
    /// ISO 639-1 code used for the run.
    pub language: String,
    /// How the language was decided: `given`, `detected`, or `fallback`.
    pub language_source: String,
    pub sentences: Vec<SentenceInfo>,
    /// The raw input, for renderers that quote it (not part of the JSON format).
    #[serde(skip)]
    pub raw: String,
}

/// A sentence as the report shows it.
#[derive(Clone, Debug, Serialize)]
pub struct SentenceInfo {
    pub index: usize,
    pub paragraph: usize,
    pub text: String,
    /// Byte range in the raw file.
    pub span: Range<usize>,
    pub line: usize,
}

/// Counts for the summary.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub original_sentences: usize,
    pub translation_sentences: usize,
    /// Beads with sentences on both sides.
    pub aligned_beads: usize,
    /// Original sentences with no counterpart.
    pub dropped_sentences: usize,
    /// Translation sentences with no counterpart.
    pub added_sentences: usize,
    /// Beads the aligner was unsure of.
    pub low_confidence_beads: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

/// The claims compared for one bead, for the JSON report and the `claims` view.
#[derive(Clone, Debug, Serialize)]
pub struct BeadClaims {
    pub bead: usize,
    pub original: SentenceClaims,
    pub translation: SentenceClaims,
}

/// Everything `check` found, as data.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub version: u32,
    pub original: DocumentInfo,
    pub translation: DocumentInfo,
    pub beads: Vec<Bead>,
    /// Claims per bead (only beads where either side has claims).
    pub claims: Vec<BeadClaims>,
    pub findings: Vec<Finding>,
    /// Word-level diffs of the aligned beads, for pairs in the same language only (absent otherwise).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub diffs: Vec<crate::diff::BeadDiff>,
    pub summary: Summary,
    /// Notes about the run (language detection, dictionary used, checks skipped).
    pub notes: Vec<String>,
}

impl Report {
    /// The most serious severity among the findings.
    pub fn max_severity(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }

    /// True when some finding is at or above `level`.
    pub fn fails(&self, level: Severity) -> bool {
        self.max_severity().is_some_and(|s| s >= level)
    }
}

/// Sorts findings into their fixed output order.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        let key = |f: &Finding| {
            (
                f.translation.as_ref().map_or(usize::MAX, |l| l.sentence),
                f.translation.as_ref().map_or(usize::MAX, |l| l.span.start),
                f.original.as_ref().map_or(usize::MAX, |l| l.sentence),
                f.original.as_ref().map_or(usize::MAX, |l| l.span.start),
                f.code,
            )
        };
        key(a).cmp(&key(b)).then_with(|| a.message.cmp(&b.message))
    });
}
