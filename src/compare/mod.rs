//! Comparison: the rules that turn an aligned, claim-annotated document pair into findings.
//!
//! In: a [`Context`] (both documents' sentences and claims, the alignment). Out: [`Finding`]s, one per
//! thing the translation dropped, added or altered. Each rule lives in its own file under `rules/`, with
//! its code, name, default severity and documentation; [`RULES`] is the registry, a static slice sorted by
//! code. This module must not print; severity overrides and rule selection are applied by the caller.

mod attributions;
mod common;
mod evidence;
mod names;
mod numbers;
mod quotes;
pub mod rules;
mod sources;

use std::ops::Range;

use crate::align::{Alignment, Bead};
use crate::claims::SentenceClaims;
use crate::index::{OrigIdx, TransIdx};
use crate::input::Document;
use crate::lang::Language;
use crate::report::{Finding, Location, Severity};
use crate::segment::Sentence;

pub use rules::RULES;

/// A rule: what it is called, how serious its findings are by default, and the check itself.
#[derive(Debug)]
pub struct Rule {
    /// Stable code, `TP` and three digits; the first digit is the family.
    pub code: &'static str,
    /// Kebab-case name that reads as "allow <name>".
    pub name: &'static str,
    /// Severity before configuration; a rule may raise or lower it per finding (documented in `doc`).
    pub severity: Severity,
    /// One line for `provcheck rules`.
    pub summary: &'static str,
    /// The specification, in Markdown with fixed headings: what it checks, why it matters, example,
    /// known false positives. `provcheck explain CODE` prints it.
    pub doc: &'static str,
    /// The check.
    pub check: fn(&Context<'_>, &Rule, &mut Vec<Finding>),
}

/// Finds a rule by code (`TP101`, case-insensitive) or name (`number-changed`).
pub fn find_rule(key: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.code.eq_ignore_ascii_case(key) || r.name == key)
}

/// One side of the pair, ready for comparison.
#[derive(Debug)]
pub struct Side<'a> {
    pub doc: &'a Document,
    pub sentences: &'a [Sentence],
    pub claims: &'a [SentenceClaims],
    pub language: Language,
}

/// What the rules see.
#[derive(Debug)]
pub struct Context<'a> {
    pub original: Side<'a>,
    pub translation: Side<'a>,
    pub alignment: &'a Alignment,
    /// Translation characters per original character over the paired beads (the language pair's
    /// length ratio, measured on this document pair).
    pub char_ratio: f64,
    /// Translation words per original word over the paired beads.
    pub word_ratio: f64,
    folded_original: String,
    folded_translation: String,
    /// Each sentence folded ([`common::fold`]), for rules that search a bead's text.
    folded_original_sentences: Vec<String>,
    folded_translation_sentences: Vec<String>,
    /// Each document's content words ([`common::content_words`] of its folded text), built on first use.
    original_words: std::sync::OnceLock<Vec<String>>,
    translation_words: std::sync::OnceLock<Vec<String>>,
    /// Per bead, the attribution and name differences, computed once for the three rules that read each.
    attribution_diffs: Vec<Vec<attributions::AttributionChange<'a>>>,
    name_diffs: Vec<names::NameDiff<'a>>,
}

/// A bead, with its sentences and claims at hand.
#[derive(Debug, Clone, Copy)]
pub struct BeadView<'a> {
    /// Position of the bead in the alignment.
    pub index: usize,
    pub bead: &'a Bead,
}

