//! The quotation comparison shared by the four quotation rules.
//!
//! Quotations of fewer than [`MIN_WORDS`] words are scare quotes or titles and take no part. Quotations
//! are paired in order, by length adjusted for the language pair (the document pair's own word ratio).

use crate::claims::Quote;
use crate::compare::common::{
    fold, nearby_orig, nearby_trans, orig_items, plain_orig, plain_trans, trans_items,
};
use crate::compare::{BeadView, Context};
use crate::index::{OrigIdx, TransIdx};

/// Shorter quotations are ignored.
pub(crate) const MIN_WORDS: usize = 3;
/// Quotations shorter than this are not compared for length.
const MIN_WORDS_ALTERED: usize = 4;
/// A quotation of at least this many words that the translation renders by a stub of fewer than
/// [`MIN_WORDS`] words was cut down.
const STUB_OF_WORDS: usize = 6;
/// A quotation of at least this many words is shortened below 0.6 of its expected length (0.5 for a
/// shorter one).
const LONG_QUOTE_WORDS: usize = 12;

/// A short quoted term may grow to this many times its words (plus two) in the translation.
const TERM_GROWTH: usize = 3;

/// A quotation shortened below this share of its expected length that lost its negation was cut.
const CUT_WITH_NEGATION: f64 = 0.85;

/// Punctuation between clauses.
fn clause_break(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '–' | '—')
}

/// Clause breaks inside a quotation's words (not the comma before its closing mark).
fn inner_breaks(q: &Quote) -> usize {
    q.text.trim_end_matches(|c: char| !c.is_alphanumeric()).chars().filter(|&c| clause_break(c)).count()
}

/// The negations of the original sentence `text` inside `oq` that stand in a clause the translation's
/// quotation `tq` does not reach: after more clause breaks than `tq` has (`«…del puerto, y … no
/// siempre…»` rendered `“…frozen hake,”`). A negation in the first clause is never counted as cut: the
/// translation may have dropped it from the words it kept.
fn cut_negations<'a>(
    text: &str,
    negations: &'a [crate::claims::Marker],
    oq: &Quote,
    tq: &Quote,
) -> impl Iterator<Item = &'a crate::claims::Marker> {
    let kept = inner_breaks(tq);
    negations.iter().filter(move |m| {
        oq.span.start <= m.span.start
            && m.span.end <= oq.span.end
            && text
                .get(oq.span.start..m.span.start)
                .is_some_and(|before| before.chars().filter(|&c| clause_break(c)).count() > kept)
    })
}

/// One difference between the quotations of a bead.
#[derive(Debug)]
pub(crate) enum QuoteChange<'a> {
    Dropped { orig: (OrigIdx, &'a Quote) },
    Paraphrased { orig: (OrigIdx, &'a Quote) },
    Added { trans: (TransIdx, &'a Quote) },
    Altered { orig: (OrigIdx, &'a Quote), trans: (TransIdx, &'a Quote) },
}

/// A quotation that takes part: long enough, and not a quoted name or title (`„Sea Watch 3“`,
/// `"Daily Telegraph"`: every word capitalised or a number).
/// A title or name in quotation marks: every word capitalised (`„Nordic Sea Line“`).
fn title(q: &Quote) -> bool {
    q.text
        .split_whitespace()
        .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()))
}

pub(crate) fn counts(q: &Quote) -> bool {
    // A quotation that continues one opened in an earlier sentence is counted there.
    q.words >= MIN_WORDS && !title(q) && !q.continues
}

/// A text's words, folded, for finding a quotation's words in the other side's text.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(fold).collect()
}

/// Whether the other side's text has the quotation's words as they stand, marks or no marks: a term,
/// title or literal kept in its own language (`(« Extensible Stylesheet Language … »)` rendered
/// `The Extensible Stylesheet Language …`). Nothing of it is lost.
fn verbatim(q: &Quote, other: &str) -> bool {
    let needle = words(&q.text);
    needle.len() >= MIN_WORDS && words(other).windows(needle.len()).any(|w| w == needle.as_slice())
}

/// The reference number right before a quotation (`Section 6.2.5, « … »`, `Figure 9.3, “…”`): digits
/// and periods, ending in a digit, after a space and before an optional comma or colon.
fn anchor<'t>(text: &'t str, q: &Quote) -> Option<&'t str> {
    let before = text.get(..q.span.start)?.trim_end();
    let before = before.strip_suffix([',', ':']).unwrap_or(before).trim_end();
    let start = before.len() - before.chars().rev().take_while(|c| c.is_ascii_digit() || *c == '.').count();
    let num = &before[start..];
    let spaced = before[..start].chars().next_back().is_none_or(char::is_whitespace);
    (spaced && num.ends_with(|c: char| c.is_ascii_digit()) && num.contains('.')).then_some(num)
}

