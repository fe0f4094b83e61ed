//! Markers: hedges, negations (explicit and soft) and credit lines.
//!
//! In: the sentence's tokens. Out: [`Marker`]s. Negations listed as lexicalised in the pack (`nicht nur`,
//! `not only`, `no doubt`) are skipped, and so is a negation in a clause opened by one of the pack's
//! `expletive_negations` (`…, пока два судна не взяли его`: until two ships took it); words that negate
//! by meaning only (`unable`, `unklar`), words with a negation prefix (`unofficial`, `неизвестный`) and
//! negations joined by a hyphen (`non-free`) are reported apart as soft negations; a negation inside an
//! identifier (`GROFF_NO_SGR`) is none. Modal forms that may render a hedge (`may have`) are
//! reported as soft hedges. Hedges and negations match in lower case, or capitalised
//! at the sentence start, at the start of a quotation, after a colon or in a title-case headline, or in
//! capitals throughout (`Wohl`, the noun, is no hedge). A credit line is a sentence opening with a
//! credit marker (`Quelle:`, `Source:`), an agency in brackets (`(dpa)`), or a sentence made only of
//! agencies.

use super::tokens::{PhraseSet, TokKind, span_of};
use super::{Ctx, Marker};

fn marker(ctx: &Ctx, i: usize, j: usize) -> Marker {
    let span = span_of(&ctx.toks, i, j);
    Marker { text: ctx.text[span.clone()].to_owned(), span }
}

/// Lower case; capitalised at the start of the sentence, of a quotation or after a colon (`BER-Chef:
/// Keine …`), or anywhere in a title-case headline (`Boeing Will Never Deliver …`); or in capitals
/// throughout (`Smartphone NIE aufladen`).
fn case_ok(ctx: &Ctx, i: usize, titled: bool) -> bool {
    let t = &ctx.toks[i];
    let text = t.text(ctx.text);
    titled
        || t.is_lowercase(ctx.text)
        || Some(i) == ctx.first
        || (i > 0 && ctx.toks[i - 1].is_punct(':'))
        // The first word of a quotation (`sagte: „Offenbar …`, `he said "Apparently …`).
        || (i > 0 && ['„', '“', '"', '«', '»', '‚', '‘', '‹', '›'].iter().any(|&q| ctx.toks[i - 1].is_punct(q)))
        || (text.chars().count() > 1 && !text.chars().any(char::is_lowercase))
}

fn scan(ctx: &Ctx, set: &PhraseSet<()>, skip: Option<&PhraseSet<()>>) -> Vec<Marker> {
    let titled = super::title_case(ctx);
    let mut out = Vec::new();
    let mut i = 0;
    while i < ctx.toks.len() {
        if ctx.toks[i].kind != TokKind::Word || !case_ok(ctx, i, titled) {
            i += 1;
            continue;
        }
        if let Some((len, ())) = skip.and_then(|s| s.match_at(&ctx.toks, i)) {
            i += len;
            continue;
        }
        if let Some((len, ())) = set.match_at(&ctx.toks, i) {
            out.push(marker(ctx, i, i + len));
            i += len;
            continue;
        }
        i += 1;
    }
    out
}

pub fn hedges(ctx: &Ctx) -> Vec<Marker> {
    let mut out = scan(ctx, &ctx.lex.hedges, None);
    let titled = super::title_case(ctx);
    for i in 0..ctx.toks.len() {
        if let Some((len, seconds)) = ctx.lex.split_hedges.match_at(&ctx.toks, i)
            && case_ok(ctx, i, titled)
            && ctx.toks[i + len..].iter().any(|t| seconds.contains(&t.lower))
        {
            out.push(marker(ctx, i, i + len));
        }
    }
    out.sort_by_key(|m| m.span.start);
    out
}

/// Modal forms that may render a hedge (`may have`), where no hedge was found at the same place.
pub fn soft_hedges(ctx: &Ctx, hedges: &[Marker]) -> Vec<Marker> {
    let mut out = scan(ctx, &ctx.lex.soft_hedges, None);
    out.retain(|m| !hedges.iter().any(|h| h.span.start < m.span.end && m.span.start < h.span.end));
    out
}

pub fn negations(ctx: &Ctx) -> Vec<Marker> {
    let mut out = scan(ctx, &ctx.lex.negations, Some(&ctx.lex.lexical_negations));
    // `No. 1` is a number sign, not a negation.
    out.retain(|m| {
        let after = &ctx.text[m.span.end..];
        !(after.starts_with('.') && after[1..].trim_start().starts_with(|c: char| c.is_ascii_digit()))
    });
    out.retain(|m| !expletive(ctx, m));
    // `non-free`, `не-интерактивный`: a prefix, read as a soft negation; `GROFF_NO_SGR`, `p=none`: part
    // of an identifier.
    out.retain(|m| {
        let Some(i) = ctx.toks.iter().position(|t| t.span.start == m.span.start) else { return true };
        let j = ctx.toks.iter().position(|t| t.span.end == m.span.end).unwrap_or(i);
        !hyphen_prefix(ctx, j) && !in_identifier(ctx, i, j)
    });
    out
}