impl<'a> Context<'a> {
    /// Builds the context, measuring the document pair's length ratios once.
    pub fn new(original: Side<'a>, translation: Side<'a>, alignment: &'a Alignment) -> Context<'a> {
        let (mut oc, mut tc, mut ow, mut tw) = (0usize, 0usize, 0usize, 0usize);
        for b in alignment.beads.iter().filter(|b| !b.original.is_empty() && !b.translation.is_empty()) {
            for i in &b.original {
                let s = &original.sentences[i.0].text;
                oc += s.chars().count();
                ow += s.split_whitespace().count();
            }
            for i in &b.translation {
                let s = &translation.sentences[i.0].text;
                tc += s.chars().count();
                tw += s.split_whitespace().count();
            }
        }
        let ratio =
            |t: usize, o: usize| if o == 0 || t == 0 { 1.0 } else { (t as f64 / o as f64).clamp(0.25, 4.0) };
        let fold_each = |side: &Side<'_>| side.sentences.iter().map(|s| common::fold(&s.text)).collect();
        let (folded_original_sentences, folded_translation_sentences): (Vec<String>, Vec<String>) =
            (fold_each(&original), fold_each(&translation));
        let mut ctx = Context {
            char_ratio: ratio(tc, oc),
            word_ratio: ratio(tw, ow),
            folded_original: folded_original_sentences.join(" "),
            folded_translation: folded_translation_sentences.join(" "),
            folded_original_sentences,
            folded_translation_sentences,
            original_words: std::sync::OnceLock::new(),
            translation_words: std::sync::OnceLock::new(),
            attribution_diffs: Vec::new(),
            name_diffs: Vec::new(),
            original,
            translation,
            alignment,
        };
        let paired = |b: &Bead| !b.original.is_empty() && !b.translation.is_empty();
        let attribution_diffs = ctx
            .beads()
            .map(|v| if paired(v.bead) { attributions::diff(&ctx, v) } else { Vec::new() })
            .collect();
        ctx.attribution_diffs = attribution_diffs;
        let name_diffs = ctx
            .beads()
            .map(|v| if paired(v.bead) { names::diff(&ctx, v) } else { names::NameDiff::default() })
            .collect();
        ctx.name_diffs = name_diffs;
        ctx
    }

    /// The whole original, folded (see [`common::fold`]).
    pub(crate) fn original_folded(&self) -> &str {
        &self.folded_original
    }

    /// The whole translation, folded.
    pub(crate) fn translation_folded(&self) -> &str {
        &self.folded_translation
    }

    /// The original's content words, for close spellings of a name ([`common::any_cognate`]).
    pub(crate) fn original_words(&self) -> &[String] {
        self.original_words.get_or_init(|| common::content_words(&self.folded_original))
    }

    /// The translation's content words.
    pub(crate) fn translation_words(&self) -> &[String] {
        self.translation_words.get_or_init(|| common::content_words(&self.folded_translation))
    }

    /// The attribution differences of a paired bead ([`attributions::diff`]).
    pub(crate) fn attribution_changes(&self, view: BeadView<'a>) -> &[attributions::AttributionChange<'a>] {
        self.attribution_diffs.get(view.index).map_or(&[], Vec::as_slice)
    }

    /// The name differences of a paired bead ([`names::diff`]).
    pub(crate) fn name_changes(&self, view: BeadView<'a>) -> Option<&names::NameDiff<'a>> {
        self.name_diffs.get(view.index)
    }

    /// One original sentence, folded.
    pub(crate) fn orig_folded(&self, i: OrigIdx) -> &str {
        self.folded_original_sentences.get(i.0).map_or("", String::as_str)
    }

    /// One translation sentence, folded.
    pub(crate) fn trans_folded(&self, i: TransIdx) -> &str {
        self.folded_translation_sentences.get(i.0).map_or("", String::as_str)
    }

    /// Beads in order.
    pub fn beads(&self) -> impl Iterator<Item = BeadView<'a>> + 'a {
        self.alignment.beads.iter().enumerate().map(|(index, bead)| BeadView { index, bead })
    }

    /// Beads with sentences on both sides.
    pub fn paired_beads(&self) -> impl Iterator<Item = BeadView<'a>> + 'a {
        self.beads().filter(|b| !b.bead.original.is_empty() && !b.bead.translation.is_empty())
    }

    /// Claims of one original sentence.
    pub fn orig_claims(&self, i: OrigIdx) -> &'a SentenceClaims {
        &self.original.claims[i.0]
    }

    /// Claims of one translation sentence.
    pub fn trans_claims(&self, i: TransIdx) -> &'a SentenceClaims {
        &self.translation.claims[i.0]
    }

    /// A location in the original: `span` is relative to the sentence text (`None`: the whole sentence).
    pub fn orig_loc(&self, i: OrigIdx, span: Option<Range<usize>>, label: impl Into<String>) -> Location {
        location(&self.original, i.0, span, label.into())
    }