/// Whether `text` has the reference number `num` followed by a quotation mark: the other side's
/// cross-reference, whose title a translated book words its own way (`“Managing Package Priorities”`
/// for `« Gérer les priorités associées aux paquets »`).
fn anchored_in(text: &str, num: &str) -> bool {
    text.match_indices(num).any(|(at, _)| {
        let prev_ok = text[..at].chars().next_back().is_none_or(|c| !(c.is_ascii_digit() || c == '.'));
        let rest = text[at + num.len()..].trim_start_matches([',', ':']).trim_start();
        prev_ok && rest.starts_with(|c: char| "\"“”„«»‹›‘‚".contains(c))
    })
}

/// Words that travel unchanged between languages: acronyms (`SSH`, `LVM`) and words with digits.
fn fixed_tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| {
            w.chars().any(|c| c.is_ascii_digit())
                || (w.chars().filter(|c| c.is_uppercase()).count() >= 2 && !w.chars().any(char::is_lowercase))
        })
        .collect()
}

/// Whether the translation kept every acronym and number of a quotation the original has (as often as
/// the original's bead has it): the quoted words were rendered without the marks (`choose “Configure
/// the Logical Volume Manager (LVM)”` as `choisir Configurer le gestionnaire de volumes logiques
/// (LVM)`), not dropped.
fn fixed_kept(q: &Quote, orig: &str, trans: &str) -> bool {
    let fixed = fixed_tokens(&q.text);
    let (o, t) = (fixed_tokens(orig), fixed_tokens(trans));
    !fixed.is_empty()
        && fixed.iter().all(|f| t.iter().filter(|x| *x == f).count() >= o.iter().filter(|x| *x == f).count())
}

/// Length of a translation quote relative to its expected length, given the document's word ratio.
fn relative(ctx: &Context<'_>, o: &Quote, t: &Quote) -> f64 {
    t.words as f64 / (o.words as f64 * ctx.word_ratio).max(1.0)
}

fn similar(ctx: &Context<'_>, o: &Quote, t: &Quote) -> bool {
    (0.4..=2.5).contains(&relative(ctx, o, t))
}

/// Compares the quotations of a paired bead.
/// The original quotations the bead's translation shortened (reported by `quote-altered`), as sentence
/// and span: a claim inside one that the translation lacks went with the cut, and is reported once,
/// with the quotation.
pub(crate) fn shortened(ctx: &Context<'_>, view: BeadView<'_>) -> Vec<(OrigIdx, std::ops::Range<usize>)> {
    diff(ctx, view)
        .into_iter()
        .filter_map(|c| match c {
            QuoteChange::Altered { orig: (o, oq), trans: (_, tq) } if tq.words < oq.words => {
                Some((o, oq.span.clone()))
            }
            _ => None,
        })
        .collect()
}

/// The original negations that stood in the part of a quotation the translation cut away (see
/// [`cut_negations`]): reported with the quotation, by `quote-altered`.
pub(crate) fn negations_cut(ctx: &Context<'_>, view: BeadView<'_>) -> Vec<(OrigIdx, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    for c in diff(ctx, view) {
        if let QuoteChange::Altered { orig: (o, oq), trans: (_, tq) } = c
            && tq.words < oq.words
        {
            let text = &ctx.original.sentences[o.0].text;
            out.extend(
                cut_negations(text, &ctx.orig_claims(o).negations, oq, tq).map(|m| (o, m.span.clone())),
            );
        }
    }
    out
}