/// Whether the word at `i` is joined by a hyphen to the word after it (`non-free`).
fn hyphen_prefix(ctx: &Ctx, i: usize) -> bool {
    let toks = &ctx.toks;
    toks[i].kind == TokKind::Word
        && toks.get(i + 1).is_some_and(|t| t.is_punct('-') && t.glued())
        && toks.get(i + 2).is_some_and(|t| t.kind == TokKind::Word && t.glued())
}

/// Whether the tokens `i..=j` stand inside an identifier or a setting (`NCURSES_NO_UTF8_ACS`, `p=none`).
fn in_identifier(ctx: &Ctx, i: usize, j: usize) -> bool {
    let toks = &ctx.toks;
    (i > 0 && toks[i].glued() && ['_', '=', '/'].iter().any(|&c| toks[i - 1].is_punct(c)))
        || toks.get(j + 1).is_some_and(|t| t.glued() && t.is_punct('_'))
}

/// Punctuation that ends a clause.
fn clause_break(t: &super::tokens::Token) -> bool {
    t.kind == TokKind::Punct && [',', ';', ':', '–', '—', '(', ')'].iter().any(|&c| t.is_punct(c))
}

/// Whether the negation `m` stands in a clause opened by one of the pack's `expletive_negations`
/// conjunctions, with at least one word between (`…, пока два судна не взяли его`).
fn expletive(ctx: &Ctx, m: &Marker) -> bool {
    let toks = &ctx.toks;
    let Some(neg) = toks.iter().position(|t| t.span.start == m.span.start) else { return false };
    let word = &toks[neg].lower;
    // Walk back to the start of the clause; the conjunction must open it after a clause break.
    let mut k = neg;
    while k > 0 && !clause_break(&toks[k - 1]) {
        k -= 1;
    }
    if k == 0 {
        return false;
    }
    ctx.lex
        .expletive_negations
        .match_at(toks, k)
        .is_some_and(|(len, seconds)| k + len < neg && seconds.contains(word))
}

pub fn soft_negations(ctx: &Ctx) -> Vec<Marker> {
    let mut out = scan(ctx, &ctx.lex.soft_negations, None);
    let titled = super::title_case(ctx);
    let lex = ctx.lex;
    for (i, t) in ctx.toks.iter().enumerate() {
        if t.kind != TokKind::Word
            || !case_ok(ctx, i, titled)
            || out.iter().any(|m| m.span.start == t.span.start)
        {
            continue;
        }
        // A negation or a negation prefix joined to the next word by a hyphen (`non-free`, `no-deal`).
        let joined = hyphen_prefix(ctx, i)
            && (lex.negations.match_at(&ctx.toks, i).is_some_and(|(len, ())| len == 1)
                // Not an abbreviation in capitals (`UN-Generaldebatte`).
                || (lex.negation_prefixes.contains(&t.lower) && t.text(ctx.text).chars().any(char::is_lowercase)));
        // A word with a negation prefix (`unofficial`, `неизвестный`).
        let prefixed = lex.negation_prefixes.iter().any(|p| {
            t.lower
                .strip_prefix(p.as_str())
                .is_some_and(|rest| rest.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        }) && !lex.negation_prefix_words.contains(&t.lower)
            && !lex.negation_prefix_stems.iter().any(|s| t.lower.starts_with(s.as_str()));
        if joined {
            out.push(marker(ctx, i, i + 3));
        } else if prefixed {
            out.push(marker(ctx, i, i + 1));
        }
    }
    out.sort_by_key(|m| m.span.start);
    out
}

/// The credit line in a sentence, if any.
pub fn credit(ctx: &Ctx) -> Option<Marker> {
    let lex = ctx.lex;
    let toks = &ctx.toks;
    let first = ctx.first?;
    let last = toks.len();
    // `Quelle: dpa`, `Source: Reuters`, `© AFP`: the whole sentence is the credit.
    let start = toks.iter().position(|t| t.kind != TokKind::Punct || t.is_punct('©'))?;
    if lex.credit_markers.match_at(toks, start).is_some() {
        return Some(marker(ctx, start, last));
    }
    // A sentence made only of agencies and separators: `dpa/AFP`, `(Reuters)`.
    let mut k = first;
    let mut any = false;
    while k < last {
        if let Some((len, ())) = lex.agencies.match_at(toks, k) {
            any = true;
            k += len;
        } else if toks[k].kind == TokKind::Punct || toks[k].lower == "und" || toks[k].lower == "and" {
            k += 1;
        } else {
            break;
        }
    }
    if any && k == last {
        let s = toks.iter().position(|t| t.kind != TokKind::Punct || t.is_punct('(')).unwrap_or(0);
        return Some(marker(ctx, s, last));
    }
    // `Berlin (dpa) -`: an agency in brackets.
    for k in 0..last {
        if toks[k].is_punct('(')
            && let Some((len, ())) = lex.agencies.match_at(toks, k + 1)
        {
            let mut j = k + 1 + len;
            // `(dpa/AFP)`
            while j + 1 < last
                && toks[j].is_punct('/')
                && let Some((l2, ())) = lex.agencies.match_at(toks, j + 1)
            {
                j += 1 + l2;
            }
            if toks.get(j).is_some_and(|t| t.is_punct(')')) {
                return Some(marker(ctx, k, j + 1));
            }
        }
    }
    None
}
