//! Claims as evidence where the aligner is unsure.
//!
//! In: a bead the aligner flagged `low_confidence`, with both sides' claims. Out: whether the claims
//! settle what the aligner could not: a sentence at the edge of a merged bead whose claims the other side
//! lacks entirely, while the rest of the bead accounts for that side (a dropped or added sentence the
//! aligner joined to its neighbour), or a skipped sentence carrying a claim that no nearby sentence of
//! the other side has (the skip stands, whatever the aligner's margin). Without a dictionary the aligner
//! has only lengths and anchors; numbers, dates, names and markers are the evidence it did not weigh.
//! This module decides nothing alone: the sentence rules ask it, and it must not report.

use crate::align::Bead;
use crate::claims::{AttributionKind, EntityKind, SentenceClaims, entity_matches};
use crate::compare::common::{around, date_matches, fold, precise, quantity_matches};
use crate::compare::names::found_in;
use crate::compare::quotes::counts;
use crate::compare::{BeadView, Context};
use crate::index::{OrigIdx, TransIdx};

/// One side of a comparison: claims and their folded text.
struct Group<'a> {
    claims: Vec<&'a SentenceClaims>,
    text: String,
}

/// Identifying claims of `s` (precise numbers, dates, trusted names): how many, and how many `other`
/// has too.
fn identifying(s: &SentenceClaims, other: &Group<'_>) -> (usize, usize) {
    let mut total = 0;
    let mut found = 0;
    for q in s.quantities.iter().filter(|q| precise(q)) {
        total += 1;
        found +=
            usize::from(other.claims.iter().any(|c| c.quantities.iter().any(|x| quantity_matches(q, x))));
    }
    for d in &s.dates {
        total += 1;
        found += usize::from(other.claims.iter().any(|c| c.dates.iter().any(|x| date_matches(d, x))));
    }
    for e in s.entities.iter().filter(|e| e.known || e.kind == EntityKind::Person) {
        total += 1;
        let there = other.claims.iter().any(|c| c.entities.iter().any(|x| entity_matches(e, x)))
            || found_in(&other.text, e);
        found += usize::from(there);
    }
    (total, found)
}

/// Markers a sentence carries, by kind: negations, explicit attributions, hedges, quotations.
fn markers(s: &SentenceClaims) -> [usize; 4] {
    [
        s.negations.len(),
        s.attributions.iter().filter(|a| a.kind != AttributionKind::ReportedSpeech).count(),
        s.hedges.len(),
        s.quotes.iter().filter(|q| counts(q)).count(),
    ]
}

fn marker_sum(claims: &[&SentenceClaims]) -> [usize; 4] {
    claims.iter().fold([0; 4], |mut acc, c| {
        for (a, m) in acc.iter_mut().zip(markers(c)) {
            *a += m;
        }
        acc
    })
}

/// Which edge of `side` (first or last sentence, by position) carries only claims `other` lacks, while
/// the rest of `side` shares an identifying claim with `other`; `near` is the other side's nearby
/// sentences, where a claim may have moved.
fn unaccounted_edge(side: &[&SentenceClaims], other: &Group<'_>, near: &Group<'_>) -> Option<usize> {
    if side.len() < 2 || other.claims.is_empty() {
        return None;
    }
    let side_markers = marker_sum(side);
    let other_markers = marker_sum(&other.claims);
    [0, side.len() - 1].into_iter().find(|&edge| {
        let s = side[edge];
        let (total, found) = identifying(s, other);
        let (_, found_near) = identifying(s, near);
        let m = markers(s);
        // Each kind of marker the edge has is a surplus of the side over the other.
        let surplus = m
            .iter()
            .zip(side_markers.iter().zip(other_markers))
            .all(|(&k, (&mine, theirs))| k == 0 || mine >= theirs + k);
        let rest_shares = side.iter().enumerate().any(|(k, c)| k != edge && identifying(c, other).1 > 0);
        total + m.iter().sum::<usize>() > 0 && found == 0 && found_near == 0 && surplus && rest_shares
    })
}

fn orig_group<'a>(ctx: &Context<'a>, beads: &[Bead], skip: Option<&Bead>) -> Group<'a> {
    let idx: Vec<OrigIdx> = beads
        .iter()
        .filter(|b| skip.is_none_or(|s| !std::ptr::eq(*b, s)))
        .flat_map(|b| b.original.clone())
        .collect();
    Group {
        claims: idx.iter().map(|&i| ctx.orig_claims(i)).collect(),
        text: idx.iter().map(|i| fold(&ctx.original.sentences[i.0].text)).collect::<Vec<_>>().join(" "),
    }
}

fn trans_group<'a>(ctx: &Context<'a>, beads: &[Bead], skip: Option<&Bead>) -> Group<'a> {
    let idx: Vec<TransIdx> = beads
        .iter()
        .filter(|b| skip.is_none_or(|s| !std::ptr::eq(*b, s)))
        .flat_map(|b| b.translation.clone())
        .collect();
    Group {
        claims: idx.iter().map(|&i| ctx.trans_claims(i)).collect(),
        text: idx.iter().map(|i| fold(&ctx.translation.sentences[i.0].text)).collect::<Vec<_>>().join(" "),
    }
}

