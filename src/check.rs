//! The pipeline: documents in, [`Report`] out. `input` → `segment` → `align` → `claims` → `compare` → `report`.
//!
//! This is the library's front door ([`check`]); the CLI and batch mode call it, and so can other programs.
//! It never prints: notes about the run (detected languages, skipped checks) go into [`Report::notes`].

use crate::align::{self, AlignOptions, Alignment};
use crate::claims::{self, SentenceClaims};
use crate::compare::{self, Context, Rule, Side};
use crate::error::Result;
use crate::index::{OrigIdx, TransIdx};
use crate::input::Document;
use crate::lang::{self, Language};
use crate::report::{self, BeadClaims, DocumentInfo, Report, SentenceInfo, Severity, Summary};
use crate::segment::{self, Sentence};

/// Options for a run.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Language of the original (ISO 639-1); detected when `None`.
    pub original_lang: Option<String>,
    /// Language of the translation; detected when `None`.
    pub translation_lang: Option<String>,
    /// Treat each line as one sentence.
    pub presegmented: bool,
    pub align: AlignOptions,
    /// Rule selection: when non-empty, only rules whose code starts with or whose name equals an entry.
    pub select: Vec<String>,
    /// Rules to leave out, by code prefix or name.
    pub ignore: Vec<String>,
    /// Severity overrides by code or name.
    pub severity: Vec<(String, Severity)>,
}

/// A document made ready for comparison: language, sentences, claims.
#[derive(Debug)]
pub struct Prepared {
    pub doc: Document,
    pub language: Language,
    /// `given`, `detected` or `fallback`.
    pub language_source: &'static str,
    pub sentences: Vec<Sentence>,
    pub claims: Vec<SentenceClaims>,
}

/// Resolves a document's language: the given code, or detection; notes say what happened.
pub fn resolve_language(
    doc: &Document,
    given: Option<&str>,
    flag: &str,
    notes: &mut Vec<String>,
) -> Result<(Language, &'static str)> {
    let detected = lang::detect(&doc.text);
    match given {
        Some(code) => {
            let language = lang::resolve(code, flag)?;
            if let Some(d) = detected
                && d.reliable
                && d.confidence > 0.5
                && d.code != language.code
                && doc.text.len() > 200
            {
                notes.push(format!(
                    "{}: declared `{}` with {flag}, but the text looks like `{}`",
                    doc.name, language.code, d.code
                ));
            }
            if !language.has_pack() {
                notes.push(no_pack_note(&doc.name, language.code));
            }
            Ok((language, "given"))
        }
        None => match detected {
            Some(d) => {
                let language = lang::resolve(d.code, "detected language")?;
                notes.push(format!("{}: detected language `{}`", doc.name, d.code));
                if !language.has_pack() {
                    notes.push(no_pack_note(&doc.name, language.code));
                }
                Ok((language, "detected"))
            }
            None => {
                notes.push(format!(
                    "{}: could not detect the language; using generic rules (give it with {flag})",
                    doc.name
                ));
                let generic = lang::generic();
                Ok((Language { code: "xx", pack: generic }, "fallback"))
            }
        },
    }
}

/// Loads the dictionary the options ask for (or finds the installed one for the pair) and notes which
/// one the alignment uses. A dictionary given by path that cannot be read is an error.
pub fn resolve_dictionary(
    options: &mut AlignOptions,
    original: Language,
    translation: Language,
    notes: &mut Vec<String>,
) -> Result<()> {
    let resolved = align::dictionary::resolve(&options.dictionary, original.code, translation.code)?;
    notes.extend(resolved.note);
    options.dictionary = resolved.choice;
    Ok(())
}

fn no_pack_note(name: &str, code: &str) -> String {
    format!(
        "{name}: no language pack for `{code}`; aligning by length and anchors, checking digits, quotes and \
         Latin-script names only (no number words, dates by name, attributions, hedges or negations)"
    )
}

/// Sets aside the claims of `doc` that `other` cannot show, when `other`'s language has no pack: vague
/// quantities, dates by name, attributions, hedges and negations (the generic pack reads none of them),
/// and names, when `other` is not written in Latin script. Otherwise `Tuesday` and `No damage` in an English
/// translation of a Japanese report would be "added" for want of a reader of Japanese.
pub fn comparable_claims(doc: &mut Prepared, other: &Prepared) {
    if other.language.has_pack() || !doc.language.has_pack() {
        return;
    }
    let latin = latin_script(&other.doc.text);
    for claims in &mut doc.claims {
        // A number in words may still meet the other side's digits (`three` and `3人`); a vague one cannot.
        claims.quantities.retain(|q| q.value.is_some());
        claims.dates.retain(|d| d.text.chars().any(|c| c.is_ascii_digit()));
        claims.attributions.clear();
        claims.hedges.clear();
        claims.soft_hedges.clear();
        claims.negations.clear();
        claims.soft_negations.clear();
        if !latin {
            claims.entities.clear();
        }
    }
}

/// Whether most letters of a text are Latin.
fn latin_script(text: &str) -> bool {
    let (mut latin, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if c.is_ascii_alphabetic() || claims::names::is_latin_accented(c) {
            latin += 1;
        } else {
            other += 1;
        }
    }
    latin >= other
}

/// Segments a document and extracts its claims.
pub fn prepare(
    doc: Document,
    language: Language,
    language_source: &'static str,
    presegmented: bool,
) -> Prepared {
    let sentences =
        if presegmented { segment::presegmented(&doc) } else { segment::segment(&doc, language.pack) };
    let claims = sentences.iter().map(|s| claims::extract(s, language)).collect();
    Prepared { doc, language, language_source, sentences, claims }
}

