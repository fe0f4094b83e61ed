//! The number comparison shared by the four number rules: which quantities of a bead changed, went
//! missing, were added, or moved between precise and vague.

use crate::claims::{Quantity, QuantityKind};
use crate::compare::common::{
    bead_lost_quotes, inside_quote, nearby_orig, nearby_trans, orig_items, precise, quantity_matches,
    same_value, spare_orig, spare_trans, trans_items, unmatched, years_near_orig, years_near_trans,
};
use crate::compare::quotes::MIN_WORDS;
use crate::compare::{BeadView, Context};
use crate::index::{OrigIdx, TransIdx};
use crate::lang::units::{self, Unit};

type O<'a> = (OrigIdx, &'a Quantity);
type T<'a> = (TransIdx, &'a Quantity);

/// The differences in one bead.
#[derive(Debug, Default)]
pub(crate) struct NumberDiff<'a> {
    pub changed: Vec<(O<'a>, T<'a>)>,
    pub missing: Vec<O<'a>>,
    pub added: Vec<T<'a>>,
    /// A precise original number rendered by a vague word.
    pub made_vague: Vec<(O<'a>, T<'a>)>,
    /// A vague original word rendered by a precise number.
    pub made_precise: Vec<(O<'a>, T<'a>)>,
}

/// Compares the quantities of a paired bead.
pub(crate) fn diff<'a>(ctx: &Context<'a>, view: BeadView<'a>) -> NumberDiff<'a> {
    let bead = view.bead;
    let all_o = orig_items(ctx, bead, |c| &c.quantities);
    let all_t = trans_items(ctx, bead, |c| &c.quantities);
    let po: Vec<O<'a>> = all_o.iter().copied().filter(|(_, q)| precise(q)).collect();
    let pt: Vec<T<'a>> = all_t.iter().copied().filter(|(_, q)| precise(q)).collect();
    let mut vo: Vec<O<'a>> = all_o.iter().copied().filter(|(_, q)| q.kind == QuantityKind::Vague).collect();
    let mut vt: Vec<T<'a>> = all_t.iter().copied().filter(|(_, q)| q.kind == QuantityKind::Vague).collect();

    let (uo, ut) = unmatched(&po, &pt, |a, b| quantity_matches(a.1, b.1) || converted(ctx, *a, *b));
    // Sentence boundaries move: a number found in a neighbouring bead was not lost.
    let near_t = nearby_trans(ctx, view.index, |c| &c.quantities);
    let near_o = nearby_orig(ctx, view.index, |c| &c.quantities);
    // Where the other side has a vague word to stand for it, only a neighbour's number that its own
    // bead leaves unpaired counts: `zwei` next to `several`, with `two` one sentence on, is made vague.
    let spare_t = spare_trans(ctx, view.index, |c| &c.quantities, quantity_matches);
    let spare_o = spare_orig(ctx, view.index, |c| &c.quantities, quantity_matches);
    let years_t = years_near_trans(ctx, view.index);
    let years_o = years_near_orig(ctx, view.index);
    let is_year =
        |q: &Quantity, years: &[f64]| q.value.is_some_and(|v| years.iter().any(|&y| same_value(v, y)));
    let lost_quote = bead_lost_quotes(ctx, bead);
    let shortened = crate::compare::quotes::shortened(ctx, view);
    let unpaired_o = |near: &[&Quantity]| -> Vec<O<'a>> {
        uo.iter()
            .map(|&i| po[i])
            .filter(|(_, q)| !near.iter().any(|n| quantity_matches(q, n)) && !is_year(q, &years_t))
            // A number inside a quotation the translation lost is reported with the quotation.
            .filter(|(o, q)| !(lost_quote && inside_quote(ctx.orig_claims(*o), &q.span, MIN_WORDS)))
            // So is one inside a quotation the translation shortened.
            .filter(|(o, q)| {
                !shortened.iter().any(|(i, s)| i == o && s.start <= q.span.start && q.span.end <= s.end)
            })
            .collect()
    };
    let unpaired_t = |near: &[&Quantity]| -> Vec<T<'a>> {
        ut.iter()
            .map(|&j| pt[j])
            .filter(|(_, q)| !near.iter().any(|n| quantity_matches(q, n)) && !is_year(q, &years_o))
            .collect()
    };
    let mut uo = unpaired_o(&near_t);
    let mut ut = unpaired_t(&near_o);

    // Vague words pair off with each other first ("mehrere" ~ "several").
    let pairs = vo.len().min(vt.len());
    vo.drain(..pairs);
    vt.drain(..pairs);

    let mut out = NumberDiff::default();
    let same = |a: &Quantity, b: &Quantity| std::ptr::eq(a, b);
    for o in unpaired_o(&spare_t) {
        let Some(t) = (!vt.is_empty()).then(|| vt.remove(0)) else { break };
        uo.retain(|x| !same(x.1, o.1));
        out.made_vague.push((o, t));
    }
    for t in unpaired_t(&spare_o) {
        let Some(o) = (!vo.is_empty()).then(|| vo.remove(0)) else { break };
        ut.retain(|x| !same(x.1, t.1));
        out.made_precise.push((o, t));
    }
    // Pair what is left: same kind first (a percentage with a percentage), then in order.
    let mut i = 0;
    while i < uo.len() {
        if let Some(j) = ut.iter().position(|t| t.1.kind == uo[i].1.kind) {
            out.changed.push((uo.remove(i), ut.remove(j)));
        } else {
            i += 1;
        }
    }
    while !uo.is_empty() && !ut.is_empty() {
        out.changed.push((uo.remove(0), ut.remove(0)));
    }
    out.missing = uo;
    out.added = ut;
    out
}

/// The unit written right after a quantity, if the units table knows it.
fn unit_after<'u>(text: &str, q: &Quantity, lang: &str) -> Option<&'u Unit>
where
    'static: 'u,
{
    units::unit_at(text.get(q.span.end..)?, lang)
}

/// A translator's unit conversion: `500 Meter` as `1,650 feet`, `27 Grad` as `80.6 degrees`. Rounded
/// renderings ("almost 10,000-foot" for 3000 metres) are accepted within 10 %; that also covers US and
/// imperial gallons.
pub(crate) fn converted(ctx: &Context<'_>, (o, oq): O<'_>, (t, tq): T<'_>) -> bool {
    let (Some(ov), Some(tv)) = (oq.value, tq.value) else { return false };
    let otext = &ctx.original.sentences[o.0].text;
    let ttext = &ctx.translation.sentences[t.0].text;
    let (Some(ou), Some(tu)) = (
        unit_after(otext, oq, ctx.original.language.code),
        unit_after(ttext, tq, ctx.translation.language.code),
    ) else {
        return false;
    };
    if ou.id == tu.id {
        return false;
    }
    let imperial_gallon = 4.54609 / 3.785411784;
    units::convert(ov, ou, tu).is_some_and(|c| {
        let close = |c: f64| (c - tv).abs() <= 0.1 * c.abs().max(1.0);
        close(c) || (tu.id == "gal" && close(c / imperial_gallon))
    })
}
