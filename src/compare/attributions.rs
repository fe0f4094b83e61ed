//! The attribution comparison shared by the three attribution rules.
//!
//! An attribution is a cue (a speech verb, "according to", German Konjunktiv I) and, when extraction
//! finds one, its source. Reported speech marked by verb mood alone does not count as an attribution that
//! can be *dropped*: English has no such mood, and translators carry the attribution in a neighbouring
//! sentence. Attributions that moved into a neighbouring bead are not reported.

use crate::claims::{Attribution, AttributionKind};
use crate::compare::common::{around, fold, folded_trans, has_word_prefix, orig_items, trans_items};
use crate::compare::{BeadView, Context};
use crate::index::{OrigIdx, TransIdx};

/// One difference between the attributions of a bead.
#[derive(Debug)]
pub(crate) enum AttributionChange<'a> {
    /// The original attributes a claim; the translation states it as fact.
    Dropped { orig: (OrigIdx, &'a Attribution) },
    /// The translation attributes a claim the original states without a source.
    Added { trans: (TransIdx, &'a Attribution) },
    /// Both attribute, to different sources.
    Changed { orig: (OrigIdx, &'a Attribution), trans: (TransIdx, &'a Attribution) },
}

fn explicit(a: &Attribution) -> bool {
    a.kind != AttributionKind::ReportedSpeech
}

/// Attribution cues in the original minus those in the translation, over the beads around `index`
/// other than `index` itself: positive when a neighbour's translation has fewer cues than its original.
fn neighbour_balance(ctx: &Context<'_>, index: usize) -> isize {
    let mut balance = 0isize;
    for k in around(ctx, index) {
        if k == index {
            continue;
        }
        let b = &ctx.alignment.beads[k];
        let o = b.original.iter().map(|&i| ctx.orig_claims(i).attributions.len()).sum::<usize>();
        let t = b.translation.iter().map(|&i| ctx.trans_claims(i).attributions.len()).sum::<usize>();
        balance += o as isize - t as isize;
    }
    balance
}

/// Whether two sources name the same source (when both name someone).
fn same_source(a: &Attribution, b: &Attribution) -> Option<bool> {
    let (sa, sb) = (a.source.as_ref()?, b.source.as_ref()?);
    if sa.entity_keys.is_empty() || sb.entity_keys.is_empty() {
        return None;
    }
    let folded_b = fold(&sb.text);
    let folded_a = fold(&sa.text);
    let hit =
        sa.entity_keys.iter().any(|k| sb.entity_keys.contains(k) || has_word_prefix(&folded_b, &fold(k)))
            || sb.entity_keys.iter().any(|k| has_word_prefix(&folded_a, &fold(k)));
    Some(hit)
}

/// Compares the attributions of a paired bead.
pub(crate) fn diff<'a>(ctx: &Context<'a>, view: BeadView<'a>) -> Vec<AttributionChange<'a>> {
    let bead = view.bead;
    let o = orig_items(ctx, bead, |c| &c.attributions);
    let t = trans_items(ctx, bead, |c| &c.attributions);
    let o_quotes = bead.original.iter().any(|&i| !ctx.orig_claims(i).quotes.is_empty());
    let t_quotes = bead.translation.iter().any(|&i| !ctx.trans_claims(i).quotes.is_empty());
    let mut out = Vec::new();

    if t.is_empty() && !t_quotes {
        if let Some(&(oi, oa)) = o.iter().find(|(_, a)| explicit(a)) {
            // The cue may have moved into a neighbouring sentence of the translation.
            if neighbour_balance(ctx, view.index) >= 0 {
                out.push(AttributionChange::Dropped { orig: (oi, oa) });
            }
        }
        return out;
    }
    if o.is_empty() && !o_quotes {
        if let Some(&(ti, ta)) = t.iter().find(|(_, a)| explicit(a) && a.source.is_some()) {
            if neighbour_balance(ctx, view.index) <= 0 {
                out.push(AttributionChange::Added { trans: (ti, ta) });
            }
        }
        return out;
    }
    // Both attribute: compare named sources. Every named source of the original must be found among the
    // translation's sources (or named anywhere in its sentences).
    for &(oi, oa) in &o {
        let named: Vec<_> =
            t.iter().filter_map(|&(ti, ta)| same_source(oa, ta).map(|same| (ti, ta, same))).collect();
        if named.is_empty() || named.iter().any(|(_, _, same)| *same) {
            continue;
        }
        // The original's source may still be named in the translation outside the cue's source phrase.
        let keys = oa.source.as_ref().map(|s| s.entity_keys.clone()).unwrap_or_default();
        let trans_text = folded_trans(ctx, bead);
        let mentioned = keys.iter().any(|k| {
            has_word_prefix(&trans_text, &fold(k))
                || bead.translation.iter().any(|&i| ctx.trans_claims(i).entities.iter().any(|e| e.key == *k))
        });
        if !mentioned {
            let (ti, ta, _) = named[0];
            out.push(AttributionChange::Changed { orig: (oi, oa), trans: (ti, ta) });
        }
    }
    out
}