pub(crate) fn diff<'a>(ctx: &Context<'a>, view: BeadView<'a>) -> Vec<QuoteChange<'a>> {
    let bead = view.bead;
    let (orig_text, trans_text) = (plain_orig(ctx, bead), plain_trans(ctx, bead));
    // Cross-references with the same number on both sides pair whatever their titles say.
    let cross_ref =
        |text: &str, q: &Quote, other: &str| anchor(text, q).is_some_and(|n| anchored_in(other, n));
    let o: Vec<_> = orig_items(ctx, bead, |c| &c.quotes)
        .into_iter()
        .filter(|&(i, q)| counts(q) && !cross_ref(&ctx.original.sentences[i.0].text, q, &trans_text))
        .collect();
    let t: Vec<_> = trans_items(ctx, bead, |c| &c.quotes)
        .into_iter()
        .filter(|&(i, q)| counts(q) && !cross_ref(&ctx.translation.sentences[i.0].text, q, &orig_text))
        .collect();
    let mut out = Vec::new();
    let mut used = vec![false; t.len()];
    let mut next = 0;
    let mut lonely_o = Vec::new();
    for &(oi, oq) in &o {
        // Order-preserving: the first unused translation quotation after the last one paired that is
        // of plausible length; when counts agree, simply the next one.
        let pick = if o.len() == t.len() {
            (next < t.len()).then_some(next)
        } else {
            (next..t.len()).find(|&j| !used[j] && similar(ctx, oq, t[j].1))
        };
        match pick {
            Some(j) => {
                used[j] = true;
                next = j + 1;
                let (ti, tq) = t[j];
                let r = relative(ctx, oq, tq);
                // Only when both sides have as many quotations: a translation may split one quotation in two.
                let comparable =
                    o.len() == t.len() && oq.words >= MIN_WORDS_ALTERED && tq.words >= MIN_WORDS_ALTERED;
                // A long quotation varies less in length across languages than a short one.
                let low = if oq.words >= LONG_QUOTE_WORDS { 0.6 } else { 0.5 };
                // Cut by a sixth or more and without the negation the original quoted: cut where the
                // negation stood (`…, but nobody panicked`), not reworded.
                let lost_negation = r < CUT_WITH_NEGATION
                    && cut_negations(
                        &ctx.original.sentences[oi.0].text,
                        &ctx.orig_claims(oi).negations,
                        oq,
                        tq,
                    )
                    .next()
                    .is_some()
                    && !ctx
                        .trans_claims(ti)
                        .negations
                        .iter()
                        .any(|m| tq.span.start <= m.span.start && m.span.end <= tq.span.end);
                if comparable && (!(low..=2.0).contains(&r) || lost_negation) {
                    out.push(QuoteChange::Altered { orig: (oi, oq), trans: (ti, tq) });
                }
            }
            None => lonely_o.push((oi, oq)),
        }
    }
    let near_t = nearby_trans(ctx, view.index, |c| &c.quotes);
    let near_o = nearby_orig(ctx, view.index, |c| &c.quotes);
    // Quotations too short to count (`«Было страшно»`), beyond those the original has too: what is left
    // of a quotation the translation cut down.
    let short = |q: &Quote| q.words > 0 && q.words < MIN_WORDS && !q.continues && !title(q) && !q.gloss;
    let o_short = orig_items(ctx, bead, |c| &c.quotes).into_iter().filter(|(_, q)| short(q)).count();
    let mut stubs: Vec<_> =
        trans_items(ctx, bead, |c| &c.quotes).into_iter().filter(|(_, q)| short(q)).skip(o_short).collect();
    for (oi, oq) in lonely_o {
        if near_t.iter().any(|n| counts(n) && similar(ctx, oq, n)) || verbatim(oq, &trans_text) {
            continue;
        }
        // Only a quotation long enough that a stub cannot be its fair rendering: three words may well be
        // two in the other language.
        if oq.words >= STUB_OF_WORDS && !stubs.is_empty() {
            out.push(QuoteChange::Altered { orig: (oi, oq), trans: stubs.remove(0) });
            continue;
        }
        // Did the translation keep the words without the marks? Compare the bead's length with what
        // the rest of the document leads us to expect.
        let orig_chars: usize =
            bead.original.iter().map(|i| ctx.original.sentences[i.0].text.chars().count()).sum();
        let trans_chars: usize =
            bead.translation.iter().map(|i| ctx.translation.sentences[i.0].text.chars().count()).sum();
        let quote_chars = oq.text.chars().count();
        let without = orig_chars.saturating_sub(quote_chars) as f64 * ctx.char_ratio;
        let kept = (trans_chars as f64 - without) / (quote_chars as f64 * ctx.char_ratio).max(1.0);
        if kept >= 0.5 || fixed_kept(oq, &orig_text, &trans_text) {
            out.push(QuoteChange::Paraphrased { orig: (oi, oq) });
        } else {
            out.push(QuoteChange::Dropped { orig: (oi, oq) });
        }
    }
    // Quotations too short to count, or titles, that the original has beyond the translation: a
    // quoted term (`„Vertrauenswürdigkeitserklärung“`) the translation quotes in three words or more
    // (`“declaration of trustworthiness”`). Each excuses one quotation of at most
    // [`TERM_GROWTH`] times its words plus two.
    let uncounted = |q: &Quote| q.words > 0 && !q.continues && !counts(q) && !q.gloss;
    let t_uncounted = trans_items(ctx, bead, |c| &c.quotes).into_iter().filter(|(_, q)| uncounted(q)).count();
    let mut terms: Vec<usize> = orig_items(ctx, bead, |c| &c.quotes)
        .into_iter()
        .filter(|(_, q)| uncounted(q))
        .map(|(_, q)| q.words)
        .collect();
    terms.sort_unstable();
    let mut spare_terms = terms.len().saturating_sub(t_uncounted);
    for (j, &(ti, tq)) in t.iter().enumerate() {
        if used[j] {
            continue;
        }
        if spare_terms > 0 && terms.iter().any(|&w| tq.words <= TERM_GROWTH * w + 2) {
            spare_terms -= 1;
            continue;
        }
        // The bead's original may hold the quotation's second half, opened a sentence earlier.
        let in_original = o.iter().any(|(_, oq)| similar(ctx, oq, tq))
            || orig_items(ctx, bead, |c| &c.quotes).iter().any(|(_, q)| q.continues && similar(ctx, q, tq));
        // A quotation of a neighbouring original sentence excuses this one only when the neighbours'
        // translation lacks one: otherwise it has its counterpart there already.
        let spare_near_o =
            near_o.iter().filter(|n| counts(n)).count() > near_t.iter().filter(|n| counts(n)).count();
        // A gloss the translator added (`Transport Layer Security (« Sécurité de la couche de transport »)`)
        // quotes nobody.
        if in_original
            || tq.gloss
            || verbatim(tq, &orig_text)
            || spare_near_o && near_o.iter().any(|n| counts(n) && similar(ctx, n, tq))
        {
            continue;
        }
        out.push(QuoteChange::Added { trans: (ti, tq) });
    }
    out
}
