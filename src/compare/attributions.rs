//! The attribution comparison shared by the three attribution rules.
//!
//! An attribution is a cue (a speech verb, "according to", German Konjunktiv I) and, when extraction
//! finds one, its source. Reported speech marked by verb mood alone does not count as an attribution that
//! can be *dropped*: English has no such mood, and translators carry the attribution in a neighbouring
//! sentence. Attributions that moved into a neighbouring bead are not reported.

use crate::claims::{Attribution, AttributionKind, EntityKind, SentenceClaims};
use crate::compare::common::{
    any_cognate, around, content_words, folded_orig, folded_trans, orig_items, orig_words, plain_trans,
    shares_rendering, trans_items, trans_words,
};
use crate::compare::names::{found_in, unknown_person};
use std::cell::OnceCell;

use crate::compare::{BeadView, Context};
use crate::compare::{quotes, sources};
use crate::index::{OrigIdx, TransIdx};
use crate::input::BlockKind;

/// One difference between the attributions of a bead.
#[derive(Debug)]
pub(crate) enum AttributionChange<'a> {
    /// The original attributes a claim; the translation states it as fact.
    /// `partial` when the translation kept other attributions of the bead: the inference is weaker.
    Dropped { orig: (OrigIdx, &'a Attribution), partial: bool },
    /// The translation attributes a claim the original states without a source.
    Added { trans: (TransIdx, &'a Attribution) },
    /// Both attribute, to different sources.
    /// `by_kind` when the translation's source is unnamed and of a kind the original does not name: the
    /// original's is an unnamed source of another kind (`the ministry`, `the police`) or a name
    /// (`Rijkswaterstaat`, `the police`).
    Changed { orig: (OrigIdx, &'a Attribution), trans: (TransIdx, &'a Attribution), by_kind: bool },
}

fn explicit(a: &Attribution) -> bool {
    a.kind != AttributionKind::ReportedSpeech
}

/// Attribution cues in the original minus those in the translation, over the beads around `index`
/// other than `index` itself: positive when a neighbour's translation has fewer cues than its original.
/// With `sourced_only`, a translation verb without a source (`and wrote:`), which cannot carry a
/// moved attribution, is not counted.
fn neighbour_balance(ctx: &Context<'_>, index: usize, sourced_only: bool) -> isize {
    let mut balance = 0isize;
    for k in around(ctx, index) {
        if k == index {
            continue;
        }
        let b = &ctx.alignment.beads[k];
        let o = b.original.iter().map(|&i| ctx.orig_claims(i).attributions.len()).sum::<usize>();
        let t = b
            .translation
            .iter()
            .flat_map(|&i| &ctx.trans_claims(i).attributions)
            .filter(|a| !sourced_only || a.kind == AttributionKind::Phrase || a.source.is_some())
            .count();
        balance += o as isize - t as isize;
    }
    balance
}

/// The names inside a source phrase: the content words of the sentence's entities (persons,
/// organisations, other names; not places) that overlap the source. Titles and offices ("Präfekt",
/// "prefect") are left out, so a swapped speaker is not hidden by a shared title.
fn source_names(claims: &SentenceClaims, a: &Attribution) -> Vec<String> {
    let Some(src) = &a.source else { return Vec::new() };
    claims
        .entities
        .iter()
        .filter(|e| e.kind != EntityKind::Place && e.span.start < src.span.end && src.span.start < e.span.end)
        .flat_map(|e| content_words(&e.text))
        .collect()
}

/// Compares the attributions of a paired bead.
///
/// Before accusing, the comparison looks for the original's source among the translation's words
/// (cognates and name variants included): a source still named in the translation was neither dropped
/// nor replaced, whatever verb carries it. Likewise a translation source named in the original is not
/// a different source.
pub(crate) fn diff<'a>(ctx: &Context<'a>, view: BeadView<'a>) -> Vec<AttributionChange<'a>> {
    let bead = view.bead;
    let o = orig_items(ctx, bead, |c| &c.attributions);
    let t = trans_items(ctx, bead, |c| &c.attributions);
    // Nothing attributed on either side: nothing to compare (every branch below starts from one).
    if o.is_empty() && t.is_empty() {
        return Vec::new();
    }
    let o_quotes = bead.original.iter().any(|&i| !ctx.orig_claims(i).quotes.is_empty());
    // A report-hedge ("reportedly", "allegedly") renders an attribution to an unnamed source.
    // A quotation (a real one, not a scare quote) carries its own attribution; a report hedge
    // ("reportedly") that the original does not have renders the attribution to an unnamed source.
    let t_quotes_real =
        bead.translation.iter().any(|&i| ctx.trans_claims(i).quotes.iter().any(quotes::counts));
    let hedges = |claims: Vec<&SentenceClaims>| claims.iter().map(|c| c.hedges.len()).sum::<usize>();
    let extra_hedge = hedges(bead.translation.iter().map(|&i| ctx.trans_claims(i)).collect())
        > hedges(bead.original.iter().map(|&i| ctx.orig_claims(i)).collect());
    let t_marked = t_quotes_real || extra_hedge;
    let t_words = trans_words(ctx, bead);
    let o_words = orig_words(ctx, bead);
    let t_text = folded_trans(ctx, bead);
    let t_plain = OnceCell::new();
    // The source is still named when a word of it has a cognate in the translation, or a name inside it
    // appears in any form the names table knows ("Vereinte Nationen" as "UN").
    let source_named_in_translation =
        |o: OrigIdx, a: &Attribution| {
            a.source.as_ref().is_some_and(|s| {
                any_cognate(&content_words(&s.text), &t_words)
                    || shares_rendering(
                        &s.text,
                        ctx.original.language.code,
                        t_plain.get_or_init(|| plain_trans(ctx, bead)),
                        ctx.translation.language.code,
                    )
                    || ctx.orig_claims(o).entities.iter().any(|e| {
                        e.span.start < s.span.end && s.span.start < e.span.end && found_in(&t_text, e)
                    })
            })
        };
    // The same, judged by the source's last name alone when it has one (`de Leóns Kollege Javier
    // Licandro` is Licandro, and a shared title is no shared speaker).
    let speaker_named_in_translation = |o: OrigIdx, a: &Attribution| {
        let Some(s) = &a.source else { return false };
        let head = ctx.orig_claims(o).entities.iter().rfind(|e| {
            e.kind != EntityKind::Place && s.span.start <= e.span.start && e.span.end <= s.span.end
        });
        match head {
            Some(e) => found_in(&t_text, e),
            None => source_named_in_translation(o, a),
        }
    };
    // Kinds of unnamed source (`lang/sources.toml`): of a source phrase, and of all the bead's words on
    // each side (kinds fold their input; folding twice changes nothing).
    let (ol, tl) = (ctx.original.language, ctx.translation.language);
    let o_kinds = |text: &str| sources::kinds(text, ol.code, ol.pack.segment.noun_capitals);
    let t_kinds = |text: &str| sources::kinds(text, tl.code, tl.pack.segment.noun_capitals);
    let (o_all_cell, t_all_cell) = (OnceCell::new(), OnceCell::new());
    let o_all = || o_all_cell.get_or_init(|| o_kinds(&folded_orig(ctx, bead)));
    let t_all = || t_all_cell.get_or_init(|| t_kinds(&t_text));
    // An unnamed source (a kind without a name: `the airport operator`) is still in the translation when
    // its kind is; its words are not looked for as cognates (`airport` is in `l'aéroport de Bruxelles`).
    let unnamed_kinds = |o: OrigIdx, a: &Attribution| -> Vec<&'static str> {
        match &a.source {
            Some(s) if source_names(ctx.orig_claims(o), a).is_empty() => o_kinds(&s.text),
            _ => Vec::new(),
        }
    };
    // A named source of the original that the translation no longer names.
    let name_lost = |o: OrigIdx, a: &Attribution| {
        let names = source_names(ctx.orig_claims(o), a);
        let entity_found = a.source.as_ref().is_some_and(|src| {
            ctx.orig_claims(o)
                .entities
                .iter()
                .any(|e| e.span.start < src.span.end && src.span.start < e.span.end && found_in(&t_text, e))
        });
        !names.is_empty() && !any_cognate(&names, &t_words) && !entity_found
    };
    // A translation source naming no one, of a kind the original's sentences do not name (`the police`
    // for `Rijkswaterstaat`): it replaces a named source the translation lost.
    let unnamed_replacement = t.iter().copied().find(|&(ti, ta)| {
        explicit(ta)
            && source_names(ctx.trans_claims(ti), ta).is_empty()
            && ta.source.as_ref().is_some_and(|s| {
                let k = t_kinds(&s.text);
                !k.is_empty() && !k.iter().any(|k| o_all().contains(k))
            })
    });
    let mut out = Vec::new();

    // The translation has fewer explicit attributions than the original: one of the original's may
    // have been dropped even where another survived (`laut den ersten Erkenntnissen … geschätzt` as
    // `is estimated`). A report hedge the original lacks counts as one of the translation's.
    // The original's sources are counted once each (`volgens de vereniging` twice, merged into one
    // `according to the association`).
    let mut o_sources: Vec<Vec<String>> = Vec::new();
    for (_, a) in o.iter().filter(|(_, a)| explicit(a)) {
        let words = a.source.as_ref().map(|s| content_words(&s.text)).unwrap_or_default();
        if words.is_empty() || !o_sources.iter().any(|w| any_cognate(w, &words)) {
            o_sources.push(words);
        }
    }
    let explicit_t = t.iter().filter(|(_, a)| explicit(a)).count() + usize::from(extra_hedge);
    let partial = !t.is_empty();
    if (t.is_empty() && !t_marked) || (partial && o_sources.len() > explicit_t) {
        let heading = bead.original.iter().any(|&i| ctx.original.sentences[i.0].kind == BlockKind::Heading);
        // A speech verb's subject usually survives with another verb ("schätzt" as "puts … at"), so a
        // verb attribution counts only when its source names a person or an organisation, or a kind of
        // unnamed source (`the airport operator said`) that the translation's sentences do not name.
        let kind_lost = |i: OrigIdx, a: &Attribution| {
            let k = unnamed_kinds(i, a);
            !k.is_empty() && !k.iter().any(|k| t_all().contains(k))
        };
        let candidate = o.iter().find(|(i, a)| match a.kind {
            AttributionKind::Phrase => true,
            // Only where the translation attributes nothing: a kept verb may render it by a pronoun
            // (`fügte der Minister hinzu`, `he added`).
            AttributionKind::Verb => {
                !heading
                    && (!source_names(ctx.orig_claims(*i), a).is_empty() || (!partial && kind_lost(*i, a)))
            }
            AttributionKind::ReportedSpeech => false,
        });
        if let Some(&(oi, oa)) = candidate
            && (if unnamed_kinds(oi, oa).is_empty() {
                !source_named_in_translation(oi, oa)
            } else {
                kind_lost(oi, oa)
            })
            // The cue may have moved into a neighbouring sentence of the translation.
            && neighbour_balance(ctx, view.index, true) >= 0
        {
            // The translation kept another attribution, to an unnamed source of a kind the original
            // does not name, where the original named someone: the source was replaced, not dropped.
            if partial
                && name_lost(oi, oa)
                && let Some(trans) = unnamed_replacement
            {
                out.push(AttributionChange::Changed { orig: (oi, oa), trans, by_kind: true });
            } else {
                out.push(AttributionChange::Dropped { orig: (oi, oa), partial });
            }
        }
        return out;
    }
    if o.is_empty() && !o_quotes {
        if let Some(&(ti, ta)) = t.iter().find(|(_, a)| explicit(a) && a.source.is_some()) {
            // A source of a listed kind is in the original when its kind is, or a person or organisation
            // it names: a name of unknown type next to a kind qualifies it (`the port of Calais` is not in
            // the original, though Calais is).
            let in_original = ta.source.as_ref().is_some_and(|s| {
                let kinds = t_kinds(&s.text);
                if kinds.is_empty() {
                    return any_cognate(&content_words(&s.text), &o_words);
                }
                let who: Vec<String> = ctx
                    .trans_claims(ti)
                    .entities
                    .iter()
                    .filter(|e| matches!(e.kind, EntityKind::Person | EntityKind::Organisation))
                    .filter(|e| e.span.start < s.span.end && s.span.start < e.span.end)
                    .flat_map(|e| content_words(&e.text))
                    .collect();
                kinds.iter().any(|k| o_all().contains(k)) || any_cognate(&who, &o_words)
            });
            if !in_original && neighbour_balance(ctx, view.index, false) <= 0 {
                out.push(AttributionChange::Added { trans: (ti, ta) });
            }
        }
        return out;
    }
    // Both attribute: a named source of the original that the translation no longer names, replaced
    // by a named source the original does not name.
    for &(oi, oa) in &o {
        if !name_lost(oi, oa) {
            continue;
        }
        let replacement = t.iter().find(|(ti, ta)| {
            let words = source_names(ctx.trans_claims(*ti), ta);
            !words.is_empty() && !any_cognate(&words, &o_words)
        });
        if let Some(&(ti, ta)) = replacement {
            out.push(AttributionChange::Changed { orig: (oi, oa), trans: (ti, ta), by_kind: false });
        }
    }
    // A translation source naming someone the original never mentions anywhere, where the original's
    // source is not in the translation: whatever the original wrote (a name extraction missed, an
    // office), it did not credit this person.
    if out.is_empty()
        && let Some(&(oi, oa)) = o.iter().find(|(i, a)| explicit(a) && !speaker_named_in_translation(*i, a))
        && let Some(&(ti, ta)) = t.iter().find(|(ti, ta)| stranger(ctx, ctx.trans_claims(*ti), ta).is_some())
    {
        out.push(AttributionChange::Changed { orig: (oi, oa), trans: (ti, ta), by_kind: false });
    }
    // A named source the translation lost, replaced by an unnamed source of a kind the original does not
    // name (`volgens Rijkswaterstaat`, `according to the police`). Compared by kind, as below: the name's
    // own kind is unknown.
    if out.is_empty()
        && let Some(&(oi, oa)) = o.iter().find(|(i, a)| explicit(a) && name_lost(*i, a))
        && let Some(trans) = unnamed_replacement
    {
        out.push(AttributionChange::Changed { orig: (oi, oa), trans, by_kind: true });
    }
    // Unnamed sources of different kinds (`laut Ministerium`, `according to the police`), where neither
    // kind appears anywhere in the other side's sentences.
    if out.is_empty() {
        let orig_kind = o.iter().find(|(_, a)| {
            explicit(a)
                && a.source.as_ref().is_some_and(|s| {
                    let k = o_kinds(&s.text);
                    !k.is_empty() && !k.iter().any(|k| t_all().contains(k))
                })
        });
        let trans_kind = t.iter().find(|(_, a)| {
            explicit(a)
                && a.source.as_ref().is_some_and(|s| {
                    let k = t_kinds(&s.text);
                    !k.is_empty() && !k.iter().any(|k| o_all().contains(k))
                })
        });
        if let (Some(&(oi, oa)), Some(&(ti, ta))) = (orig_kind, trans_kind) {
            out.push(AttributionChange::Changed { orig: (oi, oa), trans: (ti, ta), by_kind: true });
        }
    }
    out
}

/// A person named in an attribution's source whose name the original document does not contain in any
/// spelling close to it. Only names of two capitalised words or more take part (`Maria Lindqvist`), so
/// that a translated office or institution (`Interior Ministry`) is not taken for a stranger, and no
/// word of the name may have a cognate anywhere in the original.
pub(crate) fn stranger<'a>(
    ctx: &Context<'_>,
    claims: &'a SentenceClaims,
    a: &Attribution,
) -> Option<&'a crate::claims::Entity> {
    let src = a.source.as_ref()?;
    claims.entities.iter().find(|e| {
        src.span.start <= e.span.start
            && e.span.end <= src.span.end
            && unknown_person(ctx.original_folded(), e)
    })
}