    /// A location in the translation.
    pub fn trans_loc(&self, i: TransIdx, span: Option<Range<usize>>, label: impl Into<String>) -> Location {
        location(&self.translation, i.0, span, label.into())
    }

    /// The sentence of a bead's translation that stands where byte `at` of original sentence `o` stands
    /// in the bead's original, by the share of characters before it: in a 1:2 bead, a cue at the end of
    /// the original sentence lands in the second translation sentence.
    pub fn trans_at(&self, bead: &Bead, o: OrigIdx, at: usize) -> TransIdx {
        let len = |t: &str| t.chars().count();
        let mut before = 0;
        let mut total = 0;
        for &i in &bead.original {
            let text = &self.original.sentences[i.0].text;
            if i == o {
                before = total + text.get(..at).map_or(0, len);
            }
            total += len(text);
        }
        let share = if total == 0 { 0.0 } else { before as f64 / total as f64 };
        let lens: Vec<usize> =
            bead.translation.iter().map(|t| len(&self.translation.sentences[t.0].text)).collect();
        let goal = share * lens.iter().sum::<usize>() as f64;
        let mut seen = 0;
        for (k, l) in lens.iter().enumerate() {
            seen += l;
            if goal < seen as f64 {
                return bead.translation[k];
            }
        }
        bead.translation.last().copied().unwrap_or(TransIdx(0))
    }

    /// Where something missing from the translation would go: the end of the last translation sentence
    /// before bead `bead`, or the start of the first sentence after it.
    pub fn trans_gap(&self, bead: usize, label: impl Into<String>) -> Option<Location> {
        let label = label.into();
        let before = self.alignment.beads[..bead].iter().rev().find_map(|b| b.translation.last().copied());
        if let Some(t) = before {
            let len = self.translation.sentences[t.0].text.len();
            return Some(self.trans_loc(t, Some(len..len), label));
        }
        let after = self.alignment.beads[bead..].iter().find_map(|b| b.translation.first().copied())?;
        Some(self.trans_loc(after, Some(0..0), label))
    }

    /// A finding from `rule` with its default severity, demoted when the bead is weak.
    pub fn finding(
        &self,
        rule: &Rule,
        bead: Option<&Bead>,
        message: String,
        translation: Option<Location>,
        original: Option<Location>,
    ) -> Finding {
        self.finding_with(rule, rule.severity, bead, message, translation, original)
    }

    /// A finding with an explicit severity, demoted when the bead is weak.
    pub fn finding_with(
        &self,
        rule: &Rule,
        severity: Severity,
        bead: Option<&Bead>,
        message: String,
        translation: Option<Location>,
        original: Option<Location>,
    ) -> Finding {
        let demoted = bead.is_some_and(|b| b.low_confidence);
        Finding {
            code: rule.code,
            rule: rule.name,
            severity: if demoted { severity.demoted() } else { severity },
            message,
            translation,
            original,
            help: None,
            demoted,
        }
    }
}

fn location(side: &Side<'_>, i: usize, span: Option<Range<usize>>, label: String) -> Location {
    let sentence = &side.sentences[i];
    let rel = span.unwrap_or(0..sentence.text.len());
    let rel = rel.start.min(sentence.text.len())..rel.end.min(sentence.text.len());
    let text_range = sentence.range.start + rel.start..sentence.range.start + rel.end;
    let raw = if rel.is_empty() && rel.start > 0 && rel.start == sentence.text.len() {
        // An insertion point after the sentence's last character: map through that character, or the
        // point lands where the next paragraph starts.
        let last = sentence.text[..rel.start].chars().next_back().map_or(1, char::len_utf8);
        let end = side.doc.raw_range(text_range.start - last..text_range.start).end;
        end..end
    } else {
        side.doc.raw_range(text_range)
    };
    let (line, column) = side.doc.line_col(raw.start);
    Location {
        sentence: i,
        text: side.doc.raw.get(raw.clone()).unwrap_or("").to_owned(),
        span: raw,
        line,
        column,
        label,
    }
}

/// Runs every rule in `rules` over the context.
pub fn run(ctx: &Context<'_>, rules: &[&'static Rule]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for rule in rules {
        (rule.check)(ctx, rule, &mut findings);
    }
    findings
}
