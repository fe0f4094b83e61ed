use crate::claims::EntityKind;
use crate::compare::common::fold;
use crate::compare::{Context, Rule};
use crate::index::{OrigIdx, TransIdx};
use crate::report::{Finding, Severity};

declare_rule! {
    /// ## What it checks
    /// The article's source or credit line ("Quelle: dpa", "(AFP)", "source: Reuters", a byline): an
    /// original credit line with no credit line in the translation (dropped, an error when it names an
    /// agency or a person), or a credit line that names a different agency or author (changed, an
    /// error), also when it keeps another of the original's names (the editor) and when the names are
    /// written in another script (`Anders Lund` / `Андерс Лунд`).
    ///
    /// ## Why it matters
    /// Syndicated news must keep its credit: dropping or changing it misrepresents where the report
    /// comes from and may breach the licence it was republished under.
    ///
    /// ## Example
    /// Original ends with „Quelle: dpa“; the translation ends with "Source: Reuters" → the credit
    /// changed.
    ///
    /// ## Known false positives
    /// Publishers that move the credit into page metadata on purpose.
    pub static CREDIT_LINE_CHANGED = {
        code: "TP801",
        name: "credit-line-changed",
        severity: Error,
        summary: "the article's source or credit line was dropped or changed",
        check: check,
    };
}

/// The names in a credit line: its words that are not credit markers, folded.
fn names(text: &str, markers: &[String]) -> Vec<String> {
    let markers: Vec<String> = markers.iter().map(|m| fold(m.trim_end_matches(':'))).collect();
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 2 && !markers.iter().any(|m| m == w))
        .map(str::to_owned)
        .collect()
}

/// The capitalised words of a credit line after its first word (names of people and agencies; the
/// first word is its marker or an agency the word comparison covers), folded to ASCII, without the
/// words of places (`Стокгольм`).
fn name_words(claims: &crate::claims::SentenceClaims, sentence: &str) -> Vec<String> {
    let Some(credit) = &claims.credit else { return Vec::new() };
    let place =
        |start: usize| claims.entities.iter().any(|e| e.kind == EntityKind::Place && e.span.contains(&start));
    let text = &sentence[credit.span.clone()];
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (start, c.is_alphanumeric()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let word = &text[s..i];
                if s > 0
                    && word.chars().next().is_some_and(char::is_uppercase)
                    && !place(credit.span.start + s)
                {
                    out.push(fold(word));
                }
                start = None;
            }
            _ => {}
        }
    }
    // The first word is the marker (`Reporting`, `Текст`).
    if text.chars().next().is_some_and(char::is_alphanumeric) && !out.is_empty() {
        out.remove(0);
    }
    out
}

/// Two spellings of one name across scripts: the same folded word, close by Jaro–Winkler, or the same
/// consonants (`kate` / `keit` for Кейт).
fn same_name(a: &str, b: &str) -> bool {
    let skeleton = |w: &str| {
        let mut out = String::new();
        for c in w.chars().filter(|c| c.is_ascii_alphabetic() && !"aeiouy".contains(*c)) {
            let c = if c == 'c' { 'k' } else { c };
            if !out.ends_with(c) {
                out.push(c);
            }
        }
        out
    };
    a == b || strsim::jaro_winkler(a, b) >= 0.85 || skeleton(a).len() >= 2 && skeleton(a) == skeleton(b)
}

fn check(ctx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    let orig: Vec<OrigIdx> = (0..ctx.original.sentences.len())
        .map(OrigIdx)
        .filter(|&i| ctx.orig_claims(i).credit.is_some())
        .collect();
    let trans: Vec<TransIdx> = (0..ctx.translation.sentences.len())
        .map(TransIdx)
        .filter(|&i| ctx.trans_claims(i).credit.is_some())
        .collect();
    let Some(&o) = orig.last() else { return };
    let Some(ocredit) = ctx.orig_claims(o).credit.as_ref() else { return };
    let onames = names(&ocredit.text, &ctx.original.language.pack.claims.credit_markers);
    let ol = ctx.orig_loc(o, Some(ocredit.span.clone()), "the original's credit line");
    match trans.last() {
        None => {
            let severity = if onames.is_empty() { Severity::Warning } else { rule.severity };
            let message =
                format!("credit line dropped: the original's `{}` is not in the translation", ocredit.text);
            let last = ctx.alignment.beads.len();
            let tl = ctx.trans_gap(last, "the credit line is missing");
            out.push(ctx.finding_with(rule, severity, None, message, tl, Some(ol)));
        }
        Some(&t) => {
            let Some(tcredit) = ctx.trans_claims(t).credit.as_ref() else { return };
            let tnames = names(&tcredit.text, &ctx.translation.language.pack.claims.credit_markers);
            let shared = onames.iter().any(|n| tnames.contains(n));
            // A byline that names someone else in place of one of the original's people (`Anders Lund`
            // → `Ингрид Берг`), though the editor is the same: a name of the original gone, a new one
            // come. A credit the translation adds (its translator) with every original name kept is
            // no change.
            let o_words = name_words(ctx.orig_claims(o), &ctx.original.sentences[o.0].text);
            let t_words = name_words(ctx.trans_claims(t), &ctx.translation.sentences[t.0].text);
            let gone = o_words.iter().any(|w| !t_words.iter().any(|x| same_name(w, x)));
            let come = t_words.iter().any(|w| !o_words.iter().any(|x| same_name(w, x)));
            if !onames.is_empty() && !tnames.is_empty() && (!shared || gone && come) {
                let message = format!(
                    "credit line changed: `{}` in the original, `{}` in the translation",
                    ocredit.text, tcredit.text
                );
                let tl = ctx.trans_loc(
                    t,
                    Some(tcredit.span.clone()),
                    format!("the original credits `{}`", ocredit.text),
                );
                out.push(ctx.finding(rule, None, message, Some(tl), Some(ol)));
            }
        }
    }
}