/// The rules a run uses, after selection.
pub fn selected_rules(options: &Options) -> Vec<&'static Rule> {
    let matches = |rule: &Rule, key: &str| {
        rule.name == key || rule.code.to_ascii_lowercase().starts_with(&key.to_ascii_lowercase())
    };
    compare::RULES
        .iter()
        .copied()
        .filter(|r| options.select.is_empty() || options.select.iter().any(|k| matches(r, k)))
        .filter(|r| !options.ignore.iter().any(|k| matches(r, k)))
        .collect()
}

/// Checks a translation against its original.
pub fn check(original: Document, translation: Document, options: &Options) -> Result<Report> {
    let mut notes = Vec::new();
    let (olang, osrc) = resolve_language(&original, options.original_lang.as_deref(), "--from", &mut notes)?;
    let (tlang, tsrc) =
        resolve_language(&translation, options.translation_lang.as_deref(), "--to", &mut notes)?;
    let mut align_options = options.align.clone();
    resolve_dictionary(&mut align_options, olang, tlang, &mut notes)?;
    let mut original = prepare(original, olang, osrc, options.presegmented);
    let mut translation = prepare(translation, tlang, tsrc, options.presegmented);
    comparable_claims(&mut original, &translation);
    comparable_claims(&mut translation, &original);
    let alignment = align::align(&original.sentences, &translation.sentences, olang, tlang, &align_options);
    Ok(build_report(&original, &translation, alignment, options, notes))
}

/// Runs the rules over prepared documents and assembles the report.
pub fn build_report(
    original: &Prepared,
    translation: &Prepared,
    alignment: Alignment,
    options: &Options,
    notes: Vec<String>,
) -> Report {
    let ctx = Context::new(side(original), side(translation), &alignment);
    let rules = selected_rules(options);
    let mut findings = compare::run(&ctx, &rules);
    for f in &mut findings {
        if let Some((_, s)) =
            options.severity.iter().rev().find(|(k, _)| k.eq_ignore_ascii_case(f.code) || k == f.rule)
        {
            f.severity = if f.demoted { s.demoted() } else { *s };
        }
    }
    report::sort_findings(&mut findings);

    let claims = alignment
        .beads
        .iter()
        .enumerate()
        .filter_map(|(i, b)| {
            let o = merge_claims(b.original.iter().map(|&OrigIdx(k)| &original.claims[k]));
            let t = merge_claims(b.translation.iter().map(|&TransIdx(k)| &translation.claims[k]));
            (!o.is_empty() || !t.is_empty()).then_some(BeadClaims { bead: i, original: o, translation: t })
        })
        .collect();

    let mut summary = Summary {
        original_sentences: original.sentences.len(),
        translation_sentences: translation.sentences.len(),
        ..Summary::default()
    };
    for b in &alignment.beads {
        match (b.original.is_empty(), b.translation.is_empty()) {
            (false, false) => summary.aligned_beads += 1,
            (false, true) => summary.dropped_sentences += b.original.len(),
            (true, false) => summary.added_sentences += b.translation.len(),
            (true, true) => {}
        }
        if b.low_confidence {
            summary.low_confidence_beads += 1;
        }
    }
    for f in &findings {
        match f.severity {
            Severity::Error => summary.errors += 1,
            Severity::Warning => summary.warnings += 1,
            Severity::Info => summary.infos += 1,
        }
    }
    // A same-language copy gets a word diff of each aligned bead (what the editing changed).
    let diffs = if original.language.code == translation.language.code {
        crate::diff::bead_diffs(original, translation, &alignment)
    } else {
        Vec::new()
    };
    let mut report = Report {
        version: report::FORMAT_VERSION,
        original: doc_info(original),
        translation: doc_info(translation),
        beads: alignment.beads,
        claims,
        findings,
        diffs,
        summary,
        notes,
    };
    // Waiver comments are part of the translation, so every caller honours them.
    report::suppress::apply_waivers(&mut report);
    report
}

fn side(p: &Prepared) -> Side<'_> {
    Side { doc: &p.doc, sentences: &p.sentences, claims: &p.claims, language: p.language }
}

/// The claims of several sentences (a bead's side) as one list, spans left relative to each sentence.
fn merge_claims<'a>(parts: impl Iterator<Item = &'a SentenceClaims>) -> SentenceClaims {
    let mut out = SentenceClaims::default();
    for c in parts {
        out.quantities.extend(c.quantities.iter().cloned());
        out.dates.extend(c.dates.iter().cloned());
        out.entities.extend(c.entities.iter().cloned());
        out.quotes.extend(c.quotes.iter().cloned());
        out.attributions.extend(c.attributions.iter().cloned());
        out.hedges.extend(c.hedges.iter().cloned());
        out.soft_hedges.extend(c.soft_hedges.iter().cloned());
        out.negations.extend(c.negations.iter().cloned());
        out.soft_negations.extend(c.soft_negations.iter().cloned());
        if out.credit.is_none() {
            out.credit.clone_from(&c.credit);
        }
    }
    out
}

/// The report's view of a document.
pub fn doc_info(p: &Prepared) -> DocumentInfo {
    DocumentInfo {
        path: p.doc.name.clone(),
        language: p.language.code.to_owned(),
        language_source: p.language_source.to_owned(),
        raw: p.doc.raw.clone(),
        sentences: p
            .sentences
            .iter()
            .enumerate()
            .map(|(index, s)| {
                let span = p.doc.raw_range(s.range.clone());
                SentenceInfo {
                    index,
                    paragraph: s.paragraph,
                    text: s.text.clone(),
                    line: p.doc.line_col(span.start).0,
                    span,
                }
            })
            .collect(),
    }
}