/// The original sentence at the edge of a weak merged bead that the translation does not render: all
/// its claims are missing from the bead's and the neighbours' translation, and the rest of the bead
/// shares a claim with it.
pub(crate) fn dropped_in_merge(ctx: &Context<'_>, view: BeadView<'_>) -> Option<OrigIdx> {
    let bead = view.bead;
    if !bead.low_confidence || bead.translation.is_empty() {
        return None;
    }
    let beads = &ctx.alignment.beads;
    let side: Vec<&SentenceClaims> = bead.original.iter().map(|&o| ctx.orig_claims(o)).collect();
    let other = trans_group(ctx, std::slice::from_ref(bead), None);
    let near = trans_group(ctx, &beads[around(ctx, view.index)], Some(bead));
    unaccounted_edge(&side, &other, &near).map(|k| bead.original[k])
}

/// The translation sentence at the edge of a weak merged bead that renders nothing of the original:
/// the mirror of [`dropped_in_merge`].
pub(crate) fn added_in_merge(ctx: &Context<'_>, view: BeadView<'_>) -> Option<TransIdx> {
    let bead = view.bead;
    if !bead.low_confidence || bead.original.is_empty() {
        return None;
    }
    let beads = &ctx.alignment.beads;
    let side: Vec<&SentenceClaims> = bead.translation.iter().map(|&t| ctx.trans_claims(t)).collect();
    let other = orig_group(ctx, std::slice::from_ref(bead), None);
    let near = orig_group(ctx, &beads[around(ctx, view.index)], Some(bead));
    unaccounted_edge(&side, &other, &near).map(|k| bead.translation[k])
}

/// Whether a weak skip bead (a dropped or an added sentence) is borne out by its claims: one of them
/// (a number, a date, a trusted name) is in no nearby sentence of the other side, so the sentence is
/// not part of a neighbour's rendering.
pub(crate) fn skip_confirmed(ctx: &Context<'_>, view: BeadView<'_>) -> bool {
    let bead = view.bead;
    let beads = &ctx.alignment.beads[around(ctx, view.index)];
    let unmatched = |s: &SentenceClaims, other: &Group<'_>| {
        let (total, found) = identifying(s, other);
        total > found
    };
    if bead.translation.is_empty() {
        let other = trans_group(ctx, beads, None);
        bead.original.iter().any(|&o| unmatched(ctx.orig_claims(o), &other))
    } else if bead.original.is_empty() {
        let other = orig_group(ctx, beads, None);
        bead.translation.iter().any(|&t| unmatched(ctx.trans_claims(t), &other))
    } else {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::extract_text;

    fn claims(code: &str, text: &str) -> SentenceClaims {
        let lang = crate::lang::resolve(code, "test").unwrap_or_else(|_| panic!("{code}"));
        extract_text(text, lang)
    }

    fn group<'a>(claims: &[&'a SentenceClaims], texts: &[&str]) -> Group<'a> {
        Group { claims: claims.to_vec(), text: texts.iter().map(|t| fold(t)).collect::<Vec<_>>().join(" ") }
    }

    #[test]
    fn an_edge_whose_claims_are_all_missing() {
        let a = claims("ru", "«На улицы выведено более 12 400 единиц техники», — сказал Игорь Лаптев.");
        let b = claims("ru", "Он добавил, что отменять занятия в школах в среду не планируется.");
        let t_text = "“More than 12,400 machines have been deployed on the streets,” said Igor Laptev.";
        let t = claims("en", t_text);
        let none = group(&[], &[]);
        // The second sentence's weekday, negation and second attribution have no counterpart.
        assert_eq!(unaccounted_edge(&[&a, &b], &group(&[&t], &[t_text]), &none), Some(1));
        // A translation that renders both sentences accounts for the edge.
        let both_text = "“More than 12,400 machines have been deployed,” said Igor Laptev. He added that \
                         classes would not be cancelled on Wednesday.";
        let both = claims("en", both_text);
        assert_eq!(unaccounted_edge(&[&a, &b], &group(&[&both], &[both_text]), &none), None);
        // The weekday moved to the neighbouring sentence: no drop.
        let near_text = "Classes will go ahead on Wednesday, he said, and no one will stay at home.";
        let near = claims("en", near_text);
        assert_eq!(
            unaccounted_edge(&[&a, &b], &group(&[&t], &[t_text]), &group(&[&near], &[near_text])),
            None
        );
    }

    #[test]
    fn an_edge_without_claims_says_nothing() {
        let a = claims("ru", "Выведено более 12 400 единиц техники.");
        let b = claims("ru", "Многие жители добирались до работы пешком.");
        let t_text = "More than 12,400 machines have been deployed.";
        let t = claims("en", t_text);
        assert_eq!(unaccounted_edge(&[&a, &b], &group(&[&t], &[t_text]), &group(&[], &[])), None);
    }
}
